//! RSS 0.9x/1.0/2.0 and Atom feeds through `feed-rs`: one article per item or entry.

use feed_rs::model::{Entry, FeedType};
use marsad_model::SourceFormat;

use crate::assemble::{finish, Draft};
use crate::boilerplate::Line;
use crate::html::fragment_lines;
use crate::{ErrorKind, IngestError, Sink};

pub(crate) fn read(name: &str, text: &str, sink: &mut Sink<'_>) {
    let feed = match feed_rs::parser::parse(text.as_bytes()) {
        Ok(f) => f,
        Err(e) => {
            sink(Err(IngestError::new(
                name,
                ErrorKind::Feed,
                format!("broken or truncated feed: {e}"),
            )));
            return;
        }
    };
    let format = match feed.feed_type {
        FeedType::Atom => SourceFormat::Atom,
        _ => SourceFormat::Rss,
    };
    let outlet = feed
        .title
        .map(|t| plain_text(&t.content))
        .filter(|t| !t.is_empty());
    if feed.entries.is_empty() {
        sink(Err(IngestError::new(
            name,
            ErrorKind::Feed,
            "feed has no items",
        )));
    }
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let n = i + 1;
        let location = format!("{name} item {n}");
        let mut draft = Draft::new(format!("{name}#item {n}"), format);
        draft.outlet = outlet.clone();
        draft.lines = entry_lines(&entry);
        draft.title = entry.title.map(|t| plain_text(&t.content));
        draft.published = entry.published.or(entry.updated).map(|d| d.to_rfc3339());
        draft.url = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.clone());
        if draft.lines.is_empty() {
            sink(Err(IngestError::new(
                location,
                ErrorKind::Feed,
                "item has no content or description",
            )));
            continue;
        }
        sink(finish(draft).map_err(|m| IngestError::new(location, ErrorKind::Feed, m)));
    }
}

/// The fullest text an entry carries: content:encoded / atom:content, else the summary.
fn entry_lines(entry: &Entry) -> Vec<Line> {
    let content = entry.content.as_ref().and_then(|c| c.body.as_deref());
    let summary = entry.summary.as_ref().map(|s| s.content.as_str());
    for html in [content, summary].into_iter().flatten() {
        let lines = fragment_lines(html);
        if !lines.is_empty() {
            return lines;
        }
    }
    Vec::new()
}

/// Titles may carry markup or entities; keep the words only.
fn plain_text(s: &str) -> String {
    if !s.contains('<') && !s.contains('&') {
        return s.trim().to_string();
    }
    fragment_lines(s)
        .into_iter()
        .map(|l| l.text)
        .collect::<Vec<_>>()
        .join(" ")
}
