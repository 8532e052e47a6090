//! Differential tests: our codec against mqttbytes 0.6 (rumqtt's codec,
//! an independent implementation) on generated valid packets, both ways.
//!
//! - ours → theirs: mqttbytes reads our encoding and finds the same packet
//!   (every field, and every property, in its typed property structs).
//! - theirs → ours: we read mqttbytes' encoding of the same packet and get
//!   it back; in 3.1.1 the two encodings are byte for byte the same, in 5.0
//!   (where property order is free) re-encoding what we read reproduces
//!   mqttbytes' bytes exactly.
//! - On damaged encodings, whatever we accept mqttbytes reads the same way.
//!
//! mqttbytes 0.6 covers every 3.1.1 packet and every 5.0 packet but AUTH.
//! Where it departs from the spec, the comment at the spot names the
//! section and the exclusion is as narrow as the departure; our own checks
//! are never loosened.

mod common;

use bytes::{Bytes, BytesMut};
use common::packet;
use mqtt_lab::protocol::codec::properties::ValueType;
use mqtt_lab::protocol::codec::{
    decode, encode_to_vec, DecodeOptions, Packet, PacketType, Properties, PropertyId,
    PropertyValue, ProtocolVersion, QoS, ReasonCode, RetainHandling,
};
use mqttbytes::{v4, v5, Protocol};
use proptest::prelude::*;
use proptest::sample::Index;

/// mqttbytes' receive limit for these tests: far above any generated packet.
const THEIR_MAX: usize = 1 << 20;

const V311: ProtocolVersion = ProtocolVersion::V311;
const V5: ProtocolVersion = ProtocolVersion::V5;

// ------------------------------------------------------------------ shared --

fn their_qos(q: QoS) -> mqttbytes::QoS {
    match q {
        QoS::AtMostOnce => mqttbytes::QoS::AtMostOnce,
        QoS::AtLeastOnce => mqttbytes::QoS::AtLeastOnce,
        QoS::ExactlyOnce => mqttbytes::QoS::ExactlyOnce,
    }
}

/// mqttbytes keeps User Name and Password as `String`s and treats an empty
/// one as absent (`Login::write` sets a flag only for a non-empty value,
/// `Login::read` turns two empty ones into no login), while the spec makes
/// the Password Binary Data and lets either be empty (3.1.3.5, 3.1.3.6;
/// 3.1.1: 3.1.3.4, 3.1.3.5). So credentials handed to it are non-empty and
/// the password UTF-8; nothing else about the packet changes.
fn representable(mut packet: Packet) -> Packet {
    if let Packet::Connect(c) = &mut packet {
        if c.username.as_deref() == Some("") {
            c.username = Some("user".into());
        }
        if let Some(p) = &mut c.password {
            let text = String::from_utf8_lossy(p).into_owned();
            *p = if text.is_empty() {
                b"secret".to_vec()
            } else {
                text.into_bytes()
            };
        }
    }
    packet
}

/// mqttbytes' view of CONNECT credentials: absent only when both are.
fn their_login(username: &Option<String>, password: &Option<Vec<u8>>) -> Option<(String, String)> {
    if username.is_none() && password.is_none() {
        return None;
    }
    let password = password
        .as_ref()
        .map(|p| String::from_utf8(p.clone()).expect("representable() made it UTF-8"));
    Some((
        username.clone().unwrap_or_default(),
        password.unwrap_or_default(),
    ))
}

fn pid(p: &Packet) -> u16 {
    p.packet_id().map_or(0, |id| id.get())
}

// ------------------------------------------------------------- MQTT 3.1.1 --

