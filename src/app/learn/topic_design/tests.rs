use super::*;

fn kinds(name: &str) -> Vec<FindingKind> {
    check(name, Lang::En).into_iter().map(|f| f.kind).collect()
}

fn has_hangul(s: &str) -> bool {
    s.chars().any(crate::i18n::is_hangul)
}

#[test]
fn good_names_have_no_findings() {
    for name in [
        "home/living-room/temperature",
        "hexaboard/a/temperature",
        "mqttlab/x1y2z3/board/status",
        "Home/Kitchen/Temp",
        "sensors",
        "a/b/c/d/e/f/g",
    ] {
        assert_eq!(kinds(name), vec![], "{name}");
    }
}

#[test]
fn protocol_errors_come_first_with_the_rule() {
    let f = check("home/+/temp", Lang::En);
    assert_eq!(f[0].severity, Severity::Error);
    assert!(matches!(
        f[0].kind,
        FindingKind::Invalid(TopicError::WildcardInTopicName { .. })
    ));
    assert!(
        f[0].explanation.contains("wildcard"),
        "{}",
        f[0].explanation
    );
    let f = check("", Lang::Ko);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].kind, FindingKind::Invalid(TopicError::Empty));
    assert!(has_hangul(&f[0].explanation));
    assert!(matches!(
        kinds("a/#")[0],
        FindingKind::Invalid(TopicError::WildcardInTopicName { .. })
    ));
    assert!(matches!(
        kinds("a\u{0}b")[0],
        FindingKind::Invalid(TopicError::NullCharacter { .. })
    ));
}

#[test]
fn slashes_and_empty_levels() {
    assert_eq!(kinds("/home/temp"), vec![FindingKind::LeadingSlash]);
    assert_eq!(kinds("home/temp/"), vec![FindingKind::TrailingSlash]);
    assert_eq!(
        kinds("home//temp"),
        vec![FindingKind::EmptyLevel { level: 2 }]
    );
    assert_eq!(
        kinds("/a//b/"),
        vec![
            FindingKind::LeadingSlash,
            FindingKind::TrailingSlash,
            FindingKind::EmptyLevel { level: 3 }
        ]
    );
    // A lone "/" is two empty levels: leading and trailing.
    assert_eq!(
        kinds("/"),
        vec![FindingKind::LeadingSlash, FindingKind::TrailingSlash]
    );
}

#[test]
fn spaces_case_and_non_ascii() {
    assert_eq!(kinds("home/living room/temp"), vec![FindingKind::Space]);
    assert_eq!(kinds("home/LivingRoom/temp"), vec![FindingKind::MixedCase]);
    assert_eq!(
        kinds("hexaboard/A/temperature"),
        vec![FindingKind::MixedCase]
    );
    assert_eq!(kinds("HOME/KITCHEN"), vec![]);
    assert_eq!(kinds("집/거실/온도"), vec![FindingKind::NonAscii]);
}

#[test]
fn flat_names_are_spotted() {
    let k = kinds("hexaboard_A_temperature");
    assert!(k.contains(&FindingKind::FlatName {
        level: "hexaboard_A_temperature".into()
    }));
    assert!(
        kinds("sensor_temperature").contains(&FindingKind::FlatName {
            level: "sensor_temperature".into()
        })
    );
    assert!(
        kinds("home/kitchen-sensor-temp").contains(&FindingKind::FlatName {
            level: "kitchen-sensor-temp".into()
        })
    );
    // One hyphenated word is not a flat name.
    assert_eq!(kinds("living-room"), vec![]);
    assert_eq!(kinds("home/living-room/temperature"), vec![]);
    assert_eq!(kinds("home/living_room/temp"), vec![]);
}

#[test]
fn depth_dollar_and_length() {
    assert_eq!(
        kinds("a/b/c/d/e/f/g/h"),
        vec![FindingKind::TooDeep { levels: 8 }]
    );
    assert_eq!(kinds("$sys/broker/uptime"), vec![FindingKind::DollarPrefix]);
    assert!(kinds("$SYS/broker/uptime").contains(&FindingKind::DollarPrefix));
    let long = format!("home/{}", "x".repeat(120));
    assert_eq!(kinds(&long), vec![FindingKind::VeryLong { len: 125 }]);
}

