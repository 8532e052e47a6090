//! The course around the lessons: which lessons there are and in what
//! order, the learner's own topic prefix, and their progress (lessons done,
//! quiz answers) as it is kept in localStorage.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::app::model::client_id;
use crate::protocol::topic;

/// The nine lessons, in the chapter's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LessonId {
    /// Why MQTT: its small header, on real bytes.
    WhyMqtt,
    /// Client–server versus publish/subscribe.
    PubSub,
    /// Broker, publisher, subscriber.
    Roles,
    /// Topics: hierarchy, design rules, wildcards.
    Topics,
    /// QoS 0, 1 and 2.
    Qos,
    /// Retained messages.
    Retained,
    /// Last Will and keep alive.
    LastWill,
    /// The smart home, every device its own client.
    SmartHome,
    /// Summary and self-check.
    Summary,
}

impl LessonId {
    /// All lessons, in order.
    pub const ALL: [LessonId; 9] = [
        LessonId::WhyMqtt,
        LessonId::PubSub,
        LessonId::Roles,
        LessonId::Topics,
        LessonId::Qos,
        LessonId::Retained,
        LessonId::LastWill,
        LessonId::SmartHome,
        LessonId::Summary,
    ];

    /// The lesson's part of the page address (`#learn/<slug>`) and of
    /// element ids; also its key in the stored progress.
    pub const fn slug(self) -> &'static str {
        match self {
            LessonId::WhyMqtt => "why-mqtt",
            LessonId::PubSub => "pub-sub",
            LessonId::Roles => "roles",
            LessonId::Topics => "topics",
            LessonId::Qos => "qos",
            LessonId::Retained => "retained",
            LessonId::LastWill => "last-will",
            LessonId::SmartHome => "smart-home",
            LessonId::Summary => "summary",
        }
    }

    /// The lesson for a slug.
    pub fn from_slug(slug: &str) -> Option<LessonId> {
        LessonId::ALL.into_iter().find(|l| l.slug() == slug)
    }

    /// 1-based position.
    pub fn number(self) -> usize {
        LessonId::ALL
            .iter()
            .position(|&l| l == self)
            .map_or(0, |i| i + 1)
    }

    /// The lesson after this one.
    pub fn next(self) -> Option<LessonId> {
        LessonId::ALL.get(self.number()).copied()
    }

    /// The lesson before this one.
    pub fn previous(self) -> Option<LessonId> {
        self.number()
            .checked_sub(2)
            .and_then(|i| LessonId::ALL.get(i).copied())
    }
}

/// What the page address asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// The client (connection, subscribe, publish, explorer).
    Client,
    /// A lesson.
    Learn(LessonId),
}

impl Route {
    /// The route for a `location.hash` (`#learn/qos`, `#learn`, or anything
    /// else for the client).
    pub fn from_hash(hash: &str) -> Route {
        let h = hash.trim_start_matches('#');
        match h.strip_prefix("learn") {
            Some("") | Some("/") => Route::Learn(LessonId::WhyMqtt),
            Some(rest) => match rest.strip_prefix('/').and_then(LessonId::from_slug) {
                Some(l) => Route::Learn(l),
                None => Route::Learn(LessonId::WhyMqtt),
            },
            None => Route::Client,
        }
    }

    /// The `href` of a link to this route.
    pub fn href(self) -> String {
        match self {
            Route::Client => "#client".to_string(),
            Route::Learn(l) => format!("#learn/{}", l.slug()),
        }
    }
}

/// Characters of a generated prefix: lower-case letters and digits without
/// the look-alikes (0/o, 1/l/i), so a learner can read it aloud or type it
/// on the board.
const PREFIX_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// Length of the random part.
pub const PREFIX_RANDOM_LEN: usize = 6;

/// The most characters a prefix may have.
pub const PREFIX_MAX_LEN: usize = 64;

/// A fresh prefix `mqttlab/<6 random chars>` from a random number.
pub fn generate_prefix(random: u64) -> String {
    let mut s = String::from("mqttlab/");
    client_id::push_random_chars(&mut s, random, PREFIX_ALPHABET, PREFIX_RANDOM_LEN);
    s
}

