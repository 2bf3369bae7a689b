//! FORMAT.md's key normalisation, and nothing more: diacritics, tatweel and quotation
//! marks dropped, أ إ آ ٱ → ا, ى → ي, ة → ه, runs of spaces made one.
//!
//! The project's `marsad_text::key` folds more (ؤ ئ → ء, digits); the scorer must not, or
//! it would credit spellings the gold format tells apart.

use marsad_model::Span;

/// The key form of one character; `None` drops it.
fn fold(c: char) -> Option<char> {
    match c {
        // Harakat, tanwin, shadda, sukun, hamza marks, superscript alef, Quranic marks.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' => None,
        '\u{0640}' => None,
        '"'
        | '\''
        | '\u{2018}'..='\u{201F}'
        | '\u{00AB}'
        | '\u{00BB}'
        | '\u{2039}'
        | '\u{203A}' => None,
        // Invisible format characters (bidi marks, zero-width joiners, BOM) are not
        // letters: a form that carries one looks identical to one that does not.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => None,
        'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
        'ى' => Some('ي'),
        'ة' => Some('ه'),
        c => Some(c),
    }
}

/// The matching key of a form, trimmed.
pub fn key(text: &str) -> String {
    Folded::new(text).key
}

/// One-letter proclitics that FORMAT.md strips from gold forms.
pub(crate) const PROCLITICS: [char; 5] = ['و', 'ف', 'ب', 'ل', 'ك'];

/// A text's key with, for each key byte, the original byte range of the character it came
/// from, so that matches in the key map back to spans of the text.
#[derive(Debug, Clone)]
pub struct Folded {
    pub key: String,
    /// Original `(start, end)` bytes of the char behind each key byte.
    origin: Vec<(usize, usize)>,
}

impl Folded {
    pub fn new(text: &str) -> Self {
        let mut key = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut pending_space: Option<(usize, usize)> = None;
        for (i, c) in text.char_indices() {
            let here = (i, i + c.len_utf8());
            if c.is_whitespace() {
                if !key.is_empty() && pending_space.is_none() {
                    pending_space = Some(here);
                }
                continue;
            }
            let Some(k) = fold(c) else { continue };
            if let Some(space) = pending_space.take() {
                key.push(' ');
                origin.push(space);
            }
            key.push(k);
            origin.extend(std::iter::repeat_n(here, k.len_utf8()));
        }
        Folded { key, origin }
    }

    /// The original span of key bytes `start..end` (a non-empty range on char boundaries).
    fn span(&self, start: usize, end: usize) -> Option<Span> {
        let first = self.origin.get(start)?;
        let last = self.origin.get(end.checked_sub(1)?)?;
        Some(Span::new(first.0, last.1))
    }

    /// Where `needle` (already a key) occurs, as spans of the original text. Occurrences
    /// that stand as whole words (a one-letter proclitic may precede) are preferred, so
    /// that `الليل` is not found inside `الليلة`; when there is none, any substring counts.
    /// A needle with the article is also found in its contraction with ل (`للأمم`).
    pub fn occurrences(&self, needle: &str) -> Vec<Span> {
        if needle.is_empty() {
            return Vec::new();
        }
        let mut raw: Vec<(usize, usize)> = self
            .key
            .match_indices(needle)
            .map(|(at, m)| (at, at + m.len()))
            .collect();
        // ل before the article contracts (للأمم for ل + الأمم): gold writes the article back.
        if let Some(rest) = needle.strip_prefix("ال").filter(|r| !r.is_empty()) {
            let contracted = format!("لل{rest}");
            raw.extend(
                self.key
                    .match_indices(&contracted)
                    .map(|(at, m)| (at, at + m.len())),
            );
            raw.sort_unstable();
        }
        let words: Vec<_> = raw
            .iter()
            .copied()
            .filter(|&(s, e)| self.starts_word(s) && self.ends_word(e))
            .collect();
        let chosen = if words.is_empty() { raw } else { words };
        chosen
            .into_iter()
            .filter_map(|(s, e)| self.span(s, e))
            .collect()
    }

    fn starts_word(&self, at: usize) -> bool {
        let mut before = self.key[..at].chars().rev();
        match before.next() {
            None => true,
            Some(c) if !c.is_alphanumeric() => true,
            Some(c) if PROCLITICS.contains(&c) => {
                before.next().is_none_or(|c| !c.is_alphanumeric())
            }
            Some(_) => false,
        }
    }

    fn ends_word(&self, at: usize) -> bool {
        self.key[at..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_folds_exactly_what_format_md_lists() {
        assert_eq!(key("أرمينيا"), key("ارمينيا"));
        assert_eq!(key("إلهام"), "الهام");
        assert_eq!(key("ٱلقدس"), "القدس");
        assert_eq!(key("مصطفى"), "مصطفي");
        assert_eq!(key("قرة  باغ"), "قره باغ");
        assert_eq!(key("جنديًا"), "جنديا");
        assert_eq!(key("مـوسـكو"), "موسكو");
        assert_eq!(key("«عدوان»"), "عدوان");
        assert_eq!(key("  \"باكو\" "), "باكو");
        // Not in FORMAT.md's list: hamza seats and digits stay as written.
        assert_ne!(key("مؤتمر"), key("مءتمر"));
        assert_ne!(key("رئيس"), key("رءيس"));
        assert_ne!(key("٤٤"), key("44"));
    }

    #[test]
    fn occurrences_map_back_to_original_spans() {
        let text = "وفي خريفِ  2020، توسّطت موسكو";
        let f = Folded::new(text);
        let spans = f.occurrences(&key("خريف 2020"));
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].slice(text), Some("خريفِ  2020"));
        let spans = f.occurrences(&key("توسطت"));
        assert_eq!(spans[0].slice(text), Some("توسّطت"));
    }

    #[test]
    fn whole_word_occurrences_are_preferred() {
        let text = "اندلعت الليلة الماضية واستمرت طوال الليل.";
        let f = Folded::new(text);
        let spans = f.occurrences("الليل");
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].slice(text), Some("الليل"));
        // A proclitic before the word does not hide it.
        let text = "وأرمينيا";
        assert_eq!(Folded::new(text).occurrences(&key("أرمينيا")).len(), 1);
        // ل + ال contracts; the occurrence covers the contracted word.
        let text = "دعا الأمين العام للأمم المتحدة";
        let spans = Folded::new(text).occurrences(&key("الأمم المتحدة"));
        assert_eq!(spans[0].slice(text), Some("للأمم المتحدة"));
        // Only a substring is there: it still counts.
        let text = "أذربيجانوأرمينيا";
        let spans = Folded::new(text).occurrences(&key("أرمينيا"));
        assert_eq!(spans[0].slice(text), Some("أرمينيا"));
    }
}
