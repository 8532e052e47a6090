//! CONNACK (spec 3.2): the server's answer to CONNECT.

use crate::protocol::codec::error::{DecodeError, DecodeErrorKind, EncodeError};
use crate::protocol::codec::properties::{Properties, PropertyContext};
use crate::protocol::codec::reader::Reader;
use crate::protocol::codec::writer::write_properties;
use crate::protocol::codec::{PacketType, ProtocolVersion, ReasonCode};

use super::first_byte;

/// CONNACK.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConnAck {
    /// Session Present: the server kept state from an earlier connection.
    pub session_present: bool,
    /// Connect Reason Code (5.0) or Connect Return Code (3.1.1).
    pub reason_code: ReasonCode,
    /// CONNACK properties (MQTT 5): what the server allows and assigned.
    pub properties: Properties,
}

pub(super) fn decode(r: &mut Reader<'_, '_>) -> Result<ConnAck, DecodeError> {
    let at = r.pos();
    let flags = r.raw_u8("Connect Acknowledge Flags")?;
    r.record("Connect Acknowledge Flags", at, || {
        format!("Session Present = {}", flags & 1)
    });
    if flags & 0xFE != 0 {
        return Err(r.error(
            DecodeErrorKind::ReservedBitSet,
            at,
            "Connect Acknowledge Flags",
        ));
    }
    let reason_code = if r.version.is_v5() {
        r.reason_code("Connect Reason Code")?
    } else {
        r.reason_code("Connect Return Code")?
    };
    let properties = if r.version.is_v5() {
        r.properties(PropertyContext::Packet(PacketType::ConnAck))?
    } else {
        Properties::new()
    };
    Ok(ConnAck {
        session_present: flags & 1 != 0,
        reason_code,
        properties,
    })
}

impl ConnAck {
    pub(super) fn encode(
        &self,
        version: ProtocolVersion,
        out: &mut Vec<u8>,
    ) -> Result<u8, EncodeError> {
        if !self.reason_code.is_allowed(PacketType::ConnAck, version) {
            return Err(EncodeError::InvalidReasonCode {
                packet: PacketType::ConnAck,
                code: self.reason_code.0,
                version,
            });
        }
        out.push(u8::from(self.session_present));
        out.push(self.reason_code.0);
        if version.is_v5() {
            write_properties(
                out,
                &self.properties,
                PropertyContext::Packet(PacketType::ConnAck),
            )?;
        } else if !self.properties.is_empty() {
            return Err(EncodeError::RequiresMqtt5 {
                what: "CONNACK properties",
            });
        }
        Ok(first_byte(PacketType::ConnAck))
    }
}
