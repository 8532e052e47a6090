//! The topic explorer's data: every topic seen on the connection, split by
//! level (`home` ▸ `livingroom` ▸ `temperature`), with message counts, the
//! last message, a retained marker and a bounded history per topic.
//!
//! Built for thousands of topics and a steady stream:
//! - children sit in maps keyed by level name, so [`TopicTree::record`]
//!   walks one path (O(depth)) and the display order (sorted by level name)
//!   comes for free, with nothing re-sorted per message;
//! - nodes are shared (`Rc`) and copied on write, so cloning the app state
//!   each animation frame copies only the top level, and a message copies
//!   only the nodes on its own path;
//! - [`TopicTree::rows`] descends only into expanded nodes, so its cost
//!   follows the rows shown, not the topics known (a search walks them all).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::rc::Rc;

use crate::app::model::{PayloadView, Ring};
use crate::protocol::codec::QoS;
use crate::protocol::topic;

/// Messages kept per topic unless told otherwise.
pub const DEFAULT_HISTORY_CAP: usize = 100;

/// Distinct topics kept unless told otherwise: a broker streaming ever new
/// topic names cannot grow the tree without bound.
pub const DEFAULT_MAX_TOPICS: usize = 50_000;

/// Payload bytes kept per history entry; larger payloads keep their
/// beginning (and their full size in [`HistoryEntry::size`]).
pub const HISTORY_PAYLOAD_BYTES: usize = 64 * 1024;

/// Payload bytes looked at for the one-line preview.
const PREVIEW_SOURCE_BYTES: usize = 1024;

/// The last message on a topic, as its row shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastMessage {
    /// One short line of the payload.
    pub preview: String,
    /// When it arrived.
    pub time_ms: u64,
    /// QoS of the delivery.
    pub qos: QoS,
    /// RETAIN flag of the delivery.
    pub retain: bool,
    /// Payload size in bytes.
    pub size: usize,
}

/// One message in a topic's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryEntry {
    /// The payload (its first [`HISTORY_PAYLOAD_BYTES`]); shared, so cloning
    /// the history is cheap.
    pub payload: Rc<[u8]>,
    /// The full payload size in bytes.
    pub size: usize,
    /// When it arrived.
    pub time_ms: u64,
    /// QoS of the delivery.
    pub qos: QoS,
    /// RETAIN flag of the delivery.
    pub retain: bool,
}

impl HistoryEntry {
    /// Only the beginning of the payload is kept.
    pub fn truncated(&self) -> bool {
        self.size > self.payload.len()
    }
}

/// One level of the tree: a topic if messages arrived on exactly this path,
/// a branch if any arrived below it, or both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicNode {
    /// The level's name (may be empty: `a//b` has an empty middle level).
    pub name: String,
    /// The full topic name up to this level.
    pub path: String,
    /// Messages on exactly this topic.
    pub own_count: u64,
    /// Messages on this topic and every topic below it.
    pub subtree_count: u64,
    /// The last message on exactly this topic.
    pub last: Option<LastMessage>,
    /// The last message on this topic came with the retain flag and a
    /// non-empty payload (an empty retained payload clears the marker).
    pub retained: bool,
    /// The newest messages on this topic, oldest first, bounded.
    pub history: Ring<HistoryEntry>,
    /// Levels below, by name (their display order). Keys are shared
    /// strings so copying a node's map on write allocates nothing per key.
    pub children: BTreeMap<Rc<str>, Rc<TopicNode>>,
}

impl TopicNode {
    fn new(name: &str, path: String, history_cap: usize) -> Self {
        TopicNode {
            name: name.to_string(),
            path,
            own_count: 0,
            subtree_count: 0,
            last: None,
            retained: false,
            history: Ring::new(history_cap),
            children: BTreeMap::new(),
        }
    }

    /// Whether levels exist below this one.
    pub fn has_children(&self) -> bool {
        !self.children.is_empty()
    }

    /// Whether messages arrived on exactly this topic.
    pub fn is_topic(&self) -> bool {
        self.own_count > 0
    }

    /// The newest history entry (the full last payload, up to
    /// [`HISTORY_PAYLOAD_BYTES`]).
    pub fn last_payload(&self) -> Option<&HistoryEntry> {
        self.history.newest()
    }
}

/// How the tree is shown: what is expanded, what is searched, which filter
/// highlights topics.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TreeView {
    /// Paths of expanded nodes.
    pub expanded: BTreeSet<String>,
    /// Show every node expanded.
    pub expand_all: bool,
    /// Keep only nodes whose path contains this (case-insensitive), with
    /// their ancestors; empty = no search.
    pub search: String,
    /// A topic filter whose matching topics are highlighted; empty or
    /// invalid = none.
    pub highlight_filter: String,
}

