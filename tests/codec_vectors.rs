//! Annotated byte vectors for every MQTT 3.1.1 and 5.0 control packet.
//!
//! After mqtt-packet's fixtures: each vector is a byte array laid out one
//! field per line with a comment, built by hand from the spec's field layout
//! (MQTT 3.1.1 and 5.0 chapters 2 and 3), next to the `Packet` it stands for.
//! Every valid vector is checked by decode, encode and round trip, for
//! framing (junk after it, every strict prefix) and for the inspector's
//! field spans. Malformed vectors name the exact error: kind, offset, field
//! and the reason code a receiver closes with. Encode errors come last.

use std::collections::BTreeSet;

use mqtt_lab::protocol::codec::*;

use DecodeErrorKind as K;
use PropertyId as P;
use ProtocolVersion::{V311, V5};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// A valid packet: its wire bytes and its decoded value.
struct Vector {
    name: &'static str,
    version: ProtocolVersion,
    bytes: &'static [u8],
    packet: Packet,
}

fn v(name: &'static str, version: ProtocolVersion, bytes: &'static [u8], packet: Packet) -> Vector {
    Vector {
        name,
        version,
        bytes,
        packet,
    }
}

fn id(n: u16) -> PacketId {
    PacketId::new(n).expect("test packet ids are non-zero")
}

fn props(list: Vec<(PropertyId, PropertyValue)>) -> Properties {
    list.into_iter()
        .map(|(id, value)| Property { id, value })
        .collect()
}

fn int(n: u32) -> PropertyValue {
    PropertyValue::Integer(n)
}

fn text(s: &str) -> PropertyValue {
    PropertyValue::String(s.to_string())
}

fn bin(b: &[u8]) -> PropertyValue {
    PropertyValue::Binary(b.to_vec())
}

fn pair(k: &str, v: &str) -> PropertyValue {
    PropertyValue::Pair(k.to_string(), v.to_string())
}

fn none() -> Properties {
    Properties::new()
}

fn opts(version: ProtocolVersion) -> DecodeOptions {
    DecodeOptions::new(version)
}

fn ack(packet_id: u16, code: u8, properties: Properties) -> PubResponse {
    PubResponse {
        packet_id: id(packet_id),
        reason_code: ReasonCode(code),
        properties,
    }
}

fn publish(
    dup: bool,
    qos_pid: QosPid,
    retain: bool,
    topic: &str,
    properties: Properties,
    payload: &[u8],
) -> Packet {
    Packet::Publish(Publish {
        dup,
        qos_pid,
        retain,
        topic: topic.to_string(),
        properties,
        payload: payload.to_vec(),
    })
}

fn filter(name: &str, options: SubscriptionOptions) -> SubscribeFilter {
    SubscribeFilter {
        filter: name.to_string(),
        options,
    }
}

fn codes(list: &[u8]) -> Vec<ReasonCode> {
    list.iter().map(|&c| ReasonCode(c)).collect()
}

/// Bytes appended after a packet to prove the decoder stops at its end: a
/// PINGREQ, then garbage (a reserved type 0 byte).
const JUNK: &[u8] = &[0xC0, 0x00, 0x00, 0xFF, 0x7F];

/// Fields must start at 0, follow each other without gap or overlap, and
/// (for a complete packet) end exactly at `len`.
fn assert_contiguous(name: &str, fields: &[Field], len: Option<usize>) {
    let mut at = 0;
    for f in fields {
        assert!(!f.name.is_empty(), "{name}: unnamed field {f:?}");
        assert_eq!(
            f.range.start, at,
            "{name}: field {:?} starts at {} but the previous one ended at {at}",
            f.name, f.range.start
        );
        assert!(
            f.range.end > f.range.start,
            "{name}: empty field {:?}",
            f.name
        );
        at = f.range.end;
    }
    if let Some(len) = len {
        assert_eq!(at, len, "{name}: fields end at {at}, packet at {len}");
    }
}

fn check_vector(vector: &Vector) {
    let Vector {
        name,
        version,
        bytes,
        packet,
    } = vector;
    let o = opts(*version);
    let len = bytes.len();

    // Decode: the packet, and exactly its length.
    assert_eq!(
        decode(bytes, &o),
        Ok(Some((packet.clone(), len))),
        "{name}: decode"
    );
    // Encode: exactly these bytes.
    let encoded = encode_to_vec(packet, *version);
    assert_eq!(encoded.as_deref(), Ok(*bytes), "{name}: encode");
    // `encode` appends after what is already in the buffer.
    let mut out = vec![0xAA];
    assert_eq!(encode(packet, *version, &mut out), Ok(()), "{name}: encode");
    assert_eq!(&out[1..], *bytes, "{name}: encode appends");
    // Round trip: what we write, we read back.
    let again = encoded.expect("encoded above");
    assert_eq!(
        decode(&again, &o),
        Ok(Some((packet.clone(), len))),
        "{name}: round trip"
    );

    // Framing: junk after the packet changes nothing.
    let mut with_junk = bytes.to_vec();
    with_junk.extend_from_slice(JUNK);
    assert_eq!(
        decode(&with_junk, &o),
        Ok(Some((packet.clone(), len))),
        "{name}: junk after the packet"
    );
    // Framing: every strict prefix needs more bytes.
    for n in 0..len {
        assert_eq!(
            decode(&bytes[..n], &o),
            Ok(None),
            "{name}: prefix of {n} of {len} bytes"
        );
    }

    // The inspector: same answer, fields covering the packet exactly.
    let annotated = decode_annotated(bytes, &o);
    assert_eq!(annotated.result, decode(bytes, &o), "{name}: annotated");
    assert_contiguous(name, &annotated.fields, Some(len));
    let annotated = decode_annotated(&with_junk, &o);
    assert_contiguous(name, &annotated.fields, Some(len));
}

fn check_all(vectors: &[Vector]) {
    assert!(!vectors.is_empty());
    for vector in vectors {
        check_vector(vector);
    }
}

fn field_names_and_ranges(fields: &[Field]) -> Vec<(&str, std::ops::Range<usize>)> {
    fields
        .iter()
        .map(|f| (f.name.as_ref(), f.range.clone()))
        .collect()
}

fn field<'a>(fields: &'a [Field], name: &str) -> &'a Field {
    fields
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no field {name:?} in {fields:#?}"))
}

// ---------------------------------------------------------------------------
// Valid vectors
// ---------------------------------------------------------------------------

#[rustfmt::skip]
fn connect_vectors() -> Vec<Vector> {
    vec![
        v("CONNECT 3.1.1 minimal", V311, &[
            0x10,                               // CONNECT (type 1), flags 0000
            0x0C,                               // Remaining Length 12
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x04,                               // Protocol Level 4 (3.1.1)
            0x02,                               // Connect Flags: Clean Session
            0x00, 0x3C,                         // Keep Alive 60 s
            0x00, 0x00,                         // Client Identifier "" (length 0)
        ], Packet::Connect(Connect {
            protocol_version: V311,
            clean_start: true,
            keep_alive: 60,
            properties: none(),
            client_id: String::new(),
            will: None,
            username: None,
            password: None,
        })),
        v("CONNECT 3.1.1 with will, user name and password", V311, &[
            0x10,                               // CONNECT, flags 0000
            0x1F,                               // Remaining Length 31
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x04,                               // Protocol Level 4
            0xEC,                               // Connect Flags 1110_1100: User Name, Password, Will Retain, Will QoS 1, Will Flag
            0x00, 0x1E,                         // Keep Alive 30 s
            0x00, 0x02, b'c', b'1',             // Client Identifier "c1"
            0x00, 0x03, b'w', b'/', b't',       // Will Topic "w/t"
            0x00, 0x03, b'b', b'y', b'e',       // Will Payload "bye"
            0x00, 0x01, b'u',                   // User Name "u"
            0x00, 0x02, b'p', b'w',             // Password "pw"
        ], Packet::Connect(Connect {
            protocol_version: V311,
            clean_start: false,
            keep_alive: 30,
            properties: none(),
            client_id: "c1".into(),
            will: Some(LastWill {
                topic: "w/t".into(),
                payload: b"bye".to_vec(),
                qos: QoS::AtLeastOnce,
                retain: true,
                properties: none(),
            }),
            username: Some("u".into()),
            password: Some(b"pw".to_vec()),
        })),
        v("CONNECT 5.0 minimal", V5, &[
            0x10,                               // CONNECT, flags 0000
            0x0D,                               // Remaining Length 13
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x05,                               // Protocol Level 5 (5.0)
            0x02,                               // Connect Flags: Clean Start
            0x00, 0x3C,                         // Keep Alive 60 s
            0x00,                               // Properties Length 0
            0x00, 0x00,                         // Client Identifier ""
        ], Packet::Connect(Connect {
            protocol_version: V5,
            clean_start: true,
            keep_alive: 60,
            properties: none(),
            client_id: String::new(),
            will: None,
            username: None,
            password: None,
        })),
        v("CONNECT 5.0 with properties and a will with properties", V5, &[
            0x10,                               // CONNECT, flags 0000
            0x43,                               // Remaining Length 67
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x05,                               // Protocol Level 5
            0xD6,                               // Connect Flags 1101_0110: User Name, Password, Will QoS 2, Will Flag, Clean Start
            0x00, 0x0A,                         // Keep Alive 10 s
            0x17,                               // Properties Length 23
            0x11, 0x00, 0x00, 0x0E, 0x10,       //   Session Expiry Interval 3600 s
            0x21, 0x00, 0x14,                   //   Receive Maximum 20
            0x27, 0x00, 0x00, 0x04, 0x00,       //   Maximum Packet Size 1024
            0x22, 0x00, 0x0A,                   //   Topic Alias Maximum 10
            0x26, 0x00, 0x01, b'k',             //   User Property name "k"
                  0x00, 0x01, b'v',             //                 value "v"
            0x00, 0x03, b'i', b'd', b'5',       // Client Identifier "id5"
            0x0E,                               // Will Properties Length 14
            0x18, 0x00, 0x00, 0x00, 0x05,       //   Will Delay Interval 5 s
            0x01, 0x01,                         //   Payload Format Indicator 1 (UTF-8)
            0x03, 0x00, 0x04, b't', b'e', b'x', b't', // Content Type "text"
            0x00, 0x01, b'w',                   // Will Topic "w"
            0x00, 0x01, b'x',                   // Will Payload "x"
            0x00, 0x01, b'u',                   // User Name "u"
            0x00, 0x02, 0x01, 0x02,             // Password 01 02
        ], Packet::Connect(Connect {
            protocol_version: V5,
            clean_start: true,
            keep_alive: 10,
            properties: props(vec![
                (P::SessionExpiryInterval, int(3600)),
                (P::ReceiveMaximum, int(20)),
                (P::MaximumPacketSize, int(1024)),
                (P::TopicAliasMaximum, int(10)),
                (P::UserProperty, pair("k", "v")),
            ]),
            client_id: "id5".into(),
            will: Some(LastWill {
                topic: "w".into(),
                payload: b"x".to_vec(),
                qos: QoS::ExactlyOnce,
                retain: false,
                properties: props(vec![
                    (P::WillDelayInterval, int(5)),
                    (P::PayloadFormatIndicator, int(1)),
                    (P::ContentType, text("text")),
                ]),
            }),
            username: Some("u".into()),
            password: Some(vec![0x01, 0x02]),
        })),
        v("CONNECT 5.0 password without user name (allowed in 5.0)", V5, &[
            0x10,                               // CONNECT, flags 0000
            0x11,                               // Remaining Length 17
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x05,                               // Protocol Level 5
            0x42,                               // Connect Flags 0100_0010: Password, Clean Start
            0x00, 0x00,                         // Keep Alive 0 (off)
            0x00,                               // Properties Length 0
            0x00, 0x00,                         // Client Identifier ""
            0x00, 0x02, b'p', b'w',             // Password "pw"
        ], Packet::Connect(Connect {
            protocol_version: V5,
            clean_start: true,
            keep_alive: 0,
            properties: none(),
            client_id: String::new(),
            will: None,
            username: None,
            password: Some(b"pw".to_vec()),
        })),
    ]
}

