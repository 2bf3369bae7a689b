//! `marsad eval`: runs the whole pipeline on the gold articles as one collection in a
//! temporary store, then scores it (the scoring itself lives in the eval crate).

use crate::cli::{EvalArgs, EvalTask};
use crate::pipeline::{self, Ingester};
use anyhow::{bail, Context, Result};
use marsad_eval::Prediction;
use marsad_ingest::Options;
use marsad_store::{SqliteStore, Store};
use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;

pub fn eval(args: &EvalArgs) -> Result<ExitCode> {
    if let Some(EvalTask::Ner { conll, json }) = &args.task {
        return ner(conll, *json);
    }
    let (Some(gold_dir), Some(articles_dir)) = (&args.gold, &args.articles) else {
        bail!("marsad eval needs --gold DIR and --articles DIR (or the `ner` task)");
    };
    let golds = marsad_eval::load_gold_dir(gold_dir)
        .with_context(|| format!("reading gold files in {}", gold_dir.display()))?;
    let tmp = tempfile::tempdir().context("creating a temporary store")?;
    let mut store = SqliteStore::open(tmp.path()).context("opening the temporary store")?;

    // Ingest every gold article into one collection, remembering which doc became which article.
    let mut ingester = Ingester::new(&mut store, 500, true);
    let mut errors = Vec::new();
    for gold in &golds {
        let path = articles_dir.join(&gold.doc);
        ingester.ingest_path(
            &path,
            &Options::default(),
            &mut |e| errors.push(e.to_string()),
            &mut |_| {},
        )?;
    }
    let (_, landed) = ingester.finish()?;
    for e in &errors {
        eprintln!("marsad: {e}");
    }
    pipeline::read_unread(&mut store, 500, &mut |_| {})?;
    pipeline::connect(&mut store)?;

    let mut by_doc: HashMap<String, String> = HashMap::new();
    for l in landed {
        by_doc
            .entry(doc_name(&l.article.source))
            .or_insert(l.stored_id);
    }
    let mut preds = Vec::with_capacity(golds.len());
    for g in &golds {
        let id = by_doc.get(&g.doc);
        let article = match id {
            Some(id) => store.article(id)?,
            None => None,
        };
        let analysis = match id {
            Some(id) => store.analysis(id)?.unwrap_or_default(),
            None => Default::default(),
        };
        let story = match id {
            Some(id) => store.story_of(id)?,
            None => None,
        };
        preds.push(Prediction {
            doc: g.doc.clone(),
            article,
            analysis,
            story,
        });
    }
    let originals = |doc: &str| std::fs::read_to_string(articles_dir.join(doc)).ok();
    let report = marsad_eval::score(&golds, &preds, &originals);
    if let Some(path) = &args.report {
        write_json(path, &report.detail_json())?;
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report.to_json())?);
    } else {
        print!("{}", report.table());
    }
    Ok(ExitCode::SUCCESS)
}

/// The file name an article came from (`.../000_x.txt#line 3` → `000_x.txt`).
fn doc_name(source: &str) -> String {
    let path = source.split('#').next().unwrap_or(source);
    Path::new(path)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

fn write_json(path: &Path, value: &serde_json::Value) -> Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}

fn ner(conll: &Path, json: bool) -> Result<ExitCode> {
    let sentences =
        marsad_eval::conll::read(conll).with_context(|| format!("reading {}", conll.display()))?;
    let model = marsad_extract::ner::NerModel::embedded();
    // CoNLL files keep their sentences in article order, with no article boundaries:
    // each sentence is tagged with its ±10 neighbours as the document it came from.
    let tokens: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect();
    let predicted: Vec<Vec<String>> = model
        .tag_in_context(&tokens, 10)
        .into_iter()
        .map(|tags| tags.iter().map(|t| t.to_string()).collect())
        .collect();
    let report = marsad_eval::conll::score(&sentences, &predicted);
    if json {
        println!("{}", serde_json::to_string_pretty(&report.to_json())?);
    } else {
        print!("{}", report.table());
    }
    Ok(ExitCode::SUCCESS)
}
