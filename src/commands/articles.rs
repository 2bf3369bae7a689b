//! `marsad articles` and `marsad show`.

use super::open_store;
use crate::cli::Global;
use crate::cli::{ListArgs, ShowArgs};
use crate::output::clip;
use anyhow::{bail, Result};
use marsad_store::{ArticleQuery, Store};
use std::process::ExitCode;

pub fn list(g: &Global, args: &ListArgs) -> Result<ExitCode> {
    let store = open_store(g)?;
    let rows = store.articles(&ArticleQuery {
        limit: args.limit,
        offset: args.offset,
        outlet: args.outlet.clone(),
    })?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    for a in &rows {
        println!(
            "{}  {:<10}  {:<20}  {}",
            a.id,
            a.published
                .as_deref()
                .map(|p| clip(p, 10))
                .unwrap_or_else(|| "-".into()),
            clip(a.outlet.as_deref().unwrap_or("-"), 20),
            clip(a.title.as_deref().unwrap_or(&a.source), 70),
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn show(g: &Global, args: &ShowArgs) -> Result<ExitCode> {
    let store = open_store(g)?;
    let Some(article) = find_article(&*store, &args.id)? else {
        bail!("no stored article has the id {}", args.id);
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&article)?);
        return Ok(ExitCode::SUCCESS);
    }
    let field = |name: &str, v: Option<&str>| println!("{name:<10} {}", v.unwrap_or("-"));
    field("id", Some(&article.id));
    field("title", article.title.as_deref());
    field("outlet", article.outlet.as_deref());
    field("published", article.published.as_deref());
    field("url", article.url.as_deref());
    field("source", Some(&article.source));
    field("format", Some(article.format.as_str()));
    field("language", Some(&article.language));
    field("near-dup", article.near_duplicate_of.as_deref());
    println!();
    println!("{}", article.body);
    if !article.boilerplate.is_empty() {
        println!();
        println!("— removed as site furniture —");
        for line in &article.boilerplate {
            println!("  {line}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The article whose id is `id`, or the only one whose id starts with it.
pub fn find_article(store: &dyn Store, id: &str) -> Result<Option<marsad_model::Article>> {
    if let Some(a) = store.article(id)? {
        return Ok(Some(a));
    }
    if id.len() < 4 {
        return Ok(None);
    }
    let mut found = None;
    let mut offset = 0;
    loop {
        let page = store.articles(&ArticleQuery {
            limit: 1000,
            offset,
            outlet: None,
        })?;
        if page.is_empty() {
            break;
        }
        for row in &page {
            if row.id.starts_with(id) {
                if found.is_some() {
                    bail!("the id prefix {id} names more than one article");
                }
                found = Some(row.id.clone());
            }
        }
        offset += page.len();
    }
    match found {
        Some(full) => Ok(store.article(&full)?),
        None => Ok(None),
    }
}

/// `marsad read ID`: the article with every annotation marked and listed with its span.
pub fn read(g: &Global, args: &ShowArgs) -> Result<ExitCode> {
    let store = open_store(g)?;
    let Some(article) = find_article(&*store, &args.id)? else {
        bail!("no stored article has the id {}", args.id);
    };
    let Some(analysis) = store.analysis(&article.id)? else {
        bail!(
            "article {} has not been read yet (run `marsad run` on its source)",
            article.id
        );
    };
    if args.json {
        let out = serde_json::json!({ "article": article, "analysis": analysis });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    crate::annotate::print_read(&article, &analysis);
    Ok(ExitCode::SUCCESS)
}
