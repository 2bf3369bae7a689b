//! A store filled with the real seed articles plus a small hand-made analysis and two
//! stories, so every route has data. Shared by the API, browser and load tests.
#![allow(dead_code)]

use marsad_model::*;
use marsad_server::{reindex, AppState, SearchIndex};
use marsad_store::{SqliteStore, Store};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

pub const KARABAKH: &str = "local:karabakh";
pub const ARMENIA: &str = "Q399";
pub const AZERBAIJAN: &str = "Q227";
pub const STORY_2022: &str = "story-2022-09-13-border";
pub const STORY_2020: &str = "story-2020-10-13-war";
pub const XSS: &str = "<script>alert(1)</script>";

/// GET `uri` from the router in process: the status and the body as text.
pub async fn get(app: &axum::Router, uri: &str) -> (axum::http::StatusCode, String) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let request = axum::http::Request::get(uri)
        .body(axum::body::Body::empty())
        .expect("request");
    let res = app.clone().oneshot(request).await.expect("router answers");
    let status = res.status();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    (
        status,
        String::from_utf8(bytes.to_vec()).expect("UTF-8 body"),
    )
}

pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds")
}

/// The seed articles by file stem (`000_...`), in file order.
pub fn seed_articles() -> Vec<Article> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .expect("the seeds are in ../shared/seeds")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let body = std::fs::read_to_string(p).expect("seed text");
            let meta: serde_json::Value = serde_json::from_str(
                &std::fs::read_to_string(p.with_extension("meta.json")).expect("seed meta"),
            )
            .expect("seed meta is JSON");
            let s = |k: &str| meta.get(k).and_then(|v| v.as_str()).map(str::to_string);
            let title = body
                .lines()
                .next()
                .map(|l| l.chars().take(90).collect::<String>());
            article(
                &body,
                p.display().to_string(),
                s("outlet"),
                s("published"),
                title,
                s("url"),
            )
        })
        .collect()
}

pub fn article(
    body: &str,
    source: String,
    outlet: Option<String>,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
) -> Article {
    let id = hex::encode(&Sha256::digest(body.as_bytes())[..8]);
    Article {
        id,
        source,
        format: SourceFormat::Text,
        outlet,
        url,
        published,
        title,
        body: body.to_string(),
        language: "ar".into(),
        boilerplate: vec![],
        near_duplicate_of: None,
    }
}

/// A fingerprint unique to the article, so no two seeds look like near-duplicates.
fn fingerprint(a: &Article) -> Fingerprint {
    let h = Sha256::digest(a.id.as_bytes());
    Fingerprint {
        minhash: (0..64u32)
            .map(|i| u32::from(h[(i % 32) as usize]) * 1000 + i)
            .collect(),
    }
}

pub fn span_of(body: &str, needle: &str) -> Span {
    let at = body
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is in the text"));
    Span::new(at, at + needle.len())
}

/// The sentence (as `marsad_text` cuts them) that holds `span`.
pub fn sentence_of(body: &str, span: Span) -> Span {
    marsad_text::sentences(body)
        .into_iter()
        .find(|s| s.contains(&span))
        .unwrap_or(span)
}

fn entities() -> Vec<Entity> {
    vec![
        Entity {
            id: KARABAKH.into(),
            kind: EntityType::Location,
            label: "Nagorno-Karabakh".into(),
            names: vec!["ناغورنو كاراباخ".into()],
            coordinates: Some((39.82, 46.75)),
            side: None,
        },
        Entity {
            id: ARMENIA.into(),
            kind: EntityType::Location,
            label: "Armenia".into(),
            names: vec!["أرمينيا".into()],
            coordinates: Some((40.18, 44.51)),
            side: Some("Armenia".into()),
        },
        Entity {
            id: AZERBAIJAN.into(),
            kind: EntityType::Location,
            label: "Azerbaijan".into(),
            names: vec!["أذربيجان".into()],
            coordinates: Some((40.41, 49.87)),
            side: Some("Azerbaijan".into()),
        },
    ]
}

