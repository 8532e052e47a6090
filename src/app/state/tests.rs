//! Reducer tests: sequences of driver events and user actions, replayed
//! with made-up clocks.

use super::*;
use crate::app::model::profile::Profile;
use crate::protocol::codec::{
    self, ConnAck, PubResponse, Publish, QosPid, SubAck, Subscribe, UnsubAck, Unsubscribe,
};
use crate::protocol::session::{ConnectOptions, OutgoingPublish, Session};
use crate::protocol::Instant;

const URL: &str = "wss://abcd1234.s1.eu.hivemq.cloud:8884/mqtt";

fn pid(n: u16) -> PacketId {
    PacketId::new(n).unwrap()
}

fn negotiated(version: ProtocolVersion, session_present: bool) -> Negotiated {
    Negotiated {
        version,
        session_present,
        client_id: "mqttlab-abcdefgh".into(),
        client_id_assigned: false,
        keep_alive: 60,
        keep_alive_from_server: false,
        receive_maximum: 65_535,
        maximum_packet_size: None,
        topic_alias_maximum: 0,
        maximum_qos: QoS::ExactlyOnce,
        retain_available: true,
        wildcard_subscription_available: true,
        subscription_identifiers_available: true,
        shared_subscription_available: true,
        session_expiry_interval: 0,
        response_information: None,
        server_reference: None,
        reason_string: None,
    }
}

fn drv(event: DriverEvent, now: u64) -> Action {
    Action::Driver(event, now)
}

fn session(event: Event, now: u64) -> Action {
    drv(DriverEvent::Session(event), now)
}

fn opening(attempt: u32, now: u64) -> Action {
    drv(
        DriverEvent::Opening {
            url: URL.into(),
            attempt,
        },
        now,
    )
}

fn opened(now: u64) -> Action {
    drv(
        DriverEvent::Opened {
            protocol: "mqtt".into(),
        },
        now,
    )
}

fn socket_closed(code: u16, opened: bool, now: u64) -> Action {
    drv(
        DriverEvent::SocketClosed {
            code,
            reason: String::new(),
            was_clean: code == 1000,
            opened,
        },
        now,
    )
}

fn connected(now: u64) -> Action {
    session(
        Event::Connected(negotiated(ProtocolVersion::V5, false)),
        now,
    )
}

fn closed(reason: CloseReason, now: u64) -> Action {
    session(Event::Closed(reason), now)
}

fn message(topic: &str, payload: &[u8]) -> Event {
    Event::Message(Message {
        topic: topic.into(),
        payload: payload.to_vec(),
        qos: QoS::AtMostOnce,
        retain: false,
        dup: false,
        packet_id: None,
        properties: Properties::new(),
    })
}

fn sub_filter(filter: &str, qos: QoS) -> SubscribeFilter {
    SubscribeFilter {
        filter: filter.into(),
        options: SubscriptionOptions::qos(qos),
    }
}

fn result(filter: &str, code: ReasonCode) -> SubscribeResult {
    SubscribeResult {
        filter: filter.into(),
        reason_code: code,
    }
}

fn run(actions: impl IntoIterator<Item = Action>) -> AppState {
    let mut s = AppState::default();
    for a in actions {
        s.reduce(a);
    }
    s
}

fn connected_state() -> AppState {
    run([opening(0, 0), opened(10), connected(20)])
}

// ----- connection status -----

#[test]
fn connect_then_disconnect() {
    let mut s = AppState::default();
    assert_eq!(s.status, ConnectionStatus::Disconnected);
    assert_eq!(s.status_text(), "Disconnected");
    assert!(!s.status.is_active());

    s.reduce(opening(0, 100));
    assert_eq!(
        s.status,
        ConnectionStatus::Connecting {
            attempt: 0,
            socket_open: false
        }
    );
    assert_eq!(s.status_text(), "Connecting…");
    assert_eq!(s.status.detail(Lang::En).unwrap(), "Opening the WebSocket…");
    assert_eq!(s.broker, BrokerUrl::parse(URL).ok());
    assert!(s.status.is_active());

    s.reduce(opened(150));
    assert_eq!(
        s.status.detail(Lang::En).unwrap(),
        "WebSocket open, waiting for CONNACK…"
    );

    s.reduce(connected(200));
    assert_eq!(s.status.kind(), StatusKind::Connected);
    assert_eq!(s.status_text(), "Connected");
    assert!(s.status.is_connected());
    assert_eq!(s.status.negotiated().unwrap().keep_alive, 60);
    let detail = s.status.detail(Lang::En).unwrap();
    assert!(detail.starts_with("MQTT 5.0 · New session"), "{detail}");
    assert!(matches!(
        s.status,
        ConnectionStatus::Connected { since_ms: 200, .. }
    ));

    s.reduce(Action::DisconnectRequested);
    assert_eq!(s.status, ConnectionStatus::Disconnected);
    s.reduce(closed(CloseReason::ClientDisconnected, 300));
    s.reduce(socket_closed(1000, true, 310));
    assert_eq!(s.status, ConnectionStatus::Disconnected);
    assert_eq!(s.status_text(), "Disconnected");
}

#[test]
fn session_closed_by_client_without_a_request_action() {
    let mut s = connected_state();
    s.reduce(closed(CloseReason::ClientDisconnected, 30));
    s.reduce(socket_closed(1006, true, 40));
    assert_eq!(s.status, ConnectionStatus::Disconnected);
}

#[test]
fn unreachable_broker_fails_with_the_likely_causes() {
    let s = run([opening(0, 0), socket_closed(1006, false, 50)]);
    let ConnectionStatus::Failed(Failure::Socket {
        code: 1006,
        opened: false,
        url: Some(url),
        ..
    }) = &s.status
    else {
        panic!("{:?}", s.status);
    };
    assert_eq!(url.port, 8884);
    let text = s.status_text();
    assert!(
        text.starts_with("Failed: Could not open a WebSocket to wss://abcd1234"),
        "{text}"
    );
    assert!(text.contains("port 8884 and path /mqtt"), "{text}");
    assert!(text.contains("certificate"), "{text}");
    assert_eq!(s.status.detail(Lang::En), None);
}

