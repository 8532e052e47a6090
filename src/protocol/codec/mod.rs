//! MQTT 3.1.1 and 5.0 control packets to bytes and back.
//!
//! Decoding answers in one of three ways (after rumqttc and mqttrs):
//! `Ok(Some((packet, used)))`, `Ok(None)` when more bytes are needed (the
//! buffer is left alone: we never consume from it), or a [`DecodeError`] that
//! names the field, the offset and what was wrong. It never panics on any
//! input and never allocates for a packet larger than
//! [`DecodeOptions::max_packet_size`]: the size is refused right after the
//! fixed header, before the body arrives.
//!
//! [`decode_annotated`] also records every field it reads with its byte range
//! (the packet inspector draws them), for malformed packets too, up to the
//! failing byte. The same reader does both, so the inspector never disagrees
//! with the decoder.
//!
//! One set of packet types serves both protocol versions; the version passed
//! in decides the wire format. MQTT 5 properties are driven by one table
//! ([`properties`]), after mqtt-packet's `constants.js`.

mod error;
mod packets;
pub mod properties;
mod reader;
pub mod reason;
mod writer;

pub use error::{DecodeError, DecodeErrorKind, EncodeError};
pub use packets::*;
pub use properties::{Properties, Property, PropertyId, PropertyValue};
pub use reader::Field;
pub use reason::ReasonCode;

use core::fmt;
use core::num::NonZeroU16;

/// The largest Remaining Length the variable byte integer can carry.
pub const MAX_REMAINING_LENGTH: u32 = 268_435_455;

/// Default cap on an incoming packet (fixed header included): 1 MiB.
pub const DEFAULT_MAX_PACKET_SIZE: u32 = 1024 * 1024;

/// Which MQTT the bytes are in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProtocolVersion {
    /// MQTT 3.1.1, protocol level 4.
    V311,
    /// MQTT 5.0, protocol level 5.
    V5,
}

impl ProtocolVersion {
    /// The Protocol Level byte of CONNECT.
    pub const fn level(self) -> u8 {
        match self {
            ProtocolVersion::V311 => 4,
            ProtocolVersion::V5 => 5,
        }
    }

    /// The version for a Protocol Level byte, if we speak it.
    pub const fn from_level(level: u8) -> Option<Self> {
        match level {
            4 => Some(ProtocolVersion::V311),
            5 => Some(ProtocolVersion::V5),
            _ => None,
        }
    }

    /// `true` for MQTT 5.0.
    pub const fn is_v5(self) -> bool {
        matches!(self, ProtocolVersion::V5)
    }
}

impl fmt::Display for ProtocolVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ProtocolVersion::V311 => "MQTT 3.1.1",
            ProtocolVersion::V5 => "MQTT 5.0",
        })
    }
}

/// Quality of Service of a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum QoS {
    /// QoS 0: at most once; a single PUBLISH, no acknowledgement.
    #[default]
    AtMostOnce = 0,
    /// QoS 1: at least once; PUBLISH then PUBACK, duplicates possible.
    AtLeastOnce = 1,
    /// QoS 2: exactly once; PUBLISH, PUBREC, PUBREL, PUBCOMP.
    ExactlyOnce = 2,
}

impl QoS {
    /// The QoS for its two-bit wire value; 3 is not a QoS.
    pub const fn from_u8(value: u8) -> Option<QoS> {
        match value {
            0 => Some(QoS::AtMostOnce),
            1 => Some(QoS::AtLeastOnce),
            2 => Some(QoS::ExactlyOnce),
            _ => None,
        }
    }

    /// The wire value (0, 1 or 2).
    pub const fn as_u8(self) -> u8 {
        self as u8
    }
}

/// A Packet Identifier. Never zero: the spec forbids 0 wherever one is
/// required, so the type does too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PacketId(NonZeroU16);

impl PacketId {
    /// `None` for 0.
    pub const fn new(value: u16) -> Option<PacketId> {
        match NonZeroU16::new(value) {
            Some(v) => Some(PacketId(v)),
            None => None,
        }
    }

    /// The identifier's value, 1..=65535.
    pub const fn get(self) -> u16 {
        self.0.get()
    }
}

impl fmt::Display for PacketId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A PUBLISH's QoS together with its packet identifier: QoS 0 has none,
/// QoS 1 and 2 always have one (after mqttrs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QosPid {
    /// QoS 0, no packet identifier.
    AtMostOnce,
    /// QoS 1 with its packet identifier.
    AtLeastOnce(PacketId),
    /// QoS 2 with its packet identifier.
    ExactlyOnce(PacketId),
}

impl QosPid {
    /// Pairs a QoS with an identifier; QoS 0 drops it.
    pub const fn new(qos: QoS, id: PacketId) -> QosPid {
        match qos {
            QoS::AtMostOnce => QosPid::AtMostOnce,
            QoS::AtLeastOnce => QosPid::AtLeastOnce(id),
            QoS::ExactlyOnce => QosPid::ExactlyOnce(id),
        }
    }

    /// The QoS.
    pub const fn qos(self) -> QoS {
        match self {
            QosPid::AtMostOnce => QoS::AtMostOnce,
            QosPid::AtLeastOnce(_) => QoS::AtLeastOnce,
            QosPid::ExactlyOnce(_) => QoS::ExactlyOnce,
        }
    }

    /// The packet identifier, `None` at QoS 0.
    pub const fn packet_id(self) -> Option<PacketId> {
        match self {
            QosPid::AtMostOnce => None,
            QosPid::AtLeastOnce(id) | QosPid::ExactlyOnce(id) => Some(id),
        }
    }
}

