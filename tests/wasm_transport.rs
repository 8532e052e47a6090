//! Browser tests of the WebSocket driver ([`Connection`]) against a real
//! mosquitto, in headless Chromium through wasm-bindgen-test.
//!
//! `scripts/test.sh wasm-test` starts mosquitto with a WebSocket listener on
//! a free loopback port and passes that port at compile time in
//! `MQTTLAB_TEST_WS_PORT`, plus a port nothing listens on in
//! `MQTTLAB_TEST_CLOSED_PORT`. Run by hand:
//!
//! ```text
//! MQTTLAB_TEST_WS_PORT=9001 MQTTLAB_TEST_CLOSED_PORT=9 CHROMEDRIVER=/usr/bin/chromedriver \
//!     cargo test --target wasm32-unknown-unknown --test wasm_transport
//! ```
//!
//! Every wait is bounded: a test that does not see what it expects fails
//! with the events it saw instead of hanging.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use mqtt_lab::protocol::codec::{
    ProtocolVersion, QoS, ReasonCode, SubscribeFilter, SubscriptionOptions,
};
use mqtt_lab::protocol::session::{CloseReason, ConnectOptions, Event, Message, OutgoingPublish};
use mqtt_lab::transport::sandbox::SANDBOX_URL;
use mqtt_lab::transport::{Connection, DriverEvent, OpenError};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// How long one expected thing may take.
const WAIT_MS: f64 = 5_000.0;

fn port(value: Option<&'static str>, name: &str) -> u16 {
    let value = value.unwrap_or_else(|| {
        panic!(
            "{name} was not set when this test was compiled: run it with \
             `scripts/test.sh wasm-test`, which starts mosquitto and sets it"
        )
    });
    value
        .parse()
        .unwrap_or_else(|_| panic!("{name}={value:?} is not a port number"))
}

/// The mosquitto WebSocket listener started by scripts/test.sh.
fn broker_url() -> String {
    let port = port(option_env!("MQTTLAB_TEST_WS_PORT"), "MQTTLAB_TEST_WS_PORT");
    format!("ws://127.0.0.1:{port}")
}

/// A loopback port where nothing listens.
fn closed_url() -> String {
    let port = port(
        option_env!("MQTTLAB_TEST_CLOSED_PORT"),
        "MQTTLAB_TEST_CLOSED_PORT",
    );
    format!("ws://127.0.0.1:{port}")
}

/// A topic level and client id no other test (or run) uses.
fn unique(tag: &str) -> String {
    let n = (js_sys::Math::random() * 1e9) as u64;
    format!("wasm-{tag}-{n:x}")
}

/// Resolves after `ms` milliseconds (a Promise around `setTimeout`).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let window = web_sys::window().expect("a window");
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("the timer promise resolves");
}

/// One line per event, short enough for a failure message.
fn describe(e: &DriverEvent) -> String {
    match e {
        DriverEvent::Session(Event::PacketSent { packet, .. }) => {
            format!("sent {}", packet.packet_type())
        }
        DriverEvent::Session(Event::PacketReceived { packet, .. }) => {
            format!("received {}", packet.packet_type())
        }
        DriverEvent::Session(Event::Message(m)) => format!(
            "message {} {:?} qos {} retain {}",
            m.topic,
            String::from_utf8_lossy(&m.payload),
            m.qos.as_u8(),
            m.retain
        ),
        other => format!("{other:?}"),
    }
}

/// A [`Connection`] and everything it reported so far.
struct Probe {
    conn: Connection,
    events: Rc<RefCell<Vec<DriverEvent>>>,
}

impl Probe {
    fn new() -> Probe {
        let events = Rc::new(RefCell::new(Vec::new()));
        let sink = events.clone();
        let conn = Connection::new(move |e| sink.borrow_mut().push(e));
        Probe { conn, events }
    }

    fn connect(&self, url: &str, version: ProtocolVersion, client_id: &str) {
        let options = ConnectOptions {
            version,
            client_id: client_id.to_owned(),
            keep_alive: 30,
            ..ConnectOptions::default()
        };
        self.conn.connect(url, options, None);
    }

    fn seen(&self) -> String {
        let events = self.events.borrow();
        let lines: Vec<String> = events.iter().map(describe).collect();
        format!("{} event(s):\n  {}", lines.len(), lines.join("\n  "))
    }

