//! Proptest strategies for valid MQTT 3.1.1 and 5.0 packets, shared by the
//! property tests (`codec_proptest.rs`) and the differential tests
//! (`codec_differential.rs`).
//!
//! "Valid" means what a conforming sender may put on the wire: 3.1.1 packets
//! carry no properties and no AUTH, acknowledgements are Success-only, and
//! CONNACK/SUBACK use the 3.1.1 return codes; 5.0 packets carry any reason
//! code the packet allows and random property lists drawn from the
//! property table, each property only where it may appear, with a value of
//! its type that the spec accepts, at most once unless it is User Property
//! (or Subscription Identifier in PUBLISH). Strings never contain U+0000,
//! Topic Names never contain wildcards, and an empty Topic Name only comes
//! with a Topic Alias.
//!
//! The rules are written out here, independently of the codec's own checks
//! (only the property table's contexts and value ranges, and
//! `ReasonCode::is_allowed` for 5.0, are read from the codec).

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use mqtt_lab::protocol::codec::properties::{PropertyContext, ValueType};
use mqtt_lab::protocol::codec::{
    Auth, ConnAck, Connect, Disconnect, LastWill, Packet, PacketId, PacketType, Properties,
    Property, PropertyId, PropertyValue, ProtocolVersion, PubResponse, Publish, QoS, QosPid,
    ReasonCode, RetainHandling, SubAck, Subscribe, SubscribeFilter, SubscriptionOptions, UnsubAck,
    Unsubscribe, MAX_REMAINING_LENGTH,
};
use proptest::prelude::*;

/// Both protocol versions.
pub const VERSIONS: [ProtocolVersion; 2] = [ProtocolVersion::V311, ProtocolVersion::V5];

/// A character for a UTF-8 string field: mostly ASCII, sometimes any
/// Unicode scalar value, never U+0000 (spec 1.5.4).
fn char_no_null() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => proptest::char::range('a', 'z'),
        1 => proptest::char::range('0', '9'),
        1 => Just('/'),
        2 => any::<char>().prop_map(|c| if c == '\0' { '~' } else { c }),
    ]
}

/// A UTF-8 Encoded String of up to `max` characters, without U+0000.
pub fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(char_no_null(), 0..=max).prop_map(|v| v.into_iter().collect())
}

/// Binary Data of up to `max` bytes.
pub fn binary(max: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..=max)
}

/// One topic level: no '/', and no wildcard characters.
fn plain_level() -> impl Strategy<Value = String> {
    text(6).prop_map(|s| {
        s.chars()
            .map(|c| if matches!(c, '/' | '+' | '#') { '_' } else { c })
            .collect()
    })
}

/// A Topic Name: at least one character, no wildcards (spec 4.7.3).
pub fn topic_name() -> impl Strategy<Value = String> {
    prop::collection::vec(plain_level(), 1..=4).prop_map(|levels| {
        let topic = levels.join("/");
        if topic.is_empty() {
            "t".to_string()
        } else {
            topic
        }
    })
}

/// A Topic Filter: levels that are plain or `+`, optionally ending in `#`;
/// never empty (spec 4.7.1, 4.7.3).
pub fn topic_filter() -> impl Strategy<Value = String> {
    let level = prop_oneof![3 => plain_level(), 1 => Just("+".to_string())];
    (
        prop::collection::vec(level, 1..=4),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(mut levels, multi)| {
            if multi {
                levels.push("#".to_string());
            }
            let filter = levels.join("/");
            if filter.is_empty() {
                "#".to_string()
            } else {
                filter
            }
        })
}

/// A Packet Identifier (never 0).
pub fn packet_id() -> impl Strategy<Value = PacketId> {
    (1u16..=u16::MAX).prop_map(|v| PacketId::new(v).expect("1..=65535 is not zero"))
}

/// A QoS level.
pub fn qos() -> impl Strategy<Value = QoS> {
    prop_oneof![
        Just(QoS::AtMostOnce),
        Just(QoS::AtLeastOnce),
        Just(QoS::ExactlyOnce)
    ]
}

/// Values where integer encodings change length or meaning.
const BOUNDARIES: [u32; 12] = [
    0, 1, 2, 127, 128, 255, 256, 16_383, 16_384, 65_535, 2_097_151, 2_097_152,
];

/// An integer up to `max` that the table accepts for `id`: booleans are 0 or
/// 1, and some properties may not be 0 (spec 3.1.2.11, 3.2.2.3, 3.3.2.3).
fn integer_value(id: PropertyId, max: u32) -> BoxedStrategy<u32> {
    let info = id.info();
    let boundary = prop::sample::select(
        BOUNDARIES
            .iter()
            .copied()
            .filter(|&b| b <= max)
            .collect::<Vec<_>>(),
    );
    prop_oneof![
        3 => 0u32..=1,
        2 => 0u32..=max,
        1 => Just(max),
        1 => boundary,
    ]
    .prop_map(move |v| if info.value_is_valid(v) { v } else { 1 })
    .boxed()
}

