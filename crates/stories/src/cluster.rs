//! Incremental story clustering: each article joins the most similar open story within a
//! time window, or opens a new one.

use crate::days::day_number;
use crate::features::Terms;
use crate::idf::Background;
use marsad_model::{Analysis, Article};
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct Config {
    /// Cosine similarity (tf-idf) an article needs with a story to join it.
    pub threshold: f32,
    /// An article may join a story whose last article is at most this many days older.
    pub window_days: i64,
    /// A story covers at most this many days from its first article: past that, a
    /// continuing thread opens a new story rather than growing without end.
    pub max_span_days: i64,
    /// Terms of a story's profile that go into the inverted index.
    pub index_terms: usize,
    /// Terms kept in a story's profile.
    pub profile_terms: usize,
    /// Stories looked at per index term (the most recent ones): bounds the comparisons.
    pub postings_per_term: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            threshold: 0.28,
            window_days: 3,
            max_span_days: 4,
            index_terms: 12,
            profile_terms: 150,
            postings_per_term: 40,
        }
    }
}

struct StoryState {
    members: Vec<usize>,
    first_day: Option<i64>,
    last_day: Option<i64>,
    /// Sum of members' unit tf-idf vectors, truncated to the heaviest terms.
    profile: HashMap<u64, f32>,
    norm: f32,
}

/// Assigns articles to stories one at a time.
pub struct Clusterer {
    cfg: Config,
    stories: Vec<StoryState>,
    index: HashMap<u64, Vec<usize>>,
    df: HashMap<u64, u32>,
    docs: u32,
    /// Comparisons made so far (for benchmarks and the bounded-cost claim).
    pub comparisons: u64,
    assigned: Vec<usize>,
}

impl Clusterer {
    pub fn new(cfg: Config) -> Self {
        Clusterer {
            cfg,
            stories: Vec::new(),
            index: HashMap::new(),
            df: HashMap::new(),
            docs: 0,
            comparisons: 0,
            assigned: Vec::new(),
        }
    }

    /// Adds the next article (call in publication order) and returns its story number.
    pub fn add(&mut self, article: &Article, analysis: Option<&Analysis>) -> usize {
        let terms = Terms::of(article, analysis);
        self.docs += 1;
        for (h, _) in &terms.counts {
            *self.df.entry(*h).or_insert(0) += 1;
        }
        let vector = self.weigh(&terms);
        let day = article.published_date().and_then(day_number);
        let best = self.best_story(&vector, day);
        let n = self.assigned.len();
        let story = match best {
            Some(s) => s,
            None => {
                self.stories.push(StoryState {
                    members: Vec::new(),
                    first_day: None,
                    last_day: None,
                    profile: HashMap::new(),
                    norm: 0.0,
                });
                self.stories.len() - 1
            }
        };
        self.join(story, n, &vector, day);
        self.assigned.push(story);
        story
    }

    /// Story number of every article added, in order of addition.
    pub fn assignments(&self) -> &[usize] {
        &self.assigned
    }

    pub fn story_count(&self) -> usize {
        self.stories.len()
    }

    /// Unit-length tf-idf vector, with idf from the background collection plus the
    /// articles seen so far.
    fn weigh(&self, terms: &Terms) -> Vec<(u64, f32)> {
        let bg = Background::embedded();
        let n = (self.docs + bg.docs) as f32;
        let mut v: Vec<(u64, f32)> = terms
            .counts
            .iter()
            .map(|(h, c)| {
                let df = self.df.get(h).copied().unwrap_or(1) + bg.df.get(h).copied().unwrap_or(0);
                (*h, (1.0 + c.ln()) * ((n + 1.0) / df as f32).ln().max(0.05))
            })
            .collect();
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|(_, w)| *w /= norm);
        }
        v
    }

    fn in_window(&self, s: &StoryState, day: Option<i64>) -> bool {
        match (day, s.first_day, s.last_day) {
            (Some(d), Some(first), Some(last)) => {
                d >= first - 1
                    && d <= last + self.cfg.window_days
                    && d <= first + self.cfg.max_span_days
            }
            _ => true,
        }
    }

    fn best_story(&mut self, vector: &[(u64, f32)], day: Option<i64>) -> Option<usize> {
        // Candidates: stories indexed under the article's heaviest terms.
        let mut top: Vec<&(u64, f32)> = vector.iter().collect();
        top.sort_by(|a, b| b.1.total_cmp(&a.1));
        let mut candidates: Vec<usize> = Vec::new();
        for (h, _) in top.iter().take(self.cfg.index_terms * 2) {
            if let Some(posting) = self.index.get(h) {
                candidates.extend(posting.iter().rev().take(self.cfg.postings_per_term));
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(usize, f32)> = None;
        for s in candidates {
            let story = &self.stories[s];
            if !self.in_window(story, day) || story.norm == 0.0 {
                continue;
            }
            self.comparisons += 1;
            let dot: f32 = vector
                .iter()
                .filter_map(|(h, w)| story.profile.get(h).map(|p| p * w))
                .sum();
            let cos = dot / story.norm;
            if cos >= self.cfg.threshold && best.is_none_or(|(_, b)| cos > b) {
                best = Some((s, cos));
            }
        }
        best.map(|(s, _)| s)
    }

    fn join(&mut self, s: usize, article: usize, vector: &[(u64, f32)], day: Option<i64>) {
        let cfg_profile = self.cfg.profile_terms;
        let cfg_index = self.cfg.index_terms;
        let story = &mut self.stories[s];
        story.members.push(article);
        if let Some(d) = day {
            story.first_day = Some(story.first_day.map_or(d, |f| f.min(d)));
            story.last_day = Some(story.last_day.map_or(d, |l| l.max(d)));
        }
        for (h, w) in vector {
            *story.profile.entry(*h).or_insert(0.0) += w;
        }
        let mut terms: Vec<(u64, f32)> = story.profile.iter().map(|(h, w)| (*h, *w)).collect();
        terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        terms.truncate(cfg_profile);
        story.profile = terms.iter().copied().collect();
        story.norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        for (h, _) in terms.iter().take(cfg_index) {
            let posting = self.index.entry(*h).or_default();
            if posting.last() != Some(&s) && !posting.iter().rev().take(8).any(|&x| x == s) {
                posting.push(s);
            }
        }
    }
}