    /// Waits until `check` finds something in the events, or fails after
    /// [`WAIT_MS`] saying what it waited for and what it saw.
    async fn wait_for<T>(&self, what: &str, check: impl Fn(&[DriverEvent]) -> Option<T>) -> T {
        self.wait_up_to(WAIT_MS, what, check).await
    }

    /// [`Probe::wait_for`] with its own limit.
    async fn wait_up_to<T>(
        &self,
        limit_ms: f64,
        what: &str,
        check: impl Fn(&[DriverEvent]) -> Option<T>,
    ) -> T {
        let deadline = js_sys::Date::now() + limit_ms;
        loop {
            if let Some(found) = check(&self.events.borrow()) {
                return found;
            }
            if js_sys::Date::now() > deadline {
                panic!(
                    "timed out after {limit_ms} ms waiting for {what}; {}",
                    self.seen()
                );
            }
            sleep(10).await;
        }
    }

    async fn connected(&self, version: ProtocolVersion) {
        let negotiated = self
            .wait_for("CONNACK (Connected)", |events| {
                events.iter().find_map(|e| match e {
                    DriverEvent::Session(Event::Connected(n)) => Some(n.clone()),
                    _ => None,
                })
            })
            .await;
        assert_eq!(negotiated.version, version);
        let opened = self.events.borrow().iter().find_map(|e| match e {
            DriverEvent::Opened { protocol } => Some(protocol.clone()),
            _ => None,
        });
        assert_eq!(opened.as_deref(), Some("mqtt"), "negotiated subprotocol");
    }

    async fn subscribe(&self, filter: &str, qos: QoS) {
        let id = self
            .conn
            .subscribe(
                vec![SubscribeFilter {
                    filter: filter.to_owned(),
                    options: SubscriptionOptions::qos(qos),
                }],
                None,
            )
            .expect("SUBSCRIBE accepted by the session");
        let results = self
            .wait_for("SUBACK", |events| {
                events.iter().find_map(|e| match e {
                    DriverEvent::Session(Event::Subscribed { packet_id, results })
                        if *packet_id == id =>
                    {
                        Some(results.clone())
                    }
                    _ => None,
                })
            })
            .await;
        assert_eq!(results.len(), 1);
        assert_eq!(
            results[0].reason_code,
            ReasonCode(qos.as_u8()),
            "granted QoS"
        );
    }

    fn messages(&self) -> Vec<Message> {
        self.events
            .borrow()
            .iter()
            .filter_map(|e| match e {
                DriverEvent::Session(Event::Message(m)) => Some(m.clone()),
                _ => None,
            })
            .collect()
    }

    async fn disconnect(&self) {
        self.conn.disconnect();
        self.wait_for("Closed(ClientDisconnected)", |events| {
            events
                .iter()
                .any(|e| {
                    matches!(
                        e,
                        DriverEvent::Session(Event::Closed(CloseReason::ClientDisconnected))
                    )
                })
                .then_some(())
        })
        .await;
        assert!(!self.conn.is_connected());
    }
}

const ALL_QOS: [QoS; 3] = [QoS::AtMostOnce, QoS::AtLeastOnce, QoS::ExactlyOnce];

