//! `marsad worker`: one of many processes that read queued articles and regroup stories
//! on a shared store (PostgreSQL; on SQLite it is a single worker).

use super::{shown, store_target};
use crate::cli::{Global, WorkerArgs};
use crate::pipeline;
use anyhow::{Context, Result};
use std::process::ExitCode;
use std::time::Duration;

pub fn worker(g: &Global, args: &WorkerArgs) -> Result<ExitCode> {
    let target = store_target(g);
    let mut queue = marsad_store::open_queue(&target)
        .with_context(|| format!("opening the store {}", shown(&target)))?;
    let name = args.name.clone().unwrap_or_else(|| {
        let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "marsad".into());
        format!("{host}:{}", std::process::id())
    });
    let mut options = marsad_store::WorkerOptions::new(name.clone());
    options.batch = args.batch.max(1);
    options.lease = Duration::from_secs(args.lease_secs.max(1));
    options.exit_when_idle = args.exit_when_idle;
    let mut reader = marsad_extract::Reader::new();
    let summary = marsad_store::run_worker(
        &mut *queue,
        &options,
        &mut |article| reader.read(article),
        &mut |store| {
            pipeline::connect(store)
                .map(|_| ())
                .map_err(|e| format!("{e:#}").into())
        },
        &mut |s| {
            eprintln!(
                "marsad worker {name}: {} batches, {} analyses written, {} rejected",
                s.batches, s.written, s.rejected
            )
        },
    )
    .context("running the worker")?;
    println!(
        "{}",
        serde_json::json!({
            "worker": name, "batches": summary.batches, "written": summary.written,
            "rejected": summary.rejected, "connects": summary.connects, "seconds": summary.seconds,
        })
    );
    Ok(ExitCode::SUCCESS)
}
