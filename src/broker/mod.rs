//! The sandbox broker: an MQTT 3.1.1 + 5.0 server that runs inside the
//! page, on the same codec and topic rules as the client.
//!
//! Sans-IO like the client session: each connection is a [`ConnId`]; the
//! caller feeds bytes ([`Broker::handle_bytes`]), closed connections
//! ([`Broker::handle_closed`]) and time ([`Broker::handle_timeout`]), and
//! drains bytes per connection ([`Broker::poll_transmit`]), connections the
//! broker wants closed ([`Broker::poll_close`]), its decision log
//! ([`Broker::poll_log`]) and its next deadline ([`Broker::poll_timeout`]).
//!
//! Deliberate choices (each with the spec's leave):
//! - A client with overlapping subscriptions gets one copy of a message, at
//!   the highest granted QoS, carrying every matching Subscription
//!   Identifier (MQTT 5.0 section 3.3.4). mosquitto sends MQTT 5 clients
//!   one copy per subscription instead; both are allowed.
//! - QoS 0 messages are not queued for offline sessions (MQTT 3.1.1 and
//!   5.0 section 3.1.2.4: they MAY be). mosquitto 2.0.11 with its default
//!   configuration does queue them (seen in `tests/broker_differential.rs`).
//! - A client's PUBLISH to a topic starting with `$` is dropped (5.0: PUBACK
//!   0x87), since section 4.7.2 says the server SHOULD prevent clients from
//!   exchanging messages on such topics; mosquitto relays all but `$SYS`.
//! - Sessions live as long as the page (no disk).

mod log;

pub use log::{BrokerLog, WillCause};

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::time::Duration;

use crate::protocol::codec::{
    self, ConnAck, Connect, DecodeOptions, Disconnect, LastWill, Packet, PacketId, PacketType,
    Properties, PropertyId, PropertyValue, ProtocolVersion, PubResponse, Publish, QoS, QosPid,
    ReasonCode, RetainHandling, SubAck, Subscribe, SubscriptionOptions, UnsubAck, Unsubscribe,
};
use crate::protocol::inflight::{Awaiting, Outgoing};
use crate::protocol::session::PacketIdAllocator;
use crate::protocol::topic;
use crate::protocol::Instant;

/// One network connection to the broker, named by the caller's transport.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConnId(pub u64);

/// Limits of the sandbox broker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokerConfig {
    /// Largest packet accepted from a client.
    pub max_packet_size: u32,
    /// Unreleased QoS 2 messages accepted from one client (our Receive
    /// Maximum).
    pub receive_maximum: u16,
    /// Messages kept for one offline or busy session before new ones are
    /// dropped.
    pub max_queued_messages: usize,
    /// Topic aliases a client may use towards us.
    pub topic_alias_maximum: u16,
}

impl Default for BrokerConfig {
    fn default() -> Self {
        BrokerConfig {
            max_packet_size: codec::DEFAULT_MAX_PACKET_SIZE,
            receive_maximum: 32,
            max_queued_messages: 1000,
            topic_alias_maximum: 10,
        }
    }
}

/// A message waiting for room (the client's Receive Maximum) or for the
/// client to come back.
#[derive(Clone, Debug)]
struct Queued {
    publish: Publish,
    /// When it reached the broker, for Message Expiry.
    received_at: Instant,
    /// The publisher's Message Expiry Interval, kept apart from the copy's
    /// properties: a 3.1.1 subscriber's copy has none, yet the message
    /// still expires (MQTT 5.0 section 3.3.2.3.3).
    expiry: Option<u32>,
}

#[derive(Clone, Debug)]
struct Subscription {
    options: SubscriptionOptions,
    subscription_identifier: Option<u32>,
    /// Share name of a `$share/<group>/<filter>` subscription.
    share_group: Option<String>,
    /// The filter matched against topics (without the `$share` prefix).
    filter: String,
}

#[derive(Debug)]
struct SessionState {
    client_id: String,
    version: ProtocolVersion,
    conn: Option<u64>,
    subscriptions: BTreeMap<String, Subscription>,
    outgoing: VecDeque<Outgoing>,
    queue: VecDeque<Queued>,
    incoming_qos2: BTreeSet<u16>,
    ids: PacketIdAllocator,
    /// How long the session outlives its connection; `None` for as long as
    /// the page lives.
    expiry: Option<Duration>,
    disconnected_at: Option<Instant>,
    will: Option<LastWill>,
    will_due: Option<Instant>,
    client_receive_maximum: u16,
    client_max_packet_size: Option<u32>,
}

#[derive(Debug)]
struct Connection {
    version: Option<ProtocolVersion>,
    client_id: Option<String>,
    rx: Vec<u8>,
    keep_alive: Option<Duration>,
    last_received: Instant,
    aliases_in: HashMap<u16, String>,
}

/// What one session gets of a message: one copy at the highest QoS its
/// matching subscriptions grant, with all their Subscription Identifiers.
#[derive(Debug, Default)]
struct Target {
    qos: QoS,
    subscription_ids: Vec<u32>,
    retain_as_published: bool,
}

impl Target {
    fn add(&mut self, sub: &Subscription) {
        self.qos = self.qos.max(sub.options.qos);
        self.subscription_ids.extend(sub.subscription_identifier);
        self.retain_as_published |= sub.options.retain_as_published;
    }
}

