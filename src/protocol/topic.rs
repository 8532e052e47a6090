//! Topic names and topic filters (placeholder, being written).