fn to_v4(p: &Packet) -> v4::Packet {
    match p {
        Packet::Connect(c) => v4::Packet::Connect(v4::Connect {
            protocol: Protocol::V4,
            keep_alive: c.keep_alive,
            client_id: c.client_id.clone(),
            clean_session: c.clean_start,
            last_will: c.will.as_ref().map(|w| v4::LastWill {
                topic: w.topic.clone(),
                message: Bytes::from(w.payload.clone()),
                qos: their_qos(w.qos),
                retain: w.retain,
            }),
            login: their_login(&c.username, &c.password)
                .map(|(username, password)| v4::Login { username, password }),
        }),
        Packet::ConnAck(a) => v4::Packet::ConnAck(v4::ConnAck {
            session_present: a.session_present,
            code: match a.reason_code.0 {
                0 => v4::ConnectReturnCode::Success,
                1 => v4::ConnectReturnCode::RefusedProtocolVersion,
                2 => v4::ConnectReturnCode::BadClientId,
                3 => v4::ConnectReturnCode::ServiceUnavailable,
                4 => v4::ConnectReturnCode::BadUserNamePassword,
                5 => v4::ConnectReturnCode::NotAuthorized,
                c => panic!("not a 3.1.1 Connect Return Code: {c}"),
            },
        }),
        Packet::Publish(m) => v4::Packet::Publish(v4::Publish {
            dup: m.dup,
            qos: their_qos(m.qos()),
            retain: m.retain,
            topic: m.topic.clone(),
            pkid: pid(p),
            payload: Bytes::from(m.payload.clone()),
        }),
        Packet::PubAck(_) => v4::Packet::PubAck(v4::PubAck { pkid: pid(p) }),
        Packet::PubRec(_) => v4::Packet::PubRec(v4::PubRec { pkid: pid(p) }),
        Packet::PubRel(_) => v4::Packet::PubRel(v4::PubRel { pkid: pid(p) }),
        Packet::PubComp(_) => v4::Packet::PubComp(v4::PubComp { pkid: pid(p) }),
        Packet::Subscribe(s) => v4::Packet::Subscribe(v4::Subscribe {
            pkid: pid(p),
            filters: s
                .filters
                .iter()
                .map(|f| v4::SubscribeFilter::new(f.filter.clone(), their_qos(f.options.qos)))
                .collect(),
        }),
        Packet::SubAck(s) => v4::Packet::SubAck(v4::SubAck {
            pkid: pid(p),
            return_codes: s
                .reason_codes
                .iter()
                .map(|c| v4::SubscribeReasonCode::try_from(c.0).expect("3.1.1 SUBACK code"))
                .collect(),
        }),
        Packet::Unsubscribe(u) => v4::Packet::Unsubscribe(v4::Unsubscribe {
            pkid: pid(p),
            topics: u.filters.clone(),
        }),
        Packet::UnsubAck(_) => v4::Packet::UnsubAck(v4::UnsubAck { pkid: pid(p) }),
        Packet::PingReq => v4::Packet::PingReq,
        Packet::PingResp => v4::Packet::PingResp,
        Packet::Disconnect(_) => v4::Packet::Disconnect,
        Packet::Auth(_) => panic!("MQTT 3.1.1 has no AUTH"),
    }
}

fn write_v4(p: &v4::Packet) -> Vec<u8> {
    let mut buf = BytesMut::new();
    match p {
        v4::Packet::Connect(x) => x.write(&mut buf),
        v4::Packet::ConnAck(x) => x.write(&mut buf),
        v4::Packet::Publish(x) => x.write(&mut buf),
        v4::Packet::PubAck(x) => x.write(&mut buf),
        v4::Packet::PubRec(x) => x.write(&mut buf),
        v4::Packet::PubRel(x) => x.write(&mut buf),
        v4::Packet::PubComp(x) => x.write(&mut buf),
        v4::Packet::Subscribe(x) => x.write(&mut buf),
        v4::Packet::SubAck(x) => x.write(&mut buf),
        v4::Packet::Unsubscribe(x) => x.write(&mut buf),
        v4::Packet::UnsubAck(x) => x.write(&mut buf),
        v4::Packet::PingReq => v4::PingReq.write(&mut buf),
        v4::Packet::PingResp => v4::PingResp.write(&mut buf),
        v4::Packet::Disconnect => v4::Disconnect.write(&mut buf),
    }
    .expect("mqttbytes encodes a valid packet");
    buf.to_vec()
}

