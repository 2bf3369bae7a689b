//! Hand-made gold/prediction pairs whose scores are worked out by hand.

use crate::*;
use marsad_model::*;
use serde_json::json;

pub(crate) fn article(body: &str, boilerplate: &[&str]) -> Article {
    Article {
        id: "id".into(),
        source: "test".into(),
        format: SourceFormat::Text,
        outlet: None,
        url: None,
        published: Some("2022-09-13".into()),
        title: None,
        body: body.into(),
        language: "ar".into(),
        boilerplate: boilerplate.iter().map(|s| s.to_string()).collect(),
        near_duplicate_of: None,
    }
}

fn span_of(body: &str, text: &str) -> Span {
    let at = body.find(text).unwrap_or(0);
    Span::new(at, at + text.len())
}

pub(crate) fn mention(body: &str, text: &str, kind: EntityType, entity: &str) -> Mention {
    Mention {
        span: span_of(body, text),
        text: text.into(),
        kind,
        entity: entity.into(),
    }
}

fn time(body: &str, text: &str, value: &str) -> TimeExpr {
    TimeExpr {
        span: span_of(body, text),
        text: text.into(),
        value: value.into(),
        anchor: "test".into(),
    }
}

fn claim(body: &str, text: &str, count: Option<u64>, kind: LossKind, side: Option<&str>) -> Claim {
    Claim {
        span: span_of(body, text),
        sentence: span_of(body, text),
        text: text.into(),
        count,
        vague: count.is_none(),
        qualifier: Qualifier::Exact,
        kind,
        victims: "soldiers".into(),
        side: None,
        source: ClaimSource {
            entity: None,
            label: "x".into(),
            span: None,
            side: side.map(String::from),
        },
    }
}

fn event(kind: &str, sides: &[&str], date: Option<&str>) -> Event {
    Event {
        span: Span::new(0, 1),
        sentence: Span::new(0, 1),
        kind: kind.into(),
        mode: None,
        actors: sides
            .iter()
            .map(|s| Actor {
                entity: format!("e:{s}"),
                label: format!("government of {s}"),
                side: Some(s.to_string()),
            })
            .collect(),
        target: None,
        mediator: None,
        date: date.map(String::from),
        location: None,
        background: false,
    }
}

const BODY_A: &str = "قالت وزارة الدفاع الأرمينية إن 49 جنديا قتلوا مساء الاثنين في هجوم أذربيجاني، وأعلنت أرمينيا أن باكو قصفت جيرموك. وقال نيكول باشينيان إن 3 مدنيين أصيبوا الثلاثاء.";

fn gold_a() -> Gold {
    serde_json::from_value(json!({
        "doc": "a.txt", "story": "s1",
        "boilerplate": ["اقرأ أيضا: خبر آخر"],
        "entities": {"complete": true, "items": [
            {"name": "Ministry of Defence (Armenia)", "type": "ORG", "forms": ["وزارة الدفاع الأرمينية"]},
            {"name": "Armenia", "type": "LOC", "forms": ["أرمينيا"]},
            {"name": "Baku", "type": "LOC", "forms": ["باكو"]},
            {"name": "Jermuk", "type": "LOC", "forms": ["جيرموك"]},
            {"name": "Nikol Pashinyan", "type": "PER", "forms": ["نيكول باشينيان"]}
        ]},
        "times": [{"text": "مساء الاثنين", "value": "2022-09-12TEV"}, {"text": "الثلاثاء", "value": "2022-09-13"}],
        "claims": {"complete": true, "items": [
            {"text": "49 جنديا قتلوا", "count": 49, "kind": "killed", "source_side": "Armenia"},
            {"text": "3 مدنيين أصيبوا", "count": 3, "kind": "wounded", "source_side": "Armenia"}
        ]},
        "events": [
            {"type": "ASSAULT", "actors": ["Azerbaijan"], "date": "2022-09-12"},
            {"type": "ACCUSE", "actors": ["Armenia"], "date": "2022-09-13"}
        ]
    }))
    .unwrap()
}

fn perfect_a() -> Prediction {
    let b = BODY_A;
    use EntityType::*;
    Prediction {
        doc: "a.txt".into(),
        article: Some(article(b, &["اقرأ أيضا: خبر آخر"])),
        analysis: Analysis {
            mentions: vec![
                mention(b, "وزارة الدفاع الأرمينية", Organisation, "mod-am"),
                mention(b, "أرمينيا", Location, "Q399"),
                mention(b, "باكو", Location, "Q9248"),
                mention(b, "جيرموك", Location, "jermuk"),
                mention(b, "نيكول باشينيان", Person, "pashinyan"),
            ],
            times: vec![
                time(b, "مساء الاثنين", "2022-09-12TEV"),
                time(b, "الثلاثاء", "2022-09-13"),
            ],
            claims: vec![
                claim(b, "49 جنديا", Some(49), LossKind::Killed, Some("Armenia")),
                claim(b, "3 مدنيين", Some(3), LossKind::Wounded, Some("Armenia")),
            ],
            events: vec![
                event("ASSAULT", &["Azerbaijan"], Some("2022-09-12")),
                event("ACCUSE", &["Armenia"], Some("2022-09-13T10:00")),
            ],
            ..Analysis::default()
        },
        story: Some("x".into()),
    }
}

