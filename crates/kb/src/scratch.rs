//! Per-thread buffers and memory of the look-ups by word: the reader asks the KB of
//! nearly every word of a text. The keys it builds (joined names, class keys) are
//! written into buffers that live as long as the thread, and the gate's answers for
//! frequent words are kept in a cache that fits the CPU's second-level cache.

use marsad_text::WordCache;
use std::cell::RefCell;

/// Slots of the gate cache, as a power of two: 8,192 slots of 32 bytes (256 KiB).
const GATE_CACHE_BITS: u32 = 13;

thread_local! {
    pub(crate) static SCRATCH: RefCell<Scratch> = RefCell::default();
}

pub(crate) struct Scratch {
    pub(crate) scratch: String,
    pub(crate) buf: String,
    /// [`crate::Kb::may_start_name`] of words asked lately.
    pub(crate) starts: WordCache<bool>,
    /// The KB the cache was filled from (its id).
    kb: u64,
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch {
            scratch: String::new(),
            buf: String::new(),
            starts: WordCache::new(GATE_CACHE_BITS),
            kb: 0,
        }
    }
}

impl Scratch {
    /// Makes the cache that of KB `id`: what another KB filled it with is dropped.
    #[inline]
    pub(crate) fn serve(&mut self, id: u64) {
        if self.kb != id {
            self.starts.clear();
            self.kb = id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_is_dropped_for_another_kb() {
        let mut s = Scratch::default();
        s.serve(1);
        s.starts.insert("غزه", true);
        s.serve(1);
        assert_eq!(s.starts.get("غزه"), Some(true));
        s.serve(2);
        assert_eq!(s.starts.get("غزه"), None);
    }
}
