//! What the session tells its driver and the UI.

use core::fmt;

use crate::protocol::codec::{
    DecodeError, EncodeError, Packet, PacketId, PacketType, Properties, ProtocolVersion, QoS,
    ReasonCode,
};
use crate::protocol::topic::TopicError;

use super::options::Negotiated;

/// An application message received from the server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The topic, resolved from a Topic Alias if one was used.
    pub topic: String,
    /// The payload.
    pub payload: Vec<u8>,
    /// QoS of this delivery.
    pub qos: QoS,
    /// RETAIN: a retained message sent because we subscribed (or, with
    /// Retain As Published, the publisher's flag).
    pub retain: bool,
    /// DUP: the server says this may be a re-delivery.
    pub dup: bool,
    /// The packet identifier of this delivery (QoS 1 and 2).
    pub packet_id: Option<PacketId>,
    /// PUBLISH properties (5.0).
    pub properties: Properties,
}

/// The answer for one filter of a SUBSCRIBE.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubscribeResult {
    /// The filter.
    pub filter: String,
    /// The SUBACK code: the granted QoS, or why it failed.
    pub reason_code: ReasonCode,
}

/// Something happened that the driver or UI should know about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// A packet went out (its bytes are also in the transmit queue).
    PacketSent {
        /// The packet.
        packet: Packet,
        /// Its bytes on the wire.
        bytes: Vec<u8>,
    },
    /// A packet came in and was decoded.
    PacketReceived {
        /// The packet.
        packet: Packet,
        /// Its bytes on the wire.
        bytes: Vec<u8>,
    },
    /// Bytes came in that do not decode (sent only with packet events on,
    /// just before the [`Event::Closed`] for the protocol violation).
    PacketMalformed {
        /// The received bytes from the failing packet's start, at most the
        /// maximum packet size we accept.
        bytes: Vec<u8>,
        /// Why they do not decode.
        error: DecodeError,
    },
    /// CONNACK accepted the connection.
    Connected(Negotiated),
    /// An application message for us.
    Message(Message),
    /// A QoS 1 or 2 publish finished (PUBACK or PUBCOMP), or a QoS 0 one
    /// was written.
    PublishCompleted {
        /// The identifier (none for QoS 0).
        packet_id: Option<PacketId>,
        /// The QoS it was sent with.
        qos: QoS,
        /// Reason code from the server (Success or No matching subscribers).
        reason_code: ReasonCode,
    },
    /// The server refused a publish (PUBACK/PUBREC reason ≥ 0x80).
    PublishFailed {
        /// The identifier.
        packet_id: PacketId,
        /// Why.
        reason_code: ReasonCode,
        /// Reason String, if the server gave one.
        reason_string: Option<String>,
    },
    /// SUBACK: one result per filter.
    Subscribed {
        /// The SUBSCRIBE's identifier.
        packet_id: PacketId,
        /// Per-filter results, in order.
        results: Vec<SubscribeResult>,
    },
    /// UNSUBACK: one result per filter (5.0; 3.1.1 reports Success).
    Unsubscribed {
        /// The UNSUBSCRIBE's identifier.
        packet_id: PacketId,
        /// Per-filter results, in order.
        results: Vec<SubscribeResult>,
    },
    /// A packet was received that the session could not use and ignored
    /// (e.g. a PUBACK for an identifier not in flight).
    Ignored {
        /// Which packet.
        packet_type: PacketType,
        /// Its identifier, if it had one.
        packet_id: Option<PacketId>,
        /// Why it was ignored.
        why: &'static str,
    },
    /// The connection is over. The driver closes the transport (after
    /// sending what is queued) and may reconnect.
    Closed(CloseReason),
}

