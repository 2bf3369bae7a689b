//! Reading one article: sentences, mentions linked to entities, times, casualty claims
//! and events, every item with its byte span in `article.body`.
//!
//! Mention spans and texts: a mention's span starts after the one-letter proclitics
//! (و ف ب ل ك), so `&body[span]` is the name as written (وبأرمينيا → أرمينيا). In the
//! contraction لل (للأمم المتحدة) the span starts at the second ل, which stands for the
//! article, and `Mention::text` is the name with its article written out (الأمم المتحدة),
//! as the gold format writes it; everywhere else `text == &body[span]`.

mod kb_names;
pub mod mentions;
pub mod words;

use crate::claims::Context;
use crate::events::extract_claims_and_events_keyed;
use crate::link::{link, Linked, Memory};
use crate::ner::NerModel;
use crate::times::extract_times_keyed;
use marsad_kb::Kb;
use marsad_model::{Analysis, Article, Span};
use marsad_text::{sentences, Keyed, Tokens, Vocabulary};
use mentions::Finder;

/// Reads articles of one collection; remembers full names so that a surname alone in a
/// later article links to the person (cross-article linking).
pub struct Reader {
    kb: &'static Kb,
    ner: &'static NerModel,
    vocab: &'static Vocabulary,
    memory: Memory,
}

impl Default for Reader {
    fn default() -> Self {
        Reader::new()
    }
}

impl Reader {
    /// A reader over the embedded KB, tagger and vocabulary.
    pub fn new() -> Self {
        Reader {
            kb: Kb::embedded(),
            ner: NerModel::embedded(),
            vocab: Vocabulary::embedded(),
            memory: Memory::default(),
        }
    }

    /// Reads one article. Articles not in Arabic get an analysis with no items.
    pub fn read(&mut self, article: &Article) -> Analysis {
        let mut analysis = Analysis {
            article: article.id.clone(),
            ..Analysis::default()
        };
        if !article.is_arabic() {
            return analysis;
        }
        let body = article.body.as_str();
        analysis.sentences = sentences(body);
        let linked = self.link_sentences(body, &analysis.sentences);
        analysis.mentions = linked.mentions;
        analysis.entities = linked.entities;
        // Times, claims and events all read the body's key: it is made once.
        let keyed = Keyed::new(body);
        analysis.times = extract_times_keyed(body, &keyed, article.published.as_deref());

        let kb = self.kb;
        let demonym = |k: &str| {
            kb.demonym(k)
                .and_then(|d| kb.entity(&d.country))
                .map(|e| e.label.clone())
        };
        let cx = Context {
            body,
            sentences: &analysis.sentences,
            mentions: &analysis.mentions,
            entities: &analysis.entities,
            times: &analysis.times,
            published: article.published.as_deref(),
            demonym: &demonym,
        };
        // One pass finds both: the words and speakers of the article are read once.
        let (claims, mut events) = extract_claims_and_events_keyed(&cx, &keyed);
        for place in events.iter_mut().filter_map(|e| e.location.as_mut()) {
            if place.coordinates.is_none() {
                place.coordinates = kb.entity(&place.entity).and_then(|e| e.coordinates);
            }
        }
        analysis.claims = claims;
        analysis.events = events;
        analysis
    }
}

impl Reader {
    /// The mention stage alone: mentions with entity ids and their entities.
    pub fn mentions(&mut self, article: &Article) -> Linked {
        if !article.is_arabic() {
            return Linked::default();
        }
        let body = article.body.as_str();
        self.link_sentences(body, &sentences(body))
    }

    fn link_sentences(&mut self, body: &str, sentences: &[Span]) -> Linked {
        let finder = Finder {
            kb: self.kb,
            ner: self.ner,
            vocab: self.vocab,
        };
        let mut candidates = Vec::new();
        let mut tokens = Vec::new();
        let mut keys = String::new();
        for s in sentences {
            tokens.clear();
            tokens.extend(Tokens::from_offset(body, s.start).take_while(|t| t.span.end <= s.end));
            let ws = words::words(body, &tokens, self.kb, &mut keys);
            candidates.extend(finder.sentence(body, &ws));
        }
        link(self.kb, candidates, &mut self.memory)
    }
}

/// Reads one article with a fresh [`Reader`] (no memory of other articles).
pub fn read(article: &Article) -> Analysis {
    Reader::new().read(article)
}

#[cfg(test)]
mod tests;
