//! Word-keyed look-ups as the reader makes them: every word key of 1,000 ANT articles
//! asked of the shipped vocabulary (100,000 keys; most words are in it), in a
//! [`WordMap`] and in the `FxHashMap<Box<str>, u32>` it replaced.
//!
//! `cargo bench -p marsad-text --bench wordmap -- --sample-size 10` — throughput in
//! look-ups/s. Alone on a core the tables stay in cache far more than in the reader,
//! where the NER weights compete for it: read the difference as a lower bound.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use marsad_text::{key_into, tokenize, TokenKind, Vocabulary, WordMap};
use rustc_hash::FxHashMap;
use std::hint::black_box;

mod news;

fn word_keys() -> Vec<String> {
    let mut keys = Vec::new();
    let mut buf = String::new();
    for text in news::article_texts(1000) {
        for t in tokenize(&text) {
            if t.kind == TokenKind::Word {
                key_into(t.text, &mut buf);
                keys.push(buf.clone());
            }
        }
    }
    keys
}

fn lookups(c: &mut Criterion) {
    let keys = word_keys();
    if keys.is_empty() {
        return;
    }
    let ranked = Vocabulary::embedded().ranked();
    let fx: FxHashMap<Box<str>, u32> = ranked.iter().map(|&(w, n)| (w.into(), n)).collect();
    let map: WordMap<u32> = ranked.iter().copied().collect();

    let mut group = c.benchmark_group("vocabulary");
    group.throughput(Throughput::Elements(keys.len() as u64));
    group.bench_function("FxHashMap<Box<str>>", |b| {
        b.iter(|| {
            keys.iter()
                .map(|k| fx.get(black_box(k.as_str())).copied().unwrap_or(0))
                .fold(0u32, u32::wrapping_add)
        })
    });
    group.bench_function("WordMap", |b| {
        b.iter(|| {
            keys.iter()
                .map(|k| map.get(black_box(k.as_str())).copied().unwrap_or(0))
                .fold(0u32, u32::wrapping_add)
        })
    });
    group.finish();
}

criterion_group!(benches, lookups);
criterion_main!(benches);
