//! Articles: batched insert with repeat and near-duplicate detection, and reads.

use super::bands::BandIndex;
use super::sql_count;
use crate::error::Doing;
use crate::{
    ArticleQuery, ArticleSummary, InsertOutcome, StoreError, LSH_BANDS, NEAR_DUPLICATE_THRESHOLD,
};
use marsad_model::{Article, Fingerprint, SourceFormat};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction, TransactionBehavior};

const ARTICLE_COLUMNS: &str = "id, source, format, outlet, url, published, title, body, \
                               language, boilerplate, near_duplicate_of";

pub(super) fn insert(
    conn: &mut Connection,
    index: &mut Option<BandIndex>,
    batch: &[(Article, Fingerprint)],
) -> Result<Vec<InsertOutcome>, StoreError> {
    const ACTION: &str = "storing a batch of articles";
    // IMMEDIATE takes the write lock up front, so a concurrent writer waits at BEGIN
    // (busy_timeout) instead of failing at its first write, and no other writer can
    // store articles between the index top-up and the commit.
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .doing(ACTION)?;
    let mut bands = index.take().unwrap_or_default();
    // The index holds this batch's articles before they commit: it is put back only
    // once they have, and rebuilt from the store after a failure.
    let outcomes = top_up(&tx, &mut bands).and_then(|()| insert_batch(&tx, &mut bands, batch))?;
    tx.commit().doing(ACTION)?;
    *index = Some(bands);
    Ok(outcomes)
}

/// Indexes the articles stored since the index last looked (all of them the first time),
/// by this or another process.
fn top_up(tx: &Transaction<'_>, bands: &mut BandIndex) -> Result<(), StoreError> {
    const ACTION: &str = "loading the near-duplicate index";
    let mut newer = tx
        .prepare_cached(
            "SELECT article, minhash FROM fingerprints WHERE article > ?1 ORDER BY article",
        )
        .doing(ACTION)?;
    let mut rows = newer.query([bands.last_seq]).doing(ACTION)?;
    while let Some(row) = rows.next().doing(ACTION)? {
        let seq: i64 = row.get(0).doing(ACTION)?;
        let blob = row.get_ref(1).doing(ACTION)?.as_blob().doing(ACTION)?;
        let keys = band_keys(&fingerprint_from_blob(&seq.to_string(), blob)?);
        bands.insert(seq, &keys)?;
    }
    Ok(())
}

fn insert_batch(
    tx: &Transaction<'_>,
    bands: &mut BandIndex,
    batch: &[(Article, Fingerprint)],
) -> Result<Vec<InsertOutcome>, StoreError> {
    const ACTION: &str = "storing a batch of articles";
    let mut outcomes = Vec::with_capacity(batch.len());
    // OR IGNORE settles "already stored?" in the insert's own unique-index lookup; a
    // near-duplicate mark, which needs the row's seq, is set afterwards (rarely).
    let mut put_article = tx
        .prepare_cached(&format!(
            "INSERT OR IGNORE INTO articles ({ARTICLE_COLUMNS}) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, NULL)"
        ))
        .doing(ACTION)?;
    let mut mark_near = tx
        .prepare_cached("UPDATE articles SET near_duplicate_of = ?1 WHERE seq = ?2")
        .doing(ACTION)?;
    let mut put_fingerprint = tx
        .prepare_cached("INSERT INTO fingerprints (article, minhash) VALUES (?1, ?2)")
        .doing(ACTION)?;
    let mut blob = Vec::new();
    for (article, fingerprint) in batch {
        let boilerplate = serde_json::to_string(&article.boilerplate)
            .doing("encoding an article's boilerplate")?;
        let inserted = put_article
            .execute(params![
                article.id,
                article.source,
                article.format.as_str(),
                article.outlet,
                article.url,
                article.published,
                article.title,
                article.body,
                article.language,
                boilerplate,
            ])
            .doing(ACTION)?;
        if inserted == 0 {
            outcomes.push(InsertOutcome::Repeat {
                existing: article.id.clone(),
            });
            continue;
        }
        let seq = tx.last_insert_rowid();
        // Looked up before the article is indexed, so it cannot find itself.
        let keys = band_keys(fingerprint);
        let near = most_similar(tx, bands, &keys, fingerprint)?;
        if let Some(of) = &near {
            mark_near.execute(params![of, seq]).doing(ACTION)?;
        }
        minhash_blob(fingerprint, &mut blob);
        put_fingerprint.execute(params![seq, blob]).doing(ACTION)?;
        bands.insert(seq, &keys)?;
        outcomes.push(match near {
            Some(of) => InsertOutcome::NearDuplicate { of },
            None => InsertOutcome::Stored,
        });
    }
    Ok(outcomes)
}

