//! [`WordFilter`]: a small, fixed set of word keys asked "surely not here?" before a
//! full look-up.
//!
//! The reader asks gates such as "may a name start with this word?" of nearly every
//! word of a text, and nearly every answer is no. A [`crate::WordMap`] answers exactly
//! but costs a read of its control bytes and a slot, in a table larger than the first
//! caches. This filter (a blocked Bloom filter) keeps 16 bits per key in one array
//! that stays in cache, and reads one machine word per question.
//!
//! Invariant: `may_contain(k)` is true for every key `k` the filter was built from.
//! It may also be true for other keys (about 1 in 100), so callers follow a yes with
//! the exact look-up; a no is final. Keys longer than the inline length of a
//! [`crate::WordMap`] are always "maybe".

use crate::wordmap::{hash, pack};
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;

/// Bits per key: with three bits set per key in one 64-bit block, about 1% of the
/// words a filter was not built from pass it.
const BITS_PER_KEY: usize = 16;

#[derive(Clone)]
pub struct WordFilter {
    blocks: Vec<u64>,
    /// `blocks.len() - 1`; the length is a power of two.
    mask: u64,
    seed: [u64; 2],
}

impl std::fmt::Debug for WordFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "WordFilter({} blocks)", self.blocks.len())
    }
}

impl Default for WordFilter {
    /// A filter of no keys: it lets no short key through.
    fn default() -> Self {
        WordFilter::from_keys(std::iter::empty::<&str>())
    }
}

impl WordFilter {
    /// A filter of `keys` (the same key twice is no harm).
    pub fn from_keys<K: AsRef<str>>(keys: impl IntoIterator<Item = K>) -> Self {
        let keys: Vec<K> = keys.into_iter().collect();
        let bits = (keys.len() * BITS_PER_KEY).max(64).next_power_of_two();
        let random = RandomState::new();
        let mut filter = WordFilter {
            blocks: vec![0; bits / 64],
            mask: (bits / 64 - 1) as u64,
            seed: [random.hash_one(0xb100_u64) | 1, random.hash_one(0xf117_u64)],
        };
        for k in &keys {
            if let Some(packed) = pack(k.as_ref()) {
                let (block, bits) = filter.place(hash(filter.seed, packed));
                filter.blocks[block] |= bits;
            }
        }
        filter
    }

    /// False only when `key` is surely not one of the filter's keys.
    #[inline]
    pub fn may_contain(&self, key: &str) -> bool {
        let Some(packed) = pack(key) else {
            return true;
        };
        let (block, bits) = self.place(hash(self.seed, packed));
        self.blocks.get(block).is_some_and(|b| b & bits == bits)
    }

    /// The block of a hash and its three bits there: the block from the high half,
    /// the bits from three 6-bit fields of the low half.
    #[inline(always)]
    fn place(&self, h: u64) -> (usize, u64) {
        let block = ((h >> 32) & self.mask) as usize;
        let bits = 1 << (h & 63) | 1 << ((h >> 6) & 63) | 1 << ((h >> 12) & 63);
        (block, bits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key;

    fn news_words() -> Vec<String> {
        let text = "قالت وزارة الدفاع الأرمنية إن القوات الأذربيجانية قصفت مواقع في مدن \
                    جيرموك وغوريس وكابان بالمدفعية والطائرات المسيرة، وأعلنت باكو أن \
                    الجيش الأرميني بدأ الاستفزاز، فيما دعت موسكو وواشنطن إلى التهدئة";
        text.split_whitespace().map(key).collect()
    }

    #[test]
    fn every_key_it_was_built_from_passes() {
        let words = news_words();
        let filter = WordFilter::from_keys(&words);
        for w in &words {
            assert!(filter.may_contain(w), "{w}");
        }
    }

    #[test]
    fn most_other_words_are_turned_away() {
        let words = news_words();
        let filter = WordFilter::from_keys(&words);
        let others: Vec<String> = (0..5000).map(|i| format!("كلمه{i}")).collect();
        let passed = others.iter().filter(|w| filter.may_contain(w)).count();
        // 16 bits per key, 3 bits a key: about 1%; a fifth of the words would mean the
        // bits are not spread.
        assert!(passed < others.len() / 20, "{passed} of {}", others.len());
    }

    #[test]
    fn an_empty_filter_passes_no_short_word_and_every_long_one() {
        let filter = WordFilter::default();
        assert!(!filter.may_contain("غزه"));
        assert!(!filter.may_contain(""));
        let long = "الجمهوريةالعربيةالسورية";
        assert!(long.len() > crate::wordmap::INLINE);
        assert!(filter.may_contain(long));
    }
}
