//! Events and claims as rows, with columns close to ACLED's (see EXPORTS.md): JSON,
//! CSV (RFC 4180, UTF-8, header row) or GeoJSON (RFC 7946 Points, rows with coordinates).

use crate::catalogue::{scan_articles, CorpusItem};
use crate::ServerError;
use marsad_model::{Actor, Analysis, Article, Claim, Event, LossKind, Qualifier};
use marsad_store::Store;
use serde::Serialize;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Csv,
    GeoJson,
}

impl ExportFormat {
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "json" => Some(ExportFormat::Json),
            "csv" => Some(ExportFormat::Csv),
            "geojson" => Some(ExportFormat::GeoJson),
            _ => None,
        }
    }

    pub fn content_type(&self) -> &'static str {
        match self {
            ExportFormat::Json => "application/json",
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::GeoJson => "application/geo+json",
        }
    }
}

/// One event or claim. Field order is the CSV column order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportRow {
    /// `<article id>:event:<n>` or `<article id>:claim:<n>`.
    pub event_id: String,
    pub event_date: Option<String>,
    /// PLOVER type for events; `CLAIM` for casualty claims.
    pub event_type: String,
    /// PLOVER mode for events; loss kind (`killed`, `wounded`...) for claims.
    pub sub_event_type: Option<String>,
    pub actor1: Option<String>,
    pub actor1_side: Option<String>,
    pub actor2: Option<String>,
    pub actor2_side: Option<String>,
    pub location: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// Who reports it: the claim's source, or the outlet for events.
    pub source: Option<String>,
    pub source_side: Option<String>,
    pub outlet: Option<String>,
    /// For `killed` claims: the figure.
    pub fatalities: Option<u64>,
    pub count: Option<u64>,
    pub qualifier: Option<String>,
    pub victims: Option<String>,
    pub victims_side: Option<String>,
    pub background: bool,
    pub article: String,
    pub url: Option<String>,
    pub published: Option<String>,
    /// The sentence it was read from.
    pub notes: String,
}

fn snake<T: Serialize>(v: &T) -> Option<String> {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
}

/// The calendar day of a TIMEX3 value, when it names one.
fn timex_day(value: &str) -> Option<String> {
    let d = value.get(..10)?;
    let b = d.as_bytes();
    let ok = b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    ok.then(|| d.to_string())
}

