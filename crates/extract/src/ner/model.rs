//! The trained tagger: quantised weights, tag transitions and Viterbi decoding.

use super::context::{self, Occurrences};
use super::features::{Features, Resources, Scratch};
use super::tag::Tag;
use std::cell::RefCell;

const T: usize = Tag::COUNT;
/// Weights per row: the first pass's `T`, then the second pass's `T`.
pub(crate) const ROW: usize = 2 * T;
/// Row of `transitions` used for the sentence start.
pub(crate) const START: usize = T;

pub(crate) type Transitions = [[f32; T]; T + 1];

/// A statistical NER tagger: two averaged structured perceptrons over hashed features.
/// The first pass tags from the sentence alone; the second also sees how the first pass
/// tagged the other occurrences of each word in the document (`context`).
#[derive(Debug, Clone, PartialEq)]
pub struct NerModel {
    pub(crate) resources: Resources,
    /// `2^bits` rows of `ROW` weights, quantised: real weight = value × `scale[pass]`.
    pub(crate) weights: Vec<i16>,
    pub(crate) scale: [f32; 2],
    /// Per pass, `transitions[prev][tag]`, `prev == START` at the sentence start.
    pub(crate) transitions: [Transitions; 2],
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
            self.resources.extract(tokens, &mut b.scratch, &mut b.feats);
            self.first_emissions(&b.feats, &mut b.first);
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
        self.emissions(&b.feats, &mut b.first, &mut second);
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
        let scale = self.scale[1];
        for i in 0..b.feats.len() {
            let mut acc = [0i32; T];
            for &f in b.feats.of(i) {
                let row = f as usize * ROW + T;
                if let Some(w) = self.weights.get(row..row + T) {
                    for (a, &x) in acc.iter_mut().zip(w) {
                        *a += x as i32;
                    }
                }
            }
            for (e, a) in b.first[i * T..(i + 1) * T].iter_mut().zip(acc) {
                *e += a as f32 * scale;
            }
        }
        viterbi(&b.first, &self.transitions[1])
    }

    fn first_emissions(&self, feats: &Features, out: &mut Vec<f32>) {
        out.clear();
        for i in 0..feats.len() {
            let mut acc = [0i32; T];
            for &f in feats.of(i) {
                let row = f as usize * ROW;
                if let Some(w) = self.weights.get(row..row + T) {
                    for (a, &x) in acc.iter_mut().zip(w) {
                        *a += x as i32;
                    }
                }
            }
            out.extend(acc.iter().map(|&a| a as f32 * self.scale[0]));
        }
    }

    /// First- and second-pass emission scores of the sentence features (one row read
    /// serves both passes).
    fn emissions(&self, feats: &Features, first: &mut Vec<f32>, second: &mut Vec<f32>) {
        first.clear();
        second.clear();
        for i in 0..feats.len() {
            let mut acc = [0i32; ROW];
            for &f in feats.of(i) {
                let row = f as usize * ROW;
                if let Some(w) = self.weights.get(row..row + ROW) {
                    for (a, &x) in acc.iter_mut().zip(w) {
                        *a += x as i32;
                    }
                }
            }
            first.extend(acc[..T].iter().map(|&a| a as f32 * self.scale[0]));
            second.extend(acc[T..].iter().map(|&a| a as f32 * self.scale[1]));
        }
    }

    /// Number of weight rows with at least one non-zero weight (for reports).
    pub fn active_rows(&self) -> usize {
        self.weights
            .chunks_exact(ROW)
            .filter(|r| r.iter().any(|&x| x != 0))
            .count()
    }
}

/// Best tag sequence under emission + transition scores, allowing only well-formed IOB2
/// (an `I-X` only after `B-X` or `I-X`).
pub(crate) fn viterbi(emissions: &[f32], transitions: &Transitions) -> Vec<Tag> {
    let n = emissions.len() / T;
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![f32::NEG_INFINITY; n * T];
    let mut back = vec![0u8; n * T];
    for tag in Tag::ALL {
        let t = tag.index();
        if tag.may_follow(None) {
            score[t] = emissions[t] + transitions[START][t];
        }
    }
    for i in 1..n {
        for tag in Tag::ALL {
            let t = tag.index();
            let mut best = (f32::NEG_INFINITY, 0usize);
            for prev in Tag::ALL {
                let p = prev.index();
                if !tag.may_follow(Some(prev)) {
                    continue;
                }
                let s = score[(i - 1) * T + p] + transitions[p][t];
                if s > best.0 {
                    best = (s, p);
                }
            }
            score[i * T + t] = best.0 + emissions[i * T + t];
            back[i * T + t] = best.1 as u8;
        }
    }
    let last = &score[(n - 1) * T..];
    let mut t = (0..T).fold(0, |b, t| if last[t] > last[b] { t } else { b });
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
    fn viterbi_never_starts_an_entity_with_inside() {
        let mut em = vec![0f32; 2 * T];
        em[Tag::ILoc.index()] = 5.0;
        em[T + Tag::ILoc.index()] = 5.0;
        em[Tag::BLoc.index()] = 1.0;
        let tags = viterbi(&em, &[[0.0; T]; T + 1]);
        assert_eq!(tags, vec![Tag::BLoc, Tag::ILoc]);
    }
}
