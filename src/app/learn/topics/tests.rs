use proptest::prelude::*;

use super::*;
use crate::protocol::topic::matches;

const ROOT: &str = "mqttlab/abc123/wild";

const EXAMPLE: [&str; 6] = EXAMPLE_TOPICS;

fn expected(p: &LivePlan) -> Vec<bool> {
    p.sends.iter().map(|s| s.expected).collect()
}

#[test]
fn the_example_set_under_three_filters() {
    let p = plan(ROOT, "home/+/temperature", &EXAMPLE).expect("valid");
    assert_eq!(p.filter, "mqttlab/abc123/wild/home/+/temperature");
    assert_eq!(
        p.sends[0].topic,
        "mqttlab/abc123/wild/home/livingroom/temperature"
    );
    assert_eq!(expected(&p), [true, true, false, false, false, false]);
    let p = plan(ROOT, "home/#", &EXAMPLE).expect("valid");
    assert_eq!(expected(&p), [true, true, true, true, false, true]);
    let p = plan(ROOT, "+/livingroom/#", &EXAMPLE).expect("valid");
    assert_eq!(expected(&p), [true, false, true, false, true, true]);
    assert!(p.skipped.is_empty());
    assert_eq!(p.end_topic, "mqttlab/abc123/wild-end");
}

#[test]
fn an_invalid_filter_is_refused_with_its_reason() {
    assert!(matches!(
        plan(ROOT, "home/#/x", &EXAMPLE),
        Err(TopicError::MultiLevelWildcardNotLast { .. })
    ));
    assert!(plan(ROOT, "", &EXAMPLE).is_err());
    assert!(plan(ROOT, "home/te+", &EXAMPLE).is_err());
}

#[test]
fn invalid_dollar_and_repeated_topics_are_not_sent() {
    let p = plan(ROOT, "#", &["a/b", "a/+", "$SYS/uptime", "a/b", "x"]).expect("valid");
    let sent: Vec<&str> = p.sends.iter().map(|s| s.listed.as_str()).collect();
    assert_eq!(sent, ["a/b", "x"]);
    assert!(
        matches!(p.skipped[0], (ref t, SkipReason::Invalid(TopicError::WildcardInTopicName { .. })) if t == "a/+")
    );
    assert_eq!(
        p.skipped[1],
        ("$SYS/uptime".to_string(), SkipReason::Dollar)
    );
    assert_eq!(p.skipped[2], ("a/b".to_string(), SkipReason::Duplicate));
}

#[test]
fn the_end_marker_never_matches_the_filter() {
    for f in ["#", "+", "+/#", "wild-end", "+/+"] {
        let p = plan(ROOT, f, &[]).expect("valid");
        assert!(!matches(&p.filter, &p.end_topic), "{f}");
    }
}

#[test]
fn a_shared_subscription_keeps_its_group_in_front() {
    let p = plan(ROOT, "$share/g1/home/+/temperature", &EXAMPLE).expect("valid");
    assert_eq!(p.filter, "$share/g1/mqttlab/abc123/wild/home/+/temperature");
    assert_eq!(expected(&p), [true, true, false, false, false, false]);
}

#[test]
fn comparing_with_what_arrived() {
    let p = plan(ROOT, "home/+/temperature", &EXAMPLE).expect("valid");
    let got = [
        "mqttlab/abc123/wild/home/livingroom/temperature",
        "mqttlab/abc123/wild/home/bedroom/temperature",
        "mqttlab/abc123/wild-end",
    ];
    let o = compare(&p, &got);
    assert!(o.agrees());
    assert_eq!(o.delivered(), 2);
    assert!(o.strangers.is_empty());
    // A missing delivery, a duplicate and a stranger all show.
    let got = [
        "mqttlab/abc123/wild/home/livingroom/temperature",
        "mqttlab/abc123/wild/home/livingroom/temperature",
        "mqttlab/abc123/wild/home/boiler/status",
        "mqttlab/abc123/wild/other",
    ];
    let o = compare(&p, &got);
    assert!(!o.agrees());
    let disagree: Vec<&str> = o
        .rows
        .iter()
        .filter(|r| !r.agrees())
        .map(|r| r.listed.as_str())
        .collect();
    assert_eq!(
        disagree,
        [
            "home/livingroom/temperature",
            "home/bedroom/temperature",
            "home/boiler/status"
        ]
    );
    assert_eq!(o.strangers, ["mqttlab/abc123/wild/other"]);
}

#[test]
fn the_list_is_one_topic_per_line() {
    assert_eq!(topics_of("a/b\r\n\n  \nc d/e\n"), ["a/b", "c d/e"]);
    assert!(topics_of("").is_empty());
}

fn level() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("a".to_string()),
        Just("b".to_string()),
        Just("$x".to_string()),
        "[a-c]{1,3}",
    ]
}

fn filter_level() -> impl Strategy<Value = String> {
    prop_oneof![level(), Just("+".to_string()), Just("#".to_string())]
}

proptest! {
    /// Under the prefix, the verdict is the one the playground shows for
    /// the names as listed — for every topic the check sends.
    #[test]
    fn the_prefix_never_changes_a_verdict(
        f in prop::collection::vec(filter_level(), 1..5),
        t in prop::collection::vec(level(), 1..5),
    ) {
        let filter = f.join("/");
        let topic = t.join("/");
        if let Ok(p) = plan(ROOT, &filter, &[topic.as_str()]) {
            for s in &p.sends {
                prop_assert_eq!(s.expected, matches(&filter, &s.listed), "{} {}", filter, s.listed);
            }
        }
    }
}
