//! Fixed hashing for feature names and lexicon keys.
//!
//! Hashes are stored inside the model file, so they must never change with a dependency's
//! version: these are written out here rather than taken from a hashing crate.

use std::hash::{BuildHasherDefault, Hasher};

pub(crate) const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Folds one value into a running hash (FxHash step; cheap, finished by `finish`).
#[inline]
pub(crate) fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// SplitMix64 finaliser: spreads every input bit over the output bits.
#[inline]
pub(crate) const fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The hash of a char sequence (a word key, a prefix, a suffix).
#[inline]
pub(crate) fn chars(seed: u64, cs: &[char]) -> u64 {
    let mut h = seed;
    for &c in cs {
        h = mix(h, c as u64);
    }
    finish(mix(h, cs.len() as u64))
}

/// Seeded pseudo-random numbers (SplitMix64), for shuffling and projections: the same
/// seed gives the same model on any machine and any `rand` version.
#[derive(Debug, Clone)]
pub(crate) struct SplitMix(u64);

impl SplitMix {
    pub(crate) fn new(seed: u64) -> Self {
        SplitMix(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(K);
        finish(self.0)
    }

    /// Uniform in `0..n` (n > 0); the tiny modulo bias does not matter for shuffling.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Uniform in `[-1, 1)`.
    pub(crate) fn signed_unit(&mut self) -> f32 {
        ((self.next_u64() >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
    }

    pub(crate) fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

/// A `Hasher` for keys that are already well-mixed 64-bit hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type IdMap<V> = std::collections::HashMap<u64, V, BuildHasherDefault<IdHasher>>;
