//! Training: an averaged structured perceptron (Collins 2002) with Viterbi decoding.

use super::clusters::{self, ClusterConfig};
use super::context::{self, Occurrences};
use super::corpus::{dev_split, read_conll, Sentence};
use super::features::{Features, Resources, Scratch};
use super::lexicon::Lexicon;
use super::model::{NerModel, Row, ROW};
use super::perceptron::{learn, Example, Learnt, Schedule};
use super::score::{Scorer, Scores};
use super::tag::{repair_iob2, EntityClass, Tag};
use super::NerError;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Instant;

const T: usize = Tag::COUNT;

/// Everything that decides a trained model. The same config and data give the same model.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TrainConfig {
    /// In-domain CoNLL files (ANERcorp); the dev split is taken from their end.
    pub train: Vec<PathBuf>,
    /// Other-domain CoNLL files (AQMAR), used for training only.
    pub extra: Vec<PathBuf>,
    /// Weight of an update from an `extra` sentence (1.0 = as much as in-domain).
    pub extra_weight: f32,
    /// Read `extra`'s MISC as O (AQMAR's MISC is far broader than ANERcorp's).
    pub extra_misc_as_o: bool,
    /// The last `dev_fraction` of `train` sentences, in order, are held out as dev.
    pub dev_fraction: f64,
    pub epochs: usize,
    /// Seeds the shuffling and the cluster projection.
    pub seed: u64,
    /// Unlabeled news (gzip JSON Lines with `text`) for word clusters; empty = no clusters.
    pub news: Vec<PathBuf>,
    pub max_news_articles: usize,
    pub clusters: ClusterConfig,
    /// Directory with the name lists and trigger words (`data/ner`).
    pub lexicon_dir: PathBuf,
    /// Weight rows = 2^hash_bits.
    pub hash_bits: u32,
    /// Probability of hiding a training token's word-identity features in one pass.
    pub word_dropout: f32,
    /// Perceptrons averaged into each pass's table (see `Schedule::members`).
    #[serde(default = "default_members")]
    pub members: usize,
    /// Subtracted from every move into `O` (both passes): the perceptron's tags are more
    /// precise than complete, and a small cost on `O` trades some precision for recall.
    #[serde(default)]
    pub o_penalty: f32,
    /// Averaged weights smaller than this (in absolute value) are dropped.
    pub prune_below: f32,
    /// The first pass tags the training sentences for the second by cross-validation in
    /// this many contiguous folds, so the second learns how far first-pass tags are right
    /// on unseen text.
    #[serde(default = "default_folds")]
    pub folds: usize,
    /// Sentences before and after a training sentence that count as its document (the
    /// corpus has no article marks; its sentences are in article order).
    #[serde(default = "default_window")]
    pub context_window: usize,
    /// File keeping the learnt word clusters between runs (none = learn every time).
    #[serde(default)]
    pub cluster_cache: Option<PathBuf>,
}

fn default_folds() -> usize {
    5
}

fn default_members() -> usize {
    1
}

fn default_window() -> usize {
    10
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            train: Vec::new(),
            extra: Vec::new(),
            extra_weight: 0.5,
            extra_misc_as_o: true,
            dev_fraction: 0.1,
            epochs: 12,
            seed: 20_070_218,
            news: Vec::new(),
            max_news_articles: usize::MAX,
            clusters: ClusterConfig::default(),
            lexicon_dir: PathBuf::from("data/ner"),
            hash_bits: 20,
            prune_below: 0.01,
            word_dropout: 0.25,
            cluster_cache: None,
            folds: default_folds(),
            members: default_members(),
            o_penalty: 0.0,
            context_window: default_window(),
        }
    }
}

