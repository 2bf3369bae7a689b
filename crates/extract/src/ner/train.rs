//! Training: an averaged structured perceptron (Collins 2002) with Viterbi decoding.

use super::clusters::{self, ClusterConfig};
use super::corpus::{dev_split, read_conll, Sentence};
use super::features::{Features, Resources, Scratch, IDENTITY};
use super::hash::SplitMix;
use super::lexicon::Lexicon;
use super::model::{viterbi, NerModel, START};
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
    /// Averaged weights smaller than this (in absolute value) are dropped.
    pub prune_below: f32,
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
        }
    }
}

impl TrainConfig {
    /// The configuration the committed model was trained with, given the shared data
    /// directory (`.../shared/data`) and the repository's `data/` directory.
    ///
    /// AQMAR is left out: with its MISC read as O and updates weighted 0.5 or 0.2 it
    /// lowered dev F1 by 1.5–2.5 points (Wikipedia is too far from newswire).
    pub fn standard(shared_data: &Path, repo_data: &Path) -> TrainConfig {
        TrainConfig {
            train: vec![shared_data.join("ner/ANERcorp_CamelLabSplit_train.conll")],
            news: vec![
                shared_data.join("news/saudinewsnet_shared.jsonl.gz"),
                shared_data.join("news/antcorpus_multisource_shared.jsonl.gz"),
            ],
            lexicon_dir: repo_data.join("ner"),
            ..TrainConfig::default()
        }
    }
}

/// What training did and how well the model does on the dev split.
#[derive(Debug, Clone, Serialize)]
pub struct TrainReport {
    /// Scores of the saved (averaged, pruned, quantised) model on the dev split.
    pub dev: Scores,
    /// Overall dev F1 after each epoch (averaged weights, before pruning).
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
        writeln!(f, "dev overall F1 by epoch: {}", by_epoch.join(" "))?;
        write!(f, "{}", self.dev)
    }
}

/// One training sentence with its features and the weight of its updates.
struct Example {
    feats: Features,
    gold: Vec<Tag>,
    weight: f32,
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
        clusters::learn(
            &cfg.news,
            cfg.max_news_articles,
            &cfg.clusters,
            cfg.seed,
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
        Example {
            feats,
            gold,
            weight,
        }
    };
    let mut examples: Vec<Example> = in_domain.iter().map(|s| featurise(s, 1.0)).collect();
    examples.extend(extra.iter().map(|s| featurise(s, cfg.extra_weight)));
    let dev_examples: Vec<Example> = dev.iter().map(|s| featurise(s, 1.0)).collect();

    let rows = 1usize << resources.bits;
    let mut p = Perceptron::new(rows);
    let mut rng = SplitMix::new(cfg.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut dev_f1_by_epoch = Vec::new();
    let mut emissions = Vec::new();
    let mut drop = Vec::new();
    let threshold = (cfg.word_dropout.clamp(0.0, 1.0) as f64 * u64::MAX as f64) as u64;
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let mut errors = 0usize;
        for &e in &order {
            let ex = &examples[e];
            drop.clear();
            drop.extend((0..ex.gold.len()).map(|_| rng.next_u64() < threshold));
            emissions_of(&p.w, &ex.feats, &drop, &mut emissions);
            let pred = viterbi(&emissions, &p.trans);
            if pred != ex.gold {
                errors += 1;
                p.update(ex, &drop, &pred);
            }
            p.step += 1.0;
        }
        let (w, tr) = p.averaged();
        let mut scorer = Scorer::default();
        for ex in &dev_examples {
            emissions_of(&w, &ex.feats, &[], &mut emissions);
            scorer.add(&ex.gold, &viterbi(&emissions, &tr));
        }
        let f1 = scorer.scores().overall.f1;
        dev_f1_by_epoch.push(f1);
        progress(&format!(
            "ner: epoch {}/{}: {errors} sentences wrong, dev F1 {f1:.4}",
            epoch + 1,
            cfg.epochs
        ));
    }

