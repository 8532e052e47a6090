//! SUBSCRIBE / UNSUBSCRIBE and the subscription list the session keeps.

use super::common::*;

use mqtt_lab::protocol::codec::{
    Packet, PacketType, Properties, PropertyId, ProtocolVersion, QoS, ReasonCode, RetainHandling,
    SubscribeFilter, SubscriptionOptions, UnsubAck,
};
use mqtt_lab::protocol::session::{CloseReason, Event, ProtocolError, SubscribeResult};

fn unsuback(id: mqtt_lab::protocol::codec::PacketId, codes: &[u8]) -> Packet {
    Packet::UnsubAck(UnsubAck {
        packet_id: id,
        properties: Properties::new(),
        reason_codes: codes.iter().map(|&c| ReasonCode(c)).collect(),
    })
}

fn kept(peer: &Peer) -> Vec<String> {
    peer.session
        .subscriptions()
        .iter()
        .map(|s| s.filter.filter.clone())
        .collect()
}

both_versions! {
    /// SUBSCRIBE carries the filters with their QoS; SUBACK reports one
    /// result per filter; the session remembers them.
    fn subscribe_and_suback(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        let filters = vec![filter("lab/#", QoS::ExactlyOnce), filter("alerts/+", QoS::AtMostOnce)];
        let id = peer
            .command(|s, now| s.subscribe(filters.clone(), None, now))
            .expect("valid");
        let s = peer.expect_subscribe();
        assert_eq!((s.packet_id, &s.filters), (id, &filters));
        assert!(s.properties.is_empty());
        peer.assert_quiet();
        assert_eq!(kept(&peer), ["lab/#", "alerts/+"]);

        peer.send(suback(id, &[1, 0]));
        assert_eq!(
            peer.expect_event(),
            Event::Subscribed {
                packet_id: id,
                results: vec![
                    SubscribeResult { filter: "lab/#".into(), reason_code: ReasonCode::GRANTED_QOS_1 },
                    SubscribeResult { filter: "alerts/+".into(), reason_code: ReasonCode::GRANTED_QOS_0 },
                ],
            }
        );
        // The SUBACK freed the identifier: a second SUBACK is a stray.
        peer.send(suback(id, &[1, 0]));
        assert!(matches!(peer.expect_event(), Event::Ignored { packet_type: PacketType::SubAck, .. }));
        peer.assert_quiet();
    }

    /// Subscribing to a filter again replaces its entry rather than adding
    /// a second one.
    fn resubscribing_replaces_the_entry(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        for qos in [QoS::AtMostOnce, QoS::ExactlyOnce] {
            let id = peer
                .command(|s, now| s.subscribe(vec![filter("lab/#", qos)], None, now))
                .expect("valid");
            peer.expect_subscribe();
            peer.send(suback(id, &[qos.as_u8()]));
            peer.expect_event();
        }
        let subs = peer.session.subscriptions();
        assert_eq!(subs.len(), 1);
        assert_eq!(subs[0].filter.options.qos, QoS::ExactlyOnce);
    }

    /// UNSUBSCRIBE drops the subscription at once; UNSUBACK reports the
    /// result (3.1.1 has no codes: Success for each).
    fn unsubscribe_and_unsuback(version) {
        let mut peer = Peer::new(version);
        peer.accept();
        let id = peer.subscribe(&["a/#", "b/#", "c/#"]);
        peer.expect_subscribe();
        peer.send(suback(id, &[1, 1, 1]));
        peer.expect_event();

        let id = peer
            .command(|s, now| s.unsubscribe(vec!["a/#".into(), "c/#".into()], now))
            .expect("valid");
        let u = peer.expect_unsubscribe();
        assert_eq!((u.packet_id, u.filters.as_slice()), (id, &["a/#".to_string(), "c/#".to_string()][..]));
        assert_eq!(kept(&peer), ["b/#"]);
        peer.assert_quiet();

        let codes: &[u8] = if version.is_v5() { &[0x00, 0x11] } else { &[] };
        peer.send(unsuback(id, codes));
        let expected_c = if version.is_v5() { ReasonCode::NO_SUBSCRIPTION_EXISTED } else { ReasonCode::SUCCESS };
        assert_eq!(
            peer.expect_event(),
            Event::Unsubscribed {
                packet_id: id,
                results: vec![
                    SubscribeResult { filter: "a/#".into(), reason_code: ReasonCode::SUCCESS },
                    SubscribeResult { filter: "c/#".into(), reason_code: expected_c },
                ],
            }
        );
        peer.send(unsuback(id, codes));
        assert!(matches!(peer.expect_event(), Event::Ignored { packet_type: PacketType::UnsubAck, .. }));
        peer.assert_quiet();
    }

    /// The server kept our session: a SUBSCRIBE still unanswered when the
    /// connection dropped goes out again, and its SUBACK is reported.
    fn unanswered_subscribe_is_resent_on_resume(version) {
        let opts = mqtt_lab::protocol::session::ConnectOptions {
            clean_start: false,
            session_expiry_interval: 300,
            ..options(version)
        };
        let mut peer = Peer::with_options(opts);
        peer.accept();
        let id = peer.subscribe(&["lab/#"]);
        let first = peer.expect_subscribe();
        peer.close_transport();
        peer.expect_closed();
        peer.accept_with(connack_session(true));
        assert_eq!(peer.expect_subscribe(), first);
        peer.assert_quiet();
        peer.send(suback(id, &[1]));
        assert!(matches!(peer.expect_event(), Event::Subscribed { packet_id, .. } if packet_id == id));
    }
}

/// 5.0: subscription options and the Subscription Identifier go out, and
/// the identifier is kept with the subscription.
#[test]
fn subscription_options_and_identifier_v5() {
    let mut peer = Peer::new(ProtocolVersion::V5);
    peer.accept();
    let f = SubscribeFilter {
        filter: "lab/#".into(),
        options: SubscriptionOptions {
            qos: QoS::AtLeastOnce,
            no_local: true,
            retain_as_published: true,
            retain_handling: RetainHandling::DoNotSend,
        },
    };
    let id = peer
        .command(|s, now| s.subscribe(vec![f.clone()], Some(42), now))
        .expect("valid");
    let s = peer.expect_subscribe();
    assert_eq!(s.filters, [f]);
    assert_eq!(
        s.properties.subscription_identifiers().collect::<Vec<_>>(),
        [42]
    );
    assert_eq!(
        s.properties.integer(PropertyId::SubscriptionIdentifier),
        Some(42)
    );
    peer.send(suback(id, &[1]));
    peer.expect_event();
    assert_eq!(
        peer.session.subscriptions()[0].subscription_identifier,
        Some(42)
    );
}

/// 5.0: UNSUBACK with the wrong number of codes is a protocol error.
#[test]
fn unsuback_with_wrong_code_count_is_a_violation() {
    let mut peer = Peer::new(ProtocolVersion::V5);
    peer.accept();
    let id = peer
        .command(|s, now| s.unsubscribe(vec!["a".into(), "b".into()], now))
        .expect("valid");
    peer.expect_unsubscribe();
    peer.send(unsuback(id, &[0, 0, 0]));
    assert_eq!(
        peer.expect_disconnect().reason_code,
        ReasonCode::PROTOCOL_ERROR
    );
    assert_eq!(
        peer.expect_closed(),
        CloseReason::ProtocolViolation(ProtocolError::ReasonCodeCount {
            packet_type: PacketType::UnsubAck,
            expected: 2,
            found: 3,
        })
    );
}
