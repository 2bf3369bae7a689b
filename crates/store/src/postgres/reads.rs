//! What later stages write back: analyses (read) and stories (connect).

use super::conn::{sql_count, Conn};
use crate::error::Doing;
use crate::{StoreError, StoryQuery};
use marsad_model::{Analysis, Story};
use std::collections::{HashMap, HashSet};

/// Stores analyses (replacing earlier ones) and takes their articles off the queue.
pub(super) fn put_analyses(conn: &mut Conn, analyses: &[Analysis]) -> Result<(), StoreError> {
    const ACTION: &str = "storing analyses";
    if analyses.is_empty() {
        return Ok(());
    }
    let wanted: Vec<&str> = analyses.iter().map(|a| a.article.as_str()).collect();
    conn.write(ACTION, |conn| {
        require_articles(conn, "an analysis", &wanted)?;
        // One row per article: the last analysis given wins, as if written in turn.
        let mut last: HashMap<&str, &Analysis> = HashMap::new();
        for analysis in analyses {
            last.insert(&analysis.article, analysis);
        }
        let mut ids = Vec::with_capacity(last.len());
        let mut json = Vec::with_capacity(last.len());
        for (id, analysis) in last {
            ids.push(id.to_string());
            json.push(serde_json::to_string(analysis).doing("encoding an analysis")?);
        }
        conn.execute(
            ACTION,
            "INSERT INTO analyses (article, analysis) \
             SELECT x.article, x.json::jsonb FROM unnest($1::text[], $2::text[]) AS x(article, json) \
             ON CONFLICT (article) DO UPDATE SET analysis = excluded.analysis, \
                 read_at = now(), analysed_by = NULL, attempt = NULL, \
                 writes = analyses.writes + 1",
            &[&ids, &json],
        )?;
        conn.execute(
            ACTION,
            "DELETE FROM work_queue q USING articles a \
             WHERE a.seq = q.article AND a.id = ANY($1)",
            &[&ids],
        )?;
        Ok(())
    })
}

/// Fails with `UnknownArticle` naming the first of `articles` that is not stored.
pub(super) fn require_articles(
    conn: &mut Conn,
    what: &str,
    articles: &[&str],
) -> Result<(), StoreError> {
    let missing = missing_articles(conn, articles)?;
    match articles.iter().find(|a| missing.contains(**a)) {
        Some(article) => Err(StoreError::UnknownArticle {
            what: what.to_string(),
            article: article.to_string(),
        }),
        None => Ok(()),
    }
}

/// Those of `articles` that are not stored, in one round trip.
fn missing_articles(conn: &mut Conn, articles: &[&str]) -> Result<HashSet<String>, StoreError> {
    const ACTION: &str = "checking articles are stored";
    let rows = conn.query(
        ACTION,
        "SELECT x.id FROM unnest($1::text[]) AS x(id) \
         WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = x.id)",
        &[&articles],
    )?;
    rows.iter()
        .map(|row| row.try_get(0))
        .collect::<Result<_, _>>()
        .doing(ACTION)
}

pub(super) fn analysis(conn: &mut Conn, article: &str) -> Result<Option<Analysis>, StoreError> {
    const ACTION: &str = "reading an analysis";
    let row = conn.query_opt(
        ACTION,
        "SELECT analysis::text FROM analyses WHERE article = $1",
        &[&article],
    )?;
    match row {
        Some(row) => decode(
            &row.try_get::<_, String>(0).doing(ACTION)?,
            "analysis",
            article,
        )
        .map(Some),
        None => Ok(None),
    }
}

pub(super) fn replace_stories(conn: &mut Conn, stories: &[Story]) -> Result<(), StoreError> {
    const ACTION: &str = "replacing stories";
    check_partition(stories)?;
    let mut ids = Vec::with_capacity(stories.len());
    let mut first = Vec::with_capacity(stories.len());
    let mut last = Vec::with_capacity(stories.len());
    let mut sizes = Vec::with_capacity(stories.len());
    let mut json = Vec::with_capacity(stories.len());
    let mut member_story = Vec::new();
    let mut member_article = Vec::new();
    let mut seen = HashSet::new();
    for story in stories {
        ids.push(story.id.as_str());
        first.push(story.first_date.as_deref());
        last.push(story.last_date.as_deref());
        sizes.push(sql_count(story.articles.len()));
        json.push(serde_json::to_string(story).doing("encoding a story")?);
        for article in &story.articles {
            // An article may repeat inside one story; it is a member once.
            if seen.insert(article.as_str()) {
                member_story.push(story.id.as_str());
                member_article.push(article.as_str());
            }
        }
    }
    conn.write(ACTION, |conn| {
        let missing = missing_articles(conn, &member_article)?;
        for story in stories {
            if let Some(article) = story.articles.iter().find(|a| missing.contains(*a)) {
                return Err(StoreError::UnknownArticle {
                    what: format!("story {}", story.id),
                    article: article.clone(),
                });
            }
        }
        conn.execute(ACTION, "DELETE FROM story_articles", &[])?;
        conn.execute(ACTION, "DELETE FROM stories", &[])?;
        conn.execute(
            ACTION,
            "INSERT INTO stories (id, first_date, last_date, article_count, story) \
             SELECT x.id, x.first_date, x.last_date, x.n, x.json::jsonb \
             FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[]) \
                  AS x(id, first_date, last_date, n, json)",
            &[&ids, &first, &last, &sizes, &json],
        )?;
        conn.execute(
            ACTION,
            "INSERT INTO story_articles (story, article) \
             SELECT * FROM unnest($1::text[], $2::text[])",
            &[&member_story, &member_article],
        )?;
        Ok(())
    })
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

pub(super) fn stories(conn: &mut Conn, query: &StoryQuery) -> Result<Vec<Story>, StoreError> {
    const ACTION: &str = "listing stories";
    let rows = conn.query(
        ACTION,
        "SELECT id, story::text FROM stories \
         ORDER BY last_date DESC NULLS LAST, article_count DESC, id ASC \
         LIMIT $1 OFFSET $2",
        &[&sql_count(query.limit), &sql_count(query.offset)],
    )?;
    rows.iter()
        .map(|row| {
            let id: String = row.try_get(0).doing(ACTION)?;
            let json: String = row.try_get(1).doing(ACTION)?;
            decode(&json, "story", &id)
        })
        .collect()
}

pub(super) fn story(conn: &mut Conn, id: &str) -> Result<Option<Story>, StoreError> {
    const ACTION: &str = "reading a story";
    let row = conn.query_opt(
        ACTION,
        "SELECT story::text FROM stories WHERE id = $1",
        &[&id],
    )?;
    match row {
        Some(row) => decode(&row.try_get::<_, String>(0).doing(ACTION)?, "story", id).map(Some),
        None => Ok(None),
    }
}

pub(super) fn story_of(conn: &mut Conn, article: &str) -> Result<Option<String>, StoreError> {
    const ACTION: &str = "finding an article's story";
    conn.query_opt(
        ACTION,
        "SELECT story FROM story_articles WHERE article = $1",
        &[&article],
    )?
    .map(|row| row.try_get(0).doing(ACTION))
    .transpose()
}

pub(super) fn decode<T: serde::de::DeserializeOwned>(
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
