//! What the story list, story pages and story JSON show, read from the store once per
//! store revision and shared by every request, instead of every story being decoded
//! again for each request.
//!
//! Staleness is bounded: a request made more than [`VIEW_CHECK`] after the last check
//! asks the store for its revision (`Store::revision`, one cheap query) and, when it
//! moved, reloads. Backends that cannot tell their revision cheaply are compared by
//! content ([`marker_of`]) every [`VIEW_CHECK_BY_CONTENT`]. While one request reloads,
//! the others keep being served the views they had.

use crate::catalogue::all_stories;
use crate::search::marker_of;
use crate::ServerError;
use axum::body::Bytes;
use marsad_model::Story;
use marsad_store::Store;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

/// At most this long after a store change, requests see it.
pub const VIEW_CHECK: Duration = Duration::from_secs(1);

/// How often a store without a cheap revision is read whole to see whether it changed.
pub const VIEW_CHECK_BY_CONTENT: Duration = Duration::from_secs(10);

/// Most rendered pages (and, apart, story JSON bodies) kept per revision; the memo starts
/// over when full, so a crawl over every story cannot grow memory without bound (news
/// stories average a few KB of JSON and about 10 KB of page).
const MAX_MEMO: usize = 1024;

/// Responses made from one story, kept until the store changes.
#[derive(Default)]
struct Memo {
    bodies: Mutex<HashMap<String, Bytes>>,
}

impl Memo {
    fn get(&self, id: &str) -> Option<Bytes> {
        let bodies = self.bodies.lock().unwrap_or_else(PoisonError::into_inner);
        bodies.get(id).cloned()
    }

    fn keep(&self, id: &str, body: Bytes) {
        let mut bodies = self.bodies.lock().unwrap_or_else(PoisonError::into_inner);
        if bodies.len() >= MAX_MEMO {
            bodies.clear();
        }
        bodies.insert(id.to_string(), body);
    }
}

/// Every story as of one store revision.
pub struct Views {
    /// The store's revision, or its content marker when it has none.
    version: String,
    stories: Vec<Story>,
    by_id: HashMap<String, usize>,
    pages: Memo,
    json: Memo,
}

impl Views {
    fn new(version: String, stories: Vec<Story>) -> Self {
        let by_id = stories
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        Views {
            version,
            stories,
            by_id,
            pages: Memo::default(),
            json: Memo::default(),
        }
    }

    /// Every story, in the store's order (newest first).
    pub fn stories(&self) -> &[Story] {
        &self.stories
    }

    pub fn story(&self, id: &str) -> Option<&Story> {
        self.by_id.get(id).and_then(|&i| self.stories.get(i))
    }

    /// The story page's HTML, when it was made since the store last changed.
    pub fn page(&self, id: &str) -> Option<Bytes> {
        self.pages.get(id)
    }

    pub fn keep_page(&self, id: &str, html: Bytes) {
        self.pages.keep(id, html);
    }

    /// The story as JSON, made once per revision.
    pub fn story_json(&self, id: &str) -> Result<Option<Bytes>, ServerError> {
        if let Some(body) = self.json.get(id) {
            return Ok(Some(body));
        }
        let Some(story) = self.story(id) else {
            return Ok(None);
        };
        let body = Bytes::from(serde_json::to_vec(story)?);
        self.json.keep(id, body.clone());
        Ok(Some(body))
    }

    /// Reads the store unless it is still at `known` (the version of the views in use);
    /// also says whether the store told its revision. The revision is read before the
    /// stories: a write in between makes the next check reload again rather than keep
    /// newer stories under an older revision.
    pub(crate) fn load_if_changed(
        store: &dyn Store,
        known: Option<&str>,
    ) -> Result<(Option<Views>, bool), ServerError> {
        if let Some(revision) = store.revision()? {
            if known == Some(revision.as_str()) {
                return Ok((None, true));
            }
            return Ok((Some(Views::new(revision, all_stories(store)?)), true));
        }
        let stories = all_stories(store)?;
        let marker = marker_of(&stories, store.article_count()?);
        if known == Some(marker.as_str()) {
            return Ok((None, false));
        }
        Ok((Some(Views::new(marker, stories)), false))
    }
}

/// The views in use and when to check the store again.
#[derive(Default)]
pub(crate) struct ViewCache {
    current: RwLock<Option<(Arc<Views>, Instant)>>,
    /// Held by the one request that checks the store.
    checking: tokio::sync::Mutex<()>,
}

impl ViewCache {
    /// The views, if any, and whether they are due for a check.
    fn current(&self) -> Option<(Arc<Views>, bool)> {
        let slot = self.current.read().unwrap_or_else(PoisonError::into_inner);
        slot.as_ref()
            .map(|(v, next)| (Arc::clone(v), Instant::now() >= *next))
    }

    fn set(&self, views: Arc<Views>, next: Instant) {
        let mut slot = self.current.write().unwrap_or_else(PoisonError::into_inner);
        *slot = Some((views, next));
    }

    /// Current views, checking the store first when the last check is older than the
    /// bound. `load` runs [`Views::load_if_changed`] against the store.
    pub(crate) async fn get<F, Fut>(&self, load: F) -> Result<Arc<Views>, ServerError>
    where
        F: FnOnce(Option<String>) -> Fut,
        Fut: std::future::Future<Output = Result<(Option<Views>, bool), ServerError>>,
    {
        let stale = match self.current() {
            Some((views, false)) => return Ok(views),
            Some((views, true)) => Some(views),
            None => None,
        };
        let _checking = match (self.checking.try_lock(), stale) {
            (Ok(guard), _) => guard,
            // Someone is checking already: keep serving what there is meanwhile.
            (Err(_), Some(views)) => return Ok(views),
            (Err(_), None) => self.checking.lock().await,
        };
        // Whoever held the lock may have just checked.
        let current = match self.current() {
            Some((views, false)) => return Ok(views),
            Some((views, true)) => Some(views),
            None => None,
        };
        let known = current.as_ref().map(|v| v.version.clone());
        let (loaded, by_revision) = load(known).await?;
        let views = match (loaded, current) {
            (Some(fresh), _) => Arc::new(fresh),
            (None, Some(same)) => same,
            // `known` was None, so the store was read.
            (None, None) => return Err(ServerError::Task("the story views were not read".into())),
        };
        let wait = if by_revision {
            VIEW_CHECK
        } else {
            VIEW_CHECK_BY_CONTENT
        };
        self.set(Arc::clone(&views), Instant::now() + wait);
        Ok(views)
    }
}