/// Connects, subscribes to its own topics at QoS 2, publishes at QoS 0, 1
/// and 2, and checks each message completes and arrives exactly once.
async fn publish_to_itself(url: &str, version: ProtocolVersion) {
    let probe = Probe::new();
    let base = unique("self");
    probe.connect(url, version, &base);
    probe.connected(version).await;
    probe
        .subscribe(&format!("{base}/#"), QoS::ExactlyOnce)
        .await;

    let mut ids = Vec::new();
    for qos in ALL_QOS {
        let n = qos.as_u8();
        let msg =
            OutgoingPublish::new(format!("{base}/q{n}"), format!("payload at qos {n}")).qos(qos);
        ids.push(
            probe
                .conn
                .publish(msg)
                .expect("PUBLISH accepted by the session"),
        );
    }
    assert_eq!(ids[0], None, "QoS 0 has no packet identifier");
    for id in ids.iter().skip(1) {
        let id = id.expect("QoS 1 and 2 have a packet identifier");
        probe
            .wait_for(&format!("PublishCompleted for packet {id:?}"), |events| {
                events
                    .iter()
                    .any(|e| {
                        matches!(e, DriverEvent::Session(Event::PublishCompleted { packet_id: Some(p), .. }) if *p == id)
                    })
                    .then_some(())
            })
            .await;
    }
    probe
        .wait_for("all three messages back", |events| {
            let n = events
                .iter()
                .filter(|e| matches!(e, DriverEvent::Session(Event::Message(_))))
                .count();
            (n >= 3).then_some(())
        })
        .await;
    // Give a duplicate the time to show up, if one were coming.
    sleep(300).await;
    let messages = probe.messages();
    for qos in ALL_QOS {
        let n = qos.as_u8();
        let topic = format!("{base}/q{n}");
        let got: Vec<&Message> = messages.iter().filter(|m| m.topic == topic).collect();
        assert_eq!(got.len(), 1, "{topic} arrives once; {}", probe.seen());
        assert_eq!(got[0].payload, format!("payload at qos {n}").into_bytes());
        assert_eq!(got[0].qos, qos);
        assert!(!got[0].retain && !got[0].dup);
    }
    assert_eq!(messages.len(), 3, "{}", probe.seen());
    probe.disconnect().await;
}

#[wasm_bindgen_test]
async fn publishes_to_itself_at_each_qos_v311() {
    publish_to_itself(&broker_url(), ProtocolVersion::V311).await;
}

#[wasm_bindgen_test]
async fn publishes_to_itself_at_each_qos_v5() {
    publish_to_itself(&broker_url(), ProtocolVersion::V5).await;
}

/// One connection publishes a retained QoS 2 message; a second one that
/// subscribes afterwards gets it once, with RETAIN set.
#[wasm_bindgen_test]
async fn retained_message_reaches_a_later_subscriber() {
    let topic = format!("{}/retained", unique("retain"));
    let publisher = Probe::new();
    publisher.connect(&broker_url(), ProtocolVersion::V5, &unique("pub"));
    publisher.connected(ProtocolVersion::V5).await;
    let id = publisher
        .conn
        .publish(
            OutgoingPublish::new(topic.clone(), "kept by the broker")
                .qos(QoS::ExactlyOnce)
                .retain(true),
        )
        .expect("PUBLISH accepted")
        .expect("QoS 2 has a packet identifier");
    publisher
        .wait_for("PUBCOMP", |events| {
            events
                .iter()
                .any(|e| matches!(e, DriverEvent::Session(Event::PublishCompleted { packet_id: Some(p), .. }) if *p == id))
                .then_some(())
        })
        .await;

    let subscriber = Probe::new();
    subscriber.connect(&broker_url(), ProtocolVersion::V311, &unique("sub"));
    subscriber.connected(ProtocolVersion::V311).await;
    subscriber.subscribe(&topic, QoS::ExactlyOnce).await;
    let msg = subscriber
        .wait_for("the retained message", |events| {
            events.iter().find_map(|e| match e {
                DriverEvent::Session(Event::Message(m)) => Some(m.clone()),
                _ => None,
            })
        })
        .await;
    assert_eq!(msg.topic, topic);
    assert_eq!(msg.payload, b"kept by the broker");
    assert!(
        msg.retain,
        "RETAIN is set on a retained message sent at subscribe time"
    );
    assert_eq!(msg.qos, QoS::ExactlyOnce);

    // Clearing the retained message (empty payload, RETAIN) also reaches
    // the live subscriber: once, and without RETAIN, as any message
    // forwarded to an existing subscription (spec 3.3.1.3).
    publisher
        .conn
        .publish(OutgoingPublish::new(topic.clone(), Vec::new()).retain(true))
        .expect("clearing PUBLISH accepted");
    subscriber
        .wait_for("the clearing message", |events| {
            (events
                .iter()
                .filter(|e| matches!(e, DriverEvent::Session(Event::Message(_))))
                .count()
                >= 2)
                .then_some(())
        })
        .await;
    sleep(300).await;
    let messages = subscriber.messages();
    assert_eq!(messages.len(), 2, "{}", subscriber.seen());
    assert_eq!(messages[1].topic, topic);
    assert!(messages[1].payload.is_empty() && !messages[1].retain);
    publisher.disconnect().await;
    subscriber.disconnect().await;
}

