//! Connections and sessions: client ids, persistence, take-over, keep
//! alive, Last Will, malformed input.

use std::time::Duration;

use super::common::*;

use mqtt_lab::broker::{BrokerLog, ConnId, WillCause};
use mqtt_lab::protocol::codec::{PropertyId, PropertyValue, ProtocolVersion, QoS, ReasonCode};
use mqtt_lab::protocol::session::{CloseReason, Event};

both_versions! {
    will_on_abrupt_close_not_after_disconnect(version) {
        let mut net = Net::new();
        let phone = net.connect(options(version, "phone"));
        net.subscribe(phone, vec![sub("boards/+/status", QoS::AtLeastOnce)]);
        let mut o = options(version, "board-1");
        o.will = Some(will("boards/1/status", "offline"));
        let board = net.connect(o.clone());
        net.cut(board);
        assert_eq!(summary(&net.messages(phone)), [("boards/1/status".into(), "offline".into(), QoS::AtLeastOnce, false)]);
        assert!(net.log.iter().any(|l| matches!(l, BrokerLog::WillPublished { why: WillCause::ConnectionLost, .. })));
        // Disconnect properly: no will.
        net.reconnect(board);
        let now = net.now;
        net.clients[board].session.disconnect(now);
        net.settle();
        assert!(net.messages(phone).is_empty());
    }

    will_after_keep_alive_expiry(version) {
        let mut net = Net::new();
        let phone = net.connect(options(version, "phone"));
        net.subscribe(phone, vec![sub("b/status", QoS::AtLeastOnce)]);
        let mut o = options(version, "frozen-board");
        o.keep_alive = 10;
        o.will = Some(will("b/status", "offline"));
        let board = net.connect(o);
        net.clients[board].frozen = true;
        net.advance(Duration::from_millis(14_900));
        assert!(net.messages(phone).is_empty(), "not before 1.5 × keep alive");
        net.advance(Duration::from_millis(200));
        assert_eq!(net.messages(phone).len(), 1);
        assert!(net.log.iter().any(|l| matches!(l, BrokerLog::WillPublished { why: WillCause::KeepAliveExpired, .. })));
    }

    a_healthy_client_is_kept_alive(version) {
        let mut net = Net::new();
        let mut o = options(version, "pinger");
        o.keep_alive = 5;
        let c = net.connect(o);
        net.advance(Duration::from_secs(60));
        assert!(net.clients[c].open, "PINGREQ/PINGRESP keep it open");
        assert!(net.clients[c].session.is_connected());
    }

    persistent_session_queues_while_offline(version) {
        let mut net = Net::new();
        let mut o = options(version, "sleeper");
        o.clean_start = false;
        o.session_expiry_interval = 3_600;
        let sleeper = net.connect(o.clone());
        net.subscribe(sleeper, vec![sub("mail/#", QoS::AtLeastOnce)]);
        net.cut(sleeper);
        let sender = net.connect(options(version, "sender"));
        net.publish(sender, "mail/1", "while you slept", QoS::AtLeastOnce, false);
        net.publish(sender, "mail/2", "qos 0 is not kept", QoS::AtMostOnce, false);
        assert_eq!(net.broker.queued_for("sleeper"), 1);
        net.events(sleeper);
        net.reconnect(sleeper);
        let events = net.events(sleeper);
        let connected = events.iter().find_map(|e| match e {
            Event::Connected(n) => Some(n.session_present),
            _ => None,
        });
        assert_eq!(connected, Some(true));
        let got: Vec<_> = events.iter().filter_map(|e| match e {
            Event::Message(m) => Some(m.topic.clone()),
            _ => None,
        }).collect();
        assert_eq!(got, ["mail/1"]);
    }

    clean_session_forgets(version) {
        let mut net = Net::new();
        let c = net.connect(options(version, "forgetful"));
        net.subscribe(c, vec![sub("x", QoS::AtLeastOnce)]);
        net.cut(c);
        assert_eq!(net.broker.sessions().count(), 0);
    }

    take_over_closes_the_old_connection(version) {
        let mut net = Net::new();
        let first = net.connect(options(version, "same"));
        let second = net.connect(options(version, "same"));
        assert!(!net.clients[first].open);
        assert!(net.clients[second].session.is_connected());
        let closed = net.events(first).into_iter().find_map(|e| match e {
            Event::Closed(r) => Some(r),
            _ => None,
        });
        match version {
            ProtocolVersion::V5 => assert!(matches!(
                closed,
                Some(CloseReason::ServerDisconnected { reason_code: ReasonCode::SESSION_TAKEN_OVER, .. })
            )),
            ProtocolVersion::V311 => assert_eq!(closed, Some(CloseReason::TransportClosed)),
        }
        assert!(net.log.iter().any(|l| matches!(l, BrokerLog::TakenOver { .. })));
    }

    malformed_input_closes_only_that_client(version) {
        let mut net = Net::new();
        let good = net.connect(options(version, "good"));
        net.subscribe(good, vec![sub("t", QoS::AtMostOnce)]);
        let bad = ConnId(777);
        net.broker.handle_open(bad, net.now);
        // PINGREQ before CONNECT, then garbage.
        net.broker.handle_bytes(bad, &[0xC0, 0x00], net.now);
        net.settle();
        assert!(net.log.iter().any(|l| matches!(l, BrokerLog::ProtocolViolation { .. })));
        let bad2 = ConnId(778);
        net.broker.handle_open(bad2, net.now);
        net.broker.handle_bytes(bad2, &[0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], net.now);
        net.settle();
        net.publish(good, "t", "alive", QoS::AtMostOnce, false);
        assert_eq!(net.messages(good).len(), 1);
    }
}

