//! Negotiated limits: Receive Maximum, Topic Alias Maximum and Maximum
//! Packet Size, both ways (mostly MQTT 5; 3.1.1 has only a size cap).

use std::collections::HashMap;

use super::common::*;

use mqtt_lab::protocol::codec;

use mqtt_lab::protocol::codec::{
    ConnAck, DecodeErrorKind, Packet, PacketId, PacketType, Properties, PropertyId, PropertyValue,
    ProtocolVersion, Publish, QoS, QosPid, ReasonCode,
};
use mqtt_lab::protocol::session::{
    CloseReason, CommandError, ConnectOptions, Event, OutgoingPublish, ProtocolError,
};

fn v5_connected_with(opts: ConnectOptions, connack_props: &[(PropertyId, u32)]) -> Peer {
    let mut peer = Peer::with_options(opts);
    peer.accept_with(connack_with(int_props(connack_props)));
    peer
}

/// A PUBLISH from the server with a Topic Alias.
fn aliased(topic: &str, alias: u32, payload: &[u8]) -> Packet {
    Packet::Publish(Publish {
        properties: Properties::new().with(PropertyId::TopicAlias, PropertyValue::Integer(alias)),
        ..Publish::new(topic, payload)
    })
}

fn alias_of(p: &Publish) -> Option<u32> {
    p.properties.integer(PropertyId::TopicAlias)
}

// ----- Receive Maximum -----

/// The server's Receive Maximum 2: a third QoS 1 publish waits, and goes
/// out when a PUBACK makes room. QoS 0 is never held back.
#[test]
fn server_receive_maximum_queues_publishes() {
    let mut peer = v5_connected_with(
        options(ProtocolVersion::V5),
        &[(PropertyId::ReceiveMaximum, 2)],
    );
    let a = peer
        .publish_qos("q", b"a", QoS::AtLeastOnce)
        .expect("an id");
    let b = peer
        .publish_qos("q", b"b", QoS::AtLeastOnce)
        .expect("an id");
    let c = peer
        .publish_qos("q", b"c", QoS::AtLeastOnce)
        .expect("an id");
    assert_eq!(peer.expect_publish().payload, b"a");
    assert_eq!(peer.expect_publish().payload, b"b");
    peer.assert_quiet();
    assert_eq!(
        (peer.session.inflight_len(), peer.session.queued_len()),
        (2, 1)
    );

    assert_eq!(peer.publish_qos("q", b"zero", QoS::AtMostOnce), None);
    assert_eq!(peer.expect_publish().payload, b"zero");
    peer.take_events();

    peer.send(puback(b.get()));
    assert!(
        matches!(peer.expect_event(), Event::PublishCompleted { packet_id: Some(id), .. } if id == b)
    );
    let p = peer.expect_publish();
    assert_eq!(
        (p.payload.as_slice(), p.qos_pid.packet_id()),
        (&b"c"[..], Some(c))
    );
    assert_eq!(
        (peer.session.inflight_len(), peer.session.queued_len()),
        (2, 0)
    );
    peer.send(puback(a.get()));
    peer.send(puback(c.get()));
    assert_eq!(peer.take_events().len(), 2);
    peer.assert_quiet();
}

/// A QoS 2 message holds its place until PUBCOMP, not PUBREC (spec 4.9);
/// PUBREC with an error frees it.
#[test]
fn server_receive_maximum_counts_qos2_until_pubcomp() {
    let mut peer = v5_connected_with(
        options(ProtocolVersion::V5),
        &[(PropertyId::ReceiveMaximum, 1)],
    );
    let a = peer
        .publish_qos("q", b"a", QoS::ExactlyOnce)
        .expect("an id");
    let b = peer
        .publish_qos("q", b"b", QoS::ExactlyOnce)
        .expect("an id");
    let c = peer
        .publish_qos("q", b"c", QoS::AtLeastOnce)
        .expect("an id");
    assert_eq!(peer.expect_publish().qos_pid.packet_id(), Some(a));
    peer.assert_nothing_sent();
    peer.send(pubrec(a.get()));
    assert_eq!(peer.expect_ack(PacketType::PubRel).packet_id, a);
    peer.assert_nothing_sent();
    assert_eq!(peer.session.queued_len(), 2);
    peer.send(pubcomp(a.get()));
    peer.expect_event();
    assert_eq!(peer.expect_publish().qos_pid.packet_id(), Some(b));
    peer.assert_nothing_sent();
    peer.send(pubrec_code(b.get(), 0x80));
    assert!(matches!(peer.expect_event(), Event::PublishFailed { .. }));
    assert_eq!(peer.expect_publish().qos_pid.packet_id(), Some(c));
    assert_eq!(peer.session.queued_len(), 0);
    peer.assert_quiet();
}

