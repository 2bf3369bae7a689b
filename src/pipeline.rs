//! The flow of one run: sources → ingest → store (and, as stages land, read → connect).
//!
//! Kept in the binary because it is the one place that knows every stage; each stage
//! crate stays ignorant of the others.

use anyhow::{Context, Result};
use marsad_ingest::{IngestError, Options};
use marsad_model::{Article, Fingerprint};
use marsad_store::{InsertOutcome, Store};
use serde::Serialize;
use std::path::Path;
use std::time::Instant;

/// What one ingest run did, printed at the end.
#[derive(Debug, Default, Clone, Serialize)]
pub struct IngestSummary {
    pub read: u64,
    pub stored: u64,
    pub repeats: u64,
    pub near_duplicates: u64,
    pub not_arabic: u64,
    pub errors: u64,
    pub seconds: f64,
    pub articles_per_second: f64,
}

impl IngestSummary {
    pub fn line(&self) -> String {
        let mut s = format!(
            "read {}, stored {}, repeats {}, near-duplicates {}, errors {}",
            self.read, self.stored, self.repeats, self.near_duplicates, self.errors
        );
        if self.not_arabic > 0 {
            s.push_str(&format!(", not Arabic {}", self.not_arabic));
        }
        s.push_str(&format!(" ({:.0} articles/s)", self.articles_per_second));
        if self.read > 0 && self.stored == 0 && self.near_duplicates == 0 && self.errors == 0 {
            s.push_str(" — nothing new: every article was stored before");
        }
        s
    }
}

/// One stored or matched article, as a later stage needs to find it again.
#[derive(Debug, Clone)]
pub struct Landed {
    /// The article as read (its `source` names the input).
    pub article: Article,
    /// The id under which its text is stored (the earlier article's id for a repeat).
    pub stored_id: String,
}

/// Reads sources into the store in batches, one transaction per batch.
pub struct Ingester<'s> {
    store: &'s mut dyn Store,
    batch_size: usize,
    batch: Vec<(Article, Fingerprint)>,
    pub summary: IngestSummary,
    pub landed: Vec<Landed>,
    keep_landed: bool,
    started: Instant,
}

impl<'s> Ingester<'s> {
    pub fn new(store: &'s mut dyn Store, batch_size: usize, keep_landed: bool) -> Self {
        Ingester {
            store,
            batch_size: batch_size.max(1),
            batch: Vec::new(),
            summary: IngestSummary::default(),
            landed: Vec::new(),
            keep_landed,
            started: Instant::now(),
        }
    }

    /// Reads one path (file, folder or `-`), reporting each input error through `on_error`.
    pub fn ingest_path(
        &mut self,
        path: &Path,
        opts: &Options,
        on_error: &mut dyn FnMut(&IngestError),
        on_article: &mut dyn FnMut(&IngestSummary),
    ) -> Result<()> {
        let mut pending: Result<()> = Ok(());
        let mut sink = |item: Result<(Article, Fingerprint), IngestError>| {
            if pending.is_err() {
                return;
            }
            match item {
                Ok((article, fp)) => {
                    self.summary.read += 1;
                    if !article.is_arabic() {
                        self.summary.not_arabic += 1;
                    }
                    self.batch.push((article, fp));
                    if self.batch.len() >= self.batch_size {
                        pending = self.flush();
                    }
                    on_article(&self.summary);
                }
                Err(e) => {
                    self.summary.errors += 1;
                    on_error(&e);
                }
            }
        };
        if path == Path::new("-") {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
                .context("reading standard input")?;
            marsad_ingest::read_bytes_fingerprinted("-", &bytes, opts, &mut sink);
        } else {
            marsad_ingest::read_path_fingerprinted(path, opts, &mut sink);
        }
        pending
    }

    /// Writes the pending batch in one transaction.
    pub fn flush(&mut self) -> Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.batch);
        let outcomes = self
            .store
            .insert_articles(&batch)
            .context("writing a batch of articles to the store")?;
        for ((article, _), outcome) in batch.into_iter().zip(outcomes) {
            let stored_id = match outcome {
                InsertOutcome::Stored => {
                    self.summary.stored += 1;
                    article.id.clone()
                }
                InsertOutcome::Repeat { existing } => {
                    self.summary.repeats += 1;
                    existing
                }
                InsertOutcome::NearDuplicate { .. } => {
                    self.summary.near_duplicates += 1;
                    article.id.clone()
                }
            };
            if self.keep_landed {
                self.landed.push(Landed { article, stored_id });
            }
        }
        Ok(())
    }

    /// Flushes what is left and closes the summary.
    pub fn finish(mut self) -> Result<(IngestSummary, Vec<Landed>)> {
        self.flush()?;
        let secs = self.started.elapsed().as_secs_f64();
        self.summary.seconds = secs;
        self.summary.articles_per_second = if secs > 0.0 {
            self.summary.read as f64 / secs
        } else {
            0.0
        };
        Ok((self.summary, self.landed))
    }
}

