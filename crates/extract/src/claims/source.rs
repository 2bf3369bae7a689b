//! Who is speaking: frames of reported speech (قالت وزارة الدفاع ... إن، حسبما أعلنت يريفان،
//! وأضافت أن ...) and the party each one names, carried from sentence to sentence.
//!
//! Families:
//! - speech verbs before the report, in the persons news uses: saying and announcing (قال،
//!   أعلن، صرّح، أفاد، ذكر)، stressing and explaining (أكد، شدد، أوضح، أشار، لفت، نوّه)،
//!   reporting and revealing (نقل، أورد، كشف، أبلغ)، admitting and denying (اعترف، أقر، نفى،
//!   ادعى، زعم)، estimating and counting (قدّر، رجّح، وثّق، أحصى، سجّل)، warning (حذّر)،
//!   accusing (اتهم); continuation verbs (أضاف، تابع) whose subject is left out continue the
//!   last speaker;
//! - participles that continue a speaker's words without naming them (مشيرا، مؤكدا، مضيفا،
//!   موضحا، لافتا، مشددا، معتبرا، متهما، معلنا، منوّها، محذّرا);
//! - attributions after the report (حسب، بحسب، حسبما، وفق، وفقا لـ، طبقا لـ، نقلا عن), with
//!   a name or with the speaker's own words (وفق قوله، بحسب تعبيره);
//! - headlines `Party: report`;
//! - anaphors that point back to a body or speaker named before (الوزارة، الوكالة، الحكومة،
//!   السلطات، المتحدث، المصدر)، titles that head a speaker in construct (رئيس، وزير، مصدر،
//!   متحدث) and adverbs that may stand between verb and subject (أمس، مساء، رسميا).

use super::context::Party;
use super::doc::{stems, Doc, Sep};
use super::words::Lexicon;
use marsad_text::key;
use std::sync::LazyLock;

/// A place where the text says who speaks.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    pub tok: usize,
    pub sentence: usize,
    /// An attribution after what it attributes (حسبما أعلنت يريفان، وفق الوكالة).
    pub postposed: bool,
    /// A headline of the form `أرمينيا: 32 قتيلاً`.
    pub headline: bool,
    /// The speaker is not named here: the words continue someone quoted before.
    pub continued: bool,
    pub speaker: Option<Party>,
}

/// Kinds of speech words, as bits.
const SAYS: u8 = 1;
const CONTINUES: u8 = 2;
const ATTRIBUTES: u8 = 4;

/// Speech words: verbs of saying, reporting, estimating and accusing (an accusation is said by
/// its subject), in the persons news uses; participles that continue a speaker's words without
/// naming them (مشيرةً إلى أن); attributions placed after the report (حسبما، وفق، نقلا عن).
static SPEECH: LazyLock<Lexicon<u8>> = LazyLock::new(|| {
    Lexicon::new(
        [
            ("(قال|اعلن|اكد|افاد|ذكر|اوضح|اشار|اضاف|صرح|لفت|تابع|شدد|نقل|اعترف|اقر|كشف|ابلغ|اورد|اتهم|زعم|نفي|ادعي|رجح|قدر|وثق|احصي|سجل|حذر|نوه)(ت|وا|ا)?|(ي|ت)(قول|علن|ءكد|فيد|وضح|شير|ضيف|تهم|نفي|قدر)|نفت|ادعت|احصت", SAYS),
            ("(مشير|مءكد|مضيف|موضح|لافت|مشدد|معتبر|متهم|معلن|منوه|محذر)(ا|ه)", CONTINUES),
            ("حسب|بحسب|حسبما|وفق|وفقا|طبقا|نقلا", ATTRIBUTES),
        ],
        |a, b| a | b,
    )
});

/// The speech classes of a word, read with and without a leading و/ف.
fn speech(w: &str) -> u8 {
    let bare = w
        .strip_prefix('و')
        .or_else(|| w.strip_prefix('ف'))
        .filter(|r| r.chars().nth(1).is_some());
    let own = SPEECH.get(w).unwrap_or(0);
    own | bare.and_then(|b| SPEECH.get(b)).unwrap_or(0)
}

