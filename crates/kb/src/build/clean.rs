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
    counts: HashMap<String, (u32, u32)>,
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
                if tag == "O" {
                    e.0 += 1;
                } else {
                    e.1 += 1;
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

    /// A one-word name that annotated text uses mostly as an ordinary word.
    pub fn is_common_word(&self, key: &str) -> bool {
        if key.contains(' ') {
            return false;
        }
        let (o, named) = self.counts.get(key).copied().unwrap_or_default();
        o >= 3 && o > 2 * named
    }
}

/// Why a name was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DropReason {
    TooShort,
    NotArabic,
    TooLong,
    Stopword,
    CommonWord,
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
            DropReason::CommonWord => "an ordinary word in annotated text",
            DropReason::Curated => "listed in curated/name_drops.tsv",
            DropReason::TakenByMoreImportant => "a variant that names a more important entity",
        }
    }
}

/// Cleans one gazetteer name: the first of glued names, without a generic prefix.
/// `Err` says why it is no good.
pub fn clean_name(raw: &str, words: &WordUse, check_common: bool) -> Result<String, DropReason> {
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
    if check_common && words.is_common_word(&key) {
        return Err(DropReason::CommonWord);
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> WordUse {
        let mut w = WordUse::default();
        w.counts.insert("الشعب".into(), (40, 1));
        w.counts.insert("بغداد".into(), (2, 50));
        w.stopwords.insert("عند".into());
        w
    }

    #[test]
    fn glued_and_generic_names_are_cut_to_the_town() {
        let w = words();
        assert_eq!(
            clean_name("أبوفيان، أرارات", &w, true),
            Ok("أبوفيان".into())
        );
        assert_eq!(clean_name("مدينة قوبا", &w, true), Ok("قوبا".into()));
        assert_eq!(
            clean_name("يوخاري-داشكيسان", &w, true),
            Ok("يوخاري داشكيسان".into())
        );
    }

    #[test]
    fn words_and_fragments_are_not_town_names() {
        let w = words();
        assert_eq!(clean_name("الشعب", &w, true), Err(DropReason::CommonWord));
        assert_eq!(clean_name("الشعب", &w, false), Ok("الشعب".into()));
        assert_eq!(clean_name("بغداد", &w, true), Ok("بغداد".into()));
        assert_eq!(clean_name("عند", &w, true), Err(DropReason::Stopword));
        assert_eq!(clean_name("قم", &w, true), Err(DropReason::TooShort));
        assert_eq!(clean_name("Baku", &w, true), Err(DropReason::NotArabic));
    }
}
