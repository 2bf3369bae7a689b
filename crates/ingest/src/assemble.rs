//! Turns what a reader found (metadata plus raw lines) into a finished `Article`:
//! boilerplate split off, language told, id computed.

use marsad_model::{Article, Fingerprint, SourceFormat};

use crate::boilerplate::{self, Line};
use crate::language;

/// What a reader found before cleaning.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub source: String,
    pub format: SourceFormat,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    pub lines: Vec<Line>,
}

impl Draft {
    pub fn new(source: impl Into<String>, format: SourceFormat) -> Self {
        Draft {
            source: source.into(),
            format,
            outlet: None,
            url: None,
            published: None,
            title: None,
            lines: Vec::new(),
        }
    }

    /// Lines of plain text: trimmed, blank ones dropped (paragraph breaks are lines).
    pub fn with_text(mut self, text: &str) -> Self {
        self.lines = text_lines(text).map(Line::plain).collect();
        self
    }
}

pub(crate) fn text_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// Metadata values are kept only when they carry something.
pub(crate) fn clean_field(v: Option<String>) -> Option<String> {
    let v = v?;
    let t = v.trim();
    if t.is_empty() {
        None
    } else if t.len() == v.len() {
        Some(v)
    } else {
        Some(t.to_string())
    }
}

/// Finishes a draft, with the article's fingerprint; `Err` carries the reason when no
/// article text is left.
pub(crate) fn finish(draft: Draft) -> Result<(Article, Fingerprint), String> {
    let had_lines = !draft.lines.is_empty();
    let (split, keyed, kept) = boilerplate::split_keyed(draft.lines);
    if split.body.is_empty() {
        return Err(if !had_lines {
            "no article text".to_string()
        } else {
            "only site furniture, no article text".to_string()
        });
    }
    let body = split.body.join("\n");
    let language = language::detect(&body).to_string();
    let (id, fingerprint) = keyed.id_and_fingerprint(&kept);
    let article = Article {
        id,
        source: draft.source,
        format: draft.format,
        outlet: clean_field(draft.outlet),
        url: clean_field(draft.url),
        published: clean_field(draft.published),
        title: clean_field(draft.title),
        body,
        language,
        boilerplate: split.removed,
        near_duplicate_of: None,
    };
    Ok((article, fingerprint))
}
