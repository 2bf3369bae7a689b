//! More claims on news sentences: each loss kind, number words and duals, qualifiers, vague
//! amounts, figures that are not losses, and the ways a source is named.

use super::extract_claims;
use super::testkit::{demonym, kit};
use marsad_model::{Claim, EntityType, EntityType::*, LossKind, Qualifier};

type Name<'a> = (&'a str, &'a str, EntityType, Option<&'a str>);

fn claims(body: &str, names: &[Name]) -> Vec<Claim> {
    let k = kit(body, names, &[]);
    extract_claims(&k.context(&demonym, Some("2024-05-01")))
}

fn counts(cs: &[Claim]) -> Vec<(Option<u64>, LossKind)> {
    cs.iter().map(|c| (c.count, c.kind)).collect()
}

#[test]
fn each_loss_kind() {
    use LossKind::*;
    let cases: [(&str, u64, LossKind, &str); 8] = [
        (
            "أصيب 14 شخصا بجروح في انفجار بمدينة بنغازي.",
            14,
            Wounded,
            "people",
        ),
        (
            "نزح 3500 شخص من قراهم في ولاية النيل الأزرق.",
            3500,
            Displaced,
            "people",
        ),
        (
            "اعتقلت القوات 23 فلسطينيا في الضفة الغربية.",
            23,
            Captured,
            "people",
        ),
        (
            "ما زال 40 شخصا في عداد المفقودين بعد الزلزال.",
            40,
            Missing,
            "people",
        ),
        (
            "دمرت الغارات 12 منزلا في حي الشجاعية.",
            12,
            Damaged,
            "buildings",
        ),
        ("سيطر الجيش على 6 قرى في ريف إدلب.", 6, Captured, "villages"),
        (
            "أسقطت الدفاعات الجوية 9 مسيرات فوق كييف.",
            9,
            Damaged,
            "vehicles",
        ),
        (
            "لقي 8 أشخاص حتفهم في حادث سير على الطريق الدولي.",
            8,
            Killed,
            "people",
        ),
    ];
    for (body, count, kind, victims) in cases {
        let cs = claims(body, &[]);
        assert_eq!(cs.len(), 1, "{body}: {cs:#?}");
        assert_eq!(
            (cs[0].count, cs[0].kind, cs[0].victims.as_str()),
            (Some(count), kind, victims),
            "{body}"
        );
    }
}

#[test]
fn freeing_hostages_is_not_capturing_them() {
    let cs = claims("أعلنت الحكومة تحرير 50 رهينة من قبضة المسلحين.", &[]);
    assert!(cs.iter().all(|c| c.kind != LossKind::Captured), "{cs:#?}");
}

#[test]
fn number_words_and_duals() {
    use LossKind::*;
    let cs = claims("قتل خمسة عشر مدنيا وأصيب ثلاثون آخرون في القصف.", &[]);
    assert_eq!(counts(&cs), vec![(Some(15), Killed), (Some(30), Wounded)]);
    let cs = claims("استشهد شابان وأصيبت امرأتان برصاص الاحتلال.", &[]);
    assert_eq!(
        counts(&cs),
        vec![(Some(2), Killed), (Some(2), Wounded)],
        "{cs:#?}"
    );
    let cs = claims("دمرت مئتا وحدة سكنية خلال العدوان.", &[]);
    assert!(
        cs.is_empty(),
        "وحدة is a unit, not a dwelling, by itself: {cs:#?}"
    );
    let cs = claims("تضررت ثلاثمئة وحدات سكنية جراء العاصفة.", &[]);
    assert_eq!(counts(&cs), vec![(Some(300), Damaged)], "{cs:#?}");
}

#[test]
fn qualifiers_before_and_after_the_figure() {
    let q = |body: &str| {
        let cs = claims(body, &[]);
        assert_eq!(cs.len(), 1, "{body}: {cs:#?}");
        (cs[0].qualifier, cs[0].text.clone())
    };
    assert_eq!(
        q("أسفر القصف عن مقتل ما لا يقل عن 30 مدنيا."),
        (Qualifier::AtLeast, "مقتل ما لا يقل عن 30 مدنيا".into())
    );
    assert_eq!(
        q("قتل ما يزيد على 200 شخص في المعارك.").0,
        Qualifier::MoreThan
    );
    assert_eq!(q("أصيب قرابة 60 شخصا بالاختناق.").0, Qualifier::About);
    assert_eq!(q("نزح ما يصل إلى 10 آلاف شخص.").0, Qualifier::UpTo);
    assert_eq!(q("قتل 12 جنديا تقريبا في الكمين.").0, Qualifier::About);
}

#[test]
fn vague_amounts_are_vague_claims() {
    let cs = claims("قتل عشرات المدنيين ونزح الآلاف من النازحين.", &[]);
    assert!(!cs.is_empty(), "{cs:#?}");
    assert!(cs.iter().all(|c| c.vague && c.count.is_none()), "{cs:#?}");
    assert_eq!(cs[0].kind, LossKind::Killed);
}