const BODY_B: &str = "اتهمت يريفان باكو بخرق الهدنة، وقالت أرمينيا إن الهجوم مستمر.";

fn gold_b() -> Gold {
    serde_json::from_value(json!({
        "doc": "b.txt", "story": "s1",
        "entities": {"complete": true, "items": [
            {"name": "Armenia", "type": "LOC", "forms": ["يريفان", "أرمينيا"]},
            {"name": "Baku", "type": "LOC", "forms": ["باكو"]}
        ]},
        "claims": {"complete": true, "items": []}
    }))
    .unwrap()
}

fn perfect_b() -> Prediction {
    let b = BODY_B;
    Prediction {
        doc: "b.txt".into(),
        article: Some(article(b, &[])),
        analysis: Analysis {
            mentions: vec![
                mention(b, "يريفان", EntityType::Location, "Q399"),
                mention(b, "باكو", EntityType::Location, "Q9248"),
                mention(b, "أرمينيا", EntityType::Location, "Q399"),
            ],
            ..Analysis::default()
        },
        story: Some("x".into()),
    }
}

fn original(doc: &str) -> Option<String> {
    match doc {
        "a.txt" => Some(format!("{BODY_A}\n\nاقرأ أيضا: خبر آخر\n")),
        "b.txt" => Some(BODY_B.to_string()),
        _ => None,
    }
}

fn run(golds: &[Gold], preds: &[Prediction]) -> Report {
    score(golds, preds, &original)
}

#[test]
fn a_perfect_prediction_scores_one_everywhere() {
    let r = run(&[gold_a(), gold_b()], &[perfect_a(), perfect_b()]);
    let j = r.to_json();
    for m in ["entities", "linking", "claims", "stories"] {
        assert_eq!(j[m]["f1"], 1.0, "{m}: {}", j[m]);
    }
    assert_eq!(j["claims"]["source_side_accuracy"], 1.0);
    assert_eq!(j["times"]["accuracy"], 1.0);
    assert_eq!(j["events"]["recall"], 1.0);
    assert_eq!(
        j["boilerplate"],
        json!({"lines_correct": 1, "lines_wrong": 0, "body_lines_lost": 0, "lines_missed": 0})
    );
    // Armenia: أرمينيا in a, يريفان and أرمينيا in b → 3 links; Baku across a and b → 1.
    assert_eq!(r.set.linking.gold_links, 4);
}

#[test]
fn an_empty_prediction_scores_zero_everywhere() {
    let empty = |doc: &str, body: &str| Prediction {
        doc: doc.into(),
        article: Some(article(body, &[])),
        ..Prediction::default()
    };
    let r = run(
        &[gold_a(), gold_b()],
        &[empty("a.txt", BODY_A), empty("b.txt", BODY_B)],
    );
    let j = r.to_json();
    for m in ["entities", "linking", "claims", "stories"] {
        assert_eq!(j[m]["f1"], 0.0, "{m}");
        assert_eq!(j[m]["precision"], 0.0, "{m}");
    }
    assert_eq!(j["times"], json!({"gold": 2, "exact": 0, "accuracy": 0.0}));
    assert_eq!(j["events"], json!({"gold": 2, "found": 0, "recall": 0.0}));
    assert_eq!(j["boilerplate"]["lines_wrong"], 1);
    // No prediction at all for the docs, or ingest lost them: the same zeros.
    assert_eq!(run(&[gold_a(), gold_b()], &[]).to_json(), j);
}

#[test]
fn report_json_has_the_format_md_keys_and_table_lists_articles() {
    let r = run(&[gold_a(), gold_b()], &[perfect_a()]);
    let j = r.to_json();
    assert_eq!(j["articles"], 2);
    for (k, fields) in [
        (
            "boilerplate",
            &["lines_correct", "lines_wrong", "body_lines_lost"][..],
        ),
        ("entities", &["precision", "recall", "f1"]),
        ("linking", &["precision", "recall", "f1"]),
        ("times", &["gold", "exact", "accuracy"]),
        (
            "claims",
            &["precision", "recall", "f1", "source_side_accuracy"],
        ),
        ("events", &["gold", "found", "recall"]),
        ("stories", &["precision", "recall", "f1"]),
    ] {
        for f in fields {
            assert!(j[k][f].is_number(), "{k}.{f}");
        }
    }
    let t = r.table();
    assert!(
        t.contains("a.txt") && t.contains("b.txt (lost)") && t.contains("set (2 articles)"),
        "{t}"
    );
    let d = r.detail_json();
    assert_eq!(d["articles"][1]["ingested"], false);
    assert_eq!(
        d["articles"][0]["entities"]["items"][0]["forms"][0]["found"],
        true
    );
}

