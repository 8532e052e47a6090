//! Our session against a real mosquitto over TCP, in MQTT 3.1.1 and 5.0.
//!
//! Each test starts its own mosquitto on a free port of 127.0.0.1 (see
//! `common_broker`), so the tests run in parallel and every broker dies with
//! its test. Without mosquitto installed the tests say so loudly and pass,
//! except under `CI=true`, where they fail.

mod common_broker;

use std::time::Duration;

use common_broker::{
    options, unique, Broker, CliMessage, Client, RECEIVE_MAXIMUM, TOPIC_ALIAS_MAXIMUM, WAIT,
};
use mqtt_lab::protocol::codec::{
    LastWill, Packet, PacketType, Properties, PropertyId, ProtocolVersion, QoS, ReasonCode,
};
use mqtt_lab::protocol::session::{CloseReason, Event, Message};

/// Long enough for a message that should not come to show up on loopback.
const QUIET: Duration = Duration::from_millis(300);

const ALL_QOS: [QoS; 3] = [QoS::AtMostOnce, QoS::AtLeastOnce, QoS::ExactlyOnce];

/// One `#[test]` per version for each scenario: `name::v311`, `name::v5`.
macro_rules! both_versions {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            use super::ProtocolVersion;
            #[test]
            fn v311() {
                super::$name(ProtocolVersion::V311)
            }
            #[test]
            fn v5() {
                super::$name(ProtocolVersion::V5)
            }
        }
    )*};
}

both_versions!(
    connect,
    subscribe_wildcards,
    publish_to_self,
    publish_to_mosquitto_sub,
    retained_from_mosquitto_pub,
    will_on_abrupt_close,
    no_will_on_clean_disconnect,
    persistent_session,
    keep_alive_pings,
    burst_with_flow_control,
    resume_inflight_after_drop,
);

/// mosquitto's log names the protocol of a connection `p2` (3.1.1) or `p5`.
fn log_protocol(version: ProtocolVersion) -> &'static str {
    match version {
        ProtocolVersion::V311 => "p2",
        ProtocolVersion::V5 => "p5",
    }
}

fn base(tag: &str) -> String {
    format!("lab/{}", unique(tag))
}

fn messages_in(events: &[Event]) -> Vec<&Message> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Message(m) => Some(m),
            _ => None,
        })
        .collect()
}

fn connect(version: ProtocolVersion) {
    let Some(broker) = Broker::start() else {
        return;
    };
    let id = unique("connect");
    let (mut c, n) = Client::connect(&broker, "client", options(version, &id));
    assert_eq!(n.version, version);
    assert!(!n.session_present);
    assert_eq!(n.client_id, id);
    assert!(!n.client_id_assigned);
    assert_eq!(n.keep_alive, 60);
    assert_eq!(n.maximum_qos, QoS::ExactlyOnce);
    assert!(n.retain_available);
    if version == ProtocolVersion::V5 {
        // From our mosquitto.conf, read from the CONNACK properties.
        assert_eq!(n.receive_maximum, RECEIVE_MAXIMUM);
        assert_eq!(n.topic_alias_maximum, TOPIC_ALIAS_MAXIMUM);
        assert!(n.wildcard_subscription_available);
    }
    assert!(c.session.is_connected());
    // The broker read our CONNECT as we meant it.
    broker.wait_for_log(
        &format!("as {id} ({}, c1, k60)", log_protocol(version)),
        WAIT,
    );
    c.disconnect();
    assert!(!c.session.is_connected());
    broker.wait_for_log(&format!("Client {id} disconnected."), WAIT);
}

