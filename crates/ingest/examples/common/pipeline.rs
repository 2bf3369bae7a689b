//! Shared by the `pipeline_cpu` bench, the `pipeline_once` example and the root
//! `pipeline` benchmark's `ingest_into_store`: one input and one loop for all three.

#![allow(dead_code)]

use marsad_ingest::Options;
use marsad_model::{Article, Fingerprint};
use marsad_store::{SqliteStore, Store};
use std::io::{BufRead, BufReader};

pub const ARTICLES: usize = 5_000;

/// The first `ARTICLES` lines of the shared ANT news sample. The `shared/` folder sits
/// beside the repository; this module is also compiled by the root bench, so the path is
/// found from whichever manifest directory compiles it.
pub fn sample_lines() -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join("../shared/data/news/antcorpus_multisource_shared.jsonl.gz"))
        .find(|p| p.exists())
        .expect("the shared news sample beside the repository");
    let file = std::fs::File::open(path).expect("the shared news sample");
    BufReader::new(flate2::read::GzDecoder::new(file))
        .lines()
        .take(ARTICLES)
        .map(|l| l.expect("a line"))
        .collect()
}

/// The root benchmark's page around an article: navigation, the body in paragraphs,
/// related links and a footer, with its metadata in meta tags.
pub fn page(v: &serde_json::Value) -> String {
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

pub fn pages(lines: &[String]) -> Vec<(String, Vec<u8>)> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
            (format!("page{i}.html"), page(&v).into_bytes())
        })
        .collect()
}

/// How far `run` goes with each article. Readers make the fingerprint in the pass that
/// makes the id, so `Read` and `Fingerprint` stop at the same point.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Read,
    Fingerprint,
    Store,
}

/// Reads, fingerprints and stores every input into a fresh store; the number stored.
pub fn store_all(inputs: &[(String, Vec<u8>)]) -> usize {
    run(inputs, Stage::Store)
}

/// `store_all` stopping after `stage`; the number of articles that got that far.
pub fn run(inputs: &[(String, Vec<u8>)], stage: Stage) -> usize {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut store = SqliteStore::open(dir.path()).expect("a store");
    let mut batch: Vec<(Article, Fingerprint)> = Vec::with_capacity(500);
    let mut stored = 0;
    let opts = Options::default();
    for (name, bytes) in inputs {
        marsad_ingest::read_bytes_fingerprinted(name, bytes, &opts, &mut |item| {
            if let Ok((a, fp)) = item {
                if stage == Stage::Read {
                    stored += 1;
                    return;
                }
                if stage == Stage::Fingerprint {
                    stored += usize::from(fp.minhash.len() == 64);
                    return;
                }
                batch.push((a, fp));
            }
        });
        if batch.len() >= 500 {
            stored += insert(&mut store, &batch);
            batch.clear();
        }
    }
    stored + insert(&mut store, &batch)
}

/// Near-duplicates found so far by `run` (for a look at what a change to the
/// fingerprint does to them).
pub static NEAR_DUPLICATES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn insert(store: &mut SqliteStore, batch: &[(Article, Fingerprint)]) -> usize {
    let outcomes = store.insert_articles(batch).expect("insert");
    let near = outcomes
        .iter()
        .filter(|o| matches!(o, marsad_store::InsertOutcome::NearDuplicate { .. }))
        .count();
    NEAR_DUPLICATES.fetch_add(near, std::sync::atomic::Ordering::Relaxed);
    outcomes.len()
}
