//! Background document frequencies, so that a handful of articles already weigh words
//! the way a large news collection does.
//!
//! `data/stories/df.tsv` is built by `build_document_frequencies` from the news corpora
//! (`marsad train df`); the first line is `#docs<TAB>N`, then `term<TAB>df` lines.

use crate::features::{content_words, word_hash};
use std::collections::{HashMap, HashSet};
use std::io::{self, BufRead, Write};
use std::sync::LazyLock;

/// Document frequencies of terms in a background collection.
#[derive(Debug, Default)]
pub struct Background {
    pub docs: u32,
    pub df: HashMap<u64, u32>,
}

static EMBEDDED: LazyLock<Background> =
    LazyLock::new(|| Background::parse(include_str!("../../../data/stories/df.tsv")));

impl Background {
    pub fn embedded() -> &'static Background {
        &EMBEDDED
    }

    /// Parses the TSV form; malformed lines are skipped (the file is ours, built by code).
    pub fn parse(text: &str) -> Background {
        let mut lines = text.lines();
        let docs = lines
            .next()
            .and_then(|l| l.strip_prefix("#docs\t"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0);
        let df = lines
            .filter_map(|l| {
                let (term, n) = l.split_once('\t')?;
                Some((word_hash(term), n.trim().parse().ok()?))
            })
            .collect();
        Background { docs, df }
    }
}

/// Counts in how many texts each term occurs, keeping terms seen in at least `min_df`.
pub fn build_document_frequencies(
    texts: &mut dyn Iterator<Item = String>,
    min_df: u32,
    out: &mut dyn Write,
) -> io::Result<(u32, usize)> {
    let mut df: HashMap<String, u32> = HashMap::new();
    let mut docs = 0u32;
    for text in texts {
        docs += 1;
        let mut seen: HashSet<String> = HashSet::new();
        content_words(&text, &mut |w| {
            if !seen.contains(w) {
                seen.insert(w.to_string());
            }
        });
        for w in seen {
            *df.entry(w).or_insert(0) += 1;
        }
    }
    let mut rows: Vec<(String, u32)> = df.into_iter().filter(|(_, n)| *n >= min_df).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    writeln!(out, "#docs\t{docs}")?;
    for (term, n) in &rows {
        writeln!(out, "{term}\t{n}")?;
    }
    Ok((docs, rows.len()))
}

/// Reads the `text` field of every line of gzip JSON Lines files (the news corpora).
pub fn jsonl_gz_texts(paths: &[std::path::PathBuf]) -> io::Result<Vec<String>> {
    let mut texts = Vec::new();
    for path in paths {
        let file = std::fs::File::open(path)?;
        let reader = io::BufReader::new(flate2::read::GzDecoder::new(file));
        for line in reader.lines() {
            let line = line?;
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) {
                let title = v["title"].as_str().unwrap_or_default();
                let text = v["text"].as_str().unwrap_or_default();
                texts.push(format!("{title}\n{text}"));
            }
        }
    }
    Ok(texts)
}