/// Mentions of the three entities wherever one of their spellings is written
/// (longest spellings first, no overlaps).
fn mentions(body: &str) -> Vec<Mention> {
    let spellings: [(&str, &str); 8] = [
        ("ناجورنو قرة باغ", KARABAKH),
        ("ناغورني قره باغ", KARABAKH),
        ("ناغورنو كاراباخ", KARABAKH),
        ("قره باغ", KARABAKH),
        ("كاراباخ", KARABAKH),
        ("أرمينيا", ARMENIA),
        ("أذربيجان", AZERBAIJAN),
        ("باكو", AZERBAIJAN),
    ];
    let mut out: Vec<Mention> = Vec::new();
    for (text, entity) in spellings {
        for (at, _) in body.match_indices(text) {
            let span = Span::new(at, at + text.len());
            if out.iter().any(|m| m.span.overlaps(&span)) {
                continue;
            }
            out.push(Mention {
                span,
                text: text.into(),
                kind: EntityType::Location,
                entity: entity.into(),
            });
        }
    }
    out.sort_by_key(|m| m.span);
    out
}

fn claim(
    body: &str,
    text: &str,
    count: u64,
    qualifier: Qualifier,
    victims: &str,
    side: &str,
    source: &str,
) -> Claim {
    let span = span_of(body, text);
    Claim {
        span,
        sentence: sentence_of(body, span),
        text: text.into(),
        count: Some(count),
        vague: false,
        qualifier,
        kind: LossKind::Killed,
        victims: victims.into(),
        side: Some(side.into()),
        source: ClaimSource {
            entity: None,
            label: source.into(),
            span: None,
            side: Some(side.into()),
        },
    }
}

fn fight(body: &str, text: &str, date: &str) -> Event {
    let span = span_of(body, text);
    Event {
        span,
        sentence: sentence_of(body, span),
        kind: "ASSAULT".into(),
        mode: Some("firearms".into()),
        actors: vec![Actor {
            entity: AZERBAIJAN.into(),
            label: "Azerbaijan".into(),
            side: Some("Azerbaijan".into()),
        }],
        target: Some(Actor {
            entity: ARMENIA.into(),
            label: "Armenia".into(),
            side: Some("Armenia".into()),
        }),
        mediator: None,
        date: Some(date.into()),
        location: Some(Place {
            entity: KARABAKH.into(),
            label: "Nagorno-Karabakh".into(),
            coordinates: Some((39.82, 46.75)),
        }),
        background: false,
    }
}

pub struct Fixture {
    pub articles: Vec<Article>,
    pub analyses: Vec<Analysis>,
    pub stories: Vec<Story>,
}