#[test]
fn client_ids_empty_assigned_or_refused() {
    let mut net = Net::new();
    let c = net.connect(options(ProtocolVersion::V5, ""));
    let assigned = net.events(c).into_iter().find_map(|e| match e {
        Event::Connected(n) => Some((n.client_id, n.client_id_assigned)),
        _ => None,
    });
    let (id, was_assigned) = assigned.expect("connected");
    assert!(was_assigned && id.starts_with("sandbox-"));
    // 3.1.1 without Clean Session: identifier rejected (return code 2).
    let mut o = options(ProtocolVersion::V311, "");
    o.clean_start = false;
    let c = net.connect(o);
    let refused = net.events(c).into_iter().find_map(|e| match e {
        Event::Closed(r) => Some(r),
        _ => None,
    });
    assert!(matches!(
        refused,
        Some(CloseReason::ConnectRefused {
            reason_code: ReasonCode(2),
            ..
        })
    ));
}

#[test]
fn will_delay_and_reconnect_within_it() {
    let v = ProtocolVersion::V5;
    let mut net = Net::new();
    let phone = net.connect(options(v, "phone"));
    net.subscribe(phone, vec![sub("s", QoS::AtMostOnce)]);
    let mut o = options(v, "board");
    o.session_expiry_interval = 600;
    o.clean_start = false;
    let mut w = will("s", "offline");
    w.properties
        .set(PropertyId::WillDelayInterval, PropertyValue::Integer(30));
    o.will = Some(w);
    let board = net.connect(o);
    net.cut(board);
    net.advance(Duration::from_secs(10));
    assert!(net.messages(phone).is_empty(), "within the will delay");
    net.reconnect(board);
    net.advance(Duration::from_secs(60));
    assert!(net.messages(phone).is_empty(), "came back in time: no will");
    assert!(net
        .log
        .iter()
        .any(|l| matches!(l, BrokerLog::WillDiscarded { .. })));
    net.cut(board);
    net.advance(Duration::from_secs(31));
    assert_eq!(net.messages(phone).len(), 1, "will after the delay");
}

