//! The server backend: PostgreSQL, for several processes (ingest, workers, the API) on
//! one or many machines sharing one store.
//!
//! Same tables as SQLite plus `work_queue`; see `schema.rs`. The driver is the blocking
//! `postgres` crate, so the `Store` trait stays synchronous and no async runtime leaks
//! into callers.

mod articles;
mod conn;
mod locks;
mod queue;
mod reads;
mod schema;
#[doc(hidden)]
pub mod testing;

use crate::error::Doing;
use crate::queue::{Completed, WorkQueue};
use crate::{
    ArticleQuery, ArticleSummary, BackendError, InsertOutcome, Store, StoreError, StoryQuery,
};
use conn::Conn;
use marsad_model::{Analysis, Article, Fingerprint, Story};
use postgres::{Client, NoTls};
use std::collections::HashMap;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// A [`Store`] in a PostgreSQL database (one schema of it).
pub struct PgStore {
    /// The driver needs `&mut` for every query; `Store`'s reads take `&self`.
    conn: Mutex<Conn>,
    /// The URL without its password, and the schema: what error messages name.
    target: String,
    /// Queue items claimed through this handle and not yet completed.
    leases: HashMap<String, queue::Lease>,
}

impl PgStore {
    /// Connects to `url` (`postgres://user[:password]@host:port/database`, or any form the
    /// `postgres` crate accepts) and brings the schema up to date in the connection's
    /// default schema (`public` unless the URL's `options` set a search_path).
    pub fn open(url: &str) -> Result<Self, StoreError> {
        Self::connect(url, None)
    }

    /// Like [`open`](Self::open), keeping the store in `schema` (created if missing): one
    /// database can then hold several independent stores, as tests running at once do.
    pub fn open_in_schema(url: &str, schema: &str) -> Result<Self, StoreError> {
        Self::connect(url, Some(schema))
    }

    fn connect(url: &str, schema: Option<&str>) -> Result<Self, StoreError> {
        let mut target = redact(url);
        if let Some(schema) = schema {
            target.push_str(&format!(" (schema {schema})"));
        }
        let open_error = |e: postgres::Error| StoreError::Open {
            path: PathBuf::from(&target),
            source: Box::new(e),
        };
        let mut client = Client::connect(url, NoTls).map_err(open_error)?;
        if let Some(schema) = schema {
            let name = quote_ident(schema);
            // Under a lock: concurrent CREATE SCHEMA IF NOT EXISTS can still collide.
            let mut tx = client.transaction().map_err(open_error)?;
            tx.execute(
                "SELECT pg_advisory_xact_lock($1::int4, hashtext($2))",
                &[&locks::MIGRATION, &schema],
            )
            .map_err(open_error)?;
            tx.batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {name}"))
                .map_err(open_error)?;
            tx.commit().map_err(open_error)?;
            client
                .batch_execute(&format!("SET search_path TO {name}"))
                .map_err(open_error)?;
        }
        let mut conn = Conn::new(client);
        schema::migrate(&mut conn, &target, schema::MIGRATIONS)?;
        Ok(PgStore {
            conn: Mutex::new(conn),
            target,
            leases: HashMap::new(),
        })
    }

    /// The server and schema this store is in, without the password.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// The schema version the database is at.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        const ACTION: &str = "reading the schema version";
        let rows = self.conn().query(
            ACTION,
            "SELECT COALESCE(MAX(version), 0) FROM marsad_schema",
            &[],
        )?;
        match rows.first() {
            Some(row) => row.try_get(0).doing(ACTION),
            None => Ok(0),
        }
    }

    /// The fingerprint stored with an article.
    pub fn fingerprint(&self, article: &str) -> Result<Option<Fingerprint>, StoreError> {
        articles::fingerprint(&mut self.conn(), article)
    }

    /// Runs `f` holding the story-assignment lock, in one transaction with everything `f`
    /// writes through this store: an `Err` (or a panic) from `f` undoes all of it.
    ///
    /// The lock is `pg_advisory_xact_lock` on one key per schema, so it covers the whole
    /// story set: the connect step recomputes every story from every analysis and
    /// replaces the set, so any finer lock (per time window) would let two workers each
    /// replace the set from a different view. The transaction ends with `f`, so a
    /// worker killed inside it releases the lock with its connection.
    ///
    /// Do not claim queue items inside `f`: a rolled-back claim would stay in this
    /// handle's lease list until completed (its completion is then rejected).
    pub fn with_story_lock<T, E>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        const ACTION: &str = "taking the story lock";
        if self.conn_mut().nested {
            return f(self);
        }
        {
            let conn = self.conn_mut();
            conn.client.batch_execute("BEGIN").doing(ACTION)?;
            if let Err(e) = conn.execute(ACTION, locks::LOCK_SQL, &[&locks::STORIES]) {
                let _ = conn.client.batch_execute("ROLLBACK");
                return Err(e.into());
            }
            conn.nested = true;
        }
        let outcome = catch_unwind(AssertUnwindSafe(|| f(self)));
        let conn = self.conn_mut();
        conn.nested = false;
        match outcome {
            Ok(Ok(value)) => {
                conn.client
                    .batch_execute("COMMIT")
                    .doing("committing story assignment")?;
                Ok(value)
            }
            Ok(Err(e)) => {
                let _ = conn.client.batch_execute("ROLLBACK");
                Err(e)
            }
            Err(panic) => {
                let _ = conn.client.batch_execute("ROLLBACK");
                resume_unwind(panic)
            }
        }
    }

    fn conn(&self) -> MutexGuard<'_, Conn> {
        // A panic while the lock was held left no half-done transaction open: writes
        // roll back on error and `with_story_lock` rolls back on panic.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn conn_mut(&mut self) -> &mut Conn {
        self.conn
            .get_mut()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("target", &self.target)
            .finish()
    }
}

