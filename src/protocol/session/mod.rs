//! The client session: a sans-IO MQTT 3.1.1 / 5.0 client state machine.
//!
//! After quinn-proto and str0m: the session owns no socket and never reads
//! the clock. The driver feeds it and drains it:
//!
//! 1. When the transport opens, call [`Session::connect`].
//! 2. Feed every received chunk to [`Session::handle_bytes`], user actions to
//!    the commands ([`Session::publish`], [`Session::subscribe`]…), and call
//!    [`Session::handle_timeout`] when the deadline from
//!    [`Session::poll_timeout`] passes.
//! 3. After each of those, drain [`Session::poll_transmit`] (bytes for the
//!    transport) and [`Session::poll_event`] (for the UI), then re-arm one
//!    timer at [`Session::poll_timeout`].
//! 4. On [`Event::Closed`], close the transport once the queued bytes are
//!    sent; when the transport closes by itself, call
//!    [`Session::handle_transport_closed`]. To reconnect, open a new
//!    transport and call `connect` again: in-flight QoS 1/2 messages,
//!    subscriptions and the QoS 2 receive state survive, as the spec's
//!    session state does.

mod event;
mod options;
pub mod packet_id;
pub mod reconnect;

pub use event::{CloseReason, CommandError, Event, Message, ProtocolError, SubscribeResult};
pub use options::{ConnectOptions, Negotiated};
pub use packet_id::PacketIdAllocator;
pub use reconnect::{Backoff, ReconnectPolicy};

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::time::Duration;

use crate::protocol::codec::{
    self, ConnAck, Connect, DecodeOptions, Disconnect, Packet, PacketId, PacketType, Properties,
    PropertyId, PropertyValue, ProtocolVersion, PubResponse, Publish, QoS, QosPid, ReasonCode,
    SubAck, Subscribe, SubscribeFilter, UnsubAck, Unsubscribe,
};
use crate::protocol::inflight::{Awaiting, Outgoing};
use crate::protocol::topic;
use crate::protocol::Instant;

/// A message the application wants to publish.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutgoingPublish {
    /// Topic Name (no wildcards).
    pub topic: String,
    /// Payload.
    pub payload: Vec<u8>,
    /// QoS.
    pub qos: QoS,
    /// RETAIN.
    pub retain: bool,
    /// PUBLISH properties (5.0).
    pub properties: Properties,
}

impl OutgoingPublish {
    /// A QoS 0, non-retained message.
    pub fn new(topic: impl Into<String>, payload: impl Into<Vec<u8>>) -> Self {
        OutgoingPublish {
            topic: topic.into(),
            payload: payload.into(),
            ..Default::default()
        }
    }

    /// With this QoS.
    pub fn qos(mut self, qos: QoS) -> Self {
        self.qos = qos;
        self
    }

    /// With this RETAIN flag.
    pub fn retain(mut self, retain: bool) -> Self {
        self.retain = retain;
        self
    }

    /// With these properties.
    pub fn properties(mut self, properties: Properties) -> Self {
        self.properties = properties;
        self
    }
}

/// A subscription the session keeps, to send again when the server has
/// lost our session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubscriptionEntry {
    /// Filter and options.
    pub filter: SubscribeFilter,
    /// Subscription Identifier (5.0), if one was given.
    pub subscription_identifier: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Disconnected,
    AwaitingConnAck,
    Connected,
}

/// The client session. See the module docs for the call order.
#[derive(Debug)]
pub struct Session {
    options: ConnectOptions,
    state: State,
    negotiated: Option<Negotiated>,
    assigned_client_id: Option<String>,
    rx: Vec<u8>,
    transmit: VecDeque<Vec<u8>>,
    events: VecDeque<Event>,
    packet_events: bool,
    ids: PacketIdAllocator,
    /// Sent, awaiting acknowledgement. PUBLISHes keep the order they were
    /// first sent in; a QoS 2 message moves to the back when its PUBREC
    /// arrives, so resent PUBRELs follow PUBREC order (spec 4.6).
    inflight: VecDeque<Outgoing>,
    /// Held back by the server's Receive Maximum.
    waiting: VecDeque<Outgoing>,
    /// QoS 2 messages delivered and awaiting PUBREL.
    incoming_qos2: BTreeSet<u16>,
    pending_subscribes: BTreeMap<u16, Subscribe>,
    pending_unsubscribes: BTreeMap<u16, Unsubscribe>,
    subscriptions: Vec<SubscriptionEntry>,
    /// Topic → alias the server currently maps back to that topic.
    aliases_out: HashMap<String, u16>,
    /// The next alias to hand out automatically; numbers are not reused
    /// within a connection, so two topics never share one.
    next_alias_out: u32,
    aliases_in: HashMap<u16, String>,
    last_sent: Instant,
    last_received: Instant,
    connect_deadline: Option<Instant>,
    ping_outstanding: bool,
}

