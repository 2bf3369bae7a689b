//! [`WordMap`]: a hash map from word keys to small values, laid out for the reader's
//! access pattern: one look-up per word of every text, in tables larger than the
//! CPU caches, most of them for words the table does not hold.
//!
//! With a `HashMap<Box<str>, V>` a look-up touches the control bytes, the slot and
//! then the key on the heap, and compares through `memcmp`: up to three cache misses
//! where the table is cold. Here a key of up to [`INLINE`] bytes (nearly every Arabic
//! word: 99.9% of the words of news text are 22 bytes or less) is stored in the slot
//! itself, zero-padded, with its length in the last byte. The table is hashbrown's
//! SwissTable, so a word the table does not hold is turned away by its dense control
//! bytes alone, and a word it holds costs one more read, of a 32-byte slot (never split
//! across cache lines), compared as three machine words: no pointer, no call. Longer
//! keys (joined multi-word names) go to a standard `HashMap`.
//!
//! Invariants:
//! - a slot holds `key bytes ++ zeros ++ [len]` with `len <= INLINE`: equal keys have
//!   equal slots, and keys that differ (even only in trailing NULs) differ in bytes;
//! - a key lives in exactly one place: the table when it fits, `long` otherwise.
//!
//! Input is untrusted news text: both the table's hash and the long-key map are
//! seeded at random per map, so no one can write a text whose words all collide.
//! Iteration order therefore differs between runs: callers that print sort first.

use hashbrown::hash_table::{Entry, HashTable};
use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::fmt;
use std::hash::BuildHasher;

/// Longest key (in bytes) kept in the table itself.
pub const INLINE: usize = 23;

/// A key as compared: `INLINE` bytes, zero-padded, then its length.
pub(crate) type Packed = [u64; 3];

#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Slot<V> {
    /// A `Packed` key as little-endian bytes, so that iteration can lend it as `str`.
    key: [u8; 24],
    value: V,
}

/// A map from `str` keys to values, fast to ask of word keys. See the module
/// documentation for the layout; values of up to 8 bytes keep slots at 32 bytes.
#[derive(Clone)]
pub struct WordMap<V> {
    table: HashTable<Slot<V>>,
    long: HashMap<Box<str>, V>,
    seed: [u64; 2],
}

/// A set of word keys.
pub type WordSet = WordMap<()>;

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<V> WordMap<V> {
    /// An empty map; it allocates nothing until the first insert.
    pub fn new() -> Self {
        let random = RandomState::new();
        WordMap {
            table: HashTable::new(),
            long: HashMap::default(),
            seed: [random.hash_one(0x5eed_u64) | 1, random.hash_one(0xfeed_u64)],
        }
    }

    /// An empty map that takes `n` short keys without growing.
    pub fn with_capacity(n: usize) -> Self {
        let mut map = Self::new();
        map.reserve(n);
        map
    }

    pub fn len(&self) -> usize {
        self.table.len() + self.long.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Forgets every key, keeping the memory.
    pub fn clear(&mut self) {
        self.table.clear();
        self.long.clear();
    }

    /// Makes room for `n` more short keys.
    pub fn reserve(&mut self, n: usize) {
        let seed = self.seed;
        self.table.reserve(n, |s| hash(seed, unpack(&s.key)));
    }

    #[inline]
    pub fn get(&self, key: &str) -> Option<&V> {
        match pack(key) {
            Some(packed) => {
                let slot = self
                    .table
                    .find(hash(self.seed, packed), |s| unpack(&s.key) == packed)?;
                Some(&slot.value)
            }
            None => self.long.get(key),
        }
    }

    #[inline]
    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        match pack(key) {
            Some(packed) => {
                let slot = self
                    .table
                    .find_mut(hash(self.seed, packed), |s| unpack(&s.key) == packed)?;
                Some(&mut slot.value)
            }
            None => self.long.get_mut(key),
        }
    }

    #[inline]
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets the value of `key`, returning the one it replaces.
    pub fn insert(&mut self, key: &str, value: V) -> Option<V> {
        let Some(packed) = pack(key) else {
            return self.long.insert(Box::from(key), value);
        };
        match self.entry(packed) {
            Entry::Occupied(mut e) => Some(std::mem::replace(&mut e.get_mut().value, value)),
            Entry::Vacant(e) => {
                e.insert(Slot {
                    key: repack(packed),
                    value,
                });
                None
            }
        }
    }

    /// The value of `key`, inserting `V::default()` first when it is absent.
    pub fn get_or_insert_default(&mut self, key: &str) -> &mut V
    where
        V: Default,
    {
        let Some(packed) = pack(key) else {
            return self.long.entry(Box::from(key)).or_default();
        };
        // Most calls find the key: look first, and only make room on a miss.
        let seed = self.seed;
        let h = hash(seed, packed);
        let slot = match self.table.find_entry(h, |s| unpack(&s.key) == packed) {
            Ok(found) => found.into_mut(),
            Err(absent) => absent
                .into_table()
                .insert_unique(
                    h,
                    Slot {
                        key: repack(packed),
                        value: V::default(),
                    },
                    |s| hash(seed, unpack(&s.key)),
                )
                .into_mut(),
        };
        &mut slot.value
    }

    /// Every key with its value, in no particular order (it differs between runs).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        let inline = self.table.iter().filter_map(|s| {
            let len = usize::from(s.key[23]);
            let key = std::str::from_utf8(s.key.get(..len)?).ok()?;
            Some((key, &s.value))
        });
        inline.chain(self.long.iter().map(|(k, v)| (&**k, v)))
    }

    fn entry(&mut self, packed: Packed) -> Entry<'_, Slot<V>> {
        let seed = self.seed;
        self.table.entry(
            hash(seed, packed),
            |s| unpack(&s.key) == packed,
            |s| hash(seed, unpack(&s.key)),
        )
    }
}

