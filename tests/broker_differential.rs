//! The differential suite: the same client scenarios run against the
//! sandbox broker (in memory, fake clock) and against a real mosquitto
//! (native TCP, real clock), with our `Session` as every client. Each
//! scenario writes a transcript of what its clients observed (topics,
//! payloads, QoS, retain flags, Will delivery, session present, SUBACK
//! codes, PUBACK reason codes, assigned client ids, take-over closes) and
//! asserts what the spec requires on the way; the test then requires both
//! transcripts to be equal. One mosquitto per test, so the tests run in
//! parallel; without mosquitto (outside CI) only the sandbox half runs.
//!
//! Scenarios, each as `name::v311` and `name::v5`: `wildcards` (`+`, `#`,
//! `$` topics), `qos_downgrade`, `retained` (on subscribe, live, cleared),
//! `wills` (abrupt close vs DISCONNECT), `persistent_session` (queued while
//! offline, session present, clean start forgets), `take_over`,
//! `overlapping`, `no_local`, `retain_as_published`, `retain_handling`,
//! `shared`, `message_expiry` (a 5.0 publisher; the subscriber in the
//! version under test), `identity_and_puback` (assigned client id, PUBACK
//! 0x10 No matching subscribers). The 5.0-only options are sent only in
//! 5.0; in 3.1.1 the same scenario asserts the 3.1.1 behaviour.
//!
//! Found and fixed in the sandbox: Message Expiry was ignored for messages
//! queued for a 3.1.1 subscriber (MQTT 5.0 section 3.3.2.3.3).
//!
//! Documented differences (each asserted per implementation, and
//! normalised in the transcript):
//! - Overlapping subscriptions (MQTT 5.0 section 3.3.4, 3.1.1 section
//!   3.3.5): the sandbox sends one copy at the highest granted QoS, in both
//!   versions. mosquitto sends a 3.1.1 client one copy too, but a 5.0 client
//!   one copy per matching subscription. Both are allowed; the transcript
//!   keeps the distinct messages at their highest QoS.
//! - Take-over in 5.0 (MQTT 5.0 section 3.1.4, [MQTT-3.1.4-3]): the sandbox
//!   sends the old connection DISCONNECT with 0x8E Session taken over, then
//!   closes it, as the spec says; mosquitto 2.0.11 only closes it (its log:
//!   "already connected, closing old connection"). The transcript says
//!   "closed".
//! - QoS 0 messages for an offline session (3.1.1 section 3.1.2.4, 5.0
//!   section 3.1.2.4 "MAY"): the sandbox does not queue them; mosquitto
//!   2.0.11 with its default configuration does. The transcript keeps the
//!   QoS 1 and 2 ones.
//! - A client publishing to a topic that starts with `$` (3.1.1 and 5.0
//!   section 4.7.2: the server SHOULD prevent clients from using such topics
//!   to exchange messages): the sandbox drops it (5.0 PUBACK 0x87 Not
//!   authorized); mosquitto relays any `$` topic but `$SYS`. Either way `#`
//!   and `+/...` never match it; the transcript leaves it out.
//! - Shared subscriptions (MQTT 5.0 section 4.8.2): which member gets a
//!   message is the server's choice; the transcript keeps the union, and
//!   each message must reach exactly one member in both.

#[allow(dead_code, unused_imports, unused_macros)]
#[path = "common_broker/mod.rs"]
mod common_broker;
#[allow(dead_code, unused_imports, unused_macros)]
#[path = "broker/common.rs"]
mod net;

use std::time::Duration;

use mqtt_lab::protocol::codec::{
    LastWill, Properties, PropertyId, PropertyValue, ProtocolVersion, QoS, ReasonCode,
    RetainHandling, SubscribeFilter, SubscriptionOptions,
};
use mqtt_lab::protocol::session::{
    CloseReason, ConnectOptions, Event, Message, Negotiated, OutgoingPublish,
};

/// Long enough on loopback for a message that should come to come (and
/// one that should not, to show up).
const QUIET: Duration = Duration::from_millis(250);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Sandbox,
    Mosquitto,
}

/// What a client received, as compared.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Observed {
    topic: String,
    payload: String,
    qos: u8,
    retain: bool,
}

impl std::fmt::Display for Observed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}={:?} q{}{}",
            self.topic,
            self.payload,
            self.qos,
            if self.retain { " r" } else { "" }
        )
    }
}

fn observe(m: &Message) -> Observed {
    Observed {
        topic: m.topic.clone(),
        payload: String::from_utf8_lossy(&m.payload).into_owned(),
        qos: m.qos.as_u8(),
        retain: m.retain,
    }
}

