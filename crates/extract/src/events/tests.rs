//! Events on news sentences about other conflicts, crises and diplomacy: for each PLOVER
//! type coded, sentences that must give it (type, mode, actor sides, target, date) and
//! sentences where a trigger word is used in another sense and must not.

use super::extract_events;
use crate::claims::testkit::{demonym, kit};
use marsad_model::{EntityType, EntityType::*, Event};

pub(super) type Name<'a> = (&'a str, &'a str, EntityType, Option<&'a str>);

pub(super) fn events(body: &str, names: &[Name], times: &[(&str, &str)]) -> Vec<Event> {
    let k = kit(body, names, times);
    extract_events(&k.context(&demonym, Some("2024-05-01")))
}

fn sides(e: &Event) -> Vec<String> {
    let mut v: Vec<String> = e.actors.iter().filter_map(|a| a.side.clone()).collect();
    v.sort();
    v
}

/// What one expected event must be; `None` fields are not checked.
pub(super) struct Want<'a> {
    kind: &'a str,
    mode: Option<&'a str>,
    actors: &'a [&'a str],
    target: Option<&'a str>,
    date: Option<&'a str>,
}

pub(super) fn want<'a>(kind: &'a str, actors: &'a [&'a str]) -> Want<'a> {
    Want {
        kind,
        mode: None,
        actors,
        target: None,
        date: Some("2024-05-01"),
    }
}

impl<'a> Want<'a> {
    pub(super) fn mode(self, m: &'a str) -> Self {
        Want {
            mode: Some(m),
            ..self
        }
    }
    pub(super) fn target(self, t: &'a str) -> Self {
        Want {
            target: Some(t),
            ..self
        }
    }
    pub(super) fn date(self, d: &'a str) -> Self {
        Want {
            date: Some(d),
            ..self
        }
    }
}

pub(super) fn has(body: &str, names: &[Name], times: &[(&str, &str)], w: Want) {
    let evs = events(body, names, times);
    let mut actors: Vec<String> = w.actors.iter().map(|s| s.to_string()).collect();
    actors.sort();
    let hit = evs.iter().any(|e| {
        e.kind == w.kind
            && sides(e) == actors
            && w.mode.is_none_or(|m| e.mode.as_deref() == Some(m))
            && w.target
                .is_none_or(|t| e.target.as_ref().and_then(|a| a.side.as_deref()) == Some(t))
            && w.date.is_none_or(|d| e.date.as_deref() == Some(d))
    });
    let got: Vec<String> = evs
        .iter()
        .map(|e| {
            let target = e.target.as_ref().and_then(|a| a.side.clone());
            format!(
                "{} {:?} {:?} -> {target:?} {:?}",
                e.kind,
                e.mode,
                sides(e),
                e.date
            )
        })
        .collect();
    assert!(
        hit,
        "want {} {:?} in {body}\ngot {got:#?}",
        w.kind, w.actors
    );
}

pub(super) fn none(body: &str, names: &[Name], kind: &str) {
    let evs = events(body, names, &[]);
    assert!(
        !evs.iter().any(|e| e.kind == kind),
        "no {kind} in {body}\ngot {evs:#?}"
    );
}

const RSF: Name = (
    "قوات الدعم السريع",
    "Rapid Support Forces",
    Organisation,
    Some("Rapid Support Forces"),
);
const HAMAS: Name = ("حركة حماس", "Hamas", Organisation, Some("Hamas"));

#[test]
fn assault_air_strikes_shelling_and_missiles() {
    has(
        "شنت الطائرات الإسرائيلية غارات على مدينة رفح جنوب قطاع غزة فجر الثلاثاء.",
        &[("رفح", "Rafah", Location, Some("Palestine"))],
        &[("فجر الثلاثاء", "2024-04-30TMO")],
        want("ASSAULT", &["Israel"])
            .mode("aerial")
            .target("Palestine")
            .date("2024-04-30TMO"),
    );
    has(
        "قصفت قوات الدعم السريع أحياء سكنية في الفاشر بالمدفعية الثقيلة يوم الأحد.",
        &[RSF, ("الفاشر", "El Fasher", Location, Some("Sudan"))],
        &[("يوم الأحد", "2024-04-28")],
        want("ASSAULT", &["Rapid Support Forces"])
            .mode("heavy-weapons")
            .date("2024-04-28"),
    );
    has(
        "استهدفت روسيا محطات الطاقة الأوكرانية بالصواريخ والمسيرات.",
        &[("روسيا", "Russia", Location, None)],
        &[],
        want("ASSAULT", &["Russia"])
            .mode("heavy-weapons")
            .target("Ukraine"),
    );
}

#[test]
fn assault_in_the_passive_names_the_attacker_only_when_the_text_does() {
    has(
        "تعرضت مواقع للجيش السوداني في أم درمان لقصف مدفعي من قبل قوات الدعم السريع.",
        &[RSF, ("أم درمان", "Omdurman", Location, Some("Sudan"))],
        &[],
        want("ASSAULT", &["Rapid Support Forces"]).target("Sudan"),
    );
    has(
        "تعرضت سفينة تجارية لهجوم بطائرة مسيرة قبالة سواحل اليمن.",
        &[("اليمن", "Yemen", Location, None)],
        &[],
        want("ASSAULT", &[]).mode("aerial"),
    );
}