/// One visible row of the tree, in display order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeRow {
    /// Full topic name up to this level (the row's key).
    pub path: String,
    /// The level's name.
    pub name: String,
    /// 0 for top-level nodes.
    pub depth: usize,
    /// Whether levels exist below.
    pub has_children: bool,
    /// Whether its children are shown.
    pub expanded: bool,
    /// Messages on exactly this topic.
    pub own_count: u64,
    /// Messages here and below.
    pub subtree_count: u64,
    /// One line of the last payload.
    pub last_preview: Option<String>,
    /// When the last message arrived.
    pub last_time_ms: Option<u64>,
    /// QoS of the last message.
    pub qos: Option<QoS>,
    /// The retained marker.
    pub retained: bool,
    /// The highlight filter matches this topic.
    pub highlighted: bool,
}

/// A slice of the visible rows, for a list that draws only what is on
/// screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowsWindow {
    /// The rows asked for (fewer near the end).
    pub rows: Vec<TreeRow>,
    /// Visible rows in all.
    pub total: usize,
}

/// Every topic seen, by level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicTree {
    /// The unnamed root; its children are the first levels.
    root: Rc<TopicNode>,
    history_cap: usize,
    max_topics: usize,
    topics: usize,
    refused: u64,
}

impl Default for TopicTree {
    fn default() -> Self {
        TopicTree::new(DEFAULT_HISTORY_CAP)
    }
}

impl TopicTree {
    /// An empty tree keeping `history_cap` messages per topic.
    pub fn new(history_cap: usize) -> Self {
        TopicTree::with_max_topics(history_cap, DEFAULT_MAX_TOPICS)
    }

    /// An empty tree keeping `history_cap` messages per topic and at most
    /// `max_topics` distinct topics; messages on further new topics are
    /// counted in [`TopicTree::refused`] and otherwise ignored.
    pub fn with_max_topics(history_cap: usize, max_topics: usize) -> Self {
        TopicTree {
            root: Rc::new(TopicNode::new("", String::new(), 1)),
            history_cap: history_cap.max(1),
            max_topics: max_topics.max(1),
            topics: 0,
            refused: 0,
        }
    }

    /// The cap on distinct topics.
    pub fn max_topics(&self) -> usize {
        self.max_topics
    }

    /// Messages ignored because they were on a new topic with the tree
    /// full, since the last clear.
    pub fn refused(&self) -> u64 {
        self.refused
    }

    /// Messages kept per topic.
    pub fn history_cap(&self) -> usize {
        self.history_cap
    }

    /// Records a message on `topic`. O(depth): one walk down its path.
    pub fn record(&mut self, topic: &str, payload: &[u8], qos: QoS, retain: bool, time_ms: u64) {
        let cap = self.history_cap;
        if self.topics >= self.max_topics && !self.node(topic).is_some_and(TopicNode::is_topic) {
            self.refused += 1;
            return;
        }
        let mut node = Rc::make_mut(&mut self.root);
        node.subtree_count += 1;
        let mut end = 0;
        for level in topic.split('/') {
            end += level.len();
            let path = &topic[..end];
            end += 1;
            // `entry` would allocate the key on every call; look up first.
            if !node.children.contains_key(level) {
                node.children.insert(
                    Rc::from(level),
                    Rc::new(TopicNode::new(level, path.to_string(), cap)),
                );
            }
            let Some(child) = node.children.get_mut(level) else {
                return;
            };
            node = Rc::make_mut(child);
            node.subtree_count += 1;
        }
        if node.own_count == 0 {
            self.topics += 1;
        }
        node.own_count += 1;
        let source = &payload[..payload.len().min(PREVIEW_SOURCE_BYTES)];
        node.last = Some(LastMessage {
            preview: PayloadView::of(source).preview(),
            time_ms,
            qos,
            retain,
            size: payload.len(),
        });
        node.retained = retain && !payload.is_empty();
        node.history.push(HistoryEntry {
            payload: Rc::from(&payload[..payload.len().min(HISTORY_PAYLOAD_BYTES)]),
            size: payload.len(),
            time_ms,
            qos,
            retain,
        });
    }

    /// Marks `topic` as no longer retained (the broker confirmed that its
    /// retained message was cleared), without counting a message.
    pub fn clear_retained(&mut self, topic: &str) {
        if self.node(topic).is_some_and(|n| n.retained) {
            if let Some(n) = self.node_mut(topic) {
                n.retained = false;
            }
        }
    }

