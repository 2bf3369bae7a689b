//! Feature extraction: each token's features hashed straight into weight-row indices.

use super::clusters::{ClusterMap, LEVELS, NO_CLUSTER};
use super::hash::{finish, mix};
use super::lexicon::{Lexicon, FIRST_TRIGGER, LISTS};
use super::word::Word;

/// What the tagger knows about one token before looking at its neighbours.
#[derive(Debug, Clone, Copy, Default)]
struct TokenInfo {
    word: u64,
    stem: u64,
    clitic: u64,
    affixes: [u64; 16],
    shape: u64,
    lex: u32,
    clusters: [u16; LEVELS],
    stem_clusters: [u16; LEVELS],
}

/// Positions, within a token's features, of those naming the word itself (word, word
/// bigrams, stem). Training drops them at random so that the tagger also learns from
/// affixes, clusters and context, which is all it has for names it never saw.
pub(crate) const IDENTITY: [usize; 4] = [1, 6, 7, 8];

/// Lexicon bits of the one-word trigger lists.
const TRIGGERS: u32 = ((1 << LISTS.len()) - 1) & !((1 << FIRST_TRIGGER) - 1);

/// Values standing for the positions before the first and after the last token.
const PAD: [u64; 2] = [0x0050_4144_5f4c, 0x0050_4144_5f52];

/// The resources features are computed from; all of them are stored in the model file.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Resources {
    pub(crate) lexicon: Lexicon,
    pub(crate) clusters: ClusterMap,
    /// Weight rows = 2^bits.
    pub(crate) bits: u32,
}

/// The features of one sentence: token `i` has `buckets[offsets[i]..offsets[i + 1]]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Features {
    pub(crate) buckets: Vec<u32>,
    pub(crate) offsets: Vec<u32>,
}

impl Features {
    pub(crate) fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    pub(crate) fn of(&self, i: usize) -> &[u32] {
        &self.buckets[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
}

/// Buffers reused from sentence to sentence.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    word: Word,
    infos: Vec<TokenInfo>,
    names: Vec<([u64; 6], usize)>,
    lex: Vec<u32>,
}

impl Scratch {
    /// Stem hashes of the tokens of the last sentence `Resources::extract` saw.
    pub(crate) fn stems(&self) -> impl Iterator<Item = u64> + '_ {
        self.infos.iter().map(|t| t.stem)
    }
}

/// The weight row of feature `value` of template `template`, for a table of 2^(64-shift) rows.
#[inline]
pub(crate) fn bucket(template: u64, value: u64, shift: u32) -> u32 {
    (finish(mix(template, value)) >> shift) as u32
}

impl Resources {
    /// Right shift taking a 64-bit feature hash to a weight row.
    pub(crate) fn shift(&self) -> u32 {
        64 - self.bits.clamp(8, 30)
    }

    fn cluster(&self, h: u64) -> [u16; LEVELS] {
        self.clusters
            .get(&h)
            .copied()
            .unwrap_or([NO_CLUSTER; LEVELS])
    }

