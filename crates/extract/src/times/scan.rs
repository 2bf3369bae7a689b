//! The scanner: at each token every matcher proposes an expression; the longest wins
//! (ties go to the earlier matcher) and scanning resumes after it. This module holds
//! the day-level matchers (days, dates); `parts` holds parts of day, `clock` clock
//! times, `periods` months, years, seasons and vague references, `durations` durations.

use super::lexicon::{ordinal, table_start_words, weekday, StartWords};
use super::months::gregorian_month;
use super::sem::{DayRef, Dir, Sem, YearRef};
use super::tokens::{same, Kind, Tok};
use super::{clock, durations, parts, periods};
use std::cell::Cell;
use std::sync::LazyLock;

/// One expression found: tokens `first..next`, minus `clitic` key bytes of proclitics
/// at the start.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    pub first: usize,
    pub next: usize,
    pub clitic: usize,
    pub sem: Sem,
}

pub(crate) type Matcher = fn(&[Tok], usize) -> Option<Hit>;

const MATCHERS: &[Matcher] = &[
    clock::clock,
    clock::minute_after_midnight,
    parts::part_of_day,
    day,
    periods::month,
    periods::relative_period,
    durations::ago,
    periods::year,
    periods::season,
    periods::hijri,
    durations::duration,
    periods::vague,
];

/// Words the day-level matchers can start on, besides numbers and the lexicon's tables.
const START_WORDS: &[&str] = &[
    "يوم",
    "اليوم",
    "امس",
    "البارحه",
    "اول",
    "غدا",
    "الغد",
    "بعد",
    "فجر",
    "صباح",
    "ضحي",
    "عصر",
    "ظهر",
    "مساء",
    "ليله",
    "ليل",
    "منتصف",
    "الساعات",
    "ساعات",
    "الفجر",
    "الصباح",
    "فجرا",
    "صباحا",
    "الظهر",
    "ظهرا",
    "العصر",
    "عصرا",
    "المساء",
    "مساءا",
    "الليل",
    "ليلا",
    "الليله",
    "الساعه",
    "الدقيقه",
    "ال",
];

fn start_words() -> impl Iterator<Item = &'static str> {
    START_WORDS
        .iter()
        .chain(periods::START_WORDS)
        .chain(periods::MODIFIERS)
        .chain(durations::APPROX)
        .copied()
        .chain(table_start_words())
}

/// Every word an expression can start on: a cheap gate before the matchers run.
static STARTS: LazyLock<StartWords> = LazyLock::new(|| StartWords::new(start_words()));

/// The start words with the article, without it: للعام is ل + العام with the article's alef
/// elided, and starts an expression when العام does.
static STARTS_AFTER_ARTICLE: LazyLock<StartWords> =
    LazyLock::new(|| StartWords::new(start_words().filter_map(|w| w.strip_prefix("ال"))));

fn could_start(t: &Tok) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Punct => false,
        Kind::Word => {
            t.readings().any(|(_, r)| STARTS.contains(r))
                || t.text
                    .strip_prefix("لل")
                    .is_some_and(|rest| STARTS_AFTER_ARTICLE.contains(rest))
        }
    }
}

/// Where a day is read, found once per token: the day, clock and part-of-day matchers all
/// begin by reading one at the start token. Keyed by the token slice and the index, set
/// only while `scan` runs.
type DayAt = ((usize, usize, usize), Option<(DayRef, usize, usize)>);

thread_local! {
    static DAY_AT_START: Cell<Option<DayAt>> = const { Cell::new(None) };
}

/// Every expression in `toks`, left to right, without overlaps.
pub(crate) fn scan(toks: &[Tok]) -> Vec<Hit> {
    let hits = scan_starts(toks);
    DAY_AT_START.set(None);
    hits
}

fn scan_starts(toks: &[Tok]) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !could_start(&toks[i]) {
            i += 1;
            continue;
        }
        let here = (toks.as_ptr() as usize, toks.len(), i);
        DAY_AT_START.set(Some((here, read_day_ref(toks, i))));
        let best = MATCHERS
            .iter()
            .filter_map(|m| m(toks, i))
            .filter(|h| h.next > i)
            .fold(None::<Hit>, |best, h| match best {
                Some(b) if b.next >= h.next => Some(b),
                _ => Some(h),
            });
        match best {
            Some(h) => {
                i = h.next;
                hits.push(h);
            }
            None => i += 1,
        }
    }
    hits
}

