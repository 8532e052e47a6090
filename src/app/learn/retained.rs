//! Lesson 6, retained messages: what a brand-new subscriber got, read from
//! its own packets. A newcomer connects with a fresh Client Identifier,
//! subscribes to the status topic and either receives the stored message
//! at once (flagged retained) or hears nothing — and "nothing" is only
//! said after it was actually measured: [`QUIET_WAIT_MS`] after SUBACK.

use crate::app::learn::actor::{ActorStatus, Direction, Received, WireEntry};
use crate::protocol::codec::PacketType;

/// How long after SUBACK a newcomer waits before it says nothing came.
/// A broker sends the retained message right after SUBACK (or even just
/// before it), so a few milliseconds would do on a local broker; 1.5 s
/// leaves room for a slow mobile network to a cloud broker.
pub const QUIET_WAIT_MS: u64 = 1_500;

/// One newcomer's run, from the moment it was asked to connect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewcomerRun {
    /// Its Client Identifier.
    pub client_id: String,
    /// When the run started (page ms).
    pub started_ms: u64,
    /// The newcomer's packet number before the run (see
    /// [`ActorState::wire_mark`](crate::app::learn::actor::ActorState::wire_mark)).
    pub wire_mark: u64,
    /// Its message count before the run.
    pub message_mark: u64,
}

/// What a newcomer got.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NewcomerOutcome {
    /// Still connecting or subscribing, or inside the quiet wait.
    Waiting,
    /// A message arrived on the status topic.
    Received {
        /// Its payload, as text (empty: a zero-length message).
        payload: String,
        /// Whether the broker flagged it retained (a stored message).
        retain: bool,
        /// Milliseconds from the newcomer's SUBSCRIBE to the message.
        after_subscribe_ms: u64,
    },
    /// Nothing arrived: measured, `waited_ms` after SUBACK.
    Nothing {
        /// How long it actually waited after SUBACK.
        waited_ms: u64,
    },
    /// The connection ended, or the broker refused the subscription,
    /// before there was an answer.
    Failed,
}

impl NewcomerOutcome {
    /// Whether the run is over (nothing more will change its verdict).
    pub fn is_final(&self) -> bool {
        !matches!(self, NewcomerOutcome::Waiting)
    }
}

/// The verdict on `run` from the newcomer's packets and messages at
/// `now_ms`: the first message on `topic` after its SUBSCRIBE, or nothing
/// once [`QUIET_WAIT_MS`] passed after SUBACK.
pub fn newcomer_outcome(
    run: &NewcomerRun,
    wire: &[WireEntry],
    messages: &[Received],
    status: &ActorStatus,
    refused: bool,
    topic: &str,
    now_ms: u64,
) -> NewcomerOutcome {
    let ours = || wire.iter().filter(|w| w.seq > run.wire_mark);
    let subscribe_at = ours()
        .find(|w| w.direction == Direction::Sent && w.packet_type == PacketType::Subscribe)
        .map(|w| w.at_ms);
    let suback_at = ours()
        .find(|w| w.direction == Direction::Received && w.packet_type == PacketType::SubAck)
        .map(|w| w.at_ms);
    if let Some(sub) = subscribe_at {
        if let Some(m) = messages
            .iter()
            .find(|m| m.seq > run.message_mark && m.topic == topic)
        {
            return NewcomerOutcome::Received {
                payload: m.text(),
                retain: m.retain,
                after_subscribe_ms: m.at_ms.saturating_sub(sub),
            };
        }
    }
    if refused && suback_at.is_some() {
        return NewcomerOutcome::Failed;
    }
    if let Some(ack) = suback_at {
        let waited = now_ms.saturating_sub(ack);
        if waited >= QUIET_WAIT_MS {
            return NewcomerOutcome::Nothing { waited_ms: waited };
        }
    }
    match status {
        ActorStatus::Closed { at_ms, .. } if *at_ms >= run.started_ms => NewcomerOutcome::Failed,
        _ => NewcomerOutcome::Waiting,
    }
}