/// A member of a shared subscription group.
#[derive(Debug)]
struct SharedMember {
    client_id: String,
    sub: Subscription,
}

#[derive(Clone, Debug)]
struct RetainedMessage {
    publish: Publish,
    received_at: Instant,
}

/// The sandbox broker. See the module docs for the call order.
#[derive(Debug, Default)]
pub struct Broker {
    config: BrokerConfig,
    connections: HashMap<u64, Connection>,
    sessions: HashMap<String, SessionState>,
    retained: BTreeMap<String, RetainedMessage>,
    shared_next: HashMap<String, usize>,
    transmit: VecDeque<(ConnId, Vec<u8>)>,
    closes: VecDeque<ConnId>,
    log: VecDeque<BrokerLog>,
    next_assigned: u64,
}

/// What the broker view shows of one client's session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientView {
    /// Client identifier.
    pub client_id: String,
    /// Whether a connection is attached.
    pub connected: bool,
    /// MQTT version it last connected with.
    pub version: ProtocolVersion,
    /// Subscription filters with their granted QoS.
    pub subscriptions: Vec<(String, QoS)>,
    /// Messages waiting (offline, or held by its Receive Maximum).
    pub queued: usize,
    /// QoS 1/2 messages sent to it and not yet acknowledged.
    pub inflight: usize,
    /// Whether a Will is set (or pending its delay).
    pub has_will: bool,
}

/// A retained message as the broker view shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetainedView {
    /// Topic.
    pub topic: String,
    /// Payload.
    pub payload: Vec<u8>,
    /// QoS it was published with.
    pub qos: QoS,
}

/// Everything the broker view shows, at one moment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BrokerSnapshot {
    /// Sessions, by client identifier.
    pub clients: Vec<ClientView>,
    /// Retained messages, by topic.
    pub retained: Vec<RetainedView>,
}

/// Seconds as a duration.
fn secs(s: u32) -> Duration {
    Duration::from_secs(u64::from(s))
}

impl Broker {
    /// A broker with `config` and nothing connected.
    pub fn new(config: BrokerConfig) -> Self {
        Broker {
            config,
            ..Default::default()
        }
    }

    /// A new network connection (before its CONNECT).
    pub fn handle_open(&mut self, conn: ConnId, now: Instant) {
        self.connections.insert(
            conn.0,
            Connection {
                version: None,
                client_id: None,
                rx: Vec::new(),
                keep_alive: None,
                last_received: now,
                aliases_in: HashMap::new(),
            },
        );
    }

    /// Bytes from a connection.
    pub fn handle_bytes(&mut self, conn: ConnId, bytes: &[u8], now: Instant) {
        let Some(c) = self.connections.get_mut(&conn.0) else {
            return;
        };
        c.rx.extend_from_slice(bytes);
        c.last_received = now;
        loop {
            let Some(c) = self.connections.get_mut(&conn.0) else {
                return;
            };
            let opts = DecodeOptions {
                version: c.version.unwrap_or(ProtocolVersion::V5),
                max_packet_size: self.config.max_packet_size,
            };
            match codec::decode(&c.rx, &opts) {
                Ok(Some((packet, used))) => {
                    c.rx.drain(..used);
                    self.handle_packet(conn, packet, now);
                }
                Ok(None) => return,
                Err(e) => {
                    let reason = e.reason_code();
                    self.violation(conn, reason, e.to_string(), now);
                    return;
                }
            }
        }
    }

    /// The connection closed (by the client, the network or after
    /// [`Broker::poll_close`]).
    pub fn handle_closed(&mut self, conn: ConnId, now: Instant) {
        self.drop_connection(conn, Some(WillCause::ConnectionLost), now);
    }

    /// Call when the deadline from [`Broker::poll_timeout`] has passed.
    pub fn handle_timeout(&mut self, now: Instant) {
        let expired: Vec<u64> = self
            .connections
            .iter()
            .filter(|(_, c)| {
                c.keep_alive
                    .is_some_and(|ka| now >= c.last_received + ka * 3 / 2)
            })
            .map(|(id, _)| *id)
            .collect();
        for id in expired {
            let conn = ConnId(id);
            let client_id = self.connections.get(&id).and_then(|c| c.client_id.clone());
            if let Some(client_id) = client_id {
                self.log
                    .push_back(BrokerLog::KeepAliveExpired { client_id });
            }
            self.send_disconnect(conn, ReasonCode::KEEP_ALIVE_TIMEOUT);
            self.close(conn, Some(WillCause::KeepAliveExpired), now);
        }
        let due_wills: Vec<String> = self
            .sessions
            .values()
            .filter(|s| s.will_due.is_some_and(|d| now >= d))
            .map(|s| s.client_id.clone())
            .collect();
        for client_id in due_wills {
            self.fire_will(&client_id, WillCause::ConnectionLost, now);
        }
        let expired_sessions: Vec<String> = self
            .sessions
            .values()
            .filter(|s| {
                s.conn.is_none()
                    && matches!((s.expiry, s.disconnected_at), (Some(e), Some(at)) if now >= at + e)
            })
            .map(|s| s.client_id.clone())
            .collect();
        for client_id in expired_sessions {
            self.fire_will(&client_id, WillCause::ConnectionLost, now);
            self.sessions.remove(&client_id);
            self.log.push_back(BrokerLog::SessionExpired { client_id });
        }
    }

