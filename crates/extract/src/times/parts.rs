//! Parts of day: before the day they belong to (مساء الاثنين، فجر اليوم), after it
//! (الثلاثاء صباحاً), or standing alone (في المساء، ليلاً، منتصف الليل).

use super::lexicon::weekday;
use super::scan::{day_ref, hit, text_is, Hit};
use super::sem::{DayRef, Part, Sem};
use super::tokens::Tok;

/// Parts of day written before the day they belong to (مساء الاثنين, فجر اليوم).
fn part_head(toks: &[Tok], i: usize) -> Option<(Part, usize, usize)> {
    let t = toks.get(i)?;
    if let Some(c) = t.any(&["فجر", "صباح", "ضحي"]) {
        return Some((Part::Morning, i + 1, c));
    }
    if let Some(c) = t.any(&["عصر"]) {
        return Some((Part::Afternoon, i + 1, c));
    }
    if let Some(c) = t.word("ظهر") {
        return Some((Part::Noon, i + 1, c));
    }
    if let Some(c) = t.word("بعد") {
        return text_is(toks, i + 1, &["ظهر"]).then_some((Part::Afternoon, i + 2, c));
    }
    if let Some(c) = t.word("مساء") {
        return Some((Part::Evening, i + 1, c));
    }
    if let Some(c) = t.any(&["ليله", "ليل"]) {
        return Some((Part::Night, i + 1, c));
    }
    if let Some(c) = t.word("منتصف") {
        return text_is(toks, i + 1, &["ليل", "ليله"]).then_some((Part::Midnight, i + 2, c));
    }
    // الساعات الأولى (من صباح) اليوم.
    if let Some(c) = t.word("الساعات") {
        if text_is(toks, i + 1, &["الاولي"]) {
            let mut j = i + 2;
            if text_is(toks, j, &["من"]) {
                j += 1;
            }
            if let Some((_, k, _)) = part_head(toks, j) {
                j = k;
            }
            return Some((Part::Morning, j, c));
        }
    }
    None
}

/// Parts of day standing alone: "في المساء", "ساعات الصباح", "ليلاً", "منتصف الليل".
fn part_alone(toks: &[Tok], i: usize) -> Option<(DayRef, Part, usize, usize)> {
    let t = toks.get(i)?;
    let (start, clitic) = match t.word("ساعات") {
        Some(c) => (i + 1, Some(c)),
        None => (i, None),
    };
    let u = toks.get(start)?;
    let found = [
        (&["الفجر", "الصباح", "فجرا", "صباحا"][..], Part::Morning),
        (&["الظهر", "ظهرا"][..], Part::Noon),
        (&["العصر", "عصرا"][..], Part::Afternoon),
        (&["المساء", "مساء", "مساءا"][..], Part::Evening),
        (&["الليل", "ليلا", "الليله"][..], Part::Night),
    ]
    .iter()
    .find_map(|(words, part)| u.any(words).map(|c| (*part, c)));
    if let Some((part, c)) = found {
        let clitic = clitic.unwrap_or(c);
        // الليلة is tonight; الليل and ليلاً are the night just past unless a day is named.
        let d = if u.is("الليله") {
            DayRef::Context
        } else if part == Part::Night {
            DayRef::LastNight
        } else {
            DayRef::Context
        };
        // الظهر is also "the back": noon only after a word of time.
        let prev = i.checked_sub(1).map(|p| &toks[p]);
        let noon_context =
            prev.is_some_and(|p| p.any(&["قبل", "عند", "حتي", "منذ", "وقت", "صلاه"]).is_some());
        if u.is("الظهر") && start == i && (c != 0 || !noon_context) {
            return None;
        }
        return Some((d, part, start + 1, clitic));
    }
    if clitic.is_none() {
        if let Some(c) = t.word("منتصف") {
            if text_is(toks, i + 1, &["الليل"]) {
                return Some((DayRef::Context, Part::Midnight, i + 2, c));
            }
        }
        if let Some(c) = t.word("بعد") {
            if text_is(toks, i + 1, &["الظهر", "الظهيره"]) {
                return Some((DayRef::Context, Part::Afternoon, i + 2, c));
            }
        }
    }
    None
}

pub(crate) fn part_of_day(toks: &[Tok], i: usize) -> Option<Hit> {
    // الليلة الماضية, ليلة أمس: the night before publication.
    if let Some(c) = toks.get(i).and_then(|t| t.word("الليله")) {
        if text_is(toks, i + 1, &["الماضيه", "المنصرمه", "الفاءته", "البارحه"])
        {
            return hit(i, i + 2, c, Sem::Part(DayRef::Offset(-1), Part::Night));
        }
    }
    if let Some((part, j, clitic)) = part_head(toks, i) {
        let k = if text_is(toks, j, &["من"]) {
            j + 1
        } else {
            j
        };
        if let Some((d, mut next, _)) = day_ref(toks, k) {
            // ليل الاثنين-الثلاثاء / ليلة الاثنين إلى الثلاثاء: the night of the first day.
            if matches!(part, Part::Night | Part::Midnight) && matches!(d, DayRef::Weekday(..)) {
                let sep = toks
                    .get(next)
                    .is_some_and(|t| t.punct("-") || t.punct("/") || t.is("الي") || t.is("علي"));
                if sep && toks.get(next + 1).and_then(weekday).is_some() {
                    next += 2;
                }
            }
            // منتصف ليل الاثنين: the midnight that ends Monday.
            let part = if part == Part::Midnight {
                Part::MidnightEnding
            } else {
                part
            };
            return hit(i, next, clitic, Sem::Part(d, part));
        }
    }
    if let Some((d, part, next, clitic)) = part_alone(toks, i) {
        return hit(i, next, clitic, Sem::Part(d, part));
    }
    // الثلاثاء صباحاً / أمس مساءً.
    let (d, j, clitic) = day_ref(toks, i)?;
    let t = toks.get(j)?;
    let part = if t.any(&["صباحا", "فجرا"]).is_some() {
        Part::Morning
    } else if t.is("ظهرا") {
        Part::Noon
    } else if t.is("عصرا") {
        Part::Afternoon
    } else if t.any(&["مساء", "مساءا"]).is_some()
        && toks.get(j + 1).is_none_or(|u| weekday(u).is_none())
    {
        Part::Evening
    } else if t.is("ليلا") {
        Part::Night
    } else {
        return None;
    };
    hit(i, j + 1, clitic, Sem::Part(d, part))
}