impl Session {
    /// A disconnected session that will connect with `options`.
    pub fn new(options: ConnectOptions) -> Self {
        Session {
            options,
            state: State::Disconnected,
            negotiated: None,
            assigned_client_id: None,
            rx: Vec::new(),
            transmit: VecDeque::new(),
            events: VecDeque::new(),
            packet_events: true,
            ids: PacketIdAllocator::default(),
            inflight: VecDeque::new(),
            waiting: VecDeque::new(),
            incoming_qos2: BTreeSet::new(),
            pending_subscribes: BTreeMap::new(),
            pending_unsubscribes: BTreeMap::new(),
            subscriptions: Vec::new(),
            aliases_out: HashMap::new(),
            next_alias_out: 1,
            aliases_in: HashMap::new(),
            last_sent: Instant::default(),
            last_received: Instant::default(),
            connect_deadline: None,
            ping_outstanding: false,
        }
    }

    /// The options the next `connect` uses.
    pub fn options(&self) -> &ConnectOptions {
        &self.options
    }

    /// Changes the options for the next `connect` (the session state stays).
    pub fn set_options(&mut self, options: ConnectOptions) {
        if options.client_id != self.options.client_id {
            self.assigned_client_id = None;
        }
        self.options = options;
    }

    /// Whether every packet is also reported as [`Event::PacketSent`] /
    /// [`Event::PacketReceived`] (on by default; the packet inspector needs
    /// it, a benchmark may not).
    pub fn set_packet_events(&mut self, on: bool) {
        self.packet_events = on;
    }

    /// `true` between an accepting CONNACK and the end of the connection.
    pub fn is_connected(&self) -> bool {
        self.state == State::Connected
    }

    /// What the current (or last) connection runs with.
    pub fn negotiated(&self) -> Option<&Negotiated> {
        self.negotiated.as_ref()
    }

    /// The version in use (or asked for, before CONNACK).
    pub fn version(&self) -> ProtocolVersion {
        self.options.version
    }

    /// The subscriptions the session keeps.
    pub fn subscriptions(&self) -> &[SubscriptionEntry] {
        &self.subscriptions
    }

    /// QoS 1/2 messages sent and not yet acknowledged.
    pub fn inflight_len(&self) -> usize {
        self.inflight.len()
    }

    /// QoS 1/2 messages waiting for room under the server's Receive Maximum.
    pub fn queued_len(&self) -> usize {
        self.waiting.len()
    }

    /// Next bytes to write to the transport.
    pub fn poll_transmit(&mut self) -> Option<Vec<u8>> {
        self.transmit.pop_front()
    }

    /// Next event for the UI.
    pub fn poll_event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    /// When to call [`Session::handle_timeout`] next; `None` for never.
    pub fn poll_timeout(&self) -> Option<Instant> {
        match self.state {
            State::Disconnected => None,
            State::AwaitingConnAck => self.connect_deadline,
            State::Connected => {
                let ka = self.keep_alive()?;
                let dead = self.last_received + ka * 3 / 2;
                if self.ping_outstanding {
                    Some(dead)
                } else {
                    Some(dead.min(self.last_sent.min(self.last_received) + ka))
                }
            }
        }
    }

    fn keep_alive(&self) -> Option<Duration> {
        let secs = self
            .negotiated
            .as_ref()
            .map_or(self.options.keep_alive, |n| n.keep_alive);
        (secs > 0).then(|| Duration::from_secs(u64::from(secs)))
    }

    /// Starts a connection on a freshly opened transport: queues CONNECT.
    pub fn connect(&mut self, now: Instant) -> Result<(), CommandError> {
        if self.state != State::Disconnected {
            return Err(CommandError::AlreadyConnected);
        }
        let o = &self.options;
        let v5 = o.version.is_v5();
        let mut properties = Properties::new();
        if v5 {
            if o.session_expiry_interval != 0 {
                properties.set(
                    PropertyId::SessionExpiryInterval,
                    PropertyValue::Integer(o.session_expiry_interval),
                );
            }
            if o.receive_maximum != u16::MAX {
                properties.set(
                    PropertyId::ReceiveMaximum,
                    PropertyValue::Integer(u32::from(o.receive_maximum.max(1))),
                );
            }
            properties.set(
                PropertyId::MaximumPacketSize,
                PropertyValue::Integer(o.maximum_packet_size.max(1)),
            );
            if o.topic_alias_maximum != 0 {
                properties.set(
                    PropertyId::TopicAliasMaximum,
                    PropertyValue::Integer(u32::from(o.topic_alias_maximum)),
                );
            }
            for (k, v) in &o.user_properties {
                properties.set(
                    PropertyId::UserProperty,
                    PropertyValue::Pair(k.clone(), v.clone()),
                );
            }
        } else if !o.user_properties.is_empty() {
            return Err(CommandError::RequiresMqtt5("User Properties"));
        }
        let connect = Connect {
            protocol_version: o.version,
            clean_start: o.clean_start,
            keep_alive: o.keep_alive,
            properties,
            client_id: self
                .assigned_client_id
                .clone()
                .unwrap_or_else(|| o.client_id.clone()),
            will: o.will.clone(),
            username: o.username.clone(),
            password: o.password.clone(),
        };
        let deadline = now + o.connect_timeout;
        let packet = Packet::Connect(connect);
        let bytes =
            codec::encode_to_vec(&packet, self.options.version).map_err(CommandError::Encode)?;
        self.rx.clear();
        self.aliases_in.clear();
        self.aliases_out.clear();
        self.next_alias_out = 1;
        self.ping_outstanding = false;
        self.state = State::AwaitingConnAck;
        self.connect_deadline = Some(deadline);
        self.last_received = now;
        self.push_transmit(packet, bytes, now);
        Ok(())
    }

