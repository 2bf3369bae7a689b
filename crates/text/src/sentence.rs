//! Sentence splitting for Arabic news.
//!
//! A sentence ends at `.` `!` `?` `؟` `۔` or a line break. It does not end at `،` or `؛`
//! (Arabic writers chain clauses with them), inside a quotation unless the terminator
//! closes it (`قال: "انتهى." ثم` ends after the quote), inside a number (`3.5`),
//! after an initial or abbreviation (`د. محمد`, `U.S.`), or at an ellipsis (`...`, `…`),
//! which news prose uses as a pause. Each span is trimmed of white space and
//! invisible marks; every visible character of the text lies in exactly one sentence.

use crate::chars::{class, is_closing_bracket, is_digit, is_quote, Class};
use marsad_model::Span;

/// A quotation left open longer than this is taken to be unbalanced (a stray mark), so
/// that one missing closing quote cannot swallow the rest of a paragraph.
const MAX_QUOTE_BYTES: usize = 1200;

/// Latin abbreviations that end with a full stop inside a sentence.
const LATIN_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "vs", "No", "Inc", "Ltd", "Co", "Corp",
    "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep", "Jan", "Feb", "Mar", "Apr", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", "approx",
];

/// The sentences of `text` as byte spans, in order, non-overlapping, trimmed.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 120 + 1);
    let mut splitter = Splitter {
        text,
        out: &mut out,
        start: None,
        depth: 0,
        quote_opened: 0,
    };
    splitter.run();
    out
}

struct Splitter<'t, 'o> {
    text: &'t str,
    out: &'o mut Vec<Span>,
    /// Start of the current sentence: its first visible character.
    start: Option<usize>,
    /// Quotation nesting depth at the current position.
    depth: u8,
    /// Where the outermost open quotation began.
    quote_opened: usize,
}

