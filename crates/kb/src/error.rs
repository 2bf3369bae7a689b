use std::path::PathBuf;

/// What can go wrong reading or building the knowledge base.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error("{file} line {line}: {reason}")]
    Parse {
        file: String,
        line: usize,
        reason: String,
    },
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl KbError {
    pub(crate) fn parse(file: &str, line: usize, reason: impl Into<String>) -> Self {
        KbError::Parse {
            file: file.to_string(),
            line,
            reason: reason.into(),
        }
    }
}
