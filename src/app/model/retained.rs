//! The retained inspector's data: the retained message the broker holds for
//! each topic, as far as we have seen (messages delivered with the retain
//! flag), in topic order.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::app::model::PayloadView;
use crate::protocol::codec::QoS;
use crate::protocol::topic;

/// Payload bytes turned into a [`PayloadView`] per entry.
pub const RETAINED_VIEW_BYTES: usize = 64 * 1024;

/// One retained message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetainedEntry {
    /// The payload made readable (its first [`RETAINED_VIEW_BYTES`]).
    pub payload: PayloadView,
    /// QoS of the delivery.
    pub qos: QoS,
    /// When it arrived.
    pub time_ms: u64,
    /// Payload size in bytes.
    pub size: usize,
}

/// Retained messages by topic. The map is shared and copied on write, so
/// cloning the app state every frame costs nothing here.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RetainedStore {
    entries: Rc<BTreeMap<String, Rc<RetainedEntry>>>,
}

impl RetainedStore {
    /// An empty store.
    pub fn new() -> Self {
        RetainedStore::default()
    }

    /// Records a delivered message: only one with the retain flag counts; an
    /// empty payload means the broker holds nothing for the topic any more.
    pub fn record(&mut self, topic: &str, payload: &[u8], qos: QoS, retain: bool, time_ms: u64) {
        if !retain {
            return;
        }
        if payload.is_empty() {
            self.remove(topic);
            return;
        }
        let view = PayloadView::of(&payload[..payload.len().min(RETAINED_VIEW_BYTES)]);
        Rc::make_mut(&mut self.entries).insert(
            topic.to_string(),
            Rc::new(RetainedEntry {
                payload: view,
                qos,
                time_ms,
                size: payload.len(),
            }),
        );
    }

    /// Forgets `topic` (its retained message was cleared); whether it was
    /// there.
    pub fn remove(&mut self, topic: &str) -> bool {
        // Copy the map only when there is something to remove.
        self.entries.contains_key(topic) && Rc::make_mut(&mut self.entries).remove(topic).is_some()
    }

    /// The entry for `topic`.
    pub fn get(&self, topic: &str) -> Option<&RetainedEntry> {
        self.entries.get(topic).map(|e| &**e)
    }

    /// Topics held that `filter` matches (a topic filter such as
    /// `home/#`), in order: what "clear all under a subtree" clears. A
    /// plain topic name matches only itself; an invalid filter matches
    /// nothing.
    pub fn topics_under(&self, filter: &str) -> Vec<String> {
        let Ok(parsed) = topic::validate_topic_filter(filter.trim()) else {
            return Vec::new();
        };
        self.entries
            .keys()
            .filter(|t| parsed.matches(t))
            .cloned()
            .collect()
    }

    /// Every entry, in topic order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &RetainedEntry)> {
        self.entries.iter().map(|(t, e)| (t.as_str(), &**e))
    }

    /// Topics held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is held.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.entries = Rc::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_retained_messages_are_kept_and_empty_ones_clear() {
        let mut s = RetainedStore::new();
        assert!(s.is_empty());
        s.record("home/lamp", b"on", QoS::AtLeastOnce, true, 5);
        s.record("home/live", b"x", QoS::AtMostOnce, false, 6);
        s.record("home/door", br#"{"open":false}"#, QoS::AtMostOnce, true, 7);
        assert_eq!(s.len(), 2);
        let lamp = s.get("home/lamp").unwrap();
        assert_eq!(lamp.payload, PayloadView::Text("on".into()));
        assert_eq!(
            (lamp.qos, lamp.time_ms, lamp.size),
            (QoS::AtLeastOnce, 5, 2)
        );
        assert_eq!(s.get("home/door").unwrap().payload.kind(), "json");
        assert!(s.get("home/live").is_none());
        let topics: Vec<_> = s.iter().map(|(t, _)| t).collect();
        assert_eq!(topics, ["home/door", "home/lamp"]);

        // A newer retained message replaces the old one.
        s.record("home/lamp", b"off", QoS::AtMostOnce, true, 8);
        assert_eq!(s.get("home/lamp").unwrap().payload.text(), "off");
        // An empty retained payload removes it; a live empty one does not.
        s.record("home/lamp", b"", QoS::AtMostOnce, false, 9);
        assert!(s.get("home/lamp").is_some());
        s.record("home/lamp", b"", QoS::AtMostOnce, true, 9);
        assert!(s.get("home/lamp").is_none());
        assert!(s.remove("home/door"));
        assert!(!s.remove("home/door"));
        assert!(s.is_empty());
    }

    #[test]
    fn topics_under_a_subtree() {
        let mut s = RetainedStore::new();
        for t in [
            "home", "home/a", "home/a/b", "homer/x", "office/a", "$SYS/v",
        ] {
            s.record(t, b"1", QoS::AtMostOnce, true, 0);
        }
        assert_eq!(s.topics_under("home/#"), ["home", "home/a", "home/a/b"]);
        assert_eq!(s.topics_under("+/a"), ["home/a", "office/a"]);
        assert_eq!(s.topics_under("home/a"), ["home/a"]);
        assert_eq!(s.topics_under("#").len(), 5);
        assert!(s.topics_under("home/#/x").is_empty());
        s.clear();
        assert_eq!(s.len(), 0);
    }
}
