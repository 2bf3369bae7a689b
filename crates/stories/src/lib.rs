//! Connecting articles: one story per real-world event across outlets.
//!
//! `Clusterer` assigns articles to stories one at a time (incrementally, in publication
//! order); `build_story` then lays out a story's timeline, facts side by side, entities
//! and summary from its members' analyses.
//!
//! Invariant: assigning one article costs a bounded number of comparisons — candidates
//! come from an inverted index over stories' salient terms and entities, restricted to a
//! time window — never one comparison per story.

mod cluster;
mod days;
mod facts;
mod features;
mod idf;
mod summary;
mod timeline;

pub use cluster::{Clusterer, Config};
pub use days::day_number;
pub use facts::facts;
pub use features::Terms;
pub use idf::{build_document_frequencies, jsonl_gz_texts, Background};
pub use summary::summary;
pub use timeline::timeline;

use marsad_model::{Analysis, Article, Story, StoryEntity};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Lays out a story from its member articles (in any order) and their analyses.
pub fn build_story(id: &str, members: &[(&Article, &Analysis)]) -> Story {
    let mut members: Vec<(&Article, &Analysis)> = members.to_vec();
    members.sort_by(|a, b| {
        (a.0.published.as_deref(), &a.0.id).cmp(&(b.0.published.as_deref(), &b.0.id))
    });
    let dates: Vec<&str> = members
        .iter()
        .filter_map(|(a, _)| a.published_date())
        .collect();
    let outlets: BTreeSet<String> = members
        .iter()
        .filter_map(|(a, _)| a.outlet.clone())
        .collect();
    let headline = members
        .iter()
        .find_map(|(a, _)| a.title.clone())
        .or_else(|| members.first().and_then(|(a, _)| first_line(&a.body)));
    Story {
        id: id.to_string(),
        articles: members.iter().map(|(a, _)| a.id.clone()).collect(),
        headline,
        first_date: dates.iter().min().map(|d| d.to_string()),
        last_date: dates.iter().max().map(|d| d.to_string()),
        outlets: outlets.into_iter().collect(),
        entities: story_entities(&members),
        timeline: timeline(&members),
        facts: facts(&members),
        summary: summary(&members, 3),
    }
}

/// The story's entities, most mentioned first, with every spelling seen.
fn story_entities(members: &[(&Article, &Analysis)]) -> Vec<StoryEntity> {
    let mut counts: HashMap<&str, (usize, BTreeSet<&str>)> = HashMap::new();
    let mut labels: HashMap<&str, &str> = HashMap::new();
    for (_, analysis) in members {
        for e in &analysis.entities {
            labels.entry(e.id.as_str()).or_insert(e.label.as_str());
        }
        for m in &analysis.mentions {
            let entry = counts.entry(m.entity.as_str()).or_default();
            entry.0 += 1;
            entry.1.insert(m.text.as_str());
        }
    }
    let mut out: Vec<StoryEntity> = counts
        .into_iter()
        .map(|(id, (n, spellings))| StoryEntity {
            entity: id.to_string(),
            label: labels.get(id).copied().unwrap_or(id).to_string(),
            mentions: n,
            spellings: spellings.into_iter().map(str::to_string).collect(),
        })
        .collect();
    out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.label.cmp(&b.label)));
    out
}

fn first_line(body: &str) -> Option<String> {
    body.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| l.chars().take(160).collect())
}

/// Counts of stories by size, for reports: size → number of stories.
pub fn size_distribution(stories: &[Story]) -> BTreeMap<usize, usize> {
    let mut d = BTreeMap::new();
    for s in stories {
        *d.entry(s.articles.len()).or_insert(0) += 1;
    }
    d
}
