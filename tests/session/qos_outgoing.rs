//! Publishing: the QoS 0, 1 and 2 flows from the client's side, and packet
//! identifiers.

use std::collections::BTreeMap;

use super::common::*;

use mqtt_lab::protocol::codec::{
    Packet, PacketType, Properties, PropertyId, PropertyValue, ProtocolVersion, QoS, ReasonCode,
};
use mqtt_lab::protocol::session::{CommandError, Event, OutgoingPublish};

both_versions! {
    /// QoS 0: one PUBLISH, no identifier, complete at once.
    fn qos0_is_one_publish(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        let msg = OutgoingPublish::new("lab/temp", "21.5").retain(true);
        assert_eq!(peer.publish(msg), Ok(None));
        let p = peer.expect_publish();
        assert_eq!(p.topic, "lab/temp");
        assert_eq!(p.payload, b"21.5");
        assert_eq!(p.qos(), QoS::AtMostOnce);
        assert_eq!(p.qos_pid.packet_id(), None);
        assert!(p.retain);
        assert!(!p.dup);
        assert_eq!(
            peer.expect_event(),
            Event::PublishCompleted {
                packet_id: None,
                qos: QoS::AtMostOnce,
                reason_code: ReasonCode::SUCCESS,
            }
        );
        assert_eq!(peer.session.inflight_len(), 0);
        peer.assert_quiet();
    }

    /// QoS 1: PUBLISH, then PUBACK completes it.
    fn qos1_publish_then_puback(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        let id = peer.publish_qos("lab/door", b"open", QoS::AtLeastOnce).expect("an id");
        let p = peer.expect_publish();
        assert_eq!(p.qos(), QoS::AtLeastOnce);
        assert_eq!(p.qos_pid.packet_id(), Some(id));
        assert_eq!((p.topic.as_str(), &p.payload[..]), ("lab/door", &b"open"[..]));
        assert!(!p.dup && !p.retain);
        assert_eq!(peer.session.inflight_len(), 1);
        peer.assert_quiet();

        peer.send(puback(id.get()));
        assert_eq!(
            peer.expect_event(),
            Event::PublishCompleted {
                packet_id: Some(id),
                qos: QoS::AtLeastOnce,
                reason_code: ReasonCode::SUCCESS,
            }
        );
        assert_eq!(peer.session.inflight_len(), 0);
        peer.assert_quiet();
    }

    /// QoS 2: PUBLISH → PUBREC → we send PUBREL → PUBCOMP completes it.
    fn qos2_four_packet_flow(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        let id = peer.publish_qos("lab/cmd", b"reboot", QoS::ExactlyOnce).expect("an id");
        let p = peer.expect_publish();
        assert_eq!(p.qos(), QoS::ExactlyOnce);
        assert_eq!(p.qos_pid.packet_id(), Some(id));
        peer.assert_quiet();

        peer.send(pubrec(id.get()));
        let rel = peer.expect_ack(PacketType::PubRel);
        assert_eq!(rel.packet_id, id);
        assert_eq!(rel.reason_code, ReasonCode::SUCCESS);
        peer.assert_quiet();
        assert_eq!(peer.session.inflight_len(), 1, "in flight until PUBCOMP");

        peer.send(pubcomp(id.get()));
        assert_eq!(
            peer.expect_event(),
            Event::PublishCompleted {
                packet_id: Some(id),
                qos: QoS::ExactlyOnce,
                reason_code: ReasonCode::SUCCESS,
            }
        );
        assert_eq!(peer.session.inflight_len(), 0);
        peer.assert_quiet();
        // A second PUBCOMP for it is a stray.
        peer.send(pubcomp(id.get()));
        assert!(matches!(
            peer.expect_event(),
            Event::Ignored { packet_type: PacketType::PubComp, .. }
        ));
    }

    /// Identifiers are never 0 and never shared by two messages in flight,
    /// whatever order the acknowledgements come in.
    fn packet_ids_are_distinct_while_in_flight(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        let mut in_flight = BTreeMap::new();
        for round in 0..20u8 {
            for qos in [QoS::AtLeastOnce, QoS::ExactlyOnce, QoS::AtLeastOnce] {
                let id = peer.publish_qos("lab/ids", &[round], qos).expect("an id");
                assert_ne!(id.get(), 0);
                assert!(
                    in_flight.insert(id, qos).is_none(),
                    "{id} handed out twice while in flight"
                );
                assert_eq!(peer.expect_publish().qos_pid.packet_id(), Some(id));
            }
            // Complete every other one, newest first.
            let done: Vec<_> = in_flight.iter().rev().step_by(2).map(|(&id, &q)| (id, q)).collect();
            for (id, qos) in done {
                in_flight.remove(&id);
                if qos == QoS::ExactlyOnce {
                    peer.send(pubrec(id.get()));
                    assert_eq!(peer.expect_ack(PacketType::PubRel).packet_id, id);
                    peer.send(pubcomp(id.get()));
                } else {
                    peer.send(puback(id.get()));
                }
                assert!(matches!(
                    peer.expect_event(),
                    Event::PublishCompleted { packet_id: Some(done), .. } if done == id
                ));
            }
            assert_eq!(peer.session.inflight_len(), in_flight.len());
            peer.assert_quiet();
        }
    }

    /// With all 65,535 identifiers in flight a QoS > 0 publish is refused
    /// (QoS 0 still goes out); an identifier freed by PUBACK is used again.
    fn packet_ids_are_reused_after_completion(version) {
        let mut opts = options(version);
        opts.max_inflight_v311 = u16::MAX;
        let mut peer = Peer::with_options(opts);
        peer.set_packet_events(false);
        peer.accept();
        let mut seen = vec![false; 65_536];
        for _ in 0..65_535 {
            let id = peer.publish_qos("i", b"", QoS::AtLeastOnce).expect("an id");
            assert!(!seen[usize::from(id.get())], "{id} handed out twice");
            seen[usize::from(id.get())] = true;
        }
        assert!(!seen[0]);
        assert_eq!(peer.take_sent().len(), 65_535);
        assert_eq!(
            peer.publish(OutgoingPublish::new("i", "").qos(QoS::ExactlyOnce)),
            Err(CommandError::PacketIdsExhausted)
        );
        peer.assert_quiet();
        assert_eq!(peer.publish(OutgoingPublish::new("i", "")), Ok(None));
        peer.expect_publish();
        peer.take_events();

        peer.send(puback(40_000));
        assert!(matches!(peer.expect_event(), Event::PublishCompleted { .. }));
        let id = peer.publish_qos("i", b"", QoS::ExactlyOnce);
        assert_eq!(id, Some(pid(40_000)));
        assert_eq!(peer.expect_publish().qos_pid.packet_id(), id);
    }

    /// An acknowledgement for an identifier not in flight is reported as
    /// ignored and changes nothing; PUBACK for a QoS 2 message is one of
    /// those.
    fn unknown_acknowledgements_are_ignored(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        peer.send(puback(77));
        assert_eq!(
            peer.expect_event(),
            Event::Ignored {
                packet_type: PacketType::PubAck,
                packet_id: Some(pid(77)),
                why: "no message with this packet identifier is awaiting it",
            }
        );
        peer.assert_quiet();
        peer.send(pubcomp(78));
        assert!(matches!(
            peer.expect_event(),
            Event::Ignored { packet_type: PacketType::PubComp, packet_id: Some(id), .. } if id == pid(78)
        ));
        peer.assert_quiet();

        let id = peer.publish_qos("q2", b"x", QoS::ExactlyOnce).expect("an id");
        peer.expect_publish();
        peer.send(puback(id.get()));
        assert!(matches!(
            peer.expect_event(),
            Event::Ignored { packet_type: PacketType::PubAck, .. }
        ));
        peer.assert_quiet();
        assert_eq!(peer.session.inflight_len(), 1);
        // PUBCOMP before PUBREC does not complete it either.
        peer.send(pubcomp(id.get()));
        assert!(matches!(
            peer.expect_event(),
            Event::Ignored { packet_type: PacketType::PubComp, .. }
        ));
        assert_eq!(peer.session.inflight_len(), 1);
        // The flow still completes normally.
        peer.send(pubrec(id.get()));
        assert_eq!(peer.expect_ack(PacketType::PubRel).packet_id, id);
        peer.send(pubcomp(id.get()));
        assert!(matches!(peer.expect_event(), Event::PublishCompleted { .. }));
    }

    /// PUBREC for an identifier we have nothing for: PUBREL anyway, so the
    /// server can finish its side (5.0: with Packet Identifier not found).
    fn unknown_pubrec_is_answered(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        peer.send(pubrec(12));
        let rel = peer.expect_ack(PacketType::PubRel);
        assert_eq!(rel.packet_id, pid(12));
        let expected = if version.is_v5() { 0x92 } else { 0x00 };
        assert_eq!(rel.reason_code, ReasonCode(expected));
        assert!(matches!(
            peer.expect_event(),
            Event::Ignored { packet_type: PacketType::PubRec, .. }
        ));
        peer.assert_quiet();
    }
}

