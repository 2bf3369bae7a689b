//! Feature extraction: each token's features hashed straight into weight-row indices.

use super::clusters::{ClusterMap, LEVELS, NO_CLUSTER};
use super::hash::{finish, mix, K};
use super::lexicon::{Lexicon, FIRST_TRIGGER, LISTS};
use super::word::{Word, MAX_GRAMS};

/// What the tagger knows about one token before looking at its neighbours.
#[derive(Debug, Clone, Copy)]
struct TokenInfo {
    word: u64,
    stem: u64,
    clitic: u64,
    affixes: [u64; 16],
    shape: u64,
    grams: [u64; MAX_GRAMS],
    gram_count: u8,
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

impl TokenInfo {
    /// A position before (`side` 0) or after (1) the sentence.
    const fn pad(side: usize) -> TokenInfo {
        let v = PAD[side];
        TokenInfo {
            word: v,
            stem: v,
            clitic: v,
            affixes: [v; 16],
            shape: v,
            grams: [0; MAX_GRAMS],
            gram_count: 0,
            lex: 0,
            clusters: [0xfffe; LEVELS],
            stem_clusters: [0xfffe; LEVELS],
        }
    }
}

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

/// Where `Resources::extract` sends each token's feature rows: a `Features` list (for
/// training and the document pass), or straight into emission sums (`NerModel::tag`).
pub(crate) trait FeatureSink {
    fn feature(&mut self, bucket: u32);
    fn end_token(&mut self);
}

impl Features {
    fn clear(&mut self) {
        self.buckets.clear();
        self.offsets.clear();
        self.offsets.push(0);
    }
}

impl FeatureSink for &mut Features {
    #[inline(always)]
    fn feature(&mut self, bucket: u32) {
        self.buckets.push(bucket);
    }

    fn end_token(&mut self) {
        self.offsets.push(self.buckets.len() as u32);
    }
}

/// Distinct tokens whose analysis is remembered; past this the memo starts afresh so
/// that a long run's memory stays bounded (news vocabulary repeats, so it refills fast).
const MEMO_WORDS: usize = 1 << 15;

/// What `Word::analyse` tells about a token, kept as the tagger uses it (clusters and
/// lexicon bits are filled in per use: they depend on the resources, not the token).
#[derive(Debug, Clone, Copy)]
struct Analysed {
    info: TokenInfo,
    name_keys: [u64; 6],
    name_count: usize,
    stem_word: u64,
}

/// The context-free part of a token's features (no clusters, no lexicon bits yet).
fn analyse(word: &mut Word, token: &str) -> Analysed {
    word.analyse(token);
    Analysed {
        info: TokenInfo {
            word: word.word,
            stem: word.stem,
            clitic: word.clitic,
            affixes: word.affixes,
            shape: word.shape,
            grams: word.grams,
            gram_count: word.gram_count as u8,
            lex: 0,
            clusters: [NO_CLUSTER; LEVELS],
            stem_clusters: [NO_CLUSTER; LEVELS],
        },
        name_keys: word.name_keys,
        name_count: word.name_count,
        stem_word: word.stem_word,
    }
}

/// Buffers reused from sentence to sentence.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    word: Word,
    /// Token → its analysis: a word is analysed once, however often it recurs.
    memo: rustc_hash::FxHashMap<Box<str>, Analysed>,
    infos: Vec<TokenInfo>,
    names: Vec<([u64; 6], usize)>,
    lex: Vec<u32>,
}

impl Scratch {
    /// Stem hashes of the tokens of the last sentence `Resources::extract` saw.
    pub(crate) fn stems(&self) -> impl Iterator<Item = u64> + '_ {
        let real = 2..self.infos.len().saturating_sub(2);
        self.infos
            .get(real)
            .unwrap_or_default()
            .iter()
            .map(|t| t.stem)
    }
}

