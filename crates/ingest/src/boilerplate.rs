//! Site furniture in Arabic news pages: the lines a scraper or a reader picks up around
//! the article text (related-article links, "follow us", comment prompts, "back to top",
//! source credits, share and newsletter prompts, copyright, breadcrumbs, tags).
//!
//! Two kinds of evidence are used:
//! - pattern families, matched on the matching key of a line (so hamza, taa marbuta and
//!   diacritic spellings all match) and only on short lines: furniture is terse, and a
//!   length limit keeps article sentences that happen to use the same words;
//! - position: a section label above the headline, headlines listed under a "related"
//!   header, a headline-shaped teaser after the last sentence, and (for HTML) lines that
//!   are mostly link text.

use std::sync::LazyLock;

use regex::Regex;

use crate::keyed::KeyedLines;

/// One line of extracted text, with what the page structure tells about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    /// Share of the line's characters that are link text (0 for plain text sources).
    pub link_density: f32,
}

impl Line {
    pub fn plain(text: impl Into<String>) -> Self {
        Line {
            text: text.into(),
            link_density: 0.0,
        }
    }
}

/// Why a line is furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// "اقرأ أيضاً", "مقالات ذات صلة" alone, as a header over a list of links.
    RelatedHeader,
    /// "اقرأ أيضا: <headline>" inline teaser.
    RelatedTeaser,
    /// A headline listed under a related header.
    RelatedTitle,
    FollowUs,
    Comments,
    BackToTop,
    Credit,
    Share,
    Newsletter,
    Copyright,
    Breadcrumb,
    Tags,
    Timestamp,
    /// A line that is mostly link text (menus, link lists) in an HTML page.
    LinkList,
    /// A one-to-three word section name above the headline ("تقدير موقف", "سياسة").
    SectionLabel,
    /// A headline after the article's last sentence: the next or a related story.
    TrailingTeaser,
}

/// The article body and the furniture taken out of it, both in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Split {
    pub body: Vec<String>,
    pub removed: Vec<String>,
}

/// Splits lines into body and furniture.
pub fn split(lines: &[Line]) -> Split {
    let marks = classify(lines);
    let mut out = Split::default();
    for (line, mark) in lines.iter().zip(marks) {
        let text = line.text.trim();
        if text.is_empty() {
            continue;
        }
        if mark.is_some() {
            out.removed.push(text.to_string());
        } else {
            out.body.push(text.to_string());
        }
    }
    out
}

/// `split` for lines the caller no longer needs: moves the text instead of copying it.
pub fn split_owned(lines: Vec<Line>) -> Split {
    split_keyed(lines).0
}

/// `split_owned`, also giving the lines' keys and the indices of the body lines, from
/// which the article id and fingerprint are made without keying the body again.
pub(crate) fn split_keyed(lines: Vec<Line>) -> (Split, KeyedLines, Vec<usize>) {
    let keyed = KeyedLines::new(&lines);
    let marks = classify_keyed(&lines, &keyed);
    let mut out = Split::default();
    let mut kept = Vec::with_capacity(lines.len());
    for (i, (line, mark)) in lines.into_iter().zip(marks).enumerate() {
        let mut text = line.text;
        let trimmed = text.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.len() != text.len() {
            text = trimmed.to_string();
        }
        if mark.is_some() {
            out.removed.push(text);
        } else {
            out.body.push(text);
            kept.push(i);
        }
    }
    (out, keyed, kept)
}

/// Marks every line that is furniture, with the reason.
pub fn classify(lines: &[Line]) -> Vec<Option<Furniture>> {
    classify_keyed(lines, &KeyedLines::new(lines))
}