impl Store for PgStore {
    fn insert_articles(
        &mut self,
        batch: &[(Article, Fingerprint)],
    ) -> Result<Vec<InsertOutcome>, StoreError> {
        articles::insert(self.conn_mut(), batch)
    }

    fn article(&self, id: &str) -> Result<Option<Article>, StoreError> {
        articles::get(&mut self.conn(), id)
    }

    fn articles(&self, query: &ArticleQuery) -> Result<Vec<ArticleSummary>, StoreError> {
        articles::list(&mut self.conn(), query)
    }

    fn article_count(&self) -> Result<u64, StoreError> {
        articles::count(&mut self.conn())
    }

    fn unread_articles(&self, limit: usize) -> Result<Vec<Article>, StoreError> {
        articles::unread(&mut self.conn(), limit)
    }

    fn put_analyses(&mut self, analyses: &[Analysis]) -> Result<(), StoreError> {
        reads::put_analyses(self.conn_mut(), analyses)
    }

    fn analysis(&self, article: &str) -> Result<Option<Analysis>, StoreError> {
        reads::analysis(&mut self.conn(), article)
    }

    fn replace_stories(&mut self, stories: &[Story]) -> Result<(), StoreError> {
        reads::replace_stories(self.conn_mut(), stories)
    }

    fn stories(&self, query: &StoryQuery) -> Result<Vec<Story>, StoreError> {
        reads::stories(&mut self.conn(), query)
    }

    fn story(&self, id: &str) -> Result<Option<Story>, StoreError> {
        reads::story(&mut self.conn(), id)
    }

    fn story_of(&self, article: &str) -> Result<Option<String>, StoreError> {
        reads::story_of(&mut self.conn(), article)
    }
}

impl WorkQueue for PgStore {
    fn claim_batch(
        &mut self,
        worker: &str,
        limit: usize,
        lease: Duration,
    ) -> Result<Vec<Article>, StoreError> {
        let conn = self
            .conn
            .get_mut()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        queue::claim(conn, &mut self.leases, worker, limit, lease)
    }

    fn complete_batch(
        &mut self,
        worker: &str,
        analyses: &[Analysis],
    ) -> Result<Completed, StoreError> {
        let conn = self
            .conn
            .get_mut()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        queue::complete(conn, &mut self.leases, worker, analyses)
    }

    fn queue_len(&self) -> Result<u64, StoreError> {
        queue::len(&mut self.conn())
    }

    fn with_stories_locked(
        &mut self,
        f: &mut dyn FnMut(&mut dyn Store) -> Result<(), BackendError>,
    ) -> Result<(), StoreError> {
        self.with_story_lock(|store| {
            f(store).map_err(|source| StoreError::Backend {
                action: "assigning stories",
                source,
            })
        })
    }

    fn as_store(&mut self) -> &mut dyn Store {
        self
    }
}

/// A connection string with any password replaced, fit for messages and logs.
fn redact(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://") {
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(authority_end);
        if let Some((userinfo, host)) = authority.rsplit_once('@') {
            if let Some((user, _password)) = userinfo.split_once(':') {
                return format!("{scheme}://{user}:***@{host}{tail}");
            }
        }
        return url.to_string();
    }
    // key=value form: `host=... password=secret dbname=...`
    url.split_whitespace()
        .map(|pair| match pair.split_once('=') {
            Some((key, _)) if key.eq_ignore_ascii_case("password") => format!("{key}=***"),
            _ => pair.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `name` as a quoted SQL identifier.
fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact("postgres://marsad:s3cret@db.internal:5432/marsad"),
            "postgres://marsad:***@db.internal:5432/marsad"
        );
        assert_eq!(
            redact("postgres://marsad@127.0.0.1:5432/marsad"),
            "postgres://marsad@127.0.0.1:5432/marsad"
        );
        assert_eq!(
            redact("host=db user=marsad password=s3cret dbname=marsad"),
            "host=db user=marsad password=*** dbname=marsad"
        );
    }

    #[test]
    fn schema_names_are_quoted() {
        assert_eq!(quote_ident("marsad"), "\"marsad\"");
        assert_eq!(
            quote_ident("a\"; DROP TABLE x; --"),
            "\"a\"\"; DROP TABLE x; --\""
        );
    }

    #[test]
    fn an_unreachable_server_is_an_open_error_without_the_password() {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        let err = PgStore::open("postgres://marsad:s3cret@127.0.0.1:1/marsad").unwrap_err();
        let message = err.to_string();
        assert!(matches!(err, StoreError::Open { .. }), "{message}");
        assert!(!message.contains("s3cret"), "{message}");
        assert!(message.contains("127.0.0.1:1"), "{message}");
    }
}
