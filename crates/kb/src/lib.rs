//! marsad-kb: the knowledge base of people, places and organisations that Arabic news
//! names, with their Arabic spellings, coordinates and the side each speaks for.
//!
//! The data is built once from the shared gazetteer and hand-curated lists
//! ([`build::build`]) into `data/kb/`, and compiled into the binary:
//! [`Kb::embedded`] needs no files at run time. Names are looked up by matching key
//! (`marsad_text::key`); [`variant_key`] and [`same_name`] link transliteration
//! variants (داشكسن ~ داشكسان) without merging different names (يريفان ≠ إيران).

mod body;
pub mod build;
pub mod demonym;
mod error;
pub mod records;
mod scratch;
mod tables;
mod variant;

pub use body::{BodyMatch, BodyPattern};
pub use demonym::{Demonym, Gender, Number};
pub use error::KbError;
pub use records::{EntityClass, Record};
pub use variant::{class_key, same_name, variant_key};
use variant::{class_key_into, variant_key_into};

use body::BodyPatterns;
use marsad_model::{Entity, EntityType};
use marsad_text::{WordFilter, WordMap, WordSet};
use rustc_hash::FxHashMap as HashMap;
use scratch::{Scratch, SCRATCH};
use std::sync::OnceLock;
use tables::{Indexed, RefTable};

/// A handle to one KB entity, cheap to copy; resolve it with [`Kb::get`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EntityRef {
    pub index: u32,
    pub kind: EntityType,
    pub class: EntityClass,
}

/// The data files the KB is made of, as text.
pub struct Sources<'a> {
    pub entities: &'a str,
    pub demonyms: &'a str,
    pub state_bodies: &'a str,
    pub body_labels: &'a str,
    /// One key per line: words the reader never takes for a variant of a name.
    pub ordinary_words: &'a str,
}

static EMBEDDED_SOURCES: Sources<'static> = Sources {
    entities: include_str!("../../../data/kb/entities.tsv"),
    demonyms: include_str!("../../../data/kb/demonyms.tsv"),
    state_bodies: include_str!("../../../data/kb/curated/state_bodies.tsv"),
    body_labels: include_str!("../../../data/kb/curated/body_labels.tsv"),
    ordinary_words: include_str!("../../../data/kb/ordinary_words.txt"),
};

/// Consonants a name needs before a spelling that keeps its vowels but changes a
/// letter class (جوريس for غوريس) is taken for it.
const MIN_CLASS_SKELETON: usize = 3;
/// Consonants a name needs before a spelling with other vowels (داشكسن for داشكسان)
/// is taken for it: with three, too many ordinary words collide with towns.
const MIN_VARIANT_SKELETON: usize = 4;

#[derive(Debug, Default)]
pub struct Kb {
    records: Vec<Record>,
    by_id: HashMap<String, u32>,
    by_key: RefTable,
    by_variant: RefTable,
    by_class: RefTable,
    /// Largest number of tokens of a name starting with this token key.
    max_tokens: WordMap<usize>,
    max_variant_tokens: WordMap<usize>,
    /// The same by the class key of the first word (vowels kept): a tighter gate for
    /// the letter-class match, which most everyday words fail at once.
    max_class_tokens: WordMap<usize>,
    demonyms: Indexed<Demonym>,
    ordinary: WordSet,
    countries: HashMap<String, u32>,
    bodies: BodyPatterns,
    /// The first words of names and of state bodies (`max_tokens`, `bodies`), and the
    /// class keys of `max_class_tokens`: the gates asked of every word of a text turn
    /// most words away here, in a table that stays in cache.
    start_filter: WordFilter,
    class_filter: WordFilter,
    /// The keys of `demonyms`: the claim and event readers ask whether a word is a
    /// nationality adjective for every word next to a possible actor.
    demonym_filter: WordFilter,
}

