//! Scores the compiled-in NER model on the dev split (the last 10% of the ANERcorp
//! training sentences, held out from training), so a broken or degraded model fails CI.

use marsad_extract::ner::{dev_split, read_conll, NerModel, Scorer};
use std::path::Path;

#[test]
fn embedded_model_scores_on_the_dev_split() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/ner/ANERcorp_CamelLabSplit_train.conll");
    let sentences = read_conll(&path).expect("ANERcorp train file in shared/data");
    let dev = dev_split(&sentences, 0.1);
    assert_eq!(dev.len(), 396);
    let model = NerModel::embedded();
    let mut scorer = Scorer::default();
    for s in dev {
        let tokens: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        scorer.add(&s.tags, &model.tag(&tokens));
    }
    let scores = scorer.scores();
    println!("{scores}");
    assert!(
        scores.overall.f1 >= 0.72,
        "dev F1 {:.4} fell\n{scores}",
        scores.overall.f1
    );
    assert!(scores.loc.f1 >= 0.80, "{scores}");
    assert!(scores.pers.f1 >= 0.62, "{scores}");
    assert!(scores.org.f1 >= 0.55, "{scores}");
}
