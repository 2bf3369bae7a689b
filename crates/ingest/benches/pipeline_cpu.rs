//! The root `pipeline` benchmark's `ingest_into_store` (5,000 ANT articles as one JSONL
//! stream and as 5,000 HTML pages: read, fingerprint, store in batches of 500), measured
//! both in wall time and in on-CPU time of this thread, for a machine shared with others.
//!
//!     cargo bench -p marsad-ingest --bench pipeline_cpu
//!     cargo run --release -p marsad-ingest --example pipeline_once -- jsonl   # for callgrind

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::time::{Duration, Instant};

#[path = "../examples/common/pipeline.rs"]
mod pipeline_common;
use pipeline_common::{pages, sample_lines, store_all, ARTICLES};

fn bench(c: &mut Criterion) {
    let lines = sample_lines();
    let jsonl = vec![("ant.jsonl".to_string(), lines.join("\n").into_bytes())];
    let pages = pages(&lines);
    let mut g = c.benchmark_group("ingest_into_store");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Elements(ARTICLES as u64));
    g.bench_function("jsonl", |b| b.iter(|| store_all(&jsonl)));
    g.bench_function("jsonl_cpu_time", |b| {
        b.iter_custom(|n| on_cpu(n, || store_all(&jsonl)))
    });
    g.bench_function("html_pages", |b| b.iter(|| store_all(&pages)));
    g.bench_function("html_pages_cpu_time", |b| {
        b.iter_custom(|n| on_cpu(n, || store_all(&pages)))
    });
    g.finish();
}

/// Time the calling thread spent running `f` `iters` times (`CLOCK_THREAD_CPUTIME_ID`
/// as the kernel's schedstat reports it); wall time where that is missing.
fn on_cpu(iters: u64, f: impl Fn() -> usize) -> Duration {
    let cpu = || {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
            .map(Duration::from_nanos)
    };
    let (wall, start) = (Instant::now(), cpu());
    for _ in 0..iters {
        std::hint::black_box(f());
    }
    match (start, cpu()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => wall.elapsed(),
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
