//! Articles: batched insert with repeat and near-duplicate detection (enqueueing Arabic
//! articles for reading in the same transaction), and reads.

use super::conn::{sql_count, Conn};
use super::locks;
use crate::error::Doing;
use crate::{
    ArticleQuery, ArticleSummary, InsertOutcome, StoreError, LSH_BANDS, NEAR_DUPLICATE_THRESHOLD,
};
use marsad_model::{Article, Fingerprint, SourceFormat};
use postgres::Row;

/// The columns `article_from_row` reads, in its order.
macro_rules! article_columns {
    ($p:literal) => {
        concat!(
            $p,
            "id, ",
            $p,
            "source, ",
            $p,
            "format, ",
            $p,
            "outlet, ",
            $p,
            "url, ",
            $p,
            "published, ",
            $p,
            "title, ",
            $p,
            "body, ",
            $p,
            "language, ",
            $p,
            "boilerplate, ",
            $p,
            "near_duplicate_of"
        )
    };
}
pub(super) use article_columns;

pub(super) fn insert(
    conn: &mut Conn,
    batch: &[(Article, Fingerprint)],
) -> Result<Vec<InsertOutcome>, StoreError> {
    const ACTION: &str = "storing a batch of articles";
    conn.write(ACTION, |conn| {
        conn.execute(ACTION, locks::LOCK_SQL, &[&locks::INGEST])?;
        let mut outcomes = Vec::with_capacity(batch.len());
        for (article, fingerprint) in batch {
            let stored = conn.query_opt(
                ACTION,
                "SELECT 1 FROM articles WHERE id = $1",
                &[&article.id],
            )?;
            if stored.is_some() {
                outcomes.push(InsertOutcome::Repeat {
                    existing: article.id.clone(),
                });
                continue;
            }
            let keys: Vec<i64> = fingerprint
                .band_keys(LSH_BANDS)
                .into_iter()
                .take(LSH_BANDS)
                // The model keeps the top bit clear; the mask only guards that promise.
                .map(|k| (k & i64::MAX as u64) as i64)
                .collect();
            let near = most_similar(conn, &keys, fingerprint)?;
            let queued = article.is_arabic();
            // One round trip for the article, its fingerprint, its bands and its place
            // in the queue.
            conn.execute(
                ACTION,
                concat!(
                    "WITH a AS (INSERT INTO articles (",
                    article_columns!(""),
                    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING seq), ",
                    "f AS (INSERT INTO fingerprints (article, minhash) SELECT seq, $12 FROM a), ",
                    "b AS (INSERT INTO lsh_bands (band_key, article) \
                           SELECT DISTINCT k, a.seq FROM a, unnest($13::bigint[]) AS k), ",
                    "q AS (INSERT INTO work_queue (article) SELECT seq FROM a WHERE $14) ",
                    "SELECT seq FROM a"
                ),
                &[
                    &article.id,
                    &article.source,
                    &article.format.as_str(),
                    &article.outlet,
                    &article.url,
                    &article.published,
                    &article.title,
                    &article.body,
                    &article.language,
                    &article.boilerplate,
                    &near,
                    &minhash_bytes(fingerprint),
                    &keys,
                    &queued,
                ],
            )?;
            outcomes.push(match near {
                Some(of) => InsertOutcome::NearDuplicate { of },
                None => InsertOutcome::Stored,
            });
        }
        Ok(outcomes)
    })
}

/// The stored article most similar to `fingerprint` among those sharing a band key, if
/// it reaches the threshold; ties go to the earliest stored (the original).
fn most_similar(
    conn: &mut Conn,
    keys: &[i64],
    fingerprint: &Fingerprint,
) -> Result<Option<String>, StoreError> {
    const ACTION: &str = "looking up near-duplicate candidates";
    if keys.is_empty() {
        return Ok(None);
    }
    let rows = conn.query(
        ACTION,
        "SELECT DISTINCT b.article, f.minhash, a.id FROM lsh_bands b \
         JOIN fingerprints f ON f.article = b.article \
         JOIN articles a ON a.seq = b.article \
         WHERE b.band_key = ANY($1)",
        &[&keys],
    )?;
    let mut best: Option<(f64, i64, String)> = None;
    for row in rows {
        let seq: i64 = row.try_get(0).doing(ACTION)?;
        let blob: &[u8] = row.try_get(1).doing(ACTION)?;
        let id: String = row.try_get(2).doing(ACTION)?;
        let similarity = fingerprint.similarity(&fingerprint_from_bytes(&id, blob)?);
        if similarity < NEAR_DUPLICATE_THRESHOLD {
            continue;
        }
        let better = match &best {
            None => true,
            Some((s, q, _)) => similarity > *s || (similarity == *s && seq < *q),
        };
        if better {
            best = Some((similarity, seq, id));
        }
    }
    Ok(best.map(|(_, _, id)| id))
}

