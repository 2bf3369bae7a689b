//! Word clusters learnt from unlabeled news: words that occur in the same contexts (the
//! words just before and after them) share a cluster, so a name never seen in ANERcorp
//! still looks like the names it behaves like.
//!
//! Method (chosen to train in well under a minute on one core, deterministically): PPMI
//! context vectors over the top context words, a seeded random projection to a few
//! dozen dimensions, spherical k-means for the fine level, and k-means over the fine
//! centroids for the coarser levels (like the prefixes of Brown clusters).

use super::hash::{IdMap, SplitMix};
use super::tokens::split_tokens;
use super::word::Word;
use super::NerError;
use flate2::read::MultiGzDecoder;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// Cluster id meaning "not in the clustered vocabulary".
pub(crate) const NO_CLUSTER: u16 = u16::MAX;

/// Levels of clustering, finest first.
pub(crate) const LEVELS: usize = 3;

/// Word hash (`Word::word`) → cluster id at each level.
pub(crate) type ClusterMap = IdMap<[u16; LEVELS]>;

/// How clusters are learnt from news.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClusterConfig {
    /// Words clustered: the most frequent ones.
    pub vocab: usize,
    /// Words seen fewer times are not clustered.
    pub min_count: u32,
    /// Context words: the most frequent ones.
    pub contexts: usize,
    /// Dimensions of the random projection.
    pub dims: usize,
    /// Clusters at each level, finest first.
    pub clusters: [usize; LEVELS],
    pub iterations: usize,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            vocab: 50_000,
            min_count: 5,
            contexts: 600,
            dims: 96,
            clusters: [512, 128, 32],
            iterations: 8,
        }
    }
}

#[derive(Deserialize)]
struct NewsLine {
    #[serde(default)]
    text: String,
}

/// Token stream of the news, as ids into `words`; `u32::MAX` separates articles.
struct Corpus {
    words: Vec<String>,
    counts: Vec<u64>,
    stream: Vec<u32>,
}

const BREAK: u32 = u32::MAX;

fn read_news(
    news: &[PathBuf],
    max_articles: usize,
    progress: &mut dyn FnMut(&str),
) -> Result<Corpus, NerError> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut c = Corpus {
        words: Vec::new(),
        counts: Vec::new(),
        stream: Vec::new(),
    };
    let mut articles = 0usize;
    let mut key = String::new();
    'files: for path in news {
        let file = std::fs::File::open(path).map_err(|e| NerError::io(path, e))?;
        let reader = BufReader::new(MultiGzDecoder::new(file));
        for line in reader.lines() {
            if articles >= max_articles {
                break 'files;
            }
            let line = line.map_err(|e| NerError::io(path, e))?;
            let Ok(news) = serde_json::from_str::<NewsLine>(&line) else {
                continue;
            };
            articles += 1;
            for tok in split_tokens(&news.text) {
                key.clear();
                key.extend(tok.chars().filter_map(marsad_text::key_char));
                if key.is_empty() {
                    continue;
                }
                let id = match ids.get(key.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = c.words.len() as u32;
                        ids.insert(key.clone(), id);
                        c.words.push(key.clone());
                        c.counts.push(0);
                        id
                    }
                };
                c.counts[id as usize] += 1;
                c.stream.push(id);
            }
            c.stream.push(BREAK);
        }
        progress(&format!(
            "clusters: read {} ({articles} articles, {} tokens so far)",
            path.display(),
            c.stream.len()
        ));
    }
    Ok(c)
}

