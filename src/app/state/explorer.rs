//! The explorer views' state — topic tree, retained messages, packet log,
//! QoS exchanges — and how session events and user actions change it.
//! Part of [`AppState`](super::AppState); kept in its own file so the
//! reducer stays readable.

use crate::app::model::packet_log::Direction;
use crate::app::model::topic_tree::{TopicNode, TreeRow, TreeView};
use crate::app::model::{
    ExchangeLog, PacketEntry, PacketFilter, PacketLog, RetainedStore, TopicTree,
};
use crate::i18n::{self, Lang};
use crate::protocol::codec::{DecodeError, Packet, PacketType, ProtocolVersion, QoS};

/// Our empty-retained publishes waiting for the broker's PUBACK / PUBCOMP,
/// at most this many.
const PENDING_CLEARS: usize = 64;

/// What the topic explorer, retained inspector, QoS selector and packet
/// inspector show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExplorerState {
    /// Every topic seen.
    pub tree: TopicTree,
    /// Retained messages the broker sent.
    pub retained: RetainedStore,
    /// Packets sent and received.
    pub packets: PacketLog,
    /// Our publishes' QoS exchanges.
    pub exchanges: ExchangeLog,
    /// What of the tree is expanded, searched, highlighted.
    pub tree_view: TreeView,
    /// Which packet types the packet list shows.
    pub packet_filter: PacketFilter,
    /// The topic whose details are open.
    pub selected_topic: Option<String>,
    /// The packet (its `seq`) open in the inspector.
    pub selected_packet: Option<u64>,
    /// The version packets are decoded in: the one CONNECT asked for.
    pub wire_version: Option<ProtocolVersion>,
    /// Topics we cleared (empty retained publish, QoS 1 / 2) by packet
    /// identifier, until the broker confirms.
    pending_clears: Vec<(u16, String)>,
}

impl ExplorerState {
    /// The node of the selected topic, if it is still in the tree.
    pub fn selected_node(&self) -> Option<&TopicNode> {
        self.tree.node(self.selected_topic.as_deref()?)
    }

    /// The selected packet, if it is still in the log.
    pub fn selected_packet_entry(&self) -> Option<&PacketEntry> {
        self.packets.get(self.selected_packet?)
    }

    /// The visible rows of the tree as the view stands.
    pub fn tree_rows(&self) -> Vec<TreeRow> {
        self.tree.rows(&self.tree_view)
    }

    fn version(&self, fallback: ProtocolVersion) -> ProtocolVersion {
        self.wire_version.unwrap_or(fallback)
    }

    /// A message for us.
    pub(super) fn message(
        &mut self,
        topic: &str,
        payload: &[u8],
        qos: QoS,
        retain: bool,
        now: u64,
    ) {
        self.tree.record(topic, payload, qos, retain, now);
        self.retained.record(topic, payload, qos, retain, now);
    }

    /// A packet went out.
    pub(super) fn packet_sent(
        &mut self,
        packet: &Packet,
        bytes: &[u8],
        fallback: ProtocolVersion,
        now: u64,
    ) {
        if let Packet::Connect(c) = packet {
            self.wire_version = Some(c.protocol_version);
        }
        let version = self.version(fallback);
        self.packets.push(
            Direction::Sent,
            Some(packet.packet_type()),
            packet.packet_id().map(|id| id.get()),
            bytes,
            version,
            now,
            None,
        );
        self.exchanges.on_packet(Direction::Sent, packet, now);
        if let Packet::Publish(p) = packet {
            if p.retain && p.payload.is_empty() && !p.dup {
                match p.qos_pid.packet_id() {
                    None => self.retained_cleared(&p.topic),
                    Some(id) => {
                        if self.pending_clears.len() >= PENDING_CLEARS {
                            self.pending_clears.remove(0);
                        }
                        self.pending_clears.push((id.get(), p.topic.clone()));
                    }
                }
            }
        }
    }

    /// A packet came in.
    pub(super) fn packet_received(
        &mut self,
        packet: &Packet,
        bytes: &[u8],
        fallback: ProtocolVersion,
        now: u64,
    ) {
        let version = self.version(fallback);
        self.packets.push(
            Direction::Received,
            Some(packet.packet_type()),
            packet.packet_id().map(|id| id.get()),
            bytes,
            version,
            now,
            None,
        );
        self.exchanges.on_packet(Direction::Received, packet, now);
        let answer = match packet {
            Packet::PubAck(r) | Packet::PubComp(r) => Some((r, true)),
            // A refusing PUBREC ends the exchange too.
            Packet::PubRec(r) if r.reason_code.is_error() => Some((r, false)),
            _ => None,
        };
        if let Some((r, done)) = answer {
            let id = r.packet_id.get();
            if let Some(i) = self.pending_clears.iter().position(|(p, _)| *p == id) {
                let (_, topic) = self.pending_clears.remove(i);
                if done && !r.reason_code.is_error() {
                    self.retained_cleared(&topic);
                }
            }
        }
    }

    /// Bytes that did not decode.
    pub(super) fn packet_malformed(
        &mut self,
        bytes: &[u8],
        error: &DecodeError,
        lang: Lang,
        fallback: ProtocolVersion,
        now: u64,
    ) {
        let version = self.version(fallback);
        let packet_type = bytes.first().and_then(|b| PacketType::from_u8(b >> 4));
        self.packets.push(
            Direction::Received,
            packet_type,
            None,
            bytes,
            version,
            now,
            Some(i18n::decode_error(lang, error)),
        );
    }

    /// The broker no longer holds a retained message for `topic`.
    pub(super) fn retained_cleared(&mut self, topic: &str) {
        self.retained.remove(topic);
        self.tree.clear_retained(topic);
    }

    /// Opens or closes one node. With everything expanded, collapsing one
    /// node turns "expand all" into the explicit set minus that node.
    pub(super) fn toggle_expanded(&mut self, path: String) {
        let view = &mut self.tree_view;
        if view.expand_all {
            view.expand_all = false;
            view.expanded = self.tree.branch_paths();
            view.expanded.remove(&path);
        } else if !view.expanded.remove(&path) {
            view.expanded.insert(path);
        }
    }

    /// Expand all (`true`) or collapse all (`false`).
    pub(super) fn set_expand_all(&mut self, on: bool) {
        self.tree_view.expand_all = on;
        self.tree_view.expanded.clear();
    }

    /// Forgets the tree and what was open in it.
    pub(super) fn clear_tree(&mut self) {
        self.tree.clear();
        self.tree_view.expanded.clear();
        self.selected_topic = None;
    }

    /// Forgets the packet list.
    pub(super) fn clear_packets(&mut self) {
        self.packets.clear();
        self.selected_packet = None;
    }
}