    fn node_mut(&mut self, path: &str) -> Option<&mut TopicNode> {
        let mut node = Rc::make_mut(&mut self.root);
        for level in path.split('/') {
            node = Rc::make_mut(node.children.get_mut(level)?);
        }
        Some(node)
    }

    /// The node at `path` (a topic name or a prefix of one).
    pub fn node(&self, path: &str) -> Option<&TopicNode> {
        let mut node: &TopicNode = &self.root;
        for level in path.split('/') {
            node = node.children.get(level)?;
        }
        Some(node)
    }

    /// The first-level nodes, in display order.
    pub fn top_level(&self) -> impl Iterator<Item = &TopicNode> {
        self.root.children.values().map(|n| &**n)
    }

    /// Paths of every node with children (what "expand all" opens).
    pub fn branch_paths(&self) -> BTreeSet<String> {
        fn walk(node: &TopicNode, out: &mut BTreeSet<String>) {
            if node.has_children() {
                out.insert(node.path.clone());
                node.children.values().for_each(|c| walk(c, out));
            }
        }
        let mut out = BTreeSet::new();
        self.root.children.values().for_each(|c| walk(c, &mut out));
        out
    }

    /// Distinct topic names that got messages.
    pub fn topic_count(&self) -> usize {
        self.topics
    }

    /// Messages recorded since the last clear.
    pub fn message_count(&self) -> u64 {
        self.root.subtree_count
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.root.children.is_empty()
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        *self = TopicTree::with_max_topics(self.history_cap, self.max_topics);
    }

    /// The visible rows in display order (children sorted by level name).
    ///
    /// Without a search, only expanded nodes are descended into. With one,
    /// every node whose path contains the text (ignoring case) is kept with
    /// its ancestors, shown expanded.
    pub fn rows(&self, view: &TreeView) -> Vec<TreeRow> {
        let filter = view.highlight_filter.trim();
        let highlight = if filter.is_empty() {
            None
        } else {
            topic::validate_topic_filter(filter).ok()
        };
        let mut rows = Vec::new();
        let search = view.search.trim().to_lowercase();
        let ctx = RowContext {
            view,
            highlight: highlight.as_ref(),
            search: &search,
        };
        if search.is_empty() {
            for child in self.root.children.values() {
                ctx.browse(child, 0, &mut rows);
            }
        } else {
            let mut kept = Vec::new();
            for child in self.root.children.values() {
                ctx.search(child, 0, false, &mut kept);
            }
            rows = kept
                .into_iter()
                .map(|(node, depth, expanded)| {
                    let mut row = ctx.row(node, depth, expanded);
                    row.expanded = expanded;
                    row
                })
                .collect();
        }
        rows
    }

    /// The rows in `window` (positions in [`TopicTree::rows`]) and how many
    /// rows there are in all: what a virtualised list draws. Without a
    /// search, rows outside the window are counted, never built.
    pub fn rows_window(&self, view: &TreeView, window: Range<usize>) -> RowsWindow {
        if !view.search.trim().is_empty() {
            let mut rows = self.rows(view);
            let total = rows.len();
            let end = window.end.min(total);
            let start = window.start.min(end);
            rows.truncate(end);
            rows.drain(..start);
            return RowsWindow { rows, total };
        }
        let filter = view.highlight_filter.trim();
        let highlight = if filter.is_empty() {
            None
        } else {
            topic::validate_topic_filter(filter).ok()
        };
        let ctx = RowContext {
            view,
            highlight: highlight.as_ref(),
            search: "",
        };
        let mut out = RowsWindow {
            rows: Vec::new(),
            total: 0,
        };
        for child in self.root.children.values() {
            ctx.browse_window(child, 0, &window, &mut out);
        }
        out
    }

    /// Topics (with messages) the filter matches; 0 for an invalid filter.
    /// Walks every node.
    pub fn count_matching(&self, filter: &str) -> usize {
        let Ok(parsed) = topic::validate_topic_filter(filter.trim()) else {
            return 0;
        };
        fn walk(node: &TopicNode, f: &topic::TopicFilter<'_>) -> usize {
            let own = usize::from(node.is_topic() && f.matches(&node.path));
            own + node.children.values().map(|c| walk(c, f)).sum::<usize>()
        }
        self.root.children.values().map(|c| walk(c, &parsed)).sum()
    }
}

