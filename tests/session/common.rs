//! The test harness: a scripted broker on the other end of a [`Session`], and
//! a fake clock.
//!
//! After str0m's `tests/common.rs`: nothing here sleeps or reads the real
//! clock. The broker side is our own codec acting as the server: it decodes
//! every byte the session transmits (learning the version from CONNECT,
//! which carries its own) and encodes what the test script sends back. Each
//! step drains the session completely, so a test reads as the conversation
//! on the wire:
//!
//! ```text
//! peer.accept();                                   // CONNECT / CONNACK
//! let id = peer.command(|s, now| s.publish(msg, now)).unwrap();
//! let p = peer.expect_publish();                   // what went out
//! peer.send(puback(id));                           // what came back
//! assert_eq!(peer.expect_event(), Event::PublishCompleted { .. });
//! ```

use std::collections::VecDeque;
use std::time::Duration;

use mqtt_lab::protocol::codec::{
    self, ConnAck, Connect, DecodeError, DecodeOptions, Disconnect, Packet, PacketId, PacketType,
    Properties, PropertyId, PropertyValue, ProtocolVersion, PubResponse, Publish, QoS, QosPid,
    ReasonCode, SubAck, Subscribe, SubscribeFilter, SubscriptionOptions, Unsubscribe,
    MAX_REMAINING_LENGTH,
};
use mqtt_lab::protocol::session::{
    CloseReason, ConnectOptions, Event, Message, Negotiated, OutgoingPublish, Session,
};
use mqtt_lab::protocol::Instant;

