//! Test support shared by every backend: helpers that build articles from real text,
//! and [`conformance`], the contract suite each `Store` implementation must pass.
//! Not part of the stable API.

use crate::{ArticleQuery, InsertOutcome, Store, StoreError, StoryQuery};
use marsad_model::{
    Analysis, Article, EntityType, Fingerprint, Mention, SourceFormat, Span, Story,
};
use std::path::PathBuf;

/// The shared seed articles (`shared/seeds` next to the repository).
pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds")
}

/// Stable 64-bit FNV-1a hash, so test ids and fingerprints agree across runs.
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A test article id: hex of a hash of the body.
pub fn id_of(body: &str) -> String {
    format!("{:016x}", fnv(body.as_bytes()))
}

/// A 64-slot MinHash of word 3-shingles: a stand-in for ingest's fingerprint.
pub fn fingerprint_of(text: &str) -> Fingerprint {
    const SLOTS: u64 = 64;
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        return Fingerprint { minhash: vec![] };
    }
    let mut minhash = vec![u32::MAX; SLOTS as usize];
    for shingle in words.windows(3.min(words.len())) {
        let h = fnv(shingle.join(" ").as_bytes());
        for (slot, min) in (0..SLOTS).zip(minhash.iter_mut()) {
            // splitmix64 of the shingle hash offset per slot: one hash function per slot.
            let mut z = h.wrapping_add((slot + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^= z >> 31;
            *min = (*min).min((z >> 32) as u32);
        }
    }
    Fingerprint { minhash }
}

/// An article as ingest would build it from plain text.
pub fn article(body: &str, source: &str, outlet: Option<&str>, published: Option<&str>) -> Article {
    Article {
        id: id_of(body),
        source: source.to_string(),
        format: SourceFormat::Text,
        outlet: outlet.map(str::to_string),
        url: None,
        published: published.map(str::to_string),
        title: body.lines().next().map(|l| l.chars().take(80).collect()),
        body: body.to_string(),
        language: "ar".to_string(),
        boilerplate: vec![],
        near_duplicate_of: None,
    }
}

/// The seed articles with their metadata, in file-name order.
pub fn seed_articles() -> Vec<Article> {
    let dir = seeds_dir();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|path| {
            let body = std::fs::read_to_string(path)
                .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
            let meta: serde_json::Value = std::fs::read_to_string(path.with_extension("meta.json"))
                .ok()
                .and_then(|m| serde_json::from_str(&m).ok())
                .unwrap_or(serde_json::Value::Null);
            let field = |k: &str| meta.get(k).and_then(|v| v.as_str());
            let mut a = article(
                body.trim(),
                &path.display().to_string(),
                field("outlet"),
                field("published"),
            );
            a.url = field("url").map(str::to_string);
            a
        })
        .collect()
}

/// The same report with its closing paragraph rewritten, as a second outlet or an
/// updated version of the page would carry it.
pub fn near_copy(a: &Article, source: &str, closing: &str) -> Article {
    let mut lines: Vec<&str> = a.body.lines().collect();
    lines.pop();
    lines.push(closing);
    let mut b = article(
        &lines.join("\n"),
        source,
        a.outlet.as_deref(),
        a.published.as_deref(),
    );
    b.boilerplate = vec!["اقرأ أيضا".to_string(), "تابعونا على تويتر".to_string()];
    b.format = SourceFormat::Html;
    b.url = Some(format!("https://example.org/{}", b.id));
    b
}

fn with_fp(a: &Article) -> (Article, Fingerprint) {
    (a.clone(), fingerprint_of(&a.body))
}

/// An analysis naming the first occurrence of `name` in the article.
fn analysis_naming(a: &Article, name: &str, entity: &str) -> Analysis {
    let mut analysis = Analysis {
        article: a.id.clone(),
        ..Analysis::default()
    };
    if let Some(start) = a.body.find(name) {
        analysis.mentions.push(Mention {
            span: Span::new(start, start + name.len()),
            text: name.to_string(),
            kind: EntityType::Location,
            entity: entity.to_string(),
        });
    }
    analysis
}

