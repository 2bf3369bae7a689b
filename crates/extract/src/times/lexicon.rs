//! The words of Arabic time expressions, in matching-key form (ة→ه, ى→ي, أ/إ/آ→ا,
//! ؤ/ئ→ء), and the small readers for numbers, ordinals and month names built on them.

use super::months::{GREGORIAN_MONTHS, HIJRI_MONTHS};
use super::tokens::{Kind, Tok};
use crate::claims::words::Lexicon;
use crate::numerals::UNITS;
use chrono::Weekday;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

pub(crate) const WEEKDAYS: &[(&str, Weekday)] = &[
    ("الاحد", Weekday::Sun),
    ("الاثنين", Weekday::Mon),
    ("الثلاثاء", Weekday::Tue),
    ("الاربعاء", Weekday::Wed),
    ("الخميس", Weekday::Thu),
    ("الجمعه", Weekday::Fri),
    ("السبت", Weekday::Sat),
];

/// The hasher of the word tables: Fx reads a word eight bytes at a time, where FNV-1a
/// read it byte by byte, and these tables are asked for nearly every word of a text.
pub(crate) type Fnv = rustc_hash::FxHasher;

pub(crate) type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<Fnv>>;

/// A set of words behind the letter and length gate of the claims lexicons: nearly every
/// word of a text is turned away without hashing.
pub(crate) struct StartWords(Lexicon<()>);

impl StartWords {
    pub(crate) fn new(words: impl Iterator<Item = &'static str>) -> Self {
        StartWords(Lexicon::of_words(words.map(|w| (w.to_string(), ()))))
    }

    #[inline]
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.0.get(w).is_some()
    }
}

/// The entry of the first reading of `t` (whole, or behind proclitics) found in `map`,
/// with the proclitics' length.
pub(crate) fn find<'m, V>(t: &Tok, map: &'m WordMap<V>) -> Option<(&'m V, usize)> {
    t.readings().find_map(|(c, r)| map.get(r).map(|v| (v, c)))
}

/// `find` for the gated tables of single words.
fn find_word<V: Copy>(t: &Tok, words: &Lexicon<V>) -> Option<(V, usize)> {
    t.readings().find_map(|(c, r)| words.get(r).map(|v| (v, c)))
}

