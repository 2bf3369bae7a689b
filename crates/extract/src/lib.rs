//! Reading one article: mentions and their entities, times, casualty claims, events.

pub mod claims;
pub mod events;
pub mod ner;
pub mod times;