/// The weight row of feature `value` of template `template`, for a table of 2^(64-shift) rows.
/// One multiply (Fibonacci hashing of the value under a per-template salt, top bits
/// kept): values are word hashes or small ids, and the template's salt folds to a
/// constant, so this is the cheapest hash that still spreads them over the table.
#[inline(always)]
pub(crate) fn bucket(template: u64, value: u64, shift: u32) -> u32 {
    ((value ^ finish(template.wrapping_add(1))).wrapping_mul(K) >> shift) as u32
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

    /// Appends a token's analysis with its word clusters (read straight from the memo:
    /// no intermediate copy of the analysis).
    #[inline(always)]
    fn push_token(
        &self,
        a: &Analysed,
        infos: &mut Vec<TokenInfo>,
        names: &mut Vec<([u64; 6], usize)>,
    ) {
        infos.push(a.info);
        if let Some(info) = infos.last_mut() {
            info.clusters = self.cluster(info.word);
            // Without proclitics the stem is the word: one cluster lookup.
            info.stem_clusters = if a.stem_word == info.word {
                info.clusters
            } else {
                self.cluster(a.stem_word)
            };
        }
        names.push((a.name_keys, a.name_count));
    }

    /// Computes the features of every token of a sentence into `out`.
    pub(crate) fn extract(&self, tokens: &[&str], scratch: &mut Scratch, out: &mut Features) {
        out.clear();
        out.buckets.reserve(tokens.len() * 96);
        self.extract_into(tokens, scratch, out);
    }

    /// Sends the features of every token of a sentence to `sink`, token by token.
    pub(crate) fn extract_into(
        &self,
        tokens: &[&str],
        scratch: &mut Scratch,
        mut sink: impl FeatureSink,
    ) {
        let n = tokens.len();
        scratch.infos.clear();
        scratch.names.clear();
        // Two padding tokens on each side: neighbours are plain indexing.
        scratch.infos.extend([TokenInfo::pad(0); 2]);
        for &t in tokens {
            if let Some(a) = scratch.memo.get(t) {
                self.push_token(a, &mut scratch.infos, &mut scratch.names);
            } else {
                let a = analyse(&mut scratch.word, t);
                if scratch.memo.len() >= MEMO_WORDS {
                    scratch.memo.clear();
                }
                self.push_token(&a, &mut scratch.infos, &mut scratch.names);
                scratch.memo.insert(t.into(), a);
            }
        }
        scratch.infos.extend([TokenInfo::pad(1); 2]);
        scratch.lex.clear();
        scratch.lex.resize(n, 0);
        self.lexicon.mark(&scratch.names, &mut scratch.lex);
        for (info, &lex) in scratch.infos[2..].iter_mut().zip(&scratch.lex) {
            info.lex = lex;
        }

        let shift = self.shift();
        for (i, window) in scratch.infos.windows(5).enumerate() {
            let [p2, p1, t, n1, n2] = window else {
                continue;
            };
            let mut emit = |template: u64, value: u64| sink.feature(bucket(template, value, shift));
            emit(0, 1);
            emit(1, t.word);
            emit(2, p1.word);
            emit(3, n1.word);
            emit(4, p2.word);
            emit(5, n2.word);
            emit(6, mix(p1.word, t.word));
            emit(7, mix(t.word, n1.word));
            emit(8, t.stem);
            emit(9, p1.stem);
            emit(10, n1.stem);
            emit(11, t.clitic);
            for (k, &a) in t.affixes.iter().enumerate() {
                emit(12 + k as u64, a);
            }
            emit(28, t.shape);
            emit(29, p1.shape);
            emit(30, n1.shape);
            emit(31, mix(mix(p1.shape, t.shape), n1.shape));
            for (tpl, info) in [(32, t), (33, p1), (34, n1), (35, p2), (36, n2)] {
                let mut bits = info.lex;
                while bits != 0 {
                    emit(tpl, bits.trailing_zeros() as u64);
                    bits &= bits - 1;
                }
            }
            if t.lex == 0 {
                emit(32, 99);
            }
            for l in 0..LEVELS {
                let lv = (l as u64) << 16;
                emit(37, lv | t.clusters[l] as u64);
                emit(40, lv | t.stem_clusters[l] as u64);
                emit(38, lv | p1.clusters[l] as u64);
                emit(39, lv | n1.clusters[l] as u64);
            }
            emit(41, p2.clusters[1] as u64);
            emit(42, n2.clusters[1] as u64);
            emit(43, mix(t.clusters[1] as u64, p1.clusters[1] as u64));
            emit(44, (i == 0) as u64 | ((i + 1 == n) as u64) << 1);
            emit(45, mix(p1.stem, t.stem));
            emit(46, mix(t.clitic, t.stem_clusters[1] as u64));
            // Affixes of the neighbours: a nisba or plural ending after a word marks it as
            // the head of a place or body name, a known title before it announces a person.
            emit(47, p1.affixes[5]);
            emit(49, p1.affixes[9]);
            emit(48, n1.affixes[5]);
            emit(50, n1.affixes[9]);
            const NAMES: u32 = (1 << FIRST_TRIGGER) - 1;
            let lex_prev = if i == 0 {
                1 << 31
            } else {
                p1.lex & (NAMES | TRIGGERS)
            };
            emit(51, mix(lex_prev as u64, (t.lex & NAMES) as u64));
            emit(52, mix(p1.word, t.clusters[1] as u64));
            emit(53, mix(t.clusters[1] as u64, n1.word));
            for &g in &t.grams[..t.gram_count as usize] {
                emit(54, g);
            }
            sink.end_token();
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
