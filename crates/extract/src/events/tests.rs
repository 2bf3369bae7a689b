//! Events on sentences about other conflicts.
