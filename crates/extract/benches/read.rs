//! Read-stage throughput on real news articles (ANT corpus): the whole `read`
//! (mentions, linking, times, claims, events) and the mention stage alone (text layer,
//! KB, tagger, linking). Criterion reports articles/s.
//!
//! - `read_1000_articles`: the same 1,000 articles read again and again. After the first
//!   pass the reader's per-thread memories (the tagger's word sums) hold every word.
//! - `read_stream`: 1,000 articles per iteration, each time the next ones of 20,000, so
//!   the reader meets words as it would in a stream of new articles: a word it has not
//!   seen in the last few thousand articles costs its full look-up.
//!
//! The allocator is the `marsad` binary's (mimalloc), so the figures are those of the
//! program. To compare with the system allocator, remove the `#[global_allocator]` below.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use flate2::read::GzDecoder;
use marsad_extract::Reader;
use marsad_model::{Article, SourceFormat};
use std::hint::black_box;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn articles(n: usize) -> Vec<Article> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/news/antcorpus_multisource_shared.jsonl.gz");
    let file = std::fs::File::open(&path).expect("shared news corpus");
    BufReader::new(GzDecoder::new(file))
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .filter_map(|v| {
            Some(Article {
                id: v["id"].as_str()?.to_string(),
                source: "bench".into(),
                format: SourceFormat::Jsonl,
                outlet: v["outlet"].as_str().map(String::from),
                url: None,
                published: v["published"].as_str().map(String::from),
                title: None,
                body: v["text"].as_str()?.to_string(),
                language: "ar".into(),
                boilerplate: vec![],
                near_duplicate_of: None,
            })
        })
        .take(n)
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = articles(1000);
    let mut reader = Reader::new();
    // Parse the embedded KB, model and vocabulary outside the measurement.
    black_box(reader.read(&docs[0]));
    let mut g = c.benchmark_group("read_1000_articles");
    g.sample_size(10);
    g.throughput(Throughput::Elements(docs.len() as u64));
    g.bench_function("read", |b| {
        b.iter(|| {
            let mut n = 0;
            for a in &docs {
                n += reader.read(black_box(a)).mentions.len();
            }
            n
        })
    });
    g.bench_function("mentions", |b| {
        b.iter(|| {
            let mut n = 0;
            for a in &docs {
                n += reader.mentions(black_box(a)).mentions.len();
            }
            n
        })
    });
    g.finish();

    let pool = articles(20_000);
    let mut g = c.benchmark_group("read_stream");
    g.sample_size(10);
    g.throughput(Throughput::Elements(1000));
    let mut next = 0;
    let mut stream = |reader: &mut Reader, iters: u64, mentions: bool| -> Duration {
        let start = Instant::now();
        for _ in 0..iters * 1000 {
            let a = &pool[next % pool.len()];
            next += 1;
            if mentions {
                black_box(reader.mentions(black_box(a)));
            } else {
                black_box(reader.read(black_box(a)));
            }
        }
        start.elapsed()
    };
    g.bench_function("read", |b| {
        b.iter_custom(|iters| stream(&mut reader, iters, false))
    });
    g.bench_function("mentions", |b| {
        b.iter_custom(|iters| stream(&mut reader, iters, true))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