/// Nothing listens: the browser reports only an abnormal close (1006) of a
/// socket that never opened, and a first attempt is not retried.
#[wasm_bindgen_test]
async fn closed_port_reports_1006_without_opening() {
    let probe = Probe::new();
    probe.conn.connect(
        &closed_url(),
        ConnectOptions {
            client_id: unique("closed"),
            ..ConnectOptions::default()
        },
        Some(Default::default()),
    );
    let (code, opened) = probe
        .wait_for("SocketClosed", |events| {
            events.iter().find_map(|e| match e {
                DriverEvent::SocketClosed { code, opened, .. } => Some((*code, *opened)),
                _ => None,
            })
        })
        .await;
    assert_eq!((code, opened), (1006, false), "{}", probe.seen());
    sleep(300).await;
    let events = probe.events.borrow();
    assert!(
        !events.iter().any(|e| matches!(
            e,
            DriverEvent::Opened { .. }
                | DriverEvent::ReconnectScheduled { .. }
                | DriverEvent::Session(Event::Connected(_))
        )),
        "no open, no retry; {}",
        probe.seen()
    );
    assert!(!probe.conn.is_connected());
}

/// A URL the WebSocket constructor throws on is reported as a refused open
/// with the browser's message, and nothing else happens.
#[wasm_bindgen_test]
async fn malformed_url_is_rejected_by_the_browser() {
    let probe = Probe::new();
    probe.connect("ws://[not a host", ProtocolVersion::V5, &unique("bad"));
    let err = probe
        .wait_for("OpenFailed", |events| {
            events.iter().find_map(|e| match e {
                DriverEvent::OpenFailed(err) => Some(err.clone()),
                _ => None,
            })
        })
        .await;
    match err {
        OpenError::Rejected(message) => assert!(!message.is_empty(), "the browser says why"),
        other => panic!("expected Rejected, got {other:?}"),
    }
    sleep(100).await;
    assert!(
        !probe.events.borrow().iter().any(|e| matches!(
            e,
            DriverEvent::SocketClosed { .. } | DriverEvent::Opened { .. }
        )),
        "{}",
        probe.seen()
    );
}

/// The same exchange against the sandbox broker in the page: the driver
/// cannot tell it from a WebSocket.
#[wasm_bindgen_test]
async fn sandbox_publishes_to_itself_at_each_qos_v311() {
    publish_to_itself(SANDBOX_URL, ProtocolVersion::V311).await;
}

#[wasm_bindgen_test]
async fn sandbox_publishes_to_itself_at_each_qos_v5() {
    publish_to_itself(SANDBOX_URL, ProtocolVersion::V5).await;
}

/// Pulling the plug ([`Connection::abort`]: no DISCONNECT) makes the broker
/// publish the Will; a proper disconnect does not. On mosquitto and on the
/// sandbox alike.
/// A board's CONNECT options with the Will `offline` (QoS 1) on `topic`.
fn board_with_will(client_id: String, topic: &str, keep_alive: u16) -> ConnectOptions {
    ConnectOptions {
        client_id,
        keep_alive,
        will: Some(mqtt_lab::protocol::codec::LastWill {
            topic: topic.to_owned(),
            payload: b"offline".to_vec(),
            qos: QoS::AtLeastOnce,
            retain: false,
            properties: Default::default(),
        }),
        ..ConnectOptions::default()
    }
}

async fn will_on_abort_only(url: &str) {
    let topic = format!("{}/status", unique("will"));
    let watcher = Probe::new();
    watcher.connect(url, ProtocolVersion::V5, &unique("watcher"));
    watcher.connected(ProtocolVersion::V5).await;
    watcher.subscribe(&topic, QoS::AtLeastOnce).await;

    let board_options = |id: String| board_with_will(id, &topic, 30);
    let board = Probe::new();
    board
        .conn
        .connect(url, board_options(unique("board")), None);
    board.connected(ProtocolVersion::V5).await;
    board.disconnect().await;
    sleep(500).await;
    assert!(
        watcher.messages().is_empty(),
        "no will after DISCONNECT; {}",
        watcher.seen()
    );

    let board = Probe::new();
    board
        .conn
        .connect(url, board_options(unique("board")), None);
    board.connected(ProtocolVersion::V5).await;
    board.conn.abort();
    let will = watcher
        .wait_for("the will", |events| {
            events.iter().find_map(|e| match e {
                DriverEvent::Session(Event::Message(m)) => Some(m.clone()),
                _ => None,
            })
        })
        .await;
    assert_eq!(
        (will.topic.as_str(), will.payload.as_slice()),
        (topic.as_str(), &b"offline"[..])
    );
    watcher.disconnect().await;
}

