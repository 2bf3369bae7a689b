//! Linking, times, claims and events with known partial scores.

use super::{article, mention};
use crate::*;
use marsad_model::*;
use serde_json::json;

fn pred(doc: &str, body: &str, analysis: Analysis) -> Prediction {
    Prediction {
        doc: doc.into(),
        article: Some(article(body, &[])),
        analysis,
        story: None,
    }
}

#[test]
fn linking_one_of_three_links_right() {
    // Gold: in a, x1 and x2 name X, y1 names Y; in b, x3 names X.
    // Gold links among found forms: x1–x2, x1–x3, x2–x3. The system puts x1, x2, y1 in
    // one entity and x3 in another: predicted links x1–x2, x1–y1, x2–y1. One is right:
    // P = 1/3, R = 1/3.
    let (a, b) = ("باشينيان ونيكول باشينيان ويريفان", "رئيس الوزراء باشينيان");
    let ga: Gold =
        serde_json::from_value(json!({"doc": "a", "entities": {"complete": true, "items": [
        {"name": "X", "type": "PER", "forms": ["باشينيان", "نيكول باشينيان"]},
        {"name": "Y", "type": "LOC", "forms": ["يريفان"]}]}}))
        .unwrap();
    let gb: Gold =
        serde_json::from_value(json!({"doc": "b", "entities": {"complete": true, "items": [
        {"name": "X", "type": "PER", "forms": ["باشينيان"]}]}}))
        .unwrap();
    use EntityType::*;
    let pa = pred(
        "a",
        a,
        Analysis {
            mentions: vec![
                mention(a, "باشينيان", Person, "e1"),
                mention(a, "نيكول باشينيان", Person, "e1"),
                mention(a, "يريفان", Location, "e1"),
            ],
            ..Analysis::default()
        },
    );
    let pb = pred(
        "b",
        b,
        Analysis {
            mentions: vec![mention(b, "باشينيان", Person, "e2")],
            ..Analysis::default()
        },
    );
    let l = score(&[ga, gb], &[pa, pb], &|_| None).set.linking;
    assert_eq!(
        (l.forms, l.gold_links, l.predicted_links, l.correct_links),
        (4, 3, 3, 1)
    );
    assert!((l.precision() - 1.0 / 3.0).abs() < 1e-12 && (l.recall() - 1.0 / 3.0).abs() < 1e-12);
}

#[test]
fn a_form_of_two_items_links_to_both() {
    // مجلس الأمن names the Armenian council in one place and the UN's in another.
    let body = "اجتمع مجلس الأمن الأرميني ثم طلب مجلس الأمن من مجلس الأمن الدولي";
    let gold: Gold = serde_json::from_value(json!({"doc": "a", "entities": {"complete": true, "items": [
        {"name": "Security Council of Armenia", "type": "ORG", "forms": ["مجلس الأمن الأرميني", "مجلس الأمن"]},
        {"name": "United Nations Security Council", "type": "ORG", "forms": ["مجلس الأمن الدولي", "مجلس الأمن"]}]}})).unwrap();
    use EntityType::Organisation as O;
    let mentions = vec![
        mention(body, "مجلس الأمن الأرميني", O, "am"),
        mention(body, "مجلس الأمن", O, "am"),
        mention(body, "مجلس الأمن", O, "un"),
        mention(body, "مجلس الأمن الدولي", O, "un"),
    ];
    let r = score(
        &[gold],
        &[pred(
            "a",
            body,
            Analysis {
                mentions,
                ..Analysis::default()
            },
        )],
        &|_| None,
    );
    let e = r.set.entities;
    assert_eq!((e.tp, e.fp, e.fn_), (3, 0, 0));
    let l = r.set.linking;
    assert_eq!(
        (l.gold_links, l.predicted_links, l.correct_links),
        (2, 2, 2)
    );
}

