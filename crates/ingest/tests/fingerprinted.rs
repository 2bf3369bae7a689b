//! The readers' one-pass id and fingerprint agree with `article_id` and `fingerprint`
//! on real news text.

use std::io::Read;

#[test]
fn read_fingerprinted_agrees_with_the_separate_functions_on_news_text() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/news/antcorpus_multisource_shared.jsonl.gz");
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
        .read_to_string(&mut text)
        .unwrap();
    let sample: String = text.lines().take(2000).collect::<Vec<_>>().join("\n");
    let opts = marsad_ingest::Options::default();
    let mut plain = Vec::new();
    marsad_ingest::read_bytes("ant.jsonl", sample.as_bytes(), &opts, &mut |r| {
        plain.push(r.unwrap())
    });
    let mut fingerprinted = Vec::new();
    marsad_ingest::read_bytes_fingerprinted("ant.jsonl", sample.as_bytes(), &opts, &mut |r| {
        fingerprinted.push(r.unwrap())
    });
    assert_eq!(plain.len(), 2000);
    assert_eq!(fingerprinted.len(), plain.len());
    for (a, (b, fp)) in plain.iter().zip(&fingerprinted) {
        assert_eq!(a, b);
        assert_eq!(b.id, marsad_ingest::article_id(&b.body), "{}", b.source);
        assert_eq!(*fp, marsad_ingest::fingerprint(&b.body), "{}", b.source);
    }
}