    let (w, transitions) = p.averaged();
    let model = quantise(resources, &w, transitions, cfg.prune_below);
    let mut scorer = Scorer::default();
    for s in &dev {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        scorer.add(&s.tags, &model.tag(&toks));
    }
    let report = TrainReport {
        dev: scorer.scores(),
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

/// Emission scores; token `i`'s identity features are skipped when `drop[i]`.
fn emissions_of(w: &[f32], feats: &Features, drop: &[bool], out: &mut Vec<f32>) {
    out.clear();
    for i in 0..feats.len() {
        let mut acc = [0f32; T];
        for b in kept(feats, drop, i) {
            let row = &w[b as usize * T..b as usize * T + T];
            acc.iter_mut().zip(row).for_each(|(a, x)| *a += x);
        }
        out.extend_from_slice(&acc);
    }
}

fn kept<'a>(feats: &'a Features, drop: &[bool], i: usize) -> impl Iterator<Item = u32> + 'a {
    let dropped = drop.get(i).copied().unwrap_or(false);
    feats
        .of(i)
        .iter()
        .enumerate()
        .filter(move |(j, _)| !(dropped && IDENTITY.contains(j)))
        .map(|(_, &b)| b)
}

/// Perceptron weights with the running sums needed for averaging: the averaged weight
/// is `w - u / step`, where `u` accumulates each update times the step it was made at.
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    trans: [[f32; T]; T + 1],
    trans_u: [[f32; T]; T + 1],
    step: f32,
}

impl Perceptron {
    fn new(rows: usize) -> Self {
        Perceptron {
            w: vec![0.0; rows * T],
            u: vec![0.0; rows * T],
            trans: [[0.0; T]; T + 1],
            trans_u: [[0.0; T]; T + 1],
            step: 1.0,
        }
    }

    fn update(&mut self, ex: &Example, drop: &[bool], pred: &[Tag]) {
        let lr = ex.weight;
        let c = self.step * lr;
        for (i, (&g, &p)) in ex.gold.iter().zip(pred).enumerate() {
            if g != p {
                for b in kept(&ex.feats, drop, i) {
                    let base = b as usize * T;
                    self.w[base + g.index()] += lr;
                    self.u[base + g.index()] += c;
                    self.w[base + p.index()] -= lr;
                    self.u[base + p.index()] -= c;
                }
            }
            let prev = |tags: &[Tag]| if i == 0 { START } else { tags[i - 1].index() };
            let (gp, pp) = (prev(&ex.gold), prev(pred));
            if (gp, g) != (pp, p) {
                self.trans[gp][g.index()] += lr;
                self.trans_u[gp][g.index()] += c;
                self.trans[pp][p.index()] -= lr;
                self.trans_u[pp][p.index()] -= c;
            }
        }
    }

    fn averaged(&self) -> (Vec<f32>, [[f32; T]; T + 1]) {
        let w = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| w - u / self.step)
            .collect();
        let mut tr = self.trans;
        for (row, urow) in tr.iter_mut().zip(&self.trans_u) {
            for (x, u) in row.iter_mut().zip(urow) {
                *x -= u / self.step;
            }
        }
        (w, tr)
    }
}

/// Drops tiny weights and stores the rest as i16 with one shared scale.
fn quantise(
    resources: Resources,
    w: &[f32],
    transitions: [[f32; T]; T + 1],
    prune_below: f32,
) -> NerModel {
    let max = w.iter().fold(0f32, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 {
        max / i16::MAX as f32
    } else {
        1.0
    };
    let weights = w
        .iter()
        .map(|&x| {
            if x.abs() < prune_below {
                0
            } else {
                (x / scale)
                    .round()
                    .clamp(-(i16::MAX as f32), i16::MAX as f32) as i16
            }
        })
        .collect();
    NerModel {
        resources,
        weights,
        scale,
        transitions,
    }
}
