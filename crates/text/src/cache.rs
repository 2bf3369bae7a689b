//! [`WordCache`]: a fixed-size memory of answers by word key, small enough to stay in
//! cache.
//!
//! Some answers the reader asks of every word cost tens of nanoseconds to work out
//! (a key rewritten letter by letter, then looked up). News text repeats its words:
//! a few thousand of them make most of the tokens. A cache of a few thousand slots
//! answers those from memory that stays near the CPU; a memory of every word seen
//! (a [`crate::WordMap`]) would outgrow the caches and cost more than the work it saves.
//!
//! Invariants: a slot holds one key and its value, compared in full (never by hash
//! alone), so `get` returns only a value inserted for that very key. A key whose slot
//! another key takes is forgotten. Empty keys and keys longer than a `WordMap`'s
//! inline length are never kept.

use crate::wordmap::{hash, pack, Packed};
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;

#[derive(Clone, Copy, Default)]
#[repr(C, align(32))]
struct Slot<V> {
    key: Packed,
    value: V,
}

#[derive(Clone)]
pub struct WordCache<V> {
    slots: Box<[Slot<V>]>,
    seed: [u64; 2],
}

impl<V> std::fmt::Debug for WordCache<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "WordCache({} slots)", self.slots.len())
    }
}

impl<V: Copy + Default> WordCache<V> {
    /// A cache of `2^bits` slots (32 bytes each for values of up to 8 bytes).
    pub fn new(bits: u32) -> Self {
        let random = RandomState::new();
        WordCache {
            slots: vec![Slot::default(); 1 << bits.min(24)].into_boxed_slice(),
            seed: [
                random.hash_one(0xcac4e_u64) | 1,
                random.hash_one(0x5107_u64),
            ],
        }
    }

    /// The value last inserted for `key`, unless another key has taken its slot since.
    #[inline]
    pub fn get(&self, key: &str) -> Option<V> {
        let (packed, at) = self.place(key)?;
        let slot = self.slots.get(at)?;
        (slot.key == packed).then_some(slot.value)
    }

    /// Remembers `value` for `key`, in place of whatever its slot held.
    #[inline]
    pub fn insert(&mut self, key: &str, value: V) {
        if let Some((key, at)) = self.place(key) {
            if let Some(slot) = self.slots.get_mut(at) {
                *slot = Slot { key, value };
            }
        }
    }

    /// Forgets every key.
    pub fn clear(&mut self) {
        self.slots.fill(Slot::default());
    }

    /// The packed key and its slot; `None` for keys never kept. An empty key packs to
    /// all zeros, as an empty slot reads, so it is refused.
    #[inline(always)]
    fn place(&self, key: &str) -> Option<(Packed, usize)> {
        if key.is_empty() {
            return None;
        }
        let packed = pack(key)?;
        let at = (hash(self.seed, packed) >> 32) as usize & (self.slots.len() - 1);
        Some((packed, at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_comes_back_only_for_its_own_key() {
        let mut c = WordCache::<u8>::new(4);
        let words: Vec<String> = (0..200).map(|i| format!("كلمه{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            c.insert(w, i as u8);
        }
        // 16 slots for 200 words: most are forgotten, none is answered wrong.
        let mut kept = 0;
        for (i, w) in words.iter().enumerate() {
            if let Some(v) = c.get(w) {
                assert_eq!(v, i as u8, "{w}");
                kept += 1;
            }
        }
        assert!(kept > 0 && kept <= 16, "{kept}");
        assert_eq!(c.get("غزه"), None);
    }

    #[test]
    fn empty_and_long_keys_are_never_kept() {
        let mut c = WordCache::<bool>::new(4);
        c.insert("", true);
        assert_eq!(c.get(""), None);
        let long = "الجمهوريةالعربيةالسورية";
        c.insert(long, true);
        assert_eq!(c.get(long), None);
        c.insert("دمشق", true);
        assert_eq!(c.get("دمشق"), Some(true));
        c.clear();
        assert_eq!(c.get("دمشق"), None);
    }

    #[test]
    fn keys_that_differ_in_trailing_bytes_are_told_apart() {
        let mut c = WordCache::<u8>::new(0);
        c.insert("ab", 1);
        assert_eq!(c.get("ab\0"), None);
        assert_eq!(c.get("a"), None);
        assert_eq!(c.get("ab"), Some(1));
    }
}
