//! The PostgreSQL backend against a real server (`MARSAD_TEST_PG`, set by
//! `scripts/pg-test.sh`): the shared `Store` contract, migrations, the work queue's
//! leases, and the story lock. Each test works in its own schema.

use marsad_model::{Analysis, Article, Span, Story};
use marsad_store::postgres::testing::{test_url, Scratch};
use marsad_store::testing::{conformance, fingerprint_of, seed_articles};
use marsad_store::{PgStore, Store, StoreError, StoryQuery, WorkQueue};
use std::time::Duration;

macro_rules! server_or_skip {
    ($test:literal) => {
        match test_url($test) {
            Some(url) => url,
            None => return,
        }
    };
}

fn open(scratch: &Scratch) -> PgStore {
    PgStore::open_in_schema(&scratch.url, &scratch.schema).unwrap()
}

/// The seeds plus one English wire item, stored.
fn stored_seeds(store: &mut PgStore) -> (Vec<Article>, Article) {
    let seeds = seed_articles();
    let mut english = marsad_store::testing::article(
        "Azerbaijan and Armenia agreed a ceasefire after border clashes, Russia said.",
        "wire.txt",
        Some("Wire"),
        None,
    );
    english.language = "en".into();
    let batch: Vec<_> = seeds
        .iter()
        .chain([&english])
        .map(|a| (a.clone(), fingerprint_of(&a.body)))
        .collect();
    store.insert_articles(&batch).unwrap();
    (seeds, english)
}

/// A stand-in reading: one sentence span over the whole body.
fn analysed(article: &Article) -> Analysis {
    Analysis {
        article: article.id.clone(),
        sentences: vec![Span::new(0, article.body.len())],
        ..Analysis::default()
    }
}

fn ids(articles: &[Article]) -> Vec<String> {
    let mut ids: Vec<String> = articles.iter().map(|a| a.id.clone()).collect();
    ids.sort();
    ids
}

#[test]
fn postgres_keeps_the_store_contract() {
    let url = server_or_skip!("postgres_keeps_the_store_contract");
    let scratch = Scratch::new(&url, "conformance");
    let mut store = open(&scratch);
    conformance(&mut store);
}