#[test]
fn connack_refusal_outlives_the_socket_close() {
    let refused = CloseReason::ConnectRefused {
        version: ProtocolVersion::V5,
        reason_code: ReasonCode::BAD_USER_NAME_OR_PASSWORD,
        reason_string: None,
    };
    for after in [1000, 1006] {
        let s = run([
            opening(0, 0),
            opened(10),
            closed(refused.clone(), 20),
            closed(CloseReason::TransportClosed, 21),
            socket_closed(after, true, 30),
        ]);
        assert_eq!(
            s.status,
            ConnectionStatus::Failed(Failure::Session(refused.clone()))
        );
        let text = s.status_text();
        assert!(
            text.starts_with("Failed: The broker refused the connection"),
            "{text}"
        );
        assert!(text.contains("Bad User Name or Password (0x86)"), "{text}");
        let ko = s.status.text(Lang::Ko, 30);
        assert!(ko.starts_with("실패: Broker가 연결을 거부했습니다"), "{ko}");
    }
    // 3.1.1: return code 5.
    let s = run([
        opening(0, 0),
        closed(
            CloseReason::ConnectRefused {
                version: ProtocolVersion::V311,
                reason_code: ReasonCode(5),
                reason_string: None,
            },
            5,
        ),
    ]);
    assert!(s
        .status_text()
        .contains("Connection Refused, not authorized (0x05)"));
}

#[test]
fn a_socket_close_code_beats_a_bare_transport_closed_in_either_order() {
    let want = |s: &AppState| {
        assert!(
            matches!(
                &s.status,
                ConnectionStatus::Failed(Failure::Socket { code: 1011, .. })
            ),
            "{:?}",
            s.status
        )
    };
    want(&run([
        opening(0, 0),
        connected(5),
        closed(CloseReason::TransportClosed, 10),
        socket_closed(1011, true, 11),
    ]));
    want(&run([
        opening(0, 0),
        connected(5),
        socket_closed(1011, true, 10),
        closed(CloseReason::TransportClosed, 11),
    ]));
}

#[test]
fn reconnect_countdown_and_recovery() {
    let mut s = connected_state();
    s.reduce(closed(CloseReason::KeepAliveTimeout, 1_000));
    assert_eq!(
        s.status,
        ConnectionStatus::Failed(Failure::Session(CloseReason::KeepAliveTimeout))
    );
    s.reduce(drv(
        DriverEvent::ReconnectScheduled {
            delay_ms: 3_000,
            attempt: 1,
        },
        1_010,
    ));
    assert_eq!(s.status.kind(), StatusKind::Reconnecting);
    assert_eq!(s.status_text(), "Reconnecting in 3 s");
    assert_eq!(s.status.text(Lang::Ko, 1_010), "3초 후 재연결");
    s.reduce(Action::Tick(2_600));
    assert_eq!(s.status_text(), "Reconnecting in 2 s");
    s.reduce(Action::Tick(4_010));
    assert_eq!(s.status_text(), "Reconnecting…");

    // The socket's own close arrives after the schedule: still reconnecting,
    // and the keep-alive timeout stays the reason shown.
    s.reduce(socket_closed(1006, true, 1_020));
    let ConnectionStatus::Reconnecting {
        attempt: 1,
        retry_at_ms: 4_010,
        last_failure: Some(f),
    } = &s.status
    else {
        panic!("{:?}", s.status);
    };
    assert_eq!(f, &Failure::Session(CloseReason::KeepAliveTimeout));
    let detail = s.status.detail(Lang::En).unwrap();
    assert!(
        detail.starts_with("Last error: Nothing was heard"),
        "{detail}"
    );

    s.reduce(opening(1, 4_010));
    assert_eq!(
        s.status.detail(Lang::En).unwrap(),
        "attempt 1 · Opening the WebSocket…"
    );
    // This attempt fails too: the broker is still down.
    s.reduce(socket_closed(1006, false, 4_020));
    s.reduce(drv(
        DriverEvent::ReconnectScheduled {
            delay_ms: 2_000,
            attempt: 2,
        },
        4_020,
    ));
    let ConnectionStatus::Reconnecting {
        attempt: 2,
        last_failure: Some(Failure::Socket { opened: false, .. }),
        ..
    } = &s.status
    else {
        panic!("{:?}", s.status);
    };
    s.reduce(opening(2, 6_020));
    s.reduce(opened(6_030));
    s.reduce(connected(6_040));
    assert_eq!(s.status_text(), "Connected");
}

#[test]
fn disconnect_while_reconnecting_stops_everything() {
    let mut s = connected_state();
    s.reduce(closed(CloseReason::TransportClosed, 100));
    s.reduce(drv(
        DriverEvent::ReconnectScheduled {
            delay_ms: 1_000,
            attempt: 1,
        },
        100,
    ));
    s.reduce(Action::DisconnectRequested);
    assert_eq!(s.status, ConnectionStatus::Disconnected);
    // Late reports from the driver change nothing.
    s.reduce(drv(
        DriverEvent::ReconnectScheduled {
            delay_ms: 2_000,
            attempt: 2,
        },
        110,
    ));
    s.reduce(socket_closed(1006, true, 120));
    s.reduce(closed(CloseReason::TransportClosed, 121));
    assert_eq!(s.status, ConnectionStatus::Disconnected);
    // A new attempt clears the flag.
    s.reduce(opening(0, 200));
    s.reduce(socket_closed(1006, false, 210));
    assert_eq!(s.status.kind(), StatusKind::Failed);
}

#[test]
fn driver_refusals() {
    let s = run([
        opening(0, 0),
        drv(DriverEvent::OpenFailed(OpenError::MixedContent), 1),
    ]);
    assert_eq!(
        s.status,
        ConnectionStatus::Failed(Failure::Open(OpenError::MixedContent))
    );
    assert!(s.status_text().contains("mixed content"));

    let s = run([
        opening(0, 0),
        opened(1),
        drv(DriverEvent::TextFrameRefused, 2),
        closed(CloseReason::TransportClosed, 3),
        socket_closed(1000, true, 4),
    ]);
    assert_eq!(s.status, ConnectionStatus::Failed(Failure::TextFrame));
    assert!(s.status_text().contains("binary frames"));

    let s = run([
        opening(0, 0),
        drv(DriverEvent::SubprotocolMismatch { got: String::new() }, 1),
        socket_closed(1000, true, 2),
    ]);
    assert_eq!(
        s.status,
        ConnectionStatus::Failed(Failure::Subprotocol { got: String::new() })
    );
}

