//! Receiving: the QoS 0, 1 and 2 flows from the client's side.

use super::common::*;

use mqtt_lab::protocol::codec::{
    Packet, PacketType, Properties, PropertyId, PropertyValue, ProtocolVersion, Publish, QoS,
    QosPid, ReasonCode,
};
use mqtt_lab::protocol::session::{Event, Message};

both_versions! {
    /// QoS 0: delivered, nothing answered.
    fn qos0_is_delivered(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        peer.send(publish_in("lab/temp", b"21.5", QoS::AtMostOnce, 0));
        assert_eq!(
            peer.expect_message(),
            Message {
                topic: "lab/temp".into(),
                payload: b"21.5".to_vec(),
                qos: QoS::AtMostOnce,
                retain: false,
                dup: false,
                packet_id: None,
                properties: Properties::new(),
            }
        );
        peer.assert_quiet();
    }

    /// QoS 1: delivered, PUBACK with the same identifier.
    fn qos1_is_delivered_and_acknowledged(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        peer.send(publish_in("lab/door", b"open", QoS::AtLeastOnce, 9));
        let m = peer.expect_message();
        assert_eq!((m.topic.as_str(), m.qos, m.packet_id), ("lab/door", QoS::AtLeastOnce, Some(pid(9))));
        let ack = peer.expect_ack(PacketType::PubAck);
        assert_eq!(ack.packet_id, pid(9));
        assert_eq!(ack.reason_code, ReasonCode::SUCCESS);
        peer.assert_quiet();
    }

    /// QoS 2: delivered on PUBLISH, PUBREC; PUBREL → PUBCOMP.
    fn qos2_is_delivered_once_and_completed(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        peer.send(publish_in("lab/cmd", b"reboot", QoS::ExactlyOnce, 300));
        let m = peer.expect_message();
        assert_eq!((m.topic.as_str(), m.qos, m.packet_id), ("lab/cmd", QoS::ExactlyOnce, Some(pid(300))));
        assert_eq!(peer.expect_ack(PacketType::PubRec).packet_id, pid(300));
        peer.assert_quiet();

        peer.send(pubrel(300));
        let comp = peer.expect_ack(PacketType::PubComp);
        assert_eq!(comp.packet_id, pid(300));
        assert_eq!(comp.reason_code, ReasonCode::SUCCESS);
        peer.assert_quiet();
    }

    /// The server sends the QoS 2 PUBLISH again (DUP=1, same id) before
    /// PUBREL: not delivered again, PUBREC again. After PUBREL the same id
    /// is a new message.
    fn qos2_redelivery_before_pubrel_is_not_delivered_twice(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        let first = publish_in("lab/cmd", b"one", QoS::ExactlyOnce, 5);
        peer.send(first.clone());
        assert_eq!(peer.expect_message().payload, b"one");
        assert_eq!(peer.expect_ack(PacketType::PubRec).packet_id, pid(5));

        for _ in 0..2 {
            peer.send(dup(first.clone()));
            assert_eq!(peer.expect_ack(PacketType::PubRec).packet_id, pid(5));
            assert!(matches!(
                peer.expect_event(),
                Event::Ignored { packet_type: PacketType::Publish, packet_id: Some(id), .. } if id == pid(5)
            ));
            peer.assert_quiet();
        }

        peer.send(pubrel(5));
        assert_eq!(peer.expect_ack(PacketType::PubComp).packet_id, pid(5));
        // A second PUBREL (our PUBCOMP got lost) is still answered.
        peer.send(pubrel(5));
        let comp = peer.expect_ack(PacketType::PubComp);
        assert_eq!(comp.packet_id, pid(5));
        peer.assert_quiet();

        peer.send(publish_in("lab/cmd", b"two", QoS::ExactlyOnce, 5));
        let m = peer.expect_message();
        assert_eq!(m.payload, b"two");
        assert!(!m.dup);
        assert_eq!(peer.expect_ack(PacketType::PubRec).packet_id, pid(5));
        peer.assert_quiet();
    }

    /// Several QoS 2 messages in flight at once are kept apart by id.
    fn qos2_messages_interleave(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        for id in [1, 2, 3] {
            peer.send(publish_in("lab/q2", &[id as u8], QoS::ExactlyOnce, id));
            assert_eq!(peer.expect_message().payload, [id as u8]);
            assert_eq!(peer.expect_ack(PacketType::PubRec).packet_id, pid(id));
        }
        peer.send(pubrel(2));
        assert_eq!(peer.expect_ack(PacketType::PubComp).packet_id, pid(2));
        // 1 and 3 are still awaiting PUBREL: a resend is not delivered.
        peer.send(dup(publish_in("lab/q2", &[3], QoS::ExactlyOnce, 3)));
        assert_eq!(peer.expect_ack(PacketType::PubRec).packet_id, pid(3));
        assert!(matches!(peer.expect_event(), Event::Ignored { .. }));
        // 2 is free again.
        peer.send(publish_in("lab/q2", &[22], QoS::ExactlyOnce, 2));
        assert_eq!(peer.expect_message().payload, [22]);
        peer.expect_ack(PacketType::PubRec);
        peer.assert_quiet();
    }

    /// QoS 1 is at-least-once: a resent QoS 1 PUBLISH is delivered again,
    /// marked DUP, and acknowledged again.
    fn qos1_redelivery_is_delivered_with_dup(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        let p = publish_in("lab/door", b"open", QoS::AtLeastOnce, 4);
        peer.send(p.clone());
        assert!(!peer.expect_message().dup);
        peer.expect_ack(PacketType::PubAck);
        peer.send(dup(p));
        assert!(peer.expect_message().dup);
        assert_eq!(peer.expect_ack(PacketType::PubAck).packet_id, pid(4));
        peer.assert_quiet();
    }

    /// PUBREL for an identifier we hold nothing for: PUBCOMP anyway (5.0
    /// with Packet Identifier not found), so the server can finish.
    fn unknown_pubrel_is_completed(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        peer.send(pubrel(42));
        let comp = peer.expect_ack(PacketType::PubComp);
        assert_eq!(comp.packet_id, pid(42));
        let code = if version.is_v5() {
            ReasonCode::PACKET_IDENTIFIER_NOT_FOUND
        } else {
            ReasonCode::SUCCESS
        };
        assert_eq!(comp.reason_code, code);
        peer.assert_quiet();
    }

    /// RETAIN is passed on to the application.
    fn retain_flag_is_reported(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        peer.send(Packet::Publish(Publish {
            retain: true,
            qos_pid: QosPid::AtLeastOnce(pid(3)),
            ..Publish::new("lab/last", "42")
        }));
        let m = peer.expect_message();
        assert!(m.retain);
        peer.expect_ack(PacketType::PubAck);
    }
}

/// 5.0: PUBLISH properties reach the application.
#[test]
fn publish_properties_are_delivered() {
    let mut peer = Peer::new(ProtocolVersion::V5);
    peer.accept();
    let props = Properties::new()
        .with(
            PropertyId::ResponseTopic,
            PropertyValue::String("lab/reply".into()),
        )
        .with(
            PropertyId::UserProperty,
            PropertyValue::Pair("k".into(), "v".into()),
        );
    peer.send(Packet::Publish(Publish {
        properties: props.clone(),
        ..Publish::new("lab/req", "ping")
    }));
    assert_eq!(peer.expect_message().properties, props);
}
