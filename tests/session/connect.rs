//! CONNECT built from the options, and what CONNACK does to the session.

use super::common::*;

use mqtt_lab::protocol::codec::{
    LastWill, Packet, Properties, PropertyId, PropertyValue, ProtocolVersion, QoS, ReasonCode,
    DEFAULT_MAX_PACKET_SIZE,
};
use mqtt_lab::protocol::session::{
    CloseReason, CommandError, ConnectOptions, OutgoingPublish, ProtocolError,
};

fn will(version: ProtocolVersion) -> LastWill {
    let mut properties = Properties::new();
    if version.is_v5() {
        properties.set(PropertyId::WillDelayInterval, PropertyValue::Integer(5));
    }
    LastWill {
        topic: "lab/status".into(),
        payload: b"offline".to_vec(),
        qos: QoS::AtLeastOnce,
        retain: true,
        properties,
    }
}

both_versions! {
    /// Every option that belongs in CONNECT is there; 5.0-only options leave
    /// a 3.1.1 CONNECT alone.
    fn connect_carries_the_options(version) {
        let opts = ConnectOptions {
            clean_start: false,
            keep_alive: 30,
            session_expiry_interval: 3600,
            username: Some("alice".into()),
            password: Some(b"s3cret".to_vec()),
            will: Some(will(version)),
            receive_maximum: 10,
            maximum_packet_size: 4096,
            topic_alias_maximum: 8,
            ..options(version)
        };
        let mut peer = Peer::with_options(opts);
        let c = peer.connect();
        assert_eq!(c.protocol_version, version);
        assert_eq!(peer.version(), version);
        assert_eq!(c.client_id, "lab-client");
        assert!(!c.clean_start);
        assert_eq!(c.keep_alive, 30);
        assert_eq!(c.username.as_deref(), Some("alice"));
        assert_eq!(c.password.as_deref(), Some(&b"s3cret"[..]));
        assert_eq!(c.will, Some(will(version)));
        let p = &c.properties;
        if version.is_v5() {
            assert_eq!(p.integer(PropertyId::SessionExpiryInterval), Some(3600));
            assert_eq!(p.integer(PropertyId::ReceiveMaximum), Some(10));
            assert_eq!(p.integer(PropertyId::MaximumPacketSize), Some(4096));
            assert_eq!(p.integer(PropertyId::TopicAliasMaximum), Some(8));
        } else {
            assert!(p.is_empty(), "3.1.1 CONNECT has no properties: {p:?}");
        }
        peer.assert_quiet();
        assert!(!peer.session.is_connected());
    }

    /// A clean start with default options: no credentials, no will, and in
    /// 5.0 no Session Expiry Interval (0 is the default on the wire).
    fn connect_with_defaults(version) {
        let mut peer = Peer::new(version);
        let c = peer.connect();
        assert!(c.clean_start);
        assert_eq!(c.keep_alive, 60);
        assert_eq!((c.username, c.password, c.will), (None, None, None));
        let p = &c.properties;
        if version.is_v5() {
            assert_eq!(p.integer(PropertyId::SessionExpiryInterval), None);
            assert_eq!(p.integer(PropertyId::ReceiveMaximum), Some(100));
            assert_eq!(
                p.integer(PropertyId::MaximumPacketSize),
                Some(DEFAULT_MAX_PACKET_SIZE)
            );
            assert_eq!(p.integer(PropertyId::TopicAliasMaximum), Some(32));
        } else {
            assert!(p.is_empty());
        }
    }

    /// A plain CONNACK: connected, with our own values in force.
    fn connack_accepts(version) {
        let mut peer = Peer::new(version);
        peer.connect();
        assert_eq!(peer.session.poll_timeout(), Some(at(30_000)), "connect timeout");
        peer.advance_ms(250);
        peer.send(Packet::ConnAck(connack()));
        let n = peer.expect_connected();
        assert_eq!(n.version, version);
        assert!(!n.session_present);
        assert_eq!(n.client_id, "lab-client");
        assert!(!n.client_id_assigned);
        assert_eq!(n.keep_alive, 60);
        assert!(!n.keep_alive_from_server);
        assert_eq!(n.receive_maximum, u16::MAX, "no Receive Maximum means 65,535");
        assert_eq!(n.maximum_packet_size, None);
        assert_eq!(n.topic_alias_maximum, 0);
        assert_eq!(n.maximum_qos, QoS::ExactlyOnce);
        assert!(n.retain_available);
        assert!(peer.session.is_connected());
        assert_eq!(peer.session.negotiated(), Some(&n));
        // Keep alive now runs from the CONNECT we sent at 0.
        assert_eq!(peer.session.poll_timeout(), Some(at(60_000)));
        peer.assert_quiet();
    }

    /// A refusing CONNACK closes with its code; the session can connect
    /// again on a new transport.
    fn connack_refuses(version) {
        let codes: [(u8, Option<&str>); 2] = match version {
            // 5: not authorized, 4: bad user name or password.
            ProtocolVersion::V311 => [(5, None), (4, None)],
            ProtocolVersion::V5 => [(0x87, Some("no access to lab/#")), (0x86, None)],
        };
        let mut peer = Peer::new(version);
        for (code, reason_string) in codes {
            peer.connect();
            let mut c = connack_refused(code);
            if let Some(s) = reason_string {
                c.properties
                    .set(PropertyId::ReasonString, PropertyValue::String(s.into()));
            }
            peer.send(Packet::ConnAck(c));
            assert_eq!(
                peer.expect_closed(),
                CloseReason::ConnectRefused {
                    version,
                    reason_code: ReasonCode(code),
                    reason_string: reason_string.map(str::to_owned),
                }
            );
            peer.assert_quiet();
            assert_eq!(
                peer.publish(OutgoingPublish::new("a", "x")),
                Err(CommandError::NotConnected)
            );
            peer.close_transport();
            peer.assert_quiet();
        }
        peer.accept();
        assert!(peer.session.is_connected());
    }

    /// No CONNACK within the connect timeout: closed, exactly at the
    /// deadline, and a late CONNACK changes nothing.
    fn connect_timeout(version) {
        let opts = ConnectOptions {
            connect_timeout: secs(5),
            ..options(version)
        };
        let mut peer = Peer::with_options(opts);
        peer.advance_ms(1_000);
        peer.connect();
        assert_eq!(peer.session.poll_timeout(), Some(at(6_000)));
        peer.advance_to(at(5_999));
        peer.assert_quiet();
        peer.advance_ms(1);
        assert_eq!(peer.expect_closed(), CloseReason::ConnectTimeout);
        peer.assert_quiet();
        peer.send(Packet::ConnAck(connack()));
        peer.assert_quiet();
        assert!(!peer.session.is_connected());
    }

    /// `connect` twice on one transport is refused and sends nothing.
    fn connect_twice_is_refused(version) {
        let mut peer = Peer::new(version);
        peer.connect();
        assert_eq!(
            peer.command(|s, now| s.connect(now)),
            Err(CommandError::AlreadyConnected)
        );
        peer.send(Packet::ConnAck(connack()));
        peer.expect_connected();
        assert_eq!(
            peer.command(|s, now| s.connect(now)),
            Err(CommandError::AlreadyConnected)
        );
        peer.assert_quiet();
    }

    /// Session Present on a clean start: the server claims state we asked
    /// it to drop (5.0 [MQTT-3.2.2-4], 3.1.1 [MQTT-3.2.2-1]). The client
    /// closes; a DISCONNECT first is allowed but not required (4.13).
    fn session_present_on_clean_start_is_a_violation(version) {
        let mut peer = Peer::new(version);
        peer.connect();
        peer.send(Packet::ConnAck(connack_session(true)));
        assert_eq!(
            peer.expect_closed(),
            CloseReason::ProtocolViolation(ProtocolError::SessionPresentOnCleanStart)
        );
        for p in peer.take_sent() {
            assert!(matches!(p, Packet::Disconnect(_)), "sent {p:?}");
        }
        peer.assert_no_event();
    }
}

