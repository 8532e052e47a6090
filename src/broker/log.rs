//! What the sandbox broker decided and why, for the broker view and the
//! learning panels ("will published: keep alive expired").

use crate::protocol::codec::{PacketType, QoS, ReasonCode};

/// One decision of the broker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BrokerLog {
    /// A client's CONNECT was accepted.
    Connected {
        /// Its client identifier (assigned if it sent none).
        client_id: String,
        /// Whether an earlier session was resumed.
        session_present: bool,
    },
    /// A CONNECT was refused with this reason code.
    Refused {
        /// The client identifier it asked for.
        client_id: String,
        /// CONNACK reason / return code.
        reason_code: ReasonCode,
    },
    /// A second connection with the same client identifier took over; the
    /// old one was closed.
    TakenOver {
        /// The client identifier.
        client_id: String,
    },
    /// A connection ended.
    Disconnected {
        /// The client identifier.
        client_id: String,
        /// Whether it sent DISCONNECT first.
        graceful: bool,
    },
    /// Nothing heard from the client within 1.5 × its keep alive.
    KeepAliveExpired {
        /// The client identifier.
        client_id: String,
    },
    /// A client broke the protocol and was closed.
    ProtocolViolation {
        /// The client identifier, if it had connected.
        client_id: Option<String>,
        /// What it did.
        detail: String,
    },
    /// A subscription was added or replaced.
    Subscribed {
        /// The client identifier.
        client_id: String,
        /// The filter.
        filter: String,
        /// Granted QoS, or the failure code.
        result: ReasonCode,
    },
    /// A subscription was removed.
    Unsubscribed {
        /// The client identifier.
        client_id: String,
        /// The filter.
        filter: String,
        /// Whether it existed.
        existed: bool,
    },
    /// A message was routed.
    Routed {
        /// Who published it (client id; "will" messages say so).
        from: String,
        /// Topic.
        topic: String,
        /// QoS it was published with.
        qos: QoS,
        /// Clients it went to (or was queued for).
        receivers: Vec<String>,
    },
    /// A message matched no subscription.
    NoMatchingSubscribers {
        /// Topic.
        topic: String,
    },
    /// A retained message was stored.
    RetainedStored {
        /// Topic.
        topic: String,
    },
    /// A retained message was cleared by an empty retained publish.
    RetainedCleared {
        /// Topic.
        topic: String,
    },
    /// A message was queued for an offline persistent session.
    Queued {
        /// The client identifier.
        client_id: String,
        /// Topic.
        topic: String,
    },
    /// A queued message was dropped because the queue was full.
    QueueFull {
        /// The client identifier.
        client_id: String,
        /// Topic.
        topic: String,
    },
    /// A message expired before it could be delivered.
    Expired {
        /// The client identifier.
        client_id: String,
        /// Topic.
        topic: String,
    },
    /// A Will was published.
    WillPublished {
        /// The client identifier.
        client_id: String,
        /// Will Topic.
        topic: String,
        /// Why the will fired.
        why: WillCause,
    },
    /// A Will was discarded (normal DISCONNECT, or a reconnect within the
    /// Will Delay Interval).
    WillDiscarded {
        /// The client identifier.
        client_id: String,
    },
    /// The simulated network lost a packet toward a client (sandbox only),
    /// which broke its connection.
    PacketLost {
        /// The client identifier.
        client_id: String,
        /// The packet's type, if its first byte names one.
        packet_type: Option<PacketType>,
    },
    /// A session without a connection reached its expiry and was removed.
    SessionExpired {
        /// The client identifier.
        client_id: String,
    },
}

/// Why a Will was published.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WillCause {
    /// The network connection closed without DISCONNECT.
    ConnectionLost,
    /// Keep alive expired.
    KeepAliveExpired,
    /// A protocol error closed the connection.
    ProtocolError,
    /// DISCONNECT with reason 0x04 (Disconnect with Will Message).
    RequestedByClient,
    /// Another connection took over the session.
    TakenOver,
}
