//! Figures as Arabic news writes them: digits (Arabic-Indic come as ASCII on the key),
//! grouped digits (1,300), number words (ثلاثة، خمسة وعشرون، مئتان، ثلاثة آلاف) and vague
//! amounts (عشرات، مئات، آلاف).

use super::doc::Doc;
use super::words::Lexicon;
use crate::numerals::UNITS;
use std::sync::LazyLock;

/// A figure found at a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Figure {
    /// `None` for a vague amount.
    pub count: Option<u64>,
    /// Index of the first and last word of the figure.
    pub first: usize,
    pub last: usize,
}

/// One to ten ([`UNITS`]), and احد/احدي, "one" before a ten (إحدى عشرة).
fn units() -> impl Iterator<Item = (&'static str, u64)> {
    UNITS
        .iter()
        .map(|&(w, n)| (w, u64::from(n)))
        .chain([("احد", 1), ("احدي", 1)])
}

/// Tens are these stems with ون or ين.
const TENS: [(&str, u64); 8] = [
    ("عشر", 20),
    ("ثلاث", 30),
    ("اربع", 40),
    ("خمس", 50),
    ("ست", 60),
    ("سبع", 70),
    ("ثمان", 80),
    ("تسع", 90),
];

/// مئة and مائة are both written, alone, in the dual and after a unit (ثلاثمئة).
const HUNDRED: [&str; 2] = ["مءه", "ماءه"];
const TWO_HUNDRED: [&str; 6] = ["مءتان", "مءتين", "مءتا", "ماءتان", "ماءتين", "ماءتا"];

/// Multipliers: ألف، آلاف (after a numeral), مليون، مليار.
const SCALES: [(&str, u64); 12] = [
    ("الف", 1_000),
    ("الاف", 1_000),
    ("الفا", 1_000),
    ("الفان", 2_000),
    ("الفين", 2_000),
    ("مليون", 1_000_000),
    ("ملايين", 1_000_000),
    ("مليونا", 1_000_000),
    ("مليونان", 2_000_000),
    ("مليونين", 2_000_000),
    ("مليار", 1_000_000_000),
    ("مليارات", 1_000_000_000),
];

const VAGUE: [&str; 9] = [
    "عشرات",
    "مءات",
    "ماءات",
    "الاف",
    "الوف",
    "الوفا",
    "الالاف",
    "العشرات",
    "المءات",
];

fn find(table: &[(&str, u64)], w: &str) -> Option<u64> {
    table.iter().find(|(k, _)| *k == w).map(|&(_, v)| v)
}

fn unit(w: &str) -> Option<u64> {
    units().find(|(k, _)| *k == w).map(|(_, v)| v)
}

fn tens(w: &str) -> Option<u64> {
    let stem = w.strip_suffix("ون").or_else(|| w.strip_suffix("ين"))?;
    find(&TENS, stem)
}

fn hundreds(w: &str) -> Option<u64> {
    for hundred in HUNDRED {
        if w == hundred {
            return Some(100);
        }
        if let Some(u) = w.strip_suffix(hundred).and_then(unit) {
            return (2..=9).contains(&u).then_some(u * 100);
        }
    }
    TWO_HUNDRED.contains(&w).then_some(200)
}

fn scale(w: &str) -> Option<u64> {
    find(&SCALES, w)
}

fn is_vague(w: &str) -> bool {
    VAGUE.contains(&w)
}