/// mqttbytes reads one 3.1.1 packet that must fill `bytes` exactly.
fn read_v4(bytes: &[u8]) -> Result<v4::Packet, mqttbytes::Error> {
    let mut buf = BytesMut::from(bytes);
    let packet = v4::read(&mut buf, THEIR_MAX)?;
    assert!(buf.is_empty(), "mqttbytes left {} bytes", buf.len());
    Ok(packet)
}

// ---------------------------------------------------------------- MQTT 5.0 --

fn int(p: &Properties, id: PropertyId) -> Option<u32> {
    p.integer(id)
}

fn byte(p: &Properties, id: PropertyId) -> Option<u8> {
    p.integer(id)
        .map(|v| u8::try_from(v).expect("a Byte property"))
}

fn two(p: &Properties, id: PropertyId) -> Option<u16> {
    p.integer(id)
        .map(|v| u16::try_from(v).expect("a Two Byte Integer property"))
}

fn string(p: &Properties, id: PropertyId) -> Option<String> {
    p.string(id).map(str::to_owned)
}

fn binary(p: &Properties, id: PropertyId) -> Option<Bytes> {
    p.binary(id).map(Bytes::copy_from_slice)
}

fn users(p: &Properties) -> Vec<(String, String)> {
    p.user_properties()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

/// mqttbytes holds an empty property list as `None` (its readers answer
/// `None` for Property Length 0).
fn unless_empty<T>(p: &Properties, f: impl FnOnce(&Properties) -> T) -> Option<T> {
    (!p.is_empty()).then(|| f(p))
}

fn to_v5(p: &Packet) -> v5::Packet {
    match p {
        Packet::Connect(c) => v5::Packet::Connect(v5::Connect {
            protocol: Protocol::V5,
            keep_alive: c.keep_alive,
            client_id: c.client_id.clone(),
            clean_session: c.clean_start,
            last_will: c.will.as_ref().map(|w| v5::LastWill {
                topic: w.topic.clone(),
                message: Bytes::from(w.payload.clone()),
                qos: their_qos(w.qos),
                retain: w.retain,
                properties: unless_empty(&w.properties, |p| v5::WillProperties {
                    delay_interval: int(p, PropertyId::WillDelayInterval),
                    payload_format_indicator: byte(p, PropertyId::PayloadFormatIndicator),
                    message_expiry_interval: int(p, PropertyId::MessageExpiryInterval),
                    content_type: string(p, PropertyId::ContentType),
                    response_topic: string(p, PropertyId::ResponseTopic),
                    correlation_data: binary(p, PropertyId::CorrelationData),
                    user_properties: users(p),
                }),
            }),
            login: their_login(&c.username, &c.password)
                .map(|(username, password)| v5::Login { username, password }),
            properties: unless_empty(&c.properties, |p| v5::ConnectProperties {
                session_expiry_interval: int(p, PropertyId::SessionExpiryInterval),
                receive_maximum: two(p, PropertyId::ReceiveMaximum),
                max_packet_size: int(p, PropertyId::MaximumPacketSize),
                topic_alias_max: two(p, PropertyId::TopicAliasMaximum),
                request_response_info: byte(p, PropertyId::RequestResponseInformation),
                request_problem_info: byte(p, PropertyId::RequestProblemInformation),
                user_properties: users(p),
                authentication_method: string(p, PropertyId::AuthenticationMethod),
                authentication_data: binary(p, PropertyId::AuthenticationData),
            }),
        }),
        Packet::ConnAck(a) => v5::Packet::ConnAck(v5::ConnAck {
            session_present: a.session_present,
            code: connect_reason(a.reason_code),
            properties: unless_empty(&a.properties, |p| v5::ConnAckProperties {
                session_expiry_interval: int(p, PropertyId::SessionExpiryInterval),
                receive_max: two(p, PropertyId::ReceiveMaximum),
                max_qos: byte(p, PropertyId::MaximumQoS),
                retain_available: byte(p, PropertyId::RetainAvailable),
                max_packet_size: int(p, PropertyId::MaximumPacketSize),
                assigned_client_identifier: string(p, PropertyId::AssignedClientIdentifier),
                topic_alias_max: two(p, PropertyId::TopicAliasMaximum),
                reason_string: string(p, PropertyId::ReasonString),
                user_properties: users(p),
                wildcard_subscription_available: byte(p, PropertyId::WildcardSubscriptionAvailable),
                subscription_identifiers_available: byte(
                    p,
                    PropertyId::SubscriptionIdentifierAvailable,
                ),
                shared_subscription_available: byte(p, PropertyId::SharedSubscriptionAvailable),
                server_keep_alive: two(p, PropertyId::ServerKeepAlive),
                response_information: string(p, PropertyId::ResponseInformation),
                server_reference: string(p, PropertyId::ServerReference),
                authentication_method: string(p, PropertyId::AuthenticationMethod),
                authentication_data: binary(p, PropertyId::AuthenticationData),
            }),
        }),
        Packet::Publish(m) => v5::Packet::Publish(v5::Publish {
            dup: m.dup,
            qos: their_qos(m.qos()),
            retain: m.retain,
            topic: m.topic.clone(),
            pkid: pid(p),
            properties: unless_empty(&m.properties, |p| v5::PublishProperties {
                payload_format_indicator: byte(p, PropertyId::PayloadFormatIndicator),
                message_expiry_interval: int(p, PropertyId::MessageExpiryInterval),
                topic_alias: two(p, PropertyId::TopicAlias),
                response_topic: string(p, PropertyId::ResponseTopic),
                correlation_data: binary(p, PropertyId::CorrelationData),
                user_properties: users(p),
                subscription_identifiers: p
                    .subscription_identifiers()
                    .map(|v| v as usize)
                    .collect(),
                content_type: string(p, PropertyId::ContentType),
            }),
            payload: Bytes::from(m.payload.clone()),
        }),
        Packet::PubAck(a) => v5::Packet::PubAck(v5::PubAck {
            pkid: pid(p),
            reason: match a.reason_code.0 {
                0x00 => v5::PubAckReason::Success,
                0x10 => v5::PubAckReason::NoMatchingSubscribers,
                0x80 => v5::PubAckReason::UnspecifiedError,
                0x83 => v5::PubAckReason::ImplementationSpecificError,
                0x87 => v5::PubAckReason::NotAuthorized,
                0x90 => v5::PubAckReason::TopicNameInvalid,
                0x91 => v5::PubAckReason::PacketIdentifierInUse,
                0x97 => v5::PubAckReason::QuotaExceeded,
                0x99 => v5::PubAckReason::PayloadFormatInvalid,
                c => panic!("PUBACK reason code 0x{c:02X} unknown to mqttbytes"),
            },
            properties: unless_empty(&a.properties, |p| v5::PubAckProperties {
                reason_string: string(p, PropertyId::ReasonString),
                user_properties: users(p),
            }),
        }),
        Packet::PubRec(a) => v5::Packet::PubRec(v5::PubRec {
            pkid: pid(p),
            reason: match a.reason_code.0 {
                0x00 => v5::PubRecReason::Success,
                0x10 => v5::PubRecReason::NoMatchingSubscribers,
                0x80 => v5::PubRecReason::UnspecifiedError,
                0x83 => v5::PubRecReason::ImplementationSpecificError,
                0x87 => v5::PubRecReason::NotAuthorized,
                0x90 => v5::PubRecReason::TopicNameInvalid,
                0x91 => v5::PubRecReason::PacketIdentifierInUse,
                0x97 => v5::PubRecReason::QuotaExceeded,
                0x99 => v5::PubRecReason::PayloadFormatInvalid,
                c => panic!("PUBREC reason code 0x{c:02X} unknown to mqttbytes"),
            },
            properties: unless_empty(&a.properties, |p| v5::PubRecProperties {
                reason_string: string(p, PropertyId::ReasonString),
                user_properties: users(p),
            }),
        }),
        Packet::PubRel(a) => v5::Packet::PubRel(v5::PubRel {
            pkid: pid(p),
            reason: match a.reason_code.0 {
                0x00 => v5::PubRelReason::Success,
                0x92 => v5::PubRelReason::PacketIdentifierNotFound,
                c => panic!("PUBREL reason code 0x{c:02X} unknown to mqttbytes"),
            },
            properties: unless_empty(&a.properties, |p| v5::PubRelProperties {
                reason_string: string(p, PropertyId::ReasonString),
                user_properties: users(p),
            }),
        }),
        Packet::PubComp(a) => v5::Packet::PubComp(v5::PubComp {
            pkid: pid(p),
            reason: match a.reason_code.0 {
                0x00 => v5::PubCompReason::Success,
                0x92 => v5::PubCompReason::PacketIdentifierNotFound,
                c => panic!("PUBCOMP reason code 0x{c:02X} unknown to mqttbytes"),
            },
            properties: unless_empty(&a.properties, |p| v5::PubCompProperties {
                reason_string: string(p, PropertyId::ReasonString),
                user_properties: users(p),
            }),
        }),
        Packet::Subscribe(s) => v5::Packet::Subscribe(v5::Subscribe {
            pkid: pid(p),
            filters: s
                .filters
                .iter()
                .map(|f| v5::SubscribeFilter {
                    path: f.filter.clone(),
                    qos: their_qos(f.options.qos),
                    nolocal: f.options.no_local,
                    preserve_retain: f.options.retain_as_published,
                    retain_forward_rule: match f.options.retain_handling {
                        RetainHandling::SendAtSubscribe => v5::RetainForwardRule::OnEverySubscribe,
                        RetainHandling::SendAtSubscribeIfNew => {
                            v5::RetainForwardRule::OnNewSubscribe
                        }
                        RetainHandling::DoNotSend => v5::RetainForwardRule::Never,
                    },
                })
                .collect(),
            properties: unless_empty(&s.properties, |p| v5::SubscribeProperties {
                id: p.subscription_identifiers().next().map(|v| v as usize),
                user_properties: users(p),
            }),
        }),
        Packet::SubAck(s) => v5::Packet::SubAck(v5::SubAck {
            pkid: pid(p),
            return_codes: s
                .reason_codes
                .iter()
                .map(|c| {
                    v5::SubscribeReasonCode::try_from(c.0).unwrap_or_else(|_| {
                        panic!("SUBACK code 0x{:02X} unknown to mqttbytes", c.0)
                    })
                })
                .collect(),
            properties: unless_empty(&s.properties, |p| v5::SubAckProperties {
                reason_string: string(p, PropertyId::ReasonString),
                user_properties: users(p),
            }),
        }),
        Packet::Unsubscribe(u) => v5::Packet::Unsubscribe(v5::Unsubscribe {
            pkid: pid(p),
            filters: u.filters.clone(),
            properties: unless_empty(&u.properties, |p| v5::UnsubscribeProperties {
                user_properties: users(p),
            }),
        }),
        Packet::UnsubAck(u) => v5::Packet::UnsubAck(v5::UnsubAck {
            pkid: pid(p),
            reasons: u
                .reason_codes
                .iter()
                .map(|c| match c.0 {
                    0x00 => v5::UnsubAckReason::Success,
                    0x11 => v5::UnsubAckReason::NoSubscriptionExisted,
                    0x80 => v5::UnsubAckReason::UnspecifiedError,
                    0x83 => v5::UnsubAckReason::ImplementationSpecificError,
                    0x87 => v5::UnsubAckReason::NotAuthorized,
                    0x8F => v5::UnsubAckReason::TopicFilterInvalid,
                    0x91 => v5::UnsubAckReason::PacketIdentifierInUse,
                    c => panic!("UNSUBACK reason code 0x{c:02X} unknown to mqttbytes"),
                })
                .collect(),
            properties: unless_empty(&u.properties, |p| v5::UnsubAckProperties {
                reason_string: string(p, PropertyId::ReasonString),
                user_properties: users(p),
            }),
        }),
        Packet::PingReq => v5::Packet::PingReq,
        Packet::PingResp => v5::Packet::PingResp,
        Packet::Disconnect(d) => v5::Packet::Disconnect(v5::Disconnect {
            reason_code: v5::DisconnectReasonCode::try_from(d.reason_code.0).unwrap_or_else(|_| {
                panic!(
                    "DISCONNECT reason code 0x{:02X} unknown to mqttbytes",
                    d.reason_code.0
                )
            }),
            properties: unless_empty(&d.properties, |p| v5::DisconnectProperties {
                session_expiry_interval: int(p, PropertyId::SessionExpiryInterval),
                reason_string: string(p, PropertyId::ReasonString),
                user_properties: users(p),
                server_reference: string(p, PropertyId::ServerReference),
            }),
        }),
        Packet::Auth(_) => panic!("mqttbytes 0.6 has no AUTH"),
    }
}

fn connect_reason(code: ReasonCode) -> v5::ConnectReturnCode {
    use v5::ConnectReturnCode as C;
    match code.0 {
        0x00 => C::Success,
        0x80 => C::UnspecifiedError,
        0x81 => C::MalformedPacket,
        0x82 => C::ProtocolError,
        0x83 => C::ImplementationSpecificError,
        0x84 => C::UnsupportedProtocolVersion,
        0x85 => C::ClientIdentifierNotValid,
        0x86 => C::BadUserNamePassword,
        0x87 => C::NotAuthorized,
        0x88 => C::ServerUnavailable,
        0x89 => C::ServerBusy,
        0x8A => C::Banned,
        0x8C => C::BadAuthenticationMethod,
        0x90 => C::TopicNameInvalid,
        0x95 => C::PacketTooLarge,
        0x97 => C::QuotaExceeded,
        0x99 => C::PayloadFormatInvalid,
        0x9A => C::RetainNotSupported,
        0x9B => C::QoSNotSupported,
        0x9C => C::UseAnotherServer,
        0x9D => C::ServerMoved,
        0x9F => C::ConnectionRateExceeded,
        c => panic!("CONNACK reason code 0x{c:02X} unknown to mqttbytes"),
    }
}

fn write_v5(p: &v5::Packet) -> Vec<u8> {
    let mut buf = BytesMut::new();
    match p {
        v5::Packet::Connect(x) => x.write(&mut buf),
        v5::Packet::ConnAck(x) => {
            // mqttbytes writes no Property Length at all for a CONNACK whose
            // properties are `None`; MQTT 5.0 3.2.2.3.1 makes it mandatory.
            // Ask it to write an empty list instead.
            let mut x = x.clone();
            x.properties.get_or_insert_with(v5::ConnAckProperties::new);
            x.write(&mut buf)
        }
        v5::Packet::Publish(x) => x.write(&mut buf),
        v5::Packet::PubAck(x) => x.write(&mut buf),
        v5::Packet::PubRec(x) => x.write(&mut buf),
        v5::Packet::PubRel(x) => x.write(&mut buf),
        v5::Packet::PubComp(x) => x.write(&mut buf),
        v5::Packet::Subscribe(x) => x.write(&mut buf),
        v5::Packet::SubAck(x) => x.write(&mut buf),
        v5::Packet::Unsubscribe(x) => x.write(&mut buf),
        v5::Packet::UnsubAck(x) => x.write(&mut buf),
        v5::Packet::PingReq => v5::PingReq.write(&mut buf),
        v5::Packet::PingResp => v5::PingResp.write(&mut buf),
        v5::Packet::Disconnect(x) => x.write(&mut buf),
    }
    .expect("mqttbytes encodes a valid packet");
    buf.to_vec()
}

/// mqttbytes reads one 5.0 packet that must fill `bytes` exactly.
fn read_v5(bytes: &[u8]) -> Result<v5::Packet, mqttbytes::Error> {
    // `v5::read` answers PayloadRequired for any packet but PINGREQ and
    // PINGRESP with Remaining Length 0, yet MQTT 5.0 3.14.2.1 allows a
    // DISCONNECT of Remaining Length 0 (Normal disconnection, no
    // properties). mqttbytes' own `Disconnect::read` handles that, so
    // DISCONNECT goes there directly.
    if bytes.first().map(|b| b >> 4) == Some(PacketType::Disconnect as u8) {
        let header = mqttbytes::check(bytes.iter(), THEIR_MAX)?;
        assert_eq!(header.frame_length(), bytes.len(), "one packet");
        let packet = v5::Disconnect::read(header, Bytes::copy_from_slice(bytes))?;
        return Ok(v5::Packet::Disconnect(packet));
    }
    let mut buf = BytesMut::from(bytes);
    let packet = v5::read(&mut buf, THEIR_MAX)?;
    assert!(buf.is_empty(), "mqttbytes left {} bytes", buf.len());
    Ok(packet)
}

/// mqttbytes cannot read a DISCONNECT that has a Reason Code but no
/// Property Length (Remaining Length 1): `DisconnectProperties::extract`
/// asks for more bytes. MQTT 5.0 3.14.2.2.1 says a Remaining Length under
/// 2 means no properties, and we write that short form for a non-zero
/// reason code without properties. Only that exact wire form is excluded
/// from "mqttbytes reads it alike".
fn their_disconnect_gap(bytes: &[u8]) -> bool {
    matches!(bytes, [0xE0, 0x01, _])
}

/// mqttbytes counts the identifier byte of each Subscription Identifier
/// twice while walking a PUBLISH or SUBSCRIBE property list (`cursor += 1`
/// for the identifier, then `cursor += 1 + id_len` for the value), so it
/// can think the list (spec 2.2.2.1: Property Length counts each byte once)
/// ends before it does and read the rest as payload or topic filters.
/// Whether that happens to this list, replayed with mqttbytes' count.
fn their_property_miscount(p: &Packet) -> bool {
    let props = match p {
        Packet::Publish(m) => &m.properties,
        Packet::Subscribe(s) => &s.properties,
        _ => return false,
    };
    let sizes: Vec<(usize, bool)> = props
        .iter()
        .map(|prop| {
            let value = match (&prop.value, prop.id.info().value_type) {
                (PropertyValue::Integer(v), ValueType::VariableByteInteger) => match *v {
                    0..=127 => 1,
                    128..=16_383 => 2,
                    16_384..=2_097_151 => 3,
                    _ => 4,
                },
                (PropertyValue::Integer(_), ValueType::Byte) => 1,
                (PropertyValue::Integer(_), ValueType::TwoByteInteger) => 2,
                (PropertyValue::Integer(_), _) => 4,
                (PropertyValue::String(s), _) => 2 + s.len(),
                (PropertyValue::Binary(b), _) => 2 + b.len(),
                (PropertyValue::Pair(k, v), _) => 4 + k.len() + v.len(),
            };
            (1 + value, prop.id == PropertyId::SubscriptionIdentifier)
        })
        .collect();
    let len: usize = sizes.iter().map(|(size, _)| size).sum();
    let mut cursor = 0;
    for (i, (size, doubled)) in sizes.iter().enumerate() {
        cursor += size + usize::from(*doubled);
        if cursor >= len && i + 1 < sizes.len() {
            return true;
        }
    }
    false
}

/// Properties in a fixed order (by identifier; repeated ones keep their
/// relative order), for comparing lists whose order is free on the wire.
fn normalized(mut p: Packet) -> Packet {
    let props: Vec<&mut Properties> = match &mut p {
        Packet::Connect(c) => {
            let mut v = vec![&mut c.properties];
            if let Some(w) = &mut c.will {
                v.push(&mut w.properties);
            }
            v
        }
        Packet::ConnAck(x) => vec![&mut x.properties],
        Packet::Publish(x) => vec![&mut x.properties],
        Packet::PubAck(x) | Packet::PubRec(x) | Packet::PubRel(x) | Packet::PubComp(x) => {
            vec![&mut x.properties]
        }
        Packet::Subscribe(x) => vec![&mut x.properties],
        Packet::SubAck(x) => vec![&mut x.properties],
        Packet::Unsubscribe(x) => vec![&mut x.properties],
        Packet::UnsubAck(x) => vec![&mut x.properties],
        Packet::Disconnect(x) => vec![&mut x.properties],
        Packet::Auth(x) => vec![&mut x.properties],
        Packet::PingReq | Packet::PingResp => vec![],
    };
    for list in props {
        list.0.sort_by_key(|prop| prop.id);
    }
    p
}

/// Valid 5.0 packets mqttbytes can carry: all but AUTH.
fn v5_packet() -> impl Strategy<Value = Packet> {
    packet(V5)
        .prop_filter("mqttbytes 0.6 has no AUTH", |p| {
            !matches!(p, Packet::Auth(_))
        })
        .prop_map(representable)
}

fn v311_packet() -> impl Strategy<Value = Packet> {
    packet(V311).prop_map(representable)
}

// ------------------------------------------------------------------ tests --

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// MQTT 3.1.1: mqttbytes reads our encoding as the same packet.
    #[test]
    fn v311_ours_read_by_mqttbytes(p in v311_packet()) {
        let ours = encode_to_vec(&p, V311).expect("valid packets encode");
        let theirs = read_v4(&ours);
        prop_assert_eq!(theirs, Ok(to_v4(&p)), "{:?}", p);
    }

    /// MQTT 3.1.1: we read mqttbytes' encoding as the same packet, and the
    /// two encodings are identical.
    #[test]
    fn v311_mqttbytes_read_by_ours(p in v311_packet()) {
        let theirs = write_v4(&to_v4(&p));
        prop_assert_eq!(
            decode(&theirs, &DecodeOptions::new(V311)),
            Ok(Some((p.clone(), theirs.len())))
        );
        prop_assert_eq!(encode_to_vec(&p, V311).expect("valid packets encode"), theirs);
    }

    /// MQTT 5.0: mqttbytes reads our encoding as the same packet, every
    /// property included.
    #[test]
    fn v5_ours_read_by_mqttbytes(p in v5_packet()) {
        let ours = encode_to_vec(&p, V5).expect("valid packets encode");
        if their_disconnect_gap(&ours) || their_property_miscount(&p) {
            return Ok(());
        }
        let theirs = read_v5(&ours);
        prop_assert_eq!(theirs, Ok(to_v5(&p)), "{:?}", p);
    }

    /// MQTT 5.0: we read mqttbytes' encoding as the same packet (property
    /// order aside), and encoding what we read gives mqttbytes' bytes back.
    #[test]
    fn v5_mqttbytes_read_by_ours(p in v5_packet()) {
        let theirs = write_v5(&to_v5(&p));
        let decoded = decode(&theirs, &DecodeOptions::new(V5));
        let Ok(Some((decoded, used))) = decoded else {
            return Err(TestCaseError::fail(format!(
                "we could not read mqttbytes' {:02X?}: {:?}", theirs, decoded
            )));
        };
        prop_assert_eq!(used, theirs.len());
        prop_assert_eq!(normalized(decoded.clone()), normalized(p));
        prop_assert_eq!(encode_to_vec(&decoded, V5).expect("decoded packets encode"), theirs);
    }

    /// On damaged encodings: whatever we accept, mqttbytes (which checks
    /// less than we do) reads as the same packet.
    #[test]
    fn damaged_packets_we_accept_mqttbytes_reads_alike(
        v5 in any::<bool>(),
        p311 in v311_packet(),
        p5 in v5_packet(),
        at in any::<Index>(),
        x in 1u8..=255,
    ) {
        let (version, p) = if v5 { (V5, p5) } else { (V311, p311) };
        let mut bytes = encode_to_vec(&p, version).expect("valid packets encode");
        let i = at.index(bytes.len());
        bytes[i] ^= x;
        let Ok(Some((ours, used))) = decode(&bytes, &DecodeOptions::new(version)) else {
            return Ok(());
        };
        let bytes = &bytes[..used];
        // Only packets mqttbytes can hold, read under the version we used
        // (a damaged Protocol Level makes a CONNECT of the other version).
        let other_version = matches!(&ours, Packet::Connect(c) if c.protocol_version != version);
        if representable(ours.clone()) != ours
            || other_version
            || matches!(ours, Packet::Auth(_))
        {
            return Ok(());
        }
        match version {
            ProtocolVersion::V311 => {
                prop_assert_eq!(read_v4(bytes), Ok(to_v4(&ours)), "{:02X?}", bytes);
            }
            ProtocolVersion::V5 => {
                if !their_disconnect_gap(bytes) && !their_property_miscount(&ours) {
                    prop_assert_eq!(read_v5(bytes), Ok(to_v5(&ours)), "{:02X?}", bytes);
                }
            }
        }
    }
}
