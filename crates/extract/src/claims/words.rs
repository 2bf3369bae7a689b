//! Lexicons as sets of whole words on matching keys.
//!
//! Entries are written as small regular expressions over a finite language
//! (`قتيل(ا|ان|ين)?`) because that is how a family of inflections reads best; they are
//! expanded once, with `regex-syntax`'s literal extractor, into the words they match and
//! looked up by hash. A word then costs one look-up per reading (see `doc::stems`) instead of
//! one regex run per family, which is what keeps the readers fast on long articles.

use marsad_text::WordMap;
use regex_syntax::hir::literal::{ExtractKind, Extractor};

/// Every word a finite pattern matches. The patterns are literals of this crate: a pattern
/// that is not finite is a programming error, caught by the unit tests of each lexicon.
pub(crate) fn expand(pattern: &str) -> Vec<String> {
    let hir = regex_syntax::parse(pattern).unwrap_or_else(|e| panic!("lexicon pattern: {e}"));
    let mut ex = Extractor::new();
    ex.kind(ExtractKind::Prefix)
        .limit_class(4)
        .limit_repeat(4)
        .limit_literal_len(200)
        .limit_total(100_000);
    let seq = ex.extract(&hir);
    let lits = seq
        .literals()
        .unwrap_or_else(|| panic!("lexicon pattern is not finite: {pattern}"));
    lits.iter()
        .map(|l| {
            assert!(l.is_exact(), "lexicon pattern is not finite: {pattern}");
            String::from_utf8(l.as_bytes().to_vec())
                .unwrap_or_else(|e| panic!("lexicon pattern {pattern}: {e}"))
        })
        .collect()
}

/// Words mapped to a value; a word listed twice keeps the merge of its values.
///
/// In front of the hash map, the byte lengths of its words for each pair of (first, last)
/// letters turn away nearly every word of a text without hashing it: readers ask several
/// lexicons for every reading of every word, and most words are in none.
pub(crate) struct Lexicon<T> {
    /// Word → its place in `values`. A `WordMap`: short keys sit in the table, so a
    /// look-up that passes the gate costs one slot, not a pointer chase to the key.
    map: WordMap<u32>,
    values: Vec<T>,
    /// Indexed by `ends`, a bit per `length_bit`.
    gate: Box<[u32]>,
}

/// The (first, last) letters of a word as 12 bits: the low six bits of the second byte of
/// each. Every Arabic letter (U+0621..U+064A) has its own; other words share bits, which
/// only lets more of them through to the map.
#[inline]
fn ends(w: &[u8]) -> usize {
    match (w.get(1), w.len().checked_sub(1).and_then(|l| w.get(l))) {
        (Some(&a), Some(&z)) => (usize::from(a & 0x3F) << 6) | usize::from(z & 0x3F),
        _ => 0,
    }
}

/// A bit for a byte length; lengths of 31 bytes and more share the last.
#[inline]
fn length_bit(w: &[u8]) -> u32 {
    1 << w.len().min(31)
}

impl<T: Copy> Lexicon<T> {
    pub fn new<'p>(entries: impl IntoIterator<Item = (&'p str, T)>, merge: fn(T, T) -> T) -> Self {
        let words = entries
            .into_iter()
            .flat_map(|(pattern, value)| expand(pattern).into_iter().map(move |w| (w, value)));
        Self::build(words, merge)
    }

    /// A lexicon of plain words, without patterns.
    pub fn of_words(entries: impl IntoIterator<Item = (String, T)>) -> Self {
        Self::build(entries, |a, _| a)
    }

    fn build(entries: impl IntoIterator<Item = (String, T)>, merge: fn(T, T) -> T) -> Self {
        let mut map: WordMap<u32> = WordMap::new();
        let mut values: Vec<T> = Vec::new();
        let mut gate = vec![0u32; 1 << 12].into_boxed_slice();
        for (w, value) in entries {
            gate[ends(w.as_bytes())] |= length_bit(w.as_bytes());
            match map.get(&w).and_then(|&i| values.get_mut(i as usize)) {
                Some(v) => *v = merge(*v, value),
                None => {
                    map.insert(&w, values.len() as u32);
                    values.push(value);
                }
            }
        }
        Lexicon { map, values, gate }
    }

    #[cfg(test)]
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.map.iter().map(|(w, _)| w)
    }

    #[inline]
    pub fn get(&self, w: &str) -> Option<T> {
        let b = w.as_bytes();
        if self.gate[ends(b)] & length_bit(b) == 0 {
            return None;
        }
        self.map
            .get(w)
            .and_then(|&i| self.values.get(i as usize))
            .copied()
    }
}

/// A plain set of words.
pub(crate) struct WordSet(Lexicon<()>);

impl WordSet {
    pub fn new(pattern: &str) -> Self {
        WordSet(Lexicon::new([(pattern, ())], |a, _| a))
    }

    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.0.get(w).is_some()
    }

    /// Whether any reading of a word is in the set.
    pub fn any<'w>(&self, readings: impl IntoIterator<Item = &'w str>) -> bool {
        readings.into_iter().any(|s| self.contains(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finite_patterns_expand_to_their_words() {
        let mut ws = expand("قتيل(ا|ان|ين)?|قتلي");
        ws.sort();
        assert_eq!(ws, ["قتلي", "قتيل", "قتيلا", "قتيلان", "قتيلين"]);
        let set = WordSet::new("اصيب(ت|وا)?");
        assert!(set.contains("اصيبوا") && !set.contains("اصيبو"));
        // The letter gate lets through every word of the set, Arabic or not, short or long.
        let mixed = WordSet::new("a|ab|x1|و|ي|قتل|مءتين|abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmn");
        for w in ["a", "ab", "x1", "و", "ي", "قتل", "مءتين"] {
            assert!(mixed.contains(w), "{w}");
        }
        assert!(
            mixed.contains("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmn")
        );
        assert!(!mixed.contains("") && !mixed.contains("قتلي") && !mixed.contains("b"));
    }

    #[test]
    #[should_panic(expected = "not finite")]
    fn open_patterns_are_refused() {
        expand("قتل.+");
    }
}
