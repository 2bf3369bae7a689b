//! Words of loss in Arabic news, on matching keys (ة→ه، ى→ي، أ/إ/آ→ا، ئ/ؤ→ء), matched on a
//! word after its proclitics and article are taken off (see `doc::stems`).
//!
//! Families, each written as the inflections news prose uses:
//! - victim nouns that carry their loss: the dead (قتيل، شهيد، ضحية), the wounded (جريح،
//!   مصاب), the displaced (نازح، لاجئ، مهجّر، مشرّد), the captured (أسير، معتقل، محتجز،
//!   رهينة، مختطف), the missing (مفقود);
//! - victim nouns without a loss of their own, which need a loss word around them:
//!   soldiers (جندي، عسكري، عنصر، مقاتل، ضابط، مسلح، شرطي، مجنّد), civilians, children,
//!   women, people in general (شخص، مواطن، فرد، نسمة، عائلة، أسرة، آخرون، سكان، شاب، رجل),
//!   journalists, buildings (مبنى، منزل، مسكن، منشأة، مسجد، كنيسة، مدرسة، مستشفى، وحدات
//!   سكنية), vehicles and aircraft (آلية، مركبة، دبابة، مدرعة، طائرة، مسيّرة، مروحية، سفينة،
//!   زورق), places (قرية، بلدة، مدينة، مخيم، تجمّع), targets, positions (موقع، نقطة، حاجز،
//!   مركز); duals of broken plurals count two by themselves (طفلان، آليتين، قتيلان);
//! - loss words, verbs and masdars in their common persons: killing and dying (قتل، مقتل،
//!   مصرع، استشهاد، لقي حتفه، وفاة، أودى بحياة، إعدام، اغتيال، سقوط، موت), wounding (جرح،
//!   إصابة)، displacement (نزوح، تهجير، تشريد، إجلاء، إخلاء، فرار، هرب، لجوء، ترحيل), capture
//!   of people (أسر، اعتقال، احتجاز، اختطاف) and of places or equipment (سيطرة، استيلاء،
//!   استعادة، تحرير), going missing (فقدان، اختفاء), and damage to things (تدمير، تضرر،
//!   هدم، قصف، استهداف، إحراق، إسقاط، إعطاب، تحطم، انهيار، تفجير، نسف، تجريف);
//! - qualifiers before a figure: at least (ما لا يقل عن، على الأقل), more than (أكثر من، ما
//!   يزيد عن/على، ما يربو على، يفوق)، about (نحو، قرابة، حوالي، زهاء، ما يقارب، يناهز)، up to
//!   (ما يصل إلى، حتى، أقل من).

use super::doc::stems;
use super::words::Lexicon;
use marsad_model::LossKind;
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

