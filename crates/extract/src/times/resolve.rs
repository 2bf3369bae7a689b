//! What a matched expression means (`Sem`) and how it becomes a TIMEX3 value against
//! the publication date, the sentence's day and the years named earlier in the text.

use super::sem::{DayRef, Dir, Part, Sem, Which, YearRef};
use super::zones::clock_value;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// Context a value is resolved in.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Ctx {
    pub published: Option<NaiveDate>,
    /// The last year named explicitly before this expression in the text.
    pub last_year: Option<i32>,
    /// A year named explicitly earlier in the same clause.
    pub clause_year: Option<i32>,
    /// The day of the sentence (for `DayRef::Context`), if another expression names one.
    pub sentence_day: Option<NaiveDate>,
    /// The sentence speaks of the future (سوف, المقبل, من المقرر ...).
    pub future: bool,
}

/// How far after publication a date without a year may fall and still be this year's:
/// announcements name the coming days without a year.
const NEAR_FUTURE_DAYS: i64 = 31;

impl Ctx {
    fn year(&self, y: YearRef) -> Option<i32> {
        match y {
            YearRef::Explicit(y) => Some(y),
            YearRef::Offset(d) => Some(self.published?.year() + d),
            YearRef::Same => self.last_year.or(Some(self.published?.year())),
            YearRef::Infer => self.clause_year.or(Some(self.published?.year())),
        }
    }

    pub fn day(&self, d: DayRef) -> Option<NaiveDate> {
        let published = self.published;
        match d {
            DayRef::Date {
                day,
                month,
                year: YearRef::Infer,
            } if self.clause_year.is_none() => {
                let p = published?;
                let this = NaiveDate::from_ymd_opt(p.year(), month, day);
                let ahead = this.map(|t| (t - p).num_days());
                match ahead {
                    Some(n) if n <= 0 => this,
                    Some(n) if n <= NEAR_FUTURE_DAYS || self.future => this,
                    _ => NaiveDate::from_ymd_opt(p.year() - 1, month, day),
                }
                .or_else(|| {
                    // 29 February of a year that has none, or a date ahead with no future
                    // marker: the previous occurrence.
                    NaiveDate::from_ymd_opt(p.year() - 1, month, day)
                })
            }
            DayRef::Date { day, month, year } => {
                NaiveDate::from_ymd_opt(self.year(year)?, month, day)
            }
            DayRef::Offset(n) => shift_days(published?, n),
            DayRef::Weekday(wd, Dir::OnOrBefore) if self.future => {
                // A bare weekday in a sentence about what is to come: the next one.
                let p = published?;
                Some(if p.weekday() == wd {
                    p
                } else {
                    weekday_date(p, wd, Dir::After)
                })
            }
            DayRef::Weekday(wd, dir) => Some(weekday_date(published?, wd, dir)),
            DayRef::Context => self.sentence_day.or(published),
            DayRef::LastNight => self.sentence_day.or_else(|| shift_days(published?, -1)),
        }
    }