#[test]
fn migrations_run_once_even_when_workers_open_a_fresh_store_together() {
    let url = server_or_skip!("migrations_run_once");
    let scratch = Scratch::new(&url, "migrate");
    let openers: Vec<_> = (0..4)
        .map(|_| {
            let (url, schema) = (scratch.url.clone(), scratch.schema.clone());
            std::thread::spawn(move || PgStore::open_in_schema(&url, &schema).map(|_| ()))
        })
        .collect();
    for opener in openers {
        opener.join().unwrap().unwrap();
    }
    let store = open(&scratch);
    assert_eq!(store.schema_version().unwrap(), 1);
    let applied: i64 = scratch
        .client()
        .query_one("SELECT COUNT(*) FROM marsad_schema", &[])
        .unwrap()
        .get(0);
    assert_eq!(applied, 1);

    // A store written by a newer marsad is refused, not misread.
    scratch
        .client()
        .execute("INSERT INTO marsad_schema (version) VALUES (99)", &[])
        .unwrap();
    let err = PgStore::open_in_schema(&scratch.url, &scratch.schema).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::TooNew {
                found: 99,
                known: 1,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn a_lease_taken_over_cannot_write() {
    let url = server_or_skip!("a_lease_taken_over_cannot_write");
    let scratch = Scratch::new(&url, "lease");
    let mut first = open(&scratch);
    let mut second = open(&scratch);
    let (seeds, english) = stored_seeds(&mut first);
    // Only Arabic articles wait to be read.
    assert_eq!(first.queue_len().unwrap(), seeds.len() as u64);

    let short = Duration::from_millis(300);
    let held = first.claim_batch("first", 2, short).unwrap();
    assert_eq!(held.len(), 2);
    // Leased items are skipped, not waited for.
    let rest = second
        .claim_batch("second", 10, Duration::from_secs(60))
        .unwrap();
    assert_eq!(rest.len(), seeds.len() - 2);
    assert!(ids(&rest).iter().all(|id| !ids(&held).contains(id)));
    assert!(!rest.iter().any(|a| a.id == english.id));
    assert!(second
        .claim_batch("second", 10, Duration::from_secs(60))
        .unwrap()
        .is_empty());

    // The first worker stalls past its lease; the second takes its items over.
    std::thread::sleep(short + Duration::from_millis(200));
    let taken = second
        .claim_batch("second", 10, Duration::from_secs(60))
        .unwrap();
    assert_eq!(ids(&taken), ids(&held));
    let stale: Vec<Analysis> = held.iter().map(analysed).collect();
    let done = first.complete_batch("first", &stale).unwrap();
    assert_eq!(done.written, 0);
    assert_eq!(done.rejected, ids(&held));
    assert!(first.analysis(&held[0].id).unwrap().is_none());

    // An article this worker never claimed is rejected too.
    let all: Vec<Analysis> = rest.iter().chain(&taken).map(analysed).collect();
    let done = first.complete_batch("first", &all).unwrap();
    assert_eq!(done.written, 0);
    let done = second.complete_batch("second", &all).unwrap();
    assert_eq!(done.written, seeds.len());
    assert!(done.rejected.is_empty());
    assert_eq!(second.queue_len().unwrap(), 0);
    assert_eq!(
        second.analysis(&held[0].id).unwrap(),
        Some(analysed(&held[0]))
    );
    for row in scratch
        .client()
        .query("SELECT analysed_by, writes FROM analyses", &[])
        .unwrap()
    {
        assert_eq!(row.get::<_, Option<String>>(0).as_deref(), Some("second"));
        assert_eq!(row.get::<_, i32>(1), 1);
    }
}

#[test]
fn an_expired_lease_nobody_took_still_completes() {
    let url = server_or_skip!("an_expired_lease_nobody_took_still_completes");
    let scratch = Scratch::new(&url, "slow");
    let mut store = open(&scratch);
    let (seeds, _) = stored_seeds(&mut store);
    let held = store
        .claim_batch("slow", 1, Duration::from_millis(50))
        .unwrap();
    std::thread::sleep(Duration::from_millis(150));
    let done = store.complete_batch("slow", &[analysed(&held[0])]).unwrap();
    assert_eq!(done.written, 1);
    assert_eq!(store.queue_len().unwrap(), seeds.len() as u64 - 1);
    // A worker reading with put_analyses (the one-process `marsad read`) empties the queue.
    let others: Vec<Analysis> = seeds[1..].iter().map(analysed).collect();
    let unread = store.unread_articles(100).unwrap();
    let by_put: Vec<Analysis> = unread.iter().map(analysed).collect();
    assert_eq!(by_put.len(), others.len());
    store.put_analyses(&by_put).unwrap();
    assert_eq!(store.queue_len().unwrap(), 0);
    assert!(store
        .claim_batch("slow", 10, Duration::from_secs(1))
        .unwrap()
        .is_empty());
}

/// Reads the story set, waits (as clustering takes time), and writes it back grown by
/// one story: without the lock two workers doing this at once lose one story.
fn add_story(store: &mut PgStore, story: Story) -> Result<(), StoreError> {
    let mut all = store.stories(&StoryQuery {
        limit: usize::MAX,
        offset: 0,
    })?;
    std::thread::sleep(Duration::from_millis(300));
    all.push(story);
    store.replace_stories(&all)
}

#[test]
fn the_story_lock_serialises_story_assignment() {
    let url = server_or_skip!("the_story_lock_serialises_story_assignment");
    let scratch = Scratch::new(&url, "stories");
    let mut store = open(&scratch);
    let (seeds, _) = stored_seeds(&mut store);
    let workers: Vec<_> = seeds[..2]
        .iter()
        .map(|article| {
            let (url, schema) = (scratch.url.clone(), scratch.schema.clone());
            let story = Story {
                id: format!("s-{}", article.id),
                articles: vec![article.id.clone()],
                ..Story::default()
            };
            std::thread::spawn(move || {
                let mut store = PgStore::open_in_schema(&url, &schema).unwrap();
                store.with_story_lock(|s| add_story(s, story)).unwrap();
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }
    let stories = store.stories(&StoryQuery::default()).unwrap();
    assert_eq!(stories.len(), 2, "a story assignment was lost: {stories:?}");

    // An error inside the lock undoes what was written under it.
    let extra = Story {
        id: "s-extra".into(),
        articles: vec![seeds[2].id.clone()],
        ..Story::default()
    };
    let failed: Result<(), StoreError> = store.with_story_lock(|s| {
        add_story(s, extra)?;
        Err(StoreError::UnknownArticle {
            what: "a clustering that gave up".into(),
            article: "x".into(),
        })
    });
    assert!(failed.is_err());
    assert_eq!(store.stories(&StoryQuery::default()).unwrap(), stories);
    assert!(store.story("s-extra").unwrap().is_none());

    // The trait's form, as the worker binary calls it.
    let queue: &mut dyn WorkQueue = &mut store;
    queue
        .with_stories_locked(&mut |s| s.replace_stories(&[]).map_err(Into::into))
        .unwrap();
    assert!(store.stories(&StoryQuery::default()).unwrap().is_empty());
}

#[test]
fn two_worker_loops_drain_the_queue_between_them() {
    let url = server_or_skip!("two_worker_loops_drain_the_queue_between_them");
    let scratch = Scratch::new(&url, "loops");
    let mut store = open(&scratch);
    let (seeds, _) = stored_seeds(&mut store);
    let loops: Vec<_> = ["a", "b"]
        .iter()
        .map(|name| {
            let (url, schema) = (scratch.url.clone(), scratch.schema.clone());
            let mut options = marsad_store::WorkerOptions::new(*name);
            options.batch = 1;
            options.exit_when_idle = true;
            options.poll = Duration::from_millis(20);
            std::thread::spawn(move || {
                let mut store = PgStore::open_in_schema(&url, &schema).unwrap();
                marsad_store::run_worker(
                    &mut store,
                    &options,
                    &mut analysed,
                    &mut |s| {
                        s.stories(&StoryQuery::default())
                            .map(drop)
                            .map_err(Into::into)
                    },
                    &mut |_| {},
                )
                .unwrap()
            })
        })
        .collect();
    let summaries: Vec<_> = loops.into_iter().map(|l| l.join().unwrap()).collect();
    let written: u64 = summaries.iter().map(|s| s.written).sum();
    assert_eq!(written, seeds.len() as u64);
    assert_eq!(summaries.iter().map(|s| s.connects).sum::<u64>(), written);
    assert_eq!(store.queue_len().unwrap(), 0);
    for seed in &seeds {
        assert_eq!(store.analysis(&seed.id).unwrap(), Some(analysed(seed)));
    }
}

#[test]
fn a_store_url_opens_postgres_in_the_schema_its_options_name() {
    let url = server_or_skip!("a_store_url_opens_postgres");
    let scratch = Scratch::new(&url, "by_url");
    let mut direct = open(&scratch);
    let (seeds, _) = stored_seeds(&mut direct);
    let separator = if url.contains('?') { '&' } else { '?' };
    let with_schema = format!("{url}{separator}options=-csearch_path%3D{}", scratch.schema);
    let by_url = marsad_store::open_url(&with_schema).unwrap();
    assert_eq!(by_url.article_count().unwrap(), seeds.len() as u64 + 1);
    let mut queue = marsad_store::open_queue(&with_schema).unwrap();
    assert_eq!(queue.queue_len().unwrap(), seeds.len() as u64);
    assert_eq!(
        queue.as_store().article(&seeds[0].id).unwrap(),
        Some(seeds[0].clone())
    );
}
