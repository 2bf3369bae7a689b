//! Clustering cost on the ANT news sample at growing sizes: the time per article must stay
//! flat (linear growth), because candidates come from an index, not from every story.
//!
//!     cargo bench -p marsad-stories --bench cluster

use flate2::read::GzDecoder;
use marsad_model::{Article, SourceFormat};
use marsad_stories::{Clusterer, Config};
use std::io::{BufRead, BufReader};
use std::time::Instant;

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/news/antcorpus_multisource_shared.jsonl.gz"
    );
    let file = std::fs::File::open(path).expect("the shared ANT sample");
    let mut articles: Vec<Article> = BufReader::new(GzDecoder::new(file))
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .map(|v| {
            let s = |k: &str| v[k].as_str().map(str::to_string);
            Article {
                id: s("id").unwrap_or_default(),
                source: path.to_string(),
                format: SourceFormat::Jsonl,
                outlet: s("outlet"),
                url: s("url"),
                published: s("published"),
                title: s("title"),
                body: s("text").unwrap_or_default(),
                language: "ar".into(),
                boilerplate: vec![],
                near_duplicate_of: None,
            }
        })
        .collect();
    articles.sort_by(|a, b| a.published.cmp(&b.published));
    println!(
        "{:>8} {:>10} {:>14} {:>16} {:>10}",
        "articles", "seconds", "µs/article", "comparisons/art", "stories"
    );
    for share in [4, 2, 1] {
        let n = articles.len() / share;
        // Best of three runs: the machine is shared, the minimum is the cost.
        let mut best = f64::MAX;
        let mut last = (0, 0u64);
        for _ in 0..3 {
            let started = Instant::now();
            let mut c = Clusterer::new(Config::default());
            for a in &articles[..n] {
                c.add(a, None);
            }
            best = best.min(started.elapsed().as_secs_f64());
            last = (c.story_count(), c.comparisons);
        }
        println!(
            "{:>8} {:>10.2} {:>14.1} {:>16.1} {:>10}",
            n,
            best,
            best * 1e6 / n as f64,
            last.1 as f64 / n as f64,
            last.0
        );
    }
}
