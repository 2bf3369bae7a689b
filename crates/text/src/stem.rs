//! Light stemming for search, after Larkey, Ballesteros & Connell's light10 (2002/2007):
//! strip a leading و, then one definite-article prefix, then common suffixes, never
//! leaving fewer than two letters. No roots, no patterns: it only merges the forms a
//! searcher means as one (الاتفاق, والاتفاق, اتفاقات → اتفاق).

/// Article prefixes, longest first so that وال wins over ال.
const ARTICLES: [&str; 6] = ["وال", "بال", "كال", "فال", "ال", "لل"];

/// Suffixes in light10's order. Keys already fold ة → ه and ى → ي, so ية and ة are
/// covered by يه and ه.
const SUFFIXES: [&str; 8] = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

/// The light stem of a matching key ([`crate::key`] output), word by word.
pub fn light_stem(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for (i, word) in key.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(stem_word(word));
    }
    out
}

fn letters(s: &str) -> usize {
    s.chars().count()
}

fn stem_word(word: &str) -> &str {
    let mut w = word;
    // light10 drops the conjunction only when three letters remain.
    if let Some(rest) = w.strip_prefix('و') {
        if letters(rest) >= 3 {
            w = rest;
        }
    }
    for article in ARTICLES {
        if let Some(rest) = w.strip_prefix(article) {
            if letters(rest) >= 2 {
                w = rest;
                break;
            }
        }
    }
    for suffix in SUFFIXES {
        if let Some(rest) = w.strip_suffix(suffix) {
            if letters(rest) >= 2 {
                w = rest;
            }
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::light_stem;
    use crate::key;

    fn stem(word: &str) -> String {
        light_stem(&key(word))
    }

    #[test]
    fn forms_of_one_word_share_a_stem() {
        for w in ["الاتفاق", "والاتفاق", "بالاتفاق", "اتفاقات", "للاتفاق"]
        {
            assert_eq!(stem(w), "اتفاق", "{w}");
        }
        assert_eq!(stem("السعودية"), stem("سعودي"));
        assert_eq!(stem("للأمم"), stem("الأمم"));
        assert_eq!(stem("المصريون"), stem("المصريين"));
    }

    #[test]
    fn short_words_keep_two_letters() {
        assert_eq!(stem("وها"), "وها");
        assert_eq!(stem("ولد"), "ولد");
        assert_eq!(stem("كان"), "كان");
    }

    #[test]
    fn stems_every_word_of_a_phrase() {
        // light10 takes و off any word of four letters or more, وزارة included; queries
        // are stemmed the same way, so they still meet.
        assert_eq!(light_stem(&key("وزارة الخارجية الروسية")), "زار خارج روس");
    }
}
