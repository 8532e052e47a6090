//! Reason codes (MQTT 5.0) and return codes (MQTT 3.1.1), with their names.
//!
//! One byte on the wire; what it is called depends on the packet (0x00 is
//! "Success" in PUBACK, "Normal disconnection" in DISCONNECT and "Granted
//! QoS 0" in SUBACK) and on the version (3.1.1 CONNACK has its own six).

use core::fmt;

use super::{PacketType, ProtocolVersion};

/// A reason code (MQTT 5) or return code (MQTT 3.1.1 CONNACK/SUBACK).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReasonCode(pub u8);

macro_rules! codes {
    ($($name:ident = $value:literal, $text:literal;)*) => {
        impl ReasonCode {
            $(#[doc = $text] pub const $name: ReasonCode = ReasonCode($value);)*
        }

        /// The MQTT 5 name of a code, as the spec's table 2-6 lists it, for
        /// codes whose name does not depend on the packet.
        fn general_name(code: u8) -> Option<&'static str> {
            match code {
                $($value => Some($text),)*
                _ => None,
            }
        }
    };
}

// Codes whose name depends on the packet (0x00, 0x01, 0x02, 0x04 in SUBACK
// vs DISCONNECT) are handled in `name`; this table names the rest.
codes! {
    SUCCESS = 0x00, "Success";
    GRANTED_QOS_1 = 0x01, "Granted QoS 1";
    GRANTED_QOS_2 = 0x02, "Granted QoS 2";
    DISCONNECT_WITH_WILL_MESSAGE = 0x04, "Disconnect with Will Message";
    NO_MATCHING_SUBSCRIBERS = 0x10, "No matching subscribers";
    NO_SUBSCRIPTION_EXISTED = 0x11, "No subscription existed";
    CONTINUE_AUTHENTICATION = 0x18, "Continue authentication";
    RE_AUTHENTICATE = 0x19, "Re-authenticate";
    UNSPECIFIED_ERROR = 0x80, "Unspecified error";
    MALFORMED_PACKET = 0x81, "Malformed Packet";
    PROTOCOL_ERROR = 0x82, "Protocol Error";
    IMPLEMENTATION_SPECIFIC_ERROR = 0x83, "Implementation specific error";
    UNSUPPORTED_PROTOCOL_VERSION = 0x84, "Unsupported Protocol Version";
    CLIENT_IDENTIFIER_NOT_VALID = 0x85, "Client Identifier not valid";
    BAD_USER_NAME_OR_PASSWORD = 0x86, "Bad User Name or Password";
    NOT_AUTHORIZED = 0x87, "Not authorized";
    SERVER_UNAVAILABLE = 0x88, "Server unavailable";
    SERVER_BUSY = 0x89, "Server busy";
    BANNED = 0x8A, "Banned";
    SERVER_SHUTTING_DOWN = 0x8B, "Server shutting down";
    BAD_AUTHENTICATION_METHOD = 0x8C, "Bad authentication method";
    KEEP_ALIVE_TIMEOUT = 0x8D, "Keep Alive timeout";
    SESSION_TAKEN_OVER = 0x8E, "Session taken over";
    TOPIC_FILTER_INVALID = 0x8F, "Topic Filter invalid";
    TOPIC_NAME_INVALID = 0x90, "Topic Name invalid";
    PACKET_IDENTIFIER_IN_USE = 0x91, "Packet Identifier in use";
    PACKET_IDENTIFIER_NOT_FOUND = 0x92, "Packet Identifier not found";
    RECEIVE_MAXIMUM_EXCEEDED = 0x93, "Receive Maximum exceeded";
    TOPIC_ALIAS_INVALID = 0x94, "Topic Alias invalid";
    PACKET_TOO_LARGE = 0x95, "Packet too large";
    MESSAGE_RATE_TOO_HIGH = 0x96, "Message rate too high";
    QUOTA_EXCEEDED = 0x97, "Quota exceeded";
    ADMINISTRATIVE_ACTION = 0x98, "Administrative action";
    PAYLOAD_FORMAT_INVALID = 0x99, "Payload format invalid";
    RETAIN_NOT_SUPPORTED = 0x9A, "Retain not supported";
    QOS_NOT_SUPPORTED = 0x9B, "QoS not supported";
    USE_ANOTHER_SERVER = 0x9C, "Use another server";
    SERVER_MOVED = 0x9D, "Server moved";
    SHARED_SUBSCRIPTIONS_NOT_SUPPORTED = 0x9E, "Shared Subscriptions not supported";
    CONNECTION_RATE_EXCEEDED = 0x9F, "Connection rate exceeded";
    MAXIMUM_CONNECT_TIME = 0xA0, "Maximum connect time";
    SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED = 0xA1, "Subscription Identifiers not supported";
    WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED = 0xA2, "Wildcard Subscriptions not supported";
}

impl ReasonCode {
    /// 0x00 in DISCONNECT.
    pub const NORMAL_DISCONNECTION: ReasonCode = ReasonCode(0x00);
    /// 0x00 in SUBACK.
    pub const GRANTED_QOS_0: ReasonCode = ReasonCode(0x00);
    /// The MQTT 3.1.1 SUBACK failure return code.
    pub const SUBACK_FAILURE_V311: ReasonCode = ReasonCode(0x80);