/// 3.1.1 has no Receive Maximum, so the client's own cap
/// (`max_inflight_v311`, 20 by default) holds the rest back until
/// acknowledgements free room, in order.
#[test]
fn v311_keeps_under_its_own_inflight_cap() {
    let mut peer = Peer::new(ProtocolVersion::V311);
    peer.accept();
    let ids: Vec<PacketId> = (0..200u8)
        .map(|i| {
            peer.publish_qos("q", &[i], QoS::AtLeastOnce)
                .expect("an id")
        })
        .collect();
    assert_eq!(peer.take_sent().len(), 20);
    assert_eq!(peer.session.inflight_len(), 20);
    assert_eq!(peer.session.queued_len(), 180);
    peer.send(puback(ids[0].get()));
    let next = peer.expect_publish();
    assert_eq!(next.qos_pid.packet_id(), Some(ids[20]));
    assert_eq!(next.payload, [20]);
    assert_eq!(peer.session.queued_len(), 179);

    let mut opts = options(ProtocolVersion::V311);
    opts.max_inflight_v311 = u16::MAX;
    let mut peer = Peer::with_options(opts);
    peer.accept();
    for i in 0..200u8 {
        peer.publish_qos("q", &[i], QoS::AtLeastOnce);
    }
    assert_eq!(peer.take_sent().len(), 200);
    assert_eq!(peer.session.queued_len(), 0);
}

/// Our Receive Maximum 2: a third unreleased QoS 2 message from the
/// server is a protocol error, DISCONNECT 0x93.
#[test]
fn our_receive_maximum_exceeded_disconnects() {
    let opts = ConnectOptions {
        receive_maximum: 2,
        ..options(ProtocolVersion::V5)
    };
    let mut peer = Peer::with_options(opts);
    let c = peer.connect();
    assert_eq!(c.properties.integer(PropertyId::ReceiveMaximum), Some(2));
    peer.send(Packet::ConnAck(connack()));
    peer.expect_connected();

    for id in [1, 2] {
        peer.send(publish_in("lab/q2", b"x", QoS::ExactlyOnce, id));
        peer.expect_message();
        peer.expect_ack(PacketType::PubRec);
    }
    // A released one makes room.
    peer.send(pubrel(1));
    peer.expect_ack(PacketType::PubComp);
    peer.send(publish_in("lab/q2", b"x", QoS::ExactlyOnce, 3));
    peer.expect_message();
    peer.expect_ack(PacketType::PubRec);
    // QoS 1 does not count: it is acknowledged at once.
    peer.send(publish_in("lab/q1", b"x", QoS::AtLeastOnce, 9));
    peer.expect_message();
    peer.expect_ack(PacketType::PubAck);
    peer.assert_quiet();

    peer.send(publish_in("lab/q2", b"too many", QoS::ExactlyOnce, 4));
    assert_eq!(
        peer.expect_disconnect().reason_code,
        ReasonCode::RECEIVE_MAXIMUM_EXCEEDED
    );
    assert_eq!(
        peer.expect_closed(),
        CloseReason::ProtocolViolation(ProtocolError::ReceiveMaximumExceeded { maximum: 2 })
    );
    peer.assert_quiet();
}

/// 3.1.1 has no Receive Maximum towards us either.
#[test]
fn no_incoming_limit_in_v311() {
    let opts = ConnectOptions {
        receive_maximum: 2,
        ..options(ProtocolVersion::V311)
    };
    let mut peer = Peer::with_options(opts);
    peer.accept();
    for id in 1..=50 {
        peer.send(publish_in("lab/q2", b"x", QoS::ExactlyOnce, id));
        peer.expect_message();
        peer.expect_ack(PacketType::PubRec);
    }
    assert!(peer.session.is_connected());
}

