//! The trained tagger: quantised weights, tag transitions and Viterbi decoding.

use super::context::{self, Occurrences};
use super::features::{Features, Resources, Scratch};
use super::sums::SumMemo;
use super::tag::Tag;
pub(crate) use super::viterbi::viterbi;
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