impl Kb {
    /// The KB shipped in the repository, parsed once.
    pub fn embedded() -> &'static Kb {
        static KB: OnceLock<Kb> = OnceLock::new();
        // The shipped data is checked by the tests (`embedded_data_parses`); should it
        // ever fail to parse, the reader runs with an empty KB rather than crash.
        KB.get_or_init(|| Kb::try_embedded().unwrap_or_default())
    }

    /// Parses the shipped data, reporting what is wrong with it.
    pub fn try_embedded() -> Result<Kb, KbError> {
        Kb::from_sources(&EMBEDDED_SOURCES)
    }

    pub fn from_sources(src: &Sources<'_>) -> Result<Kb, KbError> {
        let records = records::parse_entities(src.entities, "entities.tsv")?;
        let demonyms = records::parse_demonyms(src.demonyms, "demonyms.tsv")?
            .into_iter()
            .collect();
        let bodies = BodyPatterns::parse(src.state_bodies, src.body_labels)?;
        let ordinary = src
            .ordinary_words
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| (l, ()))
            .collect();
        let mut kb = Kb {
            demonyms,
            ordinary,
            bodies,
            ..Kb::default()
        };
        // Before the records: adding one asks whether its words are nationality words.
        kb.demonym_filter = WordFilter::from_keys(kb.demonyms.keys());
        for r in records {
            kb.insert(r);
        }
        let starts = kb.max_tokens.iter().map(|(k, _)| k);
        kb.start_filter = WordFilter::from_keys(starts.chain(kb.bodies.first_words()));
        kb.class_filter = WordFilter::from_keys(kb.max_class_tokens.iter().map(|(k, _)| k));
        Ok(kb)
    }

    fn insert(&mut self, rec: Record) {
        let index = self.records.len() as u32;
        let r = EntityRef {
            index,
            kind: rec.entity.kind,
            class: rec.class,
        };
        self.by_id.insert(rec.entity.id.clone(), index);
        if rec.class == EntityClass::Country {
            if let Some(iso) = &rec.country {
                self.countries.entry(iso.clone()).or_insert(index);
            }
        }
        let mut keys: Vec<String> = rec
            .entity
            .names
            .iter()
            .map(|n| marsad_text::key(n))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            let words = k.split(' ').count();
            let first = k.split(' ').next().unwrap_or_default().to_string();
            let v = variant_key(&k);
            // Countries and organisations have settled spellings (their variants are
            // listed); towns are the names writers transliterate by ear.
            let transliterated = matches!(
                rec.class,
                EntityClass::City | EntityClass::Capital | EntityClass::Region
            );
            if transliterated && self.fuzzy_ok(&k, MIN_CLASS_SKELETON) {
                let vfirst = v.split(' ').next().unwrap_or_default().to_string();
                let m = self.max_variant_tokens.get_or_insert_default(&vfirst);
                *m = (*m).max(words);
                let m = self
                    .max_class_tokens
                    .get_or_insert_default(&class_key(&first));
                *m = (*m).max(words);
                self.by_class.push(&class_key(&k), r);
                if self.fuzzy_ok(&k, MIN_VARIANT_SKELETON) {
                    self.by_variant.push(&v, r);
                }
            }
            let m = self.max_tokens.get_or_insert_default(&first);
            *m = (*m).max(words);
            self.by_key.push(&k, r);
        }
        self.records.push(rec);
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    pub fn get(&self, r: EntityRef) -> &Entity {
        &self.records[r.index as usize].entity
    }

    pub fn record(&self, r: EntityRef) -> &Record {
        &self.records[r.index as usize]
    }

    pub fn records(&self) -> &[Record] {
        &self.records
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.by_id
            .get(id)
            .map(|&i| &self.records[i as usize].entity)
    }

    /// The entity of a country by ISO 3166-1 alpha-2 code (`AM`).
    pub fn country_by_iso(&self, iso2: &str) -> Option<&Entity> {
        self.countries
            .get(iso2)
            .map(|&i| &self.records[i as usize].entity)
    }

    /// The ISO code of the country an entity belongs to (a country: itself).
    pub fn country_iso(&self, id: &str) -> Option<&str> {
        let i = *self.by_id.get(id)?;
        self.records[i as usize].country.as_deref()
    }

    /// The country a place or body belongs to.
    pub fn country_of(&self, id: &str) -> Option<&Entity> {
        self.country_by_iso(self.country_iso(id)?)
    }

    /// All entities with a name whose key equals `key`, most important first.
    pub fn lookup(&self, key: &str) -> &[EntityRef] {
        self.by_key.refs(key)
    }

    /// Whether `key` may be matched loosely: long enough, and neither an ordinary word
    /// nor a nationality adjective (أرمينية، روسي are never place names).
    fn fuzzy_ok(&self, key: &str, min_skeleton: usize) -> bool {
        skeleton(&variant_key(key)) >= min_skeleton
            && !self.is_demonym(key)
            && !self.ordinary.contains_key(key)
    }

    /// Whether annotated Arabic text uses `key` as an ordinary word more than as a name.
    pub fn is_ordinary_word(&self, key: &str) -> bool {
        self.ordinary.contains_key(key)
    }

    /// Towns whose name is a transliteration variant of `key` (same variant key, long
    /// enough skeleton), most important first. Check each with [`same_name`].
    pub fn lookup_variant(&self, key: &str) -> &[EntityRef] {
        if !self.fuzzy_ok(key, MIN_VARIANT_SKELETON) {
            return &[];
        }
        self.by_variant.refs(&variant_key(key))
    }

    /// Towns whose name differs from `key` only in the letter written for g/q, ch, t
    /// or s (جوريس ~ غوريس ~ كوريس), vowels agreeing.
    pub fn lookup_class(&self, key: &str) -> &[EntityRef] {
        self.lookup_class_with(key, &mut String::new())
    }

    /// [`Kb::lookup_class`] with a scratch buffer; the table is asked first, since
    /// most keys are in no town's class and need no further check.
    fn lookup_class_with(&self, key: &str, scratch: &mut String) -> &[EntityRef] {
        class_key_into(key, scratch);
        let hits = self.by_class.refs(scratch);
        if hits.is_empty() {
            return &[];
        }
        variant_key_into(key, scratch);
        if skeleton(scratch) < MIN_CLASS_SKELETON
            || self.is_demonym(key)
            || self.ordinary.contains_key(key)
        {
            return &[];
        }
        hits
    }

    /// The longest known name at the start of `token_keys`: (tokens, candidates),
    /// most important first. Exact keys win; when no name matches exactly at any
    /// length, town names that differ only in letter class are tried (جوريس).
    /// Safe on running text: it never takes an ordinary word for a name.
    pub fn longest_match(&self, token_keys: &[&str]) -> Option<(usize, &[EntityRef])> {
        self.longest_exact(token_keys)
            .or_else(|| self.longest_loose(token_keys, false))
    }

    /// Like [`Kb::longest_match`], and also accepts other vowels (داشكسن for داشكسان,
    /// ستيبانيكرت for ستيباناكيرت). Meant for a span already known to be a name (from
    /// the NER model): on arbitrary words it finds too many towns.
    pub fn longest_variant_match(&self, token_keys: &[&str]) -> Option<(usize, &[EntityRef])> {
        self.longest_exact(token_keys)
            .or_else(|| self.longest_loose(token_keys, true))
    }

    /// Like [`Kb::longest_match`], exact keys only.
    pub fn longest_exact(&self, token_keys: &[&str]) -> Option<(usize, &[EntityRef])> {
        let first = token_keys.first()?;
        let max = (*self.max_tokens.get(first)?).min(token_keys.len());
        // The reader asks this of many words: the joined key is built in a reused buffer.
        let find = |buf: &mut String| {
            (1..=max).rev().find_map(|n| {
                join_into(buf, &token_keys[..n]);
                self.by_key.get(buf).map(|v| (n, v.as_slice()))
            })
        };
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => find(&mut s.buf),
            Err(_) => find(&mut String::new()),
        })
    }

    fn longest_loose(&self, token_keys: &[&str], vowels: bool) -> Option<(usize, &[EntityRef])> {
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => self.longest_loose_with(token_keys, vowels, &mut s),
            Err(_) => self.longest_loose_with(token_keys, vowels, &mut Scratch::default()),
        })
    }

    fn longest_loose_with(
        &self,
        token_keys: &[&str],
        vowels: bool,
        s: &mut Scratch,
    ) -> Option<(usize, &[EntityRef])> {
        let first = token_keys.first()?;
        // A name matched on letter class shares the class key of its first word with
        // the text (class keys join word by word); with other vowels allowed, only the
        // variant key.
        let max = if vowels || first.contains(' ') {
            variant_key_into(first, &mut s.scratch);
            *self.max_variant_tokens.get(&s.scratch)?
        } else {
            self.class_gate(first, &mut s.scratch)?
        };
        let Scratch { scratch, buf, .. } = s;
        let max = max.min(token_keys.len());
        (1..=max).rev().find_map(|n| {
            join_into(buf, &token_keys[..n]);
            let hits = self.lookup_class_with(buf, scratch);
            if !hits.is_empty() {
                return Some((n, hits));
            }
            if !vowels {
                return None;
            }
            let hits = self.lookup_variant(buf);
            // Keep only names that are really spellings of what was written.
            let ok = hits.iter().any(|r| {
                self.get(*r)
                    .names
                    .iter()
                    .any(|name| same_name(&marsad_text::key(name), buf))
            });
            ok.then_some((n, hits))
        })
    }

    /// Whether a known name, a state body or a town spelled in another letter class may
    /// start with the word `key`. When it is false, [`Kb::longest_match`] and
    /// [`Kb::match_state_body`] find nothing in token keys that start with `key`: the
    /// reader asks this of every word and skips the full look-ups for most.
    pub fn may_start_name(&self, key: &str) -> bool {
        if key.contains(' ') {
            return true;
        }
        if self.start_filter.may_contain(key)
            && (self.max_tokens.contains_key(key) || self.bodies.starts_with(key))
        {
            return true;
        }
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => self.class_gate(key, &mut s.scratch).is_some(),
            Err(_) => self.class_gate(key, &mut String::new()).is_some(),
        })
    }

    /// The longest town name whose first word has the class key of `first`, if any;
    /// `scratch` is a buffer for the class key.
    fn class_gate(&self, first: &str, scratch: &mut String) -> Option<usize> {
        class_key_into(first, scratch);
        if !self.class_filter.may_contain(scratch) {
            return None;
        }
        self.max_class_tokens
            .get(scratch)
            .copied()
            .filter(|&m| m > 0)
    }

    /// The country a nationality adjective or people noun points to.
    pub fn demonym(&self, key: &str) -> Option<&Demonym> {
        if !self.demonym_filter.may_contain(key) {
            return None;
        }
        self.demonyms.get(key)
    }

    fn is_demonym(&self, key: &str) -> bool {
        self.demonym_filter.may_contain(key) && self.demonyms.contains_key(key)
    }

    /// Whether `key` is a known name or nationality word (used to decide whether a
    /// proclitic can come off a token: وأرمينيا → و + أرمينيا).
    pub fn is_name_key(&self, key: &str) -> bool {
        self.by_key.contains_key(key) || self.is_demonym(key)
    }
}

fn join_into(buf: &mut String, keys: &[&str]) {
    buf.clear();
    for (i, k) in keys.iter().enumerate() {
        if i > 0 {
            buf.push(' ');
        }
        buf.push_str(k);
    }
}

fn skeleton(variant: &str) -> usize {
    variant
        .chars()
        .filter(|c| !matches!(c, ' ' | 'ا' | 'و' | 'ي'))
        .count()
}

#[cfg(test)]
mod tests;