/// Learns the clusters: each clustered word with its cluster id at each level.
fn learn(
    news: &[PathBuf],
    max_articles: usize,
    cfg: &ClusterConfig,
    seed: u64,
    progress: &mut dyn FnMut(&str),
) -> Result<Vec<(String, [u16; LEVELS])>, NerError> {
    let corpus = read_news(news, max_articles, progress)?;
    if corpus.stream.is_empty() {
        return Ok(Vec::new());
    }
    // Rank words by frequency; ties by spelling so the order never depends on hashing.
    let mut order: Vec<u32> = (0..corpus.words.len() as u32).collect();
    order.sort_by(|&a, &b| {
        corpus.counts[b as usize]
            .cmp(&corpus.counts[a as usize])
            .then_with(|| corpus.words[a as usize].cmp(&corpus.words[b as usize]))
    });
    let vocab: Vec<u32> = order
        .iter()
        .copied()
        .take(cfg.vocab)
        .take_while(|&w| corpus.counts[w as usize] >= cfg.min_count as u64)
        .collect();
    let mut row = vec![u32::MAX; corpus.words.len()];
    for (r, &w) in vocab.iter().enumerate() {
        row[w as usize] = r as u32;
    }
    let mut ctx = vec![u32::MAX; corpus.words.len()];
    for (r, &w) in order.iter().take(cfg.contexts).enumerate() {
        ctx[w as usize] = r as u32;
    }
    let vectors = project(&corpus, &vocab, &row, &ctx, cfg, seed);
    progress(&format!(
        "clusters: {} words projected to {} dims",
        vocab.len(),
        cfg.dims
    ));
    let fine = kmeans(&vectors, cfg.dims, cfg.clusters[0], cfg.iterations);
    let mut levels = vec![fine.assignment.clone()];
    for &k in &cfg.clusters[1..] {
        let coarse = kmeans(&fine.centroids, cfg.dims, k, cfg.iterations);
        levels.push(
            fine.assignment
                .iter()
                .map(|&f| coarse.assignment[f as usize])
                .collect(),
        );
    }
    let words: Vec<(String, [u16; LEVELS])> = vocab
        .iter()
        .enumerate()
        .map(|(r, &w)| {
            let mut ids = [NO_CLUSTER; LEVELS];
            for (l, level) in levels.iter().enumerate() {
                ids[l] = level[r];
            }
            (corpus.words[w as usize].clone(), ids)
        })
        .collect();
    progress(&format!("clusters: {} words clustered", words.len()));
    Ok(words)
}

/// Learns the clusters, or reads them from `cache` when a file there was written for the
/// same news, settings and seed (the cache holds words, not hashes, so it survives
/// changes to feature hashing). Training experiments then skip the slowest stage.
pub(crate) fn learn_cached(
    news: &[PathBuf],
    max_articles: usize,
    cfg: &ClusterConfig,
    seed: u64,
    cache: Option<&Path>,
    progress: &mut dyn FnMut(&str),
) -> Result<ClusterMap, NerError> {
    let stamp = format!(
        "{news:?} {max_articles} {} {seed}",
        serde_json::to_string(cfg).map_err(|e| NerError::Format(e.to_string()))?
    );
    let cached = cache
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|text| {
            let (head, body) = text.split_once('\n')?;
            (head == stamp).then(|| parse_cache(body))?
        });
    let words = match cached {
        Some(words) => {
            progress(&format!("clusters: {} words from the cache", words.len()));
            words
        }
        None => {
            let words = learn(news, max_articles, cfg, seed, progress)?;
            if let Some(p) = cache {
                let mut text = stamp;
                for (w, ids) in &words {
                    text.push('\n');
                    text.push_str(w);
                    for id in ids {
                        text.push_str(&format!("\t{id}"));
                    }
                }
                std::fs::write(p, text).map_err(|e| NerError::io(p, e))?;
            }
            words
        }
    };
    let mut map = ClusterMap::default();
    let mut word = Word::default();
    for (w, ids) in &words {
        word.analyse(w);
        map.insert(word.word, *ids);
    }
    Ok(map)
}

fn parse_cache(body: &str) -> Option<Vec<(String, [u16; LEVELS])>> {
    body.lines()
        .map(|line| {
            let mut parts = line.split('\t');
            let w = parts.next()?.to_string();
            let mut ids = [NO_CLUSTER; LEVELS];
            for id in ids.iter_mut() {
                *id = parts.next()?.parse().ok()?;
            }
            Some((w, ids))
        })
        .collect()
}