#[wasm_bindgen_test]
async fn will_on_abort_only_mosquitto() {
    will_on_abort_only(&broker_url()).await;
}

#[wasm_bindgen_test]
async fn will_on_abort_only_sandbox() {
    will_on_abort_only(SANDBOX_URL).await;
}

/// A lost acknowledgement on the sandbox's simulated network breaks the
/// publisher's connection; it reconnects, resumes its session and re-sends
/// with DUP=1. At QoS 1 the subscriber gets the message twice; at QoS 2 the
/// broker recognises the packet identifier and delivers it once. (The
/// subscriber never sees DUP from this: a broker does not pass the incoming
/// DUP flag on, spec 3.3.1.1.)
async fn lost_ack_then_resend(
    qos: QoS,
    lost: mqtt_lab::protocol::codec::PacketType,
) -> Vec<Message> {
    use mqtt_lab::transport::sandbox::{set_conditions, Conditions};
    let topic = format!("{}/reading", unique("loss"));
    let watcher = Probe::new();
    watcher.connect(SANDBOX_URL, ProtocolVersion::V5, &unique("watcher"));
    watcher.connected(ProtocolVersion::V5).await;
    watcher.subscribe(&topic, QoS::ExactlyOnce).await;

    let board_id = unique("board");
    let board = Probe::new();
    board.conn.connect(
        SANDBOX_URL,
        ConnectOptions {
            client_id: board_id.clone(),
            clean_start: false,
            session_expiry_interval: 300,
            ..ConnectOptions::default()
        },
        Some(mqtt_lab::protocol::session::ReconnectPolicy {
            initial_delay: std::time::Duration::from_millis(200),
            jitter: 0.0,
            ..Default::default()
        }),
    );
    board.connected(ProtocolVersion::V5).await;
    set_conditions(
        &board_id,
        Conditions {
            drop_next: vec![lost],
            ..Conditions::default()
        },
    );
    let id = board
        .conn
        .publish(OutgoingPublish::new(topic.clone(), "21.5").qos(qos))
        .expect("PUBLISH accepted")
        .expect("a packet identifier");
    board
        .wait_for("the publish to complete after the reconnect", |events| {
            events
                .iter()
                .any(|e| matches!(e, DriverEvent::Session(Event::PublishCompleted { packet_id: Some(p), .. }) if *p == id))
                .then_some(())
        })
        .await;
    let reconnects = board
        .events
        .borrow()
        .iter()
        .filter(|e| matches!(e, DriverEvent::ReconnectScheduled { .. }))
        .count();
    assert_eq!(reconnects, 1, "{}", board.seen());
    let resent_with_dup = board.events.borrow().iter().any(|e| {
        matches!(e, DriverEvent::Session(Event::PacketSent { packet: mqtt_lab::protocol::codec::Packet::Publish(p), .. })
            if p.dup && p.qos_pid.packet_id() == Some(id))
    });
    assert!(
        resent_with_dup,
        "the publisher re-sends with DUP=1; {}",
        board.seen()
    );
    sleep(300).await;
    let got = watcher.messages();
    board.disconnect().await;
    watcher.disconnect().await;
    got
}

#[wasm_bindgen_test]
async fn sandbox_lost_puback_duplicates_at_qos1() {
    let got = lost_ack_then_resend(
        QoS::AtLeastOnce,
        mqtt_lab::protocol::codec::PacketType::PubAck,
    )
    .await;
    assert_eq!(got.len(), 2, "QoS 1: at least once, here twice");
    assert_eq!(got[0].payload, got[1].payload);
}

