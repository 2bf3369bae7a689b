//! Entity linking: every mention gets an entity id.
//!
//! - A KB name or state body links to its KB entity.
//! - A ministry named without its country (وزارة الدفاع) is the same ministry the article
//!   named last, else the ministry of the state the article named last.
//! - Anything else gets a local id made from its name, `local:<TYPE>:<key>`, where the key
//!   is the variant key when the name is long enough for variants to be safe (داشكسن and
//!   داشكسان share one; short names keep their own key, so كابل and قبل stay apart). The id
//!   depends on the name alone, so the same name in two articles is one entity.
//! - A surname alone (باشينيان) is the person the article, or an earlier article read by
//!   the same [`Memory`], named in full (نيكول باشينيان).

use crate::read::mentions::{Candidate, Found};
use marsad_kb::{variant_key, EntityClass, Kb};
use marsad_model::{Entity, EntityType, Mention};
use rustc_hash::FxHashMap;

/// Consonants a name needs before its spelling variants share one local id.
const MIN_VARIANT_CONSONANTS: usize = 4;

/// What linking remembers across the articles of one collection.
#[derive(Debug, Default, Clone)]
pub struct Memory {
    /// Surname key → id of the person last named in full with it.
    surnames: FxHashMap<String, String>,
    /// Person id → side learnt from a title in an earlier article.
    sides: FxHashMap<String, String>,
}

/// Mentions with their entity ids, and one entity record per id used.
#[derive(Debug, Default, Clone)]
pub struct Linked {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
}

/// The local id of a name nobody catalogued.
pub fn local_id(kind: EntityType, name_key: &str) -> String {
    let v = variant_key(name_key);
    let consonants = v
        .chars()
        .filter(|c| !matches!(c, ' ' | 'ا' | 'و' | 'ي'))
        .count();
    let k = if consonants >= MIN_VARIANT_CONSONANTS {
        v
    } else {
        name_key.to_string()
    };
    format!("local:{}:{k}", kind.as_str())
}

/// Links one article's mentions (in text order).
pub fn link(kb: &Kb, candidates: Vec<Candidate>, memory: &mut Memory) -> Linked {
    let mut ids: Vec<Option<String>> = Vec::with_capacity(candidates.len());
    let mut records: FxHashMap<String, Entity> = FxHashMap::default();
    for (i, c) in candidates.iter().enumerate() {
        let id = match &c.found {
            Found::Kb(refs) => refs.first().map(|r| {
                let e = kb.get(*r);
                // Most names recur in an article: the id is copied only when it is new.
                if !records.contains_key(&e.id) {
                    records.insert(e.id.clone(), e.clone());
                }
                e.id.clone()
            }),
            Found::Body(e) => {
                records.entry(e.id.clone()).or_insert_with(|| (**e).clone());
                Some(e.id.clone())
            }
            Found::Bare(head) => bare_body(kb, head, &ids[..i], &candidates[..i]).map(|e| {
                let id = e.id.clone();
                records.entry(id.clone()).or_insert(e);
                id
            }),
            // Surnames wait until every full name of the article is known.
            Found::Ner if is_surname(c) => None,
            Found::Ner => Some(local_id(c.kind, &c.key)),
        };
        ids.push(id);
    }
    let full_names = full_person_names(&candidates, &ids);
    for (c, id) in candidates.iter().zip(ids.iter_mut()) {
        if id.is_none() {
            let found = full_names
                .get(c.key.as_str())
                .cloned()
                .or_else(|| memory.surnames.get(&c.key).cloned());
            *id = Some(found.unwrap_or_else(|| local_id(c.kind, &c.key)));
        }
    }
    for (surname, id) in &full_names {
        memory.surnames.insert(surname.to_string(), id.clone());
    }

    let mut mentions = Vec::with_capacity(candidates.len());
    for (c, id) in candidates.into_iter().zip(ids) {
        let id = id.unwrap_or_else(|| local_id(c.kind, &c.key));
        if let Some(side) = c.side {
            memory.sides.insert(id.clone(), side);
        }
        mentions.push(Mention {
            span: c.span,
            text: c.text,
            kind: c.kind,
            entity: id,
        });
    }
    let mut entities: Vec<Entity> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for m in &mentions {
        if seen.contains(&m.entity.as_str()) {
            continue;
        }
        seen.push(&m.entity);
        let mut e = records.remove(&m.entity).unwrap_or_else(|| {
            // The spellings of a name nobody catalogued, in text order.
            let names: Vec<&String> = mentions
                .iter()
                .filter(|n| n.entity == m.entity)
                .map(|n| &n.text)
                .collect();
            Entity {
                id: m.entity.clone(),
                kind: m.kind,
                label: most_frequent(&names).unwrap_or_else(|| m.text.clone()),
                names: distinct(&names),
                coordinates: None,
                side: None,
            }
        });
        if e.side.is_none() && e.kind == EntityType::Person {
            e.side = memory.sides.get(&e.id).cloned();
        }
        entities.push(e);
    }
    Linked { mentions, entities }
}

