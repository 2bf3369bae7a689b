//! Trains the NER model and writes `data/models/ner.bin` plus a JSON report.
//!
//! `cargo run --release -p marsad-extract --example train_ner [-- OUT.bin]`
//! Reads the shared data next to the repository (`../shared/data`) and `data/ner/`.

use marsad_extract::ner::{
    dev_split, read_conll, sentences, split_tokens, train, NerModel, TrainConfig,
};
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = root.join("../shared/data");
    let out = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("data/models/ner.bin"));
    if let Ok(model) = std::env::var("NER_SPEED") {
        return speed(Path::new(&model), &shared);
    }
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
    if let Ok(s) = std::env::var("NER_SEED") {
        cfg.seed = s.parse()?;
    }
    if let Ok(m) = std::env::var("NER_MEMBERS") {
        cfg.members = m.parse()?;
    }
    if let Ok(p) = std::env::var("NER_O_PENALTY") {
        cfg.o_penalty = p.parse()?;
    }
    if let Ok(b) = std::env::var("NER_BITS") {
        cfg.hash_bits = b.parse()?;
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

/// `NER_SPEED=model.bin`: tokens tagged per second of this thread's CPU time (the shared
/// machine's load makes wall-clock benchmarks noisy), on 1,000 ANT corpus articles.
fn speed(model: &Path, shared: &Path) -> Result<(), Box<dyn std::error::Error>> {
    use std::io::BufRead;
    let model = NerModel::load(model)?;
    let file = std::fs::File::open(shared.join("news/antcorpus_multisource_shared.jsonl.gz"))?;
    let texts: Vec<String> = std::io::BufReader::new(flate2::read::GzDecoder::new(file))
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .take(1000)
        .collect();
    let docs: Vec<Vec<&str>> = texts.iter().map(|t| split_tokens(t)).collect();
    let tokens: usize = docs.iter().map(Vec::len).sum();
    let cpu = || -> Result<f64, Box<dyn std::error::Error>> {
        let stat = std::fs::read_to_string("/proc/thread-self/stat")?;
        let fields: Vec<&str> = stat
            .rsplit(')')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        let ticks: f64 = fields[11].parse::<f64>()? + fields[12].parse::<f64>()?;
        Ok(ticks / 100.0)
    };
    let rounds = std::env::var("NER_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(10);
    let start = cpu()?;
    let mut entities = 0;
    for _ in 0..rounds {
        for toks in &docs {
            for s in sentences(toks) {
                entities += model.entities(s).len();
            }
        }
    }
    let secs = cpu()? - start;
    println!(
        "{} tokens x {rounds} in {secs:.2} s CPU: {:.0} tokens/s ({entities} entities)",
        tokens,
        (tokens * rounds) as f64 / secs
    );
    Ok(())
}