/// (victims, loss carried by the noun, singular/plural, dual of a broken plural).
type NounFamily = (&'static str, Option<LossKind>, &'static str, &'static str);

const NOUNS: [NounFamily; 16] = {
    use LossKind::*;
    // The dual is only recognised on nouns whose plural is broken, so that -ين is not read
    // as a dual on sound plurals (مدنيين، عسكريين).
    [
        ("people", Some(Killed), "قتيل(ا)?|قتلي|شهيد(ا)?|شهداء|ضحيه|ضحايا", "قتيل(ان|ين)|شهيد(ان|ين)|ضحيت(ان|ين)"),
        ("people", Some(Wounded), "جريح(ا)?|جرحي|مصاب(ا|ين|ون)?", "جريح(ان|ين)|مصابان"),
        ("people", Some(Displaced), "نازح(ا|ين|ون)?|لاجء(ا|ين|ون)?|مهجر(ا|ين|ون)?|مشرد(ا|ين|ون)?", "نازحان|لاجءان"),
        ("people", Some(Captured), "اسير(ا)?|اسري|معتقل(ا|ين|ون)?|محتجز(ا|ين|ون)?|رهينه|رهاءن|مختطف(ا|ين|ون)?", "اسير(ان|ين)|رهينت(ان|ين)"),
        ("people", Some(Missing), "مفقود(ا|ين|ون)?", "مفقودان"),
        ("soldiers", None, "جندي(ا)?|جنود|عسكري(ا|ين|ون)?|عسكريي|عنصر(ا)?|عناصر|مقاتل(ا|ين|ون)?|ضابط(ا)?|ضباط|مسلح(ا|ين|ون)?|شرطي(ا|ين|ون)?|مجند(ا|ين|ون)?", "جندي(ين|ان)|عنصر(ين|ان)|ضابط(ين|ان)"),
        ("civilians", None, "مدني(ا|ين|ون)?", "مدنيان"),
        ("children", None, "طفل(ا|ه)?|اطفال|طفلات|قاصر(ا|ين)?", "طفل(ين|ان)|طفلت(ين|ان)"),
        ("women", None, "امراه|نساء|سيده|سيدات", "امرات(ين|ان)|سيدت(ين|ان)"),
        ("people", None, "شخص(ا)?|اشخاص|اخرين|اخرون|مواطن(ا|ين|ون)?|فرد(ا)?|افراد|نسمه|عاءله|عاءلات|اسره|اسر|سكان|شاب(ا)?|شبان|رجل(ا)?|رجال", "شخص(ين|ان)|شاب(ين|ان)|رجل(ين|ان)"),
        ("journalists", None, "صحفي(ا|ين|ون)?|صحافي(ا|ين|ون)?|اعلامي(ا|ين|ون)?", "صحفيان|صحافيان"),
        ("buildings", None, "مبني|مبان|مباني|منزل(ا)?|منازل|بيت(ا)?|بيوت|مسكن(ا)?|مساكن|منشاه|منشات|مسجد(ا)?|مساجد|كنيسه|كناءس|مدرسه|مدارس|مستشفي|مستشفيات|وحدات|عماره|عمارات", "مبني(ين|ان)|منزل(ين|ان)|مدرست(ين|ان)|مسجد(ين|ان)|مستشفي(ين|ان)"),
        ("vehicles", None, "اليه|اليات|مركبه|مركبات|دبابه|دبابات|مدرعه|مدرعات|عربه|عربات|طاءره|طاءرات|مسيره|مسيرات|مروحيه|مروحيات|سفينه|سفن|زورق(ا)?|زوارق", "اليت(ين|ان)|دبابت(ين|ان)|مركبت(ين|ان)|مدرعت(ين|ان)|طاءرت(ين|ان)|مسيرت(ين|ان)|مروحيت(ين|ان)"),
        ("villages", None, "قريه|قري|بلده|بلدات|مدينه|مدن|تجمع(ا)?|مخيم(ا)?|مخيمات", "قريت(ين|ان)|بلدت(ين|ان)"),
        ("targets", None, "هدف(ا)?|اهداف", "هدف(ين|ان)"),
        ("positions", None, "موقع(ا)?|مواقع|نقطه|نقاط|حاجز(ا)?|حواجز|مركز(ا)?|مراكز", "موقع(ين|ان)|نقطت(ين|ان)"),
    ]
};

/// A noun's family index, and whether the form is the dual.
static NOUN_WORDS: LazyLock<Lexicon<(u8, bool)>> = LazyLock::new(|| {
    let plain = NOUNS
        .iter()
        .enumerate()
        .map(|(i, f)| (f.2, (i as u8, false)));
    let dual = NOUNS
        .iter()
        .enumerate()
        .map(|(i, f)| (f.3, (i as u8, true)));
    // The first family listed wins a word two families share.
    Lexicon::new(plain.chain(dual), |a, _| a)
});

/// Suffixes of a noun that say whose it is (جنودها، عسكرييهم، قواتنا).
const POSSESSIVE: [&str; 5] = ["هما", "ها", "هم", "نا", "ه"];
/// The last letters of the `POSSESSIVE` suffixes (a test keeps the two lists together).
const POSSESSIVE_LAST: [char; 3] = ['ا', 'م', 'ه'];

fn family(i: u8, dual: bool, possessive: bool) -> Victim {
    let (victims, kind, _, _) = NOUNS[usize::from(i)];
    Victim {
        victims,
        kind,
        dual,
        possessive,
    }
}

/// The victim noun a word is, if any.
pub(crate) fn victim(word: &str) -> Option<Victim> {
    for s in stems(word) {
        if let Some((i, dual)) = NOUN_WORDS.get(s) {
            return Some(family(i, dual, false));
        }
        // Most words end in none of the possessive suffixes: their last letter says so
        // before five suffixes are tried.
        if !matches!(s.chars().next_back(), Some(c) if POSSESSIVE_LAST.contains(&c)) {
            continue;
        }
        for p in POSSESSIVE {
            if let Some(base) = s.strip_suffix(p).filter(|b| b.chars().nth(2).is_some()) {
                if let Some((i, false)) = NOUN_WORDS.get(base) {
                    return Some(family(i, false, true));
                }
            }
        }
    }
    None
}

/// What a loss word says happened; capture splits by what is taken, since "تحرير 50 رهينة"
/// frees people while "تحرير 20 قرية" takes places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sense {
    Killed,
    Wounded,
    Displaced,
    CapturedPeople,
    CapturedPlaces,
    Missing,
    Damaged,
}

