//! Telling a town's name from an ordinary word by how news text inflects it.
//!
//! An ordinary noun takes the article and pronoun suffixes (دولة، الدولة، دولتها;
//! قصر، القصر، قصره); a place name does not (إدلب never appears as الإدلب or
//! إدلبها). Counting those forms in a large news sample tells that دوله is a word
//! before it is Dhule, and جامعة a word before it is Djamaa, where the small
//! annotated corpora have too few examples. Only counts are kept; no text is shipped.

use crate::KbError;
use flate2::read::GzDecoder;
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::Path;

/// Pronoun suffixes. ه is left out: with ة written ه in keys, حلب+ه is حلبة.
const SUFFIXES: [&str; 5] = ["ها", "هم", "هما", "كم", "نا"];
/// Inflected forms must be at least this share of the bare form's count...
const INFLECTED_SHARE: f64 = 0.5;
/// ...and at least this many, so that rare names are judged on evidence.
const MIN_INFLECTED: u32 = 20;

/// Forms of a one-word name key that only an ordinary word would take.
fn inflected_forms(key: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Many place names are ال + a noun (الخليل، الجنينة): that the noun occurs
    // without the article says nothing, so for them only suffixes count.
    let without = match key.strip_prefix("ال") {
        Some(bare) => bare.to_string(),
        None => {
            out.push(format!("ال{key}"));
            key.to_string()
        }
    };
    // A feminine noun takes its suffixes on ت: دولة → دولتها.
    let stem = without
        .strip_suffix('ه')
        .map_or_else(|| without.clone(), |s| format!("{s}ت"));
    out.extend(SUFFIXES.iter().map(|s| format!("{stem}{s}")));
    out
}

/// Counts of candidate names and their inflected forms in the shared news corpora.
#[derive(Debug, Default)]
pub struct NewsForms {
    counts: HashMap<String, u32>,
}

impl NewsForms {
    /// Counts `names` (one-word keys) and their inflected forms in every
    /// `news/*.jsonl.gz` file under `shared`. A missing news folder gives no evidence.
    pub fn count(shared: &Path, names: &HashSet<String>) -> Result<Self, KbError> {
        let mut counts: HashMap<String, u32> = HashMap::new();
        for n in names {
            counts.insert(n.clone(), 0);
            for f in inflected_forms(n) {
                counts.insert(f, 0);
            }
        }
        let dir = shared.join("news");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Ok(NewsForms::default());
        };
        let mut files: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with(".jsonl.gz"))
            .collect();
        files.sort();
        for path in files {
            let file = std::fs::File::open(&path).map_err(|source| KbError::Read {
                path: path.clone(),
                source,
            })?;
            for line in BufReader::new(GzDecoder::new(file)).lines() {
                let line = line.map_err(|source| KbError::Read {
                    path: path.clone(),
                    source,
                })?;
                // Tokens are counted on the raw JSON line: keys and escapes are Latin
                // and never equal an Arabic name.
                for tok in line.split(|c: char| !c.is_alphanumeric() && c != '\u{0640}') {
                    if tok.is_empty() || tok.is_ascii() {
                        continue;
                    }
                    if let Some(c) = counts.get_mut(marsad_text::key(tok).as_str()) {
                        *c += 1;
                    }
                }
            }
        }
        Ok(NewsForms { counts })
    }

    /// Whether news inflects `key` like an ordinary noun.
    pub fn is_inflected_word(&self, key: &str) -> bool {
        if key.contains(' ') {
            return false;
        }
        let bare = self.counts.get(key).copied().unwrap_or(0);
        let inflected: u32 = inflected_forms(key)
            .iter()
            .map(|f| self.counts.get(f).copied().unwrap_or(0))
            .sum();
        inflected >= MIN_INFLECTED && f64::from(inflected) >= INFLECTED_SHARE * f64::from(bare)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_toggle_the_article_and_add_suffixes() {
        let f = inflected_forms("دوله");
        assert!(f.contains(&"الدوله".to_string()));
        assert!(f.contains(&"دولتها".to_string()));
        let f = inflected_forms("القصر");
        assert!(!f.contains(&"قصر".to_string()));
        assert!(f.contains(&"قصرها".to_string()));
    }

    #[test]
    fn a_noun_is_inflected_and_a_name_is_not() {
        let mut counts = HashMap::new();
        counts.insert("دوله".to_string(), 300);
        counts.insert("الدوله".to_string(), 900);
        counts.insert("ادلب".to_string(), 400);
        counts.insert("بادلب".to_string(), 50);
        let news = NewsForms { counts };
        assert!(news.is_inflected_word("دوله"));
        assert!(!news.is_inflected_word("ادلب"));
        assert!(!news.is_inflected_word("مجهول"));
    }
}
