//! Routing: wildcards, QoS downgrade, retained messages, subscription
//! options, shared subscriptions, exactly-once.

use super::common::*;

use mqtt_lab::broker::BrokerLog;
use mqtt_lab::protocol::codec::{
    self, Packet, PacketId, ProtocolVersion, Publish, QoS, QosPid, RetainHandling, SubscribeFilter,
    SubscriptionOptions,
};
use mqtt_lab::protocol::session::Event;

both_versions! {
    wildcards_and_qos_downgrade(version) {
        let mut net = Net::new();
        let sub_a = net.connect(options(version, "phone"));
        let board = net.connect(options(version, "board"));
        net.subscribe(sub_a, vec![sub("home/+/temperature", QoS::AtLeastOnce), sub("home/#", QoS::AtMostOnce)]);
        net.messages(sub_a);
        net.publish(board, "home/living/temperature", "21.5", QoS::ExactlyOnce, false);
        net.publish(board, "home/boiler/status", "on", QoS::AtLeastOnce, false);
        net.publish(board, "garden/temperature", "9", QoS::AtLeastOnce, false);
        // One copy per message, at min(publish QoS, highest granted QoS).
        assert_eq!(
            summary(&net.messages(sub_a)),
            [
                ("home/living/temperature".into(), "21.5".into(), QoS::AtLeastOnce, false),
                ("home/boiler/status".into(), "on".into(), QoS::AtMostOnce, false),
            ]
        );
        assert!(net.log.iter().any(|l| matches!(l, BrokerLog::NoMatchingSubscribers { topic } if topic == "garden/temperature")));
        // The publisher saw every QoS exchange complete.
        let done = net.events(board).into_iter().filter(|e| matches!(e, Event::PublishCompleted { .. })).count();
        assert_eq!(done, 3);
    }

    dollar_topics_are_not_matched_by_leading_wildcards(version) {
        let mut net = Net::new();
        let c = net.connect(options(version, "c"));
        net.subscribe(c, vec![sub("#", QoS::AtMostOnce), sub("+/x", QoS::AtMostOnce)]);
        net.publish(c, "$SYS/x", "no", QoS::AtMostOnce, false);
        net.publish(c, "a/x", "yes", QoS::AtMostOnce, false);
        let got: Vec<String> = net.messages(c).into_iter().map(|m| m.topic).collect();
        assert_eq!(got, ["a/x"]);
    }

    retained_on_subscribe_and_cleared(version) {
        let mut net = Net::new();
        let board = net.connect(options(version, "board"));
        net.publish(board, "lab/status", "online", QoS::AtLeastOnce, true);
        let late = net.connect(options(version, "late"));
        net.subscribe(late, vec![sub("lab/#", QoS::ExactlyOnce)]);
        assert_eq!(summary(&net.messages(late)), [("lab/status".into(), "online".into(), QoS::AtLeastOnce, true)]);
        // A live retained publish reaches existing subscribers with RETAIN 0.
        net.publish(board, "lab/status", "busy", QoS::AtMostOnce, true);
        assert_eq!(summary(&net.messages(late)), [("lab/status".into(), "busy".into(), QoS::AtMostOnce, false)]);
        // An empty retained payload clears it: a new subscriber gets nothing.
        net.publish(board, "lab/status", "", QoS::AtMostOnce, true);
        net.messages(late);
        assert_eq!(net.broker.retained().count(), 0);
        let newer = net.connect(options(version, "newer"));
        net.subscribe(newer, vec![sub("lab/#", QoS::AtMostOnce)]);
        assert!(net.messages(newer).is_empty());
    }

    incoming_qos2_is_routed_once_when_the_client_resends(version) {
        let mut net = Net::new();
        let watcher = net.connect(options(version, "watcher"));
        net.subscribe(watcher, vec![sub("x", QoS::ExactlyOnce)]);
        // A raw client sends the same QoS 2 PUBLISH twice (DUP on the second).
        let raw = mqtt_lab::broker::ConnId(999);
        net.broker.handle_open(raw, net.now);
        let connect = Packet::Connect(codec::Connect {
            protocol_version: version,
            client_id: "raw".into(),
            ..Default::default()
        });
        let mut publish = Publish::new("x", "once");
        publish.qos_pid = QosPid::ExactlyOnce(PacketId::new(7).unwrap());
        let mut bytes = codec::encode_to_vec(&connect, version).unwrap();
        codec::encode(&Packet::Publish(publish.clone()), version, &mut bytes).unwrap();
        publish.dup = true;
        codec::encode(&Packet::Publish(publish), version, &mut bytes).unwrap();
        net.broker.handle_bytes(raw, &bytes, net.now);
        net.settle();
        assert_eq!(net.messages(watcher).len(), 1);
        let pubrecs = raw_packets(&mut net, raw, version)
            .iter()
            .filter(|p| matches!(p, Packet::PubRec(_)))
            .count();
        assert_eq!(pubrecs, 2, "each PUBLISH is answered, the message routed once");
    }

    queue_keeps_order_under_the_clients_receive_maximum(version) {
        let mut net = Net::new();
        let mut o = options(version, "slow");
        o.receive_maximum = 2;
        let slow = net.connect(o);
        net.subscribe(slow, vec![sub("q", QoS::AtLeastOnce)]);
        let fast = net.connect(options(version, "fast"));
        for i in 0..20 {
            net.publish(fast, "q", &i.to_string(), QoS::AtLeastOnce, false);
        }
        let got: Vec<String> = net.messages(slow).iter().map(|m| String::from_utf8_lossy(&m.payload).into_owned()).collect();
        let want: Vec<String> = (0..20).map(|i| i.to_string()).collect();
        assert_eq!(got, want);
    }
}

