//! Real articles for the store's tests and benches: the first lines of the ANT news
//! corpus in ../shared, as ingest would store them. Included with `#[path]` by the
//! test and bench files that need it (the store itself does not read gzip).

use flate2::read::GzDecoder;
use marsad_model::{Article, Fingerprint, SourceFormat};
use marsad_store::testing::{fingerprint_of, id_of};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;

/// The first `n` articles of the ANT news corpus with their fingerprints.
pub fn news(n: usize) -> Vec<(Article, Fingerprint)> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/news/antcorpus_multisource_shared.jsonl.gz");
    let file =
        std::fs::File::open(&path).unwrap_or_else(|e| panic!("opening {}: {e}", path.display()));
    let mut list = Vec::new();
    for (line_no, line) in BufReader::new(GzDecoder::new(file)).lines().enumerate() {
        let v: serde_json::Value =
            serde_json::from_str(&line.expect("a line of the corpus")).expect("a JSON line");
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let Some(body) = field("text") else { continue };
        let article = Article {
            id: id_of(&body),
            source: format!("antcorpus#line {}", line_no + 1),
            format: SourceFormat::Jsonl,
            outlet: field("outlet"),
            url: None,
            published: field("published"),
            title: field("title"),
            body,
            language: "ar".into(),
            boilerplate: vec![],
            near_duplicate_of: None,
        };
        let fp = fingerprint_of(&article.body);
        list.push((article, fp));
        if list.len() == n {
            break;
        }
    }
    list
}