/// Generates one test per protocol version from one scenario:
///
/// ```text
/// both_versions! {
///     fn name(version) { ... }
/// }
/// ```
///
/// becomes `mod name { #[test] fn v311() … #[test] fn v5() … }`, so a
/// failure names the version it failed in.
macro_rules! both_versions {
    ($($(#[$meta:meta])* fn $name:ident($v:ident) $body:block)*) => {
        $(
            $(#[$meta])*
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                fn scenario($v: ::mqtt_lab::protocol::codec::ProtocolVersion) $body

                #[test]
                fn v311() {
                    scenario(::mqtt_lab::protocol::codec::ProtocolVersion::V311)
                }

                #[test]
                fn v5() {
                    scenario(::mqtt_lab::protocol::codec::ProtocolVersion::V5)
                }
            }
        )*
    };
}

/// How the broker hands bytes to the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// Each packet in one `handle_bytes` call.
    Whole,
    /// One byte per `handle_bytes` call, to prove partial frames are kept
    /// until the rest arrives.
    ByteByByte,
}

/// Options every test starts from: a named client, a 60 s keep alive.
pub fn options(version: ProtocolVersion) -> ConnectOptions {
    ConnectOptions {
        version,
        client_id: "lab-client".into(),
        ..ConnectOptions::default()
    }
}

/// The scripted broker, the session under test and the fake clock.
pub struct Peer {
    /// The session under test.
    pub session: Session,
    /// The fake clock: the `now` of every call into the session.
    pub now: Instant,
    /// How [`Peer::send`] delivers bytes.
    pub delivery: Delivery,
    /// Whether the session reports PacketSent / PacketReceived.
    packet_events: bool,
    /// The version the server side speaks, learned from CONNECT.
    version: Option<ProtocolVersion>,
    /// Bytes from the session not yet decoded (a partial packet).
    from_session: Vec<u8>,
    /// Packets the session sent that the test has not looked at yet.
    sent: VecDeque<Packet>,
    /// Events other than PacketSent / PacketReceived / PacketMalformed not
    /// looked at yet.
    events: VecDeque<Event>,
    /// PacketMalformed events (bytes, error), kept apart like the other
    /// packet events.
    malformed: Vec<(Vec<u8>, DecodeError)>,
}

impl Peer {
    /// A disconnected session with [`options`] for `version`.
    pub fn new(version: ProtocolVersion) -> Self {
        Peer::with_options(options(version))
    }

    /// A disconnected session with `options`.
    pub fn with_options(options: ConnectOptions) -> Self {
        Peer {
            session: Session::new(options),
            now: Instant::from_millis(0),
            delivery: Delivery::Whole,
            packet_events: true,
            version: None,
            from_session: Vec::new(),
            sent: VecDeque::new(),
            events: VecDeque::new(),
            malformed: Vec::new(),
        }
    }

    /// The version the broker side speaks (from the last CONNECT).
    pub fn version(&self) -> ProtocolVersion {
        self.version
            .unwrap_or_else(|| panic!("no CONNECT seen yet, so no version"))
    }

    /// Turns the session's PacketSent / PacketReceived events on or off
    /// (off makes long loops cheaper).
    pub fn set_packet_events(&mut self, on: bool) {
        self.packet_events = on;
        self.session.set_packet_events(on);
    }

    // ----- driving the session -----

    /// Drains everything the session has to say: transmitted bytes are
    /// decoded as the server would, events are queued for the test.
    ///
    /// Every `PacketSent` event must carry exactly the bytes that were
    /// transmitted, in the same order.
    pub fn drain(&mut self) {
        let mut transmitted = Vec::new();
        while let Some(bytes) = self.session.poll_transmit() {
            transmitted.push(bytes);
        }
        let mut reported = Vec::new();
        while let Some(event) = self.session.poll_event() {
            match event {
                Event::PacketSent { packet, bytes } => reported.push((packet, bytes)),
                Event::PacketReceived { .. } => {}
                Event::PacketMalformed { bytes, error } => self.malformed.push((bytes, error)),
                other => self.events.push_back(other),
            }
        }
        if self.packet_events {
            assert_eq!(
                reported.iter().map(|(_, b)| b).collect::<Vec<_>>(),
                transmitted.iter().collect::<Vec<_>>(),
                "PacketSent events must match the transmitted bytes"
            );
        } else {
            assert!(
                reported.is_empty(),
                "PacketSent while packet events are off"
            );
        }
        for bytes in transmitted {
            self.from_session.extend_from_slice(&bytes);
        }
        let mut reported = reported.into_iter().map(|(p, _)| p);
        loop {
            let opts = DecodeOptions {
                // CONNECT carries its own version and ignores this.
                version: self.version.unwrap_or(ProtocolVersion::V5),
                max_packet_size: MAX_REMAINING_LENGTH,
            };
            match codec::decode(&self.from_session, &opts) {
                Ok(Some((packet, used))) => {
                    self.from_session.drain(..used);
                    if let Packet::Connect(c) = &packet {
                        self.version = Some(c.protocol_version);
                    }
                    if let Some(p) = reported.next() {
                        assert_eq!(p, packet, "PacketSent event vs the decoded bytes");
                    }
                    self.sent.push_back(packet);
                }
                Ok(None) => break,
                Err(e) => panic!("the session sent bytes the server cannot decode: {e}"),
            }
        }
        assert!(
            self.from_session.is_empty(),
            "the session transmitted a partial packet: {:02X?}",
            self.from_session
        );
    }

    /// Runs a command on the session at the current time, then drains it.
    pub fn command<R>(&mut self, f: impl FnOnce(&mut Session, Instant) -> R) -> R {
        let r = f(&mut self.session, self.now);
        self.drain();
        r
    }

    /// Publishes `msg` now.
    pub fn publish(
        &mut self,
        msg: OutgoingPublish,
    ) -> Result<Option<PacketId>, mqtt_lab::protocol::session::CommandError> {
        self.command(|s, now| s.publish(msg, now))
    }

    /// Publishes a message at `qos` to `topic` and returns its packet id
    /// (QoS 1/2).
    pub fn publish_qos(&mut self, topic: &str, payload: &[u8], qos: QoS) -> Option<PacketId> {
        self.publish(OutgoingPublish::new(topic, payload).qos(qos))
            .unwrap_or_else(|e| panic!("publish to {topic} refused: {e}"))
    }

    /// Subscribes to `filters` (all at QoS 1) in one SUBSCRIBE.
    pub fn subscribe(&mut self, filters: &[&str]) -> PacketId {
        let filters = filters
            .iter()
            .map(|f| filter(f, QoS::AtLeastOnce))
            .collect();
        self.command(|s, now| s.subscribe(filters, None, now))
            .unwrap_or_else(|e| panic!("subscribe refused: {e}"))
    }

    /// The session connects on a fresh transport; returns its CONNECT.
    pub fn connect(&mut self) -> Connect {
        self.command(|s, now| s.connect(now))
            .unwrap_or_else(|e| panic!("connect refused: {e}"));
        self.expect_connect()
    }

    /// CONNECT, then a CONNACK accepting it; returns what was negotiated.
    pub fn accept(&mut self) -> Negotiated {
        self.accept_with(connack())
    }

    /// CONNECT, then `connack` (which must accept); returns what was
    /// negotiated.
    pub fn accept_with(&mut self, connack: ConnAck) -> Negotiated {
        self.connect();
        self.send(Packet::ConnAck(connack));
        self.expect_connected()
    }

    /// Sends `packet` to the session as the server, encoded in the version
    /// CONNECT asked for.
    pub fn send(&mut self, packet: Packet) {
        let bytes = codec::encode_to_vec(&packet, self.version())
            .unwrap_or_else(|e| panic!("the script built an unencodable {packet:?}: {e}"));
        self.send_bytes(&bytes);
    }

    /// Sends several packets in one chunk, as one TCP read might bring them.
    pub fn send_together(&mut self, packets: &[Packet]) {
        let mut bytes = Vec::new();
        for p in packets {
            codec::encode(p, self.version(), &mut bytes)
                .unwrap_or_else(|e| panic!("the script built an unencodable {p:?}: {e}"));
        }
        self.send_bytes(&bytes);
    }

    /// Hands raw bytes to the session (as [`Peer::delivery`] says).
    pub fn send_bytes(&mut self, bytes: &[u8]) {
        match self.delivery {
            Delivery::Whole => self.session.handle_bytes(bytes, self.now),
            Delivery::ByteByByte => {
                for b in bytes {
                    self.session.handle_bytes(std::slice::from_ref(b), self.now);
                }
            }
        }
        self.drain();
    }

    /// The transport closed under the session.
    pub fn close_transport(&mut self) {
        self.session.handle_transport_closed(self.now);
        self.drain();
        self.from_session.clear();
    }

    /// Moves the clock forward to `to`, firing every timer that falls due
    /// on the way exactly at its deadline.
    pub fn advance_to(&mut self, to: Instant) {
        assert!(to >= self.now, "the clock only moves forward");
        while let Some(deadline) = self.session.poll_timeout() {
            if deadline > to {
                break;
            }
            self.now = self.now.max(deadline);
            self.session.handle_timeout(self.now);
            self.drain();
            if self.session.poll_timeout() == Some(deadline) {
                // A deadline that does not move after handle_timeout would
                // spin forever; the session must always make progress.
                panic!("poll_timeout stayed at {deadline:?} after handle_timeout");
            }
        }
        self.now = to;
    }

    /// Moves the clock forward by `d`.
    pub fn advance(&mut self, d: Duration) {
        self.advance_to(self.now + d);
    }

    /// Moves the clock forward by `ms` milliseconds.
    pub fn advance_ms(&mut self, ms: u64) {
        self.advance(Duration::from_millis(ms));
    }

    /// Moves the clock to the next deadline and fires it; returns that
    /// deadline.
    pub fn fire_next_timeout(&mut self) -> Instant {
        let deadline = self
            .session
            .poll_timeout()
            .unwrap_or_else(|| panic!("no timer armed"));
        self.advance_to(deadline);
        deadline
    }

    // ----- what the session sent -----

    /// The next packet the session sent, which must be of type `t`.
    #[track_caller]
    pub fn expect_sent(&mut self, t: PacketType) -> Packet {
        match self.sent.pop_front() {
            Some(p) if p.packet_type() == t => p,
            Some(p) => panic!("expected {t} from the session, it sent {p:?}"),
            None => panic!("expected {t} from the session, it sent nothing"),
        }
    }

    /// The next packet sent, which must be CONNECT.
    #[track_caller]
    pub fn expect_connect(&mut self) -> Connect {
        match self.expect_sent(PacketType::Connect) {
            Packet::Connect(c) => c,
            _ => unreachable!(),
        }
    }

    /// The next packet sent, which must be PUBLISH.
    #[track_caller]
    pub fn expect_publish(&mut self) -> Publish {
        match self.expect_sent(PacketType::Publish) {
            Packet::Publish(p) => p,
            _ => unreachable!(),
        }
    }

    /// The next packet sent, which must be the acknowledgement `t`
    /// (PUBACK, PUBREC, PUBREL or PUBCOMP).
    #[track_caller]
    pub fn expect_ack(&mut self, t: PacketType) -> PubResponse {
        match self.expect_sent(t) {
            Packet::PubAck(r) | Packet::PubRec(r) | Packet::PubRel(r) | Packet::PubComp(r) => r,
            other => panic!("{t} is not an acknowledgement: {other:?}"),
        }
    }

    /// The next packet sent, which must be SUBSCRIBE.
    #[track_caller]
    pub fn expect_subscribe(&mut self) -> Subscribe {
        match self.expect_sent(PacketType::Subscribe) {
            Packet::Subscribe(s) => s,
            _ => unreachable!(),
        }
    }

    /// The next packet sent, which must be UNSUBSCRIBE.
    #[track_caller]
    pub fn expect_unsubscribe(&mut self) -> Unsubscribe {
        match self.expect_sent(PacketType::Unsubscribe) {
            Packet::Unsubscribe(u) => u,
            _ => unreachable!(),
        }
    }

    /// The next packet sent, which must be DISCONNECT.
    #[track_caller]
    pub fn expect_disconnect(&mut self) -> Disconnect {
        match self.expect_sent(PacketType::Disconnect) {
            Packet::Disconnect(d) => d,
            _ => unreachable!(),
        }
    }

    /// Everything sent and not yet looked at.
    pub fn take_sent(&mut self) -> Vec<Packet> {
        self.sent.drain(..).collect()
    }

    /// The session sent nothing the test has not looked at.
    #[track_caller]
    pub fn assert_nothing_sent(&mut self) {
        assert!(
            self.sent.is_empty(),
            "expected silence, the session sent {:?}",
            self.sent
        );
    }

    // ----- what the session reported -----

    /// The next event (PacketSent / PacketReceived are left out).
    #[track_caller]
    pub fn expect_event(&mut self) -> Event {
        self.events
            .pop_front()
            .unwrap_or_else(|| panic!("expected an event, there was none"))
    }

    /// The next event, which must be `Connected`.
    #[track_caller]
    pub fn expect_connected(&mut self) -> Negotiated {
        match self.expect_event() {
            Event::Connected(n) => n,
            other => panic!("expected Connected, got {other:?}"),
        }
    }

    /// The next event, which must be `Message`.
    #[track_caller]
    pub fn expect_message(&mut self) -> Message {
        match self.expect_event() {
            Event::Message(m) => m,
            other => panic!("expected Message, got {other:?}"),
        }
    }

    /// The next event, which must be `Closed`; also checks the session
    /// knows it is no longer connected and has no timer left.
    #[track_caller]
    pub fn expect_closed(&mut self) -> CloseReason {
        match self.expect_event() {
            Event::Closed(r) => {
                assert!(!self.session.is_connected());
                assert_eq!(self.session.poll_timeout(), None);
                r
            }
            other => panic!("expected Closed, got {other:?}"),
        }
    }

    /// The PacketMalformed events so far (bytes, error).
    pub fn take_malformed(&mut self) -> Vec<(Vec<u8>, DecodeError)> {
        std::mem::take(&mut self.malformed)
    }

    /// All events not yet looked at.
    pub fn take_events(&mut self) -> Vec<Event> {
        self.events.drain(..).collect()
    }

    /// No event the test has not looked at.
    #[track_caller]
    pub fn assert_no_event(&mut self) {
        assert!(
            self.events.is_empty(),
            "expected no event, got {:?}",
            self.events
        );
    }

    /// Neither a packet nor an event left unexamined.
    #[track_caller]
    pub fn assert_quiet(&mut self) {
        self.assert_nothing_sent();
        self.assert_no_event();
    }
}

// ----- packets the broker sends -----

/// A packet identifier; panics on 0.
pub fn pid(id: u16) -> PacketId {
    PacketId::new(id).unwrap_or_else(|| panic!("packet id 0"))
}

/// CONNACK: accepted, no session present, no properties.
pub fn connack() -> ConnAck {
    ConnAck::default()
}

/// CONNACK accepting with Session Present = `present`.
pub fn connack_session(present: bool) -> ConnAck {
    ConnAck {
        session_present: present,
        ..ConnAck::default()
    }
}

/// CONNACK accepting with these properties (5.0).
pub fn connack_with(properties: Properties) -> ConnAck {
    ConnAck {
        properties,
        ..ConnAck::default()
    }
}

/// CONNACK refusing with `code`.
pub fn connack_refused(code: u8) -> ConnAck {
    ConnAck {
        reason_code: ReasonCode(code),
        ..ConnAck::default()
    }
}

/// A property list of integers.
pub fn int_props(list: &[(PropertyId, u32)]) -> Properties {
    let mut p = Properties::new();
    for &(id, v) in list {
        p.set(id, PropertyValue::Integer(v));
    }
    p
}

/// A PUBLISH from the server.
pub fn publish_in(topic: &str, payload: &[u8], qos: QoS, id: u16) -> Packet {
    let qos_pid = match qos {
        QoS::AtMostOnce => QosPid::AtMostOnce,
        q => QosPid::new(q, pid(id)),
    };
    Packet::Publish(Publish {
        qos_pid,
        ..Publish::new(topic, payload)
    })
}

/// The same PUBLISH with DUP set (a re-delivery).
pub fn dup(packet: Packet) -> Packet {
    match packet {
        Packet::Publish(p) => Packet::Publish(Publish { dup: true, ..p }),
        other => panic!("only PUBLISH has DUP: {other:?}"),
    }
}

fn ack(id: u16, code: u8) -> PubResponse {
    PubResponse {
        reason_code: ReasonCode(code),
        ..PubResponse::new(pid(id))
    }
}

/// PUBACK (Success).
pub fn puback(id: u16) -> Packet {
    Packet::PubAck(ack(id, 0))
}

/// PUBACK with a reason code (5.0).
pub fn puback_code(id: u16, code: u8) -> Packet {
    Packet::PubAck(ack(id, code))
}

/// PUBREC (Success).
pub fn pubrec(id: u16) -> Packet {
    Packet::PubRec(ack(id, 0))
}

/// PUBREC with a reason code (5.0).
pub fn pubrec_code(id: u16, code: u8) -> Packet {
    Packet::PubRec(ack(id, code))
}

/// PUBREL (Success).
pub fn pubrel(id: u16) -> Packet {
    Packet::PubRel(ack(id, 0))
}

/// PUBCOMP (Success).
pub fn pubcomp(id: u16) -> Packet {
    Packet::PubComp(ack(id, 0))
}

/// SUBACK with these codes.
pub fn suback(id: PacketId, codes: &[u8]) -> Packet {
    Packet::SubAck(SubAck {
        packet_id: id,
        properties: Properties::new(),
        reason_codes: codes.iter().map(|&c| ReasonCode(c)).collect(),
    })
}

/// A topic filter with only a QoS.
pub fn filter(f: &str, qos: QoS) -> SubscribeFilter {
    SubscribeFilter {
        filter: f.into(),
        options: SubscriptionOptions::qos(qos),
    }
}

/// Seconds as a `Duration`.
pub fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

/// An instant `ms` milliseconds after the origin.
pub fn at(ms: u64) -> Instant {
    Instant::from_millis(ms)
}
