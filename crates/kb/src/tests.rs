//! Behaviour of the shipped KB on names as Arabic news writes them.

use crate::{records, EntityClass, Kb, EMBEDDED_SOURCES};
use marsad_model::EntityType;
use marsad_text::key;
use std::collections::HashSet;

fn kb() -> &'static Kb {
    Kb::embedded()
}

/// Label of the most important entity named `name`.
fn first(name: &str) -> Option<String> {
    let kb = kb();
    kb.lookup(&key(name))
        .first()
        .map(|r| kb.get(*r).label.clone())
}

fn keys(text: &str) -> Vec<String> {
    text.split_whitespace().map(key).collect()
}

/// `(tokens, label of the best candidate)` of the longest name at the start of `text`.
fn longest(text: &str) -> Option<(usize, String)> {
    let ks = keys(text);
    let refs: Vec<&str> = ks.iter().map(String::as_str).collect();
    let (n, cands) = kb().longest_match(&refs)?;
    Some((n, kb().get(*cands.first()?).label.clone()))
}

fn longest_variant(text: &str) -> Option<(usize, String)> {
    let ks = keys(text);
    let refs: Vec<&str> = ks.iter().map(String::as_str).collect();
    let (n, cands) = kb().longest_variant_match(&refs)?;
    Some((n, kb().get(*cands.first()?).label.clone()))
}

fn body(text: &str) -> Option<crate::BodyMatch> {
    let ks = keys(text);
    let refs: Vec<&str> = ks.iter().map(String::as_str).collect();
    kb().match_state_body(&refs)
}

fn demonym_country(word: &str) -> Option<String> {
    let d = kb().demonym(&key(word))?;
    Some(kb().entity(&d.country)?.label.clone())
}

#[test]
fn embedded_data_parses() {
    let kb = Kb::try_embedded().expect("shipped KB parses");
    assert!(kb.len() > 5000, "{} entities", kb.len());
    assert_eq!(Kb::embedded().len(), kb.len());
}

#[test]
fn every_entity_has_id_label_names_and_places_have_coordinates() {
    let kb = kb();
    let mut ids = HashSet::new();
    for r in kb.records() {
        let e = &r.entity;
        assert!(ids.insert(e.id.as_str()), "duplicate id {}", e.id);
        assert!(!e.label.is_empty(), "{} has no label", e.id);
        let place = matches!(
            r.class,
            EntityClass::Country | EntityClass::Capital | EntityClass::City | EntityClass::Seat
        );
        if place && !e.id.starts_with("kb:country:") {
            assert!(
                e.coordinates.is_some(),
                "{} ({}) has no coordinates",
                e.id,
                e.label
            );
        }
        if r.class != EntityClass::Country {
            assert!(!e.names.is_empty(), "{} has no Arabic name", e.id);
        }
        if matches!(r.class, EntityClass::City | EntityClass::Capital) {
            assert_eq!(e.kind, EntityType::Location, "{}", e.id);
        }
    }
}

#[test]
fn countries_in_several_spellings() {
    for (name, label) in [
        ("أرمينيا", "Armenia"),
        ("ارمينيا", "Armenia"),
        ("جمهورية أرمينيا", "Armenia"),
        ("اذربيجان", "Azerbaijan"),
        ("روسيا الاتحادية", "Russia"),
        ("الاتحاد الروسي", "Russia"),
        ("الولايات المتحدة", "United States"),
        ("أميركا", "United States"),
        ("بريطانيا", "United Kingdom"),
        ("فلسطين", "Palestine"),
        ("السودان", "Sudan"),
        ("جنوب السودان", "South Sudan"),
        ("اليمن", "Yemen"),
        ("أوكرانيا", "Ukraine"),
        ("تركيا", "Turkey"),
        ("مالي", "Mali"),
        ("بوركينا فاسو", "Burkina Faso"),
        ("النيجر", "Niger"),
        ("السعودية", "Saudi Arabia"),
    ] {
        assert_eq!(first(name).as_deref(), Some(label), "{name}");
    }
    let am = kb().entity("Q399").expect("Armenia");
    assert_eq!(am.side.as_deref(), Some("Armenia"));
    assert!(am.coordinates.is_some());
}

