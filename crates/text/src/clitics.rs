//! Proclitics: the conjunction, preposition and article written joined to a word.
//!
//! Arabic stacks them in one order: conjunction و/ف, then preposition ب/ل/ك, then the
//! article ال (وبالاتفاق = و + ب + ال + اتفاق). ل + ال is written لل (للأمم = ل + الأمم).
//! Many ordinary words begin with the same letters (وزير, بلد, كان, فرنسا, لبنان, بيان), so
//! nothing is cut off by pattern alone: a proclitic comes off only when the rest of the
//! word is known — a knowledge-base name, a corpus word — and a known word is never cut.
//!
//! Two ways to say "known":
//! - [`split_clitics`] takes a yes/no `is_known` (a KB, a gazetteer). The whole word is
//!   kept when it is known; a layer comes off when what remains (with or without ال) is known
//!   and has at least two letters.
//! - [`split_clitics_by_freq`] takes corpus frequencies ([`crate::Vocabulary`]), because a
//!   corpus list also holds the joined forms themselves (وقال, بالاتفاق). A layer comes off
//!   when what remains is frequent enough compared with the joined form: a word never seen
//!   loses a layer whenever the rest is known; a known word only when the rest has at least
//!   three letters and is at least a per-proclitic share as frequent (`Layer::min_ratio`:
//!   a tenth for و, a fifth for ب ل, 5 and 20 times for the rare ك ف). So وقال (24,906) →
//!   و + قال (12,611), but وزير, بيان, لبنان, فرنسا, كامل stay whole, and so do كان (ك + أن?)
//!   and function words such as وفي.
//!
//! Both work on matching keys ([`crate::key`]) and return spans in the original text.

use crate::normalise::key_char;
use marsad_model::Span;
use serde::Serialize;

/// Fewest corpus occurrences of a remainder that can justify splitting a known word.
const MIN_EVIDENCE: u64 = 50;

/// Longest word (in letters) that is analysed; longer tokens are returned whole.
const MAX_LETTERS: usize = 48;

/// The proclitics found on one word, as byte spans in the text the word came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Clitics {
    /// و or ف.
    pub conj: Option<Span>,
    /// ب, ل or ك.
    pub prep: Option<Span>,
    /// ال; in the contracted form لل it is the second ل (and `prep` the first).
    pub article: Option<Span>,
    /// The word without its proclitics (and without the article when `article` is set).
    pub stem: Span,
}

impl Clitics {
    fn whole(word: &str, offset: usize) -> Self {
        Clitics {
            conj: None,
            prep: None,
            article: None,
            stem: Span::new(offset, offset + word.len()),
        }
    }

    pub fn is_split(&self) -> bool {
        self.conj.is_some() || self.prep.is_some() || self.article.is_some()
    }

    /// The word as written without conjunction and preposition, article included:
    /// the span a name mention should cover (`وبالرياض` → `الرياض`). In the contracted
    /// لل the article's alef is not written, so `للأمم` gives `لأمم`; use
    /// [`Clitics::name_key`] to match it.
    pub fn name(&self) -> Span {
        let start = self.article.map_or(self.stem.start, |a| a.start);
        Span::new(start, self.stem.end)
    }

    /// The matching key of the word without conjunction and preposition, with the
    /// article spelled out: `للأمم` → `الامم`, `وبالاتفاق` → `الاتفاق`, `ولبنان` → `لبنان`.
    /// `text` is the text the spans point into.
    pub fn name_key(&self, text: &str) -> String {
        let stem = text.get(self.stem.start..self.stem.end).unwrap_or("");
        let mut out = String::with_capacity(stem.len() + 4);
        if self.article.is_some() {
            out.push_str("ال");
        }
        out.extend(stem.chars().filter_map(key_char));
        out
    }
}

/// Splits proclitics off `word` (found at byte `offset` of its text) only when what
/// remains is known: `is_known` receives matching keys. Otherwise returns the word whole.
pub fn split_clitics(word: &str, offset: usize, is_known: &dyn Fn(&str) -> bool) -> Clitics {
    if !may_have_proclitic(word) {
        return Clitics::whole(word, offset);
    }
    let Some(letters) = Letters::new(word) else {
        return Clitics::whole(word, offset);
    };
    let judge = Known(is_known);
    letters.analyse(&judge).to_clitics(&letters, word, offset)
}