fn v5_options(filter: &str, qos: QoS, f: impl FnOnce(&mut SubscriptionOptions)) -> SubscribeFilter {
    let mut options = SubscriptionOptions::qos(qos);
    f(&mut options);
    SubscribeFilter {
        filter: filter.to_owned(),
        options,
    }
}

#[test]
fn no_local_and_retain_as_published() {
    let v = ProtocolVersion::V5;
    let mut net = Net::new();
    let a = net.connect(options(v, "a"));
    net.subscribe(
        a,
        vec![v5_options("chat/#", QoS::AtMostOnce, |o| o.no_local = true)],
    );
    let b = net.connect(options(v, "b"));
    net.subscribe(
        b,
        vec![v5_options("chat/#", QoS::AtMostOnce, |o| {
            o.retain_as_published = true
        })],
    );
    net.publish(a, "chat/a", "hi", QoS::AtMostOnce, true);
    assert!(net.messages(a).is_empty(), "No Local: not my own message");
    assert_eq!(
        summary(&net.messages(b)),
        [("chat/a".into(), "hi".into(), QoS::AtMostOnce, true)]
    );
}

#[test]
fn retain_handling() {
    let v = ProtocolVersion::V5;
    let mut net = Net::new();
    let p = net.connect(options(v, "p"));
    net.publish(p, "r/1", "kept", QoS::AtMostOnce, true);
    let s = net.connect(options(v, "s"));
    net.subscribe(
        s,
        vec![v5_options("r/#", QoS::AtMostOnce, |o| {
            o.retain_handling = RetainHandling::DoNotSend
        })],
    );
    assert!(net.messages(s).is_empty());
    net.subscribe(
        s,
        vec![v5_options("r/+", QoS::AtMostOnce, |o| {
            o.retain_handling = RetainHandling::SendAtSubscribeIfNew
        })],
    );
    assert_eq!(net.messages(s).len(), 1, "new subscription: retained sent");
    net.subscribe(
        s,
        vec![v5_options("r/+", QoS::AtMostOnce, |o| {
            o.retain_handling = RetainHandling::SendAtSubscribeIfNew
        })],
    );
    assert!(
        net.messages(s).is_empty(),
        "existing subscription: not again"
    );
}

#[test]
fn shared_subscription_round_robin() {
    let v = ProtocolVersion::V5;
    let mut net = Net::new();
    let w1 = net.connect(options(v, "w1"));
    let w2 = net.connect(options(v, "w2"));
    net.subscribe(w1, vec![sub("$share/workers/jobs/#", QoS::AtLeastOnce)]);
    net.subscribe(w2, vec![sub("$share/workers/jobs/#", QoS::AtLeastOnce)]);
    let p = net.connect(options(v, "p"));
    for i in 0..6 {
        net.publish(p, "jobs/x", &i.to_string(), QoS::AtLeastOnce, false);
    }
    let (a, b) = (net.messages(w1).len(), net.messages(w2).len());
    assert_eq!(
        (a, b),
        (3, 3),
        "each message to exactly one member, in turn"
    );
}

#[test]
fn subscription_identifiers_are_delivered() {
    let v = ProtocolVersion::V5;
    let mut net = Net::new();
    let c = net.connect(options(v, "c"));
    let now = net.now;
    net.clients[c]
        .session
        .subscribe(vec![sub("s/#", QoS::AtMostOnce)], Some(42), now)
        .unwrap();
    net.settle();
    net.publish(c, "s/1", "x", QoS::AtMostOnce, false);
    let m = net.messages(c);
    assert_eq!(
        m[0].properties
            .subscription_identifiers()
            .collect::<Vec<_>>(),
        [42]
    );
}

#[test]
fn invalid_filter_is_refused_per_filter_in_v5() {
    let v = ProtocolVersion::V5;
    let mut net = Net::new();
    let c = net.connect(options(v, "c"));
    // The client session validates filters itself, so send raw bytes.
    let raw = mqtt_lab::broker::ConnId(500);
    net.broker.handle_open(raw, net.now);
    let mut bytes = codec::encode_to_vec(
        &Packet::Connect(codec::Connect {
            client_id: "raw".into(),
            ..Default::default()
        }),
        v,
    )
    .unwrap();
    codec::encode(
        &Packet::Subscribe(codec::Subscribe {
            packet_id: PacketId::new(1).unwrap(),
            properties: Default::default(),
            filters: vec![sub("a/#/b", QoS::AtMostOnce), sub("ok/+", QoS::AtLeastOnce)],
        }),
        v,
        &mut bytes,
    )
    .unwrap();
    net.broker.handle_bytes(raw, &bytes, net.now);
    net.settle();
    let suback = raw_packets(&mut net, raw, v)
        .into_iter()
        .find_map(|p| match p {
            Packet::SubAck(s) => Some(s),
            _ => None,
        });
    let codes: Vec<u8> = suback
        .expect("SUBACK")
        .reason_codes
        .iter()
        .map(|c| c.0)
        .collect();
    assert_eq!(codes, [0x8F, 0x01]);
    // The broker keeps serving others.
    net.publish(c, "t", "still here", QoS::AtLeastOnce, false);
}
