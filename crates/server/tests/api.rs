//! The JSON API and the pages, in process, on a store filled with the seed articles.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use marsad_server::{router, routes};
use serde_json::Value;
use tower::ServiceExt;

async fn get_json(app: &axum::Router, uri: &str) -> (StatusCode, Value) {
    let (status, body) = get(app, uri).await;
    (
        status,
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("{uri}: {e}: {body}")),
    )
}

fn enc(s: &str) -> String {
    marsad_server::html::url_encode(s)
}

fn setup() -> (tempfile::TempDir, axum::Router, Fixture) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (state, fx) = app(dir.path());
    (dir, router(state), fx)
}

fn hit_ids(v: &Value) -> Vec<String> {
    v["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["article"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn one_spelling_finds_every_spelling_through_the_entity() {
    let (_d, app, fx) = setup();
    let (status, v) = get_json(&app, &format!("/api/search?q={}", enc("ناغورنو كاراباخ"))).await;
    assert_eq!(status, StatusCode::OK);
    let ids = hit_ids(&v);
    // 000 writes ناجورنو قرة باغ, 002 ناغورني قره باغ, 003 ناغورنو كاراباخ.
    for i in [0, 2, 3] {
        assert!(
            ids.contains(&fx.articles[i].id),
            "article {i} missing from {ids:?}"
        );
    }
    let h000 = v["hits"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|h| h["article"] == fx.articles[0].id.as_str());
    let snippet = h000.and_then(|h| h["snippet"].as_str()).unwrap_or_default();
    // The match is marked in the article's own spelling, not the query's.
    assert!(
        [
            "<mark>ناجورنو قرة باغ",
            "<mark>ناغورني قره باغ",
            "<mark>قره باغ"
        ]
        .iter()
        .any(|m| snippet.contains(m)),
        "{snippet}"
    );
}

#[tokio::test]
async fn words_match_with_proclitics_and_filters_narrow() {
    let (_d, app, fx) = setup();
    // وأذربيجان, لأذربيجان... all found by أذربيجان.
    let (_, v) = get_json(&app, &format!("/api/search?q={}&limit=50", enc("أذربيجان"))).await;
    assert!(hit_ids(&v).len() >= 5, "{v}");
    let (_, v) = get_json(
        &app,
        &format!("/api/search?q={}&outlet=Arabi21", enc("أذربيجان")),
    )
    .await;
    assert_eq!(hit_ids(&v), vec![fx.articles[0].id.clone()]);
    let (_, v) = get_json(
        &app,
        &format!(
            "/api/search?q={}&from=2020-01-01&to=2020-12-31",
            enc("أذربيجان")
        ),
    )
    .await;
    assert_eq!(hit_ids(&v), vec![fx.articles[2].id.clone()]);
    let (_, v) = get_json(
        &app,
        &format!("/api/search?q={}&story={STORY_2022}", enc("أذربيجان")),
    )
    .await;
    assert_eq!(hit_ids(&v).len(), 3);
    let (_, v) = get_json(
        &app,
        &format!("/api/search?entity={KARABAKH}&from=2023-01-01"),
    )
    .await;
    assert_eq!(hit_ids(&v), vec![fx.articles[3].id.clone()]);
    let (status, v) = get_json(
        &app,
        &format!("/api/search?q={}&from=13-09-2022", enc("باكو")),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(v["error"].as_str().is_some_and(|e| e.contains("from")));
    let (status, _) = get_json(&app, "/api/search?q=").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn lists_are_paged_and_capped() {
    let (_d, app, fx) = setup();
    let (status, v) = get_json(&app, "/api/articles?limit=100000").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["total"], fx.articles.len());
    assert_eq!(
        v["articles"].as_array().map(Vec::len),
        Some(fx.articles.len())
    );
    let (_, v) = get_json(&app, "/api/articles?limit=2&offset=1").await;
    assert_eq!(v["articles"].as_array().map(Vec::len), Some(2));
    let (status, v) = get_json(&app, "/api/articles?limit=lots").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(v["error"].is_string());
    let (_, v) = get_json(&app, "/api/stories?outlet=Arabi21").await;
    assert_eq!(v["total"], 1);
    assert_eq!(v["stories"][0]["id"], STORY_2022);
    let (_, v) = get_json(&app, "/api/stories?to=2021-01-01").await;
    assert_eq!(v["stories"][0]["id"], STORY_2020);
    let (_, v) = get_json(&app, &format!("/api/stories?entity={KARABAKH}")).await;
    assert_eq!(v["total"], 1);
}

#[tokio::test]
async fn an_article_comes_with_its_annotations_and_story() {
    let (_d, app, fx) = setup();
    let a = &fx.articles[0];
    let (status, v) = get_json(&app, &format!("/api/articles/{}", a.id)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["article"]["body"], a.body.as_str());
    assert_eq!(v["story"], STORY_2022);
    let claim = &v["analysis"]["claims"][0];
    let (s, e) = (
        claim["span"]["start"].as_u64().unwrap_or(0) as usize,
        claim["span"]["end"].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(&a.body[s..e], "قتل 49 جنديا أرمينيا");
    let (status, v) = get_json(&app, "/api/articles/nope").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(v["error"].as_str().is_some_and(|e| e.contains("nope")));
    let (status, _) = get_json(&app, "/api/no/such/route").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn stories_and_entities() {
    let (_d, app, _fx) = setup();
    let (_, v) = get_json(&app, &format!("/api/stories/{STORY_2022}")).await;
    assert_eq!(v["facts"][0]["reports"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["facts"][0]["conflict"], true);
    let (status, _) = get_json(&app, "/api/stories/none").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, v) = get_json(&app, &format!("/api/entities/{}", enc(KARABAKH))).await;
    let spellings: Vec<&str> = v["spellings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["text"].as_str())
        .collect();
    for s in [
        "ناجورنو قرة باغ",
        "ناغورني قره باغ",
        "ناغورنو كاراباخ",
        "كاراباخ",
    ] {
        assert!(spellings.contains(&s), "{s} not in {spellings:?}");
    }
    let stories: Vec<&str> = v["stories"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_str())
        .collect();
    assert!(
        stories.contains(&STORY_2022) && stories.contains(&STORY_2020),
        "{stories:?}"
    );
    let (_, v) = get_json(&app, "/api/entities?limit=2").await;
    assert_eq!(v["total"], 3);
    assert_eq!(v["entities"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn exports_load_as_csv_and_geojson() {
    let (_d, app, fx) = setup();
    let (status, body) = get(&app, "/api/export?format=csv").await;
    assert_eq!(status, StatusCode::OK);
    let mut r = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, marsad_server::export::HEADER.to_vec());
    let rows: Vec<csv::StringRecord> = r
        .records()
        .collect::<Result<_, _>>()
        .expect("RFC 4180 rows");
    assert_eq!(rows.len(), 4, "one event and three claims");
    let killed: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.get(14))
        .filter(|f| !f.is_empty())
        .collect();
    assert_eq!(killed.len(), 3);
    assert!(killed.contains(&"49") && killed.contains(&"38"));
    let (_, v) = get_json(
        &app,
        &format!("/api/export?format=geojson&story={STORY_2022}"),
    )
    .await;
    assert_eq!(v["type"], "FeatureCollection");
    let f = &v["features"][0];
    assert_eq!(f["geometry"]["coordinates"][0], 46.75, "longitude first");
    assert_eq!(f["geometry"]["coordinates"][1], 39.82);
    assert_eq!(f["properties"]["article"], fx.articles[0].id.as_str());
    let (_, v) = get_json(&app, &format!("/api/export?story={STORY_2020}")).await;
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    let (status, _) = get_json(&app, "/api/export?format=xlsx").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = get_json(&app, "/api/export?story=none").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn big_bodies_are_refused() {
    let (_d, app, _fx) = setup();
    let res = app
        .clone()
        .oneshot(
            Request::get("/api/articles")
                .header("content-length", "10000000")
                .body(Body::from(vec![b'x'; 10_000_000]))
                .expect("request"),
        )
        .await
        .expect("answer");
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn openapi_describes_every_route() {
    let (_d, app, _fx) = setup();
    let (status, v) = get_json(&app, "/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(v["openapi"].as_str().is_some_and(|s| s.starts_with("3.")));
    let paths = v["paths"].as_object().expect("paths");
    let routes: Vec<&str> = routes().into_iter().map(|(p, _)| p).collect();
    for r in &routes {
        assert!(paths.contains_key(*r), "route {r} is not in openapi.json");
    }
    for p in paths.keys() {
        assert!(
            routes.contains(&p.as_str()),
            "openapi.json describes {p}, which is not routed"
        );
    }
}

#[tokio::test]
async fn article_text_is_shown_as_text_on_every_page() {
    let (_d, app, fx) = setup();
    let xss = fx.articles.last().expect("the xss article");
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
    for uri in [
        format!("/articles/{}", xss.id),
        format!("/search?q={}", enc("خطر")),
        format!("/search?q={}", enc(XSS)),
        format!("/entities/{AZERBAIJAN}"),
    ] {
        let (status, html) = get(&app, &uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(!html.contains("<script"), "{uri} runs article text: {html}");
        assert!(
            uri.starts_with("/entities") || html.contains(escaped),
            "{uri}: {html}"
        );
    }
}

#[tokio::test]
async fn pages_are_right_to_left_and_link_figures_to_their_sentences() {
    let (_d, app, fx) = setup();
    let (status, html) = get(&app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<html dir=\"rtl\" lang=\"ar\">"));
    assert!(html.contains(&format!("/stories/{STORY_2022}")));
    let (_, html) = get(&app, &format!("/stories/{STORY_2022}")).await;
    let claim = &fx.analyses[0].claims[0];
    let link = format!(
        "/articles/{}?hl={}-{}#span-{}-{}",
        fx.articles[0].id, claim.span.start, claim.span.end, claim.span.start, claim.span.end
    );
    assert!(html.contains(&link), "{html}");
    assert!(html.contains("أرقام متضاربة"));
    let (_, html) = get(&app, &link.replace('#', "&x=#")).await;
    assert!(html.contains(&format!(
        "id=\"span-{}-{}\"",
        claim.span.start, claim.span.end
    )));
    let (status, _) = get(&app, "/stories/none").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
