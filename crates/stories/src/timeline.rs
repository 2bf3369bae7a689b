//! A story's dated events in time order; older background events are kept apart.

use crate::days::day_number;
use marsad_model::{Analysis, Article, TimelineEntry};

/// An event this many days before the story's first article is background.
const BACKGROUND_DAYS: i64 = 30;

pub fn timeline(members: &[(&Article, &Analysis)]) -> Vec<TimelineEntry> {
    let first_day = members
        .iter()
        .filter_map(|(a, _)| a.published_date().and_then(day_number))
        .min();
    let mut out = Vec::new();
    for (article, analysis) in members {
        // One entry per sentence and event type: a sentence that codes the same event
        // type twice (two targets, say) is one line of the timeline.
        let mut seen = std::collections::HashSet::new();
        for e in &analysis.events {
            if !seen.insert((e.sentence, e.kind.as_str())) {
                continue;
            }
            let Some(date) = e.date.clone() else { continue };
            let day = day_number(&date);
            let background = e.background
                || matches!((day, first_day), (Some(d), Some(f)) if d < f - BACKGROUND_DAYS)
                || (day.is_none() && date.len() <= 7 && first_day.is_some());
            let text = e
                .sentence
                .slice(&article.body)
                .or_else(|| e.span.slice(&article.body))
                .unwrap_or_default()
                .trim()
                .to_string();
            out.push(TimelineEntry {
                date,
                article: article.id.clone(),
                outlet: article.outlet.clone(),
                span: e.span,
                text,
                event_type: Some(e.kind.clone()),
                background,
            });
        }
    }
    out.sort_by(|a, b| {
        (a.background as u8 ^ 1, &a.date, &a.article, a.span.start).cmp(&(
            b.background as u8 ^ 1,
            &b.date,
            &b.article,
            b.span.start,
        ))
    });
    out
}
