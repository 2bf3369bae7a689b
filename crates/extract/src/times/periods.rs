//! Matchers for periods longer than a day (months, weeks, years, seasons, Hijri
//! months), "N units ago", durations and vague references.

use super::durations::APPROX;
use super::months::{gregorian_month, hijri_month};
use super::scan::{day_number, day_ref, hit, text_is, year_after, Hit};
use super::sem::{Sem, Which, YearRef};
use super::tokens::{Kind, Tok};

const LAST: &[&str] = &[
    "الماضي",
    "الماضيه",
    "المنصرم",
    "المنصرمه",
    "الفاءت",
    "الفاءته",
];
const NEXT: &[&str] = &["المقبل", "المقبله", "القادم", "القادمه"];
const THIS: &[&str] = &["الجاري", "الجاريه", "الحالي", "الحاليه"];

/// Words that place an expression inside a period (مطلع أيلول, نهاية العام); they
/// belong to the expression's span but do not change its value.
pub(crate) const MODIFIERS: &[&str] = &[
    "مطلع",
    "بدايه",
    "اوائل",
    "اواسط",
    "منتصف",
    "اواخر",
    "نهايه",
    "اخر",
    "مستهل",
    "اوخر",
    "اول",
];

/// Words after which a bare month name or bare number is a time (في أيلول, منذ 2020).
const TIME_PREPOSITIONS: &[&str] = &[
    "في",
    "منذ",
    "حتي",
    "خلال",
    "قبل",
    "بعد",
    "بحلول",
    "طوال",
    "الي",
    "من",
];

/// Words these matchers can start on, besides numbers and the lexicon's tables.
pub(crate) const START_WORDS: &[&str] = &[
    "شهر",
    "هذا",
    "هذه",
    "الاسبوع",
    "الشهر",
    "العام",
    "السنه",
    "عام",
    "سنه",
    "قبل",
    "خريف",
    "ربيع",
    "صيف",
    "شتاء",
    "الخريف",
    "الربيع",
    "الصيف",
    "الشتاء",
    "اكثر",
    "اقل",
    "عده",
    "بضعه",
    "بضع",
    "نصف",
    "ربع",
    "حاليا",
    "مءخرا",
    "سابقا",
    "لاحقا",
    "قريبا",
    "مستقبلا",
    "الان",
    "الوقت",
    "الماضي",
    "المستقبل",
    "وقت",
    "ال",
];

fn which(toks: &[Tok], i: usize) -> Option<Which> {
    let t = toks.get(i)?;
    if LAST.contains(&t.text) {
        Some(Which::Last)
    } else if NEXT.contains(&t.text) {
        Some(Which::Next)
    } else if THIS.contains(&t.text) {
        Some(Which::This)
    } else {
        None
    }
}

/// An optional modifier at `i`: (index after it, its proclitic length).
fn modifier(toks: &[Tok], i: usize) -> (usize, Option<usize>) {
    match toks.get(i).and_then(|t| t.any(MODIFIERS)) {
        Some(c) => (i + 1, Some(c)),
        None => (i, None),
    }
}

/// A month without a day: [modifier] [شهر] month (year | الماضي | المقبل | الجاري).
pub(crate) fn month(toks: &[Tok], i: usize) -> Option<Hit> {
    let (mut j, modifier_clitic) = modifier(toks, i);
    // "أول" alone before a month is its first day, not a modifier.
    if modifier_clitic.is_some() && toks[i].is("اول") {
        return None;
    }
    let mut clitic = modifier_clitic;
    let shahr = toks.get(j).and_then(|t| t.word("شهر"));
    if let Some(c) = shahr {
        clitic = clitic.or(Some(c));
        j += 1;
    }
    let m = gregorian_month(toks, j)?;
    let clitic = clitic.unwrap_or(m.clitic);
    if let Some((year, next)) = year_after(toks, m.next) {
        return hit(
            i,
            next,
            clitic,
            Sem::Month {
                month: m.month,
                year,
                which: Which::Infer,
            },
        );
    }
    if let Some(w) = which(toks, m.next) {
        return hit(
            i,
            m.next + 1,
            clitic,
            Sem::Month {
                month: m.month,
                year: YearRef::Infer,
                which: w,
            },
        );
    }
    let after_preposition = i > 0 && toks[i - 1].any(TIME_PREPOSITIONS).is_some() && m.clitic == 0;
    let introduced =
        modifier_clitic.is_some() || shahr.is_some() || after_preposition || m.clitic > 0;
    (introduced && !m.ambiguous).then_some(Hit {
        first: i,
        next: m.next,
        clitic,
        sem: Sem::Month {
            month: m.month,
            year: YearRef::Infer,
            which: Which::Infer,
        },
    })
}

