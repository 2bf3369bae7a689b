//! Server-rendered pages, right to left, usable without JavaScript. Every string from an
//! article, a story or a request is escaped by `html::escape` / `html::marked`.

mod article;
mod story;

pub use article::article_page;
pub use story::story_page;

use crate::api::{filtered_stories, params, StoryFilter};
use crate::html::{escape, ltr, url_encode};
use crate::search::SearchQuery;
use crate::{AppState, ServerError};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use std::fmt::Write;

const STYLE: &str = r#"
:root { --ink:#1f2328; --muted:#5b6470; --line:#d9d6cf; --paper:#fbfaf7; --accent:#0b5d8a; }
* { box-sizing: border-box; }
body { margin:0; background:var(--paper); color:var(--ink);
  font-family:"Noto Naskh Arabic","Noto Sans Arabic","Amiri","Scheherazade New","Segoe UI",Tahoma,"DejaVu Sans",sans-serif;
  font-size:18px; line-height:1.85; }
header.site { background:#14324a; color:#fff; padding:.6rem 1.5rem; display:flex; gap:1.5rem; align-items:center; flex-wrap:wrap; }
header.site a { color:#fff; text-decoration:none; font-weight:bold; font-size:1.3rem; }
header.site form { margin-inline-start:auto; }
main { max-width:72rem; margin:0 auto; padding:1rem 1.5rem 3rem; }
h1 { font-size:1.6rem; line-height:1.5; margin:.8rem 0; }
h2 { font-size:1.25rem; border-bottom:2px solid var(--line); padding-bottom:.2rem; margin-top:2rem; }
a { color:var(--accent); }
.meta { color:var(--muted); font-size:.95rem; }
table { border-collapse:collapse; width:100%; margin:.5rem 0; background:#fff; }
th, td { border:1px solid var(--line); padding:.35rem .6rem; text-align:start; vertical-align:top; }
th { background:#f0ede6; font-weight:bold; }
tr.conflict td.row { border-inline-start:4px solid #c0392b; }
.flag { color:#c0392b; font-weight:bold; white-space:nowrap; }
.figure { font-weight:bold; font-size:1.1rem; }
input[type=search], input[type=date], input[type=text] { font:inherit; padding:.2rem .5rem; border:1px solid var(--line); border-radius:4px; }
button { font:inherit; padding:.2rem .9rem; }
ol.timeline { list-style:none; padding:0; border-inline-start:3px solid var(--line); }
ol.timeline li { margin:.6rem 0; padding-inline-start:1rem; }
ol.timeline .date { font-weight:bold; color:var(--accent); margin-inline-end:.5rem; }
.background { color:var(--muted); }
article.body { background:#fff; border:1px solid var(--line); padding:1rem 1.5rem; white-space:pre-wrap; }
mark { background:#fff3b0; color:inherit; border-radius:2px; }
mark.mention { background:#dcecff; }
mark.time { background:#e6f4d7; }
mark.event { background:#f6e0ff; }
mark.claim { background:#ffe1cc; }
mark.target, mark:target { background:#ffd24d; outline:3px solid #e0a800; }
.legend mark { padding:0 .3rem; margin-inline-end:.4rem; }
.hit { margin:1rem 0; padding:.6rem 1rem; background:#fff; border:1px solid var(--line); }
.spellings span { display:inline-block; background:#eef3f8; border-radius:3px; padding:0 .4rem; margin:.1rem; }
"#;

/// A whole page: `title` is plain text (escaped here), `body` is HTML.
pub fn layout(title: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!DOCTYPE html>\n<html dir=\"rtl\" lang=\"ar\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — مرصد</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header class=\"site\"><a href=\"/\">مرصد</a>\
         <form action=\"/search\" method=\"get\" role=\"search\">\
         <input type=\"search\" name=\"q\" placeholder=\"ابحث في الأخبار\" aria-label=\"بحث\"> \
         <button type=\"submit\">بحث</button></form></header>\n<main>\n{body}\n</main>\n</body>\n</html>\n",
        escape(title)
    ))
}

/// An error as a page, with the right status.
pub fn error_page(e: ServerError) -> Response {
    let status = e.status();
    let title = if status == StatusCode::NOT_FOUND {
        "غير موجود"
    } else {
        "خطأ"
    };
    let body = format!("<h1>{}</h1><p>{}</p>", title, escape(&e.to_string()));
    (status, layout(title, &body)).into_response()
}

pub(crate) fn story_link(id: &str, text: &str) -> String {
    format!(
        "<a href=\"/stories/{}\">{}</a>",
        url_encode(id),
        escape(text)
    )
}

pub(crate) fn article_href(id: &str, span: Option<marsad_model::Span>) -> String {
    match span {
        Some(s) => format!(
            "/articles/{}?hl={}-{}#span-{}-{}",
            url_encode(id),
            s.start,
            s.end,
            s.start,
            s.end
        ),
        None => format!("/articles/{}", url_encode(id)),
    }
}

pub async fn story_list(
    State(s): State<AppState>,
    p: Result<Query<StoryFilter>, QueryRejection>,
) -> Response {
    match story_list_body(&s, p).await {
        Ok(html) => layout("القصص", &html).into_response(),
        Err(e) => error_page(e),
    }
}

async fn story_list_body(
    s: &AppState,
    p: Result<Query<StoryFilter>, QueryRejection>,
) -> Result<String, ServerError> {
    let f = params(p)?;
    let (from, to) = (
        f.from.clone().unwrap_or_default(),
        f.to.clone().unwrap_or_default(),
    );
    let offset = f.offset.unwrap_or(0);
    let views = s.views().await?;
    let (total, page) = filtered_stories(&views, &f)?;
    let stories: Vec<&marsad_model::Story> = page
        .iter()
        .filter_map(|&i| views.stories().get(i))
        .collect();
    let mut h = String::new();
    let _ = write!(
        h,
        "<h1>القصص</h1><form method=\"get\" action=\"/\" class=\"meta\">من <input type=\"date\" name=\"from\" value=\"{}\"> \
         إلى <input type=\"date\" name=\"to\" value=\"{}\"> <button>تصفية</button></form>\
         <p class=\"meta\">{total} قصة</p><table><thead><tr><th>العنوان</th><th>التاريخ</th>\
         <th>المقالات</th><th>المصادر</th></tr></thead><tbody>",
        escape(&from),
        escape(&to)
    );
    for st in stories.iter().copied() {
        let headline = st.headline.clone().unwrap_or_else(|| st.id.clone());
        let dates = match (&st.first_date, &st.last_date) {
            (Some(a), Some(b)) if a != b => format!("{a} — {b}"),
            (Some(a), _) | (None, Some(a)) => a.clone(),
            _ => String::new(),
        };
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"meta\">{}</td><td>{}</td><td>{}</td></tr>",
            story_link(&st.id, &headline),
            ltr(&dates),
            st.articles.len(),
            escape(&st.outlets.join("، "))
        );
    }
    h.push_str("</tbody></table>");
    if offset + stories.len() < total {
        let _ = write!(
            h,
            "<p><a href=\"/?offset={}&amp;from={}&amp;to={}\">المزيد</a></p>",
            offset + stories.len(),
            url_encode(&from),
            url_encode(&to)
        );
    }
    Ok(h)
}

pub async fn entity_page(State(s): State<AppState>, Path(id): Path<String>) -> Response {
    let Some(e) = s.index().catalogue().entity(&id).cloned() else {
        return error_page(ServerError::NotFound(format!("no entity {id}")));
    };
    let views = match s.views().await {
        Ok(v) => v,
        Err(err) => return error_page(err),
    };
    let headlines: Vec<(&String, Option<String>)> = e
        .stories
        .iter()
        .map(|sid| (sid, views.story(sid).and_then(|x| x.headline.clone())))
        .collect();
    let mut h = String::new();
    let kind = e.kind.map(|k| k.as_str()).unwrap_or("");
    let _ = write!(
        h,
        "<h1>{}</h1><p class=\"meta\">{} · {}",
        escape(&e.label),
        escape(&e.id),
        escape(kind)
    );
    if let Some((lat, lon)) = e.coordinates {
        let _ = write!(h, " · {lat:.4}, {lon:.4}");
    }
    if let Some(side) = &e.side {
        let _ = write!(h, " · {}", escape(side));
    }
    h.push_str("</p><h2>كل الكتابات</h2><p class=\"spellings\">");
    for sp in &e.spellings {
        let _ = write!(
            h,
            "<span>{} <small class=\"meta\">({})</small></span> ",
            escape(&sp.text),
            sp.mentions
        );
    }
    h.push_str("</p><h2>القصص</h2><ul>");
    for (sid, headline) in &headlines {
        let _ = write!(
            h,
            "<li>{}</li>",
            story_link(sid, headline.as_deref().unwrap_or(sid))
        );
    }
    h.push_str("</ul><h2>المقالات</h2><ul>");
    for a in &e.articles {
        let _ = write!(
            h,
            "<li><a href=\"{}\">{}</a></li>",
            article_href(a, None),
            escape(a)
        );
    }
    h.push_str("</ul>");
    layout(&e.label, &h).into_response()
}

pub async fn search_page(
    State(s): State<AppState>,
    p: Result<Query<SearchQuery>, QueryRejection>,
) -> Response {
    let q = match params(p) {
        Ok(q) => q,
        Err(e) => return error_page(e),
    };
    let mut h = String::new();
    let _ = write!(
        h,
        "<h1>بحث</h1><form method=\"get\" action=\"/search\"><input type=\"search\" name=\"q\" value=\"{}\" size=\"40\"> \
         من <input type=\"date\" name=\"from\" value=\"{}\"> إلى <input type=\"date\" name=\"to\" value=\"{}\"> \
         المصدر <input type=\"text\" name=\"outlet\" value=\"{}\" size=\"12\"> <button>بحث</button></form>",
        escape(&q.q),
        escape(q.from.as_deref().unwrap_or("")),
        escape(q.to.as_deref().unwrap_or("")),
        escape(q.outlet.as_deref().unwrap_or(""))
    );
    let q = SearchQuery {
        from: q.from.filter(|x| !x.is_empty()),
        to: q.to.filter(|x| !x.is_empty()),
        outlet: q.outlet.filter(|x| !x.is_empty()),
        ..q
    };
    if q.q.trim().is_empty() && q.entity.is_none() && q.story.is_none() {
        return layout("بحث", &h).into_response();
    }
    let index = s.index();
    let title = q.q.clone();
    let hits = match tokio::task::spawn_blocking(move || index.search(&q)).await {
        Ok(Ok(hits)) => hits,
        Ok(Err(e)) => return error_page(e),
        Err(e) => return error_page(ServerError::Task(e.to_string())),
    };
    let _ = write!(h, "<p class=\"meta\">{} نتيجة</p>", hits.len());
    for hit in &hits {
        let title = hit.title.clone().unwrap_or_else(|| hit.article.clone());
        let _ = write!(
            h,
            "<div class=\"hit\"><a href=\"{}\">{}</a> <span class=\"meta\">{} · {}</span>",
            article_href(&hit.article, None),
            escape(&title),
            escape(hit.outlet.as_deref().unwrap_or("")),
            ltr(hit.published.as_deref().unwrap_or(""))
        );
        if let Some(st) = &hit.story {
            let _ = write!(h, " · {}", story_link(st, "القصة"));
        }
        // The snippet is built by `snippet::snippet`, which escapes the article text.
        let _ = write!(h, "<p>{}</p></div>", hit.snippet);
    }
    layout(&format!("بحث: {title}"), &h).into_response()
}
