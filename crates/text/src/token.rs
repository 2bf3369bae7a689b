//! Tokens: slices of the original text with their byte spans.
//!
//! Tokens split on white space, on every punctuation mark and on script changes
//! (Arabic letters / other letters / digits). Diacritics and tatweel stay inside the word
//! they decorate, so `&text[token.span]` is always the word as written; matching code
//! keys it with [`crate::key`].

use crate::chars::{arabic_class, class, is_digit, is_number_separator, Class, ARABIC_CLASSES};
use marsad_model::Span;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum TokenKind {
    /// Arabic-script word, with its diacritics and tatweel.
    Word,
    /// A word in any other script (Latin, Cyrillic...); may hold ASCII digits ("G20").
    Latin,
    /// ASCII or Arabic-Indic digits, with `,` `.` `٫` `٬` between digits ("06,00", "1,300").
    Number,
    /// One punctuation mark (`،` `؛` `؟` `.` quotes, brackets, dashes...).
    Punct,
    /// Anything else that is visible: `%`, `$`, `+`, emoji.
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token<'a> {
    /// The token exactly as written: `&text[span.start..span.end]`.
    pub text: &'a str,
    pub span: Span,
    pub kind: TokenKind,
}

impl Token<'_> {
    /// The token's matching key ([`crate::key`]); in loops prefer [`crate::key_into`].
    pub fn key(&self) -> String {
        crate::key(self.text)
    }
}

/// All tokens of `text`, in order. See [`Tokens`] for a streaming version.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    // News prose averages about seven bytes per token: one allocation, rarely two.
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    out.extend(Tokens::new(text));
    out
}