/// A value of the right type and range for property `id`.
pub fn property_value(id: PropertyId) -> BoxedStrategy<PropertyValue> {
    let integer = |max| {
        integer_value(id, max)
            .prop_map(PropertyValue::Integer)
            .boxed()
    };
    match id.info().value_type {
        ValueType::Byte => integer(0xFF),
        ValueType::TwoByteInteger => integer(0xFFFF),
        ValueType::FourByteInteger => integer(u32::MAX),
        ValueType::VariableByteInteger => integer(MAX_REMAINING_LENGTH),
        // A Response Topic is a Topic Name: no wildcards (spec 3.3.2.3.5).
        ValueType::Utf8String if id == PropertyId::ResponseTopic => {
            topic_name().prop_map(PropertyValue::String).boxed()
        }
        ValueType::Utf8String => text(12).prop_map(PropertyValue::String).boxed(),
        ValueType::BinaryData => binary(12).prop_map(PropertyValue::Binary).boxed(),
        ValueType::Utf8StringPair => (text(8), text(8))
            .prop_map(|(k, v)| PropertyValue::Pair(k, v))
            .boxed(),
    }
}

/// Whether `id` may appear more than once in `ctx`: User Property anywhere,
/// Subscription Identifier only in PUBLISH (spec 3.3.2.3.8 vs 3.8.2.1.2).
pub fn repeatable_in(id: PropertyId, ctx: PropertyContext) -> bool {
    id == PropertyId::UserProperty
        || (id == PropertyId::SubscriptionIdentifier
            && ctx == PropertyContext::Packet(PacketType::Publish))
}

/// A random property list for `ctx`, in random order.
pub fn properties(ctx: PropertyContext) -> BoxedStrategy<Properties> {
    let per_id: Vec<BoxedStrategy<Vec<Property>>> = PropertyId::ALL
        .iter()
        .copied()
        .filter(|id| id.info().allowed_in(ctx))
        .map(|id| {
            let most = if repeatable_in(id, ctx) { 3 } else { 1 };
            prop_oneof![
                2 => Just(Vec::new()),
                1 => prop::collection::vec(
                    property_value(id).prop_map(move |value| Property { id, value }),
                    1..=most,
                ),
            ]
            .boxed()
        })
        .collect();
    let some = per_id
        .prop_map(|lists| lists.into_iter().flatten().collect::<Vec<_>>())
        .prop_shuffle()
        .prop_map(|list| {
            let mut props = Properties(list);
            // Authentication Data without an Authentication Method is a
            // Protocol Error (spec 3.1.2.11.10, 3.2.2.3.18, 3.15.2.2.3).
            if props.get(PropertyId::AuthenticationMethod).is_none() {
                props.remove(PropertyId::AuthenticationData);
            }
            props
        });
    prop_oneof![1 => Just(Properties::new()), 3 => some].boxed()
}

/// Properties for a packet of type `t` in `version`: none in 3.1.1.
fn packet_properties(t: PacketType, version: ProtocolVersion) -> BoxedStrategy<Properties> {
    if version.is_v5() {
        properties(PropertyContext::Packet(t))
    } else {
        Just(Properties::new()).boxed()
    }
}

/// A reason (5.0) or return (3.1.1) code that `t` may carry in `version`.
pub fn reason_code(t: PacketType, version: ProtocolVersion) -> BoxedStrategy<ReasonCode> {
    let codes: Vec<u8> = match (version, t) {
        // MQTT 3.1.1 3.2.2.3: Connect Return Codes 0 to 5.
        (ProtocolVersion::V311, PacketType::ConnAck) => (0..=5).collect(),
        // MQTT 3.1.1 3.9.3: 0x00, 0x01, 0x02 (granted QoS) and 0x80 (failure).
        (ProtocolVersion::V311, PacketType::SubAck) => vec![0x00, 0x01, 0x02, 0x80],
        (ProtocolVersion::V311, _) => vec![0x00],
        (ProtocolVersion::V5, t) => (0..=255u8)
            .filter(|&c| ReasonCode(c).is_allowed(t, ProtocolVersion::V5))
            .collect(),
    };
    prop::sample::select(codes).prop_map(ReasonCode).boxed()
}

/// Bytes of a payload; UTF-8 text when a Payload Format Indicator of 1 says
/// so (spec 3.3.2.3.2).
fn payload_for(props: &Properties, bytes: Vec<u8>, text: String) -> Vec<u8> {
    if props.integer(PropertyId::PayloadFormatIndicator) == Some(1) {
        text.into_bytes()
    } else {
        bytes
    }
}

