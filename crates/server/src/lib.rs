//! marsad-server
