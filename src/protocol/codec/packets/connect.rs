//! CONNECT (spec 3.1): the first packet a client sends.

use crate::protocol::codec::error::{DecodeError, DecodeErrorKind, EncodeError};
use crate::protocol::codec::properties::{Properties, PropertyContext};
use crate::protocol::codec::reader::Reader;
use crate::protocol::codec::writer::{write_binary, write_properties, write_string, write_u16};
use crate::protocol::codec::{PacketType, ProtocolVersion, QoS};

use super::first_byte;
use super::publish::check_topic_name;

/// The Last Will: what the broker publishes for a client whose connection
/// ends without a DISCONNECT.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastWill {
    /// Will Topic.
    pub topic: String,
    /// Will Payload.
    pub payload: Vec<u8>,
    /// Will QoS.
    pub qos: QoS,
    /// Will Retain.
    pub retain: bool,
    /// Will Properties (MQTT 5), e.g. Will Delay Interval.
    pub properties: Properties,
}

/// CONNECT.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connect {
    /// Protocol Level: the version this packet (and the connection) uses.
    pub protocol_version: ProtocolVersion,
    /// Clean Start (5.0) / Clean Session (3.1.1).
    pub clean_start: bool,
    /// Keep Alive in seconds; 0 turns it off.
    pub keep_alive: u16,
    /// CONNECT properties (MQTT 5).
    pub properties: Properties,
    /// Client Identifier; may be empty.
    pub client_id: String,
    /// The Last Will, if any.
    pub will: Option<LastWill>,
    /// User Name.
    pub username: Option<String>,
    /// Password (binary data on the wire).
    pub password: Option<Vec<u8>>,
}

impl Default for Connect {
    fn default() -> Self {
        Connect {
            protocol_version: ProtocolVersion::V5,
            clean_start: true,
            keep_alive: 60,
            properties: Properties::new(),
            client_id: String::new(),
            will: None,
            username: None,
            password: None,
        }
    }
}

fn describe_flags(flags: u8) -> String {
    let mut parts = Vec::new();
    if flags & 0x80 != 0 {
        parts.push("User Name".to_string());
    }
    if flags & 0x40 != 0 {
        parts.push("Password".to_string());
    }
    if flags & 0x04 != 0 {
        parts.push(format!(
            "Will (QoS {}{})",
            (flags >> 3) & 0b11,
            if flags & 0x20 != 0 { ", retain" } else { "" }
        ));
    }
    if flags & 0x02 != 0 {
        parts.push("Clean Start".to_string());
    }
    if flags & 0x01 != 0 {
        parts.push("reserved bit set".to_string());
    }
    format!(
        "{flags:08b}: {}",
        if parts.is_empty() {
            "none".to_string()
        } else {
            parts.join(", ")
        }
    )
}

