//! Durations (44 يوماً، ستة أسابيع، شهر ونصف، نحو عامين، منذ عقود) and points some units
//! before publication (قبل يومين، قبل ثلاثة أسابيع).

use super::lexicon::{cardinal_words, duration_unit, Count};
use super::scan::{hit, text_is, Hit};
use super::sem::{DayRef, Sem, YearRef};
use super::tokens::{Kind, Tok};

/// A count of units: digits or number words or a dual (يومين), with "ونصف".
/// Returns (count as written in a TIMEX3 value, unit, next); `None` count = vague plural.
fn counted(toks: &[Tok], i: usize) -> Option<(Option<String>, &'static str, usize, usize)> {
    let t = toks.get(i)?;
    let (n, j, clitic) = if t.text == "ال" && toks.get(i + 1).is_some_and(|u| u.int().is_some()) {
        (toks[i + 1].int(), i + 2, 0)
    } else if let Some(n) = t.int() {
        (Some(n), i + 1, 0)
    } else if let Some((n, j, c)) = cardinal_words(toks, i) {
        (Some(n), j, c)
    } else {
        (None, i, 0)
    };
    let (unit, count, unit_clitic) = duration_unit(toks.get(j)?)?;
    if count == Count::One && n.is_none() {
        // عام 2028 is a year; شهر العسل, يوم الجمعة are construct phrases, not spans of time.
        let after = toks.get(j + 1);
        if after.is_some_and(|a| {
            a.int().is_some() || (a.kind == Kind::Word && a.text.starts_with("ال"))
        }) {
            return None;
        }
    }
    let half = text_is(toks, j + 1, &["ونصف"]);
    let next = if half { j + 2 } else { j + 1 };
    let n = match (n, count) {
        (Some(n), _) if n > 0 && n < 1000 => Some(n),
        (Some(_), _) => return None,
        (None, Count::Two) => Some(2),
        (None, Count::One) => Some(1),
        (None, Count::Plural) => None,
    };
    let clitic = if j == i { unit_clitic } else { clitic };
    let n = n.map(|n| {
        if half {
            format!("{n}.5")
        } else {
            n.to_string()
        }
    });
    Some((n, unit, next, clitic))
}

fn duration_value(n: Option<&str>, unit: &str) -> String {
    let n = n.unwrap_or("X");
    match unit {
        "H" => format!("PT{n}H"),
        "MIN" => format!("PT{n}M"),
        "S" => format!("PT{n}S"),
        u => format!("P{n}{u}"),
    }
}

/// قبل يومين، قبل ثلاثة أسابيع، قبل عام، قبل أيام: a point that far before publication
/// (unless "من" follows, which measures from an event instead).
pub(crate) fn ago(toks: &[Tok], i: usize) -> Option<Hit> {
    let clitic = toks.get(i)?.word("قبل")?;
    let (n, unit, next, _) = counted(toks, i + 1)?;
    if text_is(toks, next, &["من", "علي"]) {
        return None;
    }
    let sem = match n.as_deref().map(str::parse::<i64>) {
        None => Sem::Ref("PAST_REF"),
        Some(Ok(n)) => match unit {
            "D" => Sem::Day(DayRef::Offset(-n)),
            "W" => Sem::WeekOffset(-n),
            "M" => Sem::MonthOffset(-(n as i32)),
            "Y" => Sem::Year(YearRef::Offset(-(n as i32))),
            _ => return None,
        },
        Some(Err(_)) => return None,
    };
    hit(i, next, clitic, sem)
}

pub(crate) const APPROX: &[&str] = &["نحو", "حوالي", "قرابه", "زهاء", "حوالى"];
const TRIGGERS: &[&str] = &[
    "منذ", "لمده", "مده", "خلال", "طوال", "طيله", "بعد", "قبل", "مدي", "غضون", "ل",
];

/// Durations: 44 يوماً، ستة أسابيع، شهر ونصف، نحو عامين، منذ عقود، لسنوات، عدة أيام.
pub(crate) fn duration(toks: &[Tok], i: usize) -> Option<Hit> {
    let t = toks.get(i)?;
    let mut j = i;
    let mut clitic = None;
    if let Some(c) = t.any(APPROX) {
        (j, clitic) = (i + 1, Some(c));
    } else if t.any(&["اكثر", "اقل"]).is_some() && text_is(toks, i + 1, &["من"]) {
        (j, clitic) = (i + 2, t.any(&["اكثر", "اقل"]));
    }
    let approx = j > i;
    let mut few = false;
    if let Some(c) = toks.get(j).and_then(|u| u.any(&["عده", "بضعه", "بضع"])) {
        clitic = clitic.or(Some(c));
        few = true;
        j += 1;
    }
    // نصف ساعة، ربع ساعة، نصف قرن.
    if let Some(c) = toks.get(j).and_then(|u| u.any(&["نصف", "ربع"])) {
        let (unit, count, _) = duration_unit(toks.get(j + 1)?)?;
        if count != Count::One {
            return None;
        }
        let quarter = toks[j].is("ربع");
        let value = match (unit, quarter) {
            ("H", false) => "PT30M".to_string(),
            ("H", true) => "PT15M".to_string(),
            (u, false) => duration_value(Some("0.5"), u),
            (u, true) => duration_value(Some("0.25"), u),
        };
        return hit(i, j + 2, clitic.unwrap_or(c), Sem::Duration(value));
    }
    let (n, unit, next, c) = counted(toks, j)?;
    let clitic = clitic.unwrap_or(c);
    let unit_tok = &toks[next - 1 - usize::from(text_is(toks, next - 1, &["ونصف"]))];
    let plain_unit = next == j + 1;
    if plain_unit && !approx && !few {
        // A lone unit word is a duration only after a word that measures time.
        let prev = i
            .checked_sub(1)
            .map(|p| &toks[p])
            .filter(|p| p.clause == toks[i].clause);
        // لسنوات "for years" carries its trigger; لعقد is as often "to hold" as "for a decade".
        let plural = n.is_none();
        let triggered = prev.is_some_and(|p| p.any(TRIGGERS).is_some())
            || (plural && unit_tok.text.starts_with('ل'));
        if !triggered {
            return None;
        }
    }
    if few && n.is_some() {
        return None;
    }
    hit(
        i,
        next,
        clitic,
        Sem::Duration(duration_value(n.as_deref(), unit)),
    )
}