fn minhash_bytes(fingerprint: &Fingerprint) -> Vec<u8> {
    fingerprint
        .minhash
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect()
}

fn fingerprint_from_bytes(id: &str, blob: &[u8]) -> Result<Fingerprint, StoreError> {
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

pub(super) fn fingerprint(conn: &mut Conn, id: &str) -> Result<Option<Fingerprint>, StoreError> {
    const ACTION: &str = "reading a fingerprint";
    let row = conn.query_opt(
        ACTION,
        "SELECT f.minhash FROM fingerprints f JOIN articles a ON a.seq = f.article \
         WHERE a.id = $1",
        &[&id],
    )?;
    match row {
        Some(row) => {
            let blob: &[u8] = row.try_get(0).doing(ACTION)?;
            fingerprint_from_bytes(id, blob).map(Some)
        }
        None => Ok(None),
    }
}

/// Decodes a row whose first columns are `article_columns!`, starting at `at`.
pub(super) fn article_from_row(row: &Row, at: usize) -> Result<Article, StoreError> {
    const ACTION: &str = "reading an article row";
    let id: String = row.try_get(at).doing(ACTION)?;
    let format: String = row.try_get(at + 2).doing(ACTION)?;
    let format = SourceFormat::parse(&format).ok_or_else(|| StoreError::Corrupt {
        what: "source format",
        id: id.clone(),
        detail: format!("unknown format {format:?}"),
    })?;
    Ok(Article {
        source: row.try_get(at + 1).doing(ACTION)?,
        format,
        outlet: row.try_get(at + 3).doing(ACTION)?,
        url: row.try_get(at + 4).doing(ACTION)?,
        published: row.try_get(at + 5).doing(ACTION)?,
        title: row.try_get(at + 6).doing(ACTION)?,
        body: row.try_get(at + 7).doing(ACTION)?,
        language: row.try_get(at + 8).doing(ACTION)?,
        boilerplate: row.try_get(at + 9).doing(ACTION)?,
        near_duplicate_of: row.try_get(at + 10).doing(ACTION)?,
        id,
    })
}

pub(super) fn get(conn: &mut Conn, id: &str) -> Result<Option<Article>, StoreError> {
    const ACTION: &str = "reading an article";
    conn.query_opt(
        ACTION,
        concat!(
            "SELECT ",
            article_columns!(""),
            " FROM articles WHERE id = $1"
        ),
        &[&id],
    )?
    .map(|row| article_from_row(&row, 0))
    .transpose()
}

pub(super) fn list(
    conn: &mut Conn,
    query: &ArticleQuery,
) -> Result<Vec<ArticleSummary>, StoreError> {
    const ACTION: &str = "listing articles";
    let (limit, offset) = (sql_count(query.limit), sql_count(query.offset));
    // Both orders match an index (articles_by_published, articles_by_outlet).
    let rows = match &query.outlet {
        Some(outlet) => conn.query(
            ACTION,
            "SELECT id, published, outlet, title, language, near_duplicate_of, source \
             FROM articles WHERE outlet = $1 \
             ORDER BY published DESC NULLS LAST, id DESC LIMIT $2 OFFSET $3",
            &[outlet, &limit, &offset],
        )?,
        None => conn.query(
            ACTION,
            "SELECT id, published, outlet, title, language, near_duplicate_of, source \
             FROM articles ORDER BY published DESC NULLS LAST, id DESC LIMIT $1 OFFSET $2",
            &[&limit, &offset],
        )?,
    };
    rows.iter()
        .map(|row| {
            Ok(ArticleSummary {
                id: row.try_get(0)?,
                published: row.try_get(1)?,
                outlet: row.try_get(2)?,
                title: row.try_get(3)?,
                language: row.try_get(4)?,
                near_duplicate_of: row.try_get(5)?,
                source: row.try_get(6)?,
            })
        })
        .collect::<Result<_, postgres::Error>>()
        .doing(ACTION)
}

pub(super) fn count(conn: &mut Conn) -> Result<u64, StoreError> {
    const ACTION: &str = "counting articles";
    let rows = conn.query(ACTION, "SELECT COUNT(*) FROM articles", &[])?;
    let n: i64 = match rows.first() {
        Some(row) => row.try_get(0).doing(ACTION)?,
        None => 0,
    };
    Ok(n.max(0) as u64)
}

pub(super) fn unread(conn: &mut Conn, limit: usize) -> Result<Vec<Article>, StoreError> {
    const ACTION: &str = "finding unread articles";
    conn.query(
        ACTION,
        concat!(
            "SELECT ",
            article_columns!("a."),
            " FROM articles a WHERE a.language = 'ar' \
              AND NOT EXISTS (SELECT 1 FROM analyses x WHERE x.article = a.id) \
             ORDER BY a.published ASC NULLS LAST, a.id ASC LIMIT $1"
        ),
        &[&sql_count(limit)],
    )?
    .iter()
    .map(|row| article_from_row(row, 0))
    .collect()
}
