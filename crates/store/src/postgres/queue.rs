//! The work queue in PostgreSQL: claims take free rows with `FOR UPDATE SKIP LOCKED`, so
//! workers never wait for each other's claims, and completions are fenced by the claim's
//! attempt number, so a worker whose lease was taken over cannot write.

use super::articles::{article_columns, article_from_row};
use super::conn::{sql_count, Conn};
use crate::error::Doing;
use crate::queue::Completed;
use crate::StoreError;
use marsad_model::{Analysis, Article};
use std::collections::{HashMap, HashSet};
use std::time::Duration;

/// A queue item this handle holds: the article's row and the claim's attempt number.
#[derive(Debug, Clone, Copy)]
pub(super) struct Lease {
    seq: i64,
    attempt: i32,
}

pub(super) fn claim(
    conn: &mut Conn,
    leases: &mut HashMap<String, Lease>,
    worker: &str,
    limit: usize,
    lease: Duration,
) -> Result<Vec<Article>, StoreError> {
    const ACTION: &str = "claiming a batch of articles";
    if limit == 0 {
        return Ok(Vec::new());
    }
    // clock_timestamp, not now(): inside the story lock's transaction now() is the time
    // the transaction began.
    let rows = conn.write(ACTION, |conn| {
        conn.query(
            ACTION,
            concat!(
                "WITH picked AS ( \
                     SELECT article FROM work_queue \
                     WHERE lease_expires IS NULL OR lease_expires <= clock_timestamp() \
                     ORDER BY article LIMIT $1 \
                     FOR UPDATE SKIP LOCKED \
                 ), leased AS ( \
                     UPDATE work_queue q SET lease_owner = $2, \
                         lease_expires = clock_timestamp() + make_interval(secs => $3), \
                         attempts = q.attempts + 1 \
                     FROM picked WHERE q.article = picked.article \
                     RETURNING q.article, q.attempts \
                 ) SELECT l.article, l.attempts, ",
                article_columns!("a."),
                " FROM leased l JOIN articles a ON a.seq = l.article ORDER BY l.article"
            ),
            &[&sql_count(limit), &worker, &lease.as_secs_f64()],
        )
    })?;
    let mut articles = Vec::with_capacity(rows.len());
    for row in &rows {
        let seq: i64 = row.try_get(0).doing(ACTION)?;
        let attempt: i32 = row.try_get(1).doing(ACTION)?;
        let article = article_from_row(row, 2)?;
        leases.insert(article.id.clone(), Lease { seq, attempt });
        articles.push(article);
    }
    Ok(articles)
}

pub(super) fn complete(
    conn: &mut Conn,
    leases: &mut HashMap<String, Lease>,
    worker: &str,
    analyses: &[Analysis],
) -> Result<Completed, StoreError> {
    const ACTION: &str = "completing a batch of analyses";
    // One analysis per article: the last given wins, as put_analyses does.
    let mut last: HashMap<&str, &Analysis> = HashMap::new();
    for analysis in analyses {
        last.insert(&analysis.article, analysis);
    }
    let mut rejected = Vec::new();
    let mut held: HashMap<i64, (&Analysis, i32)> = HashMap::new();
    for (id, analysis) in &last {
        match leases.get(*id) {
            Some(lease) => {
                held.insert(lease.seq, (analysis, lease.attempt));
            }
            None => rejected.push(id.to_string()),
        }
    }
    let seqs: Vec<i64> = held.keys().copied().collect();
    let attempts: Vec<i32> = seqs.iter().map(|s| held[s].1).collect();
    let mut encoded = HashMap::with_capacity(held.len());
    for (seq, (analysis, _)) in &held {
        encoded.insert(
            *seq,
            serde_json::to_string(analysis).doing("encoding an analysis")?,
        );
    }
    let written = conn.write(ACTION, |conn| {
        // Taking the rows off the queue is the test of the lease: only rows still leased
        // to this worker under this claim's attempt number come back.
        let kept = conn.query(
            ACTION,
            "DELETE FROM work_queue q \
             USING unnest($1::bigint[], $2::int[]) AS h(article, attempt) \
             WHERE q.article = h.article AND q.attempts = h.attempt AND q.lease_owner = $3 \
             RETURNING q.article, q.attempts",
            &[&seqs, &attempts, &worker],
        )?;
        let mut ids = Vec::with_capacity(kept.len());
        let mut json = Vec::with_capacity(kept.len());
        let mut tries = Vec::with_capacity(kept.len());
        for row in &kept {
            let seq: i64 = row.try_get(0).doing(ACTION)?;
            let attempt: i32 = row.try_get(1).doing(ACTION)?;
            if let (Some((analysis, _)), Some(text)) = (held.get(&seq), encoded.get(&seq)) {
                ids.push(analysis.article.as_str());
                json.push(text.as_str());
                tries.push(attempt);
            }
        }
        conn.execute(
            ACTION,
            "INSERT INTO analyses (article, analysis, analysed_by, attempt) \
             SELECT x.article, x.json::jsonb, $3, x.attempt \
             FROM unnest($1::text[], $2::text[], $4::int[]) AS x(article, json, attempt) \
             ON CONFLICT (article) DO UPDATE SET analysis = excluded.analysis, \
                 read_at = now(), analysed_by = excluded.analysed_by, \
                 attempt = excluded.attempt, writes = analyses.writes + 1",
            &[&ids, &json, &worker, &tries],
        )?;
        Ok(ids.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    })?;
    let landed: HashSet<&str> = written.iter().map(String::as_str).collect();
    for (analysis, _) in held.values() {
        if !landed.contains(analysis.article.as_str()) {
            rejected.push(analysis.article.clone());
        }
    }
    for id in last.keys() {
        leases.remove(*id);
    }
    rejected.sort();
    Ok(Completed {
        written: written.len(),
        rejected,
    })
}

pub(super) fn len(conn: &mut Conn) -> Result<u64, StoreError> {
    const ACTION: &str = "counting the work queue";
    let rows = conn.query(ACTION, "SELECT COUNT(*) FROM work_queue", &[])?;
    let n: i64 = match rows.first() {
        Some(row) => row.try_get(0).doing(ACTION)?,
        None => 0,
    };
    Ok(n.max(0) as u64)
}
