//! The scores of a run: per article, for the set, and the item-by-item detail.

use crate::{
    BoilerplateCounts, ClaimCounts, Counts, EventCounts, LinkScores, StoryScores, TimeCounts,
};
use serde::Serialize;
use serde_json::{json, Value};
use std::fmt::Write;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleScores {
    pub doc: String,
    /// Whether ingest produced the article at all.
    pub ingested: bool,
    pub boilerplate: BoilerplateCounts,
    pub entities: Counts,
    pub times: TimeCounts,
    pub claims: ClaimCounts,
    pub events: EventCounts,
    pub story_gold: Option<String>,
    pub story_predicted: Option<String>,
}

/// Micro-averaged scores of the whole set: counts are summed over the articles before
/// any ratio is taken; linking and stories are computed over the set as one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SetScores {
    pub articles: usize,
    pub boilerplate: BoilerplateCounts,
    pub entities: Counts,
    pub linking: LinkScores,
    pub times: TimeCounts,
    pub claims: ClaimCounts,
    pub events: EventCounts,
    pub stories: StoryScores,
}

impl SetScores {
    pub(crate) fn sum(
        per_article: &[ArticleScores],
        linking: LinkScores,
        stories: StoryScores,
    ) -> Self {
        let mut s = SetScores {
            articles: per_article.len(),
            boilerplate: BoilerplateCounts::default(),
            entities: Counts::default(),
            linking,
            times: TimeCounts::default(),
            claims: ClaimCounts::default(),
            events: EventCounts::default(),
            stories,
        };
        for a in per_article {
            s.boilerplate.add(&a.boilerplate);
            s.entities.add(&a.entities);
            s.times.add(&a.times);
            s.claims.add(&a.claims);
            s.events.add(&a.events);
        }
        s
    }
}

/// Item-level findings, for `--report FILE`.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    /// Per article: each gold item found or missed, each false positive.
    pub articles: Vec<Value>,
    /// Wrong and missed links (capped).
    pub linking: Value,
    /// Per article: gold and predicted story, B-cubed precision and recall.
    pub stories: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub per_article: Vec<ArticleScores>,
    pub set: SetScores,
    pub detail: Detail,
}

impl Report {
    /// The set object of FORMAT.md (those keys, plus counts under extra keys).
    pub fn to_json(&self) -> Value {
        let s = &self.set;
        let c = &s.claims;
        json!({
            "articles": s.articles,
            "boilerplate": {
                "lines_correct": s.boilerplate.lines_correct,
                "lines_wrong": s.boilerplate.lines_wrong(),
                "body_lines_lost": s.boilerplate.body_lines_lost,
                "lines_missed": s.boilerplate.lines_missed,
            },
            "entities": s.entities.prf_json(),
            "linking": {
                "precision": s.linking.precision(), "recall": s.linking.recall(), "f1": s.linking.f1(),
                "forms": s.linking.forms, "gold_links": s.linking.gold_links,
                "predicted_links": s.linking.predicted_links, "correct_links": s.linking.correct_links,
            },
            "times": {"gold": s.times.gold, "exact": s.times.exact, "accuracy": s.times.accuracy()},
            "claims": {
                "precision": c.matching.precision(), "recall": c.matching.recall(), "f1": c.matching.f1(),
                "source_side_accuracy": c.source_side_accuracy(),
                "tp": c.matching.tp, "fp": c.matching.fp, "fn": c.matching.fn_, "side_right": c.side_right,
            },
            "events": {"gold": s.events.gold, "found": s.events.found, "recall": s.events.recall()},
            "stories": {"precision": s.stories.precision, "recall": s.stories.recall, "f1": s.stories.f1},
        })
    }

    /// Per article: its scores and what was found, missed and wrongly found.
    pub fn detail_json(&self) -> Value {
        let articles: Vec<Value> = self
            .per_article
            .iter()
            .zip(&self.detail.articles)
            .map(|(scores, d)| {
                let mut d = d.clone();
                d["scores"] = json!(scores);
                d
            })
            .collect();
        json!({
            "set": self.to_json(),
            "articles": articles,
            "linking": self.detail.linking,
            "stories": self.detail.stories,
        })
    }

    /// A readable table for a terminal: one row per article, then the set.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<32} {:>11} {:>17} {:>7} {:>17} {:>6}  predicted story",
            "article", "boilerplate", "entities P/R/F1", "times", "claims P/R side", "events",
        );
        let _ = writeln!(
            out,
            "{:<32} {:>11} {:>17} {:>7} {:>17} {:>6}",
            "", "ok/wrong", "", "exact", "", "found"
        );
        let row = |out: &mut String,
                   name: &str,
                   bp: &BoilerplateCounts,
                   e: &Counts,
                   t: &TimeCounts,
                   c: &ClaimCounts,
                   ev: &EventCounts,
                   story: &str| {
            let _ = writeln!(
                out,
                "{:<32} {:>11} {:>17} {:>7} {:>17} {:>6}  {}",
                name,
                format!("{}/{}", bp.lines_correct, bp.lines_wrong()),
                format!("{:.2}/{:.2}/{:.2}", e.precision(), e.recall(), e.f1()),
                format!("{}/{}", t.exact, t.gold),
                format!(
                    "{:.2}/{:.2} {:.2}",
                    c.matching.precision(),
                    c.matching.recall(),
                    c.source_side_accuracy()
                ),
                format!("{}/{}", ev.found, ev.gold),
                story,
            );
        };
        for a in &self.per_article {
            let mut name = a.doc.clone();
            if !a.ingested {
                name.push_str(" (lost)");
            }
            let story = a.story_predicted.as_deref().unwrap_or("-");
            row(
                &mut out,
                &name,
                &a.boilerplate,
                &a.entities,
                &a.times,
                &a.claims,
                &a.events,
                story,
            );
        }
        let s = &self.set;
        let _ = writeln!(out, "{}", "-".repeat(100));
        let name = format!("set ({} articles)", s.articles);
        row(
            &mut out,
            &name,
            &s.boilerplate,
            &s.entities,
            &s.times,
            &s.claims,
            &s.events,
            "",
        );
        let _ = writeln!(
            out,
            "body lines lost: {}   linking P/R/F1: {:.2}/{:.2}/{:.2} ({} forms, {} of {} gold links)   stories B-cubed P/R/F1: {:.2}/{:.2}/{:.2}",
            s.boilerplate.body_lines_lost,
            s.linking.precision(),
            s.linking.recall(),
            s.linking.f1(),
            s.linking.forms,
            s.linking.correct_links,
            s.linking.gold_links,
            s.stories.precision,
            s.stories.recall,
            s.stories.f1,
        );
        let _ = writeln!(
            out,
            "times accuracy: {:.2}   claims F1: {:.2}   events recall: {:.2}",
            s.times.accuracy(),
            s.claims.matching.f1(),
            s.events.recall()
        );
        out
    }
}
