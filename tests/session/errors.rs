//! A misbehaving server, and commands the session must refuse.

use super::common::*;

use mqtt_lab::protocol::codec::{
    self, Disconnect, Packet, PacketType, Properties, PropertyId, PropertyValue, ProtocolVersion,
    QoS, ReasonCode, Subscribe, SubscribeFilter, SubscriptionOptions,
};
use mqtt_lab::protocol::session::{
    CloseReason, CommandError, ConnectOptions, Event, OutgoingPublish, ProtocolError,
};
use mqtt_lab::protocol::topic::TopicError;

/// Checks the close after a server error: in 5.0 a DISCONNECT with `code`
/// first, in 3.1.1 nothing (it has no way to say why).
#[track_caller]
fn expect_violation(peer: &mut Peer, code: ReasonCode) -> ProtocolError {
    if peer.version().is_v5() {
        assert_eq!(peer.expect_disconnect().reason_code, code);
    }
    match peer.expect_closed() {
        CloseReason::ProtocolViolation(e) => {
            peer.assert_quiet();
            e
        }
        other => panic!("expected a protocol violation, got {other:?}"),
    }
}

/// A tiny deterministic generator for the garbage test (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

both_versions! {
    /// Bytes that do not decode: closed as malformed (5.0: DISCONNECT
    /// 0x81 Malformed Packet), never a panic.
    fn malformed_bytes_close_the_connection(version) {
        let samples: [&[u8]; 5] = [
            // PINGRESP with a body.
            &[0xD0, 0x01, 0x00],
            // PUBLISH with QoS 3.
            &[0x36, 0x05, 0x00, 0x01, b'a', 0x00, 0x01],
            // A Remaining Length of five bytes.
            &[0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F],
            // PUBACK with the wrong fixed-header flags.
            &[0x42, 0x02, 0x00, 0x01],
            // PUBLISH whose topic length runs past the packet.
            &[0x30, 0x03, 0x00, 0x09, b'a'],
        ];
        for bytes in samples {
            let mut peer = Peer::new(version);
            peer.accept();
            peer.send_bytes(bytes);
            let e = expect_violation(&mut peer, ReasonCode::MALFORMED_PACKET);
            assert!(matches!(e, ProtocolError::Malformed(_)), "{bytes:02X?}: {e:?}");
            // Anything after it is dropped.
            peer.send(Packet::PingResp);
            peer.assert_quiet();
        }
    }

    /// With packet events on, the bytes of a malformed packet (from its
    /// start, what arrived of it) come out with the error for the packet
    /// inspector, before the close; with them off, nothing extra.
    fn malformed_bytes_are_reported_for_the_inspector(version) {
        // A PINGRESP, then a PUBLISH with QoS 3.
        let bytes = [0xD0, 0x00, 0x36, 0x05, 0x00, 0x01, b'a', 0x00, 0x01];
        let mut peer = Peer::new(version);
        peer.accept();
        peer.send_bytes(&bytes);
        expect_violation(&mut peer, ReasonCode::MALFORMED_PACKET);
        let malformed = peer.take_malformed();
        assert_eq!(malformed.len(), 1);
        let (got, error) = &malformed[0];
        assert_eq!(got, &bytes[2..]);
        assert_eq!(error.offset, 0);
        assert_eq!(error.packet_type, Some(PacketType::Publish));

        let mut peer = Peer::new(version);
        peer.set_packet_events(false);
        peer.accept();
        peer.send_bytes(&bytes);
        expect_violation(&mut peer, ReasonCode::MALFORMED_PACKET);
        assert!(peer.take_malformed().is_empty());
    }

    /// Random bytes in random chunks, thousands of times: the session
    /// either keeps going or closes with a reason; it never panics and
    /// never sends something the server cannot decode (the harness checks).
    fn garbage_never_panics(version) {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..2_000 {
            let mut peer = Peer::new(version);
            peer.accept();
            let len = rng.below(64) as usize;
            let mut bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            // Often start with a plausible first byte.
            if let Some(b) = bytes.first_mut() {
                if rng.below(2) == 0 {
                    *b = (rng.below(16) as u8) << 4 | (rng.below(16) as u8 & 0x0F);
                }
            }
            let mut rest = &bytes[..];
            while !rest.is_empty() {
                let n = 1 + rng.below(rest.len() as u64) as usize;
                peer.send_bytes(&rest[..n]);
                rest = &rest[n..];
            }
            for e in peer.take_events() {
                match e {
                    Event::Closed(CloseReason::ProtocolViolation(_))
                    | Event::Closed(CloseReason::ServerDisconnected { .. })
                    | Event::Message(_)
                    | Event::Ignored { .. } => {}
                    other => panic!("{bytes:02X?} gave {other:?}"),
                }
            }
        }
    }

    /// Packets only a client sends, from the server: a protocol error
    /// (5.0: DISCONNECT 0x82).
    fn client_only_packets_from_the_server_are_violations(version) {
        let subscribe = Packet::Subscribe(Subscribe {
            packet_id: pid(1),
            properties: Properties::new(),
            filters: vec![filter("a", QoS::AtMostOnce)],
        });
        let mut cases = vec![
            (subscribe, PacketType::Subscribe),
            (Packet::PingReq, PacketType::PingReq),
            (Packet::ConnAck(connack()), PacketType::ConnAck),
        ];
        if !version.is_v5() {
            // 3.1.1 DISCONNECT goes from client to server only.
            cases.push((Packet::Disconnect(Disconnect::default()), PacketType::Disconnect));
        }
        for (packet, t) in cases {
            let mut peer = Peer::new(version);
            peer.accept();
            peer.send(packet);
            assert_eq!(
                expect_violation(&mut peer, ReasonCode::PROTOCOL_ERROR),
                ProtocolError::UnexpectedPacket(t)
            );
        }
    }

    /// Anything but CONNACK before CONNACK is a protocol error.
    fn packets_before_connack_are_violations(version) {
        for packet in [
            publish_in("a", b"x", QoS::AtMostOnce, 0),
            Packet::PingResp,
            puback(1),
        ] {
            let mut peer = Peer::new(version);
            peer.connect();
            let t = packet.packet_type();
            peer.send(packet);
            match peer.expect_closed() {
                CloseReason::ProtocolViolation(e) => {
                    assert_eq!(e, ProtocolError::UnexpectedPacket(t))
                }
                other => panic!("{other:?}"),
            }
            for p in peer.take_sent() {
                assert!(matches!(p, Packet::Disconnect(_)), "sent {p:?}");
            }
        }
    }

    /// Invalid topics and filters are refused with the rule they break;
    /// nothing is sent, nothing reported, and the session goes on.
    fn invalid_commands_are_refused(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        assert_eq!(
            peer.publish(OutgoingPublish::new("a/+", "x")),
            Err(CommandError::InvalidTopicName(TopicError::WildcardInTopicName {
                wildcard: '+',
                level: 2
            }))
        );
        assert_eq!(
            peer.publish(OutgoingPublish::new("a/#", "x").qos(QoS::AtLeastOnce)),
            Err(CommandError::InvalidTopicName(TopicError::WildcardInTopicName {
                wildcard: '#',
                level: 2
            }))
        );
        assert_eq!(
            peer.publish(OutgoingPublish::new("", "x").qos(QoS::ExactlyOnce)),
            Err(CommandError::InvalidTopicName(TopicError::Empty))
        );
        assert_eq!(
            peer.command(|s, now| s.subscribe(vec![filter("ok/+", QoS::AtMostOnce), filter("a/#/b", QoS::AtMostOnce)], None, now)),
            Err(CommandError::InvalidTopicFilter {
                filter: "a/#/b".into(),
                error: TopicError::MultiLevelWildcardNotLast { level: 2 },
            })
        );
        assert_eq!(
            peer.command(|s, now| s.subscribe(vec![filter("", QoS::AtMostOnce)], None, now)),
            Err(CommandError::InvalidTopicFilter {
                filter: String::new(),
                error: TopicError::Empty,
            })
        );
        assert_eq!(
            peer.command(|s, now| s.subscribe(Vec::new(), None, now)),
            Err(CommandError::NoTopicFilters)
        );
        assert_eq!(
            peer.command(|s, now| s.unsubscribe(vec!["a/#/b".into()], now)),
            Err(CommandError::InvalidTopicFilter {
                filter: "a/#/b".into(),
                error: TopicError::MultiLevelWildcardNotLast { level: 2 },
            })
        );
        assert_eq!(
            peer.command(|s, now| s.unsubscribe(Vec::new(), now)),
            Err(CommandError::NoTopicFilters)
        );
        peer.assert_quiet();
        assert!(peer.session.subscriptions().is_empty(), "a refused SUBSCRIBE is not kept");

        // Still working.
        let id = peer.publish_qos("a/b", b"x", QoS::AtLeastOnce).expect("an id");
        assert_eq!(peer.expect_publish().qos_pid.packet_id(), Some(id));
        let sub = peer.subscribe(&["a/+"]);
        assert_eq!(peer.expect_subscribe().packet_id, sub);
        assert!(peer.session.is_connected());
    }

    /// Commands need a connection: before `connect`, while waiting for
    /// CONNACK and after the connection ended. Nothing is sent.
    fn commands_need_a_connection(version) {
        fn all_refused(peer: &mut Peer) {
            assert_eq!(
                peer.publish(OutgoingPublish::new("a", "x")),
                Err(CommandError::NotConnected)
            );
            assert_eq!(
                peer.publish(OutgoingPublish::new("a", "x").qos(QoS::AtLeastOnce)),
                Err(CommandError::NotConnected)
            );
            assert_eq!(
                peer.command(|s, now| s.subscribe(vec![filter("a", QoS::AtMostOnce)], None, now)),
                Err(CommandError::NotConnected)
            );
            assert_eq!(
                peer.command(|s, now| s.unsubscribe(vec!["a".into()], now)),
                Err(CommandError::NotConnected)
            );
            assert_eq!(peer.session.inflight_len() + peer.session.queued_len(), 0);
        }
        let mut peer = Peer::new(version);
        all_refused(&mut peer);
        peer.assert_quiet();
        peer.connect();
        all_refused(&mut peer);
        peer.assert_quiet();
        peer.send(Packet::ConnAck(connack()));
        peer.expect_connected();
        peer.command(|s, now| s.disconnect(now));
        peer.expect_disconnect();
        assert_eq!(peer.expect_closed(), CloseReason::ClientDisconnected);
        all_refused(&mut peer);
        // Disconnecting again sends nothing.
        peer.command(|s, now| s.disconnect(now));
        peer.assert_quiet();
    }

    /// SUBACK: a failure code reports the failure and drops that
    /// subscription, so it is not sent again after a lost session.
    fn suback_failure_drops_the_subscription(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        let id = peer.subscribe(&["lab/#", "secret/#", "alerts/+"]);
        let s = peer.expect_subscribe();
        assert_eq!(s.packet_id, id);
        let failure = if version.is_v5() { 0x87 } else { 0x80 };
        peer.send(suback(id, &[1, failure, 0]));
        match peer.expect_event() {
            Event::Subscribed { packet_id, results } => {
                assert_eq!(packet_id, id);
                let r: Vec<_> = results
                    .iter()
                    .map(|r| (r.filter.as_str(), r.reason_code.0))
                    .collect();
                assert_eq!(r, [("lab/#", 1), ("secret/#", failure), ("alerts/+", 0)]);
            }
            other => panic!("{other:?}"),
        }
        let kept: Vec<_> = peer
            .session
            .subscriptions()
            .iter()
            .map(|s| s.filter.filter.as_str())
            .collect();
        assert_eq!(kept, ["lab/#", "alerts/+"]);

        peer.close_transport();
        peer.expect_closed();
        peer.connect();
        peer.send(Packet::ConnAck(connack()));
        peer.expect_connected();
        let again: Vec<_> = peer
            .expect_subscribe()
            .filters
            .into_iter()
            .map(|f| f.filter)
            .collect();
        assert_eq!(again, ["lab/#", "alerts/+"]);
        peer.assert_quiet();
    }

    /// SUBACK with a different number of codes than filters: violation.
    fn suback_with_wrong_code_count_is_a_violation(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        let id = peer.subscribe(&["a", "b"]);
        peer.expect_subscribe();
        peer.send(suback(id, &[1]));
        assert_eq!(
            expect_violation(&mut peer, ReasonCode::PROTOCOL_ERROR),
            ProtocolError::ReasonCodeCount {
                packet_type: PacketType::SubAck,
                expected: 2,
                found: 1,
            }
        );
    }

    /// SUBACK for a SUBSCRIBE we never sent is ignored.
    fn unknown_suback_is_ignored(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        peer.send(suback(pid(99), &[0]));
        assert!(matches!(
            peer.expect_event(),
            Event::Ignored { packet_type: PacketType::SubAck, .. }
        ));
        peer.assert_quiet();
        assert!(peer.session.is_connected());
    }

    /// The client's own DISCONNECT: Normal disconnection, then closed.
    fn client_disconnect(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        peer.command(|s, now| s.disconnect(now));
        assert_eq!(peer.expect_disconnect().reason_code, ReasonCode::NORMAL_DISCONNECTION);
        assert_eq!(peer.expect_closed(), CloseReason::ClientDisconnected);
        peer.assert_quiet();
    }
}