/// Like [`split_clitics`], judged by corpus frequencies (`freq` of a key, 0 when unseen).
pub fn split_clitics_by_freq(word: &str, offset: usize, freq: &dyn Fn(&str) -> u32) -> Clitics {
    if !may_have_proclitic(word) {
        return Clitics::whole(word, offset);
    }
    let Some(letters) = Letters::new(word) else {
        return Clitics::whole(word, offset);
    };
    let judge = Frequency(freq);
    letters.analyse(&judge).to_clitics(&letters, word, offset)
}

/// Splits a word glued at a conjunction (أذربيجانوأرمينيا) into parts and the و between
/// them, when every part is known and has at least three letters. Returns the spans in
/// order (`[X, و, Y]`, or longer for chains), or `None` when the word is known or no
/// split makes every part known.
///
/// Meant for name predicates (knowledge-base or gazetteer names). With a general
/// vocabulary almost any long word holding a و splits into two short known words
/// (هرمونية → هرم + و + نية, found on the news corpora), so none is offered here.
pub fn split_glued(
    word: &str,
    offset: usize,
    is_known: &dyn Fn(&str) -> bool,
) -> Option<Vec<Span>> {
    let letters = Letters::new(word)?;
    if is_known(&letters.key) {
        return None;
    }
    let mut parts = Vec::new();
    letters.glued_from(0, is_known, &mut parts).then(|| {
        parts
            .iter()
            .map(|&(a, b)| letters.span(a, b, word, offset))
            .collect()
    })
}

/// Whether the first letter of `word` could start a proclitic or the article: most words
/// are rejected here, before anything is allocated.
fn may_have_proclitic(word: &str) -> bool {
    matches!(
        word.chars().find_map(key_char),
        Some('و' | 'ف' | 'ب' | 'ل' | 'ك' | 'ا')
    )
}

/// A word's matching key with, for each key char, where it came from.
struct Letters {
    key: String,
    /// Byte offset in `key` of each key char, plus `key.len()` after the last.
    key_at: [usize; MAX_LETTERS + 1],
    /// Byte offset in the word of the char that produced each key char.
    word_at: [usize; MAX_LETTERS],
    /// Number of key chars ("letters").
    n: usize,
}

/// What `analyse` decided, in letter indices.
#[derive(Debug, Default)]
struct Analysis {
    conj: bool,
    prep: bool,
    /// `Some(n)`: the article takes `n` letters (2 for ال, 1 for the ل of لل).
    article: Option<usize>,
}

/// Which proclitic a remainder would be split from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layer {
    Conj(char),
    Prep(char),
    /// The ل + ل of لل (preposition with the article contracted into it).
    Contracted,
    /// The article alone, on a word with no other proclitic.
    Article,
}

impl Layer {
    /// Minimum `freq(rest) / freq(word)`, in thousandths, for a known word to lose this
    /// layer: (rest of four letters or more, rest of three letters). Measured on the news
    /// corpora (see data/text/README.md): و and the prepositions ب ل are frequent
    /// proclitics, so a remainder a tenth or a fifth as common as the joined form is good
    /// evidence; ف and ك are rare ones while words beginning with them are common (فساد,
    /// فتحت, كامل), and their true splits (فذلك, فربما, كهذه) show remainders twenty and
    /// five times as common. لل is nearly always ل + ال. Three-letter remainders are
    /// more often chance look-alikes (واثق, كانا), so they need twice the share.
    fn min_ratio(self) -> (u64, u64) {
        match self {
            Layer::Conj('و') => (100, 300),
            Layer::Prep('ب' | 'ل') => (200, 400),
            Layer::Contracted => (100, 200),
            Layer::Prep('ك') => (5_000, 10_000),
            Layer::Conj(_) | Layer::Prep(_) => (20_000, 40_000),
            Layer::Article => (u64::MAX, u64::MAX),
        }
    }
}