/// The fingerprint's LSH band keys, as many as it has (none for an empty fingerprint).
fn band_keys(fingerprint: &Fingerprint) -> Vec<u64> {
    let mut keys = fingerprint.band_keys(LSH_BANDS);
    keys.truncate(LSH_BANDS);
    keys
}

/// The stored article most similar to `fingerprint` among those sharing a band key, if
/// it reaches the threshold; ties go to the earliest stored (the original).
fn most_similar(
    tx: &Transaction<'_>,
    bands: &BandIndex,
    keys: &[u64],
    fingerprint: &Fingerprint,
) -> Result<Option<String>, StoreError> {
    const ACTION: &str = "looking up near-duplicate candidates";
    let mut candidates = Vec::new();
    for &key in keys {
        bands.candidates(key, |seq| candidates.push(seq));
    }
    if candidates.is_empty() {
        return Ok(None);
    }
    // Ascending, so that the first of equally similar articles is the earliest.
    candidates.sort_unstable();
    candidates.dedup();
    let mut stored = tx
        .prepare_cached("SELECT minhash FROM fingerprints WHERE article = ?1")
        .doing(ACTION)?;
    let mut best: Option<(f64, i64)> = None;
    for seq in candidates {
        let Some(other) = stored
            .query_row([seq], |row| row.get::<_, Vec<u8>>(0))
            .optional()
            .doing(ACTION)?
        else {
            continue;
        };
        let other = fingerprint_from_blob(&seq.to_string(), &other)?;
        let similarity = fingerprint.similarity(&other);
        // The index keeps a hash of each key: a candidate must share a key for real.
        if similarity < NEAR_DUPLICATE_THRESHOLD
            || !band_keys(&other).iter().any(|k| keys.contains(k))
        {
            continue;
        }
        if best.is_none_or(|(s, _)| similarity > s) {
            best = Some((similarity, seq));
        }
    }
    let Some((_, seq)) = best else {
        return Ok(None);
    };
    tx.prepare_cached("SELECT id FROM articles WHERE seq = ?1")
        .doing(ACTION)?
        .query_row([seq], |row| row.get(0))
        .doing(ACTION)
        .map(Some)
}

fn minhash_blob(fingerprint: &Fingerprint, blob: &mut Vec<u8>) {
    blob.clear();
    blob.extend(fingerprint.minhash.iter().flat_map(|v| v.to_le_bytes()));
}

fn fingerprint_from_blob(id: &str, blob: &[u8]) -> Result<Fingerprint, StoreError> {
    let chunks = blob.chunks_exact(4);
    if !chunks.remainder().is_empty() {
        return Err(StoreError::Corrupt {
            what: "fingerprint",
            id: id.to_string(),
            detail: format!("{} bytes is not a whole number of u32 slots", blob.len()),
        });
    }
    let minhash = chunks
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    Ok(Fingerprint { minhash })
}

/// The fingerprint stored with an article.
pub(super) fn fingerprint(conn: &Connection, id: &str) -> Result<Option<Fingerprint>, StoreError> {
    const ACTION: &str = "reading a fingerprint";
    let blob: Option<Vec<u8>> = conn
        .prepare_cached(
            "SELECT f.minhash FROM fingerprints f JOIN articles a ON a.seq = f.article \
             WHERE a.id = ?1",
        )
        .doing(ACTION)?
        .query_row([id], |row| row.get(0))
        .optional()
        .doing(ACTION)?;
    blob.map(|b| fingerprint_from_blob(id, &b)).transpose()
}

/// An article row as stored, before its JSON and enum columns are decoded.
struct ArticleRow {
    id: String,
    source: String,
    format: String,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<String>,
    title: Option<String>,
    body: String,
    language: String,
    boilerplate: String,
    near_duplicate_of: Option<String>,
}