impl TrainConfig {
    /// The configuration the committed model was trained with, given the shared data
    /// directory (`.../shared/data`) and the repository's `data/` directory.
    ///
    /// AQMAR is left out: with its MISC read as O and updates weighted 0.5 or 0.2 it
    /// lowered dev F1 by 1.5–2.5 points (Wikipedia is too far from newswire). Three
    /// perceptrons are averaged per pass (steadier than one: single runs differ by about
    /// a point of dev F1 from seed to seed) and moves into `O` cost 10. 2^19 rows: dev F1
    /// as with 2^20 (within noise) for half the memory the tagger reads per token.
    pub fn standard(shared_data: &Path, repo_data: &Path) -> TrainConfig {
        TrainConfig {
            train: vec![shared_data.join("ner/ANERcorp_CamelLabSplit_train.conll")],
            news: vec![
                shared_data.join("news/saudinewsnet_shared.jsonl.gz"),
                shared_data.join("news/antcorpus_multisource_shared.jsonl.gz"),
            ],
            lexicon_dir: repo_data.join("ner"),
            members: 3,
            o_penalty: 10.0,
            hash_bits: 19,
            ..TrainConfig::default()
        }
    }
}

/// What training did and how well the model does on the dev split.
#[derive(Debug, Clone, Serialize)]
pub struct TrainReport {
    /// Scores of the saved (averaged, pruned, quantised) model on the dev split, each
    /// sentence tagged alone (`NerModel::tag`).
    pub dev: Scores,
    /// The same with `context_window` sentences around each as context
    /// (`NerModel::tag_in_context`).
    pub dev_in_context: Scores,
    /// The first pass alone (sentence features only).
    pub dev_first_pass: Scores,
    /// Overall dev F1 of the first pass after each epoch (averaged weights, unpruned).
    pub dev_f1_by_epoch: Vec<f64>,
    pub train_sentences: usize,
    pub extra_sentences: usize,
    pub dev_sentences: usize,
    pub clustered_words: usize,
    pub active_weight_rows: usize,
    pub seconds: f64,
    pub config: TrainConfig,
}

impl fmt::Display for TrainReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "trained on {} in-domain + {} extra sentences, dev {} sentences, {} epochs, seed {}, {:.1} s",
            self.train_sentences,
            self.extra_sentences,
            self.dev_sentences,
            self.config.epochs,
            self.config.seed,
            self.seconds
        )?;
        writeln!(
            f,
            "{} clustered words, {} active weight rows of {}",
            self.clustered_words,
            self.active_weight_rows,
            1usize << self.config.hash_bits
        )?;
        let by_epoch: Vec<String> = self
            .dev_f1_by_epoch
            .iter()
            .map(|x| format!("{x:.4}"))
            .collect();
        writeln!(
            f,
            "first pass: dev overall F1 by epoch: {}",
            by_epoch.join(" ")
        )?;
        writeln!(f, "first pass only:\n{}", self.dev_first_pass)?;
        writeln!(f, "each sentence alone (tag):\n{}", self.dev)?;
        write!(
            f,
            "with ±{} sentences of context (tag_in_context):\n{}",
            self.config.context_window, self.dev_in_context
        )
    }
}

