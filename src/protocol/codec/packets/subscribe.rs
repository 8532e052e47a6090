//! SUBSCRIBE, SUBACK, UNSUBSCRIBE and UNSUBACK (spec 3.8–3.11).

use crate::protocol::codec::error::{DecodeError, DecodeErrorKind, EncodeError};
use crate::protocol::codec::properties::{Properties, PropertyContext};
use crate::protocol::codec::reader::Reader;
use crate::protocol::codec::writer::{write_properties, write_string, write_u16};
use crate::protocol::codec::{PacketId, PacketType, ProtocolVersion, QoS, ReasonCode};

use super::first_byte;

/// Retain Handling (MQTT 5 subscription option).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RetainHandling {
    /// 0: send retained messages at the time of the subscribe.
    #[default]
    SendAtSubscribe = 0,
    /// 1: send them only if the subscription did not exist yet.
    SendAtSubscribeIfNew = 1,
    /// 2: do not send retained messages at subscribe.
    DoNotSend = 2,
}

/// Subscription Options (spec 3.8.3.1). In 3.1.1 only `qos` exists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SubscriptionOptions {
    /// Maximum QoS the client wants for this subscription.
    pub qos: QoS,
    /// No Local: don't send me my own publications (5.0).
    pub no_local: bool,
    /// Retain As Published: keep the RETAIN flag as the publisher set it (5.0).
    pub retain_as_published: bool,
    /// Retain Handling (5.0).
    pub retain_handling: RetainHandling,
}

impl SubscriptionOptions {
    /// Options with only a QoS (all 5.0 options at their defaults).
    pub fn qos(qos: QoS) -> Self {
        SubscriptionOptions {
            qos,
            ..Default::default()
        }
    }

    fn is_v311_compatible(&self) -> bool {
        !self.no_local
            && !self.retain_as_published
            && self.retain_handling == RetainHandling::SendAtSubscribe
    }

    fn to_byte(self) -> u8 {
        self.qos.as_u8()
            | (u8::from(self.no_local) << 2)
            | (u8::from(self.retain_as_published) << 3)
            | ((self.retain_handling as u8) << 4)
    }
}

/// One topic filter of a SUBSCRIBE with its options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubscribeFilter {
    /// Topic Filter.
    pub filter: String,
    /// Subscription Options.
    pub options: SubscriptionOptions,
}

/// SUBSCRIBE.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subscribe {
    /// Packet Identifier, echoed by SUBACK.
    pub packet_id: PacketId,
    /// Properties (5.0): Subscription Identifier, User Property.
    pub properties: Properties,
    /// At least one filter.
    pub filters: Vec<SubscribeFilter>,
}

/// SUBACK.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubAck {
    /// The SUBSCRIBE being answered.
    pub packet_id: PacketId,
    /// Properties (5.0): Reason String, User Property.
    pub properties: Properties,
    /// One code per filter, in order: the granted QoS or why it failed.
    pub reason_codes: Vec<ReasonCode>,
}

/// UNSUBSCRIBE.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsubscribe {
    /// Packet Identifier, echoed by UNSUBACK.
    pub packet_id: PacketId,
    /// Properties (5.0): User Property.
    pub properties: Properties,
    /// At least one filter.
    pub filters: Vec<String>,
}

/// UNSUBACK.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsubAck {
    /// The UNSUBSCRIBE being answered.
    pub packet_id: PacketId,
    /// Properties (5.0).
    pub properties: Properties,
    /// One code per filter (5.0); empty in 3.1.1, which has none.
    pub reason_codes: Vec<ReasonCode>,
}

fn packet_properties(r: &mut Reader<'_, '_>) -> Result<Properties, DecodeError> {
    if r.version.is_v5() {
        r.properties(PropertyContext::Packet(r.packet_type()))
    } else {
        Ok(Properties::new())
    }
}

