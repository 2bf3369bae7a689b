//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, and legacy encodings
//! (windows-1256, ISO-8859-6, ...) from the declared charset or by detection.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

/// Why bytes are not text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NotText {
    Binary(String),
    Encoding { byte: usize, message: String },
}

impl NotText {
    pub fn message(&self) -> &str {
        match self {
            NotText::Binary(m) | NotText::Encoding { message: m, .. } => m,
        }
    }
}

/// How far into the input a declared charset is looked for.
const DECLARATION_WINDOW: usize = 4096;
/// How far into the input binary content is looked for.
const BINARY_WINDOW: usize = 8192;

/// Refuses binary data: NUL bytes or many control characters are not text.
pub(crate) fn check_text(bytes: &[u8]) -> Result<(), NotText> {
    let head = &bytes[..bytes.len().min(BINARY_WINDOW)];
    if Encoding::for_bom(head).is_some_and(|(e, _)| e != UTF_8) {
        return Ok(()); // UTF-16 text has NUL bytes by design.
    }
    if let Some(at) = head.iter().position(|&b| b == 0) {
        return Err(NotText::Binary(format!(
            "binary data (NUL byte at offset {at})"
        )));
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    if controls * 20 > head.len() {
        return Err(NotText::Binary(format!(
            "binary data ({controls} control bytes in the first {} bytes)",
            head.len()
        )));
    }
    Ok(())
}

/// Decodes bytes to text. `Cow::Borrowed` for the common case of valid UTF-8.
pub(crate) fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, NotText> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return strict(enc, &bytes[bom..], bom);
    }
    // SIMD validation first (several times faster on Arabic text, where std's ASCII
    // fast path does not apply); std's validator only to locate an error.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok(Cow::Borrowed(s));
    }
    let err = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok(Cow::Borrowed(s)),
        Err(e) => e,
    };
    if mostly_utf8(bytes) {
        // Legacy encodings almost never form valid multi-byte UTF-8 sequences by chance:
        // this is UTF-8 that was damaged (cut, spliced), not another encoding.
        return Err(NotText::Encoding {
            byte: err.valid_up_to(),
            message: format!("invalid UTF-8 at byte {}", err.valid_up_to()),
        });
    }
    if let Some(enc) = declared(bytes) {
        if enc != UTF_8 {
            return strict(enc, bytes, 0);
        }
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    let text = strict(enc, bytes, 0)?;
    if plausible(&text) {
        Ok(text)
    } else {
        Err(NotText::Encoding {
            byte: err.valid_up_to(),
            message: format!(
                "not UTF-8 and no known encoding fits (best guess {} gives no readable text)",
                enc.name()
            ),
        })
    }
}

fn strict<'a>(
    enc: &'static Encoding,
    bytes: &'a [u8],
    offset: usize,
) -> Result<Cow<'a, str>, NotText> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        // Position in characters: equal to the byte offset for single-byte encodings.
        let at = text
            .find('\u{FFFD}')
            .map(|c| text[..c].chars().count())
            .unwrap_or(0)
            + offset;
        return Err(NotText::Encoding {
            byte: at,
            message: format!("bytes that are not valid {} (near byte {at})", enc.name()),
        });
    }
    Ok(text)
}

/// Non-ASCII bytes that form valid UTF-8 outnumber those that do not.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().bytes().filter(|b| !b.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    valid > invalid
}

/// The charset a page or feed declares: `<meta charset=...>`, `content="...; charset=..."`
/// or `<?xml ... encoding="..."?>`.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(DECLARATION_WINDOW)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    for marker in [&b"charset="[..], &b"encoding="[..]] {
        let Some(at) = lower.windows(marker.len()).position(|w| w == marker) else {
            continue;
        };
        let rest = &lower[at + marker.len()..];
        let rest = rest
            .strip_prefix(b"\"")
            .or_else(|| rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        let end = rest
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
            .unwrap_or(rest.len());
        if let Some(enc) = Encoding::for_label(&rest[..end]) {
            return Some(enc);
        }
    }
    None
}

/// Detected text must read as text: letters, digits, spaces and punctuation, and no
/// C1 control characters (which single-byte encodings produce from binary noise).
fn plausible(text: &str) -> bool {
    let (mut letters, mut odd, mut total) = (0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        total += 1;
        if c.is_alphanumeric() {
            letters += 1;
        } else if c.is_control() || ('\u{0080}'..='\u{00BF}').contains(&c) || c == '\u{FFFD}' {
            odd += 1;
        }
    }
    total > 0 && letters * 10 >= total * 6 && odd * 50 <= total
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC: &str =
        "أعلنت وزارة الخارجية الروسية أن الوزيرين بحثا في اتصال هاتفي الوضع القائم في الإقليم";

    #[test]
    fn utf8_is_borrowed() {
        assert!(matches!(decode(ARABIC.as_bytes()), Ok(Cow::Borrowed(_))));
    }

    #[test]
    fn windows_1256_is_detected_without_declaration() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(ARABIC);
        assert_eq!(decode(&bytes).as_deref(), Ok(ARABIC));
    }

    #[test]
    fn iso_8859_6_is_taken_from_the_declaration() {
        let text = "<meta charset=\"iso-8859-6\"><p>قالت الوزارة إن الوضع هادئ</p>";
        let (bytes, _, had_errors) = encoding_rs::ISO_8859_6.encode(text);
        assert!(!had_errors);
        assert_eq!(decode(&bytes).as_deref(), Ok(text));
    }

    #[test]
    fn damaged_utf8_is_an_encoding_error_with_its_offset() {
        let mut bytes = ARABIC.as_bytes().to_vec();
        bytes.remove(5);
        match decode(&bytes) {
            Err(NotText::Encoding { byte, .. }) => assert_eq!(byte, 4),
            other => panic!("expected an encoding error, got {other:?}"),
        }
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert!(matches!(
            check_text(b"PK\x03\x04\x00\x00abc"),
            Err(NotText::Binary(_))
        ));
        assert!(check_text(ARABIC.as_bytes()).is_ok());
    }
}