/// 5.0: the server's DISCONNECT ends the connection with its reason; we
/// send nothing back.
#[test]
fn server_disconnect_is_reported() {
    let mut peer = Peer::new(ProtocolVersion::V5);
    peer.accept();
    let mut props = Properties::new();
    props.set(
        PropertyId::ReasonString,
        PropertyValue::String("maintenance".into()),
    );
    props.set(
        PropertyId::ServerReference,
        PropertyValue::String("backup.example:1883".into()),
    );
    peer.send(Packet::Disconnect(Disconnect {
        reason_code: ReasonCode::SERVER_SHUTTING_DOWN,
        properties: props,
    }));
    assert_eq!(
        peer.expect_closed(),
        CloseReason::ServerDisconnected {
            reason_code: ReasonCode::SERVER_SHUTTING_DOWN,
            reason_string: Some("maintenance".into()),
            server_reference: Some("backup.example:1883".into()),
        }
    );
    peer.assert_quiet();
}

/// 5.0: QoS above the server's Maximum QoS is refused; nothing is sent.
#[test]
fn qos_above_server_maximum_is_refused() {
    let mut peer = Peer::new(ProtocolVersion::V5);
    peer.accept_with(connack_with(int_props(&[(PropertyId::MaximumQoS, 0)])));
    for qos in [QoS::AtLeastOnce, QoS::ExactlyOnce] {
        assert_eq!(
            peer.publish(OutgoingPublish::new("a", "x").qos(qos)),
            Err(CommandError::QosNotSupported {
                requested: qos,
                maximum: QoS::AtMostOnce,
            })
        );
    }
    peer.assert_quiet();
    assert_eq!(peer.publish_qos("a", b"x", QoS::AtMostOnce), None);
    peer.expect_publish();
}

