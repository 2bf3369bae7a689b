//! PLOVER 2021 trigger families for Arabic news, on matching keys, matched on a word after
//! its proclitics are taken off, with an optional word required before or after it.

use crate::claims::doc::{stems, Doc};
use regex::Regex;
use std::sync::LazyLock;

pub(crate) struct Trigger {
    pub kind: &'static str,
    pub mode: Option<&'static str>,
    word: Regex,
    prev: Option<Regex>,
    next: Option<Regex>,
    next2: Option<Regex>,
}

fn re(p: &str) -> Regex {
    Regex::new(&format!("^(?:{p})$")).unwrap_or_else(|e| panic!("trigger pattern: {e}"))
}

fn t(kind: &'static str, mode: Option<&'static str>, word: &str) -> Trigger {
    Trigger {
        kind,
        mode,
        word: re(word),
        prev: None,
        next: None,
        next2: None,
    }
}

impl Trigger {
    fn prev(mut self, p: &str) -> Self {
        self.prev = Some(re(p));
        self
    }
    fn next(mut self, p: &str) -> Self {
        self.next = Some(re(p));
        self
    }
    fn next2(mut self, p: &str) -> Self {
        self.next2 = Some(re(p));
        self
    }
}

/// Most specific first: the first family that matches a word codes it.
pub(crate) static TRIGGERS: LazyLock<Vec<Trigger>> = LazyLock::new(|| {
    vec![
        t("RETREAT", Some("ceasefire"), "وقف").next("اطلاق|لاطلاق|النار|القتال|الاعمال"),
        t("RETREAT", Some("ceasefire"), "هدنه|الهدنه|هدنه"),
        t("RETREAT", Some("suspend"), "علق|علقت|تعليق|اوقف|اوقفت|يعلق").next("عمليه|عمليتها|عمليته|عملياتها|عمليات|العمليه|العمليات|هجومها|هجومه|الهجوم"),
        t("RETREAT", Some("withdraw"), "انسحاب|انسحبت|انسحب|سحب|سحبت|انسحابها"),
        t("RETREAT", Some("disarm"), "القاء|تسليم|نزع|سلمت|سلموا|تسلم").next("اسلحتهم|اسلحتها|اسلحته|السلاح|سلاحها|سلاحهم|الاسلحه|اسلحه"),
        t("THREATEN", Some("ultimatum"), "فقط").next("في|اذا").next2("حال|حاله"),
        t("THREATEN", Some("ultimatum"), "مهله|انذار|انذارا"),
        t("THREATEN", None, "هدد|هددت|يهدد|تهدد|تهديد|تهديدات|توعد|توعدت|يتوعد"),
        t("ACCUSE", Some("disapprove"), "قلقه|قلقها|قلقهم|قلق|القلق|قلقا|استياءه|استياءها").prev("عن"),
        t("ACCUSE", None, "اتهم|اتهمت|يتهم|تتهم|اتهموا|اتهام|اتهامات|الاتهامات|ندد|نددت|يندد|تندد|ادان|ادانت|يدين|تدين|ادانه|شجب|شجبت|يشجب|انتقد|انتقدت|ينتقد"),
        t("ACCUSE", None, "حمل|حملت|يحمل|تحمل|حملا").next("المسءوليه|مسءوليه"),
        t("REJECT", None, "نفي|نفت|ينفي|تنفي|رفض|رفضت|يرفض|ترفض|رفضه|رفضها"),
        t("DEMAND", Some("aid"), "طلب|طلبت|بطلب|يطلب|تطلب").next("المساعده|مساعده|الدعم|دعم|التدخل|رسمي|رسميا"),
        t("DEMAND", None, "دعا|دعت|يدعو|تدعو|ندعو|دعوا|طالب|طالبت|يطالب|تطالب|نطالب|حث|حثت|يحث|تحث|نحث|ناشد|ناشدت|يناشد|تناشد|ستناشد|مطالبه"),
        t("DEMAND", None, "ضروره").prev("اكد|اكدت|اكدا|اكدوا|شدد|شددت|شددا|يءكد|تءكد"),
        t("AGREE", Some("mediate"), "استعداد|استعدادها|استعداده|استعدادهم").next("لتنظيم|للوساطه|لاستضافه|للتوسط"),
        t("AGREE", None, "اتفق|اتفقا|اتفقت|اتفقوا|وافق|وافقت|يوافق|توافق|وافقا|تعهد|تعهدت|تعهدا|استعداد|استعدادها|استعداده"),
        t("CONSULT", Some("phone"), "اتصال|اتصالا|اتصالات|مكالمه|اتصالاتهما").next("هاتفي|هاتفيا|مع|بين|هاتفيه"),
        t("CONSULT", Some("video"), "قمه|اجتماع|اجتماعا").next("[^ ]+").next2("عبر|بتقنيه|افتراضيه|الافتراضيه|المرءي"),
        t("CONSULT", Some("meet"), "التقي|التقت|التقيا|لقاء|اجتماع|اجتماعا|اجتمع|اجتمعت|اجتمعا|قمه|محادثات|مباحثات|مشاورات|مشاوراتهما|بحث|بحثا|بحثت|يبحث|تحدث|تحدثا|استقبل|استقبلت"),
        t("CONSULT", Some("visit"), "زياره|زار|زارت|يزور|تزور"),
        t("PROTEST", Some("demonstrate"), "تظاهر|تظاهرت|تظاهره|تظاهرات|مظاهره|مظاهرات|احتجاج|احتجاجات|احتج|احتجت|اعتصام|مسيره|مسيرات"),
        t("MOBILIZE", None, "حشد|حشدت|يحشد|تعبءه|استنفار|التعبءه"),
        t("SANCTION", None, "عقوبات|العقوبات"),
        t("SANCTION", None, "قطع|قطعت|يقطع").next("العلاقات|علاقاتها|علاقاته"),
        t("AID", None, "مساعدات|المساعدات|اغاثه|الاغاثه"),
        t("SUPPORT", None, "دعم|تدعم|يدعم|دعمها|ايد|ايدت|يءيد|تءيد|تاييد"),
        t("COERCE", None, "حصار|الحصار|حاصر|حاصرت|تعطيل|اغلاق|اعتقل|اعتقلت|اعتقال|حظر"),
        t("ASSAULT", None, "قصف|قصفت|قصفه|يقصف|تقصف|قصفا|قصفها|هجوم|هجوما|هجمات|هاجم|هاجمت|مهاجمه|شن|شنت|يشن|تشن|شنوا|استهدف|استهدفت|استهداف|يستهدف|اشتباك|اشتباكات|الاشتباكات|معارك|معركه|غاره|غارات|قتال|اقتتال|مواجهات|اقتحم|اقتحام|توغل|قذاءف|نيران|نيرانا"),
        t("ASSAULT", None, "اعمال|الاعمال").next("القتاليه|قتاليه|عداءيه|العداءيه|العسكريه"),
        t("ASSAULT", None, "عمليه|عمليات|العمليه").next("عسكريه|العسكريه"),
        t("ASSAULT", None, "رد|ردت|الرد|ردوا").next("بشده|علي"),
    ]
});