#[test]
fn figures_that_are_not_losses() {
    for body in [
        "نشرت روسيا 100 ألف جندي قرب الحدود الأوكرانية.",
        "خصصت الحكومة 500 مليون دولار لإعادة إعمار المنازل المتضررة.",
        "توفي الكاتب عن عمر ناهز 85 عاما.",
        "اندلعت الحرب في عام 2011 وما زالت مستمرة.",
        "ارتفعت نسبة التضخم إلى 40 في المئة.",
        "شارك 300 صحفي في المؤتمر الصحفي للرئيس.",
    ] {
        let cs = claims(body, &[]);
        assert!(cs.is_empty(), "{body}: {cs:#?}");
    }
}

const GAZA_MOH: Name = (
    "وزارة الصحة",
    "Ministry of Health (Gaza)",
    Organisation,
    Some("Palestine"),
);

#[test]
fn speaker_before_the_figure() {
    let cs = claims(
        "قالت وزارة الصحة في غزة إن 35 شخصا قتلوا خلال الساعات الماضية.",
        &[GAZA_MOH],
    );
    assert_eq!(cs.len(), 1, "{cs:#?}");
    assert_eq!(cs[0].source.label, "Ministry of Health (Gaza)");
}

#[test]
fn attribution_after_the_figure() {
    let unhcr: Name = (
        "المفوضية السامية للأمم المتحدة لشؤون اللاجئين",
        "UNHCR",
        Organisation,
        Some("United Nations"),
    );
    for body in [
        "فر 200 ألف شخص من المعارك، حسبما أعلنت المفوضية السامية للأمم المتحدة لشؤون اللاجئين.",
        "فر 200 ألف شخص من المعارك، وفق المفوضية السامية للأمم المتحدة لشؤون اللاجئين.",
        "فر 200 ألف شخص من المعارك بحسب المفوضية السامية للأمم المتحدة لشؤون اللاجئين.",
        "فر 200 ألف شخص من المعارك، نقلا عن المفوضية السامية للأمم المتحدة لشؤون اللاجئين.",
    ] {
        let cs = claims(body, &[unhcr]);
        assert_eq!(cs.len(), 1, "{body}: {cs:#?}");
        assert_eq!(cs[0].count, Some(200_000));
        assert_eq!(cs[0].source.label, "UNHCR", "{body}");
    }
}

#[test]
fn continuation_keeps_the_speaker_and_a_new_paragraph_in_the_outlets_voice_does_not() {
    let body = "قال الدفاع المدني السوري إن 11 شخصا قتلوا في الغارات.\nوتابع أن 20 آخرين أصيبوا بجروح.\nوتشهد المنطقة منذ سنوات نزوح 5 آلاف عائلة سنويا.";
    let cs = claims(
        body,
        &[(
            "الدفاع المدني السوري",
            "Syria Civil Defence",
            Organisation,
            Some("Syria"),
        )],
    );
    let sources: Vec<&str> = cs.iter().map(|c| c.source.label.as_str()).collect();
    assert_eq!(cs.len(), 3, "{cs:#?}");
    assert_eq!(
        sources,
        ["Syria Civil Defence", "Syria Civil Defence", "outlet"]
    );
}

#[test]
fn outlet_voice_without_a_speaker() {
    let cs = claims("قتل 4 أشخاص في غارة على بلدة في جنوب لبنان.", &[]);
    assert_eq!(cs.len(), 1, "{cs:#?}");
    assert_eq!(cs[0].source.label, "outlet");
}

#[test]
fn a_state_announcing_its_own_soldiers_dead_speaks_of_its_own_side() {
    let mod_ua: Name = (
        "وزارة الدفاع الأوكرانية",
        "Ministry of Defence (Ukraine)",
        Organisation,
        Some("Ukraine"),
    );
    let cs = claims(
        "أعلنت وزارة الدفاع الأوكرانية مقتل 12 عسكريا في هجوم روسي.",
        &[mod_ua],
    );
    assert_eq!(cs.len(), 1, "{cs:#?}");
    assert_eq!(cs[0].side.as_deref(), Some("Ukraine"));
    // Its forces killing soldiers are the enemy's: no side is guessed.
    let cs = claims(
        "أعلنت وزارة الدفاع الأوكرانية أن قواتها قتلت 40 جنديا.",
        &[mod_ua],
    );
    assert_ne!(
        cs.first().and_then(|c| c.side.as_deref()),
        Some("Ukraine"),
        "{cs:#?}"
    );
    // An international body has no soldiers of its own side.
    let cs = claims(
        "أعلنت الأمم المتحدة مقتل 3 جنود في جنوب لبنان.",
        &[(
            "الأمم المتحدة",
            "United Nations",
            Organisation,
            Some("United Nations"),
        )],
    );
    assert_eq!(cs.first().and_then(|c| c.side.clone()), None, "{cs:#?}");
}

#[test]
fn a_participle_of_belonging_is_no_speech() {
    // التابع ("belonging to") is not تابع ("he went on"): no speaker to carry on.
    let body =
        "قال الجيش الأوكراني إن قواته تقدمت في الجنوب.\nوفي اللواء التابع للحرس الوطني قتل 5 جنود.";
    let cs = claims(
        body,
        &[(
            "الجيش الأوكراني",
            "Armed Forces of Ukraine",
            Organisation,
            Some("Ukraine"),
        )],
    );
    assert_eq!(cs.len(), 1, "{cs:#?}");
    assert_eq!(cs[0].source.label, "outlet");
}