#[test]
fn invalid_form_fails_only_when_idle() {
    let bad = Failure::InvalidUrl(UrlError::UnsupportedScheme("mqtt".into()));
    let s = run([Action::ConnectInvalid(bad.clone())]);
    assert_eq!(s.status, ConnectionStatus::Failed(bad.clone()));
    assert!(s
        .status_text()
        .starts_with("Failed: mqtt:// is MQTT over TCP"));
    let s = run([
        opening(0, 0),
        connected(1),
        Action::ConnectInvalid(Failure::InvalidSettings(ProfileError::WillQos(3))),
    ]);
    assert!(s.status.is_connected());
    let s = run([Action::ConnectInvalid(Failure::InvalidSettings(
        ProfileError::KeepAliveTooLarge(70_000),
    ))]);
    assert!(s.status_text().starts_with("Failed: Keep alive 70000"));
}

#[test]
fn status_texts_in_korean() {
    let mut s = AppState::new(Lang::Ko);
    assert_eq!(s.status_text(), "연결 안 됨");
    s.reduce(opening(0, 0));
    assert_eq!(s.status_text(), "연결 중…");
    s.reduce(connected(1));
    assert_eq!(s.status_text(), "연결됨");
    assert!(s.status.detail(Lang::Ko).unwrap().contains("새 세션"));
    s.reduce(Action::SetLang(Lang::En));
    assert_eq!(s.status_text(), "Connected");
}

#[test]
fn every_status_text_starts_with_its_english_word() {
    let f = Failure::TextFrame;
    let cases = [
        (ConnectionStatus::Disconnected, "Disconnected"),
        (
            ConnectionStatus::Connecting {
                attempt: 3,
                socket_open: true,
            },
            "Connecting",
        ),
        (
            ConnectionStatus::Connected {
                negotiated: negotiated(ProtocolVersion::V311, true),
                since_ms: 0,
            },
            "Connected",
        ),
        (
            ConnectionStatus::Reconnecting {
                attempt: 1,
                retry_at_ms: 10_000,
                last_failure: None,
            },
            "Reconnecting",
        ),
        (ConnectionStatus::Failed(f), "Failed"),
    ];
    for (status, word) in cases {
        assert!(status.text(Lang::En, 0).starts_with(word), "{status:?}");
        assert_eq!(status.kind().as_str(), word.to_lowercase());
        assert!(!status.text(Lang::Ko, 0).is_empty());
    }
}

// ----- subscriptions -----

#[test]
fn subscribe_suback_unsubscribe() {
    let mut s = connected_state();
    s.reduce(Action::SubscribeSent {
        packet_id: pid(1),
        filters: vec![
            sub_filter("lab/#", QoS::ExactlyOnce),
            sub_filter("secret/#", QoS::AtMostOnce),
        ],
    });
    assert_eq!(s.subscriptions.len(), 2);
    assert_eq!(
        s.subscriptions[0].status,
        SubscriptionStatus::Pending { packet_id: pid(1) }
    );
    assert_eq!(
        (s.subscriptions[0].colour, s.subscriptions[1].colour),
        (0, 1)
    );
    assert_eq!(
        s.subscriptions[0].status_text(Lang::En, ProtocolVersion::V5),
        "Waiting for SUBACK…"
    );

    // The same SUBSCRIBE reported as a packet changes nothing.
    let before = s.clone();
    s.reduce(session(
        Event::PacketSent {
            packet: Packet::Subscribe(Subscribe {
                packet_id: pid(1),
                properties: Properties::new(),
                filters: vec![
                    sub_filter("lab/#", QoS::ExactlyOnce),
                    sub_filter("secret/#", QoS::AtMostOnce),
                ],
            }),
            bytes: vec![0; 20],
        },
        30,
    ));
    assert_eq!(s.subscriptions, before.subscriptions);

    s.reduce(session(
        Event::Subscribed {
            packet_id: pid(1),
            results: vec![
                result("lab/#", ReasonCode::GRANTED_QOS_1),
                result("secret/#", ReasonCode::NOT_AUTHORIZED),
            ],
        },
        40,
    ));
    let lab = s.subscription("lab/#").unwrap();
    assert_eq!(lab.status, SubscriptionStatus::Granted(QoS::AtLeastOnce));
    assert_eq!(lab.options.qos, QoS::ExactlyOnce, "asked for 2, granted 1");
    assert_eq!(
        lab.status_text(Lang::En, ProtocolVersion::V5),
        "Granted QoS 1"
    );
    assert_eq!(lab.css_colour(), PALETTE[0]);
    let secret = s.subscription("secret/#").unwrap();
    assert_eq!(
        secret.status,
        SubscriptionStatus::Refused(ReasonCode::NOT_AUTHORIZED)
    );
    assert!(secret
        .status_text(Lang::En, ProtocolVersion::V5)
        .contains("Not authorized (0x87)"));

    s.reduce(Action::RemoveSubscription("secret/#".into()));
    s.reduce(Action::UnsubscribeSent {
        packet_id: pid(2),
        filters: vec!["lab/#".into()],
    });
    assert_eq!(
        s.subscription("lab/#").unwrap().status,
        SubscriptionStatus::Unsubscribing { packet_id: pid(2) }
    );
    s.reduce(session(
        Event::Unsubscribed {
            packet_id: pid(2),
            results: vec![result("lab/#", ReasonCode::SUCCESS)],
        },
        50,
    ));
    assert!(s.subscriptions.is_empty());

    // Colours are reused once free.
    s.reduce(Action::SubscribeSent {
        packet_id: pid(3),
        filters: vec![sub_filter("a", QoS::AtMostOnce)],
    });
    assert_eq!(s.subscriptions[0].colour, 0);
}

#[test]
fn colours_cycle_through_the_palette() {
    let mut s = connected_state();
    for i in 0..10u16 {
        s.reduce(Action::SubscribeSent {
            packet_id: pid(i + 1),
            filters: vec![sub_filter(&format!("t/{i}"), QoS::AtMostOnce)],
        });
    }
    let colours: Vec<usize> = s.subscriptions.iter().map(|s| s.colour).collect();
    assert_eq!(
        colours[..PALETTE.len()],
        (0..PALETTE.len()).collect::<Vec<_>>()[..]
    );
    assert!(colours.iter().all(|c| *c < PALETTE.len()));
}

