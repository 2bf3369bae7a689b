//! Bulk insert speed: 5,000 real articles (ANT corpus) into a fresh file store, in
//! batches of 500, and the same articles again (every one a repeat). `_cpu_time` counts
//! only on-CPU time, for a machine shared with other work.
//!
//! cargo bench -p marsad-store --bench insert

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use flate2::read::GzDecoder;
use marsad_model::{Article, Fingerprint, SourceFormat};
use marsad_store::testing::{fingerprint_of, id_of};
use marsad_store::{SqliteStore, Store};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::time::Duration;

const ARTICLES: usize = 5_000;
const BATCH: usize = 500;

fn corpus() -> Vec<(Article, Fingerprint)> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/news/antcorpus_multisource_shared.jsonl.gz");
    let file =
        std::fs::File::open(&path).unwrap_or_else(|e| panic!("opening {}: {e}", path.display()));
    let reader = BufReader::new(GzDecoder::new(file));
    let mut out = Vec::with_capacity(ARTICLES);
    for (n, line) in reader.lines().enumerate() {
        let line = line.expect("reading the corpus");
        let v: serde_json::Value = serde_json::from_str(&line).expect("a JSON line");
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let Some(body) = field("text") else { continue };
        let article = Article {
            id: id_of(&body),
            source: format!("{}#line {}", path.display(), n + 1),
            format: SourceFormat::Jsonl,
            outlet: field("outlet"),
            url: None,
            published: field("published"),
            title: field("title"),
            language: "ar".into(),
            boilerplate: field("abstract").into_iter().collect(),
            near_duplicate_of: None,
            body,
        };
        let fp = fingerprint_of(&article.body);
        out.push((article, fp));
        if out.len() == ARTICLES {
            break;
        }
    }
    out
}

fn insert(c: &mut Criterion) {
    let articles = corpus();
    let mut group = c.benchmark_group("store");
    group.sample_size(10);
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.bench_function("insert_5000_fresh", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("a temp dir");
                let store = SqliteStore::open(dir.path()).expect("a store");
                (dir, store)
            },
            |(dir, mut store)| {
                for batch in articles.chunks(BATCH) {
                    store.insert_articles(batch).expect("insert");
                }
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
    // The machine is shared: this one counts only the time this thread spent on a CPU.
    group.bench_function("insert_5000_fresh_cpu_time", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let dir = tempfile::tempdir().expect("a temp dir");
                let mut store = SqliteStore::open(dir.path()).expect("a store");
                let start = thread_cpu_time();
                for batch in articles.chunks(BATCH) {
                    store.insert_articles(batch).expect("insert");
                }
                spent += thread_cpu_time().saturating_sub(start);
            }
            spent
        })
    });
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut store = SqliteStore::open(dir.path()).expect("a store");
    for batch in articles.chunks(BATCH) {
        store.insert_articles(batch).expect("insert");
    }
    group.bench_function("insert_5000_repeats", |b| {
        b.iter(|| {
            for batch in articles.chunks(BATCH) {
                store.insert_articles(batch).expect("insert");
            }
        })
    });
    group.finish();
}

/// On-CPU time of the calling thread (Linux schedstat; zero elsewhere).
fn thread_cpu_time() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map(Duration::from_nanos)
        .unwrap_or_default()
}

criterion_group!(benches, insert);
criterion_main!(benches);