/// What happened to one client that the scenarios look at.
#[derive(Default)]
struct Book {
    messages: Vec<Message>,
    closed: Option<CloseReason>,
}

impl Book {
    fn take(&mut self, e: Event) -> Option<Event> {
        match e {
            Event::Message(m) => {
                self.messages.push(m);
                None
            }
            Event::Closed(r) => {
                // The first one says why (a DISCONNECT before the close).
                self.closed.get_or_insert(r.clone());
                Some(Event::Closed(r))
            }
            other => Some(other),
        }
    }
}

/// The clients' view of a broker.
trait Peerage {
    fn kind(&self) -> Kind;
    /// Connects a new client; returns its index and what CONNACK said.
    fn connect(&mut self, opts: ConnectOptions) -> (usize, Negotiated);
    /// Connects client `i` again, with new options.
    fn reconnect(&mut self, i: usize, opts: ConnectOptions) -> Negotiated;
    /// One SUBSCRIBE; the SUBACK's reason codes.
    fn subscribe(&mut self, i: usize, filters: Vec<SubscribeFilter>) -> Vec<ReasonCode>;
    /// Publishes; for QoS 1 and 2 waits for the flow to end and returns its
    /// reason code.
    fn publish(&mut self, i: usize, p: OutgoingPublish) -> Option<ReasonCode>;
    /// The connection drops without DISCONNECT.
    fn cut(&mut self, i: usize);
    fn disconnect(&mut self, i: usize);
    fn wait(&mut self, d: Duration);
    /// Messages the client received since the last call (after the network
    /// went quiet).
    fn received(&mut self, i: usize) -> Vec<Message>;
    /// How the broker closed the client's connection, if it did.
    fn closed(&mut self, i: usize) -> Option<CloseReason>;
}

// ---- the sandbox, in memory ----

struct Sandbox {
    net: net::Net,
    books: Vec<Book>,
}

impl Sandbox {
    fn new() -> Self {
        Sandbox {
            net: net::Net::new(),
            books: Vec::new(),
        }
    }

    /// Moves the client's events into its book; returns the others.
    fn pump(&mut self, i: usize) -> Vec<Event> {
        let events = self.net.events(i);
        events
            .into_iter()
            .filter_map(|e| self.books[i].take(e))
            .collect()
    }

    fn connected(&mut self, i: usize) -> Negotiated {
        let events = self.pump(i);
        events
            .into_iter()
            .find_map(|e| match e {
                Event::Connected(n) => Some(n),
                _ => None,
            })
            .unwrap_or_else(|| panic!("sandbox: client {i} did not connect"))
    }
}

impl Peerage for Sandbox {
    fn kind(&self) -> Kind {
        Kind::Sandbox
    }

    fn connect(&mut self, opts: ConnectOptions) -> (usize, Negotiated) {
        let i = self.net.connect(opts);
        self.books.push(Book::default());
        (i, self.connected(i))
    }

    fn reconnect(&mut self, i: usize, opts: ConnectOptions) -> Negotiated {
        self.pump(i);
        self.books[i].closed = None;
        self.net.clients[i].session.set_options(opts);
        self.net.reconnect(i);
        self.connected(i)
    }

    fn subscribe(&mut self, i: usize, filters: Vec<SubscribeFilter>) -> Vec<ReasonCode> {
        self.net.subscribe(i, filters);
        self.pump(i)
            .into_iter()
            .find_map(|e| match e {
                Event::Subscribed { results, .. } => {
                    Some(results.iter().map(|r| r.reason_code).collect())
                }
                _ => None,
            })
            .expect("sandbox: SUBACK")
    }

    fn publish(&mut self, i: usize, p: OutgoingPublish) -> Option<ReasonCode> {
        let now = self.net.now;
        self.net.clients[i]
            .session
            .publish(p, now)
            .expect("sandbox: publish");
        self.net.settle();
        self.pump(i).into_iter().find_map(|e| match e {
            Event::PublishCompleted {
                reason_code, qos, ..
            } if qos != QoS::AtMostOnce => Some(reason_code),
            Event::PublishFailed { reason_code, .. } => Some(reason_code),
            _ => None,
        })
    }

    fn cut(&mut self, i: usize) {
        self.net.cut(i);
        self.pump(i);
    }

    fn disconnect(&mut self, i: usize) {
        let now = self.net.now;
        self.net.clients[i].session.disconnect(now);
        self.net.settle();
        self.pump(i);
    }

    fn wait(&mut self, d: Duration) {
        self.net.advance(d);
    }

    fn received(&mut self, i: usize) -> Vec<Message> {
        self.net.settle();
        self.pump(i);
        std::mem::take(&mut self.books[i].messages)
    }