#[test]
fn unsubscribe_refused_and_no_subscription_existed() {
    let mut s = connected_state();
    s.reduce(Action::SubscribeSent {
        packet_id: pid(1),
        filters: vec![
            sub_filter("a", QoS::AtMostOnce),
            sub_filter("b", QoS::AtMostOnce),
        ],
    });
    s.reduce(session(
        Event::Subscribed {
            packet_id: pid(1),
            results: vec![
                result("a", ReasonCode::GRANTED_QOS_0),
                result("b", ReasonCode::GRANTED_QOS_0),
            ],
        },
        1,
    ));
    // Reported as a packet only (no explicit action): works the same.
    s.reduce(session(
        Event::PacketSent {
            packet: Packet::Unsubscribe(Unsubscribe {
                packet_id: pid(2),
                properties: Properties::new(),
                filters: vec!["a".into(), "b".into()],
            }),
            bytes: vec![0; 9],
        },
        2,
    ));
    s.reduce(session(
        Event::Unsubscribed {
            packet_id: pid(2),
            results: vec![
                result("a", ReasonCode::NO_SUBSCRIPTION_EXISTED),
                result("b", ReasonCode::NOT_AUTHORIZED),
            ],
        },
        3,
    ));
    assert_eq!(s.subscriptions.len(), 1);
    let b = &s.subscriptions[0];
    assert_eq!(
        b.status,
        SubscriptionStatus::UnsubscribeRefused(ReasonCode::NOT_AUTHORIZED)
    );
    assert!(b
        .status_text(Lang::En, ProtocolVersion::V5)
        .starts_with("The broker refused to unsubscribe"));
    // An UNSUBACK for another packet id does not touch it.
    s.reduce(session(
        Event::Unsubscribed {
            packet_id: pid(9),
            results: vec![result("b", ReasonCode::SUCCESS)],
        },
        4,
    ));
    assert_eq!(s.subscriptions.len(), 1);
}

#[test]
fn a_stale_suback_does_not_override_a_newer_subscribe() {
    let mut s = connected_state();
    s.reduce(Action::SubscribeSent {
        packet_id: pid(1),
        filters: vec![sub_filter("x", QoS::AtMostOnce)],
    });
    s.reduce(Action::SubscribeSent {
        packet_id: pid(2),
        filters: vec![sub_filter("x", QoS::ExactlyOnce)],
    });
    s.reduce(session(
        Event::Subscribed {
            packet_id: pid(1),
            results: vec![result("x", ReasonCode::GRANTED_QOS_0)],
        },
        1,
    ));
    assert_eq!(
        s.subscriptions[0].status,
        SubscriptionStatus::Pending { packet_id: pid(2) }
    );
    s.reduce(session(
        Event::Subscribed {
            packet_id: pid(2),
            results: vec![result("x", ReasonCode::GRANTED_QOS_2)],
        },
        2,
    ));
    assert_eq!(
        s.subscriptions[0].status,
        SubscriptionStatus::Granted(QoS::ExactlyOnce)
    );
    assert_eq!(s.subscriptions[0].options.qos, QoS::ExactlyOnce);
}

#[test]
fn suback_for_an_unknown_filter_adds_it() {
    let s = run([session(
        Event::Subscribed {
            packet_id: pid(4),
            results: vec![result("restored/#", ReasonCode::GRANTED_QOS_1)],
        },
        1,
    )]);
    assert_eq!(s.subscriptions[0].filter, "restored/#");
    assert_eq!(
        s.subscriptions[0].status,
        SubscriptionStatus::Granted(QoS::AtLeastOnce)
    );
}

#[test]
fn session_reset_forgets_subscriptions_and_abandons_publishes() {
    let mut s = connected_state();
    s.reduce(Action::SubscribeSent {
        packet_id: pid(1),
        filters: vec![sub_filter("a", QoS::AtMostOnce)],
    });
    s.reduce(Action::PublishSent {
        packet_id: Some(pid(2)),
        topic: "a".into(),
        qos: QoS::AtLeastOnce,
        retain: false,
        size: 1,
        now_ms: 5,
    });
    s.reduce(Action::SessionReset);
    assert!(s.subscriptions.is_empty());
    let p = s.publishes.newest().unwrap();
    assert_eq!(p.status, PublishStatus::Abandoned);
    assert_eq!(p.status_text(Lang::En), "Dropped with the old session");
}

// ----- publishes -----

#[test]
fn publish_tracking_by_packet_id() {
    let mut s = connected_state();
    let publish = |id: Option<u16>, qos, now| Action::PublishSent {
        packet_id: id.map(pid),
        topic: "lab/led".into(),
        qos,
        retain: false,
        size: 2,
        now_ms: now,
    };
    s.reduce(publish(None, QoS::AtMostOnce, 100));
    s.reduce(session(
        Event::PublishCompleted {
            packet_id: None,
            qos: QoS::AtMostOnce,
            reason_code: ReasonCode::SUCCESS,
        },
        100,
    ));
    let p0 = s.publishes.newest().unwrap().clone();
    assert!(matches!(
        p0.status,
        PublishStatus::Completed { at_ms: 100, .. }
    ));
    assert_eq!(
        p0.status_text(Lang::En),
        "Sent (QoS 0 has no acknowledgement)"
    );

    s.reduce(publish(Some(1), QoS::AtLeastOnce, 200));
    assert_eq!(s.publishes.newest().unwrap().status, PublishStatus::Pending);
    assert_eq!(
        s.publishes.newest().unwrap().status_text(Lang::En),
        "Waiting for PUBACK…"
    );
    s.reduce(session(
        Event::PublishCompleted {
            packet_id: Some(pid(1)),
            qos: QoS::AtLeastOnce,
            reason_code: ReasonCode::SUCCESS,
        },
        250,
    ));
    assert_eq!(
        s.publishes.newest().unwrap().status,
        PublishStatus::Completed {
            reason_code: ReasonCode::SUCCESS,
            at_ms: 250
        }
    );
    assert_eq!(
        s.publishes.newest().unwrap().status_text(Lang::En),
        "Delivered to the broker (PUBACK)"
    );

    // Identifier 1 is free again and reused: the completion goes to the
    // pending record, not the finished one.
    s.reduce(publish(Some(1), QoS::ExactlyOnce, 300));
    assert_eq!(
        s.publishes.newest().unwrap().status_text(Lang::En),
        "Waiting for PUBCOMP…"
    );
    s.reduce(session(
        Event::PublishCompleted {
            packet_id: Some(pid(1)),
            qos: QoS::ExactlyOnce,
            reason_code: ReasonCode::NO_MATCHING_SUBSCRIBERS,
        },
        350,
    ));
    let records: Vec<_> = s.publishes.iter_newest_first().cloned().collect();
    assert_eq!(records.len(), 3);
    assert!(matches!(
        records[0].status,
        PublishStatus::Completed { at_ms: 350, .. }
    ));
    assert!(matches!(
        records[1].status,
        PublishStatus::Completed { at_ms: 250, .. }
    ));
    assert!(records[0]
        .status_text(Lang::En)
        .contains("no one is subscribed"));

    s.reduce(publish(Some(2), QoS::AtLeastOnce, 400));
    s.reduce(session(
        Event::PublishFailed {
            packet_id: pid(2),
            reason_code: ReasonCode::NOT_AUTHORIZED,
            reason_string: Some("acl".into()),
        },
        450,
    ));
    let p = s.publishes.newest().unwrap();
    assert!(matches!(p.status, PublishStatus::Refused { .. }));
    let text = p.status_text(Lang::En);
    assert!(
        text.contains("Not authorized (0x87)") && text.contains("\"acl\""),
        "{text}"
    );
    assert!(p.status_text(Lang::Ko).contains("권한 없음"));
}

