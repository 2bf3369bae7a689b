//! Matching keys: the same name in any of its everyday spellings gets one key.

use crate::origins::{Offset, Origins};

/// Maps one character to its key form: `None` drops it (diacritics, tatweel, quotes).
///
/// أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ ئ → ء, Arabic-Indic and Persian digits → ASCII.
#[inline]
pub const fn key_char(c: char) -> Option<char> {
    // Most chars of a text: settled before the long match.
    if is_plain_arabic_letter(c) || (c.is_ascii() && c != '"') {
        return Some(c);
    }
    Some(match c {
        // Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks, tatweel.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => return None,
        // Bidi controls and zero-width characters that editors leave in text.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => return None,
        // Quotation marks do not distinguish names.
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ؤ' | 'ئ' => 'ء',
        '٠'..='٩' => (b'0' + (c as u32 - '٠' as u32) as u8) as char,
        '۰'..='۹' => (b'0' + (c as u32 - '۰' as u32) as u8) as char,
        c => c,
    })
}

/// Arabic letters `key_char` leaves as they are (ء ا ب ت ث ... غ ف ... و ي), all two
/// bytes long.
#[inline]
const fn is_plain_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}' | '\u{0627}'..='\u{0628}' | '\u{062A}'..='\u{063A}' | '\u{0641}'..='\u{0648}' | '\u{064A}')
}

/// The matching key of a text: `key_char` on every character, and runs of white space
/// made one space, trimmed.
pub fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    key_into(text, &mut out);
    out
}

/// [`key`] written into `out` (cleared first): one buffer reused over many tokens
/// saves an allocation per token in hot loops.
pub fn key_into(text: &str, out: &mut String) {
    out.clear();
    out.reserve(text.len());
    let bytes = text.as_bytes();
    // Most of a text keys to itself: such runs are copied whole (`run..i`), and only
    // the characters that change, and white space, are handled one by one. A space is
    // owed (`space`) between a white-space stretch and the next kept character.
    let (mut run, mut i, mut space) = (0, 0, false);
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            match b {
                // One space between two characters that key to themselves is itself.
                b' ' if i > run && plain_at(bytes, i + 1) => {}
                // `char::is_whitespace` on ASCII.
                b'\t'..=b'\r' | b' ' => {
                    flush(out, text, run, i, &mut space);
                    space = !out.is_empty();
                    run = i + 1;
                }
                b'"' => {
                    flush(out, text, run, i, &mut space);
                    run = i + 1;
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        if let Some(at) = arabic_at(bytes, i) {
            // The Arabic block holds no white space.
            if !ARABIC_SAME[at] {
                flush(out, text, run, i, &mut space);
                if let Some(k) = ARABIC_KEYS[at] {
                    if space {
                        out.push(' ');
                        space = false;
                    }
                    out.push(k);
                }
                run = i + 2;
            }
            i += 2;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let k = if c.is_whitespace() { None } else { key_char(c) };
        if k != Some(c) {
            flush(out, text, run, i, &mut space);
            if c.is_whitespace() {
                space = !out.is_empty();
            } else if let Some(k) = k {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(k);
            }
            run = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    flush(out, text, run, bytes.len(), &mut space);
}

/// Whether `text` is its own matching key (`key(text) == text`), told from its bytes:
/// most words of a text are, and then need no key of their own. Characters outside ASCII
/// and the Arabic block answer false, even where they would key to themselves.
#[inline]
pub fn is_own_key(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if matches!(b, b'\t'..=b'\r' | b' ' | b'"') {
                return false;
            }
            i += 1;
            continue;
        }
        match arabic_at(bytes, i) {
            Some(at) if ARABIC_SAME[at] => i += 2,
            _ => return false,
        }
    }
    true
}

/// Copies the unchanged bytes `start..end`, after the space owed before them.
#[inline]
fn flush(out: &mut String, text: &str, start: usize, end: usize, space: &mut bool) {
    if let Some(run) = text.get(start..end).filter(|r| !r.is_empty()) {
        if *space {
            out.push(' ');
            *space = false;
        }
        out.push_str(run);
    }
}

/// Copies the bytes `start..end` of `text`, which key to themselves, with the origin of
/// each: the offset of the character it belongs to.
#[inline]
fn copy_run<O: Offset>(
    key: &mut String,
    origin: &mut Vec<O>,
    text: &str,
    start: usize,
    end: usize,
) {
    let Some(run) = text.get(start..end) else {
        return;
    };
    key.push_str(run);
    let mut char_start = O::of(start);
    origin.extend(run.bytes().enumerate().map(|(j, b)| {
        // A continuation byte belongs to the character before it.
        if b & 0xC0 != 0x80 {
            char_start = O::of(start + j);
        }
        char_start
    }));
}

/// Where the character at byte `i` is in U+0600..=U+06FF (two bytes in UTF-8): its
/// offset in that block.
#[inline]
fn arabic_at(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i..i + 2)? {
        [lead @ 0xD8..=0xDB, next] => {
            Some((usize::from(*lead - 0xD8) << 6) | usize::from(*next & 0x3F))
        }
        _ => None,
    }
}

/// Whether the character at byte `i` is ASCII or Arabic that keys to itself and is not
/// white space.
#[inline]
fn plain_at(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(&b) if b < 0x80 => !matches!(b, b'\t'..=b'\r' | b' ' | b'"'),
        Some(_) => arabic_at(bytes, i).is_some_and(|at| ARABIC_SAME[at]),
        None => false,
    }
}