#[test]
fn assault_words_in_other_senses_are_not_assaults() {
    none(
        "دعا الأمين العام للأمم المتحدة إلى وقف الأعمال القتالية في السودان.",
        &[(
            "الأمم المتحدة",
            "United Nations",
            Organisation,
            Some("United Nations"),
        )],
        "ASSAULT",
    );
    none(
        "أطلقت وزارة الصحة حملة لتطعيم الأطفال ضد الحصبة.",
        &[],
        "ASSAULT",
    );
    none(
        "اشتعلت النيران في مستودع للأخشاب بمدينة طرابلس.",
        &[],
        "ASSAULT",
    );
    none(
        "رد وزير الخارجية على أسئلة الصحفيين في مؤتمر صحفي.",
        &[],
        "ASSAULT",
    );
}

#[test]
fn retreat_ceasefire_withdrawal_and_suspension() {
    has(
        "توصلت إسرائيل وحركة حماس إلى اتفاق لوقف إطلاق النار في غزة بوساطة قطرية.",
        &[
            ("إسرائيل", "Israel", Location, None),
            HAMAS,
            ("غزة", "Gaza", Location, Some("Palestine")),
        ],
        &[],
        want("RETREAT", &["Hamas", "Israel"]).mode("ceasefire"),
    );
    has(
        "انسحبت القوات الروسية من مدينة خيرسون بعد أشهر من القتال.",
        &[("خيرسون", "Kherson", Location, Some("Ukraine"))],
        &[],
        want("RETREAT", &["Russia"]).mode("withdraw"),
    );
    has(
        "علقت الحكومة اليمنية عملياتها العسكرية في محيط الحديدة.",
        &[("الحديدة", "Hodeidah", Location, Some("Yemen"))],
        &[],
        want("RETREAT", &["Yemen"]).mode("suspend"),
    );
}

#[test]
fn a_call_for_a_ceasefire_is_not_one() {
    let un = (
        "الأمم المتحدة",
        "United Nations",
        Organisation,
        Some("United Nations"),
    );
    none(
        "دعت الأمم المتحدة إلى وقف إطلاق النار في السودان.",
        &[un],
        "RETREAT",
    );
    none("أوقفت الشرطة سائقا بتهمة تجاوز السرعة.", &[], "RETREAT");
}

#[test]
fn threaten_threats_and_ultimatums() {
    has(
        "هدد الحوثيون باستهداف السفن المتجهة إلى إسرائيل في البحر الأحمر.",
        &[
            ("الحوثيون", "Houthis", Organisation, Some("Houthis")),
            ("إسرائيل", "Israel", Location, None),
        ],
        &[],
        want("THREATEN", &["Houthis"]),
    );
    has(
        "أمهلت السلطات الليبية المهاجرين غير النظاميين أسبوعا لمغادرة البلاد.",
        &[],
        &[],
        want("THREATEN", &["Libya"]).mode("ultimatum"),
    );
    // Drought threatens: no one makes a threat.
    none(
        "يهدد الجفاف ملايين الأشخاص في منطقة الساحل بالجوع.",
        &[],
        "THREATEN",
    );
}

#[test]
fn accuse_condemn_and_concern() {
    has(
        "اتهمت وزارة الخارجية الإيرانية الولايات المتحدة بدعم الهجمات على سوريا.",
        &[
            (
                "وزارة الخارجية الإيرانية",
                "Ministry of Foreign Affairs (Iran)",
                Organisation,
                Some("Iran"),
            ),
            ("الولايات المتحدة", "United States", Location, None),
        ],
        &[],
        want("ACCUSE", &["Iran"]).target("United States"),
    );
    has(
        "أدان الاتحاد الأفريقي الانقلاب العسكري في النيجر.",
        &[(
            "الاتحاد الأفريقي",
            "African Union",
            Organisation,
            Some("African Union"),
        )],
        &[],
        want("ACCUSE", &["African Union"]),
    );
    has(
        "أعربت مصر عن قلقها البالغ من تصاعد العنف في الضفة الغربية.",
        &[("مصر", "Egypt", Location, None)],
        &[],
        want("ACCUSE", &["Egypt"]).mode("disapprove"),
    );
    none(
        "حمل المتظاهرون لافتات كتبت عليها أسماء الضحايا.",
        &[],
        "ACCUSE",
    );
}

#[test]
fn reject_refusals_and_denials() {
    has(
        "رفضت حركة حماس المقترح الإسرائيلي الأخير لتبادل الأسرى.",
        &[HAMAS],
        &[],
        want("REJECT", &["Hamas"]).target("Israel"),
    );
    has(
        "نفى الجيش السوداني استهداف المدنيين في الخرطوم.",
        &[(
            "الجيش السوداني",
            "Sudanese Armed Forces",
            Organisation,
            Some("Sudan"),
        )],
        &[],
        want("REJECT", &["Sudan"]),
    );
}