#[test]
fn a_capital_speaks_for_its_country() {
    for (name, label, side) in [
        ("يريفان", "Yerevan", "Armenia"),
        ("باكو", "Baku", "Azerbaijan"),
        ("موسكو", "Moscow", "Russia"),
        ("واشنطن", "Washington, D.C.", "United States"),
        ("صنعاء", "Sana'a", "Yemen"),
        ("الخرطوم", "Khartoum", "Sudan"),
        ("كييف", "Kyiv", "Ukraine"),
        ("باماكو", "Bamako", "Mali"),
    ] {
        let kb = kb();
        let r = *kb
            .lookup(&key(name))
            .first()
            .unwrap_or_else(|| panic!("{name}"));
        let e = kb.get(r);
        assert_eq!(
            (e.label.as_str(), e.side.as_deref()),
            (label, Some(side)),
            "{name}"
        );
        assert_eq!(r.class, EntityClass::Capital, "{name}");
    }
}

#[test]
fn yerevan_is_not_iran() {
    assert_eq!(first("إيران").as_deref(), Some("Iran"));
    assert_eq!(first("يريفان").as_deref(), Some("Yerevan"));
    assert!(kb()
        .lookup_variant(&key("يريفان"))
        .iter()
        .all(|r| kb().get(*r).label != "Iran"));
}

#[test]
fn cities_of_current_conflicts() {
    for (name, label) in [
        ("الفاشر", "El Fasher"),
        ("أم درمان", "Omdurman"),
        ("خان يونس", "Khān Yūnis"),
        ("الحديدة", "Al Ḩudaydah"),
        ("مأرب", "Ma'rib"),
        ("الموصل", "Mosul"),
        ("ماريوبول", "Mariupol"),
        ("باخموت", "Bakhmut"),
        ("كيدال", "Kidal"),
        ("غوريس", "Goris"),
        ("شوشا", "Shusha"),
    ] {
        assert_eq!(first(name).as_deref(), Some(label), "{name}");
    }
}

#[test]
fn wrong_gazetteer_names_are_cleaned() {
    // سوسة is Sousse; the gazetteer also gave it to Shusha.
    let labels: Vec<String> = kb()
        .lookup(&key("سوسة"))
        .iter()
        .map(|r| kb().get(*r).label.clone())
        .collect();
    assert!(labels.contains(&"Sousse".to_string()), "{labels:?}");
    assert!(!labels.contains(&"Shusha".to_string()), "{labels:?}");
    // Words of running text are not towns.
    for word in ["حديثة", "صور", "معسكر"] {
        assert!(kb().lookup(&key(word)).is_empty(), "{word}");
    }
}

#[test]
fn longest_match_takes_multiword_names_and_spelling_variants() {
    let cases = [
        ("ناغورني قره باغ المتنازع عليه", 3, "Nagorno-Karabakh"),
        ("ناجورنو قرة باغ", 3, "Nagorno-Karabakh"),
        ("قره باغ", 2, "Nagorno-Karabakh"),
        (
            "مجلس الأمن الدولي اليوم",
            3,
            "United Nations Security Council",
        ),
        (
            "منظمة معاهدة الأمن الجماعي عبر",
            4,
            "Collective Security Treaty Organization",
        ),
        ("منظمة الأمن والتعاون في أوروبا", 5, "OSCE"),
        ("جوريس", 1, "Goris"),
        ("كوريس", 1, "Goris"),
        ("لاشين", 1, "Lachin"),
        ("قطاع غزة", 2, "Gaza Strip"),
        ("قوات الدعم السريع", 3, "Rapid Support Forces"),
    ];
    for (text, n, label) in cases {
        assert_eq!(longest(text), Some((n, label.to_string())), "{text}");
    }
    assert_eq!(longest("كتب"), None);
    assert_eq!(longest(""), None);
    // Other vowels: only for a span already known to be a name.
    assert_eq!(longest("داشكسن"), None);
    for (text, n, label) in [
        ("داشكسن", 1, "Dashkasan"),
        ("كلبجار", 1, "Kalbajar"),
        ("ستيبانيكرت", 1, "Khankendi"),
        ("زابوريجيا", 1, "Zaporizhzhya"),
        ("خاركيف", 1, "Kharkiv"),
        ("جوريس", 1, "Goris"),
        ("ناجورنو قرة باغ", 3, "Nagorno-Karabakh"),
    ] {
        assert_eq!(
            longest_variant(text),
            Some((n, label.to_string())),
            "{text}"
        );
    }
}