/// Which characters of U+0600..=U+06FF key to themselves.
static ARABIC_SAME: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = match (ARABIC_KEYS[i], char::from_u32(0x0600 + i as u32)) {
            (Some(k), Some(c)) => k as u32 == c as u32,
            _ => false,
        };
        i += 1;
    }
    table
};

/// `key_char` of U+0600..=U+06FF, where no character is white space.
static ARABIC_KEYS: [Option<char>; 256] = {
    let mut table = [None; 256];
    let mut i = 0;
    while i < 256 {
        if let Some(c) = char::from_u32(0x0600 + i as u32) {
            table[i] = key_char(c);
        }
        i += 1;
    }
    table
};

/// A text's matching key together with, for each byte of the key, the byte offset in the
/// original text of the character it came from. Matches found in `key` map back to
/// original spans with `span_of`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyed {
    pub key: String,
    /// `origin[i]` is the original byte offset of the char that produced key byte `i`;
    /// one extra entry at the end holds the original text's length.
    origin: Origins,
}

impl Keyed {
    /// Keys `text` char by char (no white-space folding, so offsets stay simple).
    pub fn new(text: &str) -> Self {
        if u32::try_from(text.len()).is_ok_and(|n| n < u32::MAX) {
            let (key, origin) = Self::build::<u32>(text);
            Keyed {
                key,
                origin: Origins::Narrow(origin),
            }
        } else {
            let (key, origin) = Self::build::<usize>(text);
            Keyed {
                key,
                origin: Origins::Wide(origin),
            }
        }
    }

