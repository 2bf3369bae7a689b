//! The whole read stage on the five seed articles, scored against their gold files with
//! the project's scorer (`marsad_eval::score`), and the mentions of each seed snapshotted.
//!
//! The body is the seed file without the gold boilerplate lines (what a perfect ingest
//! leaves), so the scores here measure reading alone. Set `READ_SEEDS_DETAIL=1` to print
//! the scorer's detail (misses, false positives, wrong links).

use marsad_eval::{load_gold_dir, score, Gold, Prediction};
use marsad_extract::Reader;
use marsad_model::{Article, SourceFormat};
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn article(gold: &Gold) -> Article {
    let path = shared().join("seeds").join(&gold.doc);
    let text = std::fs::read_to_string(&path).expect("seed text");
    let meta_path = path.with_extension("meta.json");
    let meta: serde_json::Value = std::fs::read_to_string(meta_path)
        .ok()
        .and_then(|m| serde_json::from_str(&m).ok())
        .unwrap_or_default();
    let body: Vec<&str> = text
        .lines()
        .filter(|l| !gold.boilerplate.iter().any(|b| b.trim() == l.trim()))
        .collect();
    Article {
        id: gold.doc.clone(),
        source: path.display().to_string(),
        format: SourceFormat::Text,
        outlet: meta["outlet"].as_str().map(String::from),
        url: None,
        published: meta["published"].as_str().map(String::from),
        title: None,
        body: body.join("\n"),
        language: "ar".into(),
        boilerplate: gold.boilerplate.clone(),
        near_duplicate_of: None,
    }
}

#[test]
fn seeds_read_and_score() {
    let golds = load_gold_dir(&shared().join("eval/seeds")).expect("gold files");
    assert_eq!(golds.len(), 5);
    let mut reader = Reader::new();
    let mut preds = Vec::new();
    for gold in &golds {
        let a = article(gold);
        let analysis = reader.read(&a);
        for m in &analysis.mentions {
            assert!(m.span.slice(&a.body).is_some(), "span off the body: {m:?}");
            assert!(
                analysis.entities.iter().any(|e| e.id == m.entity),
                "no entity for {}",
                m.entity
            );
        }
        let lines: Vec<String> = analysis
            .mentions
            .iter()
            .map(|m| format!("{} | {} | {}", m.text, m.kind.as_str(), m.entity))
            .collect();
        let stem = gold.doc.trim_end_matches(".txt").to_string();
        insta::assert_snapshot!(format!("mentions_{stem}"), lines.join("\n"));
        preds.push(Prediction {
            doc: gold.doc.clone(),
            article: Some(a),
            analysis,
            story: None,
        });
    }
    let originals = |doc: &str| std::fs::read_to_string(shared().join("seeds").join(doc)).ok();
    let report = score(&golds, &preds, &originals);
    println!("{}", report.table());
    if std::env::var_os("READ_SEEDS_DETAIL").is_some() {
        println!(
            "{}",
            serde_json::to_string_pretty(&report.detail_json()).unwrap_or_default()
        );
    }
    let set = report.to_json();
    let f1 = |k: &str| set[k]["f1"].as_f64().unwrap_or(0.0);
    assert!(f1("entities") >= 0.75, "entities F1 {}", f1("entities"));
    assert!(f1("linking") >= 0.80, "linking F1 {}", f1("linking"));
}
