//! What a search hit shows of a document, read from the index's document store once and
//! kept with the index: popular articles come up in many searches, and reading one back
//! (decompressing its block, copying its body, decoding its word spans) costs more than
//! ranking it.
//!
//! Where the query's words are in a hit's body comes from the index itself: the body's
//! postings give each matching word's position, and the stored word spans turn a
//! position into bytes of the body. No body is analysed again at search time.
//!
//! Addresses are stable because an index's reader is never reloaded: a rebuilt index is
//! a new [`crate::SearchIndex`] with an empty cache.

use crate::ServerError;
use marsad_model::Span;
use rustc_hash::FxHashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use tantivy::postings::Postings;
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, DocSet, Searcher, TantivyDocument, Term, TERMINATED};

/// Most documents kept; the cache starts over when full. A news article with its word
/// spans and mentions takes about 6 KB here (the news sample: 2.6 KB of body, 8 bytes a
/// word), so at most about 12 MB.
const MAX_DOCS: usize = 2048;

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
    pub word_spans: Field,
}

pub(crate) struct StoredDoc {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub story: Option<String>,
    pub body: String,
    /// Byte span in the body of the word at each index position.
    word_spans: Vec<(u32, u32)>,
    /// The stored mentions, decoded the first time a search names an entity.
    mentions_json: String,
    mentions: OnceLock<Vec<(String, Span)>>,
}

impl StoredDoc {
    /// (entity id, span) of every mention.
    pub fn mentions(&self) -> &[(String, Span)] {
        self.mentions
            .get_or_init(|| serde_json::from_str(&self.mentions_json).unwrap_or_default())
    }

    /// The body spans of the words at these index positions.
    pub fn spans_at(&self, positions: &[u32]) -> Vec<Span> {
        positions
            .iter()
            .filter_map(|&p| self.word_spans.get(p as usize))
            .map(|&(s, e)| Span::new(s as usize, e as usize))
            .collect()
    }
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
    let spans = d
        .get_first(f.word_spans)
        .and_then(|v| v.as_bytes())
        .unwrap_or_default();
    Ok(StoredDoc {
        id: text(f.id).unwrap_or_default(),
        title: text(f.title).filter(|t| !t.is_empty()),
        outlet: text(f.outlet),
        published: text(f.published),
        story: text(f.story),
        body: text(f.body).unwrap_or_default(),
        word_spans: decode_word_spans(spans),
        mentions_json: text(f.mentions).unwrap_or_default(),
        mentions: OnceLock::new(),
    })
}

/// Index positions in `field` of any of `terms`, for each of `hits`, in order.
pub(crate) fn term_positions(
    searcher: &Searcher,
    field: Field,
    terms: &[String],
    hits: &[DocAddress],
) -> Result<FxHashMap<DocAddress, Vec<u32>>, ServerError> {
    let mut found: FxHashMap<DocAddress, Vec<u32>> = FxHashMap::default();
    let mut segments: Vec<u32> = hits.iter().map(|a| a.segment_ord).collect();
    segments.sort_unstable();
    segments.dedup();
    let mut buffer = Vec::new();
    for segment in segments {
        // Postings only move forward: visit this segment's hits by document order.
        let mut docs: Vec<u32> = hits
            .iter()
            .filter(|a| a.segment_ord == segment)
            .map(|a| a.doc_id)
            .collect();
        docs.sort_unstable();
        let inverted = searcher.segment_reader(segment).inverted_index(field)?;
        for term in terms {
            let term = Term::from_field_text(field, term);
            let Some(mut postings) =
                inverted.read_postings(&term, IndexRecordOption::WithFreqsAndPositions)?
            else {
                continue;
            };
            for &doc in &docs {
                if postings.doc() == TERMINATED {
                    break;
                }
                if postings.doc() < doc && postings.seek(doc) != doc {
                    continue;
                }
                if postings.doc() == doc {
                    postings.positions(&mut buffer);
                    found
                        .entry(DocAddress::new(segment, doc))
                        .or_default()
                        .extend_from_slice(&buffer);
                }
            }
        }
    }
    for positions in found.values_mut() {
        positions.sort_unstable();
        positions.dedup();
    }
    Ok(found)
}

/// Word spans as stored: for each word, the gap from the previous word's end and its
/// length, as LEB128 numbers (news words are short and close, so mostly two bytes).
pub(crate) fn encode_word_spans(spans: impl IntoIterator<Item = Span>) -> Vec<u8> {
    fn put(mut n: usize, out: &mut Vec<u8>) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(byte);
                return;
            }
            out.push(byte | 0x80);
        }
    }
    let mut out = Vec::new();
    let mut last_end = 0usize;
    for s in spans {
        put(s.start.saturating_sub(last_end), &mut out);
        put(s.end.saturating_sub(s.start), &mut out);
        last_end = s.end;
    }
    out
}

fn decode_word_spans(bytes: &[u8]) -> Vec<(u32, u32)> {
    let mut numbers = Vec::with_capacity(bytes.len() / 2);
    let (mut n, mut shift) = (0u32, 0u32);
    for &b in bytes {
        n |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
        shift += 7;
        if b & 0x80 == 0 {
            numbers.push(n);
            (n, shift) = (0, 0);
        }
    }
    let mut spans = Vec::with_capacity(numbers.len() / 2);
    let mut last_end = 0u32;
    for pair in numbers.chunks_exact(2) {
        let start = last_end.saturating_add(pair[0]);
        let end = start.saturating_add(pair[1]);
        spans.push((start, end));
        last_end = end;
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::term_spans;

    #[test]
    fn word_spans_come_back_as_stored() {
        let body = format!(
            "قالت وزارةُ الدفاع، الثلاثاء: 49 جنديا {} OSCE نهاية",
            "كلام ".repeat(100)
        );
        let spans: Vec<Span> = term_spans(&body).into_iter().map(|(s, _)| s).collect();
        let back: Vec<Span> = decode_word_spans(&encode_word_spans(spans.iter().copied()))
            .into_iter()
            .map(|(s, e)| Span::new(s as usize, e as usize))
            .collect();
        assert_eq!(back, spans);
    }
}
