//! The read stage on sentences written for these tests (not from the seeds).

use super::*;
use marsad_model::{EntityType, SourceFormat};

fn article(body: &str) -> Article {
    Article {
        id: "t".into(),
        source: "test".into(),
        format: SourceFormat::Text,
        outlet: None,
        url: None,
        published: Some("2023-05-02".into()),
        title: None,
        body: body.into(),
        language: "ar".into(),
        boilerplate: vec![],
        near_duplicate_of: None,
    }
}

fn mentions(a: &Analysis) -> Vec<(String, &'static str)> {
    a.mentions
        .iter()
        .map(|m| (m.text.clone(), m.kind.as_str()))
        .collect()
}

#[test]
fn proclitics_stay_out_of_the_span_and_the_article_comes_back() {
    let a = article("وقالت مصادر إن وفدا من فرنسا توجه للأمم المتحدة وبلبنان.");
    let r = read(&a);
    let found = mentions(&r);
    assert!(found.contains(&("فرنسا".into(), "LOC")), "{found:?}");
    assert!(found.contains(&("الأمم المتحدة".into(), "ORG")), "{found:?}");
    assert!(found.contains(&("لبنان".into(), "LOC")), "{found:?}");
    for m in &r.mentions {
        let shown = m.span.slice(&a.body).unwrap_or_default();
        assert!(m.text.ends_with(shown) && !shown.starts_with('و'), "{m:?}");
    }
}

#[test]
fn a_state_body_is_one_mention_and_a_bare_ministry_takes_its_state() {
    let a = article(
        "أعلنت وزارة الدفاع التركية مقتل جنديين. وقالت وزارة الدفاع في بيان لاحق إن العملية مستمرة.",
    );
    let r = read(&a);
    let bodies: Vec<&str> = r
        .mentions
        .iter()
        .filter(|m| m.kind == EntityType::Organisation)
        .map(|m| m.entity.as_str())
        .collect();
    assert_eq!(bodies.len(), 2, "{:?}", mentions(&r));
    assert_eq!(bodies[0], bodies[1]);
    assert!(!mentions(&r).iter().any(|(t, _)| t == "التركية"));
}

#[test]
fn a_nationality_adjective_alone_is_not_a_mention() {
    let r = read(&article(
        "وصلت القوات الروسية إلى المنطقة بعد اتفاق مع الحكومة.",
    ));
    assert!(
        !r.mentions.iter().any(|m| m.text == "الروسية"),
        "{:?}",
        mentions(&r)
    );
}

#[test]
fn articles_in_other_languages_get_no_items() {
    let mut a = article("Paris and Berlin agreed.");
    a.language = "en".into();
    let r = read(&a);
    assert!(r.mentions.is_empty() && r.sentences.is_empty());
}

#[test]
fn every_mention_has_its_entity() {
    let r = read(&article(
        "التقى الرئيس الفرنسي إيمانويل ماكرون نظيره الأمريكي في باريس، وأكد ماكرون دعمه لأوكرانيا.",
    ));
    for m in &r.mentions {
        assert!(r.entities.iter().any(|e| e.id == m.entity), "{m:?}");
    }
}

#[test]
fn towns_listed_after_a_place_noun_link_to_the_kb_in_any_spelling() {
    // كلبجار and داشكسن are spellings the KB lists as كالباجار and داشكسان.
    let r = read(&article(
        "ووصلت قوافل الإغاثة مساء الأحد إلى قرى في مناطق كلبجار وداشكسن بعد إعادة فتح الطريق.",
    ));
    for name in ["كلبجار", "داشكسن"] {
        let m = r.mentions.iter().find(|m| m.text == name);
        let m = m.unwrap_or_else(|| panic!("{name}: {:?}", mentions(&r)));
        assert!(m.entity.starts_with("geonames:"), "{m:?}");
    }
}

#[test]
fn a_country_spelled_like_its_nationality_keeps_its_proclitic_out() {
    // جيبوتي is the country and its adjective: the KB keeps such names out of the loose
    // (misspelling) index, so كجيبوتي is ك + the country, not a loose match of a town.
    let a = article("وقالت الوكالة إن دولا فقيرة كجيبوتي والصومال تضررت من الجفاف.");
    let r = read(&a);
    let m = r
        .mentions
        .iter()
        .find(|m| m.text == "جيبوتي")
        .unwrap_or_else(|| panic!("{:?}", mentions(&r)));
    assert_eq!(m.span.slice(&a.body), Some("جيبوتي"));
    assert_eq!(m.entity, "kb:country:DJ");
}
