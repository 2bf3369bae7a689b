//! Arabic cardinal number words, on matching keys, shared by the claim and time readers.

/// One to ten, masculine and feminine. احد/احدي ("one" in compounds: إحدى عشرة) are not
/// here: on their own they also spell الأحد, Sunday, so the time reader leaves them out
/// and the claim reader adds them.
pub(crate) const UNITS: [(&str, u32); 23] = [
    ("واحد", 1),
    ("واحده", 1),
    ("اثنان", 2),
    ("اثنين", 2),
    ("اثنتان", 2),
    ("اثنتين", 2),
    ("ثلاث", 3),
    ("ثلاثه", 3),
    ("اربع", 4),
    ("اربعه", 4),
    ("خمس", 5),
    ("خمسه", 5),
    ("ست", 6),
    ("سته", 6),
    ("سبع", 7),
    ("سبعه", 7),
    ("ثمان", 8),
    ("ثماني", 8),
    ("ثمانيه", 8),
    ("تسع", 9),
    ("تسعه", 9),
    ("عشر", 10),
    ("عشره", 10),
];
