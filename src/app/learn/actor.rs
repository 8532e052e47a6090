//! One client a lesson runs — a virtual board, a second subscriber, a
//! smart-home sensor — as plain data: its connection state, the packets it
//! sent and received (with times, for the "what just happened" readouts)
//! and the messages it got. [`ActorState::apply`] folds the driver's events
//! in; the panels only read.

use std::rc::Rc;

use crate::protocol::codec::{Packet, PacketId, PacketType, ProtocolVersion, QoS};
use crate::protocol::session::{CloseReason, Event};
use crate::transport::DriverEvent;

/// Packets kept per actor (oldest dropped first).
pub const WIRE_KEPT: usize = 200;

/// Messages kept per actor (oldest dropped first).
pub const MESSAGES_KEPT: usize = 100;

/// Where an actor's connection stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ActorStatus {
    /// Never connected in this lesson.
    #[default]
    Idle,
    /// Opening the link or waiting for CONNACK.
    Connecting,
    /// CONNACK accepted.
    Connected {
        /// The version in use.
        version: ProtocolVersion,
        /// When it connected.
        since_ms: u64,
    },
    /// The connection ended.
    Closed {
        /// Why, if the session said (none: the link failed to open).
        reason: Option<CloseReason>,
        /// When.
        at_ms: u64,
    },
}

impl ActorStatus {
    /// Whether CONNACK accepted the connection and it is still up.
    pub fn is_connected(&self) -> bool {
        matches!(self, ActorStatus::Connected { .. })
    }

    /// Whether a connection is up or on its way.
    pub fn is_active(&self) -> bool {
        matches!(
            self,
            ActorStatus::Connecting | ActorStatus::Connected { .. }
        )
    }
}

/// Which way a packet went, seen from the actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// From the actor to the broker.
    Sent,
    /// From the broker to the actor.
    Received,
}

/// One packet on the actor's wire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WireEntry {
    /// Running number, from 1 (stable across trimming).
    pub seq: u64,
    /// When (page milliseconds).
    pub at_ms: u64,
    /// Which way.
    pub direction: Direction,
    /// The packet type.
    pub packet_type: PacketType,
    /// Its identifier, if it has one.
    pub packet_id: Option<PacketId>,
    /// For a PUBLISH: its topic, QoS, retain and DUP.
    pub publish: Option<PublishInfo>,
    /// Its bytes on the wire.
    pub bytes: Rc<[u8]>,
}

#[cfg(test)]
impl WireEntry {
    /// A packet for tests: no identifier; a PUBLISH is QoS 0 to `topic`.
    pub(crate) fn sample(
        seq: u64,
        at_ms: u64,
        direction: Direction,
        packet_type: PacketType,
        topic: &str,
    ) -> WireEntry {
        WireEntry {
            seq,
            at_ms,
            direction,
            packet_type,
            packet_id: None,
            publish: (packet_type == PacketType::Publish).then(|| PublishInfo {
                topic: topic.to_string(),
                qos: QoS::AtMostOnce,
                retain: false,
                dup: false,
            }),
            bytes: Rc::from(&[][..]),
        }
    }
}

/// The visible parts of a PUBLISH on the wire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishInfo {
    /// Topic Name (empty when a 5.0 Topic Alias stood in for it).
    pub topic: String,
    /// QoS.
    pub qos: QoS,
    /// RETAIN.
    pub retain: bool,
    /// DUP.
    pub dup: bool,
}

/// An application message the actor received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Received {
    /// Running number, from 1.
    pub seq: u64,
    /// When (page milliseconds).
    pub at_ms: u64,
    /// Topic.
    pub topic: String,
    /// Payload.
    pub payload: Rc<[u8]>,
    /// QoS of the delivery.
    pub qos: QoS,
    /// RETAIN: a stored message handed over on subscribe.
    pub retain: bool,
    /// DUP: the broker says it may have sent this before.
    pub dup: bool,
}

impl Received {
    /// The payload as text (invalid UTF-8 replaced).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.payload).into_owned()
    }
}

/// Everything a lesson shows about one of its clients.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorState {
    /// Connection state.
    pub status: ActorStatus,
    /// Recent packets, oldest first.
    pub wire: Vec<WireEntry>,
    /// Recent messages, oldest first.
    pub messages: Vec<Received>,
    /// How many packets went each way in total (not trimmed).
    pub sent_total: u64,
    /// See `sent_total`.
    pub received_total: u64,
    /// How many messages arrived in total (not trimmed).
    pub messages_total: u64,
    /// When the last packet went out (keep alive countdowns start here).
    pub last_sent_ms: Option<u64>,
    /// A SUBACK refused a filter: which and its code.
    pub refused: Option<(String, u8)>,
    /// Whether the driver froze the client ("Freeze" in the keep-alive
    /// lesson).
    pub frozen: bool,
    wire_seq: u64,
}