    fn closed(&mut self, i: usize) -> Option<CloseReason> {
        self.net.settle();
        self.pump(i);
        self.books[i].closed.clone()
    }
}

// ---- mosquitto, over TCP ----

struct Mosquitto {
    broker: common_broker::Broker,
    clients: Vec<common_broker::Client>,
    books: Vec<Book>,
}

impl Mosquitto {
    fn start() -> Option<Self> {
        Some(Mosquitto {
            broker: common_broker::Broker::start()?,
            clients: Vec::new(),
            books: Vec::new(),
        })
    }

    /// Runs every client's connection for `d` of real time.
    fn run_all(&mut self, d: Duration) {
        let end = std::time::Instant::now() + d;
        loop {
            for i in 0..self.clients.len() {
                let events = self.clients[i].run_for(Duration::from_millis(2));
                for e in events {
                    self.books[i].take(e);
                }
            }
            if std::time::Instant::now() >= end {
                break;
            }
        }
    }

    fn pump(&mut self, i: usize) {
        for e in self.clients[i].take_events() {
            self.books[i].take(e);
        }
    }
}

impl Peerage for Mosquitto {
    fn kind(&self) -> Kind {
        Kind::Mosquitto
    }

    fn connect(&mut self, opts: ConnectOptions) -> (usize, Negotiated) {
        let name = format!("client{}", self.clients.len());
        let (c, n) = common_broker::Client::connect(&self.broker, &name, opts);
        self.clients.push(c);
        self.books.push(Book::default());
        (self.clients.len() - 1, n)
    }

    fn reconnect(&mut self, i: usize, opts: ConnectOptions) -> Negotiated {
        self.pump(i);
        self.books[i].closed = None;
        self.clients[i].session.set_options(opts);
        self.clients[i].reconnect()
    }

    fn subscribe(&mut self, i: usize, filters: Vec<SubscribeFilter>) -> Vec<ReasonCode> {
        let c = &mut self.clients[i];
        let now = c.now();
        let id = c.session.subscribe(filters, None, now).expect("subscribe");
        match c.run_until(
            "SUBACK",
            common_broker::WAIT,
            |e| matches!(e, Event::Subscribed { packet_id, .. } if *packet_id == id),
        ) {
            Event::Subscribed { results, .. } => results.iter().map(|r| r.reason_code).collect(),
            _ => unreachable!(),
        }
    }

    fn publish(&mut self, i: usize, p: OutgoingPublish) -> Option<ReasonCode> {
        let c = &mut self.clients[i];
        let now = c.now();
        let id = c.session.publish(p, now).expect("publish")?;
        match c.run_until("publish flow", common_broker::WAIT, |e| {
            matches!(e, Event::PublishCompleted { packet_id: Some(p), .. } if *p == id)
                || matches!(e, Event::PublishFailed { packet_id, .. } if *packet_id == id)
        }) {
            Event::PublishCompleted { reason_code, .. }
            | Event::PublishFailed { reason_code, .. } => Some(reason_code),
            _ => unreachable!(),
        }
    }

    fn cut(&mut self, i: usize) {
        self.clients[i].drop_transport();
        self.pump(i);
    }

    fn disconnect(&mut self, i: usize) {
        self.clients[i].disconnect();
        self.pump(i);
    }

    fn wait(&mut self, d: Duration) {
        self.run_all(d);
    }

    fn received(&mut self, i: usize) -> Vec<Message> {
        self.run_all(QUIET);
        std::mem::take(&mut self.books[i].messages)
    }

    fn closed(&mut self, i: usize) -> Option<CloseReason> {
        self.run_all(QUIET);
        self.books[i].closed.clone()
    }
}

// ---- scenarios ----

/// What a scenario saw, line by line.
struct Run<'a> {
    p: &'a mut dyn Peerage,
    v: ProtocolVersion,
    transcript: Vec<String>,
}

fn opts(v: ProtocolVersion, id: &str) -> ConnectOptions {
    ConnectOptions {
        version: v,
        client_id: id.to_owned(),
        keep_alive: 60,
        connect_timeout: common_broker::WAIT,
        resubscribe: false,
        ..Default::default()
    }
}

/// Options of a session that outlives its connection.
fn persistent(v: ProtocolVersion, id: &str) -> ConnectOptions {
    let mut o = opts(v, id);
    o.clean_start = false;
    if v == ProtocolVersion::V5 {
        o.session_expiry_interval = 300;
    }
    o
}

fn sub(filter: &str, qos: QoS) -> SubscribeFilter {
    SubscribeFilter {
        filter: filter.to_owned(),
        options: SubscriptionOptions::qos(qos),
    }
}

