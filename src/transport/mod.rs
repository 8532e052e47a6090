//! The browser side of a connection: a `web-sys` WebSocket (binary frames,
//! subprotocol `mqtt`) and one timer, driving the sans-IO
//! [`Session`](crate::protocol::session::Session). This is the only code that
//! does I/O; what it reports is plain data ([`DriverEvent`]).

mod driver;
mod event;
pub mod sandbox;

pub use driver::{now, Connection, SUBPROTOCOL};

pub use event::{DriverEvent, OpenError};
