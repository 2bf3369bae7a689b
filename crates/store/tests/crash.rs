//! A writer killed with SIGKILL in the middle of a batch leaves a consistent store, and
//! running the same ingest again completes it with no duplicates.
//!
//! The test re-runs its own binary as the writer (`crash_child`, told where to write by
//! an environment variable), kills it after a few committed batches, then inspects the
//! database.

#[path = "common/news.rs"]
mod news;
use news::news;

use marsad_model::{Article, Fingerprint};
use marsad_store::testing::{fingerprint_of, id_of};
use marsad_store::{ArticleQuery, InsertOutcome, SqliteStore, Store};
use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};

const CHILD_DIR: &str = "MARSAD_STORE_CRASH_CHILD_DIR";
const ORIGINALS: usize = 2_000;
const BATCH: usize = 200;
/// Batches the writer must have committed before it is killed in the next one.
const COMMITTED_BEFORE_KILL: usize = 4;

/// Real articles from the ANT corpus, with a lightly edited copy of every tenth one
/// arriving 150 articles later (so near-duplicates span batches).
fn ingest_list() -> Vec<(Article, Fingerprint)> {
    let originals: Vec<Article> = news(ORIGINALS).into_iter().map(|(a, _)| a).collect();
    let mut list = Vec::new();
    for i in 0..originals.len() {
        list.push(originals[i].clone());
        if i >= 150 && (i - 150) % 10 == 0 {
            let mut copy = originals[i - 150].clone();
            copy.body
                .push_str(" وكانت وكالات الأنباء قد تناقلت الخبر في وقت سابق.");
            copy.id = id_of(&copy.body);
            copy.source = format!("mirror#{}", i);
            list.push(copy);
        }
    }
    list.into_iter()
        .map(|a| {
            let fp = fingerprint_of(&a.body);
            (a, fp)
        })
        .collect()
}

/// The writer process: ingests the list in batches, over and over, until killed.
#[test]
#[ignore = "writer process of killed_writer_leaves_a_consistent_store"]
fn crash_child() {
    let Ok(dir) = std::env::var(CHILD_DIR) else {
        return;
    };
    let list = ingest_list();
    let mut store = SqliteStore::open(Path::new(&dir)).unwrap();
    let mut out = std::io::stdout();
    for _round in 0..1_000 {
        for (n, batch) in list.chunks(BATCH).enumerate() {
            writeln!(out, "begin {n}").unwrap();
            out.flush().unwrap();
            store.insert_articles(batch).unwrap();
            writeln!(out, "commit {n}").unwrap();
            out.flush().unwrap();
        }
    }
}

/// Kills the writer even if the test fails before it means to.
struct Writer(Child);

impl Drop for Writer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn killed_writer_leaves_a_consistent_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = Writer(
        Command::new(std::env::current_exe().unwrap())
            .args([
                "crash_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DIR, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let stdout = writer.0.stdout.take().unwrap();
    let mut committed = 0;
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        // libtest may print its own words ahead of ours on the same line.
        if let Some(n) = line.split("commit ").nth(1) {
            committed = n.trim().parse::<usize>().unwrap() + 1;
        }
        if line.ends_with(&format!("begin {COMMITTED_BEFORE_KILL}")) {
            break;
        }
    }
    assert_eq!(
        committed, COMMITTED_BEFORE_KILL,
        "the writer never got that far"
    );
    // A batch takes about 100 ms in a debug build: let it get well into its writes.
    std::thread::sleep(std::time::Duration::from_millis(30));
    // Child::kill sends SIGKILL: no destructor, no rollback, no checkpoint runs.
    writer.0.kill().unwrap();
    let status = writer.0.wait().unwrap();
    assert!(!status.success());

    let list = ingest_list();
    let distinct_in = |batches: usize| {
        list[..(batches * BATCH).min(list.len())]
            .iter()
            .map(|(a, _)| a.id.as_str())
            .collect::<HashSet<_>>()
            .len() as u64
    };

    let mut store = SqliteStore::open(dir.path()).unwrap();
    store.check_integrity().unwrap();
    // Whole batches only: the one being written when killed is all there or not at all.
    let count = store.article_count().unwrap();
    let whole = [COMMITTED_BEFORE_KILL, COMMITTED_BEFORE_KILL + 1].map(distinct_in);
    assert!(
        whole.contains(&count),
        "{count} articles is not a whole number of batches {whole:?}"
    );
    eprintln!(
        "killed during batch {COMMITTED_BEFORE_KILL}: {count} articles stored, {}",
        if count == whole[0] {
            "that batch rolled back"
        } else {
            "that batch had committed"
        }
    );
    check_every_article_is_indexed(&store);

    // Re-running the same ingest finishes the job and duplicates nothing.
    let mut stored = 0;
    for batch in list.chunks(BATCH) {
        for outcome in store.insert_articles(batch).unwrap() {
            if !matches!(outcome, InsertOutcome::Repeat { .. }) {
                stored += 1;
            }
        }
    }
    let total = distinct_in(list.len().div_ceil(BATCH));
    assert_eq!(store.article_count().unwrap(), total);
    assert_eq!(stored, total - count);
    check_every_article_is_indexed(&store);

    // The same result as an ingest that was never interrupted.
    let mut reference = SqliteStore::open_in_memory().unwrap();
    for batch in list.chunks(BATCH) {
        reference.insert_articles(batch).unwrap();
    }
    let resumed = duplicate_map(&store);
    assert_eq!(resumed, duplicate_map(&reference));
    let near = resumed.values().filter(|v| v.is_some()).count();
    assert!(
        near >= 150,
        "only {near} near-duplicates found among the edited copies"
    );
}

/// Article id → the article it near-duplicates.
fn duplicate_map(store: &SqliteStore) -> BTreeMap<String, Option<String>> {
    let all = store
        .articles(&ArticleQuery {
            limit: usize::MAX,
            offset: 0,
            outlet: None,
        })
        .unwrap();
    all.into_iter()
        .map(|s| (s.id, s.near_duplicate_of))
        .collect()
}

/// Every article has its fingerprint, and nothing points nowhere.
fn check_every_article_is_indexed(store: &SqliteStore) {
    let db = rusqlite::Connection::open(store.path()).unwrap();
    let ids: Vec<String> = db
        .prepare("SELECT id FROM articles")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for id in &ids {
        let fp = store
            .fingerprint(id)
            .unwrap()
            .unwrap_or_else(|| panic!("{id} has no fingerprint"));
        assert_eq!(fp.minhash.len(), 64, "fingerprint of {id}");
    }
    for orphans in [
        "SELECT COUNT(*) FROM fingerprints WHERE article NOT IN (SELECT seq FROM articles)",
        "SELECT COUNT(*) FROM articles WHERE near_duplicate_of IS NOT NULL \
         AND near_duplicate_of NOT IN (SELECT id FROM articles)",
    ] {
        let n: i64 = db.query_row(orphans, [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0, "{orphans}");
    }
}
