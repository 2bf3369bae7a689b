//! Names the knowledge base knows in one sentence: longest match, state bodies made
//! from patterns, ministries named without their country.
//!
//! Left to right, longest match wins (so وزارة الخارجية الروسية is one mention and the
//! nested أذربيجان in وزارة خارجية أذربيجان none). A match never runs over a relation
//! word (التابع ل): FORMAT.md makes "X التابع لـ Y" two mentions. Offices (رئيس الوزراء
//! الأرميني) are not mentions; they are returned apart and tell the side of the name
//! next to them.
//!
//! Nearly every word starts no name, and each question asked of a word is a look-up in
//! a table larger than the caches: a word's readings are first put to the KB's gate,
//! and the corpus frequencies that decide which readings stand are asked only of the
//! few that pass it.

use super::mentions::{candidate, is_place_noun, Candidate, Finder, Found};
use super::words::{retain_known, Reading, Word};
use marsad_kb::{BodyMatch, EntityClass, EntityRef};
use marsad_model::{EntityType, Span};

/// Longest name, in words, the matcher tries.
const WINDOW: usize = 10;

/// Heads that name one institution even without their country (a ministry); the
/// country comes from the article. Armies, governments and authorities named bare
/// are common nouns, not names.
const BARE_HEADS: &[&[&str]] = &[
    &["وزاره", "الدفاع"],
    &["وزاره", "الخارجيه"],
    &["وزاره", "الداخليه"],
    &["وزاره", "الصحه"],
    &["وزاره", "الماليه"],
    &["وزاره", "العدل"],
    &["النيابه", "العامه"],
];

/// Words that relate two names ("X التابع لـ Y"): a name never runs over them.
fn is_relation(key: &str) -> bool {
    matches!(key, "التابع" | "التابعه" | "التابعين" | "التابعون")
}

/// A title the KB knows (رئيس الوزراء الأرميني) at words `start..end`, and the state it
/// names.
pub(super) struct Office {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) side: String,
}

/// What matched at a word; KB candidates stay borrowed until one match is kept.
enum Match<'k> {
    Body(BodyMatch),
    Kb(&'k [EntityRef]),
    Bare,
}

impl<'k> Finder<'k> {
    /// The KB's mentions of a sentence in text order, and the offices it names.
    pub(super) fn kb_mentions<'a>(
        &self,
        body: &str,
        words: &[Word<'a>],
    ) -> (Vec<Candidate>, Vec<Office>) {
        let mut out = Vec::new();
        let mut offices = Vec::new();
        // Buffers for every word of the sentence.
        let mut readings: Vec<Reading<'a>> = Vec::new();
        let mut keys: Vec<&'a str> = Vec::with_capacity(WINDOW);
        // The first relation word after the current one (words.len(): none).
        let mut relation = 0;
        let mut i = 0;
        while i < words.len() {
            if !words[i].is_wordlike() {
                i += 1;
                continue;
            }
            if relation <= i {
                relation = (i + 1..words.len())
                    .find(|&j| is_relation(words[j].key))
                    .unwrap_or(words.len());
            }
            let end = (i + WINDOW).min(words.len()).min(relation);
            words[i].proclitic_readings_into(&mut readings);
            // Most words start no name: one remembered answer instead of three look-ups.
            readings.retain(|r| self.kb.may_start_name(r.key) || may_be_bare_head(r.key));
            if readings.is_empty() {
                i += 1;
                continue;
            }
            retain_known(self.vocab, words[i].key, &mut readings);
            keys.clear();
            keys.push("");
            keys.extend(words[i + 1..end].iter().map(|w| w.key));
            let mut best: Option<(usize, Reading<'a>, Match<'k>)> = None;
            for reading in &readings {
                keys[0] = reading.key;
                let hit = self
                    .kb
                    .match_state_body(&keys)
                    .map(|b| (b.tokens, Match::Body(b)))
                    .or_else(|| {
                        let (n, refs) = self.kb.longest_match(&keys)?;
                        Some((n, Match::Kb(refs)))
                    })
                    .or_else(|| bare_head(&keys).map(|n| (n, Match::Bare)));
                if let Some((n, m)) = hit {
                    if best.as_ref().is_none_or(|(b, _, _)| n > *b) {
                        best = Some((n, *reading, m));
                    }
                }
            }
            let Some((n, reading, m)) = best else {
                i += 1;
                continue;
            };
            keys[0] = reading.key;
            let words_used = match &m {
                Match::Body(b) if b.via_preposition => b.head_tokens,
                _ => n,
            };
            let last = &words[i + words_used - 1];
            let start = words[i].span.start + reading.skip;
            let span = Span::new(start, last.span.end);
            let (kind, found) = match m {
                Match::Body(b) if b.entity.kind == EntityType::Person => {
                    if let Some(side) = b.entity.side {
                        offices.push(Office {
                            start: i,
                            end: i + n,
                            side,
                        });
                    }
                    i += n;
                    continue;
                }
                Match::Body(b) => (b.entity.kind, Found::Body(Box::new(b.entity))),
                // An office the KB lists (الأمين العام للأمم المتحدة) names a person without
                // their name; its organisation after ل is a mention of its own.
                Match::Kb(refs)
                    if refs[0].kind == EntityType::Person
                        && refs[0].class == EntityClass::Organisation =>
                {
                    i += 1;
                    continue;
                }
                Match::Kb(refs) => {
                    if self.starts_with_place_noun(&keys[..n], refs) {
                        let first = &words[i + 1];
                        let span = Span::new(first.span.start, last.span.end);
                        let found = Found::Kb(refs.to_vec());
                        out.push(candidate(body, span, false, refs[0].kind, found));
                        i += words_used;
                        continue;
                    }
                    (refs[0].kind, Found::Kb(refs.to_vec()))
                }
                Match::Bare => (EntityType::Organisation, Found::Bare(keys[..n].join(" "))),
            };
            out.push(candidate(body, span, reading.restored, kind, found));
            i += words_used;
        }
        (out, offices)
    }

    /// A KB name that starts with a place noun (إقليم كاراباخ، منطقة القوقاز) is
    /// mentioned by the name alone when the rest names the same entity: the gold forms
    /// leave common nouns out. Whether the place noun `keys[0]` is to be dropped.
    fn starts_with_place_noun(&self, keys: &[&str], refs: &[EntityRef]) -> bool {
        keys.len() >= 2
            && is_place_noun(keys[0])
            && self
                .kb
                .longest_match(&keys[1..])
                .is_some_and(|(m, rest)| m == keys.len() - 1 && rest.first() == refs.first())
    }
}

/// Whether a bare ministry name ([`BARE_HEADS`]) may start with `key`.
fn may_be_bare_head(key: &str) -> bool {
    BARE_HEADS.iter().any(|h| h[0] == key)
}

fn bare_head(keys: &[&str]) -> Option<usize> {
    BARE_HEADS
        .iter()
        .find(|h| keys.len() >= h.len() && keys[..h.len()] == h[..])
        .map(|h| h.len())
}
