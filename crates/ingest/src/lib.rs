//! marsad-ingest