/// What the board last did to the status topic in this page, for the
/// readout's explanation of a newcomer's result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoardAction {
    /// Published `online` with RETAIN.
    PublishedRetained,
    /// Published `online` without RETAIN.
    PublishedPlain,
    /// Published a zero-length retained message (clears the store).
    Cleared,
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::protocol::codec::QoS;

    const TOPIC: &str = "lab/x/board/status";

    fn entry(seq: u64, at_ms: u64, direction: Direction, packet_type: PacketType) -> WireEntry {
        WireEntry::sample(seq, at_ms, direction, packet_type, TOPIC)
    }

    fn message(seq: u64, at_ms: u64, topic: &str, payload: &str, retain: bool) -> Received {
        Received {
            seq,
            at_ms,
            topic: topic.into(),
            payload: payload.as_bytes().into(),
            qos: QoS::AtLeastOnce,
            retain,
            dup: false,
        }
    }

    fn run() -> NewcomerRun {
        NewcomerRun {
            client_id: "lab-x-new1".into(),
            started_ms: 1_000,
            wire_mark: 10,
            message_mark: 4,
        }
    }

    fn connected() -> ActorStatus {
        ActorStatus::Connected {
            version: crate::protocol::codec::ProtocolVersion::V5,
            since_ms: 1_010,
        }
    }

    /// CONNECT, CONNACK, SUBSCRIBE at 1020, SUBACK at 1030.
    fn subscribed() -> Vec<WireEntry> {
        vec![
            entry(9, 500, Direction::Sent, PacketType::Subscribe),
            entry(11, 1_005, Direction::Sent, PacketType::Connect),
            entry(12, 1_010, Direction::Received, PacketType::ConnAck),
            entry(13, 1_020, Direction::Sent, PacketType::Subscribe),
            entry(14, 1_030, Direction::Received, PacketType::SubAck),
        ]
    }

    #[test]
    fn the_retained_message_is_timed_from_the_subscribe() {
        let msgs = [
            message(3, 600, TOPIC, "old run", true),
            message(5, 1_033, TOPIC, "online", true),
        ];
        let got = newcomer_outcome(
            &run(),
            &subscribed(),
            &msgs,
            &connected(),
            false,
            TOPIC,
            1_040,
        );
        assert_eq!(
            got,
            NewcomerOutcome::Received {
                payload: "online".into(),
                retain: true,
                after_subscribe_ms: 13
            }
        );
        assert!(got.is_final());
    }

    #[test]
    fn a_live_message_shows_as_not_retained() {
        let msgs = [message(5, 1_200, TOPIC, "online", false)];
        let got = newcomer_outcome(
            &run(),
            &subscribed(),
            &msgs,
            &connected(),
            false,
            TOPIC,
            1_300,
        );
        assert!(matches!(
            got,
            NewcomerOutcome::Received {
                retain: false,
                after_subscribe_ms: 180,
                ..
            }
        ));
    }

    #[test]
    fn nothing_only_after_the_quiet_wait_and_with_the_real_wait() {
        let wire = subscribed();
        let early = newcomer_outcome(
            &run(),
            &wire,
            &[],
            &connected(),
            false,
            TOPIC,
            1_030 + 1_499,
        );
        assert_eq!(early, NewcomerOutcome::Waiting);
        assert!(!early.is_final());
        let late = newcomer_outcome(
            &run(),
            &wire,
            &[],
            &connected(),
            false,
            TOPIC,
            1_030 + 1_742,
        );
        assert_eq!(late, NewcomerOutcome::Nothing { waited_ms: 1_742 });
    }

    #[test]
    fn no_suback_yet_is_waiting_however_long() {
        let wire = &subscribed()[..4];
        let got = newcomer_outcome(&run(), wire, &[], &connected(), false, TOPIC, 60_000);
        assert_eq!(got, NewcomerOutcome::Waiting);
    }

    #[test]
    fn other_topics_and_earlier_runs_do_not_count() {
        let msgs = [
            message(4, 1_031, TOPIC, "earlier run", true),
            message(5, 1_032, "lab/x/other", "x", true),
        ];
        let got = newcomer_outcome(
            &run(),
            &subscribed(),
            &msgs,
            &connected(),
            false,
            TOPIC,
            1_100,
        );
        assert_eq!(got, NewcomerOutcome::Waiting);
    }

    #[test]
    fn a_closed_connection_or_refused_filter_fails_the_run() {
        let closed_now = ActorStatus::Closed {
            reason: None,
            at_ms: 1_002,
        };
        let wire = &subscribed()[..1];
        assert_eq!(
            newcomer_outcome(&run(), wire, &[], &closed_now, false, TOPIC, 1_003),
            NewcomerOutcome::Failed
        );
        // A close from before the run is the previous newcomer's.
        let closed_before = ActorStatus::Closed {
            reason: None,
            at_ms: 900,
        };
        assert_eq!(
            newcomer_outcome(&run(), wire, &[], &closed_before, false, TOPIC, 1_003),
            NewcomerOutcome::Waiting
        );
        assert_eq!(
            newcomer_outcome(&run(), &subscribed(), &[], &connected(), true, TOPIC, 1_031),
            NewcomerOutcome::Failed
        );
    }
}
