//! marsad-server: everything that shows the store to people and programs.
//!
//! - [`search`]: a tantivy full-text index with an Arabic analyzer built from
//!   `marsad_text`, entity-aware (a query in one spelling finds every spelling);
//! - [`router`] / [`serve`]: the HTTP JSON API and the server-rendered right-to-left pages;
//! - [`export()`]: events and claims as ACLED-like rows in JSON, CSV or GeoJSON.
//!
//! Nothing here reads articles again: it only reads what the store holds. The search
//! index under `<data dir>/search/` is derived and can always be rebuilt from the store.

pub mod analyzer;
mod api;
pub mod catalogue;
mod docs;
mod error;
pub mod export;
pub mod html;
mod openapi;
mod pages;
pub mod search;
mod snippet;
mod state;
pub mod views;

pub use catalogue::{Catalogue, EntityEntry};
pub use error::ServerError;
pub use export::{export, ExportFormat};
pub use search::{open_or_rebuild, reindex, Hit, SearchIndex, SearchQuery};
pub use state::{index_dir, router, routes, serve, serve_blocking, AppState};
pub use views::Views;
