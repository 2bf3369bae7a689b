//! Stories are served from views read once per store revision: a running server shows
//! what another process wrote within `VIEW_CHECK`, and never serves the old stories after.

mod common;

use axum::http::StatusCode;
use common::*;
use marsad_model::Story;
use marsad_server::router;
use marsad_server::views::VIEW_CHECK;
use marsad_store::Store;

#[tokio::test]
async fn stories_another_process_writes_are_served_within_the_check_bound() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (state, fx) = app(dir.path());
    let app = router(state);
    let (status, page) = get(&app, &format!("/stories/{STORY_2022}")).await;
    assert_eq!(status, StatusCode::OK);
    let (_, list) = get(&app, "/api/stories").await;
    assert!(list.contains(STORY_2022), "{list}");

    // Another writer (like `marsad run` in another process) regroups the stories.
    let mut other = marsad_store::SqliteStore::open(dir.path()).expect("second connection");
    let merged = Story {
        id: "story-merged".into(),
        headline: Some("قصة مدمجة عن الحدود".into()),
        articles: fx.stories.iter().flat_map(|s| s.articles.clone()).collect(),
        ..Story::default()
    };
    other
        .replace_stories(std::slice::from_ref(&merged))
        .expect("stories replaced");

    tokio::time::sleep(VIEW_CHECK + std::time::Duration::from_millis(200)).await;
    let (status, _) = get(&app, &format!("/stories/{STORY_2022}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "the old story page is gone");
    let (status, _) = get(&app, &format!("/api/stories/{STORY_2022}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "the old story JSON is gone");
    let (_, list) = get(&app, "/api/stories").await;
    assert!(
        list.contains("story-merged") && !list.contains(STORY_2022),
        "{list}"
    );
    let (status, html) = get(&app, "/stories/story-merged").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("قصة مدمجة عن الحدود"));
    assert_ne!(html, page);
}