/// Every word that is a vague amount, a scale or a number word: `bare` asks this set, whose
/// letter gate turns away nearly every word at once, before the lists themselves.
static NUMBER_WORDS: LazyLock<Lexicon<()>> = LazyLock::new(|| {
    let ones = units().map(|(w, _)| w.to_string());
    let tens = TENS
        .iter()
        .flat_map(|(w, _)| [format!("{w}ون"), format!("{w}ين")]);
    let hundreds = HUNDRED.iter().flat_map(|h| {
        units()
            .filter(|(_, v)| (2..=9).contains(v))
            .map(move |(u, _)| format!("{u}{h}"))
            .chain([h.to_string()])
    });
    let rest = TWO_HUNDRED
        .iter()
        .chain(SCALES.iter().map(|(w, _)| w))
        .chain(VAGUE.iter())
        .map(|w| w.to_string());
    Lexicon::of_words(
        ones.chain(tens)
            .chain(hundreds)
            .chain(rest)
            .map(|w| (w, ())),
    )
});

/// Digits with an optional one-letter proclitic (و200، ب49، ل1960), as a float: groups of
/// three after a separator are thousands, anything else is a decimal part.
fn digits(w: &str) -> Option<f64> {
    let w = w.trim_start_matches(|c: char| !c.is_ascii_digit());
    let prefix_len = w.len();
    if prefix_len == 0 || !w.chars().all(|c| c.is_ascii_digit() || ",.٫٬".contains(c)) {
        return None;
    }
    let parts: Vec<&str> = w.split([',', '.', '٫', '٬']).collect();
    if parts.len() > 1 && parts[1..].iter().all(|p| p.len() == 3) {
        return parts.concat().parse().ok();
    }
    let (int, frac) = (parts[0], parts.get(1).copied().unwrap_or("0"));
    format!("{int}.{frac}").parse().ok()
}

/// The figure that starts at word `i`, if any.
pub(crate) fn figure_at(doc: &Doc, i: usize) -> Option<Figure> {
    let word = doc.word(i);
    // Most words hold no digit, as the document noted when it read them.
    let has_digit = doc.toks[i].digits;
    let lead = if has_digit {
        word.chars().take_while(|c| !c.is_ascii_digit()).count()
    } else {
        usize::MAX
    };
    // Only a proclitic may precede digits on the same word.
    if lead <= 2 {
        let head: String = word.chars().take(lead).collect();
        if !head.chars().all(|c| "وفبلك".contains(c)) {
            return None;
        }
        let v = digits(word)?;
        let (v, last) = match next_scale(doc, i) {
            Some(m) => (v * m as f64, i + 1),
            None => (v, i),
        };
        return Some(Figure {
            count: Some(v.round() as u64),
            first: i,
            last,
        });
    }
    let stem = doc.number_stem(i)?;
    if is_vague(stem) {
        return Some(Figure {
            count: None,
            first: i,
            last: i,
        });
    }
    words_at(doc, i)
}

/// The word without و/ب/ل; a number word never with the article ("الثالثة" is an ordinal).
pub(crate) fn bare<'w>(w: &str, readings: &[&'w str]) -> Option<&'w str> {
    readings.iter().copied().find(|s| {
        // No number word is longer than eight letters, and most words are turned away by
        // the set of them before any list is read.
        if s.len() > 16 || NUMBER_WORDS.get(s).is_none() {
            return false;
        }
        let via_article = w.len() >= s.len() + 4 && w[..w.len() - s.len()].ends_with("ال");
        is_vague(s)
            || scale(s).is_some()
            || (!via_article && !s.starts_with("ال") && number_word(s).is_some())
    })
}

fn next_scale(doc: &Doc, i: usize) -> Option<u64> {
    let j = i + 1;
    (j < doc.toks.len() && doc.toks[j].sentence == doc.toks[i].sentence)
        .then(|| scale(doc.word(j)))
        .flatten()
}

/// A number written in words: units, "عشر" teens, tens and hundreds joined by و, scales.
fn words_at(doc: &Doc, i: usize) -> Option<Figure> {
    let first = doc.number_stem(i)?;
    let (mut total, mut current) = match scale(first) {
        Some(m) => (m, 0),
        None => (0, number_word(first)?),
    };
    let mut j = i + 1;
    while j < doc.toks.len() && doc.toks[j].sentence == doc.toks[i].sentence {
        let w = doc.word(j);
        if let Some(m) = scale(w) {
            total += current.max(1) * m;
            current = 0;
        } else if let Some(v) = w.strip_prefix('و').and_then(number_word) {
            current += v;
        } else if unit(w) == Some(10) && (1..10).contains(&current) {
            current += 10;
        } else {
            break;
        }
        j += 1;
    }
    Some(Figure {
        count: Some(total + current),
        first: i,
        last: j - 1,
    })
}