    /// Computes the features of every token of a sentence into `out`.
    pub(crate) fn extract(&self, tokens: &[&str], scratch: &mut Scratch, out: &mut Features) {
        let n = tokens.len();
        scratch.infos.clear();
        scratch.names.clear();
        for t in tokens {
            scratch.word.analyse(t);
            let w = &scratch.word;
            scratch.infos.push(TokenInfo {
                word: w.word,
                stem: w.stem,
                clitic: w.clitic,
                affixes: w.affixes,
                shape: w.shape,
                lex: 0,
                clusters: self.cluster(w.word),
                stem_clusters: self.cluster(w.stem),
            });
            scratch.names.push((w.name_keys, w.name_count));
        }
        scratch.lex.clear();
        scratch.lex.resize(n, 0);
        self.lexicon.mark(&scratch.names, &mut scratch.lex);
        for (info, &lex) in scratch.infos.iter_mut().zip(&scratch.lex) {
            info.lex = lex;
        }

        out.buckets.clear();
        out.offsets.clear();
        out.offsets.push(0);
        let shift = self.shift();
        let infos = &scratch.infos;
        for i in 0..n {
            let buckets = &mut out.buckets;
            let mut emit = |template: u64, value: u64| {
                buckets.push(bucket(template, value, shift));
            };
            let at = |d: isize| -> Option<&TokenInfo> {
                usize::try_from(i as isize + d)
                    .ok()
                    .and_then(|j| infos.get(j))
            };
            let word_at = |d: isize| at(d).map_or(PAD[(d > 0) as usize], |t| t.word);
            let t = &infos[i];

            emit(0, 1);
            emit(1, t.word);
            for (tpl, d) in [(2, -1), (3, 1), (4, -2), (5, 2)] {
                emit(tpl, word_at(d));
            }
            emit(6, mix(word_at(-1), t.word));
            emit(7, mix(t.word, word_at(1)));
            emit(8, t.stem);
            emit(9, at(-1).map_or(PAD[0], |p| p.stem));
            emit(10, at(1).map_or(PAD[1], |p| p.stem));
            emit(11, t.clitic);
            for (k, &a) in t.affixes.iter().enumerate() {
                emit(12 + k as u64, a);
            }
            let shape_at = |d: isize| at(d).map_or(PAD[(d > 0) as usize], |p| p.shape);
            emit(28, t.shape);
            emit(29, shape_at(-1));
            emit(30, shape_at(1));
            emit(31, mix(mix(shape_at(-1), t.shape), shape_at(1)));
            for (tpl, d) in [(32, 0), (33, -1), (34, 1), (35, -2), (36, 2)] {
                let lex = at(d).map_or(0, |p| p.lex);
                let mut bits = lex;
                while bits != 0 {
                    let b = bits.trailing_zeros();
                    bits &= bits - 1;
                    emit(tpl, b as u64);
                }
                if d == 0 && lex == 0 {
                    emit(tpl, 99);
                }
            }
            for l in 0..LEVELS {
                let lv = (l as u64) << 16;
                emit(37, lv | t.clusters[l] as u64);
                emit(40, lv | t.stem_clusters[l] as u64);
                emit(38, lv | at(-1).map_or(0xfffe, |p| p.clusters[l]) as u64);
                emit(39, lv | at(1).map_or(0xfffe, |p| p.clusters[l]) as u64);
            }
            emit(41, at(-2).map_or(0xfffe, |p| p.clusters[1]) as u64);
            emit(42, at(2).map_or(0xfffe, |p| p.clusters[1]) as u64);
            emit(
                43,
                mix(
                    t.clusters[1] as u64,
                    at(-1).map_or(0xfffe, |p| p.clusters[1]) as u64,
                ),
            );
            emit(44, (i == 0) as u64 | ((i + 1 == n) as u64) << 1);
            emit(45, mix(at(-1).map_or(PAD[0], |p| p.stem), t.stem));
            emit(46, mix(t.clitic, t.stem_clusters[1] as u64));
            // Affixes of the neighbours: a nisba or plural ending after a word marks it as
            // the head of a place or body name, a known title before it announces a person.
            for (tpl, d) in [(47u64, -1isize), (48, 1)] {
                let a = at(d).map_or([PAD[(d > 0) as usize]; 16], |p| p.affixes);
                emit(tpl, a[5]);
                emit(tpl + 2, a[9]);
            }
            const NAMES: u32 = (1 << FIRST_TRIGGER) - 1;
            let lex_prev = at(-1).map_or(1 << 31, |p| p.lex & (NAMES | TRIGGERS));
            emit(51, mix(lex_prev as u64, (t.lex & NAMES) as u64));
            emit(52, mix(word_at(-1), t.clusters[1] as u64));
            emit(53, mix(t.clusters[1] as u64, word_at(1)));
            out.offsets.push(out.buckets.len() as u32);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_deterministic_and_depend_on_context() {
        let res = Resources {
            bits: 18,
            ..Resources::default()
        };
        let mut scratch = Scratch::default();
        let (mut a, mut b, mut c) = (
            Features::default(),
            Features::default(),
            Features::default(),
        );
        res.extract(&["زار", "الرئيس", "موسكو"], &mut scratch, &mut a);
        res.extract(&["زار", "الرئيس", "موسكو"], &mut Scratch::default(), &mut b);
        res.extract(&["غادر", "الرئيس", "موسكو"], &mut scratch, &mut c);
        assert_eq!(a, b);
        assert_eq!(a.len(), 3);
        assert!(a.of(1).iter().all(|&x| x < 1 << 18));
        assert_ne!(
            a.of(1),
            c.of(1),
            "a neighbour changed, so must some feature"
        );
        assert_eq!(a.of(2).len(), c.of(2).len());
    }
}