fn subscribe_wildcards(version: ProtocolVersion) {
    let Some(broker) = Broker::start() else {
        return;
    };
    let b = base("subscribe");
    let (mut c, _) = Client::connect(&broker, "client", options(version, &unique("sub")));
    let temp = format!("{b}/+/temp");
    let all = format!("{b}/#");
    let deep = format!("{b}/+/+/x");
    let results = c.subscribe(&[
        (&temp, QoS::ExactlyOnce),
        (&all, QoS::AtLeastOnce),
        (&deep, QoS::AtMostOnce),
    ]);
    let granted: Vec<(&str, Option<QoS>)> = results
        .iter()
        .map(|r| (r.filter.as_str(), r.reason_code.granted_qos()))
        .collect();
    assert_eq!(
        granted,
        [
            (temp.as_str(), Some(QoS::ExactlyOnce)),
            (all.as_str(), Some(QoS::AtLeastOnce)),
            (deep.as_str(), Some(QoS::AtMostOnce)),
        ]
    );
    assert_eq!(c.session.subscriptions().len(), 3);

    // Unsubscribing `#` leaves the other two.
    let now = c.now();
    let id = c.session.unsubscribe(vec![all.clone()], now).unwrap();
    match c.run_until("UNSUBACK", WAIT, |e| {
        matches!(e, Event::Unsubscribed { .. })
    }) {
        Event::Unsubscribed { packet_id, results } => {
            assert_eq!(packet_id, id);
            assert_eq!(results.len(), 1);
            assert_eq!(results[0].filter, all);
            assert_eq!(results[0].reason_code, ReasonCode::SUCCESS);
        }
        _ => unreachable!(),
    }
    assert_eq!(c.session.subscriptions().len(), 2);

    // Now nothing matches `…/room/humidity`: a 5.0 server says so in PUBACK,
    // which is still a completed publish.
    let id = c.publish(&format!("{b}/room/humidity"), "h", QoS::AtLeastOnce);
    match c.publish_completed(id, QoS::AtLeastOnce) {
        Event::PublishCompleted { reason_code, .. } => {
            let expected = match version {
                ProtocolVersion::V311 => ReasonCode::SUCCESS,
                ProtocolVersion::V5 => ReasonCode::NO_MATCHING_SUBSCRIBERS,
            };
            assert_eq!(reason_code, expected);
        }
        _ => unreachable!(),
    }
    let id = c.publish(&format!("{b}/room/temp"), "t", QoS::AtLeastOnce);
    c.publish_completed(id, QoS::AtLeastOnce);
    let deep_topic = format!("{b}/room/sensor/x");
    c.publish(&deep_topic, "x", QoS::ExactlyOnce);
    let got = c.messages(2, WAIT);
    assert_eq!(got[0].topic, format!("{b}/room/temp"));
    assert_eq!(got[0].payload, b"t");
    assert_eq!(got[0].qos, QoS::AtLeastOnce);
    assert_eq!(got[1].topic, deep_topic);
    assert_eq!(
        got[1].qos,
        QoS::AtMostOnce,
        "granted QoS 0 caps the delivery"
    );
    let later = c.run_for(QUIET);
    assert!(messages_in(&later).is_empty(), "unexpected: {later:?}");
    c.disconnect();
}

fn publish_to_self(version: ProtocolVersion) {
    let Some(broker) = Broker::start() else {
        return;
    };
    let b = base("self");
    let (mut c, _) = Client::connect(&broker, "client", options(version, &unique("self")));
    let results = c.subscribe(&[
        (&format!("{b}/+/temp"), QoS::ExactlyOnce),
        (&format!("{b}/#"), QoS::AtLeastOnce),
    ]);
    let granted: Vec<_> = results
        .iter()
        .map(|r| r.reason_code.granted_qos())
        .collect();
    assert_eq!(granted, [Some(QoS::ExactlyOnce), Some(QoS::AtLeastOnce)]);

    // `…/temp` matches both filters. The spec lets a server send one copy
    // at the highest granted QoS of the matching subscriptions, or one per
    // subscription (3.1.1 §3.3.5, 5.0 §3.3.4). mosquitto 2.0 does the former
    // for 3.1.1 clients and the latter for 5.0 ones (where each copy may
    // carry its own Subscription Identifier); each copy is capped at the
    // granted QoS.
    let mut expected = Vec::new();
    for qos in ALL_QOS {
        let q = qos.as_u8();
        let temp = format!("{b}/room{q}/temp");
        let hum = format!("{b}/room{q}/humidity");
        let id = c.publish(&temp, format!("temp q{q}"), qos);
        match c.publish_completed(id, qos) {
            Event::PublishCompleted { reason_code, .. } => {
                assert_eq!(reason_code, ReasonCode::SUCCESS)
            }
            _ => unreachable!(),
        }
        assert_eq!(id.is_some(), qos != QoS::AtMostOnce);
        let id = c.publish(&hum, format!("hum q{q}"), qos);
        c.publish_completed(id, qos);
        match version {
            ProtocolVersion::V311 => {
                let highest = QoS::ExactlyOnce.max(QoS::AtLeastOnce);
                expected.push((temp, format!("temp q{q}"), qos.min(highest)));
            }
            ProtocolVersion::V5 => {
                expected.push((
                    temp.clone(),
                    format!("temp q{q}"),
                    qos.min(QoS::ExactlyOnce),
                ));
                expected.push((temp, format!("temp q{q}"), qos.min(QoS::AtLeastOnce)));
            }
        }
        expected.push((hum, format!("hum q{q}"), qos.min(QoS::AtLeastOnce)));
    }
    let got = c.messages(expected.len(), WAIT);
    let mut got: Vec<(String, String, QoS)> = got
        .into_iter()
        .map(|m| {
            assert!(!m.retain && !m.dup, "{m:?}");
            assert_eq!(m.packet_id.is_some(), m.qos != QoS::AtMostOnce, "{m:?}");
            (m.topic, String::from_utf8(m.payload).unwrap(), m.qos)
        })
        .collect();
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    // Exactly once: nothing more comes.
    let later = c.run_for(QUIET);
    assert!(messages_in(&later).is_empty(), "duplicates: {later:?}");
    assert_eq!(c.session.inflight_len(), 0);
    assert!(c.session.is_connected());
    c.disconnect();
}