/// Why a prefix typed by the learner cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrefixError {
    /// Nothing typed.
    Empty,
    /// Longer than [`PREFIX_MAX_LEN`].
    TooLong,
    /// Contains `+` or `#`: it must be a plain topic.
    Wildcard,
    /// Starts or ends with `/`, or has an empty level.
    EmptyLevel,
    /// Starts with `$` (reserved for the broker).
    Dollar,
    /// Has a space or a control character.
    Whitespace,
}

/// Checks a prefix the learner typed; returns it trimmed.
pub fn check_prefix(input: &str) -> Result<String, PrefixError> {
    let p = input.trim();
    if p.is_empty() {
        return Err(PrefixError::Empty);
    }
    if p.chars().count() > PREFIX_MAX_LEN {
        return Err(PrefixError::TooLong);
    }
    if p.contains(['+', '#']) {
        return Err(PrefixError::Wildcard);
    }
    if p.starts_with('$') {
        return Err(PrefixError::Dollar);
    }
    if p.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(PrefixError::Whitespace);
    }
    if p.split('/').any(str::is_empty) {
        return Err(PrefixError::EmptyLevel);
    }
    // Whatever else the core refuses (none expected after the above).
    topic::validate_topic_name(p).map_err(|_| PrefixError::Wildcard)?;
    Ok(p.to_string())
}

/// `prefix/rest`: a lesson's topic under the learner's prefix.
pub fn topic_under(prefix: &str, rest: &str) -> String {
    format!("{prefix}/{rest}")
}

/// A Client Identifier for a lesson's client: unique per learner (from
/// the prefix's random part) and per role, at most 23 characters as
/// MQTT 3.1.1 servers must accept.
pub fn lesson_client_id(prefix: &str, role: &str) -> String {
    let tag: String = prefix
        .rsplit('/')
        .next()
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect();
    let mut id = format!("lab-{tag}-{role}");
    id.retain(|c| c.is_ascii_alphanumeric() || c == '-');
    id.truncate(23);
    id
}

/// What the learner has done, as kept in localStorage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// The learner's topic prefix.
    #[serde(default)]
    pub prefix: Option<String>,
    /// Slugs of the lessons whose exercise was done.
    #[serde(default)]
    pub done: Vec<String>,
    /// Quiz answers: question id → the option chosen.
    #[serde(default)]
    pub answers: BTreeMap<String, usize>,
}

impl Progress {
    /// The localStorage key.
    pub const STORAGE_KEY: &'static str = "mqtt-lab.learn";

    /// Reads the stored JSON; anything unreadable starts afresh.
    pub fn from_json(json: &str) -> Progress {
        let mut p: Progress = serde_json::from_str(json).unwrap_or_default();
        p.prefix = p.prefix.and_then(|x| check_prefix(&x).ok());
        p.done.retain(|s| LessonId::from_slug(s).is_some());
        p.done.sort_by_key(|s| LessonId::from_slug(s));
        p.done.dedup();
        p
    }

