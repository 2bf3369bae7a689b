//! Figures as Arabic news writes them: digits (Arabic-Indic come as ASCII on the key),
//! grouped digits (1,300), number words (ثلاثة، خمسة وعشرون، مئتان، ثلاثة آلاف) and vague
//! amounts (عشرات، مئات، آلاف).

use super::doc::{Doc, Stems};

/// A figure found at a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Figure {
    /// `None` for a vague amount.
    pub count: Option<u64>,
    /// Index of the first and last word of the figure.
    pub first: usize,
    pub last: usize,
}

fn unit(w: &str) -> Option<u64> {
    Some(match w {
        "واحد" | "واحده" | "احد" | "احدي" => 1,
        "اثنان" | "اثنين" | "اثنتان" | "اثنتين" => 2,
        "ثلاث" | "ثلاثه" => 3,
        "اربع" | "اربعه" => 4,
        "خمس" | "خمسه" => 5,
        "ست" | "سته" => 6,
        "سبع" | "سبعه" => 7,
        "ثمان" | "ثماني" | "ثمانيه" => 8,
        "تسع" | "تسعه" => 9,
        "عشر" | "عشره" => 10,
        _ => return None,
    })
}

fn tens(w: &str) -> Option<u64> {
    let stem = w.strip_suffix("ون").or_else(|| w.strip_suffix("ين"))?;
    Some(match stem {
        "عشر" => 20,
        "ثلاث" => 30,
        "اربع" => 40,
        "خمس" => 50,
        "ست" => 60,
        "سبع" => 70,
        "ثمان" => 80,
        "تسع" => 90,
        _ => return None,
    })
}

fn hundreds(w: &str) -> Option<u64> {
    // مئة and مائة are both written, alone, in the dual and after a unit (ثلاثمئة).
    for hundred in ["مءه", "ماءه"] {
        if w == hundred {
            return Some(100);
        }
        if let Some(u) = w.strip_suffix(hundred).and_then(unit) {
            return (2..=9).contains(&u).then_some(u * 100);
        }
    }
    let dual = ["مءتان", "مءتين", "مءتا", "ماءتان", "ماءتين", "ماءتا"];
    dual.contains(&w).then_some(200)
}

/// Multipliers: ألف، آلاف (after a numeral), مليون، مليار.
fn scale(w: &str) -> Option<u64> {
    Some(match w {
        "الف" | "الاف" | "الفا" => 1_000,
        "الفان" | "الفين" => 2_000,
        "مليون" | "ملايين" | "مليونا" => 1_000_000,
        "مليونان" | "مليونين" => 2_000_000,
        "مليار" | "مليارات" => 1_000_000_000,
        _ => return None,
    })
}

fn is_vague(w: &str) -> bool {
    matches!(
        w,
        "عشرات"
            | "مءات"
            | "ماءات"
            | "الاف"
            | "الوف"
            | "الوفا"
            | "الالاف"
            | "العشرات"
            | "المءات"
    )
}

/// Digits with an optional one-letter proclitic (و200، ب49، ل1960), as a float: groups of
/// three after a separator are thousands, anything else is a decimal part.
fn digits(w: &str) -> Option<f64> {
    let w = w.trim_start_matches(|c: char| !c.is_ascii_digit());
    let prefix_len = w.len();
    if prefix_len == 0 || !w.chars().all(|c| c.is_ascii_digit() || ",.٫٬".contains(c)) {
        return None;
    }
    let parts: Vec<&str> = w.split([',', '.', '٫', '٬']).collect();
    if parts.len() > 1 && parts[1..].iter().all(|p| p.len() == 3) {
        return parts.concat().parse().ok();
    }
    let (int, frac) = (parts[0], parts.get(1).copied().unwrap_or("0"));
    format!("{int}.{frac}").parse().ok()
}

/// The figure that starts at word `i`, if any.
pub(crate) fn figure_at(doc: &Doc, i: usize) -> Option<Figure> {
    let word = doc.word(i);
    // Most words hold no digit: told by their bytes before any char is counted.
    let has_digit = word.bytes().any(|b| b.is_ascii_digit());
    let lead = if has_digit {
        word.chars().take_while(|c| !c.is_ascii_digit()).count()
    } else {
        usize::MAX
    };
    // Only a proclitic may precede digits on the same word.
    if lead <= 2 {
        let head: String = word.chars().take(lead).collect();
        if !head.chars().all(|c| "وفبلك".contains(c)) {
            return None;
        }
        let v = digits(word)?;
        let (v, last) = match next_scale(doc, i) {
            Some(m) => (v * m as f64, i + 1),
            None => (v, i),
        };
        return Some(Figure {
            count: Some(v.round() as u64),
            first: i,
            last,
        });
    }
    let stem = bare(word, doc.stems(i))?;
    if is_vague(stem) {
        return Some(Figure {
            count: None,
            first: i,
            last: i,
        });
    }
    words_at(doc, i)
}