fn classify_keyed(lines: &[Line], keyed: &KeyedLines) -> Vec<Option<Furniture>> {
    let shapes: Vec<Shape> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| Shape {
            words: keyed.words(i).min(KEYED_WORDS + 1),
            ends_sentence: ends_sentence(l.text.trim()),
            key: keyed.key(i),
        })
        .collect();
    let mut marks: Vec<Option<Furniture>> = lines
        .iter()
        .zip(&shapes)
        .map(|(l, s)| by_pattern(l.text.trim(), s))
        .collect();

    for (i, line) in lines.iter().enumerate() {
        if marks[i].is_none() && line.link_density >= 0.6 && shapes[i].words <= 20 {
            marks[i] = Some(Furniture::LinkList);
        }
    }

    // Headlines listed under a bare "related" header belong to it.
    let mut in_related = false;
    for i in 0..lines.len() {
        match marks[i] {
            Some(Furniture::RelatedHeader) => in_related = true,
            Some(_) => {}
            None if in_related && (is_headline(&shapes[i], 20) || lines[i].link_density >= 0.5) => {
                marks[i] = Some(Furniture::RelatedTitle);
            }
            None => in_related = false,
        }
    }

    mark_section_label(&shapes, &mut marks);
    mark_trailing_teaser(&shapes, &mut marks);
    marks
}

/// Lines longer than this are article sentences for every rule: their words are
/// counted no further and their key is not read.
const KEYED_WORDS: usize = 30;

/// What the rules need to know of a line: its length in words (up to one past
/// `KEYED_WORDS`), whether it ends a sentence, and its matching key (UTF-8 bytes: the
/// pattern set scans them as they are, and only the few lines it or the position rules
/// pick are read as text).
struct Shape<'a> {
    words: usize,
    ends_sentence: bool,
    key: &'a [u8],
}

impl Shape<'_> {
    fn key_text(&self) -> &str {
        std::str::from_utf8(self.key).unwrap_or("")
    }
}

/// Words in a line (white-space separated, with a letter or digit), counted up to one
/// past `KEYED_WORDS`. One pass over the chars: this runs on every line of every article.
fn words(text: &str) -> usize {
    let (mut n, mut in_word, mut counted) = (0, false, false);
    for c in text.chars() {
        let space = if c.is_ascii() {
            matches!(c, '\t'..='\r' | ' ')
        } else {
            // The Arabic block holds no white space: skip the general lookup.
            !('\u{0600}'..='\u{06FF}').contains(&c) && c.is_whitespace()
        };
        if space {
            in_word = false;
            continue;
        }
        if !in_word {
            (in_word, counted) = (true, false);
        }
        if !counted && crate::language::is_word_char(c) {
            counted = true;
            n += 1;
            if n > KEYED_WORDS {
                break;
            }
        }
    }
    n
}

/// Sentence-final punctuation, looking through closing quotes and brackets.
fn ends_sentence(text: &str) -> bool {
    let last = text
        .trim_end_matches(|c: char| {
            matches!(
                c,
                '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '）' | '\u{200B}'..='\u{200F}'
            ) || c.is_whitespace()
        })
        .chars()
        .last();
    matches!(
        last,
        Some('.' | '!' | '?' | '؟' | '…' | '۔' | ':' | '؛' | ';')
    )
}

/// A headline: short, no sentence-final punctuation, and made of words.
fn is_headline(shape: &Shape, max_words: usize) -> bool {
    (1..=max_words).contains(&shape.words) && !shape.ends_sentence
}

