//! The work queue that lets several reader processes share the unread articles, and the
//! one function that opens whichever backend a `--store` value names.
//!
//! A worker loops: [`WorkQueue::claim_batch`] → read the articles →
//! [`WorkQueue::complete_batch`] → [`WorkQueue::with_stories_locked`] (connect). A claim
//! is a lease: an item whose lease expires (its worker died or stalled) goes back to the
//! queue, and a completion is written only while the lease is still the worker's, so no
//! article's analysis is written twice.

use crate::{BackendError, PgStore, SqliteStore, Store, StoreError};
use marsad_model::{Analysis, Article};
use std::path::Path;
use std::time::Duration;

/// What `complete_batch` did with the analyses it was given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Completed {
    /// Analyses written (their articles left the queue).
    pub written: usize,
    /// Articles whose analysis was dropped because this worker no longer held their
    /// lease (it expired and another worker claimed them) or never claimed them.
    pub rejected: Vec<String>,
}

/// A store whose unread articles can be shared out among workers.
pub trait WorkQueue: Store {
    /// Leases up to `limit` unread Arabic articles to `worker` for `lease`, oldest stored
    /// first. Articles leased to another worker are skipped, not waited for.
    fn claim_batch(
        &mut self,
        worker: &str,
        limit: usize,
        lease: Duration,
    ) -> Result<Vec<Article>, StoreError>;

    /// Writes the analyses of articles this worker still holds a lease on, in one
    /// transaction, and takes them off the queue; the others are reported as rejected.
    fn complete_batch(
        &mut self,
        worker: &str,
        analyses: &[Analysis],
    ) -> Result<Completed, StoreError>;

    /// Articles still to be read, leased or not.
    fn queue_len(&self) -> Result<u64, StoreError>;

    /// Runs `f` (the connect step: read analyses, recompute and replace the stories)
    /// holding the story-assignment lock, so two workers never recompute stories from
    /// different views at once and overwrite each other's. Where the backend allows it,
    /// `f`'s writes and the lock share one transaction: an error from `f` undoes them.
    fn with_stories_locked(
        &mut self,
        f: &mut dyn FnMut(&mut dyn Store) -> Result<(), BackendError>,
    ) -> Result<(), StoreError>;

    /// This queue as a plain store.
    fn as_store(&mut self) -> &mut dyn Store;
}

/// Whether a `--store` value names a PostgreSQL server rather than a data directory.
pub fn is_postgres_url(url_or_dir: &str) -> bool {
    url_or_dir.starts_with("postgres://") || url_or_dir.starts_with("postgresql://")
}

/// Opens the store a `--store` value names: a `postgres://` or `postgresql://` URL opens
/// a [`PgStore`], anything else is a data directory holding a [`SqliteStore`].
pub fn open_url(url_or_dir: &str) -> Result<Box<dyn Store + Send>, StoreError> {
    Ok(if is_postgres_url(url_or_dir) {
        Box::new(PgStore::open(url_or_dir)?)
    } else {
        Box::new(SqliteStore::open(Path::new(url_or_dir))?)
    })
}

/// Like [`open_url`], for a worker.
pub fn open_queue(url_or_dir: &str) -> Result<Box<dyn WorkQueue + Send>, StoreError> {
    Ok(if is_postgres_url(url_or_dir) {
        Box::new(PgStore::open(url_or_dir)?)
    } else {
        Box::new(SqliteStore::open(Path::new(url_or_dir))?)
    })
}

/// SQLite serves one worker: a claim is the oldest unread articles (no lease is kept,
/// so two SQLite workers would read the same articles) and a completion stores all the
/// analyses. Use PostgreSQL for more than one worker.
impl WorkQueue for SqliteStore {
    fn claim_batch(
        &mut self,
        _worker: &str,
        limit: usize,
        _lease: Duration,
    ) -> Result<Vec<Article>, StoreError> {
        self.unread_articles(limit)
    }

    fn complete_batch(
        &mut self,
        _worker: &str,
        analyses: &[Analysis],
    ) -> Result<Completed, StoreError> {
        self.put_analyses(analyses)?;
        Ok(Completed {
            written: analyses.len(),
            rejected: Vec::new(),
        })
    }

    fn queue_len(&self) -> Result<u64, StoreError> {
        Ok(self.unread_articles(usize::MAX)?.len() as u64)
    }

    fn with_stories_locked(
        &mut self,
        f: &mut dyn FnMut(&mut dyn Store) -> Result<(), BackendError>,
    ) -> Result<(), StoreError> {
        f(self).map_err(|source| StoreError::Backend {
            action: "assigning stories",
            source,
        })
    }

    fn as_store(&mut self) -> &mut dyn Store {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{article, fingerprint_of};

    #[test]
    fn store_values_are_told_apart() {
        assert!(is_postgres_url("postgres://marsad@127.0.0.1:5432/marsad"));
        assert!(is_postgres_url("postgresql://db.example/marsad"));
        assert!(!is_postgres_url("data"));
        assert!(!is_postgres_url("/var/lib/marsad/postgres"));
    }

    #[test]
    fn a_directory_opens_sqlite_and_serves_one_worker() {
        let dir = tempfile::tempdir().unwrap();
        let mut queue = open_queue(dir.path().to_str().unwrap()).unwrap();
        let texts = [
            "قال الناطق باسم وزارة الدفاع إن القوات صدت هجوما على الحدود الشمالية.",
            "أعلنت وزارة الصحة تسجيل إصابات جديدة في المحافظات الجنوبية يوم الثلاثاء.",
        ];
        let batch: Vec<_> = texts
            .iter()
            .map(|t| (article(t, "wire.txt", None, None), fingerprint_of(t)))
            .collect();
        queue.insert_articles(&batch).unwrap();
        assert_eq!(queue.queue_len().unwrap(), 2);
        let claimed = queue
            .claim_batch("w1", 10, Duration::from_secs(30))
            .unwrap();
        assert_eq!(claimed.len(), 2);
        let analyses: Vec<Analysis> = claimed
            .iter()
            .map(|a| Analysis {
                article: a.id.clone(),
                ..Analysis::default()
            })
            .collect();
        let done = queue.complete_batch("w1", &analyses).unwrap();
        assert_eq!(done.written, 2);
        assert_eq!(queue.queue_len().unwrap(), 0);
        let mut calls = 0;
        queue
            .with_stories_locked(&mut |store| {
                calls += 1;
                store.replace_stories(&[]).map_err(Into::into)
            })
            .unwrap();
        assert_eq!(calls, 1);
        assert_eq!(queue.as_store().article_count().unwrap(), 2);
    }
}