    /// Feeds bytes received from the transport.
    pub fn handle_bytes(&mut self, bytes: &[u8], now: Instant) {
        if self.state == State::Disconnected {
            return;
        }
        self.rx.extend_from_slice(bytes);
        let opts = DecodeOptions {
            version: self.options.version,
            max_packet_size: self.options.maximum_packet_size.max(2),
        };
        let mut pos = 0;
        while self.state != State::Disconnected {
            match codec::decode(&self.rx[pos..], &opts) {
                Ok(Some((packet, used))) => {
                    let raw = if self.packet_events {
                        self.rx[pos..pos + used].to_vec()
                    } else {
                        Vec::new()
                    };
                    pos += used;
                    self.last_received = now;
                    self.handle_packet(packet, raw, now);
                }
                Ok(None) => break,
                Err(e) => {
                    if self.packet_events {
                        // What arrived of the failing packet, for the
                        // packet inspector; never more than we accept.
                        let rest = &self.rx[pos..];
                        let keep = rest.len().min(opts.max_packet_size as usize);
                        self.events.push_back(Event::PacketMalformed {
                            bytes: rest[..keep].to_vec(),
                            error: e.clone(),
                        });
                    }
                    self.violation(ProtocolError::Malformed(e), now);
                    break;
                }
            }
        }
        if self.state == State::Disconnected {
            self.rx.clear();
        } else {
            self.rx.drain(..pos);
        }
    }

    /// Call when the deadline from [`Session::poll_timeout`] has passed.
    pub fn handle_timeout(&mut self, now: Instant) {
        match self.state {
            State::Disconnected => {}
            State::AwaitingConnAck => {
                if self.connect_deadline.is_some_and(|d| now >= d) {
                    self.close(CloseReason::ConnectTimeout);
                }
            }
            State::Connected => {
                let Some(ka) = self.keep_alive() else {
                    return;
                };
                if now >= self.last_received + ka * 3 / 2 {
                    self.close(CloseReason::KeepAliveTimeout);
                } else if !self.ping_outstanding
                    && (now >= self.last_sent + ka || now >= self.last_received + ka)
                {
                    self.ping_outstanding = true;
                    self.send(Packet::PingReq, now);
                }
            }
        }
    }

    /// Call when the transport closed without the session asking.
    pub fn handle_transport_closed(&mut self, _now: Instant) {
        if self.state != State::Disconnected {
            self.close(CloseReason::TransportClosed);
        }
    }

    /// Ends the connection cleanly: DISCONNECT with Normal disconnection (the
    /// server then discards the Will).
    pub fn disconnect(&mut self, now: Instant) {
        self.disconnect_with(ReasonCode::NORMAL_DISCONNECTION, None, now);
    }

    /// Ends the connection with a DISCONNECT reason code and, in 5.0,
    /// optionally a new Session Expiry Interval. 0x04 (Disconnect with Will
    /// Message) asks the server to publish the Will anyway.
    pub fn disconnect_with(
        &mut self,
        reason_code: ReasonCode,
        session_expiry: Option<u32>,
        now: Instant,
    ) {
        if self.state == State::Connected {
            let mut d = Disconnect::default();
            if self.options.version.is_v5() {
                d.reason_code = reason_code;
                if let Some(s) = session_expiry {
                    d.properties
                        .set(PropertyId::SessionExpiryInterval, PropertyValue::Integer(s));
                }
            }
            self.send(Packet::Disconnect(d), now);
        }
        if self.state != State::Disconnected {
            self.close(CloseReason::ClientDisconnected);
        }
    }

    /// Publishes a message. Returns the packet identifier for QoS 1 and 2
    /// (the key of the later [`Event::PublishCompleted`] or
    /// [`Event::PublishFailed`]), `None` for QoS 0.
    pub fn publish(
        &mut self,
        msg: OutgoingPublish,
        now: Instant,
    ) -> Result<Option<PacketId>, CommandError> {
        let n = self
            .negotiated
            .as_ref()
            .filter(|_| self.state == State::Connected)
            .ok_or(CommandError::NotConnected)?;
        topic::validate_topic_name(&msg.topic).map_err(CommandError::InvalidTopicName)?;
        let v5 = n.version.is_v5();
        if !v5 && !msg.properties.is_empty() {
            return Err(CommandError::RequiresMqtt5("PUBLISH properties"));
        }
        if msg.qos > n.maximum_qos {
            return Err(CommandError::QosNotSupported {
                requested: msg.qos,
                maximum: n.maximum_qos,
            });
        }
        if msg.retain && !n.retain_available {
            return Err(CommandError::RetainNotSupported);
        }
        if let Some(alias) = msg.properties.integer(PropertyId::TopicAlias) {
            let maximum = n.topic_alias_maximum;
            if alias == 0 || alias > u32::from(maximum) {
                return Err(CommandError::TopicAliasInvalid {
                    alias: alias.min(65_535) as u16,
                    maximum,
                });
            }
        }
        let probe_id = PacketId::new(1).unwrap_or_else(|| unreachable!());
        let mut publish = Publish {
            dup: false,
            qos_pid: QosPid::new(msg.qos, probe_id),
            retain: msg.retain,
            topic: msg.topic,
            properties: msg.properties,
            payload: msg.payload,
        };
        // Size as sent with the full topic: aliases only ever shrink it.
        let size = publish
            .encoded_len(n.version)
            .map_err(CommandError::Encode)?;
        if let Some(maximum) = n.maximum_packet_size {
            if size > maximum as usize {
                return Err(CommandError::PacketTooLarge { size, maximum });
            }
        }
        if msg.qos == QoS::AtMostOnce {
            self.send_publish(publish, now);
            self.events.push_back(Event::PublishCompleted {
                packet_id: None,
                qos: QoS::AtMostOnce,
                reason_code: ReasonCode::SUCCESS,
            });
            return Ok(None);
        }
        let id = self
            .ids
            .allocate()
            .ok_or(CommandError::PacketIdsExhausted)?;
        publish.qos_pid = QosPid::new(msg.qos, id);
        self.waiting.push_back(Outgoing {
            id,
            publish,
            stage: Awaiting::PubAck,
        });
        self.pump(now);
        Ok(Some(id))
    }

