//! The statistical named-entity tagger: features, training, prediction.
