//! A short extractive summary: central sentences, no repeats across outlets, in time order.

use marsad_model::{Analysis, Article, Span, SummarySentence};
use std::collections::{HashMap, HashSet};

/// Sentences sharing this share of their words with a chosen one say the same thing.
const REPEAT_OVERLAP: f32 = 0.5;

pub fn summary(members: &[(&Article, &Analysis)], max: usize) -> Vec<SummarySentence> {
    struct Candidate<'a> {
        article: usize,
        span: Span,
        text: &'a str,
        words: HashSet<String>,
        position: usize,
    }
    let mut candidates = Vec::new();
    let mut df: HashMap<String, usize> = HashMap::new();
    for (i, (article, analysis)) in members.iter().enumerate() {
        let spans = if analysis.sentences.is_empty() {
            line_spans(&article.body)
        } else {
            analysis.sentences.clone()
        };
        for (position, span) in spans.into_iter().enumerate() {
            let Some(text) = span.slice(&article.body) else {
                continue;
            };
            let n = text.split_whitespace().count();
            if !(6..=60).contains(&n) {
                continue;
            }
            let words: HashSet<String> = text
                .split_whitespace()
                .map(marsad_text::key)
                .filter(|w| w.chars().count() >= 3)
                .collect();
            for w in &words {
                *df.entry(w.clone()).or_insert(0) += 1;
            }
            candidates.push(Candidate {
                article: i,
                span,
                text,
                words,
                position,
            });
        }
    }
    // Centrality: words that many sentences of the story share, plus a lead bonus.
    let score = |c: &Candidate| {
        let central: f32 = c
            .words
            .iter()
            .map(|w| (df[w] as f32 - 1.0).max(0.0))
            .sum::<f32>()
            / (c.words.len() as f32).sqrt().max(1.0);
        central / (1.0 + c.position as f32 * 0.15)
    };
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| score(&candidates[b]).total_cmp(&score(&candidates[a])));
    let mut chosen: Vec<usize> = Vec::new();
    for i in order {
        if chosen.len() >= max {
            break;
        }
        let c = &candidates[i];
        let repeats = chosen.iter().any(|&j| {
            let o = &candidates[j];
            let shared = c.words.intersection(&o.words).count() as f32;
            shared / (c.words.len().min(o.words.len()).max(1) as f32) >= REPEAT_OVERLAP
        });
        if !repeats {
            chosen.push(i);
        }
    }
    // Time order: by the article's publication, then position in the article.
    chosen.sort_by(|&a, &b| {
        let (ca, cb) = (&candidates[a], &candidates[b]);
        (
            members[ca.article].0.published.as_deref(),
            ca.article,
            ca.position,
        )
            .cmp(&(
                members[cb.article].0.published.as_deref(),
                cb.article,
                cb.position,
            ))
    });
    chosen
        .into_iter()
        .map(|i| {
            let c = &candidates[i];
            SummarySentence {
                article: members[c.article].0.id.clone(),
                span: c.span,
                text: c.text.trim().to_string(),
            }
        })
        .collect()
}

/// Lines of the body as sentence stand-ins when the read stage gave none.
fn line_spans(body: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if !trimmed.trim().is_empty() {
            out.push(Span::new(start, start + trimmed.len()));
        }
        start += line.len();
    }
    out
}