/// الأسبوع الماضي، الشهر المقبل، العام الجاري، هذا العام، العام قبل الماضي، العام نفسه.
pub(crate) fn relative_period(toks: &[Tok], i: usize) -> Option<Hit> {
    let (mut j, modifier_clitic) = modifier(toks, i);
    let mut clitic = modifier_clitic;
    let mut offset = None;
    if let Some(c) = toks.get(j).and_then(|t| t.any(&["هذا", "هذه"])) {
        clitic = clitic.or(Some(c));
        offset = Some(0);
        j += 1;
    }
    let t = toks.get(j)?;
    let (unit, c) = [
        ("W", "الاسبوع"),
        ("M", "الشهر"),
        ("Y", "العام"),
        ("Y", "السنه"),
    ]
    .iter()
    .find_map(|&(u, w)| t.word(w).map(|c| (u, c)))?;
    let clitic = clitic.unwrap_or(c);
    let mut next = j + 1;
    let offset = match offset {
        Some(o) => o,
        None if unit == "Y" && text_is(toks, j + 1, &["نفسه", "ذاته"]) => {
            return hit(i, j + 2, clitic, Sem::Year(YearRef::Same));
        }
        None if text_is(toks, j + 1, &["قبل"]) && text_is(toks, j + 2, LAST) => {
            next = j + 3;
            -2
        }
        None => {
            next = j + 2;
            match which(toks, j + 1)? {
                Which::Last => -1,
                Which::Next => 1,
                _ => 0,
            }
        }
    };
    let sem = match unit {
        "W" => Sem::WeekOffset(offset),
        "M" => Sem::MonthOffset(offset as i32),
        _ => Sem::Year(YearRef::Offset(offset as i32)),
    };
    hit(i, next, clitic, sem)
}

/// Years: عام 2020، العام 2020، سنة 2020، and a bare 2020 where it cannot be a count.
pub(crate) fn year(toks: &[Tok], i: usize) -> Option<Hit> {
    let (j, modifier_clitic) = modifier(toks, i);
    let t = toks.get(j)?;
    if let Some(c) = t.any(&["عام", "العام", "سنه", "السنه"]) {
        let n = toks.get(j + 1)?;
        let y = n
            .int()
            .filter(|y| (1000..=2200).contains(y) && n.text.len() == 4)?;
        let next = if text_is(toks, j + 2, &["م", "ميلادي", "للميلاد"]) {
            j + 3
        } else {
            j + 2
        };
        return hit(
            i,
            next,
            modifier_clitic.unwrap_or(c),
            Sem::Year(YearRef::Explicit(y as i32)),
        );
    }
    let y = t
        .int()
        .filter(|y| (1900..=2100).contains(y) && t.text.len() == 4)?;
    let prev = j.checked_sub(1).map(|p| &toks[p]);
    // نحو 1960 جندياً: a count, not a year.
    if prev.is_some_and(|p| {
        p.kind == Kind::Num || p.any(APPROX).is_some() || p.any(&["اصل", "ال"]).is_some()
    }) {
        return None;
    }
    // أكثر من 2000: a count.
    if prev.is_some_and(|p| p.is("من")) && j >= 2 && toks[j - 2].any(&["اكثر", "اقل"]).is_some()
    {
        return None;
    }
    let next = toks.get(j + 1);
    let next_ok = match next {
        None => true,
        Some(n) if n.kind == Kind::Punct => !matches!(n.text, "%" | "٪"),
        Some(n) if n.kind == Kind::Num => false,
        Some(n) => {
            n.text.starts_with("ال")
                || [
                    "م",
                    "في",
                    "علي",
                    "من",
                    "الي",
                    "عن",
                    "حتي",
                    "بعد",
                    "قبل",
                    "منذ",
                    "حين",
                    "عندما",
                    "حيث",
                    "بين",
                    "ثم",
                    "لكن",
                ]
                .contains(&n.text)
        }
    };
    let next = if next.is_some_and(|n| n.text == "م") {
        j + 2
    } else {
        j + 1
    };
    next_ok.then(|| Hit {
        first: i,
        next,
        clitic: modifier_clitic.unwrap_or(0),
        sem: Sem::Year(YearRef::Explicit(y as i32)),
    })
}

/// (season, season with the article, code): the definite forms are written out so the
/// matcher, which runs on every number and start word, allocates nothing.
const SEASONS: &[(&str, &str, &str)] = &[
    ("خريف", "الخريف", "FA"),
    ("ربيع", "الربيع", "SP"),
    ("صيف", "الصيف", "SU"),
    ("شتاء", "الشتاء", "WI"),
];