pub(crate) fn hit(first: usize, next: usize, clitic: usize, sem: Sem) -> Option<Hit> {
    Some(Hit {
        first,
        next,
        clitic,
        sem,
    })
}

pub(crate) fn text_is(toks: &[Tok], i: usize, words: &[&str]) -> bool {
    toks.get(i)
        .is_some_and(|t| words.iter().any(|w| same(w, t.text)))
}

const LAST: &[&str] = &[
    "الماضي",
    "الماضيه",
    "المنصرم",
    "المنصرمه",
    "الفاءت",
    "الفاءته",
    "السابق",
];
const NEXT: &[&str] = &["المقبل", "المقبله", "القادم", "القادمه"];

/// A day of the month: digits 1–31 (optionally behind the article: الـ 10) or a
/// masculine ordinal (التاسع), then an optional "من". Returns (day, next, clitic).
pub(crate) fn day_number(toks: &[Tok], i: usize) -> Option<(u32, usize, usize)> {
    let t = toks.get(i)?;
    let (day, mut j, clitic) = if let Some(n) = t.int().filter(|n| (1..=31).contains(n)) {
        (n, i + 1, 0)
    } else if t.text == "ال" {
        let n = toks.get(i + 1)?.int().filter(|n| (1..=31).contains(n))?;
        (n, i + 2, 0)
    } else {
        let (n, j, c) = ordinal(toks, i, false)?;
        (n <= 31).then_some((n, j, c))?
    };
    if text_is(toks, j, &["من"]) {
        j += 1;
    }
    Some((day, j, clitic))
}

/// The year part after a month: digits (2020, 2020م), "من العام نفسه", "من العام الماضي".
pub(crate) fn year_after(toks: &[Tok], i: usize) -> Option<(YearRef, usize)> {
    let t = toks.get(i)?;
    if let Some(y) = t
        .int()
        .filter(|y| (1000..=2200).contains(y) && t.text.len() == 4)
    {
        let j = if text_is(toks, i + 1, &["م", "ميلادي", "ميلاديه", "للميلاد"])
        {
            i + 2
        } else {
            i + 1
        };
        return Some((YearRef::Explicit(y as i32), j));
    }
    let mut j = i;
    if text_is(toks, j, &["من"]) {
        j += 1;
    }
    if text_is(toks, j, &["نفس"]) && text_is(toks, j + 1, &["العام", "السنه"]) {
        return Some((YearRef::Same, j + 2));
    }
    if text_is(toks, j, &["هذا", "هذه"]) && text_is(toks, j + 1, &["العام", "السنه"])
    {
        return Some((YearRef::Offset(0), j + 2));
    }
    if !text_is(toks, j, &["العام", "عام", "السنه", "سنه"]) {
        return None;
    }
    let n = toks.get(j + 1)?;
    if let Some(y) = n
        .int()
        .filter(|y| (1000..=2200).contains(y) && n.text.len() == 4)
    {
        return Some((YearRef::Explicit(y as i32), j + 2));
    }
    let w = n.text;
    let year = if matches!(w, "نفسه" | "نفسها" | "ذاته" | "ذاتها") {
        YearRef::Same
    } else if LAST.contains(&w) {
        YearRef::Offset(-1)
    } else if NEXT.contains(&w) {
        YearRef::Offset(1)
    } else if matches!(w, "الجاري" | "الحالي" | "الجاريه" | "الحاليه") {
        YearRef::Offset(0)
    } else {
        return None;
    };
    Some((year, j + 2))
}

/// A calendar date: day, month, optional year (التاسع من تشرين الثاني/نوفمبر 2020,
/// 21 أيلول/ سبتمبر, 9 نوفمبر من العام نفسه).
pub(crate) fn date(toks: &[Tok], i: usize) -> Option<(DayRef, usize, usize)> {
    let (day, j, clitic) = day_number(toks, i)?;
    let m = gregorian_month(toks, j)?;
    let (year, next) = year_after(toks, m.next).unwrap_or((YearRef::Infer, m.next));
    Some((
        DayRef::Date {
            day,
            month: m.month,
            year,
        },
        next,
        clitic,
    ))
}

