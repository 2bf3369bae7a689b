//! The benches' one reader of the shared news corpus.

use std::io::{BufRead, BufReader};
use std::path::Path;

/// The texts of the first `n` articles of the ANT corpus next to the repository; none
/// (with a message) when it is not there.
pub fn article_texts(n: usize) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/news/antcorpus_multisource_shared.jsonl.gz");
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("{} not found: no benchmark", path.display());
        return Vec::new();
    };
    BufReader::new(flate2::read::MultiGzDecoder::new(file))
        .lines()
        .map_while(Result::ok)
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(&line).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_owned))
        .take(n)
        .collect()
}
