//! The statistical named-entity tagger: features, training, prediction.
//!
//! Averaged structured perceptrons over hashed features (word keys, clitic-stripped
//! stems, affixes, shapes, name lists, trigger words, word clusters learnt from news),
//! decoded with Viterbi under IOB2 constraints, in two passes: the second also sees how
//! the first tagged the other occurrences of each word in the document.
//! The model trained from ANERcorp
//! is compiled into the binary from `data/models/ner.bin`; see `data/models/README.md`.

mod clusters;
mod context;
mod corpus;
mod features;
mod format;
mod hash;
mod lexicon;
mod model;
mod perceptron;
mod score;
mod sums;
mod tag;
mod tokens;
mod train;
mod viterbi;
mod word;

pub use clusters::ClusterConfig;
pub use corpus::{dev_split, parse_conll, read_conll, Sentence};
pub use model::NerModel;
pub use score::{Prf, Scorer, Scores};
pub use tag::{repair_iob2, spans, EntityClass, Tag, TokenSpan};
pub use tokens::{sentences, split_tokens, token_spans};
pub use train::{train, TrainConfig, TrainReport};

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Why a model could not be trained, loaded or saved.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Format(String),
    #[error("{origin}: line {line}: expected `token TAG`, got {text:?}")]
    Corpus {
        origin: String,
        line: usize,
        text: String,
    },
    #[error("training config: {0}")]
    Config(String),
}

impl NerError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        NerError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

static EMBEDDED_BYTES: &[u8] = include_bytes!("../../../../data/models/ner.bin");
static EMBEDDED: OnceLock<Result<NerModel, String>> = OnceLock::new();

impl NerModel {
    /// The model compiled into the binary, parsed on first use.
    pub fn try_embedded() -> Result<&'static NerModel, NerError> {
        EMBEDDED
            .get_or_init(|| NerModel::from_bytes(EMBEDDED_BYTES).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| NerError::Format(format!("embedded NER model: {e}")))
    }

    /// The model compiled into the binary (`data/models/ner.bin`).
    ///
    /// # Panics
    /// If the compiled-in file is not a valid model. It is a build input, not user
    /// input, and `tests/ner_dev.rs` loads it, so a broken file fails the test suite.
    pub fn embedded() -> &'static NerModel {
        match NerModel::try_embedded() {
            Ok(m) => m,
            Err(e) => panic!("{e}"),
        }
    }

    pub fn load(path: &Path) -> Result<NerModel, NerError> {
        let bytes = std::fs::read(path).map_err(|e| NerError::io(path, e))?;
        NerModel::from_bytes(&bytes)
    }

    pub fn save(&self, path: &Path) -> Result<(), NerError> {
        let bytes = self.to_bytes()?;
        std::fs::write(path, bytes).map_err(|e| NerError::io(path, e))
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, NerError> {
        format::from_bytes(bytes)
    }

    pub fn to_bytes(&self) -> Result<Vec<u8>, NerError> {
        format::to_bytes(self)
    }

    /// Entity spans (token ranges) of one sentence.
    pub fn entities(&self, tokens: &[&str]) -> Vec<TokenSpan> {
        spans(&self.tag(tokens))
    }
}

#[cfg(test)]
mod tests;