fn will(version: ProtocolVersion) -> impl Strategy<Value = LastWill> {
    let props = if version.is_v5() {
        properties(PropertyContext::Will)
    } else {
        Just(Properties::new()).boxed()
    };
    (
        topic_name(),
        binary(16),
        text(8),
        qos(),
        any::<bool>(),
        props,
    )
        .prop_map(|(topic, bytes, text, qos, retain, properties)| LastWill {
            payload: payload_for(&properties, bytes, text),
            topic,
            qos,
            retain,
            properties,
        })
}

/// User Name and Password. In 3.1.1 a Password needs a User Name
/// (MQTT 3.1.1 3.1.2.9); 5.0 allows either alone.
fn credentials(version: ProtocolVersion) -> BoxedStrategy<(Option<String>, Option<Vec<u8>>)> {
    let both = (prop::option::of(text(10)), prop::option::of(binary(10)));
    if version.is_v5() {
        both.boxed()
    } else {
        both.prop_map(|(user, pass)| match (user, pass) {
            (None, Some(_)) => (None, None),
            other => other,
        })
        .boxed()
    }
}

pub fn connect(version: ProtocolVersion) -> impl Strategy<Value = Packet> {
    (
        any::<bool>(),
        any::<u16>(),
        packet_properties(PacketType::Connect, version),
        text(12),
        prop::option::of(will(version)),
        credentials(version),
    )
        .prop_map(
            move |(clean_start, keep_alive, properties, client_id, will, (username, password))| {
                Packet::Connect(Connect {
                    protocol_version: version,
                    clean_start,
                    keep_alive,
                    properties,
                    client_id,
                    will,
                    username,
                    password,
                })
            },
        )
}

pub fn connack(version: ProtocolVersion) -> impl Strategy<Value = Packet> {
    (
        any::<bool>(),
        reason_code(PacketType::ConnAck, version),
        packet_properties(PacketType::ConnAck, version),
    )
        .prop_map(|(session_present, reason_code, properties)| {
            Packet::ConnAck(ConnAck {
                // A refusal never says Session Present (3.2.2.1.1; 3.1.1: 3.2.2.2).
                session_present: session_present && reason_code == ReasonCode::SUCCESS,
                reason_code,
                properties,
            })
        })
}

pub fn publish(version: ProtocolVersion) -> impl Strategy<Value = Packet> {
    (
        (any::<bool>(), qos(), packet_id(), any::<bool>()),
        (topic_name(), prop::bool::weighted(0.15), 1u32..=0xFFFF),
        packet_properties(PacketType::Publish, version),
        (binary(24), text(12)),
    )
        .prop_map(
            move |(
                (dup, qos, id, retain),
                (topic, empty, alias),
                mut properties,
                (bytes, text),
            )| {
                // An empty Topic Name only with a Topic Alias (5.0 3.3.2.1).
                let topic = if version.is_v5() && empty {
                    if properties.get(PropertyId::TopicAlias).is_none() {
                        properties.set(PropertyId::TopicAlias, PropertyValue::Integer(alias));
                    }
                    String::new()
                } else {
                    topic
                };
                Packet::Publish(Publish {
                    // DUP is 0 at QoS 0 (3.3.1.1).
                    dup: dup && qos != QoS::AtMostOnce,
                    qos_pid: QosPid::new(qos, id),
                    retain,
                    topic,
                    payload: payload_for(&properties, bytes, text),
                    properties,
                })
            },
        )
}

/// PUBACK, PUBREC, PUBREL or PUBCOMP.
pub fn pub_response(t: PacketType, version: ProtocolVersion) -> impl Strategy<Value = Packet> {
    (
        packet_id(),
        reason_code(t, version),
        packet_properties(t, version),
    )
        .prop_map(move |(packet_id, reason_code, properties)| {
            let ack = PubResponse {
                packet_id,
                reason_code,
                properties,
            };
            match t {
                PacketType::PubAck => Packet::PubAck(ack),
                PacketType::PubRec => Packet::PubRec(ack),
                PacketType::PubRel => Packet::PubRel(ack),
                _ => Packet::PubComp(ack),
            }
        })
}

fn subscription_options(version: ProtocolVersion) -> BoxedStrategy<SubscriptionOptions> {
    if !version.is_v5() {
        return qos().prop_map(SubscriptionOptions::qos).boxed();
    }
    let handling = prop_oneof![
        Just(RetainHandling::SendAtSubscribe),
        Just(RetainHandling::SendAtSubscribeIfNew),
        Just(RetainHandling::DoNotSend),
    ];
    (qos(), any::<bool>(), any::<bool>(), handling)
        .prop_map(
            |(qos, no_local, retain_as_published, retain_handling)| SubscriptionOptions {
                qos,
                no_local,
                retain_as_published,
                retain_handling,
            },
        )
        .boxed()
}

