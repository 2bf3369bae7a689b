//! Mentions of one sentence: names the knowledge base knows (see [`super::kb_names`]),
//! and the spans the NER tagger finds, made flat.
//!
//! The KB decides first; the tagger's spans then fill what the KB does not know, where
//! they touch no KB mention.
//! Offices (رئيس الوزراء الأرميني) are not mentions; they tell the side of the name
//! next to them, and so do nationality adjectives just before a name (نظيره الروسي).

use super::kb_names::Office;
use super::words::{retain_known, Word};
use crate::ner::NerModel;
use marsad_kb::{EntityClass, EntityRef, Kb};
use marsad_model::{Entity, EntityType, Span};
use marsad_text::{TokenKind, Vocabulary};

/// Corpus count under which a word after a place noun is taken for a name.
const RARE_WORD: u32 = 20;
/// Words before a name searched for a title or nationality that gives its side.
const SIDE_LOOKBACK: usize = 3;

/// What found a mention and what it already says about the entity.
#[derive(Debug, Clone)]
pub enum Found {
    /// A KB name: the candidates, most important first.
    Kb(Vec<EntityRef>),
    /// A state body with its country (وزارة الدفاع الأرمينية).
    Body(Box<Entity>),
    /// A ministry named without its country (وزارة الدفاع): resolved from context.
    Bare(String),
    /// Only the tagger saw it.
    Ner,
}

/// A mention before linking.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub span: Span,
    /// The name as shown: the body's text at `span`, with ال back in a لل contraction.
    pub text: String,
    /// Matching key of `text`.
    pub key: String,
    pub kind: EntityType,
    pub found: Found,
    /// The state a title or nationality next to a person names.
    pub side: Option<String>,
}

/// Everything the finder needs, borrowed once per article.
pub struct Finder<'k> {
    pub kb: &'k Kb,
    pub ner: &'k NerModel,
    pub vocab: &'k Vocabulary,
}

