//! The QoS lesson's reading of the wire: which packets one publish costs at
//! each level on each leg (sensor ↔ broker, broker ↔ dashboard), which of
//! an actor's packets belong to one run of the exercise, and whether what
//! happened is what the level prescribes.
//!
//! The lesson only renders; everything it says about a run comes from
//! [`RunReport::new`] over the actors' real packet logs.

use crate::app::learn::actor::{exchange_of, Direction, Received, WireEntry};
use crate::protocol::codec::{PacketId, PacketType, QoS};

/// The three levels, in order.
pub const LEVELS: [QoS; 3] = [QoS::AtMostOnce, QoS::AtLeastOnce, QoS::ExactlyOnce];

/// One packet of an exchange: which way (seen from the client on that leg)
/// and its type.
pub type Step = (Direction, PacketType);

/// What the publishing client sends and receives for one message at `qos`.
pub fn publisher_steps(qos: QoS) -> &'static [Step] {
    use Direction::{Received as In, Sent as Out};
    match qos {
        QoS::AtMostOnce => &[(Out, PacketType::Publish)],
        QoS::AtLeastOnce => &[(Out, PacketType::Publish), (In, PacketType::PubAck)],
        QoS::ExactlyOnce => &[
            (Out, PacketType::Publish),
            (In, PacketType::PubRec),
            (Out, PacketType::PubRel),
            (In, PacketType::PubComp),
        ],
    }
}

/// What the subscribing client receives and sends for one delivery at
/// `qos`: the same handshake with the roles swapped.
pub fn subscriber_steps(qos: QoS) -> &'static [Step] {
    use Direction::{Received as In, Sent as Out};
    match qos {
        QoS::AtMostOnce => &[(In, PacketType::Publish)],
        QoS::AtLeastOnce => &[(In, PacketType::Publish), (Out, PacketType::PubAck)],
        QoS::ExactlyOnce => &[
            (In, PacketType::Publish),
            (Out, PacketType::PubRec),
            (In, PacketType::PubRel),
            (Out, PacketType::PubComp),
        ],
    }
}

/// The QoS a subscriber gets a message with: the lower of the PUBLISH's
/// and the subscription's (the broker never raises it).
pub fn delivered_qos(published: QoS, subscribed: QoS) -> QoS {
    published.min(subscribed)
}

/// The acknowledgement a lost-acknowledgement demo drops toward the
/// publisher: the first answer of the handshake (none at QoS 0).
pub fn first_ack(qos: QoS) -> Option<PacketType> {
    match qos {
        QoS::AtMostOnce => None,
        QoS::AtLeastOnce => Some(PacketType::PubAck),
        QoS::ExactlyOnce => Some(PacketType::PubRec),
    }
}

/// One press of a "Publish at QoS n" button: where each actor's logs stood
/// just before, so the run's packets and messages can be told apart from
/// the others'.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Running number of the run, from 1.
    pub number: u32,
    /// QoS of the PUBLISH.
    pub qos: QoS,
    /// Maximum QoS of the dashboard's subscription at the time.
    pub subscribed: QoS,
    /// The topic published to.
    pub topic: String,
    /// The sensor's packet identifier (none at QoS 0).
    pub packet_id: Option<PacketId>,
    /// The sensor's newest packet before the run ([`crate::app::learn::actor::ActorState::wire_mark`]).
    pub sensor_mark: u64,
    /// The dashboard's newest packet before the run.
    pub dashboard_mark: u64,
    /// The dashboard's message count before the run.
    pub message_mark: u64,
    /// The acknowledgement the sandbox was told to lose, if any.
    pub lost: Option<PacketType>,
}

/// Where the next run starts, bounding this one's packets and messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Until {
    /// The sensor's mark of the next run.
    pub sensor: Option<u64>,
    /// The dashboard's mark of the next run.
    pub dashboard: Option<u64>,
    /// The dashboard's message mark of the next run.
    pub messages: Option<u64>,
}

impl Until {
    /// The bounds set by the run after this one (`None`: the newest run).
    pub fn next(next: Option<&Run>) -> Until {
        Until {
            sensor: next.map(|r| r.sensor_mark),
            dashboard: next.map(|r| r.dashboard_mark),
            messages: next.map(|r| r.message_mark),
        }
    }
}

