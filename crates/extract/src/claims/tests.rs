//! Claims on sentences written like Arabic news about other conflicts and disasters.

use super::extract_claims;
use super::testkit::{demonym, kit};
use marsad_model::{EntityType::*, LossKind, Qualifier};

fn claims(
    body: &str,
    names: &[(&str, &str, marsad_model::EntityType, Option<&str>)],
) -> Vec<marsad_model::Claim> {
    let k = kit(body, names, &[]);
    extract_claims(&k.context(&demonym, Some("2024-05-01")))
}

#[test]

fn gaza_health_ministry_counts_with_qualifiers() {
    let body = "أعلنت وزارة الصحة في غزة مقتل 27 فلسطينيا على الأقل وإصابة أكثر من 80 آخرين في غارات إسرائيلية.";
    let cs = claims(
        body,
        &[
            (
                "وزارة الصحة",
                "Ministry of Health (Gaza)",
                Organisation,
                Some("Palestine"),
            ),
            ("غزة", "Gaza", Location, Some("Palestine")),
        ],
    );
    assert_eq!(cs.len(), 2, "{cs:#?}");
    assert_eq!(
        (cs[0].count, cs[0].kind, cs[0].qualifier),
        (Some(27), LossKind::Killed, Qualifier::AtLeast)
    );
    assert_eq!(cs[0].side.as_deref(), Some("Palestine"));
    assert_eq!(
        (cs[1].count, cs[1].kind, cs[1].qualifier),
        (Some(80), LossKind::Wounded, Qualifier::MoreThan)
    );
    assert!(cs
        .iter()
        .all(|c| c.source.label == "Ministry of Health (Gaza)"
            && c.source.side.as_deref() == Some("Palestine")));
}

#[test]
fn ukraine_number_words_and_postposed_source() {
    let body = "قُتل ثلاثة جنود أوكرانيين وأصيب خمسة آخرون في قصف روسي على خاركيف، بحسب ما أعلنت الإدارة العسكرية المحلية.";
    let cs = claims(
        body,
        &[
            (
                "الإدارة العسكرية المحلية",
                "Kharkiv Military Administration",
                Organisation,
                Some("Ukraine"),
            ),
            ("خاركيف", "Kharkiv", Location, Some("Ukraine")),
        ],
    );
    assert_eq!(cs.len(), 2, "{cs:#?}");
    assert_eq!(
        (cs[0].count, cs[0].kind, cs[0].victims.as_str()),
        (Some(3), LossKind::Killed, "soldiers")
    );
    assert_eq!(cs[0].side.as_deref(), Some("Ukraine"));
    assert_eq!((cs[1].count, cs[1].kind), (Some(5), LossKind::Wounded));
    assert_eq!(cs[0].source.side.as_deref(), Some("Ukraine"));
}

#[test]
fn sudan_displacement_in_thousands_from_the_un() {
    let body = "نزح نحو 12 ألف شخص من منازلهم في دارفور خلال أسبوع، وفق الأمم المتحدة.";
    let cs = claims(
        body,
        &[
            ("الأمم المتحدة", "United Nations", Organisation, None),
            ("دارفور", "Darfur", Location, Some("Sudan")),
        ],
    );
    assert_eq!(cs.len(), 1, "{cs:#?}");
    assert_eq!(
        (cs[0].count, cs[0].kind, cs[0].qualifier),
        (Some(12_000), LossKind::Displaced, Qualifier::About)
    );
    assert_eq!(cs[0].source.label, "United Nations");
}

#[test]
fn earthquake_damage_and_deaths_in_the_outlets_voice() {
    let body = "أدى الزلزال إلى انهيار 120 مبنى ومقتل 45 شخصا في حلب.";
    let cs = claims(body, &[("حلب", "Aleppo", Location, Some("Syria"))]);
    assert_eq!(cs.len(), 2, "{cs:#?}");
    assert_eq!(
        (cs[0].count, cs[0].kind, cs[0].victims.as_str()),
        (Some(120), LossKind::Damaged, "buildings")
    );
    assert_eq!((cs[1].count, cs[1].kind), (Some(45), LossKind::Killed));
    assert!(cs
        .iter()
        .all(|c| c.source.label == "outlet" && c.source.side.is_none()));
}

#[test]
fn figures_that_are_not_losses_are_not_claims() {
    let body = "نشرت الحكومة 5000 جندي على الحدود منذ 3 أعوام، وخصصت 20 مليون دولار لإعادة الإعمار.";
    assert!(claims(body, &[]).is_empty());
}

#[test]
fn vague_amounts_are_kept_as_vague() {
    let cs = claims("فر آلاف المدنيين من القصف على مدينة الفاشر.", &[]);
    assert_eq!(cs.len(), 1, "{cs:#?}");
    assert!(cs[0].vague && cs[0].count.is_none());
    assert_eq!(cs[0].kind, LossKind::Displaced);
}

#[test]
fn toll_noun_before_the_figure() {
    let cs = claims("ارتفعت حصيلة القتلى جراء الفيضانات في درنة إلى 230.", &[]);
    assert_eq!(cs.len(), 1, "{cs:#?}");
    assert_eq!((cs[0].count, cs[0].kind), (Some(230), LossKind::Killed));
}

#[test]
fn spokesman_then_continuation_keeps_the_speaker() {
    let body = "وقال المتحدث باسم الجيش السوداني إن قواته دمرت 15 مركبة قتالية.\nوأضاف أن 4 أطفال قتلوا في القصف.";
    let cs = claims(
        body,
        &[(
            "الجيش السوداني",
            "Sudanese Armed Forces",
            Organisation,
            Some("Sudan"),
        )],
    );
    assert_eq!(cs.len(), 2, "{cs:#?}");
    assert_eq!(
        (cs[0].count, cs[0].kind, cs[0].victims.as_str()),
        (Some(15), LossKind::Damaged, "vehicles")
    );
    assert_eq!(
        (cs[1].count, cs[1].kind, cs[1].victims.as_str()),
        (Some(4), LossKind::Killed, "children")
    );
    assert!(cs.iter().all(|c| c.source.side.as_deref() == Some("Sudan")));
}

#[test]
fn headline_party_before_a_colon_is_the_source() {
    let cs = claims(
        "اليمن: مقتل 9 مدنيين بقصف على تعز",
        &[("اليمن", "Yemen", Location, None)],
    );
    assert_eq!(cs.len(), 1, "{cs:#?}");
    assert_eq!(
        (cs[0].count, cs[0].victims.as_str()),
        (Some(9), "civilians")
    );
    assert_eq!(cs[0].source.side.as_deref(), Some("Yemen"));
}

#[test]
fn dual_nouns_count_two() {
    let cs = claims(
        "أسقطت الدفاعات الجوية مسيرتين فوق البحر الأحمر، وقتل طفلان في الحديدة.",
        &[],
    );
    let counts: Vec<_> = cs.iter().map(|c| (c.count, c.kind)).collect();
    assert_eq!(
        counts,
        vec![(Some(2), LossKind::Damaged), (Some(2), LossKind::Killed)],
        "{cs:#?}"
    );
}
