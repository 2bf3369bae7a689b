//! marsad-kb