/// What the read step did.
#[derive(Debug, Default, Clone, Serialize)]
pub struct ReadSummary {
    pub read: u64,
    pub mentions: u64,
    pub times: u64,
    pub claims: u64,
    pub events: u64,
    pub seconds: f64,
    pub articles_per_second: f64,
}

/// Reads every stored Arabic article that has no analysis yet, `batch` at a time, and
/// stores the analyses (one transaction per batch).
pub fn read_unread(
    store: &mut dyn Store,
    batch: usize,
    on_batch: &mut dyn FnMut(&ReadSummary),
) -> Result<ReadSummary> {
    let started = Instant::now();
    let mut reader = marsad_extract::Reader::new();
    let mut summary = ReadSummary::default();
    loop {
        let articles = store
            .unread_articles(batch.max(1))
            .context("listing unread articles")?;
        if articles.is_empty() {
            break;
        }
        let analyses: Vec<marsad_model::Analysis> =
            articles.iter().map(|a| reader.read(a)).collect();
        for a in &analyses {
            summary.read += 1;
            summary.mentions += a.mentions.len() as u64;
            summary.times += a.times.len() as u64;
            summary.claims += a.claims.len() as u64;
            summary.events += a.events.len() as u64;
        }
        store.put_analyses(&analyses).context("storing analyses")?;
        on_batch(&summary);
    }
    summary.seconds = started.elapsed().as_secs_f64();
    if summary.seconds > 0.0 {
        summary.articles_per_second = summary.read as f64 / summary.seconds;
    }
    Ok(summary)
}

/// What the connect step did.
#[derive(Debug, Default, Clone, Serialize)]
pub struct ConnectSummary {
    pub articles: u64,
    pub stories: u64,
    pub multi_article_stories: u64,
    pub seconds: f64,
}

/// Groups every stored Arabic article into stories (in publication order) and replaces
/// the stored stories with the result.
pub fn connect(store: &mut dyn Store) -> Result<ConnectSummary> {
    let started = Instant::now();
    let mut ids = Vec::new();
    let mut offset = 0;
    loop {
        let page = store
            .articles(&marsad_store::ArticleQuery {
                limit: 1000,
                offset,
                outlet: None,
            })
            .context("listing stored articles")?;
        if page.is_empty() {
            break;
        }
        offset += page.len();
        ids.extend(
            page.into_iter()
                .filter(|a| a.language == "ar")
                .map(|a| a.id),
        );
    }
    let mut members: Vec<(Article, marsad_model::Analysis)> = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(article) = store.article(&id)? else {
            continue;
        };
        let analysis = store
            .analysis(&id)?
            .unwrap_or_else(|| marsad_model::Analysis {
                article: id.clone(),
                ..Default::default()
            });
        members.push((article, analysis));
    }
    members.sort_by(|a, b| {
        (a.0.published.as_deref(), &a.0.id).cmp(&(b.0.published.as_deref(), &b.0.id))
    });
    let mut clusterer = marsad_stories::Clusterer::new(marsad_stories::Config::default());
    for (article, analysis) in &members {
        clusterer.add(article, Some(analysis));
    }
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); clusterer.story_count()];
    for (i, s) in clusterer.assignments().iter().enumerate() {
        groups[*s].push(i);
    }
    let stories: Vec<marsad_model::Story> = groups
        .iter()
        .filter(|g| !g.is_empty())
        .map(|g| {
            let refs: Vec<(&Article, &marsad_model::Analysis)> =
                g.iter().map(|&i| (&members[i].0, &members[i].1)).collect();
            // The earliest article names the story, so ids survive re-clustering when
            // a story only grows.
            let id = format!("s-{}", members[g[0]].0.id);
            marsad_stories::build_story(&id, &refs)
        })
        .collect();
    store.replace_stories(&stories).context("storing stories")?;
    Ok(ConnectSummary {
        articles: members.len() as u64,
        stories: stories.len() as u64,
        multi_article_stories: stories.iter().filter(|s| s.articles.len() > 1).count() as u64,
        seconds: started.elapsed().as_secs_f64(),
    })
}
