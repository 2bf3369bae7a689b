//! The Arabic text layer: matching keys, tokens with byte spans, clitics, sentences.
//!
//! Invariant: nothing here changes the text that is shown. Keys are derived strings used
//! for matching; every token and sentence points back into the original text by byte span.

pub mod normalise;

pub use normalise::{key, key_char, Keyed};