    /// The JSON to store.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string())
    }

    /// Whether a lesson's exercise was done.
    pub fn is_done(&self, lesson: LessonId) -> bool {
        self.done.iter().any(|s| s == lesson.slug())
    }

    /// Marks a lesson done; false if it already was.
    pub fn mark_done(&mut self, lesson: LessonId) -> bool {
        if self.is_done(lesson) {
            return false;
        }
        self.done.push(lesson.slug().to_string());
        self.done.sort_by_key(|s| LessonId::from_slug(s));
        true
    }

    /// Records a quiz answer.
    pub fn answer(&mut self, question: &str, option: usize) {
        self.answers.insert(question.to_string(), option);
    }

    /// Forgets the quiz answers (to take it again).
    pub fn reset_quiz(&mut self) {
        self.answers.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lessons_round_trip_through_their_slugs_and_routes() {
        for l in LessonId::ALL {
            assert_eq!(LessonId::from_slug(l.slug()), Some(l));
            assert_eq!(Route::from_hash(&Route::Learn(l).href()), Route::Learn(l));
        }
        assert_eq!(LessonId::WhyMqtt.number(), 1);
        assert_eq!(LessonId::Summary.number(), 9);
        assert_eq!(LessonId::WhyMqtt.previous(), None);
        assert_eq!(LessonId::WhyMqtt.next(), Some(LessonId::PubSub));
        assert_eq!(LessonId::Summary.next(), None);
        assert_eq!(LessonId::Summary.previous(), Some(LessonId::SmartHome));
    }

    #[test]
    fn routes_from_the_hash() {
        assert_eq!(Route::from_hash(""), Route::Client);
        assert_eq!(Route::from_hash("#client"), Route::Client);
        assert_eq!(Route::from_hash("#learn"), Route::Learn(LessonId::WhyMqtt));
        assert_eq!(Route::from_hash("#learn/"), Route::Learn(LessonId::WhyMqtt));
        assert_eq!(
            Route::from_hash("#learn/nope"),
            Route::Learn(LessonId::WhyMqtt)
        );
        assert_eq!(Route::from_hash("#learn/qos"), Route::Learn(LessonId::Qos));
        assert_eq!(
            Route::from_hash("#learner"),
            Route::Learn(LessonId::WhyMqtt)
        );
    }

    #[test]
    fn generated_prefixes_are_valid_and_differ() {
        let a = generate_prefix(0x1234_5678_9abc);
        let b = generate_prefix(0x1234_5678_9abd);
        assert_ne!(a, b);
        for p in [&a, &b, &generate_prefix(u64::MAX), &generate_prefix(0)] {
            assert_eq!(check_prefix(p).as_deref(), Ok(p.as_str()));
            assert!(p.starts_with("mqttlab/"));
            assert_eq!(p.len(), "mqttlab/".len() + PREFIX_RANDOM_LEN);
            let random = &p["mqttlab/".len()..];
            assert!(!random.contains(['0', 'o', '1', 'l', 'i']), "{random}");
        }
    }

    #[test]
    fn prefixes_the_learner_types_are_checked() {
        assert_eq!(check_prefix("  class/kim "), Ok("class/kim".to_string()));
        assert_eq!(check_prefix(""), Err(PrefixError::Empty));
        assert_eq!(check_prefix("a/+"), Err(PrefixError::Wildcard));
        assert_eq!(check_prefix("a/#"), Err(PrefixError::Wildcard));
        assert_eq!(check_prefix("/a"), Err(PrefixError::EmptyLevel));
        assert_eq!(check_prefix("a/"), Err(PrefixError::EmptyLevel));
        assert_eq!(check_prefix("a//b"), Err(PrefixError::EmptyLevel));
        assert_eq!(check_prefix("$SYS/x"), Err(PrefixError::Dollar));
        assert_eq!(check_prefix("my class"), Err(PrefixError::Whitespace));
        assert_eq!(check_prefix(&"x".repeat(65)), Err(PrefixError::TooLong));
        assert_eq!(check_prefix("학생/김"), Ok("학생/김".to_string()));
    }

    #[test]
    fn client_ids_are_short_and_distinct_per_role() {
        let a = lesson_client_id("mqttlab/abc234", "board");
        let b = lesson_client_id("mqttlab/abc234", "monitor");
        assert_eq!(a, "lab-abc234-board");
        assert_ne!(a, b);
        let long = lesson_client_id("x/very-long-prefix-part", "living-room-sensor");
        assert!(long.len() <= 23, "{long}");
        assert_eq!(lesson_client_id("학생/김", "b"), "lab--b");
    }

    #[test]
    fn progress_survives_storage_and_ignores_junk() {
        let mut p = Progress::default();
        assert!(p.mark_done(LessonId::Qos));
        assert!(p.mark_done(LessonId::WhyMqtt));
        assert!(!p.mark_done(LessonId::Qos));
        p.answer("q1", 2);
        p.prefix = Some("mqttlab/abcdef".into());
        let back = Progress::from_json(&p.to_json());
        assert_eq!(back, p);
        assert_eq!(back.done, ["why-mqtt", "qos"]);
        assert_eq!(Progress::from_json("not json"), Progress::default());
        let junk = Progress::from_json(r#"{"prefix":"a/#","done":["qos","zzz","qos"]}"#);
        assert_eq!(junk.prefix, None);
        assert_eq!(junk.done, ["qos"]);
        let mut q = back;
        q.reset_quiz();
        assert!(q.answers.is_empty());
    }
}
