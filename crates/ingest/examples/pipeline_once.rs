//! One pass of the root `pipeline` benchmark's `ingest_into_store`, for profilers:
//!
//!     cargo build --release -p marsad-ingest --example pipeline_once
//!     valgrind --tool=callgrind target/release/examples/pipeline_once jsonl   # or: html
//!
//! A second argument `read` stops after reading, `fingerprint` after fingerprinting.

#[path = "common/pipeline.rs"]
mod pipeline_common;
use pipeline_common::{pages, run, sample_lines, Stage};

fn main() {
    let what = std::env::args().nth(1).unwrap_or_else(|| "jsonl".into());
    let lines = sample_lines();
    let inputs = match what.as_str() {
        "html" => pages(&lines),
        _ => vec![("ant.jsonl".to_string(), lines.join("\n").into_bytes())],
    };
    let stage = match std::env::args().nth(2).as_deref() {
        Some("read") => Stage::Read,
        Some("fingerprint") => Stage::Fingerprint,
        _ => Stage::Store,
    };
    let n = run(&inputs, stage);
    let near = pipeline_common::NEAR_DUPLICATES.load(std::sync::atomic::Ordering::Relaxed);
    println!("{what}: {n} articles, {near} near-duplicates");
}
