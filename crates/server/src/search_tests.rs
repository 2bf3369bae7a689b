//! The word marks a search takes from the index (postings positions through stored word
//! spans) are exactly the words the analyzer finds in the body.

use super::*;
use crate::analyzer::terms;
use tantivy::DocAddress;

fn seed_bodies() -> Vec<String> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let mut bodies: Vec<String> = std::fs::read_dir(&seeds)
        .map(|dir| {
            dir.flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    bodies.push("OSCE Minsk\u{a0}قمة ـ واس\tالرياض\r\n(باكو) 12, 13 «يريفان» وأذربيجان".into());
    bodies
}

#[test]
fn marks_from_the_index_are_the_analyzers_words() {
    let bodies = seed_bodies();
    assert!(bodies.len() > 3, "the seeds are in ../shared/seeds");
    let (schema, f) = schema();
    let index = Index::create_in_ram(schema);
    index.tokenizers().register(ARABIC, analyzer());
    let mut writer: tantivy::IndexWriter = index.writer(WRITER_HEAP).expect("writer");
    for (i, body) in bodies.iter().enumerate() {
        let spans = encode_word_spans(term_spans(body).into_iter().map(|(s, _)| s));
        let mut d = doc!(f.id => i.to_string(), f.body => body.clone());
        d.add_bytes(f.word_spans, &spans);
        writer.add_document(d).expect("document");
    }
    writer.commit().expect("commit");
    let searcher = index.reader().expect("reader").searcher();
    let cache = DocCache::default();
    let addresses: Vec<DocAddress> = searcher
        .segment_readers()
        .iter()
        .enumerate()
        .flat_map(|(s, r)| (0..r.max_doc()).map(move |d| DocAddress::new(s as u32, d)))
        .collect();
    assert_eq!(addresses.len(), bodies.len());
    // Words common and rare, Arabic and not, with and without proclitics.
    let query = "الاتفاق وأذربيجان أرمينيا باكو قال الرئيس OSCE 12 غزة الأمم قتلى";
    let words: Vec<String> = terms(query).into_iter().map(|(t, _)| t).collect();
    let positions = term_positions(&searcher, f.body, &words, &addresses).expect("positions");
    let mut marked = 0;
    for address in addresses {
        let doc = cache.get(&searcher, f.stored(), address).expect("doc");
        let from_index = positions
            .get(&address)
            .map_or_else(Vec::new, |p| doc.spans_at(p));
        let analysed: Vec<Span> = term_spans(&doc.body)
            .into_iter()
            .filter(|(_, t)| words.iter().any(|w| w.as_str() == &**t))
            .map(|(s, _)| s)
            .collect();
        assert_eq!(from_index, analysed, "document {}", doc.id);
        marked += analysed.len();
    }
    assert!(marked > 20, "only {marked} words marked");
}
