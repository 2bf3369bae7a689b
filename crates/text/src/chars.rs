//! Character classes shared by the tokenizer and the sentence splitter.
//!
//! One `match` per character, no tables to load: the hot loops call these for every char.

/// What role a character plays when text is cut into tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// An Arabic-script letter (any Arabic block, presentation forms included).
    Arabic,
    /// Diacritics, tatweel and combining marks: they belong to the character before them.
    Mark,
    /// A letter of any other script.
    Latin,
    /// ASCII, Arabic-Indic or Persian digit.
    Digit,
    White,
    /// Bidi controls, zero-width space, BOM: invisible, and never part of a token.
    Invisible,
    Punct,
    Symbol,
}

/// `class` of U+0600..=U+06FF, where words are: the tokenizer reads them by byte pairs.
pub(crate) static ARABIC_CLASSES: std::sync::LazyLock<[Class; 256]> =
    std::sync::LazyLock::new(|| {
        std::array::from_fn(|i| char::from_u32(0x0600 + i as u32).map_or(Class::Symbol, class))
    });

/// The entry of [`ARABIC_CLASSES`] for the two-byte char `lead next` (lead 0xD8..=0xDB).
#[inline]
pub(crate) fn arabic_class(table: &[Class; 256], lead: u8, next: u8) -> Class {
    table[(usize::from(lead.wrapping_sub(0xD8) & 3) << 6) | usize::from(next & 0x3F)]
}

pub(crate) fn class(c: char) -> Class {
    if c.is_ascii() {
        return match c {
            'a'..='z' | 'A'..='Z' => Class::Latin,
            '0'..='9' => Class::Digit,
            '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~' => Class::Symbol,
            c if c.is_ascii_punctuation() => Class::Punct,
            c if c.is_ascii_whitespace() => Class::White,
            // Other ASCII control characters.
            _ => Class::Invisible,
        };
    }
    // The letters that make up most of a body, before the long match.
    if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}') {
        return Class::Arabic;
    }
    match c {
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}' => Class::Mark,
        '\u{06EA}'..='\u{06ED}' | '\u{0640}' | '\u{08CA}'..='\u{08FF}' => Class::Mark,
        '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => Class::Digit,
        '\u{060C}' | '\u{060D}' | '\u{061B}' | '\u{061E}' | '\u{061F}' | '\u{066B}'
        | '\u{066C}' => Class::Punct,
        '\u{06D4}' | '\u{FD3E}' | '\u{FD3F}' => Class::Punct,
        '\u{0620}'..='\u{063F}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFE}' => Class::Arabic,
        // Combining marks of other scripts, joiners, variation selectors, emoji modifiers:
        // they continue whatever comes before them.
        '\u{0300}'..='\u{036F}'
        | '\u{00AD}'
        | '\u{200C}'
        | '\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}' => Class::Mark,
        '\u{200B}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' => Class::Invisible,
        '\u{FEFF}' => Class::Invisible,
        c if c.is_whitespace() => Class::White,
        '\u{00A1}' | '\u{00A7}' | '\u{00AB}' | '\u{00B6}' | '\u{00B7}' | '\u{00BB}'
        | '\u{00BF}' => Class::Punct,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{2E00}'..='\u{2E7F}' => Class::Punct,
        '\u{3000}'..='\u{303F}' | '\u{FE10}'..='\u{FE19}' | '\u{FE30}'..='\u{FE6F}' => Class::Punct,
        c if c.is_alphabetic() => Class::Latin,
        c if c.is_control() => Class::Invisible,
        _ => Class::Symbol,
    }
}

/// Digit value of an ASCII, Arabic-Indic or Persian digit.
pub(crate) fn is_digit(c: char) -> bool {
    matches!(c, '0'..='9' | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// Separators that stay inside a number when a digit follows: "1,300", "3.5", "٣٫٥".
pub(crate) fn is_number_separator(c: char) -> bool {
    matches!(c, ',' | '.' | '\u{066B}' | '\u{066C}')
}

/// Quotation marks that open or close a quote (apostrophes are left out: they occur
/// inside transliterated names).
pub(crate) fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2039}'
            | '\u{203A}'
    )
}

pub(crate) fn is_closing_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '}')
}

/// The char at byte `i` of `s`, or `None` past the end or off a char boundary. ASCII and
/// two-byte chars (the whole Arabic block) are decoded from the bytes directly: the
/// scanners that step through a key byte by byte call this for every char, and going
/// through `str` slicing checked the boundary and the sequence again each time.
#[inline]
pub fn char_at(s: &str, i: usize) -> Option<char> {
    let b = s.as_bytes();
    let lead = *b.get(i)?;
    if lead < 0x80 {
        return Some(char::from(lead));
    }
    if lead & 0xE0 == 0xC0 {
        if let Some(&next) = b.get(i + 1) {
            return char::from_u32((u32::from(lead & 0x1F) << 6) | u32::from(next & 0x3F));
        }
    }
    s.get(i..)?.chars().next()
}

#[cfg(test)]
mod char_at_tests {
    use super::char_at;

    #[test]
    fn char_at_agrees_with_str_at_every_byte() {
        let text: String = ('\u{0}'..='\u{0800}')
            .chain("وقال: «٢٠٢٢» — 🙂 ﻻ".chars())
            .collect();
        for i in 0..=text.len() + 1 {
            let expected = text.get(i..).and_then(|rest| rest.chars().next());
            assert_eq!(char_at(&text, i), expected, "byte {i}");
        }
    }
}
