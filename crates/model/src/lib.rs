//! The domain types that flow one way through marsad:
//! `Article` (ingest) → `Analysis` (read) → `Story` (connect) → store → views.
//!
//! Invariants every stage relies on:
//! - A `Span` is a byte range into `Article::body` that falls on UTF-8 char boundaries.
//! - `Article::id` is a pure function of the article's normalised body, so the same text
//!   from two sources gets the same id (exact repeats are detected by id).
//! - Entity ids are stable strings: a Wikidata QID (`Q399`) when known, else a local id
//!   (`local:...`) that every spelling variant of the same name shares.

mod analysis;
mod article;
mod story;

pub use analysis::*;
pub use article::*;
pub use story::*;

/// A byte range `[start, end)` in an article's cleaned body.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// The text this span covers, or `None` when it does not fit `text`.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }
}
