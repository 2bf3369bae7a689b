//! A vocabulary of word keys with corpus frequencies: what "a known word" means when no
//! knowledge-base entry applies. Built from unlabeled Arabic news; one shipped with the
//! crate (`data/text/vocab.txt`, see its README) and embedded for zero set-up.
//!
//! File format: UTF-8 lines `key<TAB>count`, most frequent first; `#` starts a comment.

use crate::clitics::{split_clitics_by_freq, Clitics};
use crate::normalise::key_into;
use crate::token::{TokenKind, Tokens};
use crate::wordmap::WordMap;
use flate2::read::MultiGzDecoder;
use serde::Deserialize;
use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::Path;
use std::sync::OnceLock;

static EMBEDDED: &str = include_str!("../../../data/text/vocab.txt");

#[derive(Debug, thiserror::Error)]
pub enum VocabError {
    #[error("vocabulary line {line}: expected `word<TAB>count`, got {text:?}")]
    BadLine { line: usize, text: String },
    #[error("reading vocabulary: {0}")]
    Io(#[from] io::Error),
}

/// Word keys with their counts.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Asked of nearly every word of a text (and of its clitic readings).
    counts: WordMap<u32>,
}

impl Vocabulary {
    /// The vocabulary shipped in `data/text/vocab.txt`, parsed once on first use.
    pub fn embedded() -> &'static Vocabulary {
        static VOCAB: OnceLock<Vocabulary> = OnceLock::new();
        // The file is checked by a unit test; a broken build still gets a usable value.
        VOCAB.get_or_init(|| Vocabulary::parse(EMBEDDED).unwrap_or_default())
    }

    pub fn parse(text: &str) -> Result<Self, VocabError> {
        let mut counts = WordMap::with_capacity(text.lines().count());
        for (n, line) in text.lines().enumerate() {
            if let Some((word, count)) = parse_line(n + 1, line)? {
                counts.insert(word, count);
            }
        }
        Ok(Vocabulary { counts })
    }

    pub fn read(reader: impl BufRead) -> Result<Self, VocabError> {
        let mut counts = WordMap::new();
        for (n, line) in reader.lines().enumerate() {
            let line = line?;
            if let Some((word, count)) = parse_line(n + 1, &line)? {
                counts.insert(word, count);
            }
        }
        Ok(Vocabulary { counts })
    }

    /// Whether `key` (a matching key) is a known word.
    pub fn contains(&self, key: &str) -> bool {
        self.counts.contains_key(key)
    }

    /// How often `key` was seen; 0 when it is not in the vocabulary.
    pub fn freq(&self, key: &str) -> u32 {
        self.counts.get(key).copied().unwrap_or(0)
    }

    pub fn len(&self) -> usize {
        self.counts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Words with their counts, most frequent first (ties by key).
    pub fn ranked(&self) -> Vec<(&str, u32)> {
        let mut words: Vec<(&str, u32)> = self.counts.iter().map(|(w, &c)| (w, c)).collect();
        words.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        words
    }

    /// Writes the vocabulary in its file format, most frequent first.
    pub fn write(&self, mut w: impl Write) -> io::Result<()> {
        for (word, count) in self.ranked() {
            writeln!(w, "{word}\t{count}")?;
        }
        Ok(())
    }

    /// [`split_clitics_by_freq`] with this vocabulary's counts.
    pub fn split_clitics(&self, word: &str, offset: usize) -> Clitics {
        split_clitics_by_freq(word, offset, &|k| self.freq(k))
    }
}

fn parse_line(n: usize, line: &str) -> Result<Option<(&str, u32)>, VocabError> {
    let line = line.trim_end_matches('\r');
    if line.trim().is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let bad = || VocabError::BadLine {
        line: n,
        text: line.chars().take(80).collect(),
    };
    let (word, count) = line.split_once('\t').ok_or_else(bad)?;
    let count = count.trim().parse().map_err(|_| bad())?;
    if word.is_empty() {
        return Err(bad());
    }
    Ok(Some((word, count)))
}

/// Counts word keys over texts; [`VocabularyBuilder::finish`] keeps the frequent ones.
#[derive(Debug, Default)]
pub struct VocabularyBuilder {
    counts: WordMap<u32>,
    buf: String,
}

