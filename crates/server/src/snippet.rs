//! Search snippets: the passage of the original body with the most matches, escaped,
//! matches in `<mark>`. Words are marked where the index found them, and entity matches
//! in another spelling by their stored mention spans.

use crate::html::{marked, Mark};
use marsad_model::Span;

/// About how many bytes of text a snippet shows (Arabic letters take two).
const WINDOW: usize = 360;
/// How far before the first match the passage starts.
const LEAD: usize = 80;

/// `hits` are the body spans to mark: the query's words (in any of their forms) and the
/// mentions of the entities it names.
pub fn snippet(body: &str, mut hits: Vec<Span>) -> String {
    hits.sort_unstable();
    hits.dedup();
    // The window starting at the match with the most matches after it.
    let best = (0..hits.len())
        .max_by_key(|&i| {
            let n = hits[i..]
                .iter()
                .take_while(|s| s.end <= hits[i].start + WINDOW)
                .count();
            (n, std::cmp::Reverse(i))
        })
        .map_or(0, |i| hits[i].start);
    let start = word_start(body, best.saturating_sub(LEAD));
    let end = word_end(body, (start + WINDOW).min(body.len()));
    let marks: Vec<Mark> = hits
        .iter()
        .filter(|s| start <= s.start && s.end <= end)
        .map(|s| Mark::new(Span::new(s.start - start, s.end - start), ""))
        .collect();
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(&marked(&body[start..end], &marks));
    if end < body.len() {
        out.push('…');
    }
    out
}

fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Moves back to the start of the word `i` falls in.
fn word_start(text: &str, i: usize) -> usize {
    let i = floor_char(text, i);
    text[..i].rfind(char::is_whitespace).map_or(0, |p| {
        p + text[p..].chars().next().map_or(1, char::len_utf8)
    })
}

/// Moves on to the end of the word `i` falls in.
fn word_end(text: &str, i: usize) -> usize {
    let i = floor_char(text, i);
    text[i..]
        .find(char::is_whitespace)
        .map_or(text.len(), |p| i + p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::{term_spans, terms};

    fn snippet_of(body: &str, words: &[String], entity_spans: &[Span]) -> String {
        let mut hits: Vec<Span> = term_spans(body)
            .into_iter()
            .filter(|(_, t)| words.iter().any(|w| w.as_str() == &**t))
            .map(|(s, _)| s)
            .collect();
        hits.extend_from_slice(entity_spans);
        snippet(body, hits)
    }

    #[test]
    fn marks_every_form_of_the_word_and_escapes_the_rest() {
        let body = "قال <المسؤول> إن أذربيجان وقعت الاتفاق، ثم رحبت وأذربيجان به.";
        let words: Vec<String> = terms("أذربيجان").into_iter().map(|(t, _)| t).collect();
        let s = snippet_of(body, &words, &[]);
        assert_eq!(s.matches("<mark>").count(), 2, "{s}");
        assert!(s.contains("<mark>وأذربيجان</mark>"));
        assert!(s.contains("&lt;المسؤول&gt;"));
    }

    #[test]
    fn long_bodies_are_cut_at_words_around_the_matches() {
        let body = format!("{} باكو {}", "كلام ".repeat(200), "نص ".repeat(200));
        let at = body.find("باكو").unwrap_or(0);
        let s = snippet_of(&body, &[], &[Span::new(at, at + "باكو".len())]);
        assert!(s.starts_with('…') && s.ends_with('…'));
        assert!(s.contains("<mark>باكو</mark>"), "{s}");
        assert!(s.len() < 700);
    }
}
