//! Reading one article: mentions and their entities, times, casualty claims, events.

pub mod ner;
pub mod times;
