//! What can be wrong with bytes on the wire, or with a packet to be written.

use core::fmt;

use super::properties::PropertyId;
use super::reason::ReasonCode;
use super::{PacketType, ProtocolVersion};

/// A packet could not be decoded. Says where (byte offset into the buffer
/// and the field being read) and what was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// What was wrong.
    pub kind: DecodeErrorKind,
    /// Offset of the offending byte from the start of the buffer.
    pub offset: usize,
    /// The field being read, in the spec's words.
    pub field: &'static str,
    /// The packet type, once the first byte was read.
    pub packet_type: Option<PacketType>,
}

/// The ways a packet can be malformed or break a protocol rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeErrorKind {
    /// Packet type 0, or AUTH in MQTT 3.1.1.
    ReservedPacketType(u8),
    /// The flags nibble is not what the packet type requires.
    InvalidFixedHeaderFlags { expected: u8, found: u8 },
    /// PUBLISH with both QoS bits set.
    InvalidQoS(u8),
    /// DUP set on a QoS 0 PUBLISH.
    DupOnQoS0,
    /// A variable byte integer longer than 4 bytes.
    VariableByteIntegerTooLong,
    /// A variable byte integer not in its shortest form.
    VariableByteIntegerNotMinimal,
    /// The packet is larger than the receiver accepts.
    PacketTooLarge { size: u64, max: u32 },
    /// A field runs past the end given by the Remaining Length.
    UnexpectedEndOfPacket { needed: usize, available: usize },
    /// Bytes left over after the last field.
    TrailingBytes(usize),
    /// A string that is not valid UTF-8.
    InvalidUtf8,
    /// A string that contains U+0000.
    NullCharacter,
    /// Protocol Name is not `MQTT`.
    InvalidProtocolName(String),
    /// A Protocol Level we do not speak.
    UnsupportedProtocolVersion(u8),
    /// A reserved bit is set.
    ReservedBitSet,
    /// Will QoS or Will Retain set without the Will Flag.
    WillFlagsWithoutWill,
    /// Password flag without User Name flag (not allowed in 3.1.1).
    PasswordWithoutUsername,
    /// A packet identifier of 0 where one is required.
    ZeroPacketId,
    /// A reason code the packet type does not allow.
    InvalidReasonCode(u8),
    /// A property identifier that does not exist.
    UnknownProperty(u8),
    /// A property that this packet may not carry.
    PropertyNotAllowed(PropertyId),
    /// A property that may appear once appears again.
    DuplicateProperty(PropertyId),
    /// A property with a value the spec forbids (e.g. Receive Maximum 0).
    InvalidPropertyValue { property: PropertyId, value: u32 },
    /// A topic name that contains `+` or `#`.
    WildcardInTopicName,
    /// An empty topic name where none is allowed.
    EmptyTopicName,
    /// A Topic Alias of 0.
    ZeroTopicAlias,
    /// SUBSCRIBE or UNSUBSCRIBE with no topic filter.
    NoTopicFilters,
    /// SUBACK/UNSUBACK with no reason code.
    NoReasonCodes,
    /// Retain Handling 3 in subscription options.
    InvalidRetainHandling,
}

impl DecodeError {
    /// The MQTT 5 reason code a receiver sends when closing over this error:
    /// Packet too large for oversize packets, Malformed Packet or Protocol
    /// Error otherwise (spec 4.13), as the spec words each rule.
    pub fn reason_code(&self) -> ReasonCode {
        use DecodeErrorKind::*;
        match self.kind {
            PacketTooLarge { .. } => ReasonCode::PACKET_TOO_LARGE,
            // 3.3.4: "A Topic Alias value of 0 … is a Protocol Error, the
            // receiver uses DISCONNECT with Reason Code of 0x94".
            ZeroTopicAlias => ReasonCode::TOPIC_ALIAS_INVALID,
            UnsupportedProtocolVersion(_) => ReasonCode::UNSUPPORTED_PROTOCOL_VERSION,
            // 2.2.2.2: an Identifier "not valid for its packet type" makes a
            // Malformed Packet, unlike a repeated one (a Protocol Error).
            PropertyNotAllowed(_) => ReasonCode::MALFORMED_PACKET,
            // 3.8.3.1: Maximum QoS 3 and Retain Handling 3 in Subscription
            // Options are Protocol Errors (QoS 3 in PUBLISH is Malformed).
            InvalidQoS(_) if self.packet_type == Some(PacketType::Subscribe) => {
                ReasonCode::PROTOCOL_ERROR
            }
            DuplicateProperty(_)
            | InvalidPropertyValue { .. }
            | InvalidReasonCode(_)
            | ReservedPacketType(_)
            | InvalidRetainHandling
            // 3.8.3 and 3.10.3: "with no Payload is a Protocol Error".
            | NoTopicFilters
            // 3.3.2.1: "It is a Protocol Error if the Topic Name is zero
            // length and there is no Topic Alias."
            | EmptyTopicName => ReasonCode::PROTOCOL_ERROR,
            WildcardInTopicName => ReasonCode::TOPIC_NAME_INVALID,
            _ => ReasonCode::MALFORMED_PACKET,
        }
    }

