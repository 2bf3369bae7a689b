//! Claims and events throughput on 1,000 real news articles (ANT corpus), on a cheap
//! `Context`: sentences from `marsad_text::sentences`, no mentions, no times, and the
//! embedded KB's nationality adjectives (the read glue's demonym look-up). This measures the
//! two readers' own cost: tokens on keys, trigger gates, lexicon matching, speech frames.
//! Criterion reports articles/s, on the wall clock and (`*_cpu_time`) on this thread's CPU time.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use flate2::read::GzDecoder;
use marsad_extract::claims::{extract_claims, Context};
use marsad_extract::events::{extract_claims_and_events, extract_events};
use marsad_kb::Kb;
use marsad_model::Span;
use std::hint::black_box;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::time::Duration;

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
    // "one_pass" is `extract_claims_and_events`; the others call the two readers apart.
    for (name, claims, events) in [
        ("one_pass", true, true),
        ("claims+events", true, true),
        ("claims", true, false),
        ("events", false, true),
    ] {
        let run = |d: &Doc| {
            let cx = Context {
                body: &d.body,
                sentences: &d.sentences,
                mentions: &[],
                entities: &[],
                times: &[],
                published: d.published.as_deref(),
                demonym: &demonym,
            };
            if name == "one_pass" {
                let (c, e) = extract_claims_and_events(black_box(&cx));
                return c.len() + e.len();
            }
            let mut n = 0;
            if claims {
                n += extract_claims(black_box(&cx)).len();
            }
            if events {
                n += extract_events(black_box(&cx)).len();
            }
            n
        };
        g.bench_function(name, |b| b.iter(|| docs.iter().map(run).sum::<usize>()));
        // The machine is shared: this one counts only the time this thread spent on a CPU.
        g.bench_function(format!("{name}_cpu_time"), |b| {
            b.iter_custom(|iters| {
                let start = thread_cpu_time();
                for _ in 0..iters {
                    black_box(docs.iter().map(run).sum::<usize>());
                }
                thread_cpu_time().saturating_sub(start)
            })
        });
    }
    g.finish();
}

/// On-CPU time of the calling thread (Linux schedstat; zero elsewhere).
fn thread_cpu_time() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map(Duration::from_nanos)
        .unwrap_or_default()
}

criterion_group!(benches, bench);
criterion_main!(benches);