pub fn subscribe(version: ProtocolVersion) -> impl Strategy<Value = Packet> {
    let filter =
        (topic_filter(), subscription_options(version)).prop_map(|(filter, mut options)| {
            // No Local on a Shared Subscription is a Protocol Error (3.8.3.1).
            if filter.starts_with("$share/") {
                options.no_local = false;
            }
            SubscribeFilter { filter, options }
        });
    (
        packet_id(),
        packet_properties(PacketType::Subscribe, version),
        prop::collection::vec(filter, 1..=4),
    )
        .prop_map(|(packet_id, properties, filters)| {
            Packet::Subscribe(Subscribe {
                packet_id,
                properties,
                filters,
            })
        })
}

pub fn suback(version: ProtocolVersion) -> impl Strategy<Value = Packet> {
    (
        packet_id(),
        packet_properties(PacketType::SubAck, version),
        prop::collection::vec(reason_code(PacketType::SubAck, version), 1..=5),
    )
        .prop_map(|(packet_id, properties, reason_codes)| {
            Packet::SubAck(SubAck {
                packet_id,
                properties,
                reason_codes,
            })
        })
}

pub fn unsubscribe(version: ProtocolVersion) -> impl Strategy<Value = Packet> {
    (
        packet_id(),
        packet_properties(PacketType::Unsubscribe, version),
        prop::collection::vec(topic_filter(), 1..=4),
    )
        .prop_map(|(packet_id, properties, filters)| {
            Packet::Unsubscribe(Unsubscribe {
                packet_id,
                properties,
                filters,
            })
        })
}

pub fn unsuback(version: ProtocolVersion) -> impl Strategy<Value = Packet> {
    // MQTT 3.1.1 UNSUBACK has no payload (3.11.3); 5.0 has one code per filter.
    let codes = if version.is_v5() {
        prop::collection::vec(reason_code(PacketType::UnsubAck, version), 1..=5).boxed()
    } else {
        Just(Vec::new()).boxed()
    };
    (
        packet_id(),
        packet_properties(PacketType::UnsubAck, version),
        codes,
    )
        .prop_map(|(packet_id, properties, reason_codes)| {
            Packet::UnsubAck(UnsubAck {
                packet_id,
                properties,
                reason_codes,
            })
        })
}

pub fn disconnect(version: ProtocolVersion) -> impl Strategy<Value = Packet> {
    (
        reason_code(PacketType::Disconnect, version),
        packet_properties(PacketType::Disconnect, version),
    )
        .prop_map(|(reason_code, properties)| {
            Packet::Disconnect(Disconnect {
                reason_code,
                properties,
            })
        })
}

/// AUTH (5.0 only). Either the short form (Success, no properties:
/// 3.15.2.1) or one that names its Authentication Method (4.12).
pub fn auth() -> impl Strategy<Value = Packet> {
    let full = (
        reason_code(PacketType::Auth, ProtocolVersion::V5),
        properties(PropertyContext::Packet(PacketType::Auth)),
        text(10),
    )
        .prop_map(|(reason_code, mut properties, method)| {
            if properties.get(PropertyId::AuthenticationMethod).is_none() {
                properties.set(
                    PropertyId::AuthenticationMethod,
                    PropertyValue::String(method),
                );
            }
            Packet::Auth(Auth {
                reason_code,
                properties,
            })
        });
    prop_oneof![1 => Just(Packet::Auth(Auth::default())), 4 => full]
}

/// Any valid packet of `version` (AUTH only in 5.0).
pub fn packet(version: ProtocolVersion) -> BoxedStrategy<Packet> {
    let common = prop_oneof![
        3 => connect(version),
        2 => connack(version),
        4 => publish(version),
        1 => pub_response(PacketType::PubAck, version),
        1 => pub_response(PacketType::PubRec, version),
        1 => pub_response(PacketType::PubRel, version),
        1 => pub_response(PacketType::PubComp, version),
        2 => subscribe(version),
        2 => suback(version),
        2 => unsubscribe(version),
        2 => unsuback(version),
        1 => Just(Packet::PingReq),
        1 => Just(Packet::PingResp),
        2 => disconnect(version),
    ];
    if version.is_v5() {
        prop_oneof![20 => common, 1 => auth()].boxed()
    } else {
        common.boxed()
    }
}

/// A valid packet of either version, with its version.
pub fn versioned_packet() -> impl Strategy<Value = (ProtocolVersion, Packet)> {
    prop_oneof![
        packet(ProtocolVersion::V311).prop_map(|p| (ProtocolVersion::V311, p)),
        packet(ProtocolVersion::V5).prop_map(|p| (ProtocolVersion::V5, p)),
    ]
}