const RELATED_PATTERN: &str = r"^(?:(?:اقرا|اقراوا|اقرءوا|طالع|طالعوا|شاهد|شاهدوا)\s+(?:ايضا|كذلك|المزيد)|(?:مقالات|مقاله|اخبار|خبر|مواضيع|موضوعات|تقارير|قصص|روابط|مواد)\s+(?:ذات\s+صله|متعلقه|مشابهه|مرتبطه|ذات\s+علاقه)|ذات\s+صله|قد\s+(?:يهمك|يعجبك|تهمك|يهمكم)|الاكثر\s+(?:قراءه|مشاهده|تداولا|تعليقا)|المزيد\s+من\s+(?:الاخبار|المقالات|التقارير)|للمزيد\s*[:：|/]|(?:read|see)\s+(?:also|more)|related\s+(?:articles|stories|news))";
static RELATED: LazyLock<Regex> = LazyLock::new(|| re(RELATED_PATTERN));
const FOLLOW_PATTERN: &str = r"(?:^|\s)(?:تابعونا|تابعنا|تابعوا|تابعي|اتبعونا|follow\s+us)\s+(?:\S+\s+){0,3}?(?:علي|عبر|في|on)\s+(?:\S+\s+){0,2}?(?:ال)?(?:تويتر|توتير|فيسبوك|فيس\s?بوك|انستغرام|انستجرام|انستقرام|يوتيوب|تلغرام|تيليغرام|تليجرام|تيليجرام|تلجرام|واتساب|واتس\s?اب|قناه|قناتنا|حساب|حسابنا|حساباتنا|صفحه|صفحتنا|منصات|منصه|منصاتنا|تيك\s?توك|اكس|twitter|facebook|instagram|youtube|telegram|whatsapp|x)(?:\s|$|[.،,!])";
static FOLLOW: LazyLock<Regex> = LazyLock::new(|| re(FOLLOW_PATTERN));
const APP_PATTERN: &str = r"(?:^|\s)(?:حمل|حملوا|نزل|نزلوا)\s+(?:ال)?تطبيق|(?:^|\s)(?:اشترك|اشتركوا)\s+(?:في|ب)\s*(?:قناتنا|قناه|خدمه)";
static APP: LazyLock<Regex> = LazyLock::new(|| re(APP_PATTERN));
const COMMENTS_PATTERN: &str = r"^(?:(?:اترك|اتركي|اتركوا|اضف|اضيفي|اضيفوا|اكتب|اكتبي|شاركنا|شاركونا)\s+(?:تعليقا|تعليقك|تعليق|ردا|رايك|برايك|التعليق)|التعليقات|تعليقات|عدد\s+التعليقات|(?:لا\s+توجد|لا\s+يوجد)\s+تعليقات|كن\s+اول\s+من\s+يعلق|(?:leave|add|post)\s+a\s+(?:comment|reply)|comments?)(?:\s|$|[:(])";
static COMMENTS: LazyLock<Regex> = LazyLock::new(|| re(COMMENTS_PATTERN));
const BACK_TO_TOP_PATTERN: &str = r"(?:(?:الذهاب|العوده|الرجوع|الصعود|انتقل|اذهب|عوده|رجوع)\s+(?:الي\s+(?:ال)?اعلي|لل?اعلي)|^(?:الي\s+)?(?:ال|لل)اعلي$|back\s+to\s+top|scroll\s+to\s+top)";
static BACK_TO_TOP: LazyLock<Regex> = LazyLock::new(|| re(BACK_TO_TOP_PATTERN));
const CREDIT_PATTERN: &str = r"^(?:(?:المصدر|المصادر|مصدر\s+الخبر|نقلا\s+عن|بتصرف\s+عن|اعداد|تحرير|اعداد\s+وتحرير|ترجمه|تصوير|تنسيق|متابعه|كتابه|source|via)\s*[:：\-–—|]|وكالات$|\(\s*وكالات\s*\)$)|\+\s*وكالات$";
static CREDIT: LazyLock<Regex> = LazyLock::new(|| re(CREDIT_PATTERN));
/// "شارك"/"مشاركة" are also everyday words (take part, participation): only the bare
/// prompt, optionally followed by platform names, is furniture.
const SHARE_PATTERN: &str = r"^(?:(?:شارك|شاركوا|شاركها|انشر|انشروا)(?:\s+(?:الخبر|المقال|المقاله|الموضوع|القصه|الفيديو|هذا\s+\S+))?(?:\s+(?:عبر|علي|مع\s+اصدقائك))?|مشاركه|share|طباعه|نسخ\s+الرابط|تم\s+نسخ\s+الرابط|ارسل\s+لصديق)\s*[:：]?\s*(?:(?:ال)?(?:فيسبوك|تويتر|واتساب|تلغرام|لينكدان)\s*)*$";
static SHARE: LazyLock<Regex> = LazyLock::new(|| re(SHARE_PATTERN));
const PLATFORMS_ONLY_PATTERN: &str = r"^(?:(?:فيسبوك|فيس\s?بوك|تويتر|واتساب|واتس\s?اب|تلغرام|تيليغرام|لينكدان|انستغرام|يوتيوب|بريد\s+الكتروني|ايميل|طباعه|facebook|twitter|whatsapp|telegram|linkedin|email|print|x)[\s،,|/•·]*){2,}$";
static PLATFORMS_ONLY: LazyLock<Regex> = LazyLock::new(|| re(PLATFORMS_ONLY_PATTERN));
const NEWSLETTER_PATTERN: &str = r"النشره\s+(?:البريديه|الاخباريه)|نشرتنا|القائمه\s+البريديه|(?:^|\s)(?:اشترك|اشتركوا|سجل|سجلوا)\s+(?:الان(?:\s|$)|بريدك|ببريدك|في\s+(?:النشره|نشرتنا|القائمه))|newsletter|subscribe";
static NEWSLETTER: LazyLock<Regex> = LazyLock::new(|| re(NEWSLETTER_PATTERN));
const COPYRIGHT_PATTERN: &str = r"©|\(c\)\s*\d{4}|الحقوق\s+محفوظه|حقوق\s+(?:النشر|الطبع|الصور)(?:\s+و\S+)?\s+محفوظه|all\s+rights\s+reserved|copyright\s*(?:©|\(c\)|\d{4})";
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| re(COPYRIGHT_PATTERN));
/// Matched on the line as written: the key drops the » separators.
const BREADCRUMB_PATTERN: &str = r"^(?:الرئيسي[ةه]|الصفح[ةه]\s+الرئيسي[ةه]|home)(?:\s*[»›>/|\\]\s*[^»›>/|\\]+){1,}$|^(?:الرئيسي[ةه]|home)$";
static BREADCRUMB: LazyLock<Regex> = LazyLock::new(|| re(BREADCRUMB_PATTERN));
const TAGS_PATTERN: &str = r"^(?:الوسوم|وسوم|كلمات\s+مفتاحيه|الكلمات\s+المفتاحيه|الكلمات\s+الدالة|الكلمات\s+الداله|مواضيع|موضوعات|tags|keywords)\s*[:：]";
static TAGS: LazyLock<Regex> = LazyLock::new(|| re(TAGS_PATTERN));
const TIMESTAMP_PATTERN: &str = r"^(?:اخر\s+تحديث|تاريخ\s+النشر|تاريخ\s+التحديث|نشر\s+في|نشر\s+بتاريخ|تم\s+النشر|تحديث|updated|published)\s*[:：]";
static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| re(TIMESTAMP_PATTERN));