    /// `true` for codes of 0x80 and above: the operation failed.
    pub const fn is_error(self) -> bool {
        self.0 >= 0x80
    }

    /// The code's name in `packet` under `version`, as the spec words it;
    /// `None` if that packet cannot carry this code.
    pub fn name(self, packet: PacketType, version: ProtocolVersion) -> Option<&'static str> {
        if !self.is_allowed(packet, version) {
            return None;
        }
        let code = self.0;
        if version == ProtocolVersion::V311 {
            return Some(match (packet, code) {
                (PacketType::ConnAck, 0) => "Connection Accepted",
                (PacketType::ConnAck, 1) => "Connection Refused, unacceptable protocol version",
                (PacketType::ConnAck, 2) => "Connection Refused, identifier rejected",
                (PacketType::ConnAck, 3) => "Connection Refused, Server unavailable",
                (PacketType::ConnAck, 4) => "Connection Refused, bad user name or password",
                (PacketType::ConnAck, 5) => "Connection Refused, not authorized",
                (PacketType::SubAck, 0) => "Success - Maximum QoS 0",
                (PacketType::SubAck, 1) => "Success - Maximum QoS 1",
                (PacketType::SubAck, 2) => "Success - Maximum QoS 2",
                (PacketType::SubAck, 0x80) => "Failure",
                _ => "Success",
            });
        }
        match (packet, code) {
            (PacketType::Disconnect, 0) => Some("Normal disconnection"),
            (PacketType::SubAck, 0) => Some("Granted QoS 0"),
            _ => general_name(code),
        }
    }

    /// Whether `packet` may carry this code under `version` (spec table 2-6;
    /// MQTT 3.1.1 sections 3.2.2.3 and 3.9.3).
    pub fn is_allowed(self, packet: PacketType, version: ProtocolVersion) -> bool {
        let c = self.0;
        if version == ProtocolVersion::V311 {
            return match packet {
                PacketType::ConnAck => c <= 5,
                PacketType::SubAck => matches!(c, 0 | 1 | 2 | 0x80),
                PacketType::PubAck
                | PacketType::PubRec
                | PacketType::PubRel
                | PacketType::PubComp
                | PacketType::Disconnect => c == 0,
                _ => false,
            };
        }
        let allowed: &[u8] = match packet {
            PacketType::ConnAck => &[
                0x00, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8C, 0x90,
                0x95, 0x97, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9F,
            ],
            PacketType::PubAck | PacketType::PubRec => {
                &[0x00, 0x10, 0x80, 0x83, 0x87, 0x90, 0x91, 0x97, 0x99]
            }
            PacketType::PubRel | PacketType::PubComp => &[0x00, 0x92],
            PacketType::SubAck => &[
                0x00, 0x01, 0x02, 0x80, 0x83, 0x87, 0x8F, 0x91, 0x97, 0x9E, 0xA1, 0xA2,
            ],
            PacketType::UnsubAck => &[0x00, 0x11, 0x80, 0x83, 0x87, 0x8F, 0x91],
            PacketType::Disconnect => &[
                0x00, 0x04, 0x80, 0x81, 0x82, 0x83, 0x87, 0x89, 0x8B, 0x8D, 0x8E, 0x8F, 0x90, 0x93,
                0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F, 0xA0, 0xA1,
                0xA2,
            ],
            PacketType::Auth => &[0x00, 0x18, 0x19],
            _ => &[],
        };
        allowed.contains(&c)
    }

    /// For a SUBACK code: the QoS granted, `None` if the subscription failed.
    pub fn granted_qos(self) -> Option<super::QoS> {
        super::QoS::from_u8(self.0)
    }
}

impl fmt::Display for ReasonCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match general_name(self.0) {
            Some(name) => write!(f, "0x{:02X} {name}", self.0),
            None => write!(f, "0x{:02X}", self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::codec::{PacketType::*, ProtocolVersion::*};

    #[test]
    fn names_depend_on_packet_and_version() {
        assert_eq!(
            ReasonCode(0).name(Disconnect, V5),
            Some("Normal disconnection")
        );
        assert_eq!(ReasonCode(0).name(SubAck, V5), Some("Granted QoS 0"));
        assert_eq!(ReasonCode(0).name(PubAck, V5), Some("Success"));
        assert_eq!(ReasonCode(0x87).name(ConnAck, V5), Some("Not authorized"));
        assert_eq!(
            ReasonCode(5).name(ConnAck, V311),
            Some("Connection Refused, not authorized")
        );
        assert_eq!(
            ReasonCode(4).name(ConnAck, V311),
            Some("Connection Refused, bad user name or password")
        );
        assert_eq!(ReasonCode(0x80).name(SubAck, V311), Some("Failure"));
        assert_eq!(
            ReasonCode(0x8D).name(ConnAck, V5),
            None,
            "not a CONNACK code"
        );
        assert_eq!(
            ReasonCode(0x04).name(Disconnect, V5),
            Some("Disconnect with Will Message")
        );
    }

    #[test]
    fn every_listed_v5_code_has_a_name() {
        for packet in [
            ConnAck, PubAck, PubRec, PubRel, PubComp, SubAck, UnsubAck, Disconnect, Auth,
        ] {
            for code in 0..=255u8 {
                let rc = ReasonCode(code);
                assert_eq!(rc.is_allowed(packet, V5), rc.name(packet, V5).is_some());
            }
        }
    }
}
