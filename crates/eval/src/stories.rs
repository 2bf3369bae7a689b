//! Story clustering: B-cubed precision, recall and F1 over the gold articles.

use serde::Serialize;
use serde_json::{json, Value};

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct StoryScores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// `labels[i]` = (gold story, predicted story) of article i. An article without a gold
/// label or without a predicted story is a cluster of its own on that side. When no
/// article has a predicted story the stage did not run, and every score is 0.
pub(crate) fn b_cubed(
    docs: &[&str],
    labels: &[(Option<&str>, Option<&str>)],
) -> (StoryScores, Value) {
    let n = labels.len();
    if n == 0 || labels.iter().all(|(_, p)| p.is_none()) {
        return (StoryScores::default(), json!([]));
    }
    let same =
        |a: Option<&str>, b: Option<&str>, i: usize, j: usize| i == j || (a.is_some() && a == b);
    let mut sum_p = 0.0;
    let mut sum_r = 0.0;
    let mut items = Vec::new();
    for i in 0..n {
        let (gi, pi) = labels[i];
        let (mut both, mut in_pred, mut in_gold) = (0usize, 0usize, 0usize);
        for (j, &(gj, pj)) in labels.iter().enumerate() {
            let g = same(gi, gj, i, j);
            let p = same(pi, pj, i, j);
            both += usize::from(g && p);
            in_pred += usize::from(p);
            in_gold += usize::from(g);
        }
        let (p, r) = (both as f64 / in_pred as f64, both as f64 / in_gold as f64);
        sum_p += p;
        sum_r += r;
        items.push(
            json!({"doc": docs.get(i), "gold": gi, "predicted": pi, "precision": p, "recall": r}),
        );
    }
    let (precision, recall) = (sum_p / n as f64, sum_r / n as f64);
    let f1 = crate::prf::f1(precision, recall);
    (
        StoryScores {
            precision,
            recall,
            f1,
        },
        Value::Array(items),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(labels: &[(&str, &str)]) -> StoryScores {
        let docs: Vec<&str> = labels.iter().map(|_| "d").collect();
        let l: Vec<_> = labels.iter().map(|&(g, p)| (Some(g), Some(p))).collect();
        b_cubed(&docs, &l).0
    }

    #[test]
    fn amigo_et_al_example() {
        // Gold {a1,a2,a3,a4,a5} {b1,b2}; predicted {a1,a2,a3,a4} {a5,b1,b2}.
        // Precision: 4 × 4/4 + 1/3 + 2 × 2/3 = 17/3 over 7; recall: 4 × 4/5 + 1/5 + 2 × 1 = 27/5 over 7.
        let s = run(&[
            ("A", "x"),
            ("A", "x"),
            ("A", "x"),
            ("A", "x"),
            ("A", "y"),
            ("B", "y"),
            ("B", "y"),
        ]);
        assert!((s.precision - 17.0 / 21.0).abs() < 1e-12);
        assert!((s.recall - 27.0 / 35.0).abs() < 1e-12);
        let f = 2.0 * s.precision * s.recall / (s.precision + s.recall);
        assert!((s.f1 - f).abs() < 1e-12);
    }

    #[test]
    fn perfect_and_lumped() {
        let s = run(&[("A", "1"), ("A", "1"), ("B", "2")]);
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
        // Everything in one cluster: recall 1, precision (2/3+2/3+1/3)/3.
        let s = run(&[("A", "1"), ("A", "1"), ("B", "1")]);
        assert_eq!(s.recall, 1.0);
        assert!((s.precision - 5.0 / 9.0).abs() < 1e-12);
    }

    #[test]
    fn missing_predictions_are_singletons_and_no_stage_scores_zero() {
        let docs = ["a", "b", "c"];
        let l = [(Some("A"), Some("1")), (Some("A"), None), (Some("B"), None)];
        let s = b_cubed(&docs, &l).0;
        assert_eq!(s.precision, 1.0);
        assert!((s.recall - (0.5 + 0.5 + 1.0) / 3.0).abs() < 1e-12);
        let none = [(Some("A"), None), (Some("A"), None)];
        assert_eq!(b_cubed(&docs, &none).0, StoryScores::default());
    }
}