    /// When to call [`Broker::handle_timeout`] next.
    pub fn poll_timeout(&self) -> Option<Instant> {
        let keep_alive = self
            .connections
            .values()
            .filter_map(|c| c.keep_alive.map(|ka| c.last_received + ka * 3 / 2));
        let wills = self.sessions.values().filter_map(|s| s.will_due);
        let expiry =
            self.sessions
                .values()
                .filter_map(|s| match (s.conn, s.expiry, s.disconnected_at) {
                    (None, Some(e), Some(at)) => Some(at + e),
                    _ => None,
                });
        keep_alive.chain(wills).chain(expiry).min()
    }

    /// Next bytes for a connection.
    pub fn poll_transmit(&mut self) -> Option<(ConnId, Vec<u8>)> {
        self.transmit.pop_front()
    }

    /// Next connection the broker has closed; the caller closes its
    /// transport after sending what was queued for it.
    pub fn poll_close(&mut self) -> Option<ConnId> {
        self.closes.pop_front()
    }

    /// Next entry of the decision log.
    pub fn poll_log(&mut self) -> Option<BrokerLog> {
        self.log.pop_front()
    }

    /// Retained messages, by topic.
    pub fn retained(&self) -> impl Iterator<Item = (&str, &Publish)> {
        self.retained.iter().map(|(t, m)| (t.as_str(), &m.publish))
    }

    /// Client identifiers with a session, and whether each is connected.
    pub fn sessions(&self) -> impl Iterator<Item = (&str, bool)> {
        self.sessions
            .values()
            .map(|s| (s.client_id.as_str(), s.conn.is_some()))
    }