impl Splitter<'_, '_> {
    fn run(&mut self) {
        let text = self.text;
        let mut i = 0;
        loop {
            if self.start.is_some() && self.depth == 0 {
                i = skip_plain(text, i);
            }
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let next = i + c.len_utf8();
            // Inside a sentence and outside quotes, a letter changes nothing.
            if self.start.is_some() && self.depth == 0 && matches!(c, '\u{0621}'..='\u{064A}') {
                i = next;
                continue;
            }
            if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}') {
                self.close(i);
                self.depth = 0;
                i = next;
                continue;
            }
            if self.start.is_none() && !matches!(class(c), Class::White | Class::Invisible) {
                self.start = Some(i);
            }
            if self.depth > 0 && i - self.quote_opened > MAX_QUOTE_BYTES {
                self.depth = 0;
            }
            if is_quote(c) {
                self.quote(i, c);
            } else if is_terminator(c) {
                if c == '.' && !self.full_stop_ends(i) {
                    i = next;
                    continue;
                }
                if let Some(end) = self.terminator_run(next) {
                    self.close(end);
                    i = end;
                    continue;
                }
            }
            i = next;
        }
        self.close(text.len());
    }

    /// Ends the current sentence at byte `end` (exclusive), trimmed.
    fn close(&mut self, end: usize) {
        let Some(start) = self.start.take() else {
            return;
        };
        let trimmed = self.text[start..end]
            .trim_end_matches(|c: char| matches!(class(c), Class::White | Class::Invisible));
        if !trimmed.is_empty() {
            self.out.push(Span::new(start, start + trimmed.len()));
        }
    }

    /// Opens or closes a quotation at the quote mark `c` at byte `i`.
    fn quote(&mut self, i: usize, c: char) {
        let prev = self.text[..i].chars().next_back();
        let next = self.text[i + c.len_utf8()..].chars().next();
        let looks_open = prev.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | ':' | '\u{060C}') || is_quote(p)
        });
        let looks_close = next.is_none_or(|n| {
            n.is_whitespace() || matches!(class(n), Class::Punct) || is_terminator(n)
        });
        let opens = match (looks_open, looks_close) {
            (true, false) => true,
            (false, true) => false,
            // Both sides alike (`بـ"الاحترام`, a quote between spaces): alternate.
            _ => self.depth == 0,
        };
        if opens {
            if self.depth == 0 {
                self.quote_opened = i;
            }
            self.depth = self.depth.saturating_add(1).min(4);
        } else {
            self.depth = self.depth.saturating_sub(1);
        }
    }

    /// After a terminator ending at byte `from`: takes in further terminators, closing
    /// quotes and brackets, and returns where the sentence ends, or `None` when the
    /// terminator sits inside a quotation that it does not close.
    fn terminator_run(&mut self, from: usize) -> Option<usize> {
        let mut end = from;
        let mut depth = self.depth;
        for c in self.text[from..].chars() {
            if is_terminator(c) || is_closing_bracket(c) {
                end += c.len_utf8();
            } else if is_quote(c) && depth > 0 {
                depth -= 1;
                end += c.len_utf8();
            } else if is_quote(c) && depth == 0 {
                // A closing-looking quote after the stop (its opener was missed).
                let after = self.text[end + c.len_utf8()..].chars().next();
                if after.is_some_and(|a| !a.is_whitespace()) {
                    break;
                }
                end += c.len_utf8();
            } else {
                break;
            }
        }
        // Only a run that ends the sentence consumes its quotes; otherwise the main loop
        // reads them again.
        if depth > 0 {
            return None;
        }
        self.depth = 0;
        Some(end)
    }

    /// Whether the full stop at byte `i` ends a sentence.
    fn full_stop_ends(&self, i: usize) -> bool {
        let before = &self.text[..i];
        let after = &self.text[i + 1..];
        let next = after.chars().next();
        // Ellipsis: a pause, not an end.
        if next == Some('.') || before.ends_with('.') {
            return false;
        }
        // "3.5", "www.spa.gov.sa", "U.S.A": no space after the stop.
        if next.is_some_and(|n| n.is_ascii_alphanumeric() || is_digit(n)) {
            return false;
        }
        let word = last_word(before);
        let letters = word.chars().filter(|&c| class(c) != Class::Mark).count();
        if letters == 0 {
            // Right after a number or a bracket: a list marker ("1.") when nothing
            // else is in the sentence yet.
            let sentence = self.start.map_or("", |s| &self.text[s..i]);
            return sentence.chars().any(char::is_alphabetic);
        }
        let before_word = &before[..before.len() - word.len()];
        if letters == 1 {
            let prev = before_word.chars().next_back();
            // 2020م. / 1436 هـ. : an era marker after a year can end a sentence.
            let era = word.starts_with(['م', 'ه'])
                && before_word
                    .trim_end()
                    .chars()
                    .next_back()
                    .is_some_and(is_digit);
            if era {
                return true;
            }
            // "د. محمد", "أ.د.", "J. Smith": an initial.
            return !prev.is_none_or(|p| p.is_whitespace() || matches!(p, '.' | '(' | '"'));
        }
        // "سي. إن. إن.", "إف. بي. آي": Latin initials spelled in Arabic, one after another.
        if is_letter_name(word) && is_letter_name(first_word(after.trim_start())) {
            return false;
        }
        !LATIN_ABBREVIATIONS.contains(&word)
    }
}

/// The byte after the run at `i` of chars that change nothing inside a sentence and
/// outside quotes: ASCII letters, digits and spaces, and the Arabic block but for its
/// terminators. Read by bytes, as they are most of a body.
fn skip_plain(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_alphanumeric() || b == b' ' {
            i += 1;
            continue;
        }
        let arabic = match bytes.get(i + 1) {
            Some(&next) if (0xD8..=0xDB).contains(&b) => {
                (u32::from(b - 0xD8) << 6) | u32::from(next & 0x3F)
            }
            _ => break,
        };
        match char::from_u32(0x0600 + arabic) {
            Some(c) if !is_terminator(c) && !is_quote(c) => i += 2,
            _ => break,
        }
    }
    i
}

fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '\u{061F}' | '\u{06D4}' | '\u{203C}' | '\u{2047}'..='\u{2049}'
    )
}

/// Names of the Latin letters as Arabic writes them in acronyms (سي إن إن, إف بي آي),
/// as matching keys.
const LATIN_LETTER_NAMES: &[&str] = &[
    "اي",
    "ايه",
    "بي",
    "سي",
    "دي",
    "اف",
    "جي",
    "جيه",
    "اتش",
    "اش",
    "كي",
    "كيه",
    "ال",
    "ام",
    "ان",
    "او",
    "كيو",
    "ار",
    "اس",
    "تي",
    "يو",
    "في",
    "دبليو",
    "اكس",
    "واي",
    "زد",
    "زي",
];

