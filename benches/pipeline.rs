//! Throughput of the whole ingest path into the embedded store, on the ANT news sample:
//! JSON Lines, and HTML pages, each read, cleaned, fingerprinted and stored in batches.
//! Also the read stage and story clustering on the same articles.
//!
//!     cargo bench --bench pipeline

#[path = "../crates/ingest/examples/common/pipeline.rs"]
mod pipeline_common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use marsad_ingest::Options;
use pipeline_common::{pages, sample_lines, store_all, ARTICLES};
use std::time::Duration;

/// The `marsad` binary's allocator, so the figures are those of the program.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn ingest(c: &mut Criterion) {
    let lines = sample_lines();
    let jsonl = vec![("ant.jsonl".to_string(), lines.join("\n").into_bytes())];
    let pages = pages(&lines);
    let mut g = c.benchmark_group("ingest_into_store");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Elements(ARTICLES as u64));
    g.bench_function("jsonl", |b| b.iter(|| store_all(&jsonl)));
    g.bench_function("html_pages", |b| b.iter(|| store_all(&pages)));
    g.finish();
}

fn read_and_connect(c: &mut Criterion) {
    let opts = Options::default();
    let mut articles = Vec::new();
    let bytes = sample_lines()
        .into_iter()
        .take(1000)
        .collect::<Vec<_>>()
        .join("\n");
    marsad_ingest::read_bytes("ant.jsonl", bytes.as_bytes(), &opts, &mut |item| {
        if let Ok(a) = item {
            articles.push(a);
        }
    });
    let mut reader = marsad_extract::Reader::new();
    let analyses: Vec<_> = articles.iter().map(|a| reader.read(a)).collect();
    let mut g = c.benchmark_group("read_and_connect");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Elements(articles.len() as u64));
    g.bench_function("read", |b| {
        b.iter(|| {
            let mut reader = marsad_extract::Reader::new();
            articles
                .iter()
                .map(|a| reader.read(a).mentions.len())
                .sum::<usize>()
        })
    });
    g.bench_function("cluster", |b| {
        b.iter(|| {
            let mut c = marsad_stories::Clusterer::new(marsad_stories::Config::default());
            for (a, an) in articles.iter().zip(&analyses) {
                c.add(a, Some(an));
            }
            c.story_count()
        })
    });
    g.finish();
}

criterion_group!(benches, ingest, read_and_connect);
criterion_main!(benches);
