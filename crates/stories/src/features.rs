//! What an article is about, as a sparse weighted term vector: content words of title and
//! body (matching keys, with the commonest proclitics off) and the entities it names.

use marsad_model::{Analysis, Article};
use std::collections::HashSet;
use std::sync::LazyLock;

static STOPWORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("../../../data/lexicons/stopwords_ar.tsv")
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .map(marsad_text::key)
        .collect()
});

/// Term counts of one article, before weighting: `(term hash, count)` sorted by hash.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    pub counts: Vec<(u64, f32)>,
}

/// Entities count this many times a word: a shared named entity says more than a word.
const ENTITY_BOOST: f32 = 3.0;
/// Title words count this many times a body word.
const TITLE_BOOST: f32 = 2.0;

impl Terms {
    pub fn of(article: &Article, analysis: Option<&Analysis>) -> Terms {
        let mut raw: Vec<(u64, f32)> = Vec::new();
        if let Some(title) = &article.title {
            words(title, &mut |h| raw.push((h, TITLE_BOOST)));
        }
        // The lead says what the story is; tails often carry teasers of other stories.
        let mut n = 0usize;
        words(&article.body, &mut |h| {
            n += 1;
            let w = match n {
                0..=150 => 1.0,
                151..=400 => 0.5,
                _ => 0.25,
            };
            raw.push((h, w));
        });
        if let Some(analysis) = analysis {
            for m in &analysis.mentions {
                raw.push((hash(b"entity:", m.entity.as_bytes()), ENTITY_BOOST));
            }
        }
        raw.sort_unstable_by_key(|(h, _)| *h);
        let mut counts: Vec<(u64, f32)> = Vec::with_capacity(raw.len() / 2);
        for (h, w) in raw {
            match counts.last_mut() {
                Some((last, c)) if *last == h => *c += w,
                _ => counts.push((h, w)),
            }
        }
        Terms { counts }
    }
}

/// Calls `f` with the hash of every content word of `text`.
fn words(text: &str, f: &mut dyn FnMut(u64)) {
    content_words(text, &mut |w| f(hash(b"w:", w.as_bytes())));
}

/// Calls `f` with every content word of `text` as a term: its key, common proclitics
/// off, no stopwords, no bare numbers, at least three letters.
pub fn content_words(text: &str, f: &mut dyn FnMut(&str)) {
    for raw in text.split(|c: char| !c.is_alphanumeric() && !is_mark(c)) {
        if raw.is_empty() {
            continue;
        }
        let k = marsad_text::key(raw);
        let k = strip_proclitics(&k);
        if k.chars().count() < 3 || STOPWORDS.contains(k) || k.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        f(k);
    }
}

/// Hash of a word term, as `Terms` counts it.
pub fn word_hash(term: &str) -> u64 {
    hash(b"w:", term.as_bytes())
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Drops و, ال and the prepositions glued before ال: clustering only needs words that
/// compare, not a linguistically exact split, so this is deliberately cruder than the
/// text layer's clitic splitting.
fn strip_proclitics(k: &str) -> &str {
    for p in ["وبال", "وال", "بال", "فال", "كال", "لل", "ال"] {
        if let Some(rest) = k.strip_prefix(p) {
            if rest.chars().count() >= 3 {
                return rest;
            }
        }
    }
    if let Some(rest) = k.strip_prefix('و') {
        if rest.chars().count() >= 4 {
            return rest;
        }
    }
    k
}

/// FNV-1a over a namespace and bytes: stable across runs.
pub(crate) fn hash(ns: &[u8], bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in ns.iter().chain(bytes) {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, body: &str) -> Article {
        Article {
            id: "a".into(),
            source: "t".into(),
            format: marsad_model::SourceFormat::Text,
            outlet: None,
            url: None,
            published: None,
            title: Some(title.into()),
            body: body.into(),
            language: "ar".into(),
            boilerplate: vec![],
            near_duplicate_of: None,
        }
    }

    #[test]
    fn spellings_and_proclitics_fold_to_one_term() {
        let t = Terms::of(&article("", "والزلزال الزلزال زلزال في من"), None);
        assert_eq!(t.counts.len(), 1, "{:?}", t.counts);
        assert_eq!(t.counts[0].1, 3.0);
    }

    #[test]
    fn title_words_weigh_more() {
        let t = Terms::of(&article("انتخابات", "انتخابات"), None);
        assert_eq!(t.counts, vec![(hash(b"w:", "انتخابات".as_bytes()), 3.0)]);
    }
}