    /// The section of the MQTT 5.0 specification that states the rule.
    pub fn spec_section(&self) -> &'static str {
        use DecodeErrorKind::*;
        let packet = self.packet_type;
        match self.kind {
            ReservedPacketType(_) => "2.1.2",
            InvalidFixedHeaderFlags { .. } => "2.1.3",
            InvalidQoS(_) if packet == Some(PacketType::Connect) => "3.1.2.6",
            InvalidQoS(_) if packet == Some(PacketType::Subscribe) => "3.8.3.1",
            InvalidQoS(_) | DupOnQoS0 => "3.3.1",
            VariableByteIntegerTooLong | VariableByteIntegerNotMinimal => "1.5.5",
            PacketTooLarge { .. } => "3.1.2.11.4",
            UnexpectedEndOfPacket { .. } | TrailingBytes(_) => "2.1.4",
            InvalidUtf8 | NullCharacter => "1.5.4",
            InvalidProtocolName(_) => "3.1.2.1",
            UnsupportedProtocolVersion(_) => "3.1.2.2",
            ReservedBitSet if packet == Some(PacketType::ConnAck) => "3.2.2.1",
            ReservedBitSet if packet == Some(PacketType::Subscribe) => "3.8.3.1",
            ReservedBitSet => "3.1.2.3",
            WillFlagsWithoutWill => "3.1.2.6",
            PasswordWithoutUsername => "3.1.2.9",
            ZeroPacketId => "2.2.1",
            InvalidReasonCode(_) => "2.4",
            UnknownProperty(_) | PropertyNotAllowed(_) | DuplicateProperty(_) => "2.2.2.2",
            InvalidPropertyValue { .. } => "2.2.2.2",
            WildcardInTopicName | EmptyTopicName => "4.7.3",
            ZeroTopicAlias => "3.3.2.3.4",
            NoTopicFilters if packet == Some(PacketType::Unsubscribe) => "3.10.3",
            NoTopicFilters => "3.8.3",
            NoReasonCodes if packet == Some(PacketType::UnsubAck) => "3.11.3",
            NoReasonCodes => "3.9.3",
            InvalidRetainHandling => "3.8.3.1",
        }
    }
}