fn is_surname(c: &Candidate) -> bool {
    c.kind == EntityType::Person && !c.key.contains(' ')
}

/// Last-name key → id of the full names of persons in the article.
fn full_person_names<'c>(
    candidates: &'c [Candidate],
    ids: &[Option<String>],
) -> FxHashMap<&'c str, String> {
    let mut out = FxHashMap::default();
    for (c, id) in candidates.iter().zip(ids) {
        let (Some(id), EntityType::Person) = (id, c.kind) else {
            continue;
        };
        if let Some((_, last)) = c.key.rsplit_once(' ') {
            out.entry(last).or_insert_with(|| id.clone());
        }
    }
    out
}

/// The country a mention speaks for: a country or capital, or a state body.
fn state_of(kb: &Kb, c: &Candidate) -> Option<String> {
    let country = match &c.found {
        Found::Kb(refs) => {
            let r = refs.first()?;
            if !matches!(r.class, EntityClass::Country | EntityClass::Capital) {
                return None;
            }
            kb.country_of(&kb.get(*r).id)?
        }
        Found::Body(e) => {
            let iso = e.id.strip_prefix("kb:body:")?.rsplit(':').next()?;
            kb.country_by_iso(iso)?
        }
        _ => return None,
    };
    Some(country.id.clone())
}

/// The ministry a bare head names: the same ministry the article named last, else the
/// one of the state the article named last. `before` are the ids of the mentions
/// `earlier`; the states are asked only here, since bare heads are rare.
fn bare_body(
    kb: &Kb,
    head: &str,
    before: &[Option<String>],
    earlier: &[Candidate],
) -> Option<Entity> {
    let states: Vec<String> = earlier
        .iter()
        .rev()
        .filter_map(|c| state_of(kb, c))
        .collect();
    for state in &states {
        if let Some(e) = kb.state_body(head, state) {
            if before.iter().flatten().any(|id| *id == e.id) {
                return Some(e);
            }
        }
    }
    states.first().and_then(|s| kb.state_body(head, s))
}

fn most_frequent(names: &[&String]) -> Option<String> {
    let mut counts: Vec<(&String, usize)> = Vec::new();
    for &n in names {
        match counts.iter_mut().find(|(m, _)| *m == n) {
            Some((_, c)) => *c += 1,
            None => counts.push((n, 1)),
        }
    }
    // Ties go to the first written.
    let best = counts.iter().map(|(_, c)| *c).max()?;
    counts
        .into_iter()
        .find(|(_, c)| *c == best)
        .map(|(n, _)| n.clone())
}

fn distinct(names: &[&String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for n in names {
        if !out.contains(n) {
            out.push((*n).clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_share_a_local_id_and_different_names_do_not() {
        let a = local_id(EntityType::Location, &marsad_text::key("داشكسن"));
        let b = local_id(EntityType::Location, &marsad_text::key("داشكسان"));
        assert_eq!(a, b);
        let yerevan = local_id(EntityType::Location, &marsad_text::key("يريفان"));
        let iran = local_id(EntityType::Location, &marsad_text::key("إيران"));
        assert_ne!(yerevan, iran);
        // Short names keep their own key: كابل and قبل are two words.
        let kabul = local_id(EntityType::Location, "كابل");
        assert_ne!(kabul, local_id(EntityType::Location, "قبل"));
    }
}
