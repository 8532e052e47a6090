//! MQTT Lab: a browser MQTT client and an interactive MQTT course.
//!
//! The crate is one library with a thin wasm entry point. Everything that can
//! run natively does, so it is tested with plain `cargo test`:
//!
//! - [`protocol`]: the sans-IO MQTT 3.1.1 + 5.0 core (codec, topic rules,
//!   client session). It has no sockets, no clock and no browser APIs.
//! - [`transport`]: the WebSocket driver, the only code that does I/O.
//! - [`app`]: the app's pure state (model types and the reducer) and, on top
//!   of it, the Yew components.
//! - [`i18n`]: every text the app shows, in English and Korean.
#![forbid(unsafe_code)]

pub mod app;
pub mod broker;
pub mod i18n;
pub mod protocol;
pub mod transport;
