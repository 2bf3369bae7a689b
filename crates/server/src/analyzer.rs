//! The Arabic analyzer the search index uses, built from the project's text layer:
//! words from `marsad_text::Tokens`, each turned into its matching key
//! (`marsad_text::key`), then proclitics off (corpus-judged, `Vocabulary::split_clitics`)
//! and a light10 stem (`marsad_text::light_stem`). Documents and queries go through the
//! same chain, so أذربيجان / وأذربيجان / لأذربيجان / الأذربيجانية meet on one term.

use marsad_model::Span;
use marsad_text::{key, light_stem, TokenKind, Tokens, Vocabulary};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use tantivy::tokenizer::{LowerCaser, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer};

/// Name the analyzer is registered under in the index.
pub const ARABIC: &str = "marsad_arabic";

/// Words of a text as matching keys, with their byte spans in the original text.
#[derive(Clone, Default)]
pub struct ArabicWords;

pub struct ArabicWordStream<'a> {
    words: Tokens<'a>,
    token: Token,
    position: usize,
}

impl Tokenizer for ArabicWords {
    type TokenStream<'a> = ArabicWordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ArabicWordStream<'a> {
        ArabicWordStream {
            words: Tokens::new(text),
            token: Token::default(),
            position: 0,
        }
    }
}

