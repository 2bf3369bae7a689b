use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::path::PathBuf;

/// What went wrong while searching, serving or exporting.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(transparent)]
    Store(#[from] marsad_store::StoreError),

    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),

    #[error("search index query: {0}")]
    Query(#[from] tantivy::query::QueryParserError),

    #[error("{action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("writing the export: {0}")]
    Write(#[from] std::io::Error),

    #[error("encoding JSON: {0}")]
    Json(#[from] serde_json::Error),

    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),

    /// `dir` holds files that are not a marsad search index; it is not wiped.
    #[error("{0} is not a marsad search index directory; refusing to overwrite it")]
    NotAnIndex(PathBuf),

    #[error("{0}")]
    BadRequest(String),

    #[error("{0}")]
    NotFound(String),

    #[error("server task failed: {0}")]
    Task(String),
}

impl ServerError {
    pub fn status(&self) -> StatusCode {
        match self {
            ServerError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ServerError::NotFound(_) => StatusCode::NOT_FOUND,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ServerError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = serde_json::json!({ "error": self.to_string() });
        (status, axum::Json(body)).into_response()
    }
}
