//! Reconnecting: what survives a lost connection, with and without the
//! server keeping our session (spec 4.1, 4.4, 4.6).

use super::common::*;

use mqtt_lab::protocol::codec::{
    Packet, PacketId, PacketType, ProtocolVersion, PubResponse, QoS, ReasonCode,
};
use mqtt_lab::protocol::session::{
    Backoff, CloseReason, CommandError, ConnectOptions, Event, OutgoingPublish, ReconnectPolicy,
};

/// A session the server keeps: Clean Start 0 and, in 5.0, a Session
/// Expiry Interval.
fn persistent(version: ProtocolVersion) -> ConnectOptions {
    ConnectOptions {
        clean_start: false,
        session_expiry_interval: 3600,
        ..options(version)
    }
}

/// The state both reconnect scenarios start from, on a connected session:
/// a subscription, three publishes in flight (QoS 1 without PUBACK, QoS 2
/// without PUBREC, QoS 2 after PUBREC) and one QoS 2 message received and
/// awaiting PUBREL.
struct InFlight {
    qos1: PacketId,
    qos2_sent: PacketId,
    qos2_received: PacketId,
}

fn set_up_in_flight(peer: &mut Peer) -> InFlight {
    let sub = peer.subscribe(&["lab/#", "alerts/+"]);
    peer.expect_subscribe();
    peer.send(suback(sub, &[1, 1]));
    assert!(matches!(peer.expect_event(), Event::Subscribed { .. }));

    let qos1 = peer
        .publish_qos("lab/a", b"1", QoS::AtLeastOnce)
        .expect("an id");
    let qos2_sent = peer
        .publish_qos("lab/b", b"2", QoS::ExactlyOnce)
        .expect("an id");
    let qos2_received = peer
        .publish_qos("lab/c", b"3", QoS::ExactlyOnce)
        .expect("an id");
    for _ in 0..3 {
        assert!(!peer.expect_publish().dup);
    }
    peer.send(pubrec(qos2_received.get()));
    assert_eq!(peer.expect_ack(PacketType::PubRel).packet_id, qos2_received);

    peer.send(publish_in("lab/in", b"q2", QoS::ExactlyOnce, 7));
    assert_eq!(peer.expect_message().payload, b"q2");
    peer.expect_ack(PacketType::PubRec);
    peer.assert_quiet();
    assert_eq!(peer.session.inflight_len(), 3);

    peer.close_transport();
    assert_eq!(peer.expect_closed(), CloseReason::TransportClosed);
    peer.assert_quiet();
    InFlight {
        qos1,
        qos2_sent,
        qos2_received,
    }
}

