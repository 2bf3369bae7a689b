//! One module per subcommand; `run` dispatches.

mod articles;
mod eval;
mod ingest;
mod serve;
mod stories;
mod train;
mod worker;

use crate::cli::Global;
use crate::cli::{Cli, Command};
use anyhow::{Context, Result};
use marsad_store::Store;
use std::process::ExitCode;

pub fn run(cli: Cli) -> Result<ExitCode> {
    let g = &cli.global;
    match cli.command {
        Command::Ingest(args) => ingest::ingest(g, &args, false),
        Command::Run(args) => ingest::ingest(g, &args, true),
        Command::Articles(args) => articles::list(g, &args),
        Command::Show(args) => articles::show(g, &args),
        Command::Read(args) => articles::read(g, &args),
        Command::Stories(args) => stories::list(g, &args),
        Command::Story(args) => stories::show(g, &args),
        Command::Eval(args) => eval::eval(&args),
        Command::Train(args) => train::train(&args),
        Command::Serve(args) => serve::serve(g, &args),
        Command::Search(args) => serve::search(g, &args),
        Command::Reindex => serve::reindex(g),
        Command::Export(args) => serve::export(g, &args),
        Command::Worker(args) => worker::worker(g, &args),
    }
}

/// Opens the store `--store` names (a PostgreSQL URL or a data directory), or the embedded
/// store in the `--data` directory, creating it if needed.
pub fn open_store(g: &Global) -> Result<Box<dyn Store + Send>> {
    let target = store_target(g);
    marsad_store::open_url(&target).with_context(|| format!("opening the store {}", shown(&target)))
}

/// What `--store` (or `MARSAD_STORE`) names, else the data directory.
pub fn store_target(g: &Global) -> String {
    g.store
        .clone()
        .unwrap_or_else(|| g.data.to_string_lossy().into_owned())
}

/// A store target fit to print: a URL without its password.
pub fn shown(target: &str) -> String {
    match (target.find("://"), target.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let creds = &target[scheme + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => {
                    format!("{}{}:***{}", &target[..scheme + 3], user, &target[at..])
                }
                None => target.to_string(),
            }
        }
        _ => target.to_string(),
    }
}