fn msg(topic: &str, payload: &str, qos: QoS, retain: bool) -> OutgoingPublish {
    OutgoingPublish::new(topic, payload).qos(qos).retain(retain)
}

fn qos(n: u8) -> QoS {
    QoS::from_u8(n).expect("qos")
}

impl Run<'_> {
    fn v5(&self) -> bool {
        self.v == ProtocolVersion::V5
    }

    fn note(&mut self, line: String) {
        self.transcript.push(line);
    }

    fn connect(&mut self, o: ConnectOptions) -> usize {
        let id = o.client_id.clone();
        let (i, n) = self.p.connect(o);
        self.note(format!(
            "{id}: connected, session present {}",
            n.session_present
        ));
        i
    }

    fn reconnect(&mut self, i: usize, o: ConnectOptions) -> bool {
        let id = o.client_id.clone();
        let n = self.p.reconnect(i, o);
        self.note(format!(
            "{id}: reconnected, session present {}",
            n.session_present
        ));
        n.session_present
    }

    fn subscribe(&mut self, i: usize, filters: Vec<SubscribeFilter>) -> Vec<u8> {
        let names: Vec<String> = filters.iter().map(|f| f.filter.clone()).collect();
        let codes: Vec<u8> = self.p.subscribe(i, filters).iter().map(|c| c.0).collect();
        self.note(format!("{i}: SUBACK {names:?} -> {codes:?}"));
        codes
    }

    fn publish(&mut self, i: usize, p: OutgoingPublish) -> Option<u8> {
        let rc = self.p.publish(i, p).map(|c| c.0);
        if let Some(rc) = rc {
            self.note(format!("{i}: publish flow ended with {rc:#04x}"));
        }
        rc
    }

    /// What client `i` received, sorted (the order across topics is not
    /// the point here).
    fn got(&mut self, i: usize) -> Vec<Observed> {
        let mut got: Vec<Observed> = self.p.received(i).iter().map(observe).collect();
        got.sort();
        let shown: Vec<String> = got.iter().map(ToString::to_string).collect();
        self.note(format!("{i}: received [{}]", shown.join(", ")));
        got
    }

    fn expect(&mut self, i: usize, want: &[(&str, &str, u8, bool)]) {
        let got = self.got(i);
        let mut want: Vec<Observed> = want
            .iter()
            .map(|(t, p, q, r)| Observed {
                topic: (*t).to_owned(),
                payload: (*p).to_owned(),
                qos: *q,
                retain: *r,
            })
            .collect();
        want.sort();
        assert_eq!(got, want, "{:?} client {i}", self.p.kind());
    }
}

/// `+`, `#`, and `$` topics not matched by wildcards at the first level
/// (3.1.1 section 4.7.2, 5.0 section 4.7.2).
fn wildcards(r: &mut Run) {
    let filters = ["a/+", "a/#", "+/b", "#", "$lab/#", "+/+"];
    let subs: Vec<usize> = filters
        .iter()
        .enumerate()
        .map(|(n, f)| {
            let c = r.connect(opts(r.v, &format!("s{n}")));
            assert_eq!(r.subscribe(c, vec![sub(f, QoS::AtLeastOnce)]), [1]);
            c
        })
        .collect();
    let p = r.connect(opts(r.v, "pub"));
    for t in ["a", "a/b", "a/b/c", "x/b", "/b"] {
        r.publish(p, msg(t, t, QoS::AtLeastOnce, false));
    }
    // A client publishing to a `$` topic (see the file's docs): the sandbox
    // refuses it, mosquitto relays it to `$lab/#` only.
    let rc =
        r.p.publish(p, msg("$lab/b", "$lab/b", QoS::AtLeastOnce, false));
    let relayed = match (r.p.kind(), r.v5()) {
        (Kind::Sandbox, true) => {
            assert_eq!(rc, Some(ReasonCode::NOT_AUTHORIZED));
            false
        }
        (Kind::Sandbox, false) => {
            assert_eq!(rc, Some(ReasonCode::SUCCESS));
            false
        }
        (Kind::Mosquitto, _) => {
            assert_eq!(rc, Some(ReasonCode::SUCCESS));
            true
        }
    };
    let expected: [&[&str]; 6] = [
        &["a/b"],
        &["a", "a/b", "a/b/c"],
        &["a/b", "x/b", "/b"],
        &["a", "a/b", "a/b/c", "x/b", "/b"],
        &["$lab/b"],
        &["a/b", "x/b", "/b"],
    ];
    for (c, want) in subs.into_iter().zip(expected) {
        let want: Vec<(&str, &str, u8, bool)> = want.iter().map(|t| (*t, *t, 1, false)).collect();
        if want[0].0.starts_with('$') {
            let got: Vec<Observed> = r.p.received(c).iter().map(observe).collect();
            let n = usize::from(relayed);
            assert_eq!(got.len(), n, "{:?}: {got:?}", r.p.kind());
            assert!(got.iter().all(|o| o.topic == "$lab/b"));
        } else {
            r.expect(c, &want);
        }
    }
}

