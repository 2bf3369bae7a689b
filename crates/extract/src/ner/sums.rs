//! Emission scores for tagging, from weight rows summed once per word.
//!
//! Most of a token's ~70 features read that token alone, seen from one of five roles
//! (itself, or a neighbour one or two places away: `Role`). Their rows sum to the same
//! vector wherever the word occurs, so it is summed once per word and role and kept with
//! the word. A token then costs five such sums plus the rows of the dozen features that
//! read several tokens (`joint`). The weight table is several megabytes and its rows are
//! read at random, so row reads, not arithmetic, were the tagger's time.
//!
//! Invariant: the emissions equal those of summing every row of `Resources::extract`'s
//! features for the token (integer sums, so the grouping changes nothing); a test checks
//! it on real sentences.

use super::features::{bucket, joint, Names, Near, Resources, Role, TokenInfo};
use super::model::{NerModel, Row, ROW};
use super::word::Word;
use marsad_text::WordMap;

/// Words each generation of a [`SumMemo`] holds. Two generations of 64k words (about
/// 32 MB) keep the words of a few thousand articles: with 32k, a tenth of the tokens of
/// news text were words gone from the memory (mostly words seen once in a thousand
/// articles), and their sums, read at random from the large weight table, took about a
/// tenth of the tagger's time.
const SUM_WORDS: usize = 1 << 16;

/// A sum of weight rows. i32: no sum of a token's rows can overflow it.
pub(crate) type Sum = [i32; ROW];

/// What the tagger keeps of one word for one model.
#[derive(Debug, Clone, Copy)]
struct Known {
    near: Near,
    names: Names,
    /// Row sums of the word's features in each role, in `Role::ALL` order.
    roles: [Sum; 5],
}

/// Per-thread memory of word sums. Sums depend on the model, so the memory is that of
/// one model (`NerModel::id`) at a time.
#[derive(Debug, Default)]
pub(crate) struct SumMemo {
    model: u64,
    /// Words seen lately, and those of the generation before: when `words` is full it
    /// becomes `older`, and a word found there moves back. Frequent words survive the
    /// turnover; a clear-all would recompute them all.
    words: Generation,
    older: Generation,
    /// Bit `r` set when weight row `r` is not all zeros. Most rows read for rare
    /// features (word pairs) are empty: the bit, from a 64 KiB map, spares reading them
    /// from the 8 MiB table.
    live: Vec<u64>,
    pads: Option<[Known; 2]>,
    word: Word,
    /// The tokens of the sentence being tagged, as indices into `words.known`.
    sentence: Vec<u32>,
    /// Live rows of each token's joint features; token `i`'s end at `ends[i]`.
    joint: Vec<u32>,
    ends: Vec<usize>,
    names: Vec<Names>,
    lex: Vec<u32>,
}

/// One generation of the memory: each word's `Known`, found by its text.
#[derive(Debug, Default)]
struct Generation {
    /// Word → its place in `known`. A `WordMap`: short keys sit in the table, so a
    /// look-up costs one cache line, not a pointer chase to the key.
    index: WordMap<u32>,
    known: Vec<Known>,
}

impl Generation {
    fn get(&self, word: &str) -> Option<&Known> {
        self.index
            .get(word)
            .and_then(|&i| self.known.get(i as usize))
    }

    fn clear(&mut self) {
        self.index.clear();
        self.known.clear();
    }
}

/// The rows of one model's first pass, with the map of those not all zeros.
#[derive(Clone, Copy)]
struct Table<'a> {
    rows: &'a [Row],
    live: &'a [u64],
}

impl Table<'_> {
    /// Appends `bucket` to `buf[..*len]` when its row is live. Branch-free (about half the
    /// rows looked at are empty, so a branch would guess wrong often): `buf` must have
    /// room at `*len`.
    #[inline(always)]
    fn keep(self, bucket: u32, buf: &mut [u32], len: &mut usize) {
        let b = bucket as usize;
        let live = self.live.get(b / 64).map_or(0, |w| (w >> (b % 64)) & 1);
        if let Some(slot) = buf.get_mut(*len) {
            *slot = bucket;
        }
        *len += live as usize;
        if live != 0 {
            prefetch(self.rows.get(b));
        }
    }

    /// Adds the rows of `buckets` to `acc`. The rows are looked up in one run after all
    /// buckets are known, so the loads are independent and overlap.
    #[inline(always)]
    fn add_rows(self, acc: &mut Sum, buckets: &[u32]) {
        for &b in buckets {
            if let Some(w) = self.rows.get(b as usize) {
                for t in 0..ROW {
                    acc[t] += w[t] as i32;
                }
            }
        }
    }
}