#[test]
fn two_of_three_mentions_and_one_false_positive() {
    let body = "قال نيكول باشينيان في يريفان إن روسيا وتركيا تتابعان";
    let gold: Gold = serde_json::from_value(
        json!({"doc": "c.txt", "entities": {"complete": true, "items": [
            {"name": "Nikol Pashinyan", "type": "PER", "forms": ["نيكول باشينيان"]},
            {"name": "Yerevan", "type": "LOC", "forms": ["يريفان"]},
            {"name": "Russia", "type": "LOC", "forms": ["روسيا"]}
        ]}}),
    )
    .unwrap();
    use EntityType::*;
    let mentions = vec![
        mention(body, "نيكول باشينيان", Person, "p"),
        mention(body, "يريفان", Location, "y"),
        // Same form twice counts once; the proclitic form is a false positive.
        mention(body, "يريفان", Location, "y"),
        mention(body, "وتركيا", Location, "t"),
    ];
    let pred = Prediction {
        doc: "c.txt".into(),
        article: Some(article(body, &[])),
        analysis: Analysis {
            mentions,
            ..Analysis::default()
        },
        story: None,
    };
    let r = score(&[gold], &[pred], &|_| None);
    let e = r.set.entities;
    assert_eq!((e.tp, e.fp, e.fn_), (2, 1, 1));
    assert!((e.precision() - 2.0 / 3.0).abs() < 1e-12 && (e.recall() - 2.0 / 3.0).abs() < 1e-12);
    let fp = &r.detail.articles[0]["entities"]["false_positives"][0];
    assert_eq!(fp["form"], "وتركيا");
    // Not a gold form at all, so no hint; a wrong type is a false positive and a miss.
    assert!(fp.get("note").is_none());
}

#[test]
fn optional_items_and_incomplete_lists_do_not_count_against() {
    let body = "قال الجيش الأرميني إن روسيا وتركيا تتابعان";
    let mk = |complete: bool| -> Gold {
        serde_json::from_value(json!({"doc": "c.txt", "entities": {"complete": complete, "items": [
            {"name": "Russia", "type": "LOC", "forms": ["روسيا"]},
            {"name": "Armed Forces of Armenia", "type": "ORG", "forms": ["الجيش الأرميني"], "optional": true}
        ]}})).unwrap()
    };
    use EntityType::*;
    let pred = |mentions| Prediction {
        doc: "c.txt".into(),
        article: Some(article(body, &[])),
        analysis: Analysis {
            mentions,
            ..Analysis::default()
        },
        story: None,
    };
    let with_optional = pred(vec![
        mention(body, "روسيا", Location, "r"),
        mention(body, "الجيش الأرميني", Organisation, "a"),
    ]);
    let e = score(&[mk(true)], &[with_optional], &|_| None).set.entities;
    assert_eq!((e.tp, e.fp, e.fn_), (1, 0, 0));
    let without = pred(vec![
        mention(body, "روسيا", Location, "r"),
        mention(body, "تركيا", Location, "t"),
    ]);
    let e = score(&[mk(true)], std::slice::from_ref(&without), &|_| None)
        .set
        .entities;
    assert_eq!((e.tp, e.fp, e.fn_), (1, 1, 0));
    let e = score(&[mk(false)], &[without], &|_| None).set.entities;
    assert_eq!((e.tp, e.fp, e.fn_), (1, 0, 0));
}

#[test]
fn wrong_type_is_a_false_positive_and_a_miss_with_a_note() {
    let body = "قصفت أرمينيا مواقع";
    let gold: Gold = serde_json::from_value(
        json!({"doc": "c.txt", "entities": {"complete": true, "items": [
        {"name": "Armenia", "type": "LOC", "forms": ["أرمينيا"]}]}}),
    )
    .unwrap();
    let pred = Prediction {
        doc: "c.txt".into(),
        article: Some(article(body, &[])),
        analysis: Analysis {
            mentions: vec![mention(body, "أرمينيا", EntityType::Organisation, "a")],
            ..Analysis::default()
        },
        story: None,
    };
    let r = score(&[gold], &[pred], &|_| None);
    assert_eq!(
        (r.set.entities.tp, r.set.entities.fp, r.set.entities.fn_),
        (0, 1, 1)
    );
    assert_eq!(
        r.detail.articles[0]["entities"]["false_positives"][0]["note"],
        "gold has أرمينيا as LOC"
    );
}

mod more;
