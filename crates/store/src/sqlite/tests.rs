use super::*;
use crate::testing::{self, article, fingerprint_of, near_copy, seed_articles};

fn pragma(store: &SqliteStore, name: &str) -> String {
    store
        .conn
        .pragma_query_value(None, name, |row| row.get::<_, rusqlite::types::Value>(0))
        .map(|v| match v {
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
        .unwrap()
}

#[test]
fn in_memory_store_keeps_the_contract() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    testing::conformance(&mut store);
}

#[test]
fn file_store_keeps_the_contract_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("nested/data");
    let mut store = SqliteStore::open(&data).unwrap();
    assert_eq!(store.path(), data.join("marsad.db"));
    testing::conformance(&mut store);
    let count = store.article_count().unwrap();
    drop(store);

    let store = SqliteStore::open(&data).unwrap();
    assert_eq!(store.article_count().unwrap(), count);
    assert_eq!(
        store.schema_version().unwrap(),
        schema::MIGRATIONS.len() as i64
    );
    store.check_integrity().unwrap();
}

#[test]
fn file_store_uses_wal_and_waits_for_writers() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path()).unwrap();
    assert_eq!(pragma(&store, "journal_mode"), "wal");
    assert_eq!(pragma(&store, "synchronous"), "1"); // NORMAL
    assert_eq!(pragma(&store, "foreign_keys"), "1");
    assert_eq!(pragma(&store, "busy_timeout"), "10000");
    assert_eq!(pragma(&store, "page_size"), "16384");
}

#[test]
fn reopening_applies_no_migration_twice() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(dir.path()).unwrap();
    let seeds = seed_articles();
    let batch: Vec<_> = seeds
        .iter()
        .map(|a| (a.clone(), fingerprint_of(&a.body)))
        .collect();
    store.insert_articles(&batch).unwrap();
    drop(store);
    // V1 creates tables and V2 drops one, without IF (NOT) EXISTS: running either again
    // would fail.
    for _ in 0..2 {
        let store = SqliteStore::open(dir.path()).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            schema::MIGRATIONS.len() as i64
        );
        assert_eq!(store.article_count().unwrap(), seeds.len() as u64);
    }
}

#[test]
fn a_version_1_store_migrates_forward_keeping_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = seed_articles();
    let mut v1 = SqliteStore::open_with(dir.path(), &schema::MIGRATIONS[..1]).unwrap();
    let batch: Vec<_> = seeds
        .iter()
        .map(|a| (a.clone(), fingerprint_of(&a.body)))
        .collect();
    v1.insert_articles(&batch).unwrap();
    drop(v1);

    let v2_script = "CREATE TABLE mentions (article TEXT NOT NULL REFERENCES articles(id), \
                     entity TEXT NOT NULL); \
                     INSERT INTO mentions SELECT id, 'Q399' FROM articles;";
    let newer = [schema::MIGRATIONS[0], v2_script];
    let v2 = SqliteStore::open_with(dir.path(), &newer).unwrap();
    assert_eq!(v2.schema_version().unwrap(), 2);
    let mentions: i64 = v2
        .conn
        .query_row("SELECT COUNT(*) FROM mentions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mentions, seeds.len() as i64);
    assert_eq!(v2.article(&seeds[0].id).unwrap().as_ref(), Some(&seeds[0]));
    drop(v2);
    // The v2 step ran once: a second run would duplicate the rows it copies.
    let again = SqliteStore::open_with(dir.path(), &newer).unwrap();
    let mentions: i64 = again
        .conn
        .query_row("SELECT COUNT(*) FROM mentions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mentions, seeds.len() as i64);
}

#[test]
fn a_failing_migration_leaves_the_store_at_its_old_version() {
    let dir = tempfile::tempdir().unwrap();
    let v1 = &schema::MIGRATIONS[..1];
    drop(SqliteStore::open_with(dir.path(), v1).unwrap());
    let broken = [
        schema::MIGRATIONS[0],
        "CREATE TABLE claims (x); SELECT * FROM no_such_table;",
    ];
    let err = SqliteStore::open_with(dir.path(), &broken).unwrap_err();
    assert!(
        matches!(err, StoreError::Migrate { version: 2, .. }),
        "{err}"
    );
    let store = SqliteStore::open_with(dir.path(), v1).unwrap();
    assert_eq!(store.schema_version().unwrap(), 1);
    let claims: i64 = store
        .conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'claims'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(claims, 0);
}

#[test]
fn a_store_from_a_newer_marsad_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path()).unwrap();
    store.conn.pragma_update(None, "user_version", 7).unwrap();
    drop(store);
    let err = SqliteStore::open(dir.path()).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::TooNew {
                found: 7,
                known: 2,
                ..
            }
        ),
        "{err}"
    );
    let message = err.to_string();
    assert!(
        message.contains("marsad.db") && message.contains("newer"),
        "{message}"
    );
}

