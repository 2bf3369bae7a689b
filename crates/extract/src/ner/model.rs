//! The trained tagger: quantised weights, tag transitions and Viterbi decoding.

use super::features::{Features, Resources, Scratch};
use super::tag::Tag;
use std::cell::RefCell;

const T: usize = Tag::COUNT;
/// Row of `transitions` used for the sentence start.
pub(crate) const START: usize = T;

/// A statistical NER tagger (averaged structured perceptron over hashed features).
#[derive(Debug, Clone, PartialEq)]
pub struct NerModel {
    pub(crate) resources: Resources,
    /// `2^bits` rows of `Tag::COUNT` weights, quantised: real weight = value × `scale`.
    pub(crate) weights: Vec<i16>,
    pub(crate) scale: f32,
    /// `transitions[prev][tag]`, `prev == START` at the sentence start (real weights).
    pub(crate) transitions: [[f32; T]; T + 1],
}

thread_local! {
    static SCRATCH: RefCell<(Scratch, Features, Vec<f32>)> = RefCell::default();
}

impl NerModel {
    /// IOB2 tags (`B-PERS`, `I-LOC`, `O`, ...) for one sentence's tokens.
    pub fn tag(&self, tokens: &[&str]) -> Vec<Tag> {
        SCRATCH.with(|cell| {
            let mut guard = cell.borrow_mut();
            let (scratch, feats, emissions) = &mut *guard;
            self.resources.extract(tokens, scratch, feats);
            self.emissions(feats, emissions);
            viterbi(emissions, &self.transitions)
        })
    }

    fn emissions(&self, feats: &Features, out: &mut Vec<f32>) {
        out.clear();
        for i in 0..feats.len() {
            let mut acc = [0i32; T];
            for &b in feats.of(i) {
                let row = b as usize * T;
                if let Some(w) = self.weights.get(row..row + T) {
                    for (a, &x) in acc.iter_mut().zip(w) {
                        *a += x as i32;
                    }
                }
            }
            out.extend(acc.iter().map(|&a| a as f32 * self.scale));
        }
    }

    /// Number of weight rows with at least one non-zero weight (for reports).
    pub fn active_rows(&self) -> usize {
        self.weights
            .chunks_exact(T)
            .filter(|r| r.iter().any(|&x| x != 0))
            .count()
    }
}

/// Best tag sequence under emission + transition scores, allowing only well-formed IOB2
/// (an `I-X` only after `B-X` or `I-X`).
pub(crate) fn viterbi(emissions: &[f32], transitions: &[[f32; T]; T + 1]) -> Vec<Tag> {
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
