//! Advisory locks. Each is keyed by a class and the current schema, so stores kept in
//! different schemas of one database (tests, tenants) do not wait for one another.

/// `pg_advisory_xact_lock(class, hashtext(current_schema()))`: held until the transaction
/// ends, so a worker that dies releases it with its connection.
pub(crate) const LOCK_SQL: &str =
    "SELECT pg_advisory_xact_lock($1::int4, hashtext(current_schema()))";

/// Applying migrations.
pub(crate) const MIGRATION: i32 = 0x6d72_0001;
/// Storing articles: near-duplicate detection compares a new article with every stored
/// one, so two ingesting transactions must not each miss the other's articles.
pub(crate) const INGEST: i32 = 0x6d72_0002;
/// Assigning articles to stories: the whole story set is recomputed under it.
pub(crate) const STORIES: i32 = 0x6d72_0003;
