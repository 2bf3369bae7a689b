//! Cleaning the heuristic Arabic names of the gazetteer.
//!
//! GeoNames' Arabic alternate names are chosen by script, not by language, so some are
//! Persian spellings, some glue two places together (أبوفيان، أرارات), some carry a
//! generic word (مدينة قوبا، مقاطعة كينترون) and some are plain Arabic words that
//! would turn every sentence into a place mention. The rules here are general; the
//! names they drop are listed in the build report.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::KbError;

/// Generic words that GeoNames puts before a town's name.
const GENERIC_PREFIXES: [&str; 7] = [
    "مدينه",
    "مقاطعه",
    "محافظه",
    "بلده",
    "قريه",
    "ناحيه",
    "بلديه",
];

/// Evidence of how a word is used in running text: how often annotators tagged it as
/// part of a name and how often as an ordinary word (ANERcorp and AQMAR).
#[derive(Debug, Default)]
pub struct WordUse {
    counts: HashMap<String, Tags>,
    stopwords: HashSet<String>,
}

impl WordUse {
    pub fn load(shared: &Path) -> Result<Self, KbError> {
        let mut w = WordUse::default();
        for file in [
            "ner/ANERcorp_CamelLabSplit_train.conll",
            "ner/AQMAR_wikipedia_all.conll",
        ] {
            let text = super::read(&shared.join(file))?;
            for line in text.lines() {
                let Some((tok, tag)) = line.rsplit_once(' ') else {
                    continue;
                };
                let e = w.counts.entry(marsad_text::key(tok)).or_default();
                match tag.get(2..).unwrap_or_default() {
                    _ if tag == "O" => e.word += 1,
                    "LOC" => e.place += 1,
                    "PERS" => e.person += 1,
                    _ => e.other += 1,
                }
            }
        }
        let stop = super::read(&shared.join("lexicons/stopwords_ar.tsv"))?;
        w.stopwords = stop
            .lines()
            .skip(1)
            .filter_map(|l| l.split('\t').next())
            .map(marsad_text::key)
            .collect();
        Ok(w)
    }

    pub fn is_stopword(&self, key: &str) -> bool {
        self.stopwords.contains(key)
    }

    /// A one-word name that annotated text uses mostly as an ordinary word, or mostly
    /// as a person's name (فلاديمير، بشار), for a place of `population`. A large city
    /// that annotators also tag as a place keeps its name (الموصل).
    pub fn is_common_word(&self, key: &str, population: u64) -> bool {
        if key.contains(' ') {
            return false;
        }
        let t = self.counts.get(key).copied().unwrap_or_default();
        if t.person >= 2 && t.person > t.place {
            return true;
        }
        let named = t.place + t.person + t.other;
        let word = t.word >= 3 && t.word > 2 * named;
        word && !(t.place >= 1 && population >= BIG_CITY)
    }

    /// Keys that annotated text uses as ordinary words more than as names: the reader
    /// does not look for spelling variants of these (قبل is not كابل).
    pub fn ordinary_words(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .counts
            .iter()
            .filter(|(k, t)| {
                let named = t.place + t.person + t.other;
                t.word >= 2
                    && t.word >= 2 * named
                    && k.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
            })
            .map(|(k, _)| k.as_str())
            .collect();
        v.sort_unstable();
        v
    }
}

/// How often annotators tagged a word as an ordinary word, a place, a person or
/// another kind of name.
#[derive(Debug, Default, Clone, Copy)]
struct Tags {
    word: u32,
    place: u32,
    person: u32,
    other: u32,
}

/// A city this large is named in news often enough to keep a name that is also a word.
const BIG_CITY: u64 = 300_000;

/// Why a name was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DropReason {
    TooShort,
    NotArabic,
    TooLong,
    Stopword,
    CommonWord,
    InflectedInNews,
    Curated,
    TakenByMoreImportant,
}

