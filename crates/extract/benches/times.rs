//! Throughput of time extraction on the seed articles (each with its publication date).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use marsad_extract::times::extract_times;
use std::hint::black_box;
use std::path::Path;

fn seeds() -> Vec<(String, Option<String>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let mut out = Vec::new();
    for i in 0..5 {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            break;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if name.starts_with(&format!("{i:03}_")) && name.ends_with(".txt") {
                let body = std::fs::read_to_string(e.path()).unwrap_or_default();
                let meta = std::fs::read_to_string(e.path().with_extension("meta.json"))
                    .unwrap_or_default();
                let published = serde_json::from_str::<serde_json::Value>(&meta)
                    .ok()
                    .and_then(|m| m["published"].as_str().map(str::to_string));
                out.push((body, published));
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let articles = seeds();
    let bytes: usize = articles.iter().map(|(b, _)| b.len()).sum();
    let mut group = c.benchmark_group("times");
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.bench_function(format!("extract_times_seed_articles_{bytes}B"), |b| {
        b.iter(|| {
            for (body, published) in &articles {
                black_box(extract_times(black_box(body), published.as_deref()));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
