//! CoNLL NER files (`token TAG` per line, blank line between sentences) and CoNLL-2003
//! exact-span scoring, with conlleval's reading of IOB2: an `I-` tag that does not continue
//! a span of its type starts a new one.

use crate::prf::{f1, ratio};
use crate::EvalError;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;
use std::path::Path;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub tags: Vec<String>,
}

/// The four ANERcorp types; `overall` is over the first three.
pub const TYPES: [&str; 4] = ["PERS", "LOC", "ORG", "MISC"];
const OVERALL: [&str; 3] = ["PERS", "LOC", "ORG"];

pub fn read(path: &Path) -> Result<Vec<Sentence>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text, path)
}

/// Parses CoNLL text; `path` only names the source in errors. Extra middle columns are
/// allowed (the tag is the last field); `-DOCSTART-` lines are skipped.
pub fn parse(text: &str, path: &Path) -> Result<Vec<Sentence>, EvalError> {
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    for (n, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.is_empty() {
            if !current.tokens.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if fields[0] == "-DOCSTART-" {
            continue;
        }
        let error = |message: String| EvalError::Conll {
            path: path.to_path_buf(),
            line: n + 1,
            message,
        };
        let (token, tag) = match fields.as_slice() {
            [token, .., tag] => (*token, *tag),
            _ => return Err(error(format!("expected `token TAG`, found `{line}`"))),
        };
        if tag != "O" && parse_tag(tag).is_none() {
            return Err(error(format!(
                "`{tag}` is not an IOB2 tag (O, B-TYPE, I-TYPE)"
            )));
        }
        current.tokens.push(token.to_string());
        current.tags.push(tag.to_string());
    }
    if !current.tokens.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

/// `(begins, type)` of a `B-`/`I-` tag; `PER` is read as ANERcorp's `PERS`.
fn parse_tag(tag: &str) -> Option<(bool, &str)> {
    let (begins, ty) = if let Some(t) = tag.strip_prefix("B-") {
        (true, t)
    } else {
        (false, tag.strip_prefix("I-")?)
    };
    if ty.is_empty() {
        return None;
    }
    Some((begins, if ty == "PER" { "PERS" } else { ty }))
}

/// Spans `(start, end, type)` of one tag sequence. Anything that is not a B-/I- tag is O.
fn spans<'a>(tags: impl Iterator<Item = &'a str>) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let mut len = 0;
    for (i, tag) in tags.enumerate() {
        len = i + 1;
        let parsed = parse_tag(tag);
        let continues = matches!((parsed, open), (Some((false, t)), Some((_, o))) if t == o);
        if continues {
            continue;
        }
        if let Some((s, t)) = open.take() {
            out.push((s, i, t.to_string()));
        }
        open = parsed.map(|(_, t)| (i, t));
    }
    if let Some((s, t)) = open {
        out.push((s, len, t.to_string()));
    }
    out
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct TypeCounts {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl TypeCounts {
    fn nothing_to_do(&self) -> bool {
        self.gold == 0 && self.predicted == 0
    }
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted, self.nothing_to_do())
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold, self.nothing_to_do())
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    fn json(&self) -> Value {
        json!({"precision": self.precision(), "recall": self.recall(), "f1": self.f1(),
               "gold": self.gold, "predicted": self.predicted, "correct": self.correct})
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NerReport {
    pub sentences: usize,
    pub tokens: usize,
    /// Sentences whose predicted tag count differs from the gold (padded with O / cut).
    pub length_mismatches: usize,
    /// Every type seen in gold or prediction, and always the four ANERcorp ones.
    pub per_type: BTreeMap<String, TypeCounts>,
    /// PERS + LOC + ORG.
    pub overall: TypeCounts,
}

/// Exact-span scoring: a predicted span counts only with the gold span's start, end and type.
pub fn score(gold: &[Sentence], predicted: &[Vec<String>]) -> NerReport {
    let mut report = NerReport {
        sentences: gold.len(),
        per_type: TYPES
            .iter()
            .map(|t| (t.to_string(), TypeCounts::default()))
            .collect(),
        ..NerReport::default()
    };
    for (i, s) in gold.iter().enumerate() {
        let n = s.tags.len();
        report.tokens += n;
        let pred = predicted.get(i).map(Vec::as_slice).unwrap_or_default();
        if pred.len() != n {
            report.length_mismatches += 1;
        }
        let pred_tags = (0..n).map(|k| pred.get(k).map_or("O", String::as_str));
        let g = spans(s.tags.iter().map(String::as_str));
        let p = spans(pred_tags);
        let gset: HashSet<_> = g.iter().collect();
        for span in &g {
            report.per_type.entry(span.2.clone()).or_default().gold += 1;
        }
        for span in &p {
            let c = report.per_type.entry(span.2.clone()).or_default();
            c.predicted += 1;
            c.correct += usize::from(gset.contains(span));
        }
    }
    for t in OVERALL {
        if let Some(c) = report.per_type.get(t) {
            report.overall.gold += c.gold;
            report.overall.predicted += c.predicted;
            report.overall.correct += c.correct;
        }
    }
    report
}

impl NerReport {
    pub fn to_json(&self) -> Value {
        let per_type: serde_json::Map<String, Value> = self
            .per_type
            .iter()
            .map(|(t, c)| (t.clone(), c.json()))
            .collect();
        json!({
            "overall": self.overall.json(),
            "per_type": per_type,
            "sentences": self.sentences,
            "tokens": self.tokens,
            "length_mismatches": self.length_mismatches,
        })
    }

    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<10} {:>9} {:>9} {:>9} {:>7} {:>9} {:>7}",
            "type", "precision", "recall", "f1", "gold", "predicted", "correct"
        );
        let mut line = |name: &str, c: &TypeCounts| {
            let _ = writeln!(
                out,
                "{:<10} {:>9.4} {:>9.4} {:>9.4} {:>7} {:>9} {:>7}",
                name,
                c.precision(),
                c.recall(),
                c.f1(),
                c.gold,
                c.predicted,
                c.correct
            );
        };
        for (t, c) in &self.per_type {
            line(t, c);
        }
        line("overall", &self.overall);
        let _ = writeln!(
            out,
            "overall = PERS+LOC+ORG (MISC apart); {} sentences, {} tokens",
            self.sentences, self.tokens
        );
        if self.length_mismatches > 0 {
            let _ = writeln!(
                out,
                "warning: {} sentences had a predicted tag count unlike the gold",
                self.length_mismatches
            );
        }
        out
    }
}

#[cfg(test)]
mod tests;
