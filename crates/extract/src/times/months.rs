//! Month names: Gregorian in every naming system of Arabic news, and Hijri.

use super::lexicon::{find, WordMap};
use super::tokens::Tok;
use std::sync::LazyLock;

/// Month names of the Gregorian calendar as written across Arabic news: Levantine and
/// Iraqi (Syriac names), Egyptian and Gulf (from the Latin names), Algerian and
/// Tunisian (from French), Moroccan. Two-word names are written with a space.
pub(crate) const GREGORIAN_MONTHS: &[(&str, u32)] = &[
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("اذار", 3),
    ("نيسان", 4),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("اب", 8),
    ("ايلول", 9),
    ("تشرين الاول", 10),
    ("تشرين الثاني", 11),
    ("كانون الاول", 12),
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("اغسطس", 8),
    ("اغسطوس", 8),
    ("سبتمبر", 9),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("جانفي", 1),
    ("فيفري", 2),
    ("افريل", 4),
    ("ماي", 5),
    ("جوان", 6),
    ("جويليه", 7),
    ("جويلي", 7),
    ("اوت", 8),
    ("يوليوز", 7),
    ("غشت", 8),
    ("شتنبر", 9),
    ("نونبر", 11),
    ("دجنبر", 12),
    ("كانون ثاني", 1),
    ("كانون اول", 12),
    ("تشرين اول", 10),
    ("تشرين ثاني", 11),
];

/// Month names that are also common words (مارس "practised", أب "father", ماي):
/// read as months only next to a day number, a year or a paired name.
const AMBIGUOUS_MONTHS: &[&str] = &["مارس", "اب", "ماي"];

pub(crate) const HIJRI_MONTHS: &[(&str, u32)] = &[
    ("محرم", 1),
    ("صفر", 2),
    ("ربيع الاول", 3),
    ("ربيع الاخر", 4),
    ("ربيع الثاني", 4),
    ("ربيع الاخره", 4),
    ("جمادي الاولي", 5),
    ("جمادي الاول", 5),
    ("جمادي الاخره", 6),
    ("جمادي الثانيه", 6),
    ("جمادي الاخر", 6),
    ("جمادي الثاني", 6),
    ("رجب", 7),
    ("شعبان", 8),
    ("رمضان", 9),
    ("شوال", 10),
    ("ذو القعده", 11),
    ("ذي القعده", 11),
    ("ذو الحجه", 12),
    ("ذي الحجه", 12),
    ("ذا القعده", 11),
    ("ذا الحجه", 12),
];

type NameIndex = WordMap<Vec<(Vec<&'static str>, u32)>>;

/// Month names indexed by their first word.
fn name_index(table: &[(&'static str, u32)]) -> NameIndex {
    let mut index = NameIndex::default();
    for &(name, month) in table {
        let mut words = name.split(' ');
        if let Some(first) = words.next() {
            index
                .entry(first)
                .or_default()
                .push((words.collect(), month));
        }
    }
    index
}

static GREGORIAN_INDEX: LazyLock<NameIndex> = LazyLock::new(|| name_index(GREGORIAN_MONTHS));
static HIJRI_INDEX: LazyLock<NameIndex> = LazyLock::new(|| name_index(HIJRI_MONTHS));

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MonthName {
    pub month: u32,
    /// Token index after the name.
    pub next: usize,
    pub ambiguous: bool,
    /// The first token carried a proclitic of this many bytes.
    pub clitic: usize,
}

fn name_at(toks: &[Tok], i: usize, index: &NameIndex) -> Option<MonthName> {
    let t = toks.get(i)?;
    let (entries, clitic) = find(t, index)?;
    let mut best: Option<MonthName> = None;
    for (rest, month) in entries {
        let matched = rest
            .iter()
            .enumerate()
            .all(|(k, w)| toks.get(i + 1 + k).is_some_and(|u| u.text == *w));
        let next = i + 1 + rest.len();
        if matched && best.is_none_or(|b| next > b.next) {
            let ambiguous =
                rest.is_empty() && AMBIGUOUS_MONTHS.iter().any(|a| t.word(a) == Some(clitic));
            best = Some(MonthName {
                month: *month,
                next,
                ambiguous,
                clitic,
            });
        }
    }
    best
}

/// A Gregorian month name, or two names of one month joined by a slash or brackets
/// (تشرين الثاني/نوفمبر, أيلول/ سبتمبر, نوفمبر (تشرين الثاني)).
pub(crate) fn gregorian_month(toks: &[Tok], i: usize) -> Option<MonthName> {
    let mut m = name_at(toks, i, &GREGORIAN_INDEX)?;
    let j = m.next;
    let paired = if toks.get(j).is_some_and(|t| t.punct("/") || t.punct("-")) {
        name_at(toks, j + 1, &GREGORIAN_INDEX).map(|n| n.next)
    } else if toks.get(j).is_some_and(|t| t.punct("(")) {
        name_at(toks, j + 1, &GREGORIAN_INDEX)
            .filter(|n| toks.get(n.next).is_some_and(|t| t.punct(")")))
            .map(|n| n.next + 1)
    } else {
        None
    };
    if let Some(next) = paired {
        m.next = next;
        m.ambiguous = false;
    }
    Some(m)
}

pub(crate) fn hijri_month(toks: &[Tok], i: usize) -> Option<MonthName> {
    name_at(toks, i, &HIJRI_INDEX)
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
    fn paired_month_names_read_as_one_month() {
        with_toks("تشرين الثاني /نوفمبر 2020", |t| {
            assert_eq!(
                gregorian_month(t, 0).map(|m| (m.month, m.next)),
                Some((11, 4))
            );
        });
        with_toks("أيلول/ سبتمبر", |t| {
            assert_eq!(gregorian_month(t, 0).map(|m| m.month), Some(9))
        });
        with_toks("جويلية", |t| {
            assert_eq!(gregorian_month(t, 0).map(|m| m.month), Some(7))
        });
        with_toks("مارس", |t| {
            assert!(gregorian_month(t, 0).is_some_and(|m| m.ambiguous))
        });
        with_toks("ذي الحجة", |t| {
            assert_eq!(hijri_month(t, 0).map(|m| m.month), Some(12))
        });
    }
}