/// Why a connection ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CloseReason {
    /// The client called `disconnect`.
    ClientDisconnected,
    /// CONNACK refused the connection.
    ConnectRefused {
        /// The version the refusal is in (3.1.1 return codes differ).
        version: ProtocolVersion,
        /// The return / reason code.
        reason_code: ReasonCode,
        /// Reason String (5.0).
        reason_string: Option<String>,
    },
    /// No CONNACK within the connect timeout.
    ConnectTimeout,
    /// Nothing heard from the server within 1.5 × keep alive.
    KeepAliveTimeout,
    /// The server sent DISCONNECT (5.0).
    ServerDisconnected {
        /// Its reason code.
        reason_code: ReasonCode,
        /// Reason String.
        reason_string: Option<String>,
        /// Server Reference (use another server / server moved).
        server_reference: Option<String>,
    },
    /// The server broke the protocol; we closed (with DISCONNECT in 5.0).
    ProtocolViolation(ProtocolError),
    /// The transport closed under us.
    TransportClosed,
}

impl fmt::Display for CloseReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::protocol::codec::PacketType::{ConnAck, Disconnect};
        match self {
            CloseReason::ClientDisconnected => f.write_str("disconnected by the client"),
            CloseReason::ConnectRefused {
                version,
                reason_code,
                reason_string,
            } => {
                let name = reason_code
                    .name(ConnAck, *version)
                    .unwrap_or("unknown reason");
                write!(f, "connection refused: {name} (0x{:02X})", reason_code.0)?;
                if let Some(s) = reason_string {
                    write!(f, ": {s}")?;
                }
                Ok(())
            }
            CloseReason::ConnectTimeout => f.write_str("no CONNACK before the connect timeout"),
            CloseReason::KeepAliveTimeout => {
                f.write_str("nothing received from the server within 1.5 × keep alive")
            }
            CloseReason::ServerDisconnected {
                reason_code,
                reason_string,
                ..
            } => {
                let name = reason_code
                    .name(Disconnect, ProtocolVersion::V5)
                    .unwrap_or("unknown reason");
                write!(
                    f,
                    "the server disconnected: {name} (0x{:02X})",
                    reason_code.0
                )?;
                if let Some(s) = reason_string {
                    write!(f, ": {s}")?;
                }
                Ok(())
            }
            CloseReason::ProtocolViolation(e) => write!(f, "protocol error: {e}"),
            CloseReason::TransportClosed => f.write_str("the connection closed"),
        }
    }
}

/// A rule the server broke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProtocolError {
    /// Bytes that do not decode.
    Malformed(DecodeError),
    /// A packet a server must not send, or not now (e.g. before CONNACK).
    UnexpectedPacket(PacketType),
    /// More unacknowledged QoS 2 messages than our Receive Maximum.
    ReceiveMaximumExceeded {
        /// Our limit.
        maximum: u16,
    },
    /// A Topic Alias above our Topic Alias Maximum.
    TopicAliasInvalid {
        /// The alias used.
        alias: u16,
        /// Our limit.
        maximum: u16,
    },
    /// An empty topic with an alias we never received a topic for.
    UnknownTopicAlias(u16),
    /// Session Present set although we asked for a clean start.
    SessionPresentOnCleanStart,
    /// SUBACK/UNSUBACK whose reason codes do not pair one-to-one with the
    /// request's filters.
    ReasonCodeCount {
        /// SUBACK or UNSUBACK.
        packet_type: PacketType,
        /// Filters in the request.
        expected: usize,
        /// Codes in the answer.
        found: usize,
    },
}