struct RowContext<'a> {
    view: &'a TreeView,
    highlight: Option<&'a topic::TopicFilter<'a>>,
    search: &'a str,
}

impl RowContext<'_> {
    fn row(&self, node: &TopicNode, depth: usize, expanded: bool) -> TreeRow {
        let highlighted = node.is_topic()
            && self.highlight.is_some_and(|f| {
                topic::validate_topic_name(&node.path).is_ok() && f.matches(&node.path)
            });
        TreeRow {
            path: node.path.clone(),
            name: node.name.clone(),
            depth,
            has_children: node.has_children(),
            expanded: expanded && node.has_children(),
            own_count: node.own_count,
            subtree_count: node.subtree_count,
            last_preview: node.last.as_ref().map(|l| l.preview.clone()),
            last_time_ms: node.last.as_ref().map(|l| l.time_ms),
            qos: node.last.as_ref().map(|l| l.qos),
            retained: node.retained,
            highlighted,
        }
    }

    fn browse(&self, node: &TopicNode, depth: usize, rows: &mut Vec<TreeRow>) {
        let expanded = self.view.expand_all || self.view.expanded.contains(&node.path);
        rows.push(self.row(node, depth, expanded));
        if expanded {
            for child in node.children.values() {
                self.browse(child, depth + 1, rows);
            }
        }
    }

    fn browse_window(
        &self,
        node: &TopicNode,
        depth: usize,
        window: &Range<usize>,
        out: &mut RowsWindow,
    ) {
        let expanded = self.view.expand_all || self.view.expanded.contains(&node.path);
        if window.contains(&out.total) {
            out.rows.push(self.row(node, depth, expanded));
        }
        out.total += 1;
        if expanded {
            for child in node.children.values() {
                self.browse_window(child, depth + 1, window, out);
            }
        }
    }

    /// Adds `node` and what it keeps below; returns whether anything was
    /// kept. `matched`: an ancestor's path matched, so this one's does too
    /// (it starts with it) and needs no check.
    fn search<'n>(
        &self,
        node: &'n TopicNode,
        depth: usize,
        matched: bool,
        kept: &mut Vec<(&'n TopicNode, usize, bool)>,
    ) -> bool {
        let at = kept.len();
        let own = matched || contains_ignoring_case(&node.path, self.search);
        // A placeholder keeps the parent before its children; rows are
        // built only for what is kept.
        kept.push((node, depth, false));
        let mut below = false;
        for child in node.children.values() {
            below |= self.search(child, depth + 1, own, kept);
        }
        if !own && !below {
            kept.truncate(at);
            return false;
        }
        kept[at].2 = below;
        true
    }
}

/// Whether `haystack` contains `needle_lower` (already lower-case),
/// ignoring case; without allocating when the needle is ASCII.
fn contains_ignoring_case(haystack: &str, needle_lower: &str) -> bool {
    if needle_lower.is_ascii() {
        let (h, n) = (haystack.as_bytes(), needle_lower.as_bytes());
        n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
    } else {
        haystack.to_lowercase().contains(needle_lower)
    }
}

/// The values of a topic's history as numbers, oldest first, with their
/// times: the payload itself parsed as a number, or, with `json_field`, the
/// number at that dotted path in a JSON payload (`"sensor.temp"`,
/// `"values.0"`). Entries that do not give a finite number are skipped.
pub fn numeric_series(node: &TopicNode, json_field: Option<&str>) -> Vec<(u64, f64)> {
    node.history
        .iter()
        .filter_map(|e| {
            let v = match json_field {
                None => payload_number(&e.payload),
                Some(field) => json_field_number(&e.payload, field),
            }?;
            v.is_finite().then_some((e.time_ms, v))
        })
        .collect()
}

/// The payload as a number (`21.5`, ` 42 `), if it is one.
pub fn payload_number(payload: &[u8]) -> Option<f64> {
    core::str::from_utf8(payload).ok()?.trim().parse().ok()
}

