//! Keep alive: PINGREQ when idle, and closing when the server goes quiet.
//!
//! Keep alive is 60 s unless a test says otherwise. CONNECT goes out at
//! 1 s and CONNACK arrives at 1.2 s in most scenarios, so the numbers show
//! which of the two a timer counts from.

use super::common::*;

use mqtt_lab::protocol::codec::{Packet, PacketType, PropertyId, ProtocolVersion, QoS};
use mqtt_lab::protocol::session::{CloseReason, ConnectOptions};

/// Connects at 1 s, CONNACK at 1.2 s.
fn connected(opts: ConnectOptions) -> Peer {
    let mut peer = Peer::with_options(opts);
    peer.advance_ms(1_000);
    peer.connect();
    peer.advance_ms(200);
    peer.send(Packet::ConnAck(connack()));
    peer.expect_connected();
    peer
}

both_versions! {
    /// Idle: PINGREQ exactly one keep-alive interval after the last packet
    /// we sent; PINGRESP re-arms the next one a full interval after the
    /// PINGREQ.
    fn pingreq_when_idle_for_the_interval(version) {
        let mut peer = connected(options(version));
        assert_eq!(peer.session.poll_timeout(), Some(at(61_000)));
        peer.advance_to(at(60_999));
        peer.assert_quiet();
        peer.advance_ms(1);
        peer.expect_sent(PacketType::PingReq);
        peer.assert_quiet();
        // Waiting for PINGRESP: the only deadline left is 1.5 × keep alive
        // after the last packet received (the CONNACK).
        assert_eq!(peer.session.poll_timeout(), Some(at(91_200)));

        peer.advance_ms(80);
        peer.send(Packet::PingResp);
        peer.assert_quiet();
        assert_eq!(peer.session.poll_timeout(), Some(at(121_000)));
        peer.advance_to(at(120_999));
        peer.assert_quiet();
        peer.advance_ms(1);
        peer.expect_sent(PacketType::PingReq);
        peer.send(Packet::PingResp);

        // An hour of an idle, healthy connection: one PINGREQ a minute,
        // each exactly on time.
        for k in 1..=60 {
            peer.advance_ms(30);
            peer.send(Packet::PingResp);
            assert_eq!(peer.fire_next_timeout(), at(121_000 + k * 60_000));
            peer.expect_sent(PacketType::PingReq);
            peer.assert_quiet();
        }
    }

    /// Our own traffic, answered by the server, pushes the PINGREQ back.
    fn answered_traffic_postpones_pingreq(version) {
        let mut peer = connected(options(version));
        peer.advance_to(at(30_000));
        let id = peer.publish_qos("lab/x", b"1", QoS::AtLeastOnce).expect("an id");
        peer.expect_publish();
        peer.advance_ms(10);
        peer.send(puback(id.get()));
        peer.take_events();
        assert_eq!(peer.session.poll_timeout(), Some(at(90_000)));
        peer.advance_to(at(89_999));
        peer.assert_quiet();
        peer.advance_ms(1);
        peer.expect_sent(PacketType::PingReq);
    }

    /// No PINGRESP: closed 1.5 × keep alive after the last packet received,
    /// and nothing is sent on the way out.
    fn no_pingresp_closes_after_one_and_a_half_intervals(version) {
        let mut peer = connected(options(version));
        peer.advance_to(at(61_000));
        peer.expect_sent(PacketType::PingReq);
        assert_eq!(peer.session.poll_timeout(), Some(at(91_200)));
        peer.advance_to(at(91_199));
        peer.assert_quiet();
        assert!(peer.session.is_connected());
        peer.advance_ms(1);
        assert_eq!(peer.expect_closed(), CloseReason::KeepAliveTimeout);
        peer.assert_quiet();
    }

    /// Messages from the server alone do not stop our PINGREQ: the server
    /// needs to hear from us within the interval (spec 3.1.2.10).
    fn server_traffic_alone_does_not_prevent_pingreq(version) {
        let mut peer = connected(options(version));
        for t in (10_000..=60_000).step_by(10_000) {
            peer.advance_to(at(t));
            peer.send(publish_in("lab/tick", b"", QoS::AtMostOnce, 0));
            peer.expect_message();
            peer.assert_quiet();
        }
        assert_eq!(peer.session.poll_timeout(), Some(at(61_000)));
        peer.advance_to(at(61_000));
        peer.expect_sent(PacketType::PingReq);
        // The server is alive: the deadline counts from its last PUBLISH.
        assert_eq!(peer.session.poll_timeout(), Some(at(150_000)));
    }

    /// Our packets alone do not stop the PINGREQ either when the server
    /// has been silent for the interval: that is how a dead server shows.
    fn unanswered_traffic_still_pings(version) {
        let mut peer = connected(options(version));
        for t in (10_000..=60_000).step_by(10_000) {
            peer.advance_to(at(t));
            peer.publish_qos("lab/tick", b"", QoS::AtMostOnce);
            peer.expect_publish();
            peer.take_events();
        }
        peer.advance_to(at(61_200));
        peer.expect_sent(PacketType::PingReq);
        peer.advance_to(at(91_200));
        assert_eq!(peer.expect_closed(), CloseReason::KeepAliveTimeout);
    }

    /// Keep alive 0: no timer at all once connected.
    fn keep_alive_zero_arms_no_timer(version) {
        let opts = ConnectOptions {
            keep_alive: 0,
            ..options(version)
        };
        let mut peer = Peer::with_options(opts);
        let c = peer.connect();
        assert_eq!(c.keep_alive, 0);
        assert!(peer.session.poll_timeout().is_some(), "the connect timeout");
        peer.send(Packet::ConnAck(connack()));
        assert_eq!(peer.expect_connected().keep_alive, 0);
        assert_eq!(peer.session.poll_timeout(), None);
        peer.advance(secs(24 * 3600));
        peer.assert_quiet();
        assert!(peer.session.is_connected());
    }
}

