//! DISCONNECT (spec 3.14): the last packet of a clean close, from either side
//! in MQTT 5, from the client only in 3.1.1.

use crate::protocol::codec::error::{DecodeError, EncodeError};
use crate::protocol::codec::properties::{Properties, PropertyContext};
use crate::protocol::codec::reader::Reader;
use crate::protocol::codec::writer::write_properties;
use crate::protocol::codec::{PacketType, ProtocolVersion, ReasonCode};

use super::first_byte;

/// DISCONNECT.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Disconnect {
    /// Disconnect Reason Code (MQTT 5); Normal disconnection in 3.1.1.
    pub reason_code: ReasonCode,
    /// Properties (MQTT 5): Session Expiry Interval, Reason String…
    pub properties: Properties,
}

pub(super) fn decode(r: &mut Reader<'_, '_>) -> Result<Disconnect, DecodeError> {
    let mut d = Disconnect::default();
    if r.version.is_v5() && !r.is_empty() {
        d.reason_code = r.reason_code("Disconnect Reason Code")?;
        if !r.is_empty() {
            d.properties = r.properties(PropertyContext::Packet(PacketType::Disconnect))?;
        }
    }
    Ok(d)
}

impl Disconnect {
    pub(super) fn encode(
        &self,
        version: ProtocolVersion,
        out: &mut Vec<u8>,
    ) -> Result<u8, EncodeError> {
        encode_reason_and_properties(
            PacketType::Disconnect,
            self.reason_code,
            &self.properties,
            version,
            out,
        )?;
        Ok(first_byte(PacketType::Disconnect))
    }
}

/// DISCONNECT and AUTH share a body: an optional reason code and optional
/// properties, both left out when they are 0x00 and empty.
pub(super) fn encode_reason_and_properties(
    t: PacketType,
    reason_code: ReasonCode,
    properties: &Properties,
    version: ProtocolVersion,
    out: &mut Vec<u8>,
) -> Result<(), EncodeError> {
    if !reason_code.is_allowed(t, version) {
        return Err(EncodeError::InvalidReasonCode {
            packet: t,
            code: reason_code.0,
            version,
        });
    }
    if !version.is_v5() {
        if !properties.is_empty() {
            return Err(EncodeError::RequiresMqtt5 {
                what: "DISCONNECT properties",
            });
        }
        return Ok(());
    }
    if reason_code != ReasonCode::SUCCESS || !properties.is_empty() {
        out.push(reason_code.0);
    }
    if !properties.is_empty() {
        write_properties(out, properties, PropertyContext::Packet(t))?;
    }
    Ok(())
}
