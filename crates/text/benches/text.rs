//! The read stage's text layer over real news: sentences + tokens + clitic splitting.
//!
//! `cargo bench -p marsad-text --bench text` — throughput is reported in articles/s
//! (criterion's "elem/s"). Reads 1,000 articles of the ANT corpus from the shared data
//! directory next to the repository.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use marsad_text::{key_into, sentences, tokenize, TokenKind, Vocabulary};
use std::hint::black_box;

mod news;

const ARTICLES: usize = 1000;

fn load_articles() -> Vec<String> {
    news::article_texts(ARTICLES)
}

fn read_stage(c: &mut Criterion) {
    let articles = load_articles();
    if articles.is_empty() {
        return;
    }
    let vocab = Vocabulary::embedded();
    let bytes: usize = articles.iter().map(String::len).sum();
    eprintln!("{} articles, {} bytes", articles.len(), bytes);

    let mut group = c.benchmark_group("text");
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.sample_size(10);
    group.bench_function("sentences", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| sentences(black_box(a)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("tokenize", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| tokenize(black_box(a)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("tokenize+key", |b| {
        b.iter(|| {
            let (mut n, mut buf) = (0, String::new());
            for a in &articles {
                for t in tokenize(black_box(a)) {
                    key_into(t.text, &mut buf);
                    n += buf.len();
                }
            }
            n
        })
    });
    group.bench_function("sentences+tokenize+clitics", |b| {
        b.iter(|| {
            let mut n = 0;
            for a in &articles {
                n += sentences(black_box(a)).len();
                for t in tokenize(a) {
                    if t.kind == TokenKind::Word {
                        n += usize::from(vocab.split_clitics(t.text, t.span.start).is_split());
                    }
                }
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, read_stage);
criterion_main!(benches);
