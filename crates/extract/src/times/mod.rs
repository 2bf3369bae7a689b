//! Temporal expressions (TIMEX3) resolved against the publication date.
