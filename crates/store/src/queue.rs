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

/// How a worker loop runs.
#[derive(Debug, Clone)]
pub struct WorkerOptions {
    /// Unique among live workers (`host:pid` is a good choice): leases are held by name.
    pub name: String,
    /// Articles per claim and per completing transaction.
    pub batch: usize,
    /// How long a claim is the worker's: longer than reading a batch ever takes, short
    /// enough that a dead worker's batch comes back soon.
    pub lease: Duration,
    /// Return once the queue is empty (nothing queued, nothing leased) instead of
    /// waiting for new articles.
    pub exit_when_idle: bool,
    /// How long to wait when nothing can be claimed.
    pub poll: Duration,
}

impl WorkerOptions {
    pub fn new(name: impl Into<String>) -> Self {
        WorkerOptions {
            name: name.into(),
            batch: 50,
            lease: Duration::from_secs(300),
            exit_when_idle: false,
            poll: Duration::from_secs(1),
        }
    }
}

/// What a worker loop did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WorkerSummary {
    pub batches: u64,
    /// Analyses written.
    pub written: u64,
    /// Analyses dropped because their lease had passed to another worker.
    pub rejected: u64,
    /// Times the connect step ran.
    pub connects: u64,
    pub seconds: f64,
}

/// The worker loop: claim a batch → `read` each article → complete the batch → run
/// `connect` under the story lock when something was written; then again. Killing the
/// process anywhere in the loop is safe: an unfinished batch returns to the queue when
/// its lease expires, and a connect step cut short rolls back with its transaction.
/// Returns when the queue is empty if `exit_when_idle`, else runs until an error.
pub fn run_worker(
    queue: &mut dyn WorkQueue,
    options: &WorkerOptions,
    read: &mut dyn FnMut(&Article) -> Analysis,
    connect: &mut dyn FnMut(&mut dyn Store) -> Result<(), BackendError>,
    on_batch: &mut dyn FnMut(&WorkerSummary),
) -> Result<WorkerSummary, StoreError> {
    let started = std::time::Instant::now();
    let mut summary = WorkerSummary::default();
    loop {
        let batch = queue.claim_batch(&options.name, options.batch.max(1), options.lease)?;
        if batch.is_empty() {
            // Items leased to others may still come back (their worker may have died),
            // so only an empty queue ends the loop.
            if options.exit_when_idle && queue.queue_len()? == 0 {
                summary.seconds = started.elapsed().as_secs_f64();
                return Ok(summary);
            }
            std::thread::sleep(options.poll);
            continue;
        }
        let analyses: Vec<Analysis> = batch.iter().map(&mut *read).collect();
        let done = queue.complete_batch(&options.name, &analyses)?;
        summary.batches += 1;
        summary.written += done.written as u64;
        summary.rejected += done.rejected.len() as u64;
        if done.written > 0 {
            queue.with_stories_locked(connect)?;
            summary.connects += 1;
        }
        summary.seconds = started.elapsed().as_secs_f64();
        on_batch(&summary);
    }
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

    #[test]
    fn the_worker_loop_reads_everything_then_stops_when_idle() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let seeds = crate::testing::seed_articles();
        let batch: Vec<_> = seeds
            .iter()
            .map(|a| (a.clone(), fingerprint_of(&a.body)))
            .collect();
        store.insert_articles(&batch).unwrap();
        let mut options = WorkerOptions::new("solo");
        options.batch = 2;
        options.exit_when_idle = true;
        let mut connected = Vec::new();
        let summary = run_worker(
            &mut store,
            &options,
            &mut |a| Analysis {
                article: a.id.clone(),
                ..Analysis::default()
            },
            &mut |s| {
                connected.push(s.unread_articles(100)?.len());
                Ok(())
            },
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(summary.written, seeds.len() as u64);
        assert_eq!(summary.batches, seeds.len().div_ceil(2) as u64);
        assert_eq!(summary.rejected, 0);
        // Connect ran after every batch and saw that batch's analyses stored.
        let expected: Vec<usize> = (1..=summary.batches as usize)
            .map(|b| seeds.len().saturating_sub(2 * b))
            .collect();
        assert_eq!(connected, expected);
        assert!(store.unread_articles(10).unwrap().is_empty());
    }
}