    fn build<O: Offset>(text: &str) -> (String, Vec<O>) {
        let bytes = text.as_bytes();
        let mut key = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len() + 1);
        // Most of a body keys to itself: such runs (`run..i`) are copied whole, and only
        // the characters that change are handled one by one.
        let mut run = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                match b {
                    b'"' => {
                        copy_run(&mut key, &mut origin, text, run, i);
                        run = i + 1;
                    }
                    // `char::is_whitespace` on ASCII but the space itself.
                    b'\t'..=b'\r' => {
                        copy_run(&mut key, &mut origin, text, run, i);
                        key.push(' ');
                        origin.push(O::of(i));
                        run = i + 1;
                    }
                    _ => {}
                }
                i += 1;
                continue;
            }
            if let Some(at) = arabic_at(bytes, i) {
                if !ARABIC_SAME[at] {
                    copy_run(&mut key, &mut origin, text, run, i);
                    if let Some(k) = ARABIC_KEYS[at] {
                        key.push(k);
                        origin.extend(std::iter::repeat_n(O::of(i), k.len_utf8()));
                    }
                    run = i + 2;
                }
                i += 2;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let k = if c.is_whitespace() {
                Some(' ')
            } else {
                key_char(c)
            };
            if k != Some(c) {
                copy_run(&mut key, &mut origin, text, run, i);
                if let Some(k) = k {
                    key.push(k);
                    origin.extend(std::iter::repeat_n(O::of(i), k.len_utf8()));
                }
                run = i + c.len_utf8();
            }
            i += c.len_utf8();
        }
        copy_run(&mut key, &mut origin, text, run, bytes.len());
        origin.push(O::of(text.len()));
        (key, origin)
    }

    /// The original byte offset of the char that produced key byte `at`; the text's
    /// length for `at` at or past the end of the key.
    #[inline]
    pub fn origin_of(&self, at: usize) -> usize {
        self.origin.at(at)
    }

    /// The original byte range of key bytes `start..end`: from the first original char
    /// to the end of the last one (dropped marks inside the range are included).
    #[inline]
    pub fn span_of(&self, start: usize, end: usize, text: &str) -> (usize, usize) {
        let s = self.origin.at(start);
        if end <= start {
            return (s, s);
        }
        let last = self.origin.at(end - 1);
        let mut e = last + text[last..].chars().next().map_or(0, char::len_utf8);
        // Nearly every word is followed by a space or ASCII punctuation, which the key
        // keeps (all of ASCII but the quotation mark): settled without decoding.
        match text.as_bytes().get(e) {
            None => return (s, e),
            Some(&b) if b.is_ascii() && b != b'"' => return (s, e),
            _ => {}
        }
        // Marks that follow the last char (a harakah on the final letter) belong to it.
        for c in text[e..].chars() {
            if key_char(c).is_some() || c.is_whitespace() {
                break;
            }
            e += c.len_utf8();
        }
        (s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::{key, key_into, Keyed};

    #[test]
    fn keyed_maps_matches_back_to_original_spans() {
        let text = "قُتِلَ 49 جنديًا أرمينيا";
        let k = Keyed::new(text);
        let at = k.key.find("جنديا").unwrap();
        let (s, e) = k.span_of(at, at + "جنديا".len(), text);
        assert_eq!(&text[s..e], "جنديًا");
        let at = k.key.find("ارمينيا").unwrap();
        let (s, e) = k.span_of(at, at + "ارمينيا".len(), text);
        assert_eq!(&text[s..e], "أرمينيا");
        assert_eq!(k.origin_of(at), s);
        assert_eq!(k.origin_of(k.key.len()), text.len());
    }

    #[test]
    fn spelling_variants_share_a_key() {
        assert_eq!(key("أرمينيا"), key("ارمينيا"));
        assert_eq!(key("جنديًا"), key("جنديا"));
        assert_eq!(key("الإليزيه"), "الاليزيه");
        assert_eq!(key("قرة  باغ"), key("قره باغ"));
        assert_eq!(key("٤٤ يوماً"), "44 يوما");
    }

    #[test]
    fn key_into_reuses_the_buffer() {
        let mut buf = String::from("قديم");
        key_into("وَأَرْمِينِيَا", &mut buf);
        assert_eq!(buf, "وارمينيا");
        assert_eq!(buf, key("وَأَرْمِينِيَا"));
    }

    #[test]
    fn keyed_agrees_with_key_char_on_every_char() {
        let text = "قُتِلَ \"49\" جنديًا، أرمينيا\u{00A0}وآذار\tإلى «مؤتمر» ٤٤ ـ\u{200F}ى ة ئ\u{0B}x";
        let every: String = ('\u{0}'..='\u{0800}')
            .chain('\u{2000}'..='\u{2070}')
            .chain(['\u{3000}', '\u{FEFF}', 'ﻻ', '😀'])
            .flat_map(|c| [c, 'ب', c, ' ', c, '\u{00A0}'])
            .collect();
        for text in [text, every.as_str()] {
            keyed_is_key_char_by_char(text);
        }
    }

    fn keyed_is_key_char_by_char(text: &str) {
        let k = Keyed::new(text);
        let mut key = String::new();
        let mut origin = Vec::new();
        for (i, c) in text.char_indices() {
            let m = if c.is_whitespace() {
                Some(' ')
            } else {
                super::key_char(c)
            };
            if let Some(m) = m {
                key.push(m);
                origin.extend(std::iter::repeat_n(i, m.len_utf8()));
            }
        }
        origin.push(text.len());
        assert_eq!(k.key, key);
        let offsets: Vec<usize> = (0..origin.len()).map(|i| k.origin_of(i)).collect();
        assert_eq!(offsets, origin);
        // Texts of 4 GiB and more keep usize offsets: the same ones.
        let (wide_key, wide) = Keyed::build::<usize>(text);
        assert_eq!((wide_key, wide), (key, origin));
    }

    /// `key` as first written: `key_char` on every char, white space folded.
    fn reference_key(text: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in text.chars() {
            if c.is_whitespace() {
                space = !out.is_empty();
                continue;
            }
            if let Some(k) = super::key_char(c) {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(k);
            }
        }
        out
    }

    #[test]
    fn fast_paths_key_as_key_char_does() {
        let every: String = ('\u{0}'..='\u{0800}')
            .chain('\u{1680}'..='\u{1681}')
            .chain('\u{2000}'..='\u{2070}')
            .chain(['\u{3000}', '\u{FEFF}', 'ﻻ', '😀'])
            .flat_map(|c| [c, 'x', c, ' ', c, '\u{00A0}'])
            .collect();
        assert_eq!(key(&every), reference_key(&every));
        let news =
            "«قالَ» الوزير\t\"إنّ\"  ١٠٠ جنديٍ\u{2003}قُتلوا\u{200B}، وـ (AFP)\u{000B}x\r\n۲۳ مؤتمر";
        assert_eq!(key(news), reference_key(news));
    }

    #[test]
    fn key_matches_the_definition_on_mixed_text() {
        // Every order of a few characters that key to themselves, change, drop, or are
        // white space, at every length up to four.
        let alphabet = [
            'ب', 'ة', 'أ', '\u{064E}', 'ـ', ' ', '\u{00A0}', '\n', '"', 'a', '٣', '\u{200F}', '«',
            'é', '😀', 'ﻻ',
        ];
        let n = alphabet.len();
        for len in 1..=4u32 {
            for mut code in 0..n.pow(len) {
                let mut text = String::new();
                for _ in 0..len {
                    text.push(alphabet[code % n]);
                    code /= n;
                }
                assert_eq!(key(&text), reference_key(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn own_keys_are_told_from_bytes() {
        for w in [
            "وزارة",
            "أرمينيا",
            "جنديًا",
            "بن لادن",
            "\"قال\"",
            "٤٤",
            "ـ",
            "G20",
            "مؤتمر",
        ] {
            assert!(!super::is_own_key(w) || key(w) == w, "{w}");
        }
        for w in ["وزاره", "ارمينيا", "قال", "G20", "2020", "،", "مءتمر"] {
            assert!(super::is_own_key(w), "{w}");
        }
        let every: String = ('\u{0}'..='\u{0700}').collect();
        for c in every.chars() {
            let s = format!("ب{c}ا");
            if super::is_own_key(&s) {
                assert_eq!(key(&s), s, "{c:?}");
            }
        }
    }

    #[test]
    fn key_is_idempotent() {
        for s in ["أذربيجانوأرمينيا", "  «نحو» ١٠٠ قتيل ", "مُؤْتَمَر"]
        {
            assert_eq!(key(&key(s)), key(s));
        }
    }
}