    /// Subscribes to one or more filters in one SUBSCRIBE. `subscription_identifier`
    /// (5.0) tags messages delivered for these filters.
    pub fn subscribe(
        &mut self,
        filters: Vec<SubscribeFilter>,
        subscription_identifier: Option<u32>,
        now: Instant,
    ) -> Result<PacketId, CommandError> {
        if self.state != State::Connected {
            return Err(CommandError::NotConnected);
        }
        if filters.is_empty() {
            return Err(CommandError::NoTopicFilters);
        }
        let v5 = self.options.version.is_v5();
        for f in &filters {
            topic::validate_topic_filter(&f.filter).map_err(|error| {
                CommandError::InvalidTopicFilter {
                    filter: f.filter.clone(),
                    error,
                }
            })?;
            let o = f.options;
            if !v5
                && (o.no_local
                    || o.retain_as_published
                    || o.retain_handling != codec::RetainHandling::SendAtSubscribe)
            {
                return Err(CommandError::RequiresMqtt5(
                    "No Local, Retain As Published and Retain Handling",
                ));
            }
        }
        if subscription_identifier.is_some() && !v5 {
            return Err(CommandError::RequiresMqtt5("Subscription Identifier"));
        }
        let id = self
            .ids
            .allocate()
            .ok_or(CommandError::PacketIdsExhausted)?;
        let subscribe = Subscribe {
            packet_id: id,
            properties: subscribe_properties(subscription_identifier),
            filters,
        };
        if let Err(e) = self.check_encodable(&Packet::Subscribe(subscribe.clone())) {
            self.ids.release(id);
            return Err(e);
        }
        for f in &subscribe.filters {
            let entry = SubscriptionEntry {
                filter: f.clone(),
                subscription_identifier,
            };
            match self
                .subscriptions
                .iter_mut()
                .find(|s| s.filter.filter == f.filter)
            {
                Some(existing) => *existing = entry,
                None => self.subscriptions.push(entry),
            }
        }
        self.pending_subscribes.insert(id.get(), subscribe.clone());
        self.send(Packet::Subscribe(subscribe), now);
        Ok(id)
    }

    /// Unsubscribes from one or more filters in one UNSUBSCRIBE.
    pub fn unsubscribe(
        &mut self,
        filters: Vec<String>,
        now: Instant,
    ) -> Result<PacketId, CommandError> {
        if self.state != State::Connected {
            return Err(CommandError::NotConnected);
        }
        if filters.is_empty() {
            return Err(CommandError::NoTopicFilters);
        }
        for f in &filters {
            topic::validate_topic_filter(f).map_err(|error| CommandError::InvalidTopicFilter {
                filter: f.clone(),
                error,
            })?;
        }
        let id = self
            .ids
            .allocate()
            .ok_or(CommandError::PacketIdsExhausted)?;
        let unsubscribe = Unsubscribe {
            packet_id: id,
            properties: Properties::new(),
            filters,
        };
        if let Err(e) = self.check_encodable(&Packet::Unsubscribe(unsubscribe.clone())) {
            self.ids.release(id);
            return Err(e);
        }
        self.subscriptions
            .retain(|s| !unsubscribe.filters.contains(&s.filter.filter));
        self.pending_unsubscribes
            .insert(id.get(), unsubscribe.clone());
        self.send(Packet::Unsubscribe(unsubscribe), now);
        Ok(id)
    }

    // ----- internals -----

    /// Refuses a packet the codec cannot write or that exceeds the server's
    /// Maximum Packet Size: the client must not send it [MQTT-3.2.2-15].
    fn check_encodable(&self, packet: &Packet) -> Result<(), CommandError> {
        let bytes =
            codec::encode_to_vec(packet, self.options.version).map_err(CommandError::Encode)?;
        match self.negotiated.as_ref().and_then(|n| n.maximum_packet_size) {
            Some(maximum) if bytes.len() > maximum as usize => Err(CommandError::PacketTooLarge {
                size: bytes.len(),
                maximum,
            }),
            _ => Ok(()),
        }
    }

