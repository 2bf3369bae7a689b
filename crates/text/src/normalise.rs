//! Matching keys: the same name in any of its everyday spellings gets one key.

/// Maps one character to its key form: `None` drops it (diacritics, tatweel, quotes).
///
/// أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ ئ → ء, Arabic-Indic and Persian digits → ASCII.
pub fn key_char(c: char) -> Option<char> {
    Some(match c {
        // Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks, tatweel.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => return None,
        // Bidi controls and zero-width characters that editors leave in text.
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' => {
            return None
        }
        // Quotation marks do not distinguish names.
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ؤ' | 'ئ' => 'ء',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        c => c,
    })
}

/// The matching key of a text: `key_char` on every character, and runs of white space
/// made one space, trimmed.
pub fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if let Some(k) = key_char(c) {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(k);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn spelling_variants_share_a_key() {
        assert_eq!(key("أرمينيا"), key("ارمينيا"));
        assert_eq!(key("جنديًا"), key("جنديا"));
        assert_eq!(key("الإليزيه"), "الاليزيه");
        assert_eq!(key("قرة  باغ"), key("قره باغ"));
        assert_eq!(key("٤٤ يوماً"), "44 يوما");
    }

    #[test]
    fn key_is_idempotent() {
        for s in ["أذربيجانوأرمينيا", "  «نحو» ١٠٠ قتيل ", "مُؤْتَمَر"] {
            assert_eq!(key(&key(s)), key(s));
        }
    }
}