impl ArticleRow {
    fn read(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(ArticleRow {
            id: row.get(0)?,
            source: row.get(1)?,
            format: row.get(2)?,
            outlet: row.get(3)?,
            url: row.get(4)?,
            published: row.get(5)?,
            title: row.get(6)?,
            body: row.get(7)?,
            language: row.get(8)?,
            boilerplate: row.get(9)?,
            near_duplicate_of: row.get(10)?,
        })
    }

    fn into_article(self) -> Result<Article, StoreError> {
        let format = SourceFormat::parse(&self.format).ok_or_else(|| StoreError::Corrupt {
            what: "source format",
            id: self.id.clone(),
            detail: format!("unknown format {:?}", self.format),
        })?;
        let boilerplate =
            serde_json::from_str(&self.boilerplate).map_err(|e| StoreError::Corrupt {
                what: "boilerplate",
                id: self.id.clone(),
                detail: e.to_string(),
            })?;
        Ok(Article {
            id: self.id,
            source: self.source,
            format,
            outlet: self.outlet,
            url: self.url,
            published: self.published,
            title: self.title,
            body: self.body,
            language: self.language,
            boilerplate,
            near_duplicate_of: self.near_duplicate_of,
        })
    }
}

pub(super) fn get(conn: &Connection, id: &str) -> Result<Option<Article>, StoreError> {
    const ACTION: &str = "reading an article";
    conn.prepare_cached(&format!(
        "SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?1"
    ))
    .doing(ACTION)?
    .query_row([id], ArticleRow::read)
    .optional()
    .doing(ACTION)?
    .map(ArticleRow::into_article)
    .transpose()
}

pub(super) fn list(
    conn: &Connection,
    query: &ArticleQuery,
) -> Result<Vec<ArticleSummary>, StoreError> {
    const ACTION: &str = "listing articles";
    const COLUMNS: &str = "id, published, outlet, title, language, near_duplicate_of, source";
    const ORDER: &str = "ORDER BY published DESC NULLS LAST, id DESC";
    let read = |row: &Row<'_>| {
        Ok(ArticleSummary {
            id: row.get(0)?,
            published: row.get(1)?,
            outlet: row.get(2)?,
            title: row.get(3)?,
            language: row.get(4)?,
            near_duplicate_of: row.get(5)?,
            source: row.get(6)?,
        })
    };
    let (limit, offset) = (sql_count(query.limit), sql_count(query.offset));
    let rows = match &query.outlet {
        Some(outlet) => conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM articles WHERE outlet = ?1 {ORDER} LIMIT ?2 OFFSET ?3"
            ))
            .doing(ACTION)?
            .query_map(params![outlet, limit, offset], read)
            .doing(ACTION)?
            .collect::<Result<Vec<_>, _>>(),
        None => conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM articles {ORDER} LIMIT ?1 OFFSET ?2"
            ))
            .doing(ACTION)?
            .query_map(params![limit, offset], read)
            .doing(ACTION)?
            .collect::<Result<Vec<_>, _>>(),
    };
    rows.doing(ACTION)
}

pub(super) fn count(conn: &Connection) -> Result<u64, StoreError> {
    const ACTION: &str = "counting articles";
    let n: i64 = conn
        .prepare_cached("SELECT COUNT(*) FROM articles")
        .doing(ACTION)?
        .query_row([], |row| row.get(0))
        .doing(ACTION)?;
    Ok(n.max(0) as u64)
}

pub(super) fn unread(conn: &Connection, limit: usize) -> Result<Vec<Article>, StoreError> {
    const ACTION: &str = "finding unread articles";
    let columns = ARTICLE_COLUMNS
        .split(", ")
        .map(|c| format!("a.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    let rows = conn
        .prepare_cached(&format!(
            "SELECT {columns} FROM articles a \
             WHERE a.language = 'ar' \
               AND NOT EXISTS (SELECT 1 FROM analyses x WHERE x.article = a.id) \
             ORDER BY a.published ASC NULLS LAST, a.id ASC \
             LIMIT ?1"
        ))
        .doing(ACTION)?
        .query_map([sql_count(limit)], ArticleRow::read)
        .doing(ACTION)?
        .collect::<Result<Vec<_>, _>>()
        .doing(ACTION)?;
    rows.into_iter().map(ArticleRow::into_article).collect()
}