/// The word without و/ب/ل; a number word never with the article ("الثالثة" is an ordinal).
fn bare<'w>(w: &str, readings: Stems<'w>) -> Option<&'w str> {
    readings.into_iter().find(|s| {
        // No number word is longer than eight letters, and every one starts with a letter
        // of وائخستعم (units, tens, hundreds, scales and vague amounts alike): most words
        // are turned away before any list is read.
        if s.len() > 16 || !s.starts_with(['و', 'ا', 'ث', 'خ', 'س', 'ت', 'ع', 'م']) {
            return false;
        }
        let via_article = w.len() >= s.len() + 4 && w[..w.len() - s.len()].ends_with("ال");
        is_vague(s)
            || scale(s).is_some()
            || (!via_article && !s.starts_with("ال") && number_word(s).is_some())
    })
}

fn next_scale(doc: &Doc, i: usize) -> Option<u64> {
    let j = i + 1;
    (j < doc.toks.len() && doc.toks[j].sentence == doc.toks[i].sentence)
        .then(|| scale(doc.word(j)))
        .flatten()
}

/// A number written in words: units, "عشر" teens, tens and hundreds joined by و, scales.
fn words_at(doc: &Doc, i: usize) -> Option<Figure> {
    let first = bare(doc.word(i), doc.stems(i))?;
    let (mut total, mut current) = match scale(first) {
        Some(m) => (m, 0),
        None => (0, number_word(first)?),
    };
    let mut j = i + 1;
    while j < doc.toks.len() && doc.toks[j].sentence == doc.toks[i].sentence {
        let w = doc.word(j);
        if let Some(m) = scale(w) {
            total += current.max(1) * m;
            current = 0;
        } else if let Some(v) = w.strip_prefix('و').and_then(number_word) {
            current += v;
        } else if unit(w) == Some(10) && (1..10).contains(&current) {
            current += 10;
        } else {
            break;
        }
        j += 1;
    }
    Some(Figure {
        count: Some(total + current),
        first: i,
        last: j - 1,
    })
}

fn number_word(w: &str) -> Option<u64> {
    unit(w).or_else(|| tens(w)).or_else(|| hundreds(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::context::Context;

    fn figure(text: &str) -> Option<Figure> {
        let demonym = |_: &str| None;
        let cx = Context {
            body: text,
            sentences: &[],
            mentions: &[],
            entities: &[],
            times: &[],
            published: None,
            demonym: &demonym,
        };
        let doc = Doc::new(&cx);
        figure_at(&doc, 0)
    }

    fn count(text: &str) -> Option<u64> {
        figure(text).and_then(|f| f.count)
    }

    #[test]
    fn digits_in_every_script_and_grouping() {
        assert_eq!(count("1,300 مبنى"), Some(1300));
        assert_eq!(count("١٢٥ شهيدا"), Some(125));
        assert_eq!(count("و200 جريح"), Some(200));
        assert_eq!(count("2.5 مليون نازح"), Some(2_500_000));
        assert_eq!(count("3 آلاف نازح"), Some(3000));
        assert_eq!(count("١٬٢٠٠ منزل"), Some(1200));
    }

    #[test]
    fn number_words() {
        assert_eq!(count("ثلاثة جنود"), Some(3));
        assert_eq!(count("خمسة وعشرون مدنيا"), Some(25));
        assert_eq!(count("أحد عشر طفلا"), Some(11));
        assert_eq!(count("مئتا منزل"), Some(200));
        assert_eq!(count("ألف شخص"), Some(1000));
        assert_eq!(count("مائة شخص"), Some(100));
        assert_eq!(count("ثلاثمئة عائلة"), Some(300));
        assert_eq!(count("ثلاثة آلاف لاجئ"), Some(3000));
        assert_eq!(count("أحد عسكرييها"), Some(1));
    }

    #[test]
    fn vague_amounts_have_no_count() {
        let f = figure("عشرات القتلى").unwrap();
        assert_eq!((f.count, f.last), (None, 0));
        assert!(figure("الآلاف من النازحين").unwrap().count.is_none());
        assert!(figure("الثالثة فجرا").is_none());
        assert!(figure("الجيش").is_none());
        assert!(figure("وآلاف النازحين").unwrap().count.is_none());
        assert_eq!(count("وعشرون"), Some(20));
    }
}
