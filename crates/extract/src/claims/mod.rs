//! Casualty and damage claims with who makes them.
