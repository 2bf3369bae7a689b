//! Throughput of the whole ingest path into the embedded store, on the ANT news sample:
//! JSON Lines, and HTML pages, each read, cleaned, fingerprinted and stored in batches.
//! Also the read stage and story clustering on the same articles.
//!
//!     cargo bench --bench pipeline

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use marsad_ingest::Options;
use marsad_model::{Article, Fingerprint};
use marsad_store::{SqliteStore, Store};
use std::io::{BufRead, BufReader};
use std::time::Duration;

const ARTICLES: usize = 5_000;

fn sample_lines() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/news/antcorpus_multisource_shared.jsonl.gz"
    );
    let file = std::fs::File::open(path).expect("the shared news sample");
    BufReader::new(flate2::read::GzDecoder::new(file))
        .lines()
        .take(ARTICLES)
        .map(|l| l.expect("a line"))
        .collect()
}

/// A realistic page around an article: navigation, the body in paragraphs, related links
/// and a footer, with its metadata in meta tags.
fn page(v: &serde_json::Value) -> String {
    let s = |k: &str| v[k].as_str().unwrap_or_default();
    let paragraphs: String = s("text")
        .split(". ")
        .map(|p| format!("<p>{p}.</p>\n"))
        .collect();
    format!(
        r#"<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title}</title><meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{published}"><link rel="canonical" href="{url}"></head>
<body><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/world">العالم</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<aside><h3>اقرأ أيضا</h3><ul><li><a href="/a">خبر ذو صلة بالموضوع</a></li><li><a href="/b">خبر آخر</a></li></ul></aside>
<footer>جميع الحقوق محفوظة</footer></body></html>"#,
        title = s("title"),
        outlet = s("outlet"),
        published = s("published"),
        url = s("url"),
    )
}

fn store_all(pages: &[(String, Vec<u8>)]) -> usize {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut store = SqliteStore::open(dir.path()).expect("a store");
    let mut batch: Vec<(Article, Fingerprint)> = Vec::with_capacity(500);
    let mut stored = 0;
    let opts = Options::default();
    for (name, bytes) in pages {
        marsad_ingest::read_bytes(name, bytes, &opts, &mut |item| {
            if let Ok(a) = item {
                let fp = marsad_ingest::fingerprint(&a.body);
                batch.push((a, fp));
            }
        });
        if batch.len() >= 500 {
            stored += store.insert_articles(&batch).expect("insert").len();
            batch.clear();
        }
    }
    stored + store.insert_articles(&batch).expect("insert").len()
}

fn ingest(c: &mut Criterion) {
    let lines = sample_lines();
    let jsonl = vec![("ant.jsonl".to_string(), lines.join("\n").into_bytes())];
    let pages: Vec<(String, Vec<u8>)> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
            (format!("page{i}.html"), page(&v).into_bytes())
        })
        .collect();
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
