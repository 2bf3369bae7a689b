//! Words of the body on their matching keys, with byte spans and sentence numbers, shared by
//! the claim and event readers.

use super::context::{Context, Party};
use super::numbers;
use crate::events::trigger_families;
use marsad_model::{EntityType, Mention, Span};
use marsad_text::Keyed;
use std::borrow::Cow;

/// The strongest punctuation between a word and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Sep {
    Space,
    Comma,
    Colon,
    Stop,
}

#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// Byte range in the key.
    pub k0: usize,
    pub k1: usize,
    /// Byte range in the body.
    pub span: Span,
    pub sentence: usize,
    pub sep: Sep,
    /// Inside parentheses: a gloss (a time converted to GMT, an English name).
    pub paren: bool,
    /// Where each reading of the word starts (see `stems`), found once per word since every
    /// lexicon looks at them.
    starts: [u8; 8],
    readings: u8,
    /// Where the reading that is a number word starts (see `numbers::bare`), and the event
    /// trigger families the readings may open: found once per word, as the claim and event
    /// readers ask about every word.
    number: Option<u8>,
    /// Whether the word has an ASCII digit (Arabic-Indic digits are ASCII on the key).
    pub digits: bool,
    pub triggers: u64,
}

pub(crate) struct Doc<'c, 'a> {
    pub cx: &'c Context<'a>,
    /// The body's key: the reader's own when it keys the body once for every stage.
    pub keyed: Cow<'c, Keyed>,
    pub toks: Vec<Tok>,
    /// Token index ranges of each sentence.
    pub sents: Vec<std::ops::Range<usize>>,
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Arabic letters, hamza included, are nearly every word char of the key: answered
    // without the Unicode tables, which would otherwise dominate reading time.
    ('\u{0621}'..='\u{064A}').contains(&c) || c.is_alphanumeric()
}

/// The byte length of the run of Arabic letters U+0621..=U+064A (all word chars, two
/// bytes each) at byte `i`.
#[inline]
fn arabic_letters(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while let (Some(&lead), Some(&next)) = (b.get(j), b.get(j + 1)) {
        if !matches!((lead, next), (0xD8, 0xA1..=0xBF) | (0xD9, 0x80..=0x8A)) {
            break;
        }
        j += 2;
    }
    j - i
}

impl<'c, 'a> Doc<'c, 'a> {
    pub fn new(cx: &'c Context<'a>) -> Self {
        Self::with_keyed(cx, Cow::Owned(Keyed::new(cx.body)))
    }

