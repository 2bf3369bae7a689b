//! Viterbi decoding of a sentence's tags under emission and transition scores, allowing
//! only well-formed IOB2 (an `I-X` only after `B-X` or `I-X`).
//!
//! Tags are ordered `O, B-X, I-X, ...`. `O` and the begin tags may follow any tag: their
//! best predecessor is a maximum over all nine, taken four lanes at a time on x86_64.
//! An inside tag may follow only its class's begin or inside tag: two candidates.
//!
//! Invariant: the result is that of the plain loop in `scalar_best` (kept for other
//! targets and for the test): the same sums, and among equal scores the first
//! predecessor wins.

use super::model::{Transitions, START};
use super::tag::Tag;

const T: usize = Tag::COUNT;

/// Tags any tag may move to.
const OPEN: [usize; 5] = [0, 1, 3, 5, 7];
/// Inside tags, each reached only from the tag before it or itself.
const INSIDE: [usize; 4] = [2, 4, 6, 8];

/// Best tag sequence for `emissions` (`T` scores per token).
pub(crate) fn viterbi(emissions: &[f32], transitions: &Transitions) -> Vec<Tag> {
    let n = emissions.len() / T;
    if n == 0 {
        return Vec::new();
    }
    // Forbidden moves (into an inside tag from anything but its class's begin or inside
    // tag) get -inf once here; `into[t][p]` is the move p → t, so that a tag's
    // predecessors sit side by side.
    let mut trans = [[f32::NEG_INFINITY; T]; T + 1];
    for (p, row) in trans.iter_mut().enumerate() {
        for (t, x) in row.iter_mut().enumerate() {
            let inside = t > 0 && t % 2 == 0;
            if !inside || p + 1 == t || p == t {
                *x = transitions[p][t];
            }
        }
    }
    let mut into = [[0f32; T]; T];
    for (t, col) in into.iter_mut().enumerate() {
        for (p, x) in col.iter_mut().enumerate() {
            *x = trans[p][t];
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
        for t in OPEN {
            let (v, p) = best(&score, &into[t]);
            next[t] = v + em[t];
            back[t] = p as u8;
        }
        for t in INSIDE {
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

/// The best `score[p] + into[p]` and its first `p`.
#[inline(always)]
fn best(score: &[f32; T], into: &[f32; T]) -> (f32, usize) {
    #[cfg(target_arch = "x86_64")]
    {
        sse_best(score, into)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        scalar_best(score, into)
    }
}

#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
#[inline(always)]
fn scalar_best(score: &[f32; T], into: &[f32; T]) -> (f32, usize) {
    let mut best = (score[0] + into[0], 0);
    for p in 1..T {
        let v = score[p] + into[p];
        if v > best.0 {
            best = (v, p);
        }
    }
    best
}

#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn sse_best(score: &[f32; T], into: &[f32; T]) -> (f32, usize) {
    use std::arch::x86_64::*;
    const _: () = assert!(T == 9, "four lanes twice and one more");
    // SAFETY: SSE is part of every x86_64 target; the loads read score[0..8] and
    // into[0..8], inside the arrays of nine.
    unsafe {
        let lo = _mm_add_ps(_mm_loadu_ps(score.as_ptr()), _mm_loadu_ps(into.as_ptr()));
        let hi = _mm_add_ps(
            _mm_loadu_ps(score.as_ptr().add(4)),
            _mm_loadu_ps(into.as_ptr().add(4)),
        );
        let last = score[8] + into[8];
        // The scores are finite or -inf (never NaN), so max is exact and order-free.
        let m = _mm_max_ps(lo, hi);
        let m = _mm_max_ps(m, _mm_shuffle_ps::<0b01_00_11_10>(m, m));
        let m = _mm_max_ss(m, _mm_shuffle_ps::<0b00_00_00_01>(m, m));
        let top = _mm_cvtss_f32(m).max(last);
        let eq = _mm_set1_ps(top);
        let mask = _mm_movemask_ps(_mm_cmpeq_ps(lo, eq)) as u32
            | (_mm_movemask_ps(_mm_cmpeq_ps(hi, eq)) as u32) << 4
            | u32::from(last == top) << 8;
        (top, mask.trailing_zeros() as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `viterbi` with `scalar_best`: the loop it replaced.
    fn scalar_viterbi(emissions: &[f32], transitions: &Transitions) -> Vec<Tag> {
        let n = emissions.len() / T;
        let mut trans = [[f32::NEG_INFINITY; T]; T + 1];
        for (p, row) in trans.iter_mut().enumerate() {
            for (t, x) in row.iter_mut().enumerate() {
                if !(t > 0 && t % 2 == 0) || p + 1 == t || p == t {
                    *x = transitions[p][t];
                }
            }
        }
        let mut back = vec![0usize; n * T];
        let mut score: [f32; T] = std::array::from_fn(|t| emissions[t] + trans[START][t]);
        for i in 1..n {
            let mut next = [0f32; T];
            for t in 0..T {
                let into: [f32; T] = std::array::from_fn(|p| trans[p][t]);
                let (v, p) = scalar_best(&score, &into);
                next[t] = v + emissions[i * T + t];
                back[i * T + t] = p;
            }
            score = next;
        }
        let mut t = (0..T).fold(0, |b, t| if score[t] > score[b] { t } else { b });
        let mut tags = vec![Tag::O; n];
        for i in (0..n).rev() {
            tags[i] = Tag::from_index(t);
            t = back[i * T + t];
        }
        tags
    }

    #[test]
    fn agrees_with_the_plain_loop_on_ties_and_random_scores() {
        // Scores drawn from a few values, so that ties are common, and from a wide range.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut draw = |k: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % k) as f32
        };
        for round in 0..2000 {
            let coarse = round % 2 == 0;
            let value = |d: &mut dyn FnMut(u64) -> f32| {
                if coarse {
                    d(3) - 1.0
                } else {
                    (d(20_001) - 10_000.0) / 37.0
                }
            };
            let n = 1 + (draw(12) as usize);
            let emissions: Vec<f32> = (0..n * T).map(|_| value(&mut draw)).collect();
            let mut trans = [[0f32; T]; T + 1];
            for row in trans.iter_mut() {
                for x in row.iter_mut() {
                    *x = value(&mut draw);
                }
            }
            assert_eq!(
                viterbi(&emissions, &trans),
                scalar_viterbi(&emissions, &trans),
                "round {round}"
            );
        }
    }

    #[test]
    fn tag_order_assumption_holds() {
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
    fn never_jumps_into_another_class_inside() {
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
    fn never_starts_an_entity_with_inside() {
        let mut em = vec![0f32; 2 * T];
        em[Tag::ILoc.index()] = 5.0;
        em[T + Tag::ILoc.index()] = 5.0;
        em[Tag::BLoc.index()] = 1.0;
        let tags = viterbi(&em, &[[0.0; T]; T + 1]);
        assert_eq!(tags, vec![Tag::BLoc, Tag::ILoc]);
    }
}
