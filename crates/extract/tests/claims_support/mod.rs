//! Test scaffolding shared by the seed tests of claims and events: a `Context` built from a
//! seed article and the entity forms and times its gold file lists (string search), with
//! sides assigned from the gold labels. This stands in for the NER, linking and TIMEX stages;
//! it is not production lexicon.
#![allow(dead_code)]

use marsad_extract::claims::Context;
use marsad_model::{Entity, EntityType, Mention, Span, TimeExpr};
use serde_json::Value;
use std::path::PathBuf;

pub fn shared() -> PathBuf {
    std::env::var_os("MARSAD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

pub struct Seed {
    pub name: String,
    pub body: String,
    pub gold: Value,
    pub sentences: Vec<Span>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub times: Vec<TimeExpr>,
    pub published: Option<String>,
}

pub fn seeds() -> Vec<Seed> {
    let dir = shared().join("eval/seeds");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("seed gold folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".gold.json"))
        .collect();
    names.sort();
    names.into_iter().map(|n| seed(&n)).collect()
}

fn seed(gold_name: &str) -> Seed {
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(shared().join("eval/seeds").join(gold_name)).expect("gold"),
    )
    .expect("gold json");
    let doc = gold["doc"].as_str().expect("doc").to_string();
    let body = std::fs::read_to_string(shared().join("seeds").join(&doc)).expect("article");
    let sentences = split_sentences(&body);
    let (mentions, entities) = mentions(&body, &gold);
    let times = times(&body, &gold);
    let published = gold["meta"]["published"].as_str().map(String::from);
    Seed {
        name: doc,
        body,
        gold,
        sentences,
        mentions,
        entities,
        times,
        published,
    }
}

impl Seed {
    pub fn context<'a>(&'a self, demonym: &'a dyn Fn(&str) -> Option<String>) -> Context<'a> {
        Context {
            body: &self.body,
            sentences: &self.sentences,
            mentions: &self.mentions,
            entities: &self.entities,
            times: &self.times,
            published: self.published.as_deref(),
            demonym,
        }
    }
}

/// Lines, then ". " / "؟ " / "! " inside lines.
pub fn split_sentences(body: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = body.as_bytes();
    for (i, c) in body.char_indices() {
        let end_here =
            c == '\n' || (matches!(c, '.' | '؟' | '!') && b.get(i + c.len_utf8()) == Some(&b' '));
        if end_here {
            let e = i + c.len_utf8();
            push_trimmed(body, start, e, &mut out);
            start = e;
        }
    }
    push_trimmed(body, start, body.len(), &mut out);
    out
}

fn push_trimmed(body: &str, s: usize, e: usize, out: &mut Vec<Span>) {
    let t = &body[s..e];
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    if lead + trail < t.len() {
        out.push(Span::new(s + lead, e - trail));
    }
}

fn is_letter(c: char) -> bool {
    c.is_alphanumeric()
}

/// Occurrences of `form` at word boundaries, allowing one attached proclitic before and a
/// glued و + another name after (أذربيجانوأرمينيا).
fn find_all(body: &str, form: &str, all_forms: &[String]) -> Vec<Span> {
    let mut out = Vec::new();
    for (at, _) in body.match_indices(form) {
        let before: Vec<char> = body[..at].chars().rev().take(2).collect();
        let ok_before = match before.as_slice() {
            [] => true,
            [c, ..] if !is_letter(*c) => true,
            [c] => "وبلفك".contains(*c),
            [c, d, ..] => "وبلفك".contains(*c) && !is_letter(*d),
        };
        let end = at + form.len();
        let rest = &body[end..];
        let ok_after = match rest.chars().next() {
            None => true,
            Some(c) if !is_letter(c) => true,
            Some('و') => all_forms
                .iter()
                .any(|f| rest['و'.len_utf8()..].starts_with(f.as_str())),
            _ => false,
        };
        if ok_before && ok_after {
            out.push(Span::new(at, end));
        }
    }
    out
}

fn mentions(body: &str, gold: &Value) -> (Vec<Mention>, Vec<Entity>) {
    let items = gold["entities"]["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut entities = Vec::new();
    let mut found: Vec<Mention> = Vec::new();
    let all_forms: Vec<String> = items
        .iter()
        .flat_map(|it| it["forms"].as_array().cloned().unwrap_or_default())
        .filter_map(|f| f.as_str().map(String::from))
        .collect();
    for it in &items {
        let label = it["name"].as_str().unwrap_or_default().to_string();
        let kind = match it["type"].as_str() {
            Some("PER") => EntityType::Person,
            Some("LOC") => EntityType::Location,
            _ => EntityType::Organisation,
        };
        let forms: Vec<String> = it["forms"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f.as_str().map(String::from))
            .collect();
        for f in &forms {
            for span in find_all(body, f, &all_forms) {
                found.push(Mention {
                    span,
                    text: f.clone(),
                    kind,
                    entity: label.clone(),
                });
            }
        }
        entities.push(Entity {
            id: label.clone(),
            kind,
            label: label.clone(),
            names: forms,
            coordinates: None,
            side: side_for(&label),
        });
    }
    // Longest first, no overlaps: a name nested in a longer one is part of it.
    found.sort_by_key(|m| (std::cmp::Reverse(m.span.len()), m.span.start));
    let mut kept: Vec<Mention> = Vec::new();
    for m in found {
        if !kept.iter().any(|k| k.span.overlaps(&m.span)) {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.span.start);
    (kept, entities)
}

/// Sides by label, as a knowledge base would give them.
fn side_for(label: &str) -> Option<String> {
    if let Some(inner) = label.split_once('(').map(|(_, r)| r.trim_end_matches(')')) {
        return Some(if inner == "Artsakh" {
            "Republic of Artsakh".into()
        } else {
            inner.into()
        });
    }
    for (suffix, side) in [
        ("of Armenia", "Armenia"),
        ("of Azerbaijan", "Azerbaijan"),
        ("of Artsakh", "Republic of Artsakh"),
    ] {
        if label.ends_with(suffix) {
            return Some(side.into());
        }
    }
    let side = match label {
        "Armenia"
        | "Yerevan"
        | "Goris"
        | "Sotk"
        | "Jermuk"
        | "Kapan"
        | "Vardenis"
        | "Sisian"
        | "Artanish"
        | "Ishkhanasar"
        | "Nikol Pashinyan"
        | "Armen Sarkissian"
        | "Aram Torosyan"
        | "Vahagn Khachaturyan"
        | "Alen Simonyan"
        | "Anahit Manasyan"
        | "Suren Papikyan"
        | "Armenian opposition" => "Armenia",
        "Azerbaijan" | "Baku" | "Dashkasan" | "Kalbajar" | "Lachin" | "Ganja" | "Jabrayil"
        | "Yevlakh" | "Ilham Aliyev" | "Jeyhun Bayramov" | "Lachin corridor" => "Azerbaijan",
        "Russia"
        | "Moscow"
        | "Kremlin"
        | "Sergei Shoigu"
        | "Sergei Lavrov"
        | "Dmitry Peskov"
        | "Vladimir Putin"
        | "Russian peacekeeping forces in Nagorno-Karabakh" => "Russia",
        "Turkey" | "Ankara" | "Mevlüt Çavuşoğlu" => "Turkey",
        "United States" | "Antony Blinken" => "United States",
        "France" | "Élysée Palace" => "France",
        "European Union" | "European Council" | "Charles Michel" | "Josep Borrell" => {
            "European Union"
        }
        "United Nations" | "António Guterres" | "Stéphane Dujarric" => "United Nations",
        "United Nations Security Council" => "United Nations Security Council",
        "Collective Security Treaty Organization" => "Collective Security Treaty Organization",
        "Republic of Artsakh"
        | "Stepanakert"
        | "Arayik Harutyunyan"
        | "Hadrut"
        | "Shusha"
        | "Martuni" => "Republic of Artsakh",
        "Ukraine" => "Ukraine",
        _ => return None,
    };
    Some(side.into())
}

fn times(body: &str, gold: &Value) -> Vec<TimeExpr> {
    let mut found: Vec<TimeExpr> = Vec::new();
    for t in gold["times"].as_array().into_iter().flatten() {
        let (Some(text), Some(value)) = (t["text"].as_str(), t["value"].as_str()) else {
            continue;
        };
        for (at, _) in body.match_indices(text) {
            found.push(TimeExpr {
                span: Span::new(at, at + text.len()),
                text: text.into(),
                value: value.into(),
                anchor: "gold".into(),
            });
        }
    }
    found.sort_by_key(|t| (std::cmp::Reverse(t.span.len()), t.span.start));
    let mut kept: Vec<TimeExpr> = Vec::new();
    for t in found {
        if !kept.iter().any(|k| k.span.overlaps(&t.span)) {
            kept.push(t);
        }
    }
    kept.sort_by_key(|t| t.span.start);
    kept
}

/// Nationality adjectives and peoples of the seeds' region, on matching keys.
pub fn demonym(k: &str) -> Option<String> {
    let k = k.strip_prefix("ال").unwrap_or(k);
    let k = k.strip_suffix('ه').unwrap_or(k);
    let side = match k {
        "ارميني" | "ارمني" | "ارمن" => "Armenia",
        "اذربيجاني" | "اذري" => "Azerbaijan",
        "روسي" | "روس" => "Russia",
        "تركي" | "اتراك" => "Turkey",
        "امريكي" | "اميركي" => "United States",
        "فرنسي" => "France",
        "اوروبي" => "European Union",
        "اوكراني" => "Ukraine",
        _ => return None,
    };
    Some(side.into())
}

/// Gold claims as (count, kind, source side), non-vague.
pub fn gold_claims(gold: &Value) -> Vec<(u64, String, Option<String>)> {
    gold["claims"]["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| {
            Some((
                c["count"].as_u64()?,
                c["kind"].as_str()?.to_string(),
                c["source_side"].as_str().map(String::from),
            ))
        })
        .collect()
}
