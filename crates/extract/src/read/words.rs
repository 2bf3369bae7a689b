//! The words of one sentence as the mention finder sees them: each token with its
//! matching key, computed once, and the ways its proclitics can be read.
//!
//! A proclitic is only a reading here, never a decision: وأرمينيا offers و + أرمينيا,
//! and the knowledge base decides which reading names something. Words glued at a
//! conjunction (أذربيجانوأرمينيا) are cut into their parts when each part is a name.

use marsad_kb::{EntityClass, Kb};
use marsad_model::Span;
use marsad_text::{key, key_char, split_glued, Token, TokenKind, Vocabulary};

/// One token of a sentence.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    pub text: &'a str,
    pub span: Span,
    pub kind: TokenKind,
    /// Matching key of the whole token (empty for quotation marks).
    pub key: String,
}

/// One reading of a word's proclitics: the name starts `skip` bytes into the token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub skip: usize,
    /// Key of the word without the proclitics, article spelled out (للأمم → الامم).
    pub key: String,
    /// The ل of لل stands for ال: the shown text gets ال back.
    pub restored: bool,
}

impl Word<'_> {
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Latin)
    }

    /// The readings of this word, fewest proclitics first: as written; without و/ف;
    /// without ب/ل/ك (after an optional و/ف); ل + ال written لل. A word the corpus
    /// knows loses a proclitic only when what remains is at least as frequent: وزيرا is
    /// not و + زيرا, nor بلينكن ب + لينكن, but وأرمينيا is و + أرمينيا.
    pub fn readings(&self, vocab: &Vocabulary) -> Vec<Reading> {
        let mut out = vec![Reading {
            skip: 0,
            key: self.key.clone(),
            restored: false,
        }];
        if self.kind != TokenKind::Word {
            return out;
        }
        let k = self.key.as_str();
        let mut starts: Vec<(usize, &str)> = vec![(0, k)];
        if let Some(rest) = k.strip_prefix(['و', 'ف']) {
            starts.push((1, rest));
        }
        for &(letters, rest) in &starts.clone() {
            if let Some(after) = rest.strip_prefix("لل") {
                if after.chars().count() >= 2 {
                    out.push(Reading {
                        skip: byte_after_letters(self.text, letters + 1),
                        key: format!("ال{after}"),
                        restored: true,
                    });
                }
            }
            if let Some(after) = rest.strip_prefix(['ب', 'ل', 'ك']) {
                if after.chars().count() >= 2 {
                    out.push(Reading {
                        skip: byte_after_letters(self.text, letters + 1),
                        key: after.to_string(),
                        restored: false,
                    });
                }
            }
            if letters == 1 && rest.chars().count() >= 2 {
                out.push(Reading {
                    skip: byte_after_letters(self.text, 1),
                    key: rest.to_string(),
                    restored: false,
                });
            }
        }
        let whole = vocab.freq(&self.key);
        if whole > 0 {
            out.retain(|r| r.skip == 0 || vocab.freq(&r.key) >= whole);
        }
        // Fewest letters taken off first, so a word known as written stays whole.
        out.sort_by_key(|r| (r.skip, r.restored));
        out.dedup();
        out
    }
}

/// Byte offset in `text` after its first `n` letters (marks written on them included).
pub fn byte_after_letters(text: &str, n: usize) -> usize {
    let mut seen = 0;
    for (i, c) in text.char_indices() {
        if key_char(c).is_some() {
            if seen == n {
                return i;
            }
            seen += 1;
        }
    }
    text.len()
}

/// The words of a sentence's tokens; glued country names are cut into their parts.
pub fn words<'a>(body: &'a str, tokens: &[Token<'a>], kb: &Kb) -> Vec<Word<'a>> {
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        let k = key(t.text);
        if k.is_empty() {
            continue;
        }
        if t.kind == TokenKind::Word && k.chars().count() >= 7 && !kb.is_name_key(&k) {
            // Only states are written glued this way; town names would cut ordinary
            // transliterated names apart (توروسيان is not تور + و + سيان).
            let known = |p: &str| {
                kb.lookup(p)
                    .first()
                    .is_some_and(|r| matches!(r.class, EntityClass::Country | EntityClass::Capital))
            };
            if let Some(parts) = split_glued(t.text, t.span.start, &known) {
                for p in parts {
                    if let Some(text) = body.get(p.start..p.end) {
                        out.push(Word {
                            text,
                            span: p,
                            kind: t.kind,
                            key: key(text),
                        });
                    }
                }
                continue;
            }
        }
        out.push(Word {
            text: t.text,
            span: t.span,
            kind: t.kind,
            key: k,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_text::tokenize;

    fn word(text: &str) -> Word<'_> {
        Word {
            text,
            span: Span::new(0, text.len()),
            kind: TokenKind::Word,
            key: key(text),
        }
    }

    #[test]
    fn readings_offer_each_proclitic_layer() {
        let none = Vocabulary::default();
        let keys: Vec<(usize, String)> = word("وبأرمينيا")
            .readings(&none)
            .into_iter()
            .map(|r| (r.skip, r.key))
            .collect();
        assert_eq!(
            keys,
            vec![
                (0, "وبارمينيا".to_string()),
                ("و".len(), "بارمينيا".to_string()),
                ("وب".len(), "ارمينيا".to_string())
            ]
        );
        let r = word("للأمم").readings(&none);
        let contracted = r.iter().find(|r| r.restored).expect("لل reading");
        assert_eq!(contracted.key, "الامم");
        assert_eq!(&"للأمم"[contracted.skip..], "لأمم");
    }

    #[test]
    fn a_frequent_word_keeps_its_first_letter() {
        let vocab = Vocabulary::embedded();
        assert!(word("وزيرا").readings(vocab).iter().all(|r| r.skip == 0));
        assert!(word("وأرمينيا")
            .readings(vocab)
            .iter()
            .any(|r| r.key == "ارمينيا"));
    }

    #[test]
    fn marks_on_a_proclitic_stay_with_it() {
        assert_eq!(byte_after_letters("وَموسكو", 1), "وَ".len());
    }

    #[test]
    fn glued_countries_are_cut() {
        let kb = Kb::embedded();
        let body = "بين أذربيجانوأرمينيا";
        let ws = words(body, &tokenize(body), kb);
        let texts: Vec<&str> = ws.iter().map(|w| w.text).collect();
        assert_eq!(texts, vec!["بين", "أذربيجان", "و", "أرمينيا"]);
    }
}
