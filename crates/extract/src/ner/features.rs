//! Feature extraction: each token's features hashed straight into weight-row indices.

use super::clusters::{ClusterMap, LEVELS, NO_CLUSTER};
use super::hash::{finish, mix, K};
use super::lexicon::{Lexicon, FIRST_TRIGGER, LISTS};
use super::word::{Word, MAX_GRAMS};

/// What the tagger knows about one token before looking at its neighbours.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TokenInfo {
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
    pub(crate) const fn pad(side: usize) -> TokenInfo {
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

impl Features {
    fn clear(&mut self) {
        self.buckets.clear();
        self.offsets.clear();
        self.offsets.push(0);
    }
}

/// Distinct tokens whose analysis is remembered; past this the memo starts afresh so
/// that a long run's memory stays bounded (news vocabulary repeats, so it refills fast).
pub(crate) const MEMO_WORDS: usize = 1 << 15;

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

/// Memory from a token's text to what is known of it.
pub(crate) type Words<V> = rustc_hash::FxHashMap<Box<str>, V>;

/// The keys a token's name-list lookups start from (`Word::name_keys`, first `.1` valid).
pub(crate) type Names = ([u64; 6], usize);

/// Buffers reused from sentence to sentence.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    word: Word,
    /// Token → its analysis: a word is analysed once, however often it recurs.
    memo: Words<Analysed>,
    infos: Vec<TokenInfo>,
    names: Vec<Names>,
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

    /// A token's analysis with its word clusters.
    #[inline(always)]
    fn with_clusters(&self, a: &Analysed) -> TokenInfo {
        let mut info = a.info;
        info.clusters = self.cluster(info.word);
        // Without proclitics the stem is the word: one cluster lookup.
        info.stem_clusters = if a.stem_word == info.word {
            info.clusters
        } else {
            self.cluster(a.stem_word)
        };
        info
    }

    /// What the tagger knows of `token` before seeing its neighbours, and the keys its
    /// name-list lookups start from (lexicon bits are not set: they need the sentence).
    pub(crate) fn token(&self, word: &mut Word, token: &str) -> (TokenInfo, Names) {
        let a = analyse(word, token);
        (self.with_clusters(&a), (a.name_keys, a.name_count))
    }

    /// Computes the features of every token of a sentence into `out`: token `i` has
    /// `out.of(i)`.
    pub(crate) fn extract(&self, tokens: &[&str], scratch: &mut Scratch, out: &mut Features) {
        out.clear();
        out.buckets.reserve(tokens.len() * 96);
        let n = tokens.len();
        scratch.infos.clear();
        scratch.names.clear();
        // Two padding tokens on each side: neighbours are plain indexing.
        scratch.infos.extend([TokenInfo::pad(0); 2]);
        for &t in tokens {
            if let Some(a) = scratch.memo.get(t) {
                scratch.infos.push(self.with_clusters(a));
                scratch.names.push((a.name_keys, a.name_count));
            } else {
                let a = analyse(&mut scratch.word, t);
                if scratch.memo.len() >= MEMO_WORDS {
                    scratch.memo.clear();
                }
                scratch.infos.push(self.with_clusters(&a));
                scratch.names.push((a.name_keys, a.name_count));
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
            let mut emit =
                |template: u64, value: u64| out.buckets.push(bucket(template, value, shift));
            for (role, info) in [(Role::Own, t), (Role::Prev, p1), (Role::Next, n1)] {
                role.features(info, &mut emit);
            }
            Role::Prev2.features(p2, &mut emit);
            Role::Next2.features(n2, &mut emit);
            joint(
                [p2.near(), p1.near(), t.near(), n1.near(), n2.near()],
                i,
                n,
                &mut emit,
            );
            out.offsets.push(out.buckets.len() as u32);
        }
    }
}

/// The position from which a token's own features are seen: as the token being tagged
/// or as one of its neighbours. Features of one role read that token alone, so their
/// rows can be summed once per word (`super::sums`); `joint` has the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Own,
    Prev,
    Next,
    Prev2,
    Next2,
}

impl Role {
    pub(crate) const ALL: [Role; 5] = [Role::Own, Role::Prev, Role::Next, Role::Prev2, Role::Next2];

