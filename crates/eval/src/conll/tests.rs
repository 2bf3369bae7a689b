use super::*;

fn sentence(pairs: &[(&str, &str)]) -> Sentence {
    Sentence {
        tokens: pairs.iter().map(|p| p.0.to_string()).collect(),
        tags: pairs.iter().map(|p| p.1.to_string()).collect(),
    }
}

fn tags(t: &[&str]) -> Vec<String> {
    t.iter().map(|s| s.to_string()).collect()
}

#[test]
fn reads_anercorp_lines_and_names_bad_lines() {
    let text = "قال O\nنيكول B-PERS\nباشينيان I-PERS\n\nفي O\nيريفان B-LOC\n\n\n";
    let s = parse(text, Path::new("x.conll")).unwrap();
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].tokens[1], "نيكول");
    assert_eq!(s[1].tags, tags(&["O", "B-LOC"]));

    let err = parse("قال O\nباكو\n", Path::new("x.conll"))
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("x.conll:2:"), "{err}");
    let err = parse("قال O\n\nباكو LOC\n", Path::new("y.conll"))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("y.conll:3:") && err.contains("LOC"),
        "{err}"
    );
}

#[test]
fn perfect_tagging_scores_one() {
    let gold = vec![sentence(&[
        ("نيكول", "B-PERS"),
        ("باشينيان", "I-PERS"),
        ("في", "O"),
        ("يريفان", "B-LOC"),
    ])];
    let r = score(&gold, &[gold[0].tags.clone()]);
    assert_eq!(r.overall.f1(), 1.0);
    assert_eq!(r.per_type["PERS"].correct, 1);
}

#[test]
fn a_partial_span_is_both_a_false_positive_and_a_miss() {
    // Gold: وزارة الدفاع الأرمينية as one ORG; predicted only وزارة الدفاع.
    let gold = vec![sentence(&[
        ("وزارة", "B-ORG"),
        ("الدفاع", "I-ORG"),
        ("الأرمينية", "I-ORG"),
        ("قالت", "O"),
    ])];
    let r = score(&gold, &[tags(&["B-ORG", "I-ORG", "O", "O"])]);
    let org = r.per_type["ORG"];
    assert_eq!((org.gold, org.predicted, org.correct), (1, 1, 0));
    assert_eq!((r.overall.precision(), r.overall.recall()), (0.0, 0.0));
}

#[test]
fn misc_is_reported_apart_from_overall() {
    let gold = vec![sentence(&[
        ("باكو", "B-LOC"),
        ("الشيعية", "B-MISC"),
        ("روسيا", "B-LOC"),
    ])];
    // One LOC right, one LOC missed, MISC right: overall is 1/1 precision, 1/2 recall.
    let r = score(&gold, &[tags(&["B-LOC", "B-MISC", "O"])]);
    assert_eq!(r.overall.precision(), 1.0);
    assert_eq!(r.overall.recall(), 0.5);
    assert_eq!(r.per_type["MISC"].f1(), 1.0);
    assert_eq!(r.overall.gold, 2);
}

#[test]
fn i_without_b_starts_a_span_like_conlleval() {
    // `I-LOC` after O opens a span; `I-ORG` after `I-LOC` closes it and opens another.
    let gold = vec![sentence(&[
        ("في", "O"),
        ("قره", "I-LOC"),
        ("باغ", "I-LOC"),
        ("الحلف", "I-ORG"),
    ])];
    let predicted = tags(&["O", "B-LOC", "I-LOC", "B-ORG"]);
    let r = score(&gold, &[predicted]);
    assert_eq!(r.overall.f1(), 1.0);
    assert_eq!(r.per_type["LOC"].correct, 1);
    // Two B- in a row are two spans.
    let gold = vec![sentence(&[("روسيا", "B-LOC"), ("تركيا", "B-LOC")])];
    let r = score(&gold, &[tags(&["B-LOC", "I-LOC"])]);
    assert_eq!(
        (
            r.per_type["LOC"].gold,
            r.per_type["LOC"].predicted,
            r.per_type["LOC"].correct
        ),
        (2, 1, 0)
    );
}

#[test]
fn short_predictions_are_padded_with_o_and_counted() {
    let gold = vec![sentence(&[("روسيا", "B-LOC"), ("وتركيا", "B-LOC")])];
    let r = score(&gold, &[tags(&["B-LOC"])]);
    assert_eq!(r.length_mismatches, 1);
    assert_eq!(r.overall.recall(), 0.5);
    let j = r.to_json();
    assert_eq!(j["per_type"]["LOC"]["recall"], 0.5);
    assert!(j["per_type"]["PERS"].is_object() && j["overall"]["f1"].is_number());
    assert!(r.table().contains("overall"));
}
