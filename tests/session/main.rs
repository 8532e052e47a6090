//! Session scenario tests: a scripted broker, a fake clock, both protocol
//! versions.
//!
//! One binary, one file per behaviour (after str0m's `tests/`): the harness
//! is in `common.rs`. Nothing here sleeps: time is an `Instant` the tests
//! move by hand, so a one-hour keep-alive scenario runs in microseconds.

#[macro_use]
mod common;

mod connect;
mod errors;
mod framing;
mod keepalive;
mod limits;
mod qos_incoming;
mod qos_outgoing;
mod reconnect;
mod subscriptions;