#[test]
fn disconnect_with_will_message_publishes_it() {
    let v = ProtocolVersion::V5;
    let mut net = Net::new();
    let phone = net.connect(options(v, "phone"));
    net.subscribe(phone, vec![sub("s", QoS::AtMostOnce)]);
    let mut o = options(v, "board");
    o.will = Some(will("s", "bye"));
    let board = net.connect(o);
    let now = net.now;
    net.clients[board]
        .session
        .disconnect_with(ReasonCode::DISCONNECT_WITH_WILL_MESSAGE, None, now);
    net.settle();
    assert_eq!(net.messages(phone).len(), 1);
}

#[test]
fn queued_messages_expire() {
    let v = ProtocolVersion::V5;
    let mut net = Net::new();
    let mut o = options(v, "sleeper");
    o.clean_start = false;
    o.session_expiry_interval = 3_600;
    let sleeper = net.connect(o);
    net.subscribe(sleeper, vec![sub("n/#", QoS::AtLeastOnce)]);
    net.cut(sleeper);
    let sender = net.connect(options(v, "sender"));
    let now = net.now;
    let mut props = mqtt_lab::protocol::codec::Properties::new();
    props.set(PropertyId::MessageExpiryInterval, PropertyValue::Integer(5));
    net.clients[sender]
        .session
        .publish(
            mqtt_lab::protocol::session::OutgoingPublish::new("n/short", "soon gone")
                .qos(QoS::AtLeastOnce)
                .properties(props),
            now,
        )
        .unwrap();
    net.publish(sender, "n/long", "kept", QoS::AtLeastOnce, false);
    net.advance(Duration::from_secs(10));
    net.events(sleeper);
    net.reconnect(sleeper);
    let got: Vec<String> = net.messages(sleeper).into_iter().map(|m| m.topic).collect();
    assert_eq!(got, ["n/long"]);
    assert!(net
        .log
        .iter()
        .any(|l| matches!(l, BrokerLog::Expired { .. })));
}

#[test]
fn sessions_expire() {
    let v = ProtocolVersion::V5;
    let mut net = Net::new();
    let mut o = options(v, "brief");
    o.clean_start = false;
    o.session_expiry_interval = 20;
    let c = net.connect(o);
    net.cut(c);
    assert_eq!(net.broker.sessions().count(), 1);
    net.advance(Duration::from_secs(21));
    assert_eq!(net.broker.sessions().count(), 0);
    assert!(net
        .log
        .iter()
        .any(|l| matches!(l, BrokerLog::SessionExpired { .. })));
}

#[test]
fn snapshot_shows_sessions_queues_and_retained() {
    let v = ProtocolVersion::V5;
    let mut net = Net::new();
    let mut o = options(v, "sleeper");
    o.clean_start = false;
    o.session_expiry_interval = 600;
    o.will = Some(will("s/sleeper", "gone"));
    let sleeper = net.connect(o);
    net.subscribe(sleeper, vec![sub("inbox/#", QoS::AtLeastOnce)]);
    net.cut(sleeper);
    let p = net.connect(options(v, "poster"));
    net.publish(p, "inbox/1", "hello", QoS::AtLeastOnce, true);
    let snap = net.broker.snapshot();
    let ids: Vec<(&str, bool)> = snap
        .clients
        .iter()
        .map(|c| (c.client_id.as_str(), c.connected))
        .collect();
    assert_eq!(ids, [("poster", true), ("sleeper", false)]);
    let sleeper = &snap.clients[1];
    assert_eq!(
        sleeper.subscriptions,
        [("inbox/#".to_string(), QoS::AtLeastOnce)]
    );
    assert_eq!(sleeper.queued, 1);
    assert!(
        !sleeper.has_will,
        "the will already fired when the connection was lost"
    );
    assert_eq!(snap.retained.len(), 1);
    assert_eq!(snap.retained[0].topic, "inbox/1");
    assert_eq!(snap.retained[0].payload, b"hello");
}
