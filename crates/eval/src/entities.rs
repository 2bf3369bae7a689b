//! Entity mentions (P/R/F1 on normalised form and type) and linking (pairwise P/R of
//! "these two name the same entity" over the forms the system found).

use crate::gold::Gold;
use crate::normalise::{key, PROCLITICS};
use crate::prf::{ratio, Counts};
use marsad_model::Mention;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashSet};

type FormType = (String, String);

/// Mention counts of one article and the detail of each gold form and false positive.
pub(crate) fn score(gold: &Gold, mentions: &[Mention]) -> (Counts, Value) {
    let mut required = BTreeSet::new();
    let mut optional = BTreeSet::new();
    for item in &gold.entities.items {
        for form in &item.forms {
            let k = key(form);
            if k.is_empty() {
                continue;
            }
            let set = if item.optional {
                &mut optional
            } else {
                &mut required
            };
            set.insert((k, item.kind.clone()));
        }
    }
    // A form counts once per article: the first text written for it stands for all.
    let mut predicted: BTreeMap<FormType, &str> = BTreeMap::new();
    for m in mentions {
        let k = key(&m.text);
        if !k.is_empty() {
            predicted
                .entry((k, m.kind.as_str().to_string()))
                .or_insert(&m.text);
        }
    }
    let tp = required
        .iter()
        .filter(|f| predicted.contains_key(*f))
        .count();
    let unmatched: Vec<_> = predicted
        .iter()
        .filter(|(f, _)| !required.contains(*f) && !optional.contains(*f))
        .collect();
    let complete = gold.entities.complete;
    let counts = Counts {
        tp,
        fp: if complete { unmatched.len() } else { 0 },
        fn_: required.len() - tp,
    };

    let items: Vec<Value> = gold
        .entities
        .items
        .iter()
        .map(|item| {
            let forms: Vec<Value> = item
                .forms
                .iter()
                .map(|f| json!({"form": f, "found": predicted.contains_key(&(key(f), item.kind.clone()))}))
                .collect();
            json!({"name": item.name, "type": item.kind, "optional": item.optional, "forms": forms})
        })
        .collect();
    let gold_forms: Vec<(String, String, String)> = gold
        .entities
        .items
        .iter()
        .flat_map(|i| i.forms.iter().map(|f| (key(f), i.kind.clone(), f.clone())))
        .collect();
    let others: Vec<Value> = unmatched
        .iter()
        .map(|((k, kind), text)| {
            let mut v = json!({"form": text, "type": kind});
            if let Some(note) = near_miss(k, kind, &gold_forms) {
                v["note"] = Value::String(note);
            }
            v
        })
        .collect();
    let label = if complete {
        "false_positives"
    } else {
        "not_in_gold"
    };
    (
        counts,
        json!({"counts": counts, "items": items, label: others}),
    )
}

/// Why a false positive is close to a gold form: same form with another type, or the same
/// form with a proclitic or contracted article left on (which FORMAT.md strips).
fn near_miss(k: &str, kind: &str, gold_forms: &[(String, String, String)]) -> Option<String> {
    if let Some((_, t, f)) = gold_forms.iter().find(|(g, t, _)| g == k && t != kind) {
        return Some(format!("gold has {f} as {t}"));
    }
    let mut stripped = Vec::new();
    if let Some(rest) = k.strip_prefix("لل") {
        stripped.push(format!("ال{rest}"));
    }
    if let Some(c) = k.chars().next().filter(|c| PROCLITICS.contains(c)) {
        stripped.push(k[c.len_utf8()..].to_string());
    }
    stripped.iter().find_map(|s| {
        gold_forms
            .iter()
            .find(|(g, _, _)| g == s)
            .map(|(_, _, f)| format!("proclitic left on; gold form is {f}"))
    })
}

/// One article's side of linking: for each form key, the gold entity names it belongs to
/// and the entity ids the system gave its mentions.
#[derive(Debug, Clone, Default)]
pub(crate) struct LinkForms {
    pub doc: String,
    pub gold: BTreeMap<String, BTreeSet<String>>,
    pub predicted: BTreeMap<String, BTreeSet<String>>,
}

