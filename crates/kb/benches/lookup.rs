//! Lookup speed of the embedded KB: exact keys, longest match over a sentence's tokens,
//! nationality words and state-body patterns.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

const SENTENCE: &str =
    "وأعلنت وزارة الدفاع الأرمينية أن القوات الأذربيجانية قصفت مواقع قرب غوريس وجيرموك \
     في حين دعا الكرملين ومجلس الأمن الدولي إلى وقف إطلاق النار في ناغورني قره باغ \
     بينما قالت الخارجية الروسية إن موسكو تتابع الوضع في يريفان وباكو";

fn bench(c: &mut Criterion) {
    let kb = marsad_kb::Kb::embedded();
    let keys: Vec<String> = SENTENCE.split_whitespace().map(marsad_text::key).collect();
    let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    c.bench_function("lookup_exact_key", |b| {
        b.iter(|| kb.lookup(black_box("يريفان")).len())
    });
    c.bench_function("longest_match_sentence_30_tokens", |b| {
        b.iter(|| {
            let mut found = 0;
            for i in 0..refs.len() {
                if kb.longest_match(black_box(&refs[i..])).is_some() {
                    found += 1;
                }
            }
            found
        })
    });
    c.bench_function("longest_variant_match_name", |b| {
        b.iter(|| kb.longest_variant_match(black_box(&["داشكسن"])).is_some())
    });
    c.bench_function("demonym", |b| {
        b.iter(|| kb.demonym(black_box("الارمينيه")).is_some())
    });
    c.bench_function("state_body_sentence_30_tokens", |b| {
        b.iter(|| {
            (0..refs.len())
                .filter(|&i| kb.match_state_body(black_box(&refs[i..])).is_some())
                .count()
        })
    });
    c.bench_function("kb_parse_embedded", |b| {
        b.iter(|| marsad_kb::Kb::try_embedded().map(|k| k.len()).unwrap_or(0))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
