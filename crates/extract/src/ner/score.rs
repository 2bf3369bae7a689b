//! CoNLL exact-span scoring: an entity counts only when its boundaries and type both match.

use super::tag::{spans, EntityClass, Tag};
use serde::Serialize;
use std::collections::HashSet;
use std::fmt;

/// Precision, recall and F1 of one entity class (or of several pooled).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Gold entities.
    pub support: usize,
    pub true_positives: usize,
    pub predicted: usize,
}

impl Prf {
    fn from_counts(tp: usize, predicted: usize, gold: usize) -> Prf {
        let precision = if predicted == 0 {
            0.0
        } else {
            tp as f64 / predicted as f64
        };
        let recall = if gold == 0 {
            0.0
        } else {
            tp as f64 / gold as f64
        };
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
            support: gold,
            true_positives: tp,
            predicted,
        }
    }
}

/// Span-level scores per class, and overall over PERS+LOC+ORG (the types marsad links).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Scores {
    pub pers: Prf,
    pub loc: Prf,
    pub org: Prf,
    pub misc: Prf,
    /// PERS + LOC + ORG pooled (micro-averaged).
    pub overall: Prf,
}

/// Accumulates gold and predicted spans over many sentences.
#[derive(Debug, Default, Clone)]
pub struct Scorer {
    // [tp, predicted, gold] per class, in `EntityClass::ALL` order.
    counts: [[usize; 3]; 4],
}

impl Scorer {
    pub fn add(&mut self, gold: &[Tag], predicted: &[Tag]) {
        let gold = spans(gold);
        let predicted = spans(predicted);
        let gold_set: HashSet<_> = gold.iter().copied().collect();
        for s in &predicted {
            let c = &mut self.counts[class_index(s.class)];
            c[1] += 1;
            if gold_set.contains(s) {
                c[0] += 1;
            }
        }
        for s in &gold {
            self.counts[class_index(s.class)][2] += 1;
        }
    }

    pub fn scores(&self) -> Scores {
        let prf = |i: usize| {
            let [tp, p, g] = self.counts[i];
            Prf::from_counts(tp, p, g)
        };
        let pooled = (0..3).fold([0usize; 3], |acc, i| {
            [
                acc[0] + self.counts[i][0],
                acc[1] + self.counts[i][1],
                acc[2] + self.counts[i][2],
            ]
        });
        Scores {
            pers: prf(0),
            loc: prf(1),
            org: prf(2),
            misc: prf(3),
            overall: Prf::from_counts(pooled[0], pooled[1], pooled[2]),
        }
    }
}

fn class_index(c: EntityClass) -> usize {
    match c {
        EntityClass::Pers => 0,
        EntityClass::Loc => 1,
        EntityClass::Org => 2,
        EntityClass::Misc => 3,
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "| type | precision | recall | F1 | gold |")?;
        writeln!(f, "|------|-----------|--------|----|------|")?;
        let rows = [
            ("PERS", self.pers),
            ("LOC", self.loc),
            ("ORG", self.org),
            ("MISC", self.misc),
            ("overall (PERS+LOC+ORG)", self.overall),
        ];
        for (name, p) in rows {
            writeln!(
                f,
                "| {name} | {:.4} | {:.4} | {:.4} | {} |",
                p.precision, p.recall, p.f1, p.support
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Tag::*;

    #[test]
    fn partial_boundaries_count_as_both_a_miss_and_a_false_alarm() {
        let mut s = Scorer::default();
        s.add(&[BPers, IPers, O, BLoc], &[BPers, O, O, BLoc]);
        let sc = s.scores();
        assert_eq!(sc.loc.f1, 1.0);
        assert_eq!(sc.pers.true_positives, 0);
        assert_eq!(sc.pers.predicted, 1);
        assert_eq!(sc.overall.true_positives, 1);
        assert!((sc.overall.f1 - 0.5).abs() < 1e-9);
    }

    #[test]
    fn misc_is_scored_but_not_pooled() {
        let mut s = Scorer::default();
        s.add(&[BMisc, O, BOrg], &[BMisc, O, O]);
        let sc = s.scores();
        assert_eq!(sc.misc.f1, 1.0);
        assert_eq!(sc.overall.support, 1);
        assert_eq!(sc.overall.f1, 0.0);
    }
}