fn json_field_number(payload: &[u8], field: &str) -> Option<f64> {
    let value: serde_json::Value = serde_json::from_slice(payload).ok()?;
    let mut at = &value;
    for part in field.split('.') {
        at = match at {
            serde_json::Value::Object(map) => map.get(part)?,
            serde_json::Value::Array(items) => items.get(part.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    at.as_f64()
}

/// Most fields [`json_number_fields`] lists.
const MAX_NUMBER_FIELDS: usize = 50;

/// Deepest nesting [`json_number_fields`] looks into.
const MAX_FIELD_DEPTH: usize = 6;

/// The dotted paths of the numbers in a JSON payload, in document order,
/// for the chart's field picker (empty when the payload is not JSON).
pub fn json_number_fields(payload: &[u8]) -> Vec<String> {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(payload) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    collect_number_fields(&value, String::new(), 0, &mut out);
    out
}

fn collect_number_fields(
    value: &serde_json::Value,
    path: String,
    depth: usize,
    out: &mut Vec<String>,
) {
    if out.len() >= MAX_NUMBER_FIELDS || depth > MAX_FIELD_DEPTH {
        return;
    }
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        serde_json::Value::Number(_) if !path.is_empty() => out.push(path),
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                // A key with a dot could not be found again by its path.
                if !k.contains('.') {
                    collect_number_fields(v, join(k), depth + 1, out);
                }
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_number_fields(v, join(&i.to_string()), depth + 1, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(topics: &[&str]) -> TopicTree {
        let mut t = TopicTree::new(10);
        for (i, topic) in topics.iter().enumerate() {
            t.record(topic, b"1", QoS::AtMostOnce, false, i as u64);
        }
        t
    }

    fn paths(rows: &[TreeRow]) -> Vec<&str> {
        rows.iter().map(|r| r.path.as_str()).collect()
    }

    fn all_expanded() -> TreeView {
        TreeView {
            expand_all: true,
            ..TreeView::default()
        }
    }

    #[test]
    fn levels_counts_and_last_message() {
        let mut t = TopicTree::new(10);
        t.record(
            "home/livingroom/temperature",
            b"21.5",
            QoS::AtLeastOnce,
            false,
            10,
        );
        t.record(
            "home/livingroom/temperature",
            b"21.7",
            QoS::AtMostOnce,
            false,
            20,
        );
        t.record("home/livingroom", b"on", QoS::AtMostOnce, false, 30);
        t.record(
            "home/kitchen/temperature",
            b"19",
            QoS::AtMostOnce,
            false,
            40,
        );
        t.record("office", b"x", QoS::AtMostOnce, false, 50);
        assert_eq!(t.topic_count(), 4);
        assert_eq!(t.message_count(), 5);

        let home = t.node("home").unwrap();
        assert_eq!((home.own_count, home.subtree_count), (0, 4));
        assert!(!home.is_topic() && home.last.is_none());
        let living = t.node("home/livingroom").unwrap();
        assert_eq!((living.own_count, living.subtree_count), (1, 3));
        let temp = t.node("home/livingroom/temperature").unwrap();
        assert_eq!((temp.own_count, temp.subtree_count), (2, 2));
        assert_eq!(temp.name, "temperature");
        let last = temp.last.as_ref().unwrap();
        assert_eq!(
            (last.preview.as_str(), last.time_ms, last.qos),
            ("21.7", 20, QoS::AtMostOnce)
        );
        assert_eq!(last.size, 4);
        assert_eq!(&*temp.last_payload().unwrap().payload, b"21.7");
        assert!(t.node("home/garage").is_none());
        assert!(t.node("home/livingroom/temperature/x").is_none());

        let names: Vec<_> = t.top_level().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["home", "office"]);
        t.clear();
        assert!(t.is_empty());
        assert_eq!((t.topic_count(), t.message_count()), (0, 0));
        assert!(t.node("home").is_none());
    }

    #[test]
    fn empty_levels_are_levels() {
        let t = tree(&["/a", "a//b", "a/"]);
        assert_eq!(t.topic_count(), 3);
        assert_eq!(t.node("").unwrap().subtree_count, 1);
        assert!(t.node("/a").unwrap().is_topic());
        assert!(t.node("a/").unwrap().is_topic());
        assert_eq!(t.node("a/").unwrap().subtree_count, 2);
        assert!(t.node("a//b").unwrap().is_topic());
        let rows = t.rows(&all_expanded());
        assert_eq!(paths(&rows), ["", "/a", "a", "a/", "a//b"]);
        assert_eq!(rows[1].name, "a");
        assert_eq!(rows[3].name, "");
    }

    #[test]
    fn retained_marker_is_set_and_cleared() {
        let mut t = TopicTree::new(10);
        t.record("lamp/state", b"on", QoS::AtLeastOnce, true, 1);
        assert!(t.node("lamp/state").unwrap().retained);
        assert!(!t.node("lamp").unwrap().retained);
        // A live message after it: the last message is not retained.
        t.record("lamp/state", b"off", QoS::AtLeastOnce, false, 2);
        assert!(!t.node("lamp/state").unwrap().retained);
        t.record("lamp/state", b"on", QoS::AtLeastOnce, true, 3);
        assert!(t.node("lamp/state").unwrap().retained);
        // An empty retained payload clears it (and counts as a message).
        t.record("lamp/state", b"", QoS::AtLeastOnce, true, 4);
        let n = t.node("lamp/state").unwrap();
        assert!(!n.retained);
        assert_eq!(n.own_count, 4);
        assert!(n.last.as_ref().unwrap().retain);

        t.record("lamp/state", b"on", QoS::AtMostOnce, true, 5);
        t.clear_retained("lamp/state");
        assert!(!t.node("lamp/state").unwrap().retained);
        assert_eq!(t.node("lamp/state").unwrap().own_count, 5);
        t.clear_retained("no/such/topic");
        assert!(t.node("no").is_none());
    }

    #[test]
    fn history_is_bounded_per_topic() {
        let mut t = TopicTree::new(3);
        for i in 0..5u64 {
            t.record("a", i.to_string().as_bytes(), QoS::AtMostOnce, false, i);
        }
        t.record("b", b"x", QoS::AtMostOnce, false, 9);
        let a = t.node("a").unwrap();
        assert_eq!(a.history.len(), 3);
        assert_eq!(a.history.dropped(), 2);
        assert_eq!(a.history.capacity(), 3);
        let kept: Vec<_> = a.history.iter().map(|e| e.time_ms).collect();
        assert_eq!(kept, [2, 3, 4]);
        assert_eq!(a.own_count, 5);
        assert_eq!(t.node("b").unwrap().history.len(), 1);

        let big = vec![b'x'; HISTORY_PAYLOAD_BYTES + 10];
        t.record("big", &big, QoS::AtMostOnce, false, 1);
        let e = t.node("big").unwrap().last_payload().unwrap();
        assert_eq!(
            (e.payload.len(), e.size),
            (HISTORY_PAYLOAD_BYTES, big.len())
        );
        assert!(e.truncated());
        assert!(t
            .node("big")
            .unwrap()
            .last
            .as_ref()
            .unwrap()
            .preview
            .ends_with('…'));
    }

    #[test]
    fn the_number_of_topics_is_capped() {
        let mut t = TopicTree::with_max_topics(5, 2);
        t.record("a/x", b"1", QoS::AtMostOnce, false, 0);
        t.record("a/y", b"1", QoS::AtMostOnce, false, 0);
        t.record("a/z", b"1", QoS::AtMostOnce, false, 0);
        // A known topic still counts; a branch is no topic yet.
        t.record("a/x", b"2", QoS::AtMostOnce, false, 1);
        t.record("a", b"1", QoS::AtMostOnce, false, 1);
        assert_eq!((t.topic_count(), t.refused(), t.max_topics()), (2, 2, 2));
        assert!(t.node("a/z").is_none());
        assert_eq!(t.node("a").unwrap().subtree_count, 3);
        t.clear();
        assert_eq!((t.refused(), t.max_topics()), (0, 2));
    }

    #[test]
    fn rows_follow_expansion() {
        let t = tree(&["b/y", "a/x/1", "a/x/2", "a/w", "c"]);
        let mut view = TreeView::default();
        let rows = t.rows(&view);
        assert_eq!(paths(&rows), ["a", "b", "c"]);
        assert!(rows[0].has_children && !rows[0].expanded);
        assert!(!rows[2].has_children && !rows[2].expanded);
        assert_eq!(rows[0].subtree_count, 3);
        assert_eq!(rows[2].last_preview.as_deref(), Some("1"));
        assert_eq!(rows[2].qos, Some(QoS::AtMostOnce));
        assert_eq!(rows[0].last_time_ms, None);

        view.expanded.insert("a".into());
        let rows = t.rows(&view);
        assert_eq!(paths(&rows), ["a", "a/w", "a/x", "b", "c"]);
        assert_eq!(rows[1].depth, 1);
        assert!(rows[0].expanded);
        // An expanded node under a collapsed one stays hidden.
        view.expanded.insert("b/y".into());
        view.expanded.insert("a/x".into());
        let rows = t.rows(&view);
        assert_eq!(
            paths(&rows),
            ["a", "a/w", "a/x", "a/x/1", "a/x/2", "b", "c"]
        );
        assert_eq!(rows[3].depth, 2);

        let rows = t.rows(&all_expanded());
        assert_eq!(
            paths(&rows),
            ["a", "a/w", "a/x", "a/x/1", "a/x/2", "b", "b/y", "c"]
        );
        assert!(rows.iter().all(|r| r.expanded == r.has_children));
    }

    #[test]
    fn search_keeps_matches_with_their_ancestors() {
        let t = tree(&[
            "home/livingroom/temperature",
            "home/livingroom/humidity",
            "home/kitchen/Temperature",
            "office/light",
            "garden/temp_probe/battery",
        ]);
        let view = TreeView {
            search: " TEMP".into(),
            ..TreeView::default()
        };
        let rows = t.rows(&view);
        assert_eq!(
            paths(&rows),
            [
                "garden",
                "garden/temp_probe",
                "garden/temp_probe/battery",
                "home",
                "home/kitchen",
                "home/kitchen/Temperature",
                "home/livingroom",
                "home/livingroom/temperature",
            ]
        );
        let expanded: Vec<_> = rows.iter().map(|r| r.expanded).collect();
        assert_eq!(
            expanded,
            [true, true, false, true, true, false, true, false]
        );
        // A match keeps everything below it (their paths contain it too).
        let view = TreeView {
            search: "office".into(),
            ..TreeView::default()
        };
        assert_eq!(paths(&t.rows(&view)), ["office", "office/light"]);
        let view = TreeView {
            search: "nothing".into(),
            ..TreeView::default()
        };
        assert!(t.rows(&view).is_empty());
        // Searching ignores the expanded set.
        let view = TreeView {
            search: "humid".into(),
            expanded: BTreeSet::from(["office".to_string()]),
            ..TreeView::default()
        };
        assert_eq!(
            paths(&t.rows(&view)),
            ["home", "home/livingroom", "home/livingroom/humidity"]
        );
    }

    #[test]
    fn case_insensitive_contains() {
        assert!(contains_ignoring_case("Home/Kitchen", "kitchen"));
        assert!(contains_ignoring_case("a", ""));
        assert!(!contains_ignoring_case("ab", "abc"));
        assert!(contains_ignoring_case("거실/ÄPFEL", "äpfel"));
        assert!(!contains_ignoring_case("거실", "부엌"));
    }

    #[test]
    fn wildcard_highlight_is_exact() {
        let topics = [
            "home/livingroom/temperature",
            "home/kitchen/temperature",
            "home/kitchen/temperature/raw",
            "home/temperature",
            "home/livingroom",
            "office/temperature",
            "$SYS/broker/uptime",
            "home//temperature",
        ];
        let t = tree(&topics);
        let highlighted = |filter: &str| {
            let view = TreeView {
                expand_all: true,
                highlight_filter: filter.into(),
                ..TreeView::default()
            };
            t.rows(&view)
                .into_iter()
                .filter(|r| r.highlighted)
                .map(|r| r.path)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            highlighted("home/+/temperature"),
            [
                "home//temperature",
                "home/kitchen/temperature",
                "home/livingroom/temperature"
            ]
        );
        assert_eq!(
            highlighted("home/kitchen/#"),
            ["home/kitchen/temperature", "home/kitchen/temperature/raw"]
        );
        // `#` does not reach `$SYS`; the intermediate `home` is no topic.
        let all = highlighted("#");
        assert_eq!(all.len(), topics.len() - 1);
        assert!(!all.iter().any(|p| p.starts_with('$')));
        assert_eq!(highlighted("$SYS/#"), ["$SYS/broker/uptime"]);
        assert_eq!(
            highlighted("+/temperature"),
            ["home/temperature", "office/temperature"]
        );
        assert_eq!(highlighted("home/livingroom"), ["home/livingroom"]);
        // Empty and invalid filters highlight nothing.
        assert!(highlighted("").is_empty());
        assert!(highlighted("home/#/x").is_empty());
        assert!(highlighted("home/te+").is_empty());
        // Each answer agrees with the protocol core's matcher.
        for filter in ["home/+/temperature", "#", "+/+", "home/+/+/raw"] {
            let expected: Vec<_> = {
                let mut v: Vec<_> = topics
                    .iter()
                    .filter(|t| topic::matches(filter, t))
                    .map(|t| t.to_string())
                    .collect();
                v.sort();
                v
            };
            let mut got = highlighted(filter);
            got.sort();
            assert_eq!(got, expected, "{filter}");
            assert_eq!(t.count_matching(filter), expected.len(), "{filter}");
        }
        assert_eq!(t.count_matching("a/#/b"), 0);
    }

    #[test]
    fn ten_thousand_topics() {
        let mut t = TopicTree::new(5);
        for i in 0..10_000u32 {
            let topic = format!("site{}/device{}/sensor{}", i % 10, (i / 10) % 100, i / 1000);
            t.record(&topic, b"1.5", QoS::AtMostOnce, false, u64::from(i));
        }
        // A second pass of messages over the same topics.
        for i in 0..10_000u32 {
            let topic = format!("site{}/device{}/sensor{}", i % 10, (i / 10) % 100, i / 1000);
            t.record(&topic, b"2.5", QoS::AtMostOnce, false, u64::from(i));
        }
        assert_eq!(t.topic_count(), 10_000);
        assert_eq!(t.message_count(), 20_000);
        assert_eq!(t.node("site3").unwrap().subtree_count, 2_000);
        // Collapsed, only the first level is built.
        let rows = t.rows(&TreeView::default());
        assert_eq!(rows.len(), 10);
        let mut view = TreeView::default();
        view.expanded.insert("site3".into());
        view.expanded.insert("site3/device42".into());
        assert_eq!(t.rows(&view).len(), 10 + 100 + 10);
        assert_eq!(t.rows(&all_expanded()).len(), 10 + 1000 + 10_000);
        let w = t.rows_window(&all_expanded(), 5000..5040);
        assert_eq!((w.total, w.rows.len()), (11_010, 40));
        let view = TreeView {
            search: "device42/sensor7".into(),
            ..TreeView::default()
        };
        assert_eq!(t.rows(&view).len(), 10 * 3);
        assert_eq!(t.count_matching("+/device42/#"), 100);
        // A clone shares the nodes; recording into it leaves the original.
        let mut copy = t.clone();
        copy.record("site0/device0/sensor0", b"3", QoS::AtMostOnce, false, 1);
        assert_eq!(copy.node("site0").unwrap().subtree_count, 2_001);
        assert_eq!(t.node("site0").unwrap().subtree_count, 2_000);
        assert!(Rc::ptr_eq(
            &t.root.children["site1"],
            &copy.root.children["site1"]
        ));
    }

    #[test]
    fn a_window_of_rows_matches_the_full_list() {
        let mut t = TopicTree::new(2);
        for i in 0..300u32 {
            t.record(
                &format!("f{}/g{}/h{i}", i % 3, i % 7),
                b"1",
                QoS::AtMostOnce,
                false,
                0,
            );
        }
        let mut views = vec![all_expanded(), TreeView::default()];
        let mut some = TreeView::default();
        some.expanded.insert("f1".into());
        some.expanded.insert("f1/g3".into());
        some.highlight_filter = "f1/+/#".into();
        views.push(some);
        views.push(TreeView {
            search: "g2/h1".into(),
            ..TreeView::default()
        });
        for view in &views {
            let full = t.rows(view);
            for window in [0..10, 5..25, 290..400, 1000..1010, 0..0] {
                let w = t.rows_window(view, window.clone());
                assert_eq!(w.total, full.len());
                let end = window.end.min(full.len());
                let start = window.start.min(end);
                assert_eq!(w.rows, full[start..end], "{window:?}");
            }
        }
    }

    #[test]
    fn numbers_and_json_fields() {
        let mut t = TopicTree::new(10);
        for (i, p) in [
            &b"21.5"[..],
            b" 22 ",
            b"warm",
            br#"{"t":23,"inner":{"h":40.5},"list":[1,{"x":2}],"s":"a"}"#,
            b"NaN",
            b"-1e3",
        ]
        .iter()
        .enumerate()
        {
            t.record("s", p, QoS::AtMostOnce, false, i as u64 * 10);
        }
        let n = t.node("s").unwrap();
        assert_eq!(
            numeric_series(n, None),
            [(0, 21.5), (10, 22.0), (50, -1000.0)]
        );
        assert_eq!(numeric_series(n, Some("t")), [(30, 23.0)]);
        assert_eq!(numeric_series(n, Some("inner.h")), [(30, 40.5)]);
        assert_eq!(numeric_series(n, Some("list.1.x")), [(30, 2.0)]);
        assert!(numeric_series(n, Some("s")).is_empty());
        assert!(numeric_series(n, Some("missing.x")).is_empty());
        assert_eq!(
            json_number_fields(
                br#"{"t":23,"inner":{"h":40.5},"list":[1,{"x":2}],"s":"a","a.b":1}"#
            ),
            ["t", "inner.h", "list.0", "list.1.x"]
        );
        assert!(json_number_fields(b"42").is_empty());
        assert!(json_number_fields(b"not json").is_empty());
        assert_eq!(payload_number(b"7"), Some(7.0));
    }
}