impl fmt::Display for DecodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use DecodeErrorKind::*;
        match self {
            ReservedPacketType(t) => write!(f, "packet type {t} is reserved"),
            InvalidFixedHeaderFlags { expected, found } => write!(
                f,
                "fixed header flags must be {expected:04b}, found {found:04b}"
            ),
            InvalidQoS(q) => write!(f, "QoS {q} does not exist (only 0, 1 and 2)"),
            DupOnQoS0 => f.write_str("DUP must be 0 on a QoS 0 PUBLISH"),
            VariableByteIntegerTooLong => {
                f.write_str("variable byte integer is longer than 4 bytes")
            }
            VariableByteIntegerNotMinimal => {
                f.write_str("variable byte integer is not in its shortest form")
            }
            PacketTooLarge { size, max } => {
                write!(
                    f,
                    "packet of {size} bytes is larger than the maximum of {max}"
                )
            }
            UnexpectedEndOfPacket { needed, available } => write!(
                f,
                "needs {needed} more byte(s) but the Remaining Length leaves {available}"
            ),
            TrailingBytes(n) => write!(f, "{n} unexpected byte(s) after the last field"),
            InvalidUtf8 => f.write_str("string is not valid UTF-8"),
            NullCharacter => f.write_str("string contains the null character U+0000"),
            InvalidProtocolName(name) => {
                write!(f, "protocol name must be \"MQTT\", found {name:?}")
            }
            UnsupportedProtocolVersion(v) => {
                write!(
                    f,
                    "protocol level {v} is not supported (4 = 3.1.1, 5 = 5.0)"
                )
            }
            ReservedBitSet => f.write_str("a reserved bit is set"),
            WillFlagsWithoutWill => {
                f.write_str("Will QoS or Will Retain is set but the Will Flag is not")
            }
            PasswordWithoutUsername => {
                f.write_str("Password Flag is set without the User Name Flag")
            }
            ZeroPacketId => f.write_str("packet identifier must not be 0"),
            InvalidReasonCode(c) => write!(f, "reason code 0x{c:02X} is not allowed here"),
            UnknownProperty(id) => write!(f, "property identifier 0x{id:02X} does not exist"),
            PropertyNotAllowed(p) => {
                write!(f, "property {} is not allowed in this packet", p.name())
            }
            DuplicateProperty(p) => write!(f, "property {} appears more than once", p.name()),
            InvalidPropertyValue { property, value } => {
                write!(f, "property {} cannot be {value}", property.name())
            }
            WildcardInTopicName => f.write_str("topic name must not contain '+' or '#'"),
            EmptyTopicName => f.write_str("topic name must not be empty"),
            ZeroTopicAlias => f.write_str("Topic Alias must not be 0"),
            NoTopicFilters => f.write_str("packet must contain at least one topic filter"),
            NoReasonCodes => f.write_str("packet must contain at least one reason code"),
            InvalidRetainHandling => f.write_str("Retain Handling 3 is reserved"),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.packet_type {
            Some(t) => write!(
                f,
                "{t} {} at byte {}: {}",
                self.field, self.offset, self.kind
            ),
            None => write!(f, "{} at byte {}: {}", self.field, self.offset, self.kind),
        }
    }
}

impl std::error::Error for DecodeError {}

/// A packet could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EncodeError {
    /// A string or binary field over 65,535 bytes.
    FieldTooLong { field: &'static str, len: usize },
    /// A string containing U+0000.
    NullCharacter { field: &'static str },
    /// The packet would exceed the largest Remaining Length.
    PacketTooLarge { size: usize },
    /// A feature only MQTT 5 has, asked of MQTT 3.1.1.
    RequiresMqtt5 { what: &'static str },
    /// A reason code the packet type does not allow in this version.
    InvalidReasonCode {
        packet: PacketType,
        code: u8,
        version: ProtocolVersion,
    },
    /// A property this packet may not carry.
    PropertyNotAllowed {
        property: PropertyId,
        packet: PacketType,
    },
    /// A property value of the wrong type for its identifier.
    PropertyTypeMismatch { property: PropertyId },
    /// A property given twice that may appear once.
    DuplicateProperty { property: PropertyId },
    /// SUBSCRIBE/UNSUBSCRIBE without a topic filter, SUBACK without a code.
    EmptyList { field: &'static str },
    /// A PUBLISH topic with a wildcard, or empty without a Topic Alias.
    InvalidTopicName,
    /// A value outside its range (e.g. a variable byte integer over 268,435,455).
    ValueOutOfRange { field: &'static str, value: u64 },
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use EncodeError::*;
        match self {
            FieldTooLong { field, len } => {
                write!(f, "{field} is {len} bytes long; the limit is 65535")
            }
            NullCharacter { field } => write!(f, "{field} contains the null character U+0000"),
            PacketTooLarge { size } => write!(
                f,
                "packet body of {size} bytes exceeds the largest Remaining Length (268435455)"
            ),
            RequiresMqtt5 { what } => write!(f, "{what} needs MQTT 5.0"),
            InvalidReasonCode {
                packet,
                code,
                version,
            } => {
                write!(
                    f,
                    "reason code 0x{code:02X} is not allowed in {packet} ({version})"
                )
            }
            PropertyNotAllowed { property, packet } => {
                write!(f, "property {} is not allowed in {packet}", property.name())
            }
            PropertyTypeMismatch { property } => {
                write!(
                    f,
                    "property {} has a value of the wrong type",
                    property.name()
                )
            }
            DuplicateProperty { property } => {
                write!(f, "property {} may appear only once", property.name())
            }
            EmptyList { field } => write!(f, "{field} must not be empty"),
            InvalidTopicName => f.write_str(
                "topic name must not contain wildcards and may be empty only with a Topic Alias",
            ),
            ValueOutOfRange { field, value } => write!(f, "{field} cannot be {value}"),
        }
    }
}

impl std::error::Error for EncodeError {}
