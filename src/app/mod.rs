//! The app above the protocol core: pure data and reducers first, Yew
//! components on top.
//!
//! - [`model`]: plain data types (broker URL, profiles, payload views, the
//!   message ring, statistics…), each tested natively.
//! - [`state`]: the app's state, the [`Action`](state::Action)s that change
//!   it and the pure reducer (after Yew's `function_todomvc`). Components
//!   read it and dispatch actions; they never touch storage or the network.
//! - [`forms`]: what is being typed into the forms, with pure reducers.
//! - [`client`]: the provider and the context handle that wrap the
//!   connection; [`hooks`]: storage, page address and timer side effects;
//!   [`services`]: thin wrappers around browser APIs.
//! - [`learn`]: pure logic of the learning panels (code snippets, the
//!   topic-design checker, the wildcard playground).
//! - [`components`]: the Yew views, one per file.

pub mod client;
pub mod components;
pub mod forms;
pub mod hooks;
pub mod learn;
pub mod model;
pub mod services;
pub mod state;

pub use components::App;