fn is_letter_name(word: &str) -> bool {
    if word.is_empty() || word.len() > 12 {
        return false;
    }
    let mut buf = [0u8; 48];
    let mut n = 0;
    for k in word.chars().filter_map(crate::normalise::key_char) {
        let bytes = k.encode_utf8(&mut buf[n..n + 4]).len();
        n += bytes;
    }
    std::str::from_utf8(&buf[..n]).is_ok_and(|k| LATIN_LETTER_NAMES.contains(&k))
}

/// The letters (with their marks) at the start of `s`.
fn first_word(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|&(_, c)| !matches!(class(c), Class::Arabic | Class::Mark))
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// The letters (with their marks) just before the end of `s`.
fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|&(_, c)| matches!(class(c), Class::Arabic | Class::Latin | Class::Mark))
        .last()
        .map_or(s.len(), |(i, _)| i);
    &s[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn seed_paragraph_splits_at_lines_and_stops_not_commas() {
        let text = "أعلنت روسيا، الثلاثاء، عن توصل أذربيجان وأرمينيا إلى اتفاق لوقف إطلاق النار، بعد اشتباكات حدودية دامية اندلعت الليلة الماضية بين البلدين.\nوأضافت وزارة الخارجية الروسية \"ندعو الأطراف إلى الامتناع عن أيّ تصعيد إضافي وضبط النفس\".\n";
        let got = split(text);
        assert_eq!(got.len(), 2);
        assert!(got[0].starts_with("أعلنت روسيا،") && got[0].ends_with("بين البلدين."));
        assert!(got[1].ends_with("وضبط النفس\"."));
    }

    #[test]
    fn quotes_hold_their_stops_unless_the_stop_closes_them() {
        let text =
            "وقال الوزير: «لن نتراجع. سنواصل العمل.» وأضاف أن الحكومة ستعلن القرار. ثم غادر.";
        assert_eq!(
            split(text),
            [
                "وقال الوزير: «لن نتراجع. سنواصل العمل.»",
                "وأضاف أن الحكومة ستعلن القرار.",
                "ثم غادر."
            ]
        );
    }

    #[test]
    fn numbers_initials_and_ellipses_do_not_end_sentences() {
        // SaudiNewsNet-style sentences.
        let text = "ارتفع المؤشر بنسبة 3.5 في المئة. وقال د. عبدالله الربيعة إن الحالة مستقرة... وأكد ذلك. زار U.S. Army القاعدة عام 2015م. انتهى";
        assert_eq!(
            split(text),
            [
                "ارتفع المؤشر بنسبة 3.5 في المئة.",
                "وقال د. عبدالله الربيعة إن الحالة مستقرة... وأكد ذلك.",
                "زار U.S. Army القاعدة عام 2015م.",
                "انتهى"
            ]
        );
    }

    #[test]
    fn arabic_spelled_acronyms_do_not_end_sentences() {
        // ANT corpus (CNN Arabic).
        // A stop after the last initial still ends a sentence: Arabic has no capitals to
        // tell "إن. إن. الأمريكية" from a new sentence.
        let text =
            "وقال مسؤول لشبكة سي. إن. إن الأمريكية إن التحقيق مستمر. ونقلت وكالة إف. بي. آي ذلك.";
        assert_eq!(
            split(text),
            [
                "وقال مسؤول لشبكة سي. إن. إن الأمريكية إن التحقيق مستمر.",
                "ونقلت وكالة إف. بي. آي ذلك."
            ]
        );
    }

    #[test]
    fn question_and_exclamation_runs_end_once() {
        let text = "هل انتهت الأزمة؟! لا أحد يعرف!  ";
        assert_eq!(split(text), ["هل انتهت الأزمة؟!", "لا أحد يعرف!"]);
    }

    #[test]
    fn curly_quotes_from_saudinewsnet() {
        let text =
            "كرم “طيران ناس” قائد طيار يوسف الزير.\n جاء ذلك بعد أن قرر قائد الطائرة العودة.";
        assert_eq!(
            split(text),
            [
                "كرم “طيران ناس” قائد طيار يوسف الزير.",
                "جاء ذلك بعد أن قرر قائد الطائرة العودة."
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_does_not_swallow_the_line() {
        let text = format!(
            "وقال المتحدث \"إن القوات تقدمت. {}",
            "وأضاف أن القتال مستمر في المنطقة. ".repeat(40)
        );
        assert!(split(&text).len() > 10);
    }
}