/// 5.0: PUBACK with an error code fails the publish and frees its id.
#[test]
fn puback_with_error_reason_fails_the_publish() {
    let mut peer = Peer::new(ProtocolVersion::V5);
    peer.accept();
    let id = peer
        .publish_qos("lab/x", b"1", QoS::AtLeastOnce)
        .expect("an id");
    peer.expect_publish();
    let mut ack = match puback_code(id.get(), 0x87) {
        Packet::PubAck(a) => a,
        _ => unreachable!(),
    };
    ack.properties.set(
        PropertyId::ReasonString,
        PropertyValue::String("not allowed to publish to lab/x".into()),
    );
    peer.send(Packet::PubAck(ack));
    assert_eq!(
        peer.expect_event(),
        Event::PublishFailed {
            packet_id: id,
            reason_code: ReasonCode::NOT_AUTHORIZED,
            reason_string: Some("not allowed to publish to lab/x".into()),
        }
    );
    assert_eq!(peer.session.inflight_len(), 0);
    peer.assert_quiet();
}

/// 5.0: "No matching subscribers" (0x10) is a success.
#[test]
fn puback_no_matching_subscribers_is_a_success() {
    let mut peer = Peer::new(ProtocolVersion::V5);
    peer.accept();
    let id = peer
        .publish_qos("nobody", b"1", QoS::AtLeastOnce)
        .expect("an id");
    peer.expect_publish();
    peer.send(puback_code(id.get(), 0x10));
    assert_eq!(
        peer.expect_event(),
        Event::PublishCompleted {
            packet_id: Some(id),
            qos: QoS::AtLeastOnce,
            reason_code: ReasonCode::NO_MATCHING_SUBSCRIBERS,
        }
    );
}