impl TokenStream for ArabicWordStream<'_> {
    fn advance(&mut self) -> bool {
        for word in self.words.by_ref() {
            if !is_term_kind(word.kind) {
                continue;
            }
            let k = key(word.text);
            if k.is_empty() {
                continue;
            }
            self.token = Token {
                offset_from: word.span.start,
                offset_to: word.span.end,
                position: self.position,
                text: k,
                position_length: 1,
            };
            self.position += 1;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// Takes proclitics off Arabic keys and light-stems them; other tokens pass unchanged.
#[derive(Clone, Copy, Default)]
pub struct ArabicStem;

impl TokenFilter for ArabicStem {
    type Tokenizer<T: Tokenizer> = ArabicStemFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ArabicStemFilter<T> {
        ArabicStemFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct ArabicStemFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for ArabicStemFilter<T> {
    type TokenStream<'a> = ArabicStemStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ArabicStemStream {
            tail: self.inner.token_stream(text),
        }
    }
}

pub struct ArabicStemStream<S> {
    tail: S,
}

impl<S: TokenStream> TokenStream for ArabicStemStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        token.text = stem_key(&token.text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// The search term of one word key.
pub fn stem_key(word_key: &str) -> String {
    if !word_key.chars().any(is_arabic_letter) {
        return word_key.to_string();
    }
    let clitics = Vocabulary::embedded().split_clitics(word_key, 0);
    light_stem(&clitics.name_key(word_key))
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

/// The analyzer registered under [`ARABIC`].
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(ArabicWords)
        .filter(LowerCaser)
        .filter(ArabicStem)
        .build()
}

/// Distinct white-space-delimited chunks whose terms one thread remembers (see
/// [`term_spans`]): about 100 bytes each, so a few MB per thread at most.
const MEMO_CHUNKS: usize = 50_000;

/// One term of a chunk: where it is in the chunk and what it is.
type ChunkTerm = (u32, u32, Box<str>);

thread_local! {
    /// Chunk as written (`والاتفاق،`) → its terms. News repeats its words, so after a few
    /// searches almost every chunk of a hit's body is known here.
    static TERMS_OF: RefCell<FxHashMap<Box<str>, Box<[ChunkTerm]>>> =
        RefCell::new(FxHashMap::default());
}

/// The term of one word as the analyzer makes it: matching key, lower case (as tantivy's
/// `LowerCaser`, char by char), then [`stem_key`].
fn word_term(word: &str) -> Option<String> {
    let k = key(word);
    if k.is_empty() {
        return None;
    }
    let lower = if k.is_ascii() {
        k.to_ascii_lowercase()
    } else {
        k.chars().flat_map(char::to_lowercase).collect()
    };
    Some(stem_key(&lower))
}

fn chunk_terms(chunk: &str) -> Box<[ChunkTerm]> {
    Tokens::new(chunk)
        .filter(|w| is_term_kind(w.kind))
        .filter_map(|w| {
            let term = word_term(w.text)?;
            let (start, end) = (
                u32::try_from(w.span.start).ok()?,
                u32::try_from(w.span.end).ok()?,
            );
            Some((start, end, term.into_boxed_str()))
        })
        .collect()
}

/// Every word's term with its span, in order: what [`terms`] gives. Tokens never hold
/// ASCII white space nor look past it, so the text is cut there and each chunk's terms
/// are made once per thread.
pub fn term_spans(text: &str) -> Vec<(Span, Box<str>)> {
    TERMS_OF.with(|memo| {
        let mut memo = memo.borrow_mut();
        if memo.len() >= MEMO_CHUNKS {
            memo.clear();
        }
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // By bytes: an ASCII byte in UTF-8 is always a whole char.
            let end = bytes[at..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(bytes.len(), |n| at + n);
            let chunk = text.get(at..end).unwrap_or("");
            let chunk_at = at;
            at = end + 1;
            if chunk.is_empty() {
                continue;
            }
            let found = match memo.get(chunk) {
                Some(t) => t,
                None => memo
                    .entry(chunk.into())
                    .or_insert_with(|| chunk_terms(chunk)),
            };
            out.extend(found.iter().map(|(start, end, term)| {
                let span = Span::new(chunk_at + *start as usize, chunk_at + *end as usize);
                (span, term.clone())
            }));
        }
        out
    })
}

fn is_term_kind(kind: TokenKind) -> bool {
    matches!(kind, TokenKind::Word | TokenKind::Latin | TokenKind::Number)
}

/// The terms of a text with the spans they come from, in order.
pub fn terms(text: &str) -> Vec<(String, Span)> {
    let mut analyzer = analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        out.push((t.text.clone(), Span::new(t.offset_from, t.offset_to)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        terms(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn spellings_and_proclitics_of_one_word_meet() {
        let forms = words("أذربيجان وأذربيجان لأذربيجان بأذربيجان");
        assert!(forms.iter().all(|f| f == &forms[0]), "{forms:?}");
        assert_eq!(words("الاتفاق"), words("والاتفاق"));
        assert_eq!(words("إطلاق"), words("اطلاق"));
        assert_eq!(words("الخارجيّة"), words("الخارجية"));
    }

    #[test]
    fn spans_point_at_the_words_as_written() {
        let text = "قالت وزارةُ الدفاع، الثلاثاء: 49 جنديا";
        for (_, span) in terms(text) {
            let word = span.slice(text).unwrap_or("");
            assert!(!word.is_empty() && !word.contains(' '), "{word:?}");
        }
        assert_eq!(terms(text).len(), 6);
    }

    #[test]
    fn remembered_terms_are_the_analyzers_terms() {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
        let mut texts = vec![
            "OSCE Minsk İstanbul ΣΟΦΙΑ 2022 وأذربيجان".to_string(),
            "في 1,300 و06.00 G20\u{a0}قمة ـ واس\tالرياض\r\n(باكو) 12, 13 «يريفان»".to_string(),
        ];
        if let Ok(dir) = std::fs::read_dir(&seeds) {
            for entry in dir.flatten() {
                if entry.path().extension().is_some_and(|e| e == "txt") {
                    texts.push(std::fs::read_to_string(entry.path()).unwrap_or_default());
                }
            }
        }
        assert!(texts.len() > 3, "the seeds are in {}", seeds.display());
        // Twice: the second pass answers from the memo.
        for _ in 0..2 {
            for text in &texts {
                let all = terms(text);
                let remembered: Vec<(Span, String)> = term_spans(text)
                    .into_iter()
                    .map(|(s, t)| (s, t.into()))
                    .collect();
                let made: Vec<(Span, String)> = all.into_iter().map(|(t, s)| (s, t)).collect();
                assert_eq!(remembered, made);
            }
        }
    }

    #[test]
    fn latin_words_are_lowercased() {
        assert_eq!(words("OSCE Minsk"), vec!["osce", "minsk"]);
    }
}
