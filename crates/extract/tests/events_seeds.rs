//! Events found in the five seed articles, snapshotted, and scored for recall against their
//! gold annotations as FORMAT.md scores them: same type, same set of actor sides, same date
//! to the day; each predicted event matches at most one gold event.

mod claims_support;

use claims_support::{demonym, seeds};
use marsad_extract::events::extract_events;
use marsad_model::Event;
use std::collections::BTreeSet;

fn sides(e: &Event) -> BTreeSet<String> {
    e.actors.iter().filter_map(|a| a.side.clone()).collect()
}

fn view(e: &Event, body: &str) -> String {
    format!(
        "{} {:?} {:?} -> {:?} | med {:?} | {:?} | loc {:?}{} | {}",
        e.kind,
        e.mode,
        sides(e),
        e.target.as_ref().and_then(|t| t.side.clone()),
        e.mediator.as_ref().and_then(|t| t.side.clone()),
        e.date,
        e.location.as_ref().map(|l| l.label.clone()),
        if e.background { " | background" } else { "" },
        &body[e.span.start..e.span.end]
    )
}

#[test]
fn seed_events_snapshot_and_recall() {
    let (mut found, mut total) = (0usize, 0usize);
    for seed in seeds() {
        let cx = seed.context(&demonym);
        let events = extract_events(&cx);
        let lines: Vec<String> = events.iter().map(|e| view(e, &seed.body)).collect();
        insta::assert_snapshot!(seed.name.clone(), lines.join("\n"));

        let mut used = vec![false; events.len()];
        for g in seed.gold["events"].as_array().into_iter().flatten() {
            total += 1;
            let kind = g["type"].as_str().unwrap_or_default();
            let want: BTreeSet<String> = g["actors"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|a| a.as_str().map(String::from))
                .collect();
            let day = g["date"]
                .as_str()
                .map(|d| d.chars().take(10).collect::<String>());
            let hit = events.iter().enumerate().position(|(k, e)| {
                !used[k]
                    && e.kind == kind
                    && sides(e) == want
                    && e.date
                        .as_deref()
                        .map(|d| d.chars().take(10).collect::<String>())
                        == day
            });
            match hit {
                Some(k) => {
                    used[k] = true;
                    found += 1;
                }
                None => eprintln!(
                    "{}: missed {kind} {want:?} {day:?} {}",
                    seed.name, g["text"]
                ),
            }
        }
    }
    let recall = found as f64 / total.max(1) as f64;
    eprintln!("events: recall {recall:.3} ({found}/{total})");
    assert!(recall >= 0.5, "events recall {recall:.3}");
}
