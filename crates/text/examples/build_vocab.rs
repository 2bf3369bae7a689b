//! Builds `data/text/vocab.txt` from the unlabeled news corpora.
//!
//! `cargo run -p marsad-text --example build_vocab --release -- OUT [MIN_COUNT] [MAX_WORDS] [CORPUS.jsonl.gz...]`
//! Without corpora it reads `shared/data/news/*.jsonl.gz` next to the repository.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args
        .next()
        .ok_or("usage: build_vocab OUT [MIN_COUNT] [MAX_WORDS] [CORPUS...]")?;
    let min_count: u32 = args.next().map_or(Ok(5), |s| s.parse())?;
    let max_words: usize = args.next().map_or(Ok(100_000), |s| s.parse())?;
    let mut corpora: Vec<PathBuf> = args.map(PathBuf::from).collect();
    if corpora.is_empty() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/news");
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.to_string_lossy().ends_with(".jsonl.gz") {
                corpora.push(path);
            }
        }
        corpora.sort();
    }
    let paths: Vec<&Path> = corpora.iter().map(PathBuf::as_path).collect();
    let vocab = marsad_text::build_vocabulary(&paths, min_count, max_words)?;
    let mut w = BufWriter::new(File::create(&out)?);
    writeln!(w, "# marsad word keys with counts (min_count {min_count}, max_words {max_words}); see README.md")?;
    for p in &paths {
        writeln!(
            w,
            "# from {}",
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned()
            )
        )?;
    }
    vocab.write(&mut w)?;
    w.flush()?;
    eprintln!("{} words written to {out}", vocab.len());
    Ok(())
}
