//! Temporal expressions: share of gold expressions found with exactly their value.

use crate::gold::Gold;
use crate::normalise::{key, Folded};
use marsad_model::{Article, TimeExpr};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TimeCounts {
    pub gold: usize,
    pub exact: usize,
}

impl TimeCounts {
    pub fn accuracy(&self) -> f64 {
        crate::prf::ratio(self.exact, self.gold, false)
    }
    pub fn add(&mut self, o: &TimeCounts) {
        self.gold += o.gold;
        self.exact += o.exact;
    }
}

/// A gold expression is found when a predicted expression with exactly its value overlaps
/// an occurrence of its text in the body. Gold entries with the same text (after the key
/// normalisation) and value count once.
pub(crate) fn score(
    gold: &Gold,
    article: Option<&Article>,
    times: &[TimeExpr],
    body: Option<&Folded>,
) -> (TimeCounts, Value) {
    let mut seen = BTreeSet::new();
    let mut counts = TimeCounts::default();
    let mut items = Vec::new();
    for g in &gold.times {
        if !seen.insert((key(&g.text), g.value.clone())) {
            continue;
        }
        counts.gold += 1;
        let occurrences = body
            .map(|b| b.occurrences(&key(&g.text)))
            .unwrap_or_default();
        let overlapping: Vec<&TimeExpr> = times
            .iter()
            .filter(|t| occurrences.iter().any(|o| o.overlaps(&t.span)))
            .collect();
        let found = overlapping.iter().any(|t| t.value == g.value);
        if found {
            counts.exact += 1;
        }
        let mut v = json!({"text": g.text, "value": g.value, "found": found});
        if !found {
            let note = if article.is_none() {
                "article missing".to_string()
            } else if occurrences.is_empty() {
                "gold text not in body".to_string()
            } else if overlapping.is_empty() {
                "no expression predicted here".to_string()
            } else {
                let got: Vec<&str> = overlapping.iter().map(|t| t.value.as_str()).collect();
                format!("predicted {}", got.join(", "))
            };
            v["note"] = Value::String(note);
        }
        items.push(v);
    }
    (counts, json!({"counts": counts, "items": items}))
}
