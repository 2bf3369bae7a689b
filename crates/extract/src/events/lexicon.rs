//! PLOVER 2021 trigger families for Arabic news, on matching keys, matched on a word after
//! its proclitics are taken off, with an optional word required just before or after it or a
//! cue word required a few words after it.
//!
//! Families, most specific first:
//! - RETREAT: ceasefire (وقف إطلاق النار/القتال/الأعمال العدائية، هدنة، تهدئة), suspending an
//!   operation (علّق/أوقف عمليته)، withdrawal (انسحاب، سحب)، disarming (إلقاء/تسليم السلاح);
//! - THREATEN: ultimatums (مهلة، إنذار، أمهل) and threats (هدد، توعد);
//! - ACCUSE: concern after أعرب عن (قلق، استياء)، accusing, condemning, denouncing, criticising
//!   (اتهم، ندد، أدان، شجب، استنكر، انتقد)، laying the blame (حمّل المسؤولية);
//! - REJECT: denying and refusing (نفى، رفض);
//! - DEMAND: asking for help (طلب المساعدة/الدعم/التدخل)، formal requests (طلب رسمي، طلب من)،
//!   calls and appeals (دعا، طالب، حث، ناشد)، insisting on a need (أكد/شدد على ضرورة);
//! - AGREE: offers to mediate or host (استعداد للوساطة/لتنظيم/لاستضافة)، agreeing and pledging
//!   (اتفق، وافق، تعهد);
//! - CONSULT: calls (اتصال هاتفي/مع)، video meetings (قمة/اجتماع عبر الفيديو، افتراضية)،
//!   meetings and talks (التقى، اجتماع، قمة، محادثات، مباحثات، مشاورات، بحث مع، استقبل، تحدث
//!   مع/إلى or with a dual subject وزيرا/رئيسا)، visits (زيارة، زار);
//! - PROTEST: demonstrations (تظاهر، احتجاج، اعتصام)، marches when organised or qualified
//!   (تنظيم مسيرة، مسيرة احتجاجية) — مسيرة alone is as often a drone;
//! - MOBILIZE (حشد، تعبئة، استنفار، استدعاء الاحتياط)، SANCTION (عقوبات، قطع العلاقات)، AID
//!   (مساعدات، إغاثة)، SUPPORT (دعم، تأييد);
//! - COERCE: sieges and blockades (حصار، إغلاق المعابر/الطرق/الحدود، تعطيل/عرقلة الحركة أو
//!   الإمدادات)، arrests (اعتقال)، bans (حظر);
//! - ASSAULT: shelling, attacks, raids, strikes, clashes, battles, incursions (قصف، هجوم، شن،
//!   استهداف، غارة، اشتباكات، معارك، قتال، مواجهات، اقتحام، توغل، كمين، اغتيال)، opening fire
//!   (فتح/أطلق ... النار/الرصاص/صواريخ)، military operations and hostilities (عملية عسكرية،
//!   الأعمال القتالية/العدائية)، armed responses (ردّ بشدة/عسكريا). A word of stopping or
//!   ending before it (وقف، إنهاء، منع) makes it the object of a call, not an assault.

use crate::claims::doc::{stems, Doc};
use crate::claims::words::{Lexicon, WordSet};
use std::sync::LazyLock;

pub(crate) struct Trigger {
    pub kind: &'static str,
    pub mode: Option<&'static str>,
    word: &'static str,
    prev: Option<WordSet>,
    next: Option<WordSet>,
    unless_next: Option<WordSet>,
    /// A cue word within this many words after the trigger.
    near: Option<(WordSet, usize)>,
    /// A cue word within this many words before the trigger.
    after: Option<(WordSet, usize)>,
}

fn t(kind: &'static str, mode: Option<&'static str>, word: &'static str) -> Trigger {
    Trigger {
        kind,
        mode,
        word,
        prev: None,
        next: None,
        unless_next: None,
        near: None,
        after: None,
    }
}

impl Trigger {
    fn prev(mut self, p: &str) -> Self {
        self.prev = Some(WordSet::new(p));
        self
    }
    fn next(mut self, p: &str) -> Self {
        self.next = Some(WordSet::new(p));
        self
    }
    fn unless_next(mut self, p: &str) -> Self {
        self.unless_next = Some(WordSet::new(p));
        self
    }
    fn near(mut self, p: &str, window: usize) -> Self {
        self.near = Some((WordSet::new(p), window));
        self
    }
    fn after(mut self, p: &str, window: usize) -> Self {
        self.after = Some((WordSet::new(p), window));
        self
    }
}

