//! Trains the NER model and writes `data/models/ner.bin` plus a JSON report.
//!
//! `cargo run --release -p marsad-extract --example train_ner [-- OUT.bin]`
//! Reads the shared data next to the repository (`../shared/data`) and `data/ner/`.

use marsad_extract::ner::{dev_split, read_conll, train, TrainConfig};
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = root.join("../shared/data");
    let out = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("data/models/ner.bin"));
    let mut cfg = TrainConfig::standard(&shared, &root.join("data"));
    if let Ok(e) = std::env::var("NER_EPOCHS") {
        cfg.epochs = e.parse()?;
    }
    if let Ok(n) = std::env::var("NER_MAX_NEWS") {
        cfg.max_news_articles = n.parse()?;
    }
    if let Ok(d) = std::env::var("NER_DROPOUT") {
        cfg.word_dropout = d.parse()?;
    }
    if let Ok(w) = std::env::var("NER_EXTRA_WEIGHT") {
        cfg.extra_weight = w.parse()?;
    }
    if let Ok(k) = std::env::var("NER_CLUSTERS") {
        let ks: Vec<usize> = k.split(',').map(str::parse).collect::<Result<_, _>>()?;
        if let [a, b, c] = ks[..] {
            cfg.clusters.clusters = [a, b, c];
        }
    }
    if std::env::var("NER_WITH_AQMAR").is_ok() {
        cfg.extra = vec![shared.join("ner/AQMAR_wikipedia_all.conll")];
    }
    if let Ok(w) = std::env::var("NER_WINDOW") {
        cfg.context_window = w.parse()?;
    }
    if let Ok(c) = std::env::var("NER_CLUSTER_CACHE") {
        cfg.cluster_cache = Some(PathBuf::from(c));
    }
    let (model, report) = train(&cfg, &mut |line| eprintln!("{line}"))?;
    model.save(&out)?;
    println!("{report}");
    if let Ok(dump) = std::env::var("NER_DUMP") {
        // token, gold, predicted per line: for reading the dev errors.
        let mut text = String::new();
        for path in &cfg.train {
            let sentences = read_conll(path)?;
            for s in dev_split(&sentences, cfg.dev_fraction) {
                let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
                let tags = model.tag(&toks);
                for ((t, g), p) in toks.iter().zip(&s.tags).zip(&tags) {
                    let mark = if g == p { "" } else { "  <<<" };
                    text.push_str(&format!("{t}\t{g}\t{p}{mark}\n"));
                }
                text.push('\n');
            }
        }
        std::fs::write(dump, text)?;
    }
    let json = out.with_extension("report.json");
    std::fs::write(&json, serde_json::to_string_pretty(&report)?)?;
    eprintln!("wrote {} and {}", out.display(), json.display());
    Ok(())
}