/// Tokens of a text, produced lazily without allocating.
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str) -> Self {
        Tokens { text, pos: 0 }
    }

    /// Tokens of `text[offset..]` whose spans are relative to the whole `text`.
    /// `offset` is moved back to the char boundary at or before it.
    pub fn from_offset(text: &'a str, offset: usize) -> Self {
        let mut pos = offset.min(text.len());
        while !text.is_char_boundary(pos) {
            pos -= 1;
        }
        Tokens { text, pos }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let rest = &self.text[self.pos..];
        let mut chars = rest.char_indices().peekable();
        // Skip what separates tokens.
        let (start, first, first_class) = loop {
            let (i, c) = chars.next()?;
            if c == ' ' {
                continue;
            }
            let cl = class(c);
            if !matches!(cl, Class::White | Class::Invisible) {
                break (i, c, cl);
            }
        };
        let mut end = start + first.len_utf8();
        let mut has_letter = first_class == Class::Arabic;
        let kind = match first_class {
            Class::Arabic | Class::Mark => {
                // Words are nearly all two-byte chars of the Arabic block: read by byte
                // pairs from a table, other chars one by one.
                let bytes = rest.as_bytes();
                let table = &*ARABIC_CLASSES;
                loop {
                    let (cl, len) = match bytes.get(end..end + 2) {
                        Some(&[lead @ 0xD8..=0xDB, next]) => (arabic_class(table, lead, next), 2),
                        _ => match rest.get(end..).and_then(|r| r.chars().next()) {
                            Some(c) => (class(c), c.len_utf8()),
                            None => break,
                        },
                    };
                    match cl {
                        Class::Arabic => has_letter = true,
                        Class::Mark => {}
                        _ => break,
                    }
                    end += len;
                }
                // A run of tatweel or stray marks is decoration, not a word ("الرياض ـ واس").
                if has_letter {
                    TokenKind::Word
                } else {
                    TokenKind::Punct
                }
            }
            Class::Latin => {
                while let Some(&(i, c)) = chars.peek() {
                    let continues = match class(c) {
                        Class::Latin | Class::Mark => true,
                        Class::Digit => c.is_ascii_digit(),
                        _ => false,
                    };
                    if !continues {
                        break;
                    }
                    end = i + c.len_utf8();
                    chars.next();
                }
                TokenKind::Latin
            }
            Class::Digit => {
                while let Some(&(i, c)) = chars.peek() {
                    if is_digit(c) || class(c) == Class::Mark {
                        end = i + c.len_utf8();
                        chars.next();
                        continue;
                    }
                    if !is_number_separator(c) {
                        break;
                    }
                    // A separator stays only when a digit follows it.
                    let after = &rest[i + c.len_utf8()..];
                    match after.chars().next() {
                        Some(d) if is_digit(d) => {
                            chars.next();
                            chars.next();
                            end = i + c.len_utf8() + d.len_utf8();
                        }
                        _ => break,
                    }
                }
                TokenKind::Number
            }
            Class::Punct | Class::Symbol => {
                while let Some(&(i, c)) = chars.peek() {
                    if class(c) != Class::Mark {
                        break;
                    }
                    end = i + c.len_utf8();
                    chars.next();
                }
                if first_class == Class::Punct {
                    TokenKind::Punct
                } else {
                    TokenKind::Symbol
                }
            }
            Class::White | Class::Invisible => unreachable!("skipped above"),
        };
        let span = Span::new(self.pos + start, self.pos + end);
        self.pos += end;
        Some(Token {
            text: &self.text[span.start..span.end],
            span,
            kind,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text).iter().map(|t| (t.text, t.kind)).collect()
    }

    #[test]
    fn splits_arabic_punctuation_and_quotes() {
        // Seed 000: a quote with a time in brackets.
        let text = "بتوقيت موسكو (06,00 ت غ)\"، معربة عن \"قلقها البالغ\"";
        let words: Vec<&str> = tokenize(text).iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "بتوقيت",
                "موسكو",
                "(",
                "06,00",
                "ت",
                "غ",
                ")",
                "\"",
                "،",
                "معربة",
                "عن",
                "\"",
                "قلقها",
                "البالغ",
                "\""
            ]
        );
    }

    #[test]
    fn keeps_diacritics_and_tatweel_inside_words() {
        use TokenKind::*;
        assert_eq!(
            texts("قُتِلَ 49 جنديًا، وطالبت بـ\"الاحترام\""),
            [
                ("قُتِلَ", Word),
                ("49", Number),
                ("جنديًا", Word),
                ("،", Punct),
                ("وطالبت", Word),
                ("بـ", Word),
                ("\"", Punct),
                ("الاحترام", Word),
                ("\"", Punct)
            ]
        );
    }

    #[test]
    fn numbers_keep_inner_separators_only() {
        use TokenKind::*;
        // SaudiNewsNet style: amounts with thousands separators, Arabic-Indic digits.
        assert_eq!(
            texts("بلغت 1,300 ريال، أي ٣٫٥٪ في 2015."),
            [
                ("بلغت", Word),
                ("1,300", Number),
                ("ريال", Word),
                ("،", Punct),
                ("أي", Word),
                ("٣٫٥", Number),
                ("٪", Symbol),
                ("في", Word),
                ("2015", Number),
                (".", Punct)
            ]
        );
    }

    #[test]
    fn scripts_split_and_latin_keeps_its_digits() {
        use TokenKind::*;
        assert_eq!(
            texts("قمة G20 في «الرياض»/كوفيد-19 عام 2020م"),
            [
                ("قمة", Word),
                ("G20", Latin),
                ("في", Word),
                ("«", Punct),
                ("الرياض", Word),
                ("»", Punct),
                ("/", Punct),
                ("كوفيد", Word),
                ("-", Punct),
                ("19", Number),
                ("عام", Word),
                ("2020", Number),
                ("م", Word)
            ]
        );
    }

    #[test]
    fn tatweel_alone_is_punctuation_and_invisibles_are_skipped() {
        use TokenKind::*;
        assert_eq!(
            texts("الرياض ـ واس\u{200F} 🇸🇦"),
            [
                ("الرياض", Word),
                ("ـ", Punct),
                ("واس", Word),
                ("🇸", Symbol),
                ("🇦", Symbol)
            ]
        );
    }

    #[test]
    fn hashtags_and_tanwin_from_an_ant_corpus_sentence() {
        use TokenKind::*;
        let text = "أعيد انتخاب الرئيس الفلسطيني، #محمود_عباس، رئيساً للجنة التنفيذية.";
        let tokens = texts(text);
        assert_eq!(
            tokens[3..11],
            [
                ("الفلسطيني", Word),
                ("،", Punct),
                ("#", Punct),
                ("محمود", Word),
                ("_", Punct),
                ("عباس", Word),
                ("،", Punct),
                ("رئيساً", Word)
            ]
        );
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "  وقال المتحدث: «سنعود»؛ وانتهى.\n";
        for t in tokenize(text) {
            assert_eq!(&text[t.span.start..t.span.end], t.text);
        }
        let from = Tokens::from_offset(text, 10).next().map(|t| t.span.start);
        assert!(from.is_some_and(|s| s >= 10));
    }
}