fn write_packet_properties(
    out: &mut Vec<u8>,
    properties: &Properties,
    t: PacketType,
    version: ProtocolVersion,
) -> Result<(), EncodeError> {
    if version.is_v5() {
        write_properties(out, properties, PropertyContext::Packet(t))
    } else if properties.is_empty() {
        Ok(())
    } else {
        Err(EncodeError::RequiresMqtt5 { what: "properties" })
    }
}

fn describe_options(b: u8, v5: bool) -> String {
    if v5 {
        format!(
            "QoS {}, No Local {}, Retain As Published {}, Retain Handling {}",
            b & 0b11,
            (b >> 2) & 1,
            (b >> 3) & 1,
            (b >> 4) & 0b11
        )
    } else {
        format!("QoS {}", b & 0b11)
    }
}

pub(super) fn decode_subscribe(r: &mut Reader<'_, '_>) -> Result<Subscribe, DecodeError> {
    let packet_id = r.packet_id()?;
    let properties = packet_properties(r)?;
    let mut filters = Vec::new();
    while !r.is_empty() {
        let n = filters.len() + 1;
        let filter = r.string_named("Topic Filter", format!("Topic Filter {n}"))?;
        let at = r.pos();
        let b = r.raw_u8("Subscription Options")?;
        let v5 = r.version.is_v5();
        r.record(format!("Subscription Options {n}"), at, || {
            describe_options(b, v5)
        });
        let reserved = if v5 { 0b1100_0000 } else { 0b1111_1100 };
        if b & reserved != 0 {
            return Err(r.error(DecodeErrorKind::ReservedBitSet, at, "Subscription Options"));
        }
        let qos = QoS::from_u8(b & 0b11)
            .ok_or_else(|| r.error(DecodeErrorKind::InvalidQoS(3), at, "Subscription Options"))?;
        let retain_handling = match (b >> 4) & 0b11 {
            0 => RetainHandling::SendAtSubscribe,
            1 => RetainHandling::SendAtSubscribeIfNew,
            2 => RetainHandling::DoNotSend,
            _ => {
                return Err(r.error(
                    DecodeErrorKind::InvalidRetainHandling,
                    at,
                    "Subscription Options",
                ))
            }
        };
        filters.push(SubscribeFilter {
            filter,
            options: SubscriptionOptions {
                qos,
                no_local: b & 0b100 != 0,
                retain_as_published: b & 0b1000 != 0,
                retain_handling,
            },
        });
    }
    if filters.is_empty() {
        return Err(r.error(DecodeErrorKind::NoTopicFilters, r.pos(), "Payload"));
    }
    Ok(Subscribe {
        packet_id,
        properties,
        filters,
    })
}

fn reason_codes(r: &mut Reader<'_, '_>) -> Result<Vec<ReasonCode>, DecodeError> {
    let mut codes = Vec::with_capacity(r.remaining());
    while !r.is_empty() {
        codes.push(r.reason_code("Reason Code")?);
    }
    if codes.is_empty() {
        return Err(r.error(DecodeErrorKind::NoReasonCodes, r.pos(), "Payload"));
    }
    Ok(codes)
}

pub(super) fn decode_suback(r: &mut Reader<'_, '_>) -> Result<SubAck, DecodeError> {
    let packet_id = r.packet_id()?;
    let properties = packet_properties(r)?;
    let reason_codes = reason_codes(r)?;
    Ok(SubAck {
        packet_id,
        properties,
        reason_codes,
    })
}

pub(super) fn decode_unsubscribe(r: &mut Reader<'_, '_>) -> Result<Unsubscribe, DecodeError> {
    let packet_id = r.packet_id()?;
    let properties = packet_properties(r)?;
    let mut filters = Vec::new();
    while !r.is_empty() {
        let n = filters.len() + 1;
        filters.push(r.string_named("Topic Filter", format!("Topic Filter {n}"))?);
    }
    if filters.is_empty() {
        return Err(r.error(DecodeErrorKind::NoTopicFilters, r.pos(), "Payload"));
    }
    Ok(Unsubscribe {
        packet_id,
        properties,
        filters,
    })
}