    fn push_transmit(&mut self, packet: Packet, bytes: Vec<u8>, now: Instant) {
        self.last_sent = now;
        if self.packet_events {
            self.events.push_back(Event::PacketSent {
                packet,
                bytes: bytes.clone(),
            });
        }
        self.transmit.push_back(bytes);
    }

    /// Queues a packet the session built itself. These are always encodable
    /// (checked on the way in); should one not be, the connection is closed
    /// with the reason rather than sending something wrong.
    fn send(&mut self, packet: Packet, now: Instant) {
        match codec::encode_to_vec(&packet, self.options.version) {
            Ok(bytes) => self.push_transmit(packet, bytes, now),
            Err(e) => {
                debug_assert!(false, "session built an unencodable packet: {e}");
                self.close(CloseReason::TransportClosed);
            }
        }
    }

    fn send_publish(&mut self, mut p: Publish, now: Instant) {
        let server_max = self
            .negotiated
            .as_ref()
            .map_or(0, |n| n.topic_alias_maximum);
        if let Some(explicit) = p.properties.integer(PropertyId::TopicAlias) {
            // The application's alias now maps to this topic on the server;
            // an automatic mapping that used the number is stale.
            self.aliases_out.retain(|_, a| u32::from(*a) != explicit);
        } else if self.options.auto_topic_alias && server_max > 0 {
            if let Some(&alias) = self.aliases_out.get(&p.topic) {
                p.topic.clear();
                p.properties.set(
                    PropertyId::TopicAlias,
                    PropertyValue::Integer(u32::from(alias)),
                );
            } else if self.next_alias_out <= u32::from(server_max) {
                let alias = self.next_alias_out;
                self.next_alias_out += 1;
                self.aliases_out.insert(p.topic.clone(), alias as u16);
                p.properties
                    .set(PropertyId::TopicAlias, PropertyValue::Integer(alias));
            }
        }
        self.send(Packet::Publish(p), now);
    }

    /// How many QoS 1/2 messages may be in flight: the server's Receive
    /// Maximum (5.0) or our own cap (3.1.1).
    fn send_quota(&self) -> usize {
        let quota = match &self.negotiated {
            Some(n) if n.version.is_v5() => n.receive_maximum,
            _ => self.options.max_inflight_v311,
        };
        usize::from(quota.max(1))
    }

    /// Sends waiting QoS 1/2 messages while the server's Receive Maximum
    /// (5.0) or our own cap (3.1.1) leaves room.
    fn pump(&mut self, now: Instant) {
        if self.state != State::Connected {
            return;
        }
        let quota = self.send_quota();
        while self.inflight.len() < quota {
            let Some(mut out) = self.waiting.pop_front() else {
                break;
            };
            out.stage = match out.publish.qos() {
                QoS::ExactlyOnce => Awaiting::PubRec,
                _ => Awaiting::PubAck,
            };
            self.send_publish(out.publish.clone(), now);
            self.inflight.push_back(out);
        }
    }

    fn close(&mut self, reason: CloseReason) {
        self.state = State::Disconnected;
        self.connect_deadline = None;
        self.ping_outstanding = false;
        self.events.push_back(Event::Closed(reason));
    }

    fn violation(&mut self, error: ProtocolError, now: Instant) {
        if self.options.version.is_v5() && self.state == State::Connected {
            let mut code = error.reason_code();
            if !code.is_allowed(PacketType::Disconnect, ProtocolVersion::V5) {
                code = ReasonCode::PROTOCOL_ERROR;
            }
            let d = Disconnect {
                reason_code: code,
                properties: Properties::new(),
            };
            self.send(Packet::Disconnect(d), now);
        }
        self.close(CloseReason::ProtocolViolation(error));
    }

    fn ignored(&mut self, packet_type: PacketType, packet_id: Option<PacketId>, why: &'static str) {
        self.events.push_back(Event::Ignored {
            packet_type,
            packet_id,
            why,
        });
    }

    fn handle_packet(&mut self, packet: Packet, raw: Vec<u8>, now: Instant) {
        if self.packet_events {
            self.events.push_back(Event::PacketReceived {
                packet: packet.clone(),
                bytes: raw,
            });
        }
        let connected = self.state == State::Connected;
        match packet {
            Packet::ConnAck(c) if !connected => self.on_connack(c, now),
            Packet::Disconnect(d) if self.options.version.is_v5() => {
                let reason_string = d
                    .properties
                    .string(PropertyId::ReasonString)
                    .map(str::to_owned);
                let server_reference = d
                    .properties
                    .string(PropertyId::ServerReference)
                    .map(str::to_owned);
                self.close(CloseReason::ServerDisconnected {
                    reason_code: d.reason_code,
                    reason_string,
                    server_reference,
                });
            }
            Packet::Publish(p) if connected => self.on_publish(p, now),
            Packet::PubAck(r) if connected => {
                self.on_ack(r, Awaiting::PubAck, PacketType::PubAck, now)
            }
            Packet::PubRec(r) if connected => self.on_pubrec(r, now),
            Packet::PubRel(r) if connected => self.on_pubrel(r, now),
            Packet::PubComp(r) if connected => {
                self.on_ack(r, Awaiting::PubComp, PacketType::PubComp, now)
            }
            Packet::SubAck(s) if connected => self.on_suback(s, now),
            Packet::UnsubAck(u) if connected => self.on_unsuback(u, now),
            Packet::PingResp if connected => self.ping_outstanding = false,
            other => self.violation(ProtocolError::UnexpectedPacket(other.packet_type()), now),
        }
    }