/// A named day: اليوم، أمس، أول أمس، غداً، بعد غد، a weekday (with المقبل/الماضي),
/// "يوم" + weekday or date, weekday + date; optionally "اليوم/أمس" + weekday.
pub(crate) fn day_ref(toks: &[Tok], i: usize) -> Option<(DayRef, usize, usize)> {
    let here = (toks.as_ptr() as usize, toks.len(), i);
    if let Some((at, found)) = DAY_AT_START.get() {
        if at == here {
            return found;
        }
    }
    read_day_ref(toks, i)
}

fn read_day_ref(toks: &[Tok], i: usize) -> Option<(DayRef, usize, usize)> {
    let t = toks.get(i)?;
    let weekday_after = |j: usize| -> usize {
        match toks.get(j).and_then(weekday) {
            Some(_) => j + 1,
            None => j,
        }
    };
    if let Some(c) = t.word("اليوم") {
        // اليوم الأول، اليوم العالمي، اليوم التالي: a day, not today.
        let next = toks.get(i + 1);
        if next.is_some_and(|n| {
            n.kind == Kind::Word && n.text.starts_with("ال") && weekday(n).is_none()
        }) {
            return None;
        }
        // ذلك اليوم، اليوم نفسه: a day of the story, not the day of publication.
        let demonstrative = i > 0 && toks[i - 1].any(&["ذلك", "تلك", "نفس"]).is_some();
        if demonstrative || text_is(toks, i + 1, &["نفسه", "ذاته"]) {
            return None;
        }
        return Some((DayRef::Offset(0), weekday_after(i + 1), c));
    }
    if let Some(c) = t.conj_word("امس").or_else(|| t.conj_word("البارحه")) {
        let j = if text_is(toks, i + 1, &["الاول"]) {
            i + 2
        } else {
            i + 1
        };
        let back = if j == i + 2 { -2 } else { -1 };
        return Some((DayRef::Offset(back), weekday_after(j), c));
    }
    if let Some(c) = t.word("اول") {
        let j = if text_is(toks, i + 1, &["من"]) {
            i + 2
        } else {
            i + 1
        };
        return text_is(toks, j, &["امس"]).then_some((DayRef::Offset(-2), j + 1, c));
    }
    if let Some(c) = t.any(&["غدا", "الغد"]) {
        return Some((DayRef::Offset(1), weekday_after(i + 1), c));
    }
    if let Some(c) = t.word("بعد") {
        return text_is(toks, i + 1, &["غد"]).then_some((DayRef::Offset(2), i + 2, c));
    }
    let (start, clitic) = match t.word("يوم") {
        Some(c) => (i + 1, Some(c)),
        None => (i, None),
    };
    // يوم أمس، يوم غد.
    if let Some(c) = clitic {
        if text_is(toks, start, &["امس", "غد"]) {
            let offset = if toks[start].text == "امس" { -1 } else { 1 };
            return Some((DayRef::Offset(offset), weekday_after(start + 1), c));
        }
    }
    if let Some((wd, c)) = toks.get(start).and_then(weekday) {
        let clitic = clitic.unwrap_or(c);
        let mut j = start + 1;
        let dir = if text_is(toks, j, LAST) {
            j += 1;
            Dir::Before
        } else if text_is(toks, j, NEXT) {
            j += 1;
            Dir::After
        } else {
            Dir::OnOrBefore
        };
        // الثلاثاء 13 أيلول / الثلاثاء، 13 أيلول 2022: the date says which Tuesday.
        let k = if toks.get(j).is_some_and(|t| t.punct("،") || t.punct(",")) {
            j + 1
        } else {
            j
        };
        if let Some((d, next, _)) = date(toks, k) {
            return Some((d, next, clitic));
        }
        return Some((DayRef::Weekday(wd, dir), j, clitic));
    }
    let (d, next, c) = date(toks, start)?;
    Some((d, next, clitic.unwrap_or(c)))
}

fn day(toks: &[Tok], i: usize) -> Option<Hit> {
    let (d, next, clitic) = day_ref(toks, i)?;
    hit(i, next, clitic, Sem::Day(d))
}
