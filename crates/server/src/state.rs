//! Shared state, the router and the server loop.

use crate::search::{open_or_rebuild, reindex, store_marker, SearchIndex};
use crate::views::{ViewCache, Views};
use crate::{api, pages, ServerError};
use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, MethodRouter};
use axum::Router;
use marsad_store::Store;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::Duration;

/// How often a running server checks whether the store moved on from its index.
pub const INDEX_REFRESH: Duration = Duration::from_secs(60);

/// Largest request body accepted; every route is a GET, so anything big is a mistake.
pub const MAX_BODY: u64 = 64 * 1024;

/// What every handler sees. The store is one connection behind a mutex (rusqlite's
/// connection is `Send` but not `Sync`); store calls run on the blocking pool. Stories
/// are served from [`Views`], read once per store revision.
#[derive(Clone)]
pub struct AppState {
    store: Arc<Mutex<Box<dyn Store + Send>>>,
    index: Arc<RwLock<Arc<SearchIndex>>>,
    views: Arc<ViewCache>,
    /// The store revision at which the index was last found current: while the store
    /// stays there, [`AppState::refresh_index`] need not read every story.
    index_revision: Arc<Mutex<Option<String>>>,
}

impl AppState {
    pub fn new(store: Box<dyn Store + Send>, index: SearchIndex) -> Self {
        AppState {
            store: Arc::new(Mutex::new(store)),
            index: Arc::new(RwLock::new(Arc::new(index))),
            views: Arc::new(ViewCache::default()),
            index_revision: Arc::new(Mutex::new(None)),
        }
    }

    /// Every story as of the store's current revision (at most
    /// [`crate::views::VIEW_CHECK`] behind it).
    pub async fn views(&self) -> Result<Arc<Views>, ServerError> {
        self.views
            .get(|known| self.with_store(move |st| Views::load_if_changed(st, known.as_deref())))
            .await
    }

    /// The current search index (a rebuild swaps in a new one; searches in flight keep
    /// the one they started with).
    pub fn index(&self) -> Arc<SearchIndex> {
        match self.index.read() {
            Ok(i) => Arc::clone(&i),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Rebuilds the search index if the store changed since it was built (another
    /// process ingested or read articles). Returns whether it was rebuilt.
    pub async fn refresh_index(&self) -> Result<bool, ServerError> {
        let current = self.index();
        let checked = Arc::clone(&self.index_revision);
        let rebuilt = self
            .with_store(move |st| {
                let revision = st.revision()?;
                let mut last = checked.lock().unwrap_or_else(PoisonError::into_inner);
                if revision.is_some() && *last == revision {
                    return Ok(None);
                }
                let index = if store_marker(st)? == current.marker() {
                    None
                } else {
                    Some(reindex(st, current.dir())?)
                };
                // Read before the marker: a write in between is seen at the next check.
                *last = revision;
                Ok(index)
            })
            .await?;
        let Some(index) = rebuilt else {
            return Ok(false);
        };
        match self.index.write() {
            Ok(mut slot) => *slot = Arc::new(index),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(index),
        }
        Ok(true)
    }

    /// Runs `f` with the store on the blocking pool.
    pub async fn with_store<T, F>(&self, f: F) -> Result<T, ServerError>
    where
        T: Send + 'static,
        F: FnOnce(&dyn Store) -> Result<T, ServerError> + Send + 'static,
    {
        let store = Arc::clone(&self.store);
        tokio::task::spawn_blocking(move || {
            let guard = store
                .lock()
                .map_err(|_| ServerError::Task("the store lock is poisoned".into()))?;
            f(guard.as_ref())
        })
        .await
        .map_err(|e| ServerError::Task(e.to_string()))?
    }
}

/// Every route with its handler; [`router`] is built from exactly this list (and the
/// OpenAPI test checks each path is described).
pub fn routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/", get(pages::story_list)),
        ("/stories/{id}", get(pages::story_page)),
        ("/articles/{id}", get(pages::article_page)),
        ("/entities/{id}", get(pages::entity_page)),
        ("/search", get(pages::search_page)),
        ("/api/articles", get(api::articles)),
        ("/api/articles/{id}", get(api::article)),
        ("/api/stories", get(api::stories)),
        ("/api/stories/{id}", get(api::story)),
        ("/api/entities", get(api::entities)),
        ("/api/entities/{id}", get(api::entity)),
        ("/api/search", get(api::search)),
        ("/api/export", get(api::export)),
        ("/openapi.json", get(api::openapi)),
    ]
}

/// The pages, the JSON API and its OpenAPI description.
pub fn router(state: AppState) -> Router {
    routes()
        .into_iter()
        .fold(Router::new(), |r, (path, handler)| r.route(path, handler))
        .fallback(not_found)
        .layer(middleware::from_fn(limit_body))
        .with_state(state)
}

async fn not_found() -> ServerError {
    ServerError::NotFound("no such route".into())
}

/// Refuses declared bodies over [`MAX_BODY`] before any handler runs.
async fn limit_body(request: Request, next: Next) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let chunked = request.headers().get(header::TRANSFER_ENCODING).is_some();
    if declared.is_some_and(|n| n > MAX_BODY) || chunked {
        let body = serde_json::json!({
            "error": format!("request body too large (at most {MAX_BODY} bytes)")
        });
        return (StatusCode::PAYLOAD_TOO_LARGE, axum::Json(body)).into_response();
    }
    next.run(request).await
}

/// [`serve`] on its own multi-threaded runtime, for callers that are not async
/// (`marsad serve`).
pub fn serve_blocking(
    store: Box<dyn Store + Send>,
    data_dir: PathBuf,
    addr: SocketAddr,
) -> Result<(), ServerError> {
    let runtime = tokio::runtime::Runtime::new().map_err(|source| ServerError::Io {
        action: "starting the runtime for",
        path: PathBuf::from(addr.to_string()),
        source,
    })?;
    runtime.block_on(serve(store, data_dir, addr))
}

/// Where the search index of a data directory lives.
pub fn index_dir(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("search")
}

/// Opens (or rebuilds) the search index under `data_dir/search` and serves until
/// Ctrl-C.
pub async fn serve(
    store: Box<dyn Store + Send>,
    data_dir: PathBuf,
    addr: SocketAddr,
) -> Result<(), ServerError> {
    let dir = index_dir(&data_dir);
    let (store, index) = tokio::task::spawn_blocking(move || {
        // Parsed once on first use; here rather than in the first search.
        marsad_text::Vocabulary::embedded();
        let index = open_or_rebuild(store.as_ref(), &dir)?;
        Ok::<_, ServerError>((store, index))
    })
    .await
    .map_err(|e| ServerError::Task(e.to_string()))??;
    let state = AppState::new(store, index);
    let refresher = state.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(INDEX_REFRESH);
        tick.tick().await;
        loop {
            tick.tick().await;
            if let Err(e) = refresher.refresh_index().await {
                // The old index keeps serving; say why it could not be brought up to date.
                eprintln!("marsad: search index not refreshed: {e}");
            }
        }
    });
    let app = router(state);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServerError::Io {
            action: "listening on",
            path: PathBuf::from(addr.to_string()),
            source,
        })?;
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|source| ServerError::Io {
            action: "serving on",
            path: PathBuf::from(addr.to_string()),
            source,
        })
}