#[rustfmt::skip]
fn connack_vectors() -> Vec<Vector> {
    vec![
        v("CONNACK 3.1.1 accepted, session present", V311, &[
            0x20,       // CONNACK (type 2), flags 0000
            0x02,       // Remaining Length 2
            0x01,       // Connect Acknowledge Flags: Session Present
            0x00,       // Connect Return Code 0: Connection Accepted
        ], Packet::ConnAck(ConnAck {
            session_present: true,
            reason_code: ReasonCode::SUCCESS,
            properties: none(),
        })),
        v("CONNACK 3.1.1 refused, not authorized", V311, &[
            0x20,       // CONNACK, flags 0000
            0x02,       // Remaining Length 2
            0x00,       // Connect Acknowledge Flags: none
            0x05,       // Connect Return Code 5: Connection Refused, not authorized
        ], Packet::ConnAck(ConnAck {
            session_present: false,
            reason_code: ReasonCode(5),
            properties: none(),
        })),
        v("CONNACK 5.0 accepted, no properties", V5, &[
            0x20,       // CONNACK, flags 0000
            0x03,       // Remaining Length 3
            0x00,       // Connect Acknowledge Flags: none
            0x00,       // Connect Reason Code 0x00 Success
            0x00,       // Properties Length 0
        ], Packet::ConnAck(ConnAck::default())),
        v("CONNACK 5.0 refused, Not authorized", V5, &[
            0x20,       // CONNACK, flags 0000
            0x03,       // Remaining Length 3
            0x00,       // Connect Acknowledge Flags: none
            0x87,       // Connect Reason Code 0x87 Not authorized
            0x00,       // Properties Length 0
        ], Packet::ConnAck(ConnAck {
            session_present: false,
            reason_code: ReasonCode::NOT_AUTHORIZED,
            properties: none(),
        })),
        v("CONNACK 5.0 refused, Bad User Name or Password, with Reason String", V5, &[
            0x20,                         // CONNACK, flags 0000
            0x09,                         // Remaining Length 9
            0x00,                         // Connect Acknowledge Flags: none
            0x86,                         // Connect Reason Code 0x86 Bad User Name or Password
            0x06,                         // Properties Length 6
            0x1F, 0x00, 0x03, b'b', b'a', b'd', // Reason String "bad"
        ], Packet::ConnAck(ConnAck {
            session_present: false,
            reason_code: ReasonCode::BAD_USER_NAME_OR_PASSWORD,
            properties: props(vec![(P::ReasonString, text("bad"))]),
        })),
        v("CONNACK 5.0 accepted, with what the server allows and assigned", V5, &[
            0x20,                         // CONNACK, flags 0000
            0x29,                         // Remaining Length 41
            0x00,                         // Connect Acknowledge Flags: none
            0x00,                         // Connect Reason Code 0x00 Success
            0x26,                         // Properties Length 38
            0x12, 0x00, 0x06, b'a', b'u', b't', b'o', b'-', b'1', // Assigned Client Identifier "auto-1"
            0x13, 0x00, 0x78,             //   Server Keep Alive 120 s
            0x21, 0x00, 0x64,             //   Receive Maximum 100
            0x22, 0x00, 0x05,             //   Topic Alias Maximum 5
            0x24, 0x01,                   //   Maximum QoS 1
            0x25, 0x00,                   //   Retain Available 0
            0x27, 0x00, 0x01, 0x00, 0x00, //   Maximum Packet Size 65536
            0x28, 0x01,                   //   Wildcard Subscription Available 1
            0x29, 0x00,                   //   Subscription Identifier Available 0
            0x2A, 0x01,                   //   Shared Subscription Available 1
            0x11, 0xFF, 0xFF, 0xFF, 0xFF, //   Session Expiry Interval 0xFFFFFFFF (never)
        ], Packet::ConnAck(ConnAck {
            session_present: false,
            reason_code: ReasonCode::SUCCESS,
            properties: props(vec![
                (P::AssignedClientIdentifier, text("auto-1")),
                (P::ServerKeepAlive, int(120)),
                (P::ReceiveMaximum, int(100)),
                (P::TopicAliasMaximum, int(5)),
                (P::MaximumQoS, int(1)),
                (P::RetainAvailable, int(0)),
                (P::MaximumPacketSize, int(65536)),
                (P::WildcardSubscriptionAvailable, int(1)),
                (P::SubscriptionIdentifierAvailable, int(0)),
                (P::SharedSubscriptionAvailable, int(1)),
                (P::SessionExpiryInterval, int(u32::MAX)),
            ]),
        })),
    ]
}

#[rustfmt::skip]
fn publish_vectors() -> Vec<Vector> {
    vec![
        v("PUBLISH 3.1.1 QoS 0", V311, &[
            0x30,                                // PUBLISH (type 3), flags 0000: DUP 0, QoS 0, RETAIN 0
            0x0A,                                // Remaining Length 10
            0x00, 0x03, b'a', b'/', b'b',        // Topic Name "a/b"
            b'h', b'e', b'l', b'l', b'o',        // Payload "hello"
        ], publish(false, QosPid::AtMostOnce, false, "a/b", none(), b"hello")),
        v("PUBLISH 3.1.1 QoS 0, empty payload", V311, &[
            0x30,                                // PUBLISH, flags 0000
            0x03,                                // Remaining Length 3
            0x00, 0x01, b't',                    // Topic Name "t"
                                                 // Payload: none
        ], publish(false, QosPid::AtMostOnce, false, "t", none(), b"")),
        v("PUBLISH 3.1.1 QoS 1, retain", V311, &[
            0x33,                                // PUBLISH, flags 0011: QoS 1, RETAIN
            0x06,                                // Remaining Length 6
            0x00, 0x01, b't',                    // Topic Name "t"
            0x00, 0x01,                          // Packet Identifier 1
            b'x',                                // Payload "x"
        ], publish(false, QosPid::AtLeastOnce(id(1)), true, "t", none(), b"x")),
        v("PUBLISH 3.1.1 QoS 2, dup", V311, &[
            0x3C,                                // PUBLISH, flags 1100: DUP, QoS 2
            0x05,                                // Remaining Length 5
            0x00, 0x01, b't',                    // Topic Name "t"
            0x12, 0x34,                          // Packet Identifier 0x1234
        ], publish(true, QosPid::ExactlyOnce(id(0x1234)), false, "t", none(), b"")),
        v("PUBLISH 5.0 QoS 0, no properties", V5, &[
            0x30,                                // PUBLISH, flags 0000
            0x05,                                // Remaining Length 5
            0x00, 0x01, b't',                    // Topic Name "t"
            0x00,                                // Properties Length 0
            b'x',                                // Payload "x"
        ], publish(false, QosPid::AtMostOnce, false, "t", none(), b"x")),
        v("PUBLISH 5.0 QoS 2, dup, retain, empty payload", V5, &[
            0x3D,                                // PUBLISH, flags 1101: DUP, QoS 2, RETAIN
            0x06,                                // Remaining Length 6
            0x00, 0x01, b't',                    // Topic Name "t"
            0x00, 0x07,                          // Packet Identifier 7
            0x00,                                // Properties Length 0
        ], publish(true, QosPid::ExactlyOnce(id(7)), true, "t", none(), b"")),
        v("PUBLISH 5.0 QoS 1 with every message property", V5, &[
            0x32,                                // PUBLISH, flags 0010: QoS 1
            0x32,                                // Remaining Length 50
            0x00, 0x03, b'a', b'/', b'b',        // Topic Name "a/b"
            0x00, 0x0A,                          // Packet Identifier 10
            0x28,                                // Properties Length 40
            0x01, 0x01,                          //   Payload Format Indicator 1 (UTF-8)
            0x02, 0x00, 0x00, 0x00, 0x3C,        //   Message Expiry Interval 60 s
            0x03, 0x00, 0x04, b'j', b's', b'o', b'n', // Content Type "json"
            0x08, 0x00, 0x03, b'r', b'/', b'1',  //   Response Topic "r/1"
            0x09, 0x00, 0x02, 0xCA, 0xFE,        //   Correlation Data CA FE
            0x0B, 0xC8, 0x01,                    //   Subscription Identifier 200 (VBI C8 01)
            0x0B, 0x01,                          //   Subscription Identifier 1 (repeatable in PUBLISH)
            0x26, 0x00, 0x01, b'a',              //   User Property name "a"
                  0x00, 0x01, b'b',              //                 value "b"
            0x23, 0x00, 0x03,                    //   Topic Alias 3
            b'{', b'}',                          // Payload "{}"
        ], publish(false, QosPid::AtLeastOnce(id(10)), false, "a/b", props(vec![
            (P::PayloadFormatIndicator, int(1)),
            (P::MessageExpiryInterval, int(60)),
            (P::ContentType, text("json")),
            (P::ResponseTopic, text("r/1")),
            (P::CorrelationData, bin(&[0xCA, 0xFE])),
            (P::SubscriptionIdentifier, int(200)),
            (P::SubscriptionIdentifier, int(1)),
            (P::UserProperty, pair("a", "b")),
            (P::TopicAlias, int(3)),
        ]), b"{}")),
        v("PUBLISH 5.0 Topic Alias with an empty Topic Name", V5, &[
            0x30,                                // PUBLISH, flags 0000
            0x08,                                // Remaining Length 8
            0x00, 0x00,                          // Topic Name "" (the alias stands in)
            0x03,                                // Properties Length 3
            0x23, 0x00, 0x03,                    //   Topic Alias 3
            b'h', b'i',                          // Payload "hi"
        ], publish(false, QosPid::AtMostOnce, false, "", props(vec![(P::TopicAlias, int(3))]), b"hi")),
    ]
}

#[rustfmt::skip]
fn pub_response_vectors() -> Vec<Vector> {
    vec![
        // MQTT 3.1.1: packet identifier only.
        v("PUBACK 3.1.1", V311, &[
            0x40,       // PUBACK (type 4), flags 0000
            0x02,       // Remaining Length 2
            0x00, 0x01, // Packet Identifier 1
        ], Packet::PubAck(ack(1, 0, none()))),
        v("PUBREC 3.1.1", V311, &[
            0x50,       // PUBREC (type 5), flags 0000
            0x02,       // Remaining Length 2
            0x00, 0x02, // Packet Identifier 2
        ], Packet::PubRec(ack(2, 0, none()))),
        v("PUBREL 3.1.1", V311, &[
            0x62,       // PUBREL (type 6), flags 0010 (required)
            0x02,       // Remaining Length 2
            0x00, 0x03, // Packet Identifier 3
        ], Packet::PubRel(ack(3, 0, none()))),
        v("PUBCOMP 3.1.1", V311, &[
            0x70,       // PUBCOMP (type 7), flags 0000
            0x02,       // Remaining Length 2
            0x00, 0x04, // Packet Identifier 4
        ], Packet::PubComp(ack(4, 0, none()))),
        // MQTT 5.0, shortest form: Success and no properties leave both out.
        v("PUBACK 5.0 short form", V5, &[
            0x40,       // PUBACK, flags 0000
            0x02,       // Remaining Length 2 (Reason Code 0x00, no properties)
            0xFF, 0xFF, // Packet Identifier 65535
        ], Packet::PubAck(ack(0xFFFF, 0, none()))),
        v("PUBREC 5.0 short form", V5, &[
            0x50,       // PUBREC, flags 0000
            0x02,       // Remaining Length 2
            0x00, 0x02, // Packet Identifier 2
        ], Packet::PubRec(ack(2, 0, none()))),
        v("PUBREL 5.0 short form", V5, &[
            0x62,       // PUBREL, flags 0010
            0x02,       // Remaining Length 2
            0x00, 0x03, // Packet Identifier 3
        ], Packet::PubRel(ack(3, 0, none()))),
        v("PUBCOMP 5.0 short form", V5, &[
            0x70,       // PUBCOMP, flags 0000
            0x02,       // Remaining Length 2
            0x00, 0x04, // Packet Identifier 4
        ], Packet::PubComp(ack(4, 0, none()))),
        // MQTT 5.0, Reason Code only: Remaining Length 3, no Properties Length.
        v("PUBACK 5.0 reason code only", V5, &[
            0x40,       // PUBACK, flags 0000
            0x03,       // Remaining Length 3
            0x00, 0x05, // Packet Identifier 5
            0x10,       // Reason Code 0x10 No matching subscribers
        ], Packet::PubAck(ack(5, 0x10, none()))),
        v("PUBREC 5.0 reason code only", V5, &[
            0x50,       // PUBREC, flags 0000
            0x03,       // Remaining Length 3
            0x00, 0x06, // Packet Identifier 6
            0x80,       // Reason Code 0x80 Unspecified error
        ], Packet::PubRec(ack(6, 0x80, none()))),
        v("PUBREL 5.0 reason code only", V5, &[
            0x62,       // PUBREL, flags 0010
            0x03,       // Remaining Length 3
            0x00, 0x07, // Packet Identifier 7
            0x92,       // Reason Code 0x92 Packet Identifier not found
        ], Packet::PubRel(ack(7, 0x92, none()))),
        v("PUBCOMP 5.0 reason code only", V5, &[
            0x70,       // PUBCOMP, flags 0000
            0x03,       // Remaining Length 3
            0x00, 0x08, // Packet Identifier 8
            0x92,       // Reason Code 0x92 Packet Identifier not found
        ], Packet::PubComp(ack(8, 0x92, none()))),
        // MQTT 5.0, Reason Code and properties.
        v("PUBACK 5.0 with reason and Reason String", V5, &[
            0x40,                               // PUBACK, flags 0000
            0x0B,                               // Remaining Length 11
            0x00, 0x09,                         // Packet Identifier 9
            0x87,                               // Reason Code 0x87 Not authorized
            0x07,                               // Properties Length 7
            0x1F, 0x00, 0x04, b'n', b'o', b'p', b'e', // Reason String "nope"
        ], Packet::PubAck(ack(9, 0x87, props(vec![(P::ReasonString, text("nope"))])))),
        v("PUBREC 5.0 Success with a User Property", V5, &[
            0x50,                               // PUBREC, flags 0000
            0x0B,                               // Remaining Length 11
            0x00, 0x0A,                         // Packet Identifier 10
            0x00,                               // Reason Code 0x00 Success (kept: properties follow)
            0x07,                               // Properties Length 7
            0x26, 0x00, 0x01, b'k',             //   User Property name "k"
                  0x00, 0x01, b'v',             //                 value "v"
        ], Packet::PubRec(ack(10, 0, props(vec![(P::UserProperty, pair("k", "v"))])))),
        v("PUBREL 5.0 with reason and Reason String", V5, &[
            0x62,                               // PUBREL, flags 0010
            0x0B,                               // Remaining Length 11
            0x00, 0x0B,                         // Packet Identifier 11
            0x92,                               // Reason Code 0x92 Packet Identifier not found
            0x07,                               // Properties Length 7
            0x1F, 0x00, 0x04, b'g', b'o', b'n', b'e', // Reason String "gone"
        ], Packet::PubRel(ack(11, 0x92, props(vec![(P::ReasonString, text("gone"))])))),
        v("PUBCOMP 5.0 with reason and a User Property", V5, &[
            0x70,                               // PUBCOMP, flags 0000
            0x0B,                               // Remaining Length 11
            0x00, 0x0C,                         // Packet Identifier 12
            0x92,                               // Reason Code 0x92 Packet Identifier not found
            0x07,                               // Properties Length 7
            0x26, 0x00, 0x01, b'a',             //   User Property name "a"
                  0x00, 0x01, b'b',             //                 value "b"
        ], Packet::PubComp(ack(12, 0x92, props(vec![(P::UserProperty, pair("a", "b"))])))),
    ]
}

