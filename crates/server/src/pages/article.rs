//! The article page: the body with mentions, times, claims and events marked, each
//! mark an anchor (`#span-START-END`) so stories can link to the sentence they cite.

use super::{error_page, layout, story_link};
use crate::html::{escape, ltr, marked, span_id, url_encode, Mark};
use crate::{AppState, ServerError};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use marsad_model::{Analysis, Article, Span};
use serde::Deserialize;
use std::fmt::Write;

#[derive(Debug, Default, Deserialize)]
pub struct ArticleParams {
    /// `START-END`: a span to highlight as the link's target.
    pub hl: Option<String>,
}

fn parse_span(s: &str) -> Option<Span> {
    let (a, b) = s.split_once('-')?;
    let (a, b) = (a.parse().ok()?, b.parse().ok()?);
    (a < b).then(|| Span::new(a, b))
}

pub async fn article_page(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: Result<Query<ArticleParams>, QueryRejection>,
) -> Response {
    let target = p
        .ok()
        .and_then(|Query(p)| p.hl)
        .as_deref()
        .and_then(parse_span);
    let found = s
        .with_store(move |st| {
            let article = st
                .article(&id)?
                .ok_or_else(|| ServerError::NotFound(format!("no article {id}")))?;
            Ok((st.analysis(&id)?, st.story_of(&id)?, article))
        })
        .await;
    match found {
        Ok((analysis, story, article)) => {
            let title = article.title.clone().unwrap_or_else(|| article.id.clone());
            let body = render(&article, analysis.as_ref(), story.as_deref(), target);
            layout(&title, &body).into_response()
        }
        Err(e) => error_page(e),
    }
}

fn mark(span: Span, class: &'static str, title: String) -> Mark {
    Mark {
        span,
        class,
        id: Some(span_id(span)),
        title: Some(title),
    }
}

/// The marks of an analysis; the linked span (if any) comes first so it gets its id.
pub fn marks(analysis: Option<&Analysis>, target: Option<Span>) -> Vec<Mark> {
    let mut out = Vec::new();
    if let Some(t) = target {
        out.push(mark(t, "target", "المقطع المشار إليه".into()));
    }
    let Some(a) = analysis else { return out };
    for c in &a.claims {
        let n = c.count.map_or_else(|| "?".to_string(), |n| n.to_string());
        let kind = serde_json::to_value(c.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        out.push(mark(
            c.span,
            "claim",
            format!("{kind} {n} {} — {}", c.victims, c.source.label),
        ));
    }
    for e in &a.events {
        out.push(mark(e.span, "event", e.kind.clone()));
    }
    for t in &a.times {
        out.push(mark(t.span, "time", t.value.clone()));
    }
    for m in &a.mentions {
        out.push(mark(
            m.span,
            "mention",
            format!("{} {}", m.kind.as_str(), m.entity),
        ));
    }
    out
}

pub fn render(
    article: &Article,
    analysis: Option<&Analysis>,
    story: Option<&str>,
    target: Option<Span>,
) -> String {
    let mut h = String::new();
    let title = article.title.clone().unwrap_or_else(|| article.id.clone());
    let _ = write!(
        h,
        "<h1>{}</h1><p class=\"meta\">{} · {}",
        escape(&title),
        escape(article.outlet.as_deref().unwrap_or("")),
        ltr(article.published.as_deref().unwrap_or(""))
    );
    if let Some(url) = &article.url {
        let _ = write!(
            h,
            " · <a href=\"{}\" rel=\"nofollow noopener\">المصدر</a>",
            escape(url)
        );
    }
    if let Some(st) = story {
        let _ = write!(h, " · {}", story_link(st, "القصة"));
    }
    h.push_str("</p><p class=\"legend meta\"><mark class=\"mention\">كيان</mark><mark class=\"time\">زمن</mark>\
        <mark class=\"claim\">رقم خسائر</mark><mark class=\"event\">حدث</mark></p>");
    let _ = write!(
        h,
        "<article class=\"body\">{}</article>",
        marked(&article.body, &marks(analysis, target))
    );
    let Some(a) = analysis else {
        h.push_str("<p class=\"meta\">لم تُقرأ هذه المقالة بعد.</p>");
        return h;
    };
    if !a.claims.is_empty() {
        h.push_str("<h2>أرقام الخسائر</h2><table><thead><tr><th>النص</th><th>العدد</th><th>الضحايا</th><th>الطرف</th><th>المصدر</th></tr></thead><tbody>");
        for c in &a.claims {
            let _ = write!(
                h,
                "<tr><td><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                span_id(c.span),
                escape(&c.text),
                c.count.map(|n| n.to_string()).unwrap_or_default(),
                escape(&c.victims),
                escape(c.side.as_deref().unwrap_or("")),
                escape(&c.source.label)
            );
        }
        h.push_str("</tbody></table>");
    }
    if !a.events.is_empty() {
        h.push_str("<h2>الأحداث</h2><ul>");
        for e in &a.events {
            let actors: Vec<&str> = e.actors.iter().map(|x| x.label.as_str()).collect();
            let _ = write!(
                h,
                "<li><a href=\"#{}\">{}</a> {} {} {}</li>",
                span_id(e.span),
                escape(&e.kind),
                escape(&actors.join("، ")),
                escape(e.date.as_deref().unwrap_or("")),
                escape(e.location.as_ref().map(|p| p.label.as_str()).unwrap_or(""))
            );
        }
        h.push_str("</ul>");
    }
    if !a.entities.is_empty() {
        h.push_str("<h2>الكيانات</h2><ul>");
        for e in &a.entities {
            let _ = write!(
                h,
                "<li><a href=\"/entities/{}\">{}</a> <span class=\"meta\">{}</span></li>",
                url_encode(&e.id),
                escape(&e.label),
                escape(&e.names.join("، "))
            );
        }
        h.push_str("</ul>");
    }
    h
}