/// Most specific first: the first family that matches a word codes it.
pub(crate) static TRIGGERS: LazyLock<Vec<Trigger>> = LazyLock::new(|| {
    vec![
        t("RETREAT", Some("ceasefire"), "وقف").next("اطلاق|لاطلاق|النار|القتال|الاعمال"),
        t("RETREAT", Some("ceasefire"), "هدنه|تهدءه"),
        t("RETREAT", Some("suspend"), "علق|علقت|تعليق|اوقف|اوقفت|يعلق").near("عمليه|عمليتها|عمليته|عملياتها|عملياته|عمليات|هجومها|هجومه|هجوم", 4),
        t("RETREAT", Some("withdraw"), "انسحاب|انسحاب(ها|ه|هم)|انسحب(ت|وا)?|(ي|ت)نسحب|سحب|سحبت"),
        t("RETREAT", Some("disarm"), "القاء|تسليم|نزع|سلمت|سلموا|تسلم").near("اسلحتهم|اسلحتها|اسلحته|سلاح|سلاحها|سلاحهم|اسلحه", 4),
        t("THREATEN", Some("ultimatum"), "مهله|انذار|انذارا|امهل|امهلت"),
        t("THREATEN", None, "هدد|هددت|يهدد|تهدد|تهديد|تهديدات|توعد|توعدت|يتوعد"),
        t("ACCUSE", Some("disapprove"), "قلق(ه|ها|هم|ا)?|استياء(ه|ها|هم)?").prev("عن"),
        t("ACCUSE", None, "اتهم|اتهمت|يتهم|تتهم|اتهموا|اتهام|اتهامات|ندد|نددت|يندد|تندد|ادان|ادانت|يدين|تدين|ادانه|شجب|شجبت|يشجب|استنكر|استنكرت|يستنكر|تستنكر|استنكار|انتقد|انتقدت|ينتقد"),
        t("ACCUSE", None, "حمل|حملت|يحمل|تحمل|حملا").near("المسءوليه|مسءوليه", 5),
        t("REJECT", None, "نفي|نفت|ينفي|تنفي|رفض|رفضت|يرفض|ترفض|رفضه|رفضها"),
        t("DEMAND", Some("aid"), "طلب|طلبت|يطلب|تطلب").near("المساعده|مساعده|الدعم|دعم|التدخل|النجده|الحمايه", 3),
        t("DEMAND", None, "طلب|طلبت|يطلب|تطلب").next("رسمي|رسميا|من"),
        t("DEMAND", None, "دعا|دعت|يدعو|تدعو|ندعو|دعوا|طالب|طالبت|يطالب|تطالب|نطالب|حث|حثت|يحث|تحث|نحث|ناشد|ناشدت|يناشد|تناشد|ستناشد|مطالبه"),
        t("DEMAND", None, "ضروره").after("اكد|اكدت|اكدا|اكدوا|شدد|شددت|شددا|يءكد|تءكد|يشدد|تشدد", 8),
        t("AGREE", Some("mediate"), "استعداد(ها|ه|هم)?").next("لتنظيم|للوساطه|لاستضافه|للتوسط|لرعايه|لاحتضان"),
        t("AGREE", None, "اتفق|اتفقا|اتفقت|اتفقوا|وافق|وافقت|يوافق|توافق|وافقا|تعهد|تعهدت|تعهدا|استعداد(ها|ه|هم)?"),
        t("CONSULT", Some("phone"), "اتصال|اتصالا|اتصالات|مكالمه|اتصالاتهما").next("هاتفي|هاتفيا|مع|بين|هاتفيه"),
        t("CONSULT", Some("video"), "قمه|اجتماع|اجتماعا|لقاء|محادثات").near("فيديو|الفيديو|افتراضي(ه|ا)?|المرءي|المتلفز", 8),
        t("CONSULT", Some("meet"), "التقي|التقت|التقيا|التقوا|لقاء|اجتماع|اجتماعا|اجتمع|اجتمعت|اجتمعا|قمه|محادثات|مباحثات|مشاورات|مشاوراتهما|بحثا|بحثوا|استقبل|استقبلت|تحدثا|تحدثوا"),
        t("CONSULT", Some("meet"), "بحث|بحثت|يبحث|تبحث").unless_next("عن"),
        t("CONSULT", Some("meet"), "تحدث|تحدثت").next("مع|الي|هاتفيا|وزيرا|رءيسا|زعيما|قاءدا|ممثلا"),
        t("CONSULT", Some("visit"), "زياره|زار|زارت|يزور|تزور"),
        t("PROTEST", Some("demonstrate"), "تظاهر|تظاهرت|تظاهره|تظاهرات|مظاهره|مظاهرات|احتجاج|احتجاجات|احتج|احتجت|اعتصام"),
        t("PROTEST", Some("demonstrate"), "مسيره|مسيرات").prev("تنظيم|نظم|نظمت|خرج|خرجوا|خرجت|شارك|شاركوا"),
        t("PROTEST", Some("demonstrate"), "مسيره|مسيرات").next("احتجاجيه|حاشده|سلميه|تضامنيه|شعبيه|جماهيريه|غاضبه"),
        t("MOBILIZE", None, "حشد|حشدت|يحشد|تعبءه|استنفار"),
        t("MOBILIZE", None, "استدعاء|استدعي|استدعت").next("الاحتياط|جنود|الاحتياطي|قوات"),
        t("SANCTION", None, "عقوبات"),
        t("SANCTION", None, "قطع|قطعت|يقطع").near("العلاقات|علاقاتها|علاقاته", 4),
        t("AID", None, "مساعدات|اغاثه"),
        t("SUPPORT", None, "دعم|تدعم|يدعم|دعمها|ايد|ايدت|يءيد|تءيد|تاييد"),
        t("COERCE", None, "حصار|حاصر|حاصرت|يحاصر|تحاصر|اعتقل|اعتقلت|اعتقال|حظر"),
        t("COERCE", None, "اغلاق|اغلقت|اغلق").near("معبر|المعبر|معابر|المعابر|طريق|الطريق|الطرق|ممر|الممر|الحدود|المجال|الموانء|ميناء", 4),
        t("COERCE", None, "تعطيل|عرقله|عطلت|عرقلت").near("حركه|الملاحه|المرور|الامدادات|الامداد|وصول|دخول", 4),
        t("ASSAULT", None, "قصف|قصفت|قصفه|يقصف|تقصف|قصفا|قصفها|هجوم|هجوما|هجمات|هاجم|هاجمت|مهاجمه|شن|شنت|يشن|تشن|شنوا|استهدف|استهدفت|استهداف|يستهدف|اشتباك|اشتباكات|معارك|معركه|غاره|غارات|قتال|اقتتال|مواجهات|اقتحم|اقتحام|توغل|قذاءف|كمين|اغتيال|اغتال|اغتالت"),
        t("ASSAULT", None, "فتح|فتحت|فتحوا|اطلق|اطلقت|اطلقوا|يطلق|تطلق").near("النار|نيران|نيرانا|رصاص|الرصاص|صواريخ|صاروخا|قذاءف|قذيفه", 5),
        t("ASSAULT", None, "اعمال").next("القتاليه|قتاليه|عداءيه|العداءيه|العسكريه"),
        t("ASSAULT", None, "عمليه|عمليات").next("عسكريه|العسكريه"),
        t("ASSAULT", None, "رد|ردت|ردوا").next("بشده|عسكريا|بقوه|بالمثل|بالنيران|بالقصف"),
    ]
});