#[test]
fn findings_are_sorted_by_severity() {
    let f = check("/Home/a b/+", Lang::En);
    let severities: Vec<Severity> = f.iter().map(|f| f.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort();
    assert_eq!(severities, sorted);
    assert_eq!(severities[0], Severity::Error);
}

#[test]
fn every_kind_is_explained_in_both_languages() {
    let all = [
        FindingKind::Invalid(TopicError::Empty),
        FindingKind::LeadingSlash,
        FindingKind::TrailingSlash,
        FindingKind::EmptyLevel { level: 2 },
        FindingKind::Space,
        FindingKind::MixedCase,
        FindingKind::NonAscii,
        FindingKind::FlatName {
            level: "a_b_c".into(),
        },
        FindingKind::TooDeep { levels: 9 },
        FindingKind::DollarPrefix,
        FindingKind::VeryLong { len: 200 },
    ];
    for k in &all {
        let en = explain(k, Lang::En);
        let ko = explain(k, Lang::Ko);
        assert!(!en.is_empty() && !has_hangul(&en), "{k:?}: {en}");
        assert!(has_hangul(&ko), "{k:?}: {ko}");
        assert_ne!(en, ko);
    }
}

#[test]
fn suggestions() {
    let cases = [
        ("hexaboard_A_temperature", Some("hexaboard/a/temperature")),
        ("/home/temp", Some("home/temp")),
        ("home/temp/", Some("home/temp")),
        ("home//temp", Some("home/temp")),
        ("home/living room/temp", Some("home/living-room/temp")),
        ("home/living room_temp", Some("home/living-room_temp")),
        ("/Home/living room_temp", Some("home/living-room_temp")),
        ("home/LivingRoom/temp", Some("home/livingroom/temp")),
        ("$SYS/mine", Some("sys/mine")),
        ("$status", Some("status")),
        ("home/+/temp", Some("home/temp")),
        ("home/kitchen-sensor-temp", Some("home/kitchen/sensor/temp")),
        ("sensor_temperature", Some("sensor/temperature")),
        ("  home/temp  ", Some("home/temp")),
        ("home/living-room/temperature", None),
        ("Home/Kitchen/Temp", None),
        ("집/거실/온도", None),
        ("/", None),
        ("#", None),
        ("", None),
    ];
    for (name, want) in cases {
        assert_eq!(suggest(name).as_deref(), want, "{name:?}");
    }
}

#[test]
fn suggestions_are_valid_and_clean() {
    for name in [
        "hexaboard_A_temperature",
        "/a//b/",
        "Home/living room/ Temp ",
        "$x/+/#",
        "a - b/c",
    ] {
        let s = suggest(name).expect("something to improve");
        assert!(validate_topic_name(&s).is_ok(), "{s}");
        let left: Vec<FindingKind> = kinds(&s)
            .into_iter()
            .filter(|k| !matches!(k, FindingKind::TooDeep { .. }))
            .collect();
        assert_eq!(left, vec![], "{name:?} -> {s:?}");
    }
}

fn play(filter: &str, topics: &[&str], lang: Lang) -> Vec<(String, bool, String)> {
    wildcard_playground(filter, topics, lang)
        .into_iter()
        .map(|r| (r.topic, r.matches, r.reason))
        .collect()
}

#[test]
fn playground_plus() {
    let rows = play(
        "home/+/temperature",
        &[
            "home/kitchen/temperature",
            "home/kitchen/humidity",
            "home/temperature",
            "home/a/b/temperature",
            "Home/kitchen/temperature",
        ],
        Lang::En,
    );
    let verdicts: Vec<bool> = rows.iter().map(|r| r.1).collect();
    assert_eq!(verdicts, vec![true, false, false, false, false]);
    assert!(
        rows[0].2.contains("'+' took 'kitchen' at level 2"),
        "{}",
        rows[0].2
    );
    assert!(rows[1].2.contains("'temperature'") && rows[1].2.contains("'humidity'"));
    assert!(
        rows[2].2.contains("No match") && rows[2].2.contains("level 2"),
        "{}",
        rows[2].2
    );
    assert!(rows[4].2.contains("case-sensitive"));
}

#[test]
fn playground_hash_and_lengths() {
    let rows = play("home/#", &["home", "home/a/b", "house/a"], Lang::En);
    assert!(rows[0].1 && rows[0].2.contains("parent"), "{}", rows[0].2);
    assert!(rows[1].1 && rows[1].2.contains("'a/b'"), "{}", rows[1].2);
    assert!(!rows[2].1);
    let rows = play("a/b", &["a", "a/b/c"], Lang::En);
    assert!(
        !rows[0].1 && rows[0].2.contains("expects 'b'"),
        "{}",
        rows[0].2
    );
    assert!(!rows[1].1 && rows[1].2.contains("'c'") && rows[1].2.contains("'#'"));
}

#[test]
fn playground_dollar_invalid_and_shared() {
    let rows = play("#", &["$SYS/uptime", "a"], Lang::En);
    assert!(!rows[0].1 && rows[0].2.contains('$'));
    assert!(rows[1].1);
    let rows = play("a/#/b", &["a/x/b"], Lang::En);
    assert!(!rows[0].1 && rows[0].2.contains("filter is not valid"));
    let rows = play("a/+", &["a/#"], Lang::En);
    assert!(!rows[0].1 && rows[0].2.contains("topic name is not valid"));
    let rows = play("$share/g1/a/+", &["a/b"], Lang::En);
    assert!(rows[0].1 && rows[0].2.contains("g1"), "{}", rows[0].2);
}

#[test]
fn playground_agrees_with_the_core_matcher_and_speaks_korean() {
    let topics = [
        "home/kitchen/temperature",
        "home",
        "home/a/b/c",
        "$SYS/x",
        "/home",
        "home/",
        "집/거실",
    ];
    for filter in [
        "home/+/temperature",
        "#",
        "+",
        "home/#",
        "+/+",
        "/+",
        "home/+",
        "+/#",
        "집/+",
    ] {
        for lang in Lang::ALL {
            let rows = play(filter, &topics, lang);
            assert_eq!(rows.len(), topics.len());
            for (topic, verdict, reason) in rows {
                assert_eq!(
                    verdict,
                    crate::protocol::topic::matches(filter, &topic),
                    "{filter} vs {topic}"
                );
                assert!(!reason.is_empty());
                if lang == Lang::Ko {
                    assert!(has_hangul(&reason), "{reason}");
                }
            }
        }
    }
}