const SENSES: [Sense; 7] = [
    Sense::Killed,
    Sense::Wounded,
    Sense::Displaced,
    Sense::CapturedPeople,
    Sense::CapturedPlaces,
    Sense::Missing,
    Sense::Damaged,
];

impl Sense {
    fn kind(self) -> LossKind {
        match self {
            Sense::Killed => LossKind::Killed,
            Sense::Wounded => LossKind::Wounded,
            Sense::Displaced => LossKind::Displaced,
            Sense::CapturedPeople | Sense::CapturedPlaces => LossKind::Captured,
            Sense::Missing => LossKind::Missing,
            Sense::Damaged => LossKind::Damaged,
        }
    }

    fn fits(self, victims: &str) -> bool {
        match self {
            Sense::CapturedPeople => !is_material(victims),
            Sense::CapturedPlaces => is_material(victims),
            s => fits(s.kind(), victims),
        }
    }
}

/// Nationality nouns that are victims in the plural (فلسطينيين، أوكرانيين) are left to the
/// demonym lookup: they name a side, and the noun itself reads as "people".
static LOSS_WORDS: LazyLock<Lexicon<u8>> = LazyLock::new(|| {
    use Sense::*;
    let families: [(Sense, &str); 7] = [
        (Killed, "(ي|ت)?قتل(ت|وا|ون|ا)?|مقتل|مصرع|استشهاد|استشهد(ت|وا)?|لقي|لقيت|لقوا|حتف(ه|هم|ها|هما)|وفاه|توفي|وفيات|اعدام|اعدم(ت|وا)?|قضي|قضوا|اباده|اغتيال|اغتيل|سقوط|سقط|اودي|اودت|موت|مات|ماتوا"),
        (Wounded, "جرح(ت|وا)?|اصابه|اصيب(ت|وا)?|اصابت|اصابات|اصابتهم|جروح|يصاب|يصابون"),
        (Displaced, "نزوح|نزح(ت|وا)?|ينزح|تهجير|هجر|هجرت|تشريد|شرد|تشرد|اجلاء|اجلي|اجلت|فرار|فر|فروا|يفر|يفرون|هرب|هربوا|اخلاء|اخلت|لجوء|ترحيل"),
        (CapturedPeople, "اسر|اسرت|اعتقال|اعتقل(ت|وا)?|احتجاز|احتجز(ت|وا)?|اختطاف|اختطف(ت|وا)?|خطف"),
        (CapturedPlaces, "سيطره|سيطرت|سيطر|استولي|استولت|استيلاء|استعاده|استعادت|تحرير|حررت"),
        (Missing, "فقدان|فقد|فقدوا|اختفاء|اختفي"),
        (Damaged, "دمر|دمرت|تدمير|تدمر|يدمر|تضرر|تضررت|اضرار|هدم|هدمت|قصف|قصفت|استهدف|استهدفت|استهداف|احراق|احرق|احرقت|احترق|احتراق|اسقط|اسقطت|اسقاط|اعطاب|اعطب|اعطبت|تحطم|انهيار|انهار|انهارت|تهدم|تهدمت|دمار|اصابه|اصابت|ضرب|ضربت|تفجير|نسف|نسفت|تجريف|جرفت"),
    ];
    Lexicon::new(
        families.into_iter().map(|(sense, p)| {
            (
                p,
                1u8 << SENSES.iter().position(|s| *s == sense).unwrap_or(0),
            )
        }),
        |a, b| a | b,
    )
});

/// The losses a word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Losses(u8);

impl Losses {
    fn senses(self) -> impl Iterator<Item = Sense> {
        SENSES
            .into_iter()
            .enumerate()
            .filter(move |(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, s)| s)
    }

    /// The first loss this word names that can fall on these victims.
    pub fn fitting(self, victims: &str) -> Option<LossKind> {
        self.senses().find(|s| s.fits(victims)).map(Sense::kind)
    }

    pub fn has(self, kind: LossKind) -> bool {
        self.senses().any(|s| s.kind() == kind)
    }
}

/// The losses a word names (قتل، مقتل، أصيب، تدمير ...).
pub(crate) fn triggers(word: &str) -> Losses {
    Losses(
        stems(word)
            .into_iter()
            .filter_map(|s| LOSS_WORDS.get(s))
            .fold(0, |a, b| a | b),
    )
}

fn is_material(victims: &str) -> bool {
    matches!(
        victims,
        "buildings" | "vehicles" | "villages" | "targets" | "positions"
    )
}

/// Victim kinds a loss applies to: buildings are damaged, not killed.
pub(crate) fn fits(kind: LossKind, victims: &str) -> bool {
    let material = is_material(victims);
    match kind {
        LossKind::Damaged => material,
        LossKind::Captured => !matches!(victims, "buildings"),
        LossKind::Displaced => !material || victims == "villages",
        LossKind::Missing => !material || victims == "vehicles",
        _ => !material,
    }
}