fn publish_to_mosquitto_sub(version: ProtocolVersion) {
    let Some(broker) = Broker::start() else {
        return;
    };
    let b = base("ext");
    let (mut c, _) = Client::connect(&broker, "client", options(version, &unique("ext")));
    let ext = broker.mosquitto_sub(version, &[&format!("{b}/#")], ALL_QOS.len());
    let mut expected = Vec::new();
    for qos in ALL_QOS {
        let q = qos.as_u8();
        let topic = format!("{b}/q{q}");
        let payload = format!("from-our-session-qos-{q}");
        let id = c.publish(&topic, &payload, qos);
        c.publish_completed(id, qos);
        expected.push(CliMessage {
            topic,
            payload,
            qos: q,
        });
    }
    let mut got = ext.finish();
    got.sort();
    assert_eq!(got, expected);
    c.disconnect();
}

fn retained_from_mosquitto_pub(version: ProtocolVersion) {
    let Some(broker) = Broker::start() else {
        return;
    };
    let b = base("retained");
    let topic = format!("{b}/status");
    broker.mosquitto_pub(
        version,
        &["-t", &topic, "-m", "retained-hello", "-q", "1", "-r"],
    );
    let (mut c, _) = Client::connect(&broker, "client", options(version, &unique("ret")));
    let results = c.subscribe(&[(&format!("{b}/#"), QoS::ExactlyOnce)]);
    assert_eq!(results[0].reason_code.granted_qos(), Some(QoS::ExactlyOnce));
    let m = c.messages(1, WAIT).remove(0);
    assert_eq!(m.topic, topic);
    assert_eq!(m.payload, b"retained-hello");
    assert!(
        m.retain,
        "a retained message sent on subscribe has RETAIN set"
    );
    assert_eq!(m.qos, QoS::AtLeastOnce);

    // A live message to an existing subscription is not flagged retained.
    broker.mosquitto_pub(version, &["-t", &topic, "-m", "live", "-q", "1"]);
    let m = c.messages(1, WAIT).remove(0);
    assert_eq!(m.payload, b"live");
    assert!(!m.retain);
    let later = c.run_for(QUIET);
    assert!(messages_in(&later).is_empty(), "unexpected: {later:?}");
    c.disconnect();
}

/// Client A with a Will on `topic`, and client B subscribed to it.
fn will_pair(broker: &Broker, version: ProtocolVersion, topic: &str) -> (Client, String, Client) {
    let a_id = unique("will-a");
    let mut a_opts = options(version, &a_id);
    a_opts.will = Some(LastWill {
        topic: topic.to_owned(),
        payload: b"A went away".to_vec(),
        qos: QoS::AtLeastOnce,
        retain: false,
        properties: Properties::new(),
    });
    let (a, _) = Client::connect(broker, "A", a_opts);
    let (mut b, _) = Client::connect(broker, "B", options(version, &unique("will-b")));
    let results = b.subscribe(&[(topic, QoS::ExactlyOnce)]);
    assert_eq!(results[0].reason_code.granted_qos(), Some(QoS::ExactlyOnce));
    (a, a_id, b)
}

