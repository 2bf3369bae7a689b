//! Language of an article body. Arabic is told by the share of Arabic-script letters;
//! other Arabic-script languages by the letters Arabic does not use; everything else is
//! left to `whatlang`.

/// Fewer letters than this cannot be told apart reliably.
const MIN_LETTERS: usize = 12;
/// Text is scanned up to this many letters: a news body settles its language early.
const SAMPLE_LETTERS: usize = 1500;
const EARLY_LETTERS: usize = 300;

/// ISO 639-1 code of the text's language, or `und`.
pub fn detect(text: &str) -> &'static str {
    let mut letters = 0usize;
    let mut arabic_script = 0usize;
    // پ چ ژ گ ک ی ے ٹ ڈ ڑ ں ھ ہ ۀ: Persian/Urdu letters that Arabic text does not use.
    let mut non_arabic_script = 0usize;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII and the Arabic block (two bytes) are told here, the rest by `chars`.
        if b < 0x80 {
            i += 1;
            if !b.is_ascii_alphabetic() {
                continue;
            }
            letters += 1;
        } else if let Some(&[lead @ 0xD8..=0xDB, next]) = bytes.get(i..i + 2) {
            i += 2;
            let class = ARABIC_BLOCK[(usize::from(lead - 0xD8) << 6) | usize::from(next & 0x3F)];
            if class == 0 {
                continue;
            }
            letters += 1;
            arabic_script += 1;
            non_arabic_script += usize::from(class == NOT_ARABIC);
        } else {
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            if !is_letter(c) {
                continue;
            }
            letters += 1;
            if is_arabic_script(c) {
                arabic_script += 1;
                non_arabic_script += usize::from(is_not_arabic_letter(c));
            }
        }
        if letters >= SAMPLE_LETTERS {
            break;
        }
        // Plain Arabic news settles within a few lines: stop early when nothing else shows.
        if letters == EARLY_LETTERS && arabic_script * 20 >= letters * 19 && non_arabic_script == 0
        {
            return "ar";
        }
    }
    if letters < MIN_LETTERS {
        // Too short for statistics, but Arabic script without the letters of Persian or
        // Urdu is Arabic all the same (a two-word caption or name).
        let only_arabic = letters >= 3 && arabic_script == letters && non_arabic_script == 0;
        return if only_arabic { "ar" } else { "und" };
    }
    if arabic_script * 2 >= letters && non_arabic_script * 50 < arabic_script {
        return "ar";
    }
    whatlang::detect(text)
        .filter(|info| info.is_reliable() || info.confidence() > 0.5)
        .map(|info| iso_639_1(info.lang()))
        .unwrap_or("und")
}

/// پ چ ژ گ ک ی ے ٹ ڈ ڑ ں ھ ہ ۀ: Persian/Urdu letters that Arabic text does not use.
const fn is_not_arabic_letter(c: char) -> bool {
    matches!(
        c,
        'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' | 'ے' | 'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ھ' | 'ہ' | 'ۀ'
    )
}

const LETTER: u8 = 1;
const NOT_ARABIC: u8 = 2;

/// U+0600..=U+06FF by their second UTF-8 byte: 0 for no letter, `LETTER` for a letter
/// Arabic uses, `NOT_ARABIC` for a Persian/Urdu one.
static ARABIC_BLOCK: [u8; 256] = {
    let mut table = [0; 256];
    let mut i = 0;
    while i < 256 {
        if let Some(c) = char::from_u32(0x0600 + i as u32) {
            if is_arabic_block_letter(c) {
                table[i] = if is_not_arabic_letter(c) {
                    NOT_ARABIC
                } else {
                    LETTER
                };
            }
        }
        i += 1;
    }
    table
};

/// `char::is_alphabetic` with fast paths for ASCII and the Arabic block, which are
/// nearly all of the text here (the general Unicode lookup is slow).
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
        is_arabic_block_letter(c)
    } else {
        c.is_alphabetic()
    }
}

/// `is_letter` on the Arabic block U+0600..=U+06FF.
#[inline]
pub(crate) const fn is_arabic_block_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}' | '\u{06FF}')
}

/// `is_word_char` on the Arabic block U+0600..=U+06FF.
pub(crate) const fn is_arabic_block_word_char(c: char) -> bool {
    is_arabic_block_letter(c) || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// A letter or a digit (Arabic-Indic digits included).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    is_letter(c)
        || c.is_ascii_digit()
        || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
        || (!c.is_ascii() && !('\u{0600}'..='\u{06FF}').contains(&c) && c.is_numeric())
}

fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