/// The 4-bit MQTT Control Packet type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PacketType {
    Connect = 1,
    ConnAck = 2,
    Publish = 3,
    PubAck = 4,
    PubRec = 5,
    PubRel = 6,
    PubComp = 7,
    Subscribe = 8,
    SubAck = 9,
    Unsubscribe = 10,
    UnsubAck = 11,
    PingReq = 12,
    PingResp = 13,
    Disconnect = 14,
    Auth = 15,
}

impl PacketType {
    /// The type for the upper four bits of the first byte; 0 is reserved.
    pub const fn from_u8(value: u8) -> Option<PacketType> {
        Some(match value {
            1 => PacketType::Connect,
            2 => PacketType::ConnAck,
            3 => PacketType::Publish,
            4 => PacketType::PubAck,
            5 => PacketType::PubRec,
            6 => PacketType::PubRel,
            7 => PacketType::PubComp,
            8 => PacketType::Subscribe,
            9 => PacketType::SubAck,
            10 => PacketType::Unsubscribe,
            11 => PacketType::UnsubAck,
            12 => PacketType::PingReq,
            13 => PacketType::PingResp,
            14 => PacketType::Disconnect,
            15 => PacketType::Auth,
            _ => return None,
        })
    }

    /// The packet's name as the spec writes it (`PUBLISH`, `CONNACK`…).
    pub const fn name(self) -> &'static str {
        match self {
            PacketType::Connect => "CONNECT",
            PacketType::ConnAck => "CONNACK",
            PacketType::Publish => "PUBLISH",
            PacketType::PubAck => "PUBACK",
            PacketType::PubRec => "PUBREC",
            PacketType::PubRel => "PUBREL",
            PacketType::PubComp => "PUBCOMP",
            PacketType::Subscribe => "SUBSCRIBE",
            PacketType::SubAck => "SUBACK",
            PacketType::Unsubscribe => "UNSUBSCRIBE",
            PacketType::UnsubAck => "UNSUBACK",
            PacketType::PingReq => "PINGREQ",
            PacketType::PingResp => "PINGRESP",
            PacketType::Disconnect => "DISCONNECT",
            PacketType::Auth => "AUTH",
        }
    }

    /// The flags nibble every packet but PUBLISH must carry.
    pub const fn required_flags(self) -> Option<u8> {
        match self {
            PacketType::Publish => None,
            PacketType::PubRel | PacketType::Subscribe | PacketType::Unsubscribe => Some(0b0010),
            _ => Some(0),
        }
    }
}

impl fmt::Display for PacketType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How to decode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecodeOptions {
    /// The version negotiated on this connection. CONNECT carries its own
    /// version and ignores this.
    pub version: ProtocolVersion,
    /// Largest packet accepted, fixed header included. Larger ones are
    /// refused as soon as the Remaining Length is known.
    pub max_packet_size: u32,
}

impl DecodeOptions {
    /// Options for `version` with the default 1 MiB size cap.
    pub const fn new(version: ProtocolVersion) -> Self {
        DecodeOptions {
            version,
            max_packet_size: DEFAULT_MAX_PACKET_SIZE,
        }
    }
}

/// What the first bytes of a packet say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixedHeader {
    /// Packet type from the upper nibble.
    pub packet_type: PacketType,
    /// The lower nibble.
    pub flags: u8,
    /// Length of the variable header plus payload.
    pub remaining_length: u32,
    /// Bytes taken by the fixed header itself (2 to 5).
    pub header_len: usize,
}

impl FixedHeader {
    /// Size of the whole packet in bytes.
    pub const fn packet_len(&self) -> usize {
        self.header_len + self.remaining_length as usize
    }
}

/// The result of [`decode_annotated`]: what [`decode`] answers, plus every
/// field read on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotated {
    /// Same as [`decode`] would return.
    pub result: Result<Option<(Packet, usize)>, DecodeError>,
    /// Fields in wire order, with absolute byte ranges into the buffer.
    pub fields: Vec<Field>,
}

/// Reads the fixed header, if enough bytes are there.
///
/// Refuses a packet larger than `max_packet_size` here, so a caller never
/// buffers its body.
pub fn decode_fixed_header(
    buf: &[u8],
    opts: &DecodeOptions,
) -> Result<Option<FixedHeader>, DecodeError> {
    reader::fixed_header(buf, opts, &mut None)
}

/// Decodes one packet from the front of `buf`.
///
/// `Ok(None)` means the packet is not complete yet; call again with more
/// bytes. On `Ok(Some((packet, used)))`, `used` bytes belong to the packet.
pub fn decode(buf: &[u8], opts: &DecodeOptions) -> Result<Option<(Packet, usize)>, DecodeError> {
    packets::decode_packet(buf, opts, &mut None)
}

/// Like [`decode`], and also returns every field read with its byte range.
pub fn decode_annotated(buf: &[u8], opts: &DecodeOptions) -> Annotated {
    let mut fields = Some(Vec::new());
    let result = packets::decode_packet(buf, opts, &mut fields);
    Annotated {
        result,
        fields: fields.unwrap_or_default(),
    }
}

/// Appends the wire form of `packet` in `version` to `out`.
///
/// CONNECT is written in its own `protocol_version`. On error nothing is
/// appended.
pub fn encode(
    packet: &Packet,
    version: ProtocolVersion,
    out: &mut Vec<u8>,
) -> Result<(), EncodeError> {
    packets::encode_packet(packet, version, out)
}

/// The wire form of `packet` in a new buffer.
pub fn encode_to_vec(packet: &Packet, version: ProtocolVersion) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::new();
    encode(packet, version, &mut out)?;
    Ok(out)
}