/// 5.0: an empty client id asks the server to assign one; the assigned one
/// is used from then on.
#[test]
fn assigned_client_identifier_is_used_on_the_next_connect() {
    let opts = ConnectOptions {
        client_id: String::new(),
        clean_start: false,
        session_expiry_interval: 600,
        ..options(ProtocolVersion::V5)
    };
    let mut peer = Peer::with_options(opts);
    let c = peer.connect();
    assert_eq!(c.client_id, "");
    let props = Properties::new().with(
        PropertyId::AssignedClientIdentifier,
        PropertyValue::String("auto-7f3a".into()),
    );
    peer.send(Packet::ConnAck(connack_with(props)));
    let n = peer.expect_connected();
    assert_eq!(n.client_id, "auto-7f3a");
    assert!(n.client_id_assigned);

    peer.close_transport();
    assert_eq!(peer.expect_closed(), CloseReason::TransportClosed);
    let c = peer.connect();
    assert_eq!(c.client_id, "auto-7f3a");
    peer.send(Packet::ConnAck(connack_session(true)));
    let n = peer.expect_connected();
    assert_eq!(n.client_id, "auto-7f3a");
    assert!(!n.client_id_assigned, "not assigned by this CONNACK");
}

/// 5.0: the CONNACK properties are reported and then enforced.
#[test]
fn connack_properties_are_negotiated() {
    let mut peer = Peer::new(ProtocolVersion::V5);
    peer.connect();
    let mut props = int_props(&[
        (PropertyId::ServerKeepAlive, 20),
        (PropertyId::ReceiveMaximum, 5),
        (PropertyId::MaximumQoS, 1),
        (PropertyId::RetainAvailable, 0),
        (PropertyId::MaximumPacketSize, 2048),
        (PropertyId::TopicAliasMaximum, 3),
        (PropertyId::SessionExpiryInterval, 120),
    ]);
    props.set(
        PropertyId::ReasonString,
        PropertyValue::String("welcome".into()),
    );
    peer.send(Packet::ConnAck(connack_with(props)));
    let n = peer.expect_connected();
    assert_eq!(n.keep_alive, 20);
    assert!(n.keep_alive_from_server);
    assert_eq!(n.receive_maximum, 5);
    assert_eq!(n.maximum_qos, QoS::AtLeastOnce);
    assert!(!n.retain_available);
    assert_eq!(n.maximum_packet_size, Some(2048));
    assert_eq!(n.topic_alias_maximum, 3);
    assert_eq!(n.session_expiry_interval, 120);
    assert_eq!(n.reason_string.as_deref(), Some("welcome"));
    // Server Keep Alive drives our timer.
    assert_eq!(peer.session.poll_timeout(), Some(at(20_000)));

    assert_eq!(
        peer.publish(OutgoingPublish::new("a", "x").qos(QoS::ExactlyOnce)),
        Err(CommandError::QosNotSupported {
            requested: QoS::ExactlyOnce,
            maximum: QoS::AtLeastOnce,
        })
    );
    assert_eq!(
        peer.publish(OutgoingPublish::new("a", "x").retain(true)),
        Err(CommandError::RetainNotSupported)
    );
    peer.assert_quiet();
    let id = peer.publish_qos("a", b"x", QoS::AtLeastOnce);
    assert_eq!(peer.expect_publish().qos_pid.packet_id(), id);
}