/// PPMI-weighted counts of (left word, right word, word two away) projected onto `dims`
/// seeded random directions, then normalised to unit length.
fn project(
    c: &Corpus,
    vocab: &[u32],
    row: &[u32],
    ctx: &[u32],
    cfg: &ClusterConfig,
    seed: u64,
) -> Vec<f32> {
    let n_ctx = cfg.contexts.min(c.words.len());
    let cols = 3 * n_ctx;
    let mut rng = SplitMix::new(seed ^ 0x434c_5553);
    let directions: Vec<f32> = (0..cols * cfg.dims).map(|_| rng.signed_unit()).collect();
    // Context-distribution smoothing (counts^0.75) keeps rare contexts from dominating PPMI.
    let ctx_prob: Vec<f64> = {
        let mut p = vec![0f64; n_ctx];
        for (w, &r) in ctx.iter().enumerate() {
            if (r as usize) < n_ctx {
                p[r as usize] = (c.counts[w] as f64).powf(0.75);
            }
        }
        let sum: f64 = p.iter().sum();
        p.iter().map(|x| x / sum.max(1.0)).collect()
    };
    let mut out = vec![0f32; vocab.len() * cfg.dims];
    // Count in blocks of rows so the dense count matrix stays small.
    let block = 8_000usize;
    let mut counts = vec![0u32; block * cols];
    for start in (0..vocab.len()).step_by(block) {
        let end = (start + block).min(vocab.len());
        counts.iter_mut().for_each(|x| *x = 0);
        let s = &c.stream;
        for i in 0..s.len() {
            let r = match s[i] {
                BREAK => continue,
                w => row[w as usize],
            };
            if (r as usize) < start || (r as usize) >= end {
                continue;
            }
            let base = (r as usize - start) * cols;
            let at = |j: usize| s.get(j).copied().filter(|&w| w != BREAK);
            let ctx_of = |w: Option<u32>| w.map(|w| ctx[w as usize]).filter(|&x| x != u32::MAX);
            if let Some(x) = ctx_of(i.checked_sub(1).and_then(at)) {
                counts[base + x as usize] += 1;
            }
            if let Some(x) = ctx_of(at(i + 1)) {
                counts[base + n_ctx + x as usize] += 1;
            }
            for j in [i.checked_sub(2), Some(i + 2)].into_iter().flatten() {
                if let Some(x) = ctx_of(at(j)) {
                    counts[base + 2 * n_ctx + x as usize] += 1;
                }
            }
        }
        for r in start..end {
            let word_count = c.counts[vocab[r] as usize] as f64;
            let v = &mut out[r * cfg.dims..(r + 1) * cfg.dims];
            let cnt = &counts[(r - start) * cols..(r - start + 1) * cols];
            for (j, &n) in cnt.iter().enumerate() {
                if n == 0 {
                    continue;
                }
                let pmi = (n as f64 / word_count / ctx_prob[j % n_ctx]).ln() as f32;
                if pmi <= 0.0 {
                    continue;
                }
                let d = &directions[j * cfg.dims..(j + 1) * cfg.dims];
                for (a, b) in v.iter_mut().zip(d) {
                    *a += pmi * b;
                }
            }
            normalise(v);
        }
    }
    out
}

fn normalise(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

struct KMeans {
    assignment: Vec<u16>,
    centroids: Vec<f32>,
}

/// Spherical k-means; centroids start at points spread evenly over the input order
/// (frequency order), which is deterministic and covers frequent and rare words alike.
fn kmeans(points: &[f32], dims: usize, k: usize, iterations: usize) -> KMeans {
    let n = points.len() / dims;
    let k = k.min(n).max(1);
    let mut centroids: Vec<f32> = (0..k)
        .flat_map(|c| {
            let p = c * n / k;
            points[p * dims..(p + 1) * dims].to_vec()
        })
        .collect();
    let mut assignment = vec![0u16; n];
    for _ in 0..iterations.max(1) {
        for (p, a) in assignment.iter_mut().enumerate() {
            let v = &points[p * dims..(p + 1) * dims];
            let mut best = (f32::MIN, 0usize);
            for c in 0..k {
                let cen = &centroids[c * dims..(c + 1) * dims];
                let dot: f32 = v.iter().zip(cen).map(|(a, b)| a * b).sum();
                if dot > best.0 {
                    best = (dot, c);
                }
            }
            *a = best.1 as u16;
        }
        let mut sums = vec![0f32; k * dims];
        for (p, &a) in assignment.iter().enumerate() {
            let v = &points[p * dims..(p + 1) * dims];
            let s = &mut sums[a as usize * dims..(a as usize + 1) * dims];
            s.iter_mut().zip(v).for_each(|(s, x)| *s += x);
        }
        for c in 0..k {
            let s = &mut sums[c * dims..(c + 1) * dims];
            if s.iter().any(|&x| x != 0.0) {
                normalise(s);
                centroids[c * dims..(c + 1) * dims].copy_from_slice(s);
            }
        }
    }
    KMeans {
        assignment,
        centroids,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kmeans_separates_two_directions_deterministically() {
        let pts: Vec<f32> = [[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.1, 0.9]]
            .iter()
            .flat_map(|p| {
                let mut v = p.to_vec();
                normalise(&mut v);
                v
            })
            .collect();
        let a = kmeans(&pts, 2, 2, 5);
        assert_eq!(a.assignment[0], a.assignment[1]);
        assert_eq!(a.assignment[2], a.assignment[3]);
        assert_ne!(a.assignment[0], a.assignment[2]);
        assert_eq!(kmeans(&pts, 2, 2, 5).assignment, a.assignment);
    }
}
