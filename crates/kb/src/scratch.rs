//! Per-thread buffers for the look-ups by word: the reader asks the KB of nearly every
//! word of a text, and the keys it builds (joined names, class keys) are written into
//! buffers that live as long as the thread.

use std::cell::RefCell;

thread_local! {
    pub(crate) static SCRATCH: RefCell<Scratch> = RefCell::default();
}

#[derive(Default)]
pub(crate) struct Scratch {
    pub(crate) scratch: String,
    pub(crate) buf: String,
}