#[test]
fn ordinary_words_are_never_taken_for_towns() {
    let text = "قبل ذلك كانت الشركة قد أعلنت منذ مليون سنة أن الأمن والأسد في هذه المدينة";
    for t in text.split_whitespace() {
        let k = key(t);
        assert_eq!(longest_variant(t).map(|(_, l)| l), None, "{t}");
        assert!(kb().lookup_variant(&k).is_empty(), "{t}");
    }
}

#[test]
fn seats_of_government_speak_for_their_state() {
    for (name, label, side) in [
        ("الكرملين", "Kremlin", "Russia"),
        ("البيت الأبيض", "White House", "United States"),
        ("الإليزيه", "Élysée Palace", "France"),
        ("البنتاغون", "Pentagon", "United States"),
        ("البنتاجون", "Pentagon", "United States"),
        ("داونينغ ستريت", "10 Downing Street", "United Kingdom"),
        ("الحرس الثوري", "Islamic Revolutionary Guard Corps", "Iran"),
        ("حماس", "Hamas", "Hamas"),
        ("الحوثيين", "Houthis", "Houthis"),
    ] {
        let kb = kb();
        let r = *kb
            .lookup(&key(name))
            .first()
            .unwrap_or_else(|| panic!("{name}"));
        let e = kb.get(r);
        assert_eq!(
            (e.label.as_str(), e.side.as_deref()),
            (label, Some(side)),
            "{name}"
        );
    }
    assert_eq!(first("داعش").as_deref(), Some("Islamic State"));
    assert_eq!(first("الأونروا").as_deref(), Some("UNRWA"));
}

#[test]
fn nationality_words_point_to_their_country() {
    for (word, country) in [
        ("الأرمينية", "Armenia"),
        ("أرميني", "Armenia"),
        ("الأرمنية", "Armenia"),
        ("الأذربيجانيون", "Azerbaijan"),
        ("الأذرية", "Azerbaijan"),
        ("الروسي", "Russia"),
        ("الفرنسية", "France"),
        ("المصري", "Egypt"),
        ("الأمريكية", "United States"),
        ("الأميركي", "United States"),
        ("البريطانية", "United Kingdom"),
        ("الإسرائيلي", "Israel"),
        ("التركية", "Turkey"),
        ("السودانية", "Sudan"),
        ("اليمنية", "Yemen"),
        ("الأوكرانية", "Ukraine"),
        ("الألمانية", "Germany"),
        ("الإماراتية", "United Arab Emirates"),
        ("السعودية", "Saudi Arabia"),
        ("النمساوي", "Austria"),
        ("الكوري الجنوبي", "South Korea"),
    ] {
        assert_eq!(demonym_country(word).as_deref(), Some(country), "{word}");
    }
    // مالي is also "financial"; النمسي is not Arabic.
    for word in ["المالي", "المالية", "النمسي", "الأرمينيا"] {
        assert_eq!(demonym_country(word), None, "{word}");
    }
    let people = kb().demonym(&key("الأرمن")).expect("الأرمن");
    assert!(people.people);
    assert!(!kb().demonym(&key("الأرمينية")).expect("adjective").people);
}

#[test]
fn an_adjective_alone_is_not_an_entity() {
    for word in ["الأرمينية", "أرمينية", "الروسية", "الأرمن", "الأذربيجاني"]
    {
        assert!(kb().lookup(&key(word)).is_empty(), "{word}");
        assert!(kb().lookup_variant(&key(word)).is_empty(), "{word}");
    }
    assert!(kb().is_name_key(&key("الأرمينية")));
    assert!(kb().is_name_key(&key("أرمينيا")));
    assert!(!kb().is_name_key(&key("أعلنت")));
}