#[test]
fn publish_history_is_bounded() {
    let mut s = connected_state();
    for i in 0..(PUBLISH_HISTORY + 5) {
        s.reduce(Action::PublishSent {
            packet_id: None,
            topic: format!("t/{i}"),
            qos: QoS::AtMostOnce,
            retain: false,
            size: 0,
            now_ms: i as u64,
        });
    }
    assert_eq!(s.publishes.len(), PUBLISH_HISTORY);
    assert_eq!(s.publishes.dropped(), 5);
}

// ----- message log -----

#[test]
fn log_is_newest_first_with_subscription_colours() {
    let mut s = connected_state();
    s.reduce(Action::SubscribeSent {
        packet_id: pid(1),
        filters: vec![
            sub_filter("denied/#", QoS::AtMostOnce),
            sub_filter("lab/+/temp", QoS::AtMostOnce),
            sub_filter("lab/#", QoS::AtMostOnce),
        ],
    });
    s.reduce(session(
        Event::Subscribed {
            packet_id: pid(1),
            results: vec![
                result("denied/#", ReasonCode::NOT_AUTHORIZED),
                result("lab/+/temp", ReasonCode::GRANTED_QOS_0),
                result("lab/#", ReasonCode::GRANTED_QOS_0),
            ],
        },
        30,
    ));
    s.reduce(session(message("lab/a/temp", br#"{"c":21}"#), 100));
    s.reduce(session(message("lab/led", b"on"), 200));
    s.reduce(session(message("other", &[0xff, 0x00]), 300));
    s.reduce(session(message("denied/x", b"?"), 400));
    s.reduce(session(
        Event::Message(Message {
            topic: "lab/r".into(),
            payload: b"kept".to_vec(),
            qos: QoS::ExactlyOnce,
            retain: true,
            dup: true,
            packet_id: Some(pid(7)),
            properties: Properties::new(),
        }),
        500,
    ));

    let log: Vec<_> = s.visible_log().cloned().collect();
    let topics: Vec<&str> = log.iter().map(|e| e.topic.as_str()).collect();
    assert_eq!(
        topics,
        ["lab/r", "denied/x", "other", "lab/led", "lab/a/temp"]
    );
    // First matching subscription in list order; refused ones colour nothing.
    assert_eq!(log[4].colour, Some(1));
    assert_eq!(log[4].css_colour(), Some(PALETTE[1]));
    assert_eq!(log[3].colour, Some(2));
    assert_eq!(log[2].colour, None);
    assert_eq!(log[1].colour, None);
    // Payload views and metadata.
    assert_eq!(log[4].view, PayloadView::Json("{\n  \"c\": 21\n}".into()));
    assert_eq!(log[4].preview, "{ \"c\": 21 }");
    assert_eq!(log[2].view, PayloadView::Binary("ff 00".into()));
    assert_eq!((log[3].size, log[3].time_ms), (2, 200));
    assert!(log[0].retain && log[0].dup && log[0].qos == QoS::ExactlyOnce);
    assert!(log.windows(2).all(|w| w[0].seq > w[1].seq));
    assert_eq!(s.stats.messages_received, 5);
}

#[test]
fn log_is_bounded_and_clearable() {
    let mut s = AppState::with_log_capacity(Lang::En, 3);
    for i in 0..5 {
        s.reduce(session(message(&format!("t/{i}"), b"x"), i));
    }
    assert_eq!(s.log.len(), 3);
    assert_eq!(s.log.capacity(), 3);
    assert_eq!(s.log.dropped(), 2);
    let topics: Vec<String> = s.visible_log().map(|e| e.topic.clone()).collect();
    assert_eq!(topics, ["t/4", "t/3", "t/2"]);
    assert_eq!(
        s.stats.messages_received, 5,
        "stats count what the log dropped"
    );
    s.reduce(Action::ClearLog);
    assert!(s.log.is_empty());
    assert_eq!(s.log.dropped(), 0);
    assert_eq!(AppState::default().log.capacity(), LOG_CAPACITY);
}

#[test]
fn large_payloads_are_viewed_in_part() {
    let mut s = AppState::default();
    let big = vec![b'a'; MAX_VIEW_BYTES + 10];
    s.reduce(session(message("big", &big), 1));
    let e = s.log.newest().unwrap();
    assert!(e.truncated);
    assert_eq!(e.size, MAX_VIEW_BYTES + 10);
    assert_eq!(e.view.text().len(), MAX_VIEW_BYTES);
}

#[test]
fn log_filter() {
    assert!(log_filter_matches("", "anything"));
    assert!(log_filter_matches("  ", "anything"));
    assert!(log_filter_matches("LED", "lab/led"));
    assert!(!log_filter_matches("temp", "lab/led"));
    assert!(log_filter_matches("lab/+/temp", "lab/a/temp"));
    assert!(!log_filter_matches("lab/+/temp", "lab/a/b/temp"));
    assert!(log_filter_matches("lab/#", "lab"));
    // Not a valid filter: a plain substring search.
    assert!(log_filter_matches("a#b", "xa#by"));

    let mut s = AppState::default();
    for t in ["lab/a/temp", "lab/led", "home/temp"] {
        s.reduce(session(message(t, b""), 0));
    }
    s.reduce(Action::SetLogFilter("temp".into()));
    assert_eq!(s.visible_log().count(), 2);
    s.reduce(Action::SetLogFilter("lab/#".into()));
    assert_eq!(
        s.visible_log()
            .map(|e| e.topic.as_str())
            .collect::<Vec<_>>(),
        ["lab/led", "lab/a/temp"]
    );
    assert_eq!(s.log.len(), 3, "filtering hides, it does not delete");
}

// ----- statistics -----

#[test]
fn stats_from_packets_and_messages() {
    let mut s = connected_state();
    let publish = |dup: bool| {
        Packet::Publish(Publish {
            dup,
            qos_pid: QosPid::AtLeastOnce(pid(1)),
            ..Publish::new("t", "p")
        })
    };
    s.reduce(session(
        Event::PacketSent {
            packet: publish(false),
            bytes: vec![0; 10],
        },
        1,
    ));
    s.reduce(session(
        Event::PacketSent {
            packet: publish(true),
            bytes: vec![0; 10],
        },
        2,
    ));
    s.reduce(session(
        Event::PacketSent {
            packet: Packet::PingReq,
            bytes: vec![0; 2],
        },
        3,
    ));
    s.reduce(session(
        Event::PacketReceived {
            packet: Packet::PubAck(PubResponse::new(pid(1))),
            bytes: vec![0; 4],
        },
        4,
    ));
    assert_eq!(
        s.stats.messages_sent, 1,
        "the DUP re-send is not a new message"
    );
    assert_eq!(s.stats.bytes_out, 22);
    assert_eq!(s.stats.bytes_in, 4);

    for i in 0..20 {
        s.reduce(session(message("t", b"x"), 10_000 + i * 100));
    }
    assert_eq!(s.stats.messages_received, 20);
    assert_eq!(
        s.stats.receive_rate(11_999),
        4.0,
        "20 messages over the 5 s window"
    );
    s.reduce(Action::ResetStats);
    assert_eq!(s.stats, Stats::default());
}

// ----- misc -----

#[test]
fn batches_ticks_and_language() {
    let s = run([Action::Batch(vec![
        opening(0, 10),
        opened(20),
        connected(30),
        Action::Tick(99),
        Action::SetLang(Lang::Ko),
    ])]);
    assert!(s.status.is_connected());
    assert_eq!(s.now_ms, 99);
    assert_eq!(s.lang, Lang::Ko);
}

#[test]
fn profiles_through_actions() {
    let mut p = Profile::new("Lab", "ws://127.0.0.1:9001", "mqttlab-00000000");
    p.password = Some("not-remembered".into());
    let mut s = run([Action::SaveProfile(p.clone())]);
    assert_eq!(s.profiles.profiles().len(), 1);
    assert_eq!(s.profiles.get("Lab").unwrap().password, None);
    s.reduce(Action::ImportProfiles(vec![
        Profile::new("Lab", "ws://localhost:9001", ""),
        Profile::new("Cloud", URL, ""),
    ]));
    assert_eq!(s.profiles.profiles().len(), 2);
    assert_eq!(s.profiles.get("Lab").unwrap().url, "ws://localhost:9001");
    s.reduce(Action::DeleteProfile("Lab".into()));
    assert_eq!(s.profiles.profiles().len(), 1);
    s.reduce(Action::LoadProfiles(ProfileStore::default()));
    assert!(s.profiles.profiles().is_empty());
}

#[test]
fn yew_reducible_applies_the_same_reducer() {
    use yew::Reducible;
    let state = Rc::new(AppState::default());
    let next = Reducible::reduce(state.clone(), opening(0, 5));
    assert_eq!(
        state.status,
        ConnectionStatus::Disconnected,
        "the old state is untouched"
    );
    assert_eq!(next.status.kind(), StatusKind::Connecting);
    let only = Rc::new(AppState::default());
    let next = Reducible::reduce(only, Action::SetLang(Lang::Ko));
    assert_eq!(next.lang, Lang::Ko);
}

// ----- against the real session -----

/// Feeds a real [`Session`] scripted broker packets and routes its events
/// through the reducer, as the driver will: proves the event shapes the
/// reducer expects are the ones the session emits.
struct Harness {
    session: Session,
    state: AppState,
    now: u64,
}

impl Harness {
    fn new(version: ProtocolVersion) -> Self {
        let session = Session::new(ConnectOptions {
            version,
            client_id: "mqttlab-test0000".into(),
            ..ConnectOptions::default()
        });
        Harness {
            session,
            state: AppState::default(),
            now: 0,
        }
    }

    fn drain(&mut self) {
        while self.session.poll_transmit().is_some() {}
        let mut batch = Vec::new();
        while let Some(e) = self.session.poll_event() {
            batch.push(session(e, self.now));
        }
        self.state.reduce(Action::Batch(batch));
    }

    fn broker_sends(&mut self, packet: Packet) {
        self.now += 10;
        let bytes = codec::encode_to_vec(&packet, self.session.version()).unwrap();
        self.session
            .handle_bytes(&bytes, Instant::from_millis(self.now));
        self.drain();
    }

    fn connect(&mut self, session_present: bool) {
        self.state.reduce(opening(0, self.now));
        self.state.reduce(opened(self.now));
        self.session
            .connect(Instant::from_millis(self.now))
            .unwrap();
        self.drain();
        self.broker_sends(Packet::ConnAck(ConnAck {
            session_present,
            ..ConnAck::default()
        }));
    }
}

#[test]
fn a_real_session_drives_the_reducer() {
    for version in [ProtocolVersion::V311, ProtocolVersion::V5] {
        let mut h = Harness::new(version);
        h.connect(false);
        assert!(h.state.status.is_connected(), "{version:?}");
        assert_eq!(h.state.version, version);
        let connect_bytes = h.state.stats.bytes_out;
        assert!(connect_bytes > 10);

        let now = Instant::from_millis(h.now);
        let id = h
            .session
            .subscribe(vec![sub_filter("lab/#", QoS::AtLeastOnce)], None, now)
            .unwrap();
        h.drain();
        assert_eq!(
            h.state.subscriptions[0].status,
            SubscriptionStatus::Pending { packet_id: id },
            "known from PacketSent alone"
        );
        h.broker_sends(Packet::SubAck(SubAck {
            packet_id: id,
            properties: Properties::new(),
            reason_codes: vec![ReasonCode::GRANTED_QOS_1],
        }));
        assert_eq!(
            h.state.subscriptions[0].status,
            SubscriptionStatus::Granted(QoS::AtLeastOnce)
        );

        h.broker_sends(Packet::Publish(Publish {
            qos_pid: QosPid::AtLeastOnce(pid(100)),
            ..Publish::new("lab/temp", "21.5")
        }));
        let e = h.state.log.newest().unwrap();
        assert_eq!(
            (e.topic.as_str(), e.view.text(), e.colour),
            ("lab/temp", "21.5", Some(0))
        );
        assert_eq!(h.state.stats.messages_received, 1);

        let now = Instant::from_millis(h.now);
        let msg = OutgoingPublish::new("lab/led", "on").qos(QoS::ExactlyOnce);
        let id = h.session.publish(msg, now).unwrap();
        h.state.reduce(Action::PublishSent {
            packet_id: id,
            topic: "lab/led".into(),
            qos: QoS::ExactlyOnce,
            retain: false,
            size: 2,
            now_ms: h.now,
        });
        h.drain();
        assert_eq!(h.state.stats.messages_sent, 1);
        let id = id.unwrap();
        h.broker_sends(Packet::PubRec(PubResponse::new(id)));
        assert_eq!(
            h.state.publishes.newest().unwrap().status,
            PublishStatus::Pending
        );
        h.broker_sends(Packet::PubComp(PubResponse::new(id)));
        assert!(matches!(
            h.state.publishes.newest().unwrap().status,
            PublishStatus::Completed { .. }
        ));

        let now = Instant::from_millis(h.now);
        let id = h.session.unsubscribe(vec!["lab/#".into()], now).unwrap();
        h.drain();
        assert_eq!(
            h.state.subscriptions[0].status,
            SubscriptionStatus::Unsubscribing { packet_id: id }
        );
        h.broker_sends(Packet::UnsubAck(UnsubAck {
            packet_id: id,
            properties: Properties::new(),
            reason_codes: if version.is_v5() {
                vec![ReasonCode::SUCCESS]
            } else {
                vec![]
            },
        }));
        assert!(h.state.subscriptions.is_empty(), "{version:?}");
        assert!(h.state.stats.bytes_in > 0);
    }
}

#[test]
fn a_real_session_resubscribes_after_a_reconnect_without_a_session() {
    let mut h = Harness::new(ProtocolVersion::V5);
    h.connect(false);
    let now = Instant::from_millis(h.now);
    let id = h
        .session
        .subscribe(vec![sub_filter("lab/#", QoS::AtMostOnce)], None, now)
        .unwrap();
    h.drain();
    h.broker_sends(Packet::SubAck(SubAck {
        packet_id: id,
        properties: Properties::new(),
        reason_codes: vec![ReasonCode::GRANTED_QOS_0],
    }));

    // The broker goes away.
    h.session
        .handle_transport_closed(Instant::from_millis(h.now));
    h.drain();
    h.state.reduce(socket_closed(1006, true, h.now));
    h.state.reduce(drv(
        DriverEvent::ReconnectScheduled {
            delay_ms: 1_000,
            attempt: 1,
        },
        h.now,
    ));
    assert_eq!(h.state.status.kind(), StatusKind::Reconnecting);
    assert!(h.state.status_text().starts_with("Reconnecting in 1 s"));

    // Back, without our session: the session subscribes again by itself.
    h.now += 1_000;
    h.connect(false);
    assert!(h.state.status.is_connected());
    let resub = h
        .state
        .subscriptions
        .iter()
        .find(|s| s.filter == "lab/#")
        .unwrap();
    let SubscriptionStatus::Pending { packet_id } = resub.status else {
        panic!(
            "expected the re-sent SUBSCRIBE to be pending: {:?}",
            resub.status
        );
    };
    assert_eq!(resub.colour, 0, "keeps its colour");
    h.broker_sends(Packet::SubAck(SubAck {
        packet_id,
        properties: Properties::new(),
        reason_codes: vec![ReasonCode::GRANTED_QOS_0],
    }));
    assert_eq!(
        h.state.subscriptions[0].status,
        SubscriptionStatus::Granted(QoS::AtMostOnce)
    );
}

// ----- the explorer views -----

impl Harness {
    fn broker_sends_bytes(&mut self, bytes: &[u8]) {
        self.now += 10;
        self.session
            .handle_bytes(bytes, Instant::from_millis(self.now));
        self.drain();
    }

    fn publish(&mut self, msg: OutgoingPublish) -> Option<PacketId> {
        self.now += 10;
        let id = self
            .session
            .publish(msg, Instant::from_millis(self.now))
            .unwrap();
        self.drain();
        id
    }
}

#[test]
fn a_real_session_feeds_the_explorer() {
    use crate::app::model::{explain, Direction, PacketFilter};
    use crate::protocol::codec::PacketType;
    use std::collections::BTreeSet;

    for version in [ProtocolVersion::V311, ProtocolVersion::V5] {
        let mut h = Harness::new(version);
        h.connect(false);
        let ex = &h.state.explorer;
        assert_eq!(ex.wire_version, Some(version));
        let all = PacketFilter::default();
        let kinds: Vec<_> = ex
            .packets
            .entries(&all)
            .map(|e| (e.direction, e.packet_type, e.version))
            .collect();
        assert_eq!(
            kinds,
            [
                (Direction::Received, Some(PacketType::ConnAck), version),
                (Direction::Sent, Some(PacketType::Connect), version),
            ]
        );

        // Messages: one retained, one live.
        h.broker_sends(Packet::Publish(Publish {
            retain: true,
            ..Publish::new("lab/lamp", "on")
        }));
        h.broker_sends(Packet::Publish(Publish {
            qos_pid: QosPid::AtLeastOnce(pid(9)),
            ..Publish::new("lab/temp", "21.5")
        }));
        let ex = &h.state.explorer;
        assert_eq!(ex.tree.topic_count(), 2);
        assert_eq!(ex.tree.node("lab").unwrap().subtree_count, 2);
        assert!(ex.tree.node("lab/lamp").unwrap().retained);
        assert!(!ex.tree.node("lab/temp").unwrap().retained);
        assert_eq!(ex.retained.len(), 1);
        assert_eq!(ex.retained.get("lab/lamp").unwrap().payload.text(), "on");
        let newest: Vec<_> = ex
            .packets
            .entries(&all)
            .take(2)
            .map(|e| (e.direction, e.packet_type, e.packet_id))
            .collect();
        assert_eq!(
            newest,
            [
                (Direction::Sent, Some(PacketType::PubAck), Some(9)),
                (Direction::Received, Some(PacketType::Publish), Some(9)),
            ]
        );

        // Our QoS 2 publish: four steps with times after the PUBLISH.
        let id = h
            .publish(OutgoingPublish::new("lab/led", "on").qos(QoS::ExactlyOnce))
            .unwrap();
        h.broker_sends(Packet::PubRec(PubResponse::new(id)));
        h.broker_sends(Packet::PubComp(PubResponse::new(id)));
        let e = h.state.explorer.exchanges.last_outgoing().unwrap();
        assert_eq!(
            e.step_types(),
            [
                PacketType::Publish,
                PacketType::PubRec,
                PacketType::PubRel,
                PacketType::PubComp
            ]
        );
        assert!(e.complete);
        assert_eq!((e.packet_id, e.topic.as_str()), (Some(id.get()), "lab/led"));
        let times: Vec<_> = e.steps.iter().map(|s| s.at_ms).collect();
        assert_eq!(times, [0, 10, 10, 20]);

        // The packet list, filtered by type.
        let only = PacketFilter {
            types: BTreeSet::from([PacketType::PubRec, PacketType::PubComp]),
        };
        let types: Vec<_> = h
            .state
            .explorer
            .packets
            .entries(&only)
            .map(|e| e.packet_type)
            .collect();
        assert_eq!(types, [Some(PacketType::PubComp), Some(PacketType::PubRec)]);
        h.state.reduce(Action::SetPacketFilter(only.clone()));
        assert_eq!(h.state.explorer.packet_filter, only);

        // Clearing a retained message at QoS 1 waits for PUBACK.
        let id = h
            .publish(
                OutgoingPublish::new("lab/lamp", "")
                    .qos(QoS::AtLeastOnce)
                    .retain(true),
            )
            .unwrap();
        assert!(h.state.explorer.retained.get("lab/lamp").is_some());
        h.broker_sends(Packet::PubAck(PubResponse::new(id)));
        assert!(h.state.explorer.retained.get("lab/lamp").is_none());
        assert!(!h.state.explorer.tree.node("lab/lamp").unwrap().retained);
        // At QoS 0 it is gone once written.
        h.broker_sends(Packet::Publish(Publish {
            retain: true,
            ..Publish::new("lab/door", "open")
        }));
        assert_eq!(h.state.explorer.retained.len(), 1);
        h.publish(OutgoingPublish::new("lab/door", "").retain(true));
        assert!(h.state.explorer.retained.is_empty());

        // A malformed packet is logged with its error, then the close.
        let bad = [0x36, 0x05, 0x00, 0x01, b'a', 0x00, 0x01];
        h.broker_sends_bytes(&bad);
        // (5.0 then sends DISCONNECT, which is newer.)
        let entry = h
            .state
            .explorer
            .packets
            .entries(&all)
            .find(|e| e.direction == Direction::Received)
            .unwrap();
        assert_eq!(entry.packet_type, Some(PacketType::Publish));
        assert_eq!(&*entry.bytes, &bad[..]);
        assert!(entry.error.as_deref().unwrap().contains("byte 0"));
        let explained = explain(&entry.bytes, entry.version, Lang::En);
        assert_eq!(explained.fields.len(), 1);
        assert!(explained.error.is_some());
        assert!(matches!(
            h.state.status,
            ConnectionStatus::Failed(Failure::Session(CloseReason::ProtocolViolation(_)))
        ));
        let seq = entry.seq;
        h.state.reduce(Action::SelectPacket(Some(seq)));
        assert_eq!(h.state.explorer.selected_packet, Some(seq));
        assert_eq!(
            h.state
                .explorer
                .selected_packet_entry()
                .unwrap()
                .bytes
                .len(),
            bad.len()
        );
        h.state.reduce(Action::ClearPackets);
        assert!(h.state.explorer.packets.is_empty());
        assert_eq!(h.state.explorer.selected_packet, None);
    }
}

#[test]
fn explorer_actions() {
    let mut s = connected_state();
    for t in ["a/b/c", "a/d", "e"] {
        s.reduce(session(message(t, b"1"), 5));
    }
    let rows = |s: &AppState| {
        s.explorer
            .tree
            .rows(&s.explorer.tree_view)
            .into_iter()
            .map(|r| r.path)
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(&s), ["a", "e"]);
    s.reduce(Action::ToggleExpanded("a".into()));
    assert_eq!(rows(&s), ["a", "a/b", "a/d", "e"]);
    s.reduce(Action::ToggleExpanded("a".into()));
    assert_eq!(rows(&s), ["a", "e"]);
    s.reduce(Action::SetExpandAll(true));
    assert_eq!(rows(&s), ["a", "a/b", "a/b/c", "a/d", "e"]);
    // Collapsing one node keeps the others open.
    s.reduce(Action::ToggleExpanded("a/b".into()));
    assert!(!s.explorer.tree_view.expand_all);
    assert_eq!(rows(&s), ["a", "a/b", "a/d", "e"]);
    s.reduce(Action::SetExpandAll(false));
    assert_eq!(rows(&s), ["a", "e"]);

    s.reduce(Action::SetTreeSearch("D".into()));
    assert_eq!(rows(&s), ["a", "a/d"]);
    s.reduce(Action::SetTreeSearch(String::new()));
    s.reduce(Action::SetHighlightFilter("+/d".into()));
    s.reduce(Action::SetExpandAll(true));
    let lit: Vec<_> = s
        .explorer
        .tree
        .rows(&s.explorer.tree_view)
        .into_iter()
        .filter(|r| r.highlighted)
        .map(|r| r.path)
        .collect();
    assert_eq!(lit, ["a/d"]);

    s.reduce(Action::SelectTopic(Some("a/d".into())));
    assert_eq!(s.explorer.selected_topic.as_deref(), Some("a/d"));
    assert_eq!(s.explorer.selected_node().unwrap().own_count, 1);
    assert_eq!(s.explorer.tree_rows().len(), 5);
    s.reduce(session(
        Event::Message(Message {
            retain: true,
            ..match message("e", b"kept") {
                Event::Message(m) => m,
                _ => unreachable!(),
            }
        }),
        6,
    ));
    assert!(s.explorer.retained.get("e").is_some());
    s.reduce(Action::RetainedCleared("e".into()));
    assert!(s.explorer.retained.get("e").is_none());
    assert!(!s.explorer.tree.node("e").unwrap().retained);
    s.reduce(Action::ClearTree);
    assert!(s.explorer.tree.is_empty());
    assert_eq!(s.explorer.selected_topic, None);
    assert!(s.explorer.tree_view.expanded.is_empty());
}
