//! Full-text search over the stored articles: a tantivy index under
//! `<data dir>/search/`, derived from the store and rebuilt whenever it is missing,
//! from another version of this code, or behind the store.

use crate::analyzer::{analyzer, term_spans, ARABIC};
use crate::catalogue::{all_stories, scan_articles, Catalogue, CatalogueBuilder, QueryUnit};
use crate::docs::{encode_word_spans, term_positions, DocCache, DocFields};
use crate::snippet::snippet;
use crate::ServerError;
use marsad_model::{Span, Story};
use marsad_store::Store;
use serde::{Deserialize, Serialize};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use tantivy::collector::TopDocs;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::{doc, Index, IndexReader, IndexSettings, ReloadPolicy, Term};

/// Bump when the schema or the analyzer changes: older indexes are then rebuilt.
const INDEX_VERSION: u32 = 3;
const META_FILE: &str = "marsad-index.json";
const CATALOGUE_FILE: &str = "entities.json";
/// Most hits one search returns.
pub const MAX_HITS: usize = 200;
const WRITER_HEAP: usize = 50_000_000;
/// Bytes of documents compressed together in the document store. A hit decompresses its
/// whole block; a news article is stored in about 5 KB, so a block holds one or two
/// rather than tantivy's default of three or four.
const DOC_BLOCK: usize = 4096;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SearchQuery {
    #[serde(default)]
    pub q: String,
    /// First publication date, `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// Last publication date, `YYYY-MM-DD`, inclusive.
    pub to: Option<String>,
    pub outlet: Option<String>,
    pub entity: Option<String>,
    pub story: Option<String>,
    /// At most [`MAX_HITS`]; 0 means 20.
    #[serde(default)]
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub article: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub score: f32,
    /// HTML: the article's text escaped, matches in `<mark>`.
    pub snippet: String,
    pub story: Option<String>,
}

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    title: Field,
    body: Field,
    outlet: Field,
    published: Field,
    date: Field,
    entity: Field,
    story: Field,
    mentions: Field,
    /// Byte span of each body word, by index position (see [`encode_word_spans`]).
    word_spans: Field,
}

impl Fields {
    fn stored(&self) -> DocFields {
        DocFields {
            id: self.id,
            title: self.title,
            body: self.body,
            outlet: self.outlet,
            published: self.published,
            story: self.story,
            mentions: self.mentions,
            word_spans: self.word_spans,
        }
    }
}

/// An open search index with the entity catalogue built beside it.
pub struct SearchIndex {
    reader: IndexReader,
    docs: DocCache,
    fields: Fields,
    catalogue: Catalogue,
    dir: PathBuf,
    marker: String,
}

#[derive(Serialize, Deserialize, PartialEq)]
struct Meta {
    version: u32,
    /// What the store looked like when the index was built (see [`store_marker`]).
    store: String,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let arabic = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(ARABIC)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        title: b.add_text_field("title", arabic.clone()),
        body: b.add_text_field("body", arabic),
        outlet: b.add_text_field("outlet", STRING | STORED),
        published: b.add_text_field("published", STORED),
        date: b.add_u64_field("date", INDEXED | FAST),
        entity: b.add_text_field("entity", STRING),
        story: b.add_text_field("story", STRING | STORED),
        mentions: b.add_text_field("mentions", STORED),
        word_spans: b.add_bytes_field("word_spans", STORED),
    };
    (b.build(), fields)
}