/// Every pattern matched on the key, in one pass: most lines match none, and one scan
/// is cheaper than one per family.
static ANY_KEYED: LazyLock<regex::bytes::RegexSet> = LazyLock::new(|| {
    regex::bytes::RegexSet::new(
        [
            RELATED_PATTERN,
            FOLLOW_PATTERN,
            APP_PATTERN,
            COMMENTS_PATTERN,
            BACK_TO_TOP_PATTERN,
            CREDIT_PATTERN,
            SHARE_PATTERN,
            PLATFORMS_ONLY_PATTERN,
            NEWSLETTER_PATTERN,
            COPYRIGHT_PATTERN,
            TAGS_PATTERN,
            TIMESTAMP_PATTERN,
        ]
        .iter()
        .map(|p| format!("(?i){p}")),
    )
    .expect("furniture patterns compile")
});

/// The key is lowercase-insensitive for the Latin furniture ("Read also", "Comments").
fn re(pattern: &str) -> Regex {
    // The patterns are constants of this module, compiled by every test run.
    Regex::new(&format!("(?i){pattern}")).expect("furniture pattern compiles")
}

/// Furniture told by the line's own words; each family has a length limit.
fn by_pattern(text: &str, shape: &Shape) -> Option<Furniture> {
    let n = shape.words;
    if n == 0 || n > 30 {
        return None;
    }
    if n <= 14 && BREADCRUMB.is_match(text) {
        return Some(Furniture::Breadcrumb);
    }
    if !ANY_KEYED.is_match(shape.key) {
        return None;
    }
    let key = shape.key_text();
    if let Some(m) = RELATED.find(key) {
        // Bare header vs. "اقرأ أيضا: <headline>" teaser; a long line is a sentence.
        let rest = &key[m.end()..];
        let content = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        let separated = rest[..rest.len() - content.len()].contains([':', '-', '|', '–', '—']);
        return if words(content) == 0 {
            Some(Furniture::RelatedHeader)
        } else if n <= 25 && (separated || !ends_sentence(key)) {
            Some(Furniture::RelatedTeaser)
        } else {
            None
        };
    }
    let checks: [(usize, &Regex, Furniture); 11] = [
        (30, &FOLLOW, Furniture::FollowUs),
        (20, &APP, Furniture::FollowUs),
        (8, &COMMENTS, Furniture::Comments),
        (6, &BACK_TO_TOP, Furniture::BackToTop),
        (10, &CREDIT, Furniture::Credit),
        (8, &SHARE, Furniture::Share),
        (12, &PLATFORMS_ONLY, Furniture::Share),
        (25, &NEWSLETTER, Furniture::Newsletter),
        (20, &COPYRIGHT, Furniture::Copyright),
        (25, &TAGS, Furniture::Tags),
        (12, &TIMESTAMP, Furniture::Timestamp),
    ];
    checks
        .iter()
        .find(|(max, rx, _)| n <= *max && rx.is_match(key))
        .map(|(_, _, f)| *f)
}

