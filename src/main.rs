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

/// mimalloc rather than the system allocator: reading allocates many short-lived strings
/// and vectors per article, and mimalloc serves them faster (`cargo bench -p
/// marsad-extract --bench read` uses the same allocator, so it measures what runs here).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        // A reader that stops early (`marsad export | head`) is not an error.
        Err(e) if is_broken_pipe(&e) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("marsad: error: {e:#}");
            std::process::ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.to_string().contains("Broken pipe")
    })
}
