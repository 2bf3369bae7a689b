//! marsad-stories
