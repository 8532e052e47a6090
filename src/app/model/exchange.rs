//! The QoS exchanges our publishes caused, as they happened on the wire:
//! PUBLISH alone (QoS 0), PUBLISH → PUBACK (QoS 1), PUBLISH → PUBREC →
//! PUBREL → PUBCOMP (QoS 2), each step with its time after the PUBLISH.
//! Fed from the session's packet events; bounded.

use crate::app::model::packet_log::Direction;
use crate::app::model::Ring;
use crate::protocol::codec::{Packet, PacketType, QoS};

/// Exchanges kept by default.
pub const EXCHANGE_CAPACITY: usize = 50;

/// One packet of an exchange.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExchangeStep {
    /// PUBLISH, PUBACK, PUBREC, PUBREL or PUBCOMP.
    pub packet_type: PacketType,
    /// Which way it went.
    pub direction: Direction,
    /// Milliseconds after the (first) PUBLISH.
    pub at_ms: u64,
}

/// One outgoing publish and the packets that answered it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exchange {
    /// Its packet identifier (QoS 1 and 2).
    pub packet_id: Option<u16>,
    /// Its QoS.
    pub qos: QoS,
    /// Its topic (empty when sent with only a Topic Alias).
    pub topic: String,
    /// When the PUBLISH went out.
    pub started_ms: u64,
    /// The packets, in order; a re-sent PUBLISH (DUP) appears again.
    pub steps: Vec<ExchangeStep>,
    /// The last step came: written (QoS 0), PUBACK (QoS 1), PUBCOMP (QoS
    /// 2), or a PUBREC that refused the message.
    pub complete: bool,
}

/// Steps kept per exchange (a PUBLISH re-sent many times stops growing).
const MAX_STEPS: usize = 16;

/// Recent outgoing exchanges, oldest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExchangeLog {
    exchanges: Ring<Exchange>,
}

impl Default for ExchangeLog {
    fn default() -> Self {
        ExchangeLog::new(EXCHANGE_CAPACITY)
    }
}

impl ExchangeLog {
    /// An empty log keeping `cap` exchanges.
    pub fn new(cap: usize) -> Self {
        ExchangeLog {
            exchanges: Ring::new(cap),
        }
    }

    /// Follows one packet that went by.
    pub fn on_packet(&mut self, direction: Direction, packet: &Packet, time_ms: u64) {
        let packet_type = packet.packet_type();
        match (direction, packet) {
            (Direction::Sent, Packet::Publish(p)) => {
                let packet_id = p.qos_pid.packet_id().map(|id| id.get());
                if p.dup {
                    if let Some(e) = self.pending(packet_id) {
                        e.step(packet_type, direction, time_ms);
                        return;
                    }
                }
                let qos = p.qos_pid.qos();
                self.exchanges.push(Exchange {
                    packet_id,
                    qos,
                    topic: p.topic.clone(),
                    started_ms: time_ms,
                    steps: vec![ExchangeStep {
                        packet_type,
                        direction,
                        at_ms: 0,
                    }],
                    complete: qos == QoS::AtMostOnce,
                });
            }
            (Direction::Received, Packet::PubAck(r)) => {
                if let Some(e) = self.pending_with(Some(r.packet_id.get()), QoS::AtLeastOnce) {
                    e.step(packet_type, direction, time_ms);
                    e.complete = true;
                }
            }
            (Direction::Received, Packet::PubRec(r)) => {
                if let Some(e) = self.pending_with(Some(r.packet_id.get()), QoS::ExactlyOnce) {
                    e.step(packet_type, direction, time_ms);
                    e.complete = r.reason_code.is_error();
                }
            }
            (Direction::Sent, Packet::PubRel(r)) => {
                if let Some(e) = self.pending_with(Some(r.packet_id.get()), QoS::ExactlyOnce) {
                    e.step(packet_type, direction, time_ms);
                }
            }
            (Direction::Received, Packet::PubComp(r)) => {
                if let Some(e) = self.pending_with(Some(r.packet_id.get()), QoS::ExactlyOnce) {
                    e.step(packet_type, direction, time_ms);
                    e.complete = true;
                }
            }
            _ => {}
        }
    }

    fn pending(&mut self, packet_id: Option<u16>) -> Option<&mut Exchange> {
        packet_id?;
        self.exchanges
            .iter_mut()
            .rev()
            .find(|e| !e.complete && e.packet_id == packet_id)
    }

    fn pending_with(&mut self, packet_id: Option<u16>, qos: QoS) -> Option<&mut Exchange> {
        self.pending(packet_id).filter(|e| e.qos == qos)
    }

    /// The newest outgoing exchange.
    pub fn last_outgoing(&self) -> Option<&Exchange> {
        self.exchanges.newest()
    }

    /// Every exchange held, newest first.
    pub fn iter_newest_first(&self) -> impl Iterator<Item = &Exchange> {
        self.exchanges.iter_newest_first()
    }

    /// Exchanges held.
    pub fn len(&self) -> usize {
        self.exchanges.len()
    }

