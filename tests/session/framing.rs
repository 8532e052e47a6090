//! Bytes arrive as the transport hands them over: a packet split across
//! reads, several packets in one read.

use super::common::*;

use mqtt_lab::protocol::codec::{self, Packet, PacketType, QoS};
use mqtt_lab::protocol::session::Event;

both_versions! {
    /// Every byte in its own `handle_bytes` call: the whole QoS 2 receive
    /// flow and a CONNACK still work, and nothing happens before a packet
    /// is complete.
    fn byte_by_byte(version) {
        let mut peer = Peer::new(version);
        peer.delivery = Delivery::ByteByByte;
        peer.accept();
        peer.send(publish_in("lab/slow", b"one byte at a time", QoS::ExactlyOnce, 3));
        assert_eq!(peer.expect_message().payload, b"one byte at a time");
        peer.expect_ack(PacketType::PubRec);
        peer.send(dup(publish_in("lab/slow", b"one byte at a time", QoS::ExactlyOnce, 3)));
        peer.expect_ack(PacketType::PubRec);
        assert!(matches!(peer.expect_event(), Event::Ignored { .. }));
        peer.send(pubrel(3));
        peer.expect_ack(PacketType::PubComp);
        peer.assert_quiet();

        // Holding back the last byte holds back the packet.
        peer.delivery = Delivery::Whole;
        let bytes = codec::encode_to_vec(&publish_in("lab/x", b"xyz", QoS::AtLeastOnce, 8), version)
            .expect("encodes");
        let (head, last) = bytes.split_at(bytes.len() - 1);
        peer.send_bytes(head);
        peer.assert_quiet();
        peer.send_bytes(last);
        assert_eq!(peer.expect_message().payload, b"xyz");
        assert_eq!(peer.expect_ack(PacketType::PubAck).packet_id, pid(8));
    }

    /// Several packets in one read are handled in order, including one
    /// that completes a packet split in the previous read.
    fn several_packets_in_one_read(version) {
        let mut peer = Peer::new(version);
        peer.connect();
        // CONNACK and the first messages together, as a fast server sends.
        peer.send_together(&[
            Packet::ConnAck(connack()),
            publish_in("a", b"1", QoS::AtLeastOnce, 1),
            publish_in("b", b"2", QoS::AtMostOnce, 0),
            publish_in("c", b"3", QoS::ExactlyOnce, 2),
        ]);
        peer.expect_connected();
        assert_eq!(peer.expect_message().topic, "a");
        assert_eq!(peer.expect_message().topic, "b");
        assert_eq!(peer.expect_message().topic, "c");
        assert_eq!(peer.expect_ack(PacketType::PubAck).packet_id, pid(1));
        assert_eq!(peer.expect_ack(PacketType::PubRec).packet_id, pid(2));
        peer.assert_quiet();

        let mut bytes = Vec::new();
        for p in [pubrel(2), Packet::PingResp, publish_in("d", b"4", QoS::AtMostOnce, 0)] {
            codec::encode(&p, version, &mut bytes).expect("encodes");
        }
        // Split inside the PINGRESP, then inside the PUBLISH.
        let (one, rest) = bytes.split_at(5);
        let (two, three) = rest.split_at(4);
        peer.send_bytes(one);
        assert_eq!(peer.expect_ack(PacketType::PubComp).packet_id, pid(2));
        peer.assert_quiet();
        peer.send_bytes(two);
        peer.assert_quiet();
        peer.send_bytes(three);
        assert_eq!(peer.expect_message().topic, "d");
        peer.assert_quiet();
    }

    /// Half a packet left over when the transport closes does not leak
    /// into the next connection.
    fn partial_packet_is_dropped_with_the_transport(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        let bytes = codec::encode_to_vec(&publish_in("lab/x", b"xyz", QoS::AtMostOnce, 0), version)
            .expect("encodes");
        peer.send_bytes(&bytes[..4]);
        peer.close_transport();
        peer.expect_closed();
        peer.accept();
        peer.send(publish_in("lab/y", b"ok", QoS::AtMostOnce, 0));
        assert_eq!(peer.expect_message().topic, "lab/y");
        peer.assert_quiet();
    }
}
