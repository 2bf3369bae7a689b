//! The trained tagger: quantised weights, tag transitions and Viterbi decoding.

use super::context::{self, Occurrences};
use super::features::{Features, Resources, Scratch};
use super::sums::SumMemo;
use super::tag::Tag;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

const T: usize = Tag::COUNT;
/// Weights per row: every tag but `O`.
pub(crate) const ROW: usize = T - 1;
pub(crate) type Row = [i16; ROW];
/// Row of `transitions` used for the sentence start.
pub(crate) const START: usize = T;

pub(crate) type Transitions = [[f32; T]; T + 1];

/// A statistical NER tagger: two averaged structured perceptrons over hashed features.
/// The first pass tags from the sentence alone; the second also sees how the first pass
/// tagged the other occurrences of each word in the document (`context`).
#[derive(Debug)]
pub struct NerModel {
    pub(crate) resources: Resources,
    /// Per pass, `2^bits` rows of the weights of the eight entity tags minus that of `O`
    /// (only score differences matter to Viterbi, so `O` scores 0 and a row is 16 bytes,
    /// one SIMD add), quantised: real weight = value × `scale[pass]`, the scale chosen so
    /// that sums over a token's features stay within i16. Kept apart so that `tag` reads
    /// only the first pass's table.
    pub(crate) weights: [Vec<Row>; 2],
    pub(crate) scale: [f32; 2],
    /// Per pass, `transitions[prev][tag]`, `prev == START` at the sentence start.
    pub(crate) transitions: [Transitions; 2],
    /// Tells models apart in per-thread memories of what depends on the weights
    /// (`SumMemo`); unique per value built, never stored.
    pub(crate) id: u64,
}

/// A fresh `NerModel::id`.
pub(crate) fn model_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Clone for NerModel {
    /// A copy with its own id: its weights may be changed apart from the original's.
    fn clone(&self) -> Self {
        NerModel {
            resources: self.resources.clone(),
            weights: self.weights.clone(),
            scale: self.scale,
            transitions: self.transitions,
            id: model_id(),
        }
    }
}

impl PartialEq for NerModel {
    /// Equal when everything stored is: the id is not.
    fn eq(&self, other: &Self) -> bool {
        self.resources == other.resources
            && self.weights == other.weights
            && self.scale == other.scale
            && self.transitions == other.transitions
    }
}

/// One sentence after the first pass.
#[derive(Debug, Default)]
struct FirstPass {
    stems: Vec<u64>,
    tags: Vec<Tag>,
    /// Second-pass emissions from the sentence features (context still to add).
    second: Vec<f32>,
}

#[derive(Default)]
struct Buffers {
    scratch: Scratch,
    feats: Features,
    first: Vec<f32>,
    doc: Occurrences,
    sums: SumMemo,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::default();
}

impl NerModel {
    /// IOB2 tags (`B-PERS`, `I-LOC`, `O`, ...) for one sentence's tokens, from the
    /// sentence alone (the first pass). `tag_document` is more accurate when the whole
    /// article is at hand.
    pub fn tag(&self, tokens: &[&str]) -> Vec<Tag> {
        BUFFERS.with(|cell| {
            let b = &mut *cell.borrow_mut();
            b.sums.emissions(self, tokens, &mut b.first);
            viterbi(&b.first, &self.transitions[0])
        })
    }

    /// Tags every sentence of one article, each with the whole article as context.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Tag>> {
        self.tag_in_context(sentences, usize::MAX)
    }

    /// Tags a run of sentences in reading order (e.g. a CoNLL file without article
    /// marks), each with the `window` sentences before and after it as context.
    pub fn tag_in_context(&self, sentences: &[Vec<&str>], window: usize) -> Vec<Vec<Tag>> {
        BUFFERS.with(|cell| {
            let b = &mut *cell.borrow_mut();
            let passes: Vec<FirstPass> = sentences.iter().map(|s| self.first_pass(s, b)).collect();
            b.doc.clear();
            let mut out = Vec::with_capacity(passes.len());
            let (mut lo, mut hi) = (0, 0);
            for (i, pass) in passes.iter().enumerate() {
                let want_hi = i.saturating_add(window).saturating_add(1).min(passes.len());
                while hi < want_hi {
                    b.doc.add(&passes[hi].stems, &passes[hi].tags, 1);
                    hi += 1;
                }
                while lo + window < i {
                    b.doc.add(&passes[lo].stems, &passes[lo].tags, -1);
                    lo += 1;
                }
                let tags = self.context_pass(&pass.stems, &pass.tags, &pass.second, b);
                out.push(tags);
            }
            out
        })
    }

    fn first_pass(&self, tokens: &[&str], b: &mut Buffers) -> FirstPass {
        self.resources.extract(tokens, &mut b.scratch, &mut b.feats);
        let mut second = Vec::with_capacity(tokens.len() * T);
        self.pass_emissions(0, &b.feats, &mut b.first);
        self.pass_emissions(1, &b.feats, &mut second);
        FirstPass {
            stems: b.scratch.stems().collect(),
            tags: viterbi(&b.first, &self.transitions[0]),
            second,
        }
    }

    fn context_pass(
        &self,
        stems: &[u64],
        tags: &[Tag],
        second: &[f32],
        b: &mut Buffers,
    ) -> Vec<Tag> {
        context::extract(stems, tags, &b.doc, self.resources.shift(), &mut b.feats);
        b.first.clear();
        b.first.extend_from_slice(second);
        let mut ctx = Vec::with_capacity(second.len());
        self.pass_emissions(1, &b.feats, &mut ctx);
        for (e, c) in b.first.iter_mut().zip(&ctx) {
            *e += c;
        }
        viterbi(&b.first, &self.transitions[1])
    }

    /// Emission scores of one pass's table for every token of `feats`.
    pub(crate) fn pass_emissions(&self, pass: usize, feats: &Features, out: &mut Vec<f32>) {
        out.clear();
        let rows = &self.weights[pass][..];
        let scale = self.scale[pass];
        out.reserve(feats.len() * T);
        for i in 0..feats.len() {
            let mut acc: Row = [0; ROW];
            for &f in feats.of(i) {
                if let Some(w) = rows.get(f as usize) {
                    add_row(&mut acc, w);
                }
            }
            out.push(0.0);
            out.extend(acc.map(|a| a as f32 * scale));
        }
    }

    /// Number of weight rows with a non-zero weight, both passes together (for reports).
    pub fn active_rows(&self) -> usize {
        self.weights
            .iter()
            .map(|w| w.iter().filter(|r| r.iter().any(|&x| x != 0)).count())
            .sum()
    }
}

