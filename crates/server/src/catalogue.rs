//! The entities the corpus names: every spelling seen in mentions, the KB names, the
//! articles and stories that name them. Derived from the store in the same pass that
//! builds the search index, kept next to it, and used both for the entity pages and to
//! expand a query written in one spelling to the entity id (so ناغورنو كاراباخ finds
//! ناجورنو قرة باغ).

use crate::analyzer::terms;
use crate::ServerError;
use marsad_model::{Analysis, Article, EntityType, Story};
use marsad_store::{ArticleQuery, Store, StoryQuery};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How many rows one store read asks for while scanning.
const PAGE: usize = 500;

/// Longest spelling (in words) a query phrase is matched against.
const MAX_SPELLING_WORDS: usize = 6;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spelling {
    pub text: String,
    /// How many mentions are written this way (0 for a KB name never seen in text).
    pub mentions: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityEntry {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: Option<EntityType>,
    pub label: String,
    pub coordinates: Option<(f64, f64)>,
    pub side: Option<String>,
    pub spellings: Vec<Spelling>,
    pub articles: Vec<String>,
    pub stories: Vec<String>,
}

/// All entities, and the search-term form of each spelling → entity ids.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Catalogue {
    pub entities: BTreeMap<String, EntityEntry>,
    by_spelling: HashMap<String, Vec<String>>,
}

/// A query cut into what it asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum QueryUnit {
    /// One word's search term.
    Word(String),
    /// Words that spell a known entity: any of `entities`, or the words as a phrase.
    Entity {
        entities: Vec<String>,
        words: Vec<String>,
    },
}

impl Catalogue {
    pub fn entity(&self, id: &str) -> Option<&EntityEntry> {
        self.entities.get(id)
    }

    /// Cuts the query's terms into units, taking the longest run of words that spells a
    /// known entity at each point.
    pub fn expand(&self, query: &str) -> Vec<QueryUnit> {
        let words: Vec<String> = terms(query).into_iter().map(|(t, _)| t).collect();
        let mut units = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let longest = (1..=MAX_SPELLING_WORDS.min(words.len() - i))
                .rev()
                .find_map(|n| {
                    self.by_spelling
                        .get(&words[i..i + n].join(" "))
                        .map(|ids| (n, ids))
                });
            match longest {
                Some((n, ids)) => {
                    units.push(QueryUnit::Entity {
                        entities: ids.clone(),
                        words: words[i..i + n].to_vec(),
                    });
                    i += n;
                }
                None => {
                    units.push(QueryUnit::Word(words[i].clone()));
                    i += 1;
                }
            }
        }
        units
    }
}

/// Collects the catalogue while the corpus is scanned.
#[derive(Default)]
pub struct CatalogueBuilder {
    entities: BTreeMap<String, EntityEntry>,
    spellings: BTreeMap<String, BTreeMap<String, usize>>,
    articles: BTreeMap<String, BTreeSet<String>>,
    stories: BTreeMap<String, BTreeSet<String>>,
}

impl CatalogueBuilder {
    pub fn add_analysis(&mut self, analysis: &Analysis, story: Option<&str>) {
        for e in &analysis.entities {
            let entry = self.entry(&e.id);
            entry.kind = Some(e.kind);
            if entry.label.is_empty() || entry.label == e.id {
                entry.label = e.label.clone();
            }
            entry.coordinates = entry.coordinates.or(e.coordinates);
            entry.side = entry.side.take().or_else(|| e.side.clone());
            for name in &e.names {
                self.spelling(&e.id, name, 0);
            }
        }
        for m in &analysis.mentions {
            let entry = self.entry(&m.entity);
            entry.kind.get_or_insert(m.kind);
            self.spelling(&m.entity, &m.text, 1);
            self.articles
                .entry(m.entity.clone())
                .or_default()
                .insert(analysis.article.clone());
            if let Some(story) = story {
                self.stories
                    .entry(m.entity.clone())
                    .or_default()
                    .insert(story.to_string());
            }
        }
    }

    pub fn add_story(&mut self, story: &Story) {
        for e in &story.entities {
            let entry = self.entry(&e.entity);
            if entry.label.is_empty() || entry.label == e.entity {
                entry.label = e.label.clone();
            }
            for s in &e.spellings {
                self.spelling(&e.entity, s, 0);
            }
            self.stories
                .entry(e.entity.clone())
                .or_default()
                .insert(story.id.clone());
        }
    }

    fn entry(&mut self, id: &str) -> &mut EntityEntry {
        self.entities
            .entry(id.to_string())
            .or_insert_with(|| EntityEntry {
                id: id.to_string(),
                kind: None,
                label: id.to_string(),
                coordinates: None,
                side: None,
                spellings: Vec::new(),
                articles: Vec::new(),
                stories: Vec::new(),
            })
    }