/// Words that end the search for a subject: the complement of the verb begins.
const STOPS: [&str; 10] = [
    "ان",
    "انه",
    "انها",
    "انهم",
    "بان",
    "بانه",
    "بانها",
    "الي",
    "عن",
    "علي",
];

/// A definite noun that points back to a body named before (الوزارة → وزارة الدفاع ...).
const ANAPHORS: [&str; 14] = [
    "الوزاره",
    "الوكاله",
    "الحكومه",
    "السلطات",
    "الرءاسه",
    "المنظمه",
    "الهيءه",
    "البعثه",
    "الشرطه",
    "اللجنه",
    "المصدر",
    "المتحدث",
    "المسءول",
    "الناطق",
];
const PERSONAL: [&str; 4] = ["المصدر", "المتحدث", "المسءول", "الناطق"];

/// Nouns that head a speaker's title in construct (رئيس الوزراء، وزير الخارجية، مصدر في ...).
const TITLES: [&str; 21] = [
    "رءيس",
    "وزير",
    "وزيره",
    "ناءب",
    "مستشار",
    "مسءول",
    "مصدر",
    "مصادر",
    "متحدث",
    "قاءد",
    "امين",
    "امينه",
    "سفير",
    "مندوب",
    "مدير",
    "ممثل",
    "زعيم",
    "مراسل",
    "عضو",
    "قياده",
    "مكتب",
];

/// Adverbs that may stand between a verb of saying and its subject (أعلنت أمس الوزارة،
/// قالت رسميا الحكومة).
const ADVERBS: [&str; 10] = [
    "امس",
    "مساء",
    "صباح",
    "فجر",
    "ليله",
    "ظهر",
    "يوم",
    "مجددا",
    "ايضا",
    "رسميا",
];

/// Words that refer to the speaker just quoted (وفق قوله، بحسب تعبيره).
const HIS_WORDS: [&str; 6] = ["قوله", "قولها", "قولهم", "تعبيره", "تعبيرها", "وصفه"];

/// All speech frames of the document, in order, each with its speaker resolved.
pub(crate) fn frames(doc: &Doc) -> Vec<Frame> {
    let mut out: Vec<Frame> = Vec::new();
    let mut last: Option<Party> = None;
    for (s, r) in doc.sents.iter().enumerate() {
        let first_in_sentence = out.len();
        if let Some(f) = headline(doc, r.clone(), s) {
            last = f.speaker.clone();
            out.push(f);
        }
        for i in r.clone() {
            let class = speech(doc.word(i));
            if class == 0 {
                continue;
            }
            let (postposed, participle) = (class & ATTRIBUTES != 0, class & CONTINUES != 0);
            let mut speaker = None;
            if postposed {
                let mut j = i + 1;
                while j < r.end
                    && j <= i + 2
                    && (matches!(doc.word(j), "ما" | "عن") || speech(doc.word(j)) & SAYS != 0)
                {
                    j += 1;
                }
                if j < r.end && HIS_WORDS.contains(&doc.word(j)) {
                    speaker = last.clone();
                } else {
                    speaker = subject(doc, j.saturating_sub(1), r.end, &last);
                }
                if speaker.is_none() {
                    continue;
                }
            } else if !participle {
                let from = reported_from(doc, i, r.end).unwrap_or(i);
                speaker = subject(doc, from, r.end, &last);
            }
            let continued = speaker.is_none();
            if speaker.is_none() {
                speaker = out[first_in_sentence..]
                    .iter()
                    .rev()
                    .find_map(|f| f.speaker.clone())
                    .or_else(|| {
                        (i > r.start + 1)
                            .then(|| party_before(doc, i, r.start))
                            .flatten()
                    })
                    .or_else(|| last.clone());
            }
            if speaker.is_some() {
                last = speaker.clone();
            }
            out.push(Frame {
                tok: i,
                sentence: s,
                postposed,
                headline: false,
                continued,
                speaker,
            });
        }
    }
    out
}

