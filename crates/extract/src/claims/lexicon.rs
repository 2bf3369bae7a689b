//! Words of loss in Arabic news, on matching keys (ة→ه، ى→ي، أ/إ/آ→ا، ئ/ؤ→ء), matched on a
//! word after its proclitics and article are taken off (see `doc::stems`).

use super::doc::stems;
use marsad_model::LossKind;
use regex::Regex;
use std::sync::LazyLock;

/// Who or what the loss fell on, with a loss the noun itself carries (قتيل is killed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Victim {
    pub victims: &'static str,
    pub kind: Option<LossKind>,
    /// A dual noun (طفلان، آليتين) counts two by itself.
    pub dual: bool,
    /// A possessive suffix (جنودها، عسكرييهم): the victims belong to the subject's side.
    pub possessive: bool,
}

fn re(p: &str) -> Regex {
    // The patterns are literals of this module; a bad one is a programming error caught by
    // the unit tests.
    Regex::new(&format!("^(?:{p})$")).unwrap_or_else(|e| panic!("lexicon pattern: {e}"))
}

/// (victims, loss carried by the noun, pattern of singular/plural, pattern of the dual).
type NounFamily = (&'static str, Option<LossKind>, Regex, Option<Regex>);

static NOUNS: LazyLock<Vec<NounFamily>> = LazyLock::new(|| {
    use LossKind::*;
    // The dual is only recognised on nouns whose plural is broken, so that -ين is not read
    // as a dual on sound plurals (مدنيين، عسكريين).
    vec![
        ("people", Some(Killed), re("قتيل(ا|ان|ين)?|قتلي|شهيد(ا|ان|ين)?|شهداء|ضحيه|ضحايا|ضحيتين|ضحيتان"), None),
        ("people", Some(Wounded), re("جريح(ا|ان|ين)?|جرحي|مصاب(ا|ين|ون|ان)?"), None),
        ("people", Some(Displaced), re("نازح(ا|ين|ون)?|لاجء(ا|ين|ون)?|مهجر(ا|ين|ون)?|مشرد(ا|ين|ون)?"), None),
        ("people", Some(Captured), re("اسير(ا)?|اسري|معتقل(ا|ين|ون)?|محتجز(ا|ين|ون)?|رهينه|رهاءن|مختطف(ا|ين|ون)?"), None),
        ("people", Some(Missing), re("مفقود(ا|ين|ون)?"), None),
        ("soldiers", None, re("جندي(ا)?|جنود|عسكري(ا|ين|ون)?|عسكريي|عنصر(ا)?|عناصر|مقاتل(ا|ين|ون)?|ضابط(ا)?|ضباط|مسلح(ا|ين|ون)?|شرطي(ا|ين|ون)?"), Some(re("جنديين|جنديان|عنصرين|عنصران|ضابطين|ضابطان"))),
        ("civilians", None, re("مدني(ا|ين|ون)?"), None),
        ("children", None, re("طفل(ا)?|اطفال|قاصر(ا|ين)?"), Some(re("طفلين|طفلان"))),
        ("women", None, re("امراه|نساء|سيده|سيدات"), Some(re("امراتين|امراتان|سيدتين|سيدتان"))),
        ("people", None, re("شخص(ا)?|اشخاص|اخرين|اخرون|مواطن(ا|ين|ون)?|فرد(ا)?|افراد|نسمه|عاءله|عاءلات|اسره|اسر"), Some(re("شخصين|شخصان"))),
        ("journalists", None, re("صحفي(ا|ين|ون)?|صحافي(ا|ين|ون)?"), None),
        ("buildings", None, re("مبني|مبان|مباني|منزل(ا)?|منازل|بيت(ا)?|بيوت|مسكن(ا)?|مساكن|منشاه|منشات|مسجد(ا)?|مساجد|مدرسه|مدارس|مستشفي|مستشفيات|وحده سكنيه|وحدات"), Some(re("مبنيين|منزلين|منزلان|مدرستين|مسجدين"))),
        ("vehicles", None, re("اليه|اليات|مركبه|مركبات|دبابه|دبابات|مدرعه|مدرعات|عربه|عربات|طاءره|طاءرات|مسيره|مسيرات|مروحيه|مروحيات|سفينه|سفن|زورق(ا)?|زوارق"), Some(re("اليتين|اليتان|دبابتين|دبابتان|مركبتين|مدرعتين|طاءرتين|طاءرتان|مسيرتين|مروحيتين"))),
        ("villages", None, re("قريه|قري|بلده|بلدات|بلده|مدينه|مدن|تجمع(ا)?|مخيم(ا)?|مخيمات"), Some(re("قريتين|قريتان|بلدتين"))),
        ("targets", None, re("هدف(ا)?|اهداف"), Some(re("هدفين"))),
        ("positions", None, re("موقع(ا)?|مواقع|نقطه|نقاط|حاجز(ا)?|حواجز|مركز(ا)?|مراكز"), Some(re("موقعين|نقطتين"))),
    ]
});

/// Suffixes of a noun that say whose it is (جنودها، عسكرييهم، قواتنا).
const POSSESSIVE: [&str; 5] = ["هما", "ها", "هم", "نا", "ه"];

/// The victim noun a word is, if any.
pub(crate) fn victim(word: &str) -> Option<Victim> {
    for s in stems(word) {
        for (victims, kind, plain, dual) in NOUNS.iter() {
            if dual.as_ref().is_some_and(|d| d.is_match(s)) {
                return Some(Victim {
                    victims,
                    kind: *kind,
                    dual: true,
                    possessive: false,
                });
            }
            if plain.is_match(s) {
                return Some(Victim {
                    victims,
                    kind: *kind,
                    dual: false,
                    possessive: false,
                });
            }
            for p in POSSESSIVE {
                if let Some(base) = s.strip_suffix(p).filter(|b| b.chars().count() >= 3) {
                    if plain.is_match(base) {
                        return Some(Victim {
                            victims,
                            kind: *kind,
                            dual: false,
                            possessive: true,
                        });
                    }
                }
            }
        }
    }
    None
}

/// Nationality nouns that are victims in the plural (فلسطينيين، أوكرانيين) are left to the
/// demonym lookup: they name a side, and the noun itself reads as "people".
static TRIGGERS: LazyLock<Vec<(LossKind, Regex)>> = LazyLock::new(|| {
    use LossKind::*;
    vec![
        (Killed, re("قتل|قتلت|قتلوا|قتلا|يقتل|تقتل|مقتل|مصرع|استشهاد|استشهد|استشهدت|استشهدوا|لقي|لقيت|لقوا|حتفه|حتفهم|حتفها|وفاه|توفي|وفيات|اعدام|اعدم|اعدمت|قضي|قضوا|اباده|اغتيال|اغتيل|سقوط|سقط"),),
        (Wounded, re("جرح|جرحت|جرحوا|اصابه|اصيب|اصيبت|اصيبوا|اصابت|اصابات|اصابتهم|جروح|يصاب"),),
        (Displaced, re("نزوح|نزح|نزحوا|تهجير|هجر|هجرت|تشريد|شرد|اجلاء|اجلي|اجلت|فرار|فروا|اخلاء|اخلت|لجوء|تشرد|اجبروا|اجبر"),),
        (Captured, re("اسر|اسرت|اعتقال|اعتقل|اعتقلت|اعتقلوا|احتجاز|احتجز|احتجزت|اختطاف|اختطف|خطف|سيطره|سيطرت|سيطر|استولي|استولت|استيلاء|الاستيلاء|استعاده|استعادت|تحرير|حررت"),),
        (Missing, re("فقدان|فقد|فقدوا|اختفاء|اختفي"),),
        (Damaged, re("دمر|دمرت|تدمير|تدمر|تضرر|تضررت|اضرار|هدم|هدمت|قصف|قصفت|استهدف|استهدفت|استهداف|احراق|احرق|احرقت|احترق|احتراق|اسقط|اسقطت|اعطاب|اعطب|اعطبت|تحطم|انهيار|انهار|انهارت|تهدم|تهدمت|دمار|اصابه|اصابت|ضرب|ضربت"),),
    ]
});

/// Victim kinds a loss verb applies to: buildings are damaged, not killed.
pub(crate) fn fits(kind: LossKind, victims: &str) -> bool {
    let material = matches!(
        victims,
        "buildings" | "vehicles" | "villages" | "targets" | "positions"
    );
    match kind {
        LossKind::Damaged => material,
        LossKind::Captured => !matches!(victims, "buildings" | "vehicles"),
        LossKind::Displaced => !material || victims == "villages",
        _ => !material || (victims == "vehicles" && kind == LossKind::Missing),
    }
}

/// The losses a word names (قتل، مقتل، أصيب، تدمير ...).
pub(crate) fn triggers(word: &str) -> Vec<LossKind> {
    let ss = stems(word);
    TRIGGERS
        .iter()
        .filter(|(_, r)| ss.iter().any(|s| r.is_match(s)))
        .map(|(k, _)| *k)
        .collect()
}

/// How sure the figure is, from the words just before it (1 to 3 of them, nearest last).
pub(crate) fn qualifier_before(words: &[&str]) -> Option<(marsad_model::Qualifier, usize)> {
    use marsad_model::Qualifier::*;
    let n = words.len();
    let last = |k: usize| -> Option<Vec<&str>> { (n >= k).then(|| words[n - k..].to_vec()) };
    let one = last(1)?;
    let w1 = stems(one[0]);
    let has1 = |set: &[&str]| w1.iter().any(|s| set.contains(s));
    if let Some(two) = last(2) {
        let w0 = stems(two[0]);
        let pair = |a: &[&str], b: &[&str]| {
            w0.iter().any(|s| a.contains(s)) && w1.iter().any(|s| b.contains(s))
        };
        if pair(&["يقل"], &["عن"]) {
            return Some((
                AtLeast,
                if last(3).is_some_and(|t| stems(t[0]).iter().any(|s| ["ما", "لا"].contains(s)))
                {
                    3
                } else {
                    2
                },
            ));
        }
        if pair(&["اكثر", "ازيد", "اكبر"], &["من"]) || pair(&["يزيد", "يفوق"], &["عن", "علي"])
        {
            let k = if last(3).is_some_and(|t| stems(t[0]).contains(&"ما")) {
                3
            } else {
                2
            };
            return Some((MoreThan, k));
        }
        if pair(&["يقارب", "يقرب", "يناهز"], &["من"]) {
            return Some((
                About,
                if last(3).is_some_and(|t| stems(t[0]).contains(&"ما")) {
                    3
                } else {
                    2
                },
            ));
        }
        if pair(&["يصل"], &["الي"]) {
            return Some((
                UpTo,
                if last(3).is_some_and(|t| stems(t[0]).contains(&"ما")) {
                    3
                } else {
                    2
                },
            ));
        }
        if pair(&["علي"], &["الاقل"]) {
            return Some((AtLeast, 2));
        }
    }
    if has1(&[
        "نحو",
        "قرابه",
        "حوالي",
        "زهاء",
        "يقارب",
        "يناهز",
        "قراب",
        "تقريبا",
    ]) {
        return Some((About, 1));
    }
    if has1(&["فوق", "يفوق", "يزيد"]) {
        return Some((MoreThan, 1));
    }
    if has1(&["حتي"]) {
        return Some((UpTo, 1));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_model::Qualifier;

    #[test]
    fn victim_nouns_with_clitics_dual_and_possessive() {
        let v = victim("جنديا").unwrap();
        assert_eq!((v.victims, v.dual), ("soldiers", false));
        assert!(victim("جنودها").unwrap().possessive);
        assert!(victim("عسكرييها").unwrap().possessive);
        assert!(victim("طفلان").unwrap().dual);
        assert!(victim("آليتين".replace('آ', "ا").as_str()).unwrap().dual);
        assert!(!victim("مدنيين").unwrap().dual);
        assert_eq!(victim("والقتلي").unwrap().kind, Some(LossKind::Killed));
        assert_eq!(victim("جريحا").unwrap().kind, Some(LossKind::Wounded));
        assert_eq!(victim("مبني").unwrap().victims, "buildings");
        assert!(victim("عاما").is_none());
        assert!(victim("يوما").is_none());
    }

    #[test]
    fn loss_words() {
        assert!(triggers("ومقتل").contains(&LossKind::Killed));
        assert!(triggers("اصيب").contains(&LossKind::Wounded));
        assert!(triggers("اجلاء").contains(&LossKind::Displaced));
        assert!(triggers("سيطرت").contains(&LossKind::Captured));
        assert!(triggers("تضرر").contains(&LossKind::Damaged));
        assert!(triggers("نشر").is_empty());
    }

    #[test]
    fn qualifiers_before_the_figure() {
        assert_eq!(
            qualifier_before(&["مقتل", "ما", "لا", "يقل", "عن"]),
            Some((Qualifier::AtLeast, 3))
        );
        assert_eq!(
            qualifier_before(&["مقتل", "نحو"]),
            Some((Qualifier::About, 1))
        );
        assert_eq!(
            qualifier_before(&["اجلاء", "اكثر", "من"]),
            Some((Qualifier::MoreThan, 2))
        );
        assert_eq!(
            qualifier_before(&["ما", "يزيد", "علي"]),
            Some((Qualifier::MoreThan, 3))
        );
        assert_eq!(
            qualifier_before(&["ما", "يصل", "الي"]),
            Some((Qualifier::UpTo, 3))
        );
        assert_eq!(qualifier_before(&["وصل", "الي"]), None);
        assert_eq!(qualifier_before(&["مقتل"]), None);
    }
}