    /// Sends the features that `t` gives a token seen from this role: `emit(template, value)`.
    #[inline(always)]
    pub(crate) fn features(self, t: &TokenInfo, emit: &mut impl FnMut(u64, u64)) {
        match self {
            Role::Own => {
                emit(0, 1);
                emit(1, t.word);
                emit(8, t.stem);
                emit(11, t.clitic);
                for (k, &a) in t.affixes.iter().enumerate() {
                    emit(12 + k as u64, a);
                }
                emit(28, t.shape);
                for l in 0..LEVELS {
                    let lv = (l as u64) << 16;
                    emit(37, lv | t.clusters[l] as u64);
                    emit(40, lv | t.stem_clusters[l] as u64);
                }
                emit(46, mix(t.clitic, t.stem_clusters[1] as u64));
                for &g in &t.grams[..t.gram_count as usize] {
                    emit(54, g);
                }
            }
            // Affixes of the neighbours: a nisba or plural ending after a word marks it as
            // the head of a place or body name, a known title before it announces a person.
            Role::Prev => neighbour(t, [2, 9, 29, 38, 47, 49], emit),
            Role::Next => neighbour(t, [3, 10, 30, 39, 48, 50], emit),
            Role::Prev2 => {
                emit(4, t.word);
                emit(41, t.clusters[1] as u64);
            }
            Role::Next2 => {
                emit(5, t.word);
                emit(42, t.clusters[1] as u64);
            }
        }
    }
}

/// The features of the word right before or after a token, under that side's template
/// ids for `[word, stem, shape, clusters, affix 5, affix 9]`.
#[inline(always)]
fn neighbour(t: &TokenInfo, tpl: [u64; 6], emit: &mut impl FnMut(u64, u64)) {
    let [word, stem, shape, clusters, affix5, affix9] = tpl;
    emit(word, t.word);
    emit(stem, t.stem);
    emit(shape, t.shape);
    for l in 0..LEVELS {
        emit(clusters, (l as u64) << 16 | t.clusters[l] as u64);
    }
    emit(affix5, t.affixes[5]);
    emit(affix9, t.affixes[9]);
}

/// What the features that read several tokens at once need of each token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Near {
    pub(crate) word: u64,
    pub(crate) stem: u64,
    pub(crate) shape: u64,
    pub(crate) cluster: u16,
    pub(crate) lex: u32,
}

impl TokenInfo {
    pub(crate) fn near(&self) -> Near {
        Near {
            word: self.word,
            stem: self.stem,
            shape: self.shape,
            cluster: self.clusters[1],
            lex: self.lex,
        }
    }
}

/// Features of token `i` of `n` that read several tokens of its window
/// `[p2, p1, t, n1, n2]` together, or its lexicon bits (set by multi-word names), or its
/// position.
#[inline(always)]
pub(crate) fn joint(window: [Near; 5], i: usize, n: usize, emit: &mut impl FnMut(u64, u64)) {
    let [p2, p1, t, n1, n2] = window;
    emit(6, mix(p1.word, t.word));
    emit(7, mix(t.word, n1.word));
    emit(31, mix(mix(p1.shape, t.shape), n1.shape));
    for (tpl, lex) in [
        (32, t.lex),
        (33, p1.lex),
        (34, n1.lex),
        (35, p2.lex),
        (36, n2.lex),
    ] {
        let mut bits = lex;
        while bits != 0 {
            emit(tpl, bits.trailing_zeros() as u64);
            bits &= bits - 1;
        }
    }
    if t.lex == 0 {
        emit(32, 99);
    }
    emit(43, mix(t.cluster as u64, p1.cluster as u64));
    emit(44, (i == 0) as u64 | ((i + 1 == n) as u64) << 1);
    emit(45, mix(p1.stem, t.stem));
    const NAMES: u32 = (1 << FIRST_TRIGGER) - 1;
    let lex_prev = if i == 0 {
        1 << 31
    } else {
        p1.lex & (NAMES | TRIGGERS)
    };
    emit(51, mix(lex_prev as u64, (t.lex & NAMES) as u64));
    emit(52, mix(p1.word, t.cluster as u64));
    emit(53, mix(t.cluster as u64, n1.word));
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