    /// Whether none is held.
    pub fn is_empty(&self) -> bool {
        self.exchanges.is_empty()
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.exchanges.clear();
    }
}

impl Exchange {
    fn step(&mut self, packet_type: PacketType, direction: Direction, time_ms: u64) {
        if self.steps.len() < MAX_STEPS {
            self.steps.push(ExchangeStep {
                packet_type,
                direction,
                at_ms: time_ms.saturating_sub(self.started_ms),
            });
        }
    }

    /// The step types in order, e.g. `[Publish, PubRec, PubRel, PubComp]`.
    pub fn step_types(&self) -> Vec<PacketType> {
        self.steps.iter().map(|s| s.packet_type).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::codec::{PacketId, PubResponse, Publish, QosPid, ReasonCode};
    use PacketType::*;

    fn publish(qos: QoS, id: u16, dup: bool) -> Packet {
        let mut p = Publish::new("t/x", b"v".to_vec());
        p.qos_pid = QosPid::new(qos, PacketId::new(id.max(1)).unwrap());
        p.dup = dup;
        Packet::Publish(p)
    }

    fn resp(id: u16) -> PubResponse {
        PubResponse::new(PacketId::new(id).unwrap())
    }

    #[test]
    fn qos0_is_one_step() {
        let mut log = ExchangeLog::default();
        assert!(log.last_outgoing().is_none());
        log.on_packet(Direction::Sent, &publish(QoS::AtMostOnce, 0, false), 100);
        let e = log.last_outgoing().unwrap();
        assert_eq!(
            (e.packet_id, e.qos, e.complete),
            (None, QoS::AtMostOnce, true)
        );
        assert_eq!(e.topic, "t/x");
        assert_eq!(e.step_types(), [Publish]);
        // Received PUBLISHes are not ours.
        log.on_packet(
            Direction::Received,
            &publish(QoS::AtLeastOnce, 3, false),
            110,
        );
        assert_eq!(log.len(), 1);
    }

    #[test]
    fn qos1_publish_puback_with_times() {
        let mut log = ExchangeLog::default();
        log.on_packet(Direction::Sent, &publish(QoS::AtLeastOnce, 7, false), 1000);
        assert!(!log.last_outgoing().unwrap().complete);
        // An acknowledgement for another id changes nothing.
        log.on_packet(Direction::Received, &Packet::PubAck(resp(8)), 1010);
        log.on_packet(Direction::Sent, &publish(QoS::AtLeastOnce, 7, true), 1020);
        log.on_packet(Direction::Received, &Packet::PubAck(resp(7)), 1042);
        let e = log.last_outgoing().unwrap();
        assert_eq!(e.packet_id, Some(7));
        assert!(e.complete);
        assert_eq!(e.step_types(), [Publish, Publish, PubAck]);
        let times: Vec<_> = e.steps.iter().map(|s| s.at_ms).collect();
        assert_eq!(times, [0, 20, 42]);
        assert_eq!(e.steps[2].direction, Direction::Received);
        // A late duplicate PUBACK does not add to a complete exchange.
        log.on_packet(Direction::Received, &Packet::PubAck(resp(7)), 1050);
        assert_eq!(log.last_outgoing().unwrap().steps.len(), 3);
    }

    #[test]
    fn qos2_four_steps_and_a_refusal() {
        let mut log = ExchangeLog::new(2);
        log.on_packet(Direction::Sent, &publish(QoS::ExactlyOnce, 1, false), 0);
        log.on_packet(Direction::Received, &Packet::PubRec(resp(1)), 5);
        log.on_packet(Direction::Sent, &Packet::PubRel(resp(1)), 6);
        assert!(!log.last_outgoing().unwrap().complete);
        log.on_packet(Direction::Received, &Packet::PubComp(resp(1)), 11);
        let e = log.last_outgoing().unwrap();
        assert!(e.complete);
        assert_eq!(e.step_types(), [Publish, PubRec, PubRel, PubComp]);
        let dirs: Vec<_> = e.steps.iter().map(|s| s.direction).collect();
        use Direction::{Received as R, Sent as S};
        assert_eq!(dirs, [S, R, S, R]);
        assert_eq!(e.steps[3].at_ms, 11);

        log.on_packet(Direction::Sent, &publish(QoS::ExactlyOnce, 2, false), 20);
        let mut refused = resp(2);
        refused.reason_code = ReasonCode::NOT_AUTHORIZED;
        log.on_packet(Direction::Received, &Packet::PubRec(refused), 25);
        let e = log.last_outgoing().unwrap();
        assert!(e.complete);
        assert_eq!(e.step_types(), [Publish, PubRec]);
        // Bounded: a third exchange pushes out the first.
        log.on_packet(Direction::Sent, &publish(QoS::AtMostOnce, 0, false), 30);
        assert_eq!(log.len(), 2);
        let ids: Vec<_> = log.iter_newest_first().map(|e| e.packet_id).collect();
        assert_eq!(ids, [None, Some(2)]);
        log.clear();
        assert!(log.is_empty());
    }
}