pub(super) fn decode_unsuback(r: &mut Reader<'_, '_>) -> Result<UnsubAck, DecodeError> {
    let packet_id = r.packet_id()?;
    if !r.version.is_v5() {
        return Ok(UnsubAck {
            packet_id,
            properties: Properties::new(),
            reason_codes: Vec::new(),
        });
    }
    let properties = packet_properties(r)?;
    let reason_codes = reason_codes(r)?;
    Ok(UnsubAck {
        packet_id,
        properties,
        reason_codes,
    })
}

fn write_reason_codes(
    out: &mut Vec<u8>,
    codes: &[ReasonCode],
    t: PacketType,
    version: ProtocolVersion,
) -> Result<(), EncodeError> {
    if codes.is_empty() {
        return Err(EncodeError::EmptyList {
            field: "Reason Codes",
        });
    }
    for c in codes {
        if !c.is_allowed(t, version) {
            return Err(EncodeError::InvalidReasonCode {
                packet: t,
                code: c.0,
                version,
            });
        }
        out.push(c.0);
    }
    Ok(())
}

impl Subscribe {
    pub(super) fn encode(
        &self,
        version: ProtocolVersion,
        out: &mut Vec<u8>,
    ) -> Result<u8, EncodeError> {
        if self.filters.is_empty() {
            return Err(EncodeError::EmptyList {
                field: "Topic Filters",
            });
        }
        write_u16(out, self.packet_id.get());
        write_packet_properties(out, &self.properties, PacketType::Subscribe, version)?;
        for f in &self.filters {
            if !version.is_v5() && !f.options.is_v311_compatible() {
                return Err(EncodeError::RequiresMqtt5 {
                    what: "No Local, Retain As Published and Retain Handling",
                });
            }
            write_string(out, &f.filter, "Topic Filter")?;
            out.push(f.options.to_byte());
        }
        Ok(first_byte(PacketType::Subscribe))
    }
}

impl SubAck {
    pub(super) fn encode(
        &self,
        version: ProtocolVersion,
        out: &mut Vec<u8>,
    ) -> Result<u8, EncodeError> {
        write_u16(out, self.packet_id.get());
        write_packet_properties(out, &self.properties, PacketType::SubAck, version)?;
        write_reason_codes(out, &self.reason_codes, PacketType::SubAck, version)?;
        Ok(first_byte(PacketType::SubAck))
    }
}

impl Unsubscribe {
    pub(super) fn encode(
        &self,
        version: ProtocolVersion,
        out: &mut Vec<u8>,
    ) -> Result<u8, EncodeError> {
        if self.filters.is_empty() {
            return Err(EncodeError::EmptyList {
                field: "Topic Filters",
            });
        }
        write_u16(out, self.packet_id.get());
        write_packet_properties(out, &self.properties, PacketType::Unsubscribe, version)?;
        for f in &self.filters {
            write_string(out, f, "Topic Filter")?;
        }
        Ok(first_byte(PacketType::Unsubscribe))
    }
}

impl UnsubAck {
    pub(super) fn encode(
        &self,
        version: ProtocolVersion,
        out: &mut Vec<u8>,
    ) -> Result<u8, EncodeError> {
        write_u16(out, self.packet_id.get());
        if version.is_v5() {
            write_packet_properties(out, &self.properties, PacketType::UnsubAck, version)?;
            write_reason_codes(out, &self.reason_codes, PacketType::UnsubAck, version)?;
        } else if !self.properties.is_empty() || !self.reason_codes.is_empty() {
            return Err(EncodeError::RequiresMqtt5 {
                what: "UNSUBACK reason codes and properties",
            });
        }
        Ok(first_byte(PacketType::UnsubAck))
    }
}