impl DropReason {
    pub fn as_str(&self) -> &'static str {
        match self {
            DropReason::TooShort => "shorter than 3 letters",
            DropReason::NotArabic => "not Arabic script only",
            DropReason::TooLong => "more than 4 words",
            DropReason::Stopword => "a stopword",
            DropReason::CommonWord => "an ordinary word or a first name in annotated text",
            DropReason::InflectedInNews => "inflected like an ordinary noun in news text",
            DropReason::Curated => "listed in curated/name_drops.tsv",
            DropReason::TakenByMoreImportant => "a variant that names a more important entity",
        }
    }
}

/// Cleans one gazetteer name: the first of glued names, without a generic prefix.
/// `Err` says why it is no good.
/// `population` is `None` for names that are never checked against ordinary words
/// (countries, curated entities).
pub fn clean_name(
    raw: &str,
    words: &WordUse,
    population: Option<u64>,
) -> Result<String, DropReason> {
    let first = raw.split(['،', ',', '(']).next().unwrap_or_default().trim();
    let first = first.replace('-', " ");
    if first
        .chars()
        .any(|c| c.is_ascii_alphanumeric() || c == '/' || c == '"')
    {
        return Err(DropReason::NotArabic);
    }
    let mut key = marsad_text::key(&first);
    let mut name = first.trim().to_string();
    for p in GENERIC_PREFIXES {
        if let Some(rest) = key.strip_prefix(p).and_then(|r| r.strip_prefix(' ')) {
            key = rest.to_string();
            // Keep the original spelling of what is left.
            name = name
                .split_once(' ')
                .map(|(_, r)| r.trim().to_string())
                .unwrap_or_default();
            break;
        }
    }
    if key.split(' ').count() > 4 {
        return Err(DropReason::TooLong);
    }
    if key.chars().filter(|c| *c != ' ').count() < 3 {
        return Err(DropReason::TooShort);
    }
    if words.is_stopword(&key) {
        return Err(DropReason::Stopword);
    }
    if population.is_some_and(|p| words.is_common_word(&key, p)) {
        return Err(DropReason::CommonWord);
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> WordUse {
        let mut w = WordUse::default();
        let tags = |word, place, person| Tags {
            word,
            place,
            person,
            other: 0,
        };
        w.counts.insert("الشعب".into(), tags(40, 1, 0));
        w.counts.insert("بغداد".into(), tags(2, 50, 0));
        w.counts.insert("فلاديمير".into(), tags(0, 1, 9));
        w.counts.insert("الموصل".into(), tags(9, 1, 0));
        w.stopwords.insert("عند".into());
        w
    }

    #[test]
    fn glued_and_generic_names_are_cut_to_the_town() {
        let w = words();
        assert_eq!(
            clean_name("أبوفيان، أرارات", &w, Some(0)),
            Ok("أبوفيان".into())
        );
        assert_eq!(clean_name("مدينة قوبا", &w, Some(0)), Ok("قوبا".into()));
        assert_eq!(
            clean_name("يوخاري-داشكيسان", &w, Some(0)),
            Ok("يوخاري داشكيسان".into())
        );
    }

    #[test]
    fn words_and_fragments_are_not_town_names() {
        let w = words();
        assert_eq!(
            clean_name("الشعب", &w, Some(0)),
            Err(DropReason::CommonWord)
        );
        assert_eq!(clean_name("الشعب", &w, None), Ok("الشعب".into()));
        assert_eq!(clean_name("بغداد", &w, Some(0)), Ok("بغداد".into()));
        assert_eq!(
            clean_name("فلاديمير", &w, Some(350_000)),
            Err(DropReason::CommonWord)
        );
        assert_eq!(
            clean_name("الموصل", &w, Some(1_700_000)),
            Ok("الموصل".into())
        );
        assert_eq!(
            clean_name("الموصل", &w, Some(20_000)),
            Err(DropReason::CommonWord)
        );
        assert_eq!(clean_name("عند", &w, Some(0)), Err(DropReason::Stopword));
        assert_eq!(clean_name("قم", &w, Some(0)), Err(DropReason::TooShort));
        assert_eq!(clean_name("Baku", &w, Some(0)), Err(DropReason::NotArabic));
    }
}
