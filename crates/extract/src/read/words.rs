//! The words of one sentence as the mention finder sees them: each token with its
//! matching key, computed once, and the ways its proclitics can be read.
//!
//! A proclitic is only a reading here, never a decision: وأرمينيا offers و + أرمينيا,
//! and the knowledge base decides which reading names something. Words glued at a
//! conjunction (أذربيجانوأرمينيا) are cut into their parts when each part is a name.

use marsad_kb::{EntityClass, Kb};
use marsad_model::Span;
use marsad_text::{is_own_key, key_char, key_into, split_glued, Token, TokenKind, Vocabulary};

/// One token of a sentence.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub text: &'a str,
    pub span: Span,
    pub kind: TokenKind,
    /// Matching key of the whole token (empty for quotation marks).
    pub key: &'a str,
    /// For ل + ال written لل (للأمم، وللأمم): the key after the proclitics with the
    /// article written out (الامم).
    contracted: Option<&'a str>,
}

/// One reading of a word's proclitics: the name starts `skip` bytes into the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading<'a> {
    pub skip: usize,
    /// Key of the word without the proclitics, article spelled out (للأمم → الامم).
    pub key: &'a str,
    /// The ل of لل stands for ال: the shown text gets ال back.
    pub restored: bool,
}

impl<'a> Word<'a> {
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Latin)
    }

    /// The readings of this word, fewest proclitics first: as written; without و/ف;
    /// without ب/ل/ك (after an optional و/ف); ل + ال written لل. A word the corpus
    /// knows loses a proclitic only when what remains is at least as frequent: وزيرا is
    /// not و + زيرا, nor بلينكن ب + لينكن, but وأرمينيا is و + أرمينيا.
    pub fn readings(&self, vocab: &Vocabulary) -> Vec<Reading<'a>> {
        let mut out = Vec::new();
        self.readings_into(vocab, &mut out);
        out
    }

    /// [`Word::readings`] written into `out` (cleared first): the mention finder asks
    /// for the readings of every word, so one buffer serves a whole sentence.
    pub fn readings_into(&self, vocab: &Vocabulary, out: &mut Vec<Reading<'a>>) {
        self.proclitic_readings_into(out);
        if out.len() > 1 {
            retain_known(vocab, self.key, out);
        }
    }

    /// Every reading of the proclitics, before the corpus is asked (see
    /// [`Word::readings`]), fewest letters taken off first; `out` is cleared first.
    /// Filtering with [`retain_known`] afterwards gives the readings: the mention
    /// finder filters only the few readings that may start a name, since the corpus
    /// look-ups cost more than the readings.
    pub fn proclitic_readings_into(&self, out: &mut Vec<Reading<'a>>) {
        out.clear();
        out.push(Reading {
            skip: 0,
            key: self.key,
            restored: false,
        });
        if self.kind != TokenKind::Word {
            return;
        }
        let k = self.key;
        let conj = k.strip_prefix(['و', 'ف']);
        for (letters, rest) in [(0, Some(k)), (1, conj)] {
            let Some(rest) = rest else {
                continue;
            };
            if rest.starts_with("لل") {
                if let Some(contracted) = self.contracted {
                    out.push(Reading {
                        skip: byte_after_letters(self.text, letters + 1),
                        key: contracted,
                        restored: true,
                    });
                }
            }
            if let Some(after) = rest.strip_prefix(['ب', 'ل', 'ك']) {
                if has_letters(after, 2) {
                    out.push(Reading {
                        skip: byte_after_letters(self.text, letters + 1),
                        key: after,
                        restored: false,
                    });
                }
            }
            if letters == 1 && has_letters(rest, 2) {
                out.push(Reading {
                    skip: byte_after_letters(self.text, 1),
                    key: rest,
                    restored: false,
                });
            }
        }
        if out.len() == 1 {
            return;
        }
        // Fewest letters taken off first, so a word known as written stays whole.
        out.sort_by_key(|r| (r.skip, r.restored));
        out.dedup();
    }
}

/// Keeps, of the readings of a word with key `whole_key`, those the corpus allows: a
/// word it knows loses a proclitic only when what remains is at least as frequent.
pub fn retain_known(vocab: &Vocabulary, whole_key: &str, readings: &mut Vec<Reading<'_>>) {
    if readings.iter().all(|r| r.skip == 0) {
        return;
    }
    let whole = vocab.freq(whole_key);
    if whole > 0 {
        readings.retain(|r| r.skip == 0 || vocab.freq(r.key) >= whole);
    }
}

/// Whether `s` has at least `n` chars, without counting them all.
fn has_letters(s: &str, n: usize) -> bool {
    s.chars().nth(n - 1).is_some()
}

/// The key after و/ف + لل with the article written out (وللأمم → الامم), when the
/// rest has at least two letters.
fn contracted_rest(key: &str) -> Option<&str> {
    let rest = key.strip_prefix(['و', 'ف']).unwrap_or(key);
    rest.strip_prefix("لل")
        .filter(|after| has_letters(after, 2))
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

/// Where a word's key is: in the body (a word that is its own key) or in the key buffer.
enum KeyAt<'a> {
    Body(&'a str),
    Buffer(usize, usize),
}

/// Where a word's keys are, before the key buffer is lent out.
struct Pending<'a> {
    text: &'a str,
    span: Span,
    kind: TokenKind,
    key: KeyAt<'a>,
    contracted: Option<(usize, usize)>,
}

