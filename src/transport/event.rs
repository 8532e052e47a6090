//! What the WebSocket driver reports to the app. Plain data, so the app's
//! reducer that turns it into connection status is tested natively.

use crate::protocol::session::Event;

/// Why a connection attempt could not even start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// A `ws://` broker from an `https://` page: the browser blocks it as
    /// mixed content, so we refuse before trying.
    MixedContent,
    /// The browser's WebSocket constructor threw (e.g. a URL it rejects or a
    /// blocked port); the browser's message.
    Rejected(String),
}

/// One thing the driver tells the app, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DriverEvent {
    /// Opening a WebSocket to `url`; `attempt` 0 is the first try, higher
    /// ones are automatic reconnects.
    Opening {
        /// The broker URL.
        url: String,
        /// 0 for the first try.
        attempt: u32,
    },
    /// The WebSocket opened with subprotocol `protocol`; CONNECT is on its way.
    Opened {
        /// The negotiated subprotocol (`mqtt`).
        protocol: String,
    },
    /// The attempt could not start.
    OpenFailed(OpenError),
    /// Something the MQTT session reported (packets, messages, acks,
    /// connected, closed…).
    Session(Event),
    /// The WebSocket closed. `opened` says whether it had opened at all: a
    /// 1006 close that never opened usually means a wrong host, port or path,
    /// or a certificate the browser does not trust.
    SocketClosed {
        /// The close code (1000 normal, 1006 abnormal…).
        code: u16,
        /// The close reason text, if any.
        reason: String,
        /// Whether the close handshake completed.
        was_clean: bool,
        /// Whether the socket had opened before it closed.
        opened: bool,
    },
    /// The broker sent a text frame; MQTT over WebSocket uses binary frames
    /// only (MQTT 5.0 section 6), so the connection is closed.
    TextFrameRefused,
    /// The server chose a subprotocol other than `mqtt`.
    SubprotocolMismatch {
        /// What it chose ("" for none).
        got: String,
    },
    /// A reconnect is scheduled in `delay_ms`.
    ReconnectScheduled {
        /// Milliseconds until the attempt.
        delay_ms: u64,
        /// The attempt number it will be.
        attempt: u32,
    },
}
