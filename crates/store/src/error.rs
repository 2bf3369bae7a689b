use std::path::PathBuf;

/// Any backend's own error (SQLite, PostgreSQL), kept behind a box so the `Store`
/// trait does not name a driver's types.
pub type BackendError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// What went wrong in the store, saying which operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create the data directory {path}: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("cannot open the store {path}: {source}")]
    Open { path: PathBuf, source: BackendError },

    #[error(
        "the store {path} has schema version {found}, newer than this marsad knows ({known}); \
         use a newer marsad to open it"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error("cannot migrate the store {path} to schema version {version}: {source}")]
    Migrate {
        path: PathBuf,
        version: i64,
        source: BackendError,
    },

    /// A query or write failed; `action` says what the store was doing.
    #[error("{action}: {source}")]
    Backend {
        action: &'static str,
        source: BackendError,
    },

    /// A stored value cannot be decoded (hand-edited or damaged database).
    #[error("stored {what} of {id} is damaged: {detail}")]
    Corrupt {
        what: &'static str,
        id: String,
        detail: String,
    },

    /// An analysis or story names an article the store does not have.
    #[error("{what} refers to article {article}, which is not stored")]
    UnknownArticle { what: String, article: String },

    /// Stories partition articles: one article cannot be in two stories.
    #[error("article {article} is in both story {first} and story {second}")]
    ArticleInTwoStories {
        article: String,
        first: String,
        second: String,
    },

    #[error("story id {id} is given twice")]
    DuplicateStory { id: String },
}

/// Attaches the action being done to a backend error.
pub(crate) trait Doing<T> {
    fn doing(self, action: &'static str) -> Result<T, StoreError>;
}

impl<T, E> Doing<T> for Result<T, E>
where
    E: std::error::Error + Send + Sync + 'static,
{
    fn doing(self, action: &'static str) -> Result<T, StoreError> {
        self.map_err(|e| StoreError::Backend {
            action,
            source: Box::new(e),
        })
    }
}
