//! Political and military events coded in PLOVER.
