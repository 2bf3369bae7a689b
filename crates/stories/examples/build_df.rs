//! Writes data/stories/df.tsv from the news corpora (the same as `marsad train df`).
//!
//! cargo run --release -p marsad-stories --example build_df -- OUT JSONL.GZ...

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().ok_or("usage: build_df OUT JSONL.GZ...")?;
    let inputs: Vec<std::path::PathBuf> = args.map(Into::into).collect();
    let texts = marsad_stories::jsonl_gz_texts(&inputs)?;
    let mut file = std::io::BufWriter::new(std::fs::File::create(&out)?);
    let (docs, terms) =
        marsad_stories::build_document_frequencies(&mut texts.into_iter(), 5, &mut file)?;
    println!("{docs} documents, {terms} terms with df >= 5 → {out}");
    Ok(())
}