/// Each trigger word with the families it may open, as bits in `TRIGGERS` order.
static TRIGGER_WORDS: LazyLock<Lexicon<u64>> = LazyLock::new(|| {
    Lexicon::new(
        TRIGGERS
            .iter()
            .enumerate()
            .map(|(i, tr)| (tr.word, 1u64 << i)),
        |a, b| a | b,
    )
});

/// The trigger families (bits in `TRIGGERS` order) any of a word's readings may open.
pub(crate) fn trigger_families(readings: &[&str]) -> u64 {
    readings
        .iter()
        .filter_map(|s| TRIGGER_WORDS.get(s))
        .fold(0u64, |a, b| a | b)
}

/// Words of stopping or ending: an assault named after them is what someone calls to stop.
static ENDING: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new("وقف|انهاء|انتهاء|منع|تجنب|نبذ|انهت|ينهي"));

/// After these, مسيرة is a drone, not a march.
const NOT_AFTER: [&str; 2] = ["طاءرات", "طاءره"];

/// The first trigger family that codes word `i`, and whether the word is a masdar after ب/ل
/// (باستهداف، للقصف) or with a possessor (دعمها), whose agent stands before it.
pub(crate) fn trigger_at(doc: &Doc, i: usize, end: usize) -> Option<(&'static Trigger, bool)> {
    let mask = doc.toks[i].triggers;
    if mask == 0 {
        return None;
    }
    let ss = doc.stems(i);
    let word_at = |j: usize| (j < end).then(|| doc.word(j));
    let prev = if i > 0 { doc.word(i - 1) } else { "" };
    let in_set = |set: &WordSet, w: Option<&str>| w.is_some_and(|w| set.any(stems(w)));
    for (k, tr) in TRIGGERS.iter().enumerate() {
        if mask & (1 << k) == 0 {
            continue;
        }
        if tr.next.as_ref().is_some_and(|p| !in_set(p, word_at(i + 1))) {
            continue;
        }
        if tr
            .unless_next
            .as_ref()
            .is_some_and(|p| in_set(p, word_at(i + 1)))
        {
            continue;
        }
        if tr.prev.as_ref().is_some_and(|p| !p.any(stems(prev))) {
            continue;
        }
        if let Some((cue, window)) = &tr.near {
            if !(i + 1..end.min(i + 1 + window)).any(|j| cue.any(doc.stems(j))) {
                continue;
            }
        }
        if let Some((cue, window)) = &tr.after {
            let same = |j: &usize| doc.toks[*j].sentence == doc.toks[i].sentence;
            if !(i.saturating_sub(*window)..i)
                .filter(same)
                .any(|j| cue.any(doc.stems(j)))
            {
                continue;
            }
        }
        if tr.kind == "PROTEST" && NOT_AFTER.iter().any(|n| stems(prev).contains(n)) {
            return None;
        }
        if tr.kind == "ASSAULT" && ENDING.any(stems(prev)) {
            return None;
        }
        let w = doc.word(i);
        let w = w
            .strip_prefix('و')
            .or_else(|| w.strip_prefix('ف'))
            .unwrap_or(w);
        let own = TRIGGER_WORDS.get(w).is_some_and(|m| m & (1 << k) != 0);
        // A noun with its possessor attached (دعمها، انسحابهم) has its agent before it too.
        let possessed = ss.iter().any(|s| {
            ["ها", "هم", "هما"].iter().any(|p| {
                s.strip_suffix(p)
                    .and_then(|b| TRIGGER_WORDS.get(b))
                    .is_some_and(|m| m & (1 << k) != 0)
            })
        });
        let nominal = ((w.starts_with('ب') || w.starts_with('ل')) && !own) || possessed;
        return Some((tr, nominal));
    }
    None
}

