//! Clustering the five seed articles: the three outlets of 13 September 2022 form one
//! story, the 2020 and 2023 articles one each.

use marsad_model::{Article, SourceFormat};
use marsad_stories::{Clusterer, Config};
use std::path::Path;

fn seed(stem: &str) -> Article {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let body = std::fs::read_to_string(dir.join(format!("{stem}.txt"))).expect("seed text");
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(format!("{stem}.meta.json"))).expect("meta"),
    )
    .expect("meta json");
    Article {
        id: stem.into(),
        source: stem.into(),
        format: SourceFormat::Text,
        outlet: meta["outlet"].as_str().map(str::to_string),
        url: None,
        published: meta["published"].as_str().map(str::to_string),
        title: None,
        body,
        language: "ar".into(),
        boilerplate: vec![],
        near_duplicate_of: None,
    }
}

#[test]
fn seeds_form_three_stories() {
    let mut seeds: Vec<Article> = [
        "000_d6bff01f9c519046",
        "001_23c987c6e183ef7a",
        "002_deab7d3353f7183d",
        "003_d3b67b0a1e3d3434",
        "004_ca90cbeb1c1cfbf9",
    ]
    .iter()
    .map(|s| seed(s))
    .collect();
    seeds.sort_by(|a, b| a.published.cmp(&b.published));
    let mut c = Clusterer::new(Config::default());
    let mut story_of = std::collections::HashMap::new();
    for a in &seeds {
        story_of.insert(a.id.clone(), c.add(a, None));
    }
    assert_eq!(c.story_count(), 3);
    let s2022 = story_of["000_d6bff01f9c519046"];
    assert_eq!(story_of["001_23c987c6e183ef7a"], s2022);
    assert_eq!(story_of["004_ca90cbeb1c1cfbf9"], s2022);
    assert_ne!(story_of["002_deab7d3353f7183d"], s2022);
    assert_ne!(story_of["003_d3b67b0a1e3d3434"], s2022);
}