#[test]
fn state_bodies_from_patterns() {
    for (text, tokens, label, side) in [
        (
            "وزارة الدفاع الأرمينية",
            3,
            "Ministry of Defence (Armenia)",
            "Armenia",
        ),
        (
            "وزارة الدفاع الأذربيجانية أن",
            3,
            "Ministry of Defence (Azerbaijan)",
            "Azerbaijan",
        ),
        (
            "وزارة الخارجية الروسية",
            3,
            "Ministry of Foreign Affairs (Russia)",
            "Russia",
        ),
        (
            "وزارة خارجية أذربيجان",
            3,
            "Ministry of Foreign Affairs (Azerbaijan)",
            "Azerbaijan",
        ),
        (
            "الخارجية الأذربيجانية",
            2,
            "Ministry of Foreign Affairs (Azerbaijan)",
            "Azerbaijan",
        ),
        (
            "الجيش الأذربيجاني",
            2,
            "Armed Forces of Azerbaijan",
            "Azerbaijan",
        ),
        ("الجيش الأذري", 2, "Armed Forces of Azerbaijan", "Azerbaijan"),
        (
            "القوات المسلحة لأرمينيا",
            3,
            "Armed Forces of Armenia",
            "Armenia",
        ),
        ("قوات أرمينية", 2, "Armed Forces of Armenia", "Armenia"),
        ("حكومة يريفان", 2, "Government of Armenia", "Armenia"),
        ("السلطات الأرمينية", 2, "Government of Armenia", "Armenia"),
        (
            "البرلمان الأرميني",
            2,
            "National Assembly of Armenia",
            "Armenia",
        ),
        (
            "مجلس الأمن الأرميني",
            3,
            "Security Council of Armenia",
            "Armenia",
        ),
        ("الجيش السوداني", 2, "Armed Forces of Sudan", "Sudan"),
        (
            "وزارة الصحة الفلسطينية",
            3,
            "Ministry of Health (Palestine)",
            "Palestine",
        ),
        ("الحكومة اليمنية", 2, "Government of Yemen", "Yemen"),
        ("الجيش الإسرائيلي", 2, "Israel Defense Forces", "Israel"),
        ("وزارة الدفاع الأميركية", 3, "Pentagon", "United States"),
        ("الرئاسة الفرنسية", 2, "Élysée Palace", "France"),
        (
            "رئيس الوزراء الأرميني",
            3,
            "Prime Minister of Armenia",
            "Armenia",
        ),
        (
            "وزير الخارجية الأميركية",
            3,
            "Minister of Foreign Affairs of United States",
            "United States",
        ),
        ("الرئيس الأوكراني", 2, "President of Ukraine", "Ukraine"),
    ] {
        let m = body(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(
            (m.tokens, m.entity.label.as_str(), m.entity.side.as_deref()),
            (tokens, label, Some(side)),
            "{text}"
        );
    }
    let pm = body("رئيس الوزراء الأرميني").expect("role");
    assert_eq!(pm.entity.kind, EntityType::Person);
    assert_eq!(pm.entity.id, "kb:role:pm:AM");
}

#[test]
fn a_country_after_a_preposition_stays_its_own_mention() {
    let m = body("وزارة الدفاع في أذربيجان").expect("body");
    assert!(m.via_preposition);
    assert_eq!((m.head_tokens, m.tokens), (2, 4));
    assert_eq!(m.entity.id, "kb:body:mod:AZ");
    assert_eq!(m.country, "Q227");
}

#[test]
fn heads_without_a_state_are_not_bodies() {
    for text in [
        "مجلس الأمن الدولي",
        "وزارة الدفاع",
        "قوات الدعم السريع",
        "الجيش في المنطقة",
        "الرئيس قال",
    ] {
        assert_eq!(body(text), None, "{text}");
    }
}

#[test]
fn state_body_by_code_or_head() {
    let kb = kb();
    let e = kb.state_body("mod", "Q399").expect("mod AM");
    assert_eq!(e.label, "Ministry of Defence (Armenia)");
    assert_eq!(e.id, "kb:body:mod:AM");
    assert_eq!(e.names, vec!["وزارة الدفاع أرمينيا".to_string()]);
    assert_eq!(e.kind, EntityType::Organisation);
    let e = kb
        .state_body(&key("وزارة الخارجية"), "Q227")
        .expect("mfa AZ");
    assert_eq!(e.label, "Ministry of Foreign Affairs (Azerbaijan)");
    assert_eq!(kb.state_body("mod", "no-such-country"), None);
}

/// The shipped files are what the builder makes from the shared data. Slow (it counts
/// word forms in the news corpora): `cargo test -p marsad-kb -- --ignored`.
#[test]
#[ignore]
fn build_reproduces_the_shipped_data() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = root.join("../shared/data");
    let out = tempfile::tempdir().expect("temp dir");
    let report = crate::build::build(&shared, &root.join("data/kb/curated"), out.path())
        .expect("build from shared data");
    assert_eq!(report.countries, 250);
    for file in ["entities.tsv", "demonyms.tsv", "ordinary_words.txt"] {
        let built = std::fs::read_to_string(out.path().join(file)).expect("built file");
        let shipped = std::fs::read_to_string(root.join("data/kb").join(file)).expect("shipped");
        assert!(built == shipped, "{file} differs from a fresh build");
    }
}