fn word_map<V: Copy>(entries: impl IntoIterator<Item = (&'static str, V)>) -> Lexicon<V> {
    Lexicon::of_words(entries.into_iter().map(|(w, v)| (w.to_string(), v)))
}

/// Ordinals: value, and whether the word only opens a compound (الحادي عشر).
static ORDINAL_MASC_MAP: LazyLock<Lexicon<(u32, bool)>> =
    LazyLock::new(|| word_map(ORDINALS_MASC.iter().map(|&(w, n)| (w, (n, w == "الحادي")))));
static ORDINAL_FEM_MAP: LazyLock<Lexicon<(u32, bool)>> =
    LazyLock::new(|| word_map(ORDINALS_FEM.iter().map(|&(w, n)| (w, (n, w == "الحاديه")))));
static ORDINAL_TENS_MAP: LazyLock<Lexicon<u32>> =
    LazyLock::new(|| word_map(ORDINAL_TENS.iter().copied()));
static UNIT_MAP: LazyLock<Lexicon<(&'static str, Count)>> =
    LazyLock::new(|| word_map(DURATION_UNITS.iter().map(|&(w, u, c)| (w, (u, c)))));
static WEEKDAY_MAP: LazyLock<Lexicon<Weekday>> =
    LazyLock::new(|| word_map(WEEKDAYS.iter().copied()));

const TENS: &[(&str, u32)] = &[
    ("عشرون", 20),
    ("عشرين", 20),
    ("ثلاثون", 30),
    ("ثلاثين", 30),
    ("اربعون", 40),
    ("اربعين", 40),
    ("خمسون", 50),
    ("خمسين", 50),
    ("ستون", 60),
    ("ستين", 60),
    ("سبعون", 70),
    ("سبعين", 70),
    ("ثمانون", 80),
    ("ثمانين", 80),
    ("تسعون", 90),
    ("تسعين", 90),
];

fn lookup(table: &[(&str, u32)], w: &str) -> Option<u32> {
    table.iter().find(|(k, _)| *k == w).map(|&(_, v)| v)
}

/// `w` read as a tens word behind the conjunction و (وعشرين).
fn and_tens(t: Option<&Tok>) -> Option<u32> {
    let t = t?;
    lookup(TENS, t.text.strip_prefix('و')?)
}

/// A cardinal number in words (ثلاثة, خمسة عشر, خمس وعشرين, مئة): value, next index,
/// proclitic length of the first token.
pub(crate) fn cardinal_words(toks: &[Tok], i: usize) -> Option<(u32, usize, usize)> {
    let t = toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    for (w, clitic) in [
        (t.text, 0),
        (t.text.strip_prefix('و').unwrap_or(""), "و".len()),
    ] {
        if let Some(n) = lookup(TENS, w) {
            return Some((n, i + 1, clitic));
        }
        if matches!(w, "مءه" | "ماءه") {
            return Some((100, i + 1, clitic));
        }
        let teen_head = matches!(w, "احد" | "احدي" | "اثنا" | "اثني" | "اثنتا" | "اثنتي");
        if let Some(n) = lookup(&UNITS, w).or(teen_head.then_some(1)) {
            let n = if matches!(w, "اثنا" | "اثني" | "اثنتا" | "اثنتي") {
                2
            } else {
                n
            };
            if n < 10
                && toks
                    .get(i + 1)
                    .is_some_and(|u| u.text == "عشر" || u.text == "عشره")
            {
                return Some((10 + n, i + 2, clitic));
            }
            if let Some(tens) = and_tens(toks.get(i + 1)) {
                return Some((n + tens, i + 2, clitic));
            }
            if !teen_head {
                return Some((n, i + 1, clitic));
            }
        }
    }
    None
}

const ORDINALS_MASC: &[(&str, u32)] = &[
    ("الاول", 1),
    ("الحادي", 1),
    ("الثاني", 2),
    ("الثالث", 3),
    ("الرابع", 4),
    ("الخامس", 5),
    ("السادس", 6),
    ("السابع", 7),
    ("الثامن", 8),
    ("التاسع", 9),
    ("العاشر", 10),
];

const ORDINALS_FEM: &[(&str, u32)] = &[
    ("الاولي", 1),
    ("الواحده", 1),
    ("الحاديه", 1),
    ("الثانيه", 2),
    ("الثالثه", 3),
    ("الرابعه", 4),
    ("الخامسه", 5),
    ("السادسه", 6),
    ("السابعه", 7),
    ("الثامنه", 8),
    ("التاسعه", 9),
    ("العاشره", 10),
];

const ORDINAL_TENS: &[(&str, u32)] = &[
    ("العشرين", 20),
    ("الثلاثين", 30),
    ("الاربعين", 40),
    ("الخمسين", 50),
    ("الستين", 60),
];

/// An ordinal in words, masculine (days: التاسع, الحادي والعشرين) or feminine (hours and
/// minutes: التاسعة, الحادية عشرة): value, next index, proclitic length.
pub(crate) fn ordinal(toks: &[Tok], i: usize, feminine: bool) -> Option<(u32, usize, usize)> {
    let t = toks.get(i)?;
    let map = if feminine {
        &ORDINAL_FEM_MAP
    } else {
        &ORDINAL_MASC_MAP
    };
    if let Some(((n, compound_only), clitic)) = find_word(t, map) {
        let teen = if feminine { "عشره" } else { "عشر" };
        if n < 10 && toks.get(i + 1).is_some_and(|u| u.text == teen) {
            return Some((10 + n, i + 2, clitic));
        }
        let tens = toks
            .get(i + 1)
            .and_then(|u| ORDINAL_TENS_MAP.get(u.text.strip_prefix('و')?));
        if let Some(tens) = tens.filter(|_| n < 10) {
            return Some((n + tens, i + 2, clitic));
        }
        return (!compound_only).then_some((n, i + 1, clitic));
    }
    find_word(t, &ORDINAL_TENS_MAP).map(|(n, clitic)| (n, i + 1, clitic))
}

/// Units of duration: key form → (TIMEX3 unit, count implied by the form).
/// `None` count: a plural read as "some" (PXD) unless a number precedes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Count {
    One,
    Two,
    Plural,
}

pub(crate) const DURATION_UNITS: &[(&str, &str, Count)] = &[
    ("يوم", "D", Count::One),
    ("يوما", "D", Count::One),
    ("ايام", "D", Count::Plural),
    ("يومين", "D", Count::Two),
    ("يومان", "D", Count::Two),
    ("اسبوع", "W", Count::One),
    ("اسبوعا", "W", Count::One),
    ("اسابيع", "W", Count::Plural),
    ("اسبوعين", "W", Count::Two),
    ("اسبوعان", "W", Count::Two),
    ("شهر", "M", Count::One),
    ("شهرا", "M", Count::One),
    ("اشهر", "M", Count::Plural),
    ("شهور", "M", Count::Plural),
    ("شهرين", "M", Count::Two),
    ("شهران", "M", Count::Two),
    ("عام", "Y", Count::One),
    ("عاما", "Y", Count::One),
    ("اعوام", "Y", Count::Plural),
    ("عامين", "Y", Count::Two),
    ("عامان", "Y", Count::Two),
    ("سنه", "Y", Count::One),
    ("سنوات", "Y", Count::Plural),
    ("سنين", "Y", Count::Plural),
    ("سنتين", "Y", Count::Two),
    ("سنتان", "Y", Count::Two),
    ("عقد", "DE", Count::One),
    ("عقدا", "DE", Count::One),
    ("عقود", "DE", Count::Plural),
    ("عقدين", "DE", Count::Two),
    ("عقدان", "DE", Count::Two),
    ("قرن", "CE", Count::One),
    ("قرنا", "CE", Count::One),
    ("قرون", "CE", Count::Plural),
    ("قرنين", "CE", Count::Two),
    ("ساعه", "H", Count::One),
    ("ساعات", "H", Count::Plural),
    ("ساعتين", "H", Count::Two),
    ("ساعتان", "H", Count::Two),
    ("دقيقه", "MIN", Count::One),
    ("دقاءق", "MIN", Count::Plural),
    ("دقيقتين", "MIN", Count::Two),
    ("ثانيه", "S", Count::One),
    ("ثوان", "S", Count::Plural),
];

/// The duration unit this token names, with its proclitic length.
pub(crate) fn duration_unit(t: &Tok) -> Option<(&'static str, Count, usize)> {
    find_word(t, &UNIT_MAP).map(|((unit, count), c)| (unit, count, c))
}

/// The first word of every entry in these tables.
pub(crate) fn table_start_words() -> impl Iterator<Item = &'static str> {
    let first = |name: &'static str| name.split(' ').next().unwrap_or(name);
    WEEKDAYS
        .iter()
        .map(|(w, _)| *w)
        .chain(
            GREGORIAN_MONTHS
                .iter()
                .chain(HIJRI_MONTHS)
                .map(move |(w, _)| first(w)),
        )
        .chain(
            UNITS
                .iter()
                .chain(TENS)
                .chain(ORDINALS_MASC)
                .chain(ORDINALS_FEM)
                .chain(ORDINAL_TENS)
                .map(|(w, _)| *w),
        )
        .chain(DURATION_UNITS.iter().map(|(w, _, _)| *w))
        .chain([
            "احد",
            "احدي",
            "اثنا",
            "اثني",
            "اثنتا",
            "اثنتي",
            "مءه",
            "ماءه",
        ])
}

