use crate::{ArticleId, Span};
use serde::{Deserialize, Serialize};

/// Stable entity id: a Wikidata QID when known, else a local id.
pub type EntityId = String;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    #[serde(rename = "PER")]
    Person,
    #[serde(rename = "LOC")]
    Location,
    #[serde(rename = "ORG")]
    Organisation,
}

impl EntityType {
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Location => "LOC",
            EntityType::Organisation => "ORG",
        }
    }
}

/// A thing in the world that articles name: a person, place or organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: EntityId,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// English label (`Armenia`, `Ministry of Defence (Armenia)`).
    pub label: String,
    /// Arabic names and spellings known for it.
    pub names: Vec<String>,
    /// `(lat, lon)` in WGS84, for places.
    pub coordinates: Option<(f64, f64)>,
    /// English label of the state or party it speaks for (`Armenia` for Nikol Pashinyan).
    pub side: Option<String>,
}

/// One place in the body where an entity is named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    /// The name as written, without attached proclitics.
    pub text: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub entity: EntityId,
}

/// A temporal expression with its TIMEX3 value (`2022-09-13`, `2022-09-12TEV`,
/// `2022-09-13T06:00Z`, `P44D`, `2020-FA`, `PAST_REF`, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    pub span: Span,
    pub text: String,
    pub value: String,
    /// What the value was resolved against (`publication 2022-09-13`, `absolute`, ...).
    pub anchor: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    AtLeast,
    About,
    MoreThan,
    UpTo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LossKind {
    Killed,
    Wounded,
    Displaced,
    Captured,
    Missing,
    Damaged,
    Other,
}

/// Who makes a claim: a named entity, or the outlet in its own voice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimSource {
    /// `None` when the article states the figure in its own voice.
    pub entity: Option<EntityId>,
    /// English label of the source, or `outlet`.
    pub label: String,
    /// Where the text names the source.
    pub span: Option<Span>,
    /// The state or party the source speaks for.
    pub side: Option<String>,
}

/// A numeric report of human or material loss, with who reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub span: Span,
    pub sentence: Span,
    pub text: String,
    /// The figure; `None` for vague amounts ("عشرات") kept as text.
    pub count: Option<u64>,
    pub vague: bool,
    pub qualifier: Qualifier,
    pub kind: LossKind,
    /// `soldiers`, `civilians`, `people`, `children`, `buildings`, ...
    pub victims: String,
    /// English label of the party the victims belong to.
    pub side: Option<String>,
    pub source: ClaimSource,
}

/// A participant in an event: an entity and the side it stands for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub entity: EntityId,
    pub label: String,
    pub side: Option<String>,
}

/// A place where an event happened, with coordinates when the KB knows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub entity: EntityId,
    pub label: String,
    pub coordinates: Option<(f64, f64)>,
}

/// A political or military event coded in the PLOVER ontology.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub span: Span,
    pub sentence: Span,
    /// PLOVER type: `ASSAULT`, `ACCUSE`, `DEMAND`, ...
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: Option<String>,
    pub actors: Vec<Actor>,
    pub target: Option<Actor>,
    pub mediator: Option<Actor>,
    /// TIMEX3 value.
    pub date: Option<String>,
    pub location: Option<Place>,
    /// The event happened well before the article's own news (background).
    pub background: bool,
}

/// Everything the read stage finds in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub article: ArticleId,
    pub sentences: Vec<Span>,
    pub mentions: Vec<Mention>,
    /// The entities the mentions point to (KB entities and new local ones).
    pub entities: Vec<Entity>,
    pub times: Vec<TimeExpr>,
    pub claims: Vec<Claim>,
    pub events: Vec<Event>,
}