/// Trains a model. `progress` receives one line per stage and per epoch.
pub fn train(
    cfg: &TrainConfig,
    progress: &mut dyn FnMut(&str),
) -> Result<(NerModel, TrainReport), NerError> {
    let started = Instant::now();
    let mut in_domain = Vec::new();
    for p in &cfg.train {
        in_domain.extend(read_conll(p)?);
    }
    if in_domain.is_empty() {
        return Err(NerError::Config("no training sentences".into()));
    }
    let n_dev = dev_split(&in_domain, cfg.dev_fraction).len();
    let dev = in_domain.split_off(in_domain.len() - n_dev);
    let mut extra = Vec::new();
    for p in &cfg.extra {
        extra.extend(read_conll(p)?);
    }
    if cfg.extra_misc_as_o {
        for s in &mut extra {
            for t in &mut s.tags {
                if t.class() == Some(EntityClass::Misc) {
                    *t = Tag::O;
                }
            }
        }
    }
    progress(&format!(
        "ner: {} train, {} extra, {} dev sentences",
        in_domain.len(),
        extra.len(),
        dev.len()
    ));

    let clusters = if cfg.news.is_empty() {
        Default::default()
    } else {
        clusters::learn_cached(
            &cfg.news,
            cfg.max_news_articles,
            &cfg.clusters,
            cfg.seed,
            cfg.cluster_cache.as_deref(),
            progress,
        )?
    };
    let resources = Resources {
        lexicon: Lexicon::load(&cfg.lexicon_dir)?,
        clusters,
        bits: cfg.hash_bits.clamp(10, 26),
    };
    let clustered_words = resources.clusters.len();

    let mut scratch = Scratch::default();
    let mut featurise = |s: &Sentence, weight: f32| {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        let mut feats = Features::default();
        resources.extract(&toks, &mut scratch, &mut feats);
        let mut gold = s.tags.clone();
        repair_iob2(&mut gold);
        let stems = scratch.stems().collect();
        (
            Example {
                feats,
                gold,
                weight,
            },
            stems,
        )
    };
    let (train1, train_stems): (Vec<Example>, Vec<Vec<u64>>) =
        in_domain.iter().map(|s| featurise(s, 1.0)).unzip();
    let (extra1, extra_stems): (Vec<Example>, Vec<Vec<u64>>) =
        extra.iter().map(|s| featurise(s, cfg.extra_weight)).unzip();
    let dev1: Vec<Example> = dev.iter().map(|s| featurise(s, 1.0).0).collect();

    let rows = 1usize << resources.bits;
    let schedule = |salt: u64| Schedule {
        epochs: cfg.epochs,
        seed: cfg.seed ^ salt,
        word_dropout: cfg.word_dropout,
        members: cfg.members,
    };
    let mut emissions = Vec::new();

    // First pass, cross-validated: honest first-pass tags of every training sentence.
    let folds = cfg.folds.max(2);
    let mut train_tags: Vec<Vec<Tag>> = vec![Vec::new(); train1.len()];
    for k in 0..folds {
        let fold = train1.len() * k / folds..train1.len() * (k + 1) / folds;
        let rest: Vec<&Example> = train1
            .iter()
            .enumerate()
            .filter(|(i, _)| !fold.contains(i))
            .map(|(_, e)| e)
            .chain(&extra1)
            .collect();
        let learnt = learn(&rest, rows, &schedule(k as u64 + 1), None);
        for i in fold {
            train_tags[i] = learnt.decode(&train1[i].feats, &mut emissions);
        }
        progress(&format!("ner: first pass, fold {}/{folds} tagged", k + 1));
    }
    let extra_tags: Vec<Vec<Tag>> = extra1.iter().map(|e| e.gold.clone()).collect();

    let all1: Vec<&Example> = train1.iter().chain(&extra1).collect();
    let mut dev_f1_by_epoch = Vec::new();
    let mut report_epoch = |epoch: usize, errors: usize, l: &Learnt| {
        let mut scorer = Scorer::default();
        let mut em = Vec::new();
        for ex in &dev1 {
            scorer.add(&ex.gold, &l.decode(&ex.feats, &mut em));
        }
        let f1 = scorer.scores().overall.f1;
        dev_f1_by_epoch.push(f1);
        progress(&format!(
            "ner: first pass epoch {}/{}: {errors} sentences wrong, dev F1 {f1:.4}",
            epoch + 1,
            cfg.epochs
        ));
    };
    let first = learn(&all1, rows, &schedule(0), Some(&mut report_epoch));
    let dev_tags: Vec<Vec<Tag>> = dev1
        .iter()
        .map(|e| first.decode(&e.feats, &mut emissions))
        .collect();
    let mut first_scorer = Scorer::default();
    for (ex, tags) in dev1.iter().zip(&dev_tags) {
        first_scorer.add(&ex.gold, tags);
    }

    // Second pass: sentence features plus the document context of first-pass tags.
    let shift = resources.shift();
    let w = cfg.context_window;
    let mut train2 = with_context(&train1, &train_stems, &train_tags, w, shift);
    train2.extend(with_context(&extra1, &extra_stems, &extra_tags, 0, shift));
    let all2: Vec<&Example> = train2.iter().collect();
    let second = learn(&all2, rows, &schedule(0x005E_C04D), None);
    progress("ner: second pass trained");

    let mut model = quantise(
        resources,
        [(&first, &train1[..]), (&second, &train2[..])],
        cfg.prune_below,
    );
    for pass in model.transitions.iter_mut() {
        for row in pass.iter_mut() {
            row[Tag::O.index()] -= cfg.o_penalty;
        }
    }
    let toks: Vec<Vec<&str>> = dev
        .iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect();
    let (mut alone, mut in_context) = (Scorer::default(), Scorer::default());
    for ((s, t), ctx) in dev.iter().zip(&toks).zip(model.tag_in_context(&toks, w)) {
        alone.add(&s.tags, &model.tag(t));
        in_context.add(&s.tags, &ctx);
    }
    let report = TrainReport {
        dev: alone.scores(),
        dev_in_context: in_context.scores(),
        dev_first_pass: first_scorer.scores(),
        dev_f1_by_epoch,
        train_sentences: in_domain.len(),
        extra_sentences: extra.len(),
        dev_sentences: dev.len(),
        clustered_words,
        active_weight_rows: model.active_rows(),
        seconds: started.elapsed().as_secs_f64(),
        config: cfg.clone(),
    };
    Ok((model, report))
}

