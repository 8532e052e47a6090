//! The packet inspector's list: every MQTT packet sent and received, newest
//! last, bounded with a visible cap and a count of what was dropped.

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::app::model::Ring;
use crate::protocol::codec::{PacketType, ProtocolVersion};

/// Packets kept by default.
pub const PACKET_LOG_CAPACITY: usize = 500;

/// Which way a packet went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Direction {
    /// From us to the broker.
    Sent,
    /// From the broker to us.
    Received,
}

/// One packet on the wire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PacketEntry {
    /// Unique, increasing: the row's key and [`PacketLog::get`]'s argument.
    pub seq: u64,
    /// Sent or received.
    pub direction: Direction,
    /// From the first byte; `None` when even that was invalid.
    pub packet_type: Option<PacketType>,
    /// Bytes on the wire.
    pub size: usize,
    /// When.
    pub time_ms: u64,
    /// The packet identifier, if the packet has one.
    pub packet_id: Option<u16>,
    /// The bytes (shared: the inspector decodes them again on selection).
    pub bytes: Rc<[u8]>,
    /// The version the bytes are in.
    pub version: ProtocolVersion,
    /// Why the packet could not be decoded (a received malformed packet),
    /// in the UI language of the moment it arrived.
    pub error: Option<String>,
}

/// Which packets the list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PacketFilter {
    /// Types shown; empty = all.
    pub types: BTreeSet<PacketType>,
}

impl PacketFilter {
    /// Whether `entry` passes. Packets of no known type pass only an empty
    /// filter.
    pub fn accepts(&self, entry: &PacketEntry) -> bool {
        self.types.is_empty() || entry.packet_type.is_some_and(|t| self.types.contains(&t))
    }
}

/// A bounded list of packets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PacketLog {
    entries: Ring<Rc<PacketEntry>>,
    next_seq: u64,
}

impl Default for PacketLog {
    fn default() -> Self {
        PacketLog::new(PACKET_LOG_CAPACITY)
    }
}

impl PacketLog {
    /// An empty log keeping at most `cap` packets.
    pub fn new(cap: usize) -> Self {
        PacketLog {
            entries: Ring::new(cap),
            next_seq: 0,
        }
    }

    /// Adds a packet and returns its `seq`.
    #[allow(clippy::too_many_arguments)]
    pub fn push(
        &mut self,
        direction: Direction,
        packet_type: Option<PacketType>,
        packet_id: Option<u16>,
        bytes: &[u8],
        version: ProtocolVersion,
        time_ms: u64,
        error: Option<String>,
    ) -> u64 {
        self.next_seq += 1;
        self.entries.push(Rc::new(PacketEntry {
            seq: self.next_seq,
            direction,
            packet_type,
            size: bytes.len(),
            time_ms,
            packet_id,
            bytes: Rc::from(bytes),
            version,
            error,
        }));
        self.next_seq
    }

    /// Entries passing `filter`, newest first.
    pub fn entries<'a>(
        &'a self,
        filter: &'a PacketFilter,
    ) -> impl Iterator<Item = &'a PacketEntry> + 'a {
        self.entries
            .iter_newest_first()
            .map(|e| &**e)
            .filter(move |e| filter.accepts(e))
    }

    /// The entry with this `seq`, if still held.
    pub fn get(&self, seq: u64) -> Option<&PacketEntry> {
        // Sequence numbers increase along the ring, so search by position.
        let first = self.entries.iter().next()?.seq;
        let index = usize::try_from(seq.checked_sub(first)?).ok()?;
        self.entries
            .iter()
            .nth(index)
            .filter(|e| e.seq == seq)
            .map(|e| &**e)
    }

    /// Packets held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether none is held.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The cap.
    pub fn capacity(&self) -> usize {
        self.entries.capacity()
    }

    /// Packets pushed out by newer ones since the last clear.
    pub fn dropped(&self) -> u64 {
        self.entries.dropped()
    }

    /// Empties the log (sequence numbers keep increasing).
    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn push(log: &mut PacketLog, d: Direction, t: PacketType, time: u64) -> u64 {
        log.push(
            d,
            Some(t),
            None,
            &[(t as u8) << 4, 0],
            ProtocolVersion::V5,
            time,
            None,
        )
    }

    #[test]
    fn bounded_newest_first_and_filtered() {
        let mut log = PacketLog::new(3);
        assert!(log.is_empty());
        push(&mut log, Direction::Sent, PacketType::Connect, 1);
        push(&mut log, Direction::Received, PacketType::ConnAck, 2);
        push(&mut log, Direction::Sent, PacketType::PingReq, 3);
        let s4 = push(&mut log, Direction::Received, PacketType::PingResp, 4);
        let s5 = log.push(
            Direction::Received,
            None,
            None,
            &[0x00, 0x00],
            ProtocolVersion::V311,
            5,
            Some("bad".into()),
        );
        assert_eq!((log.len(), log.capacity(), log.dropped()), (3, 3, 2));
        let all = PacketFilter::default();
        let seqs: Vec<_> = log.entries(&all).map(|e| e.seq).collect();
        assert_eq!(seqs, [5, 4, 3]);
        let e = log.get(s5).unwrap();
        assert_eq!((e.size, e.error.as_deref()), (2, Some("bad")));
        assert_eq!(log.get(s4).unwrap().packet_type, Some(PacketType::PingResp));
        assert!(log.get(1).is_none());
        assert!(log.get(99).is_none());

        let pings = PacketFilter {
            types: BTreeSet::from([PacketType::PingReq, PacketType::Publish]),
        };
        let seqs: Vec<_> = log.entries(&pings).map(|e| e.seq).collect();
        assert_eq!(seqs, [3]);
        log.clear();
        assert_eq!((log.len(), log.dropped()), (0, 0));
        let next = push(&mut log, Direction::Sent, PacketType::PingReq, 6);
        assert_eq!(next, 6);
        assert_eq!(log.get(6).unwrap().time_ms, 6);
    }
}