fn within(seq: u64, from: u64, until: Option<u64>) -> bool {
    seq > from && until.is_none_or(|u| seq <= u)
}

/// What one run showed, read from the actors' logs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunReport {
    /// The sensor's packets of this message: its PUBLISH (again with DUP
    /// after a lost acknowledgement), the answers, and — only when an
    /// acknowledgement was lost — the reconnection in between.
    pub sensor: Vec<WireEntry>,
    /// The dashboard's packets of the deliveries: each PUBLISH on the topic
    /// and its handshake.
    pub dashboard: Vec<WireEntry>,
    /// The messages the dashboard got on the topic in this run.
    pub deliveries: Vec<Received>,
    /// Page time of the sensor's first PUBLISH, the zero of the timings.
    pub t0: Option<u64>,
    /// Milliseconds from the sensor's PUBLISH to the last answer it got
    /// (QoS 1: PUBACK, QoS 2: PUBCOMP), once it came.
    pub acknowledged_after_ms: Option<u64>,
    /// The level the dashboard should get the message at.
    pub expected_delivery: QoS,
    /// Whether the sensor's handshake is over (QoS 0: its PUBLISH went out).
    pub sensor_done: bool,
    /// Whether at least one delivery arrived and every delivery's handshake
    /// is over.
    pub dashboard_done: bool,
    /// Whether the sensor's packets are exactly the level's exchange.
    pub sensor_exact: bool,
    /// Whether the dashboard's packets are exactly one delivery's exchange
    /// at the expected level, and the message arrived once at that level.
    pub dashboard_exact: bool,
}

impl RunReport {
    /// Reads `run` from the sensor's and the dashboard's logs; `until`
    /// bounds it by the next run.
    pub fn new(
        run: &Run,
        until: Until,
        sensor_wire: &[WireEntry],
        dashboard_wire: &[WireEntry],
        dashboard_messages: &[Received],
    ) -> RunReport {
        let sensor = sensor_side(run, until.sensor, sensor_wire);
        let t0 = sensor
            .iter()
            .find(|w| w.packet_type == PacketType::Publish)
            .map(|w| w.at_ms);
        let window: Vec<WireEntry> = sensor_wire
            .iter()
            .filter(|w| until.sensor.is_none_or(|u| w.seq <= u))
            .cloned()
            .collect();
        let exchange = exchange_of(&window, run.sensor_mark, run.packet_id);
        let expected_delivery = delivered_qos(run.qos, run.subscribed);
        let dashboard = dashboard_side(
            &run.topic,
            run.dashboard_mark,
            until.dashboard,
            dashboard_wire,
        );
        let deliveries: Vec<Received> = dashboard_messages
            .iter()
            .filter(|m| within(m.seq, run.message_mark, until.messages) && m.topic == run.topic)
            .cloned()
            .collect();

        let sensor_steps = steps(&sensor);
        let dashboard_steps = steps(&dashboard);
        let last_answer = publisher_steps(run.qos).last().map(|s| s.1);
        let answered = exchange
            .iter()
            .rev()
            .find(|(d, t, _)| *d == Direction::Received && Some(*t) == last_answer);
        let acknowledged_after_ms = match run.qos {
            QoS::AtMostOnce => None,
            _ => answered.map(|(_, _, ms)| *ms),
        };
        let sensor_done = match run.qos {
            QoS::AtMostOnce => t0.is_some(),
            _ => answered.is_some(),
        };
        let dashboard_done =
            !deliveries.is_empty() && deliveries_complete(&dashboard, expected_delivery);
        RunReport {
            sensor_exact: sensor_steps == publisher_steps(run.qos),
            dashboard_exact: dashboard_steps == subscriber_steps(expected_delivery)
                && deliveries.len() == 1
                && deliveries[0].qos == expected_delivery,
            sensor,
            dashboard,
            deliveries,
            t0,
            acknowledged_after_ms,
            expected_delivery,
            sensor_done,
            dashboard_done,
        }
    }

    /// Whether both handshakes are over.
    pub fn done(&self) -> bool {
        self.sensor_done && self.dashboard_done
    }

    /// Whether the run is over and both sides showed exactly the level's
    /// exchange, with one delivery.
    pub fn exact(&self) -> bool {
        self.done() && self.sensor_exact && self.dashboard_exact
    }

