//! `marsad serve`, `search`, `reindex`, `export`: the views, all reading from the store.

use super::open_store;
use crate::cli::Global;
use crate::cli::{ExportArgs, SearchArgs, ServeArgs};
use anyhow::{bail, Context, Result};
use marsad_server::{ExportFormat, SearchQuery};
use std::io::Write;
use std::process::ExitCode;

pub fn serve(g: &Global, args: &ServeArgs) -> Result<ExitCode> {
    let store = open_store(g)?;
    eprintln!(
        "marsad: serving {} on http://{}/",
        g.data.display(),
        args.addr
    );
    marsad_server::serve_blocking(store, g.data.clone(), args.addr)
        .context("running the server")?;
    Ok(ExitCode::SUCCESS)
}

pub fn reindex(g: &Global) -> Result<ExitCode> {
    let store = open_store(g)?;
    let index = marsad_server::reindex(&*store, &marsad_server::index_dir(&g.data))
        .context("rebuilding the search index")?;
    println!("search index rebuilt: {} articles", index.num_docs());
    Ok(ExitCode::SUCCESS)
}

pub fn search(g: &Global, args: &SearchArgs) -> Result<ExitCode> {
    let store = open_store(g)?;
    let index = marsad_server::open_or_rebuild(&*store, &marsad_server::index_dir(&g.data))
        .context("opening the search index")?;
    let hits = index.search(&SearchQuery {
        q: args.query.join(" "),
        from: args.from.clone(),
        to: args.to.clone(),
        outlet: args.outlet.clone(),
        entity: args.entity.clone(),
        story: args.story.clone(),
        limit: args.limit,
    })?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&hits)?);
        return Ok(ExitCode::SUCCESS);
    }
    if hits.is_empty() {
        println!("no article matches");
    }
    for h in &hits {
        println!(
            "{}  {}  {}  {:.2}  {}",
            h.article,
            h.published
                .as_deref()
                .and_then(|p| p.get(..10))
                .unwrap_or("-"),
            h.outlet.as_deref().unwrap_or("-"),
            h.score,
            h.title.as_deref().unwrap_or("")
        );
        println!("    {}", terminal_snippet(&h.snippet));
    }
    Ok(ExitCode::SUCCESS)
}

/// The snippet is HTML for the web page; on a terminal, marks become brackets.
fn terminal_snippet(html: &str) -> String {
    html.replace("<mark>", "[")
        .replace("</mark>", "]")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

pub fn export(g: &Global, args: &ExportArgs) -> Result<ExitCode> {
    let Some(format) = ExportFormat::parse(&args.format) else {
        bail!(
            "unknown export format {:?}: use json, csv or geojson",
            args.format
        );
    };
    let store = open_store(g)?;
    match &args.output {
        Some(path) => {
            let mut file = std::io::BufWriter::new(
                std::fs::File::create(path)
                    .with_context(|| format!("creating {}", path.display()))?,
            );
            marsad_server::export(&*store, format, args.story.as_deref(), &mut file)?;
            file.flush()?;
        }
        None => {
            let mut out = std::io::stdout().lock();
            marsad_server::export(&*store, format, args.story.as_deref(), &mut out)?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