trait Judge {
    /// Whether `rest` (of `letters` letters) may be split off from `parent` at `layer`.
    fn accept(&self, layer: Layer, rest: &str, letters: usize, parent: &str) -> bool;
    fn known(&self, key: &str) -> bool;
    /// How strongly `key` is known, to choose between two readings.
    fn weight(&self, key: &str) -> u32;
}

struct Known<'f>(&'f dyn Fn(&str) -> bool);
struct Frequency<'f>(&'f dyn Fn(&str) -> u32);

impl Judge for Known<'_> {
    fn accept(&self, _: Layer, rest: &str, letters: usize, parent: &str) -> bool {
        letters >= 2 && (self.0)(rest) && !(self.0)(parent)
    }
    fn known(&self, key: &str) -> bool {
        (self.0)(key)
    }
    fn weight(&self, key: &str) -> u32 {
        u32::from((self.0)(key))
    }
}

impl Judge for Frequency<'_> {
    fn accept(&self, layer: Layer, rest: &str, letters: usize, parent: &str) -> bool {
        // Most candidate remainders are unknown: look the parent up only when needed.
        let rest_freq = u64::from((self.0)(rest));
        if rest_freq == 0 {
            return false;
        }
        let parent_freq = u64::from((self.0)(parent));
        if parent_freq == 0 {
            return letters >= 2;
        }
        // Counts this small are noise, not evidence against a known word (براك, راك).
        if rest_freq < MIN_EVIDENCE {
            return false;
        }
        let (long, short) = layer.min_ratio();
        let min = match letters {
            0..=2 => return false,
            3 => short,
            _ => long,
        };
        rest_freq.saturating_mul(1000) >= min.saturating_mul(parent_freq)
    }
    fn known(&self, key: &str) -> bool {
        (self.0)(key) > 0
    }
    fn weight(&self, key: &str) -> u32 {
        (self.0)(key)
    }
}

impl Letters {
    fn new(word: &str) -> Option<Self> {
        let mut key = String::with_capacity(word.len());
        let mut key_at = [0; MAX_LETTERS + 1];
        let mut word_at = [0; MAX_LETTERS];
        let mut n = 0;
        for (i, c) in word.char_indices() {
            if let Some(k) = key_char(c) {
                if n == MAX_LETTERS {
                    return None;
                }
                key_at[n] = key.len();
                word_at[n] = i;
                key.push(k);
                n += 1;
            }
        }
        if n == 0 {
            return None;
        }
        key_at[n] = key.len();
        Some(Letters {
            key,
            key_at,
            word_at,
            n,
        })
    }

    fn len(&self) -> usize {
        self.n
    }

    fn letter(&self, i: usize) -> Option<char> {
        self.key
            .get(self.key_at[i.min(self.len())]..)?
            .chars()
            .next()
    }

    /// Key of the letters from `i` to the end.
    fn from(&self, i: usize) -> &str {
        &self.key[self.key_at[i.min(self.len())]..]
    }

    fn has_article_at(&self, i: usize) -> bool {
        self.letter(i) == Some('ا') && self.letter(i + 1) == Some('ل')
    }

    /// Original span of letters `a..b` (marks after a letter go with it; marks before the
    /// first letter go with the first part).
    fn span(&self, a: usize, b: usize, word: &str, offset: usize) -> Span {
        let start = if a == 0 { 0 } else { self.word_at[a] };
        let end = if b >= self.len() {
            word.len()
        } else {
            self.word_at[b]
        };
        Span::new(offset + start, offset + end)
    }

    fn analyse(&self, judge: &dyn Judge) -> Analysis {
        let mut out = Analysis::default();
        let whole = self.from(0);
        let mut pos = 0;
        if let Some(c @ ('و' | 'ف')) = self.letter(0) {
            let layer = Layer::Conj(c);
            // A known word loses two layers only if it could lose the outer one alone
            // (ولاية is not و + ل + آية); an unknown one may (وبأرمينيا).
            if judge.accept(layer, self.from(1), self.len() - 1, whole)
                || (!judge.known(whole)
                    && (self.prep_at(1, whole, judge).is_some()
                        || self.article_resolves(1, whole, layer, judge)))
            {
                out.conj = true;
                pos = 1;
            }
        }
        if let Some(contracted) = self.prep_at(pos, self.from(pos), judge) {
            out.prep = true;
            pos += 1;
            if contracted {
                out.article = Some(1);
                return out;
            }
        }
        let rest = self.len().saturating_sub(pos + 2);
        if self.has_article_at(pos) && rest >= 3 {
            let marked = if out.conj || out.prep {
                judge.known(self.from(pos + 2))
            } else {
                judge.accept(Layer::Article, self.from(pos + 2), rest, whole)
            };
            if marked {
                out.article = Some(2);
            }
        }
        out
    }

