//! `marsad stories` and `marsad story`: what the connect stage made, for a terminal.

use super::open_store;
use crate::cli::Global;
use crate::cli::{ListArgs, ShowArgs};
use crate::output::clip;
use anyhow::{bail, Result};
use marsad_model::{Fact, Story};
use marsad_store::{Store, StoryQuery};
use std::process::ExitCode;

pub fn list(g: &Global, args: &ListArgs) -> Result<ExitCode> {
    let store = open_store(g)?;
    let stories = store.stories(&StoryQuery {
        limit: args.limit,
        offset: args.offset,
    })?;
    let stories: Vec<&Story> = stories
        .iter()
        .filter(|s| {
            args.outlet
                .as_ref()
                .is_none_or(|o| s.outlets.iter().any(|x| x == o))
        })
        .collect();
    if args.json {
        let rows: Vec<serde_json::Value> = stories
            .iter()
            .map(|s| {
                serde_json::json!({
                    "id": s.id, "first_date": s.first_date, "last_date": s.last_date,
                    "articles": s.articles.len(), "outlets": s.outlets, "headline": s.headline,
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    for s in stories {
        println!(
            "{:<20}  {} – {}  {:>3} articles  {:<30}  {}",
            s.id,
            s.first_date.as_deref().unwrap_or("?"),
            s.last_date.as_deref().unwrap_or("?"),
            s.articles.len(),
            clip(&s.outlets.join(", "), 30),
            clip(s.headline.as_deref().unwrap_or("-"), 80),
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn show(g: &Global, args: &ShowArgs) -> Result<ExitCode> {
    let store = open_store(g)?;
    let Some(story) = find_story(&*store, &args.id)? else {
        bail!("no story has the id {}", args.id);
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&story)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("{}", story.headline.as_deref().unwrap_or(&story.id));
    println!(
        "{} · {} – {} · {} articles · {}",
        story.id,
        story.first_date.as_deref().unwrap_or("?"),
        story.last_date.as_deref().unwrap_or("?"),
        story.articles.len(),
        story.outlets.join(", ")
    );
    section("Summary");
    for s in &story.summary {
        println!("  • {}", s.text);
    }
    section("Facts side by side");
    if story.facts.is_empty() {
        println!("  (no figures reported)");
    }
    for f in &story.facts {
        println!("  {}", fact_line(f));
        for r in &f.reports {
            println!(
                "      {:>8} {:<9} {} (via {})  «{}»",
                r.count.map(|c| c.to_string()).unwrap_or_else(|| "?".into()),
                format!("{:?}", r.qualifier).to_lowercase(),
                r.source,
                r.outlet.as_deref().unwrap_or("outlet unknown"),
                clip(&r.text, 60)
            );
        }
    }
    section("Timeline");
    for t in story.timeline.iter().filter(|t| !t.background) {
        timeline_line(t);
    }
    let background: Vec<_> = story.timeline.iter().filter(|t| t.background).collect();
    if !background.is_empty() {
        section("Background");
        for t in background {
            timeline_line(t);
        }
    }
    section("Entities");
    for e in story.entities.iter().take(25) {
        println!(
            "  {:<40} {:>3} mentions  {}",
            clip(&e.label, 40),
            e.mentions,
            e.spellings.join(" · ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn section(title: &str) {
    println!("\n{title}");
    println!("{}", "─".repeat(title.chars().count()));
}

fn fact_line(f: &Fact) -> String {
    let side = f.side.as_deref().unwrap_or("side not stated");
    let conflict = if f.conflict {
        "  ⚠ figures disagree"
    } else {
        ""
    };
    format!(
        "{} {} — {}{}",
        format!("{:?}", f.kind).to_lowercase(),
        f.victims,
        side,
        conflict
    )
}

fn timeline_line(t: &marsad_model::TimelineEntry) {
    println!(
        "  {:<16} {:<9} {:<14} {}",
        t.date,
        t.event_type.as_deref().unwrap_or(""),
        clip(t.outlet.as_deref().unwrap_or("-"), 14),
        clip(&t.text, 90)
    );
}

/// The story whose id is `id`, or the only one whose id starts with it.
fn find_story(store: &dyn Store, id: &str) -> Result<Option<Story>> {
    if let Some(s) = store.story(id)? {
        return Ok(Some(s));
    }
    let all = store.stories(&StoryQuery {
        limit: 100_000,
        offset: 0,
    })?;
    let mut hits = all.into_iter().filter(|s| s.id.starts_with(id));
    match (hits.next(), hits.next()) {
        (Some(s), None) => Ok(Some(s)),
        (Some(_), Some(_)) => bail!("the id prefix {id} names more than one story"),
        _ => Ok(None),
    }
}