#[wasm_bindgen_test]
async fn sandbox_lost_pubrec_still_delivers_once_at_qos2() {
    let got = lost_ack_then_resend(
        QoS::ExactlyOnce,
        mqtt_lab::protocol::codec::PacketType::PubRec,
    )
    .await;
    assert_eq!(got.len(), 1, "QoS 2: exactly once despite the re-send");
}

/// "Freeze" (a hung device): with keep alive 1 s, a frozen client sends
/// nothing — no PINGREQ — so the broker gives up after 1.5 × keep alive,
/// closes it and publishes its Will. A publish made while frozen waits.
async fn frozen_client_is_dropped_by_the_broker(url: &str) {
    let topic = format!("{}/status", unique("freeze"));
    let watcher = Probe::new();
    watcher.connect(url, ProtocolVersion::V5, &unique("watcher"));
    watcher.connected(ProtocolVersion::V5).await;
    watcher.subscribe(&topic, QoS::AtLeastOnce).await;

    let board = Probe::new();
    board
        .conn
        .connect(url, board_with_will(unique("board"), &topic, 1), None);
    board.connected(ProtocolVersion::V5).await;
    board.conn.set_frozen(true);
    assert!(board.conn.is_frozen());
    let sent_before = board.events.borrow().len();
    let frozen_at = js_sys::Date::now();
    // Accepted by the session, but not sent while frozen.
    board
        .conn
        .publish(OutgoingPublish::new(format!("{topic}/late"), b"x".to_vec()))
        .expect("the session takes the publish");
    // mosquitto 2.0 checks keep alives every few seconds, in whole
    // seconds, so its Will comes 1.5 s to about 10 s after the last packet.
    let will = watcher
        .wait_up_to(15_000.0, "the will of the frozen board", |events| {
            events.iter().find_map(|e| match e {
                DriverEvent::Session(Event::Message(m)) => Some(m.clone()),
                _ => None,
            })
        })
        .await;
    let after_ms = js_sys::Date::now() - frozen_at;
    assert_eq!(will.payload, b"offline");
    assert!(
        after_ms >= 900.0,
        "the broker waited for the keep alive: {after_ms} ms"
    );
    let sent_while_frozen = board.events.borrow()[sent_before..]
        .iter()
        .filter(|e| matches!(e, DriverEvent::Session(Event::PacketSent { .. })))
        .count();
    assert_eq!(
        sent_while_frozen,
        0,
        "nothing sent while frozen; {}",
        board.seen()
    );
    // The broker closed the board's socket: the driver says so and thaws.
    board
        .wait_for("the board's socket closed by the broker", |events| {
            events[sent_before..]
                .iter()
                .any(|e| matches!(e, DriverEvent::SocketClosed { .. }))
                .then_some(())
        })
        .await;
    assert!(!board.conn.is_frozen());
    watcher.disconnect().await;
}

#[wasm_bindgen_test]
async fn frozen_client_is_dropped_by_mosquitto() {
    frozen_client_is_dropped_by_the_broker(&broker_url()).await;
}

#[wasm_bindgen_test]
async fn frozen_client_is_dropped_by_the_sandbox() {
    frozen_client_is_dropped_by_the_broker(SANDBOX_URL).await;
}

/// Thawing sends what waited: a publish made while frozen arrives after.
#[wasm_bindgen_test]
async fn thawing_sends_what_waited() {
    let topic = format!("{}/t", unique("thaw"));
    let probe = Probe::new();
    probe.connect(SANDBOX_URL, ProtocolVersion::V5, &unique("thaw"));
    probe.connected(ProtocolVersion::V5).await;
    probe.subscribe(&topic, QoS::AtLeastOnce).await;
    probe.conn.set_frozen(true);
    let msg = OutgoingPublish::new(topic.clone(), b"later".to_vec()).qos(QoS::AtLeastOnce);
    probe.conn.publish(msg).expect("accepted");
    sleep(300).await;
    assert!(
        probe.messages().is_empty(),
        "nothing delivered while frozen"
    );
    probe.conn.set_frozen(false);
    let got = probe
        .wait_for("the message sent after thawing", |events| {
            events.iter().find_map(|e| match e {
                DriverEvent::Session(Event::Message(m)) => Some(m.payload.clone()),
                _ => None,
            })
        })
        .await;
    assert_eq!(got, b"later");
    probe.disconnect().await;
}
