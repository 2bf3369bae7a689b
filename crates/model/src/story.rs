use crate::{ArticleId, EntityId, LossKind, Qualifier, Span};
use serde::{Deserialize, Serialize};

pub type StoryId = String;

/// One real-world story told by one or more articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: StoryId,
    pub articles: Vec<ArticleId>,
    pub headline: Option<String>,
    /// First and last publication dates (`YYYY-MM-DD`).
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub outlets: Vec<String>,
    pub entities: Vec<StoryEntity>,
    pub timeline: Vec<TimelineEntry>,
    pub facts: Vec<Fact>,
    pub summary: Vec<SummarySentence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryEntity {
    pub entity: EntityId,
    pub label: String,
    pub mentions: usize,
    pub spellings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub date: String,
    pub article: ArticleId,
    pub outlet: Option<String>,
    pub span: Span,
    pub text: String,
    pub event_type: Option<String>,
    pub background: bool,
}

/// Claims about one (kind, victims, side), one entry per source and outlet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub kind: LossKind,
    pub victims: String,
    pub side: Option<String>,
    pub reports: Vec<FactReport>,
    /// The reports disagree on the figure.
    pub conflict: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactReport {
    pub count: Option<u64>,
    pub qualifier: Qualifier,
    pub source: String,
    pub source_side: Option<String>,
    pub article: ArticleId,
    pub outlet: Option<String>,
    pub span: Span,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummarySentence {
    pub article: ArticleId,
    pub span: Span,
    pub text: String,
}