// ----- Topic Alias, server to client -----

/// The first PUBLISH sets the alias, later ones use it with an empty
/// topic; the application always sees the full topic. A new topic for the
/// same alias replaces the old one.
#[test]
fn incoming_topic_alias_is_resolved() {
    let opts = ConnectOptions {
        topic_alias_maximum: 4,
        ..options(ProtocolVersion::V5)
    };
    let mut peer = Peer::with_options(opts);
    let c = peer.connect();
    assert_eq!(c.properties.integer(PropertyId::TopicAliasMaximum), Some(4));
    peer.send(Packet::ConnAck(connack()));
    peer.expect_connected();

    peer.send(aliased("sensors/hall/temp", 4, b"20"));
    assert_eq!(peer.expect_message().topic, "sensors/hall/temp");
    peer.send(aliased("", 4, b"21"));
    let m = peer.expect_message();
    assert_eq!(
        (m.topic.as_str(), m.payload.as_slice()),
        ("sensors/hall/temp", &b"21"[..])
    );
    peer.send(aliased("sensors/hall/hum", 4, b"40"));
    assert_eq!(peer.expect_message().topic, "sensors/hall/hum");
    peer.send(aliased("", 4, b"41"));
    assert_eq!(peer.expect_message().topic, "sensors/hall/hum");
    peer.assert_quiet();
}

/// An alias above our Topic Alias Maximum: DISCONNECT 0x94.
#[test]
fn incoming_topic_alias_above_maximum_disconnects() {
    for (maximum, alias) in [(4, 5), (0, 1)] {
        let opts = ConnectOptions {
            topic_alias_maximum: maximum,
            ..options(ProtocolVersion::V5)
        };
        let mut peer = Peer::with_options(opts);
        peer.accept();
        peer.send(aliased("a/b", u32::from(alias), b"x"));
        assert_eq!(
            peer.expect_disconnect().reason_code,
            ReasonCode::TOPIC_ALIAS_INVALID
        );
        assert_eq!(
            peer.expect_closed(),
            CloseReason::ProtocolViolation(ProtocolError::TopicAliasInvalid { alias, maximum })
        );
        peer.assert_quiet();
    }
}

/// An empty topic with an alias never set: DISCONNECT 0x82.
#[test]
fn incoming_unknown_topic_alias_disconnects() {
    let mut peer = Peer::new(ProtocolVersion::V5);
    peer.accept();
    peer.send(aliased("a/b", 1, b"x"));
    peer.expect_message();
    peer.send(aliased("", 2, b"x"));
    assert_eq!(
        peer.expect_disconnect().reason_code,
        ReasonCode::PROTOCOL_ERROR
    );
    assert_eq!(
        peer.expect_closed(),
        CloseReason::ProtocolViolation(ProtocolError::UnknownTopicAlias(2))
    );
}

/// Aliases live for one network connection only (3.3.2.3.4), even when
/// the session goes on.
#[test]
fn incoming_topic_aliases_end_with_the_connection() {
    let opts = ConnectOptions {
        clean_start: false,
        session_expiry_interval: 60,
        ..options(ProtocolVersion::V5)
    };
    let mut peer = Peer::with_options(opts);
    peer.accept();
    peer.send(aliased("a/b", 1, b"x"));
    peer.expect_message();
    peer.close_transport();
    peer.expect_closed();
    peer.accept_with(connack_session(true));
    peer.send(aliased("", 1, b"x"));
    peer.expect_disconnect();
    assert_eq!(
        peer.expect_closed(),
        CloseReason::ProtocolViolation(ProtocolError::UnknownTopicAlias(1))
    );
}

// ----- Topic Alias, client to server -----