pub(crate) fn weekday(t: &Tok) -> Option<(Weekday, usize)> {
    find_word(t, &WEEKDAY_MAP)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::times::tokens::tokenise;
    use marsad_text::Keyed;

    fn with_toks<R>(text: &str, f: impl FnOnce(&[Tok]) -> R) -> R {
        let k = Keyed::new(text);
        let toks = tokenise(&k, text);
        f(&toks)
    }

    #[test]
    fn number_words_read_with_teens_and_tens() {
        with_toks("ستة أسابيع", |t| {
            assert_eq!(cardinal_words(t, 0), Some((6, 1, 0)))
        });
        with_toks("خمسة عشر يوما", |t| {
            assert_eq!(cardinal_words(t, 0), Some((15, 2, 0)))
        });
        with_toks("خمس وعشرين سنة", |t| {
            assert_eq!(cardinal_words(t, 0), Some((25, 2, 0)))
        });
        with_toks("التاسع من", |t| {
            assert_eq!(ordinal(t, 0, false), Some((9, 1, 0)))
        });
        with_toks("الحادي والعشرين من", |t| {
            assert_eq!(ordinal(t, 0, false), Some((21, 2, 0)))
        });
        with_toks("الحادية عشرة ليلا", |t| {
            assert_eq!(ordinal(t, 0, true), Some((11, 2, 0)))
        });
        with_toks("الحادي", |t| assert_eq!(ordinal(t, 0, false), None));
    }
}
