//! Properties every caller relies on: spans slice the original text on char boundaries,
//! whatever the input (Arabic with diacritics, mixed scripts, emoji, control characters).

use marsad_text::{
    key, light_stem, sentences, split_clitics, split_glued, tokenize, Keyed, Span, TokenKind,
    Vocabulary,
};
use proptest::prelude::*;

/// Characters that exercise every branch of the tokenizer and the sentence splitter.
const ALPHABET: &[char] = &[
    'ا',
    'أ',
    'إ',
    'آ',
    'ب',
    'ت',
    'ة',
    'ل',
    'م',
    'و',
    'ف',
    'ك',
    'ي',
    'ى',
    'ؤ',
    'ئ',
    'ء',
    'ن',
    'ر',
    '\u{064E}',
    '\u{064B}',
    '\u{0651}',
    '\u{0652}',
    '\u{0670}',
    'ـ',
    '٣',
    '٫',
    '٬',
    '0',
    '1',
    '9',
    ',',
    '.',
    '!',
    '?',
    '؟',
    '،',
    '؛',
    ':',
    '"',
    '\'',
    '«',
    '»',
    '“',
    '”',
    '(',
    ')',
    '[',
    ']',
    '/',
    '-',
    '%',
    '٪',
    ' ',
    ' ',
    '\n',
    '\r',
    '\t',
    '\u{00A0}',
    '\u{200F}',
    '\u{200D}',
    '\u{FEFF}',
    'a',
    'Z',
    'é',
    '\u{0301}',
    'Ж',
    '😀',
    '🇸',
    '\u{FE0F}',
    '\u{1F3FB}',
    '…',
    '\u{0000}',
    'ﻻ',
];

fn mixed_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(ALPHABET), 0..80)
            .prop_map(|cs| cs.into_iter().collect::<String>()),
        1 => any::<String>(),
    ]
}

fn arabic_word() -> impl Strategy<Value = String> {
    let letters = &ALPHABET[..25];
    prop::collection::vec(prop::sample::select(letters), 1..12)
        .prop_map(|cs| cs.into_iter().collect())
}

fn on_boundaries(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// A deterministic, arbitrary "known" predicate, so that splits do happen.
fn pseudo_known(k: &str) -> bool {
    k.chars().map(u32::from).sum::<u32>() % 3 == 0
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn tokens_slice_the_original_text(text in mixed_text()) {
        let mut last_end = 0;
        for t in tokenize(&text) {
            prop_assert!(on_boundaries(&text, t.span));
            prop_assert_eq!(&text[t.span.start..t.span.end], t.text);
            prop_assert!(!t.text.is_empty());
            prop_assert!(t.span.start >= last_end, "tokens in order, not overlapping");
            prop_assert!(!t.text.chars().any(char::is_whitespace));
            if t.kind == TokenKind::Number {
                prop_assert!(t.text.chars().next().is_some_and(|c| c.is_numeric()));
            }
            last_end = t.span.end;
        }
    }

    #[test]
    fn key_is_idempotent(text in mixed_text()) {
        let k = key(&text);
        prop_assert_eq!(key(&k), k);
    }

    #[test]
    fn sentences_are_ordered_trimmed_and_cover_every_word(text in mixed_text()) {
        let spans = sentences(&text);
        let mut last_end = 0;
        for s in &spans {
            prop_assert!(on_boundaries(&text, *s));
            prop_assert!(s.start >= last_end && s.start < s.end);
            let sentence = &text[s.start..s.end];
            prop_assert_eq!(sentence.trim(), sentence);
            last_end = s.end;
        }
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() {
                prop_assert!(spans.iter().any(|s| s.start <= i && i < s.end), "{:?} at {} outside", c, i);
            }
        }
    }

    #[test]
    fn keyed_span_of_gives_char_boundaries(text in mixed_text(), a in 0usize..200, b in 0usize..200) {
        let keyed = Keyed::new(&text);
        let n = keyed.key.len() + 2;
        let (start, end) = (a % n, b % n);
        let (s, e) = keyed.span_of(start.min(end), start.max(end), &text);
        let span = Span::new(s, e);
        prop_assert!(on_boundaries(&text, span));
    }

    #[test]
    fn clitic_spans_tile_the_word(word in arabic_word(), offset in 0usize..1000) {
        let check = |c: marsad_text::Clitics| -> Result<(), TestCaseError> {
            let text = format!("{}{}", " ".repeat(offset), word);
            let parts: Vec<Span> = [c.conj, c.prep, c.article, Some(c.stem)].into_iter().flatten().collect();
            prop_assert_eq!(parts.first().map(|s| s.start), Some(offset));
            prop_assert_eq!(c.stem.end, offset + word.len());
            for pair in parts.windows(2) {
                prop_assert_eq!(pair[0].end, pair[1].start);
            }
            for p in &parts {
                prop_assert!(on_boundaries(&text, *p) && !p.is_empty());
            }
            Ok(())
        };
        check(split_clitics(&word, offset, &pseudo_known))?;
        check(Vocabulary::embedded().split_clitics(&word, offset))?;
    }

    #[test]
    fn glued_parts_tile_the_word(word in arabic_word()) {
        if let Some(parts) = split_glued(&word, 0, &pseudo_known) {
            prop_assert_eq!(parts.first().map(|s| s.start), Some(0));
            prop_assert_eq!(parts.last().map(|s| s.end), Some(word.len()));
            for pair in parts.windows(2) {
                prop_assert_eq!(pair[0].end, pair[1].start);
            }
        }
    }

    #[test]
    fn light_stems_only_strip_affixes(text in mixed_text()) {
        let k = key(&text);
        let stemmed = light_stem(&k);
        let words: Vec<&str> = k.split(' ').collect();
        let stems: Vec<&str> = stemmed.split(' ').collect();
        prop_assert_eq!(words.len(), stems.len());
        for (w, s) in words.iter().zip(&stems) {
            prop_assert!(w.contains(s));
            prop_assert!(w.is_empty() || !s.is_empty());
        }
    }
}
