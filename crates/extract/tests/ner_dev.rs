//! Scores the compiled-in NER model on the dev split (the last 10% of the ANERcorp
//! training sentences, held out from training), so a broken or degraded model fails CI:
//! sentence by sentence (`tag`) and with neighbouring sentences as context.

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
    let tokens: Vec<Vec<&str>> = dev
        .iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect();
    let mut alone = Scorer::default();
    let mut in_context = Scorer::default();
    let tagged = model.tag_in_context(&tokens, 10);
    for ((s, t), ctx) in dev.iter().zip(&tokens).zip(&tagged) {
        alone.add(&s.tags, &model.tag(t));
        in_context.add(&s.tags, ctx);
    }
    let ctx = in_context.scores();
    println!("with ±10 sentences of context:\n{ctx}");
    assert!(
        ctx.overall.f1 >= 0.77,
        "dev F1 in context {:.4} fell\n{ctx}",
        ctx.overall.f1
    );
    let scores = alone.scores();
    println!("each sentence alone:\n{scores}");
    assert!(
        scores.overall.f1 >= 0.745,
        "dev F1 {:.4} fell\n{scores}",
        scores.overall.f1
    );
    assert!(scores.loc.f1 >= 0.80, "{scores}");
    assert!(scores.pers.f1 >= 0.70, "{scores}");
    assert!(scores.org.f1 >= 0.62, "{scores}");
    assert!(ctx.org.f1 >= 0.66, "{ctx}");
}
