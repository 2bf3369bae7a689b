//! Rebuilds `data/kb/` from the shared data: `cargo run -p marsad-kb --example build_kb
//! [-- SHARED_DATA_DIR [CURATED_DIR [OUT_DIR]]]`. The `marsad train kb` command does the same.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut args = std::env::args().skip(1);
    let shared = args
        .next()
        .map_or_else(|| root.join("../shared/data"), PathBuf::from);
    let curated = args
        .next()
        .map_or_else(|| root.join("data/kb/curated"), PathBuf::from);
    let out = args
        .next()
        .map_or_else(|| root.join("data/kb"), PathBuf::from);
    let report = marsad_kb::build::build(&shared, &curated, &out)?;
    println!(
        "countries {} capitals {} cities {} curated {} names {} demonyms {} dropped {}",
        report.countries,
        report.capitals,
        report.cities,
        report.curated,
        report.names,
        report.demonyms,
        report.dropped.len()
    );
    for (id, name, why) in &report.dropped {
        eprintln!("dropped\t{id}\t{name}\t{why}");
    }
    Ok(())
}
