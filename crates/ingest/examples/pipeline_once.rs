//! One pass of the root `pipeline` benchmark's `ingest_into_store`, for profilers:
//!
//!     cargo build --release -p marsad-ingest --example pipeline_once
//!     valgrind --tool=callgrind target/release/examples/pipeline_once jsonl   # or: html
//!
//! A second argument `read` stops after reading, `fingerprint` after fingerprinting.
//! A third, `N`, runs it N times and prints the least on-CPU time of a run: a steadier
//! figure than one run's on a busy machine.

#[path = "common/pipeline.rs"]
mod pipeline_common;
use pipeline_common::{pages, run, sample_lines, Stage};
use std::time::Duration;

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
    let runs: usize = std::env::args()
        .nth(3)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let mut least = Duration::MAX;
    let mut n = 0;
    for _ in 0..runs {
        let start = on_cpu();
        n = run(&inputs, stage);
        least = least.min(on_cpu().saturating_sub(start));
    }
    let near = pipeline_common::NEAR_DUPLICATES.load(std::sync::atomic::Ordering::Relaxed) / runs;
    println!("{what}: {n} articles, {near} near-duplicates");
    if runs > 1 {
        let secs = least.as_secs_f64();
        println!(
            "least on-CPU time of {runs} runs: {:.1} ms ({:.0} articles/s)",
            secs * 1e3,
            n as f64 / secs
        );
    }
}

/// On-CPU time of this thread so far (the kernel's schedstat), zero where missing.
fn on_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map(Duration::from_nanos)
        .unwrap_or_default()
}
