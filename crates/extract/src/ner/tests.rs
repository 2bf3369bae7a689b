//! Behaviour of the compiled-in model on real news sentences (ANT corpus, not seeds),
//! and of training and saving on a tiny corpus.

use super::*;

fn entities(sentence: &str) -> Vec<(String, &'static str)> {
    let tokens = split_tokens(sentence);
    NerModel::embedded()
        .entities(&tokens)
        .iter()
        .map(|s| (tokens[s.start..s.end].join(" "), s.class.as_str()))
        .collect()
}

fn owned(xs: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    xs.iter().map(|(t, c)| (t.to_string(), *c)).collect()
}

#[test]
fn tags_people_and_places_in_news_sentences() {
    assert_eq!(
        entities("قال الرئيس الفرنسي إيمانويل ماكرون الأربعاء خلال كلمة أمام المشاركين في منتدى دافوس، إن \"فرنسا عادت\" بالإنكليزية على وقع تصفيق الحضور."),
        owned(&[("إيمانويل ماكرون", "PERS"), ("فرنسا", "LOC")])
    );
    assert_eq!(
        entities("وكان ماكرون أعلن في وقت سابق أمام صحافيين في بكين \"أنها مسألة سيتم وضع اللمسات الأخيرة عليها قريبا، لكن الرئيس الصيني شي جينبينغ أكدها لي\"."),
        owned(&[("ماكرون", "PERS"), ("بكين", "LOC"), ("شي جينبينغ", "PERS")])
    );
}

#[test]
fn tags_organisations_in_news_sentences() {
    assert_eq!(
        entities("وأضافت أن \"إيمانويل ماكرون غير بشكل جذري الديناميكية والوتيرة وتطلعات الاتحاد الأوروبي\"."),
        owned(&[("إيمانويل ماكرون", "PERS"), ("الاتحاد الأوروبي", "ORG")])
    );
}

#[test]
fn tagging_is_well_formed_iob2_on_any_input() {
    let model = NerModel::embedded();
    for text in ["", "،،،", "a b c 123", "I-LOC B-PERS", "و ال ب"] {
        let tokens = split_tokens(text);
        let tags = model.tag(&tokens);
        assert_eq!(tags.len(), tokens.len());
        let mut prev = None;
        for t in tags {
            assert!(t.may_follow(prev), "{text:?}");
            prev = Some(t);
        }
    }
}

#[test]
fn tag_document_keeps_sentence_shapes_and_well_formed_tags() {
    let text = [
        "قال الرئيس الفرنسي إيمانويل ماكرون إن فرنسا عادت .",
        "وأضاف ماكرون في باريس .",
    ];
    let sentences: Vec<Vec<&str>> = text.iter().map(|t| split_tokens(t)).collect();
    let model = NerModel::embedded();
    let tagged = model.tag_document(&sentences);
    assert_eq!(tagged.len(), 2);
    for (s, tags) in sentences.iter().zip(&tagged) {
        assert_eq!(s.len(), tags.len());
        assert!(tags
            .iter()
            .zip(std::iter::once(None).chain(tags.iter().map(Some)))
            .all(|(t, p)| t.may_follow(p.copied())));
    }
    let names: Vec<String> = spans(&tagged[1])
        .iter()
        .map(|s| {
            format!(
                "{} {}",
                sentences[1][s.start..s.end].join(" "),
                s.class.as_str()
            )
        })
        .collect();
    assert_eq!(names, vec!["ماكرون PERS", "باريس LOC"]);
}

fn tiny_config(dir: &std::path::Path) -> TrainConfig {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let full =
        std::fs::read_to_string(root.join("../shared/data/ner/ANERcorp_CamelLabSplit_train.conll"))
            .expect("shared ANERcorp");
    let tiny: Vec<&str> = full.split("\n\n").take(150).collect();
    let path = dir.join("tiny.conll");
    std::fs::write(&path, tiny.join("\n\n")).expect("write tiny corpus");
    TrainConfig {
        train: vec![path],
        lexicon_dir: root.join("data/ner"),
        epochs: 3,
        hash_bits: 16,
        dev_fraction: 0.2,
        ..TrainConfig::default()
    }
}

#[test]
fn training_is_deterministic_for_a_seed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = tiny_config(dir.path());
    let (a, report) = train(&cfg, &mut |_| {}).expect("train");
    let (b, _) = train(&cfg, &mut |_| {}).expect("train");
    assert_eq!(a.to_bytes().expect("bytes"), b.to_bytes().expect("bytes"));
    assert_eq!(report.dev_sentences, 30);
    assert_eq!(report.dev_f1_by_epoch.len(), 3);
    let other = TrainConfig { seed: 7, ..cfg };
    let (c, _) = train(&other, &mut |_| {}).expect("train");
    assert_ne!(a.to_bytes().expect("bytes"), c.to_bytes().expect("bytes"));
}

#[test]
fn save_and_load_round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (model, _) = train(&tiny_config(dir.path()), &mut |_| {}).expect("train");
    let path = dir.path().join("ner.bin");
    model.save(&path).expect("save");
    let loaded = NerModel::load(&path).expect("load");
    assert_eq!(loaded, model);
    let embedded = NerModel::embedded();
    let again = NerModel::from_bytes(&embedded.to_bytes().expect("bytes")).expect("parse");
    assert_eq!(&again, embedded);
}

#[test]
fn wrong_files_are_clear_errors() {
    let err = NerModel::from_bytes(b"not a model").unwrap_err();
    assert!(err.to_string().contains("bad magic"), "{err}");
    let mut bytes = NerModel::embedded().to_bytes().expect("bytes");
    bytes[9] = 99;
    let err = NerModel::from_bytes(&bytes).unwrap_err();
    assert!(err.to_string().contains("version 99"), "{err}");
    let bytes = NerModel::embedded().to_bytes().expect("bytes");
    let err = NerModel::from_bytes(&bytes[..bytes.len() / 2]).unwrap_err();
    assert!(err.to_string().contains("corrupt"), "{err}");
}
