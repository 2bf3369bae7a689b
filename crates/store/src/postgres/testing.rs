//! Test support for the PostgreSQL backend: where the test server is, and a private
//! schema per test so tests (and test processes) can share one server at once.
//! Not part of the stable API.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// The environment variable holding the test server's URL (`scripts/pg-test.sh` sets it).
pub const TEST_URL_VAR: &str = "MARSAD_TEST_PG";

/// The test server's URL. Without one, a test run under CI (`CI` set) fails, since CI
/// must test the backend; elsewhere the test prints a skip notice and the caller returns.
pub fn test_url(test: &str) -> Option<String> {
    match std::env::var(TEST_URL_VAR) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if std::env::var_os("CI").is_some() => panic!(
            "{test}: {TEST_URL_VAR} is not set, and CI must test the PostgreSQL backend: \
             run the tests under scripts/pg-test.sh, which starts a server and sets it"
        ),
        _ => {
            eprintln!(
                "skipping {test}: set {TEST_URL_VAR} to a PostgreSQL URL \
                 (scripts/pg-test.sh cargo test -p marsad-store starts one)"
            );
            None
        }
    }
}

/// A schema name no other test or process uses.
pub fn unique_schema(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "{prefix}_{}_{}_{nanos}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// A schema that is dropped, with everything in it, when this value is.
pub struct Scratch {
    pub url: String,
    pub schema: String,
}

impl Scratch {
    pub fn new(url: &str, prefix: &str) -> Self {
        Scratch {
            url: url.to_string(),
            schema: unique_schema(prefix),
        }
    }

    /// A plain client with its search_path on this schema, for checks the `Store` trait
    /// does not offer (counting rows, reading columns the trait hides).
    pub fn client(&self) -> postgres::Client {
        let mut client = postgres::Client::connect(&self.url, postgres::NoTls)
            .unwrap_or_else(|e| panic!("connecting to the test server: {e}"));
        client
            .batch_execute(&format!(
                "SET search_path TO {}",
                super::quote_ident(&self.schema)
            ))
            .unwrap_or_else(|e| panic!("setting the search path: {e}"));
        client
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Ok(mut client) = postgres::Client::connect(&self.url, postgres::NoTls) {
            let _ = client.batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {} CASCADE",
                super::quote_ident(&self.schema)
            ));
        }
    }
}
