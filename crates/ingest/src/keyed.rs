//! The matching key of an article's lines, made once: the boilerplate rules read it, and
//! the kept lines' keys and word hashes then give the article id and fingerprint without
//! keying the joined body again.

use std::ops::Range;

use marsad_model::Fingerprint;
use sha2::{Digest, Sha256};

use crate::boilerplate::Line;
use crate::fingerprint::{id_of_digest, key_words, Sketch};

/// Every line's key and word hashes, in shared buffers.
pub(crate) struct KeyedLines {
    /// UTF-8: `key_words` writes whole characters.
    key: Vec<u8>,
    hashes: Vec<u64>,
    lines: Vec<KeyedLine>,
}

struct KeyedLine {
    key: Range<usize>,
    hashes: Range<usize>,
    /// White-space separated tokens with a letter or digit.
    words: usize,
}

impl KeyedLines {
    pub(crate) fn new(lines: &[Line]) -> Self {
        let bytes = lines.iter().map(|l| l.text.len()).sum();
        let mut out = KeyedLines {
            key: Vec::with_capacity(bytes),
            hashes: Vec::with_capacity(bytes / 6),
            lines: Vec::with_capacity(lines.len()),
        };
        for line in lines {
            let (key_start, hash_start) = (out.key.len(), out.hashes.len());
            let hashes = &mut out.hashes;
            let words = key_words::<true>(line.text.trim(), &mut out.key, |h| hashes.push(h));
            out.lines.push(KeyedLine {
                key: key_start..out.key.len(),
                hashes: hash_start..out.hashes.len(),
                words,
            });
        }
        out
    }

    /// The matching key of line `i` (`marsad_text::key` of its text, as UTF-8 bytes).
    pub(crate) fn key(&self, i: usize) -> &[u8] {
        self.lines
            .get(i)
            .and_then(|l| self.key.get(l.key.clone()))
            .unwrap_or(&[])
    }

    /// Words of line `i`, as the boilerplate rules count them.
    pub(crate) fn words(&self, i: usize) -> usize {
        self.lines.get(i).map_or(0, |l| l.words)
    }

    /// `id_and_fingerprint` of the kept lines joined by line breaks: a line break ends a
    /// word, so the joined body's key is the lines' non-empty keys one space apart and
    /// its words are theirs in order.
    pub(crate) fn id_and_fingerprint(&self, kept: &[usize]) -> (String, Fingerprint) {
        let mut sha = Sha256::new();
        let mut sketch = Sketch::default();
        let mut any = false;
        for line in kept.iter().filter_map(|&i| self.lines.get(i)) {
            let key = self.key.get(line.key.clone()).unwrap_or(&[]);
            if !key.is_empty() {
                if any {
                    sha.update(b" ");
                }
                sha.update(key);
                any = true;
            }
            for &h in self.hashes.get(line.hashes.clone()).unwrap_or(&[]) {
                sketch.word(h);
            }
        }
        (id_of_digest(sha.finalize().as_slice()), sketch.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_lines_give_the_id_and_fingerprint_of_their_joined_body() {
        let texts = [
            "«قالَ» الوزير\t\"إن\"  ١٠٠ جندي",
            "\u{0640}\u{064E}",
            "قُتلوا\u{200B}، و ـ (AFP)\u{000B}x",
            "\"",
            "أعلنت وزارة الدفاع أن قواتها سيطرت على مواقع جديدة",
            "٣",
        ];
        let lines: Vec<Line> = texts.iter().map(|t| Line::plain(*t)).collect();
        let keyed = KeyedLines::new(&lines);
        for (i, t) in texts.iter().enumerate() {
            assert_eq!(keyed.key(i), marsad_text::key(t).as_bytes(), "{t:?}");
        }
        let subsets: [&[usize]; 5] = [&[0, 1, 2, 3, 4, 5], &[1, 3], &[], &[4], &[0, 2, 5]];
        for kept in subsets {
            let body: Vec<&str> = kept.iter().map(|&i| texts[i]).collect();
            let body = body.join("\n");
            assert_eq!(
                keyed.id_and_fingerprint(kept),
                crate::id_and_fingerprint(&body),
                "{kept:?}"
            );
        }
    }
}
