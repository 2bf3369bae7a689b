//! Temporal expressions (TIMEX3) in Arabic news, resolved against the publication date.
//!
//! The text is keyed (`marsad_text::Keyed`: diacritics and tatweel dropped, hamza forms,
//! ة/ه and ى/ي folded, Arabic-Indic digits made ASCII) and split into tokens; small
//! matchers read days, dates in every month-name system of Arabic news, parts of day,
//! clock times with their zones, months, years, seasons, Hijri dates, durations and vague
//! references; the longest match at each token wins. Values are then resolved:
//!
//! - bare weekdays: the latest on or before publication (المقبل → after, الماضي → before);
//! - dates without a year: a year named earlier in the same clause, else this year's date
//!   if it is not after publication or at most 31 days after it (or the sentence speaks of
//!   the future), else last year's; "من العام نفسه": the last year named in the text;
//! - parts of day and clock times without a day take the day named elsewhere in their
//!   sentence (preceding first), else publication; a bare night (الليل، ليلاً) with no day
//!   in its sentence is the night before publication;
//! - clock times with a zone (ت غ، بتوقيت موسكو، بتوقيت القدس ...) become UTC (`Z`) through
//!   the IANA database; without a zone, or "بالتوقيت المحلي" (whose place is not
//!   resolved here), they stay local times (`2022-09-13T00:05`);
//! - Hijri dates become Gregorian values on the Umm al-Qura calendar (a month alone: the
//!   Gregorian month holding its 15th day);
//! - without a publication date, expressions that need one (اليوم، الثلاثاء، dates without
//!   a year ...) are left out; absolute ones (9 نوفمبر 2020، عام 2020، 44 يوماً) are kept.

mod clock;
mod durations;
mod lexicon;
mod months;
mod parts;
mod periods;
mod resolve;
mod scan;
mod sem;
mod tokens;
mod zones;

use chrono::NaiveDate;
use marsad_model::{Span, TimeExpr};
use marsad_text::Keyed;
use resolve::Ctx;
use sem::{anchor_text, DayRef, Part, Sem};

/// Words that put a sentence in the future, so that a date without a year is the next one.
const FUTURE_MARKERS: &[&str] = &[
    "سوف",
    "المقبل",
    "المقبله",
    "القادم",
    "القادمه",
    "المقرر",
    "مقرر",
    "يعتزم",
    "تعتزم",
    "يعتزمون",
    "المرتقب",
    "المرتقبه",
    "سيعقد",
    "ستعقد",
    "سيجري",
    "ستجري",
    "ستنطلق",
    "سينطلق",
];

/// The publication date of an ISO 8601 date or date-time (the date as written, in the
/// publisher's own zone).
fn publication_date(published: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(published.trim().get(..10)?, "%Y-%m-%d").ok()
}

/// Every temporal expression in `body` with its span and TIMEX3 value, resolved against
/// `published` (ISO 8601 date or date-time, possibly with an offset). With `None`,
/// expressions that need an anchor are skipped (see the module documentation).
pub fn extract_times(body: &str, published: Option<&str>) -> Vec<TimeExpr> {
    extract_times_keyed(body, &Keyed::new(body), published)
}

/// [`extract_times`] on a body already keyed (`Keyed::new(body)`), for a reader that
/// keys the body once for several stages.
pub fn extract_times_keyed(body: &str, keyed: &Keyed, published: Option<&str>) -> Vec<TimeExpr> {
    let published = published.and_then(publication_date);
    let toks = tokens::tokenise(keyed, body);
    let hits = scan::scan(&toks);

    let mut last_year = None;
    let mut ctxs: Vec<Ctx> = Vec::with_capacity(hits.len());
    for (n, h) in hits.iter().enumerate() {
        let first = &toks[h.first];
        let clause_year = hits[..n]
            .iter()
            .rev()
            .take_while(|p| toks[p.first].clause == first.clause)
            .find_map(|p| p.sem.explicit_year());
        let future = toks[..h.first]
            .iter()
            .rev()
            .take_while(|t| t.sentence == first.sentence)
            .take(12)
            .any(|t| FUTURE_MARKERS.contains(&t.text));
        ctxs.push(Ctx {
            published,
            last_year,
            clause_year,
            sentence_day: None,
            future,
        });
        if let Some(y) = h.sem.explicit_year() {
            last_year = Some(y);
        }
    }

    // Days the expressions name themselves; the others borrow one from their sentence.
    let own_day: Vec<Option<NaiveDate>> = hits
        .iter()
        .zip(&ctxs)
        .map(|(h, c)| match h.sem.day_ref() {
            Some(DayRef::Context | DayRef::LastNight) | None => None,
            Some(d) => c.day(d),
        })
        .collect();
    for (n, h) in hits.iter().enumerate() {
        if !matches!(h.sem.day_ref(), Some(DayRef::Context | DayRef::LastNight)) {
            continue;
        }
        let sentence = toks[h.first].sentence;
        let same = |m: &usize| toks[hits[*m].first].sentence == sentence;
        let before = (0..n)
            .rev()
            .take_while(same)
            .find(|&m| own_day[m].is_some());
        let source = before.or_else(|| {
            (n + 1..hits.len())
                .take_while(same)
                .find(|&m| own_day[m].is_some())
        });
        ctxs[n].sentence_day = source.and_then(|m| {
            let day = own_day[m]?;
            // The midnight of a night is the one that ends it.
            let night = matches!(hits[m].sem, Sem::Part(_, Part::Night));
            if night && matches!(h.sem, Sem::Part(_, Part::Midnight)) {
                day.succ_opt()
            } else {
                Some(day)
            }
        });
    }

    hits.iter()
        .zip(&ctxs)
        .filter_map(|(h, ctx)| {
            let value = ctx.value(&h.sem)?;
            let start = toks[h.first].start + h.clitic;
            let (s, e) = keyed.span_of(start, toks[h.next - 1].end, body);
            // Keys drop quotation marks, so a closing quote can trail the last word.
            let e = s + body[s..e]
                .trim_end_matches(['"', '\u{201C}', '\u{201D}', '\u{00BB}', '\u{00AB}'])
                .len();
            Some(TimeExpr {
                span: Span::new(s, e),
                text: body[s..e].to_string(),
                value,
                anchor: anchor_text(&h.sem, published),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
