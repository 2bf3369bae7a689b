//! Times found in the five seed articles: a snapshot per article, and the share of gold
//! times found with their exact value (FORMAT.md: a prediction overlapping an occurrence
//! of the gold text with exactly its value).

use marsad_extract::times::extract_times;
use marsad_text::Keyed;
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn seeds() -> Vec<(String, String, Option<String>)> {
    let dir = shared().join("seeds");
    let mut stems: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| {
                    e.file_name()
                        .to_str()?
                        .strip_suffix(".txt")
                        .map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default();
    stems.sort();
    stems
        .into_iter()
        .filter_map(|stem| {
            let body = std::fs::read_to_string(dir.join(format!("{stem}.txt"))).ok()?;
            let meta: serde_json::Value = serde_json::from_str(
                &std::fs::read_to_string(dir.join(format!("{stem}.meta.json"))).ok()?,
            )
            .ok()?;
            let published = meta["published"].as_str().map(str::to_string);
            Some((stem, body, published))
        })
        .collect()
}

#[test]
fn times_in_each_seed_article() {
    let seeds = seeds();
    if seeds.is_empty() {
        eprintln!("no seeds under {}", shared().display());
        return;
    }
    for (stem, body, published) in seeds {
        let times = extract_times(&body, published.as_deref());
        let listing: String = times
            .iter()
            .map(|t| {
                format!(
                    "{}..{}\t{}\t{}\t{}\n",
                    t.span.start, t.span.end, t.text, t.value, t.anchor
                )
            })
            .collect();
        for t in &times {
            assert_eq!(&body[t.span.start..t.span.end], t.text);
        }
        insta::assert_snapshot!(format!("times_{stem}"), listing);
    }
}

#[test]
fn gold_times_found_with_exact_value() {
    let seeds = seeds();
    let gold_dir = shared().join("eval/seeds");
    let (mut gold, mut exact) = (0usize, 0usize);
    for (stem, body, published) in &seeds {
        let Ok(raw) = std::fs::read_to_string(gold_dir.join(format!("{stem}.gold.json"))) else {
            continue;
        };
        let Ok(g) = serde_json::from_str::<serde_json::Value>(&raw) else {
            continue;
        };
        let times = extract_times(body, published.as_deref());
        let keyed = Keyed::new(body);
        for item in g["times"].as_array().into_iter().flatten() {
            let (Some(text), Some(value)) = (item["text"].as_str(), item["value"].as_str()) else {
                continue;
            };
            gold += 1;
            let k = marsad_text::key(text);
            let occurrences: Vec<(usize, usize)> = keyed
                .key
                .match_indices(k.as_str())
                .map(|(at, m)| keyed.span_of(at, at + m.len(), body))
                .collect();
            let hit = times.iter().any(|t| {
                t.value == value
                    && occurrences
                        .iter()
                        .any(|&(s, e)| t.span.start < e && s < t.span.end)
            });
            if hit {
                exact += 1;
            } else {
                let near: Vec<_> = times
                    .iter()
                    .filter(|t| {
                        occurrences
                            .iter()
                            .any(|&(s, e)| t.span.start < e && s < t.span.end)
                    })
                    .map(|t| format!("{} = {}", t.text, t.value))
                    .collect();
                eprintln!("missed {stem}: {text} = {value}; overlapping: {near:?}");
            }
        }
    }
    if gold == 0 {
        return;
    }
    let share = exact as f64 / gold as f64;
    eprintln!("gold times found with exact value: {exact}/{gold} = {share:.3}");
    assert!(
        share >= 0.85,
        "only {exact}/{gold} gold times found with their exact value"
    );
}