fn number_word(w: &str) -> Option<u64> {
    unit(w).or_else(|| tens(w)).or_else(|| hundreds(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::context::Context;

    fn figure(text: &str) -> Option<Figure> {
        let demonym = |_: &str| None;
        let cx = Context {
            body: text,
            sentences: &[],
            mentions: &[],
            entities: &[],
            times: &[],
            published: None,
            demonym: &demonym,
        };
        let doc = Doc::new(&cx);
        figure_at(&doc, 0)
    }

    fn count(text: &str) -> Option<u64> {
        figure(text).and_then(|f| f.count)
    }

    #[test]
    fn digits_in_every_script_and_grouping() {
        assert_eq!(count("1,300 مبنى"), Some(1300));
        assert_eq!(count("١٢٥ شهيدا"), Some(125));
        assert_eq!(count("و200 جريح"), Some(200));
        assert_eq!(count("2.5 مليون نازح"), Some(2_500_000));
        assert_eq!(count("3 آلاف نازح"), Some(3000));
        assert_eq!(count("١٬٢٠٠ منزل"), Some(1200));
    }

    #[test]
    fn number_words() {
        assert_eq!(count("ثلاثة جنود"), Some(3));
        assert_eq!(count("خمسة وعشرون مدنيا"), Some(25));
        assert_eq!(count("أحد عشر طفلا"), Some(11));
        assert_eq!(count("مئتا منزل"), Some(200));
        assert_eq!(count("ألف شخص"), Some(1000));
        assert_eq!(count("مائة شخص"), Some(100));
        assert_eq!(count("ثلاثمئة عائلة"), Some(300));
        assert_eq!(count("ثلاثة آلاف لاجئ"), Some(3000));
        assert_eq!(count("أحد عسكرييها"), Some(1));
    }

    #[test]
    fn the_set_of_number_words_is_what_the_lists_read() {
        let number = |w: &str| is_vague(w) || scale(w).is_some() || number_word(w).is_some();
        for w in NUMBER_WORDS.words() {
            assert!(number(w), "{w}");
        }
        for w in ["ثلاثمءه", "تسعين", "مءتا", "الالاف", "مليارات", "احدي"]
        {
            assert!(NUMBER_WORDS.get(w).is_some(), "{w}");
        }
        // Every ending and beginning that could build a number word, and a few near misses.
        let parts = [
            "", "و", "ال", "ون", "ين", "مءه", "ماءه", "ه", "ا", "ان", "ين", "ات",
        ];
        let stems = units()
            .map(|(w, _)| w)
            .chain(TENS.iter().chain(&SCALES).map(|(w, _)| *w));
        for stem in stems.chain(VAGUE).chain(TWO_HUNDRED).chain(HUNDRED) {
            for p in parts {
                for q in parts {
                    let w = format!("{p}{stem}{q}");
                    assert_eq!(number(&w), NUMBER_WORDS.get(&w).is_some(), "{w}");
                }
            }
        }
    }

    #[test]
    fn vague_amounts_have_no_count() {
        let f = figure("عشرات القتلى").unwrap();
        assert_eq!((f.count, f.last), (None, 0));
        assert!(figure("الآلاف من النازحين").unwrap().count.is_none());
        assert!(figure("الثالثة فجرا").is_none());
        assert!(figure("الجيش").is_none());
        assert!(figure("وآلاف النازحين").unwrap().count.is_none());
        assert_eq!(count("وعشرون"), Some(20));
    }
}