    fn on_connack(&mut self, c: ConnAck, now: Instant) {
        let version = self.options.version;
        let refused = match version {
            ProtocolVersion::V311 => c.reason_code != ReasonCode::SUCCESS,
            ProtocolVersion::V5 => c.reason_code.is_error(),
        };
        if refused {
            let reason_string = c
                .properties
                .string(PropertyId::ReasonString)
                .map(str::to_owned);
            self.close(CloseReason::ConnectRefused {
                version,
                reason_code: c.reason_code,
                reason_string,
            });
            return;
        }
        if self.options.clean_start && c.session_present {
            self.violation(ProtocolError::SessionPresentOnCleanStart, now);
            return;
        }
        let p = &c.properties;
        let int = |id| p.integer(id);
        let string = |id| p.string(id).map(str::to_owned);
        let assigned = string(PropertyId::AssignedClientIdentifier);
        if let Some(a) = &assigned {
            self.assigned_client_id = Some(a.clone());
        }
        let server_keep_alive = int(PropertyId::ServerKeepAlive);
        let negotiated = Negotiated {
            version,
            session_present: c.session_present,
            client_id: self
                .assigned_client_id
                .clone()
                .unwrap_or_else(|| self.options.client_id.clone()),
            client_id_assigned: assigned.is_some(),
            keep_alive: server_keep_alive.map_or(self.options.keep_alive, |k| k as u16),
            keep_alive_from_server: server_keep_alive.is_some(),
            receive_maximum: int(PropertyId::ReceiveMaximum).map_or(u16::MAX, |v| v as u16),
            maximum_packet_size: int(PropertyId::MaximumPacketSize),
            topic_alias_maximum: int(PropertyId::TopicAliasMaximum).map_or(0, |v| v as u16),
            maximum_qos: int(PropertyId::MaximumQoS).map_or(QoS::ExactlyOnce, |v| {
                QoS::from_u8(v as u8).unwrap_or(QoS::AtLeastOnce)
            }),
            retain_available: int(PropertyId::RetainAvailable) != Some(0),
            wildcard_subscription_available: int(PropertyId::WildcardSubscriptionAvailable)
                != Some(0),
            subscription_identifiers_available: int(PropertyId::SubscriptionIdentifierAvailable)
                != Some(0),
            shared_subscription_available: int(PropertyId::SharedSubscriptionAvailable) != Some(0),
            session_expiry_interval: int(PropertyId::SessionExpiryInterval)
                .unwrap_or(self.options.session_expiry_interval),
            response_information: string(PropertyId::ResponseInformation),
            server_reference: string(PropertyId::ServerReference),
            reason_string: string(PropertyId::ReasonString),
        };
        self.state = State::Connected;
        self.connect_deadline = None;
        self.negotiated = Some(negotiated.clone());
        self.events.push_back(Event::Connected(negotiated));
        if c.session_present {
            self.resume_session(now);
        } else {
            self.restart_session(now);
        }
        self.pump(now);
    }

    /// The server kept our session: resend unacknowledged PUBLISH with
    /// DUP=1 in the order first sent and unanswered PUBREL in PUBREC order
    /// (spec 4.4, 4.6), and SUBSCRIBE/UNSUBSCRIBE still awaiting an answer.
    ///
    /// The server's Receive Maximum on this connection bounds the resent
    /// PUBLISHes as it bounds new ones [MQTT-3.3.4-7]: those over it wait at
    /// the head of the queue (still DUP=1, same identifiers) for room.
    fn resume_session(&mut self, now: Instant) {
        let quota = self.send_quota();
        let mut counted = self
            .inflight
            .iter()
            .filter(|o| o.stage == Awaiting::PubComp)
            .count();
        let mut held = Vec::new();
        for mut out in std::mem::take(&mut self.inflight) {
            match out.stage {
                Awaiting::PubComp => {
                    self.send(Packet::PubRel(PubResponse::new(out.id)), now);
                    self.inflight.push_back(out);
                }
                Awaiting::PubAck | Awaiting::PubRec => {
                    out.publish.dup = true;
                    if counted < quota {
                        counted += 1;
                        self.send_publish(out.publish.clone(), now);
                        self.inflight.push_back(out);
                    } else {
                        held.push(out);
                    }
                }
            }
        }
        for out in held.into_iter().rev() {
            self.waiting.push_front(out);
        }
        let subs: Vec<Subscribe> = self.pending_subscribes.values().cloned().collect();
        for s in subs {
            self.send(Packet::Subscribe(s), now);
        }
        let unsubs: Vec<Unsubscribe> = self.pending_unsubscribes.values().cloned().collect();
        for u in unsubs {
            self.send(Packet::Unsubscribe(u), now);
        }
    }

