//! The sans-IO MQTT 3.1.1 + 5.0 core.
//!
//! Nothing in here touches a socket, a timer or a browser API, and nothing
//! reads the clock: time comes in as an [`Instant`] argument. That is what lets
//! the same code drive the browser client, the sandbox broker and the native
//! tests (which run faster than real time with a fake clock).
//!
//! - [`codec`]: packets to bytes and back, with the byte span of every field.
//! - [`topic`]: topic name / filter rules and wildcard matching.
//! - [`session`]: the client state machine.

pub mod codec;
pub(crate) mod inflight;
pub mod session;
pub mod topic;

mod time;
pub use time::Instant;
