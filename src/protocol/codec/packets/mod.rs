//! The control packets: one file per packet, each with the same shape
//! (a struct, `decode` from a [`Reader`], `encode` into a body), after
//! rumqttc's `mqttbytes`.

mod ack;
mod auth;
mod connack;
mod connect;
mod disconnect;
mod publish;
mod subscribe;

pub use ack::{PubAck, PubComp, PubRec, PubRel, PubResponse};
pub use auth::Auth;
pub use connack::ConnAck;
pub use connect::{Connect, LastWill};
pub use disconnect::Disconnect;
pub use publish::Publish;
pub use subscribe::{
    RetainHandling, SubAck, Subscribe, SubscribeFilter, SubscriptionOptions, UnsubAck, Unsubscribe,
};

use super::error::{DecodeError, EncodeError};
use super::reader::{fixed_header, Reader, Recorder};
use super::writer::finish_packet;
use super::{DecodeOptions, PacketType, ProtocolVersion};

/// Any MQTT control packet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Packet {
    Connect(Connect),
    ConnAck(ConnAck),
    Publish(Publish),
    PubAck(PubAck),
    PubRec(PubRec),
    PubRel(PubRel),
    PubComp(PubComp),
    Subscribe(Subscribe),
    SubAck(SubAck),
    Unsubscribe(Unsubscribe),
    UnsubAck(UnsubAck),
    PingReq,
    PingResp,
    Disconnect(Disconnect),
    Auth(Auth),
}

impl Packet {
    /// The packet's control packet type.
    pub fn packet_type(&self) -> PacketType {
        match self {
            Packet::Connect(_) => PacketType::Connect,
            Packet::ConnAck(_) => PacketType::ConnAck,
            Packet::Publish(_) => PacketType::Publish,
            Packet::PubAck(_) => PacketType::PubAck,
            Packet::PubRec(_) => PacketType::PubRec,
            Packet::PubRel(_) => PacketType::PubRel,
            Packet::PubComp(_) => PacketType::PubComp,
            Packet::Subscribe(_) => PacketType::Subscribe,
            Packet::SubAck(_) => PacketType::SubAck,
            Packet::Unsubscribe(_) => PacketType::Unsubscribe,
            Packet::UnsubAck(_) => PacketType::UnsubAck,
            Packet::PingReq => PacketType::PingReq,
            Packet::PingResp => PacketType::PingResp,
            Packet::Disconnect(_) => PacketType::Disconnect,
            Packet::Auth(_) => PacketType::Auth,
        }
    }

    /// The packet identifier, for the packets that carry one.
    pub fn packet_id(&self) -> Option<super::PacketId> {
        match self {
            Packet::Publish(p) => p.qos_pid.packet_id(),
            Packet::PubAck(p) | Packet::PubRec(p) | Packet::PubRel(p) | Packet::PubComp(p) => {
                Some(p.packet_id)
            }
            Packet::Subscribe(p) => Some(p.packet_id),
            Packet::SubAck(p) => Some(p.packet_id),
            Packet::Unsubscribe(p) => Some(p.packet_id),
            Packet::UnsubAck(p) => Some(p.packet_id),
            _ => None,
        }
    }
}

pub(crate) fn decode_packet(
    buf: &[u8],
    opts: &DecodeOptions,
    fields: &mut Recorder,
) -> Result<Option<(Packet, usize)>, DecodeError> {
    let Some(header) = fixed_header(buf, opts, fields)? else {
        return Ok(None);
    };
    let len = header.packet_len();
    if buf.len() < len {
        return Ok(None);
    }
    let mut r = Reader::new(&buf[..len], &header, opts.version, fields);
    let packet = match header.packet_type {
        PacketType::Connect => Packet::Connect(connect::decode(&mut r)?),
        PacketType::ConnAck => Packet::ConnAck(connack::decode(&mut r)?),
        PacketType::Publish => Packet::Publish(publish::decode(&mut r, header.flags)?),
        PacketType::PubAck => Packet::PubAck(ack::decode(&mut r)?),
        PacketType::PubRec => Packet::PubRec(ack::decode(&mut r)?),
        PacketType::PubRel => Packet::PubRel(ack::decode(&mut r)?),
        PacketType::PubComp => Packet::PubComp(ack::decode(&mut r)?),
        PacketType::Subscribe => Packet::Subscribe(subscribe::decode_subscribe(&mut r)?),
        PacketType::SubAck => Packet::SubAck(subscribe::decode_suback(&mut r)?),
        PacketType::Unsubscribe => Packet::Unsubscribe(subscribe::decode_unsubscribe(&mut r)?),
        PacketType::UnsubAck => Packet::UnsubAck(subscribe::decode_unsuback(&mut r)?),
        PacketType::PingReq => Packet::PingReq,
        PacketType::PingResp => Packet::PingResp,
        PacketType::Disconnect => Packet::Disconnect(disconnect::decode(&mut r)?),
        PacketType::Auth => Packet::Auth(auth::decode(&mut r)?),
    };
    r.finish()?;
    Ok(Some((packet, len)))
}

pub(crate) fn encode_packet(
    packet: &Packet,
    version: ProtocolVersion,
    out: &mut Vec<u8>,
) -> Result<(), EncodeError> {
    let mut body = Vec::new();
    let t = packet.packet_type();
    let first = match packet {
        Packet::Connect(p) => p.encode(&mut body)?,
        Packet::ConnAck(p) => p.encode(version, &mut body)?,
        Packet::Publish(p) => p.encode(version, &mut body)?,
        Packet::PubAck(p) | Packet::PubRec(p) | Packet::PubRel(p) | Packet::PubComp(p) => {
            p.encode(t, version, &mut body)?
        }
        Packet::Subscribe(p) => p.encode(version, &mut body)?,
        Packet::SubAck(p) => p.encode(version, &mut body)?,
        Packet::Unsubscribe(p) => p.encode(version, &mut body)?,
        Packet::UnsubAck(p) => p.encode(version, &mut body)?,
        Packet::PingReq | Packet::PingResp => (t as u8) << 4,
        Packet::Disconnect(p) => p.encode(version, &mut body)?,
        Packet::Auth(p) => p.encode(version, &mut body)?,
    };
    finish_packet(out, first, &body)
}

/// `0` where the spec requires it, else a packet's fixed flags, as the
/// first byte.
pub(crate) fn first_byte(t: PacketType) -> u8 {
    ((t as u8) << 4) | t.required_flags().unwrap_or(0)
}