/// Second-pass examples: each sentence's features followed by its context features,
/// the document being the `window` sentences on each side.
fn with_context(
    examples: &[Example],
    stems: &[Vec<u64>],
    tags: &[Vec<Tag>],
    window: usize,
    shift: u32,
) -> Vec<Example> {
    let mut doc = Occurrences::default();
    let mut ctx = Features::default();
    let (mut lo, mut hi) = (0, 0);
    let mut out = Vec::with_capacity(examples.len());
    for (i, ex) in examples.iter().enumerate() {
        while hi < (i + window + 1).min(examples.len()) {
            doc.add(&stems[hi], &tags[hi], 1);
            hi += 1;
        }
        while lo + window < i {
            doc.add(&stems[lo], &tags[lo], -1);
            lo += 1;
        }
        context::extract(&stems[i], &tags[i], &doc, shift, &mut ctx);
        let mut feats = Features::default();
        feats.offsets.push(0);
        for t in 0..ex.feats.len() {
            feats.buckets.extend_from_slice(ex.feats.of(t));
            feats.buckets.extend_from_slice(ctx.of(t));
            feats.offsets.push(feats.buckets.len() as u32);
        }
        out.push(Example {
            feats,
            gold: ex.gold.clone(),
            weight: ex.weight,
        });
    }
    out
}

/// Stores each pass's weights as differences from `O`'s (see `NerModel::weights`), drops
/// tiny ones, and quantises the rest to i16 with one scale per pass: the largest sum over
/// one training token's features, with a margin, maps to near `i16::MAX`.
fn quantise(
    resources: Resources,
    passes: [(&Learnt, &[Example]); 2],
    prune_below: f32,
) -> NerModel {
    let mut weights: [Vec<Row>; 2] = Default::default();
    let mut scale = [1.0f32; 2];
    for (pass, (l, examples)) in passes.into_iter().enumerate() {
        let relative: Vec<[f32; ROW]> =
            l.w.chunks_exact(T)
                .map(|w| {
                    std::array::from_fn(|t| {
                        let x = w[t + 1] - w[0];
                        if x.abs() >= prune_below {
                            x
                        } else {
                            0.0
                        }
                    })
                })
                .collect();
        let mut max = relative.iter().flatten().fold(0f32, |m, x| m.max(x.abs()));
        for ex in examples {
            for i in 0..ex.feats.len() {
                let mut acc = [0f32; ROW];
                for &f in ex.feats.of(i) {
                    if let Some(r) = relative.get(f as usize) {
                        acc.iter_mut().zip(r).for_each(|(a, x)| *a += x);
                    }
                }
                max = acc.iter().fold(max, |m, x| m.max(x.abs() * 1.25));
            }
        }
        if max > 0.0 {
            scale[pass] = max / i16::MAX as f32;
        }
        weights[pass] = relative
            .iter()
            .map(|r| {
                r.map(|x| {
                    (x / scale[pass])
                        .round()
                        .clamp(-(i16::MAX as f32), i16::MAX as f32) as i16
                })
            })
            .collect();
    }
    NerModel {
        resources,
        weights,
        scale,
        transitions: [passes[0].0.trans, passes[1].0.trans],
        id: super::model::model_id(),
    }
}