    /// Whether a preposition at letter `i` comes off `parent`: `Some(true)` when it is
    /// the ل of a contracted لل, `Some(false)` for a plain preposition.
    fn prep_at(&self, i: usize, parent: &str, judge: &dyn Judge) -> Option<bool> {
        let letter = self.letter(i)?;
        if !matches!(letter, 'ب' | 'ل' | 'ك') {
            return None;
        }
        let rest_letters = self.len() - i - 1;
        let layer = Layer::Prep(letter);
        let rest = self.from(i + 1);
        let plain = judge.accept(layer, rest, rest_letters, parent)
            || self.article_resolves(i + 1, parent, layer, judge);
        // ل + ال is written لل: read the rest as a word with the article restored. When
        // both readings are known (لقتال and القتال for للقتال, لبنان alone for للبنان),
        // the more frequent one wins.
        if letter == 'ل' && self.letter(i + 1) == Some('ل') && rest_letters >= 3 {
            let bare = self.from(i + 2);
            let mut with_article = String::with_capacity(bare.len() + 4);
            with_article.push_str("ال");
            with_article.push_str(bare);
            let contracted =
                judge.accept(Layer::Contracted, &with_article, rest_letters + 1, parent)
                    || judge.accept(Layer::Contracted, bare, rest_letters - 1, parent);
            let contracted_weight = judge.weight(&with_article).max(judge.weight(bare));
            if contracted && (!plain || contracted_weight > judge.weight(rest)) {
                return Some(true);
            }
        }
        plain.then_some(false)
    }

    /// Whether the article at letter `i` leaves a known word of at least three letters.
    fn article_resolves(&self, i: usize, parent: &str, layer: Layer, judge: &dyn Judge) -> bool {
        let rest = self.len().saturating_sub(i + 2);
        self.has_article_at(i) && rest >= 3 && judge.accept(layer, self.from(i + 2), rest, parent)
    }

    /// Splits letters `from..` into known parts joined by و; pushes letter ranges.
    fn glued_from(
        &self,
        from: usize,
        is_known: &dyn Fn(&str) -> bool,
        parts: &mut Vec<(usize, usize)>,
    ) -> bool {
        const MIN: usize = 3;
        let n = self.len();
        for w in (from + MIN)..n.saturating_sub(MIN) {
            if self.letter(w) != Some('و') {
                continue;
            }
            let left = &self.key[self.key_at[from]..self.key_at[w]];
            if !is_known(left) {
                continue;
            }
            let mark = parts.len();
            parts.push((from, w));
            parts.push((w, w + 1));
            if is_known(self.from(w + 1)) {
                parts.push((w + 1, n));
                return true;
            }
            if self.glued_from(w + 1, is_known, parts) {
                return true;
            }
            parts.truncate(mark);
        }
        false
    }
}

impl Analysis {
    fn to_clitics(&self, letters: &Letters, word: &str, offset: usize) -> Clitics {
        let n = letters.len();
        let mut pos = 0;
        let mut take = |on: bool, count: usize| -> Option<Span> {
            if !on || pos + count > n {
                return None;
            }
            let span = letters.span(pos, pos + count, word, offset);
            pos += count;
            Some(span)
        };
        let conj = take(self.conj, 1);
        let prep = take(self.prep, 1);
        let article = take(self.article.is_some(), self.article.unwrap_or(0));
        let stem = letters.span(pos, n, word, offset);
        Clitics {
            conj,
            prep,
            article,
            stem,
        }
    }
}

#[cfg(test)]
#[path = "clitics_tests.rs"]
mod tests;