    /// A document over `keyed`, which must be `Keyed::new(cx.body)`.
    pub fn with_keyed(cx: &'c Context<'a>, keyed: Cow<'c, Keyed>) -> Self {
        let key = keyed.key.as_str();
        let mut toks = Vec::with_capacity(key.len() / 6 + 1);
        let mut sep = Sep::Stop;
        let mut depth = 0usize;
        let mut start: Option<usize> = None;
        let mut prev_digit = false;
        // Whether the word being read has a digit: only chars outside Arabic letter runs can.
        let mut digits = false;
        let bytes = key.as_bytes();
        let mut next = 0;
        while next < bytes.len() {
            let i = next;
            // Runs of Arabic letters, nearly all of a key, are taken without decoding chars.
            let run = arabic_letters(bytes, i);
            if run > 0 {
                start.get_or_insert(i);
                prev_digit = false;
                next += run;
                continue;
            }
            let Some(c) = key.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            next += c.len_utf8();
            // A digit group separator stays inside a number: 1,300 and 2.5.
            let in_number = matches!(c, ',' | '.' | '٫' | '٬')
                && prev_digit
                && bytes.get(next).is_some_and(u8::is_ascii_digit);
            prev_digit = c.is_ascii_digit();
            if is_word_char(c) || in_number {
                start.get_or_insert(i);
                digits |= prev_digit;
                continue;
            }
            if let Some(s) = start.take() {
                toks.push(Self::tok(&keyed, cx.body, (s, i), sep, depth > 0, digits));
                digits = false;
                sep = Sep::Space;
            }
            let here = match c {
                '،' | ',' | '؛' | ';' | '-' | '–' => Sep::Comma,
                ':' => Sep::Colon,
                '.' | '؟' | '?' | '!' | '\n' => Sep::Stop,
                _ => Sep::Space,
            };
            sep = sep.max(here);
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                '\n' => depth = 0,
                _ => {}
            }
        }
        if let Some(s) = start {
            toks.push(Self::tok(
                &keyed,
                cx.body,
                (s, key.len()),
                sep,
                depth > 0,
                digits,
            ));
        }
        let sents = Self::assign_sentences(cx, &mut toks);
        Doc {
            cx,
            keyed,
            toks,
            sents,
        }
    }

    fn tok(
        keyed: &Keyed,
        body: &str,
        (k0, k1): (usize, usize),
        sep: Sep,
        paren: bool,
        digits: bool,
    ) -> Tok {
        let (s, e) = keyed.span_of(k0, k1, body);
        let word = &keyed.key[k0..k1];
        let mut starts = [0u8; 8];
        let st = stems(word);
        for (slot, r) in starts.iter_mut().zip(st.iter()) {
            *slot = u8::try_from(word.len() - r.len()).unwrap_or(0);
        }
        let number = numbers::bare(word, &st).and_then(|r| u8::try_from(word.len() - r.len()).ok());
        Tok {
            k0,
            k1,
            span: Span::new(s, e),
            sentence: 0,
            sep,
            paren,
            starts,
            readings: st.len() as u8,
            number,
            digits,
            triggers: trigger_families(&st),
        }
    }

    /// The readings of word `i` (see `stems`).
    #[inline(always)]
    pub fn stems(&self, i: usize) -> Stems<'_> {
        let t = &self.toks[i];
        let w = &self.keyed.key[t.k0..t.k1];
        let mut out = Stems {
            items: [""; 8],
            len: 0,
        };
        for &at in &t.starts[..usize::from(t.readings)] {
            out.push(w.get(usize::from(at)..).unwrap_or(w));
        }
        out
    }

    fn assign_sentences(cx: &Context, toks: &mut [Tok]) -> Vec<std::ops::Range<usize>> {
        if cx.sentences.is_empty() {
            // No sentence spans given: the whole body reads as one sentence.
            return std::iter::once(0..toks.len()).collect();
        }
        let mut ranges = vec![0..0; cx.sentences.len()];
        let mut s = 0;
        for (i, t) in toks.iter_mut().enumerate() {
            while s + 1 < cx.sentences.len() && t.span.start >= cx.sentences[s + 1].start {
                s += 1;
            }
            t.sentence = s;
            if ranges[s].is_empty() {
                ranges[s] = i..i + 1;
            } else {
                ranges[s].end = i + 1;
            }
        }
        ranges
    }

    /// The reading of word `i` that is a number word or a vague amount, if any.
    pub fn number_stem(&self, i: usize) -> Option<&str> {
        let t = &self.toks[i];
        let at = usize::from(t.number?);
        self.keyed.key.get(t.k0..t.k1)?.get(at..)
    }

    pub fn word(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.keyed.key[t.k0..t.k1]
    }

    pub fn sentence_span(&self, s: usize) -> Span {
        self.cx.sentences.get(s).copied().unwrap_or_else(|| {
            let r = &self.sents[s];
            match (
                self.toks.get(r.start),
                self.toks.get(r.end.saturating_sub(1)),
            ) {
                (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
                _ => Span::new(0, self.cx.body.len()),
            }
        })
    }

    /// The mention that begins inside word `i` (after its proclitics).
    pub fn mention_at(&self, i: usize) -> Option<&'a Mention> {
        let t = &self.toks[i];
        let ms = self.cx.mentions;
        let j = ms.partition_point(|m| m.span.start < t.span.start);
        ms.get(j).filter(|m| m.span.start < t.span.end)
    }

    /// Whether word `i` is part of a name (الدعم in قوات الدعم السريع).
    pub fn in_mention(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let ms = self.cx.mentions;
        let j = ms.partition_point(|m| m.span.start < t.span.end);
        j > 0 && ms[j - 1].span.end > t.span.start
    }

    /// Whether the mention that begins in word `i` follows a preposition ل glued to it
    /// (لأوكرانيا، للسودان): a recipient or an object, not a subject.
    pub fn after_lam(&self, i: usize) -> bool {
        let t = &self.toks[i];
        self.mention_at(i).is_some_and(|m| {
            self.cx
                .body
                .get(t.span.start..m.span.start)
                .is_some_and(|p| p.ends_with('ل'))
        })
    }

    /// Index of the last word a span touches.
    pub fn last_tok_of(&self, span: Span) -> usize {
        self.toks
            .partition_point(|t| t.span.start < span.end)
            .saturating_sub(1)
    }

    /// The country a nationality adjective at word `i` names.
    pub fn demonym(&self, i: usize) -> Option<String> {
        // The accusative adjective ends in ا: جنديا أرمينيا، جنديًا أرمنيًا.
        self.stems(i).into_iter().find_map(|s| {
            (self.cx.demonym)(s).or_else(|| {
                s.strip_suffix("يا")
                    .and_then(|b| (self.cx.demonym)(&format!("{b}ي")))
            })
        })
    }

    /// A party starting at word `i`: a mention there, or a noun with a nationality
    /// adjective (`القوات الأرمينية`, `نظيره الأذربيجاني`). Returns it and its last word.
    pub fn party_at(&self, i: usize, lo: usize) -> Option<(Party, usize)> {
        if let Some(m) = self.mention_at(i) {
            return Some((Party::of_mention(self.cx, m), self.last_tok_of(m.span)));
        }
        let country = self.demonym(i)?;
        let from = if i > lo && self.toks[i].sep == Sep::Space {
            i - 1
        } else {
            i
        };
        let span = Span::new(self.toks[from].span.start, self.toks[i].span.end);
        // A name right after its title is the better label: الرئيس الأذربيجاني إلهام علييف.
        if let Some(m) = self.toks.get(i + 1).and_then(|_| self.mention_at(i + 1)) {
            let p = Party::of_mention(self.cx, m);
            if p.side.as_deref().is_none_or(|s| s == country) {
                return Some((
                    Party {
                        side: Some(country),
                        ..p
                    },
                    self.last_tok_of(m.span),
                ));
            }
        }
        Some((Party::of_demonym(country, span, self.cx.body), i))
    }

    pub fn is_place_after_fi(&self, i: usize, m: &Mention) -> bool {
        m.kind == EntityType::Location && i > 0 && {
            let w = self.word(i);
            w.starts_with("في") || (self.word(i - 1) == "في" && self.toks[i].sep == Sep::Space)
        }
    }
}

