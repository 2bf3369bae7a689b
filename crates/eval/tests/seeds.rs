//! The five real gold files: they load, and a prediction rebuilt from the gold itself
//! (placed at the gold texts' occurrences in the seed articles) scores 1.0 everywhere.

use marsad_eval::normalise::{key, Folded};
use marsad_eval::{load_gold_dir, score, Gold, Prediction};
use marsad_model::*;
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn original(doc: &str) -> Option<String> {
    std::fs::read_to_string(shared().join("seeds").join(doc)).ok()
}

fn first_place(body: &Folded, text: &str) -> Option<Span> {
    body.occurrences(&key(text)).first().copied()
}

/// What a flawless pipeline would hand the scorer for one gold article, plus the gold
/// texts it could not place in the article (annotation slips the scorer cannot credit).
fn perfect(gold: &Gold) -> (Prediction, Vec<String>) {
    let text = original(&gold.doc).expect("seed article present");
    let furniture: Vec<String> = gold.boilerplate.iter().map(|l| key(l)).collect();
    let (mut body_lines, mut removed) = (Vec::new(), Vec::new());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if furniture.contains(&key(line)) {
            removed.push(line.to_string());
        } else {
            body_lines.push(line);
        }
    }
    let body = body_lines.join("\n");
    let folded = Folded::new(&body);
    let mut unplaced = Vec::new();
    let mut place = |t: &str| {
        let s = first_place(&folded, t);
        if s.is_none() {
            unplaced.push(t.to_string());
        }
        s.unwrap_or(Span::new(0, 0))
    };
    let mut analysis = Analysis::default();
    for item in &gold.entities.items {
        let kind: EntityType =
            serde_json::from_value(item.kind.clone().into()).expect("PER/LOC/ORG");
        for form in &item.forms {
            analysis.mentions.push(Mention {
                span: place(form),
                text: form.clone(),
                kind,
                entity: item.name.clone(),
            });
        }
    }
    for t in &gold.times {
        analysis.times.push(TimeExpr {
            span: place(&t.text),
            text: t.text.clone(),
            value: t.value.clone(),
            anchor: "gold".into(),
        });
    }
    for c in &gold.claims.items {
        let span = place(&c.text);
        analysis.claims.push(Claim {
            span,
            sentence: span,
            text: c.text.clone(),
            count: c.count,
            vague: false,
            qualifier: Qualifier::Exact,
            kind: serde_json::from_value(c.kind.clone().into()).expect("loss kind"),
            victims: c.victims.clone().unwrap_or_default(),
            side: c.side.clone(),
            source: ClaimSource {
                entity: None,
                label: c.source.clone().unwrap_or_default(),
                span: None,
                side: c.source_side.clone(),
            },
        });
    }
    for e in &gold.events {
        analysis.events.push(Event {
            span: Span::new(0, 0),
            sentence: Span::new(0, 0),
            kind: e.kind.clone(),
            mode: e.mode.clone(),
            actors: e
                .actors
                .iter()
                .map(|a| Actor {
                    entity: a.clone(),
                    label: a.clone(),
                    side: Some(a.clone()),
                })
                .collect(),
            target: None,
            mediator: None,
            date: e.date.clone(),
            location: None,
            background: false,
        });
    }
    let article = Article {
        id: gold.doc.clone(),
        source: gold.doc.clone(),
        format: SourceFormat::Text,
        outlet: gold.meta.outlet.clone(),
        url: None,
        published: gold.meta.published.clone(),
        title: None,
        body,
        language: "ar".into(),
        boilerplate: removed,
        near_duplicate_of: None,
    };
    let prediction = Prediction {
        doc: gold.doc.clone(),
        article: Some(article),
        analysis,
        story: gold.story.clone(),
    };
    (prediction, unplaced)
}

#[test]
fn the_five_seed_gold_files_load() {
    let golds = load_gold_dir(&shared().join("eval/seeds")).unwrap();
    let docs: Vec<&str> = golds.iter().map(|g| g.doc.as_str()).collect();
    assert_eq!(docs.len(), 5);
    assert!(docs.windows(2).all(|w| w[0] < w[1]), "sorted: {docs:?}");
    for g in &golds {
        assert!(original(&g.doc).is_some(), "{} names a seed article", g.doc);
        assert!(
            g.entities.complete && !g.entities.items.is_empty(),
            "{}",
            g.doc
        );
        assert!(!g.events.is_empty() && g.story.is_some(), "{}", g.doc);
    }
}

#[test]
fn a_prediction_built_from_the_gold_scores_one() {
    let golds = load_gold_dir(&shared().join("eval/seeds")).unwrap();
    let mut preds = Vec::new();
    let mut unplaced = Vec::new();
    for g in &golds {
        let (p, u) = perfect(g);
        preds.push(p);
        unplaced.extend(u.into_iter().map(|t| format!("{}: {t}", g.doc)));
    }
    assert!(
        unplaced.is_empty(),
        "gold texts not found in their article: {unplaced:#?}"
    );
    let report = score(&golds, &preds, &original);
    let j = report.to_json();
    for m in ["entities", "linking", "claims", "stories"] {
        assert_eq!(j[m]["f1"], 1.0, "{m}: {}", j[m]);
    }
    assert_eq!(j["claims"]["source_side_accuracy"], 1.0);
    assert_eq!(
        j["times"]["accuracy"],
        1.0,
        "{}",
        serde_json::to_string_pretty(&report.detail_json()["articles"]).unwrap_or_default()
    );
    assert_eq!(j["events"]["recall"], 1.0);
    assert_eq!(j["boilerplate"]["lines_wrong"], 0);
    assert_eq!(j["boilerplate"]["lines_correct"], 8);
    assert_eq!(j["articles"], 5);
}

/// A damaged copy of the perfect prediction: every other mention dropped from each
/// article, the claims of 001 gone, 003 put in 000's story and 002 lost at ingest.
#[test]
fn a_damaged_prediction_scores_as_snapshotted() {
    let golds = load_gold_dir(&shared().join("eval/seeds")).unwrap();
    let mut preds: Vec<Prediction> = golds.iter().map(|g| perfect(g).0).collect();
    for p in &mut preds {
        let mut keep = false;
        p.analysis.mentions.retain(|_| {
            keep = !keep;
            keep
        });
    }
    preds[1].analysis.claims.clear();
    preds[2].article = None;
    preds[3].story = preds[0].story.clone();
    let report = score(&golds, &preds, &original);
    insta::assert_snapshot!(report.table());
    insta::assert_json_snapshot!(report.to_json());
}
