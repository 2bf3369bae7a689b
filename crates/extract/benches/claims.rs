//! Claims and events throughput on 1,000 real news articles (ANT corpus), on a cheap
//! `Context`: sentences from `marsad_text::sentences`, no mentions, no times, and the
//! embedded KB's nationality adjectives (the read glue's demonym look-up). This measures the
//! two readers' own cost: tokens on keys, trigger gates, lexicon matching, speech frames.
//! Criterion reports articles/s.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use flate2::read::GzDecoder;
use marsad_extract::claims::{extract_claims, Context};
use marsad_extract::events::extract_events;
use marsad_kb::Kb;
use marsad_model::Span;
use std::hint::black_box;
use std::io::{BufRead, BufReader};
use std::path::Path;

struct Doc {
    body: String,
    published: Option<String>,
    sentences: Vec<Span>,
}

fn articles(n: usize) -> Vec<Doc> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/news/antcorpus_multisource_shared.jsonl.gz");
    let file = std::fs::File::open(&path).expect("shared news corpus");
    BufReader::new(GzDecoder::new(file))
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .filter_map(|v| {
            let body = v["text"].as_str()?.to_string();
            Some(Doc {
                sentences: marsad_text::sentences(&body),
                published: v["published"].as_str().map(String::from),
                body,
            })
        })
        .take(n)
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = articles(1000);
    let kb = Kb::embedded();
    let demonym = |k: &str| {
        kb.demonym(k)
            .and_then(|d| kb.entity(&d.country))
            .map(|e| e.label.clone())
    };
    let total_words: usize = docs.iter().map(|d| d.body.split_whitespace().count()).sum();
    eprintln!("{} articles, {} words", docs.len(), total_words);
    let mut g = c.benchmark_group("claims_events_1000_articles");
    g.sample_size(10);
    g.throughput(Throughput::Elements(docs.len() as u64));
    for (name, claims, events) in [
        ("claims+events", true, true),
        ("claims", true, false),
        ("events", false, true),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut n = 0;
                for d in &docs {
                    let cx = Context {
                        body: &d.body,
                        sentences: &d.sentences,
                        mentions: &[],
                        entities: &[],
                        times: &[],
                        published: d.published.as_deref(),
                        demonym: &demonym,
                    };
                    if claims {
                        n += extract_claims(black_box(&cx)).len();
                    }
                    if events {
                        n += extract_events(black_box(&cx)).len();
                    }
                }
                n
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
