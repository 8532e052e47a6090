//! The app above the protocol core: pure data and reducers first, Yew
//! components on top.
//!
//! - [`model`]: plain data types (broker URL, profiles, payload views, the
//!   message ring, statistics…), each tested natively.

pub mod model;
