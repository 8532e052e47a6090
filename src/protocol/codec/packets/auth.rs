//! AUTH (spec 3.15): extended authentication exchange, MQTT 5 only.

use crate::protocol::codec::error::{DecodeError, EncodeError};
use crate::protocol::codec::properties::{Properties, PropertyContext};
use crate::protocol::codec::reader::Reader;
use crate::protocol::codec::{PacketType, ProtocolVersion, ReasonCode};

use super::disconnect::encode_reason_and_properties;
use super::first_byte;

/// AUTH.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Auth {
    /// Authenticate Reason Code: Success, Continue authentication or
    /// Re-authenticate.
    pub reason_code: ReasonCode,
    /// Properties: Authentication Method and Data, Reason String…
    pub properties: Properties,
}

pub(super) fn decode(r: &mut Reader<'_, '_>) -> Result<Auth, DecodeError> {
    let mut a = Auth::default();
    if !r.is_empty() {
        a.reason_code = r.reason_code("Authenticate Reason Code")?;
        if !r.is_empty() {
            a.properties = r.properties(PropertyContext::Packet(PacketType::Auth))?;
        }
    }
    Ok(a)
}

impl Auth {
    pub(super) fn encode(
        &self,
        version: ProtocolVersion,
        out: &mut Vec<u8>,
    ) -> Result<u8, EncodeError> {
        if !version.is_v5() {
            return Err(EncodeError::RequiresMqtt5 { what: "AUTH" });
        }
        encode_reason_and_properties(
            PacketType::Auth,
            self.reason_code,
            &self.properties,
            version,
            out,
        )?;
        Ok(first_byte(PacketType::Auth))
    }
}
