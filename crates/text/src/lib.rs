//! The Arabic text layer: matching keys, tokens with byte spans, sentences, clitics,
//! light stems and a corpus vocabulary.
//!
//! Invariant: nothing here changes the text that is shown. Keys are derived strings used
//! for matching; every token, sentence and clitic points back into the original text by
//! byte span (always on char boundaries).
//!
//! The stages are small and independent, meant to be chained by the reader:
//! - [`sentences`] cuts a body into sentence spans;
//! - [`tokenize`] / [`Tokens`] cut text into words, numbers, punctuation;
//! - [`key`] turns a token into its matching key;
//! - [`split_clitics`] / [`Vocabulary::split_clitics`] take و ف ب ل ك ال off a word when
//!   what remains is known; [`split_glued`] splits أذربيجانوأرمينيا;
//! - [`light_stem`] folds a key further for search.
//!
//! ```
//! use marsad_text::{key, sentences, split_clitics, tokenize, TokenKind};
//! let text = "وقالت الخارجية إن الاتفاق سيُعلن. وأكدت للأمم المتحدة ذلك.";
//! assert_eq!(sentences(text).len(), 2);
//! let words: Vec<_> = tokenize(text).into_iter().filter(|t| t.kind == TokenKind::Word).collect();
//! assert_eq!(key(words[4].text), "سيعلن");
//! let known = |k: &str| k == "الامم";
//! let c = split_clitics("للأمم", 0, &known);
//! assert_eq!(c.name_key("للأمم"), "الامم");
//! ```

mod chars;
mod origins;
pub use chars::char_at;
pub mod clitics;
pub mod filter;
pub mod normalise;
pub mod sentence;
pub mod stem;
pub mod token;
pub mod vocab;
pub mod wordmap;

pub use clitics::{split_clitics, split_clitics_by_freq, split_glued, Clitics};
pub use filter::WordFilter;
pub use marsad_model::Span;
pub use normalise::{is_own_key, key, key_char, key_into, Keyed};
pub use sentence::sentences;
pub use stem::light_stem;
pub use token::{tokenize, Token, TokenKind, Tokens};
pub use vocab::{build_vocabulary, VocabError, Vocabulary, VocabularyBuilder};
pub use wordmap::{WordMap, WordSet};
