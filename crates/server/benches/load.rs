//! Bounded loopback load: REQUESTS requests (story pages, story JSON, searches) with
//! CONCURRENCY in flight. Prints requests/s and latency percentiles, then stops.
//! Not a test: `cargo bench -p marsad-server --bench load` runs it on the seed articles;
//! with `MARSAD_LOAD_DATA=DIR` it runs on a store made by `marsad --data DIR run ...`
//! (the news sample, say), asking for its largest stories and for searches.

#[path = "../tests/common/mod.rs"]
mod common;

use bytes::Bytes;
use common::*;
use http_body_util::{BodyExt, Empty};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use marsad_server::router;
use std::sync::Arc;
use std::time::{Duration, Instant};

const REQUESTS: usize = 2_000;
const CONCURRENCY: usize = 8;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let loaded = std::env::var_os("MARSAD_LOAD_DATA").map(std::path::PathBuf::from);
    let fixed = [
        "ناغورنو كاراباخ",
        "وقف إطلاق النار",
        "الأمم المتحدة",
        "كوريا الشمالية",
    ];
    let (state, _fx, stories, queries) = match &loaded {
        None => {
            let (state, fx) = app(dir.path());
            let queries = fixed.iter().map(|q| q.to_string()).collect();
            (state, Some(fx), vec![STORY_2022.to_string()], queries)
        }
        Some(data) => {
            use marsad_store::Store;
            let store = marsad_store::SqliteStore::open(data).expect("the store to load");
            let mut stories = store
                .stories(&marsad_store::StoryQuery {
                    limit: 100_000,
                    offset: 0,
                })
                .expect("stories");
            stories.sort_by_key(|s| std::cmp::Reverse(s.articles.len()));
            let ids: Vec<String> = stories.iter().take(20).map(|s| s.id.clone()).collect();
            let queries = title_queries(&store);
            let index = marsad_server::open_or_rebuild(&store, &marsad_server::index_dir(data))
                .expect("search index");
            (
                marsad_server::AppState::new(Box::new(store), index),
                None,
                ids,
                queries,
            )
        }
    };
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("loopback port");
        let addr = listener.local_addr().expect("address");
        tokio::spawn(async move {
            let _ = axum::serve(listener, router(state)).await;
        });
        let enc = marsad_server::html::url_encode;
        // (kind, path): latencies are reported per kind as well as overall.
        let mut paths: Vec<(&'static str, String)> = Vec::new();
        // Every search is a different query where the store allows it, so the
        // per-document caches are mostly cold, as for real users.
        let rounds = (REQUESTS / 4).max(stories.len());
        for i in 0..rounds {
            let story = &stories[i % stories.len()];
            if i % 20 == 0 {
                paths.push(("story list", "/".to_string()));
            }
            paths.push(("story page", format!("/stories/{story}")));
            paths.push(("story json", format!("/api/stories/{story}")));
            let q = &queries[(2 * i) % queries.len()];
            paths.push(("search", format!("/api/search?q={}", enc(q))));
            let q = &queries[(2 * i + 1) % queries.len()];
            paths.push((
                "search dated",
                format!("/api/search?q={}&from=2018-01-01", enc(q)),
            ));
        }
        let paths: Arc<Vec<(&'static str, String)>> = Arc::new(paths);
        let client: Client<_, Empty<Bytes>> = Client::builder(TokioExecutor::new()).build_http();
        let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let started = Instant::now();
        let mut workers = Vec::new();
        for _ in 0..CONCURRENCY {
            let (client, paths, next) = (client.clone(), paths.clone(), next.clone());
            workers.push(tokio::spawn(async move {
                let mut latencies = Vec::new();
                loop {
                    let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if n >= REQUESTS {
                        return latencies;
                    }
                    let (kind, path) = &paths[n % paths.len()];
                    let uri = format!("http://{addr}{path}");
                    let t = Instant::now();
                    let res = client
                        .get(uri.parse().expect("uri"))
                        .await
                        .expect("response");
                    assert!(res.status().is_success(), "{uri}: {}", res.status());
                    res.into_body().collect().await.expect("body");
                    latencies.push((*kind, t.elapsed()));
                }
            }));
        }
        let mut timed: Vec<(&'static str, Duration)> = Vec::new();
        for w in workers {
            timed.extend(w.await.expect("worker"));
        }
        let elapsed = started.elapsed();
        let mut all: Vec<Duration> = timed.iter().map(|(_, d)| *d).collect();
        all.sort_unstable();
        println!(
            "{} requests, concurrency {CONCURRENCY}: {:.0} requests/s, {}",
            all.len(),
            all.len() as f64 / elapsed.as_secs_f64(),
            percentiles(&all),
        );
        let mut kinds: Vec<&'static str> = timed.iter().map(|(k, _)| *k).collect();
        kinds.sort_unstable();
        kinds.dedup();
        for kind in kinds {
            let mut these: Vec<Duration> = timed
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, d)| *d)
                .collect();
            these.sort_unstable();
            println!(
                "  {kind:<12} {:>5} requests, {}",
                these.len(),
                percentiles(&these)
            );
        }
    });
}

/// Distinct two-word queries taken from stored titles (the first two words of at least
/// three letters each), up to one per search the bench sends.
fn title_queries(store: &marsad_store::SqliteStore) -> Vec<String> {
    use marsad_store::Store;
    let articles = store
        .articles(&marsad_store::ArticleQuery {
            limit: REQUESTS,
            offset: 0,
            outlet: None,
        })
        .expect("articles");
    let mut seen = std::collections::HashSet::new();
    let mut queries = Vec::new();
    for a in articles {
        let Some(title) = a.title else { continue };
        let words: Vec<&str> = title
            .split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
            .take(2)
            .collect();
        if words.len() == 2 {
            let q = words.join(" ");
            if seen.insert(q.clone()) {
                queries.push(q);
            }
        }
    }
    assert!(!queries.is_empty(), "no titles to make queries from");
    queries
}

/// p50, p95 and p99 of sorted, non-empty latencies.
fn percentiles(sorted: &[Duration]) -> String {
    let pct = |p: f64| {
        let i = ((sorted.len() as f64 * p) as usize).min(sorted.len() - 1);
        sorted[i].as_secs_f64() * 1e3
    };
    format!(
        "p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms",
        pct(0.50),
        pct(0.95),
        pct(0.99)
    )
}