pub fn fixture() -> Fixture {
    let mut articles = seed_articles();
    articles.push(article(
        &format!("خبر تجريبي عن أذربيجان فيه نص خطر {XSS} لا يجوز تنفيذه."),
        "test://xss".into(),
        Some(XSS.into()),
        Some("2022-09-14".into()),
        Some(format!("عنوان {XSS}")),
        None,
    ));
    let mut analyses: Vec<Analysis> = articles
        .iter()
        .map(|a| Analysis {
            article: a.id.clone(),
            sentences: marsad_text::sentences(&a.body),
            mentions: mentions(&a.body),
            entities: entities(),
            ..Analysis::default()
        })
        .collect();
    let (a0, a1, a2) = (&articles[0], &articles[1], &articles[2]);
    analyses[0].claims.push(claim(
        &a0.body,
        "قتل 49 جنديا أرمينيا",
        49,
        Qualifier::AtLeast,
        "soldiers",
        "Armenia",
        "Armenia",
    ));
    analyses[0]
        .events
        .push(fight(&a0.body, "اشتباكات حدودية دامية", "2022-09-13"));
    analyses[1].claims.push(claim(
        &a1.body,
        "مقتل نحو 100 عسكري",
        100,
        Qualifier::About,
        "soldiers",
        "Armenia",
        "outlet",
    ));
    analyses[2].claims.push(claim(
        &a2.body,
        "مقتل 38 جنديا أرمينيا",
        38,
        Qualifier::Exact,
        "soldiers",
        "Armenia",
        "Ministry of Defence (Azerbaijan)",
    ));
    let report = |a: &Article, c: &Claim| FactReport {
        count: c.count,
        qualifier: c.qualifier,
        source: c.source.label.clone(),
        source_side: c.source.side.clone(),
        article: a.id.clone(),
        outlet: a.outlet.clone(),
        span: c.span,
        text: c.text.clone(),
    };
    let ev = &analyses[0].events[0];
    let story_2022 = Story {
        id: STORY_2022.into(),
        articles: vec![a0.id.clone(), a1.id.clone(), articles[4].id.clone()],
        headline: Some("اشتباكات حدودية بين أذربيجان وأرمينيا".into()),
        first_date: Some("2022-09-13".into()),
        last_date: Some("2022-09-13".into()),
        outlets: vec!["Arabi21".into(), "Sonar Media Center".into()],
        entities: vec![StoryEntity {
            entity: KARABAKH.into(),
            label: "Nagorno-Karabakh".into(),
            mentions: 4,
            spellings: vec!["ناجورنو قرة باغ".into(), "قره باغ".into(), "كاراباخ".into()],
        }],
        timeline: vec![TimelineEntry {
            date: "2022-09-13".into(),
            article: a0.id.clone(),
            outlet: a0.outlet.clone(),
            span: ev.sentence,
            text: ev.sentence.slice(&a0.body).unwrap_or_default().to_string(),
            event_type: Some("ASSAULT".into()),
            background: false,
        }],
        facts: vec![Fact {
            kind: LossKind::Killed,
            victims: "soldiers".into(),
            side: Some("Armenia".into()),
            reports: vec![
                report(a0, &analyses[0].claims[0]),
                report(a1, &analyses[1].claims[0]),
            ],
            conflict: true,
        }],
        summary: vec![SummarySentence {
            article: a0.id.clone(),
            span: analyses[0].claims[0].sentence,
            text: analyses[0].claims[0]
                .sentence
                .slice(&a0.body)
                .unwrap_or_default()
                .to_string(),
        }],
    };
    let story_2020 = Story {
        id: STORY_2020.into(),
        articles: vec![a2.id.clone()],
        headline: Some("معارك قره باغ".into()),
        first_date: Some("2020-10-13".into()),
        last_date: Some("2020-10-13".into()),
        outlets: vec!["Al Jazeera".into()],
        facts: vec![Fact {
            kind: LossKind::Killed,
            victims: "soldiers".into(),
            side: Some("Armenia".into()),
            reports: vec![report(a2, &analyses[2].claims[0])],
            conflict: false,
        }],
        ..Story::default()
    };
    Fixture {
        articles,
        analyses,
        stories: vec![story_2022, story_2020],
    }
}

/// The fixture in a SQLite store under `dir`.
pub fn filled_store(dir: &Path) -> (SqliteStore, Fixture) {
    let fx = fixture();
    let mut store = SqliteStore::open(dir).expect("store opens");
    let batch: Vec<(Article, Fingerprint)> = fx
        .articles
        .iter()
        .map(|a| (a.clone(), fingerprint(a)))
        .collect();
    store.insert_articles(&batch).expect("articles stored");
    store.put_analyses(&fx.analyses).expect("analyses stored");
    store.replace_stories(&fx.stories).expect("stories stored");
    (store, fx)
}

/// App state over a filled store in `dir`, with its search index built.
pub fn app(dir: &Path) -> (AppState, Fixture) {
    let (store, fx) = filled_store(dir);
    let index: SearchIndex = reindex(&store, &dir.join("search")).expect("index builds");
    (AppState::new(Box::new(store), index), fx)
}