/// Delivery at min(publish QoS, granted QoS) (3.1.1 section 3.8.4, 5.0
/// section 3.8.4).
fn qos_downgrade(r: &mut Run) {
    let subs: Vec<usize> = (0..3)
        .map(|g| {
            let c = r.connect(opts(r.v, &format!("granted{g}")));
            assert_eq!(r.subscribe(c, vec![sub("q/#", qos(g))]), [g]);
            c
        })
        .collect();
    let p = r.connect(opts(r.v, "pub"));
    for q in 0..3u8 {
        r.publish(p, msg(&format!("q/{q}"), "m", qos(q), false));
    }
    for (g, c) in subs.into_iter().enumerate() {
        let g = g as u8;
        let want: Vec<(String, u8)> = (0..3u8).map(|q| (format!("q/{q}"), q.min(g))).collect();
        let want: Vec<(&str, &str, u8, bool)> = want
            .iter()
            .map(|(t, q)| (t.as_str(), "m", *q, false))
            .collect();
        r.expect(c, &want);
    }
}

/// Retained messages: sent on subscribe with RETAIN=1, live ones with
/// RETAIN=0, cleared by an empty retained publish (3.1.1 section 3.3.1.3,
/// 5.0 section 3.3.1.3).
fn retained(r: &mut Run) {
    let p = r.connect(opts(r.v, "pub"));
    r.publish(p, msg("r/a", "A", QoS::AtLeastOnce, true));
    r.publish(p, msg("r/b", "B", QoS::AtMostOnce, true));
    r.publish(p, msg("r/c", "C", QoS::ExactlyOnce, true));
    let s = r.connect(opts(r.v, "sub"));
    r.subscribe(s, vec![sub("r/#", QoS::AtLeastOnce)]);
    r.expect(
        s,
        &[
            ("r/a", "A", 1, true),
            ("r/b", "B", 0, true),
            ("r/c", "C", 1, true),
        ],
    );
    // Live: RETAIN=0 to an existing subscription.
    r.publish(p, msg("r/a", "A2", QoS::AtLeastOnce, true));
    r.expect(s, &[("r/a", "A2", 1, false)]);
    // Cleared: the empty retained message still goes to subscribers.
    r.publish(p, msg("r/a", "", QoS::AtLeastOnce, true));
    r.publish(p, msg("r/b", "", QoS::AtMostOnce, true));
    r.expect(s, &[("r/a", "", 1, false), ("r/b", "", 0, false)]);
    let late = r.connect(opts(r.v, "late"));
    r.subscribe(late, vec![sub("r/#", QoS::ExactlyOnce)]);
    r.expect(late, &[("r/c", "C", 2, true)]);
}

fn will(topic: &str, payload: &str) -> LastWill {
    LastWill {
        topic: topic.to_owned(),
        payload: payload.as_bytes().to_vec(),
        qos: QoS::AtLeastOnce,
        retain: false,
        properties: Default::default(),
    }
}

/// The Will on an abrupt close, none after DISCONNECT (3.1.1 section
/// 3.1.2.5, 5.0 section 3.1.2.5).
fn wills(r: &mut Run) {
    let w = r.connect(opts(r.v, "watcher"));
    r.subscribe(w, vec![sub("w/#", QoS::ExactlyOnce)]);
    let mut o = opts(r.v, "crash");
    o.will = Some(will("w/crash", "crash went away"));
    let crash = r.connect(o);
    let mut o = opts(r.v, "polite");
    o.will = Some(will("w/polite", "polite went away"));
    let polite = r.connect(o);
    r.p.cut(crash);
    r.p.disconnect(polite);
    r.p.wait(Duration::from_millis(300));
    r.expect(w, &[("w/crash", "crash went away", 1, false)]);
}

