//! The story page: summary, facts side by side (one column per source and outlet),
//! timeline, entities with their spellings, and the articles.

use super::{article_href, error_page, layout};
use crate::html::{escape, ltr, url_encode};
use crate::{AppState, ServerError};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use marsad_model::{FactReport, LossKind, Qualifier, Story};
use marsad_store::ArticleSummary;
use std::fmt::Write;

pub async fn story_page(State(s): State<AppState>, Path(id): Path<String>) -> Response {
    match page(&s, id).await {
        Ok(html) => Html(html).into_response(),
        Err(e) => error_page(e),
    }
}

/// The whole page, made once per store revision.
async fn page(s: &AppState, id: String) -> Result<Bytes, ServerError> {
    let views = s.views().await?;
    if let Some(html) = views.page(&id) {
        return Ok(html);
    }
    let story = views
        .story(&id)
        .cloned()
        .ok_or_else(|| ServerError::NotFound(format!("no story {id}")))?;
    let members = story.articles.clone();
    let articles = s
        .with_store(move |st| {
            let mut articles = Vec::new();
            for a in &members {
                if let Some(x) = st.article(a)? {
                    articles.push(ArticleSummary {
                        id: x.id,
                        published: x.published,
                        outlet: x.outlet,
                        title: x.title,
                        language: x.language,
                        near_duplicate_of: x.near_duplicate_of,
                        source: x.source,
                    });
                }
            }
            Ok(articles)
        })
        .await?;
    let title = story.headline.clone().unwrap_or_else(|| story.id.clone());
    let html = Bytes::from(layout(&title, &render(&story, &articles)).0);
    views.keep_page(&id, html.clone());
    Ok(html)
}

fn kind_ar(k: LossKind) -> &'static str {
    match k {
        LossKind::Killed => "قتلى",
        LossKind::Wounded => "جرحى",
        LossKind::Displaced => "نازحون",
        LossKind::Captured => "أسرى",
        LossKind::Missing => "مفقودون",
        LossKind::Damaged => "أضرار",
        LossKind::Other => "أخرى",
    }
}

fn qualifier_ar(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "",
        Qualifier::AtLeast => "على الأقل ",
        Qualifier::About => "نحو ",
        Qualifier::MoreThan => "أكثر من ",
        Qualifier::UpTo => "حتى ",
    }
}

/// The column a report goes in: who said it, in which outlet.
fn column(r: &FactReport) -> String {
    // The claim schema says `outlet` when the article states a figure in its own voice.
    let source = if r.source == "outlet" {
        "بلسان الوسيلة"
    } else {
        r.source.as_str()
    };
    match &r.outlet {
        Some(o) => format!("{source} — {o}"),
        None => source.to_string(),
    }
}

fn figure(r: &FactReport) -> String {
    let n = r.count.map_or_else(|| r.text.clone(), |c| c.to_string());
    format!(
        "<a class=\"figure\" href=\"{}\" title=\"{}\">{}{}</a>",
        article_href(&r.article, Some(r.span)),
        escape(&r.text),
        qualifier_ar(r.qualifier),
        escape(&n)
    )
}

