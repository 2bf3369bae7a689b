//! Name lists and trigger words used as tagger features, keyed by clitic-stripped word keys.

use super::hash::{mix, IdMap};
use super::word::Word;
use super::NerError;
use std::path::Path;

/// The lists, in the bit order of `Lexicon` entries. The file names are those under
/// `data/ner/` (see its README for sources and licences).
pub(crate) const LISTS: [&str; 10] = [
    "anergazet_persons.txt",
    "anergazet_locations.txt",
    "anergazet_organizations.txt",
    "person_first_names.txt",
    "person_last_names.txt",
    "countries_ar.txt",
    "cities_ar.txt",
    "triggers_pers.txt",
    "triggers_loc.txt",
    "triggers_org.txt",
];

/// Lists from `FIRST_TRIGGER` on are single words that announce a name; the others are names.
pub(crate) const FIRST_TRIGGER: usize = 7;

/// Longest multi-word entry that is matched, in tokens.
pub(crate) const MAX_ENTRY_TOKENS: usize = 4;

/// Hash of a token sequence → bit set of the lists holding it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Lexicon {
    pub(crate) entries: IdMap<u16>,
}

/// The hash of a run of word stems, as looked up in `Lexicon::entries`.
#[inline]
pub(crate) fn run_hash(h: u64, stem: u64) -> u64 {
    mix(h, stem)
}

/// Entry flag: this run of words begins a longer entry.
const PREFIX: u16 = 1 << 15;

pub(crate) const RUN_SEED: u64 = 0x4C45_5849_434F_4E00;

impl Lexicon {
    /// Reads every list of `LISTS` from `dir`; a missing list is an error, so a model is
    /// never trained silently without its gazetteers.
    pub(crate) fn load(dir: &Path) -> Result<Lexicon, NerError> {
        let mut lex = Lexicon::default();
        let mut word = Word::default();
        for (bit, name) in LISTS.iter().enumerate() {
            let path = dir.join(name);
            let text = std::fs::read_to_string(&path).map_err(|e| NerError::io(&path, e))?;
            for line in text.lines() {
                let line = line.trim();
                if line.is_empty() {
                    continue;
                }
                let toks: Vec<&str> = line.split_whitespace().collect();
                if toks.len() > MAX_ENTRY_TOKENS || (bit >= FIRST_TRIGGER && toks.len() > 1) {
                    continue;
                }
                let mut h = RUN_SEED;
                for (i, t) in toks.iter().enumerate() {
                    word.analyse(t);
                    h = run_hash(h, word.name_keys[0]);
                    if i + 1 < toks.len() {
                        *lex.entries.entry(h).or_default() |= PREFIX;
                    }
                }
                *lex.entries.entry(h).or_default() |= 1 << bit;
            }
        }
        Ok(lex)
    }

    /// For each token, bit `l` = a one-token entry of list `l`, bit `8 + l` = first token
    /// of a longer entry, bit `16 + l` = later token of a longer entry. `keys[i]` are the
    /// lookup keys of token `i` (`Word::name_keys`): the first token of an entry may carry
    /// proclitics, the later ones are looked up by their first key only.
    pub(crate) fn mark(&self, keys: &[([u64; 6], usize)], out: &mut [u32]) {
        for i in 0..keys.len() {
            let (first, count) = &keys[i];
            for &k in &first[..*count] {
                let mut h = run_hash(RUN_SEED, k);
                let mut len = 1;
                while let Some(&entry) = self.entries.get(&h) {
                    let lists = (entry & !PREFIX) as u32;
                    if len == 1 {
                        out[i] |= lists;
                    } else {
                        let names = lists & ((1 << FIRST_TRIGGER) - 1);
                        out[i] |= names << 8;
                        for o in &mut out[i + 1..i + len] {
                            *o |= names << 16;
                        }
                    }
                    if entry & PREFIX == 0 || i + len >= keys.len() || len >= MAX_ENTRY_TOKENS {
                        break;
                    }
                    h = run_hash(h, keys[i + len].0[0]);
                    len += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/ner"))
            .expect("data/ner lists")
    }

    fn marks(lex: &Lexicon, sentence: &str) -> Vec<u32> {
        let mut w = Word::default();
        let keys: Vec<([u64; 6], usize)> = sentence
            .split_whitespace()
            .map(|t| {
                w.analyse(t);
                (w.name_keys, w.name_count)
            })
            .collect();
        let mut out = vec![0; keys.len()];
        lex.mark(&keys, &mut out);
        out
    }

    #[test]
    fn names_match_through_clitics_and_spelling_variants() {
        let lex = lexicon();
        // "وفرنسا" = و + فرنسا (country); "بالأردن" = ب + ال + أردن.
        let m = marks(&lex, "زار وفرنسا بالأردن");
        assert_ne!(m[1] & (1 << 5), 0, "country list: {:b}", m[1]);
        assert_ne!(m[2] & (1 << 1), 0, "ANERGazet location: {:b}", m[2]);
        assert_eq!(m[0] & 0x7f, 0);
    }

    #[test]
    fn multi_word_entries_mark_begin_and_inside() {
        let lex = lexicon();
        let m = marks(&lex, "في الولايات المتحدة الأمريكية");
        let country_begin = 1 << (8 + 5);
        let country_inside = 1 << (16 + 5);
        assert_ne!(m[1] & country_begin, 0, "{:b}", m[1]);
        assert_ne!(m[2] & country_inside, 0, "{:b}", m[2]);
    }

    #[test]
    fn trigger_words_are_marked() {
        let lex = lexicon();
        let m = marks(&lex, "قال وزير الخارجية");
        assert_ne!(m[1] & (1 << 7), 0, "{:b}", m[1]);
    }
}