/// `نقل X عن Y قوله`: the words are Y's.
fn reported_from(doc: &Doc, i: usize, end: usize) -> Option<usize> {
    let w = doc.stems(i);
    if !w.iter().any(|s| s.starts_with("نقل")) {
        return None;
    }
    (i + 1..end.min(i + 9)).find(|&j| doc.word(j) == "عن")
}

/// `أرمينيا: 32 قتيلاً و200 جريح` — a party, a colon, the report.
fn headline(doc: &Doc, r: std::ops::Range<usize>, s: usize) -> Option<Frame> {
    let (party, last) = doc.party_at(r.start, r.start)?;
    let next = doc.toks.get(last + 1).filter(|_| last + 1 < r.end)?;
    (next.sep == Sep::Colon).then_some(Frame {
        tok: r.start,
        sentence: s,
        postposed: false,
        headline: true,
        continued: false,
        speaker: Some(party),
    })
}

/// The subject after a verb at `i`: a party within a few words, before the complement.
fn subject(doc: &Doc, i: usize, end: usize, last: &Option<Party>) -> Option<Party> {
    let mut fillers = 0;
    for j in i + 1..end {
        let t = &doc.toks[j];
        if t.sep >= Sep::Colon && j > i + 1 {
            break;
        }
        let w = doc.word(j);
        if let Some(p) = anaphor(doc, j, last) {
            return Some(p);
        }
        if let Some(m) = doc.mention_at(j) {
            if !doc.is_place_after_fi(j, m) {
                return doc.party_at(j, i + 1).map(|p| p.0);
            }
        } else if let Some((p, _)) = doc.party_at(j, i + 1).filter(|_| j > i + 1) {
            return Some(p);
        }
        if STOPS.contains(&w) {
            return None;
        }
        // An indefinite word right after the verb begins its object: the subject is left
        // out (وأكد تقهقر القوات ...), so the words are the last speaker's.
        let ss = stems(w);
        if j == i + 1
            && !ss
                .iter()
                .any(|s| s.starts_with("ال") || TITLES.contains(s) || ADVERBS.contains(s))
            && !w.starts_with("ال")
        {
            return None;
        }
        fillers += 1;
        if fillers > 3 {
            return None;
        }
    }
    None
}

/// A definite noun at `j` that names a body mentioned earlier, or the last speaker.
fn anaphor(doc: &Doc, j: usize, last: &Option<Party>) -> Option<Party> {
    let w = doc.word(j);
    let head = stems(w).into_iter().find(|s| ANAPHORS.contains(s))?;
    // A definite noun followed by its own qualifier is a new name, not a pointer back.
    if doc.mention_at(j).is_some()
        || doc
            .toks
            .get(j + 1)
            .is_some_and(|_| doc.demonym(j + 1).is_some() || doc.word(j + 1) == "باسم")
    {
        return None;
    }
    if PERSONAL.contains(&head) {
        if let Some(p) = last {
            return Some(p.clone());
        }
    } else {
        let bare = &head["ال".len()..];
        let before = doc.toks[j].span.start;
        let found = doc
            .cx
            .mentions
            .iter()
            .rev()
            .filter(|m| m.span.end <= before)
            .find(|m| key(&m.text).contains(bare));
        if let Some(m) = found {
            return Some(super::context::Party::of_mention(doc.cx, m));
        }
    }
    let span = doc.toks[j].span;
    Some(Party {
        entity: None,
        label: doc.cx.body[span.start..span.end].to_string(),
        span,
        side: None,
    })
}

/// The nearest party before word `i` in its sentence (`بثت وزارة ... صورا قالت إنها`).
fn party_before(doc: &Doc, i: usize, lo: usize) -> Option<Party> {
    (lo..i).rev().take(10).find_map(|j| {
        let m = doc.mention_at(j);
        if m.is_some_and(|m| doc.is_place_after_fi(j, m)) {
            return None;
        }
        doc.party_at(j, lo).map(|p| p.0)
    })
}