/// Queued QoS 1 (not QoS 0) while offline, session present on reconnect;
/// a clean session forgets (3.1.1 sections 3.1.2.4 and 3.2.2.2, 5.0
/// sections 3.1.2.4 and 3.2.2.1.1).
fn persistent_session(r: &mut Run) {
    let v = r.v;
    let (c, n) = r.p.connect(persistent(v, "keeper"));
    assert!(!n.session_present);
    r.note(format!("keeper: session present {}", n.session_present));
    r.subscribe(c, vec![sub("p/#", QoS::AtLeastOnce)]);
    r.p.disconnect(c);
    let p = r.connect(opts(v, "pub"));
    r.publish(p, msg("p/1", "queued", QoS::AtLeastOnce, false));
    r.publish(p, msg("p/2", "queued2", QoS::ExactlyOnce, false));
    r.publish(p, msg("p/0", "not queued", QoS::AtMostOnce, false));
    assert!(r.reconnect(c, persistent(v, "keeper")));
    let mut got: Vec<Observed> = r.p.received(c).iter().map(observe).collect();
    got.sort();
    let topics: Vec<&str> = got.iter().map(|o| o.topic.as_str()).collect();
    match r.p.kind() {
        // QoS 0 is not queued (a documented choice, see the file's docs).
        Kind::Sandbox => assert_eq!(topics, ["p/1", "p/2"]),
        Kind::Mosquitto => assert_eq!(topics, ["p/0", "p/1", "p/2"]),
    }
    assert!(got
        .iter()
        .all(|o| o.qos == o.topic[2..].parse::<u8>().unwrap().min(1)));
    // Normalised: the QoS 1 and 2 messages.
    let kept: Vec<String> = got
        .iter()
        .filter(|o| o.qos > 0)
        .map(ToString::to_string)
        .collect();
    r.note(format!("keeper got QoS>0 [{}]", kept.join(", ")));
    // Clean start: the session and its subscription are gone.
    r.p.disconnect(c);
    let mut clean = opts(v, "keeper");
    clean.clean_start = true;
    assert!(!r.reconnect(c, clean));
    r.publish(p, msg("p/3", "nobody", QoS::AtLeastOnce, false));
    r.expect(c, &[]);
    // And no session is kept after a clean one ends (3.1.1) / with expiry
    // 0 (5.0).
    r.p.disconnect(c);
    assert!(!r.reconnect(c, persistent(v, "keeper")));
}

/// A second connection with the same client id takes over: the old one is
/// closed (3.1.1 section 3.1.4, 5.0 section 3.1.4), a persistent session
/// carries over.
fn take_over(r: &mut Run) {
    let v = r.v;
    let (old, _) = r.p.connect(persistent(v, "dup"));
    r.subscribe(old, vec![sub("t/#", QoS::AtLeastOnce)]);
    let (new, n) = r.p.connect(persistent(v, "dup"));
    r.note(format!("dup again: session present {}", n.session_present));
    assert!(n.session_present);
    let closed = r.p.closed(old);
    let closed = match closed {
        Some(CloseReason::ServerDisconnected { reason_code, .. }) => {
            format!("DISCONNECT {:#04x}", reason_code.0)
        }
        Some(CloseReason::TransportClosed) => "transport closed".to_owned(),
        other => panic!("{:?}: old connection: {other:?}", r.p.kind()),
    };
    match (r.p.kind(), v) {
        (Kind::Sandbox, ProtocolVersion::V5) => assert_eq!(closed, "DISCONNECT 0x8e"),
        _ => assert_eq!(closed, "transport closed", "{:?}", r.p.kind()),
    }
    // Normalised: closed (see the file's docs for the DISCONNECT).
    r.note("old connection closed".to_owned());
    let p = r.connect(opts(v, "pub"));
    r.publish(p, msg("t/x", "to the new one", QoS::AtLeastOnce, false));
    r.expect(new, &[("t/x", "to the new one", 1, false)]);
    r.expect(old, &[]);
    // A clean take-over drops the session.
    let (newer, n) = r.p.connect(opts(v, "dup"));
    assert!(!n.session_present);
    r.note(format!("dup clean: session present {}", n.session_present));
    r.publish(p, msg("t/x", "nobody", QoS::AtLeastOnce, false));
    r.expect(newer, &[]);
}

/// Overlapping subscriptions of one client (see the file's docs).
fn overlapping(r: &mut Run) {
    let s = r.connect(opts(r.v, "sub"));
    r.subscribe(
        s,
        vec![sub("o/#", QoS::AtLeastOnce), sub("o/+", QoS::ExactlyOnce)],
    );
    let p = r.connect(opts(r.v, "pub"));
    r.publish(p, msg("o/x", "m", QoS::ExactlyOnce, false));
    let mut got: Vec<Observed> = r.p.received(s).iter().map(observe).collect();
    got.sort();
    let one = |q| Observed {
        topic: "o/x".into(),
        payload: "m".into(),
        qos: q,
        retain: false,
    };
    match (r.p.kind(), r.v) {
        (Kind::Mosquitto, ProtocolVersion::V5) => assert_eq!(got, [one(1), one(2)]),
        _ => assert_eq!(got, [one(2)]),
    }
    // Normalised: distinct messages at their highest QoS.
    let top = got.iter().map(|o| o.qos).max();
    r.note(format!("sub: o/x at highest QoS {top:?}"));
}