/// 5.0: Disconnect with Will Message and a new Session Expiry Interval.
#[test]
fn client_disconnect_with_reason() {
    let mut peer = Peer::new(ProtocolVersion::V5);
    peer.accept();
    peer.command(|s, now| {
        s.disconnect_with(ReasonCode::DISCONNECT_WITH_WILL_MESSAGE, Some(0), now)
    });
    let d = peer.expect_disconnect();
    assert_eq!(d.reason_code, ReasonCode::DISCONNECT_WITH_WILL_MESSAGE);
    assert_eq!(
        d.properties.integer(PropertyId::SessionExpiryInterval),
        Some(0)
    );
    assert_eq!(peer.expect_closed(), CloseReason::ClientDisconnected);
}

/// 3.1.1: MQTT 5 features are refused by name; nothing is sent.
#[test]
fn mqtt5_features_on_v311_are_refused() {
    let opts = ConnectOptions {
        user_properties: vec![("k".into(), "v".into())],
        ..options(ProtocolVersion::V311)
    };
    let mut peer = Peer::with_options(opts);
    assert_eq!(
        peer.command(|s, now| s.connect(now)),
        Err(CommandError::RequiresMqtt5("User Properties"))
    );
    peer.assert_quiet();

    let mut peer = Peer::new(ProtocolVersion::V311);
    peer.accept();
    let no_local = SubscribeFilter {
        filter: "a".into(),
        options: SubscriptionOptions {
            no_local: true,
            ..SubscriptionOptions::qos(QoS::AtMostOnce)
        },
    };
    assert!(matches!(
        peer.command(|s, now| s.subscribe(vec![no_local], None, now)),
        Err(CommandError::RequiresMqtt5(_))
    ));
    assert_eq!(
        peer.command(|s, now| s.subscribe(vec![filter("a", QoS::AtMostOnce)], Some(1), now)),
        Err(CommandError::RequiresMqtt5("Subscription Identifier"))
    );
    peer.assert_quiet();
}

/// A malformed packet while waiting for CONNACK closes without a panic.
#[test]
fn malformed_connack_closes() {
    for version in [ProtocolVersion::V311, ProtocolVersion::V5] {
        let mut peer = Peer::new(version);
        peer.connect();
        // CONNACK with a reserved flag bit set.
        let mut bytes = codec::encode_to_vec(&Packet::ConnAck(connack()), version).expect("ok");
        bytes[2] = 0x02;
        peer.send_bytes(&bytes);
        assert!(matches!(
            peer.expect_closed(),
            CloseReason::ProtocolViolation(ProtocolError::Malformed(_))
        ));
    }
}