    /// Packets on the sensor's leg (without a reconnection's CONNECT and
    /// CONNACK).
    pub fn sensor_packets(&self) -> usize {
        steps(&self.sensor).len()
    }

    /// Packets on the dashboard's leg.
    pub fn dashboard_packets(&self) -> usize {
        self.dashboard.len()
    }

    /// Whether the sensor sent its PUBLISH again (DUP set).
    pub fn resent(&self) -> bool {
        self.sensor
            .iter()
            .any(|w| w.publish.as_ref().is_some_and(|p| p.dup))
    }
}

/// The publish and acknowledgement packets, as steps (connection packets
/// left out).
fn steps(entries: &[WireEntry]) -> Vec<Step> {
    entries
        .iter()
        .filter(|w| is_qos_packet(w.packet_type))
        .map(|w| (w.direction, w.packet_type))
        .collect()
}

fn is_qos_packet(t: PacketType) -> bool {
    matches!(
        t,
        PacketType::Publish
            | PacketType::PubAck
            | PacketType::PubRec
            | PacketType::PubRel
            | PacketType::PubComp
    )
}

/// The sensor's packets of one run: its PUBLISH with the run's identifier
/// (at QoS 0 the first PUBLISH after the mark), the answers with that
/// identifier, and, after a lost acknowledgement, the CONNECT / CONNACK of
/// the reconnection.
fn sensor_side(run: &Run, until: Option<u64>, wire: &[WireEntry]) -> Vec<WireEntry> {
    let mut out = Vec::new();
    let mut started = false;
    for w in wire
        .iter()
        .filter(|w| within(w.seq, run.sensor_mark, until))
    {
        let ours_publish = w.direction == Direction::Sent
            && w.packet_type == PacketType::Publish
            && w.packet_id == run.packet_id
            && w.publish.as_ref().is_some_and(|p| p.topic == run.topic);
        if !started {
            if ours_publish {
                started = true;
                out.push(w.clone());
                if run.packet_id.is_none() {
                    break;
                }
            }
            continue;
        }
        let ours_ack = is_qos_packet(w.packet_type)
            && w.packet_type != PacketType::Publish
            && w.packet_id == run.packet_id;
        let reconnect = run.lost.is_some()
            && matches!(w.packet_type, PacketType::Connect | PacketType::ConnAck);
        if ours_publish || ours_ack || reconnect {
            out.push(w.clone());
        }
    }
    out
}

/// The dashboard's packets of one run: every PUBLISH it received on
/// `topic`, and the handshake packets with those PUBLISHes' identifiers
/// (the broker's, not the sensor's).
fn dashboard_side(
    topic: &str,
    from: u64,
    until: Option<u64>,
    wire: &[WireEntry],
) -> Vec<WireEntry> {
    let mut ids: Vec<PacketId> = Vec::new();
    let mut out = Vec::new();
    for w in wire.iter().filter(|w| within(w.seq, from, until)) {
        let delivery = w.direction == Direction::Received
            && w.packet_type == PacketType::Publish
            && w.publish.as_ref().is_some_and(|p| p.topic == topic);
        if delivery {
            if let Some(id) = w.packet_id {
                ids.push(id);
            }
            out.push(w.clone());
            continue;
        }
        let handshake = is_qos_packet(w.packet_type)
            && w.packet_type != PacketType::Publish
            && w.packet_id.is_some_and(|id| ids.contains(&id));
        if handshake {
            out.push(w.clone());
        }
    }
    out
}

/// Every delivery in `entries` has its full handshake at `qos`.
fn deliveries_complete(entries: &[WireEntry], qos: QoS) -> bool {
    let last = subscriber_steps(qos).last().copied();
    entries
        .iter()
        .filter(|w| w.direction == Direction::Received && w.packet_type == PacketType::Publish)
        .all(|p| match (qos, p.packet_id) {
            (QoS::AtMostOnce, _) => true,
            (_, None) => false,
            (_, Some(id)) => entries
                .iter()
                .any(|w| w.packet_id == Some(id) && Some((w.direction, w.packet_type)) == last),
        })
}

/// Packets one message costs in all at `qos` when the subscriber gets it
/// at `delivered`: both legs together.
pub fn packets_in_all(qos: QoS, delivered: QoS) -> usize {
    publisher_steps(qos).len() + subscriber_steps(delivered).len()
}

#[cfg(test)]
mod tests;
