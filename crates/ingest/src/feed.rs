//! RSS 0.9x/1.0/2.0 and Atom feeds through `feed-rs`: one article per item or entry.

use std::borrow::Cow;

use feed_rs::model::{Entry, FeedType};
use marsad_model::SourceFormat;

use crate::assemble::{finish, Draft};
use crate::boilerplate::Line;
use crate::html::fragment_lines;
use crate::{Emit, ErrorKind, IngestError};

pub(crate) fn read(name: &str, text: &str, sink: &mut Emit<'_>) {
    let text = as_utf8_xml(text);
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

/// The text is already decoded; an XML declaration naming its original encoding
/// (windows-1256, ISO-8859-6) would make the parser decode it a second time.
fn as_utf8_xml(text: &str) -> Cow<'_, str> {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    if !start.starts_with("<?xml") {
        return Cow::Borrowed(text);
    }
    let Some(end) = start.find("?>") else {
        return Cow::Borrowed(text);
    };
    Cow::Owned(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>{}",
        &start[end + 2..]
    ))
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

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="windows-1256"?>
<rss version="2.0"><channel><title>الأخبار</title>
<item><title>هدنة في الإقليم</title><link>https://example.net/a</link>
<pubDate>Tue, 13 Oct 2020 16:40:00 +0300</pubDate>
<description>&lt;p&gt;أعلنت الوزارة أن الهدنة صامدة منذ صباح اليوم.&lt;/p&gt;&lt;p&gt;اقرأ أيضا: تبادل الاتهامات بخرق الهدنة&lt;/p&gt;</description></item>
</channel></rss>"#;

    #[test]
    fn a_legacy_encoded_feed_is_parsed_once_decoded() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(RSS);
        let text = crate::decode::decode(&bytes).expect("decodes");
        let mut got = Vec::new();
        read("f.rss", &text, &mut |r| got.push(r.map(|(a, _)| a)));
        let a = got.remove(0).expect("article");
        assert_eq!(a.outlet.as_deref(), Some("الأخبار"));
        assert_eq!(a.title.as_deref(), Some("هدنة في الإقليم"));
        assert_eq!(a.body, "أعلنت الوزارة أن الهدنة صامدة منذ صباح اليوم.");
        assert_eq!(a.boilerplate, vec!["اقرأ أيضا: تبادل الاتهامات بخرق الهدنة"]);
        assert_eq!(a.published.as_deref(), Some("2020-10-13T13:40:00+00:00"));
    }
}
