//! marsad-ingest: turns files and byte streams (plain text, HTML pages, RSS/Atom feeds,
//! JSON Lines, WARC archives) into cleaned `Article`s.
//!
//! The kind of input is told by its content; a file name is only a hint. Every input
//! problem becomes an `IngestError` handed to the caller's sink, and the walk goes on.
//!
//! To look at what it makes of some input:
//! `cargo run -p marsad-ingest --example ingest_dump -- PATH...` prints articles, body
//! lines and removed furniture; `--example furniture < text` shows the furniture rule
//! that fired on each line.

mod assemble;
pub mod boilerplate;
mod decode;
mod feed;
mod fingerprint;
mod html;
mod jsonl;
mod keyed;
pub mod language;
mod sidecar;
mod walk;
mod warc_reader;

use marsad_model::{Article, Fingerprint};

pub use fingerprint::{article_id, fingerprint, id_and_fingerprint};
pub use walk::{read_path, read_path_fingerprinted};

/// Limits for one ingest run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Files (and decompressed streams) larger than this are refused unread.
    pub max_bytes: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: 50 * 1024 * 1024,
        }
    }
}

/// What went wrong with one input (a file, a line, a record, an item).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct IngestError {
    /// The file path plus `:line N`, ` record N`, ` item N` or ` byte N`.
    pub location: String,
    pub kind: ErrorKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    Io,
    Empty,
    TooLarge,
    Binary,
    Encoding,
    Html,
    Feed,
    Jsonl,
    Warc,
    Meta,
}

impl IngestError {
    pub(crate) fn new(
        location: impl Into<String>,
        kind: ErrorKind,
        message: impl Into<String>,
    ) -> Self {
        IngestError {
            location: location.into(),
            kind,
            message: message.into(),
        }
    }
}

/// What a caller receives for every article or failed input, in input order.
pub type Sink<'a> = dyn FnMut(Result<Article, IngestError>) + 'a;

/// What the readers hand on: every article with its fingerprint, or a failed input.
pub(crate) type Emit<'a> = dyn FnMut(Result<(Article, Fingerprint), IngestError>) + 'a;

/// Reads bytes whose kind is told by content (sniffing); `name` (a path, or "-" for
/// stdin) is used in locations and, by its extension, as a hint only.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    opts: &Options,
    sink: &mut dyn FnMut(Result<Article, IngestError>),
) {
    read_bytes_fingerprinted(name, bytes, opts, &mut |item| sink(item.map(|(a, _)| a)));
}

/// [`read_bytes`] for callers that store articles: each comes with its fingerprint, made
/// in the same pass over the body as its id.
pub fn read_bytes_fingerprinted(
    name: &str,
    bytes: &[u8],
    opts: &Options,
    sink: &mut dyn FnMut(Result<(Article, Fingerprint), IngestError>),
) {
    sniff::read(name, bytes, opts, None, sink);
}

pub(crate) mod sniff;