/// No Local (5.0 section 3.8.3.1): own messages are not sent back; 3.1.1
/// has no such option, so they are.
fn no_local(r: &mut Run) {
    let a = r.connect(opts(r.v, "a"));
    let mut f = sub("n/#", QoS::AtLeastOnce);
    f.options.no_local = r.v5();
    r.subscribe(a, vec![f]);
    let b = r.connect(opts(r.v, "b"));
    r.subscribe(b, vec![sub("n/#", QoS::AtLeastOnce)]);
    r.publish(a, msg("n/x", "from a", QoS::AtLeastOnce, false));
    if r.v5() {
        r.expect(a, &[]);
    } else {
        r.expect(a, &[("n/x", "from a", 1, false)]);
    }
    r.expect(b, &[("n/x", "from a", 1, false)]);
}

/// Retain As Published (5.0 section 3.8.3.1): the live message keeps
/// RETAIN=1 for such a subscription; 3.1.1 always clears it (3.3.1.3).
fn retain_as_published(r: &mut Run) {
    let a = r.connect(opts(r.v, "a"));
    let mut f = sub("rap/#", QoS::AtLeastOnce);
    f.options.retain_as_published = r.v5();
    r.subscribe(a, vec![f]);
    let b = r.connect(opts(r.v, "b"));
    r.subscribe(b, vec![sub("rap/#", QoS::AtLeastOnce)]);
    let p = r.connect(opts(r.v, "pub"));
    r.publish(p, msg("rap/x", "kept", QoS::AtLeastOnce, true));
    r.publish(p, msg("rap/y", "live", QoS::AtLeastOnce, false));
    let v5 = r.v5();
    r.expect(a, &[("rap/x", "kept", 1, v5), ("rap/y", "live", 1, false)]);
    r.expect(
        b,
        &[("rap/x", "kept", 1, false), ("rap/y", "live", 1, false)],
    );
}

/// Retain Handling (5.0 section 3.8.3.1): 2 never sends retained messages
/// on subscribe, 1 only for a new subscription, 0 every time. 3.1.1
/// re-sends them on every subscribe (3.1.1 section 3.8.4).
fn retain_handling(r: &mut Run) {
    let p = r.connect(opts(r.v, "pub"));
    r.publish(p, msg("rh/x", "R", QoS::AtLeastOnce, true));
    for (n, rh) in [
        RetainHandling::SendAtSubscribe,
        RetainHandling::SendAtSubscribeIfNew,
        RetainHandling::DoNotSend,
    ]
    .into_iter()
    .enumerate()
    {
        let c = r.connect(opts(r.v, &format!("rh{n}")));
        let mut f = sub("rh/#", QoS::AtLeastOnce);
        if r.v5() {
            f.options.retain_handling = rh;
        }
        for round in 0..2 {
            r.subscribe(c, vec![f.clone()]);
            let sent = !r.v5()
                || match rh {
                    RetainHandling::SendAtSubscribe => true,
                    RetainHandling::SendAtSubscribeIfNew => round == 0,
                    RetainHandling::DoNotSend => false,
                };
            if sent {
                r.expect(c, &[("rh/x", "R", 1, true)]);
            } else {
                r.expect(c, &[]);
            }
        }
    }
}

/// Shared subscriptions (5.0 section 4.8.2): each message goes to exactly
/// one member of the group; a non-shared subscriber gets every one.
fn shared(r: &mut Run) {
    let m1 = r.connect(opts(r.v, "m1"));
    let m2 = r.connect(opts(r.v, "m2"));
    let all = r.connect(opts(r.v, "all"));
    for m in [m1, m2] {
        assert_eq!(
            r.subscribe(m, vec![sub("$share/g/s/#", QoS::AtLeastOnce)]),
            [1]
        );
    }
    r.subscribe(all, vec![sub("s/#", QoS::AtLeastOnce)]);
    let p = r.connect(opts(r.v, "pub"));
    let payloads: Vec<String> = (0..6).map(|n| format!("job{n}")).collect();
    for pl in &payloads {
        r.publish(p, msg("s/jobs", pl, QoS::AtLeastOnce, false));
    }
    let mut union: Vec<String> = Vec::new();
    for m in [m1, m2] {
        let got = r.p.received(m);
        assert!(!got.is_empty(), "{:?}: a member got nothing", r.p.kind());
        union.extend(
            got.iter()
                .map(|m| String::from_utf8_lossy(&m.payload).into_owned()),
        );
    }
    union.sort();
    assert_eq!(union, payloads, "each message to exactly one member");
    r.note(format!("group got {union:?}"));
    let want: Vec<(&str, &str, u8, bool)> = payloads
        .iter()
        .map(|p| ("s/jobs", p.as_str(), 1, false))
        .collect();
    r.expect(all, &want);
}

