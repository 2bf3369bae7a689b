//! HTML building blocks. Every string that came from an article, a story or a query goes
//! through [`escape`] (directly or via [`marked`]) before it reaches a page.

use marsad_model::Span;
use std::fmt::Write;

/// Escapes text for HTML element content and double- or single-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text isolated left to right inside Arabic prose (dates, ids, figures), so
/// `2022-09-13` does not display as `13-09-2022`.
pub fn ltr(text: &str) -> String {
    format!("<bdi dir=\"ltr\">{}</bdi>", escape(text))
}

/// Percent-encodes a value for a URL query string or path segment.
pub fn url_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// One highlighted span of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub span: Span,
    /// CSS class (a fixed word chosen by the code, not text from an article).
    pub class: &'static str,
    /// Element id for links into the text (`span-120-180`).
    pub id: Option<String>,
    /// Tooltip: what the span was read as (escaped here).
    pub title: Option<String>,
}

impl Mark {
    pub fn new(span: Span, class: &'static str) -> Self {
        Mark {
            span,
            class,
            id: None,
            title: None,
        }
    }
}

/// The anchor id of a span: `span-START-END`.
pub fn span_id(span: Span) -> String {
    format!("span-{}-{}", span.start, span.end)
}

/// `text` escaped, with the marks as `<mark>` elements. Marks may nest or overlap: the
/// text is cut at every mark boundary and each piece is wrapped in one `<mark>` carrying
/// the classes of all marks covering it, so the HTML is always well formed. A mark's id
/// goes on its first piece; marks that do not fit the text are ignored.
pub fn marked(text: &str, marks: &[Mark]) -> String {
    let marks: Vec<&Mark> = marks
        .iter()
        .filter(|m| {
            m.span.start < m.span.end
                && m.span.end <= text.len()
                && text.is_char_boundary(m.span.start)
                && text.is_char_boundary(m.span.end)
        })
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for m in &marks {
        cuts.push(m.span.start);
        cuts.push(m.span.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() * 5 / 4);
    let mut given_ids: Vec<&str> = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let piece = escape(&text[a..b]);
        let covering: Vec<&&Mark> = marks
            .iter()
            .filter(|m| m.span.start <= a && b <= m.span.end)
            .collect();
        if covering.is_empty() {
            out.push_str(&piece);
            continue;
        }
        let mut classes: Vec<&str> = covering.iter().map(|m| m.class).collect();
        classes.sort_unstable();
        classes.dedup();
        out.push_str("<mark");
        if !classes.iter().all(|c| c.is_empty()) {
            let _ = write!(out, " class=\"{}\"", classes.join(" ").trim());
        }
        // Several marks may start here: the first id goes on the element, the others on
        // empty anchors inside it, so every link still lands.
        let mut anchors = String::new();
        let mut first = true;
        for m in covering.iter().filter(|m| m.span.start == a) {
            let Some(id) = m.id.as_deref() else { continue };
            if given_ids.contains(&id) {
                continue;
            }
            given_ids.push(id);
            if first {
                let _ = write!(out, " id=\"{}\"", escape(id));
                first = false;
            } else {
                let _ = write!(anchors, "<a id=\"{}\"></a>", escape(id));
            }
        }
        let titles: Vec<String> = covering
            .iter()
            .filter_map(|m| m.title.as_deref())
            .map(escape)
            .collect();
        if !titles.is_empty() {
            let _ = write!(out, " title=\"{}\"", titles.join(" · "));
        }
        out.push('>');
        out.push_str(&anchors);
        out.push_str(&piece);
        out.push_str("</mark>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_is_shown_as_text() {
        assert_eq!(
            escape("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
    }

    #[test]
    fn overlapping_marks_stay_well_formed() {
        let text = "قتل 49 جنديا أرمينيا <b>";
        let figure = Span::new(
            text.find("49").unwrap_or(0),
            text.find(" أرمينيا").unwrap_or(0),
        );
        let claim = Span::new(0, text.find(" <b>").unwrap_or(0));
        let mut m = Mark::new(claim, "claim");
        m.id = Some(span_id(claim));
        let html = marked(text, &[m, Mark::new(figure, "figure")]);
        assert_eq!(
            html.matches("<mark").count(),
            html.matches("</mark>").count()
        );
        assert!(html.contains(&format!("<mark class=\"claim\" id=\"{}\">", span_id(claim))));
        assert!(
            html.contains("<mark class=\"claim figure\">49 جنديا</mark>"),
            "{html}"
        );
        assert!(html.ends_with(" &lt;b&gt;"));
    }

    #[test]
    fn marks_outside_the_text_or_inside_a_letter_are_dropped() {
        let text = "باكو";
        let html = marked(
            text,
            &[
                Mark::new(Span::new(1, 4), "x"),
                Mark::new(Span::new(2, 99), "y"),
            ],
        );
        assert_eq!(html, "باكو");
    }
}
