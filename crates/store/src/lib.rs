//! marsad-store: the source of truth for articles, their analyses and stories.
//!
//! [`Store`] is the contract every backend keeps; [`SqliteStore`] is the embedded default
//! (one `marsad.db` file in a data directory). The trait names no driver types so a
//! PostgreSQL backend can sit behind it, and [`testing::conformance`] checks any backend
//! against the same contract.

mod error;
pub mod postgres;
pub mod queue;
mod sqlite;
#[doc(hidden)]
pub mod testing;

pub use self::postgres::PgStore;
pub use error::{BackendError, StoreError};
pub use queue::{
    is_postgres_url, open_queue, open_url, run_worker, Completed, WorkQueue, WorkerOptions,
    WorkerSummary,
};
pub use sqlite::SqliteStore;

use marsad_model::{Analysis, Article, Fingerprint, Story};
use serde::{Deserialize, Serialize};

/// Estimated Jaccard similarity at or above which a new article is a near-duplicate.
pub const NEAR_DUPLICATE_THRESHOLD: f64 = 0.8;

/// Number of LSH bands a fingerprint is indexed under (`Fingerprint::band_keys`).
pub const LSH_BANDS: usize = 16;

/// Where articles, analyses and stories are kept.
pub trait Store {
    /// Stores a batch in one transaction. For each article, in order:
    /// - an article with the same id is stored (or came earlier in this batch): `Repeat`;
    /// - else a stored article (or one earlier in this batch) that shares an LSH band key
    ///   has fingerprint similarity >= [`NEAR_DUPLICATE_THRESHOLD`]: the article is stored
    ///   with `near_duplicate_of` set to the most similar one: `NearDuplicate`;
    /// - else it is stored: `Stored`.
    ///
    /// The store decides `near_duplicate_of`; the value on the incoming article is ignored.
    fn insert_articles(
        &mut self,
        batch: &[(Article, Fingerprint)],
    ) -> Result<Vec<InsertOutcome>, StoreError>;

    fn article(&self, id: &str) -> Result<Option<Article>, StoreError>;

    /// Newest first by `published` (articles without a date last), then by id descending.
    fn articles(&self, query: &ArticleQuery) -> Result<Vec<ArticleSummary>, StoreError>;

    fn article_count(&self) -> Result<u64, StoreError>;

    /// Arabic articles with no stored analysis yet, oldest first by `published` (undated
    /// last, then by id), at most `limit`.
    fn unread_articles(&self, limit: usize) -> Result<Vec<Article>, StoreError>;

    /// Stores analyses in one transaction, replacing any earlier analysis of the same
    /// article. Fails with `UnknownArticle` (and stores none) if one names no stored article.
    fn put_analyses(&mut self, analyses: &[Analysis]) -> Result<(), StoreError>;

    fn analysis(&self, article: &str) -> Result<Option<Analysis>, StoreError>;

    /// Replaces the whole set of stories with these in one transaction, recording each
    /// article's story. Story ids must be unique, an article may be in one story only, and
    /// every article must be stored; otherwise nothing changes.
    fn replace_stories(&mut self, stories: &[Story]) -> Result<(), StoreError>;

    /// Newest first by `last_date` (undated last), then larger stories, then by id.
    fn stories(&self, query: &StoryQuery) -> Result<Vec<Story>, StoreError>;

    fn story(&self, id: &str) -> Result<Option<Story>, StoreError>;

    /// The id of the story the article belongs to.
    fn story_of(&self, article: &str) -> Result<Option<String>, StoreError>;

    /// A cheap token that differs whenever anything stored changed since it was last
    /// asked (a write through this value or through any other connection or process), so
    /// readers can cache what they derive from the store. `None` when the backend cannot
    /// tell cheaply; callers then compare what they read.
    fn revision(&self) -> Result<Option<String>, StoreError> {
        Ok(None)
    }
}

/// What `insert_articles` did with one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum InsertOutcome {
    Stored,
    /// The same text (same id) is already stored.
    Repeat {
        existing: String,
    },
    /// Stored, marked as a near-duplicate of an earlier article.
    NearDuplicate {
        of: String,
    },
}

/// One line of an article listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: String,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub language: String,
    pub near_duplicate_of: Option<String>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleQuery {
    pub limit: usize,
    pub offset: usize,
    /// Only articles of this outlet (exact match).
    pub outlet: Option<String>,
}

impl Default for ArticleQuery {
    fn default() -> Self {
        ArticleQuery {
            limit: 100,
            offset: 0,
            outlet: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryQuery {
    pub limit: usize,
    pub offset: usize,
}

impl Default for StoryQuery {
    fn default() -> Self {
        StoryQuery {
            limit: 100,
            offset: 0,
        }
    }
}
