//! marsad-eval
