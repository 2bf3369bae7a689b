//! The averaged structured perceptron (Collins 2002) with Viterbi decoding, and word
//! dropout: each pass hides a random share of tokens' word-identity features.

use super::features::{Features, IDENTITY};
use super::hash::SplitMix;
use super::model::{viterbi, Transitions, START};
use super::tag::Tag;

const T: usize = Tag::COUNT;

/// One training sentence with its features and the weight of its updates.
pub(crate) struct Example {
    pub(crate) feats: Features,
    pub(crate) gold: Vec<Tag>,
    pub(crate) weight: f32,
}

/// How one perceptron is trained.
#[derive(Clone, Copy)]
pub(crate) struct Schedule {
    pub(crate) epochs: usize,
    pub(crate) seed: u64,
    pub(crate) word_dropout: f32,
    /// Perceptrons trained with different seeds (shuffles and dropout masks) whose
    /// averaged weights are averaged again: one table, so tagging costs the same.
    pub(crate) members: usize,
}

/// Averaged weights (`rows × T`) and transitions.
pub(crate) struct Learnt {
    pub(crate) w: Vec<f32>,
    pub(crate) trans: Transitions,
}

impl Learnt {
    pub(crate) fn decode(&self, feats: &Features, emissions: &mut Vec<f32>) -> Vec<Tag> {
        emissions_of(&self.w, feats, &[], emissions);
        viterbi(emissions, &self.trans)
    }
}

/// Called after each epoch with (epoch, wrong sentences, averaged weights).
pub(crate) type EpochReport<'a> = &'a mut dyn FnMut(usize, usize, &Learnt);

/// Trains on `examples`; `after_epoch(epoch, wrong sentences, averaged weights)` is
/// called after each epoch when given (averaging costs a pass over the weights).
pub(crate) fn learn(
    examples: &[&Example],
    rows: usize,
    schedule: &Schedule,
    mut after_epoch: Option<EpochReport<'_>>,
) -> Learnt {
    let members = schedule.members.max(1);
    let mut sum = learn_one(examples, rows, schedule, after_epoch.as_mut());
    for m in 1..members {
        let seeded = Schedule {
            seed: schedule.seed ^ (m as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
            ..*schedule
        };
        let l = learn_one(examples, rows, &seeded, None);
        sum.w.iter_mut().zip(&l.w).for_each(|(a, b)| *a += b);
        for (ra, rb) in sum.trans.iter_mut().zip(&l.trans) {
            ra.iter_mut().zip(rb).for_each(|(a, b)| *a += b);
        }
    }
    let k = members as f32;
    sum.w.iter_mut().for_each(|a| *a /= k);
    sum.trans.iter_mut().flatten().for_each(|a| *a /= k);
    sum
}

fn learn_one(
    examples: &[&Example],
    rows: usize,
    schedule: &Schedule,
    mut after_epoch: Option<&mut EpochReport<'_>>,
) -> Learnt {
    let mut p = Perceptron::new(rows);
    let mut rng = SplitMix::new(schedule.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut emissions = Vec::new();
    let mut drop = Vec::new();
    let threshold = (schedule.word_dropout.clamp(0.0, 1.0) as f64 * u64::MAX as f64) as u64;
    for epoch in 0..schedule.epochs {
        rng.shuffle(&mut order);
        let mut errors = 0usize;
        for &e in &order {
            let ex = examples[e];
            drop.clear();
            drop.extend((0..ex.gold.len()).map(|_| rng.next_u64() < threshold));
            emissions_of(&p.w, &ex.feats, &drop, &mut emissions);
            let pred = viterbi(&emissions, &p.trans);
            if pred != ex.gold {
                errors += 1;
                p.update(ex, &drop, &pred);
            }
            p.step += 1.0;
        }
        if let Some(f) = after_epoch.as_mut() {
            f(epoch, errors, &p.averaged());
        }
    }
    p.averaged()
}

/// Emission scores; token `i`'s identity features are skipped when `drop[i]`.
fn emissions_of(w: &[f32], feats: &Features, drop: &[bool], out: &mut Vec<f32>) {
    out.clear();
    for i in 0..feats.len() {
        let mut acc = [0f32; T];
        for b in kept(feats, drop, i) {
            let row = &w[b as usize * T..b as usize * T + T];
            acc.iter_mut().zip(row).for_each(|(a, x)| *a += x);
        }
        out.extend_from_slice(&acc);
    }
}

fn kept<'a>(feats: &'a Features, drop: &[bool], i: usize) -> impl Iterator<Item = u32> + 'a {
    let dropped = drop.get(i).copied().unwrap_or(false);
    feats
        .of(i)
        .iter()
        .enumerate()
        .filter(move |(j, _)| !(dropped && IDENTITY.contains(j)))
        .map(|(_, &b)| b)
}

/// Perceptron weights with the running sums needed for averaging: the averaged weight
/// is `w - u / step`, where `u` accumulates each update times the step it was made at.
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    trans: Transitions,
    trans_u: Transitions,
    step: f32,
}

impl Perceptron {
    fn new(rows: usize) -> Self {
        Perceptron {
            w: vec![0.0; rows * T],
            u: vec![0.0; rows * T],
            trans: [[0.0; T]; T + 1],
            trans_u: [[0.0; T]; T + 1],
            step: 1.0,
        }
    }

    fn update(&mut self, ex: &Example, drop: &[bool], pred: &[Tag]) {
        let lr = ex.weight;
        let c = self.step * lr;
        for (i, (&g, &p)) in ex.gold.iter().zip(pred).enumerate() {
            if g != p {
                for b in kept(&ex.feats, drop, i) {
                    let base = b as usize * T;
                    self.w[base + g.index()] += lr;
                    self.u[base + g.index()] += c;
                    self.w[base + p.index()] -= lr;
                    self.u[base + p.index()] -= c;
                }
            }
            let prev = |tags: &[Tag]| if i == 0 { START } else { tags[i - 1].index() };
            let (gp, pp) = (prev(&ex.gold), prev(pred));
            if (gp, g) != (pp, p) {
                self.trans[gp][g.index()] += lr;
                self.trans_u[gp][g.index()] += c;
                self.trans[pp][p.index()] -= lr;
                self.trans_u[pp][p.index()] -= c;
            }
        }
    }

    fn averaged(&self) -> Learnt {
        let w = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| w - u / self.step)
            .collect();
        let mut trans = self.trans;
        for (row, urow) in trans.iter_mut().zip(&self.trans_u) {
            for (x, u) in row.iter_mut().zip(urow) {
                *x -= u / self.step;
            }
        }
        Learnt { w, trans }
    }
}
