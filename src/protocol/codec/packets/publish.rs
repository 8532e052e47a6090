//! PUBLISH (spec 3.3): an application message, in either direction.

use crate::protocol::codec::error::{DecodeError, DecodeErrorKind, EncodeError};
use crate::protocol::codec::properties::{Properties, PropertyContext, PropertyId};
use crate::protocol::codec::reader::Reader;
use crate::protocol::codec::writer::{varint_len, write_properties, write_string, write_u16};
use crate::protocol::codec::{PacketType, ProtocolVersion, QoS, QosPid};

/// PUBLISH.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Publish {
    /// DUP: this may be a re-delivery. Always false at QoS 0.
    pub dup: bool,
    /// QoS, with the packet identifier QoS 1 and 2 need.
    pub qos_pid: QosPid,
    /// RETAIN.
    pub retain: bool,
    /// Topic Name; empty only in MQTT 5 with a Topic Alias.
    pub topic: String,
    /// PUBLISH properties (MQTT 5).
    pub properties: Properties,
    /// The application message.
    pub payload: Vec<u8>,
}

impl Publish {
    /// A QoS 0, non-retained message.
    pub fn new(topic: impl Into<String>, payload: impl Into<Vec<u8>>) -> Self {
        Publish {
            dup: false,
            qos_pid: QosPid::AtMostOnce,
            retain: false,
            topic: topic.into(),
            properties: Properties::new(),
            payload: payload.into(),
        }
    }

    /// The QoS.
    pub fn qos(&self) -> QoS {
        self.qos_pid.qos()
    }

    /// Size of the packet on the wire in `version`, without building it
    /// (the client checks it against the server's Maximum Packet Size).
    pub fn encoded_len(&self, version: ProtocolVersion) -> Result<usize, EncodeError> {
        let mut props = Vec::new();
        if version.is_v5() {
            write_properties(
                &mut props,
                &self.properties,
                PropertyContext::Packet(PacketType::Publish),
            )?;
        }
        let id_len = if self.qos_pid.packet_id().is_some() {
            2
        } else {
            0
        };
        let body = 2 + self.topic.len() + id_len + props.len() + self.payload.len();
        let rl = u32::try_from(body)
            .ok()
            .filter(|&l| l <= crate::protocol::codec::MAX_REMAINING_LENGTH)
            .ok_or(EncodeError::PacketTooLarge { size: body })?;
        Ok(1 + varint_len(rl) + body)
    }
}

/// What is wrong with a Topic Name on the wire, if anything. Empty names are
/// allowed only where a Topic Alias stands in for them.
pub(crate) fn check_topic_name(topic: &str, empty_allowed: bool) -> Option<DecodeErrorKind> {
    if topic.is_empty() && !empty_allowed {
        Some(DecodeErrorKind::EmptyTopicName)
    } else if topic.bytes().any(|b| b == b'+' || b == b'#') {
        Some(DecodeErrorKind::WildcardInTopicName)
    } else {
        None
    }
}

pub(super) fn decode(r: &mut Reader<'_, '_>, flags: u8) -> Result<Publish, DecodeError> {
    let topic_at = r.pos();
    let topic = r.string("Topic Name")?;
    let qos = QoS::from_u8((flags >> 1) & 0b11).unwrap_or_default();
    let qos_pid = match qos {
        QoS::AtMostOnce => QosPid::AtMostOnce,
        q => QosPid::new(q, r.packet_id()?),
    };
    let properties = if r.version.is_v5() {
        r.properties(PropertyContext::Packet(PacketType::Publish))?
    } else {
        Properties::new()
    };
    let alias = properties.integer(PropertyId::TopicAlias).is_some();
    if let Some(kind) = check_topic_name(&topic, alias) {
        return Err(r.error(kind, topic_at, "Topic Name"));
    }
    let payload = r.rest("Payload");
    Ok(Publish {
        dup: flags & 0b1000 != 0,
        qos_pid,
        retain: flags & 1 != 0,
        topic,
        properties,
        payload,
    })
}

impl Publish {
    pub(super) fn encode(
        &self,
        version: ProtocolVersion,
        out: &mut Vec<u8>,
    ) -> Result<u8, EncodeError> {
        let alias = version.is_v5() && self.properties.integer(PropertyId::TopicAlias).is_some();
        if check_topic_name(&self.topic, alias).is_some() {
            return Err(EncodeError::InvalidTopicName);
        }
        if self.dup && self.qos_pid == QosPid::AtMostOnce {
            return Err(EncodeError::ValueOutOfRange {
                field: "DUP flag on a QoS 0 PUBLISH",
                value: 1,
            });
        }
        write_string(out, &self.topic, "Topic Name")?;
        if let Some(id) = self.qos_pid.packet_id() {
            write_u16(out, id.get());
        }
        if version.is_v5() {
            write_properties(
                out,
                &self.properties,
                PropertyContext::Packet(PacketType::Publish),
            )?;
        } else if !self.properties.is_empty() {
            return Err(EncodeError::RequiresMqtt5 {
                what: "PUBLISH properties",
            });
        }
        out.extend_from_slice(&self.payload);
        Ok(0x30 | (u8::from(self.dup) << 3) | (self.qos().as_u8() << 1) | u8::from(self.retain))
    }
}