#[test]
fn an_unusable_data_directory_names_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let err = SqliteStore::open(&file).unwrap_err();
    assert!(matches!(err, StoreError::CreateDir { .. }), "{err}");
    assert!(err.to_string().contains("not-a-dir"), "{err}");
}

/// Similar signatures that share no band are not compared: detection never scans.
#[test]
fn near_duplicates_come_only_from_shared_bands() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let seeds = seed_articles();
    let original = Fingerprint {
        minhash: (0..128).collect(),
    };
    // One slot changed in each of the 16 bands of 8: similarity 112/128 = 0.875.
    let mut disguised = original.clone();
    for band in 0..16 {
        disguised.minhash[band * 8] += 1000;
    }
    assert!(original.similarity(&disguised) >= crate::NEAR_DUPLICATE_THRESHOLD);
    // Same change but one band left whole: now a candidate, and similar enough.
    let mut candidate = disguised.clone();
    candidate.minhash[15 * 8] = original.minhash[15 * 8];
    let outcomes = store
        .insert_articles(&[
            (seeds[0].clone(), original),
            (seeds[1].clone(), disguised),
            (seeds[2].clone(), candidate),
        ])
        .unwrap();
    assert_eq!(outcomes[1], InsertOutcome::Stored);
    // seeds[2] shares a band with seeds[0] (0.883) and with seeds[1] (0.992): the most similar wins.
    assert_eq!(
        outcomes[2],
        InsertOutcome::NearDuplicate {
            of: seeds[1].id.clone()
        }
    );
}

#[test]
fn articles_without_fingerprint_are_stored_plainly() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let a = article("نص قصير", "a.txt", None, None);
    let b = article("نص قصير آخر", "b.txt", None, None);
    let empty = Fingerprint { minhash: vec![] };
    let outcomes = store
        .insert_articles(&[(a.clone(), empty.clone()), (b, empty.clone())])
        .unwrap();
    assert_eq!(outcomes, vec![InsertOutcome::Stored, InsertOutcome::Stored]);
    assert_eq!(store.fingerprint(&a.id).unwrap(), Some(empty));
}

