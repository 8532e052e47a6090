//! The Topics lesson's check on a real broker: the wildcard playground's
//! filter and topics moved under the learner's prefix, what the protocol
//! core says the broker should deliver, and whether it did.
//!
//! Moving a filter and a topic under the same prefix never changes whether
//! they match, except for one rule: a filter starting with a wildcard does
//! not match a topic starting with `$`. Under a prefix, `$` is no longer
//! first, so such topics are not sent (and the plan says why).

use crate::protocol::topic::{
    explain_match, validate_topic_filter, validate_topic_name, TopicError,
};

/// The playground's starting list of topics: two rooms, two measurements,
/// a deeper level and another building, so each wildcard shows a difference.
pub const EXAMPLE_TOPICS: [&str; 6] = [
    "home/livingroom/temperature",
    "home/bedroom/temperature",
    "home/livingroom/humidity",
    "home/boiler/status",
    "office/livingroom/temperature",
    "home/livingroom/sensor/temperature",
];

/// Why a listed topic is not sent to the broker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// Not a valid topic name (a wildcard in it, say): nobody can publish it.
    Invalid(TopicError),
    /// Starts with `$`: under the prefix it would lose what makes it special.
    Dollar,
    /// Listed already.
    Duplicate,
}

/// One listed topic the check sends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedSend {
    /// As the learner listed it.
    pub listed: String,
    /// The topic actually published: under the check's root.
    pub topic: String,
    /// Whether the protocol core says the filter matches it.
    pub expected: bool,
}

/// What the check will do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LivePlan {
    /// The filter as listed.
    pub listed_filter: String,
    /// The filter actually subscribed: under the check's root (after
    /// `$share/<group>/` for a shared subscription).
    pub filter: String,
    /// The topics sent, in the listed order.
    pub sends: Vec<PlannedSend>,
    /// The listed topics not sent, with why.
    pub skipped: Vec<(String, SkipReason)>,
    /// Published last, on its own subscription: once it arrives, every
    /// message sent before it has been delivered (a broker keeps the order
    /// of one client's messages). The filter can never match it.
    pub end_topic: String,
}

/// Plans the check of `filter` against `topics` under `root` (the learner's
/// prefix plus a level of the lesson's own). An invalid filter is refused
/// with the protocol's reason.
pub fn plan(root: &str, filter: &str, topics: &[&str]) -> Result<LivePlan, TopicError> {
    let parsed = validate_topic_filter(filter)?;
    let full_filter = match parsed.share_group {
        Some(group) => format!("$share/{group}/{root}/{}", parsed.filter),
        None => format!("{root}/{filter}"),
    };
    let mut sends: Vec<PlannedSend> = Vec::new();
    let mut skipped = Vec::new();
    for &listed in topics {
        let reason = if let Err(e) = validate_topic_name(listed) {
            Some(SkipReason::Invalid(e))
        } else if listed.starts_with('$') {
            Some(SkipReason::Dollar)
        } else if sends.iter().any(|s| s.listed == listed) {
            Some(SkipReason::Duplicate)
        } else {
            None
        };
        match reason {
            Some(r) => skipped.push((listed.to_string(), r)),
            None => {
                let topic = format!("{root}/{listed}");
                let expected = explain_match(&full_filter, &topic).matches;
                sends.push(PlannedSend {
                    listed: listed.to_string(),
                    topic,
                    expected,
                });
            }
        }
    }
    Ok(LivePlan {
        listed_filter: filter.to_string(),
        filter: full_filter,
        sends,
        skipped,
        end_topic: format!("{root}-end"),
    })
}

/// One sent topic: what the core expected and what the broker did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveRow {
    /// As listed.
    pub listed: String,
    /// The core's verdict.
    pub expected: bool,
    /// How many times the broker delivered it to the subscriber.
    pub delivered: usize,
}

impl LiveRow {
    /// Whether the broker did what the core said: delivered a matching
    /// topic exactly once and a non-matching one never.
    pub fn agrees(&self) -> bool {
        self.delivered == usize::from(self.expected)
    }
}

/// The outcome of a check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveOutcome {
    /// One row per sent topic, in the listed order.
    pub rows: Vec<LiveRow>,
    /// Messages delivered that the check never sent (another client
    /// publishing under the same prefix).
    pub strangers: Vec<String>,
}

impl LiveOutcome {
    /// Whether the broker and the core agree on every sent topic.
    pub fn agrees(&self) -> bool {
        self.rows.iter().all(LiveRow::agrees)
    }

    /// How many sent topics were delivered.
    pub fn delivered(&self) -> usize {
        self.rows.iter().filter(|r| r.delivered > 0).count()
    }
}

/// Compares the plan with the topics the subscriber received (the end
/// marker left out).
pub fn compare(plan: &LivePlan, received: &[&str]) -> LiveOutcome {
    let rows = plan
        .sends
        .iter()
        .map(|s| LiveRow {
            listed: s.listed.clone(),
            expected: s.expected,
            delivered: received.iter().filter(|t| **t == s.topic).count(),
        })
        .collect();
    let strangers = received
        .iter()
        .filter(|t| **t != plan.end_topic && !plan.sends.iter().any(|s| s.topic == **t))
        .map(|t| (*t).to_string())
        .collect();
    LiveOutcome { rows, strangers }
}

/// The playground's list: one topic per line, blank lines left out (a
/// Windows line end's `\r` too; other spaces are kept, they are part of the
/// name).
pub fn topics_of(text: &str) -> Vec<&str> {
    text.lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.trim().is_empty())
        .collect()
}

#[cfg(test)]
mod tests;