/// A section name over the headline: the first line, one to three words, no sentence
/// punctuation or digits, directly followed by a headline-shaped line.
fn mark_section_label(keys: &[Shape], marks: &mut [Option<Furniture>]) {
    let Some(first) = (0..keys.len()).find(|&i| marks[i].is_none()) else {
        return;
    };
    let Some(next) = (first + 1..keys.len()).find(|&i| marks[i].is_none()) else {
        return;
    };
    let k = &keys[first];
    let label = k.words <= 3
        && !k
            .key_text()
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '.' | '،' | ',' | ':' | '؟' | '?' | '!'));
    if label && is_headline(&keys[next], 25) && keys[next].words > k.words {
        marks[first] = Some(Furniture::SectionLabel);
    }
}

/// A headline after the last sentence of a site that ends its paragraphs with
/// punctuation is a teaser for another story, not part of this one.
fn mark_trailing_teaser(keys: &[Shape], marks: &mut [Option<Furniture>]) {
    let kept: Vec<usize> = (0..keys.len()).filter(|&i| marks[i].is_none()).collect();
    let [.., before, last] = kept[..] else {
        return;
    };
    if kept.len() < 5
        || !is_headline(&keys[last], 15)
        || keys[last].words < 3
        || continues_text(keys[last].key_text())
    {
        return;
    }
    if !keys[before].ends_sentence {
        return;
    }
    let paragraphs: Vec<&Shape> = kept
        .iter()
        .map(|&i| &keys[i])
        .filter(|k| k.words >= 12)
        .collect();
    let punctuated = paragraphs.iter().filter(|k| k.ends_sentence).count();
    if paragraphs.len() >= 3 && punctuated * 5 >= paragraphs.len() * 4 {
        marks[last] = Some(Furniture::TrailingTeaser);
    }
}

/// A line that reads as the tail of the text rather than a headline: it ends with a
/// comma or opens with the conjunction و on a verb or particle ("وكان", "وتمنع", "وقد"),
/// as sentences do and headlines do not.
fn continues_text(key: &str) -> bool {
    if key.ends_with(['،', ',', '؛', ';']) || key.starts_with("هذا و") {
        return true;
    }
    let first = key.split(' ').next().unwrap_or("");
    let Some(rest) = first.strip_prefix('و') else {
        return false;
    };
    const PARTICLES: [&str; 16] = [
        "كان", "كانت", "قد", "ما", "لا", "لم", "لن", "في", "من", "علي", "هو", "هي", "هذا", "هذه",
        "بعد", "كما",
    ];
    rest.starts_with(['ا', 'ي', 'ت', 'ن', 'س']) || PARTICLES.contains(&rest)
}

#[cfg(test)]
#[path = "boilerplate_tests.rs"]
mod tests;