/// How sure the figure is, from the words just before it (up to four, nearest last):
/// the qualifier and how many of those words it takes.
pub(crate) fn qualifier_before(words: &[&str]) -> Option<(marsad_model::Qualifier, usize)> {
    use marsad_model::Qualifier::*;
    let n = words.len();
    // The word `k` places before the figure, as its readings.
    let at = |k: usize| (k <= n).then(|| stems(words[n - k]));
    let is = |k: usize, set: &[&str]| at(k).is_some_and(|w| w.iter().any(|s| set.contains(s)));
    // "ما" before a verb of measure (ما يزيد عن، ما يقارب، ما يصل إلى) belongs to it.
    let with_ma = |k: usize| if is(k + 1, &["ما"]) { k + 1 } else { k };
    if is(2, &["يقل", "تقل"]) && is(1, &["عن"]) {
        let k = if is(3, &["لا"]) { with_ma(3) } else { 2 };
        return Some((AtLeast, k));
    }
    if is(2, &["علي"]) && is(1, &["الاقل"]) {
        return Some((AtLeast, 2));
    }
    if is(2, &["اكثر", "ازيد", "اكبر"]) && is(1, &["من"]) {
        return Some((MoreThan, 2));
    }
    if is(2, &["يزيد", "تزيد", "يفوق", "تفوق", "يربو", "تربو"]) && is(1, &["عن", "علي"])
    {
        return Some((MoreThan, with_ma(2)));
    }
    if is(2, &["يقارب", "يقرب", "يناهز", "تقارب", "تناهز"]) && is(1, &["من"])
    {
        return Some((About, with_ma(2)));
    }
    if is(2, &["يصل", "تصل"]) && is(1, &["الي"]) {
        return Some((UpTo, with_ma(2)));
    }
    if is(2, &["اقل"]) && is(1, &["من"]) {
        return Some((UpTo, 2));
    }
    if is(1, &["نحو", "قرابه", "حوالي", "زهاء", "قراب", "تقريبا"]) {
        return Some((About, 1));
    }
    if is(1, &["يقارب", "يناهز", "تقارب", "تناهز"]) {
        return Some((About, with_ma(1)));
    }
    if is(1, &["فوق", "يفوق", "يزيد", "تفوق", "تزيد"]) {
        return Some((MoreThan, with_ma(1)));
    }
    if is(1, &["حتي"]) {
        return Some((UpTo, 1));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_model::Qualifier;

    #[test]
    fn the_possessive_gate_knows_the_last_letter_of_every_suffix() {
        for p in POSSESSIVE {
            let last = p.chars().next_back().unwrap_or_default();
            assert!(POSSESSIVE_LAST.contains(&last), "{p}");
        }
        assert!(victim("جنودهم").unwrap().possessive);
    }

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
        assert!(triggers("ومقتل").has(LossKind::Killed));
        assert!(triggers("اصيب").has(LossKind::Wounded));
        assert!(triggers("اجلاء").has(LossKind::Displaced));
        assert!(triggers("سيطرت").has(LossKind::Captured));
        assert!(triggers("تضرر").has(LossKind::Damaged));
        assert!(triggers("نشر") == Losses::default());
        // Freeing people is not taking them; freeing places is.
        assert_eq!(triggers("تحرير").fitting("people"), None);
        assert_eq!(
            triggers("تحرير").fitting("villages"),
            Some(LossKind::Captured)
        );
        assert_eq!(
            triggers("اعتقال").fitting("people"),
            Some(LossKind::Captured)
        );
        assert_eq!(
            triggers("اصابه").fitting("vehicles"),
            Some(LossKind::Damaged)
        );
        assert_eq!(
            triggers("اصابه").fitting("soldiers"),
            Some(LossKind::Wounded)
        );
        assert!(triggers("اجبر") == Losses::default());
    }

    #[test]
    fn qualifiers_before_the_figure() {
        assert_eq!(
            qualifier_before(&["مقتل", "ما", "لا", "يقل", "عن"]),
            Some((Qualifier::AtLeast, 4))
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
        assert_eq!(
            qualifier_before(&["ما", "يربو", "علي"]),
            Some((Qualifier::MoreThan, 3))
        );
        assert_eq!(qualifier_before(&["اقل", "من"]), Some((Qualifier::UpTo, 2)));
        assert_eq!(
            qualifier_before(&["لا", "يقل", "عن"]),
            Some((Qualifier::AtLeast, 3))
        );
    }
}
