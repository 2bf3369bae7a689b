//! Throughput of the PostgreSQL work queue with 1, 2 and 3 worker threads (one connection
//! each, as separate worker processes would have) over the same 2,000 news articles.
//!
//!     scripts/pg-test.sh cargo bench -p marsad-store --bench workers
//!
//! Three loops, each from a freshly filled queue:
//! - `queue`: claim → stand-in analysis → complete: the coordination cost alone;
//! - `queue+read`: plus ~2 ms of CPU per article, standing in for the reader;
//! - `queue+connect`: plus a connect stand-in under the story lock after every batch
//!   (read the whole story set, write it back one story larger), the serialised step.
//!
//! A plain `main` (harness = false) rather than criterion: one run drains the whole
//! queue, so there is nothing to repeat inside a sample; each case runs `REPEATS` times
//! and the median is printed. Without `MARSAD_TEST_PG` it prints a notice and exits.

#[path = "../tests/common/news.rs"]
mod news;
use news::news;

use marsad_model::{Analysis, Article, Fingerprint, Span, Story};
use marsad_store::postgres::testing::{Scratch, TEST_URL_VAR};
use marsad_store::{PgStore, Store, StoreError, StoryQuery, WorkQueue};
use std::hint::black_box;
use std::time::{Duration, Instant};

const ARTICLES: usize = 2_000;
const BATCH: usize = 50;
const LEASE: Duration = Duration::from_secs(30);
const REPEATS: usize = 3;
const READ_COST: Duration = Duration::from_millis(2);

#[derive(Clone, Copy, PartialEq)]
enum Loop {
    Queue,
    QueueRead,
    QueueConnect,
}

impl Loop {
    fn name(self) -> &'static str {
        match self {
            Loop::Queue => "queue",
            Loop::QueueRead => "queue+read",
            Loop::QueueConnect => "queue+connect",
        }
    }
}

/// Spins for `cost` over the body, as a reader burns CPU per article.
fn analyse(article: &Article, cost: Duration) -> Analysis {
    let started = Instant::now();
    let mut h: u64 = 0;
    while started.elapsed() < cost {
        for b in article.body.bytes().take(4096) {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
    black_box(h);
    Analysis {
        article: article.id.clone(),
        sentences: vec![Span::new(0, article.body.len())],
        ..Analysis::default()
    }
}

fn connect(store: &mut PgStore, id: String, members: Vec<String>) -> Result<(), StoreError> {
    let mut all = store.stories(&StoryQuery {
        limit: usize::MAX,
        offset: 0,
    })?;
    all.push(Story {
        id,
        articles: members,
        ..Story::default()
    });
    store.replace_stories(&all)
}

fn worker(url: &str, schema: &str, name: &str, mode: Loop) -> Result<usize, StoreError> {
    let mut store = PgStore::open_in_schema(url, schema)?;
    let cost = if mode == Loop::QueueRead {
        READ_COST
    } else {
        Duration::ZERO
    };
    let (mut written, mut batches) = (0, 0);
    loop {
        let batch = store.claim_batch(name, BATCH, LEASE)?;
        if batch.is_empty() {
            if store.queue_len()? == 0 {
                return Ok(written);
            }
            std::thread::sleep(Duration::from_millis(5));
            continue;
        }
        let analyses: Vec<Analysis> = batch.iter().map(|a| analyse(a, cost)).collect();
        let done = store.complete_batch(name, &analyses)?;
        written += done.written;
        batches += 1;
        if mode == Loop::QueueConnect {
            let members = batch.into_iter().map(|a| a.id).collect();
            store.with_story_lock(|s| connect(s, format!("{name}-{batches}"), members))?;
        }
    }
}

/// Seconds to drain a queue of `list` with `threads` workers.
fn run(url: &str, list: &[(Article, Fingerprint)], threads: usize, mode: Loop) -> f64 {
    let scratch = Scratch::new(url, "bench_workers");
    let mut store = PgStore::open_in_schema(url, &scratch.schema).expect("open");
    for chunk in list.chunks(200) {
        store.insert_articles(chunk).expect("insert");
    }
    let queued = store.queue_len().expect("queue length");
    let started = Instant::now();
    let written: usize = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|i| {
                let schema = scratch.schema.as_str();
                scope.spawn(move || worker(url, schema, &format!("w{i}"), mode).expect("worker"))
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("join")).sum()
    });
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(written as u64, queued, "every article read once");
    seconds
}

fn main() {
    let Ok(url) = std::env::var(TEST_URL_VAR) else {
        eprintln!(
            "workers bench skipped: set {TEST_URL_VAR} (scripts/pg-test.sh cargo bench -p marsad-store --bench workers)"
        );
        return;
    };
    // `cargo bench` passes --bench; `cargo test --benches` runs this too: keep it short then.
    let quick = !std::env::args().any(|a| a == "--bench");
    let list = news(if quick { 200 } else { ARTICLES });
    println!(
        "{} articles, batches of {BATCH}, median of {REPEATS} runs",
        list.len()
    );
    println!(
        "{:<14} {:>7} {:>9} {:>12}",
        "loop", "workers", "seconds", "articles/s"
    );
    for mode in [Loop::Queue, Loop::QueueRead, Loop::QueueConnect] {
        for threads in 1..=3 {
            let mut times: Vec<f64> = (0..if quick { 1 } else { REPEATS })
                .map(|_| run(&url, &list, threads, mode))
                .collect();
            times.sort_by(f64::total_cmp);
            let median = times[times.len() / 2];
            println!(
                "{:<14} {:>7} {:>9.3} {:>12.0}",
                mode.name(),
                threads,
                median,
                list.len() as f64 / median
            );
        }
    }
}