/// `2022-09-13` → 20220913.
fn date_number(date: &str) -> Option<u64> {
    let b = date.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !ok {
        return None;
    }
    let digits: String = date.chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn io<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> ServerError + 'a {
    move |source| ServerError::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// A short fingerprint of what the index is built from: the article count and every
/// story's id, members and dates (stories are replaced after each read, so new analyses
/// show up here too).
pub fn store_marker(store: &dyn Store) -> Result<String, ServerError> {
    let stories = all_stories(store)?;
    Ok(marker_of(&stories, store.article_count()?))
}

/// [`store_marker`] of stories already read.
pub fn marker_of(stories: &[Story], articles: u64) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |s: &str| {
        for b in s.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for s in stories {
        feed(&s.id);
        s.articles.iter().for_each(|a| feed(a));
        feed(s.last_date.as_deref().unwrap_or(""));
    }
    format!(
        "articles={articles} stories={} digest={h:016x}",
        stories.len()
    )
}

/// Rebuilds the index in `dir` from the store, replacing whatever index was there.
pub fn reindex(store: &dyn Store, dir: &Path) -> Result<SearchIndex, ServerError> {
    clear_dir(dir)?;
    let (schema, f) = schema();
    let index = Index::builder()
        .schema(schema)
        .settings(IndexSettings {
            docstore_blocksize: DOC_BLOCK,
            ..IndexSettings::default()
        })
        .create_in_dir(dir)?;
    index.tokenizers().register(ARABIC, analyzer());
    let mut writer: tantivy::IndexWriter = index.writer(WRITER_HEAP)?;
    let mut catalogue = CatalogueBuilder::default();
    let marker = store_marker(store)?;
    for story in all_stories(store)? {
        catalogue.add_story(&story);
    }
    scan_articles(store, |item| {
        let a = &item.article;
        let mut d = doc!(
            f.id => a.id.clone(),
            f.title => a.title.clone().unwrap_or_default(),
            f.body => a.body.clone(),
        );
        // The analyzer's words in order, as the body's postings number them.
        let spans = encode_word_spans(term_spans(&a.body).into_iter().map(|(s, _)| s));
        d.add_bytes(f.word_spans, &spans);
        if let Some(o) = &a.outlet {
            d.add_text(f.outlet, o);
        }
        if let Some(p) = &a.published {
            d.add_text(f.published, p);
        }
        if let Some(n) = a.published_date().and_then(date_number) {
            d.add_u64(f.date, n);
        }
        if let Some(s) = &item.story {
            d.add_text(f.story, s);
        }
        if let Some(analysis) = &item.analysis {
            catalogue.add_analysis(analysis, item.story.as_deref());
            let mut ids: Vec<&str> = analysis
                .mentions
                .iter()
                .map(|m| m.entity.as_str())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids.iter().for_each(|e| d.add_text(f.entity, e));
            let marks: Vec<(&str, Span)> = analysis
                .mentions
                .iter()
                .map(|m| (m.entity.as_str(), m.span))
                .collect();
            d.add_text(f.mentions, serde_json::to_string(&marks)?);
        }
        writer.add_document(d)?;
        Ok(())
    })?;
    writer.commit()?;
    writer.wait_merging_threads()?;
    let catalogue = catalogue.finish();
    let cat_path = dir.join(CATALOGUE_FILE);
    std::fs::write(&cat_path, serde_json::to_vec(&catalogue)?).map_err(io("writing", &cat_path))?;
    let meta = Meta {
        version: INDEX_VERSION,
        store: marker.clone(),
    };
    let meta_path = dir.join(META_FILE);
    // Written last: an interrupted rebuild leaves no meta and is rebuilt next time.
    std::fs::write(&meta_path, serde_json::to_vec(&meta)?).map_err(io("writing", &meta_path))?;
    SearchIndex::from_index(index, f, catalogue, dir, marker)
}

/// Opens the index in `dir` when it was built by this version from the store as it is
/// now; otherwise rebuilds it.
pub fn open_or_rebuild(store: &dyn Store, dir: &Path) -> Result<SearchIndex, ServerError> {
    match open_current(store, dir) {
        Ok(Some(index)) => Ok(index),
        // A damaged or stale index is derived data: rebuild rather than fail.
        Ok(None) | Err(_) => reindex(store, dir),
    }
}

fn open_current(store: &dyn Store, dir: &Path) -> Result<Option<SearchIndex>, ServerError> {
    let Ok(meta) = std::fs::read(dir.join(META_FILE)) else {
        return Ok(None);
    };
    let meta: Meta = serde_json::from_slice(&meta)?;
    let marker = store_marker(store)?;
    if meta.version != INDEX_VERSION || meta.store != marker {
        return Ok(None);
    }
    let cat_path = dir.join(CATALOGUE_FILE);
    let catalogue: Catalogue =
        serde_json::from_slice(&std::fs::read(&cat_path).map_err(io("reading", &cat_path))?)?;
    let index = Index::open_in_dir(dir)?;
    index.tokenizers().register(ARABIC, analyzer());
    let (_, fields) = schema();
    Ok(Some(SearchIndex::from_index(
        index, fields, catalogue, dir, marker,
    )?))
}

/// Empties `dir` for a new index, but only if it is empty or holds an index (never a
/// directory someone pointed us at by mistake).
fn clear_dir(dir: &Path) -> Result<(), ServerError> {
    if dir.exists() {
        let ours = dir.join(META_FILE).exists() || dir.join("meta.json").exists();
        let empty = std::fs::read_dir(dir)
            .map_err(io("reading", dir))?
            .next()
            .is_none();
        if !ours && !empty {
            return Err(ServerError::NotAnIndex(dir.to_path_buf()));
        }
        std::fs::remove_dir_all(dir).map_err(io("removing", dir))?;
    }
    std::fs::create_dir_all(dir).map_err(io("creating", dir))
}

fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn filter(q: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0)))
}

