//! Snapshots of the text layer on a seed article: sentences, and tokens with clitics of
//! its first sentences. Review changes with care: every later stage reads these.

use marsad_text::{sentences, tokenize, TokenKind, Vocabulary};
use serde::Serialize;
use std::path::Path;

fn seed(name: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seeds")
        .join(name);
    std::fs::read_to_string(path).ok()
}

#[derive(Serialize)]
struct Word<'a> {
    text: &'a str,
    kind: TokenKind,
    start: usize,
    /// `conj+prep+article+stem` when proclitics come off.
    clitics: Option<String>,
}

#[test]
fn seed_000_sentences_and_tokens() {
    let Some(text) = seed("000_d6bff01f9c519046.txt") else {
        eprintln!("shared seeds not found; skipped");
        return;
    };
    let spans = sentences(&text);
    let sentence_texts: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
    insta::assert_json_snapshot!("seed_000_sentences", sentence_texts);

    let vocab = Vocabulary::embedded();
    let first = spans.get(1).or(spans.first()).map_or(0, |s| s.end);
    let words: Vec<Word> = tokenize(&text[..first])
        .into_iter()
        .map(|t| {
            let clitics = (t.kind == TokenKind::Word)
                .then(|| vocab.split_clitics(t.text, t.span.start))
                .filter(|c| c.is_split())
                .map(|c| {
                    let at = |s: Option<marsad_text::Span>| s.map_or("", |s| &text[s.start..s.end]);
                    [at(c.conj), at(c.prep), at(c.article), at(Some(c.stem))].join("+")
                });
            Word {
                text: t.text,
                kind: t.kind,
                start: t.span.start,
                clitics,
            }
        })
        .collect();
    insta::assert_json_snapshot!("seed_000_tokens", words);
}
