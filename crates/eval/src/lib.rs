//! marsad-eval: scores marsad's output against gold annotations
//! (`shared/eval/FORMAT.md`; the rules FORMAT.md leaves open are in `docs/EVALUATION.md`).
//!
//! A pure scorer: the caller runs the pipeline and hands over one [`Prediction`] per
//! article; a stage that produced nothing simply scores zero.

mod boilerplate;
mod claims;
pub mod conll;
mod entities;
mod events;
mod gold;
pub mod normalise;
mod prf;
mod report;
mod stories;
mod times;

pub use boilerplate::BoilerplateCounts;
pub use claims::ClaimCounts;
pub use entities::LinkScores;
pub use events::EventCounts;
pub use gold::*;
pub use prf::Counts;
pub use report::{ArticleScores, Detail, Report, SetScores};
pub use stories::StoryScores;
pub use times::TimeCounts;

use marsad_model::{Analysis, Article};
use std::collections::HashMap;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: not a valid gold file: {source}", path.display())]
    Gold {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{}:{line}: {message}", path.display())]
    Conll {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// What the pipeline made of one gold article.
#[derive(Debug, Clone, Default)]
pub struct Prediction {
    /// The gold `doc` file name.
    pub doc: String,
    /// `None` when ingest failed or dropped the article: then everything in it is missed.
    pub article: Option<Article>,
    pub analysis: Analysis,
    /// Predicted story id.
    pub story: Option<String>,
}

/// Scores every gold article against its prediction (matched by `doc`; the first
/// prediction for a doc wins, predictions for docs without gold are ignored).
/// `originals(doc)` gives the input file's text, whose lines the boilerplate score needs.
pub fn score(
    golds: &[Gold],
    preds: &[Prediction],
    originals: &dyn Fn(&str) -> Option<String>,
) -> Report {
    let mut by_doc: HashMap<&str, &Prediction> = HashMap::new();
    for p in preds {
        by_doc.entry(p.doc.as_str()).or_insert(p);
    }
    let empty = Analysis::default();
    let mut per_article = Vec::new();
    let mut details = Vec::new();
    let mut link_forms = Vec::new();
    let mut story_labels = Vec::new();
    for gold in golds {
        let pred = by_doc.get(gold.doc.as_str()).copied();
        let article = pred.and_then(|p| p.article.as_ref());
        // Without an article nothing the analysis says can be placed in the text.
        let analysis = match (pred, article) {
            (Some(p), Some(_)) => &p.analysis,
            _ => &empty,
        };
        let body = article.map(|a| normalise::Folded::new(&a.body));
        let original = originals(&gold.doc);
        let removed = article.map(|a| a.boilerplate.as_slice());
        let (bp, bp_d) = boilerplate::score(&gold.boilerplate, original.as_deref(), removed);
        let (ent, ent_d) = entities::score(gold, &analysis.mentions);
        link_forms.push(entities::link_forms(&gold.doc, gold, &analysis.mentions));
        let (tim, tim_d) = times::score(gold, article, &analysis.times, body.as_ref());
        let (cla, cla_d) = claims::score(gold, &analysis.claims, body.as_ref());
        let (eve, eve_d) = events::score(gold, &analysis.events);
        let story = article.and(pred.and_then(|p| p.story.clone()));
        story_labels.push((gold.story.clone(), story.clone()));
        details.push(serde_json::json!({
            "doc": gold.doc, "ingested": article.is_some(),
            "boilerplate": bp_d, "entities": ent_d, "times": tim_d, "claims": cla_d, "events": eve_d,
        }));
        per_article.push(ArticleScores {
            doc: gold.doc.clone(),
            ingested: article.is_some(),
            boilerplate: bp,
            entities: ent,
            times: tim,
            claims: cla,
            events: eve,
            story_gold: gold.story.clone(),
            story_predicted: story,
        });
    }
    let (linking, link_d) = entities::linking(&link_forms);
    let docs: Vec<&str> = golds.iter().map(|g| g.doc.as_str()).collect();
    let labels: Vec<_> = story_labels
        .iter()
        .map(|(g, p)| (g.as_deref(), p.as_deref()))
        .collect();
    let (stories, story_d) = stories::b_cubed(&docs, &labels);
    let set = SetScores::sum(&per_article, linking, stories);
    Report {
        per_article,
        set,
        detail: Detail {
            articles: details,
            linking: link_d,
            stories: story_d,
        },
    }
}

#[cfg(test)]
mod tests;