/// The words of a sentence's tokens; glued country names are cut into their parts.
/// Keys are written into `keys` (cleared first), one buffer for the sentence, and the
/// words borrow them; a word that is its own key (most are) borrows the body instead.
pub fn words<'a>(
    body: &'a str,
    tokens: &[Token<'a>],
    kb: &Kb,
    keys: &'a mut String,
) -> Vec<Word<'a>> {
    keys.clear();
    let mut pending = Vec::with_capacity(tokens.len());
    let mut one = String::new();
    for t in tokens {
        let own = is_own_key(t.text) && !t.text.is_empty();
        let key: &str = if own {
            t.text
        } else {
            key_into(t.text, &mut one);
            if one.is_empty() {
                continue;
            }
            &one
        };
        if t.kind == TokenKind::Word && may_be_glued(key) && !kb.is_name_key(key) {
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
                        key_into(text, &mut one);
                        pending.push(push_keys(keys, text, p, t.kind, &one));
                    }
                }
                continue;
            }
        }
        if own {
            pending.push(Pending {
                text: t.text,
                span: t.span,
                kind: t.kind,
                key: KeyAt::Body(t.text),
                contracted: contracted_into(keys, t.text),
            });
        } else {
            pending.push(push_keys(keys, t.text, t.span, t.kind, &one));
        }
    }
    let keys: &'a str = keys;
    pending
        .into_iter()
        .map(|p| Word {
            text: p.text,
            span: p.span,
            kind: p.kind,
            key: match p.key {
                KeyAt::Body(k) => k,
                KeyAt::Buffer(a, b) => &keys[a..b],
            },
            contracted: p.contracted.map(|(a, b)| &keys[a..b]),
        })
        .collect()
}

fn push_keys<'a>(
    keys: &mut String,
    text: &'a str,
    span: Span,
    kind: TokenKind,
    key: &str,
) -> Pending<'a> {
    let start = keys.len();
    keys.push_str(key);
    let key_range = (start, keys.len());
    Pending {
        text,
        span,
        kind,
        key: KeyAt::Buffer(key_range.0, key_range.1),
        contracted: contracted_into(keys, key),
    }
}

/// Writes the key after لل with the article spelled out (see [`contracted_rest`]) into
/// `keys`, and returns where it is.
fn contracted_into(keys: &mut String, key: &str) -> Option<(usize, usize)> {
    contracted_rest(key).map(|after| {
        let start = keys.len();
        keys.push_str("ال");
        keys.push_str(after);
        (start, keys.len())
    })
}

/// Whether a key is long enough and holds a و where `split_glued` could cut it (three
/// letters on each side at least): most words are turned away here.
fn may_be_glued(key: &str) -> bool {
    // Cheap refusals first: seven letters take seven bytes at least, and و (D9 88 in
    // UTF-8) needs its last byte somewhere, which one byte search finds.
    if key.len() < 7 || !key.as_bytes().contains(&0x88) {
        return false;
    }
    let n = key.chars().count();
    n >= 7
        && key
            .chars()
            .skip(3)
            .take(n.saturating_sub(6))
            .any(|c| c == 'و')
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_text::tokenize;

    fn word<'a>(text: &'a str, keys: &'a mut String) -> Word<'a> {
        let tokens = tokenize(text);
        words(text, &tokens, Kb::embedded(), keys)[0]
    }

    #[test]
    fn readings_offer_each_proclitic_layer() {
        let none = Vocabulary::default();
        let mut buf = String::new();
        let keys: Vec<(usize, &str)> = word("وبأرمينيا", &mut buf)
            .readings(&none)
            .into_iter()
            .map(|r| (r.skip, r.key))
            .collect();
        assert_eq!(
            keys,
            vec![
                (0, "وبارمينيا"),
                ("و".len(), "بارمينيا"),
                ("وب".len(), "ارمينيا")
            ]
        );
        let mut buf = String::new();
        let r = word("للأمم", &mut buf).readings(&none);
        let contracted = r.iter().find(|r| r.restored).expect("لل reading");
        assert_eq!(contracted.key, "الامم");
        assert_eq!(&"للأمم"[contracted.skip..], "لأمم");
    }

    #[test]
    fn a_frequent_word_keeps_its_first_letter() {
        let vocab = Vocabulary::embedded();
        let mut buf = String::new();
        assert!(word("وزيرا", &mut buf)
            .readings(vocab)
            .iter()
            .all(|r| r.skip == 0));
        let mut buf = String::new();
        assert!(word("وأرمينيا", &mut buf)
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
        let mut keys = String::new();
        let ws = words(body, &tokenize(body), kb, &mut keys);
        let texts: Vec<&str> = ws.iter().map(|w| w.text).collect();
        assert_eq!(texts, vec!["بين", "أذربيجان", "و", "أرمينيا"]);
    }
}
