//! What a matched expression means, before it is resolved to a TIMEX3 value.

use super::zones::Zone;
use chrono::{NaiveDate, Weekday};

/// Which occurrence of a weekday a bare or qualified name means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// Bare weekday: news reports what happened, so the latest one on or before publication.
    OnOrBefore,
    /// المقبل / القادم.
    After,
    /// الماضي / المنصرم.
    Before,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearRef {
    Explicit(i32),
    /// Years from the publication year (العام الماضي → -1).
    Offset(i32),
    /// العام نفسه: the last year named explicitly earlier in the text.
    Same,
    /// No year: inferred from a year in the same clause, else from publication.
    Infer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayRef {
    Date {
        day: u32,
        month: u32,
        year: YearRef,
    },
    /// Days from publication (أمس → -1).
    Offset(i64),
    Weekday(Weekday, Dir),
    /// The day named elsewhere in the sentence, else publication.
    Context,
    /// Like `Context`, but with no day in the sentence a night is the one before
    /// publication: news reports the night that has just passed.
    LastNight,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Morning,
    Afternoon,
    Evening,
    Night,
    Noon,
    Midnight,
    /// منتصف ليل الاثنين: the midnight that ends the named day.
    MidnightEnding,
}

/// Which occurrence of a named month (or season) without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Which {
    Infer,
    Last,
    Next,
    This,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sem {
    Day(DayRef),
    Part(DayRef, Part),
    Clock {
        day: DayRef,
        hour: u32,
        minute: u32,
        zone: Zone,
    },
    Month {
        month: u32,
        year: YearRef,
        which: Which,
    },
    /// Months from the publication month (الشهر الماضي → -1).
    MonthOffset(i32),
    Year(YearRef),
    Season {
        season: &'static str,
        year: YearRef,
        which: Which,
    },
    /// ISO weeks from the publication week.
    WeekOffset(i64),
    Hijri {
        day: Option<u32>,
        month: u32,
        year: Option<i32>,
    },
    Duration(String),
    Ref(&'static str),
}

impl Sem {
    /// The year this expression states outright, which later "العام نفسه" refers to.
    pub fn explicit_year(&self) -> Option<i32> {
        match self {
            Sem::Year(YearRef::Explicit(y))
            | Sem::Month {
                year: YearRef::Explicit(y),
                ..
            }
            | Sem::Season {
                year: YearRef::Explicit(y),
                ..
            }
            | Sem::Day(DayRef::Date {
                year: YearRef::Explicit(y),
                ..
            })
            | Sem::Part(
                DayRef::Date {
                    year: YearRef::Explicit(y),
                    ..
                },
                _,
            )
            | Sem::Clock {
                day:
                    DayRef::Date {
                        year: YearRef::Explicit(y),
                        ..
                    },
                ..
            } => Some(*y),
            _ => None,
        }
    }

    pub fn day_ref(&self) -> Option<DayRef> {
        match self {
            Sem::Day(d) | Sem::Part(d, _) | Sem::Clock { day: d, .. } => Some(*d),
            _ => None,
        }
    }
}

/// What a value was resolved against, for `TimeExpr::anchor`.
pub(crate) fn anchor_text(sem: &Sem, published: Option<NaiveDate>) -> String {
    let needs_anchor = !matches!(
        sem,
        Sem::Duration(_)
            | Sem::Year(YearRef::Explicit(_))
            | Sem::Month {
                year: YearRef::Explicit(_),
                ..
            }
            | Sem::Season {
                year: YearRef::Explicit(_),
                ..
            }
            | Sem::Hijri { year: Some(_), .. }
    );
    let fully_dated = matches!(
        sem.day_ref(),
        Some(DayRef::Date {
            year: YearRef::Explicit(_),
            ..
        })
    );
    match published {
        Some(p) if needs_anchor && !fully_dated => format!("published {}", p.format("%Y-%m-%d")),
        _ => "absolute".to_string(),
    }
}
