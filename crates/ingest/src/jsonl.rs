//! JSON Lines: one article per line. Field names differ between corpora and tools, so a
//! few common ones are accepted for each slot.

use marsad_model::SourceFormat;
use serde::Deserialize;
use serde_json::Value;

use crate::assemble::{finish, Draft};
use crate::{Emit, ErrorKind, IngestError};

#[derive(Deserialize)]
struct Record {
    text: Option<Value>,
    body: Option<Value>,
    content: Option<Value>,
    title: Option<Value>,
    published: Option<Value>,
    date: Option<Value>,
    url: Option<Value>,
    link: Option<Value>,
    outlet: Option<Value>,
    source: Option<Value>,
}

/// A metadata value as text: strings as they are, numbers printed, `{"name": ...}` objects
/// (as news APIs give sources) by their name.
fn as_text(v: Option<Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(mut o) => match o.remove("name") {
            Some(Value::String(s)) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn read(name: &str, text: &str, sink: &mut Emit<'_>) {
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let location = format!("{name}:line {n}");
        let record: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                sink(Err(IngestError::new(
                    location,
                    ErrorKind::Jsonl,
                    format!("not a JSON object: {e}"),
                )));
                continue;
            }
        };
        let Some(body) = as_text(record.text.or(record.body).or(record.content))
            .filter(|t| !t.trim().is_empty())
        else {
            sink(Err(IngestError::new(
                location,
                ErrorKind::Jsonl,
                "no text field (text, body or content)",
            )));
            continue;
        };
        let mut draft =
            Draft::new(format!("{name}#line {n}"), SourceFormat::Jsonl).with_text(&body);
        draft.title = as_text(record.title);
        draft.published = as_text(record.published.or(record.date));
        draft.url = as_text(record.url.or(record.link));
        draft.outlet = as_text(record.outlet.or(record.source));
        sink(finish(draft).map_err(|m| IngestError::new(location, ErrorKind::Empty, m)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_of_common_tools_are_accepted() {
        let text = concat!(
            r#"{"body": "قالت الوزارة إن الهدنة صامدة.", "date": "2020-10-13", "link": "https://e.net/a", "source": {"id": "x", "name": "الجزيرة"}}"#,
            "\n\n",
            r#"{"content": "أعلنت الحكومة خطة جديدة.", "published": 1602590400, "outlet": null}"#,
            "\n[1, 2]\n"
        );
        let mut got = Vec::new();
        read("x.jsonl", text, &mut |r| got.push(r.map(|(a, _)| a)));
        assert_eq!(got.len(), 3);
        let a = got[0].as_ref().expect("line 1");
        assert_eq!(a.source, "x.jsonl#line 1");
        assert_eq!(a.outlet.as_deref(), Some("الجزيرة"));
        assert_eq!(a.published.as_deref(), Some("2020-10-13"));
        assert_eq!(a.url.as_deref(), Some("https://e.net/a"));
        let b = got[1].as_ref().expect("line 3");
        assert_eq!(b.source, "x.jsonl#line 3");
        assert_eq!(b.published.as_deref(), Some("1602590400"));
        let e = got[2].as_ref().expect_err("an array is not an article");
        assert_eq!(e.location, "x.jsonl:line 4");
    }
}
