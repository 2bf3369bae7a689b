//! Tagging throughput on 1,000 real news articles (ANT corpus), split simply into
//! tokens and sentences. Criterion reports tokens/s (`tokens`) and articles/s (`articles`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use flate2::read::GzDecoder;
use marsad_extract::ner::{sentences, split_tokens, NerModel};
use std::hint::black_box;
use std::io::{BufRead, BufReader};
use std::path::Path;

fn articles(n: usize) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/news/antcorpus_multisource_shared.jsonl.gz");
    let file = std::fs::File::open(&path).expect("shared news corpus");
    BufReader::new(GzDecoder::new(file))
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .take(n)
        .collect()
}

fn tag_all(model: &NerModel, docs: &[Vec<&str>]) -> usize {
    let mut entities = 0;
    for toks in docs {
        for s in sentences(toks) {
            entities += model.entities(s).len();
        }
    }
    entities
}

fn bench(c: &mut Criterion) {
    // NER_MODEL=path compares a freshly trained model without rebuilding the crate.
    let loaded = std::env::var("NER_MODEL")
        .ok()
        .map(|p| NerModel::load(Path::new(&p)).expect("NER_MODEL file"));
    let model = loaded.as_ref().unwrap_or_else(|| NerModel::embedded());
    let texts = articles(1000);
    let docs: Vec<Vec<&str>> = texts.iter().map(|t| split_tokens(t)).collect();
    let tokens: usize = docs.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("ner_tag_1000_articles");
    g.sample_size(10);
    g.throughput(Throughput::Elements(tokens as u64));
    g.bench_function("tokens", |b| {
        b.iter(|| black_box(tag_all(model, black_box(&docs))))
    });
    g.throughput(Throughput::Elements(docs.len() as u64));
    g.bench_function("articles", |b| {
        b.iter(|| black_box(tag_all(model, black_box(&docs))))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
