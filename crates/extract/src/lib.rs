//! Reading one article: mentions and their entities, times, casualty claims, events.

pub mod claims;
pub mod events;
pub mod link;
pub mod ner;
mod numerals;
pub mod read;
pub mod times;

pub use read::{read, Reader};
