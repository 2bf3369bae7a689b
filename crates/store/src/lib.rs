//! marsad-store
