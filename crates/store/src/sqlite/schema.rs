//! Schema versions: `PRAGMA user_version` counts the migrations applied, and each pending
//! migration runs in its own immediate transaction so two processes opening a fresh
//! store at once cannot both apply it.

use crate::StoreError;
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;

/// Migration `i` (0-based) takes the store from version `i` to version `i + 1`.
/// Append only: never edit a script once released.
pub(crate) const MIGRATIONS: &[&str] = &[V1, V2];

/// Articles, their near-duplicate index, analyses and stories. JSON columns hold model
/// types whole; scalar columns exist where the store filters or sorts.
const V1: &str = "
-- seq is the storage order (the rowid): near-duplicate ties go to the earlier article,
-- and the band index refers to articles by it, which is smaller than the text id.
CREATE TABLE articles (
    seq               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    source            TEXT NOT NULL,
    format            TEXT NOT NULL,
    outlet            TEXT,
    url               TEXT,
    published         TEXT,
    title             TEXT,
    body              TEXT NOT NULL,
    language          TEXT NOT NULL,
    boilerplate       TEXT NOT NULL,
    near_duplicate_of TEXT REFERENCES articles(id)
);
CREATE INDEX articles_by_published ON articles (published, id);
CREATE INDEX articles_by_outlet ON articles (outlet, published, id);

-- The near-duplicate index: written only by insert_articles, in the same transaction
-- as its article, so it carries no foreign keys (they would cost a lookup per row).
CREATE TABLE fingerprints (
    article INTEGER PRIMARY KEY,
    minhash BLOB NOT NULL
);

CREATE TABLE lsh_bands (
    band_key INTEGER NOT NULL,
    article  INTEGER NOT NULL,
    PRIMARY KEY (band_key, article)
) WITHOUT ROWID;

CREATE TABLE analyses (
    article  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    analysis TEXT NOT NULL,
    read_at  TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE stories (
    id            TEXT PRIMARY KEY,
    first_date    TEXT,
    last_date     TEXT,
    article_count INTEGER NOT NULL,
    story         TEXT NOT NULL
);
CREATE INDEX stories_by_date ON stories (last_date, article_count, id);

CREATE TABLE story_articles (
    story   TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article TEXT NOT NULL PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX story_articles_by_story ON story_articles (story);
";

/// The band table gives way to an index each writer keeps in memory, built from the
/// fingerprints (see `sqlite::bands`).
const V2: &str = "
DROP TABLE lsh_bands;
";

/// Brings the store at `path` up to the newest version in `migrations`.
pub(crate) fn migrate(
    conn: &mut Connection,
    path: &Path,
    migrations: &[&str],
) -> Result<(), StoreError> {
    let known = migrations.len() as i64;
    loop {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| open_error(path, e))?;
        // Read inside the write lock: another process may have migrated meanwhile.
        let version: i64 = tx
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(|e| open_error(path, e))?;
        if version > known {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: version,
                known,
            });
        }
        if version == known {
            return Ok(());
        }
        let next = version + 1;
        let failed = |e: rusqlite::Error| StoreError::Migrate {
            path: path.to_path_buf(),
            version: next,
            source: Box::new(e),
        };
        let Some(script) = usize::try_from(version)
            .ok()
            .and_then(|i| migrations.get(i))
        else {
            return Err(StoreError::Corrupt {
                what: "schema version",
                id: path.display().to_string(),
                detail: format!("user_version is {version}"),
            });
        };
        tx.execute_batch(script).map_err(failed)?;
        tx.pragma_update(None, "user_version", next)
            .map_err(failed)?;
        tx.commit().map_err(failed)?;
    }
}

pub(crate) fn open_error(path: &Path, e: rusqlite::Error) -> StoreError {
    StoreError::Open {
        path: path.to_path_buf(),
        source: Box::new(e),
    }
}