/// خريف 2020، صيف العام الماضي، الشتاء الماضي، هذا الصيف.
pub(crate) fn season(toks: &[Tok], i: usize) -> Option<Hit> {
    let (mut j, mut clitic) = modifier(toks, i);
    let mut this = false;
    if let Some(c) = toks.get(j).and_then(|t| t.word("هذا")) {
        clitic = clitic.or(Some(c));
        this = true;
        j += 1;
    }
    let t = toks.get(j)?;
    for &(word, definite, code) in SEASONS {
        if let Some(c) = t.word(word) {
            let (year, next) = year_after(toks, j + 1)?;
            return hit(
                i,
                next,
                clitic.unwrap_or(c),
                Sem::Season {
                    season: code,
                    year,
                    which: Which::Infer,
                },
            );
        }
        if let Some(c) = t.word(definite) {
            let w = if this {
                Which::This
            } else {
                which(toks, j + 1)?
            };
            let next = if this { j + 1 } else { j + 2 };
            return hit(
                i,
                next,
                clitic.unwrap_or(c),
                Sem::Season {
                    season: code,
                    year: YearRef::Infer,
                    which: w,
                },
            );
        }
    }
    None
}

/// Hijri dates and months: 15 رمضان 1444 هـ، الأول من شوال، شهر رمضان.
pub(crate) fn hijri(toks: &[Tok], i: usize) -> Option<Hit> {
    let (day, mut j, mut clitic) = match day_number(toks, i) {
        Some((d, j, c)) => (Some(d), j, Some(c)),
        None => (None, i, None),
    };
    let shahr = day.is_none() && toks.get(j).and_then(|t| t.word("شهر")).is_some();
    if shahr {
        clitic = toks[j].word("شهر");
        j += 1;
    }
    let m = hijri_month(toks, j)?;
    let mut next = m.next;
    let mut year = None;
    if let Some(y) = toks
        .get(next)
        .and_then(|t| t.int())
        .filter(|y| (1300..=1600).contains(y))
    {
        year = Some(y as i32);
        next += 1;
        if text_is(toks, next, &["ه", "هجري", "هجريه", "للهجره", "الهجري"]) {
            next += 1;
        }
    }
    if day.is_none() && year.is_none() && !shahr {
        return None;
    }
    hit(
        i,
        next,
        clitic.unwrap_or(m.clitic),
        Sem::Hijri {
            day,
            month: m.month,
            year,
        },
    )
}

/// Vague references: حالياً، الآن، مؤخراً، سابقاً، لاحقاً، في وقت لاحق، في وقت سابق اليوم.
pub(crate) fn vague(toks: &[Tok], i: usize) -> Option<Hit> {
    let t = toks.get(i)?;
    for (w, r) in [
        ("حاليا", "PRESENT_REF"),
        ("مءخرا", "PAST_REF"),
        ("سابقا", "PAST_REF"),
        ("لاحقا", "FUTURE_REF"),
        ("قريبا", "FUTURE_REF"),
        ("مستقبلا", "FUTURE_REF"),
    ] {
        if let Some(c) = t.word(w) {
            return hit(i, i + 1, c, Sem::Ref(r));
        }
    }
    // الآن shares its key with the name آلان: only after حتى/إلى/من or before punctuation.
    if let Some(c) = t.word("الان") {
        let after_particle = i > 0 && toks[i - 1].any(&["حتي", "الي", "من", "منذ"]).is_some();
        let before_punct = toks.get(i + 1).is_none_or(|n| n.kind == Kind::Punct);
        return (after_particle || before_punct).then(|| Hit {
            first: i,
            next: i + 1,
            clitic: c,
            sem: Sem::Ref("PRESENT_REF"),
        });
    }
    if let Some(c) = t.word("الوقت") {
        return text_is(toks, i + 1, &["الحالي", "الراهن"]).then(|| Hit {
            first: i,
            next: i + 2,
            clitic: c,
            sem: Sem::Ref("PRESENT_REF"),
        });
    }
    if let Some(c) = t.any(&["الماضي", "المستقبل"]) {
        let after_fi = i > 0 && toks[i - 1].is("في") && c == 0;
        let r = if t.is("الماضي") {
            "PAST_REF"
        } else {
            "FUTURE_REF"
        };
        return after_fi.then(|| Hit {
            first: i,
            next: i + 1,
            clitic: c,
            sem: Sem::Ref(r),
        });
    }
    let c = t.word("وقت")?;
    let r = match toks.get(i + 1)?.text {
        "سابق" => "PAST_REF",
        "لاحق" => "FUTURE_REF",
        _ => return None,
    };
    // في وقت سابق اليوم / في وقت لاحق من يوم الثلاثاء: that day.
    let k = if text_is(toks, i + 2, &["من"]) {
        i + 3
    } else {
        i + 2
    };
    if let Some((d, next, _)) = day_ref(toks, k) {
        return hit(i, next, c, Sem::Day(d));
    }
    hit(i, i + 2, c, Sem::Ref(r))
}
