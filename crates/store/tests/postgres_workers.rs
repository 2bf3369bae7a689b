//! Three worker processes share one PostgreSQL queue of 2,000 real articles; one is
//! killed with SIGKILL holding a claimed batch. Its lease expires, the others finish its
//! batch, and every article ends with exactly one analysis written exactly once, in
//! exactly one story.
//!
//! The test re-runs its own binary as the workers (`worker_child`, configured through
//! environment variables), as crash.rs does for the SQLite writer.

#[path = "common/news.rs"]
mod news;
use news::news;

use marsad_model::{Analysis, Article, Span, Story};
use marsad_store::postgres::testing::{test_url, Scratch, TEST_URL_VAR};
use marsad_store::{PgStore, Store, StoreError, StoryQuery, WorkQueue};
use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SCHEMA_VAR: &str = "MARSAD_WORKER_SCHEMA";
const NAME_VAR: &str = "MARSAD_WORKER_NAME";
/// The claim (1-based) on which a worker stops and waits to be killed.
const STALL_VAR: &str = "MARSAD_WORKER_STALL_AT";
const ARTICLES: usize = 2_000;
const BATCH: usize = 20;
const LEASE: Duration = Duration::from_secs(2);

/// A stand-in for reading (the reader lives in a crate the store must not depend on):
/// one sentence over the body, so the analysis is tied to its article.
fn analyse(article: &Article) -> Analysis {
    Analysis {
        article: article.id.clone(),
        sentences: vec![Span::new(0, article.body.len())],
        ..Analysis::default()
    }
}

/// A stand-in for connect: reads the whole story set and writes it back with one more
/// story holding the batch just read. Run outside the story lock, two workers would
/// overwrite each other's stories.
fn connect(
    store: &mut PgStore,
    name: &str,
    batch: usize,
    members: Vec<String>,
) -> Result<(), StoreError> {
    let mut all = store.stories(&StoryQuery {
        limit: usize::MAX,
        offset: 0,
    })?;
    all.push(Story {
        id: format!("{name}-{batch}"),
        articles: members,
        ..Story::default()
    });
    store.replace_stories(&all)
}

/// One worker process: claim → analyse → complete → connect, until the queue is empty.
#[test]
#[ignore = "worker process of three_workers_share_the_queue_and_survive_a_kill"]
fn worker_child() {
    let (Ok(url), Ok(schema), Ok(name)) = (
        std::env::var(TEST_URL_VAR),
        std::env::var(SCHEMA_VAR),
        std::env::var(NAME_VAR),
    ) else {
        return;
    };
    let stall_at: Option<usize> = std::env::var(STALL_VAR).ok().and_then(|v| v.parse().ok());
    let mut store = PgStore::open_in_schema(&url, &schema).unwrap();
    let mut out = std::io::stdout();
    let started = Instant::now();
    let mut claims = 0;
    while started.elapsed() < Duration::from_secs(120) {
        let batch = store.claim_batch(&name, BATCH, LEASE).unwrap();
        if batch.is_empty() {
            if store.queue_len().unwrap() == 0 {
                writeln!(out, "idle").unwrap();
                return;
            }
            // Items are leased to someone else: wait for them to finish or expire.
            std::thread::sleep(Duration::from_millis(100));
            continue;
        }
        claims += 1;
        if stall_at == Some(claims) {
            let ids: Vec<&str> = batch.iter().map(|a| a.id.as_str()).collect();
            writeln!(out, "stalled {}", ids.join(",")).unwrap();
            out.flush().unwrap();
            std::thread::sleep(Duration::from_secs(600));
        }
        writeln!(out, "claimed {}", batch.len()).unwrap();
        let analyses: Vec<Analysis> = batch.iter().map(analyse).collect();
        let done = store.complete_batch(&name, &analyses).unwrap();
        let rejected: HashSet<&String> = done.rejected.iter().collect();
        let members: Vec<String> = batch
            .iter()
            .map(|a| a.id.clone())
            .filter(|id| !rejected.contains(id))
            .collect();
        if !members.is_empty() {
            store
                .with_story_lock(|s| connect(s, &name, claims, members))
                .unwrap();
        }
        writeln!(
            out,
            "completed {} rejected {}",
            done.written,
            done.rejected.len()
        )
        .unwrap();
        out.flush().unwrap();
    }
    panic!("{name}: the queue did not empty in two minutes");
}