impl SearchIndex {
    fn from_index(
        index: Index,
        fields: Fields,
        catalogue: Catalogue,
        dir: &Path,
        marker: String,
    ) -> Result<Self, ServerError> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            reader,
            docs: DocCache::default(),
            fields,
            catalogue,
            dir: dir.to_path_buf(),
            marker,
        })
    }

    /// What the store looked like when this index was built ([`store_marker`]).
    pub fn marker(&self) -> &str {
        &self.marker
    }

    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Ranked hits: every word must match (in any of its forms); a run of words that
    /// spells a known entity matches any article naming that entity in any spelling.
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<Hit>, ServerError> {
        let f = self.fields;
        let units = self.catalogue.expand(&q.q);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut words: Vec<String> = Vec::new();
        let mut entities: Vec<String> = Vec::new();
        for unit in &units {
            match unit {
                QueryUnit::Word(t) => {
                    words.push(t.clone());
                    let either = BooleanQuery::new(vec![
                        (
                            Occur::Should,
                            Box::new(BoostQuery::new(term_query(f.title, t), 2.0))
                                as Box<dyn Query>,
                        ),
                        (Occur::Should, term_query(f.body, t)),
                    ]);
                    clauses.push((Occur::Must, Box::new(either)));
                }
                QueryUnit::Entity {
                    entities: ids,
                    words: phrase,
                } => {
                    words.extend(phrase.iter().cloned());
                    entities.extend(ids.iter().cloned());
                    let mut any: Vec<(Occur, Box<dyn Query>)> = ids
                        .iter()
                        .map(|id| (Occur::Should, term_query(f.entity, id)))
                        .collect();
                    let text: Box<dyn Query> = if phrase.len() > 1 {
                        Box::new(PhraseQuery::new(
                            phrase
                                .iter()
                                .map(|w| Term::from_field_text(f.body, w))
                                .collect(),
                        ))
                    } else {
                        term_query(f.body, &phrase[0])
                    };
                    any.push((Occur::Should, text));
                    clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
                }
            }
        }
        let ranked = !clauses.is_empty();
        if let Some(o) = &q.outlet {
            clauses.push(filter(term_query(f.outlet, o)));
        }
        if let Some(e) = &q.entity {
            clauses.push(filter(term_query(f.entity, e)));
            entities.push(e.clone());
        }
        if let Some(s) = &q.story {
            clauses.push(filter(term_query(f.story, s)));
        }
        let bound = |d: &Option<String>, name: &str| -> Result<Bound<Term>, ServerError> {
            match d {
                None => Ok(Bound::Unbounded),
                Some(d) => date_number(d)
                    .map(|n| Bound::Included(Term::from_field_u64(f.date, n)))
                    .ok_or_else(|| {
                        ServerError::BadRequest(format!(
                            "{name} must be a date YYYY-MM-DD, not {d:?}"
                        ))
                    }),
            }
        };
        let (from, to) = (bound(&q.from, "from")?, bound(&q.to, "to")?);
        if !matches!((&from, &to), (Bound::Unbounded, Bound::Unbounded)) {
            clauses.push(filter(Box::new(RangeQuery::new(from, to))));
        }
        if clauses.is_empty() {
            return Err(ServerError::BadRequest(
                "give words to search for (q) or a filter".into(),
            ));
        }
        if !ranked {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        let query = BooleanQuery::new(clauses);
        let limit = match q.limit {
            0 => 20,
            n => n.min(MAX_HITS),
        };
        let searcher = self.reader.searcher();
        let top = searcher.search(&query, &TopDocs::with_limit(limit))?;
        words.sort_unstable();
        words.dedup();
        let addresses: Vec<_> = top.iter().map(|(_, a)| *a).collect();
        let positions = term_positions(&searcher, f.body, &words, &addresses)?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc = self.docs.get(&searcher, f.stored(), address)?;
            let mut marks = positions
                .get(&address)
                .map_or_else(Vec::new, |p| doc.spans_at(p));
            if !entities.is_empty() {
                marks.extend(
                    doc.mentions()
                        .iter()
                        .filter(|(e, _)| entities.contains(e))
                        .map(|(_, s)| *s),
                );
            }
            hits.push(Hit {
                article: doc.id.clone(),
                title: doc.title.clone(),
                outlet: doc.outlet.clone(),
                published: doc.published.clone(),
                score,
                snippet: snippet(&doc.body, marks),
                story: doc.story.clone(),
            });
        }
        Ok(hits)
    }
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
