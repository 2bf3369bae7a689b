// Placeholder so the workspace manifest parses; the real bench replaces it.
fn main() {}