/// Kills the worker even if the test fails before it means to.
struct Worker(Child);

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn_worker(scratch: &Scratch, name: &str, stall_at: Option<usize>) -> Worker {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args([
            "worker_child",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(TEST_URL_VAR, &scratch.url)
        .env(SCHEMA_VAR, &scratch.schema)
        .env(NAME_VAR, name)
        .env_remove(STALL_VAR)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    if let Some(n) = stall_at {
        command.env(STALL_VAR, n.to_string());
    }
    Worker(command.spawn().unwrap())
}

#[test]
fn three_workers_share_the_queue_and_survive_a_kill() {
    let Some(url) = test_url("three_workers_share_the_queue_and_survive_a_kill") else {
        return;
    };
    let scratch = Scratch::new(&url, "workers");
    let mut store = PgStore::open_in_schema(&scratch.url, &scratch.schema).unwrap();
    for batch in news(ARTICLES).chunks(200) {
        store.insert_articles(batch).unwrap();
    }
    let stored = store.article_count().unwrap();
    assert!(stored > 1_900, "only {stored} distinct articles");
    assert_eq!(store.queue_len().unwrap(), stored);

    let mut victim = spawn_worker(&scratch, "victim", Some(2));
    let survivors: Vec<(String, Worker)> = ["w1", "w2"]
        .iter()
        .map(|name| (name.to_string(), spawn_worker(&scratch, name, None)))
        .collect();
    let stdout = victim.0.stdout.take().unwrap();
    let mut stalled: Vec<String> = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        // libtest may print its own words ahead of ours on the same line.
        if let Some(ids) = line.split("stalled ").nth(1) {
            stalled = ids.trim().split(',').map(str::to_string).collect();
            break;
        }
    }
    assert_eq!(
        stalled.len(),
        BATCH,
        "the victim never stalled holding a batch"
    );
    // SIGKILL: no destructor runs, the connection just drops with the lease held.
    victim.0.kill().unwrap();
    assert!(!victim.0.wait().unwrap().success());

    let mut completed = 0;
    for (name, mut worker) in survivors {
        let stdout = worker.0.stdout.take().unwrap();
        for line in BufReader::new(stdout).lines() {
            if line.unwrap().contains("completed") {
                completed += 1;
            }
        }
        let status = worker.0.wait().unwrap();
        assert!(status.success(), "{name} failed: {status}");
    }
    assert!(completed > 0);

    assert_eq!(store.queue_len().unwrap(), 0);
    assert!(store.unread_articles(10).unwrap().is_empty());
    let mut client = scratch.client();
    let rows = client
        .query(
            "SELECT article, analysed_by, attempt, writes FROM analyses",
            &[],
        )
        .unwrap();
    assert_eq!(rows.len() as u64, stored, "every article has one analysis");
    let mut by_worker: BTreeMap<String, usize> = BTreeMap::new();
    let stalled: HashSet<String> = stalled.into_iter().collect();
    for row in &rows {
        let article: String = row.get(0);
        let by: Option<String> = row.get(1);
        let attempt: Option<i32> = row.get(2);
        let writes: i32 = row.get(3);
        assert_eq!(writes, 1, "{article} was written {writes} times");
        let by = by.unwrap_or_default();
        if stalled.contains(&article) {
            assert_ne!(by, "victim", "{article} was written by the killed worker");
            assert_eq!(attempt, Some(2), "{article} was not claimed again");
        }
        *by_worker.entry(by).or_default() += 1;
    }
    eprintln!("analyses written per worker: {by_worker:?}");
    assert!(by_worker
        .keys()
        .all(|w| ["victim", "w1", "w2"].contains(&w.as_str())));

    // Each completed batch became one story, and none was lost to a concurrent connect.
    let stories = store
        .stories(&StoryQuery {
            limit: usize::MAX,
            offset: 0,
        })
        .unwrap();
    let members: usize = stories.iter().map(|s| s.articles.len()).sum();
    assert_eq!(members as u64, stored);
    let in_story: i64 = client
        .query_one("SELECT COUNT(*) FROM story_articles", &[])
        .unwrap()
        .get(0);
    assert_eq!(in_story as u64, stored);
    for article in stalled {
        assert!(store.story_of(&article).unwrap().is_some());
    }
}