pub(super) fn decode(r: &mut Reader<'_, '_>) -> Result<Connect, DecodeError> {
    let start = r.pos();
    let name = r.string("Protocol Name")?;
    if name != "MQTT" {
        return Err(r.error(
            DecodeErrorKind::InvalidProtocolName(name),
            start,
            "Protocol Name",
        ));
    }
    let level_at = r.pos();
    let level = r.u8("Protocol Level")?;
    let version = ProtocolVersion::from_level(level).ok_or_else(|| {
        r.error(
            DecodeErrorKind::UnsupportedProtocolVersion(level),
            level_at,
            "Protocol Level",
        )
    })?;
    r.version = version;

    let flags_at = r.pos();
    let flags = r.raw_u8("Connect Flags")?;
    r.record("Connect Flags", flags_at, || describe_flags(flags));
    if flags & 0x01 != 0 {
        return Err(r.error(DecodeErrorKind::ReservedBitSet, flags_at, "Connect Flags"));
    }
    let has_will = flags & 0x04 != 0;
    let will_qos_bits = (flags >> 3) & 0b11;
    let will_retain = flags & 0x20 != 0;
    let has_password = flags & 0x40 != 0;
    let has_username = flags & 0x80 != 0;
    let will_qos = QoS::from_u8(will_qos_bits).ok_or_else(|| {
        r.error(
            DecodeErrorKind::InvalidQoS(will_qos_bits),
            flags_at,
            "Will QoS",
        )
    })?;
    if !has_will && (will_qos_bits != 0 || will_retain) {
        return Err(r.error(
            DecodeErrorKind::WillFlagsWithoutWill,
            flags_at,
            "Connect Flags",
        ));
    }
    if version == ProtocolVersion::V311 && has_password && !has_username {
        return Err(r.error(
            DecodeErrorKind::PasswordWithoutUsername,
            flags_at,
            "Connect Flags",
        ));
    }
    let keep_alive = r.u16("Keep Alive")?;
    let properties = if version.is_v5() {
        r.properties(PropertyContext::Packet(PacketType::Connect))?
    } else {
        Properties::new()
    };
    let client_id = r.string("Client Identifier")?;
    let will = if has_will {
        let properties = if version.is_v5() {
            r.properties(PropertyContext::Will)?
        } else {
            Properties::new()
        };
        let topic_at = r.pos();
        let topic = r.string("Will Topic")?;
        if let Some(kind) = check_topic_name(&topic, false) {
            return Err(r.error(kind, topic_at, "Will Topic"));
        }
        let payload = r.binary("Will Payload")?;
        Some(LastWill {
            topic,
            payload,
            qos: will_qos,
            retain: will_retain,
            properties,
        })
    } else {
        None
    };
    let username = if has_username {
        Some(r.string("User Name")?)
    } else {
        None
    };
    let password = if has_password {
        Some(r.binary("Password")?)
    } else {
        None
    };
    Ok(Connect {
        protocol_version: version,
        clean_start: flags & 0x02 != 0,
        keep_alive,
        properties,
        client_id,
        will,
        username,
        password,
    })
}

impl Connect {
    pub(super) fn encode(&self, out: &mut Vec<u8>) -> Result<u8, EncodeError> {
        let v5 = self.protocol_version.is_v5();
        if !v5 {
            if !self.properties.is_empty() {
                return Err(EncodeError::RequiresMqtt5 {
                    what: "CONNECT properties",
                });
            }
            if self.will.as_ref().is_some_and(|w| !w.properties.is_empty()) {
                return Err(EncodeError::RequiresMqtt5 {
                    what: "Will Properties",
                });
            }
            if self.password.is_some() && self.username.is_none() {
                return Err(EncodeError::RequiresMqtt5 {
                    what: "a password without a user name",
                });
            }
        }
        write_string(out, "MQTT", "Protocol Name")?;
        out.push(self.protocol_version.level());
        let mut flags = 0u8;
        if self.clean_start {
            flags |= 0x02;
        }
        if let Some(w) = &self.will {
            flags |= 0x04 | (w.qos.as_u8() << 3);
            if w.retain {
                flags |= 0x20;
            }
        }
        if self.password.is_some() {
            flags |= 0x40;
        }
        if self.username.is_some() {
            flags |= 0x80;
        }
        out.push(flags);
        write_u16(out, self.keep_alive);
        if v5 {
            write_properties(
                out,
                &self.properties,
                PropertyContext::Packet(PacketType::Connect),
            )?;
        }
        write_string(out, &self.client_id, "Client Identifier")?;
        if let Some(w) = &self.will {
            if check_topic_name(&w.topic, false).is_some() {
                return Err(EncodeError::InvalidTopicName);
            }
            if v5 {
                write_properties(out, &w.properties, PropertyContext::Will)?;
            }
            write_string(out, &w.topic, "Will Topic")?;
            write_binary(out, &w.payload, "Will Payload")?;
        }
        if let Some(u) = &self.username {
            write_string(out, u, "User Name")?;
        }
        if let Some(p) = &self.password {
            write_binary(out, p, "Password")?;
        }
        Ok(first_byte(PacketType::Connect))
    }
}