impl VocabularyBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts the Arabic words of `text` by matching key (words of one letter are skipped).
    pub fn add_text(&mut self, text: &str) {
        for token in Tokens::new(text) {
            if token.kind != TokenKind::Word {
                continue;
            }
            key_into(token.text, &mut self.buf);
            if self.buf.chars().nth(1).is_none() {
                continue;
            }
            let count = self.counts.get_or_insert_default(&self.buf);
            *count = count.saturating_add(1);
        }
    }

    /// The `max_words` most frequent words seen at least `min_count` times.
    pub fn finish(self, min_count: u32, max_words: usize) -> Vocabulary {
        let mut words: Vec<(&str, u32)> = self
            .counts
            .iter()
            .map(|(w, &c)| (w, c))
            .filter(|&(_, c)| c >= min_count)
            .collect();
        words.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        words.truncate(max_words);
        Vocabulary {
            counts: words.into_iter().collect(),
        }
    }
}

#[derive(Deserialize)]
struct NewsLine<'a> {
    #[serde(borrow, default)]
    title: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    text: Option<Cow<'a, str>>,
}

/// Builds a vocabulary from gzip JSON Lines news corpora (`title` and `text` fields),
/// keeping the `max_words` most frequent word keys seen at least `min_count` times.
pub fn build_vocabulary(
    jsonl_gz_paths: &[&Path],
    min_count: u32,
    max_words: usize,
) -> io::Result<Vocabulary> {
    let mut builder = VocabularyBuilder::new();
    for path in jsonl_gz_paths {
        let file = File::open(path).map_err(|e| with_path(e, path, 0))?;
        let reader = BufReader::new(MultiGzDecoder::new(BufReader::new(file)));
        for (n, line) in reader.lines().enumerate() {
            let line = line.map_err(|e| with_path(e, path, n + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            let doc: NewsLine = serde_json::from_str(&line).map_err(|e| {
                with_path(io::Error::new(io::ErrorKind::InvalidData, e), path, n + 1)
            })?;
            for part in [doc.title, doc.text].into_iter().flatten() {
                builder.add_text(&part);
            }
        }
    }
    Ok(builder.finish(min_count, max_words))
}

fn with_path(e: io::Error, path: &Path, line: usize) -> io::Error {
    io::Error::new(e.kind(), format!("{}:{line}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_keys_of_arabic_words_and_keeps_the_frequent() {
        let mut b = VocabularyBuilder::new();
        b.add_text("وقال الوزير إن الوزير سيزور أرمينيا، وقال: ارمينيا مهمة. G20 2015 و");
        let v = b.finish(2, 10);
        assert_eq!(v.freq("وقال"), 2);
        assert_eq!(v.freq("الوزير"), 2);
        assert_eq!(v.freq("ارمينيا"), 2, "spellings share a key");
        assert!(!v.contains("سيزور"), "below min_count");
        assert!(!v.contains("G20") && !v.contains("و"));
    }

    #[test]
    fn writes_and_reads_back() -> Result<(), VocabError> {
        let mut b = VocabularyBuilder::new();
        b.add_text("في في في من من على");
        let v = b.finish(1, 2);
        let mut out = Vec::new();
        v.write(&mut out)?;
        assert_eq!(String::from_utf8_lossy(&out), "في\t3\nمن\t2\n");
        let back = Vocabulary::read(&out[..])?;
        assert_eq!(back.ranked(), v.ranked());
        Ok(())
    }

    #[test]
    fn rejects_malformed_lines() {
        let err = Vocabulary::parse("# comment\nفي\t3\nمن 2\n");
        assert!(matches!(err, Err(VocabError::BadLine { line: 3, .. })));
    }

    #[test]
    fn builds_from_gzip_jsonl() -> io::Result<()> {
        use flate2::{write::GzEncoder, Compression};
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("news.jsonl.gz");
        let mut gz = GzEncoder::new(File::create(&path)?, Compression::fast());
        writeln!(
            gz,
            r#"{{"id":"a","title":"قمة الرياض","text":"انعقدت قمة الرياض\nاليوم"}}"#
        )?;
        writeln!(gz, r#"{{"id":"b","text":"قمة أخرى"}}"#)?;
        gz.finish()?;
        let v = build_vocabulary(&[path.as_path()], 2, 100)?;
        assert_eq!(v.freq("قمه"), 3);
        assert_eq!(v.freq("الرياض"), 2);
        assert_eq!(v.len(), 2);
        Ok(())
    }

    #[test]
    fn embedded_vocabulary_parses_and_knows_news_words() -> Result<(), VocabError> {
        let v = Vocabulary::parse(EMBEDDED)?;
        assert!(v.len() > 10_000);
        for w in ["وزير", "لبنان", "فرنسا", "الاتفاق", "قال"] {
            assert!(v.contains(w), "{w}");
        }
        Ok(())
    }
}
