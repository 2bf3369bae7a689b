//! The search index is derived: it is rebuilt when missing, stale or foreign-versioned,
//! and reused when it matches the store.

mod common;

use common::*;
use marsad_model::Fingerprint;
use marsad_server::{open_or_rebuild, reindex, SearchQuery, ServerError};
use marsad_store::Store;

fn modified(dir: &std::path::Path) -> std::time::SystemTime {
    std::fs::metadata(dir.join("marsad-index.json"))
        .and_then(|m| m.modified())
        .expect("the index has its meta file")
}

fn query(q: &str) -> SearchQuery {
    SearchQuery {
        q: q.into(),
        ..SearchQuery::default()
    }
}

#[test]
fn a_current_index_is_reused_and_a_stale_one_rebuilt() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, fx) = filled_store(dir.path());
    let search = dir.path().join("search");
    let index = open_or_rebuild(&store, &search).expect("built when missing");
    assert_eq!(index.num_docs(), fx.articles.len() as u64);
    let built = modified(&search);
    drop(index);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let again = open_or_rebuild(&store, &search).expect("opened");
    assert_eq!(modified(&search), built, "a current index is not rebuilt");
    assert!(!again.search(&query("يريفان")).expect("search").is_empty());
    drop(again);

    let new = article(
        "أعلنت وزارة الدفاع في طاجيكستان عن اشتباكات على الحدود مع قرغيزستان.",
        "test://new".into(),
        Some("Test".into()),
        Some("2022-09-16".into()),
        None,
        None,
    );
    store
        .insert_articles(&[(
            new.clone(),
            Fingerprint {
                minhash: (7000..7064).collect(),
            },
        )])
        .expect("stored");
    let fresh = open_or_rebuild(&store, &search).expect("rebuilt");
    assert_ne!(modified(&search), built, "a stale index is rebuilt");
    let hits = fresh.search(&query("قرغيزستان")).expect("search");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].article, new.id);
}

#[test]
fn a_damaged_index_is_rebuilt() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, fx) = filled_store(dir.path());
    let search = dir.path().join("search");
    drop(reindex(&store, &search).expect("built"));
    std::fs::write(search.join("meta.json"), "not json").expect("damaged");
    let index = open_or_rebuild(&store, &search).expect("rebuilt");
    assert_eq!(index.num_docs(), fx.articles.len() as u64);
}

#[test]
fn an_index_from_another_version_is_rebuilt_and_marks_its_hits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, _) = filled_store(dir.path());
    let search = dir.path().join("search");
    drop(reindex(&store, &search).expect("built"));
    // As an index made before the body's word spans were stored would say.
    let meta_path = search.join("marsad-index.json");
    let mut meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&meta_path).expect("meta")).expect("json");
    meta["version"] = serde_json::json!(1);
    std::fs::write(&meta_path, meta.to_string()).expect("written");
    let built = modified(&search);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let index = open_or_rebuild(&store, &search).expect("rebuilt");
    assert_ne!(modified(&search), built, "an old version is rebuilt");
    let hits = index.search(&query("يريفان")).expect("search");
    assert!(!hits.is_empty());
    assert!(
        hits.iter().all(|h| h.snippet.contains("<mark>")),
        "{hits:?}"
    );
}

#[test]
fn reindex_never_wipes_a_directory_that_is_not_an_index() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, _) = filled_store(dir.path());
    let precious = dir.path().join("docs");
    std::fs::create_dir_all(&precious).expect("dir");
    std::fs::write(precious.join("notes.txt"), "keep me").expect("file");
    assert!(matches!(
        reindex(&store, &precious),
        Err(ServerError::NotAnIndex(_))
    ));
    assert!(precious.join("notes.txt").exists());
}

#[tokio::test]
async fn a_running_server_picks_up_articles_another_process_stored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (state, _fx) = app(dir.path());
    assert!(
        !state.refresh_index().await.expect("checked"),
        "nothing changed yet"
    );
    // Another writer (like `marsad ingest` in another process) on the same database.
    let mut other = marsad_store::SqliteStore::open(dir.path()).expect("second connection");
    let new = article(
        "وصل وفد من منظمة الأمن والتعاون في أوروبا إلى يريفان لبحث ترسيم الحدود.",
        "test://later".into(),
        None,
        Some("2022-09-20".into()),
        None,
        None,
    );
    other
        .insert_articles(&[(
            new.clone(),
            Fingerprint {
                minhash: (9000..9064).collect(),
            },
        )])
        .expect("stored");
    assert!(state.refresh_index().await.expect("refreshed"));
    let hits = state.index().search(&query("ترسيم")).expect("search");
    assert_eq!(
        hits.iter().map(|h| h.article.as_str()).collect::<Vec<_>>(),
        vec![new.id.as_str()]
    );
}
