//! The embedded backend: one SQLite file, `marsad.db`, in the data directory.

mod articles;
mod bands;
mod reads;
pub(crate) mod schema;

use crate::{ArticleQuery, ArticleSummary, InsertOutcome, Store, StoreError, StoryQuery};
use marsad_model::{Analysis, Article, Fingerprint, Story};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// File name of the database inside the data directory.
pub const DB_FILE: &str = "marsad.db";

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Page cache per connection, in KiB (SQLite's default is 2 MiB): the random-order
/// article id index stays in memory during bulk insert.
const CACHE_KIB: i64 = 64 * 1024;

/// Page size of new databases, in bytes (SQLite's default is 4096). An article row is
/// a few KiB: with 16 KiB pages most fit beside others, and a batch goes to the WAL
/// in a quarter of the frames (each one a write call).
const PAGE_SIZE: i64 = 16 * 1024;

/// A [`Store`] in one SQLite database file.
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
    /// Near-duplicate index, built on the first insert (readers never need it).
    bands: Option<bands::BandIndex>,
}

impl SqliteStore {
    /// Opens `data_dir/marsad.db`, creating the directory and the database if missing
    /// and bringing its schema up to date.
    pub fn open(data_dir: &Path) -> Result<Self, StoreError> {
        Self::open_with(data_dir, schema::MIGRATIONS)
    }

    pub(crate) fn open_with(data_dir: &Path, migrations: &[&str]) -> Result<Self, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::CreateDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        let path = data_dir.join(DB_FILE);
        let conn = Connection::open(&path).map_err(|e| schema::open_error(&path, e))?;
        Self::set_up(conn, path, true, migrations)
    }

    /// A private store that lives as long as the value (tests, one-shot runs).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| schema::open_error(&path, e))?;
        Self::set_up(conn, path, false, schema::MIGRATIONS)
    }

    /// The database file (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version the database is at.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(|e| schema::open_error(&self.path, e))
    }

    /// The fingerprint stored with an article.
    pub fn fingerprint(&self, article: &str) -> Result<Option<Fingerprint>, StoreError> {
        articles::fingerprint(&self.conn, article)
    }

    /// Runs SQLite's own consistency check; `Ok(())` when the file is sound.
    pub fn check_integrity(&self) -> Result<(), StoreError> {
        let verdict: String = self
            .conn
            .pragma_query_value(None, "integrity_check", |row| row.get(0))
            .map_err(|e| schema::open_error(&self.path, e))?;
        if verdict == "ok" {
            Ok(())
        } else {
            Err(StoreError::Corrupt {
                what: "database",
                id: self.path.display().to_string(),
                detail: verdict,
            })
        }
    }

    fn set_up(
        mut conn: Connection,
        path: PathBuf,
        on_disk: bool,
        migrations: &[&str],
    ) -> Result<Self, StoreError> {
        let fail = |e| schema::open_error(&path, e);
        // First, so that switching to WAL also waits for a concurrent opener.
        conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
        // Only a new, empty database takes it (WAL fixes the page size at creation).
        conn.pragma_update(None, "page_size", PAGE_SIZE)
            .map_err(fail)?;
        if on_disk {
            // WAL lets readers run while a batch is written; NORMAL sync is durable
            // to the last checkpoint and never corrupts under WAL.
            let mode: String = conn
                .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
                .map_err(fail)?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(StoreError::Open {
                    path,
                    source: format!("journal_mode stayed {mode}, WAL was asked").into(),
                });
            }
            conn.pragma_update(None, "synchronous", "NORMAL")
                .map_err(fail)?;
            // Checkpoint every ~16 MiB of WAL instead of 4: index pages rewritten by
            // several batches are copied back to the database once.
            conn.pragma_update(None, "wal_autocheckpoint", 4000)
                .map_err(fail)?;
        }
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(fail)?;
        conn.pragma_update(None, "cache_size", -CACHE_KIB)
            .map_err(fail)?;
        // Statement journals (kept while a multi-row statement runs inside a batch) go
        // to memory instead of a temporary file: a third of bulk-insert time otherwise.
        conn.pragma_update(None, "temp_store", "MEMORY")
            .map_err(fail)?;
        conn.set_prepared_statement_cache_capacity(64);
        schema::migrate(&mut conn, &path, migrations)?;
        Ok(SqliteStore {
            conn,
            path,
            bands: None,
        })
    }
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .finish()
    }
}

impl Store for SqliteStore {
    fn insert_articles(
        &mut self,
        batch: &[(Article, Fingerprint)],
    ) -> Result<Vec<InsertOutcome>, StoreError> {
        articles::insert(&mut self.conn, &mut self.bands, batch)
    }

    fn article(&self, id: &str) -> Result<Option<Article>, StoreError> {
        articles::get(&self.conn, id)
    }

    fn articles(&self, query: &ArticleQuery) -> Result<Vec<ArticleSummary>, StoreError> {
        articles::list(&self.conn, query)
    }

    fn article_count(&self) -> Result<u64, StoreError> {
        articles::count(&self.conn)
    }

    fn unread_articles(&self, limit: usize) -> Result<Vec<Article>, StoreError> {
        articles::unread(&self.conn, limit)
    }

    fn put_analyses(&mut self, analyses: &[Analysis]) -> Result<(), StoreError> {
        reads::put_analyses(&mut self.conn, analyses)
    }

    fn analysis(&self, article: &str) -> Result<Option<Analysis>, StoreError> {
        reads::analysis(&self.conn, article)
    }

    fn replace_stories(&mut self, stories: &[Story]) -> Result<(), StoreError> {
        reads::replace_stories(&mut self.conn, stories)
    }

    fn stories(&self, query: &StoryQuery) -> Result<Vec<Story>, StoreError> {
        reads::stories(&self.conn, query)
    }

    fn story(&self, id: &str) -> Result<Option<Story>, StoreError> {
        reads::story(&self.conn, id)
    }

    fn story_of(&self, article: &str) -> Result<Option<String>, StoreError> {
        reads::story_of(&self.conn, article)
    }

    fn revision(&self) -> Result<Option<String>, StoreError> {
        reads::revision(&self.conn).map(Some)
    }
}

/// SQLite takes signed 64-bit limits; anything larger means "no limit".
fn sql_count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests;
