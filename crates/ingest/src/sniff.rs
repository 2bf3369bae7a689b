//! Tells what kind of input some bytes are by their content, and hands them to the
//! matching reader. A file name's extension is consulted only when content is silent.

use std::io::Read;

use marsad_model::SourceFormat;

use crate::assemble::{finish, Draft};
use crate::decode::{self, NotText};
use crate::sidecar::Meta;
use crate::{feed, html, jsonl, warc_reader, Emit, ErrorKind, IngestError, Options};

/// Reads `bytes` named `name`; `meta` is a sidecar's metadata for single-article files.
pub(crate) fn read(
    name: &str,
    bytes: &[u8],
    opts: &Options,
    meta: Option<&Meta>,
    sink: &mut Emit<'_>,
) {
    read_as(name, name, bytes, opts.max_bytes, meta, sink);
}

/// A compressed file may grow this many times its size limit when unpacked (news JSONL
/// compresses about 4:1); more than that is refused as a decompression bomb.
const GZIP_GROWTH: u64 = 20;

/// `hint` is the name whose extension may tell the kind (a `.gz` stripped off).
fn read_as(
    name: &str,
    hint: &str,
    bytes: &[u8],
    limit: u64,
    meta: Option<&Meta>,
    sink: &mut Emit<'_>,
) {
    let fail = |kind, message: String| IngestError::new(name, kind, message);
    if bytes.len() as u64 > limit {
        let message = format!("{} bytes is over the limit of {limit} bytes", bytes.len());
        return sink(Err(fail(ErrorKind::TooLarge, message)));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return sink(Err(fail(ErrorKind::Empty, "empty input".into())));
    }
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        // One byte over the limit is enough to know the stream is too large.
        let unpacked_limit = limit.saturating_mul(GZIP_GROWTH);
        let mut gz =
            flate2::read::MultiGzDecoder::new(bytes).take(unpacked_limit.saturating_add(1));
        if let Err(e) = gz.read_to_end(&mut out) {
            // Keep what came out before a cut: a truncated .gz still holds whole records.
            if out.is_empty() {
                return sink(Err(fail(ErrorKind::Io, format!("gzip stream: {e}"))));
            }
            sink(Err(fail(
                ErrorKind::Io,
                format!("gzip stream cut short after {} bytes: {e}", out.len()),
            )));
        }
        let inner = hint.strip_suffix(".gz").unwrap_or(hint);
        return read_as(name, inner, &out, unpacked_limit, meta, sink);
    }
    if bytes.starts_with(b"WARC/") {
        return warc_reader::read(name, bytes, sink);
    }
    if let Err(NotText::Binary(m)) = decode::check_text(bytes) {
        return sink(Err(fail(ErrorKind::Binary, m)));
    }
    let text = match decode::decode(bytes) {
        Ok(t) => t,
        Err(e) => {
            let location = match &e {
                NotText::Encoding { byte, .. } => format!("{name} byte {byte}"),
                NotText::Binary(_) => name.to_string(),
            };
            let kind = if matches!(e, NotText::Binary(_)) {
                ErrorKind::Binary
            } else {
                ErrorKind::Encoding
            };
            return sink(Err(IngestError::new(location, kind, e.message())));
        }
    };
    match kind_of(&text, hint) {
        Kind::Jsonl => jsonl::read(name, &text, sink),
        Kind::Feed => feed::read(name, &text, sink),
        Kind::Html => read_html(name, &text, meta, sink),
        Kind::Text => {
            let mut draft = Draft::new(name, SourceFormat::Text).with_text(&text);
            if let Some(m) = meta {
                m.fill(&mut draft);
            }
            sink(finish(draft).map_err(|m| fail(ErrorKind::Empty, m)));
        }
    }
}

fn read_html(name: &str, text: &str, meta: Option<&Meta>, sink: &mut Emit<'_>) {
    let page = match html::extract(text) {
        Ok(p) => p,
        Err(m) => return sink(Err(IngestError::new(name, ErrorKind::Html, m))),
    };
    let mut draft = Draft::new(name, SourceFormat::Html);
    draft.title = page.title;
    draft.published = page.published;
    draft.outlet = page.outlet;
    draft.url = page.url;
    draft.lines = page.lines;
    if let Some(m) = meta {
        m.fill(&mut draft);
    }
    sink(finish(draft).map_err(|m| IngestError::new(name, ErrorKind::Html, m)));
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Html,
    Feed,
    Jsonl,
}

fn kind_of(text: &str, hint: &str) -> Kind {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    if start.starts_with('{') {
        return Kind::Jsonl;
    }
    if start.starts_with('<') {
        let head: String = start
            .chars()
            .take(2048)
            .collect::<String>()
            .to_ascii_lowercase();
        if head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf") {
            return Kind::Feed;
        }
        const TAGS: [&str; 8] = [
            "<!doctype html",
            "<html",
            "<head",
            "<body",
            "<p",
            "<div",
            "<article",
            "<meta",
        ];
        if TAGS.iter().any(|t| head.contains(t)) {
            return Kind::Html;
        }
    }
    let ext = hint
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" | "xhtml" => Kind::Html,
        "rss" | "atom" | "xml" => Kind::Feed,
        "jsonl" | "ndjson" => Kind::Jsonl,
        _ => Kind::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_wins_over_extension() {
        assert_eq!(kind_of("{\"text\": \"x\"}", "a.txt"), Kind::Jsonl);
        assert_eq!(
            kind_of("<?xml version=\"1.0\"?><rss version=\"2.0\">", "a.html"),
            Kind::Feed
        );
        assert_eq!(kind_of("<!DOCTYPE html><html>", "a.txt"), Kind::Html);
        assert_eq!(kind_of("قالت الوزارة", "a.html"), Kind::Html);
        assert_eq!(kind_of("قالت الوزارة", "-"), Kind::Text);
    }
}