    /// The server has no session for us: its half of the state is gone, so
    /// ours goes too (spec 4.1). Messages it never acknowledged are sent again
    /// as new publishes rather than lost; a QoS 2 message it had already
    /// received (PUBREC) counts as delivered. Subscriptions are sent again
    /// once, in one SUBSCRIBE per Subscription Identifier.
    fn restart_session(&mut self, now: Instant) {
        self.incoming_qos2.clear();
        let mut resend = Vec::new();
        while let Some(out) = self.inflight.pop_front() {
            if out.stage == Awaiting::PubComp {
                self.ids.release(out.id);
                self.events.push_back(Event::PublishCompleted {
                    packet_id: Some(out.id),
                    qos: QoS::ExactlyOnce,
                    reason_code: ReasonCode::SUCCESS,
                });
            } else {
                let mut out = out;
                out.publish.dup = false;
                resend.push(out);
            }
        }
        for out in resend.into_iter().rev() {
            self.waiting.push_front(out);
        }
        // Resends held back by Receive Maximum are new messages now too.
        for out in &mut self.waiting {
            out.publish.dup = false;
        }
        let pending: Vec<u16> = self
            .pending_subscribes
            .keys()
            .chain(self.pending_unsubscribes.keys())
            .copied()
            .collect();
        for id in pending {
            if let Some(id) = PacketId::new(id) {
                self.ids.release(id);
            }
        }
        let stale_subscribes: Vec<Subscribe> = std::mem::take(&mut self.pending_subscribes)
            .into_values()
            .collect();
        self.pending_unsubscribes.clear();
        if self.options.resubscribe {
            let mut groups: Vec<(Option<u32>, Vec<SubscribeFilter>)> = Vec::new();
            for s in &self.subscriptions {
                match groups
                    .iter_mut()
                    .find(|(sid, _)| *sid == s.subscription_identifier)
                {
                    Some((_, list)) => list.push(s.filter.clone()),
                    None => groups.push((s.subscription_identifier, vec![s.filter.clone()])),
                }
            }
            for (sid, filters) in groups {
                self.resend_subscribe(filters, sid, now);
            }
        } else {
            for s in stale_subscribes {
                let sid = s.properties.subscription_identifiers().next();
                self.resend_subscribe(s.filters, sid, now);
            }
        }
    }

    fn resend_subscribe(&mut self, filters: Vec<SubscribeFilter>, sid: Option<u32>, now: Instant) {
        let Some(id) = self.ids.allocate() else {
            return;
        };
        let s = Subscribe {
            packet_id: id,
            properties: subscribe_properties(sid),
            filters,
        };
        self.pending_subscribes.insert(id.get(), s.clone());
        self.send(Packet::Subscribe(s), now);
    }

    fn on_publish(&mut self, mut p: Publish, now: Instant) {
        if let Some(alias) = p.properties.integer(PropertyId::TopicAlias) {
            let alias = alias as u16;
            let maximum = self.options.topic_alias_maximum;
            if alias > maximum {
                self.violation(ProtocolError::TopicAliasInvalid { alias, maximum }, now);
                return;
            }
            if p.topic.is_empty() {
                match self.aliases_in.get(&alias) {
                    Some(t) => p.topic = t.clone(),
                    None => {
                        self.violation(ProtocolError::UnknownTopicAlias(alias), now);
                        return;
                    }
                }
            } else {
                self.aliases_in.insert(alias, p.topic.clone());
            }
        }
        match p.qos_pid {
            QosPid::AtMostOnce => self.deliver(p, None),
            QosPid::AtLeastOnce(id) => {
                self.deliver(p, Some(id));
                self.send(Packet::PubAck(PubResponse::new(id)), now);
            }
            QosPid::ExactlyOnce(id) => {
                if self.incoming_qos2.contains(&id.get()) {
                    self.ignored(
                        PacketType::Publish,
                        Some(id),
                        "QoS 2 message already delivered; PUBREC sent again, not delivered twice",
                    );
                } else {
                    let maximum = self.options.receive_maximum.max(1);
                    if self.options.version.is_v5()
                        && self.incoming_qos2.len() >= usize::from(maximum)
                    {
                        self.violation(ProtocolError::ReceiveMaximumExceeded { maximum }, now);
                        return;
                    }
                    self.incoming_qos2.insert(id.get());
                    self.deliver(p, Some(id));
                }
                self.send(Packet::PubRec(PubResponse::new(id)), now);
            }
        }
    }

    fn deliver(&mut self, p: Publish, packet_id: Option<PacketId>) {
        self.events.push_back(Event::Message(Message {
            qos: p.qos(),
            topic: p.topic,
            payload: p.payload,
            retain: p.retain,
            dup: p.dup,
            packet_id,
            properties: p.properties,
        }));
    }

    fn take_inflight(&mut self, id: PacketId, stage: Awaiting) -> Option<Outgoing> {
        let idx = self
            .inflight
            .iter()
            .position(|o| o.id == id && o.stage == stage)?;
        let out = self.inflight.remove(idx)?;
        self.ids.release(id);
        Some(out)
    }

    /// PUBACK (QoS 1) or PUBCOMP (QoS 2): the exchange is over.
    fn on_ack(&mut self, r: PubResponse, stage: Awaiting, t: PacketType, now: Instant) {
        let Some(out) = self.take_inflight(r.packet_id, stage) else {
            self.ignored(
                t,
                Some(r.packet_id),
                "no message with this packet identifier is awaiting it",
            );
            return;
        };
        if r.reason_code.is_error() {
            self.events.push_back(Event::PublishFailed {
                packet_id: out.id,
                reason_code: r.reason_code,
                reason_string: r
                    .properties
                    .string(PropertyId::ReasonString)
                    .map(str::to_owned),
            });
        } else {
            self.events.push_back(Event::PublishCompleted {
                packet_id: Some(out.id),
                qos: out.publish.qos(),
                reason_code: r.reason_code,
            });
        }
        self.pump(now);
    }

