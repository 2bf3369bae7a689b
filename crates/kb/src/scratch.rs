//! Per-thread buffers and memory of the look-ups by word. The reader asks the KB's
//! gates of nearly every word of a text, and almost all stop there: what a word's
//! gates answered is remembered, in one table so that the second gate asked of a word
//! finds the slot the first one just brought into cache.

use marsad_text::WordMap;
use std::cell::RefCell;

/// Words whose gates are remembered, per thread, before the memory starts over.
const GATE_MEMORY: usize = 1 << 17;

thread_local! {
    pub(crate) static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// What is remembered of one word key; `None`: not asked yet. Small enough that a
/// [`WordMap`] slot stays 32 bytes.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Gates {
    /// [`crate::Kb::may_start_name`].
    pub(crate) starts: Option<bool>,
    /// The longest town name whose first word has this word's class key (0: none),
    /// capped at `u16::MAX`: callers take it `min` a window of a few tokens.
    pub(crate) class: Option<u16>,
}

#[derive(Default)]
pub(crate) struct Scratch {
    pub(crate) scratch: String,
    pub(crate) buf: String,
    pub(crate) gates: WordMap<Gates>,
    /// The KB the memory was read from (its id).
    kb: u64,
}

impl Scratch {
    /// Makes the memory that of KB `id`: what another KB filled it with is dropped, and
    /// so is all of it when it has grown too large.
    #[inline]
    pub(crate) fn serve(&mut self, id: u64) {
        if self.kb != id || self.gates.len() >= GATE_MEMORY {
            self.gates.clear();
            self.kb = id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_memory_fits_a_32_byte_slot() {
        assert!(std::mem::size_of::<Gates>() <= 8);
    }

    #[test]
    fn memory_is_dropped_for_another_kb() {
        let mut s = Scratch::default();
        s.serve(1);
        s.gates.get_or_insert_default("غزه").starts = Some(true);
        s.serve(1);
        assert_eq!(s.gates.get("غزه").and_then(|g| g.starts), Some(true));
        s.serve(2);
        assert!(s.gates.is_empty());
    }
}