impl ActorState {
    /// Folds one driver event in, at `now_ms`.
    pub fn apply(&mut self, event: &DriverEvent, now_ms: u64) {
        match event {
            DriverEvent::Opening { .. } | DriverEvent::Opened { .. } => {
                if !self.status.is_connected() {
                    self.status = ActorStatus::Connecting;
                }
            }
            DriverEvent::OpenFailed(_)
            | DriverEvent::TextFrameRefused
            | DriverEvent::SubprotocolMismatch { .. } => {
                self.frozen = false;
                if !matches!(self.status, ActorStatus::Closed { .. }) {
                    self.status = ActorStatus::Closed {
                        reason: None,
                        at_ms: now_ms,
                    };
                }
            }
            DriverEvent::SocketClosed { .. } => {
                self.frozen = false;
                if self.status.is_active() {
                    self.status = ActorStatus::Closed {
                        reason: Some(CloseReason::TransportClosed),
                        at_ms: now_ms,
                    };
                }
            }
            DriverEvent::ReconnectScheduled { .. } => {}
            DriverEvent::Session(e) => self.apply_session(e, now_ms),
        }
    }

    fn apply_session(&mut self, event: &Event, now_ms: u64) {
        match event {
            Event::PacketSent { packet, bytes } => {
                self.sent_total += 1;
                self.last_sent_ms = Some(now_ms);
                self.push_wire(Direction::Sent, packet, bytes, now_ms);
            }
            Event::PacketReceived { packet, bytes } => {
                self.received_total += 1;
                self.push_wire(Direction::Received, packet, bytes, now_ms);
            }
            Event::Connected(n) => {
                self.status = ActorStatus::Connected {
                    version: n.version,
                    since_ms: now_ms,
                };
            }
            Event::Message(m) => {
                self.messages_total += 1;
                self.messages.push(Received {
                    seq: self.messages_total,
                    at_ms: now_ms,
                    topic: m.topic.clone(),
                    payload: m.payload.as_slice().into(),
                    qos: m.qos,
                    retain: m.retain,
                    dup: m.dup,
                });
                trim(&mut self.messages, MESSAGES_KEPT);
            }
            Event::Subscribed { results, .. } => {
                if let Some(r) = results.iter().find(|r| r.reason_code.0 >= 0x80) {
                    self.refused = Some((r.filter.clone(), r.reason_code.0));
                }
            }
            Event::Closed(reason) => {
                self.frozen = false;
                self.status = ActorStatus::Closed {
                    reason: Some(reason.clone()),
                    at_ms: now_ms,
                };
            }
            _ => {}
        }
    }

    fn push_wire(&mut self, direction: Direction, packet: &Packet, bytes: &[u8], now_ms: u64) {
        self.wire_seq += 1;
        let publish = match packet {
            Packet::Publish(p) => Some(PublishInfo {
                topic: p.topic.clone(),
                qos: p.qos(),
                retain: p.retain,
                dup: p.dup,
            }),
            _ => None,
        };
        self.wire.push(WireEntry {
            seq: self.wire_seq,
            at_ms: now_ms,
            direction,
            packet_type: packet.packet_type(),
            packet_id: packet.packet_id(),
            publish,
            bytes: bytes.into(),
        });
        trim(&mut self.wire, WIRE_KEPT);
    }

    /// Forgets packets and messages (a lesson's "Clear"), keeping the
    /// connection state.
    pub fn clear_history(&mut self) {
        self.wire.clear();
        self.messages.clear();
        self.refused = None;
    }

    /// The packets from `seq` on (for "since I pressed the button").
    pub fn wire_since(&self, seq: u64) -> impl Iterator<Item = &WireEntry> {
        self.wire.iter().filter(move |w| w.seq > seq)
    }

    /// The sequence number of the newest packet (0 before any).
    pub fn wire_mark(&self) -> u64 {
        self.wire_seq
    }

    /// The messages after `seq`.
    pub fn messages_since(&self, seq: u64) -> impl Iterator<Item = &Received> {
        self.messages.iter().filter(move |m| m.seq > seq)
    }
}

fn trim<T>(v: &mut Vec<T>, keep: usize) {
    if v.len() > keep {
        let extra = v.len() - keep;
        v.drain(..extra);
    }
}

/// The packets that carried one QoS exchange: the PUBLISH a client sent
/// with identifier `packet_id` (or the first QoS 0 PUBLISH after `from`),
/// and the acknowledgements that answered it, each with its time after the
/// PUBLISH.
pub fn exchange_of(
    wire: &[WireEntry],
    from_seq: u64,
    packet_id: Option<PacketId>,
) -> Vec<(Direction, PacketType, u64)> {
    let mut start = None;
    let mut out = Vec::new();
    for w in wire.iter().filter(|w| w.seq > from_seq) {
        let is_ours = w.direction == Direction::Sent
            && w.packet_type == PacketType::Publish
            && w.packet_id == packet_id;
        match start {
            None if is_ours => {
                start = Some(w.at_ms);
                out.push((w.direction, w.packet_type, 0));
                if packet_id.is_none() {
                    break;
                }
            }
            None => {}
            Some(t0) => {
                let acks = matches!(
                    w.packet_type,
                    PacketType::PubAck
                        | PacketType::PubRec
                        | PacketType::PubRel
                        | PacketType::PubComp
                );
                if (acks && w.packet_id == packet_id) || is_ours {
                    out.push((w.direction, w.packet_type, w.at_ms.saturating_sub(t0)));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
