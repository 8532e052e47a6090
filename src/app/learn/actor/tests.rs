use super::*;
use crate::protocol::codec::{decode, DecodeOptions};
use crate::protocol::session::Message;

fn packet(bytes: &[u8]) -> Packet {
    decode(bytes, &DecodeOptions::new(ProtocolVersion::V311))
        .expect("valid")
        .expect("whole")
        .0
}

fn sent(bytes: &[u8]) -> DriverEvent {
    DriverEvent::Session(Event::PacketSent {
        packet: packet(bytes),
        bytes: bytes.to_vec(),
    })
}

fn received(bytes: &[u8]) -> DriverEvent {
    DriverEvent::Session(Event::PacketReceived {
        packet: packet(bytes),
        bytes: bytes.to_vec(),
    })
}

// PUBLISH QoS 1, topic "a/b", id 7, payload "hi".
const PUBLISH_Q1: [u8; 11] = [0x32, 9, 0, 3, b'a', b'/', b'b', 0, 7, b'h', b'i'];
const PUBLISH_Q2: [u8; 11] = [0x34, 9, 0, 3, b'a', b'/', b'b', 0, 8, b'h', b'i'];
const PUBLISH_Q0: [u8; 9] = [0x30, 7, 0, 3, b'a', b'/', b'b', b'h', b'i'];

#[test]
fn opening_then_closing_without_connack() {
    let mut a = ActorState::default();
    a.apply(
        &DriverEvent::Opening {
            url: "ws://x".into(),
            attempt: 0,
        },
        1,
    );
    assert_eq!(a.status, ActorStatus::Connecting);
    assert!(a.status.is_active());
    a.apply(
        &DriverEvent::SocketClosed {
            code: 1006,
            reason: String::new(),
            was_clean: false,
            opened: false,
        },
        5,
    );
    assert_eq!(
        a.status,
        ActorStatus::Closed {
            reason: Some(CloseReason::TransportClosed),
            at_ms: 5
        }
    );
}

#[test]
fn session_close_reason_wins_over_the_socket_close_after_it() {
    let mut a = ActorState::default();
    a.apply(
        &DriverEvent::Session(Event::Closed(CloseReason::KeepAliveTimeout)),
        10,
    );
    a.apply(
        &DriverEvent::SocketClosed {
            code: 1000,
            reason: String::new(),
            was_clean: true,
            opened: true,
        },
        11,
    );
    assert_eq!(
        a.status,
        ActorStatus::Closed {
            reason: Some(CloseReason::KeepAliveTimeout),
            at_ms: 10
        }
    );
}

#[test]
fn packets_are_logged_with_direction_type_id_and_publish_flags() {
    let mut a = ActorState::default();
    a.apply(&sent(&PUBLISH_Q1), 100);
    a.apply(&received(&[0x40, 2, 0, 7]), 130);
    assert_eq!(a.sent_total, 1);
    assert_eq!(a.received_total, 1);
    assert_eq!(a.last_sent_ms, Some(100));
    assert_eq!(a.wire.len(), 2);
    let p = &a.wire[0];
    assert_eq!(p.direction, Direction::Sent);
    assert_eq!(p.packet_type, PacketType::Publish);
    assert_eq!(p.packet_id.map(|id| id.get()), Some(7));
    let info = p.publish.as_ref().expect("publish info");
    assert_eq!((info.topic.as_str(), info.qos), ("a/b", QoS::AtLeastOnce));
    assert_eq!(&*p.bytes, &PUBLISH_Q1[..]);
    assert_eq!(a.wire[1].packet_type, PacketType::PubAck);
    assert_eq!(a.wire_mark(), 2);
    assert_eq!(a.wire_since(1).count(), 1);
}

#[test]
fn the_wire_log_is_bounded_but_totals_are_not() {
    let mut a = ActorState::default();
    for i in 0..(WIRE_KEPT as u64 + 10) {
        a.apply(&sent(&[0xC0, 0]), i);
    }
    assert_eq!(a.wire.len(), WIRE_KEPT);
    assert_eq!(a.sent_total, WIRE_KEPT as u64 + 10);
    assert_eq!(a.wire[0].seq, 11);
}

#[test]
fn messages_are_kept_with_flags_and_bounded() {
    let mut a = ActorState::default();
    for i in 0..(MESSAGES_KEPT as u64 + 3) {
        a.apply(
            &DriverEvent::Session(Event::Message(Message {
                topic: "s/t".into(),
                payload: b"online".to_vec(),
                qos: QoS::AtLeastOnce,
                retain: i == 0,
                dup: false,
                packet_id: None,
                properties: Default::default(),
            })),
            i,
        );
    }
    assert_eq!(a.messages.len(), MESSAGES_KEPT);
    assert_eq!(a.messages_total, MESSAGES_KEPT as u64 + 3);
    assert_eq!(a.messages[0].seq, 4);
    assert_eq!(a.messages[0].text(), "online");
    assert_eq!(a.messages_since(MESSAGES_KEPT as u64 + 2).count(), 1);
    a.clear_history();
    assert!(a.messages.is_empty());
    assert_eq!(a.messages_total, MESSAGES_KEPT as u64 + 3);
}

#[test]
fn qos_exchanges_are_picked_out_with_times() {
    let mut a = ActorState::default();
    a.apply(&sent(&[0xC0, 0]), 0);
    let mark = a.wire_mark();
    // QoS 2: PUBLISH, PUBREC, PUBREL, PUBCOMP; an unrelated PINGRESP between.
    a.apply(&sent(&PUBLISH_Q2), 1000);
    a.apply(&received(&[0x50, 2, 0, 8]), 1012);
    a.apply(&received(&[0xD0, 0]), 1013);
    a.apply(&sent(&[0x62, 2, 0, 8]), 1014);
    a.apply(&received(&[0x70, 2, 0, 8]), 1030);
    let id = PacketId::new(8);
    let steps = exchange_of(&a.wire, mark, id);
    let kinds: Vec<_> = steps.iter().map(|s| (s.0, s.1)).collect();
    assert_eq!(
        kinds,
        vec![
            (Direction::Sent, PacketType::Publish),
            (Direction::Received, PacketType::PubRec),
            (Direction::Sent, PacketType::PubRel),
            (Direction::Received, PacketType::PubComp),
        ]
    );
    assert_eq!(
        steps.iter().map(|s| s.2).collect::<Vec<_>>(),
        [0, 12, 14, 30]
    );

    // QoS 0: just the PUBLISH.
    let mark = a.wire_mark();
    a.apply(&sent(&PUBLISH_Q0), 2000);
    a.apply(&received(&[0xD0, 0]), 2001);
    assert_eq!(
        exchange_of(&a.wire, mark, None),
        vec![(Direction::Sent, PacketType::Publish, 0)]
    );
}

#[test]
fn a_refused_filter_is_remembered() {
    let mut a = ActorState::default();
    a.apply(
        &DriverEvent::Session(Event::Subscribed {
            packet_id: PacketId::new(1).expect("non-zero"),
            results: vec![crate::protocol::session::SubscribeResult {
                filter: "x/#".into(),
                reason_code: crate::protocol::codec::ReasonCode(0x87),
            }],
        }),
        0,
    );
    assert_eq!(a.refused, Some(("x/#".to_string(), 0x87)));
}