    fn on_pubrec(&mut self, r: PubResponse, now: Instant) {
        let id = r.packet_id;
        let idx = self.inflight.iter().position(|o| o.id == id);
        match idx.map(|i| self.inflight[i].stage) {
            Some(Awaiting::PubRec) if r.reason_code.is_error() => {
                self.take_inflight(id, Awaiting::PubRec);
                self.events.push_back(Event::PublishFailed {
                    packet_id: id,
                    reason_code: r.reason_code,
                    reason_string: r
                        .properties
                        .string(PropertyId::ReasonString)
                        .map(str::to_owned),
                });
                self.pump(now);
            }
            Some(Awaiting::PubRec) => {
                // PUBRELs must go out in PUBREC order, on resend too
                // [MQTT-4.6.0-4]: the message joins the back of the queue.
                if let Some(mut out) = idx.and_then(|i| self.inflight.remove(i)) {
                    out.stage = Awaiting::PubComp;
                    self.inflight.push_back(out);
                }
                self.send(Packet::PubRel(PubResponse::new(id)), now);
            }
            Some(Awaiting::PubComp) => {
                self.send(Packet::PubRel(PubResponse::new(id)), now);
            }
            _ => {
                let mut rel = PubResponse::new(id);
                if self.options.version.is_v5() {
                    rel.reason_code = ReasonCode::PACKET_IDENTIFIER_NOT_FOUND;
                }
                self.ignored(
                    PacketType::PubRec,
                    Some(id),
                    "no QoS 2 message with this packet identifier is in flight",
                );
                self.send(Packet::PubRel(rel), now);
            }
        }
    }

    fn on_pubrel(&mut self, r: PubResponse, now: Instant) {
        let mut comp = PubResponse::new(r.packet_id);
        if !self.incoming_qos2.remove(&r.packet_id.get()) && self.options.version.is_v5() {
            comp.reason_code = ReasonCode::PACKET_IDENTIFIER_NOT_FOUND;
        }
        self.send(Packet::PubComp(comp), now);
    }

    /// SUBACK/UNSUBACK carry one reason code per filter of the request; any
    /// other count is a protocol violation (and closes the connection).
    fn codes_pair_up(
        &mut self,
        packet_type: PacketType,
        expected: usize,
        found: usize,
        now: Instant,
    ) -> bool {
        if expected == found {
            return true;
        }
        let error = ProtocolError::ReasonCodeCount {
            packet_type,
            expected,
            found,
        };
        self.violation(error, now);
        false
    }

    fn on_suback(&mut self, s: SubAck, now: Instant) {
        let Some(sub) = self.pending_subscribes.remove(&s.packet_id.get()) else {
            self.ignored(
                PacketType::SubAck,
                Some(s.packet_id),
                "no SUBSCRIBE with this packet identifier is awaiting it",
            );
            return;
        };
        self.ids.release(s.packet_id);
        if !self.codes_pair_up(
            PacketType::SubAck,
            sub.filters.len(),
            s.reason_codes.len(),
            now,
        ) {
            return;
        }
        let mut results = Vec::with_capacity(sub.filters.len());
        for (f, code) in sub.filters.into_iter().zip(s.reason_codes) {
            if code.is_error() {
                self.subscriptions.retain(|e| e.filter.filter != f.filter);
            }
            results.push(SubscribeResult {
                filter: f.filter,
                reason_code: code,
            });
        }
        self.events.push_back(Event::Subscribed {
            packet_id: s.packet_id,
            results,
        });
    }

    fn on_unsuback(&mut self, u: UnsubAck, now: Instant) {
        let Some(unsub) = self.pending_unsubscribes.remove(&u.packet_id.get()) else {
            self.ignored(
                PacketType::UnsubAck,
                Some(u.packet_id),
                "no UNSUBSCRIBE with this packet identifier is awaiting it",
            );
            return;
        };
        self.ids.release(u.packet_id);
        let codes = if self.options.version.is_v5() {
            let found = u.reason_codes.len();
            if !self.codes_pair_up(PacketType::UnsubAck, unsub.filters.len(), found, now) {
                return;
            }
            u.reason_codes
        } else {
            vec![ReasonCode::SUCCESS; unsub.filters.len()]
        };
        let results = unsub
            .filters
            .into_iter()
            .zip(codes)
            .map(|(filter, reason_code)| SubscribeResult {
                filter,
                reason_code,
            })
            .collect();
        self.events.push_back(Event::Unsubscribed {
            packet_id: u.packet_id,
            results,
        });
    }
}

/// SUBSCRIBE properties: the Subscription Identifier, if any.
fn subscribe_properties(subscription_identifier: Option<u32>) -> Properties {
    let mut properties = Properties::new();
    if let Some(sid) = subscription_identifier {
        properties.set(
            PropertyId::SubscriptionIdentifier,
            PropertyValue::Integer(sid),
        );
    }
    properties
}