fn story(id: &str, articles: &[&Article], last_date: Option<&str>) -> Story {
    Story {
        id: id.to_string(),
        articles: articles.iter().map(|a| a.id.clone()).collect(),
        headline: articles.first().and_then(|a| a.title.clone()),
        first_date: articles
            .iter()
            .filter_map(|a| a.published_date())
            .min()
            .map(str::to_string),
        last_date: last_date.map(str::to_string),
        outlets: articles.iter().filter_map(|a| a.outlet.clone()).collect(),
        ..Story::default()
    }
}

/// Checks every `Store` method against its contract. `store` must be empty.
pub fn conformance(store: &mut dyn Store) {
    assert_eq!(
        store.article_count().unwrap(),
        0,
        "conformance needs an empty store"
    );
    assert!(store.articles(&ArticleQuery::default()).unwrap().is_empty());
    assert!(store.unread_articles(10).unwrap().is_empty());
    assert!(store.article("no-such-id").unwrap().is_none());
    assert!(store.analysis("no-such-id").unwrap().is_none());
    assert!(store.story("no-such-story").unwrap().is_none());
    assert!(store.story_of("no-such-id").unwrap().is_none());
    assert!(store.stories(&StoryQuery::default()).unwrap().is_empty());

    let seeds = seed_articles();
    assert!(seeds.len() >= 5, "need the five shared seeds");
    let near0 = near_copy(
        &seeds[0],
        "mirror.html",
        "وتابعت الوكالة أن المحادثات ستستأنف غدا.",
    );
    let near3 = near_copy(&seeds[3], "update.html", "وسنوافيكم بالتفاصيل لاحقا.");
    // Same text from a second source: same id, so a repeat.
    let mut again1 = seeds[1].clone();
    again1.source = "feed.xml#item 3".to_string();
    let mut english = article(
        "Azerbaijan and Armenia agreed a ceasefire after border clashes, Russia said on Tuesday.",
        "wire.txt",
        Some("Wire"),
        Some("2022-09-13T09:00:00+00:00"),
    );
    english.language = "en".to_string();
    // The store decides near-duplicates; a value set by the caller does not survive.
    let mut claimed = seeds[2].clone();
    claimed.near_duplicate_of = Some(seeds[4].id.clone());

    let first = store
        .insert_articles(&[
            with_fp(&seeds[0]),
            with_fp(&seeds[1]),
            with_fp(&claimed),
            with_fp(&near0),
            with_fp(&again1),
            with_fp(&english),
        ])
        .unwrap();
    use InsertOutcome::*;
    assert_eq!(
        first,
        vec![
            Stored,
            Stored,
            Stored,
            NearDuplicate {
                of: seeds[0].id.clone()
            },
            Repeat {
                existing: seeds[1].id.clone()
            },
            Stored,
        ]
    );
    let second = store
        .insert_articles(&[
            with_fp(&seeds[3]),
            with_fp(&seeds[0]),
            with_fp(&seeds[4]),
            with_fp(&near3),
        ])
        .unwrap();
    assert_eq!(
        second,
        vec![
            Stored,
            Repeat {
                existing: seeds[0].id.clone()
            },
            Stored,
            NearDuplicate {
                of: seeds[3].id.clone()
            },
        ]
    );
    assert!(store.insert_articles(&[]).unwrap().is_empty());

    // Round trip: every field back as given, near_duplicate_of as the store decided.
    let stored = [
        &seeds[0], &seeds[1], &seeds[2], &near0, &english, &seeds[3], &seeds[4], &near3,
    ];
    assert_eq!(store.article_count().unwrap(), stored.len() as u64);
    for a in stored {
        let mut expected = a.clone();
        expected.near_duplicate_of = if a.id == near0.id {
            Some(seeds[0].id.clone())
        } else if a.id == near3.id {
            Some(seeds[3].id.clone())
        } else {
            None
        };
        assert_eq!(store.article(&a.id).unwrap().as_ref(), Some(&expected));
    }
    // The first source of a repeated text is the one kept.
    assert_eq!(
        store.article(&seeds[1].id).unwrap().unwrap().source,
        seeds[1].source
    );

    check_listing(store, &stored);
    check_analyses(store, &stored, &english);
    check_stories(store, &seeds, &near0);
}