impl Finder<'_> {
    /// The mentions of one sentence, in text order.
    pub fn sentence(&self, body: &str, words: &[Word<'_>]) -> Vec<Candidate> {
        let (mut found, offices) = self.kb_mentions(body, words);
        for (a, b, kind) in self.ner_spans(words) {
            let Some(n) = self.ner_candidate(body, words, a, b, kind) else {
                continue;
            };
            if let Some(k) = found.iter_mut().find(|k| k.span == n.span) {
                prefer_type(k, n.kind);
                continue;
            }
            let overlapped: Vec<&Candidate> =
                found.iter().filter(|k| k.span.overlaps(&n.span)).collect();
            // A person's name often contains a word that is also a town's name
            // (سيرغي، إلهام، لينكن): the tagger's longer person span wins over towns.
            let over_towns = n.kind == EntityType::Person
                && overlapped
                    .iter()
                    .all(|k| n.span.contains(&k.span) && is_town(k));
            if overlapped.is_empty() || over_towns {
                found.retain(|k| !k.span.overlaps(&n.span));
                found.push(n);
                continue;
            }
            // The tagger ran a name into a KB name next to it: keep the part outside.
            let covered = |w: &Word<'_>| found.iter().any(|k| k.span.overlaps(&w.span));
            let (mut a2, mut b2) = (a, b);
            while a2 < b2 && covered(&words[a2]) {
                a2 += 1;
            }
            while b2 > a2 && covered(&words[b2 - 1]) {
                b2 -= 1;
            }
            if (a2, b2) != (a, b) && !words[a2..b2].iter().any(covered) {
                if let Some(t) = self.ner_candidate(body, words, a2, b2, kind) {
                    found.push(t);
                }
            }
        }
        found.sort_by_key(|c| c.span.start);
        self.place_list_words(body, words, &mut found);
        found.sort_by_key(|c| c.span.start);
        self.place_lists(words, &mut found);
        for c in found.iter_mut().filter(|c| c.kind == EntityType::Person) {
            c.side = self.person_side(words, &offices, c.span);
        }
        found
    }

    /// Words the corpus hardly knows, in a list after a place noun (مناطق باساركيتشار
    /// وايستيسو وقاراكيلسا), are place names even when the tagger missed them.
    fn place_list_words(&self, body: &str, words: &[Word<'_>], found: &mut Vec<Candidate>) {
        let mut added = Vec::new();
        for (p, w) in words.iter().enumerate() {
            if !place_noun_word(w.key) {
                continue;
            }
            let mut j = p + 1;
            while let Some(x) = words.get(j) {
                if !x.is_wordlike() || (j > p + 1 && !x.key.starts_with('و')) {
                    break;
                }
                let skip = if j > p + 1 {
                    super::words::byte_after_letters(x.text, 1)
                } else {
                    0
                };
                let span = Span::new(x.span.start + skip, x.span.end);
                let rest = marsad_text::key(&body[span.start..span.end]);
                let rare = rest.chars().count() >= 4 && self.vocab.freq(&rest) < RARE_WORD;
                let taken = found.iter().any(|k| k.span.overlaps(&span));
                if !taken && rare && self.kb.demonym(&rest).is_none() {
                    let mut c = candidate(body, span, false, EntityType::Location, Found::Ner);
                    // A transliteration the KB knows (داشكسن for داشكسان) links to it,
                    // as a tagged name does.
                    if let Some(refs) = self.kb_for_span(&c.key, 1) {
                        c.found = Found::Kb(refs);
                        prefer_type(&mut c, EntityType::Location);
                    }
                    added.push(c);
                } else if !taken {
                    break;
                }
                j += 1;
            }
        }
        if !added.is_empty() {
            found.extend(added);
            found.sort_by_key(|c| c.span.start);
        }
    }

    /// Names in a list with places, or after a place noun, are places: the tagger
    /// takes unknown transliterated town names for persons (غوريس وسوتك وجيرموك).
    fn place_lists(&self, words: &[Word<'_>], found: &mut [Candidate]) {
        let at = |span: Span| words.iter().position(|w| w.span.end > span.start);
        for i in 0..found.len() {
            if found[i].kind != EntityType::Person || !matches!(found[i].found, Found::Ner) {
                continue;
            }
            let Some(first) = at(found[i].span) else {
                continue;
            };
            let after_place_noun = first > 0 && place_noun_word(words[first - 1].key);
            let starts_with_and =
                words[first].key.starts_with('و') && found[i].span.start > words[first].span.start;
            let prev_loc = i > 0
                && found[i - 1].kind == EntityType::Location
                && (starts_with_and || words[first - 1].key == "،" || words[first - 1].key == "و")
                && at(found[i - 1].span).is_some_and(|p| first - p <= 4);
            let next_loc = found.get(i + 1).is_some_and(|n| {
                n.kind == EntityType::Location
                    && at(n.span).is_some_and(|p| {
                        p > first
                            && p - first <= 3
                            && (words[p].key.starts_with('و') || words[p - 1].key == "،")
                    })
            });
            if after_place_noun || prev_loc || next_loc {
                found[i].kind = EntityType::Location;
            }
        }
    }

    /// The tagger's PER/LOC/ORG spans as word ranges; person and place spans are cut
    /// before an inner word that starts with و (two names in a list).
    fn ner_spans(&self, words: &[Word<'_>]) -> Vec<(usize, usize, EntityType)> {
        let texts: Vec<&str> = words.iter().map(|w| w.text).collect();
        let mut out = Vec::new();
        for s in self.ner.entities(&texts) {
            let Some(kind) = s.class.entity_type() else {
                continue;
            };
            let mut a = s.start;
            for (j, w) in words.iter().enumerate().take(s.end).skip(s.start + 1) {
                let list = kind != EntityType::Organisation
                    && w.key.starts_with('و')
                    && w.key.chars().count() >= 4;
                if list {
                    out.push((a, j, kind));
                    a = j;
                }
            }
            out.push((a, s.end, kind));
        }
        out
    }

    /// A candidate for words `a..b` tagged `kind`, unless they are no name.
    fn ner_candidate(
        &self,
        body: &str,
        words: &[Word<'_>],
        mut a: usize,
        mut b: usize,
        kind: EntityType,
    ) -> Option<Candidate> {
        while a < b && !words[a].is_wordlike() {
            a += 1;
        }
        while b > a && !words[b - 1].is_wordlike() {
            b -= 1;
        }
        if a == b || self.not_a_name(&words[a..b]) {
            return None;
        }
        let (skip, restored) = self.proclitics(&words[a]);
        let span = Span::new(words[a].span.start + skip, words[b - 1].span.end);
        if span.is_empty() {
            return None;
        }
        let mut c = candidate(body, span, restored, kind, Found::Ner);
        if let Some(refs) = self.kb_for_span(&c.key, b - a) {
            c.found = Found::Kb(refs);
            prefer_type(&mut c, kind);
        }
        Some(c)
    }

    /// Nationality words (الروسية، الأرمن) and ordinary words alone are not names.
    fn not_a_name(&self, words: &[Word<'_>]) -> bool {
        let mut readings = Vec::new();
        words.iter().all(|w| {
            // The corpus is asked only of the readings that would make the word no name.
            w.proclitic_readings_into(&mut readings);
            readings
                .retain(|r| self.kb.demonym(r.key).is_some() || self.kb.is_ordinary_word(r.key));
            retain_known(self.vocab, w.key, &mut readings);
            !readings.is_empty()
        })
    }

    /// How many bytes of proclitics a tagged name starts with, judged by corpus
    /// frequencies; و before a word the corpus never saw is taken for the conjunction.
    fn proclitics(&self, w: &Word<'_>) -> (usize, bool) {
        if w.kind != TokenKind::Word {
            return (0, false);
        }
        let c = self.vocab.split_clitics(w.text, 0);
        if c.is_split() {
            let name = c.name();
            let restored = c.prep.is_some() && c.article.is_some_and(|a| a.len() == 'ل'.len_utf8());
            return (name.start, restored);
        }
        let known = |k: &str| self.vocab.contains(k) || self.kb.is_name_key(k);
        if w.key.starts_with('و') && !known(w.key) && w.key.chars().count() >= 4 {
            return (super::words::byte_after_letters(w.text, 1), false);
        }
        (0, false)
    }

    /// The KB entity a tagged span is a spelling of, when a KB name covers all of it.
    fn kb_for_span(&self, key: &str, n_words: usize) -> Option<Vec<EntityRef>> {
        // A key of another number of words than the span is never covered whole.
        if key.split(' ').count() != n_words {
            return None;
        }
        let mut keys: Vec<&str> = Vec::with_capacity(n_words);
        keys.extend(key.split(' '));
        let (n, refs) = self.kb.longest_variant_match(&keys)?;
        (n == keys.len()).then(|| refs.to_vec())
    }

    fn person_side(&self, words: &[Word<'_>], offices: &[Office], span: Span) -> Option<String> {
        let first = words.iter().position(|w| w.span.end > span.start)?;
        let last = words.iter().rposition(|w| w.span.start < span.end)?;
        if let Some(o) = offices.iter().find(|o| o.end == first) {
            return Some(o.side.clone());
        }
        // "X، رئيس الوزراء الأرميني": the office in apposition after the name.
        let after = last + 1;
        if words.get(after).is_some_and(|w| w.key == "،") {
            if let Some(o) = offices.iter().find(|o| o.start == after + 1) {
                return Some(o.side.clone());
            }
        }
        for j in (first.saturating_sub(SIDE_LOOKBACK)..first).rev() {
            let w = &words[j];
            if !w.is_wordlike() {
                break;
            }
            if let Some(d) = self.kb.demonym(w.key).filter(|d| !d.people) {
                return self.kb.entity(&d.country).map(|e| e.label.clone());
            }
        }
        None
    }
}

fn is_town(c: &Candidate) -> bool {
    matches!(&c.found, Found::Kb(refs)
        if refs.first().is_some_and(|r| matches!(r.class, EntityClass::City | EntityClass::Region)))
}

/// A place noun with or without a proclitic (وبلدة، في محافظات), checked without
/// allocating: this runs on every word.
fn place_noun_word(key: &str) -> bool {
    is_place_noun(key)
        || key.strip_prefix(['و', 'ف', 'ب', 'ل']).is_some_and(|rest| {
            is_place_noun(rest) || rest.strip_prefix(['ب', 'ل']).is_some_and(is_place_noun)
        })
}

/// Nouns that announce a place name (بلدة غوريس، محافظات داشكسن).
pub(super) fn is_place_noun(key: &str) -> bool {
    let k = key.strip_prefix("ال").unwrap_or(key);
    matches!(
        k,
        "مدينه"
            | "بلده"
            | "قريه"
            | "محافظه"
            | "ولايه"
            | "منطقه"
            | "اقليم"
            | "مقاطعه"
            | "عاصمه"
            | "مدن"
            | "بلدات"
            | "قري"
            | "محافظات"
            | "مناطق"
            | "مقاطعات"
            | "بلدتي"
            | "مدينتي"
            | "قريتي"
            | "محور"
            | "محاور"
    )
}

pub(super) fn candidate(
    body: &str,
    span: Span,
    restored: bool,
    kind: EntityType,
    found: Found,
) -> Candidate {
    let shown = body.get(span.start..span.end).unwrap_or_default();
    let text = if restored {
        // The span keeps the second ل of لل; the form gets its article back (للأمم → الأمم).
        format!("ا{shown}")
    } else {
        shown.to_string()
    };
    let key = marsad_text::key(&text);
    Candidate {
        span,
        text,
        key,
        kind,
        found,
        side: None,
    }
}

/// Among several KB entities for one name, the one of the type the tagger saw.
fn prefer_type(c: &mut Candidate, kind: EntityType) {
    let Found::Kb(refs) = &mut c.found else {
        return;
    };
    if let Some(at) = refs.iter().position(|r| r.kind == kind) {
        let r = refs.remove(at);
        refs.insert(0, r);
    }
    if let Some(r) = refs.first() {
        c.kind = r.kind;
    }
}