/// The readings of a word: itself and what remains after taking off proclitics: و/ف, then
/// ب/ل/ك, then the article ال (or ل+ال contracted to لل). Only remainders of two letters or
/// more count. Each step strips at most one prefix from each reading so far, so there are
/// at most eight; they live on the stack, as this runs for every word of every article.
#[derive(Clone, Copy)]
pub(crate) struct Stems<'w> {
    items: [&'w str; 8],
    len: usize,
}

impl<'w> Stems<'w> {
    #[inline(always)]
    fn push(&mut self, s: &'w str) {
        if self.len < self.items.len() {
            self.items[self.len] = s;
            self.len += 1;
        }
    }
}

impl<'w> std::ops::Deref for Stems<'w> {
    type Target = [&'w str];
    fn deref(&self) -> &[&'w str] {
        &self.items[..self.len]
    }
}

impl<'w> IntoIterator for Stems<'w> {
    type Item = &'w str;
    type IntoIter = std::iter::Take<std::array::IntoIter<&'w str, 8>>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter().take(self.len)
    }
}

// Always inline: the readings are built in the caller's frame instead of copied out.
#[inline(always)]
pub(crate) fn stems(w: &str) -> Stems<'_> {
    #[inline(always)]
    fn strip<'s>(w: &'s str, p: &str) -> Option<&'s str> {
        // Compared as bytes: `str::strip_prefix` calls `memcmp` for these two or four.
        // Two letters of Arabic are at least four bytes; the count is only needed near it.
        if !w.as_bytes().starts_with(p.as_bytes()) {
            return None;
        }
        w.get(p.len()..)
            .filter(|r| r.len() >= 4 || r.chars().nth(1).is_some())
    }
    let mut out = Stems {
        items: [""; 8],
        len: 0,
    };
    out.push(w);
    if let Some(r) = strip(w, "و").or_else(|| strip(w, "ف")) {
        out.push(r);
    }
    for i in 0..out.len {
        for p in ["ب", "ل", "ك"] {
            if let Some(r) = strip(out.items[i], p) {
                out.push(r);
            }
        }
    }
    for i in 0..out.len {
        if let Some(r) = strip(out.items[i], "ال").or_else(|| strip(out.items[i], "لل")) {
            out.push(r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::stems;

    #[test]
    fn stems_take_off_proclitics_and_article() {
        assert!(stems("وللقوات").contains(&"قوات"));
        assert!(stems("بالقصف").contains(&"قصف"));
        assert!(stems("والقتلى").contains(&"قتلى"));
        assert!(!stems("بث").contains(&"ث"));
    }
}
