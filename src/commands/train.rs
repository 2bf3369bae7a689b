//! `marsad train`: rebuilds each trained model or derived data file from the shared data.
//! Every file under data/ that is not hand-written is made by one of these.

use crate::cli::{TrainArgs, TrainWhat};
use anyhow::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn train(args: &TrainArgs) -> Result<ExitCode> {
    match &args.what {
        TrainWhat::Ner { shared, out } => ner(shared, out),
        TrainWhat::Kb { shared, out } => kb(shared, out),
        TrainWhat::Vocab { shared, out } => vocab(shared, out),
        TrainWhat::Df { shared, out } => df(shared, out),
    }
}

fn news_corpora(shared: &Path) -> Result<Vec<PathBuf>> {
    let dir = shared.join("news");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("listing {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".jsonl.gz"))
        .collect();
    paths.sort();
    Ok(paths)
}

fn ner(shared: &Path, out: &Path) -> Result<ExitCode> {
    use marsad_extract::ner;
    let cfg = ner::TrainConfig::standard(shared, Path::new("data"));
    let (model, report) =
        ner::train(&cfg, &mut |line| eprintln!("{line}")).context("training the NER model")?;
    model
        .save(out)
        .with_context(|| format!("writing {}", out.display()))?;
    println!("{report}");
    println!("model written to {}", out.display());
    Ok(ExitCode::SUCCESS)
}

fn kb(shared: &Path, out: &Path) -> Result<ExitCode> {
    let report = marsad_kb::build::build(shared, &out.join("curated"), out)
        .context("building the knowledge base")?;
    println!("{report:?}");
    println!("knowledge base written to {}", out.display());
    Ok(ExitCode::SUCCESS)
}

fn vocab(shared: &Path, out: &Path) -> Result<ExitCode> {
    let paths = news_corpora(shared)?;
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let vocabulary = marsad_text::build_vocabulary(&refs, 5, 100_000).context("counting words")?;
    let file = std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?;
    vocabulary
        .write(std::io::BufWriter::new(file))
        .with_context(|| format!("writing {}", out.display()))?;
    println!("{} words written to {}", vocabulary.len(), out.display());
    Ok(ExitCode::SUCCESS)
}

fn df(shared: &Path, out: &Path) -> Result<ExitCode> {
    let paths = news_corpora(shared)?;
    let texts = marsad_stories::jsonl_gz_texts(&paths).context("reading the news corpora")?;
    let mut file = std::io::BufWriter::new(
        std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?,
    );
    let (docs, terms) =
        marsad_stories::build_document_frequencies(&mut texts.into_iter(), 5, &mut file)?;
    file.flush()?;
    println!(
        "{docs} documents, {terms} terms written to {}",
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}