#[rustfmt::skip]
fn subscribe_vectors() -> Vec<Vector> {
    vec![
        v("SUBSCRIBE 3.1.1 three filters", V311, &[
            0x82,                               // SUBSCRIBE (type 8), flags 0010 (required)
            0x12,                               // Remaining Length 18
            0x00, 0x01,                         // Packet Identifier 1
            0x00, 0x03, b'a', b'/', b'+',       // Topic Filter "a/+"
            0x00,                               // Requested QoS 0
            0x00, 0x03, b'b', b'/', b'#',       // Topic Filter "b/#"
            0x01,                               // Requested QoS 1
            0x00, 0x01, b'c',                   // Topic Filter "c"
            0x02,                               // Requested QoS 2
        ], Packet::Subscribe(Subscribe {
            packet_id: id(1),
            properties: none(),
            filters: vec![
                filter("a/+", SubscriptionOptions::qos(QoS::AtMostOnce)),
                filter("b/#", SubscriptionOptions::qos(QoS::AtLeastOnce)),
                filter("c", SubscriptionOptions::qos(QoS::ExactlyOnce)),
            ],
        })),
        v("SUBSCRIBE 5.0 with options and Subscription Identifier", V5, &[
            0x82,                               // SUBSCRIBE, flags 0010
            0x24,                               // Remaining Length 36
            0x00, 0x02,                         // Packet Identifier 2
            0x0A,                               // Properties Length 10
            0x0B, 0xAC, 0x02,                   //   Subscription Identifier 300 (VBI AC 02)
            0x26, 0x00, 0x01, b'k',             //   User Property name "k"
                  0x00, 0x01, b'v',             //                 value "v"
            0x00, 0x03, b'x', b'/', b'y',       // Topic Filter "x/y"
            0x05,                               // Options 00_00_0_1_01: No Local, QoS 1
            0x00, 0x01, b'z',                   // Topic Filter "z"
            0x2A,                               // Options 00_10_1_0_10: Retain Handling 2, Retain As Published, QoS 2
            0x00, 0x0A, b'$', b's', b'h', b'a', b'r', b'e', b'/', b'g', b'/', b't', // Topic Filter "$share/g/t"
            0x10,                               // Options 00_01_0_0_00: Retain Handling 1, QoS 0
        ], Packet::Subscribe(Subscribe {
            packet_id: id(2),
            properties: props(vec![
                (P::SubscriptionIdentifier, int(300)),
                (P::UserProperty, pair("k", "v")),
            ]),
            filters: vec![
                filter("x/y", SubscriptionOptions {
                    qos: QoS::AtLeastOnce,
                    no_local: true,
                    retain_as_published: false,
                    retain_handling: RetainHandling::SendAtSubscribe,
                }),
                filter("z", SubscriptionOptions {
                    qos: QoS::ExactlyOnce,
                    no_local: false,
                    retain_as_published: true,
                    retain_handling: RetainHandling::DoNotSend,
                }),
                filter("$share/g/t", SubscriptionOptions {
                    qos: QoS::AtMostOnce,
                    no_local: false,
                    retain_as_published: false,
                    retain_handling: RetainHandling::SendAtSubscribeIfNew,
                }),
            ],
        })),
    ]
}

#[rustfmt::skip]
fn suback_vectors() -> Vec<Vector> {
    vec![
        v("SUBACK 3.1.1 granted and failure", V311, &[
            0x90,       // SUBACK (type 9), flags 0000
            0x06,       // Remaining Length 6
            0x00, 0x01, // Packet Identifier 1
            0x00,       // Return Code 0x00 Success - Maximum QoS 0
            0x01,       // Return Code 0x01 Success - Maximum QoS 1
            0x02,       // Return Code 0x02 Success - Maximum QoS 2
            0x80,       // Return Code 0x80 Failure
        ], Packet::SubAck(SubAck {
            packet_id: id(1),
            properties: none(),
            reason_codes: codes(&[0x00, 0x01, 0x02, 0x80]),
        })),
        v("SUBACK 5.0 minimal", V5, &[
            0x90,       // SUBACK, flags 0000
            0x04,       // Remaining Length 4
            0x00, 0x03, // Packet Identifier 3
            0x00,       // Properties Length 0
            0x00,       // Reason Code 0x00 Granted QoS 0
        ], Packet::SubAck(SubAck {
            packet_id: id(3),
            properties: none(),
            reason_codes: codes(&[0x00]),
        })),
        v("SUBACK 5.0 granted and failure codes with Reason String", V5, &[
            0x90,                         // SUBACK, flags 0000
            0x0D,                         // Remaining Length 13
            0x00, 0x02,                   // Packet Identifier 2
            0x05,                         // Properties Length 5
            0x1F, 0x00, 0x02, b'o', b'k', //   Reason String "ok"
            0x01,                         // Reason Code 0x01 Granted QoS 1
            0x02,                         // Reason Code 0x02 Granted QoS 2
            0x87,                         // Reason Code 0x87 Not authorized
            0xA2,                         // Reason Code 0xA2 Wildcard Subscriptions not supported
            0x8F,                         // Reason Code 0x8F Topic Filter invalid
        ], Packet::SubAck(SubAck {
            packet_id: id(2),
            properties: props(vec![(P::ReasonString, text("ok"))]),
            reason_codes: codes(&[0x01, 0x02, 0x87, 0xA2, 0x8F]),
        })),
    ]
}

#[rustfmt::skip]
fn unsubscribe_vectors() -> Vec<Vector> {
    vec![
        v("UNSUBSCRIBE 3.1.1 two filters", V311, &[
            0xA2,                         // UNSUBSCRIBE (type 10), flags 0010 (required)
            0x0C,                         // Remaining Length 12
            0x00, 0x01,                   // Packet Identifier 1
            0x00, 0x03, b'a', b'/', b'b', // Topic Filter "a/b"
            0x00, 0x03, b'c', b'/', b'#', // Topic Filter "c/#"
        ], Packet::Unsubscribe(Unsubscribe {
            packet_id: id(1),
            properties: none(),
            filters: vec!["a/b".into(), "c/#".into()],
        })),
        v("UNSUBSCRIBE 5.0 with a User Property", V5, &[
            0xA2,                         // UNSUBSCRIBE, flags 0010
            0x0F,                         // Remaining Length 15
            0x00, 0x02,                   // Packet Identifier 2
            0x07,                         // Properties Length 7
            0x26, 0x00, 0x01, b'k',       //   User Property name "k"
                  0x00, 0x01, b'v',       //                 value "v"
            0x00, 0x03, b'a', b'/', b'b', // Topic Filter "a/b"
        ], Packet::Unsubscribe(Unsubscribe {
            packet_id: id(2),
            properties: props(vec![(P::UserProperty, pair("k", "v"))]),
            filters: vec!["a/b".into()],
        })),
    ]
}

#[rustfmt::skip]
fn unsuback_vectors() -> Vec<Vector> {
    vec![
        v("UNSUBACK 3.1.1 (2-byte body)", V311, &[
            0xB0,       // UNSUBACK (type 11), flags 0000
            0x02,       // Remaining Length 2
            0x00, 0x01, // Packet Identifier 1
        ], Packet::UnsubAck(UnsubAck {
            packet_id: id(1),
            properties: none(),
            reason_codes: vec![],
        })),
        v("UNSUBACK 5.0 with reason codes", V5, &[
            0xB0,       // UNSUBACK, flags 0000
            0x06,       // Remaining Length 6
            0x00, 0x02, // Packet Identifier 2
            0x00,       // Properties Length 0
            0x00,       // Reason Code 0x00 Success
            0x11,       // Reason Code 0x11 No subscription existed
            0x87,       // Reason Code 0x87 Not authorized
        ], Packet::UnsubAck(UnsubAck {
            packet_id: id(2),
            properties: none(),
            reason_codes: codes(&[0x00, 0x11, 0x87]),
        })),
        v("UNSUBACK 5.0 with Reason String", V5, &[
            0xB0,                               // UNSUBACK, flags 0000
            0x0B,                               // Remaining Length 11
            0x00, 0x03,                         // Packet Identifier 3
            0x07,                               // Properties Length 7
            0x1F, 0x00, 0x04, b'n', b'o', b'p', b'e', // Reason String "nope"
            0x80,                               // Reason Code 0x80 Unspecified error
        ], Packet::UnsubAck(UnsubAck {
            packet_id: id(3),
            properties: props(vec![(P::ReasonString, text("nope"))]),
            reason_codes: codes(&[0x80]),
        })),
    ]
}

#[rustfmt::skip]
fn ping_vectors() -> Vec<Vector> {
    vec![
        v("PINGREQ 3.1.1", V311, &[
            0xC0, // PINGREQ (type 12), flags 0000
            0x00, // Remaining Length 0
        ], Packet::PingReq),
        v("PINGRESP 3.1.1", V311, &[
            0xD0, // PINGRESP (type 13), flags 0000
            0x00, // Remaining Length 0
        ], Packet::PingResp),
        v("PINGREQ 5.0", V5, &[
            0xC0, // PINGREQ, flags 0000
            0x00, // Remaining Length 0
        ], Packet::PingReq),
        v("PINGRESP 5.0", V5, &[
            0xD0, // PINGRESP, flags 0000
            0x00, // Remaining Length 0
        ], Packet::PingResp),
    ]
}

#[rustfmt::skip]
fn disconnect_vectors() -> Vec<Vector> {
    vec![
        v("DISCONNECT 3.1.1", V311, &[
            0xE0, // DISCONNECT (type 14), flags 0000
            0x00, // Remaining Length 0
        ], Packet::Disconnect(Disconnect::default())),
        v("DISCONNECT 5.0 normal, shortest form", V5, &[
            0xE0, // DISCONNECT, flags 0000
            0x00, // Remaining Length 0 (Normal disconnection, no properties)
        ], Packet::Disconnect(Disconnect::default())),
        v("DISCONNECT 5.0 reason code only", V5, &[
            0xE0, // DISCONNECT, flags 0000
            0x01, // Remaining Length 1
            0x8E, // Disconnect Reason Code 0x8E Session taken over
        ], Packet::Disconnect(Disconnect {
            reason_code: ReasonCode::SESSION_TAKEN_OVER,
            properties: none(),
        })),
        v("DISCONNECT 5.0 with Session Expiry Interval and Reason String", V5, &[
            0xE0,                         // DISCONNECT, flags 0000
            0x0D,                         // Remaining Length 13
            0x04,                         // Disconnect Reason Code 0x04 Disconnect with Will Message
            0x0B,                         // Properties Length 11
            0x11, 0x00, 0x00, 0x00, 0x78, //   Session Expiry Interval 120 s
            0x1F, 0x00, 0x03, b'b', b'y', b'e', // Reason String "bye"
        ], Packet::Disconnect(Disconnect {
            reason_code: ReasonCode::DISCONNECT_WITH_WILL_MESSAGE,
            properties: props(vec![
                (P::SessionExpiryInterval, int(120)),
                (P::ReasonString, text("bye")),
            ]),
        })),
    ]
}

#[rustfmt::skip]
fn auth_vectors() -> Vec<Vector> {
    vec![
        v("AUTH 5.0 Success, shortest form", V5, &[
            0xF0, // AUTH (type 15), flags 0000
            0x00, // Remaining Length 0 (Success, no properties)
        ], Packet::Auth(Auth::default())),
        v("AUTH 5.0 Re-authenticate, reason code only", V5, &[
            0xF0, // AUTH, flags 0000
            0x01, // Remaining Length 1
            0x19, // Authenticate Reason Code 0x19 Re-authenticate
        ], Packet::Auth(Auth {
            reason_code: ReasonCode::RE_AUTHENTICATE,
            properties: none(),
        })),
        v("AUTH 5.0 Continue authentication with method and data", V5, &[
            0xF0,                               // AUTH, flags 0000
            0x10,                               // Remaining Length 16
            0x18,                               // Authenticate Reason Code 0x18 Continue authentication
            0x0E,                               // Properties Length 14
            0x15, 0x00, 0x05, b'S', b'C', b'R', b'A', b'M', // Authentication Method "SCRAM"
            0x16, 0x00, 0x03, 0x01, 0x02, 0x03, //   Authentication Data 01 02 03
        ], Packet::Auth(Auth {
            reason_code: ReasonCode::CONTINUE_AUTHENTICATION,
            properties: props(vec![
                (P::AuthenticationMethod, text("SCRAM")),
                (P::AuthenticationData, bin(&[1, 2, 3])),
            ]),
        })),
    ]
}

