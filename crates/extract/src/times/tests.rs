//! Behaviour on news sentences (none from the seed articles).

use super::extract_times;

fn found(text: &str, published: &str) -> Vec<(String, String)> {
    extract_times(text, Some(published)).into_iter().map(|t| (t.text, t.value)).collect()
}
