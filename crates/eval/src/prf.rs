//! Precision, recall and F1 from counts, with one rule for empty denominators.

use serde::Serialize;

/// `num / den`; when `den` is zero the score is 1.0 if there was nothing to do at all
/// (nothing in the gold and nothing predicted), else 0.0.
pub(crate) fn ratio(num: usize, den: usize, nothing_to_do: bool) -> f64 {
    if den > 0 {
        num as f64 / den as f64
    } else if nothing_to_do {
        1.0
    } else {
        0.0
    }
}

pub(crate) fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

/// Matched, wrongly predicted and missed items of one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Counts {
    fn nothing_to_do(&self) -> bool {
        self.tp + self.fp + self.fn_ == 0
    }
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp, self.nothing_to_do())
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_, self.nothing_to_do())
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    pub fn add(&mut self, other: &Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
    pub(crate) fn prf_json(&self) -> serde_json::Value {
        serde_json::json!({
            "precision": self.precision(), "recall": self.recall(), "f1": self.f1(),
            "tp": self.tp, "fp": self.fp, "fn": self.fn_,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_of_three_with_one_false_positive() {
        let c = Counts {
            tp: 2,
            fp: 1,
            fn_: 1,
        };
        assert!((c.precision() - 2.0 / 3.0).abs() < 1e-12);
        assert!((c.recall() - 2.0 / 3.0).abs() < 1e-12);
        assert!((c.f1() - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn empty_denominators() {
        assert_eq!(Counts::default().f1(), 1.0);
        let missed = Counts {
            tp: 0,
            fp: 0,
            fn_: 3,
        };
        assert_eq!(
            (missed.precision(), missed.recall(), missed.f1()),
            (0.0, 0.0, 0.0)
        );
        let spurious = Counts {
            tp: 0,
            fp: 2,
            fn_: 0,
        };
        assert_eq!((spurious.precision(), spurious.recall()), (0.0, 0.0));
    }
}
