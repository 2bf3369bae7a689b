//! `marsad ingest` (sources → store) and `marsad run` (the whole job: ingest, read,
//! connect).

use super::open_store;
use crate::cli::Global;
use crate::cli::IngestArgs;
use crate::output::progress;
use crate::pipeline::{self, Ingester};
use anyhow::Result;
use marsad_ingest::Options;
use marsad_store::Store;
use std::process::ExitCode;

pub fn ingest(g: &Global, args: &IngestArgs, whole_job: bool) -> Result<ExitCode> {
    let mut store = open_store(g)?;
    let summary = ingest_into(&mut *store, args)?;
    if !whole_job {
        if args.json {
            println!("{}", serde_json::to_string_pretty(&summary)?);
        } else {
            println!("{}", summary.line());
        }
        return Ok(exit_code(summary.errors));
    }
    let bar = progress(args.json);
    bar.set_message("reading");
    let read = pipeline::read_unread(&mut *store, args.batch, &mut |s| {
        bar.set_position(s.read);
    })?;
    bar.set_message("grouping into stories");
    let connect = pipeline::connect(&mut *store)?;
    bar.finish_and_clear();
    if args.json {
        let out = serde_json::json!({ "ingest": summary, "read": read, "connect": connect });
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!("ingest: {}", summary.line());
        println!(
            "read: {} articles ({} mentions, {} times, {} claims, {} events) ({:.0} articles/s)",
            read.read,
            read.mentions,
            read.times,
            read.claims,
            read.events,
            read.articles_per_second
        );
        println!(
            "connect: {} articles in {} stories ({} with several articles)",
            connect.articles, connect.stories, connect.multi_article_stories
        );
        println!("see them with: marsad --data {} stories", g.data.display());
    }
    Ok(exit_code(summary.errors))
}

/// Reads every path of `args` into `store`, printing input errors as they come.
pub fn ingest_into(store: &mut dyn Store, args: &IngestArgs) -> Result<pipeline::IngestSummary> {
    let opts = Options {
        max_bytes: args.max_bytes,
    };
    let bar = progress(args.json);
    let mut ingester = Ingester::new(store, args.batch, false);
    for path in &args.paths {
        ingester.ingest_path(
            path,
            &opts,
            &mut |e| bar.suspend(|| eprintln!("marsad: {e}")),
            &mut |s| {
                if s.read % 64 == 0 {
                    bar.set_message(format!("{} read, {} errors", s.read, s.errors));
                }
                bar.inc(1);
            },
        )?;
    }
    let (summary, _) = ingester.finish()?;
    bar.finish_and_clear();
    Ok(summary)
}

/// Exit status 1 tells a script that some input could not be read (the rest was).
fn exit_code(errors: u64) -> ExitCode {
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
