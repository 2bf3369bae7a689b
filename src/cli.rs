//! The command-line surface: subcommands and their flags.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "marsad",
    version,
    about = "Arabic news observatory: ingest, read, connect and serve Arabic news"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Data directory of the embedded store.
    #[arg(
        long,
        global = true,
        env = "MARSAD_DATA",
        default_value = "marsad-data"
    )]
    pub data: PathBuf,
    /// The store: a PostgreSQL URL (`postgres://user@host/db`) or a data directory.
    /// Default: the embedded SQLite store in the --data directory.
    #[arg(long, global = true, env = "MARSAD_STORE")]
    pub store: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles from files, folders or `-` (stdin) and store them.
    Ingest(IngestArgs),
    /// Do the whole job: ingest, read, group into stories, store.
    Run(IngestArgs),
    /// List stored articles.
    Articles(ListArgs),
    /// Show one article with its metadata and the boilerplate that was removed.
    Show(ShowArgs),
    /// Show one article with its mentions, times, claims and events marked.
    Read(ShowArgs),
    /// List stories: date range, article count, outlets, headline.
    Stories(ListArgs),
    /// Show one story: timeline, facts side by side, entities, summary.
    Story(ShowArgs),
    /// Score the pipeline against gold annotations (see ../shared/eval/FORMAT.md).
    Eval(EvalArgs),
    /// Serve the HTTP JSON API and the web page.
    Serve(ServeArgs),
    /// Full-text search that understands Arabic spellings.
    Search(SearchArgs),
    /// Rebuild the search index from the store.
    Reindex,
    /// Export events and claims (JSON, CSV close to ACLED's columns, or GeoJSON).
    Export(ExportArgs),
    /// Read queued articles and group stories, as one of many workers on a shared store.
    Worker(WorkerArgs),
    /// Rebuild a trained model or derived data file from the shared data sets.
    Train(TrainArgs),
}

#[derive(Debug, Args)]
pub struct TrainArgs {
    #[command(subcommand)]
    pub what: TrainWhat,
}

#[derive(Debug, Subcommand)]
pub enum TrainWhat {
    /// The named-entity tagger (data/models/ner.bin) from the CoNLL corpora.
    Ner {
        /// The shared data folder (holds ner/, lexicons/, gazetteer/, news/).
        #[arg(long, default_value = "../shared/data")]
        shared: PathBuf,
        #[arg(long, default_value = "data/models/ner.bin")]
        out: PathBuf,
    },
    /// The knowledge base (data/kb/) from the gazetteer and the curated lists.
    Kb {
        #[arg(long, default_value = "../shared/data")]
        shared: PathBuf,
        #[arg(long, default_value = "data/kb")]
        out: PathBuf,
    },
    /// The word-frequency vocabulary (data/text/vocab.txt) from the news corpora.
    Vocab {
        #[arg(long, default_value = "../shared/data")]
        shared: PathBuf,
        #[arg(long, default_value = "data/text/vocab.txt")]
        out: PathBuf,
    },
    /// Background document frequencies for story clustering (data/stories/df.tsv).
    Df {
        #[arg(long, default_value = "../shared/data")]
        shared: PathBuf,
        #[arg(long, default_value = "data/stories/df.tsv")]
        out: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files or folders (read recursively); `-` reads standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Largest input file to read, in bytes.
    #[arg(long, default_value_t = 50 * 1024 * 1024)]
    pub max_bytes: u64,
    /// Articles per store transaction.
    #[arg(long, default_value_t = 500)]
    pub batch: usize,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Only articles of this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id (a unique prefix is enough).
    pub id: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct EvalArgs {
    #[command(subcommand)]
    pub task: Option<EvalTask>,
    /// Folder of `*.gold.json` files.
    #[arg(long)]
    pub gold: Option<PathBuf>,
    /// Folder of the articles the gold files name.
    #[arg(long)]
    pub articles: Option<PathBuf>,
    /// Print the set scores as one JSON object.
    #[arg(long)]
    pub json: bool,
    /// Write per-article detail (found, missed, false positives) to this JSON file.
    #[arg(long)]
    pub report: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum EvalTask {
    /// Tag the sentences of a CoNLL file and print exact-span precision, recall and F1.
    Ner {
        #[arg(long)]
        conll: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to look for, in any spelling.
    #[arg(required = true)]
    pub query: Vec<String>,
    /// Only articles published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Only articles published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only articles that name this entity id.
    #[arg(long)]
    pub entity: Option<String>,
    /// Only articles of this story.
    #[arg(long)]
    pub story: Option<String>,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// json, csv or geojson.
    #[arg(long, default_value = "json")]
    pub format: String,
    /// Only this story's events and claims.
    #[arg(long)]
    pub story: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct WorkerArgs {
    /// Unique among live workers; default `host:pid`.
    #[arg(long)]
    pub name: Option<String>,
    /// Articles per claim.
    #[arg(long, default_value_t = 50)]
    pub batch: usize,
    /// Seconds a claimed batch stays this worker's before it returns to the queue.
    #[arg(long, default_value_t = 300)]
    pub lease_secs: u64,
    /// Stop when the queue is empty instead of waiting for more.
    #[arg(long)]
    pub exit_when_idle: bool,
}