#[test]
fn times_need_the_exact_value_at_an_occurrence() {
    let body = "اندلعت الاشتباكات الليلة الماضية واستمرت طوال الليل حتى صباح الثلاثاء، وبعد 44 يوماً من الحرب.";
    let gold: Gold = serde_json::from_value(json!({"doc": "a", "times": [
        {"text": "الليلة الماضية", "value": "2022-09-12TNI"},
        {"text": "الليل", "value": "2022-09-12TNI"},
        {"text": "صباح الثلاثاء", "value": "2022-09-13TMO"},
        {"text": "44 يوما", "value": "P44D"},
        {"text": "44 يوماً", "value": "P44D"}
    ]}))
    .unwrap();
    let t = |text: &str, value: &str| {
        let at = body.find(text).unwrap();
        TimeExpr {
            span: Span::new(at, at + text.len()),
            text: text.into(),
            value: value.into(),
            anchor: String::new(),
        }
    };
    // الليلة الماضية right; الليل not predicted (the prediction on الليلة must not count for
    // it); صباح الثلاثاء with a wrong value; 44 يوماً right, listed twice in gold, counted once.
    let times = vec![
        t("الليلة الماضية", "2022-09-12TNI"),
        t("صباح الثلاثاء", "2022-09-13"),
        t("44 يوماً", "P44D"),
    ];
    let r = score(
        &[gold],
        &[pred(
            "a",
            body,
            Analysis {
                times,
                ..Analysis::default()
            },
        )],
        &|_| None,
    );
    assert_eq!(r.set.times, TimeCounts { gold: 4, exact: 2 });
    assert_eq!(r.set.times.accuracy(), 0.5);
    let items = &r.detail.articles[0]["times"]["items"];
    assert_eq!(items[1]["note"], "no expression predicted here");
    assert_eq!(items[2]["note"], "predicted 2022-09-13");
}

fn claim(body: &str, text: &str, count: Option<u64>, kind: LossKind, side: Option<&str>) -> Claim {
    let at = body.find(text).unwrap();
    let span = Span::new(at, at + text.len());
    Claim {
        span,
        sentence: span,
        text: text.into(),
        count,
        vague: false,
        qualifier: Qualifier::Exact,
        kind,
        victims: "people".into(),
        side: None,
        source: ClaimSource {
            entity: None,
            label: "x".into(),
            span: None,
            side: side.map(String::from),
        },
    }
}