    /// The subscription filters of a client's session.
    pub fn subscriptions_of(&self, client_id: &str) -> Vec<String> {
        self.sessions
            .get(client_id)
            .map(|s| s.subscriptions.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// What the broker view shows: sessions with their subscriptions and
    /// queues, and the retained store.
    pub fn snapshot(&self) -> BrokerSnapshot {
        let mut clients: Vec<ClientView> = self
            .sessions
            .values()
            .map(|s| ClientView {
                client_id: s.client_id.clone(),
                connected: s.conn.is_some(),
                version: s.version,
                subscriptions: s
                    .subscriptions
                    .iter()
                    .map(|(f, sub)| (f.clone(), sub.options.qos))
                    .collect(),
                queued: s.queue.len(),
                inflight: s.outgoing.len(),
                has_will: s.will.is_some(),
            })
            .collect();
        clients.sort_by(|a, b| a.client_id.cmp(&b.client_id));
        let retained = self
            .retained
            .iter()
            .map(|(t, m)| RetainedView {
                topic: t.clone(),
                payload: m.publish.payload.clone(),
                qos: m.publish.qos(),
            })
            .collect();
        BrokerSnapshot { clients, retained }
    }

    /// The client identifier a connection has, once its CONNECT was
    /// accepted.
    pub fn client_id_of(&self, conn: ConnId) -> Option<&str> {
        self.connections.get(&conn.0)?.client_id.as_deref()
    }

    /// Messages queued for a client's session.
    pub fn queued_for(&self, client_id: &str) -> usize {
        self.sessions.get(client_id).map_or(0, |s| s.queue.len())
    }

    // ----- internals -----

    fn version_of(&self, conn: ConnId) -> ProtocolVersion {
        self.connections
            .get(&conn.0)
            .and_then(|c| c.version)
            .unwrap_or(ProtocolVersion::V5)
    }

    fn send(&mut self, conn: ConnId, packet: Packet) {
        let version = self.version_of(conn);
        if let Ok(bytes) = codec::encode_to_vec(&packet, version) {
            self.transmit.push_back((conn, bytes));
        }
    }

    fn send_disconnect(&mut self, conn: ConnId, reason_code: ReasonCode) {
        let connected = self
            .connections
            .get(&conn.0)
            .is_some_and(|c| c.client_id.is_some());
        if connected && self.version_of(conn).is_v5() {
            self.send(
                conn,
                Packet::Disconnect(Disconnect {
                    reason_code,
                    properties: Properties::new(),
                }),
            );
        }
    }

    /// Closes a connection over a protocol error: DISCONNECT with the reason
    /// (5.0, once connected), then the Will as for a lost connection.
    fn violation(&mut self, conn: ConnId, reason: ReasonCode, detail: String, now: Instant) {
        let client_id = self
            .connections
            .get(&conn.0)
            .and_then(|c| c.client_id.clone());
        self.log
            .push_back(BrokerLog::ProtocolViolation { client_id, detail });
        let code = if reason.is_allowed(PacketType::Disconnect, ProtocolVersion::V5) {
            reason
        } else {
            ReasonCode::PROTOCOL_ERROR
        };
        self.send_disconnect(conn, code);
        self.close(conn, Some(WillCause::ProtocolError), now);
    }

    fn close(&mut self, conn: ConnId, will: Option<WillCause>, now: Instant) {
        if self.connections.contains_key(&conn.0) {
            self.closes.push_back(conn);
        }
        self.drop_connection(conn, will, now);
    }

    /// Forgets a connection; its session lives on (or ends) per its expiry,
    /// and its Will is published now, later (Will Delay) or not at all.
    fn drop_connection(&mut self, conn: ConnId, will: Option<WillCause>, now: Instant) {
        let Some(c) = self.connections.remove(&conn.0) else {
            return;
        };
        let Some(client_id) = c.client_id else {
            return;
        };
        let Some(s) = self.sessions.get_mut(&client_id) else {
            return;
        };
        if s.conn != Some(conn.0) {
            return;
        }
        s.conn = None;
        s.disconnected_at = Some(now);
        self.log.push_back(BrokerLog::Disconnected {
            client_id: client_id.clone(),
            graceful: will.is_none(),
        });
        match will {
            Some(cause) => {
                let delay = s
                    .will
                    .as_ref()
                    .and_then(|w| w.properties.integer(PropertyId::WillDelayInterval))
                    .unwrap_or(0);
                if delay == 0 {
                    self.fire_will(&client_id, cause, now);
                } else if let Some(s) = self.sessions.get_mut(&client_id) {
                    s.will_due = Some(now + secs(delay));
                }
            }
            None => {
                if s.will.take().is_some() {
                    self.log.push_back(BrokerLog::WillDiscarded {
                        client_id: client_id.clone(),
                    });
                }
            }
        }
        if self
            .sessions
            .get(&client_id)
            .is_some_and(|s| s.expiry == Some(Duration::ZERO))
        {
            // The session ends with the connection; a delayed Will goes now
            // (spec 3.1.3.2.2: whichever of the two comes first).
            self.fire_will(&client_id, WillCause::ConnectionLost, now);
            self.sessions.remove(&client_id);
        }
    }

    fn fire_will(&mut self, client_id: &str, cause: WillCause, now: Instant) {
        let Some(s) = self.sessions.get_mut(client_id) else {
            return;
        };
        s.will_due = None;
        let Some(will) = s.will.take() else {
            return;
        };
        self.log.push_back(BrokerLog::WillPublished {
            client_id: client_id.to_owned(),
            topic: will.topic.clone(),
            why: cause,
        });
        let mut properties = will.properties.clone();
        properties.remove(PropertyId::WillDelayInterval);
        let publish = Publish {
            dup: false,
            qos_pid: match will.qos {
                QoS::AtMostOnce => QosPid::AtMostOnce,
                // Placeholder identifier: routing assigns one per receiver.
                q => QosPid::new(q, PacketId::new(1).unwrap_or_else(|| unreachable!())),
            },
            retain: will.retain,
            topic: will.topic,
            properties,
            payload: will.payload,
        };
        self.accept_publish(None, publish, now);
    }

    fn handle_packet(&mut self, conn: ConnId, packet: Packet, now: Instant) {
        let connected = self
            .connections
            .get(&conn.0)
            .is_some_and(|c| c.client_id.is_some());
        match packet {
            Packet::Connect(c) if !connected => self.on_connect(conn, c, now),
            Packet::Publish(p) if connected => self.on_publish(conn, p, now),
            Packet::PubAck(r) if connected => self.on_ack(conn, r, Awaiting::PubAck, now),
            Packet::PubRec(r) if connected => self.on_pubrec(conn, r),
            Packet::PubRel(r) if connected => self.on_pubrel(conn, r),
            Packet::PubComp(r) if connected => self.on_ack(conn, r, Awaiting::PubComp, now),
            Packet::Subscribe(s) if connected => self.on_subscribe(conn, s, now),
            Packet::Unsubscribe(u) if connected => self.on_unsubscribe(conn, u),
            Packet::PingReq if connected => self.send(conn, Packet::PingResp),
            Packet::Disconnect(d) if connected => self.on_disconnect(conn, d, now),
            other => {
                let detail = if connected {
                    format!("a client may not send {}", other.packet_type())
                } else {
                    format!(
                        "the first packet must be CONNECT, not {}",
                        other.packet_type()
                    )
                };
                self.violation(conn, ReasonCode::PROTOCOL_ERROR, detail, now);
            }
        }
    }

    fn session_of(&mut self, conn: ConnId) -> Option<&mut SessionState> {
        let client_id = self.connections.get(&conn.0)?.client_id.clone()?;
        self.sessions.get_mut(&client_id)
    }

    fn on_connect(&mut self, conn: ConnId, c: Connect, now: Instant) {
        let version = c.protocol_version;
        if let Some(cn) = self.connections.get_mut(&conn.0) {
            cn.version = Some(version);
        }
        let mut client_id = c.client_id.clone();
        let mut assigned = false;
        if client_id.is_empty() {
            if version == ProtocolVersion::V311 && !c.clean_start {
                // 3.1.1 section 3.1.3.1: a zero-length id needs Clean Session.
                self.refuse(conn, &client_id, ReasonCode(2));
                return;
            }
            self.next_assigned += 1;
            client_id = format!("sandbox-{}", self.next_assigned);
            assigned = true;
        }
        // Take-over: the old connection of this client id is closed.
        if let Some(old) = self.sessions.get(&client_id).and_then(|s| s.conn) {
            self.log.push_back(BrokerLog::TakenOver {
                client_id: client_id.clone(),
            });
            self.send_disconnect(ConnId(old), ReasonCode::SESSION_TAKEN_OVER);
            self.close(ConnId(old), Some(WillCause::TakenOver), now);
        }
        let expiry = match version {
            // 3.1.1: Clean Session ends the session with the connection;
            // otherwise it lives as long as the page.
            ProtocolVersion::V311 if c.clean_start => Some(Duration::ZERO),
            ProtocolVersion::V311 => None,
            ProtocolVersion::V5 => match c
                .properties
                .integer(PropertyId::SessionExpiryInterval)
                .unwrap_or(0)
            {
                u32::MAX => None,
                s => Some(secs(s)),
            },
        };
        let session_present = !c.clean_start && self.sessions.contains_key(&client_id);
        if !session_present {
            if let Some(old) = self.sessions.remove(&client_id) {
                // A pending delayed Will of the old session goes now.
                if old.will.is_some() && old.will_due.is_some() {
                    self.sessions.insert(client_id.clone(), old);
                    self.fire_will(&client_id, WillCause::ConnectionLost, now);
                    self.sessions.remove(&client_id);
                }
            }
            self.sessions.insert(
                client_id.clone(),
                SessionState {
                    client_id: client_id.clone(),
                    version,
                    conn: None,
                    subscriptions: BTreeMap::new(),
                    outgoing: VecDeque::new(),
                    queue: VecDeque::new(),
                    incoming_qos2: BTreeSet::new(),
                    ids: PacketIdAllocator::default(),
                    expiry,
                    disconnected_at: None,
                    will: None,
                    will_due: None,
                    client_receive_maximum: u16::MAX,
                    client_max_packet_size: None,
                },
            );
        }
        let Some(s) = self.sessions.get_mut(&client_id) else {
            return;
        };
        if s.will_due.take().is_some() && s.will.is_some() {
            // Back within the Will Delay Interval: the old Will is not sent.
            s.will = None;
            self.log.push_back(BrokerLog::WillDiscarded {
                client_id: client_id.clone(),
            });
        }
        let Some(s) = self.sessions.get_mut(&client_id) else {
            return;
        };
        s.version = version;
        s.conn = Some(conn.0);
        s.expiry = expiry;
        s.disconnected_at = None;
        s.will = c.will.clone();
        s.client_receive_maximum = c
            .properties
            .integer(PropertyId::ReceiveMaximum)
            .map_or(u16::MAX, |v| v as u16);
        s.client_max_packet_size = c.properties.integer(PropertyId::MaximumPacketSize);
        if let Some(cn) = self.connections.get_mut(&conn.0) {
            cn.client_id = Some(client_id.clone());
            cn.keep_alive = (c.keep_alive > 0).then(|| secs(u32::from(c.keep_alive)));
            cn.last_received = now;
        }
        let mut properties = Properties::new();
        if version.is_v5() {
            let mut set = |id, v| {
                properties.set(id, PropertyValue::Integer(v));
            };
            set(
                PropertyId::ReceiveMaximum,
                u32::from(self.config.receive_maximum.max(1)),
            );
            set(
                PropertyId::MaximumPacketSize,
                self.config.max_packet_size.max(1),
            );
            set(
                PropertyId::TopicAliasMaximum,
                u32::from(self.config.topic_alias_maximum),
            );
            if assigned {
                properties.set(
                    PropertyId::AssignedClientIdentifier,
                    PropertyValue::String(client_id.clone()),
                );
            }
        }
        self.send(
            conn,
            Packet::ConnAck(ConnAck {
                session_present,
                reason_code: ReasonCode::SUCCESS,
                properties,
            }),
        );
        self.log.push_back(BrokerLog::Connected {
            client_id: client_id.clone(),
            session_present,
        });
        if session_present {
            self.resend_inflight(conn, &client_id);
        }
        self.pump(&client_id, now);
    }

    fn refuse(&mut self, conn: ConnId, client_id: &str, reason_code: ReasonCode) {
        self.log.push_back(BrokerLog::Refused {
            client_id: client_id.to_owned(),
            reason_code,
        });
        self.send(
            conn,
            Packet::ConnAck(ConnAck {
                session_present: false,
                reason_code,
                properties: Properties::new(),
            }),
        );
        self.closes.push_back(conn);
        self.connections.remove(&conn.0);
    }

    /// Resumed session: unacknowledged PUBLISH again with DUP=1, PUBREL for
    /// those past PUBREC, in order (spec 4.4).
    fn resend_inflight(&mut self, conn: ConnId, client_id: &str) {
        let Some(s) = self.sessions.get(client_id) else {
            return;
        };
        let packets: Vec<Packet> = s
            .outgoing
            .iter()
            .map(|o| match o.stage {
                Awaiting::PubComp => Packet::PubRel(PubResponse::new(o.id)),
                _ => {
                    let mut p = o.publish.clone();
                    p.dup = true;
                    Packet::Publish(p)
                }
            })
            .collect();
        for p in packets {
            self.send(conn, p);
        }
    }

    fn on_disconnect(&mut self, conn: ConnId, d: Disconnect, now: Instant) {
        let with_will = d.reason_code == ReasonCode::DISCONNECT_WITH_WILL_MESSAGE;
        if let Some(e) = d.properties.integer(PropertyId::SessionExpiryInterval) {
            if let Some(s) = self.session_of(conn) {
                s.expiry = if e == u32::MAX { None } else { Some(secs(e)) };
            }
        }
        self.close(conn, with_will.then_some(WillCause::RequestedByClient), now);
    }

    fn on_publish(&mut self, conn: ConnId, mut p: Publish, now: Instant) {
        let version = self.version_of(conn);
        if let Some(alias) = p.properties.integer(PropertyId::TopicAlias) {
            let alias = alias as u16;
            if alias > self.config.topic_alias_maximum {
                let detail = format!(
                    "Topic Alias {alias} is above the maximum {}",
                    self.config.topic_alias_maximum
                );
                self.violation(conn, ReasonCode::TOPIC_ALIAS_INVALID, detail, now);
                return;
            }
            let Some(c) = self.connections.get_mut(&conn.0) else {
                return;
            };
            if p.topic.is_empty() {
                match c.aliases_in.get(&alias) {
                    Some(t) => p.topic = t.clone(),
                    None => {
                        let detail = format!("Topic Alias {alias} was used before it was set");
                        self.violation(conn, ReasonCode::PROTOCOL_ERROR, detail, now);
                        return;
                    }
                }
            } else {
                c.aliases_in.insert(alias, p.topic.clone());
            }
            p.properties.remove(PropertyId::TopicAlias);
        }
        if p.topic.starts_with('$') {
            // Clients may not publish to $-topics (spec 4.7.2); accept and drop.
            if let Some(id) = p.qos_pid.packet_id() {
                self.ack_incoming(conn, p.qos(), id, ReasonCode::NOT_AUTHORIZED, version);
            }
            return;
        }
        let from = self
            .connections
            .get(&conn.0)
            .and_then(|c| c.client_id.clone());
        match p.qos_pid {
            QosPid::AtMostOnce => {
                self.accept_publish(from, p, now);
            }
            QosPid::AtLeastOnce(id) => {
                let matched = self.accept_publish(from, p, now);
                let code = if matched {
                    ReasonCode::SUCCESS
                } else {
                    ReasonCode::NO_MATCHING_SUBSCRIBERS
                };
                self.ack_incoming(conn, QoS::AtLeastOnce, id, code, version);
            }
            QosPid::ExactlyOnce(id) => {
                let maximum = self.config.receive_maximum;
                let Some(s) = self.session_of(conn) else {
                    return;
                };
                if s.incoming_qos2.contains(&id.get()) {
                    self.ack_incoming(conn, QoS::ExactlyOnce, id, ReasonCode::SUCCESS, version);
                    return;
                }
                if version.is_v5() && s.incoming_qos2.len() >= usize::from(maximum) {
                    let detail = format!("more than {maximum} unreleased QoS 2 messages");
                    self.violation(conn, ReasonCode::RECEIVE_MAXIMUM_EXCEEDED, detail, now);
                    return;
                }
                s.incoming_qos2.insert(id.get());
                let matched = self.accept_publish(from, p, now);
                let code = if matched {
                    ReasonCode::SUCCESS
                } else {
                    ReasonCode::NO_MATCHING_SUBSCRIBERS
                };
                self.ack_incoming(conn, QoS::ExactlyOnce, id, code, version);
            }
        }
    }

    fn ack_incoming(
        &mut self,
        conn: ConnId,
        qos: QoS,
        id: PacketId,
        code: ReasonCode,
        version: ProtocolVersion,
    ) {
        let mut ack = PubResponse::new(id);
        if version.is_v5() {
            ack.reason_code = code;
        }
        let packet = match qos {
            QoS::ExactlyOnce => Packet::PubRec(ack),
            _ => Packet::PubAck(ack),
        };
        self.send(conn, packet);
    }

    fn on_pubrel(&mut self, conn: ConnId, r: PubResponse) {
        let version = self.version_of(conn);
        let known = self
            .session_of(conn)
            .is_some_and(|s| s.incoming_qos2.remove(&r.packet_id.get()));
        let mut comp = PubResponse::new(r.packet_id);
        if !known && version.is_v5() {
            comp.reason_code = ReasonCode::PACKET_IDENTIFIER_NOT_FOUND;
        }
        self.send(conn, Packet::PubComp(comp));
    }

    fn on_ack(&mut self, conn: ConnId, r: PubResponse, stage: Awaiting, now: Instant) {
        let Some(s) = self.session_of(conn) else {
            return;
        };
        if let Some(i) = s
            .outgoing
            .iter()
            .position(|o| o.id == r.packet_id && o.stage == stage)
        {
            s.outgoing.remove(i);
            s.ids.release(r.packet_id);
        }
        let client_id = s.client_id.clone();
        self.pump(&client_id, now);
    }

    fn on_pubrec(&mut self, conn: ConnId, r: PubResponse) {
        let version = self.version_of(conn);
        let Some(s) = self.session_of(conn) else {
            return;
        };
        let mut rel = PubResponse::new(r.packet_id);
        match s.outgoing.iter().position(|o| o.id == r.packet_id) {
            Some(i) if r.reason_code.is_error() => {
                s.outgoing.remove(i);
                s.ids.release(r.packet_id);
                return;
            }
            Some(i) => s.outgoing[i].stage = Awaiting::PubComp,
            None if version.is_v5() => rel.reason_code = ReasonCode::PACKET_IDENTIFIER_NOT_FOUND,
            None => {}
        }
        self.send(conn, Packet::PubRel(rel));
    }

    fn on_subscribe(&mut self, conn: ConnId, sub: Subscribe, now: Instant) {
        let version = self.version_of(conn);
        let sid = sub.properties.subscription_identifiers().next();
        let Some(client_id) = self
            .connections
            .get(&conn.0)
            .and_then(|c| c.client_id.clone())
        else {
            return;
        };
        let mut codes = Vec::with_capacity(sub.filters.len());
        let mut retained_for = Vec::new();
        for f in &sub.filters {
            let parsed = match topic::validate_topic_filter(&f.filter) {
                Ok(p) => p,
                Err(_) => {
                    codes.push(if version.is_v5() {
                        ReasonCode::TOPIC_FILTER_INVALID
                    } else {
                        ReasonCode(0x80)
                    });
                    self.log.push_back(BrokerLog::Subscribed {
                        client_id: client_id.clone(),
                        filter: f.filter.clone(),
                        result: ReasonCode::TOPIC_FILTER_INVALID,
                    });
                    continue;
                }
            };
            if parsed.share_group.is_some() && f.options.no_local {
                let detail = "No Local on a shared subscription".to_owned();
                self.violation(conn, ReasonCode::PROTOCOL_ERROR, detail, now);
                return;
            }
            let entry = Subscription {
                options: f.options,
                subscription_identifier: sid,
                share_group: parsed.share_group.map(str::to_owned),
                filter: parsed.filter.to_owned(),
            };
            let Some(s) = self.sessions.get_mut(&client_id) else {
                return;
            };
            let existed = s.subscriptions.insert(f.filter.clone(), entry).is_some();
            let send_retained = parsed.share_group.is_none()
                && match f.options.retain_handling {
                    RetainHandling::SendAtSubscribe => true,
                    RetainHandling::SendAtSubscribeIfNew => !existed,
                    RetainHandling::DoNotSend => false,
                };
            if send_retained {
                retained_for.push((parsed.filter.to_owned(), f.options.qos));
            }
            let code = ReasonCode(f.options.qos.as_u8());
            codes.push(code);
            self.log.push_back(BrokerLog::Subscribed {
                client_id: client_id.clone(),
                filter: f.filter.clone(),
                result: code,
            });
        }
        self.send(
            conn,
            Packet::SubAck(SubAck {
                packet_id: sub.packet_id,
                properties: Properties::new(),
                reason_codes: codes,
            }),
        );
        for (filter, qos) in retained_for {
            let matching: Vec<RetainedMessage> = self
                .retained
                .iter()
                .filter(|(t, _)| topic::matches(&filter, t))
                .map(|(_, m)| m.clone())
                .collect();
            for m in matching {
                let ids: Vec<u32> = sid.into_iter().collect();
                self.deliver(
                    &client_id,
                    &m.publish,
                    qos.min(m.publish.qos()),
                    true,
                    &ids,
                    m.received_at,
                    now,
                );
            }
        }
    }

    fn on_unsubscribe(&mut self, conn: ConnId, u: Unsubscribe) {
        let version = self.version_of(conn);
        let Some(s) = self.session_of(conn) else {
            return;
        };
        let client_id = s.client_id.clone();
        let mut codes = Vec::new();
        let mut logs = Vec::new();
        for f in &u.filters {
            let existed = s.subscriptions.remove(f).is_some();
            codes.push(if existed {
                ReasonCode::SUCCESS
            } else {
                ReasonCode::NO_SUBSCRIPTION_EXISTED
            });
            logs.push(BrokerLog::Unsubscribed {
                client_id: client_id.clone(),
                filter: f.clone(),
                existed,
            });
        }
        self.log.extend(logs);
        let reason_codes = if version.is_v5() { codes } else { Vec::new() };
        self.send(
            conn,
            Packet::UnsubAck(UnsubAck {
                packet_id: u.packet_id,
                properties: Properties::new(),
                reason_codes,
            }),
        );
    }

    /// Stores or clears a retained message and routes `p` to every matching
    /// subscription. `from` is the publishing client (for No Local), `None`
    /// for a Will. Returns whether any subscription matched.
    fn accept_publish(&mut self, from: Option<String>, p: Publish, now: Instant) -> bool {
        if p.retain {
            if p.payload.is_empty() {
                if self.retained.remove(&p.topic).is_some() {
                    self.log.push_back(BrokerLog::RetainedCleared {
                        topic: p.topic.clone(),
                    });
                }
            } else {
                self.retained.insert(
                    p.topic.clone(),
                    RetainedMessage {
                        publish: p.clone(),
                        received_at: now,
                    },
                );
                self.log.push_back(BrokerLog::RetainedStored {
                    topic: p.topic.clone(),
                });
            }
        }
        // Per session: the highest granted QoS, all Subscription Identifiers,
        // and whether any matching subscription keeps the RETAIN flag.
        let mut targets: BTreeMap<String, Target> = BTreeMap::new();
        let mut shared: BTreeMap<(String, String), Vec<SharedMember>> = BTreeMap::new();
        for s in self.sessions.values() {
            for sub in s.subscriptions.values() {
                if !topic::matches(&sub.filter, &p.topic) {
                    continue;
                }
                if let Some(group) = &sub.share_group {
                    shared
                        .entry((group.clone(), sub.filter.clone()))
                        .or_default()
                        .push(SharedMember {
                            client_id: s.client_id.clone(),
                            sub: sub.clone(),
                        });
                    continue;
                }
                if sub.options.no_local && from.as_deref() == Some(s.client_id.as_str()) {
                    continue;
                }
                targets.entry(s.client_id.clone()).or_default().add(sub);
            }
        }
        for ((group, filter), members) in shared {
            // Round robin over the group, preferring connected members.
            let key = format!("{group}/{filter}");
            let turn = self.shared_next.get(&key).copied().unwrap_or(0);
            let connected: Vec<&SharedMember> = members
                .iter()
                .filter(|m| {
                    self.sessions
                        .get(&m.client_id)
                        .is_some_and(|s| s.conn.is_some())
                })
                .collect();
            let pool: Vec<&SharedMember> = if connected.is_empty() {
                members.iter().collect()
            } else {
                connected
            };
            let chosen = pool[turn % pool.len()];
            self.shared_next.insert(key, turn + 1);
            targets
                .entry(chosen.client_id.clone())
                .or_default()
                .add(&chosen.sub);
        }
        let publisher = from.unwrap_or_else(|| "(will)".to_owned());
        if targets.is_empty() {
            self.log.push_back(BrokerLog::NoMatchingSubscribers {
                topic: p.topic.clone(),
            });
            return false;
        }
        self.log.push_back(BrokerLog::Routed {
            from: publisher,
            topic: p.topic.clone(),
            qos: p.qos(),
            receivers: targets.keys().cloned().collect(),
        });
        for (client_id, t) in targets {
            let retain = p.retain && t.retain_as_published;
            self.deliver(
                &client_id,
                &p,
                t.qos.min(p.qos()),
                retain,
                &t.subscription_ids,
                now,
                now,
            );
        }
        true
    }

    /// Sends or queues one copy of `p` for a session.
    #[allow(clippy::too_many_arguments)]
    fn deliver(
        &mut self,
        client_id: &str,
        p: &Publish,
        qos: QoS,
        retain: bool,
        subscription_ids: &[u32],
        received_at: Instant,
        now: Instant,
    ) {
        let max_queued = self.config.max_queued_messages;
        let Some(s) = self.sessions.get_mut(client_id) else {
            return;
        };
        let mut properties = Properties::new();
        for prop in p.properties.iter() {
            if !matches!(
                prop.id,
                PropertyId::TopicAlias | PropertyId::SubscriptionIdentifier
            ) {
                properties.0.push(prop.clone());
            }
        }
        if s.version.is_v5() {
            for id in subscription_ids {
                properties.set(
                    PropertyId::SubscriptionIdentifier,
                    PropertyValue::Integer(*id),
                );
            }
        } else {
            properties = Properties::new();
        }
        let copy = Publish {
            dup: false,
            qos_pid: match qos {
                QoS::AtMostOnce => QosPid::AtMostOnce,
                q => QosPid::new(q, PacketId::new(1).unwrap_or_else(|| unreachable!())),
            },
            retain,
            topic: p.topic.clone(),
            properties,
            payload: p.payload.clone(),
        };
        if s.conn.is_none() && qos == QoS::AtMostOnce {
            return;
        }
        if s.queue.len() >= max_queued {
            self.log.push_back(BrokerLog::QueueFull {
                client_id: client_id.to_owned(),
                topic: p.topic.clone(),
            });
            return;
        }
        if s.conn.is_none() {
            self.log.push_back(BrokerLog::Queued {
                client_id: client_id.to_owned(),
                topic: p.topic.clone(),
            });
        }
        s.queue.push_back(Queued {
            publish: copy,
            received_at,
            expiry: p.properties.integer(PropertyId::MessageExpiryInterval),
        });
        let client_id = client_id.to_owned();
        self.pump(&client_id, now);
    }

    /// Sends queued messages while the client's Receive Maximum allows
    /// (QoS 0 needs no room), dropping expired ones (Message Expiry).
    fn pump(&mut self, client_id: &str, now: Instant) {
        loop {
            let Some(s) = self.sessions.get_mut(client_id) else {
                return;
            };
            let Some(conn) = s.conn else {
                return;
            };
            let room = s.outgoing.len() < usize::from(s.client_receive_maximum.max(1));
            let Some(front) = s.queue.front() else {
                return;
            };
            if front.publish.qos() != QoS::AtMostOnce && !room {
                return;
            }
            let Some(mut q) = s.queue.pop_front() else {
                return;
            };
            if let Some(expiry) = q.expiry {
                let waited = now.saturating_duration_since(q.received_at).as_secs();
                let left = u64::from(expiry).saturating_sub(waited);
                if left == 0 {
                    self.log.push_back(BrokerLog::Expired {
                        client_id: client_id.to_owned(),
                        topic: q.publish.topic.clone(),
                    });
                    continue;
                }
                if s.version.is_v5() {
                    q.publish.properties.set(
                        PropertyId::MessageExpiryInterval,
                        PropertyValue::Integer(left as u32),
                    );
                }
            }
            let qos = q.publish.qos();
            if qos != QoS::AtMostOnce {
                let Some(id) = s.ids.allocate() else {
                    s.queue.push_front(q);
                    return;
                };
                q.publish.qos_pid = QosPid::new(qos, id);
                s.outgoing.push_back(Outgoing {
                    id,
                    publish: q.publish.clone(),
                    stage: if qos == QoS::ExactlyOnce {
                        Awaiting::PubRec
                    } else {
                        Awaiting::PubAck
                    },
                });
            }
            let too_large = s.client_max_packet_size.is_some_and(|max| {
                q.publish
                    .encoded_len(s.version)
                    .map_or(true, |len| len > max as usize)
            });
            if too_large {
                // Spec 3.1.2.11.4: discard as if delivered.
                if let Some(id) = q.publish.qos_pid.packet_id() {
                    s.outgoing.retain(|o| o.id != id);
                    s.ids.release(id);
                }
                continue;
            }
            self.send(ConnId(conn), Packet::Publish(q.publish));
        }
    }
}
