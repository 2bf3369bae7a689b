//! Schema versions: the `marsad_schema` table lists the migrations applied, and all
//! pending ones run in one transaction under an advisory lock, so two workers opening a
//! fresh database at once cannot both apply them (PostgreSQL's DDL is transactional).

use super::conn::Conn;
use super::locks;
use crate::StoreError;
use std::path::PathBuf;

/// Migration `i` (0-based) takes the store from version `i` to version `i + 1`.
/// Append only: never edit a script once released.
pub(crate) const MIGRATIONS: &[&str] = &[V1];

/// The SQLite schema adapted: `seq` is a BIGSERIAL, JSON columns are JSONB so the server
/// can query inside them later, and columns that are sorted on use the "C" collation so
/// the order is byte order, as in SQLite, whatever the database's locale. Analyses record
/// who wrote them and how often; `work_queue` holds the articles waiting to be read.
const V1: &str = r#"
CREATE TABLE articles (
    seq               BIGSERIAL PRIMARY KEY,
    id                TEXT COLLATE "C" NOT NULL UNIQUE,
    source            TEXT NOT NULL,
    format            TEXT NOT NULL,
    outlet            TEXT COLLATE "C",
    url               TEXT,
    published         TEXT COLLATE "C",
    title             TEXT,
    body              TEXT NOT NULL,
    language          TEXT NOT NULL,
    boilerplate       TEXT[] NOT NULL,
    near_duplicate_of TEXT COLLATE "C" REFERENCES articles(id)
);
CREATE INDEX articles_by_published ON articles (published DESC NULLS LAST, id DESC);
CREATE INDEX articles_by_outlet ON articles (outlet, published DESC NULLS LAST, id DESC);

-- Written only by insert_articles, in the same statement as their article: no foreign
-- keys, as in SQLite (they would cost a lookup per row).
CREATE TABLE fingerprints (
    article BIGINT PRIMARY KEY,
    minhash BYTEA NOT NULL
);

CREATE TABLE lsh_bands (
    band_key BIGINT NOT NULL,
    article  BIGINT NOT NULL,
    PRIMARY KEY (band_key, article)
);

CREATE TABLE analyses (
    article     TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    analysis    JSONB NOT NULL,
    read_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- The worker whose completed lease wrote it (NULL when written by put_analyses).
    analysed_by TEXT,
    attempt     INT,
    -- How many times this article's analysis was written: a queue that hands an article
    -- to one worker at a time keeps it at 1.
    writes      INT NOT NULL DEFAULT 1
);

CREATE TABLE stories (
    id            TEXT COLLATE "C" PRIMARY KEY,
    first_date    TEXT COLLATE "C",
    last_date     TEXT COLLATE "C",
    article_count BIGINT NOT NULL,
    story         JSONB NOT NULL
);
CREATE INDEX stories_by_date ON stories (last_date DESC NULLS LAST, article_count DESC, id);

CREATE TABLE story_articles (
    story   TEXT COLLATE "C" NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article TEXT COLLATE "C" NOT NULL PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX story_articles_by_story ON story_articles (story);

-- Arabic articles waiting to be read, enqueued in the transaction that stores them.
-- An item is free when it has no lease or its lease has expired; `attempts` counts the
-- claims and is the fencing token a completion must still match.
CREATE TABLE work_queue (
    article       BIGINT PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
    lease_owner   TEXT,
    lease_expires TIMESTAMPTZ,
    attempts      INT NOT NULL DEFAULT 0,
    enqueued_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
"#;

/// Brings the store up to the newest version in `migrations`.
pub(crate) fn migrate(
    conn: &mut Conn,
    target: &str,
    migrations: &[&str],
) -> Result<(), StoreError> {
    let path = || PathBuf::from(target);
    let known = migrations.len() as i64;
    let open_error = |e: postgres::Error| StoreError::Open {
        path: path(),
        source: Box::new(e),
    };
    let client = &mut conn.client;
    let mut tx = client.transaction().map_err(open_error)?;
    // Read the version under the lock: another process may have migrated meanwhile.
    tx.execute(locks::LOCK_SQL, &[&locks::MIGRATION])
        .map_err(open_error)?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS marsad_schema (
             version    BIGINT PRIMARY KEY,
             applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
         )",
    )
    .map_err(open_error)?;
    let version: i64 = tx
        .query_one("SELECT COALESCE(MAX(version), 0) FROM marsad_schema", &[])
        .and_then(|row| row.try_get(0))
        .map_err(open_error)?;
    if version > known {
        return Err(StoreError::TooNew {
            path: path(),
            found: version,
            known,
        });
    }
    for (i, script) in migrations.iter().enumerate().skip(version.max(0) as usize) {
        let next = i as i64 + 1;
        let failed = |e: postgres::Error| StoreError::Migrate {
            path: path(),
            version: next,
            source: Box::new(e),
        };
        tx.batch_execute(script).map_err(failed)?;
        tx.execute("INSERT INTO marsad_schema (version) VALUES ($1)", &[&next])
            .map_err(failed)?;
    }
    tx.commit().map_err(open_error)
}
