//! The near-duplicate index, kept in memory: LSH band key → article seq.
//!
//! An on-disk band table cost 16 B-tree seeks and 16 random-order inserts per article,
//! more than half of bulk-insert time. The index is rebuilt from the stored fingerprints
//! on a writer's first insert and topped up, inside every insert transaction (so under
//! the write lock), with the articles other processes stored since: a writer still sees
//! every committed article, as the band table let it.
//!
//! Memory: one 8-byte slot per (article, band), in a table kept at most 3/4 full and
//! grown by doubling, so 170–340 bytes per article with 16 bands; about 256 MiB for a
//! million articles (384 MiB for a moment while the table doubles).

use crate::StoreError;

/// Low bits of a slot: the article's seq. High bits: a tag from the band key's hash.
const SEQ_BITS: u32 = 32;
const SEQ_MASK: u64 = (1 << SEQ_BITS) - 1;
const MIN_SLOTS: usize = 1024;

/// A multimap from band key to seq, open addressing with linear probing. A slot keeps
/// only a 32-bit hash of the key, so a lookup may name an article that does not share
/// the band (about one lookup in 250 with a million articles): callers check candidates
/// against their stored fingerprint.
#[derive(Debug, Default)]
pub(super) struct BandIndex {
    /// 0 is an empty slot; a stored seq is never 0.
    slots: Vec<u64>,
    len: usize,
    /// The highest article seq indexed so far.
    pub(super) last_seq: i64,
}

impl BandIndex {
    /// Number of (band key, article) entries.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// Indexes an article under its band keys.
    pub(super) fn insert(&mut self, seq: i64, keys: &[u64]) -> Result<(), StoreError> {
        let stored = u64::try_from(seq)
            .ok()
            .filter(|s| (1..=SEQ_MASK).contains(s))
            .ok_or_else(|| StoreError::Corrupt {
                what: "article sequence number",
                id: seq.to_string(),
                detail: format!("outside 1..={SEQ_MASK}, which the near-duplicate index holds"),
            })?;
        self.last_seq = self.last_seq.max(seq);
        if keys.is_empty() {
            return Ok(());
        }
        if (self.len + keys.len()) * 4 > self.slots.len() * 3 {
            self.grow(self.len + keys.len());
        }
        let mask = self.slots.len() - 1;
        for &key in keys {
            let (mut at, tag) = place(key, mask);
            while self.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = tag | stored;
            self.len += 1;
        }
        Ok(())
    }

    /// Calls `f` with the seq of every article indexed under a key whose hash agrees
    /// with `key`'s (an article twice if two of its keys agree).
    pub(super) fn candidates(&self, key: u64, mut f: impl FnMut(i64)) {
        if self.slots.is_empty() {
            return;
        }
        let mask = self.slots.len() - 1;
        let (mut at, tag) = place(key, mask);
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                return;
            }
            if slot & !SEQ_MASK == tag {
                // At most SEQ_BITS wide, so it fits.
                f((slot & SEQ_MASK) as i64);
            }
            at = (at + 1) & mask;
        }
    }

    fn grow(&mut self, need: usize) {
        let size = (need * 4 / 3 + 1).next_power_of_two().max(MIN_SLOTS);
        let old = std::mem::replace(&mut self.slots, vec![0; size]);
        let mask = size - 1;
        // A slot keeps only its key's tag, which is enough: the place derives from it.
        for slot in old.into_iter().filter(|&s| s != 0) {
            let mut at = home(slot >> SEQ_BITS, mask);
            while self.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = slot;
        }
    }
}

/// Where a key lives and the tag its slots carry. The place is taken from the tag, so
/// growing the table can recompute it from a slot alone.
fn place(key: u64, mask: usize) -> (usize, u64) {
    let tag = mix(key) >> SEQ_BITS;
    (home(tag, mask), tag << SEQ_BITS)
}

fn home(tag: u64, mask: usize) -> usize {
    (mix(tag) as usize) & mask
}

/// splitmix64 finaliser: band keys are FNV hashes, whose low bits mix poorly.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(index: &BandIndex, key: u64) -> Vec<i64> {
        let mut seqs = Vec::new();
        index.candidates(key, |s| seqs.push(s));
        seqs.sort_unstable();
        seqs
    }

    #[test]
    fn every_article_under_a_key_is_found_after_growing() {
        let mut index = BandIndex::default();
        // 3,000 articles of 16 keys; article n shares its first key with article n - 1000.
        for seq in 1..=3000i64 {
            let mut keys: Vec<u64> = (0..16).map(|b| (seq as u64) << 8 | b).collect();
            keys[0] = (seq as u64 % 1000) << 8 | 0xff;
            index.insert(seq, &keys).unwrap();
        }
        assert_eq!(index.len(), 48_000);
        assert_eq!(index.last_seq, 3000);
        assert_eq!(found(&index, 7 << 8 | 0xff), vec![7, 1007, 2007]);
        assert_eq!(found(&index, 2500 << 8 | 3), vec![2500]);
        assert_eq!(found(&index, 4000 << 8 | 3), Vec::<i64>::new());
    }

    #[test]
    fn seqs_the_index_cannot_hold_are_refused() {
        let mut index = BandIndex::default();
        assert!(index.insert(0, &[1]).is_err());
        assert!(index.insert(1 << 32, &[1]).is_err());
        assert!(index.insert(1, &[]).is_ok());
        assert_eq!(found(&BandIndex::default(), 1), Vec::<i64>::new());
    }
}
