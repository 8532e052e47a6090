//! PUBACK, PUBREC, PUBREL and PUBCOMP (spec 3.4–3.7): the QoS 1 and 2
//! acknowledgements. All four have the same shape.

use crate::protocol::codec::error::{DecodeError, EncodeError};
use crate::protocol::codec::properties::{Properties, PropertyContext};
use crate::protocol::codec::reader::Reader;
use crate::protocol::codec::writer::{write_properties, write_u16};
use crate::protocol::codec::{PacketId, PacketType, ProtocolVersion, ReasonCode};

use super::first_byte;

/// A QoS acknowledgement: packet identifier, reason code, properties.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PubResponse {
    /// The PUBLISH (or PUBREL) being answered.
    pub packet_id: PacketId,
    /// Reason Code (MQTT 5); always Success in 3.1.1.
    pub reason_code: ReasonCode,
    /// Properties (MQTT 5): Reason String, User Property.
    pub properties: Properties,
}

impl PubResponse {
    /// A successful acknowledgement of `packet_id`.
    pub fn new(packet_id: PacketId) -> Self {
        PubResponse {
            packet_id,
            reason_code: ReasonCode::SUCCESS,
            properties: Properties::new(),
        }
    }
}

/// PUBACK: QoS 1 delivered.
pub type PubAck = PubResponse;
/// PUBREC: QoS 2 received (step 1 of 2).
pub type PubRec = PubResponse;
/// PUBREL: QoS 2 release (step 2 of 2).
pub type PubRel = PubResponse;
/// PUBCOMP: QoS 2 complete.
pub type PubComp = PubResponse;

pub(super) fn decode(r: &mut Reader<'_, '_>) -> Result<PubResponse, DecodeError> {
    let packet_id = r.packet_id()?;
    let mut ack = PubResponse::new(packet_id);
    if r.version.is_v5() && !r.is_empty() {
        ack.reason_code = r.reason_code("Reason Code")?;
        if !r.is_empty() {
            ack.properties = r.properties(PropertyContext::Packet(r.packet_type()))?;
        }
    }
    Ok(ack)
}

impl PubResponse {
    pub(super) fn encode(
        &self,
        t: PacketType,
        version: ProtocolVersion,
        out: &mut Vec<u8>,
    ) -> Result<u8, EncodeError> {
        if !self.reason_code.is_allowed(t, version) {
            return Err(EncodeError::InvalidReasonCode {
                packet: t,
                code: self.reason_code.0,
                version,
            });
        }
        write_u16(out, self.packet_id.get());
        if version.is_v5() {
            // Shortest form: the reason code and properties may be left out
            // when they are Success and empty (spec 3.4.2.1).
            if self.reason_code != ReasonCode::SUCCESS || !self.properties.is_empty() {
                out.push(self.reason_code.0);
            }
            if !self.properties.is_empty() {
                write_properties(out, &self.properties, PropertyContext::Packet(t))?;
            }
        } else if !self.properties.is_empty() {
            return Err(EncodeError::RequiresMqtt5 {
                what: "acknowledgement properties",
            });
        }
        Ok(first_byte(t))
    }
}