/// Asks for the cache lines of `value` ahead of its use (the weight table and the
/// memory of words are far larger than the caches, and read at random).
#[inline(always)]
fn prefetch<T>(value: Option<&T>) {
    #[cfg(target_arch = "x86_64")]
    if let Some(v) = value {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        let start = (v as *const T).cast::<i8>();
        for line in (0..std::mem::size_of::<T>()).step_by(64) {
            // SAFETY: SSE is part of every x86_64 target; a prefetch only hints the
            // cache and never faults, and the address is inside `value` anyway.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(start.wrapping_add(line)) };
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

/// Room for the features of all five roles of one word (they send 56 at most).
const ROLE_FEATURES: usize = 80;

/// Most features one token's `joint` sends (lexicon bits aside).
const JOINT: usize = 12;

fn live_rows(rows: &[Row]) -> Vec<u64> {
    let mut live = vec![0u64; rows.len().div_ceil(64)];
    for (r, row) in rows.iter().enumerate() {
        if row.iter().any(|&x| x != 0) {
            live[r / 64] |= 1 << (r % 64);
        }
    }
    live
}

#[inline(always)]
fn add(acc: &mut Sum, s: &Sum) {
    for t in 0..ROW {
        acc[t] += s[t];
    }
}

fn known(res: &Resources, table: Table, info: &TokenInfo, names: Names) -> Known {
    let shift = res.shift();
    // Every role's live rows first (each asked for as it is found), then the sums.
    let mut buf = [0u32; ROLE_FEATURES];
    let mut ends = [0usize; 5];
    let mut len = 0;
    for (role, end) in Role::ALL.into_iter().zip(&mut ends) {
        role.features(info, &mut |tpl, v| {
            table.keep(bucket(tpl, v, shift), &mut buf, &mut len)
        });
        *end = len.min(buf.len());
    }
    let mut start = 0;
    let roles = ends.map(|end| {
        let mut acc = [0; ROW];
        table.add_rows(&mut acc, buf.get(start..end).unwrap_or_default());
        start = end;
        acc
    });
    Known {
        near: info.near(),
        names,
        roles,
    }
}

impl SumMemo {
    /// Makes the memory that of `model`, forgetting another model's sums.
    fn serve(&mut self, model: &NerModel) {
        if self.model != model.id || self.pads.is_none() {
            self.words.clear();
            self.older.clear();
            self.live = live_rows(&model.weights[0]);
            let table = Table {
                rows: &model.weights[0],
                live: &self.live,
            };
            let res = &model.resources;
            self.pads =
                Some([0, 1].map(|side| known(res, table, &TokenInfo::pad(side), ([0; 6], 0))));
            self.model = model.id;
        }
        // Checked between sentences, so a sentence's words all stay in `words`.
        if self.words.known.len() >= SUM_WORDS {
            std::mem::swap(&mut self.words, &mut self.older);
            self.words.clear();
        }
        // A generation is filled to `SUM_WORDS` words on any long stream: its room is
        // asked for once, instead of growing by copies of several megabytes. Pages are
        // only touched as words arrive.
        if self.words.known.capacity() < SUM_WORDS {
            self.words
                .known
                .reserve_exact(SUM_WORDS - self.words.known.len());
            self.words.index.reserve(SUM_WORDS - self.words.known.len());
        }
    }

    /// First-pass emission scores (`Tag::COUNT` per token, `O` first and 0) of one
    /// sentence into `out`.
    pub(crate) fn emissions(&mut self, model: &NerModel, tokens: &[&str], out: &mut Vec<f32>) {
        self.serve(model);
        let table = Table {
            rows: &model.weights[0],
            live: &self.live,
        };
        let res = &model.resources;
        self.sentence.clear();
        self.names.clear();
        for &t in tokens {
            let i = match self.words.index.get(t) {
                Some(&i) => i,
                None => {
                    let k = match self.older.get(t) {
                        Some(k) => *k,
                        None => {
                            let (info, names) = res.token(&mut self.word, t);
                            known(res, table, &info, names)
                        }
                    };
                    let i = self.words.known.len() as u32;
                    self.words.known.push(k);
                    self.words.index.insert(t, i);
                    i
                }
            };
            // Asked for now, read below: the sentence's words are fetched together.
            prefetch(self.words.known.get(i as usize));
            self.sentence.push(i);
        }
        for &i in &self.sentence {
            if let Some(k) = self.words.known.get(i as usize) {
                self.names.push(k.names);
            }
        }
        self.lex.clear();
        self.lex.resize(tokens.len(), 0);
        res.lexicon.mark(&self.names, &mut self.lex);

        let Some(pads) = &self.pads else {
            return;
        };
        let n = tokens.len();
        let (known, sentence, lex) = (&self.words.known, &self.sentence, &self.lex);
        // Token `j` of the sentence, or a pad outside it.
        let at = |j: isize| -> &Known {
            let k = usize::try_from(j)
                .ok()
                .and_then(|j| sentence.get(j))
                .and_then(|&i| known.get(i as usize));
            k.unwrap_or(&pads[(j >= 0) as usize])
        };
        let near = |j: isize| -> Near {
            let lex = usize::try_from(j).ok().and_then(|j| lex.get(j)).copied();
            Near {
                lex: lex.unwrap_or(0),
                ..at(j).near
            }
        };
        let shift = res.shift();
        // The live rows of every token's joint features first, then the sums.
        let buf = &mut self.joint;
        buf.clear();
        let mut ends = std::mem::take(&mut self.ends);
        ends.clear();
        let mut len = 0;
        for i in 0..n {
            let c = i as isize;
            let window = [near(c - 2), near(c - 1), near(c), near(c + 1), near(c + 2)];
            let bits: u32 = window.iter().map(|k| k.lex.count_ones()).sum();
            buf.resize(len + JOINT + bits as usize, 0);
            joint(window, i, n, &mut |tpl, v| {
                table.keep(bucket(tpl, v, shift), buf, &mut len)
            });
            ends.push(len);
        }
        let scale = model.scale[0];
        out.clear();
        out.reserve(n * (ROW + 1));
        let mut start = 0;
        for (i, &end) in ends.iter().enumerate() {
            let c = i as isize;
            let mut acc = at(c).roles[0];
            add(&mut acc, &at(c - 1).roles[1]);
            add(&mut acc, &at(c + 1).roles[2]);
            add(&mut acc, &at(c - 2).roles[3]);
            add(&mut acc, &at(c + 2).roles[4]);
            table.add_rows(&mut acc, buf.get(start..end).unwrap_or_default());
            start = end;
            out.push(0.0);
            out.extend(acc.map(|a| a as f32 * scale));
        }
        self.ends = ends;
    }
}

#[cfg(test)]
mod tests {
    use super::super::corpus::read_conll;
    use super::super::features::{Features, Scratch};
    use super::*;
    use std::path::Path;

    fn news_sentences() -> Vec<Vec<String>> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/ner/ANERcorp_CamelLabSplit_train.conll");
        let sentences = read_conll(&path).expect("ANERcorp train split in ../shared");
        sentences.into_iter().take(3000).map(|s| s.tokens).collect()
    }

    /// Emissions from every feature row of `Resources::extract`, summed one by one.
    fn from_feature_list(model: &NerModel, tokens: &[&str]) -> Vec<f32> {
        let (mut scratch, mut feats, mut out) = (Scratch::default(), Features::default(), vec![]);
        model.resources.extract(tokens, &mut scratch, &mut feats);
        model.pass_emissions(0, &feats, &mut out);
        out
    }

    #[test]
    fn word_sums_give_the_emissions_of_the_full_feature_list() {
        let model = NerModel::embedded();
        let mut memo = SumMemo::default();
        let mut fast = Vec::new();
        let sentences = news_sentences();
        // Twice: the second time every word comes from the memory.
        for round in 0..2 {
            for s in &sentences {
                let tokens: Vec<&str> = s.iter().map(String::as_str).collect();
                memo.emissions(model, &tokens, &mut fast);
                assert_eq!(
                    fast,
                    from_feature_list(model, &tokens),
                    "round {round}: {s:?}"
                );
            }
        }
    }

    #[test]
    fn memory_of_one_model_is_not_used_for_another() {
        let model = NerModel::embedded();
        let mut other = model.clone();
        // Another model that likes B-PERS a lot more on every bias feature row.
        for row in other.weights[0].iter_mut() {
            row[0] = row[0].saturating_add(100);
        }
        let tokens = ["قال", "الوزير", "إن", "القوات", "انسحبت"];
        let mut memo = SumMemo::default();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        memo.emissions(model, &tokens, &mut a);
        memo.emissions(&other, &tokens, &mut b);
        assert_eq!(b, from_feature_list(&other, &tokens));
        assert_ne!(a, b);
        memo.emissions(model, &tokens, &mut b);
        assert_eq!(a, b);
    }
}
