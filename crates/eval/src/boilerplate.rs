//! Boilerplate: which input lines the system removed, against the gold furniture lines.

use crate::normalise::key;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BoilerplateCounts {
    /// Gold boilerplate lines the system removed.
    pub lines_correct: usize,
    /// Gold boilerplate lines the system kept.
    pub lines_missed: usize,
    /// Body lines the system removed.
    pub body_lines_lost: usize,
}

impl BoilerplateCounts {
    /// Lines handled wrongly, a lost body line counting double (FORMAT.md).
    pub fn lines_wrong(&self) -> usize {
        self.lines_missed + 2 * self.body_lines_lost
    }
    pub fn add(&mut self, o: &BoilerplateCounts) {
        self.lines_correct += o.lines_correct;
        self.lines_missed += o.lines_missed;
        self.body_lines_lost += o.body_lines_lost;
    }
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// `original`: the input file's text (its non-empty trimmed lines are the input lines);
/// `removed`: the lines the system took out, or `None` when the article was lost at ingest.
/// Lines compare by their matching key, each input line consuming one removed line.
pub(crate) fn score(
    gold: &[String],
    original: Option<&str>,
    removed: Option<&[String]>,
) -> (BoilerplateCounts, Value) {
    let gold_keys: BTreeSet<String> = gold.iter().map(|l| key(l)).collect();
    let mut pool: BTreeMap<String, usize> = BTreeMap::new();
    for l in removed.unwrap_or_default().iter().flat_map(|r| lines(r)) {
        *pool.entry(key(l)).or_default() += 1;
    }
    // Without the original, the input lines are what we know of: the gold furniture and
    // whatever the system removed.
    let input: Vec<String> = match original {
        Some(text) => lines(text).map(str::to_string).collect(),
        None => {
            let mut v: Vec<String> = gold.to_vec();
            v.extend(
                removed
                    .unwrap_or_default()
                    .iter()
                    .flat_map(|r| lines(r))
                    .map(str::to_string),
            );
            v
        }
    };
    let mut counts = BoilerplateCounts::default();
    let (mut missed, mut lost) = (Vec::new(), Vec::new());
    for line in &input {
        let k = key(line);
        let was_removed = match pool.get_mut(&k) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        };
        match (gold_keys.contains(&k), was_removed) {
            (true, true) => counts.lines_correct += 1,
            (true, false) => {
                counts.lines_missed += 1;
                missed.push(line.clone());
            }
            (false, true) => {
                counts.body_lines_lost += 1;
                lost.push(line.clone());
            }
            (false, false) => {}
        }
    }
    let detail = json!({
        "counts": {"lines_correct": counts.lines_correct, "lines_missed": counts.lines_missed,
                   "body_lines_lost": counts.body_lines_lost, "lines_wrong": counts.lines_wrong()},
        "kept_boilerplate": missed,
        "lost_body_lines": lost,
    });
    (counts, detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    const INPUT: &str = "تقدير موقف\n\nنحو 100 قتيل بمعارك حدودية\n  اترك تعليقاً  \nيسيطر حال من الهدوء\nزر الذهاب إلى الأعلى\n";

    fn gold() -> Vec<String> {
        ["تقدير موقف", "اترك تعليقاً", "زر الذهاب إلى الأعلى"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn perfect_removal() {
        let (c, _) = score(&gold(), Some(INPUT), Some(&gold()));
        assert_eq!(
            (c.lines_correct, c.lines_wrong(), c.body_lines_lost),
            (3, 0, 0)
        );
    }

    #[test]
    fn one_missed_and_one_body_line_lost_is_three_wrong() {
        let removed =
            ["تقدير موقف", "زر الذهاب إلى الأعلى", "يسيطر حال من الهدوء"].map(String::from);
        let (c, d) = score(&gold(), Some(INPUT), Some(&removed));
        assert_eq!(
            (c.lines_correct, c.lines_missed, c.body_lines_lost),
            (2, 1, 1)
        );
        assert_eq!(c.lines_wrong(), 3);
        assert_eq!(d["kept_boilerplate"][0], "اترك تعليقاً");
    }

    #[test]
    fn nothing_removed_or_article_lost_misses_everything() {
        for removed in [Some(&[][..]), None] {
            let (c, _) = score(&gold(), Some(INPUT), removed);
            assert_eq!(
                (c.lines_correct, c.lines_missed, c.body_lines_lost),
                (0, 3, 0)
            );
        }
    }
}