pub fn render(story: &Story, articles: &[ArticleSummary]) -> String {
    let mut h = String::new();
    let headline = story.headline.clone().unwrap_or_else(|| story.id.clone());
    let dates = match (&story.first_date, &story.last_date) {
        (Some(a), Some(b)) if a != b => format!("{a} — {b}"),
        (Some(a), _) | (None, Some(a)) => a.clone(),
        _ => String::new(),
    };
    let _ = write!(
        h,
        "<h1>{}</h1><p class=\"meta\">{} · {} مقالات · {} · <a href=\"/api/export?format=csv&amp;story={}\">تصدير CSV</a></p>",
        escape(&headline),
        ltr(&dates),
        story.articles.len(),
        escape(&story.outlets.join("، ")),
        url_encode(&story.id)
    );
    if !story.summary.is_empty() {
        h.push_str("<h2>ملخص</h2><ul class=\"summary\">");
        for s in &story.summary {
            let _ = write!(
                h,
                "<li>{} <a href=\"{}\" class=\"meta\">[المصدر]</a></li>",
                escape(&s.text),
                article_href(&s.article, Some(s.span))
            );
        }
        h.push_str("</ul>");
    }
    facts(&mut h, story);
    if !story.timeline.is_empty() {
        h.push_str("<h2>التسلسل الزمني</h2><ol class=\"timeline\">");
        for t in &story.timeline {
            let class = if t.background {
                " class=\"background\""
            } else {
                ""
            };
            let _ = write!(
                h,
                "<li{class}><span class=\"date\">{}</span>{} <a href=\"{}\">{}</a> <span class=\"meta\">{}</span></li>",
                ltr(&t.date),
                t.event_type
                    .as_deref()
                    .map(|e| format!("<span class=\"meta\">[{}]</span> ", escape(e)))
                    .unwrap_or_default(),
                article_href(&t.article, Some(t.span)),
                escape(&t.text),
                escape(t.outlet.as_deref().unwrap_or(""))
            );
        }
        h.push_str("</ol>");
    }
    if !story.entities.is_empty() {
        h.push_str("<h2>الأطراف والأماكن</h2><table><thead><tr><th>الاسم</th><th>الكتابات</th><th>الذكر</th></tr></thead><tbody>");
        for e in &story.entities {
            let spellings: Vec<String> = e
                .spellings
                .iter()
                .map(|s| format!("<span>{}</span>", escape(s)))
                .collect();
            let _ = write!(
                h,
                "<tr><td><a href=\"/entities/{}\">{}</a></td><td class=\"spellings\">{}</td><td>{}</td></tr>",
                url_encode(&e.entity),
                escape(&e.label),
                spellings.join(" "),
                e.mentions
            );
        }
        h.push_str("</tbody></table>");
    }
    h.push_str("<h2>المقالات</h2><ul>");
    for a in articles {
        let _ = write!(
            h,
            "<li><a href=\"{}\">{}</a> <span class=\"meta\">{} · {}</span></li>",
            article_href(&a.id, None),
            escape(a.title.as_deref().unwrap_or(&a.id)),
            escape(a.outlet.as_deref().unwrap_or("")),
            ltr(a.published.as_deref().unwrap_or(""))
        );
    }
    h.push_str("</ul>");
    h
}

/// The facts table: one row per (kind, victims, side), one column per source and outlet.
fn facts(h: &mut String, story: &Story) {
    if story.facts.is_empty() {
        return;
    }
    let mut columns: Vec<String> = Vec::new();
    for f in &story.facts {
        for r in &f.reports {
            let c = column(r);
            if !columns.contains(&c) {
                columns.push(c);
            }
        }
    }
    h.push_str("<h2>الأرقام جنباً إلى جنب</h2><table class=\"facts\"><thead><tr><th>النوع</th><th>الضحايا</th><th>الطرف</th>");
    for c in &columns {
        let _ = write!(h, "<th>{}</th>", escape(c));
    }
    h.push_str("</tr></thead><tbody>");
    for f in &story.facts {
        let class = if f.conflict {
            " class=\"conflict\""
        } else {
            ""
        };
        let flag = if f.conflict {
            " <span class=\"flag\">⚠ أرقام متضاربة</span>"
        } else {
            ""
        };
        let _ = write!(
            h,
            "<tr{class}><td class=\"row\">{}{flag}</td><td>{}</td><td>{}</td>",
            kind_ar(f.kind),
            escape(&f.victims),
            escape(f.side.as_deref().unwrap_or(""))
        );
        for c in &columns {
            let cell: Vec<String> = f
                .reports
                .iter()
                .filter(|r| &column(r) == c)
                .map(figure)
                .collect();
            let _ = write!(h, "<td>{}</td>", cell.join("<br>"));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
}