fn iso_639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Eng => "en",
        Fra => "fr",
        Spa => "es",
        Deu => "de",
        Ita => "it",
        Por => "pt",
        Rus => "ru",
        Ukr => "uk",
        Tur => "tr",
        Pes => "fa",
        Urd => "ur",
        Heb => "he",
        Ara => "ar",
        Nld => "nl",
        Swe => "sv",
        Pol => "pl",
        Ell => "el",
        Hin => "hi",
        Ben => "bn",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Ind => "id",
        Vie => "vi",
        Tha => "th",
        Ron => "ro",
        Hun => "hu",
        Ces => "cs",
        Dan => "da",
        Fin => "fi",
        Aze => "az",
        Hye => "hy",
        Kat => "ka",
        Amh => "am",
        _ => "und",
    }
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn arabic_news_is_ar_even_with_latin_names() {
        let t = "وفي السياق، قال الرئيس الأذربيجاني إلهام علييف، في مقابلة مع شبكة آر بي كا (RPK) الروسية، إن بلاده لم تصر على تواريخ محددة";
        assert_eq!(detect(t), "ar");
    }

    #[test]
    fn other_languages_are_named() {
        let en = "Azerbaijan and Armenia agreed to a ceasefire on Tuesday after the deadliest clashes since their 2020 war, Russia's foreign ministry said.";
        assert_eq!(detect(en), "en");
        let fr = "L'Azerbaïdjan et l'Arménie ont conclu mardi un cessez-le-feu après les affrontements les plus meurtriers depuis la guerre de 2020.";
        assert_eq!(detect(fr), "fr");
        let fa = "جمهوری آذربایجان و ارمنستان پس از درگیری‌های مرگبار روز سه‌شنبه با آتش‌بس موافقت کردند که با میانجیگری روسیه انجام شد";
        assert_eq!(detect(fa), "fa");
    }

    #[test]
    fn fast_letter_test_counts_base_letters_only() {
        use super::is_letter;
        for c in ('ء'..='ي')
            .filter(|&c| c != 'ـ')
            .chain(['ٱ', 'پ', 'ی', 'ۀ'])
            .chain('a'..='z')
            .chain(['é', 'ж'])
        {
            assert!(is_letter(c), "{c:?}");
            assert!(c.is_alphabetic());
        }
        // Diacritics, tatweel, digits and punctuation are not letters to count.
        for c in ['\u{064E}', '\u{0651}', 'ـ', '٣', '7', '،', '؟', ' '] {
            assert!(!is_letter(c), "{c:?}");
        }
    }

    #[test]
    fn byte_scan_counts_as_the_char_rules_do() {
        // The counts `detect` settles on, char by char, for the first `n` letters.
        let reference = |t: &str, n: usize| {
            let letters: Vec<char> = t.chars().filter(|&c| super::is_letter(c)).take(n).collect();
            let arabic = letters
                .iter()
                .filter(|&&c| super::is_arabic_script(c))
                .count();
            let persian = letters
                .iter()
                .filter(|&&c| super::is_arabic_script(c) && super::is_not_arabic_letter(c))
                .count();
            (letters.len(), arabic, persian)
        };
        let fa = "جمهوری آذربایجان و ارمنستان پس از درگیری‌های مرگبار";
        for (text, want) in [
            (fa, "fa"),
            (
                "ﻻ ﷲ قال الوزير إن ١٢ جندياً قُتلوا في الهجوم (AFP) اليوم",
                "ar",
            ),
            ("é ж ۀ ی ک گ", "und"),
        ] {
            let (letters, arabic, persian) = reference(text, usize::MAX);
            assert!(letters < super::EARLY_LETTERS, "{text:?}");
            let told = if letters < super::MIN_LETTERS {
                if letters >= 3 && arabic == letters && persian == 0 {
                    "ar"
                } else {
                    "und"
                }
            } else if arabic * 2 >= letters && persian * 50 < arabic {
                "ar"
            } else {
                want
            };
            assert_eq!(detect(text), told, "{text:?}");
        }
        // Every character of the Arabic block: non-letters are not counted, letters of
        // Arabic make Arabic text (Persian/Urdu ones go on to `whatlang`).
        for c in '\u{0600}'..='\u{06FF}' {
            let text: String = std::iter::repeat_n(c, 20).collect();
            let (letters, arabic, persian) = reference(&text, usize::MAX);
            assert_eq!(arabic, letters, "{c:?}");
            if letters == 0 {
                assert_eq!(detect(&text), "und", "{c:?}");
            } else if persian == 0 {
                assert_eq!(detect(&text), "ar", "{c:?}");
            }
        }
    }

    #[test]
    fn too_little_text_is_undetermined() {
        assert_eq!(detect("12:30 — 2022"), "und");
        assert_eq!(detect("Hi there"), "und");
        assert_eq!(detect("الشيخ الصباح"), "ar");
        assert_eq!(detect(""), "und");
    }
}