fn all_vectors() -> Vec<Vector> {
    [
        connect_vectors(),
        connack_vectors(),
        publish_vectors(),
        pub_response_vectors(),
        subscribe_vectors(),
        suback_vectors(),
        unsubscribe_vectors(),
        unsuback_vectors(),
        ping_vectors(),
        disconnect_vectors(),
        auth_vectors(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[test]
fn connect_vectors_decode_encode_and_frame() {
    check_all(&connect_vectors());
}

#[test]
fn connack_vectors_decode_encode_and_frame() {
    check_all(&connack_vectors());
}

#[test]
fn publish_vectors_decode_encode_and_frame() {
    check_all(&publish_vectors());
}

#[test]
fn puback_pubrec_pubrel_pubcomp_vectors_decode_encode_and_frame() {
    check_all(&pub_response_vectors());
}

#[test]
fn subscribe_vectors_decode_encode_and_frame() {
    check_all(&subscribe_vectors());
}

#[test]
fn suback_vectors_decode_encode_and_frame() {
    check_all(&suback_vectors());
}

#[test]
fn unsubscribe_vectors_decode_encode_and_frame() {
    check_all(&unsubscribe_vectors());
}

#[test]
fn unsuback_vectors_decode_encode_and_frame() {
    check_all(&unsuback_vectors());
}

#[test]
fn pingreq_pingresp_vectors_decode_encode_and_frame() {
    check_all(&ping_vectors());
}

#[test]
fn disconnect_vectors_decode_encode_and_frame() {
    check_all(&disconnect_vectors());
}

#[test]
fn auth_vectors_decode_encode_and_frame() {
    check_all(&auth_vectors());
}

#[test]
fn every_packet_type_has_vectors_in_both_versions() {
    let have: BTreeSet<(ProtocolVersion, PacketType)> = all_vectors()
        .iter()
        .map(|v| (v.version, v.packet.packet_type()))
        .collect();
    for t in (1..=15).filter_map(PacketType::from_u8) {
        assert!(have.contains(&(V5, t)), "no MQTT 5.0 vector for {t}");
        if t != PacketType::Auth {
            assert!(have.contains(&(V311, t)), "no MQTT 3.1.1 vector for {t}");
        }
    }
    assert!(
        !have.contains(&(V311, PacketType::Auth)),
        "AUTH does not exist in 3.1.1"
    );
}

#[test]
fn back_to_back_packets_decode_one_at_a_time() {
    for version in [V311, V5] {
        let vectors: Vec<Vector> = all_vectors()
            .into_iter()
            .filter(|v| v.version == version)
            .collect();
        let stream: Vec<u8> = vectors.iter().flat_map(|v| v.bytes.to_vec()).collect();
        let mut at = 0;
        for vector in &vectors {
            let (packet, used) = decode(&stream[at..], &opts(version))
                .expect("valid stream")
                .expect("complete packet");
            assert_eq!(packet, vector.packet, "{}", vector.name);
            assert_eq!(used, vector.bytes.len(), "{}", vector.name);
            at += used;
        }
        assert_eq!(at, stream.len());
        assert_eq!(decode(&stream[at..], &opts(version)), Ok(None));
    }
}

#[test]
fn connect_is_decoded_in_its_own_protocol_level() {
    // Before CONNECT nothing is negotiated: its Protocol Level decides.
    for vector in connect_vectors() {
        for assumed in [V311, V5] {
            assert_eq!(
                decode(vector.bytes, &opts(assumed)),
                Ok(Some((vector.packet.clone(), vector.bytes.len()))),
                "{} read with {assumed} options",
                vector.name
            );
        }
    }
}

/// Longer-than-needed forms the spec allows a sender to use decode to the
/// same packet; we always write the shortest.
#[test]
#[rustfmt::skip]
fn non_shortest_forms_decode_to_the_same_packet() {
    let cases: Vec<(&str, &[u8], &[u8], Packet)> = vec![
        ("PUBACK Success with Properties Length 0", &[
            0x40,       // PUBACK, flags 0000
            0x04,       // Remaining Length 4
            0x00, 0x01, // Packet Identifier 1
            0x00,       // Reason Code 0x00 Success
            0x00,       // Properties Length 0
        ], &[0x40, 0x02, 0x00, 0x01], Packet::PubAck(ack(1, 0, none()))),
        ("PUBREC Success, no Properties Length", &[
            0x50,       // PUBREC, flags 0000
            0x03,       // Remaining Length 3
            0x00, 0x01, // Packet Identifier 1
            0x00,       // Reason Code 0x00 Success
        ], &[0x50, 0x02, 0x00, 0x01], Packet::PubRec(ack(1, 0, none()))),
        ("DISCONNECT Normal disconnection spelled out", &[
            0xE0,       // DISCONNECT, flags 0000
            0x02,       // Remaining Length 2
            0x00,       // Disconnect Reason Code 0x00 Normal disconnection
            0x00,       // Properties Length 0
        ], &[0xE0, 0x00], Packet::Disconnect(Disconnect::default())),
        ("AUTH Re-authenticate with Properties Length 0", &[
            0xF0,       // AUTH, flags 0000
            0x02,       // Remaining Length 2
            0x19,       // Authenticate Reason Code 0x19 Re-authenticate
            0x00,       // Properties Length 0
        ], &[0xF0, 0x01, 0x19], Packet::Auth(Auth {
            reason_code: ReasonCode::RE_AUTHENTICATE,
            properties: none(),
        })),
    ];
    for (name, long, short, packet) in cases {
        assert_eq!(decode(long, &opts(V5)), Ok(Some((packet.clone(), long.len()))), "{name}");
        assert_eq!(encode_to_vec(&packet, V5).as_deref(), Ok(short), "{name}");
    }
}

// ---------------------------------------------------------------------------
// Field spans for the packet inspector
// ---------------------------------------------------------------------------

#[test]
fn pingreq_fields() {
    let a = decode_annotated(&[0xC0, 0x00], &opts(V311));
    assert_eq!(a.result, Ok(Some((Packet::PingReq, 2))));
    assert_eq!(
        field_names_and_ranges(&a.fields),
        [("Packet type and flags", 0..1), ("Remaining Length", 1..2)]
    );
}

#[test]
fn connect_311_fields() {
    let vectors = connect_vectors();
    let vector = &vectors[1];
    assert_eq!(
        vector.name,
        "CONNECT 3.1.1 with will, user name and password"
    );
    let a = decode_annotated(vector.bytes, &opts(V311));
    assert_eq!(
        field_names_and_ranges(&a.fields),
        [
            ("Packet type and flags", 0..1),
            ("Remaining Length", 1..2),
            ("Protocol Name", 2..8),
            ("Protocol Level", 8..9),
            ("Connect Flags", 9..10),
            ("Keep Alive", 10..12),
            ("Client Identifier", 12..16),
            ("Will Topic", 16..21),
            ("Will Payload", 21..26),
            ("User Name", 26..29),
            ("Password", 29..33),
        ]
    );
    assert_eq!(field(&a.fields, "Protocol Name").value, "\"MQTT\"");
    assert_eq!(field(&a.fields, "Keep Alive").value, "30");
    assert_eq!(field(&a.fields, "Client Identifier").value, "\"c1\"");
    let flags = &field(&a.fields, "Connect Flags").value;
    assert!(flags.starts_with("11101100"), "{flags}");
    assert!(
        flags.contains("User Name") && flags.contains("Will"),
        "{flags}"
    );
}

#[test]
fn connect_5_fields_include_properties_and_will_properties() {
    let vectors = connect_vectors();
    let vector = &vectors[3];
    assert_eq!(
        vector.name,
        "CONNECT 5.0 with properties and a will with properties"
    );
    let a = decode_annotated(vector.bytes, &opts(V5));
    assert_eq!(
        field_names_and_ranges(&a.fields),
        [
            ("Packet type and flags", 0..1),
            ("Remaining Length", 1..2),
            ("Protocol Name", 2..8),
            ("Protocol Level", 8..9),
            ("Connect Flags", 9..10),
            ("Keep Alive", 10..12),
            ("Properties Length", 12..13),
            ("Property: Session Expiry Interval", 13..18),
            ("Property: Receive Maximum", 18..21),
            ("Property: Maximum Packet Size", 21..26),
            ("Property: Topic Alias Maximum", 26..29),
            ("Property: User Property", 29..36),
            ("Client Identifier", 36..41),
            ("Will Properties Length", 41..42),
            ("Property: Will Delay Interval", 42..47),
            ("Property: Payload Format Indicator", 47..49),
            ("Property: Content Type", 49..56),
            ("Will Topic", 56..59),
            ("Will Payload", 59..62),
            ("User Name", 62..65),
            ("Password", 65..69),
        ]
    );
    assert_eq!(
        field(&a.fields, "Property: Session Expiry Interval").value,
        "3600"
    );
    assert_eq!(
        field(&a.fields, "Property: User Property").value,
        "\"k\" = \"v\""
    );
}

#[test]
fn publish_5_fields_show_each_property_and_the_payload() {
    let vectors = publish_vectors();
    let vector = &vectors[6];
    assert_eq!(vector.name, "PUBLISH 5.0 QoS 1 with every message property");
    let a = decode_annotated(vector.bytes, &opts(V5));
    assert_eq!(
        field_names_and_ranges(&a.fields),
        [
            ("Packet type and flags", 0..1),
            ("Remaining Length", 1..2),
            ("Topic Name", 2..7),
            ("Packet Identifier", 7..9),
            ("Properties Length", 9..10),
            ("Property: Payload Format Indicator", 10..12),
            ("Property: Message Expiry Interval", 12..17),
            ("Property: Content Type", 17..24),
            ("Property: Response Topic", 24..30),
            ("Property: Correlation Data", 30..35),
            ("Property: Subscription Identifier", 35..38),
            ("Property: Subscription Identifier", 38..40),
            ("Property: User Property", 40..47),
            ("Property: Topic Alias", 47..50),
            ("Payload", 50..52),
        ]
    );
    assert_eq!(field(&a.fields, "Topic Name").value, "\"a/b\"");
    assert_eq!(field(&a.fields, "Property: Topic Alias").value, "3");
    assert_eq!(
        field(&a.fields, "Property: Correlation Data").value,
        "CA FE"
    );
    assert_eq!(field(&a.fields, "Payload").value, "2 bytes");
}

#[test]
fn publish_with_topic_alias_and_empty_topic_fields() {
    let vectors = publish_vectors();
    let vector = &vectors[7];
    assert_eq!(
        vector.name,
        "PUBLISH 5.0 Topic Alias with an empty Topic Name"
    );
    let a = decode_annotated(vector.bytes, &opts(V5));
    assert_eq!(
        field_names_and_ranges(&a.fields),
        [
            ("Packet type and flags", 0..1),
            ("Remaining Length", 1..2),
            ("Topic Name", 2..4),
            ("Properties Length", 4..5),
            ("Property: Topic Alias", 5..8),
            ("Payload", 8..10),
        ]
    );
}

#[test]
fn subscribe_fields_number_each_filter() {
    let vectors = subscribe_vectors();
    let a = decode_annotated(vectors[0].bytes, &opts(V311));
    assert_eq!(
        field_names_and_ranges(&a.fields),
        [
            ("Packet type and flags", 0..1),
            ("Remaining Length", 1..2),
            ("Packet Identifier", 2..4),
            ("Topic Filter 1", 4..9),
            ("Subscription Options 1", 9..10),
            ("Topic Filter 2", 10..15),
            ("Subscription Options 2", 15..16),
            ("Topic Filter 3", 16..19),
            ("Subscription Options 3", 19..20),
        ]
    );
}

#[test]
fn a_multi_byte_remaining_length_is_one_field() {
    // PUBLISH QoS 0, topic "t", 200-byte payload: Remaining Length 203 is
    // two bytes (CB 01).
    let mut bytes = vec![0x30, 0xCB, 0x01, 0x00, 0x01, b't'];
    bytes.extend(std::iter::repeat_n(0x55, 200));
    let a = decode_annotated(&bytes, &opts(V311));
    assert_eq!(
        a.result,
        Ok(Some((
            publish(false, QosPid::AtMostOnce, false, "t", none(), &[0x55; 200]),
            206
        )))
    );
    assert_eq!(
        field_names_and_ranges(&a.fields),
        [
            ("Packet type and flags", 0..1),
            ("Remaining Length", 1..3),
            ("Topic Name", 3..6),
            ("Payload", 6..206),
        ]
    );
    assert_eq!(
        field(&a.fields, "Remaining Length").value,
        "203 bytes follow"
    );
}

// ---------------------------------------------------------------------------
// Malformed vectors
// ---------------------------------------------------------------------------

const MALFORMED: ReasonCode = ReasonCode::MALFORMED_PACKET;
const PROTOCOL: ReasonCode = ReasonCode::PROTOCOL_ERROR;
const TOO_LARGE: ReasonCode = ReasonCode::PACKET_TOO_LARGE;
const TOPIC_NAME_INVALID: ReasonCode = ReasonCode::TOPIC_NAME_INVALID;
const TOPIC_ALIAS_INVALID: ReasonCode = ReasonCode::TOPIC_ALIAS_INVALID;
const UNSUPPORTED: ReasonCode = ReasonCode::UNSUPPORTED_PROTOCOL_VERSION;

/// Bytes that must be refused, and exactly how.
struct Bad {
    name: &'static str,
    version: ProtocolVersion,
    max_packet_size: u32,
    bytes: &'static [u8],
    kind: DecodeErrorKind,
    offset: usize,
    field: &'static str,
    reason: ReasonCode,
}

/// Starts a [`Bad`]: the bytes, then `.is(…)` the expected error.
fn bad(name: &'static str, version: ProtocolVersion, bytes: &'static [u8]) -> BadBytes {
    BadBytes {
        name,
        version,
        max_packet_size: DEFAULT_MAX_PACKET_SIZE,
        bytes,
    }
}

/// A [`Bad`] still waiting for its expected error.
struct BadBytes {
    name: &'static str,
    version: ProtocolVersion,
    max_packet_size: u32,
    bytes: &'static [u8],
}

impl BadBytes {
    fn max(mut self, max_packet_size: u32) -> Self {
        self.max_packet_size = max_packet_size;
        self
    }

    fn is(
        self,
        kind: DecodeErrorKind,
        offset: usize,
        field: &'static str,
        reason: ReasonCode,
    ) -> Bad {
        Bad {
            name: self.name,
            version: self.version,
            max_packet_size: self.max_packet_size,
            bytes: self.bytes,
            kind,
            offset,
            field,
            reason,
        }
    }
}

#[rustfmt::skip]
fn malformed_vectors() -> Vec<Bad> {
    vec![
        // --- Fixed header: packet type and flags (2.1.2, 2.1.3) -------------
        bad("reserved packet type 0", V311, &[
            0x00, // type 0: reserved
            0x00, // Remaining Length 0
        ]).is(K::ReservedPacketType(0), 0, "Packet type", PROTOCOL),
        bad("reserved packet type 0 in 5.0", V5, &[
            0x00, // type 0: reserved
            0x00, // Remaining Length 0
        ]).is(K::ReservedPacketType(0), 0, "Packet type", PROTOCOL),
        bad("AUTH in 3.1.1 (type 15 is reserved there)", V311, &[
            0xF0, // type 15
            0x00, // Remaining Length 0
        ]).is(K::ReservedPacketType(15), 0, "Packet type", PROTOCOL),
        bad("PUBREL with flags 0000", V311, &[
            0x60,       // PUBREL, flags 0000 (must be 0010)
            0x02,       // Remaining Length 2
            0x00, 0x01, // Packet Identifier 1
        ]).is(K::InvalidFixedHeaderFlags { expected: 0b0010, found: 0b0000 }, 0, "Fixed header flags", MALFORMED),
        bad("SUBSCRIBE with flags 0000", V311, &[
            0x80,             // SUBSCRIBE, flags 0000 (must be 0010)
            0x06,             // Remaining Length 6
            0x00, 0x01,       // Packet Identifier 1
            0x00, 0x01, b'a', // Topic Filter "a"
            0x00,             // Requested QoS 0
        ]).is(K::InvalidFixedHeaderFlags { expected: 0b0010, found: 0b0000 }, 0, "Fixed header flags", MALFORMED),
        bad("UNSUBSCRIBE with flags 0011", V5, &[
            0xA3,             // UNSUBSCRIBE, flags 0011 (must be 0010)
            0x06,             // Remaining Length 6
            0x00, 0x01,       // Packet Identifier 1
            0x00,             // Properties Length 0
            0x00, 0x01, b'a', // Topic Filter "a"
        ]).is(K::InvalidFixedHeaderFlags { expected: 0b0010, found: 0b0011 }, 0, "Fixed header flags", MALFORMED),
        bad("PINGREQ with flags 0001", V311, &[
            0xC1, // PINGREQ, flags 0001 (must be 0000)
            0x00, // Remaining Length 0
        ]).is(K::InvalidFixedHeaderFlags { expected: 0, found: 0b0001 }, 0, "Fixed header flags", MALFORMED),
        bad("CONNACK with flags 0001", V311, &[
            0x21, // CONNACK, flags 0001 (must be 0000)
            0x02, // Remaining Length 2
            0x00, // Connect Acknowledge Flags
            0x00, // Connect Return Code 0
        ]).is(K::InvalidFixedHeaderFlags { expected: 0, found: 0b0001 }, 0, "Fixed header flags", MALFORMED),
        bad("PUBLISH with QoS 3", V311, &[
            0x36,             // PUBLISH, flags 0110: both QoS bits set
            0x05,             // Remaining Length 5
            0x00, 0x01, b't', // Topic Name "t"
            0x00, 0x01,       // Packet Identifier 1
        ]).is(K::InvalidQoS(3), 0, "QoS", MALFORMED),
        bad("PUBLISH QoS 0 with DUP", V5, &[
            0x38,             // PUBLISH, flags 1000: DUP on QoS 0
            0x04,             // Remaining Length 4
            0x00, 0x01, b't', // Topic Name "t"
            0x00,             // Properties Length 0
        ]).is(K::DupOnQoS0, 0, "DUP flag", MALFORMED),

        // --- Remaining Length (1.5.5, 2.1.4) and size limit ------------------
        bad("Remaining Length of 5 bytes", V311, &[
            0x30,                         // PUBLISH, flags 0000
            0xFF, 0xFF, 0xFF, 0xFF, 0x7F, // Remaining Length: 4 continuation bytes and a fifth
        ]).is(K::VariableByteIntegerTooLong, 4, "Remaining Length", MALFORMED),
        bad("Remaining Length still continuing after 4 bytes (refused without a fifth)", V5, &[
            0x30,                   // PUBLISH, flags 0000
            0xFF, 0xFF, 0xFF, 0xFF, // Remaining Length: 4th byte has the continuation bit
        ]).is(K::VariableByteIntegerTooLong, 4, "Remaining Length", MALFORMED),
        bad("non-minimal Remaining Length 80 00", V311, &[
            0xC0,       // PINGREQ, flags 0000
            0x80, 0x00, // Remaining Length 0 in two bytes
        ]).is(K::VariableByteIntegerNotMinimal, 2, "Remaining Length", MALFORMED),
        bad("2 MiB PUBLISH over the 1 MiB default, refused from the fixed header alone", V311, &[
            0x30,             // PUBLISH, flags 0000
            0xFF, 0xFF, 0x7F, // Remaining Length 2,097,151; no body yet
        ]).is(K::PacketTooLarge { size: 2_097_155, max: DEFAULT_MAX_PACKET_SIZE }, 1, "Remaining Length", TOO_LARGE),
        bad("largest Remaining Length, refused from the fixed header alone", V5, &[
            0x30,                   // PUBLISH, flags 0000
            0xFF, 0xFF, 0xFF, 0x7F, // Remaining Length 268,435,455
        ]).is(K::PacketTooLarge { size: 268_435_460, max: DEFAULT_MAX_PACKET_SIZE }, 1, "Remaining Length", TOO_LARGE),
        bad("17-byte packet over a 16-byte limit", V5, &[
            0x30, // PUBLISH, flags 0000
            0x0F, // Remaining Length 15: 17 bytes in all; no body yet
        ]).max(16).is(K::PacketTooLarge { size: 17, max: 16 }, 1, "Remaining Length", TOO_LARGE),
        bad("PUBACK whose Remaining Length leaves 1 byte for the Packet Identifier", V311, &[
            0x40, // PUBACK, flags 0000
            0x01, // Remaining Length 1
            0x00, // half a Packet Identifier
        ]).is(K::UnexpectedEndOfPacket { needed: 2, available: 1 }, 2, "Packet Identifier", MALFORMED),
        bad("CONNECT whose Remaining Length ends inside Keep Alive", V311, &[
            0x10,                               // CONNECT, flags 0000
            0x09,                               // Remaining Length 9
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x04,                               // Protocol Level 4
            0x02,                               // Connect Flags: Clean Session
            0x00,                               // half of Keep Alive
        ]).is(K::UnexpectedEndOfPacket { needed: 2, available: 1 }, 10, "Keep Alive", MALFORMED),
        bad("Topic Name length prefix past the end", V311, &[
            0x30,       // PUBLISH, flags 0000
            0x04,       // Remaining Length 4
            0x00, 0x05, // Topic Name length 5…
            b'a', b'b', // …but 2 bytes left
        ]).is(K::UnexpectedEndOfPacket { needed: 5, available: 2 }, 4, "Topic Name", MALFORMED),
        bad("Topic Filter length prefix past the end", V311, &[
            0x82,       // SUBSCRIBE, flags 0010
            0x05,       // Remaining Length 5
            0x00, 0x01, // Packet Identifier 1
            0x00, 0x09, // Topic Filter length 9…
            b'a',       // …but 1 byte left
        ]).is(K::UnexpectedEndOfPacket { needed: 9, available: 1 }, 6, "Topic Filter", MALFORMED),
        bad("SUBSCRIBE filter without its Subscription Options byte", V311, &[
            0x82,             // SUBSCRIBE, flags 0010
            0x05,             // Remaining Length 5
            0x00, 0x01,       // Packet Identifier 1
            0x00, 0x01, b'a', // Topic Filter "a"
                              // Subscription Options: missing
        ]).is(K::UnexpectedEndOfPacket { needed: 1, available: 0 }, 7, "Subscription Options", MALFORMED),
        bad("PINGREQ with Remaining Length 1", V311, &[
            0xC0, // PINGREQ, flags 0000
            0x01, // Remaining Length 1 (must be 0)
            0x00, // a stray byte
        ]).is(K::TrailingBytes(1), 2, "End of packet", MALFORMED),
        bad("3.1.1 PUBACK with 3 bytes", V311, &[
            0x40,       // PUBACK, flags 0000
            0x03,       // Remaining Length 3 (3.1.1 has no Reason Code)
            0x00, 0x01, // Packet Identifier 1
            0x00,       // a stray byte
        ]).is(K::TrailingBytes(1), 4, "End of packet", MALFORMED),
        bad("3.1.1 DISCONNECT with a body", V311, &[
            0xE0, // DISCONNECT, flags 0000
            0x01, // Remaining Length 1 (must be 0 in 3.1.1)
            0x00, // a stray byte
        ]).is(K::TrailingBytes(1), 2, "End of packet", MALFORMED),
        bad("3.1.1 UNSUBACK with a reason code", V311, &[
            0xB0,       // UNSUBACK, flags 0000
            0x03,       // Remaining Length 3 (3.1.1 has no payload)
            0x00, 0x01, // Packet Identifier 1
            0x00,       // a stray byte
        ]).is(K::TrailingBytes(1), 4, "End of packet", MALFORMED),

        // --- UTF-8 strings (1.5.4) -------------------------------------------
        bad("Topic Name that is not UTF-8", V311, &[
            0x30,       // PUBLISH, flags 0000
            0x04,       // Remaining Length 4
            0x00, 0x02, // Topic Name length 2
            0xC3, 0x28, // C3 needs a continuation byte; 28 is not one
        ]).is(K::InvalidUtf8, 4, "Topic Name", MALFORMED),
        bad("Topic Name with an encoded surrogate U+D800", V5, &[
            0x30,             // PUBLISH, flags 0000
            0x07,             // Remaining Length 7
            0x00, 0x04,       // Topic Name length 4
            b'a',             // "a"
            0xED, 0xA0, 0x80, // ED A0 80: U+D800, forbidden in UTF-8
            0x00,             // Properties Length 0
        ]).is(K::InvalidUtf8, 5, "Topic Name", MALFORMED),
        bad("Topic Name with U+0000", V311, &[
            0x30,             // PUBLISH, flags 0000
            0x05,             // Remaining Length 5
            0x00, 0x03,       // Topic Name length 3
            b'a', 0x00, b'b', // "a\0b"
        ]).is(K::NullCharacter, 5, "Topic Name", MALFORMED),
        bad("Client Identifier with U+0000", V311, &[
            0x10,                               // CONNECT, flags 0000
            0x0D,                               // Remaining Length 13
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x04,                               // Protocol Level 4
            0x02,                               // Connect Flags: Clean Session
            0x00, 0x3C,                         // Keep Alive 60
            0x00, 0x01, 0x00,                   // Client Identifier "\0"
        ]).is(K::NullCharacter, 14, "Client Identifier", MALFORMED),

        // --- CONNECT (3.1.2) -------------------------------------------------
        bad("CONNECT with MQTT 3.1's protocol name MQIsdp", V311, &[
            0x10,                                           // CONNECT, flags 0000
            0x0F,                                           // Remaining Length 15
            0x00, 0x06, b'M', b'Q', b'I', b's', b'd', b'p', // Protocol Name "MQIsdp"
            0x03,                                           // Protocol Level 3
            0x02,                                           // Connect Flags: Clean Session
            0x00, 0x3C,                                     // Keep Alive 60
            0x00, 0x01, b'a',                               // Client Identifier "a"
        ]).is(K::InvalidProtocolName("MQIsdp".into()), 2, "Protocol Name", MALFORMED),
        bad("CONNECT with protocol name MQTt", V5, &[
            0x10,                               // CONNECT, flags 0000
            0x0D,                               // Remaining Length 13
            0x00, 0x04, b'M', b'Q', b'T', b't', // Protocol Name "MQTt": case matters
            0x05,                               // Protocol Level 5
            0x02,                               // Connect Flags: Clean Start
            0x00, 0x3C,                         // Keep Alive 60
            0x00,                               // Properties Length 0
            0x00, 0x00,                         // Client Identifier ""
        ]).is(K::InvalidProtocolName("MQTt".into()), 2, "Protocol Name", MALFORMED),
        bad("CONNECT with Protocol Level 3", V311, &[
            0x10,                               // CONNECT, flags 0000
            0x0C,                               // Remaining Length 12
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x03,                               // Protocol Level 3 (MQTT 3.1)
            0x02,                               // Connect Flags: Clean Session
            0x00, 0x3C,                         // Keep Alive 60
            0x00, 0x00,                         // Client Identifier ""
        ]).is(K::UnsupportedProtocolVersion(3), 8, "Protocol Level", UNSUPPORTED),
        bad("CONNECT with Protocol Level 6", V5, &[
            0x10,                               // CONNECT, flags 0000
            0x0C,                               // Remaining Length 12
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x06,                               // Protocol Level 6 (none yet)
            0x02,                               // Connect Flags: Clean Start
            0x00, 0x3C,                         // Keep Alive 60
            0x00, 0x00,                         // Client Identifier ""
        ]).is(K::UnsupportedProtocolVersion(6), 8, "Protocol Level", UNSUPPORTED),
        bad("CONNECT with the reserved flag set", V311, &[
            0x10,                               // CONNECT, flags 0000
            0x0C,                               // Remaining Length 12
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x04,                               // Protocol Level 4
            0x03,                               // Connect Flags 0000_0011: Clean Session + reserved bit 0
            0x00, 0x3C,                         // Keep Alive 60
            0x00, 0x00,                         // Client Identifier ""
        ]).is(K::ReservedBitSet, 9, "Connect Flags", MALFORMED),
        bad("CONNECT with Will QoS 3", V311, &[
            0x10,                               // CONNECT, flags 0000
            0x0C,                               // Remaining Length 12
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x04,                               // Protocol Level 4
            0x1E,                               // Connect Flags 0001_1110: Will QoS 3, Will Flag, Clean Session
            0x00, 0x3C,                         // Keep Alive 60
            0x00, 0x00,                         // Client Identifier ""
        ]).is(K::InvalidQoS(3), 9, "Will QoS", MALFORMED),
        bad("CONNECT with Will Retain but no Will Flag", V5, &[
            0x10,                               // CONNECT, flags 0000
            0x0D,                               // Remaining Length 13
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x05,                               // Protocol Level 5
            0x22,                               // Connect Flags 0010_0010: Will Retain, Clean Start
            0x00, 0x3C,                         // Keep Alive 60
            0x00,                               // Properties Length 0
            0x00, 0x00,                         // Client Identifier ""
        ]).is(K::WillFlagsWithoutWill, 9, "Connect Flags", MALFORMED),
        bad("CONNECT with Will QoS 1 but no Will Flag", V311, &[
            0x10,                               // CONNECT, flags 0000
            0x0C,                               // Remaining Length 12
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x04,                               // Protocol Level 4
            0x0A,                               // Connect Flags 0000_1010: Will QoS 1, Clean Session
            0x00, 0x3C,                         // Keep Alive 60
            0x00, 0x00,                         // Client Identifier ""
        ]).is(K::WillFlagsWithoutWill, 9, "Connect Flags", MALFORMED),
        bad("3.1.1 CONNECT with a password but no user name", V311, &[
            0x10,                               // CONNECT, flags 0000
            0x10,                               // Remaining Length 16
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x04,                               // Protocol Level 4
            0x42,                               // Connect Flags 0100_0010: Password, Clean Session
            0x00, 0x3C,                         // Keep Alive 60
            0x00, 0x00,                         // Client Identifier ""
            0x00, 0x02, b'p', b'w',             // Password "pw"
        ]).is(K::PasswordWithoutUsername, 9, "Connect Flags", MALFORMED),
        bad("CONNECT with a wildcard in the Will Topic", V311, &[
            0x10,                               // CONNECT, flags 0000
            0x11,                               // Remaining Length 17
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x04,                               // Protocol Level 4
            0x06,                               // Connect Flags 0000_0110: Will Flag, Clean Session
            0x00, 0x3C,                         // Keep Alive 60
            0x00, 0x00,                         // Client Identifier ""
            0x00, 0x01, b'#',                   // Will Topic "#"
            0x00, 0x00,                         // Will Payload (empty)
        ]).is(K::WildcardInTopicName, 14, "Will Topic", TOPIC_NAME_INVALID),

        // --- Packet Identifier (2.2.1) ---------------------------------------
        bad("PUBLISH QoS 1 with Packet Identifier 0", V311, &[
            0x32,             // PUBLISH, flags 0010: QoS 1
            0x05,             // Remaining Length 5
            0x00, 0x01, b't', // Topic Name "t"
            0x00, 0x00,       // Packet Identifier 0
        ]).is(K::ZeroPacketId, 5, "Packet Identifier", MALFORMED),
        bad("PUBACK with Packet Identifier 0", V5, &[
            0x40,       // PUBACK, flags 0000
            0x02,       // Remaining Length 2
            0x00, 0x00, // Packet Identifier 0
        ]).is(K::ZeroPacketId, 2, "Packet Identifier", MALFORMED),
        bad("SUBSCRIBE with Packet Identifier 0", V311, &[
            0x82,             // SUBSCRIBE, flags 0010
            0x06,             // Remaining Length 6
            0x00, 0x00,       // Packet Identifier 0
            0x00, 0x01, b'a', // Topic Filter "a"
            0x00,             // Requested QoS 0
        ]).is(K::ZeroPacketId, 2, "Packet Identifier", MALFORMED),
        bad("UNSUBSCRIBE with Packet Identifier 0", V311, &[
            0xA2,             // UNSUBSCRIBE, flags 0010
            0x05,             // Remaining Length 5
            0x00, 0x00,       // Packet Identifier 0
            0x00, 0x01, b'a', // Topic Filter "a"
        ]).is(K::ZeroPacketId, 2, "Packet Identifier", MALFORMED),

        // --- Reason codes (2.4, 3.2.2.2, 3.9.3) -------------------------------
        bad("5.0 PUBACK with 0x8D (a DISCONNECT code)", V5, &[
            0x40,       // PUBACK, flags 0000
            0x03,       // Remaining Length 3
            0x00, 0x01, // Packet Identifier 1
            0x8D,       // Reason Code 0x8D Keep Alive timeout: not a PUBACK code
        ]).is(K::InvalidReasonCode(0x8D), 4, "Reason Code", PROTOCOL),
        bad("5.0 CONNACK with 0x04 (a 3.1.1 return code)", V5, &[
            0x20, // CONNACK, flags 0000
            0x03, // Remaining Length 3
            0x00, // Connect Acknowledge Flags
            0x04, // Connect Reason Code 0x04: not a 5.0 CONNACK code
            0x00, // Properties Length 0
        ]).is(K::InvalidReasonCode(0x04), 3, "Connect Reason Code", PROTOCOL),
        bad("3.1.1 CONNACK with return code 6", V311, &[
            0x20, // CONNACK, flags 0000
            0x02, // Remaining Length 2
            0x00, // Connect Acknowledge Flags
            0x06, // Connect Return Code 6: 3.1.1 defines 0 to 5
        ]).is(K::InvalidReasonCode(0x06), 3, "Connect Return Code", PROTOCOL),
        bad("3.1.1 SUBACK with return code 3", V311, &[
            0x90,       // SUBACK, flags 0000
            0x03,       // Remaining Length 3
            0x00, 0x01, // Packet Identifier 1
            0x03,       // Return Code 3: only 0, 1, 2 and 0x80 exist
        ]).is(K::InvalidReasonCode(0x03), 4, "Reason Code", PROTOCOL),
        bad("5.0 DISCONNECT with 0x05", V5, &[
            0xE0, // DISCONNECT, flags 0000
            0x01, // Remaining Length 1
            0x05, // Disconnect Reason Code 0x05: undefined
        ]).is(K::InvalidReasonCode(0x05), 2, "Disconnect Reason Code", PROTOCOL),
        bad("AUTH with 0x01", V5, &[
            0xF0, // AUTH, flags 0000
            0x01, // Remaining Length 1
            0x01, // Authenticate Reason Code 0x01: only 0x00, 0x18, 0x19
        ]).is(K::InvalidReasonCode(0x01), 2, "Authenticate Reason Code", PROTOCOL),
        bad("3.1.1 CONNACK with a reserved flag bit", V311, &[
            0x20, // CONNACK, flags 0000
            0x02, // Remaining Length 2
            0x02, // Connect Acknowledge Flags 0000_0010: bit 1 is reserved
            0x00, // Connect Return Code 0
        ]).is(K::ReservedBitSet, 2, "Connect Acknowledge Flags", MALFORMED),
        bad("5.0 CONNACK with reserved flag bit 7", V5, &[
            0x20, // CONNACK, flags 0000
            0x03, // Remaining Length 3
            0x80, // Connect Acknowledge Flags 1000_0000: bit 7 is reserved
            0x00, // Connect Reason Code 0x00
            0x00, // Properties Length 0
        ]).is(K::ReservedBitSet, 2, "Connect Acknowledge Flags", MALFORMED),

        // --- Properties (2.2.2) ----------------------------------------------
        bad("unknown property 0x7F", V5, &[
            0x30,             // PUBLISH, flags 0000
            0x06,             // Remaining Length 6
            0x00, 0x01, b't', // Topic Name "t"
            0x02,             // Properties Length 2
            0x7F, 0x00,       //   property 0x7F: no such identifier
        ]).is(K::UnknownProperty(0x7F), 6, "Property Identifier", MALFORMED),
        bad("property identifier in a non-minimal VBI", V5, &[
            0x30,             // PUBLISH, flags 0000
            0x07,             // Remaining Length 7
            0x00, 0x01, b't', // Topic Name "t"
            0x02,             // Properties Length 2
            0x81, 0x00,       //   identifier 1 in two bytes
            b'x',             // Payload "x"
        ]).is(K::VariableByteIntegerNotMinimal, 7, "Property Identifier", MALFORMED),
        bad("Topic Alias in CONNECT", V5, &[
            0x10,                               // CONNECT, flags 0000
            0x10,                               // Remaining Length 16
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x05,                               // Protocol Level 5
            0x02,                               // Connect Flags: Clean Start
            0x00, 0x3C,                         // Keep Alive 60
            0x03,                               // Properties Length 3
            0x23, 0x00, 0x01,                   //   Topic Alias 1: PUBLISH only
            0x00, 0x00,                         // Client Identifier ""
        ]).is(K::PropertyNotAllowed(P::TopicAlias), 13, "Topic Alias", MALFORMED),
        bad("Will Delay Interval in CONNECT properties", V5, &[
            0x10,                               // CONNECT, flags 0000
            0x12,                               // Remaining Length 18
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x05,                               // Protocol Level 5
            0x02,                               // Connect Flags: Clean Start
            0x00, 0x3C,                         // Keep Alive 60
            0x05,                               // Properties Length 5
            0x18, 0x00, 0x00, 0x00, 0x05,       //   Will Delay Interval: Will Properties only
            0x00, 0x00,                         // Client Identifier ""
        ]).is(K::PropertyNotAllowed(P::WillDelayInterval), 13, "Will Delay Interval", MALFORMED),
        bad("Session Expiry Interval in PUBLISH", V5, &[
            0x30,                         // PUBLISH, flags 0000
            0x09,                         // Remaining Length 9
            0x00, 0x01, b't',             // Topic Name "t"
            0x05,                         // Properties Length 5
            0x11, 0x00, 0x00, 0x00, 0x0A, //   Session Expiry Interval: not a PUBLISH property
        ]).is(K::PropertyNotAllowed(P::SessionExpiryInterval), 6, "Session Expiry Interval", MALFORMED),
        bad("Session Expiry Interval in Will Properties", V5, &[
            0x10,                               // CONNECT, flags 0000
            0x18,                               // Remaining Length 24
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x05,                               // Protocol Level 5
            0x06,                               // Connect Flags: Will Flag, Clean Start
            0x00, 0x3C,                         // Keep Alive 60
            0x00,                               // Properties Length 0
            0x00, 0x00,                         // Client Identifier ""
            0x05,                               // Will Properties Length 5
            0x11, 0x00, 0x00, 0x00, 0x01,       //   Session Expiry Interval: not a Will Property
            0x00, 0x01, b't',                   // Will Topic "t"
            0x00, 0x00,                         // Will Payload (empty)
        ]).is(K::PropertyNotAllowed(P::SessionExpiryInterval), 16, "Session Expiry Interval", MALFORMED),
        bad("Session Expiry Interval twice", V5, &[
            0x10,                               // CONNECT, flags 0000
            0x17,                               // Remaining Length 23
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x05,                               // Protocol Level 5
            0x02,                               // Connect Flags: Clean Start
            0x00, 0x3C,                         // Keep Alive 60
            0x0A,                               // Properties Length 10
            0x11, 0x00, 0x00, 0x00, 0x0A,       //   Session Expiry Interval 10
            0x11, 0x00, 0x00, 0x00, 0x14,       //   Session Expiry Interval 20: again
            0x00, 0x00,                         // Client Identifier ""
        ]).is(K::DuplicateProperty(P::SessionExpiryInterval), 18, "Session Expiry Interval", PROTOCOL),
        bad("Subscription Identifier twice in SUBSCRIBE", V5, &[
            0x82,             // SUBSCRIBE, flags 0010
            0x0B,             // Remaining Length 11
            0x00, 0x01,       // Packet Identifier 1
            0x04,             // Properties Length 4
            0x0B, 0x01,       //   Subscription Identifier 1
            0x0B, 0x02,       //   Subscription Identifier 2: once only in SUBSCRIBE (3.8.2.1.2)
            0x00, 0x01, b'a', // Topic Filter "a"
            0x00,             // Subscription Options: QoS 0
        ]).is(K::DuplicateProperty(P::SubscriptionIdentifier), 7, "Subscription Identifier", PROTOCOL),
        bad("Receive Maximum 0", V5, &[
            0x10,                               // CONNECT, flags 0000
            0x10,                               // Remaining Length 16
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x05,                               // Protocol Level 5
            0x02,                               // Connect Flags: Clean Start
            0x00, 0x3C,                         // Keep Alive 60
            0x03,                               // Properties Length 3
            0x21, 0x00, 0x00,                   //   Receive Maximum 0
            0x00, 0x00,                         // Client Identifier ""
        ]).is(K::InvalidPropertyValue { property: P::ReceiveMaximum, value: 0 }, 14, "Receive Maximum", PROTOCOL),
        bad("Maximum Packet Size 0", V5, &[
            0x20,                         // CONNACK, flags 0000
            0x08,                         // Remaining Length 8
            0x00,                         // Connect Acknowledge Flags
            0x00,                         // Connect Reason Code 0x00
            0x05,                         // Properties Length 5
            0x27, 0x00, 0x00, 0x00, 0x00, //   Maximum Packet Size 0
        ]).is(K::InvalidPropertyValue { property: P::MaximumPacketSize, value: 0 }, 6, "Maximum Packet Size", PROTOCOL),
        bad("Maximum QoS 2", V5, &[
            0x20,       // CONNACK, flags 0000
            0x05,       // Remaining Length 5
            0x00,       // Connect Acknowledge Flags
            0x00,       // Connect Reason Code 0x00
            0x02,       // Properties Length 2
            0x24, 0x02, //   Maximum QoS 2: only 0 or 1 (absent means 2)
        ]).is(K::InvalidPropertyValue { property: P::MaximumQoS, value: 2 }, 6, "Maximum QoS", PROTOCOL),
        bad("Payload Format Indicator 2", V5, &[
            0x30,             // PUBLISH, flags 0000
            0x06,             // Remaining Length 6
            0x00, 0x01, b't', // Topic Name "t"
            0x02,             // Properties Length 2
            0x01, 0x02,       //   Payload Format Indicator 2: only 0 or 1
        ]).is(K::InvalidPropertyValue { property: P::PayloadFormatIndicator, value: 2 }, 7, "Payload Format Indicator", PROTOCOL),
        bad("Request Problem Information 2", V5, &[
            0x10,                               // CONNECT, flags 0000
            0x0F,                               // Remaining Length 15
            0x00, 0x04, b'M', b'Q', b'T', b'T', // Protocol Name "MQTT"
            0x05,                               // Protocol Level 5
            0x02,                               // Connect Flags: Clean Start
            0x00, 0x3C,                         // Keep Alive 60
            0x02,                               // Properties Length 2
            0x17, 0x02,                         //   Request Problem Information 2: only 0 or 1
            0x00, 0x00,                         // Client Identifier ""
        ]).is(K::InvalidPropertyValue { property: P::RequestProblemInformation, value: 2 }, 14, "Request Problem Information", PROTOCOL),
        bad("Subscription Identifier 0", V5, &[
            0x82,             // SUBSCRIBE, flags 0010
            0x09,             // Remaining Length 9
            0x00, 0x01,       // Packet Identifier 1
            0x02,             // Properties Length 2
            0x0B, 0x00,       //   Subscription Identifier 0
            0x00, 0x01, b'a', // Topic Filter "a"
            0x00,             // Subscription Options: QoS 0
        ]).is(K::InvalidPropertyValue { property: P::SubscriptionIdentifier, value: 0 }, 6, "Subscription Identifier", PROTOCOL),
        bad("Topic Alias 0", V5, &[
            0x30,             // PUBLISH, flags 0000
            0x07,             // Remaining Length 7
            0x00, 0x01, b't', // Topic Name "t"
            0x03,             // Properties Length 3
            0x23, 0x00, 0x00, //   Topic Alias 0
        ]).is(K::ZeroTopicAlias, 7, "Topic Alias", TOPIC_ALIAS_INVALID),
        bad("Properties Length longer than the packet", V5, &[
            0x30,             // PUBLISH, flags 0000
            0x05,             // Remaining Length 5
            0x00, 0x01, b't', // Topic Name "t"
            0x0A,             // Properties Length 10…
            0x00,             // …but 1 byte left
        ]).is(K::UnexpectedEndOfPacket { needed: 10, available: 1 }, 6, "Properties Length", MALFORMED),
        bad("property value running past the Properties Length", V5, &[
            0x30,             // PUBLISH, flags 0000
            0x07,             // Remaining Length 7
            0x00, 0x01, b't', // Topic Name "t"
            0x02,             // Properties Length 2
            0x02, 0x00,       //   Message Expiry Interval: needs 4 bytes, the list has 1 left
            b'x',             // Payload "x" (not part of the property list)
        ]).is(K::UnexpectedEndOfPacket { needed: 4, available: 1 }, 7, "Message Expiry Interval", MALFORMED),

        // --- Topic Names (4.7.3, 3.3.2.1) ------------------------------------
        bad("Topic Name with +", V311, &[
            0x30,                   // PUBLISH, flags 0000
            0x05,                   // Remaining Length 5
            0x00, 0x03, b'a', b'/', b'+', // Topic Name "a/+"
        ]).is(K::WildcardInTopicName, 2, "Topic Name", TOPIC_NAME_INVALID),
        bad("Topic Name #", V5, &[
            0x30,             // PUBLISH, flags 0000
            0x04,             // Remaining Length 4
            0x00, 0x01, b'#', // Topic Name "#"
            0x00,             // Properties Length 0
        ]).is(K::WildcardInTopicName, 2, "Topic Name", TOPIC_NAME_INVALID),
        bad("empty Topic Name in 3.1.1", V311, &[
            0x30,       // PUBLISH, flags 0000
            0x02,       // Remaining Length 2
            0x00, 0x00, // Topic Name ""
        ]).is(K::EmptyTopicName, 2, "Topic Name", PROTOCOL),
        bad("empty Topic Name in 5.0 without a Topic Alias", V5, &[
            0x30,       // PUBLISH, flags 0000
            0x03,       // Remaining Length 3
            0x00, 0x00, // Topic Name ""
            0x00,       // Properties Length 0: no Topic Alias
        ]).is(K::EmptyTopicName, 2, "Topic Name", PROTOCOL),

        // --- SUBSCRIBE, SUBACK, UNSUBSCRIBE, UNSUBACK (3.8–3.11) -------------
        bad("SUBSCRIBE with no filters", V311, &[
            0x82,       // SUBSCRIBE, flags 0010
            0x02,       // Remaining Length 2
            0x00, 0x01, // Packet Identifier 1
                        // Payload: empty
        ]).is(K::NoTopicFilters, 4, "Payload", PROTOCOL),
        bad("5.0 SUBSCRIBE with no filters", V5, &[
            0x82,       // SUBSCRIBE, flags 0010
            0x03,       // Remaining Length 3
            0x00, 0x01, // Packet Identifier 1
            0x00,       // Properties Length 0
                        // Payload: empty
        ]).is(K::NoTopicFilters, 5, "Payload", PROTOCOL),
        bad("3.1.1 Subscription Options with a reserved bit (No Local's place)", V311, &[
            0x82,             // SUBSCRIBE, flags 0010
            0x06,             // Remaining Length 6
            0x00, 0x01,       // Packet Identifier 1
            0x00, 0x01, b'a', // Topic Filter "a"
            0x04,             // Requested QoS byte 0000_0100: bits 7-2 are reserved in 3.1.1
        ]).is(K::ReservedBitSet, 7, "Subscription Options", MALFORMED),
        bad("5.0 Subscription Options with reserved bit 6", V5, &[
            0x82,             // SUBSCRIBE, flags 0010
            0x07,             // Remaining Length 7
            0x00, 0x01,       // Packet Identifier 1
            0x00,             // Properties Length 0
            0x00, 0x01, b'a', // Topic Filter "a"
            0x40,             // Subscription Options 0100_0000: bits 7-6 are reserved
        ]).is(K::ReservedBitSet, 8, "Subscription Options", MALFORMED),
        bad("Retain Handling 3", V5, &[
            0x82,             // SUBSCRIBE, flags 0010
            0x07,             // Remaining Length 7
            0x00, 0x01,       // Packet Identifier 1
            0x00,             // Properties Length 0
            0x00, 0x01, b'a', // Topic Filter "a"
            0x30,             // Subscription Options 0011_0000: Retain Handling 3
        ]).is(K::InvalidRetainHandling, 8, "Subscription Options", PROTOCOL),
        bad("Subscription Options with Maximum QoS 3", V5, &[
            0x82,             // SUBSCRIBE, flags 0010
            0x07,             // Remaining Length 7
            0x00, 0x01,       // Packet Identifier 1
            0x00,             // Properties Length 0
            0x00, 0x01, b'a', // Topic Filter "a"
            0x03,             // Subscription Options 0000_0011: QoS 3
        ]).is(K::InvalidQoS(3), 8, "Subscription Options", PROTOCOL),
        bad("SUBACK with no return codes", V311, &[
            0x90,       // SUBACK, flags 0000
            0x02,       // Remaining Length 2
            0x00, 0x01, // Packet Identifier 1
                        // Payload: empty
        ]).is(K::NoReasonCodes, 4, "Payload", MALFORMED),
        bad("5.0 SUBACK with no reason codes", V5, &[
            0x90,       // SUBACK, flags 0000
            0x03,       // Remaining Length 3
            0x00, 0x01, // Packet Identifier 1
            0x00,       // Properties Length 0
                        // Payload: empty
        ]).is(K::NoReasonCodes, 5, "Payload", MALFORMED),
        bad("UNSUBSCRIBE with no filters", V311, &[
            0xA2,       // UNSUBSCRIBE, flags 0010
            0x02,       // Remaining Length 2
            0x00, 0x01, // Packet Identifier 1
                        // Payload: empty
        ]).is(K::NoTopicFilters, 4, "Payload", PROTOCOL),
        bad("5.0 UNSUBACK with no reason codes", V5, &[
            0xB0,       // UNSUBACK, flags 0000
            0x03,       // Remaining Length 3
            0x00, 0x01, // Packet Identifier 1
            0x00,       // Properties Length 0
                        // Payload: empty
        ]).is(K::NoReasonCodes, 5, "Payload", MALFORMED),
    ]
}

#[test]
fn malformed_vectors_fail_with_the_exact_error() {
    let vectors = malformed_vectors();
    assert!(
        vectors.len() >= 45,
        "only {} malformed vectors",
        vectors.len()
    );
    let mut names = BTreeSet::new();
    for bad in &vectors {
        assert!(names.insert(bad.name), "duplicate name {:?}", bad.name);
        let o = DecodeOptions {
            version: bad.version,
            max_packet_size: bad.max_packet_size,
        };
        let expected = DecodeError {
            kind: bad.kind.clone(),
            offset: bad.offset,
            field: bad.field,
            packet_type: PacketType::from_u8(bad.bytes[0] >> 4),
        };
        let name = bad.name;
        let got = decode(bad.bytes, &o);
        assert_eq!(got, Err(expected.clone()), "{name}");

        // Framing: what follows the packet does not change the verdict.
        let mut with_junk = bad.bytes.to_vec();
        with_junk.extend_from_slice(JUNK);
        assert_eq!(
            decode(&with_junk, &o),
            Err(expected.clone()),
            "{name}: with junk"
        );

        // The inspector gives the same verdict, with the fields read so far
        // laid end to end.
        let annotated = decode_annotated(bad.bytes, &o);
        assert_eq!(annotated.result, Err(expected.clone()), "{name}: annotated");
        assert_contiguous(name, &annotated.fields, None);
        assert!(
            annotated
                .fields
                .iter()
                .all(|f| f.range.end <= bad.bytes.len()),
            "{name}: field past the buffer"
        );

        // What a receiver closes with, and how it reads.
        assert_eq!(expected.reason_code(), bad.reason, "{name}: reason code");
        let message = expected.to_string();
        assert!(
            message.contains(bad.field),
            "{name}: {message:?} names no field"
        );
        if let Some(t) = expected.packet_type {
            assert!(
                message.contains(t.name()),
                "{name}: {message:?} names no packet"
            );
        }
        assert!(!expected.kind.to_string().is_empty(), "{name}");
        assert!(!expected.spec_section().is_empty(), "{name}");
    }
}

#[test]
fn oversize_packet_is_refused_before_its_body_arrives() {
    // With a 16-byte limit, 16 bytes is fine (and needs its body), 17 is not.
    let o = DecodeOptions {
        version: V5,
        max_packet_size: 16,
    };
    assert_eq!(
        decode(&[0x30, 0x0E], &o),
        Ok(None),
        "16 bytes: wait for the body"
    );
    let err = decode(&[0x30, 0x0F], &o).expect_err("17 bytes");
    assert_eq!(err.kind, K::PacketTooLarge { size: 17, max: 16 });
    assert_eq!(err.spec_section(), "3.1.2.11.4");
    assert_eq!(
        decode_fixed_header(&[0x30, 0x0F], &o).map(|h| h.is_some()),
        Err(err)
    );
    // 1 MiB default: refused from 4 bytes of a 2 MiB packet.
    let huge = decode(&[0x30, 0xFF, 0xFF, 0x7F], &opts(V311)).expect_err("2 MiB");
    assert_eq!(huge.reason_code(), ReasonCode::PACKET_TOO_LARGE);
}

#[test]
fn annotated_malformed_packets_keep_the_fields_read_before_the_failure() {
    let vectors = malformed_vectors();
    let find = |name: &str| {
        vectors
            .iter()
            .find(|b| b.name == name)
            .unwrap_or_else(|| panic!("no vector {name:?}"))
    };

    let level6 = find("CONNECT with Protocol Level 6");
    let a = decode_annotated(level6.bytes, &opts(V5));
    assert_eq!(
        field_names_and_ranges(&a.fields),
        [
            ("Packet type and flags", 0..1),
            ("Remaining Length", 1..2),
            ("Protocol Name", 2..8),
            ("Protocol Level", 8..9),
        ]
    );
    assert_eq!(field(&a.fields, "Protocol Level").value, "6 (0x06)");

    let rm0 = find("Receive Maximum 0");
    let a = decode_annotated(rm0.bytes, &opts(V5));
    assert_eq!(
        field_names_and_ranges(&a.fields),
        [
            ("Packet type and flags", 0..1),
            ("Remaining Length", 1..2),
            ("Protocol Name", 2..8),
            ("Protocol Level", 8..9),
            ("Connect Flags", 9..10),
            ("Keep Alive", 10..12),
            ("Properties Length", 12..13),
        ]
    );

    let wildcard = find("Topic Name with +");
    let a = decode_annotated(wildcard.bytes, &opts(V311));
    assert_eq!(
        field_names_and_ranges(&a.fields),
        [
            ("Packet type and flags", 0..1),
            ("Remaining Length", 1..2),
            ("Topic Name", 2..7),
        ]
    );

    let rc = find("5.0 PUBACK with 0x8D (a DISCONNECT code)");
    let a = decode_annotated(rc.bytes, &opts(V5));
    let last = a.fields.last().expect("fields");
    assert_eq!(
        (last.name.as_ref(), last.range.clone()),
        ("Reason Code", 4..5)
    );
    assert!(last.value.contains("not allowed"), "{}", last.value);

    let huge = find("2 MiB PUBLISH over the 1 MiB default, refused from the fixed header alone");
    let a = decode_annotated(huge.bytes, &opts(V311));
    assert_eq!(
        field_names_and_ranges(&a.fields),
        [("Packet type and flags", 0..1), ("Remaining Length", 1..4)]
    );
    assert_eq!(
        field(&a.fields, "Remaining Length").value,
        "2097151 bytes follow"
    );

    let reserved = find("reserved packet type 0");
    let a = decode_annotated(reserved.bytes, &opts(V311));
    assert_eq!(
        field_names_and_ranges(&a.fields),
        [("Packet type and flags", 0..1)]
    );
}

#[test]
fn reason_codes_and_messages_of_decode_errors() {
    let err = |bytes: &[u8], version| decode(bytes, &opts(version)).expect_err("malformed");

    let too_long = err(&[0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F], V5);
    assert_eq!(too_long.reason_code(), ReasonCode::MALFORMED_PACKET);
    assert_eq!(too_long.packet_type, Some(PacketType::Publish));
    assert_eq!(
        too_long.to_string(),
        "PUBLISH Remaining Length at byte 4: variable byte integer is longer than 4 bytes"
    );

    let reserved = err(&[0x00, 0x00], V5);
    assert_eq!(reserved.packet_type, None);
    assert_eq!(
        reserved.to_string(),
        "Packet type at byte 0: packet type 0 is reserved"
    );

    let wildcard = err(&[0x30, 0x04, 0x00, 0x01, b'+', 0x00], V5);
    assert_eq!(wildcard.reason_code(), ReasonCode::TOPIC_NAME_INVALID);
    assert!(wildcard.to_string().contains("Topic Name"));

    let not_allowed = err(&[0x30, 0x06, 0x00, 0x01, b't', 0x02, 0x24, 0x01], V5);
    assert_eq!(
        not_allowed.kind,
        K::PropertyNotAllowed(P::MaximumQoS),
        "Maximum QoS is a CONNACK property"
    );
    assert_eq!(not_allowed.reason_code(), ReasonCode::MALFORMED_PACKET);
    assert!(not_allowed.to_string().contains("Maximum QoS"));
}

// ---------------------------------------------------------------------------
// Encode errors
// ---------------------------------------------------------------------------

fn connect_311() -> Connect {
    Connect {
        protocol_version: V311,
        client_id: "c".into(),
        ..Connect::default()
    }
}

#[test]
fn encode_refuses_mqtt5_features_in_311() {
    let with_props = Packet::Publish(Publish {
        properties: props(vec![(P::MessageExpiryInterval, int(10))]),
        ..Publish::new("t", "x")
    });
    assert_eq!(
        encode_to_vec(&with_props, V311),
        Err(EncodeError::RequiresMqtt5 {
            what: "PUBLISH properties"
        })
    );
    let connect = Packet::Connect(Connect {
        properties: props(vec![(P::SessionExpiryInterval, int(10))]),
        ..connect_311()
    });
    assert_eq!(
        encode_to_vec(&connect, V311),
        Err(EncodeError::RequiresMqtt5 {
            what: "CONNECT properties"
        })
    );
    let password_only = Packet::Connect(Connect {
        password: Some(b"pw".to_vec()),
        ..connect_311()
    });
    assert!(matches!(
        encode_to_vec(&password_only, V311),
        Err(EncodeError::RequiresMqtt5 { .. })
    ));
    assert_eq!(
        encode_to_vec(&Packet::Auth(Auth::default()), V311),
        Err(EncodeError::RequiresMqtt5 { what: "AUTH" })
    );
    let no_local = Packet::Subscribe(Subscribe {
        packet_id: id(1),
        properties: none(),
        filters: vec![filter(
            "a",
            SubscriptionOptions {
                no_local: true,
                ..SubscriptionOptions::qos(QoS::AtLeastOnce)
            },
        )],
    });
    assert_eq!(
        encode_to_vec(&no_local, V311),
        Err(EncodeError::RequiresMqtt5 {
            what: "No Local, Retain As Published and Retain Handling"
        })
    );
    // The same SUBSCRIBE is fine in 5.0.
    assert!(encode_to_vec(&no_local, V5).is_ok());
    let unsuback_codes = Packet::UnsubAck(UnsubAck {
        packet_id: id(1),
        properties: none(),
        reason_codes: codes(&[0x00]),
    });
    assert!(matches!(
        encode_to_vec(&unsuback_codes, V311),
        Err(EncodeError::RequiresMqtt5 { .. })
    ));
}

#[test]
fn encode_checks_properties_against_the_table() {
    let connect_with = |list| {
        Packet::Connect(Connect {
            properties: props(list),
            ..Connect::default()
        })
    };
    // Not allowed in this packet.
    assert_eq!(
        encode_to_vec(&connect_with(vec![(P::TopicAlias, int(1))]), V5),
        Err(EncodeError::PropertyNotAllowed {
            property: P::TopicAlias,
            packet: PacketType::Connect
        })
    );
    assert_eq!(
        encode_to_vec(&connect_with(vec![(P::WillDelayInterval, int(1))]), V5),
        Err(EncodeError::PropertyNotAllowed {
            property: P::WillDelayInterval,
            packet: PacketType::Connect
        })
    );
    let puback_expiry = Packet::PubAck(ack(1, 0, props(vec![(P::SessionExpiryInterval, int(1))])));
    assert_eq!(
        encode_to_vec(&puback_expiry, V5),
        Err(EncodeError::PropertyNotAllowed {
            property: P::SessionExpiryInterval,
            packet: PacketType::PubAck
        })
    );
    // Value of the wrong type.
    assert_eq!(
        encode_to_vec(&connect_with(vec![(P::ReceiveMaximum, text("ten"))]), V5),
        Err(EncodeError::PropertyTypeMismatch {
            property: P::ReceiveMaximum
        })
    );
    assert_eq!(
        encode_to_vec(&connect_with(vec![(P::ReceiveMaximum, int(65_536))]), V5),
        Err(EncodeError::PropertyTypeMismatch {
            property: P::ReceiveMaximum
        }),
        "Receive Maximum is a Two Byte Integer"
    );
    assert_eq!(
        encode_to_vec(&connect_with(vec![(P::UserProperty, text("k"))]), V5),
        Err(EncodeError::PropertyTypeMismatch {
            property: P::UserProperty
        })
    );
    // A non-repeatable property twice (built by hand: `Properties::set`
    // would replace it).
    assert_eq!(
        encode_to_vec(
            &connect_with(vec![
                (P::SessionExpiryInterval, int(1)),
                (P::SessionExpiryInterval, int(2)),
            ]),
            V5
        ),
        Err(EncodeError::DuplicateProperty {
            property: P::SessionExpiryInterval
        })
    );
    // User Property repeats freely.
    assert!(encode_to_vec(
        &connect_with(vec![
            (P::UserProperty, pair("a", "1")),
            (P::UserProperty, pair("a", "2")),
        ]),
        V5
    )
    .is_ok());
    // Subscription Identifier repeats in PUBLISH but not in SUBSCRIBE.
    let sub_ids = props(vec![
        (P::SubscriptionIdentifier, int(1)),
        (P::SubscriptionIdentifier, int(2)),
    ]);
    let publish = Packet::Publish(Publish {
        properties: sub_ids.clone(),
        ..Publish::new("t", "x")
    });
    assert!(encode_to_vec(&publish, V5).is_ok());
    let subscribe = Packet::Subscribe(Subscribe {
        packet_id: id(1),
        properties: sub_ids,
        filters: vec![filter("a", SubscriptionOptions::default())],
    });
    assert_eq!(
        encode_to_vec(&subscribe, V5),
        Err(EncodeError::DuplicateProperty {
            property: P::SubscriptionIdentifier
        })
    );
    // Will Properties have their own table column.
    let will_expiry = Packet::Connect(Connect {
        will: Some(LastWill {
            topic: "w".into(),
            payload: vec![],
            qos: QoS::AtMostOnce,
            retain: false,
            properties: props(vec![(P::SessionExpiryInterval, int(1))]),
        }),
        ..Connect::default()
    });
    assert!(matches!(
        encode_to_vec(&will_expiry, V5),
        Err(EncodeError::PropertyNotAllowed {
            property: P::SessionExpiryInterval,
            ..
        })
    ));
}

#[test]
fn encode_refuses_property_values_the_spec_forbids() {
    let alias0 = Packet::Publish(Publish {
        properties: props(vec![(P::TopicAlias, int(0))]),
        ..Publish::new("t", "x")
    });
    assert_eq!(
        encode_to_vec(&alias0, V5),
        Err(EncodeError::ValueOutOfRange {
            field: "Topic Alias",
            value: 0
        }),
        "MQTT-3.3.2-8"
    );
    let receive_max0 = Packet::Connect(Connect {
        properties: props(vec![(P::ReceiveMaximum, int(0))]),
        ..Connect::default()
    });
    assert_eq!(
        encode_to_vec(&receive_max0, V5),
        Err(EncodeError::ValueOutOfRange {
            field: "Receive Maximum",
            value: 0
        })
    );
    let max_qos2 = Packet::ConnAck(ConnAck {
        properties: props(vec![(P::MaximumQoS, int(2))]),
        ..ConnAck::default()
    });
    assert_eq!(
        encode_to_vec(&max_qos2, V5),
        Err(EncodeError::ValueOutOfRange {
            field: "Maximum QoS",
            value: 2
        })
    );
    // Topic Alias Maximum 0 is allowed (it means "no aliases").
    let alias_max0 = Packet::ConnAck(ConnAck {
        properties: props(vec![(P::TopicAliasMaximum, int(0))]),
        ..ConnAck::default()
    });
    assert!(encode_to_vec(&alias_max0, V5).is_ok());
}

#[test]
fn encode_checks_strings_and_topics() {
    let long = "a".repeat(65_536);
    assert_eq!(
        encode_to_vec(&Packet::Publish(Publish::new(long.clone(), "x")), V311),
        Err(EncodeError::FieldTooLong {
            field: "Topic Name",
            len: 65_536
        })
    );
    // 65,535 bytes is the largest string.
    let longest = Packet::Publish(Publish::new("a".repeat(65_535), "x"));
    let bytes = encode_to_vec(&longest, V311).expect("65535-byte topic");
    assert_eq!(
        decode(&bytes, &opts(V311)),
        Ok(Some((longest, bytes.len())))
    );
    assert_eq!(
        encode_to_vec(
            &Packet::Connect(Connect {
                client_id: long,
                ..connect_311()
            }),
            V311
        ),
        Err(EncodeError::FieldTooLong {
            field: "Client Identifier",
            len: 65_536
        })
    );
    assert_eq!(
        encode_to_vec(&Packet::Publish(Publish::new("a\0b", "x")), V311),
        Err(EncodeError::NullCharacter {
            field: "Topic Name"
        })
    );
    let null_in_user_property = Packet::Publish(Publish {
        properties: props(vec![(P::UserProperty, pair("k", "v\0"))]),
        ..Publish::new("t", "x")
    });
    assert_eq!(
        encode_to_vec(&null_in_user_property, V5),
        Err(EncodeError::NullCharacter {
            field: "User Property"
        })
    );
    for topic in ["a/+", "#", "a/#"] {
        assert_eq!(
            encode_to_vec(&Packet::Publish(Publish::new(topic, "x")), V5),
            Err(EncodeError::InvalidTopicName),
            "{topic}"
        );
    }
    assert_eq!(
        encode_to_vec(&Packet::Publish(Publish::new("", "x")), V5),
        Err(EncodeError::InvalidTopicName),
        "empty topic without a Topic Alias"
    );
    let alias_in_311 = Packet::Publish(Publish {
        properties: props(vec![(P::TopicAlias, int(1))]),
        ..Publish::new("", "x")
    });
    assert_eq!(
        encode_to_vec(&alias_in_311, V311),
        Err(EncodeError::InvalidTopicName),
        "3.1.1 has no Topic Alias to stand in for an empty topic"
    );
    let will_wildcard = Packet::Connect(Connect {
        will: Some(LastWill {
            topic: "w/#".into(),
            payload: vec![],
            qos: QoS::AtMostOnce,
            retain: false,
            properties: none(),
        }),
        ..connect_311()
    });
    assert_eq!(
        encode_to_vec(&will_wildcard, V311),
        Err(EncodeError::InvalidTopicName)
    );
}

#[test]
fn encode_refuses_dup_on_qos0_and_empty_lists() {
    let dup0 = Packet::Publish(Publish {
        dup: true,
        ..Publish::new("t", "x")
    });
    assert_eq!(
        encode_to_vec(&dup0, V311),
        Err(EncodeError::ValueOutOfRange {
            field: "DUP flag on a QoS 0 PUBLISH",
            value: 1
        })
    );
    let empty_subscribe = Packet::Subscribe(Subscribe {
        packet_id: id(1),
        properties: none(),
        filters: vec![],
    });
    assert_eq!(
        encode_to_vec(&empty_subscribe, V5),
        Err(EncodeError::EmptyList {
            field: "Topic Filters"
        })
    );
    let empty_unsubscribe = Packet::Unsubscribe(Unsubscribe {
        packet_id: id(1),
        properties: none(),
        filters: vec![],
    });
    assert_eq!(
        encode_to_vec(&empty_unsubscribe, V311),
        Err(EncodeError::EmptyList {
            field: "Topic Filters"
        })
    );
    let empty_suback = Packet::SubAck(SubAck {
        packet_id: id(1),
        properties: none(),
        reason_codes: vec![],
    });
    assert_eq!(
        encode_to_vec(&empty_suback, V311),
        Err(EncodeError::EmptyList {
            field: "Reason Codes"
        })
    );
}

#[test]
fn encode_refuses_reason_codes_the_packet_cannot_carry() {
    let cases = [
        (
            Packet::PubAck(ack(1, 0x8D, none())),
            V5,
            PacketType::PubAck,
            0x8D,
        ),
        (
            Packet::PubRel(ack(1, 0x10, none())),
            V5,
            PacketType::PubRel,
            0x10,
        ),
        (
            Packet::PubAck(ack(1, 0x10, none())),
            V311,
            PacketType::PubAck,
            0x10,
        ),
        (
            Packet::ConnAck(ConnAck {
                reason_code: ReasonCode(0x04),
                ..ConnAck::default()
            }),
            V5,
            PacketType::ConnAck,
            0x04,
        ),
        (
            Packet::ConnAck(ConnAck {
                reason_code: ReasonCode(0x06),
                ..ConnAck::default()
            }),
            V311,
            PacketType::ConnAck,
            0x06,
        ),
        (
            Packet::ConnAck(ConnAck {
                reason_code: ReasonCode::NOT_AUTHORIZED,
                ..ConnAck::default()
            }),
            V311,
            PacketType::ConnAck,
            0x87,
        ),
        (
            Packet::SubAck(SubAck {
                packet_id: id(1),
                properties: none(),
                reason_codes: codes(&[0x00, 0x87]),
            }),
            V311,
            PacketType::SubAck,
            0x87,
        ),
        (
            Packet::UnsubAck(UnsubAck {
                packet_id: id(1),
                properties: none(),
                reason_codes: codes(&[0x01]),
            }),
            V5,
            PacketType::UnsubAck,
            0x01,
        ),
        (
            Packet::Disconnect(Disconnect {
                reason_code: ReasonCode(0x8E),
                properties: none(),
            }),
            V311,
            PacketType::Disconnect,
            0x8E,
        ),
        (
            Packet::Auth(Auth {
                reason_code: ReasonCode(0x01),
                properties: none(),
            }),
            V5,
            PacketType::Auth,
            0x01,
        ),
    ];
    for (packet, version, t, code) in cases {
        assert_eq!(
            encode_to_vec(&packet, version),
            Err(EncodeError::InvalidReasonCode {
                packet: t,
                code,
                version
            }),
            "{t} 0x{code:02X} in {version}"
        );
    }
}

#[test]
fn failed_encode_appends_nothing_and_messages_name_the_problem() {
    let mut out = vec![0xAB, 0xCD];
    let bad = Packet::Publish(Publish::new("a/#", "x"));
    assert_eq!(
        encode(&bad, V5, &mut out),
        Err(EncodeError::InvalidTopicName)
    );
    assert_eq!(out, [0xAB, 0xCD]);

    let errors = [
        EncodeError::RequiresMqtt5 { what: "AUTH" },
        EncodeError::FieldTooLong {
            field: "Topic Name",
            len: 65_536,
        },
        EncodeError::PropertyNotAllowed {
            property: P::TopicAlias,
            packet: PacketType::Connect,
        },
        EncodeError::DuplicateProperty {
            property: P::SessionExpiryInterval,
        },
        EncodeError::InvalidReasonCode {
            packet: PacketType::PubAck,
            code: 0x8D,
            version: V5,
        },
    ];
    let expected_words = [
        "AUTH",
        "Topic Name",
        "Topic Alias",
        "Session Expiry",
        "0x8D",
    ];
    for (e, word) in errors.iter().zip(expected_words) {
        let message = e.to_string();
        assert!(message.contains(word), "{message:?} should mention {word}");
    }
}