/// Adds a weight row to a token's sums, saturating (one SIMD instruction when inlined;
/// the indexed loop is what the compiler vectorises, an iterator zip is not).
#[inline(always)]
#[allow(clippy::needless_range_loop)]
fn add_row(acc: &mut Row, w: &Row) {
    for t in 0..ROW {
        acc[t] = acc[t].saturating_add(w[t]);
    }
}

/// Best tag sequence under emission + transition scores, allowing only well-formed IOB2
/// (an `I-X` only after `B-X` or `I-X`).
pub(crate) fn viterbi(emissions: &[f32], transitions: &Transitions) -> Vec<Tag> {
    let n = emissions.len() / T;
    if n == 0 {
        return Vec::new();
    }
    // Forbidden moves (into an inside tag from anything but its class's begin or inside
    // tag; tags are ordered O, B-X, I-X, ...) get -inf once here.
    let mut trans = [[f32::NEG_INFINITY; T]; T + 1];
    for (p, row) in trans.iter_mut().enumerate() {
        for (t, x) in row.iter_mut().enumerate() {
            let inside = t > 0 && t % 2 == 0;
            if !inside || p + 1 == t || p == t {
                *x = transitions[p][t];
            }
        }
    }
    let mut back = vec![0u8; n * T];
    let mut score = [0f32; T];
    for t in 0..T {
        score[t] = emissions[t] + trans[START][t];
    }
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; T];
        let em = &emissions[i * T..(i + 1) * T];
        let back = &mut back[i * T..(i + 1) * T];
        // `O` and the begin tags may follow any tag; an inside tag only the begin or
        // inside tag of its own class (its other moves are -inf), so 53 of the 81 moves
        // are looked at, in loops of fixed length.
        for t in [0, 1, 3, 5, 7] {
            let mut best = (score[0] + trans[0][t], 0u8);
            for p in 1..T {
                let v = score[p] + trans[p][t];
                if v > best.0 {
                    best = (v, p as u8);
                }
            }
            next[t] = best.0 + em[t];
            back[t] = best.1;
        }
        for t in [2, 4, 6, 8] {
            let from_begin = score[t - 1] + trans[t - 1][t];
            let from_inside = score[t] + trans[t][t];
            let best = if from_inside > from_begin {
                (from_inside, t)
            } else {
                (from_begin, t - 1)
            };
            next[t] = best.0 + em[t];
            back[t] = best.1 as u8;
        }
        score = next;
    }
    let mut t = (0..T).fold(0, |b, t| if score[t] > score[b] { t } else { b });
    let mut tags = vec![Tag::O; n];
    for i in (0..n).rev() {
        tags[i] = Tag::from_index(t);
        t = back[i * T + t] as usize;
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_tag_order_assumption_holds() {
        // `viterbi` relies on I-X being right after B-X and on nothing else preceding it.
        for t in Tag::ALL {
            let allowed: Vec<usize> = Tag::ALL
                .iter()
                .filter(|p| t.may_follow(Some(**p)))
                .map(|p| p.index())
                .collect();
            let expected: Vec<usize> = if t.is_inside() {
                vec![t.index() - 1, t.index()]
            } else {
                (0..T).collect()
            };
            assert_eq!(allowed, expected, "{t}");
        }
    }

    #[test]
    fn viterbi_never_jumps_into_another_class_inside() {
        // Transitions and emissions both push for B-PERS then I-LOC: not well-formed.
        let mut em = vec![0f32; 2 * T];
        em[Tag::BPers.index()] = 20.0;
        em[T + Tag::ILoc.index()] = 9.0;
        let mut trans = [[0.0; T]; T + 1];
        trans[Tag::BPers.index()][Tag::ILoc.index()] = 9.0;
        let tags = viterbi(&em, &trans);
        assert_eq!(tags, vec![Tag::BPers, Tag::O]);
    }

    #[test]
    fn viterbi_never_starts_an_entity_with_inside() {
        let mut em = vec![0f32; 2 * T];
        em[Tag::ILoc.index()] = 5.0;
        em[T + Tag::ILoc.index()] = 5.0;
        em[Tag::BLoc.index()] = 1.0;
        let tags = viterbi(&em, &[[0.0; T]; T + 1]);
        assert_eq!(tags, vec![Tag::BLoc, Tag::ILoc]);
    }
}
