//! Who does what to whom around a trigger: the subject group after a verb (VSO), before it
//! (SVO, headlines), the two sides of "بين X و Y", partners after "مع", mediators.

use crate::claims::doc::{Doc, Sep};
use crate::claims::Party;

#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub party: Party,
    pub first: usize,
    pub last: usize,
}

/// Words that open a verb's complement: the subject search ends there.
const STOPS: [&str; 9] = [
    "الي",
    "علي",
    "ان",
    "انه",
    "انها",
    "بان",
    "بانه",
    "بانها",
    "عن",
];

pub(crate) fn is_stop(doc: &Doc, j: usize) -> bool {
    STOPS.contains(&doc.word(j))
}

/// Every party whose name begins in word `j`: glued names (أذربيجانوأرمينيا) give two.
pub(crate) fn parties_at(doc: &Doc, j: usize, lo: usize) -> Vec<Found> {
    let t = &doc.toks[j];
    let ms = doc.cx.mentions;
    let from = ms.partition_point(|m| m.span.start < t.span.start);
    let mut out: Vec<Found> = ms[from..]
        .iter()
        .take_while(|m| m.span.start < t.span.end)
        .filter(|m| !doc.is_place_after_fi(j, m))
        .map(|m| Found {
            party: Party::of_mention(doc.cx, m),
            first: j,
            last: doc.last_tok_of(m.span),
        })
        .collect();
    if out.is_empty() && doc.mention_at(j).is_none() {
        if let Some((party, last)) = doc.party_at(j, lo) {
            out.push(Found {
                party,
                first: j,
                last,
            });
        }
    }
    out
}

/// A party at `j` and those joined to it by و right after it.
fn coordinated(doc: &Doc, j: usize, end: usize, lo: usize) -> Vec<Found> {
    let mut group = parties_at(doc, j, lo);
    while let Some(last) = group.last().map(|f| f.last) {
        let k = last + 1;
        if k >= end || !doc.word(k).starts_with('و') || doc.toks[k].sep > Sep::Space {
            break;
        }
        let more = parties_at(doc, k, lo);
        if more.is_empty() {
            break;
        }
        group.extend(more);
    }
    group
}

/// The subject group after word `i`, within `limit` words and before the complement.
pub(crate) fn group_after(doc: &Doc, i: usize, end: usize, limit: usize) -> Vec<Found> {
    for j in i + 1..end.min(i + 1 + limit) {
        if is_stop(doc, j) || (doc.toks[j].sep >= Sep::Colon && j > i + 1) {
            break;
        }
        let g = coordinated(doc, j, end, i + 1);
        if !g.is_empty() {
            return g;
        }
    }
    Vec::new()
}

/// The subject group before word `i`, after the last complementizer of its clause.
pub(crate) fn group_before(doc: &Doc, i: usize, lo: usize) -> Vec<Found> {
    let start = (lo..i)
        .rev()
        .find(|&j| is_stop(doc, j) && doc.word(j) != "عن")
        .map_or(lo, |j| j + 1);
    let start = start.max(i.saturating_sub(8));
    let mut all: Vec<Found> = Vec::new();
    let mut j = start;
    while j < i {
        let ps = parties_at(doc, j, start);
        match ps.last().map(|f| f.last) {
            Some(last) if last < i => {
                all.extend(ps);
                j = last + 1;
            }
            _ => j += 1,
        }
    }
    let Some(tail) = all.pop() else {
        return Vec::new();
    };
    let mut group = vec![tail];
    while let Some(prev) = all.pop() {
        let cur = &group[group.len() - 1];
        // "X وY", and "وزير خارجية X ونظيره Y" where the conjunction sits on a title word.
        let gap = cur.first.saturating_sub(prev.last + 1);
        let joined = (prev.last < cur.first
            && gap <= 1
            && doc.word(prev.last + 1).starts_with('و')
            && doc.toks[prev.last + 1].sep == Sep::Space)
            || prev.first == cur.first;
        if !joined {
            break;
        }
        group.push(prev);
    }
    group.reverse();
    group
}

const PAIRS: [&str; 5] = ["البلدين", "الجانبين", "الطرفين", "الدولتين", "طرفي"];

/// "بين X و Y" (or "بين البلدين") soon after word `i`.
pub(crate) fn between(doc: &Doc, i: usize, end: usize, window: usize) -> Vec<Found> {
    let Some(b) = (i + 1..end.min(i + 1 + window)).find(|&j| doc.word(j) == "بين") else {
        return Vec::new();
    };
    for j in b + 1..end.min(b + 4) {
        if doc.stems(j).iter().any(|s| PAIRS.contains(s)) {
            return recent_pair(doc, j);
        }
        let g = coordinated(doc, j, end, b + 1);
        if !g.is_empty() {
            return g;
        }
    }
    Vec::new()
}

/// "البلدين", "الجانبين": the last two parties of different sides named before word `j`.
pub(crate) fn recent_pair(doc: &Doc, j: usize) -> Vec<Found> {
    let before = doc.toks[j].span.start;
    let mut out: Vec<Found> = Vec::new();
    for m in doc
        .cx
        .mentions
        .iter()
        .rev()
        .filter(|m| m.span.end <= before)
    {
        if m.kind != marsad_model::EntityType::Location {
            continue;
        }
        let p = Party::of_mention(doc.cx, m);
        if p.side.is_some() && !out.iter().any(|f| f.party.side == p.side) {
            out.push(Found {
                party: p,
                first: j,
                last: j,
            });
        }
        if out.len() == 2 {
            return out;
        }
    }
    Vec::new()
}

/// Parties after "مع" following word `i` (اتصالاً مع نظيره الأذربيجاني، توصلت إليه مع ...).
pub(crate) fn partners(doc: &Doc, i: usize, end: usize, window: usize) -> Vec<Found> {
    let Some(m) = (i + 1..end.min(i + 1 + window)).find(|&j| doc.word(j) == "مع") else {
        return Vec::new();
    };
    group_after(doc, m, end, 3)
}

/// "التقى وزير الخارجية السعودي نظيره الإيراني": the counterpart a meeting names after its
/// subject, within a few words of the trigger.
pub(crate) fn counterpart(doc: &Doc, i: usize, end: usize) -> Vec<Found> {
    let Some(k) = (i + 1..end.min(i + 8)).find(|&j| {
        doc.stems(j)
            .iter()
            .any(|s| s.starts_with("نظير") && s.chars().count() <= 7)
    }) else {
        return Vec::new();
    };
    (k..end.min(k + 3))
        .find_map(|j| parties_at(doc, j, k).into_iter().next())
        .into_iter()
        .collect()
}

/// The third party of "بوساطة روسية", "بوساطة موسكو", "توسطت X".
pub(crate) fn mediator(doc: &Doc, lo: usize, end: usize) -> Option<Party> {
    let at = (lo..end).find(|&j| {
        doc.stems(j)
            .iter()
            .any(|s| matches!(*s, "وساطه" | "توسطت" | "توسط" | "رعايه"))
    })?;
    (at + 1..end.min(at + 3)).find_map(|j| {
        parties_at(doc, j, at + 1)
            .into_iter()
            .next()
            .map(|f| f.party)
    })
}