/// 5.0: Server Keep Alive replaces ours and drives the PINGREQ timing.
#[test]
fn server_keep_alive_overrides_ours() {
    let mut peer = Peer::new(ProtocolVersion::V5);
    peer.advance_ms(1_000);
    peer.connect();
    peer.send(Packet::ConnAck(connack_with(int_props(&[(
        PropertyId::ServerKeepAlive,
        10,
    )]))));
    let n = peer.expect_connected();
    assert_eq!((n.keep_alive, n.keep_alive_from_server), (10, true));
    assert_eq!(peer.session.poll_timeout(), Some(at(11_000)));
    peer.advance_to(at(10_999));
    peer.assert_quiet();
    peer.advance_ms(1);
    peer.expect_sent(PacketType::PingReq);
    peer.advance_ms(5);
    peer.send(Packet::PingResp);
    assert_eq!(peer.session.poll_timeout(), Some(at(21_000)));
    peer.advance_to(at(21_000));
    peer.expect_sent(PacketType::PingReq);
    // 1.5 × 10 s after the PINGRESP at 11.005 s.
    peer.advance_to(at(26_004));
    peer.assert_quiet();
    peer.advance_ms(1);
    assert_eq!(peer.expect_closed(), CloseReason::KeepAliveTimeout);
}

/// 5.0: Server Keep Alive 0 turns keep alive off even though we asked
/// for 60 s.
#[test]
fn server_keep_alive_zero_turns_it_off() {
    let mut peer = Peer::new(ProtocolVersion::V5);
    peer.connect();
    peer.send(Packet::ConnAck(connack_with(int_props(&[(
        PropertyId::ServerKeepAlive,
        0,
    )]))));
    assert_eq!(peer.expect_connected().keep_alive, 0);
    assert_eq!(peer.session.poll_timeout(), None);
    peer.advance(secs(3600));
    peer.assert_quiet();
}
