//! What later stages write back: analyses (read) and stories (connect).

use super::sql_count;
use crate::error::Doing;
use crate::{StoreError, StoryQuery};
use marsad_model::{Analysis, Story};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use std::collections::{HashMap, HashSet};

pub(super) fn put_analyses(conn: &mut Connection, analyses: &[Analysis]) -> Result<(), StoreError> {
    const ACTION: &str = "storing analyses";
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .doing(ACTION)?;
    {
        let mut put = tx
            .prepare_cached(
                "INSERT INTO analyses (article, analysis, read_at) \
                 VALUES (?1, ?2, CURRENT_TIMESTAMP) \
                 ON CONFLICT (article) DO UPDATE \
                 SET analysis = excluded.analysis, read_at = excluded.read_at",
            )
            .doing(ACTION)?;
        for analysis in analyses {
            require_article(&tx, "an analysis", &analysis.article)?;
            let json = serde_json::to_string(analysis).doing("encoding an analysis")?;
            put.execute(params![analysis.article, json]).doing(ACTION)?;
        }
    }
    tx.commit().doing(ACTION)
}

/// A clear error instead of SQLite's bare "FOREIGN KEY constraint failed".
fn require_article(tx: &Transaction<'_>, what: &str, article: &str) -> Result<(), StoreError> {
    let stored = tx
        .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")
        .doing("checking an article is stored")?
        .exists([article])
        .doing("checking an article is stored")?;
    if stored {
        Ok(())
    } else {
        Err(StoreError::UnknownArticle {
            what: what.to_string(),
            article: article.to_string(),
        })
    }
}

pub(super) fn analysis(conn: &Connection, article: &str) -> Result<Option<Analysis>, StoreError> {
    const ACTION: &str = "reading an analysis";
    let json: Option<String> = conn
        .prepare_cached("SELECT analysis FROM analyses WHERE article = ?1")
        .doing(ACTION)?
        .query_row([article], |row| row.get(0))
        .optional()
        .doing(ACTION)?;
    json.map(|j| decode(&j, "analysis", article)).transpose()
}

pub(super) fn replace_stories(conn: &mut Connection, stories: &[Story]) -> Result<(), StoreError> {
    const ACTION: &str = "replacing stories";
    check_partition(stories)?;
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .doing(ACTION)?;
    tx.execute("DELETE FROM story_articles", []).doing(ACTION)?;
    tx.execute("DELETE FROM stories", []).doing(ACTION)?;
    {
        let mut put_story = tx
            .prepare_cached(
                "INSERT INTO stories (id, first_date, last_date, article_count, story) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .doing(ACTION)?;
        let mut put_member = tx
            .prepare_cached(
                "INSERT INTO story_articles (story, article) VALUES (?1, ?2) \
                 ON CONFLICT DO NOTHING",
            )
            .doing(ACTION)?;
        for story in stories {
            let json = serde_json::to_string(story).doing("encoding a story")?;
            put_story
                .execute(params![
                    story.id,
                    story.first_date,
                    story.last_date,
                    sql_count(story.articles.len()),
                    json,
                ])
                .doing(ACTION)?;
            for article in &story.articles {
                require_article(&tx, &format!("story {}", story.id), article)?;
                put_member
                    .execute(params![story.id, article])
                    .doing(ACTION)?;
            }
        }
    }
    tx.commit().doing(ACTION)
}

/// Story ids are unique and no article is in two stories (it may repeat in one).
fn check_partition(stories: &[Story]) -> Result<(), StoreError> {
    let mut ids = HashSet::new();
    let mut owner: HashMap<&str, &str> = HashMap::new();
    for story in stories {
        if !ids.insert(story.id.as_str()) {
            return Err(StoreError::DuplicateStory {
                id: story.id.clone(),
            });
        }
        for article in &story.articles {
            match owner.insert(article, &story.id) {
                Some(first) if first != story.id => {
                    return Err(StoreError::ArticleInTwoStories {
                        article: article.clone(),
                        first: first.to_string(),
                        second: story.id.clone(),
                    })
                }
                _ => {}
            }
        }
    }
    Ok(())
}

pub(super) fn stories(conn: &Connection, query: &StoryQuery) -> Result<Vec<Story>, StoreError> {
    const ACTION: &str = "listing stories";
    let rows = conn
        .prepare_cached(
            "SELECT id, story FROM stories \
             ORDER BY last_date DESC NULLS LAST, article_count DESC, id ASC \
             LIMIT ?1 OFFSET ?2",
        )
        .doing(ACTION)?
        .query_map(
            params![sql_count(query.limit), sql_count(query.offset)],
            |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)),
        )
        .doing(ACTION)?
        .collect::<Result<Vec<_>, _>>()
        .doing(ACTION)?;
    rows.iter()
        .map(|(id, json)| decode(json, "story", id))
        .collect()
}

pub(super) fn story(conn: &Connection, id: &str) -> Result<Option<Story>, StoreError> {
    const ACTION: &str = "reading a story";
    let json: Option<String> = conn
        .prepare_cached("SELECT story FROM stories WHERE id = ?1")
        .doing(ACTION)?
        .query_row([id], |row| row.get(0))
        .optional()
        .doing(ACTION)?;
    json.map(|j| decode(&j, "story", id)).transpose()
}

pub(super) fn story_of(conn: &Connection, article: &str) -> Result<Option<String>, StoreError> {
    const ACTION: &str = "finding an article's story";
    conn.prepare_cached("SELECT story FROM story_articles WHERE article = ?1")
        .doing(ACTION)?
        .query_row([article], |row| row.get(0))
        .optional()
        .doing(ACTION)
}

/// SQLite bumps `data_version` for transactions other connections commit (in this
/// process or another), never for this connection's own; `total_changes` counts those.
pub(super) fn revision(conn: &Connection) -> Result<String, StoreError> {
    let others: i64 = conn
        .pragma_query_value(None, "data_version", |row| row.get(0))
        .doing("reading the data version")?;
    Ok(format!("{others}.{}", conn.total_changes()))
}

fn decode<T: serde::de::DeserializeOwned>(
    json: &str,
    what: &'static str,
    id: &str,
) -> Result<T, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt {
        what,
        id: id.to_string(),
        detail: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use crate::testing::{article, fingerprint_of};
    use crate::{SqliteStore, Store};

    #[test]
    fn the_revision_moves_with_every_write_from_any_connection() {
        let dir = tempfile::tempdir().unwrap();
        let mut mine = SqliteStore::open(dir.path()).unwrap();
        let first = mine.revision().unwrap();
        assert!(first.is_some());
        assert_eq!(mine.revision().unwrap(), first, "reading changes nothing");
        let a = article("وصل وفد إلى يريفان.", "test://a", None, None);
        mine.insert_articles(&[(a.clone(), fingerprint_of(&a.body))])
            .unwrap();
        let second = mine.revision().unwrap();
        assert_ne!(second, first, "this connection's own write");

        let mut other = SqliteStore::open(dir.path()).unwrap();
        let b = article("أعلنت وزارة الدفاع عن اشتباكات.", "test://b", None, None);
        other
            .insert_articles(&[(b.clone(), fingerprint_of(&b.body))])
            .unwrap();
        assert_ne!(
            mine.revision().unwrap(),
            second,
            "another connection's write"
        );
    }
}