fn sentence(article: &Article, span: marsad_model::Span) -> String {
    span.slice(&article.body)
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn event_row(article: &Article, n: usize, e: &Event) -> ExportRow {
    let a1: Option<&Actor> = e.actors.first();
    let a2: Option<&Actor> = e.target.as_ref().or(e.actors.get(1));
    let coords = e.location.as_ref().and_then(|p| p.coordinates);
    ExportRow {
        event_id: format!("{}:event:{n}", article.id),
        event_date: e
            .date
            .as_deref()
            .and_then(timex_day)
            .or_else(|| article.published_date().map(str::to_string)),
        event_type: e.kind.clone(),
        sub_event_type: e.mode.clone(),
        actor1: a1.map(|a| a.label.clone()),
        actor1_side: a1.and_then(|a| a.side.clone()),
        actor2: a2.map(|a| a.label.clone()),
        actor2_side: a2.and_then(|a| a.side.clone()),
        location: e.location.as_ref().map(|p| p.label.clone()),
        latitude: coords.map(|c| c.0),
        longitude: coords.map(|c| c.1),
        source: article.outlet.clone(),
        source_side: None,
        outlet: article.outlet.clone(),
        fatalities: None,
        count: None,
        qualifier: None,
        victims: None,
        victims_side: None,
        background: e.background,
        article: article.id.clone(),
        url: article.url.clone(),
        published: article.published.clone(),
        notes: sentence(article, e.sentence),
    }
}

fn claim_row(article: &Article, analysis: &Analysis, n: usize, c: &Claim) -> ExportRow {
    // A claim names no place itself; an event read from the same sentence may.
    let place = analysis
        .events
        .iter()
        .find(|e| e.sentence.overlaps(&c.sentence) && e.location.is_some())
        .and_then(|e| e.location.as_ref());
    let coords = place.and_then(|p| p.coordinates);
    ExportRow {
        event_id: format!("{}:claim:{n}", article.id),
        event_date: article.published_date().map(str::to_string),
        event_type: "CLAIM".into(),
        sub_event_type: snake(&c.kind),
        actor1: None,
        actor1_side: None,
        actor2: None,
        actor2_side: None,
        location: place.map(|p| p.label.clone()),
        latitude: coords.map(|c| c.0),
        longitude: coords.map(|c| c.1),
        source: Some(c.source.label.clone()),
        source_side: c.source.side.clone(),
        outlet: article.outlet.clone(),
        fatalities: (c.kind == LossKind::Killed).then_some(c.count).flatten(),
        count: c.count,
        qualifier: (c.qualifier != Qualifier::Exact || c.count.is_some())
            .then(|| snake(&c.qualifier))
            .flatten(),
        victims: Some(c.victims.clone()),
        victims_side: c.side.clone(),
        background: false,
        article: article.id.clone(),
        url: article.url.clone(),
        published: article.published.clone(),
        notes: sentence(article, c.sentence),
    }
}

/// The rows of one article: its events, then its claims.
pub fn rows_of(article: &Article, analysis: &Analysis) -> Vec<ExportRow> {
    let events = analysis
        .events
        .iter()
        .enumerate()
        .map(|(n, e)| event_row(article, n, e));
    let claims = analysis
        .claims
        .iter()
        .enumerate()
        .map(|(n, c)| claim_row(article, analysis, n, c));
    events.chain(claims).collect()
}

/// All rows of the store, or of one story's articles.
pub fn rows(store: &dyn Store, story: Option<&str>) -> Result<Vec<ExportRow>, ServerError> {
    let mut out = Vec::new();
    match story {
        Some(id) => {
            let story = store
                .story(id)?
                .ok_or_else(|| ServerError::NotFound(format!("no story {id}")))?;
            for a in &story.articles {
                if let (Some(article), Some(analysis)) = (store.article(a)?, store.analysis(a)?) {
                    out.extend(rows_of(&article, &analysis));
                }
            }
        }
        None => scan_articles(store, |item: CorpusItem| {
            if let Some(analysis) = &item.analysis {
                out.extend(rows_of(&item.article, analysis));
            }
            Ok(())
        })?,
    }
    Ok(out)
}

/// Writes the export of the whole store (or one story) to `out`.
pub fn export(
    store: &dyn Store,
    format: ExportFormat,
    story: Option<&str>,
    out: &mut dyn Write,
) -> Result<(), ServerError> {
    let rows = rows(store, story)?;
    write_rows(&rows, format, out)
}

pub fn write_rows(
    rows: &[ExportRow],
    format: ExportFormat,
    out: &mut dyn Write,
) -> Result<(), ServerError> {
    match format {
        ExportFormat::Json => serde_json::to_writer_pretty(&mut *out, rows)?,
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            for r in rows {
                w.serialize(r)?;
            }
            if rows.is_empty() {
                // serde writes the header with the first row; an empty export still has one.
                w.write_record(HEADER)?;
            }
            w.flush()?;
        }
        ExportFormat::GeoJson => {
            let features: Vec<serde_json::Value> = rows
                .iter()
                .filter_map(|r| {
                    let (lat, lon) = (r.latitude?, r.longitude?);
                    Some(serde_json::json!({
                        "type": "Feature",
                        "geometry": { "type": "Point", "coordinates": [lon, lat] },
                        "properties": r,
                    }))
                })
                .collect();
            let fc = serde_json::json!({ "type": "FeatureCollection", "features": features });
            serde_json::to_writer_pretty(&mut *out, &fc)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// CSV column names, in order (the fields of [`ExportRow`]).
pub const HEADER: [&str; 24] = [
    "event_id",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor1_side",
    "actor2",
    "actor2_side",
    "location",
    "latitude",
    "longitude",
    "source",
    "source_side",
    "outlet",
    "fatalities",
    "count",
    "qualifier",
    "victims",
    "victims_side",
    "background",
    "article",
    "url",
    "published",
    "notes",
];