fn check_listing(store: &mut dyn Store, stored: &[&Article]) {
    let mut expected: Vec<&Article> = stored.to_vec();
    // Newest first, undated last, then id descending.
    expected.sort_by(|a, b| {
        (b.published.is_some(), &b.published, &b.id).cmp(&(
            a.published.is_some(),
            &a.published,
            &a.id,
        ))
    });
    let all = store.articles(&ArticleQuery::default()).unwrap();
    let ids: Vec<&str> = all.iter().map(|s| s.id.as_str()).collect();
    let want: Vec<&str> = expected.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, want);
    let near = all.iter().find(|s| s.near_duplicate_of.is_some()).unwrap();
    let original = store.article(&near.id).unwrap().unwrap();
    assert_eq!(near.title, original.title);
    assert_eq!(near.source, original.source);
    assert_eq!(near.language, "ar");

    // Pages put together give the whole list.
    let mut paged = Vec::new();
    for offset in (0..all.len() + 3).step_by(3) {
        let page = store
            .articles(&ArticleQuery {
                limit: 3,
                offset,
                outlet: None,
            })
            .unwrap();
        assert!(page.len() <= 3);
        paged.extend(page);
    }
    assert_eq!(paged, all);

    let outlet = "Arabi21";
    let only = store
        .articles(&ArticleQuery {
            outlet: Some(outlet.to_string()),
            ..ArticleQuery::default()
        })
        .unwrap();
    let want: Vec<&str> = expected
        .iter()
        .filter(|a| a.outlet.as_deref() == Some(outlet))
        .map(|a| a.id.as_str())
        .collect();
    assert!(!want.is_empty());
    assert_eq!(only.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), want);
    let none = ArticleQuery {
        outlet: Some("No Such Outlet".into()),
        ..ArticleQuery::default()
    };
    assert!(store.articles(&none).unwrap().is_empty());
}

fn check_analyses(store: &mut dyn Store, stored: &[&Article], english: &Article) {
    let mut arabic: Vec<&Article> = stored.iter().copied().filter(|a| a.is_arabic()).collect();
    arabic.sort_by(|a, b| {
        (a.published.is_none(), &a.published, &a.id).cmp(&(
            b.published.is_none(),
            &b.published,
            &b.id,
        ))
    });
    let unread = store.unread_articles(100).unwrap();
    let ids = |v: &[Article]| v.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        ids(&unread),
        arabic.iter().map(|a| a.id.clone()).collect::<Vec<_>>()
    );
    assert!(!unread.iter().any(|a| a.id == english.id));
    let two = store.unread_articles(2).unwrap();
    assert_eq!(two, unread[..2].to_vec());
    assert!(store.unread_articles(0).unwrap().is_empty());

    let oldest = &unread[0];
    let read = analysis_naming(oldest, "أرمينيا", "Q399");
    store.put_analyses(std::slice::from_ref(&read)).unwrap();
    assert_eq!(store.analysis(&oldest.id).unwrap(), Some(read));
    assert_eq!(ids(&store.unread_articles(100).unwrap()), ids(&unread[1..]));

    // A second reading replaces the first.
    let reread = analysis_naming(oldest, "أذربيجان", "Q227");
    store.put_analyses(std::slice::from_ref(&reread)).unwrap();
    assert_eq!(store.analysis(&oldest.id).unwrap(), Some(reread));

    // An analysis of an unknown article fails the whole call.
    let next = analysis_naming(&unread[1], "روسيا", "Q159");
    let orphan = Analysis {
        article: "not-stored".into(),
        ..Analysis::default()
    };
    let err = store.put_analyses(&[next.clone(), orphan]).unwrap_err();
    assert!(
        matches!(err, StoreError::UnknownArticle { ref article, .. } if article == "not-stored"),
        "{err}"
    );
    assert!(store.analysis(&unread[1].id).unwrap().is_none());

    // Analyses of English articles are kept too; they never made it to the queue.
    store
        .put_analyses(&[
            next,
            Analysis {
                article: english.id.clone(),
                ..Analysis::default()
            },
        ])
        .unwrap();
    assert_eq!(ids(&store.unread_articles(100).unwrap()), ids(&unread[2..]));
    store.put_analyses(&[]).unwrap();
}