/// After these, مسيرة is a drone, not a march.
const NOT_AFTER: [&str; 4] = ["طاءرات", "طاءره", "الطاءرات", "الطاءره"];

/// The first trigger family that codes word `i`.
pub(crate) fn trigger_at(doc: &Doc, i: usize, end: usize) -> Option<(&'static Trigger, bool)> {
    let ss = stems(doc.word(i));
    let word_next = |k: usize| (i + k < end).then(|| doc.word(i + k));
    for tr in TRIGGERS.iter() {
        if !ss.iter().any(|s| tr.word.is_match(s)) {
            continue;
        }
        if let Some(p) = &tr.next {
            match word_next(1) {
                Some(w) if stems(w).iter().any(|s| p.is_match(s)) => {}
                None if p.is_match("") => {}
                _ => continue,
            }
        }
        if let Some(p) = &tr.next2 {
            if !word_next(2).is_some_and(|w| stems(w).iter().any(|s| p.is_match(s))) {
                continue;
            }
        }
        if let Some(p) = &tr.prev {
            let prev = if i > 0 { doc.word(i - 1) } else { "" };
            if !stems(prev).iter().any(|s| p.is_match(s)) {
                continue;
            }
        }
        if tr.kind == "PROTEST"
            && i > 0
            && NOT_AFTER.iter().any(|n| stems(doc.word(i - 1)).contains(n))
        {
            return None;
        }
        // A masdar after ب/ل (باستهداف، بمهاجمة): its agent stands before it.
        let w = doc.word(i);
        let w = w
            .strip_prefix('و')
            .or_else(|| w.strip_prefix('ف'))
            .unwrap_or(w);
        let nominal = (w.starts_with('ب') || w.starts_with('ل')) && !tr.word.is_match(w);
        return Some((tr, nominal));
    }
    None
}

/// Nouns of accusation inside reported speech: the speaker accuses (عدوان، استفزاز، خرق).
pub(crate) static ACCUSATION: LazyLock<Regex> = LazyLock::new(|| {
    re("عدوان|العدوان|عدوانها|عدوانه|استفزاز|استفزازا|استفزازي|استفزازيا|استفزازيه|استفزازات|استفزازاتها|انتهاك|انتهاكا|انتهاكات|خرق|خرقا|اعتداء|اعتداءات|تخريبيه|تخريب|الهجوميه|تشوه|يشوه")
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
