//! The tokenisation the tagger was trained on (ANERcorp's): words split at white space,
//! each punctuation mark a token of its own, clitics left attached.

/// Letters, digits and the marks written on them (harakat, tatweel, joiners).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' | '\u{200D}'
        )
}

/// Splits text into ANERcorp-style tokens, as slices of `text`.
pub fn split_tokens(text: &str) -> Vec<&str> {
    token_spans(text).map(|(s, e)| &text[s..e]).collect()
}

/// Byte spans of the tokens of `text` (see `split_tokens`).
pub fn token_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || loop {
        let (start, c) = chars.next()?;
        if c.is_whitespace() || matches!(c, '\u{200E}' | '\u{200F}' | '\u{FEFF}') {
            continue;
        }
        let mut end = start + c.len_utf8();
        if is_word_char(c) {
            while let Some(&(i, d)) = chars.peek() {
                if !is_word_char(d) {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
        }
        return Some((start, end));
    })
}

/// Sentences of a token list: a cut after each run of sentence-final marks.
pub fn sentences<'a>(tokens: &'a [&'a str]) -> impl Iterator<Item = &'a [&'a str]> + 'a {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= tokens.len() {
            return None;
        }
        let mut end = start;
        while end < tokens.len() && !is_final(tokens[end]) {
            end += 1;
        }
        while end < tokens.len() && is_final(tokens[end]) {
            end += 1;
        }
        let s = &tokens[start..end];
        start = end;
        Some(s)
    })
}

fn is_final(t: &str) -> bool {
    matches!(t, "." | "!" | "?" | "؟")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_is_split_and_clitics_stay_attached() {
        let toks = split_tokens("قال الرئيس: «وصلنا إلى بيروت»، ثم غادرَ.");
        assert_eq!(
            toks,
            vec![
                "قال",
                "الرئيس",
                ":",
                "«",
                "وصلنا",
                "إلى",
                "بيروت",
                "»",
                "،",
                "ثم",
                "غادرَ",
                "."
            ]
        );
    }

    #[test]
    fn sentences_end_after_final_marks() {
        let toks = split_tokens("وصل الوفد. ثم غادر!! انتهى");
        let s: Vec<usize> = sentences(&toks).map(<[&str]>::len).collect();
        assert_eq!(s, vec![3, 4, 1]);
    }
}