both_versions! {
    /// The server kept our session: unacknowledged PUBLISHes go out again
    /// with DUP=1 and their original identifiers, the PUBREL again, in the
    /// original order; subscriptions are not sent again; the QoS 2 message
    /// we received is still known.
    fn session_present_resends_in_flight(version) {
        let mut peer = Peer::with_options(persistent(version));
        peer.accept();
        let f = set_up_in_flight(&mut peer);

        // Commands while disconnected are refused.
        assert_eq!(
            peer.publish(OutgoingPublish::new("x", "y")),
            Err(CommandError::NotConnected)
        );
        peer.advance(secs(2));
        let c = peer.connect();
        assert!(!c.clean_start);
        peer.send(Packet::ConnAck(connack_session(true)));
        assert!(peer.expect_connected().session_present);

        let p = peer.expect_publish();
        assert_eq!((p.qos_pid.packet_id(), p.dup, p.qos()), (Some(f.qos1), true, QoS::AtLeastOnce));
        assert_eq!((p.topic.as_str(), &p.payload[..]), ("lab/a", &b"1"[..]));
        let p = peer.expect_publish();
        assert_eq!((p.qos_pid.packet_id(), p.dup, p.qos()), (Some(f.qos2_sent), true, QoS::ExactlyOnce));
        assert_eq!(peer.expect_ack(PacketType::PubRel).packet_id, f.qos2_received);
        peer.assert_nothing_sent();
        assert_eq!(peer.session.inflight_len(), 3);

        // The received QoS 2 message is still awaiting PUBREL: the server's
        // resend is not delivered again.
        peer.send(dup(publish_in("lab/in", b"q2", QoS::ExactlyOnce, 7)));
        assert_eq!(peer.expect_ack(PacketType::PubRec).packet_id, pid(7));
        assert!(matches!(peer.expect_event(), Event::Ignored { packet_type: PacketType::Publish, .. }));
        peer.send(pubrel(7));
        let comp = peer.expect_ack(PacketType::PubComp);
        assert_eq!((comp.packet_id, comp.reason_code), (pid(7), ReasonCode::SUCCESS));

        // And the three flows finish.
        peer.send(puback(f.qos1.get()));
        peer.send(pubrec(f.qos2_sent.get()));
        assert_eq!(peer.expect_ack(PacketType::PubRel).packet_id, f.qos2_sent);
        peer.send(pubcomp(f.qos2_sent.get()));
        peer.send(pubcomp(f.qos2_received.get()));
        let done: Vec<_> = peer
            .take_events()
            .into_iter()
            .map(|e| match e {
                Event::PublishCompleted { packet_id: Some(id), qos, .. } => (id, qos),
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        assert_eq!(
            done,
            [
                (f.qos1, QoS::AtLeastOnce),
                (f.qos2_sent, QoS::ExactlyOnce),
                (f.qos2_received, QoS::ExactlyOnce),
            ]
        );
        assert_eq!(peer.session.inflight_len(), 0);
        peer.assert_quiet();
    }

    /// PUBRELs are resent in the order their PUBRECs arrived
    /// ([MQTT-4.6.0-4]), which need not be the order the PUBLISHes went out.
    fn pubrel_resend_follows_pubrec_order(version) {
        let mut peer = Peer::with_options(persistent(version));
        peer.accept();
        let a = peer.publish_qos("lab/a", b"a", QoS::ExactlyOnce).expect("an id");
        let b = peer.publish_qos("lab/b", b"b", QoS::ExactlyOnce).expect("an id");
        let c = peer.publish_qos("lab/c", b"c", QoS::ExactlyOnce).expect("an id");
        peer.take_sent();
        for id in [c, a] {
            peer.send(pubrec(id.get()));
            assert_eq!(peer.expect_ack(PacketType::PubRel).packet_id, id);
        }
        peer.close_transport();
        peer.expect_closed();
        peer.connect();
        peer.send(Packet::ConnAck(connack_session(true)));
        peer.expect_connected();
        // b's PUBLISH, and the PUBRELs for c then a.
        let sent: Vec<_> = peer
            .take_sent()
            .into_iter()
            .map(|p| (p.packet_type(), p.packet_id()))
            .collect();
        let publish = sent.iter().filter(|s| s.0 == PacketType::Publish).collect::<Vec<_>>();
        let pubrel = sent.iter().filter(|s| s.0 == PacketType::PubRel).collect::<Vec<_>>();
        assert_eq!(publish, [&(PacketType::Publish, Some(b))]);
        assert_eq!(
            pubrel,
            [&(PacketType::PubRel, Some(c)), &(PacketType::PubRel, Some(a))],
            "PUBRELs out of PUBREC order: {sent:?}"
        );
    }

    /// The server has no session for us: the subscriptions go out again,
    /// once, in one SUBSCRIBE; unacknowledged PUBLISHes are sent as new
    /// messages (DUP=0); a QoS 2 message past PUBREC counts as delivered;
    /// the QoS 2 receive state is gone, so the same identifier from the
    /// server is a new message.
    fn session_lost_restarts_it(version) {
        let mut peer = Peer::with_options(persistent(version));
        peer.accept();
        let f = set_up_in_flight(&mut peer);
        peer.connect();
        peer.send(Packet::ConnAck(connack_session(false)));
        assert!(!peer.expect_connected().session_present);
        assert_eq!(
            peer.expect_event(),
            Event::PublishCompleted {
                packet_id: Some(f.qos2_received),
                qos: QoS::ExactlyOnce,
                reason_code: ReasonCode::SUCCESS,
            }
        );

        let mut subscribes = Vec::new();
        let mut publishes = Vec::new();
        for p in peer.take_sent() {
            match p {
                Packet::Subscribe(s) => subscribes.push(s),
                Packet::Publish(p) => publishes.push(p),
                other => panic!("unexpected {other:?} after a lost session"),
            }
        }
        assert_eq!(subscribes.len(), 1, "one SUBSCRIBE: {subscribes:?}");
        let filters: Vec<_> = subscribes[0].filters.iter().map(|f| f.filter.as_str()).collect();
        assert_eq!(filters, ["lab/#", "alerts/+"]);
        assert_eq!(
            publishes
                .iter()
                .map(|p| (p.topic.as_str(), p.qos(), p.dup))
                .collect::<Vec<_>>(),
            [("lab/a", QoS::AtLeastOnce, false), ("lab/b", QoS::ExactlyOnce, false)]
        );
        assert_eq!(peer.session.inflight_len(), 2);

        // The new SUBSCRIBE is answered like any other.
        peer.send(suback(subscribes[0].packet_id, &[1, 1]));
        assert!(matches!(peer.expect_event(), Event::Subscribed { .. }));

        // Identifier 7 from the server is a new message now.
        peer.send(publish_in("lab/in", b"new", QoS::ExactlyOnce, 7));
        assert_eq!(peer.expect_message().payload, b"new");
        peer.expect_ack(PacketType::PubRec);

        // The resent messages complete under the identifiers they went
        // out with.
        let q1 = publishes[0].qos_pid.packet_id().expect("QoS 1 id");
        let q2 = publishes[1].qos_pid.packet_id().expect("QoS 2 id");
        peer.send(puback(q1.get()));
        peer.send(pubrec(q2.get()));
        assert_eq!(peer.expect_ack(PacketType::PubRel).packet_id, q2);
        peer.send(pubcomp(q2.get()));
        assert!(matches!(peer.expect_event(), Event::PublishCompleted { packet_id: Some(id), .. } if id == q1));
        assert!(matches!(peer.expect_event(), Event::PublishCompleted { packet_id: Some(id), .. } if id == q2));
        peer.assert_quiet();
        assert_eq!(peer.session.inflight_len(), 0);
    }

    /// Session present twice in a row: still nothing re-subscribed, and
    /// messages acknowledged in between are not sent again.
    fn acknowledged_messages_are_not_resent(version) {
        let mut peer = Peer::with_options(persistent(version));
        peer.accept();
        let a = peer.publish_qos("lab/a", b"a", QoS::AtLeastOnce).expect("an id");
        let b = peer.publish_qos("lab/b", b"b", QoS::AtLeastOnce).expect("an id");
        peer.take_sent();
        peer.close_transport();
        peer.take_events();
        peer.connect();
        peer.send(Packet::ConnAck(connack_session(true)));
        peer.expect_connected();
        assert_eq!(peer.expect_publish().qos_pid.packet_id(), Some(a));
        assert_eq!(peer.expect_publish().qos_pid.packet_id(), Some(b));
        peer.send(puback(a.get()));
        peer.take_events();
        peer.close_transport();
        peer.take_events();
        peer.connect();
        peer.send(Packet::ConnAck(connack_session(true)));
        peer.expect_connected();
        let p = peer.expect_publish();
        assert_eq!((p.qos_pid.packet_id(), p.dup), (Some(b), true));
        peer.assert_quiet();
    }

    /// With `resubscribe` off, a lost session is not re-subscribed.
    fn resubscribe_can_be_turned_off(version) {
        let opts = ConnectOptions {
            resubscribe: false,
            ..persistent(version)
        };
        let mut peer = Peer::with_options(opts);
        peer.accept();
        let sub = peer.subscribe(&["lab/#"]);
        peer.expect_subscribe();
        peer.send(suback(sub, &[1]));
        peer.take_events();
        peer.close_transport();
        peer.take_events();
        peer.connect();
        peer.send(Packet::ConnAck(connack_session(false)));
        peer.expect_connected();
        peer.assert_quiet();
    }

    /// A driver loop with [`Backoff`]: retries after 1 s, then 2 s, while
    /// the server is unavailable; after a success the backoff starts over.
    fn backoff_drives_reconnects(version) {
        let unavailable = match version {
            ProtocolVersion::V311 => 3,
            ProtocolVersion::V5 => 0x88,
        };
        let mut backoff = Backoff::new(ReconnectPolicy {
            jitter: 0.0,
            ..ReconnectPolicy::default()
        });
        let mut peer = Peer::with_options(persistent(version));
        let mut connect_times = Vec::new();
        loop {
            connect_times.push(peer.now.as_millis());
            peer.connect();
            peer.advance_ms(50);
            if connect_times.len() < 3 {
                peer.send(Packet::ConnAck(connack_refused(unavailable)));
                assert!(matches!(peer.expect_closed(), CloseReason::ConnectRefused { .. }));
                peer.close_transport();
                let delay = backoff.next_delay(0.5).expect("retries forever");
                peer.advance(delay);
            } else {
                peer.send(Packet::ConnAck(connack()));
                peer.expect_connected();
                backoff.reset();
                break;
            }
        }
        assert_eq!(connect_times, [0, 1_050, 3_100]);

        // Keep alive timeout: the same loop picks up again at 1 s.
        peer.advance_to(at(3_100 + 90_050));
        peer.expect_sent(PacketType::PingReq);
        assert_eq!(peer.expect_closed(), CloseReason::KeepAliveTimeout);
        let delay = backoff.next_delay(0.5).expect("retries forever");
        assert_eq!(delay, secs(1));
        peer.advance(delay);
        peer.connect();
        peer.send(Packet::ConnAck(connack_session(true)));
        assert!(peer.expect_connected().session_present);
    }
}

/// 5.0: a PUBACK with an error that arrives for a resent message fails it
/// as usual, under its original identifier.
#[test]
fn resent_message_can_fail() {
    let mut peer = Peer::with_options(persistent(ProtocolVersion::V5));
    peer.accept();
    let id = peer
        .publish_qos("lab/a", b"a", QoS::AtLeastOnce)
        .expect("an id");
    peer.expect_publish();
    peer.close_transport();
    peer.expect_closed();
    peer.connect();
    peer.send(Packet::ConnAck(connack_session(true)));
    peer.expect_connected();
    assert!(peer.expect_publish().dup);
    peer.send(Packet::PubAck(PubResponse {
        reason_code: ReasonCode::QUOTA_EXCEEDED,
        ..PubResponse::new(id)
    }));
    assert!(matches!(
        peer.expect_event(),
        Event::PublishFailed { packet_id, reason_code: ReasonCode::QUOTA_EXCEEDED, .. } if packet_id == id
    ));
}