fn check_stories(store: &mut dyn Store, seeds: &[Article], near0: &Article) {
    let clash = story(
        "s-clash",
        &[&seeds[0], near0, &seeds[1]],
        Some("2022-09-13"),
    );
    let older = story("s-older", &[&seeds[2]], Some("2020-10-13"));
    let undated = story("s-undated", &[&seeds[3]], None);
    let mut smaller = story("s-small", &[&seeds[4]], Some("2022-09-13"));
    smaller.headline = Some("تبادل إطلاق نار".into());
    store
        .replace_stories(&[
            older.clone(),
            undated.clone(),
            smaller.clone(),
            clash.clone(),
        ])
        .unwrap();
    assert_eq!(store.story("s-clash").unwrap(), Some(clash.clone()));
    let listed = store.stories(&StoryQuery::default()).unwrap();
    // Newest last_date first, larger first on a tie, undated last.
    assert_eq!(
        listed,
        vec![
            clash.clone(),
            smaller.clone(),
            older.clone(),
            undated.clone()
        ]
    );
    let page = store
        .stories(&StoryQuery {
            limit: 2,
            offset: 1,
        })
        .unwrap();
    assert_eq!(page, vec![smaller.clone(), older.clone()]);
    assert_eq!(
        store.story_of(&near0.id).unwrap().as_deref(),
        Some("s-clash")
    );
    assert_eq!(
        store.story_of(&seeds[3].id).unwrap().as_deref(),
        Some("s-undated")
    );

    // Invalid sets change nothing.
    let twice = story("s-twice", &[&seeds[1]], None);
    let err = store
        .replace_stories(&[older.clone(), twice, clash.clone()])
        .unwrap_err();
    assert!(
        matches!(err, StoreError::ArticleInTwoStories { .. }),
        "{err}"
    );
    let err = store
        .replace_stories(&[older.clone(), older.clone()])
        .unwrap_err();
    assert!(matches!(err, StoreError::DuplicateStory { .. }), "{err}");
    let mut ghost = older.clone();
    ghost.articles.push("not-stored".into());
    let err = store.replace_stories(&[ghost]).unwrap_err();
    assert!(matches!(err, StoreError::UnknownArticle { .. }), "{err}");
    assert_eq!(store.stories(&StoryQuery::default()).unwrap().len(), 4);

    // A new clustering replaces the old one whole.
    let merged = story(
        "s-merged",
        &[&seeds[0], near0, &seeds[1], &seeds[4]],
        Some("2022-09-13"),
    );
    store
        .replace_stories(std::slice::from_ref(&merged))
        .unwrap();
    assert_eq!(store.stories(&StoryQuery::default()).unwrap(), vec![merged]);
    assert!(store.story("s-clash").unwrap().is_none());
    assert_eq!(
        store.story_of(&seeds[4].id).unwrap().as_deref(),
        Some("s-merged")
    );
    assert!(store.story_of(&seeds[2].id).unwrap().is_none());
    store.replace_stories(&[]).unwrap();
    assert!(store.stories(&StoryQuery::default()).unwrap().is_empty());
    assert!(store.story_of(&seeds[0].id).unwrap().is_none());
}