    fn spelling(&mut self, entity: &str, text: &str, mentions: usize) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        *self
            .spellings
            .entry(entity.to_string())
            .or_default()
            .entry(text.to_string())
            .or_default() += mentions;
    }

    pub fn finish(mut self) -> Catalogue {
        let mut by_spelling: HashMap<String, Vec<String>> = HashMap::new();
        for (id, entry) in self.entities.iter_mut() {
            let mut spellings: Vec<Spelling> = self
                .spellings
                .remove(id)
                .unwrap_or_default()
                .into_iter()
                .map(|(text, mentions)| Spelling { text, mentions })
                .collect();
            spellings.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.text.cmp(&b.text)));
            for s in &spellings {
                let phrase: Vec<String> = terms(&s.text).into_iter().map(|(t, _)| t).collect();
                if phrase.is_empty() || phrase.len() > MAX_SPELLING_WORDS {
                    continue;
                }
                let ids = by_spelling.entry(phrase.join(" ")).or_default();
                if !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
            entry.spellings = spellings;
            entry.articles = self
                .articles
                .remove(id)
                .unwrap_or_default()
                .into_iter()
                .collect();
            entry.stories = self
                .stories
                .remove(id)
                .unwrap_or_default()
                .into_iter()
                .collect();
        }
        Catalogue {
            entities: self.entities,
            by_spelling,
        }
    }
}

/// One stored article with what was read from it.
pub struct CorpusItem {
    pub article: Article,
    pub analysis: Option<Analysis>,
    pub story: Option<String>,
}

/// Visits every stored article, page by page.
pub fn scan_articles(
    store: &dyn Store,
    mut visit: impl FnMut(CorpusItem) -> Result<(), ServerError>,
) -> Result<(), ServerError> {
    let mut offset = 0;
    loop {
        let page = store.articles(&ArticleQuery {
            limit: PAGE,
            offset,
            outlet: None,
        })?;
        for summary in &page {
            let Some(article) = store.article(&summary.id)? else {
                continue;
            };
            visit(CorpusItem {
                analysis: store.analysis(&article.id)?,
                story: store.story_of(&article.id)?,
                article,
            })?;
        }
        if page.len() < PAGE {
            return Ok(());
        }
        offset += PAGE;
    }
}

/// Every stored story, in the store's order.
pub fn all_stories(store: &dyn Store) -> Result<Vec<Story>, ServerError> {
    let mut out = Vec::new();
    loop {
        let page = store.stories(&StoryQuery {
            limit: PAGE,
            offset: out.len(),
        })?;
        let n = page.len();
        out.extend(page);
        if n < PAGE {
            return Ok(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_model::{Mention, Span};

    fn mention(text: &str, entity: &str) -> Mention {
        Mention {
            span: Span::new(0, text.len()),
            text: text.into(),
            kind: EntityType::Location,
            entity: entity.into(),
        }
    }

    fn catalogue() -> Catalogue {
        let mut b = CatalogueBuilder::default();
        let analysis = Analysis {
            article: "a1".into(),
            mentions: vec![
                mention("ناجورنو قرة باغ", "nk"),
                mention("ناغورنو كاراباخ", "nk"),
                mention("كاراباخ", "nk"),
                mention("أرمينيا", "am"),
            ],
            ..Analysis::default()
        };
        b.add_analysis(&analysis, Some("s1"));
        b.finish()
    }

    #[test]
    fn the_longest_spelling_wins_and_other_words_stay_words() {
        let units = catalogue().expand("هدنة في ناغورنو كاراباخ وأرمينيا");
        assert_eq!(units.len(), 4, "{units:?}");
        assert!(matches!(&units[0], QueryUnit::Word(_)));
        assert!(
            matches!(&units[2], QueryUnit::Entity { entities, words } if entities == &["nk"] && words.len() == 2)
        );
        assert!(matches!(&units[3], QueryUnit::Entity { entities, .. } if entities == &["am"]));
    }

    #[test]
    fn spellings_are_matched_in_any_written_form() {
        // Hamza, taa marbuta and a proclitic differ from the stored spelling.
        let units = catalogue().expand("وناجورنو قره باغ");
        assert!(
            matches!(&units[..], [QueryUnit::Entity { entities, .. }] if entities == &["nk"]),
            "{units:?}"
        );
        let c = catalogue();
        let nk = c.entity("nk").map(|e| e.spellings.len());
        assert_eq!(nk, Some(3));
        assert_eq!(
            c.entity("am").map(|e| e.stories.clone()),
            Some(vec!["s1".to_string()])
        );
    }
}