impl<V: fmt::Debug> fmt::Debug for WordMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: AsRef<str>, V> FromIterator<(K, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = WordMap::new();
        map.extend(iter);
        map
    }
}

impl<K: AsRef<str>, V> Extend<(K, V)> for WordMap<V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        let iter = iter.into_iter();
        self.reserve(iter.size_hint().0);
        for (k, v) in iter {
            self.insert(k.as_ref(), v);
        }
    }
}

/// A folded-multiply hash of the three words (as in foldhash and wyhash): every
/// output bit depends on every input bit, and the seed is secret.
#[inline(always)]
pub(crate) fn hash(seed: [u64; 2], key: Packed) -> u64 {
    let a = fold(key[0] ^ seed[0], key[1] ^ seed[1]);
    fold(a ^ key[2], 0x9E37_79B9_7F4A_7C15)
}

#[inline(always)]
fn fold(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    (p as u64) ^ ((p >> 64) as u64)
}

/// A slot's key bytes as words (three plain loads).
#[inline(always)]
fn unpack(bytes: &[u8; 24]) -> Packed {
    let word = |i: usize| {
        let mut w = [0; 8];
        w.copy_from_slice(&bytes[i..i + 8]);
        u64::from_le_bytes(w)
    };
    [word(0), word(8), word(16)]
}

fn repack(key: Packed) -> [u8; 24] {
    let mut out = [0; 24];
    for (chunk, word) in out.chunks_exact_mut(8).zip(key) {
        chunk.copy_from_slice(&word.to_le_bytes());
    }
    out
}

/// `key` as stored in a slot, or `None` when it is too long to be.
#[inline(always)]
pub(crate) fn pack(key: &str) -> Option<Packed> {
    let b = key.as_bytes();
    let len = b.len();
    if len > INLINE {
        return None;
    }
    let word = |at: usize| match b.get(at..at + 8) {
        Some(w) => u64::from_le_bytes(w.try_into().unwrap_or_default()),
        None => partial(b.get(at.min(len)..).unwrap_or_default()),
    };
    Some([word(0), word(8), word(16) | (len as u64) << 56])
}

/// Up to 8 bytes as a little-endian word, zero-extended, read in at most two loads
/// (overlapping reads of the same bytes OR to the same bits).
#[inline(always)]
fn partial(b: &[u8]) -> u64 {
    let len = b.len();
    let u32_at = |at: usize| -> u64 {
        b.get(at..at + 4)
            .and_then(|w| w.try_into().ok())
            .map_or(0, |w: [u8; 4]| u64::from(u32::from_le_bytes(w)))
    };
    match len {
        0 => 0,
        1..=3 => {
            u64::from(b[0])
                | u64::from(b[len / 2]) << (8 * (len / 2))
                | u64::from(b[len - 1]) << (8 * (len - 1))
        }
        4..=7 => u32_at(0) | u32_at(len - 4) << (8 * (len - 4)),
        _ => b
            .get(..8)
            .and_then(|w| w.try_into().ok())
            .map_or(0, u64::from_le_bytes),
    }
}

#[cfg(test)]
mod tests;
