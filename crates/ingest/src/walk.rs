//! Files and folders: a folder is read recursively in sorted order, leaving out hidden
//! files, sidecars and gold annotations.

use std::path::Path;

use marsad_model::{Article, Fingerprint};

use crate::{sidecar, sniff, Emit, ErrorKind, IngestError, Options};

/// Reads a file or a folder (recursively, sorted, skipping hidden files and
/// `*.meta.json` sidecars and `*.gold.json`), calling `sink` for every article or error,
/// in order. A bad file gives an error and the walk goes on.
pub fn read_path(path: &Path, opts: &Options, sink: &mut dyn FnMut(Result<Article, IngestError>)) {
    read_path_fingerprinted(path, opts, &mut |item| sink(item.map(|(a, _)| a)));
}

/// [`read_path`] for callers that store articles: each comes with its fingerprint, made
/// in the same pass over the body as its id.
pub fn read_path_fingerprinted(
    path: &Path,
    opts: &Options,
    sink: &mut dyn FnMut(Result<(Article, Fingerprint), IngestError>),
) {
    if !path.is_dir() {
        return read_file(path, opts, sink);
    }
    let walker = walkdir::WalkDir::new(path)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() && !is_companion(e.path()) => {
                read_file(e.path(), opts, sink)
            }
            Ok(_) => {}
            Err(e) => {
                let location = e.path().unwrap_or(path).display().to_string();
                sink(Err(IngestError::new(
                    location,
                    ErrorKind::Io,
                    e.to_string(),
                )));
            }
        }
    }
}

/// Sidecars and gold files describe other files; they are not articles.
fn is_companion(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".meta.json") || name.ends_with(".gold.json")
}

fn read_file(path: &Path, opts: &Options, sink: &mut Emit<'_>) {
    let name = path.display().to_string();
    let io = |e: std::io::Error| IngestError::new(&name, ErrorKind::Io, e.to_string());
    let size = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) => return sink(Err(io(e))),
    };
    if size > opts.max_bytes {
        let message = format!("{size} bytes is over the limit of {} bytes", opts.max_bytes);
        return sink(Err(IngestError::new(&name, ErrorKind::TooLarge, message)));
    }
    if size == 0 {
        return sink(Err(IngestError::new(&name, ErrorKind::Empty, "empty file")));
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return sink(Err(io(e))),
    };
    let meta = match sidecar::read(path) {
        Ok(m) => m,
        Err(e) => {
            sink(Err(e));
            None
        }
    };
    sniff::read(&name, &bytes, opts, meta.as_ref(), sink);
}