#[test]
fn claims_two_of_three_and_half_the_sides() {
    let body =
        "قالت باكو إن 41 قتيلا و250 جريحا سقطوا، وقالت يريفان إن 38 جنديا قتلوا، وإن عشرات أصيبوا.";
    let gold: Gold =
        serde_json::from_value(json!({"doc": "a", "claims": {"complete": true, "items": [
            {"text": "41 قتيلا", "count": 41, "kind": "killed", "source_side": "Azerbaijan"},
            {"text": "250 جريحا", "count": 250, "kind": "wounded", "source_side": "Azerbaijan"},
            {"text": "38 جنديا قتلوا", "count": 38, "kind": "killed", "source_side": "Armenia"}
        ]}}))
        .unwrap();
    use LossKind::*;
    let claims = vec![
        claim(body, "41 قتيلا", Some(41), Killed, Some("azerbaijan")),
        claim(body, "250 جريحا", Some(250), Wounded, Some("Armenia")),
        claim(body, "38 جنديا", Some(83), Killed, Some("Armenia")),
        claim(body, "عشرات", None, Wounded, None),
    ];
    let r = score(
        &[gold],
        &[pred(
            "a",
            body,
            Analysis {
                claims,
                ..Analysis::default()
            },
        )],
        &|_| None,
    );
    let c = r.set.claims;
    assert_eq!(
        (c.matching.tp, c.matching.fp, c.matching.fn_, c.side_right),
        (2, 1, 1, 1)
    );
    assert!((c.matching.precision() - 2.0 / 3.0).abs() < 1e-12);
    assert!((c.matching.recall() - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(c.source_side_accuracy(), 0.5);
}

#[test]
fn claims_pair_by_place_when_figures_repeat() {
    // Both sides report 49 killed; the prediction at each gold text's place is chosen, so
    // both source sides are judged against their own sentence.
    let body = "أعلنت يريفان مقتل 49 جنديا. وقالت وكالة إن 49 قتيلا سقطوا.";
    let gold: Gold =
        serde_json::from_value(json!({"doc": "a", "claims": {"complete": true, "items": [
            {"text": "49 قتيلا", "count": 49, "kind": "killed", "source_side": null},
            {"text": "مقتل 49 جنديا", "count": 49, "kind": "killed", "source_side": "Armenia"}
        ]}}))
        .unwrap();
    let claims = vec![
        claim(
            body,
            "49 جنديا",
            Some(49),
            LossKind::Killed,
            Some("Armenia"),
        ),
        claim(body, "49 قتيلا", Some(49), LossKind::Killed, None),
    ];
    let r = score(
        &[gold],
        &[pred(
            "a",
            body,
            Analysis {
                claims,
                ..Analysis::default()
            },
        )],
        &|_| None,
    );
    assert_eq!(r.set.claims.side_right, 2);
    assert_eq!(r.set.claims.source_side_accuracy(), 1.0);
}

fn event(kind: &str, actors: &[(&str, Option<&str>)], date: Option<&str>) -> Event {
    Event {
        span: Span::new(0, 1),
        sentence: Span::new(0, 1),
        kind: kind.into(),
        mode: None,
        actors: actors
            .iter()
            .map(|(l, s)| Actor {
                entity: String::new(),
                label: l.to_string(),
                side: s.map(String::from),
            })
            .collect(),
        target: None,
        mediator: None,
        date: date.map(String::from),
        location: None,
        background: false,
    }
}

#[test]
fn events_use_a_maximum_matching_and_day_precision() {
    let gold: Gold = serde_json::from_value(json!({"doc": "a", "events": [
        {"type": "ASSAULT", "actors": ["Armenia", "Azerbaijan"], "date": "2020-09"},
        {"type": "ASSAULT", "actors": ["Armenia", "Azerbaijan"], "date": "2020-09-27"},
        {"type": "ACCUSE", "actors": ["Armenia"], "date": "2022-09-13"},
        {"type": "ASSAULT", "actors": [], "date": "2022-09-13"},
        {"type": "DEMAND", "actors": ["Russia"], "date": "2022-09-13"}
    ]}))
    .unwrap();
    let both = [("Armenian forces", Some("Armenia")), ("Azerbaijan", None)];
    let events = vec![
        // Fits both of the first two gold events; a greedy pass would spend it on the first.
        event("ASSAULT", &both, Some("2020-09-27")),
        event("ASSAULT", &both, Some("2020-09-05")),
        // A time of day on the right day agrees.
        event(
            "ACCUSE",
            &[("Nikol Pashinyan", Some("Armenia"))],
            Some("2022-09-13T06:00Z"),
        ),
        // Unnamed perpetrator: no actors on either side.
        event("assault", &[], Some("2022-09-13")),
        // Wrong side set.
        event(
            "DEMAND",
            &[("Russia", None), ("Turkey", None)],
            Some("2022-09-13"),
        ),
    ];
    let r = score(
        &[gold],
        &[pred(
            "a",
            "نص",
            Analysis {
                events,
                ..Analysis::default()
            },
        )],
        &|_| None,
    );
    assert_eq!(r.set.events, EventCounts { gold: 5, found: 4 });
    assert_eq!(r.set.events.recall(), 0.8);
}

#[test]
fn a_proclitic_left_on_a_form_is_noted() {
    let body = "وقالت وأرمينيا";
    let gold: Gold =
        serde_json::from_value(json!({"doc": "a", "entities": {"complete": true, "items": [
        {"name": "Armenia", "type": "LOC", "forms": ["أرمينيا"]},
        {"name": "United Nations", "type": "ORG", "forms": ["الأمم المتحدة"]}]}}))
        .unwrap();
    let mentions = vec![
        mention(body, "وأرمينيا", EntityType::Location, "a"),
        Mention {
            span: Span::new(0, 1),
            text: "للأمم المتحدة".into(),
            kind: EntityType::Organisation,
            entity: "u".into(),
        },
    ];
    let r = score(
        &[gold],
        &[pred(
            "a",
            body,
            Analysis {
                mentions,
                ..Analysis::default()
            },
        )],
        &|_| None,
    );
    assert_eq!(r.set.entities.tp, 0);
    let fps = &r.detail.articles[0]["entities"]["false_positives"];
    let note = |form: &str| {
        let fps = fps.as_array().unwrap();
        fps.iter()
            .find(|f| f["form"] == form)
            .map(|f| f["note"].clone())
    };
    assert_eq!(
        note("وأرمينيا").unwrap(),
        "proclitic left on; gold form is أرمينيا"
    );
    assert_eq!(
        note("للأمم المتحدة").unwrap(),
        "proclitic left on; gold form is الأمم المتحدة"
    );
}
