//! `marsad`: the command line on top of marsad's stages.
//!
//! The binary is thin: each subcommand parses its flags, opens the store, and hands work to
//! the library crates (ingest → read → connect → store → views). Errors get context here.

mod annotate;
mod cli;
mod commands;
mod output;
mod pipeline;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("marsad: error: {e:#}");
            std::process::ExitCode::from(2)
        }
    }
}