pub(crate) fn link_forms(doc: &str, gold: &Gold, mentions: &[Mention]) -> LinkForms {
    let mut out = LinkForms {
        doc: doc.to_string(),
        ..LinkForms::default()
    };
    for item in &gold.entities.items {
        for form in &item.forms {
            let k = key(form);
            if !k.is_empty() {
                out.gold.entry(k).or_default().insert(item.name.clone());
            }
        }
    }
    for m in mentions {
        let k = key(&m.text);
        if !k.is_empty() {
            out.predicted.entry(k).or_default().insert(m.entity.clone());
        }
    }
    out
}

/// Pairwise linking counts over the (article, form) pairs found by the system that are
/// gold forms of that article.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct LinkScores {
    /// (article, form) pairs the system found that match a gold form.
    pub forms: usize,
    pub gold_links: usize,
    pub predicted_links: usize,
    pub correct_links: usize,
    /// Whether any two gold forms of the whole set name the same entity.
    pub gold_has_links: bool,
}

impl LinkScores {
    fn nothing_to_do(&self) -> bool {
        !self.gold_has_links && self.predicted_links == 0
    }
    pub fn precision(&self) -> f64 {
        ratio(
            self.correct_links,
            self.predicted_links,
            self.nothing_to_do(),
        )
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct_links, self.gold_links, self.nothing_to_do())
    }
    pub fn f1(&self) -> f64 {
        crate::prf::f1(self.precision(), self.recall())
    }
}

/// Most pairs listed in the detail report, so that a bad run does not print millions.
const DETAIL_PAIRS: usize = 200;

pub(crate) fn linking(articles: &[LinkForms]) -> (LinkScores, Value) {
    struct Node<'a> {
        doc: &'a str,
        form: &'a str,
        gold: &'a BTreeSet<String>,
        predicted: &'a BTreeSet<String>,
    }
    let mut nodes = Vec::new();
    let mut gold_groups: BTreeMap<&str, usize> = BTreeMap::new();
    for a in articles {
        for names in a.gold.values() {
            for n in names {
                *gold_groups.entry(n).or_default() += 1;
            }
        }
        for (form, ids) in &a.predicted {
            if let Some(names) = a.gold.get(form) {
                nodes.push(Node {
                    doc: &a.doc,
                    form,
                    gold: names,
                    predicted: ids,
                });
            }
        }
    }
    let gold_pairs = linked_pairs(nodes.iter().map(|n| n.gold));
    let predicted_pairs = linked_pairs(nodes.iter().map(|n| n.predicted));
    let scores = LinkScores {
        forms: nodes.len(),
        gold_links: gold_pairs.len(),
        predicted_links: predicted_pairs.len(),
        correct_links: gold_pairs.intersection(&predicted_pairs).count(),
        gold_has_links: gold_groups.values().any(|&c| c > 1),
    };
    let show = |set: &HashSet<(usize, usize)>, other: &HashSet<(usize, usize)>| -> Vec<Value> {
        let mut v: Vec<_> = set.difference(other).copied().collect();
        v.sort_unstable();
        v.into_iter()
            .take(DETAIL_PAIRS)
            .map(|(i, j)| {
                let (a, b) = (&nodes[i], &nodes[j]);
                json!([[a.doc, a.form], [b.doc, b.form]])
            })
            .collect()
    };
    let detail = json!({
        "scores": scores,
        "wrong_links": show(&predicted_pairs, &gold_pairs),
        "missed_links": show(&gold_pairs, &predicted_pairs),
    });
    (scores, detail)
}

/// Pairs `(i, j)`, `i < j`, of nodes that share a label, built from the groups of each
/// label so that unlinked pairs are never visited.
fn linked_pairs<'a>(labels: impl Iterator<Item = &'a BTreeSet<String>>) -> HashSet<(usize, usize)> {
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, set) in labels.enumerate() {
        for label in set {
            groups.entry(label.as_str()).or_default().push(i);
        }
    }
    let mut pairs = HashSet::new();
    for members in groups.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                pairs.insert((i, j));
            }
        }
    }
    pairs
}