fn will_on_abrupt_close(version: ProtocolVersion) {
    let Some(broker) = Broker::start() else {
        return;
    };
    let topic = format!("{}/will", base("will"));
    let (mut a, a_id, mut b) = will_pair(&broker, version, &topic);
    a.drop_transport();
    match a.run_until("Closed", WAIT, |e| matches!(e, Event::Closed(_))) {
        Event::Closed(CloseReason::TransportClosed) => {}
        other => a.fail(&format!("expected TransportClosed, got {other:?}")),
    }
    let m = b.messages(1, WAIT).remove(0);
    assert_eq!(m.topic, topic);
    assert_eq!(m.payload, b"A went away");
    assert_eq!(m.qos, QoS::AtLeastOnce, "min(Will QoS 1, granted 2)");
    assert!(!m.retain);
    let later = b.run_for(QUIET);
    assert!(messages_in(&later).is_empty(), "unexpected: {later:?}");
    assert!(
        !broker
            .log()
            .contains(&format!("Received DISCONNECT from {a_id}")),
        "A must not have sent DISCONNECT"
    );
    b.disconnect();
}

fn no_will_on_clean_disconnect(version: ProtocolVersion) {
    let Some(broker) = Broker::start() else {
        return;
    };
    let topic = format!("{}/will", base("nowill"));
    let (mut a, a_id, mut b) = will_pair(&broker, version, &topic);
    a.disconnect();
    broker.wait_for_log(&format!("Client {a_id} disconnected."), WAIT);
    let events = b.run_for(Duration::from_millis(1500));
    assert!(
        messages_in(&events).is_empty(),
        "the Will was published after a clean DISCONNECT: {events:?}"
    );
    // B was listening all along: a marker on the same topic arrives.
    broker.mosquitto_pub(version, &["-t", &topic, "-m", "marker", "-q", "1"]);
    let m = b.messages(1, WAIT).remove(0);
    assert_eq!(m.payload, b"marker");
    b.disconnect();
}

fn persistent_session(version: ProtocolVersion) {
    let Some(broker) = Broker::start() else {
        return;
    };
    let id = unique("persist");
    let topic = format!("{}/queued", base("persist"));
    let mut opts = options(version, &id);
    opts.clean_start = false;
    if version == ProtocolVersion::V5 {
        opts.session_expiry_interval = 300;
    }
    let (mut c, n) = Client::connect(&broker, "client", opts);
    assert!(!n.session_present, "a new client id has no session yet");
    if version == ProtocolVersion::V5 {
        assert_eq!(n.session_expiry_interval, 300);
    }
    let results = c.subscribe(&[(&topic, QoS::AtLeastOnce)]);
    assert_eq!(results[0].reason_code.granted_qos(), Some(QoS::AtLeastOnce));
    c.disconnect();
    broker.wait_for_log(&format!("Client {id} disconnected."), WAIT);

    broker.mosquitto_pub(version, &["-t", &topic, "-m", "sent-while-away", "-q", "1"]);

    let before = c.take_events();
    assert!(messages_in(&before).is_empty(), "unexpected: {before:?}");
    let n = c.reconnect();
    assert!(n.session_present, "CONNACK session present = 1");
    let m = c.messages(1, WAIT).remove(0);
    assert_eq!(m.topic, topic);
    assert_eq!(m.payload, b"sent-while-away");
    assert_eq!(m.qos, QoS::AtLeastOnce);
    let later = c.run_for(QUIET);
    assert!(messages_in(&later).is_empty(), "unexpected: {later:?}");
    // The server kept the subscription: the session did not send it again.
    assert!(
        !later.iter().any(|e| matches!(
            e,
            Event::PacketSent { packet, .. } if packet.packet_type() == PacketType::Subscribe
        )),
        "resubscribed although the session was present"
    );
    c.disconnect();
}