    /// The TIMEX3 value of `sem`, or `None` when it needs an anchor that is missing.
    pub fn value(&self, sem: &Sem) -> Option<String> {
        Some(match sem {
            Sem::Day(d) => self.day(*d)?.format("%Y-%m-%d").to_string(),
            Sem::Part(d, part) => {
                let date = self.day(*d)?;
                let date = if *part == Part::MidnightEnding {
                    date.succ_opt()?
                } else {
                    date
                };
                let suffix = match part {
                    Part::Morning => "TMO",
                    Part::Afternoon => "TAF",
                    Part::Evening => "TEV",
                    Part::Night => "TNI",
                    Part::Noon => "T12:00",
                    Part::Midnight | Part::MidnightEnding => "T00:00",
                };
                format!("{}{suffix}", date.format("%Y-%m-%d"))
            }
            Sem::Clock {
                day,
                hour,
                minute,
                zone,
            } => {
                let date = self.day(*day)?;
                let (date, hour) = if *hour == 24 {
                    (shift_days(date, 1)?, 0)
                } else {
                    (date, *hour)
                };
                clock_value(date.and_hms_opt(hour, *minute, 0)?, *zone)
            }
            Sem::Month { month, year, which } => {
                let (y, m) = match (year, which) {
                    (YearRef::Infer, w) if self.clause_year.is_none() || *w != Which::Infer => {
                        self.month_occurrence(*month, *w)?
                    }
                    _ => (self.year(*year)?, *month),
                };
                format!("{y:04}-{m:02}")
            }
            Sem::MonthOffset(n) => {
                let p = self.published?;
                let first = p.with_day(1)?;
                let d = if *n >= 0 {
                    first.checked_add_months(Months::new(n.unsigned_abs()))?
                } else {
                    first.checked_sub_months(Months::new(n.unsigned_abs()))?
                };
                d.format("%Y-%m").to_string()
            }
            Sem::Year(y) => format!("{:04}", self.year(*y)?),
            Sem::Season {
                season,
                year,
                which,
            } => {
                let y = match (year, which) {
                    (YearRef::Infer, w) => self.season_year(season, *w)?,
                    _ => self.year(*year)?,
                };
                format!("{y:04}-{season}")
            }
            Sem::WeekOffset(n) => {
                let d = shift_days(self.published?, n * 7)?;
                let w = d.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Sem::Hijri { day, month, year } => self.hijri(*day, *month, *year)?,
            Sem::Duration(v) => v.clone(),
            Sem::Ref(r) => (*r).to_string(),
        })
    }

    /// The (year, month) of a named month without a year.
    fn month_occurrence(&self, month: u32, which: Which) -> Option<(i32, u32)> {
        let p = self.published?;
        let (py, pm) = (p.year(), p.month());
        let year = match which {
            Which::This => py,
            Which::Last => {
                if month < pm {
                    py
                } else {
                    py - 1
                }
            }
            Which::Next => {
                if month > pm {
                    py
                } else {
                    py + 1
                }
            }
            Which::Infer if self.future => {
                if month >= pm {
                    py
                } else {
                    py + 1
                }
            }
            Which::Infer => {
                if month <= pm {
                    py
                } else {
                    py - 1
                }
            }
        };
        Some((year, month))
    }

    /// The year of a season without one. Seasons start in March, June, September and
    /// December; "winter 2020" starts in December 2020.
    fn season_year(&self, season: &str, which: Which) -> Option<i32> {
        let p = self.published?;
        let start = match season {
            "SP" => 3,
            "SU" => 6,
            "FA" => 9,
            _ => 12,
        };
        // The season's latest start on or before publication.
        let mut y = p.year();
        if NaiveDate::from_ymd_opt(y, start, 1)? > p {
            y -= 1;
        }
        let current = NaiveDate::from_ymd_opt(y, start, 1)?.checked_add_months(Months::new(3))? > p;
        Some(match which {
            Which::Last if current => y - 1,
            Which::Next => y + 1,
            _ => y,
        })
    }

    /// Hijri dates as Gregorian values (Umm al-Qura calendar): a full date becomes its
    /// Gregorian day; a month becomes the Gregorian month holding its 15th day.
    /// Without a year, the occurrence nearest to publication.
    fn hijri(&self, day: Option<u32>, month: u32, year: Option<i32>) -> Option<String> {
        let to_greg = |y: i32, d: u32| -> Option<NaiveDate> {
            let h = hijri_date::HijriDate::from_hijri(
                usize::try_from(y).ok()?,
                month as usize,
                d as usize,
            )
            .ok()?;
            NaiveDate::from_ymd_opt(
                i32::try_from(h.year_gr()).ok()?,
                h.month_gr() as u32,
                h.day_gr() as u32,
            )
        };
        let year = match year {
            Some(y) => y,
            None => {
                let p = self.published?;
                let ph = hijri_date::HijriDate::from_gr(
                    p.year() as usize,
                    p.month() as usize,
                    p.day() as usize,
                )
                .ok()?;
                let hy = i32::try_from(ph.year()).ok()?;
                (hy - 1..=hy + 1)
                    .filter_map(|y| Some((y, to_greg(y, 15)?)))
                    .min_by_key(|(_, g)| (*g - p).num_days().abs())?
                    .0
            }
        };
        Some(match day {
            Some(d) => to_greg(year, d)?.format("%Y-%m-%d").to_string(),
            None => to_greg(year, 15)?.format("%Y-%m").to_string(),
        })
    }
}

fn shift_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn weekday_date(published: NaiveDate, wd: Weekday, dir: Dir) -> NaiveDate {
    let back = (7 + published.weekday().num_days_from_monday() as i64
        - wd.num_days_from_monday() as i64)
        % 7;
    let fwd = (7 - back) % 7;
    let n = match dir {
        Dir::OnOrBefore => -back,
        Dir::Before => -(if back == 0 { 7 } else { back }),
        Dir::After => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
    };
    shift_days(published, n).unwrap_or(published)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(p: &str) -> Ctx {
        Ctx {
            published: NaiveDate::parse_from_str(p, "%Y-%m-%d").ok(),
            ..Ctx::default()
        }
    }

    #[test]
    fn weekdays_resolve_around_publication() {
        let c = ctx("2022-09-13"); // a Tuesday
        assert_eq!(
            c.value(&Sem::Day(DayRef::Weekday(Weekday::Tue, Dir::OnOrBefore)))
                .as_deref(),
            Some("2022-09-13")
        );
        assert_eq!(
            c.value(&Sem::Day(DayRef::Weekday(Weekday::Sun, Dir::OnOrBefore)))
                .as_deref(),
            Some("2022-09-11")
        );
        assert_eq!(
            c.value(&Sem::Day(DayRef::Weekday(Weekday::Tue, Dir::After)))
                .as_deref(),
            Some("2022-09-20")
        );
        assert_eq!(
            c.value(&Sem::Day(DayRef::Weekday(Weekday::Thu, Dir::Before)))
                .as_deref(),
            Some("2022-09-08")
        );
    }

    #[test]
    fn dates_without_year_take_the_latest_past_or_a_near_future_one() {
        let c = ctx("2023-09-20");
        let date = |day, month| {
            Sem::Day(DayRef::Date {
                day,
                month,
                year: YearRef::Infer,
            })
        };
        assert_eq!(c.value(&date(21, 9)).as_deref(), Some("2023-09-21"));
        assert_eq!(c.value(&date(3, 2)).as_deref(), Some("2023-02-03"));
        assert_eq!(c.value(&date(15, 12)).as_deref(), Some("2022-12-15"));
        let future = Ctx { future: true, ..c };
        assert_eq!(future.value(&date(15, 12)).as_deref(), Some("2023-12-15"));
    }

    #[test]
    fn months_seasons_and_weeks_relative_to_publication() {
        let c = ctx("2023-09-20");
        let month = |month, which| Sem::Month {
            month,
            year: YearRef::Infer,
            which,
        };
        assert_eq!(c.value(&month(7, Which::Last)).as_deref(), Some("2023-07"));
        assert_eq!(c.value(&month(9, Which::Last)).as_deref(), Some("2022-09"));
        assert_eq!(c.value(&month(1, Which::Next)).as_deref(), Some("2024-01"));
        assert_eq!(c.value(&Sem::MonthOffset(-1)).as_deref(), Some("2023-08"));
        assert_eq!(c.value(&Sem::WeekOffset(-1)).as_deref(), Some("2023-W37"));
        let season = |which| Sem::Season {
            season: "SU",
            year: YearRef::Infer,
            which,
        };
        assert_eq!(c.value(&season(Which::Last)).as_deref(), Some("2023-SU"));
        let winter = Sem::Season {
            season: "WI",
            year: YearRef::Infer,
            which: Which::Last,
        };
        assert_eq!(c.value(&winter).as_deref(), Some("2022-WI"));
    }

    #[test]
    fn hijri_dates_convert_to_gregorian() {
        let c = ctx("2023-04-01");
        let full = Sem::Hijri {
            day: Some(1),
            month: 10,
            year: Some(1444),
        };
        assert_eq!(c.value(&full).as_deref(), Some("2023-04-21"));
        let ramadan = Sem::Hijri {
            day: None,
            month: 9,
            year: None,
        };
        assert_eq!(c.value(&ramadan).as_deref(), Some("2023-04"));
    }

    #[test]
    fn no_publication_date_leaves_relative_values_out() {
        let c = Ctx::default();
        assert_eq!(c.value(&Sem::Day(DayRef::Offset(-1))), None);
        assert_eq!(
            c.value(&Sem::Year(YearRef::Explicit(2020))).as_deref(),
            Some("2020")
        );
        assert_eq!(
            c.value(&Sem::Duration("P44D".into())).as_deref(),
            Some("P44D")
        );
    }
}