#[test]
fn words_that_start_no_name_find_nothing() {
    let kb = Kb::embedded();
    let text = "قالت وزارة الدفاع الأرمينية إن القوات الأذربيجانية قصفت بلدة جوريس وستيباناكيرت \
                والعاصمة يريفان، فيما أعلن الرئيس إلهام علييف أن الجيش سيطر على قرى جديدة";
    let keys: Vec<String> = text.split(' ').map(marsad_text::key).collect();
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    let mut starts = 0;
    for i in 0..keys.len() {
        let rest = &keys[i..];
        if kb.may_start_name(rest[0]) {
            starts += 1;
            continue;
        }
        assert!(kb.longest_match(rest).is_none(), "{}", rest[0]);
        assert!(kb.match_state_body(rest).is_none(), "{}", rest[0]);
    }
    assert!(kb.may_start_name("وزاره") && kb.may_start_name("يريفان"));
    assert!(kb.may_start_name("جوريس"), "a town in another letter class");
    assert!(!kb.may_start_name("قالت") && !kb.may_start_name("فيما"));
    assert!(starts < keys.len());
}

#[test]
fn every_name_in_the_kb_passes_the_gate_of_its_first_word() {
    // The gate answers from filters first: a filter that lost a key would make the
    // reader skip that name everywhere.
    let kb = Kb::embedded();
    let mut names = 0;
    for r in kb.records() {
        for name in &r.entity.names {
            let key = marsad_text::key(name);
            let first = key.split(' ').next().unwrap_or_default();
            assert!(kb.may_start_name(first), "{name} ({first})");
            names += 1;
        }
    }
    assert!(names > 5000, "{names} names");
}

#[test]
fn every_demonym_in_the_data_is_found_behind_its_filter() {
    // `demonym` asks a filter first: one that lost a key would hide a nationality.
    let kb = Kb::embedded();
    let parsed = records::parse_demonyms(EMBEDDED_SOURCES.demonyms, "demonyms.tsv")
        .expect("shipped demonyms parse");
    assert!(parsed.len() > 1000, "{} demonyms", parsed.len());
    for (key, d) in &parsed {
        let found = kb.demonym(key).map(|f| f.country.as_str());
        assert!(found.is_some(), "{key}");
        assert!(kb.is_name_key(key), "{key}");
        // A key listed twice keeps its last country.
        let last = parsed.iter().rev().find(|(k, _)| k == key).map(|(_, l)| l);
        assert_eq!(
            found,
            last.map(|l| l.country.as_str()),
            "{key} ({})",
            d.country
        );
    }
    assert!(kb.demonym("قالت").is_none());
}
