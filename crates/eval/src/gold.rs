//! The serde model of a gold file (`<stem>.gold.json`, FORMAT.md).
//!
//! Every field but `doc` may be missing: a gold file that annotates only some layers still
//! loads, and a missing layer scores against an empty gold list.

use crate::EvalError;
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Gold {
    /// File name of the article this file annotates (`000_d6bff01f9c519046.txt`).
    pub doc: String,
    #[serde(default)]
    pub meta: GoldMeta,
    /// Story label; articles with the same label report the same story.
    #[serde(default)]
    pub story: Option<String>,
    /// Whole input lines that are site furniture.
    #[serde(default)]
    pub boilerplate: Vec<String>,
    #[serde(default)]
    pub entities: GoldEntities,
    #[serde(default)]
    pub times: Vec<GoldTime>,
    #[serde(default)]
    pub claims: GoldClaims,
    #[serde(default)]
    pub events: Vec<GoldEvent>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldMeta {
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

/// When `complete` is absent it is taken as false: an annotator who did not say the list
/// is exhaustive does not make every other prediction a false positive.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldEntities {
    #[serde(default)]
    pub complete: bool,
    #[serde(default)]
    pub items: Vec<GoldEntity>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldEntity {
    /// English label; equal labels in different articles name the same entity.
    pub name: String,
    /// `PER`, `LOC` or `ORG`.
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub forms: Vec<String>,
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldTime {
    pub text: String,
    pub value: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldClaims {
    #[serde(default)]
    pub complete: bool,
    #[serde(default)]
    pub items: Vec<GoldClaim>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldClaim {
    #[serde(default)]
    pub text: String,
    /// A gold claim without a count is not scored (like a predicted one).
    #[serde(default)]
    pub count: Option<u64>,
    #[serde(default)]
    pub qualifier: Option<String>,
    /// `killed`, `wounded`, `displaced`, `captured`, `missing`, `damaged`, `other`.
    pub kind: String,
    #[serde(default)]
    pub victims: Option<String>,
    #[serde(default)]
    pub side: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub source_forms: Vec<String>,
    #[serde(default)]
    pub source_side: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldEvent {
    /// PLOVER type (`ASSAULT`, `ACCUSE`, ...).
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub mode: Option<String>,
    /// Source actors as the parties they stand for.
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default)]
    pub target: Option<String>,
    #[serde(default)]
    pub mediator: Option<String>,
    /// TIMEX3 value; `None` when the text gives no date (then any predicted date agrees).
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub text: String,
}

impl Gold {
    /// Parses one gold file.
    pub fn load(path: &Path) -> Result<Gold, EvalError> {
        let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        serde_json::from_str(&text).map_err(|source| EvalError::Gold {
            path: path.to_path_buf(),
            source,
        })
    }
}

/// Every `*.gold.json` in `dir`, sorted by file name.
pub fn load_gold_dir(dir: &Path) -> Result<Vec<Gold>, EvalError> {
    let io = |source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        let is_gold = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(".gold.json"));
        if is_gold && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    paths.iter().map(|p| Gold::load(p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_layers_load_as_empty() {
        let g: Gold = serde_json::from_str(r#"{"doc": "a.txt"}"#).unwrap();
        assert_eq!(g.doc, "a.txt");
        assert!(g.entities.items.is_empty() && !g.entities.complete);
        assert!(g.times.is_empty() && g.events.is_empty() && g.story.is_none());
    }

    #[test]
    fn load_gold_dir_takes_only_gold_files_sorted_and_names_bad_ones() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.gold.json"), r#"{"doc":"b.txt"}"#).unwrap();
        std::fs::write(dir.path().join("a.gold.json"), r#"{"doc":"a.txt"}"#).unwrap();
        std::fs::write(dir.path().join("a.txt"), "not gold").unwrap();
        let golds = load_gold_dir(dir.path()).unwrap();
        let docs: Vec<_> = golds.iter().map(|g| g.doc.as_str()).collect();
        assert_eq!(docs, ["a.txt", "b.txt"]);

        std::fs::write(dir.path().join("c.gold.json"), r#"{"doc": 3}"#).unwrap();
        let err = load_gold_dir(dir.path()).unwrap_err().to_string();
        assert!(err.contains("c.gold.json"), "{err}");
    }
}