/// Nouns of accusation inside reported speech: the speaker accuses (عدوان، استفزاز، خرق،
/// انتهاك، اعتداء، تخريب، أعمال هجومية/عدائية، تشويه وتضليل، جريمة، مجزرة).
pub(crate) static ACCUSATION: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new("عدوان(ها|ه)?|استفزاز(ا|ي|يا|يه|ات|اتها|اته)?|انتهاك(ا|ات)?|خرق(ا)?|اعتداء(ات)?|تخريبيه|تخريب|هجوميه|عداءيه|تشويه|تشوه|يشوه|تضليل|افتراء|جريمه|جراءم|مجزره|مجازر")
});

/// Weapons that give an assault its mode.
pub(crate) fn assault_mode(words: &[&str]) -> Option<&'static str> {
    let any = |set: &[&str]| {
        words
            .iter()
            .any(|w| stems(w).iter().any(|s| set.contains(s)))
    };
    if any(&[
        "مدفعيه",
        "مدفعي",
        "المدفعي",
        "صواريخ",
        "صاروخ",
        "صاروخيه",
        "هاون",
        "قذاءف",
        "الثقيل",
        "دبابات",
        "راجمات",
    ]) {
        Some("heavy-weapons")
    } else if any(&[
        "غاره",
        "غارات",
        "جوي",
        "جويه",
        "مسيرات",
        "مسيره",
        "طاءرات",
        "مروحيات",
    ]) {
        Some("aerial")
    } else if any(&["رصاص", "الخفيفه", "قناص", "قناصه", "ناريه"]) {
        Some("firearms")
    } else {
        None
    }
}
