//! The app above the protocol core: pure data and reducers first, Yew
//! components on top.
//!
//! - [`model`]: plain data types (broker URL, profiles, payload views, the
//!   message ring, statistics…), each tested natively.
//! - [`state`]: the app's state, the [`Action`](state::Action)s that change
//!   it and the pure reducer (after Yew's `function_todomvc`). Components
//!   read it and dispatch actions; they never touch storage or the network.

pub mod forms;
pub mod model;
pub mod state;
