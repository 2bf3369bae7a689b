//! Clusters the ANT multi-source news sample and reports the story-size distribution, the
//! share of stories that span several outlets, and a random sample of multi-article
//! stories to read by hand.
//!
//! cargo run --release -p marsad-stories --example ant_stories -- [JSONL.GZ] [SAMPLE]

use flate2::read::GzDecoder;
use marsad_model::{Article, SourceFormat};
use marsad_stories::{Clusterer, Config};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/news/antcorpus_multisource_shared.jsonl.gz"
        )
        .into()
    });
    let sample: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let mut articles = Vec::new();
    for line in BufReader::new(GzDecoder::new(std::fs::File::open(&path)?)).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let s = |k: &str| v[k].as_str().map(str::to_string);
        articles.push(Article {
            id: s("id").unwrap_or_default(),
            source: path.clone(),
            format: SourceFormat::Jsonl,
            outlet: s("outlet"),
            url: s("url"),
            published: s("published"),
            title: s("title"),
            body: s("text").unwrap_or_default(),
            language: "ar".into(),
            boilerplate: vec![],
            near_duplicate_of: None,
        });
    }
    articles.sort_by(|a, b| a.published.cmp(&b.published));
    let started = std::time::Instant::now();
    let mut c = Clusterer::new(Config::default());
    for a in &articles {
        c.add(a, None);
    }
    let secs = started.elapsed().as_secs_f64();
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, s) in c.assignments().iter().enumerate() {
        members.entry(*s).or_default().push(i);
    }
    let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
    let mut multi_outlet = 0;
    let mut multi: Vec<&Vec<usize>> = Vec::new();
    for m in members.values() {
        *sizes.entry(m.len()).or_insert(0) += 1;
        let outlets: BTreeSet<_> = m
            .iter()
            .filter_map(|&i| articles[i].outlet.as_deref())
            .collect();
        if outlets.len() > 1 {
            multi_outlet += 1;
        }
        if m.len() > 1 {
            multi.push(m);
        }
    }
    println!(
        "{} articles, {} stories in {:.2} s ({} comparisons, {:.1} per article)",
        articles.len(),
        members.len(),
        secs,
        c.comparisons,
        c.comparisons as f64 / articles.len() as f64
    );
    println!(
        "stories spanning several outlets: {} ({:.1}% of stories)",
        multi_outlet,
        100.0 * multi_outlet as f64 / members.len() as f64
    );
    println!("size distribution (size: stories):");
    for (size, n) in &sizes {
        println!("  {size}: {n}");
    }
    let mut largest: Vec<&Vec<usize>> = members.values().collect();
    largest.sort_by_key(|m| std::cmp::Reverse(m.len()));
    for m in largest.iter().take(3) {
        println!("\n=== largest: {} articles", m.len());
        for &i in m.iter().step_by((m.len() / 12).max(1)).take(12) {
            let a = &articles[i];
            println!(
                "  {} {:<10} {}",
                a.published
                    .as_deref()
                    .unwrap_or("-")
                    .get(..10)
                    .unwrap_or("-"),
                a.outlet.as_deref().unwrap_or("-"),
                a.title.as_deref().unwrap_or("-")
            );
        }
    }
    // A deterministic pseudo-random sample of multi-article stories.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..sample.min(multi.len()) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let m = multi[(state % multi.len() as u64) as usize];
        println!("\n--- story of {} articles", m.len());
        for &i in m.iter().take(6) {
            let a = &articles[i];
            println!(
                "  {} {:<10} {}",
                a.published
                    .as_deref()
                    .unwrap_or("-")
                    .get(..10)
                    .unwrap_or("-"),
                a.outlet.as_deref().unwrap_or("-"),
                a.title.as_deref().unwrap_or("-")
            );
        }
    }
    Ok(())
}