/// 5.0: PUBREC with an error code ends the QoS 2 flow: no PUBREL.
#[test]
fn pubrec_with_error_reason_fails_without_pubrel() {
    let mut peer = Peer::new(ProtocolVersion::V5);
    peer.accept();
    let id = peer
        .publish_qos("lab/q", b"1", QoS::ExactlyOnce)
        .expect("an id");
    peer.expect_publish();
    peer.send(pubrec_code(id.get(), 0x97));
    assert_eq!(
        peer.expect_event(),
        Event::PublishFailed {
            packet_id: id,
            reason_code: ReasonCode::QUOTA_EXCEEDED,
            reason_string: None,
        }
    );
    peer.assert_quiet();
    assert_eq!(peer.session.inflight_len(), 0);
    // PUBCOMP for it now is a stray.
    peer.send(pubcomp(id.get()));
    assert!(matches!(
        peer.expect_event(),
        Event::Ignored {
            packet_type: PacketType::PubComp,
            ..
        }
    ));
}

/// 5.0: PUBLISH properties go out as given.
#[test]
fn publish_properties_are_sent() {
    let mut peer = Peer::new(ProtocolVersion::V5);
    peer.accept();
    let props = Properties::new()
        .with(
            PropertyId::MessageExpiryInterval,
            PropertyValue::Integer(30),
        )
        .with(
            PropertyId::UserProperty,
            PropertyValue::Pair("unit".into(), "celsius".into()),
        );
    peer.publish(
        OutgoingPublish::new("lab/t", "20")
            .qos(QoS::AtLeastOnce)
            .properties(props.clone()),
    )
    .expect("accepted");
    assert_eq!(peer.expect_publish().properties, props);
}

/// 3.1.1 has no PUBLISH properties: refused, nothing sent.
#[test]
fn publish_properties_need_mqtt5() {
    let mut peer = Peer::new(ProtocolVersion::V311);
    peer.accept();
    let props = Properties::new().with(
        PropertyId::MessageExpiryInterval,
        PropertyValue::Integer(30),
    );
    assert_eq!(
        peer.publish(OutgoingPublish::new("a", "b").properties(props)),
        Err(CommandError::RequiresMqtt5("PUBLISH properties"))
    );
    peer.assert_quiet();
}