/// `auto_topic_alias` with the server's Topic Alias Maximum 2: the first
/// PUBLISH on a topic carries topic and alias, later ones an empty topic
/// and the alias; a third topic goes out in full.
#[test]
fn outgoing_topic_alias_is_automatic() {
    let opts = ConnectOptions {
        auto_topic_alias: true,
        clean_start: false,
        session_expiry_interval: 60,
        ..options(ProtocolVersion::V5)
    };
    let mut peer = v5_connected_with(opts, &[(PropertyId::TopicAliasMaximum, 2)]);
    let mut sent = Vec::new();
    for topic in ["a/1", "a/1", "a/2", "a/3", "a/2", "a/1", "a/3"] {
        peer.publish_qos(topic, topic.as_bytes(), QoS::AtLeastOnce);
        let p = peer.expect_publish();
        assert_eq!(p.payload, topic.as_bytes());
        sent.push((p.topic.clone(), alias_of(&p)));
    }
    let expected = [
        ("a/1", Some(1)),
        ("", Some(1)),
        ("a/2", Some(2)),
        ("a/3", None),
        ("", Some(2)),
        ("", Some(1)),
        ("a/3", None),
    ];
    let expected: Vec<_> = expected.iter().map(|(t, a)| (t.to_string(), *a)).collect();
    assert_eq!(sent, expected);
    // Every alias stays within the server's maximum.
    assert!(sent
        .iter()
        .all(|(_, a)| a.is_none_or(|a| (1..=2).contains(&a))));

    // A new connection starts without aliases: the first resend carries
    // the topic again.
    peer.take_events();
    peer.close_transport();
    peer.take_events();
    peer.connect();
    peer.send(Packet::ConnAck(ConnAck {
        session_present: true,
        ..connack_with(int_props(&[(PropertyId::TopicAliasMaximum, 2)]))
    }));
    peer.expect_connected();
    let resent: Vec<_> = peer
        .take_sent()
        .iter()
        .map(|p| match p {
            Packet::Publish(p) => (p.topic.clone(), alias_of(p), p.dup),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(resent.len(), 7);
    assert_eq!(resent[0], ("a/1".to_string(), Some(1), true));
    assert_eq!(resent[1], ("".to_string(), Some(1), true));
}

/// Whatever mix of automatic and explicit aliases the application uses,
/// every PUBLISH resolves on the server to the topic it was published to
/// (an explicit alias rebinds that number on the server, spec 3.3.2.3.4).
#[test]
fn outgoing_topic_aliases_always_resolve_to_the_right_topic() {
    let opts = ConnectOptions {
        auto_topic_alias: true,
        ..options(ProtocolVersion::V5)
    };
    let mut peer = v5_connected_with(opts, &[(PropertyId::TopicAliasMaximum, 3)]);
    let mut server: HashMap<u32, String> = HashMap::new();
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut rand = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let topics = ["t/a", "t/b", "t/c", "t/d", "t/e", "t/f"];
    for step in 0..500 {
        let topic = topics[rand(topics.len() as u64) as usize];
        let mut msg = OutgoingPublish::new(topic, "x");
        if rand(5) == 0 {
            let alias = 1 + rand(3) as u32;
            msg = msg.properties(
                Properties::new().with(PropertyId::TopicAlias, PropertyValue::Integer(alias)),
            );
        }
        peer.publish(msg).expect("valid");
        peer.take_events();
        let p = peer.expect_publish();
        let resolved = match alias_of(&p) {
            Some(a) => {
                assert!((1..=3).contains(&a), "alias {a} above the server's maximum");
                if p.topic.is_empty() {
                    server
                        .get(&a)
                        .cloned()
                        .unwrap_or_else(|| panic!("alias {a} never set"))
                } else {
                    server.insert(a, p.topic.clone());
                    p.topic.clone()
                }
            }
            None => p.topic.clone(),
        };
        assert_eq!(
            resolved, topic,
            "step {step}: the server would deliver to the wrong topic"
        );
    }
}

/// Without `auto_topic_alias`, or when the server allows none, topics go
/// out in full.
#[test]
fn outgoing_topic_alias_needs_option_and_server() {
    for (auto, server_max) in [(false, 10), (true, 0)] {
        let opts = ConnectOptions {
            auto_topic_alias: auto,
            ..options(ProtocolVersion::V5)
        };
        let mut peer = v5_connected_with(opts, &[(PropertyId::TopicAliasMaximum, server_max)]);
        for _ in 0..3 {
            peer.publish_qos("a/1", b"x", QoS::AtMostOnce);
            let p = peer.expect_publish();
            assert_eq!((p.topic.as_str(), alias_of(&p)), ("a/1", None));
        }
    }
}

/// An explicit alias above the server's maximum is refused.
#[test]
fn outgoing_explicit_topic_alias_is_checked() {
    let mut peer = v5_connected_with(
        options(ProtocolVersion::V5),
        &[(PropertyId::TopicAliasMaximum, 3)],
    );
    let props = Properties::new().with(PropertyId::TopicAlias, PropertyValue::Integer(4));
    assert_eq!(
        peer.publish(OutgoingPublish::new("a", "x").properties(props)),
        Err(CommandError::TopicAliasInvalid {
            alias: 4,
            maximum: 3
        })
    );
    peer.assert_quiet();
    let props = Properties::new().with(PropertyId::TopicAlias, PropertyValue::Integer(3));
    peer.publish(OutgoingPublish::new("a", "x").properties(props))
        .expect("within the maximum");
    assert_eq!(alias_of(&peer.expect_publish()), Some(3));
}

// ----- Maximum Packet Size -----

/// The server's Maximum Packet Size: a PUBLISH one byte over is refused
/// with nothing sent and no identifier used; one of exactly that size
/// goes out.
#[test]
fn server_maximum_packet_size_refuses_oversize_publish() {
    let mut peer = v5_connected_with(
        options(ProtocolVersion::V5),
        &[(PropertyId::MaximumPacketSize, 100)],
    );
    // QoS 1 to "t": 1 (type) + 1 (length) + 3 (topic) + 2 (id)
    // + 1 (properties length) + payload = 8 + payload.
    let fits = OutgoingPublish::new("t", vec![7; 92]).qos(QoS::AtLeastOnce);
    let over = OutgoingPublish::new("t", vec![7; 93]).qos(QoS::AtLeastOnce);
    assert_eq!(
        peer.publish(over),
        Err(CommandError::PacketTooLarge {
            size: 101,
            maximum: 100
        })
    );
    peer.assert_quiet();
    assert_eq!(peer.session.inflight_len() + peer.session.queued_len(), 0);
    let id = peer.publish(fits).expect("fits").expect("an id");
    let p = peer.expect_publish();
    assert_eq!(p.qos_pid, QosPid::AtLeastOnce(id));
    let bytes = codec::encode_to_vec(&Packet::Publish(p), ProtocolVersion::V5).expect("encodes");
    assert_eq!(bytes.len(), 100);
}

both_versions! {
    /// A packet over our maximum_packet_size: closed as soon as its fixed
    /// header says so, before the body arrives; 5.0 sends DISCONNECT 0x95.
    fn incoming_packet_over_our_maximum(version) {
        let opts = ConnectOptions {
            maximum_packet_size: 64,
            ..options(version)
        };
        let mut peer = Peer::with_options(opts);
        let c = peer.connect();
        if version.is_v5() {
            assert_eq!(c.properties.integer(PropertyId::MaximumPacketSize), Some(64));
        }
        peer.send(Packet::ConnAck(connack()));
        peer.expect_connected();

        // Exactly 64 bytes is fine: 2 header + 2+4 topic + (5.0: 1) + payload.
        let payload_len = if version.is_v5() { 55 } else { 56 };
        peer.send(publish_in("lab/", &vec![1; payload_len], QoS::AtMostOnce, 0));
        peer.expect_message();

        let big = codec::encode_to_vec(
            &publish_in("lab/", &[1; 200], QoS::AtMostOnce, 0),
            version,
        )
        .expect("encodes");
        peer.send_bytes(&big[..3]);
        if version.is_v5() {
            assert_eq!(peer.expect_disconnect().reason_code, ReasonCode::PACKET_TOO_LARGE);
        }
        match peer.expect_closed() {
            CloseReason::ProtocolViolation(ProtocolError::Malformed(e)) => {
                assert!(matches!(e.kind, DecodeErrorKind::PacketTooLarge { max: 64, .. }), "{e:?}");
            }
            other => panic!("expected a size violation, got {other:?}"),
        }
        peer.send_bytes(&big[3..]);
        peer.assert_quiet();
    }
}

/// The server's Maximum Packet Size holds for SUBSCRIBE and UNSUBSCRIBE
/// too [MQTT-3.2.2-15]: refused, nothing sent, nothing remembered.
#[test]
fn server_maximum_packet_size_refuses_oversize_subscribe() {
    let mut peer = v5_connected_with(
        options(ProtocolVersion::V5),
        &[(PropertyId::MaximumPacketSize, 64)],
    );
    let long = format!("lab/{}", "x".repeat(100));
    assert!(matches!(
        peer.command(|s, now| s.subscribe(vec![filter(&long, QoS::AtMostOnce)], None, now)),
        Err(CommandError::PacketTooLarge { maximum: 64, .. })
    ));
    assert!(matches!(
        peer.command(|s, now| s.unsubscribe(vec![long.clone()], now)),
        Err(CommandError::PacketTooLarge { maximum: 64, .. })
    ));
    peer.assert_quiet();
    assert!(peer.session.subscriptions().is_empty());

    let id = peer.subscribe(&["lab/#"]);
    assert_eq!(peer.expect_subscribe().packet_id, id);
    peer.send(suback(id, &[1]));
    peer.expect_event();
    peer.command(|s, now| s.unsubscribe(vec!["lab/#".into()], now))
        .expect("fits");
    assert_eq!(peer.expect_unsubscribe().filters, ["lab/#"]);
}

/// After a reconnect the server's new Receive Maximum also bounds the
/// PUBLISHes resent from the session [MQTT-3.3.4-7]: the rest wait, and go
/// out as acknowledgements make room, still DUP=1 with their identifiers
/// and in their original order.
#[test]
fn resumed_session_respects_the_new_receive_maximum() {
    let opts = ConnectOptions {
        clean_start: false,
        session_expiry_interval: 600,
        ..options(ProtocolVersion::V5)
    };
    let mut peer = Peer::with_options(opts);
    peer.accept();
    let ids: Vec<_> = (0..3u8)
        .map(|i| {
            peer.publish_qos("q", &[i], QoS::AtLeastOnce)
                .expect("an id")
        })
        .collect();
    assert_eq!(peer.take_sent().len(), 3);
    peer.close_transport();
    peer.expect_closed();

    peer.connect();
    peer.send(Packet::ConnAck(ConnAck {
        session_present: true,
        ..connack_with(int_props(&[(PropertyId::ReceiveMaximum, 1)]))
    }));
    peer.expect_connected();
    for (k, &id) in ids.iter().enumerate() {
        let p = peer.expect_publish();
        assert_eq!(
            (p.qos_pid.packet_id(), p.dup),
            (Some(id), true),
            "resend {k}"
        );
        peer.assert_nothing_sent();
        assert_eq!(peer.session.inflight_len(), 1);
        assert_eq!(peer.session.queued_len(), 2 - k);
        peer.send(puback(id.get()));
        assert!(matches!(
            peer.expect_event(),
            Event::PublishCompleted { packet_id: Some(done), .. } if done == id
        ));
    }
    peer.assert_quiet();
}

/// Resends held back by Receive Maximum are still only queued when the
/// session is then lost altogether: they go out as new messages (DUP=0)
/// like every other unacknowledged one.
#[test]
fn held_resends_become_new_messages_when_the_session_is_lost() {
    let opts = ConnectOptions {
        clean_start: false,
        session_expiry_interval: 600,
        ..options(ProtocolVersion::V5)
    };
    let mut peer = Peer::with_options(opts);
    peer.accept();
    for i in 0..3u8 {
        peer.publish_qos("q", &[i], QoS::AtLeastOnce);
    }
    peer.take_sent();
    peer.close_transport();
    peer.expect_closed();
    peer.connect();
    peer.send(Packet::ConnAck(ConnAck {
        session_present: true,
        ..connack_with(int_props(&[(PropertyId::ReceiveMaximum, 1)]))
    }));
    peer.expect_connected();
    assert!(peer.expect_publish().dup);
    peer.assert_nothing_sent();
    peer.close_transport();
    peer.expect_closed();

    peer.accept_with(connack_session(false));
    let sent: Vec<_> = peer
        .take_sent()
        .into_iter()
        .map(|p| match p {
            Packet::Publish(p) => (p.payload, p.dup),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(sent, [(vec![0], false), (vec![1], false), (vec![2], false)]);
}
