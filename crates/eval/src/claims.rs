//! Casualty and loss claims: P/R on (count, kind), one-to-one per article, and whether the
//! source side of each matched claim is right.

use crate::gold::{Gold, GoldClaim};
use crate::normalise::{key, Folded};
use crate::prf::{ratio, Counts};
use marsad_model::{Claim, LossKind, Span};
use serde::Serialize;
use serde_json::{json, Value};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ClaimCounts {
    #[serde(flatten)]
    pub matching: Counts,
    /// Matched claims whose predicted source side equals the gold one.
    pub side_right: usize,
}

impl ClaimCounts {
    pub fn source_side_accuracy(&self) -> f64 {
        let m = &self.matching;
        ratio(self.side_right, m.tp, m.tp + m.fp + m.fn_ == 0)
    }
    pub fn add(&mut self, o: &ClaimCounts) {
        self.matching.add(&o.matching);
        self.side_right += o.side_right;
    }
}

pub(crate) fn kind_name(kind: LossKind) -> &'static str {
    match kind {
        LossKind::Killed => "killed",
        LossKind::Wounded => "wounded",
        LossKind::Displaced => "displaced",
        LossKind::Captured => "captured",
        LossKind::Missing => "missing",
        LossKind::Damaged => "damaged",
        LossKind::Other => "other",
    }
}

/// Sides and actor labels are English labels: compared trimmed and without case.
pub(crate) fn same_label(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

fn same_side(gold: Option<&str>, predicted: Option<&str>) -> bool {
    match (gold, predicted) {
        (None, None) => true,
        (Some(g), Some(p)) => same_label(g, p),
        _ => false,
    }
}

fn compatible(g: &GoldClaim, p: &Claim) -> bool {
    g.count == p.count && same_label(&g.kind, kind_name(p.kind))
}

pub(crate) fn score(gold: &Gold, claims: &[Claim], body: Option<&Folded>) -> (ClaimCounts, Value) {
    let golds: Vec<&GoldClaim> = gold
        .claims
        .items
        .iter()
        .filter(|g| g.count.is_some())
        .collect();
    let mut preds: Vec<&Claim> = claims.iter().filter(|c| c.count.is_some()).collect();
    preds.sort_by_key(|c| c.span.start);

    // Within one (count, kind) any pairing gives the same number of matches, so greedy is
    // optimal; the first pass only chooses *which* prediction goes with a gold claim, by
    // preferring one at the gold text's place.
    let mut pred_of: Vec<Option<usize>> = vec![None; golds.len()];
    let mut taken = vec![false; preds.len()];
    for (gi, g) in golds.iter().enumerate() {
        let places: Vec<Span> = body
            .map(|b| b.occurrences(&key(&g.text)))
            .unwrap_or_default();
        let hit = preds.iter().enumerate().position(|(pi, p)| {
            !taken[pi] && compatible(g, p) && places.iter().any(|s| s.overlaps(&p.span))
        });
        if let Some(pi) = hit {
            taken[pi] = true;
            pred_of[gi] = Some(pi);
        }
    }
    for (gi, g) in golds.iter().enumerate() {
        if pred_of[gi].is_some() {
            continue;
        }
        if let Some(pi) = (0..preds.len()).find(|&pi| !taken[pi] && compatible(g, preds[pi])) {
            taken[pi] = true;
            pred_of[gi] = Some(pi);
        }
    }

    let tp = pred_of.iter().flatten().count();
    let unmatched = taken.iter().filter(|t| !**t).count();
    let mut counts = ClaimCounts {
        matching: Counts {
            tp,
            fp: if gold.claims.complete { unmatched } else { 0 },
            fn_: golds.len() - tp,
        },
        side_right: 0,
    };
    let mut items = Vec::new();
    for (g, p) in golds.iter().zip(&pred_of) {
        let mut v = json!({"text": g.text, "count": g.count, "kind": g.kind,
                           "source_side": g.source_side, "found": p.is_some()});
        if let Some(pi) = *p {
            let predicted = preds[pi];
            let right = same_side(g.source_side.as_deref(), predicted.source.side.as_deref());
            counts.side_right += usize::from(right);
            v["predicted_text"] = json!(predicted.text);
            v["predicted_source_side"] = json!(predicted.source.side);
            v["source_side_right"] = json!(right);
        }
        items.push(v);
    }
    let others: Vec<Value> = preds
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(p, _)| json!({"text": p.text, "count": p.count, "kind": kind_name(p.kind)}))
        .collect();
    let label = if gold.claims.complete {
        "false_positives"
    } else {
        "not_in_gold"
    };
    (
        counts,
        json!({"counts": counts, "items": items, label: others}),
    )
}
