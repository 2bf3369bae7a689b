//! WARC (ISO 28500) archives, as Common Crawl's news crawl writes them: every `response`
//! record whose HTTP payload is HTML becomes an article.

use marsad_model::SourceFormat;

use crate::assemble::{finish, Draft};
use crate::decode;
use crate::html;
use crate::{Emit, ErrorKind, IngestError};

pub(crate) fn read(name: &str, bytes: &[u8], sink: &mut Emit<'_>) {
    let mut rest = bytes;
    let mut n = 0;
    while !rest.iter().all(u8::is_ascii_whitespace) {
        n += 1;
        let offset = bytes.len() - rest.len();
        let location = format!("{name} record {n}");
        let (after, (_version, headers, body)) = match warc::parser::record(rest) {
            Ok(r) => r,
            Err(e) => {
                let what = if matches!(e, nom::Err::Incomplete(_)) || is_cut(rest) {
                    "truncated record"
                } else {
                    "malformed record"
                };
                sink(Err(IngestError::new(
                    location,
                    ErrorKind::Warc,
                    format!("{what} at byte {offset}"),
                )));
                return;
            }
        };
        rest = after;
        let header = |key: &str| {
            headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| String::from_utf8_lossy(v).trim().to_string())
        };
        if !header("WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("response")) {
            continue;
        }
        let Some(payload) = http_html(body) else {
            continue;
        };
        let text = match payload
            .charset
            .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()))
        {
            Some(enc) if enc != encoding_rs::UTF_8 => {
                enc.decode_without_bom_handling(payload.body).0
            }
            _ => match decode::decode(payload.body) {
                Ok(t) => t,
                Err(e) => {
                    sink(Err(IngestError::new(
                        location,
                        ErrorKind::Encoding,
                        e.message(),
                    )));
                    continue;
                }
            },
        };
        let page = match html::extract(&text) {
            Ok(p) => p,
            Err(m) => {
                sink(Err(IngestError::new(location, ErrorKind::Html, m)));
                continue;
            }
        };
        let mut draft = Draft::new(format!("{name}#record {n}"), SourceFormat::Warc);
        draft.url = header("WARC-Target-URI").or(page.url);
        draft.published = page.published.or_else(|| header("WARC-Date"));
        draft.title = page.title;
        draft.outlet = page.outlet;
        draft.lines = page.lines;
        sink(finish(draft).map_err(|m| IngestError::new(location, ErrorKind::Html, m)));
    }
}

/// A record cut short reads as a parse error on its last bytes rather than as
/// "incomplete": the header block or the body ends before its declared length.
fn is_cut(rest: &[u8]) -> bool {
    let Ok((after_headers, (_, _, len))) = warc::parser::headers(rest) else {
        return !rest.windows(4).any(|w| w == b"\r\n\r\n");
    };
    after_headers.len() < len + 4
}

struct Payload<'a> {
    charset: Option<String>,
    body: &'a [u8],
}

/// The body of an HTTP response whose content is HTML (by its Content-Type, or by sniffing
/// when the server sent none).
fn http_html(record_body: &[u8]) -> Option<Payload<'_>> {
    let mut headers = [httparse::EMPTY_HEADER; 96];
    let mut response = httparse::Response::new(&mut headers);
    let httparse::Status::Complete(head_len) = response.parse(record_body).ok()? else {
        return None;
    };
    let content_type = response
        .headers
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case("content-type"))
        .map(|h| String::from_utf8_lossy(h.value).to_ascii_lowercase());
    let body = &record_body[head_len..];
    let is_html = match &content_type {
        Some(ct) => ct.contains("html"),
        None => {
            let head = String::from_utf8_lossy(&body[..body.len().min(512)]).to_ascii_lowercase();
            head.contains("<html") || head.contains("<!doctype html")
        }
    };
    if !is_html {
        return None;
    }
    let charset = content_type.as_deref().and_then(|ct| {
        let at = ct.find("charset=")?;
        let v = ct[at + 8..].trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace());
        Some(v.split([';', ' ']).next().unwrap_or(v).to_string())
    });
    Some(Payload { charset, body })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2022-09-13T17:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    fn response(content_type: &str, body: &str) -> String {
        format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n{body}")
    }

    #[test]
    fn only_html_responses_are_articles_and_garbage_stops_the_walk() {
        let page = "<html><body><p>قالت الوزارة إن الهدنة صامدة منذ صباح اليوم في كل المناطق الحدودية.</p></body></html>";
        let warc = [
            record(
                "response",
                "https://e.net/img.png",
                &response("image/png", "PNG"),
            ),
            record("response", "https://e.net/a", &response("text/html", page)),
            "not a record at all\r\n\r\n".to_string(),
            record("response", "https://e.net/b", &response("text/html", page)),
        ]
        .concat();
        let mut got = Vec::new();
        read("x.warc", warc.as_bytes(), &mut |r| {
            got.push(r.map(|(a, _)| a))
        });
        assert_eq!(got.len(), 2);
        let a = got[0].as_ref().expect("record 2");
        assert_eq!(a.source, "x.warc#record 2");
        assert_eq!(a.url.as_deref(), Some("https://e.net/a"));
        // No date in the page: the crawl date stands in.
        assert_eq!(a.published.as_deref(), Some("2022-09-13T17:00:00Z"));
        let e = got[1].as_ref().expect_err("record 3 is garbage");
        assert_eq!(e.location, "x.warc record 3");
        assert!(
            e.message.starts_with("malformed record at byte"),
            "{}",
            e.message
        );
    }
}
