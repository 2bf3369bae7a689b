//! One module per subcommand; `run` dispatches.

mod articles;
mod eval;
mod ingest;
mod serve;
mod stories;
mod train;

use crate::cli::{Cli, Command};
use anyhow::{Context, Result};
use marsad_store::SqliteStore;
use std::path::Path;
use std::process::ExitCode;

pub fn run(cli: Cli) -> Result<ExitCode> {
    let data = cli.global.data;
    match cli.command {
        Command::Ingest(args) => ingest::ingest(&data, &args, false),
        Command::Run(args) => ingest::ingest(&data, &args, true),
        Command::Articles(args) => articles::list(&data, &args),
        Command::Show(args) => articles::show(&data, &args),
        Command::Read(args) => articles::read(&data, &args),
        Command::Stories(args) => stories::list(&data, &args),
        Command::Story(args) => stories::show(&data, &args),
        Command::Eval(args) => eval::eval(&args),
        Command::Train(args) => train::train(&args),
        Command::Serve(args) => serve::serve(&data, &args),
        Command::Search(args) => serve::search(&data, &args),
        Command::Reindex => serve::reindex(&data),
        Command::Export(args) => serve::export(&data, &args),
    }
}

/// Opens (creating if needed) the embedded store in `data`.
pub fn open_store(data: &Path) -> Result<SqliteStore> {
    SqliteStore::open(data).with_context(|| format!("opening the store in {}", data.display()))
}