#[test]
fn two_processes_writing_at_once_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    drop(SqliteStore::open(dir.path()).unwrap());
    let seeds = seed_articles();
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = dir.path().to_path_buf();
            let seeds = seeds.clone();
            std::thread::spawn(move || {
                let mut store = SqliteStore::open(&path).unwrap();
                for round in 0..20 {
                    let batch: Vec<_> = seeds
                        .iter()
                        .map(|s| {
                            let body = format!("{}\nنسخة {w} رقم {round}", s.body);
                            let a = article(&body, "x", None, None);
                            let fp = fingerprint_of(&a.body);
                            (a, fp)
                        })
                        .collect();
                    store.insert_articles(&batch).unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let store = SqliteStore::open(dir.path()).unwrap();
    assert_eq!(store.article_count().unwrap(), 2 * 20 * seeds.len() as u64);
}

fn with_fp(a: &Article) -> (Article, Fingerprint) {
    (a.clone(), fingerprint_of(&a.body))
}

/// Each writer keeps its near-duplicate index in memory: what another process stored
/// since must still be found.
#[test]
fn a_writer_finds_near_duplicates_of_what_another_process_stored() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = seed_articles();
    let mut first = SqliteStore::open(dir.path()).unwrap();
    let mut second = SqliteStore::open(dir.path()).unwrap();
    // Both build their index before the other writes.
    first.insert_articles(&[with_fp(&seeds[0])]).unwrap();
    second.insert_articles(&[with_fp(&seeds[1])]).unwrap();
    first.insert_articles(&[with_fp(&seeds[2])]).unwrap();

    let copy =
        |a: &Article| near_copy(a, "mirror.html", "وتابعت الوكالة أن المحادثات ستستأنف غدا.");
    let outcomes = first
        .insert_articles(&[with_fp(&copy(&seeds[1])), with_fp(&seeds[1])])
        .unwrap();
    assert_eq!(
        outcomes,
        vec![
            InsertOutcome::NearDuplicate {
                of: seeds[1].id.clone()
            },
            InsertOutcome::Repeat {
                existing: seeds[1].id.clone()
            }
        ]
    );
    let outcomes = second
        .insert_articles(&[with_fp(&copy(&seeds[0])), with_fp(&copy(&seeds[2]))])
        .unwrap();
    assert_eq!(
        outcomes,
        vec![
            InsertOutcome::NearDuplicate {
                of: seeds[0].id.clone()
            },
            InsertOutcome::NearDuplicate {
                of: seeds[2].id.clone()
            }
        ]
    );
}

/// A batch that fails leaves nothing behind, in the file or in the writer's index.
#[test]
fn a_failed_batch_leaves_no_trace_in_the_index() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let seeds = seed_articles();
    store
        .conn
        .execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.source = 'refused' \
             BEGIN SELECT RAISE(ABORT, 'refused'); END;",
        )
        .unwrap();
    let mut refused = seeds[4].clone();
    refused.source = "refused".into();
    store
        .insert_articles(&[with_fp(&seeds[0]), with_fp(&refused)])
        .unwrap_err();
    assert_eq!(store.article_count().unwrap(), 0);
    // seeds[1] takes the seq seeds[0] had in the rolled-back batch.
    let copy = near_copy(&seeds[0], "mirror.html", "وسنوافيكم بالتفاصيل لاحقا.");
    let outcomes = store
        .insert_articles(&[with_fp(&seeds[1]), with_fp(&copy), with_fp(&seeds[0])])
        .unwrap();
    assert_eq!(
        outcomes,
        vec![
            InsertOutcome::Stored,
            InsertOutcome::Stored,
            InsertOutcome::NearDuplicate {
                of: copy.id.clone()
            }
        ]
    );
}

#[test]
fn a_version_1_store_keeps_finding_its_near_duplicates_after_migrating() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = seed_articles();
    let mut v1 = SqliteStore::open_with(dir.path(), &schema::MIGRATIONS[..1]).unwrap();
    let batch: Vec<_> = seeds.iter().map(with_fp).collect();
    v1.insert_articles(&batch).unwrap();
    drop(v1);

    let mut store = SqliteStore::open(dir.path()).unwrap();
    let tables: i64 = store
        .conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'lsh_bands'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 0);
    let copy = near_copy(&seeds[3], "update.html", "وسنوافيكم بالتفاصيل لاحقا.");
    assert_eq!(
        store.insert_articles(&[with_fp(&copy)]).unwrap(),
        vec![InsertOutcome::NearDuplicate {
            of: seeds[3].id.clone()
        }]
    );
    store.check_integrity().unwrap();
}
