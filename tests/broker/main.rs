//! The sandbox broker driven by the protocol core's client session, in
//! memory, with a fake clock: every scenario for MQTT 3.1.1 and 5.0 where
//! the feature exists in both.

mod common;
mod delivery;
mod lifecycle;