fn keep_alive_pings(version: ProtocolVersion) {
    let Some(broker) = Broker::start() else {
        return;
    };
    let id = unique("ping");
    let mut opts = options(version, &id);
    opts.keep_alive = 1;
    let (mut c, n) = Client::connect(&broker, "client", opts);
    assert_eq!(n.keep_alive, 1);
    // Without pings mosquitto would drop us after 1.5 s of silence.
    let events = c.run_for(Duration::from_millis(2600));
    let count = |t: PacketType, sent: bool| {
        events
            .iter()
            .filter(|e| match e {
                Event::PacketSent { packet, .. } if sent => packet.packet_type() == t,
                Event::PacketReceived { packet, .. } if !sent => packet.packet_type() == t,
                _ => false,
            })
            .count()
    };
    assert!(
        !events.iter().any(|e| matches!(e, Event::Closed(_))),
        "closed: {events:?}"
    );
    assert!(count(PacketType::PingReq, true) >= 2, "{events:?}");
    assert!(count(PacketType::PingResp, false) >= 2, "{events:?}");
    assert!(c.session.is_connected());
    c.disconnect();
    broker.wait_for_log(&format!("Client {id} disconnected."), WAIT);
}

#[test]
fn assigned_client_id_v5() {
    let Some(broker) = Broker::start() else {
        return;
    };
    let (mut c, n) = Client::connect(&broker, "client", options(ProtocolVersion::V5, ""));
    assert!(n.client_id_assigned, "{n:?}");
    assert!(!n.client_id.is_empty());
    let id = n.client_id.clone();
    broker.wait_for_log(&format!("as {id} (p5"), WAIT);
    c.disconnect();
    // Reconnecting uses the assigned identifier.
    let n = c.reconnect();
    assert_eq!(n.client_id, id);
    assert!(
        !n.client_id_assigned,
        "the server assigns only for an empty id"
    );
    let log = broker.log();
    assert_eq!(log.matches(&format!("as {id} (p5")).count(), 2, "{log}");
    c.disconnect();
}

#[test]
fn empty_client_id_v311() {
    // 3.1.1 has no way to tell the client the identifier the server chose.
    let Some(broker) = Broker::start() else {
        return;
    };
    let (mut c, n) = Client::connect(&broker, "client", options(ProtocolVersion::V311, ""));
    assert!(!n.client_id_assigned);
    assert_eq!(n.client_id, "");
    c.disconnect();
}

/// Many QoS 1/2 publishes, some larger than one TCP read, interleaved on
/// four topics; everything arrives once and intact.
///
/// 5.0: all at once. The broker's Receive Maximum holds ours back (the rest
/// waits in the session), and repeated topics go out as Topic Aliases.
///
/// 3.1.1 has no Receive Maximum, but mosquitto still applies its
/// `max_inflight_messages` to what a client sends: it PUBACKs a QoS 1
/// message over that limit and drops it (its log says `rc151`, Quota
/// exceeded, which a 3.1.1 PUBACK cannot carry). The session's
/// `max_inflight_v311` keeps a 3.1.1 client under it, so the same burst
/// goes out all at once there too.
///
/// Our own Receive Maximum stays above the burst: mosquitto 2.0.11 frees a
/// QoS 2 slot of ours on PUBREC instead of PUBCOMP (MQTT 5.0 §4.9), so with
/// a small one it can overrun us, and the session then rightly disconnects
/// with 0x93 Receive Maximum exceeded.
fn burst_with_flow_control(version: ProtocolVersion) {
    let Some(broker) = Broker::start() else {
        return;
    };
    let b = base("burst");
    let v5 = version == ProtocolVersion::V5;
    let mut opts = options(version, &unique("burst"));
    opts.auto_topic_alias = v5;
    opts.max_inflight_v311 = RECEIVE_MAXIMUM;
    let (mut c, n) = Client::connect(&broker, "client", opts);
    let results = c.subscribe(&[(&format!("{b}/#"), QoS::ExactlyOnce)]);
    assert_eq!(results[0].reason_code.granted_qos(), Some(QoS::ExactlyOnce));

    const N: usize = 60;
    let mut expected = Vec::new();
    {
        let mut ids = Vec::new();
        for i in 0..N {
            let qos = [QoS::AtLeastOnce, QoS::ExactlyOnce][i % 2];
            let topic = format!("{b}/t{}", i % 4);
            let len = if i % 10 == 3 { 200_000 } else { 16 + i };
            let payload: Vec<u8> = (0..len).map(|j| (i * 7 + j) as u8).collect();
            let id = c.publish(&topic, &payload, qos);
            ids.push((id, qos));
            expected.push((topic, payload, qos));
        }
        if v5 {
            assert_eq!(n.receive_maximum, RECEIVE_MAXIMUM);
        }
        assert_eq!(c.session.inflight_len(), usize::from(RECEIVE_MAXIMUM));
        assert_eq!(c.session.queued_len(), N - usize::from(RECEIVE_MAXIMUM));
        for (id, qos) in ids {
            c.publish_completed(id, qos);
        }
    }
    let got = c.messages(N, Duration::from_secs(20));
    // Order is kept per topic (spec 4.6): compare per topic, stably sorted.
    let mut got: Vec<(String, Vec<u8>, QoS)> = got
        .into_iter()
        .map(|m| {
            assert!(!m.dup, "no re-delivery on a healthy connection");
            (m.topic, m.payload, m.qos)
        })
        .collect();
    got.sort_by(|x, y| x.0.cmp(&y.0));
    expected.sort_by(|x, y| x.0.cmp(&y.0));
    assert!(
        got == expected,
        "messages differ (received {}, sent {})",
        got.len(),
        expected.len()
    );
    let later = c.run_for(QUIET);
    let extra = messages_in(&later).len();
    assert_eq!(extra, 0, "{extra} duplicate(s)");
    assert_eq!(c.session.inflight_len(), 0);
    assert_eq!(c.session.queued_len(), 0);
    let log = broker.log();
    assert!(!log.contains("rc151"), "the broker's quota was exceeded");
    let aliased = later
        .iter()
        .filter(|e| {
            matches!(e, Event::PacketSent { packet: Packet::Publish(p), .. }
                if p.topic.is_empty() && p.properties.integer(PropertyId::TopicAlias).is_some())
        })
        .count();
    if v5 {
        // Four topics, each sent in full once, then by alias.
        assert_eq!(aliased, N - 4, "PUBLISH packets sent with a Topic Alias");
    } else {
        assert_eq!(aliased, 0);
    }
    c.disconnect();
}