/// Message Expiry (5.0 section 3.3.2.3.3) for messages queued for an
/// offline session: an expired one is dropped, the others are sent with the
/// interval that remains. The publisher speaks 5.0; the subscriber the
/// version under test.
fn message_expiry(r: &mut Run) {
    let v = r.v;
    let c = r.connect(persistent(v, "offline"));
    r.subscribe(c, vec![sub("e/#", QoS::AtLeastOnce)]);
    r.p.disconnect(c);
    let p = r.connect(opts(ProtocolVersion::V5, "pub"));
    let expiring = |t: &str, secs: u32| {
        msg(t, t, QoS::AtLeastOnce, false).properties(Properties::default().with(
            PropertyId::MessageExpiryInterval,
            PropertyValue::Integer(secs),
        ))
    };
    r.publish(p, expiring("e/short", 1));
    r.publish(p, expiring("e/long", 60));
    r.publish(p, msg("e/never", "e/never", QoS::AtLeastOnce, false));
    r.p.wait(Duration::from_millis(2300));
    assert!(r.reconnect(c, persistent(v, "offline")));
    let got = r.p.received(c);
    let mut seen: Vec<(String, Option<u32>)> = got
        .iter()
        .map(|m| {
            (
                m.topic.clone(),
                m.properties.integer(PropertyId::MessageExpiryInterval),
            )
        })
        .collect();
    seen.sort();
    assert_eq!(seen.len(), 2, "{:?}: {seen:?}", r.p.kind());
    assert_eq!(seen[0].0, "e/long");
    assert_eq!(seen[1], ("e/never".to_owned(), None));
    if v == ProtocolVersion::V5 {
        let left = seen[0].1.expect("the remaining expiry interval");
        assert!((55..=58).contains(&left), "{:?}: {left}", r.p.kind());
    } else {
        assert_eq!(seen[0].1, None);
    }
    let topics: Vec<&str> = seen.iter().map(|s| s.0.as_str()).collect();
    r.note(format!("offline got {topics:?}"));
}

/// Client identifiers: 5.0 assigns one to an empty id (3.1.3.1, 3.2.2.3.7);
/// 3.1.1 accepts an empty id with a clean session and says nothing
/// (3.1.3.1). A QoS 1 publish nobody subscribed to: PUBACK 0x10 in 5.0
/// (3.4.2.1), 0 in 3.1.1.
fn identity_and_puback(r: &mut Run) {
    let (c, n) = r.p.connect(opts(r.v, ""));
    if r.v5() {
        assert!(n.client_id_assigned && !n.client_id.is_empty(), "{n:?}");
    } else {
        assert!(!n.client_id_assigned);
    }
    r.note(format!(
        "empty id: assigned {}, session present {}",
        n.client_id_assigned, n.session_present
    ));
    let rc = r.publish(c, msg("nobody/here", "x", QoS::AtLeastOnce, false));
    let want = if r.v5() { 0x10 } else { 0 };
    assert_eq!(rc, Some(want), "{:?}", r.p.kind());
    r.publish(c, msg("nobody/here", "x", QoS::ExactlyOnce, false));
}

/// Runs `scenario` on the sandbox and (when installed) on mosquitto, and
/// compares the transcripts.
fn differential(scenario: fn(&mut Run), v: ProtocolVersion) {
    let mut sandbox = Sandbox::new();
    let ours = {
        let mut r = Run {
            p: &mut sandbox,
            v,
            transcript: Vec::new(),
        };
        scenario(&mut r);
        r.transcript
    };
    let Some(mut mosquitto) = Mosquitto::start() else {
        return;
    };
    let theirs = {
        let mut r = Run {
            p: &mut mosquitto,
            v,
            transcript: Vec::new(),
        };
        scenario(&mut r);
        r.transcript
    };
    assert_eq!(
        ours.join("\n"),
        theirs.join("\n"),
        "sandbox (left) and mosquitto (right) differ"
    );
}

macro_rules! scenarios {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            use super::ProtocolVersion;
            #[test]
            fn v311() {
                super::differential(super::$name, ProtocolVersion::V311)
            }
            #[test]
            fn v5() {
                super::differential(super::$name, ProtocolVersion::V5)
            }
        }
    )*};
}

scenarios!(
    wildcards,
    qos_downgrade,
    retained,
    wills,
    persistent_session,
    take_over,
    overlapping,
    no_local,
    retain_as_published,
    retain_handling,
    shared,
    message_expiry,
    identity_and_puback,
);
