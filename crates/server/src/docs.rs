//! What a search hit shows of a document, read from the index's document store once and
//! kept with the index: popular articles come up in many searches, and reading one back
//! (decompressing its block, copying its body, decoding its mention spans, finding its
//! terms) costs more than ranking it.
//!
//! Addresses are stable because an index's reader is never reloaded: a rebuilt index is
//! a new [`crate::SearchIndex`] with an empty cache.

use crate::analyzer::term_spans;
use crate::ServerError;
use marsad_model::Span;
use rustc_hash::FxHashMap;
use std::sync::{Arc, Mutex, PoisonError};
use tantivy::schema::{Field, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument};

/// Most documents kept; the cache starts over when full. A news article with its terms
/// takes about 17 KB here, so at most about 17 MB.
const MAX_DOCS: usize = 1024;

/// The stored fields a hit needs.
#[derive(Clone, Copy)]
pub(crate) struct DocFields {
    pub id: Field,
    pub title: Field,
    pub body: Field,
    pub outlet: Field,
    pub published: Field,
    pub story: Field,
    pub mentions: Field,
}

pub(crate) struct StoredDoc {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub story: Option<String>,
    pub body: String,
    /// Every word's search term and where it is in the body, in order.
    pub terms: Vec<(Span, Box<str>)>,
    /// (entity id, span) of every mention.
    pub mentions: Vec<(String, Span)>,
}

#[derive(Default)]
pub(crate) struct DocCache {
    docs: Mutex<FxHashMap<DocAddress, Arc<StoredDoc>>>,
}

impl DocCache {
    pub fn get(
        &self,
        searcher: &Searcher,
        f: DocFields,
        address: DocAddress,
    ) -> Result<Arc<StoredDoc>, ServerError> {
        let known = {
            let docs = self.docs.lock().unwrap_or_else(PoisonError::into_inner);
            docs.get(&address).cloned()
        };
        if let Some(doc) = known {
            return Ok(doc);
        }
        let doc = Arc::new(read(searcher, f, address)?);
        let mut docs = self.docs.lock().unwrap_or_else(PoisonError::into_inner);
        if docs.len() >= MAX_DOCS {
            docs.clear();
        }
        docs.insert(address, Arc::clone(&doc));
        Ok(doc)
    }
}

fn read(searcher: &Searcher, f: DocFields, address: DocAddress) -> Result<StoredDoc, ServerError> {
    let d: TantivyDocument = searcher.doc(address)?;
    let text = |field: Field| {
        d.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let body = text(f.body).unwrap_or_default();
    Ok(StoredDoc {
        id: text(f.id).unwrap_or_default(),
        title: text(f.title).filter(|t| !t.is_empty()),
        outlet: text(f.outlet),
        published: text(f.published),
        story: text(f.story),
        terms: term_spans(&body),
        mentions: text(f.mentions)
            .and_then(|m| serde_json::from_str(&m).ok())
            .unwrap_or_default(),
        body,
    })
}
