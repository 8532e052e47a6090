//! Thin wrappers around browser APIs the UI needs besides the WebSocket
//! (which is [`transport`](crate::transport)'s): the page address and
//! preferences, randomness, the clock, files and the clipboard, and
//! localStorage. Kept here so components stay plain views; storage is
//! reached only through the hooks in [`hooks`](super::hooks).

pub mod browser;
pub mod files;
pub mod storage;