impl ProtocolError {
    /// The reason code we send in DISCONNECT (5.0).
    pub fn reason_code(&self) -> ReasonCode {
        match self {
            ProtocolError::Malformed(e) => e.reason_code(),
            ProtocolError::ReceiveMaximumExceeded { .. } => ReasonCode::RECEIVE_MAXIMUM_EXCEEDED,
            ProtocolError::TopicAliasInvalid { .. } => ReasonCode::TOPIC_ALIAS_INVALID,
            _ => ReasonCode::PROTOCOL_ERROR,
        }
    }
}

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProtocolError::Malformed(e) => write!(f, "malformed packet: {e}"),
            ProtocolError::UnexpectedPacket(t) => {
                write!(f, "the server sent {t}, which it may not send here")
            }
            ProtocolError::ReceiveMaximumExceeded { maximum } => write!(
                f,
                "the server sent more than {maximum} unacknowledged QoS 2 messages (our Receive Maximum)"
            ),
            ProtocolError::TopicAliasInvalid { alias, maximum } => write!(
                f,
                "the server used Topic Alias {alias}, above our Topic Alias Maximum {maximum}"
            ),
            ProtocolError::UnknownTopicAlias(a) => {
                write!(f, "the server used Topic Alias {a} before telling us its topic")
            }
            ProtocolError::SessionPresentOnCleanStart => {
                f.write_str("CONNACK says Session Present although we asked for a clean start")
            }
            ProtocolError::ReasonCodeCount {
                packet_type,
                expected,
                found,
            } => write!(
                f,
                "{packet_type} has {found} reason code(s) for {expected} topic filter(s)"
            ),
        }
    }
}

/// Why a command was refused. Nothing was sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommandError {
    /// The command needs a connection (CONNACK received).
    NotConnected,
    /// `connect` while a connection is open or opening.
    AlreadyConnected,
    /// A publish topic that breaks a rule.
    InvalidTopicName(TopicError),
    /// A subscribe/unsubscribe filter that breaks a rule.
    InvalidTopicFilter {
        /// The filter.
        filter: String,
        /// The rule.
        error: TopicError,
    },
    /// SUBSCRIBE/UNSUBSCRIBE with no filter.
    NoTopicFilters,
    /// An MQTT 5 feature on a 3.1.1 connection.
    RequiresMqtt5(&'static str),
    /// The server's Maximum QoS is lower.
    QosNotSupported {
        /// Requested.
        requested: QoS,
        /// Allowed.
        maximum: QoS,
    },
    /// The server said Retain Available = 0.
    RetainNotSupported,
    /// The packet exceeds the server's Maximum Packet Size.
    PacketTooLarge {
        /// Its size.
        size: usize,
        /// The server's limit.
        maximum: u32,
    },
    /// All 65,535 packet identifiers are in use.
    PacketIdsExhausted,
    /// A Topic Alias the server does not allow.
    TopicAliasInvalid {
        /// Asked for.
        alias: u16,
        /// The server's Topic Alias Maximum.
        maximum: u16,
    },
    /// The packet could not be encoded.
    Encode(EncodeError),
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommandError::NotConnected => f.write_str("not connected"),
            CommandError::AlreadyConnected => f.write_str("already connected or connecting"),
            CommandError::InvalidTopicName(e) => write!(f, "invalid topic: {e}"),
            CommandError::InvalidTopicFilter { filter, error } => {
                write!(f, "invalid topic filter {filter:?}: {error}")
            }
            CommandError::NoTopicFilters => f.write_str("at least one topic filter is needed"),
            CommandError::RequiresMqtt5(what) => write!(f, "{what} needs MQTT 5.0"),
            CommandError::QosNotSupported { requested, maximum } => write!(
                f,
                "the server accepts at most QoS {}, not QoS {}",
                maximum.as_u8(),
                requested.as_u8()
            ),
            CommandError::RetainNotSupported => {
                f.write_str("the server does not support retained messages")
            }
            CommandError::PacketTooLarge { size, maximum } => write!(
                f,
                "the packet is {size} bytes; the server accepts at most {maximum}"
            ),
            CommandError::PacketIdsExhausted => {
                f.write_str("all 65535 packet identifiers are in use")
            }
            CommandError::TopicAliasInvalid { alias, maximum } => write!(
                f,
                "Topic Alias {alias} is above the server's Topic Alias Maximum {maximum}"
            ),
            CommandError::Encode(e) => write!(f, "cannot encode the packet: {e}"),
        }
    }
}

impl std::error::Error for CommandError {}
