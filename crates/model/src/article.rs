use serde::{Deserialize, Serialize};

/// Stable id of an article: hex of a hash of its normalised body.
pub type ArticleId = String;

/// The container an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Text,
    Html,
    Rss,
    Atom,
    Jsonl,
    Warc,
}

impl SourceFormat {
    pub fn as_str(&self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Html => "html",
            SourceFormat::Rss => "rss",
            SourceFormat::Atom => "atom",
            SourceFormat::Jsonl => "jsonl",
            SourceFormat::Warc => "warc",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "text" => SourceFormat::Text,
            "html" => SourceFormat::Html,
            "rss" => SourceFormat::Rss,
            "atom" => SourceFormat::Atom,
            "jsonl" => SourceFormat::Jsonl,
            "warc" => SourceFormat::Warc,
            _ => return None,
        })
    }
}

/// One news article after ingest: cleaned body plus what its source told about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    /// Where it came from: a file path, with `#line N` / `#record N` / `#item N` for
    /// containers, or a URL.
    pub source: String,
    pub format: SourceFormat,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// ISO 8601 as given by the source: `2022-09-13`, `2018-07-13T17:56:52+04:00`,
    /// or a local time without zone.
    pub published: Option<String>,
    pub title: Option<String>,
    /// The cleaned article text; every `Span` points into it.
    pub body: String,
    /// ISO 639-1 code (`ar`, `en`, ...) or `und` when it cannot be told.
    pub language: String,
    /// Site furniture removed from the body, in order.
    pub boilerplate: Vec<String>,
    /// Set when a stored earlier article carries (almost) the same text.
    pub near_duplicate_of: Option<ArticleId>,
}

impl Article {
    /// The calendar date of publication (`YYYY-MM-DD`), if known.
    pub fn published_date(&self) -> Option<&str> {
        let p = self.published.as_deref()?;
        let d = p.get(..10)?;
        let b = d.as_bytes();
        let ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        ok.then_some(d)
    }

    pub fn is_arabic(&self) -> bool {
        self.language == "ar"
    }
}

/// A MinHash signature of an article's word shingles, used to find near-duplicates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    pub minhash: Vec<u32>,
}

impl Fingerprint {
    /// Estimated Jaccard similarity of the two shingle sets (share of equal slots).
    pub fn similarity(&self, other: &Fingerprint) -> f64 {
        let n = self.minhash.len().min(other.minhash.len());
        if n == 0 {
            return 0.0;
        }
        let same = self
            .minhash
            .iter()
            .zip(&other.minhash)
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / n as f64
    }

    /// Locality-sensitive band keys: `bands` hashes of consecutive slot groups. Two
    /// signatures that share a band key are near-duplicate candidates.
    pub fn band_keys(&self, bands: usize) -> Vec<u64> {
        if bands == 0 || self.minhash.is_empty() {
            return Vec::new();
        }
        let rows = (self.minhash.len() / bands).max(1);
        self.minhash
            .chunks(rows)
            .take(bands)
            .enumerate()
            .map(|(band, chunk)| {
                // FNV-1a over the band number and its rows: stable across runs and machines.
                let mut h: u64 = 0xcbf2_9ce4_8422_2325;
                for v in std::iter::once(band as u32).chain(chunk.iter().copied()) {
                    for b in v.to_le_bytes() {
                        h ^= b as u64;
                        h = h.wrapping_mul(0x0100_0000_01b3);
                    }
                }
                // Stored in SQLite INTEGER, which is signed 64-bit: keep the top bit clear.
                h >> 1
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_date_takes_only_well_formed_dates() {
        let mut a = Article {
            id: "x".into(),
            source: "s".into(),
            format: SourceFormat::Text,
            outlet: None,
            url: None,
            published: Some("2018-07-13T17:56:52+04:00".into()),
            title: None,
            body: String::new(),
            language: "ar".into(),
            boilerplate: vec![],
            near_duplicate_of: None,
        };
        assert_eq!(a.published_date(), Some("2018-07-13"));
        a.published = Some("13/07/2018".into());
        assert_eq!(a.published_date(), None);
    }

    #[test]
    fn identical_signatures_share_every_band() {
        let f = Fingerprint {
            minhash: (0..64).collect(),
        };
        let mut g = f.clone();
        assert_eq!(f.similarity(&g), 1.0);
        g.minhash[0] = 999;
        assert!((f.similarity(&g) - 63.0 / 64.0).abs() < 1e-9);
        let (kf, kg) = (f.band_keys(16), g.band_keys(16));
        assert_eq!(kf.len(), 16);
        assert_ne!(kf[0], kg[0]);
        assert_eq!(kf[1..], kg[1..]);
    }
}