/// QoS 1 and 2 publishes whose acknowledgements are lost with the
/// connection are sent again with DUP=1 when the session resumes, and
/// complete; the subscriber gets the QoS 2 one exactly once and the QoS 1
/// one at least once.
fn resume_inflight_after_drop(version: ProtocolVersion) {
    let Some(broker) = Broker::start() else {
        return;
    };
    let topic = format!("{}/inflight", base("resume"));
    let (mut sub, _) = Client::connect(&broker, "subscriber", options(version, &unique("rsub")));
    sub.subscribe(&[(&topic, QoS::ExactlyOnce)]);

    let mut opts = options(version, &unique("resume"));
    opts.clean_start = false;
    if version == ProtocolVersion::V5 {
        opts.session_expiry_interval = 300;
    }
    let (mut c, _) = Client::connect(&broker, "publisher", opts);
    let id1 = c.publish(&topic, "qos1", QoS::AtLeastOnce);
    let id2 = c.publish(&topic, "qos2", QoS::ExactlyOnce);
    // Written, but gone before any acknowledgement is read.
    c.drop_transport();
    assert_eq!(c.session.inflight_len(), 2);
    let _ = c.take_events();

    let n = c.reconnect();
    assert!(n.session_present);
    c.publish_completed(id1, QoS::AtLeastOnce);
    c.publish_completed(id2, QoS::ExactlyOnce);
    let resent: Vec<_> = c
        .run_for(Duration::ZERO)
        .into_iter()
        .filter_map(|e| match e {
            Event::PacketSent {
                packet: Packet::Publish(p),
                ..
            } => Some((p.qos(), p.dup)),
            _ => None,
        })
        .collect();
    assert_eq!(
        resent,
        [(QoS::AtLeastOnce, true), (QoS::ExactlyOnce, true)],
        "resent in order with DUP=1"
    );
    assert_eq!(c.session.inflight_len(), 0);

    let first = sub.messages(2, WAIT);
    let later = sub.run_for(QUIET);
    let mut payloads: Vec<Vec<u8>> = first.into_iter().map(|m| m.payload).collect();
    payloads.extend(messages_in(&later).into_iter().map(|m| m.payload.clone()));
    let count = |p: &[u8]| payloads.iter().filter(|x| x.as_slice() == p).count();
    assert_eq!(count(b"qos2"), 1, "QoS 2 exactly once: {payloads:?}");
    assert!(
        (1..=2).contains(&count(b"qos1")),
        "QoS 1 at least once: {payloads:?}"
    );
    c.disconnect();
    sub.disconnect();
}
