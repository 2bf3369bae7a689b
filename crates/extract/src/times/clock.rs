//! Clock times: "الساعة التاسعة بتوقيت موسكو", "20:05 ت غ", "التاسعة صباحاً", "الساعة
//! الثامنة من مساء أمس", and "الدقيقة الخامسة" after midnight.

use super::lexicon::{cardinal_words, ordinal};
use super::parts::part_of_day;
use super::scan::{day_ref, hit, text_is, Hit};
use super::sem::{DayRef, Part, Sem};
use super::tokens::Tok;
use super::zones::{zone_at, Zone};

/// The hour of a clock time: digits, `hh:mm`, or a feminine ordinal (التاسعة).
/// Returns (hour, minute, next, clitic, strong) where `strong` says the form is a
/// time on its own (`20:05`).
fn hour_at(toks: &[Tok], i: usize) -> Option<(u32, u32, usize, usize, bool)> {
    let t = toks.get(i)?;
    if let Some((h, m, sep)) = t.clock() {
        return Some((h, m, i + 1, 0, sep == ':'));
    }
    if let Some(h) = t.int().filter(|h| *h <= 24 && t.text.len() <= 2) {
        return Some((h, 0, i + 1, 0, false));
    }
    let (h, j, c) = ordinal(toks, i, true)?;
    (h <= 12).then_some((h, 0, j, c, false))
}

/// Minutes after the hour in words: والنصف, والربع, إلا ربعاً, و10 دقائق.
fn minutes_at(toks: &[Tok], i: usize, hour: u32) -> Option<(u32, u32, usize)> {
    let t = toks.get(i)?;
    if t.text == "والنصف" {
        return Some((hour, 30, i + 1));
    }
    if t.text == "والربع" {
        return Some((hour, 15, i + 1));
    }
    if t.text == "والثلث" {
        return Some((hour, 20, i + 1));
    }
    if t.text == "الا" {
        let m = match toks.get(i + 1)?.text {
            "ربعا" | "الربع" | "ربع" => 45,
            "ثلثا" | "الثلث" | "ثلث" => 40,
            _ => return None,
        };
        return Some(((hour + 23) % 24, m, i + 2));
    }
    // و10 دقائق / و25 دقيقة / وعشر دقائق.
    let (n, j) = if t.text == "و" {
        (toks.get(i + 1)?.int()?, i + 2)
    } else {
        let (n, j, c) = cardinal_words(toks, i)?;
        (c > 0).then_some((n, j))?
    };
    (n < 60 && text_is(toks, j, &["دقيقه", "دقاءق", "دقايق"])).then_some((hour, n, j + 1))
}

/// A clock time: [day] [الساعة] hour [minutes] [صباحاً/مساءً | من صباح/مساء <day>] [zone].
pub(crate) fn clock(toks: &[Tok], i: usize) -> Option<Hit> {
    let (mut day, mut j, mut clitic, dated) = match day_ref(toks, i) {
        Some((d, j, c)) => (d, j, c, true),
        None => (DayRef::Context, i, 0, false),
    };
    let saa = toks.get(j).and_then(|t| t.word("الساعه"));
    if let Some(c) = saa {
        if !dated {
            clitic = c;
        }
        j += 1;
    }
    let (mut hour, mut minute, next, c, strong) = hour_at(toks, j)?;
    if saa.is_none() && !dated {
        clitic = c;
    }
    j = next;
    if let Some((h, m, k)) = minutes_at(toks, j, hour) {
        (hour, minute, j) = (h, m, k);
    }
    let mut marked = false;
    let t = toks.get(j);
    let pm = |h: u32| if h < 12 { h + 12 } else { h };
    if t.is_some_and(|t| t.is("صباحا") || t.is("فجرا")) {
        hour %= 12;
        (marked, j) = (true, j + 1);
    } else if t.is_some_and(|t| t.is("ظهرا")) {
        hour = if hour <= 6 { hour + 12 } else { hour };
        (marked, j) = (true, j + 1);
    } else if t.is_some_and(|t| t.is("عصرا") || t.is("مساء") || t.is("مساءا")) {
        hour = pm(hour);
        (marked, j) = (true, j + 1);
    } else if t.is_some_and(|t| t.is("ليلا")) {
        hour = if (6..12).contains(&hour) {
            hour + 12
        } else if hour == 12 {
            0
        } else {
            hour
        };
        (marked, j) = (true, j + 1);
    } else if t.is_some_and(|t| t.is("بعد")) && text_is(toks, j + 1, &["الظهر", "الظهيره"])
    {
        hour = pm(hour);
        (marked, j) = (true, j + 2);
    } else if t.is_some_and(|t| t.is("من")) {
        // السابعة من مساء أمس.
        if let Some(Hit {
            next,
            sem: Sem::Part(d, part),
            ..
        }) = part_of_day(toks, j + 1)
        {
            match part {
                Part::Afternoon | Part::Evening => hour = pm(hour),
                Part::Night if (6..12).contains(&hour) => hour += 12,
                Part::Morning => hour %= 12,
                _ => {}
            }
            if !dated {
                day = d;
            }
            (marked, j) = (true, next);
        }
    }
    let zone = match zone_at(toks, j) {
        Some((z, k)) => {
            j = k;
            z
        }
        None => Zone::Unstated,
    };
    let is_time = strong || saa.is_some() || marked || zone != Zone::Unstated;
    if !is_time || hour > 24 {
        return None;
    }
    hit(
        i,
        j,
        clitic,
        Sem::Clock {
            day,
            hour,
            minute,
            zone,
        },
    )
}

/// "في الدقيقة الخامسة" of a dawn or just after midnight: 00:05 of the day.
pub(crate) fn minute_after_midnight(toks: &[Tok], i: usize) -> Option<Hit> {
    let clitic = toks.get(i)?.word("الدقيقه")?;
    let (minute, next) = match toks.get(i + 1)?.int() {
        Some(n) => (n, i + 2),
        None => {
            let (n, j, _) = ordinal(toks, i + 1, true)?;
            (n, j)
        }
    };
    if minute >= 60 {
        return None;
    }
    let sentence = toks[i].sentence;
    let after = text_is(toks, next, &["بعد"]) && text_is(toks, next + 1, &["منتصف"]);
    let before = toks[..i]
        .iter()
        .rev()
        .take_while(|t| t.sentence == sentence)
        .any(|t| t.is("فجر") || t.is("منتصف") || t.is("الفجر"));
    let next = if after { next + 3 } else { next };
    (after || before).then_some(Hit {
        first: i,
        next,
        clitic,
        sem: Sem::Clock {
            day: DayRef::Context,
            hour: 0,
            minute,
            zone: Zone::Unstated,
        },
    })
}
