//! The JSON API. Lists are paged (`limit` at most [`MAX_PAGE`]); errors are
//! `{ "error": "..." }` with a 4xx/5xx status.

use crate::catalogue::EntityEntry;
use crate::export::{rows, write_rows, ExportFormat};
use crate::search::SearchQuery;
use crate::views::Views;
use crate::{AppState, ServerError};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use marsad_model::Story;
use marsad_store::ArticleQuery;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Largest page any list returns.
pub const MAX_PAGE: usize = 200;
const DEFAULT_PAGE: usize = 50;

type Params<T> = Result<Query<T>, QueryRejection>;

/// Query parameters, or a JSON 400 saying what is wrong with them.
pub(crate) fn params<T>(p: Params<T>) -> Result<T, ServerError> {
    p.map(|Query(q)| q)
        .map_err(|e| ServerError::BadRequest(e.body_text()))
}

#[derive(Debug, Default, Deserialize)]
pub struct Page {
    pub limit: Option<usize>,
    pub offset: Option<usize>,
    pub outlet: Option<String>,
}

fn limit(l: Option<usize>) -> usize {
    l.unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE)
}

pub async fn articles(State(s): State<AppState>, p: Params<Page>) -> Result<Response, ServerError> {
    let p = params(p)?;
    let q = ArticleQuery {
        limit: limit(p.limit),
        offset: p.offset.unwrap_or(0),
        outlet: p.outlet,
    };
    let (total, list) = s
        .with_store(move |st| Ok((st.article_count()?, st.articles(&q)?)))
        .await?;
    Ok(Json(json!({ "total": total, "articles": list })).into_response())
}

pub async fn article(
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ServerError> {
    let found = s
        .with_store(move |st| {
            let Some(article) = st.article(&id)? else {
                return Err(ServerError::NotFound(format!("no article {id}")));
            };
            Ok((article, st.analysis(&id)?, st.story_of(&id)?))
        })
        .await?;
    let (article, analysis, story) = found;
    Ok(Json(json!({ "article": article, "analysis": analysis, "story": story })).into_response())
}

/// Which stories a list shows.
#[derive(Debug, Default, Deserialize)]
pub struct StoryFilter {
    pub limit: Option<usize>,
    pub offset: Option<usize>,
    /// Stories still running on or after this date.
    pub from: Option<String>,
    /// Stories begun on or before this date.
    pub to: Option<String>,
    pub outlet: Option<String>,
    pub entity: Option<String>,
}

impl StoryFilter {
    pub fn keeps(&self, s: &Story) -> bool {
        let from_ok = self.from.as_deref().is_none_or(|f| {
            s.last_date
                .as_deref()
                .or(s.first_date.as_deref())
                .is_some_and(|d| d >= f)
        });
        let to_ok = self.to.as_deref().is_none_or(|t| {
            s.first_date
                .as_deref()
                .or(s.last_date.as_deref())
                .is_some_and(|d| d <= t)
        });
        let outlet_ok = self
            .outlet
            .as_deref()
            .is_none_or(|o| s.outlets.iter().any(|x| x == o));
        let entity_ok = self
            .entity
            .as_deref()
            .is_none_or(|e| s.entities.iter().any(|x| x.entity == e));
        from_ok && to_ok && outlet_ok && entity_ok
    }

    fn check(&self) -> Result<(), ServerError> {
        for (name, d) in [("from", &self.from), ("to", &self.to)] {
            if let Some(d) = d {
                let b = d.as_bytes();
                let ok = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
                if !ok {
                    return Err(ServerError::BadRequest(format!(
                        "{name} must be a date YYYY-MM-DD"
                    )));
                }
            }
        }
        Ok(())
    }
}

/// How many stories the filter keeps, and the indexes (in `views.stories()`) of one
/// page of them.
pub(crate) fn filtered_stories(
    views: &Views,
    f: &StoryFilter,
) -> Result<(usize, Vec<usize>), ServerError> {
    f.check()?;
    let mut total = 0;
    let mut page = Vec::new();
    let (offset, limit) = (f.offset.unwrap_or(0), limit(f.limit));
    for (i, story) in views.stories().iter().enumerate() {
        if f.keeps(story) {
            if total >= offset && page.len() < limit {
                page.push(i);
            }
            total += 1;
        }
    }
    Ok((total, page))
}

#[derive(Serialize)]
struct StoryList<'a> {
    total: usize,
    stories: Vec<&'a Story>,
}

pub async fn stories(
    State(s): State<AppState>,
    p: Params<StoryFilter>,
) -> Result<Response, ServerError> {
    let f = params(p)?;
    let views = s.views().await?;
    let (total, page) = filtered_stories(&views, &f)?;
    let stories = page
        .iter()
        .filter_map(|&i| views.stories().get(i))
        .collect();
    Ok(Json(StoryList { total, stories }).into_response())
}

pub async fn story(
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ServerError> {
    let body = s
        .views()
        .await?
        .story_json(&id)?
        .ok_or_else(|| ServerError::NotFound(format!("no story {id}")))?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

#[derive(Serialize)]
struct EntityLine<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: Option<marsad_model::EntityType>,
    label: &'a str,
    spellings: Vec<&'a str>,
    articles: usize,
    stories: usize,
}

pub async fn entities(State(s): State<AppState>, p: Params<Page>) -> Result<Response, ServerError> {
    let p = params(p)?;
    let index = s.index();
    let all = &index.catalogue().entities;
    let mut list: Vec<&EntityEntry> = all.values().collect();
    list.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(a.id.cmp(&b.id))
    });
    let page: Vec<EntityLine> = list
        .into_iter()
        .skip(p.offset.unwrap_or(0))
        .take(limit(p.limit))
        .map(|e| EntityLine {
            id: &e.id,
            kind: e.kind,
            label: &e.label,
            spellings: e.spellings.iter().map(|s| s.text.as_str()).collect(),
            articles: e.articles.len(),
            stories: e.stories.len(),
        })
        .collect();
    Ok(Json(json!({ "total": all.len(), "entities": page })).into_response())
}

pub async fn entity(
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ServerError> {
    let entry = s
        .index()
        .catalogue()
        .entity(&id)
        .cloned()
        .ok_or_else(|| ServerError::NotFound(format!("no entity {id}")))?;
    Ok(Json(entry).into_response())
}

pub async fn search(
    State(s): State<AppState>,
    p: Params<SearchQuery>,
) -> Result<Response, ServerError> {
    let q = params(p)?;
    let index = s.index();
    let hits = tokio::task::spawn_blocking(move || index.search(&q))
        .await
        .map_err(|e| ServerError::Task(e.to_string()))??;
    Ok(Json(json!({ "hits": hits })).into_response())
}

#[derive(Debug, Deserialize)]
pub struct ExportParams {
    pub format: Option<String>,
    pub story: Option<String>,
}

pub async fn export(
    State(s): State<AppState>,
    p: Params<ExportParams>,
) -> Result<Response, ServerError> {
    let p = params(p)?;
    let name = p.format.as_deref().unwrap_or("json");
    let format = ExportFormat::parse(name).ok_or_else(|| {
        ServerError::BadRequest(format!("format must be json, csv or geojson, not {name:?}"))
    })?;
    let story = p.story;
    let rows = s.with_store(move |st| rows(st, story.as_deref())).await?;
    let mut body = Vec::new();
    write_rows(&rows, format, &mut body)?;
    Ok(([(header::CONTENT_TYPE, format.content_type())], body).into_response())
}

pub async fn openapi() -> Json<Value> {
    Json(crate::openapi::document())
}
