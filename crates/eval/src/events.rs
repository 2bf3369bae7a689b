//! PLOVER events: recall on (type, actors as sides, date), each predicted event matching
//! at most one gold event (maximum bipartite matching).

use crate::claims::same_label;
use crate::gold::{Gold, GoldEvent};
use marsad_model::Event;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct EventCounts {
    pub gold: usize,
    pub found: usize,
}

impl EventCounts {
    pub fn recall(&self) -> f64 {
        crate::prf::ratio(self.found, self.gold, false)
    }
    pub fn add(&mut self, o: &EventCounts) {
        self.gold += o.gold;
        self.found += o.found;
    }
}

fn side_set<'a>(labels: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    labels.map(|l| l.trim().to_lowercase()).collect()
}

/// The sides a predicted event's actors stand for (an actor's label when it has no side).
fn predicted_sides(e: &Event) -> BTreeSet<String> {
    side_set(
        e.actors
            .iter()
            .map(|a| a.side.as_deref().unwrap_or(&a.label)),
    )
}

/// Dates agree to the day: the first ten characters, or all of a shorter gold value
/// (`2020-09`, `2022-W36`) as a prefix of the predicted one. No gold date: any date agrees.
pub(crate) fn date_agrees(gold: Option<&str>, predicted: Option<&str>) -> bool {
    let Some(g) = gold.map(str::trim).filter(|g| !g.is_empty()) else {
        return true;
    };
    let Some(p) = predicted else { return false };
    let day: String = g.chars().take(10).collect();
    p.trim().starts_with(&day)
}

fn matches(g: &GoldEvent, p: &Event) -> bool {
    same_label(&g.kind, &p.kind)
        && side_set(g.actors.iter().map(String::as_str)) == predicted_sides(p)
        && date_agrees(g.date.as_deref(), p.date.as_deref())
}

/// Kuhn's augmenting paths: gold events are few per article, so O(V·E) is nothing.
fn max_matching(edges: &[Vec<usize>], n_pred: usize) -> Vec<Option<usize>> {
    fn augment(
        g: usize,
        edges: &[Vec<usize>],
        seen: &mut [bool],
        gold_of: &mut [Option<usize>],
    ) -> bool {
        for &p in &edges[g] {
            if seen[p] {
                continue;
            }
            seen[p] = true;
            if gold_of[p].is_none_or(|other| augment(other, edges, seen, gold_of)) {
                gold_of[p] = Some(g);
                return true;
            }
        }
        false
    }
    let mut gold_of = vec![None; n_pred];
    for g in 0..edges.len() {
        let mut seen = vec![false; n_pred];
        augment(g, edges, &mut seen, &mut gold_of);
    }
    let mut pred_of = vec![None; edges.len()];
    for (p, g) in gold_of.iter().enumerate() {
        if let Some(g) = *g {
            pred_of[g] = Some(p);
        }
    }
    pred_of
}

pub(crate) fn score(gold: &Gold, events: &[Event]) -> (EventCounts, Value) {
    let edges: Vec<Vec<usize>> = gold
        .events
        .iter()
        .map(|g| {
            (0..events.len())
                .filter(|&p| matches(g, &events[p]))
                .collect()
        })
        .collect();
    let pred_of = max_matching(&edges, events.len());
    let counts = EventCounts {
        gold: gold.events.len(),
        found: pred_of.iter().flatten().count(),
    };
    let items: Vec<Value> = gold
        .events
        .iter()
        .zip(&pred_of)
        .map(|(g, p)| {
            let mut v = json!({"type": g.kind, "actors": g.actors, "date": g.date,
                               "text": g.text, "found": p.is_some()});
            if let Some(p) = p {
                v["predicted_span"] = json!([events[*p].span.start, events[*p].span.end]);
            }
            v
        })
        .collect();
    (counts, json!({"counts": counts, "items": items}))
}
