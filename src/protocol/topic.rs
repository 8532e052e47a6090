//! Topic names and topic filters: the rules that make them valid, and how a
//! filter matches a name (MQTT 5.0 sections 4.7 and 4.8.2, same rules in 3.1.1
//! section 4.7 apart from shared subscriptions).
//!
//! One module owns these rules so that the codec, the client session, the
//! sandbox broker, the UI's live validation and the learning panels all give
//! the same answer. Errors say which rule broke and where (level or byte
//! offset), so the UI can highlight the culprit and cite the spec.
//!
//! Levels are the pieces between `/` separators, counted from 1. Offsets are
//! byte offsets into the UTF-8 string (a JavaScript UI needs to convert them
//! to UTF-16 indices before highlighting).

use core::fmt;

/// Longest topic name or topic filter, in bytes of UTF-8.
///
/// Every string in an MQTT packet carries a two-byte length prefix, so
/// nothing longer can be sent at all (sections 1.5.4 and 4.7.3).
pub const MAX_TOPIC_LEN: usize = 65_535;

/// The first level that turns a topic filter into a shared subscription
/// (MQTT 5.0 section 4.8.2).
const SHARE_PREFIX: &str = "$share";

/// Which rule a topic name or topic filter breaks, and where.
///
/// Levels are counted from 1 over the whole string as given, including the
/// `$share/<group>/` prefix of a shared subscription, so the UI can map a
/// level straight back onto what the user typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TopicError {
    /// Topic names and filters must be at least one character long.
    Empty,
    /// Longer than [`MAX_TOPIC_LEN`] bytes once encoded as UTF-8.
    TooLong {
        /// Length in bytes of UTF-8.
        len: usize,
    },
    /// Contains U+0000, which no MQTT string may contain.
    NullCharacter {
        /// Byte offset of the null character.
        offset: usize,
    },
    /// A topic name contains `+` or `#`; wildcards belong in filters only.
    WildcardInTopicName {
        /// The wildcard found: `+` or `#`.
        wildcard: char,
        /// The level it was found in.
        level: usize,
    },
    /// `#` is followed by more levels, as in `a/#/b`.
    MultiLevelWildcardNotLast {
        /// The level holding the `#`.
        level: usize,
    },
    /// `#` shares its level with other characters, as in `a/b#`.
    MultiLevelWildcardNotAlone {
        /// The level holding the `#`.
        level: usize,
    },
    /// `+` shares its level with other characters, as in `a/b+/c`.
    SingleLevelWildcardNotAlone {
        /// The level holding the `+`.
        level: usize,
    },
    /// `$share` is not followed by a non-empty share name (`$share`,
    /// `$share/`, `$share//x`).
    SharedSubscriptionMissingGroup,
    /// The share name contains a character it may not.
    ///
    /// The spec forbids `/`, `+` and `#`. When parsing a whole filter the
    /// first `/` after the share name ends it, so only `+` and `#` can be
    /// reported here.
    SharedSubscriptionInvalidGroup {
        /// The forbidden character.
        character: char,
        /// Its byte offset in the whole filter.
        offset: usize,
    },
    /// The share name is not followed by `/` and a topic filter
    /// (`$share/g`, `$share/g/`).
    SharedSubscriptionMissingFilter,
}

impl TopicError {
    /// The MQTT 5.0 section that states the broken rule, for "read more"
    /// links in the UI and the course.
    pub fn spec_section(&self) -> &'static str {
        match self {
            TopicError::Empty | TopicError::TooLong { .. } | TopicError::NullCharacter { .. } => {
                "4.7.3"
            }
            TopicError::WildcardInTopicName { .. } => "4.7.1",
            TopicError::MultiLevelWildcardNotLast { .. }
            | TopicError::MultiLevelWildcardNotAlone { .. } => "4.7.1.2",
            TopicError::SingleLevelWildcardNotAlone { .. } => "4.7.1.3",
            TopicError::SharedSubscriptionMissingGroup
            | TopicError::SharedSubscriptionInvalidGroup { .. }
            | TopicError::SharedSubscriptionMissingFilter => "4.8.2",
        }
    }
}

impl fmt::Display for TopicError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TopicError::Empty => {
                f.write_str("a topic name or topic filter must be at least one character long")
            }
            TopicError::TooLong { len } => write!(
                f,
                "a topic name or topic filter may be at most {MAX_TOPIC_LEN} bytes of UTF-8, \
                 this one is {len} bytes"
            ),
            TopicError::NullCharacter { offset } => write!(
                f,
                "a topic name or topic filter must not contain the null character U+0000 \
                 (byte offset {offset})"
            ),
            TopicError::WildcardInTopicName { wildcard, level } => write!(
                f,
                "'{wildcard}' is a wildcard and may only be used in topic filters, \
                 not in a topic name (level {level})"
            ),
            TopicError::MultiLevelWildcardNotLast { level } => write!(
                f,
                "'#' must be the last level of a topic filter (level {level})"
            ),
            TopicError::MultiLevelWildcardNotAlone { level } => write!(
                f,
                "'#' must occupy a whole level of a topic filter, \
                 with nothing but '/' next to it (level {level})"
            ),
            TopicError::SingleLevelWildcardNotAlone { level } => write!(
                f,
                "'+' must occupy a whole level of a topic filter, \
                 with nothing but '/' next to it (level {level})"
            ),
            TopicError::SharedSubscriptionMissingGroup => f.write_str(
                "a shared subscription needs a share name after '$share/', \
                 as in '$share/group/topic'",
            ),
            TopicError::SharedSubscriptionInvalidGroup { character, offset } => write!(
                f,
                "the share name of a shared subscription must not contain '{character}' \
                 (byte offset {offset})"
            ),
            TopicError::SharedSubscriptionMissingFilter => f.write_str(
                "a shared subscription needs a topic filter after the share name, \
                 as in '$share/group/topic'",
            ),
        }
    }
}

impl std::error::Error for TopicError {}

/// A topic filter that passed [`validate_topic_filter`], split into its
/// shared-subscription parts.
///
/// Holding one is the proof that the filter is valid, which is what lets
/// [`TopicFilter::matches`] skip validation on the broker's hot path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopicFilter<'a> {
    /// The share name of a `$share/<group>/<filter>` subscription, `None`
    /// for an ordinary subscription.
    pub share_group: Option<&'a str>,
    /// The filter that topic names are matched against: the whole string
    /// for an ordinary subscription, the part after `$share/<group>/` for a
    /// shared one.
    pub filter: &'a str,
}

impl TopicFilter<'_> {
    /// Whether this is a shared subscription, whose messages the server
    /// hands to one member of the group rather than to every subscriber.
    pub fn is_shared(&self) -> bool {
        self.share_group.is_some()
    }

    /// Whether this filter matches `topic_name`, without validating either.
    ///
    /// This is the broker's hot path: the filter was validated when it was
    /// subscribed and the topic name when the PUBLISH arrived, so checking
    /// them again for every subscription would be waste. With an invalid
    /// topic name (or a hand-built invalid filter) the answer is unspecified,
    /// though it never panics; use [`matches()`] when in doubt.
    pub fn matches(&self, topic_name: &str) -> bool {
        levels_match(self.filter, topic_name)
    }
}

/// Checks a topic name, as sent in PUBLISH or a Will, against MQTT's rules.
///
/// Empty levels (`a//b`, `/a`, `a/`) are allowed: they are ordinary, if
/// confusing, levels with no characters. So are names starting with `$`; it
/// is up to the server whether clients may publish to them.
pub fn validate_topic_name(name: &str) -> Result<(), TopicError> {
    check_length(name)?;
    let mut level = 1;
    for (offset, c) in name.char_indices() {
        match c {
            '/' => level += 1,
            '\0' => return Err(TopicError::NullCharacter { offset }),
            '+' | '#' => return Err(TopicError::WildcardInTopicName { wildcard: c, level }),
            _ => {}
        }
    }
    Ok(())
}

/// Checks a topic filter, as sent in SUBSCRIBE or UNSUBSCRIBE, and splits off
/// the share name of a shared subscription.
///
/// `$share` is special only as the whole first level: `$shared/x`,
/// `$SHARE/g/x` and `a/$share/g/x` are ordinary filters. MQTT 3.1.1 has no
/// shared subscriptions, but most 3.1.1 brokers treat `$share` the same way,
/// so this does not depend on the protocol version.
pub fn validate_topic_filter(filter: &str) -> Result<TopicFilter<'_>, TopicError> {
    check_length(filter)?;

    let after_prefix = match filter.strip_prefix(SHARE_PREFIX) {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => rest,
        _ => {
            check_filter_levels(filter, 1, 0)?;
            return Ok(TopicFilter {
                share_group: None,
                filter,
            });
        }
    };

    let Some(group_and_filter) = after_prefix.strip_prefix('/') else {
        return Err(TopicError::SharedSubscriptionMissingGroup);
    };
    let group_offset = SHARE_PREFIX.len() + 1;
    let (group, inner) = match group_and_filter.split_once('/') {
        Some((group, inner)) => (group, Some(inner)),
        None => (group_and_filter, None),
    };
    if group.is_empty() {
        return Err(TopicError::SharedSubscriptionMissingGroup);
    }
    for (i, c) in group.char_indices() {
        let offset = group_offset + i;
        match c {
            '\0' => return Err(TopicError::NullCharacter { offset }),
            '+' | '#' => {
                return Err(TopicError::SharedSubscriptionInvalidGroup {
                    character: c,
                    offset,
                })
            }
            _ => {}
        }
    }
    let inner = match inner {
        Some(inner) if !inner.is_empty() => inner,
        _ => return Err(TopicError::SharedSubscriptionMissingFilter),
    };
    // `$share` is level 1 and the share name level 2.
    check_filter_levels(inner, 3, group_offset + group.len() + 1)?;
    Ok(TopicFilter {
        share_group: Some(group),
        filter: inner,
    })
}

/// Whether the topic filter `filter` matches the topic name `topic_name`, as
/// a server decides which subscribers get a message.
///
/// `+` matches exactly one level, even an empty one; `#` matches its parent
/// level and any number of levels below it (`sport/#` matches `sport`). A
/// filter starting with a wildcard does not match names starting with `$`
/// (section 4.7.2), so `#` does not see `$SYS/...` but `$SYS/#` does. A shared
/// subscription matches through the filter after `$share/<group>/`.
///
/// Invalid filters and invalid topic names match nothing. Validation and
/// matching allocate nothing.
pub fn matches(filter: &str, topic_name: &str) -> bool {
    match validate_topic_filter(filter) {
        Ok(parsed) => validate_topic_name(topic_name).is_ok() && parsed.matches(topic_name),
        Err(_) => false,
    }
}

/// The level-by-level reasoning behind [`matches()`], for the learning panels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchExplanation {
    /// The verdict; always the same as [`matches()`] gives.
    pub matches: bool,
    /// The share name when the filter is a shared subscription; its levels
    /// are then compared from the part after `$share/<group>/`.
    pub share_group: Option<String>,
    /// One step per level compared, in order. The last step decides the
    /// verdict unless every level was `Equal` or `SingleLevelWildcard` and
    /// both sides ran out together, which is a match.
    pub steps: Vec<LevelStep>,
}

/// One level of the filter set against one level of the topic name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelStep {
    /// The filter's level, `None` when the filter has run out (or is
    /// invalid).
    pub filter_level: Option<String>,
    /// The topic name's level, `None` when the name has run out (or is
    /// invalid). For [`LevelOutcome::MultiLevelWildcard`] this is everything
    /// `#` swallowed, e.g. `player1/score`, and `None` when it matched only
    /// the parent level.
    pub topic_level: Option<String>,
    /// What comparing the two levels showed.
    pub outcome: LevelOutcome,
}

/// What comparing one filter level with one topic level showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LevelOutcome {
    /// Same characters; matching continues.
    Equal,
    /// Different characters (comparison is case-sensitive); no match.
    Differs,
    /// `+` took this one level; matching continues.
    SingleLevelWildcard,
    /// `#` took this level and all the rest (or just the parent); match.
    MultiLevelWildcard,
    /// The filter has more levels than the topic name; no match.
    TopicTooShort,
    /// The topic name has more levels than the filter; no match.
    TopicTooLong,
    /// The topic name starts with `$` and the filter starts with a wildcard,
    /// which never matches it (section 4.7.2); no match.
    DollarTopicNeedsExplicitLevel,
    /// The filter is not valid, so it matches nothing.
    InvalidFilter(TopicError),
    /// The topic name is not valid, so nothing matches it.
    InvalidTopicName(TopicError),
}

/// Explains, level by level, why `filter` does or does not match
/// `topic_name`. Allocates, so it is meant for teaching, not for routing.
pub fn explain_match(filter: &str, topic_name: &str) -> MatchExplanation {
    let parsed = match validate_topic_filter(filter) {
        Ok(parsed) => parsed,
        Err(e) => return rejected(None, LevelOutcome::InvalidFilter(e)),
    };
    let share_group = parsed.share_group.map(str::to_owned);
    if let Err(e) = validate_topic_name(topic_name) {
        return rejected(share_group, LevelOutcome::InvalidTopicName(e));
    }

    let mut steps = Vec::new();
    let mut filter_levels = parsed.filter.split('/');
    let mut topic_levels = topic_name.split('/');
    // Byte offset where the current topic level starts, to show what `#` took.
    let mut topic_offset = 0;
    let mut first = true;
    let matched = loop {
        let filter_level = filter_levels.next();
        let topic_level = topic_levels.next();
        let mut shown_topic_level = topic_level;
        let (outcome, verdict) = match (filter_level, topic_level) {
            (None, None) => break true,
            (Some("+" | "#"), Some(t)) if first && t.starts_with('$') => {
                (LevelOutcome::DollarTopicNeedsExplicitLevel, Some(false))
            }
            (Some("#"), rest) => {
                shown_topic_level = rest.map(|t| topic_name.get(topic_offset..).unwrap_or(t));
                (LevelOutcome::MultiLevelWildcard, Some(true))
            }
            (Some("+"), Some(_)) => (LevelOutcome::SingleLevelWildcard, None),
            (Some(f), Some(t)) if f == t => (LevelOutcome::Equal, None),
            (Some(_), Some(_)) => (LevelOutcome::Differs, Some(false)),
            (Some(_), None) => (LevelOutcome::TopicTooShort, Some(false)),
            (None, Some(_)) => (LevelOutcome::TopicTooLong, Some(false)),
        };
        steps.push(LevelStep {
            filter_level: filter_level.map(str::to_owned),
            topic_level: shown_topic_level.map(str::to_owned),
            outcome,
        });
        if let Some(verdict) = verdict {
            break verdict;
        }
        first = false;
        if let Some(t) = topic_level {
            topic_offset += t.len() + 1;
        }
    };
    MatchExplanation {
        matches: matched,
        share_group,
        steps,
    }
}

/// An explanation that stops before comparing any level.
fn rejected(share_group: Option<String>, outcome: LevelOutcome) -> MatchExplanation {
    MatchExplanation {
        matches: false,
        share_group,
        steps: vec![LevelStep {
            filter_level: None,
            topic_level: None,
            outcome,
        }],
    }
}

fn check_length(topic: &str) -> Result<(), TopicError> {
    if topic.is_empty() {
        Err(TopicError::Empty)
    } else if topic.len() > MAX_TOPIC_LEN {
        Err(TopicError::TooLong { len: topic.len() })
    } else {
        Ok(())
    }
}

/// Checks the wildcard and null rules on the levels of `filter`, which sits
/// at level `first_level` and byte `base_offset` of the string being
/// validated. Reports the first offending character.
fn check_filter_levels(
    filter: &str,
    first_level: usize,
    base_offset: usize,
) -> Result<(), TopicError> {
    let mut levels = filter.split('/').peekable();
    let mut level = first_level;
    let mut level_offset = base_offset;
    while let Some(text) = levels.next() {
        let is_last = levels.peek().is_none();
        for (i, c) in text.char_indices() {
            match c {
                '\0' => {
                    return Err(TopicError::NullCharacter {
                        offset: level_offset + i,
                    })
                }
                '#' if text.len() > 1 => {
                    return Err(TopicError::MultiLevelWildcardNotAlone { level })
                }
                '#' if !is_last => return Err(TopicError::MultiLevelWildcardNotLast { level }),
                '+' if text.len() > 1 => {
                    return Err(TopicError::SingleLevelWildcardNotAlone { level })
                }
                _ => {}
            }
        }
        level += 1;
        level_offset += text.len() + 1;
    }
    Ok(())
}

/// The matching rules on an already valid filter and topic name.
fn levels_match(filter: &str, topic_name: &str) -> bool {
    if topic_name.starts_with('$') && filter.starts_with(['+', '#']) {
        return false;
    }
    let mut filter_levels = filter.split('/');
    let mut topic_levels = topic_name.split('/');
    loop {
        match (filter_levels.next(), topic_levels.next()) {
            (Some("#"), _) => return true,
            (Some("+"), Some(_)) => {}
            (Some(f), Some(t)) if f == t => {}
            (None, None) => return true,
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter_err(filter: &str) -> TopicError {
        match validate_topic_filter(filter) {
            Ok(parsed) => panic!("{filter:?} should be invalid, got {parsed:?}"),
            Err(e) => e,
        }
    }

    fn name_err(name: &str) -> TopicError {
        match validate_topic_name(name) {
            Ok(()) => panic!("{name:?} should be an invalid topic name"),
            Err(e) => e,
        }
    }

    fn plain(filter: &str) -> TopicFilter<'_> {
        TopicFilter {
            share_group: None,
            filter,
        }
    }

    // --- length and null character (4.7.3) ---

    #[test]
    fn empty_is_invalid() {
        assert_eq!(name_err(""), TopicError::Empty);
        assert_eq!(filter_err(""), TopicError::Empty);
    }

    #[test]
    fn length_limit_is_65535_bytes() {
        let longest = "a".repeat(MAX_TOPIC_LEN);
        assert_eq!(validate_topic_name(&longest), Ok(()));
        assert!(validate_topic_filter(&longest).is_ok());

        let too_long = "a".repeat(MAX_TOPIC_LEN + 1);
        let expected = TopicError::TooLong { len: 65_536 };
        assert_eq!(name_err(&too_long), expected);
        assert_eq!(filter_err(&too_long), expected);
    }

    #[test]
    fn length_is_counted_in_utf8_bytes_not_characters() {
        // '집' is three bytes of UTF-8.
        let longest = "집".repeat(MAX_TOPIC_LEN / 3);
        assert_eq!(longest.len(), MAX_TOPIC_LEN);
        assert_eq!(validate_topic_name(&longest), Ok(()));
        let too_long = format!("{longest}a");
        assert_eq!(name_err(&too_long), TopicError::TooLong { len: 65_536 });
        assert_eq!(
            filter_err(&format!("{longest}/#")),
            TopicError::TooLong { len: 65_537 }
        );
    }

    #[test]
    fn null_character_is_reported_at_its_byte_offset() {
        assert_eq!(name_err("a/\0"), TopicError::NullCharacter { offset: 2 });
        assert_eq!(name_err("집\0"), TopicError::NullCharacter { offset: 3 });
        assert_eq!(
            filter_err("a/b\0/#"),
            TopicError::NullCharacter { offset: 3 }
        );
        assert_eq!(
            filter_err("$share/g\0/x"),
            TopicError::NullCharacter { offset: 8 }
        );
        assert_eq!(
            filter_err("$share/g/x/\0"),
            TopicError::NullCharacter { offset: 11 }
        );
    }

    #[test]
    fn first_problem_from_the_left_is_reported() {
        assert_eq!(name_err("\0/+"), TopicError::NullCharacter { offset: 0 });
        assert_eq!(
            name_err("+/\0"),
            TopicError::WildcardInTopicName {
                wildcard: '+',
                level: 1
            }
        );
        assert_eq!(
            filter_err("a+/#/\0"),
            TopicError::SingleLevelWildcardNotAlone { level: 1 }
        );
    }

    // --- topic names ---

    #[test]
    fn topic_names_may_have_empty_levels_and_odd_characters() {
        for name in [
            "/",
            "//",
            "a//b",
            "/finance",
            "finance/",
            " ",
            "sport/tennis/player1",
            "집/거실/온도",
            "$SYS/broker/uptime",
            "$share/g/x",
            "a$b/c d/é",
        ] {
            assert_eq!(validate_topic_name(name), Ok(()), "{name:?}");
        }
    }

    #[test]
    fn topic_names_reject_wildcards_anywhere() {
        let cases = [
            ("+", '+', 1),
            ("#", '#', 1),
            ("sport/+/player1", '+', 2),
            ("sport/tennis/#", '#', 3),
            ("sport/tennis#", '#', 2),
            ("a/b/c+d", '+', 3),
            ("//#", '#', 3),
        ];
        for (name, wildcard, level) in cases {
            assert_eq!(
                name_err(name),
                TopicError::WildcardInTopicName { wildcard, level },
                "{name:?}"
            );
        }
    }

    // --- topic filters (4.7.1) ---

    #[test]
    fn valid_filters_from_the_spec() {
        for filter in [
            "sport/tennis/player1/#",
            "sport/#",
            "#",
            "+",
            "+/tennis/#",
            "sport/+/player1",
            "sport/tennis/+",
            "+/+",
            "/+",
            "/",
            "//",
            "$SYS/#",
            "$SYS/monitor/+",
            "집/+/온도",
            "a//#",
        ] {
            assert_eq!(
                validate_topic_filter(filter),
                Ok(plain(filter)),
                "{filter:?}"
            );
        }
    }

    #[test]
    fn multi_level_wildcard_must_be_last() {
        assert_eq!(
            filter_err("sport/tennis/#/ranking"),
            TopicError::MultiLevelWildcardNotLast { level: 3 }
        );
        assert_eq!(
            filter_err("#/"),
            TopicError::MultiLevelWildcardNotLast { level: 1 }
        );
        assert_eq!(
            filter_err("#/#"),
            TopicError::MultiLevelWildcardNotLast { level: 1 }
        );
    }

    #[test]
    fn multi_level_wildcard_must_be_alone_in_its_level() {
        assert_eq!(
            filter_err("sport/tennis#"),
            TopicError::MultiLevelWildcardNotAlone { level: 2 }
        );
        assert_eq!(
            filter_err("a/b#"),
            TopicError::MultiLevelWildcardNotAlone { level: 2 }
        );
        assert_eq!(
            filter_err("#a"),
            TopicError::MultiLevelWildcardNotAlone { level: 1 }
        );
        assert_eq!(
            filter_err("##"),
            TopicError::MultiLevelWildcardNotAlone { level: 1 }
        );
        // Not alone wins over not last: it is the more precise complaint.
        assert_eq!(
            filter_err("a/b#/c"),
            TopicError::MultiLevelWildcardNotAlone { level: 2 }
        );
    }

    #[test]
    fn single_level_wildcard_must_be_alone_in_its_level() {
        assert_eq!(
            filter_err("sport+"),
            TopicError::SingleLevelWildcardNotAlone { level: 1 }
        );
        assert_eq!(
            filter_err("a/b+/c"),
            TopicError::SingleLevelWildcardNotAlone { level: 2 }
        );
        assert_eq!(
            filter_err("a/++"),
            TopicError::SingleLevelWildcardNotAlone { level: 2 }
        );
        assert_eq!(
            filter_err("+#"),
            TopicError::SingleLevelWildcardNotAlone { level: 1 }
        );
    }

    // --- shared subscriptions (4.8.2) ---

    #[test]
    fn shared_subscription_is_split_into_group_and_filter() {
        let parsed = validate_topic_filter("$share/consumer1/sport/tennis/+").unwrap();
        assert_eq!(parsed.share_group, Some("consumer1"));
        assert_eq!(parsed.filter, "sport/tennis/+");
        assert!(parsed.is_shared());

        let parsed = validate_topic_filter("$share/g/#").unwrap();
        assert_eq!((parsed.share_group, parsed.filter), (Some("g"), "#"));

        // Empty levels are fine in the filter part.
        let parsed = validate_topic_filter("$share/g//").unwrap();
        assert_eq!((parsed.share_group, parsed.filter), (Some("g"), "/"));
    }

    #[test]
    fn share_is_special_only_as_the_whole_first_level() {
        for filter in [
            "$shared/x",
            "$SHARE/g/x",
            "a/$share/g/x",
            "$share_/g",
            "$shar",
        ] {
            assert_eq!(
                validate_topic_filter(filter),
                Ok(plain(filter)),
                "{filter:?}"
            );
        }
    }

    #[test]
    fn shared_subscription_needs_a_group() {
        for filter in ["$share", "$share/", "$share//x", "$share//"] {
            assert_eq!(
                filter_err(filter),
                TopicError::SharedSubscriptionMissingGroup,
                "{filter:?}"
            );
        }
    }

    #[test]
    fn shared_subscription_group_may_not_hold_wildcards() {
        assert_eq!(
            filter_err("$share/g+/x"),
            TopicError::SharedSubscriptionInvalidGroup {
                character: '+',
                offset: 8
            }
        );
        assert_eq!(
            filter_err("$share/#/x"),
            TopicError::SharedSubscriptionInvalidGroup {
                character: '#',
                offset: 7
            }
        );
        // A bad group is reported even when the filter is missing too.
        assert_eq!(
            filter_err("$share/+"),
            TopicError::SharedSubscriptionInvalidGroup {
                character: '+',
                offset: 7
            }
        );
    }

    #[test]
    fn shared_subscription_needs_a_filter() {
        for filter in ["$share/g", "$share/g/"] {
            assert_eq!(
                filter_err(filter),
                TopicError::SharedSubscriptionMissingFilter,
                "{filter:?}"
            );
        }
    }

    #[test]
    fn shared_subscription_filter_follows_the_filter_rules_with_whole_string_levels() {
        assert_eq!(
            filter_err("$share/g/a/#/b"),
            TopicError::MultiLevelWildcardNotLast { level: 4 }
        );
        assert_eq!(
            filter_err("$share/g/a+"),
            TopicError::SingleLevelWildcardNotAlone { level: 3 }
        );
        assert_eq!(
            filter_err("$share/g/x#"),
            TopicError::MultiLevelWildcardNotAlone { level: 3 }
        );
    }

    // --- messages and spec sections ---

    #[test]
    fn every_error_has_a_message_and_a_spec_section() {
        let cases = [
            (TopicError::Empty, "at least one character", "4.7.3"),
            (TopicError::TooLong { len: 70_000 }, "70000 bytes", "4.7.3"),
            (
                TopicError::NullCharacter { offset: 4 },
                "U+0000 (byte offset 4)",
                "4.7.3",
            ),
            (
                TopicError::WildcardInTopicName {
                    wildcard: '+',
                    level: 2,
                },
                "'+' is a wildcard and may only be used in topic filters, not in a topic name (level 2)",
                "4.7.1",
            ),
            (
                TopicError::MultiLevelWildcardNotLast { level: 2 },
                "'#' must be the last level of a topic filter (level 2)",
                "4.7.1.2",
            ),
            (
                TopicError::MultiLevelWildcardNotAlone { level: 3 },
                "'#' must occupy a whole level",
                "4.7.1.2",
            ),
            (
                TopicError::SingleLevelWildcardNotAlone { level: 1 },
                "'+' must occupy a whole level",
                "4.7.1.3",
            ),
            (
                TopicError::SharedSubscriptionMissingGroup,
                "needs a share name",
                "4.8.2",
            ),
            (
                TopicError::SharedSubscriptionInvalidGroup {
                    character: '#',
                    offset: 7,
                },
                "must not contain '#' (byte offset 7)",
                "4.8.2",
            ),
            (
                TopicError::SharedSubscriptionMissingFilter,
                "needs a topic filter",
                "4.8.2",
            ),
        ];
        for (error, fragment, section) in cases {
            let message = error.to_string();
            assert!(message.contains(fragment), "{message:?} lacks {fragment:?}");
            assert_eq!(error.spec_section(), section, "{error:?}");
        }
    }

    #[test]
    fn topic_error_is_a_std_error() {
        let boxed: Box<dyn std::error::Error> = Box::new(TopicError::Empty);
        assert!(boxed.to_string().starts_with("a topic name"));
    }

    // --- matching (4.7.1, 4.7.2) ---

    #[test]
    fn multi_level_wildcard_examples_from_the_spec() {
        let filter = "sport/tennis/player1/#";
        for name in [
            "sport/tennis/player1",
            "sport/tennis/player1/ranking",
            "sport/tennis/player1/score/wimbledon",
        ] {
            assert!(matches(filter, name), "{name:?}");
        }
        assert!(!matches(filter, "sport/tennis/player2"));
        assert!(!matches(filter, "sport/tennis"));

        assert!(matches("sport/#", "sport"));
        assert!(matches("sport/#", "sport/"));
        assert!(!matches("sport/#", "sports"));
        assert!(!matches("sport/#", "/sport"));
    }

    #[test]
    fn multi_level_wildcard_alone_matches_every_name_not_starting_with_dollar() {
        for name in ["a", "/", "//", "a/b/c", "/finance", "집/거실/온도", "a$"] {
            assert!(matches("#", name), "{name:?}");
        }
    }

    #[test]
    fn single_level_wildcard_examples_from_the_spec() {
        assert!(matches("sport/tennis/+", "sport/tennis/player1"));
        assert!(matches("sport/tennis/+", "sport/tennis/player2"));
        assert!(!matches("sport/tennis/+", "sport/tennis/player1/ranking"));
        assert!(!matches("sport/+", "sport"));
        assert!(matches("sport/+", "sport/"));
        assert!(matches("+", "sport"));
        assert!(!matches("+", "sport/tennis"));
        assert!(matches("+/tennis/#", "sport/tennis/player1"));
        assert!(matches("sport/+/player1", "sport/tennis/player1"));
    }

    #[test]
    fn single_level_wildcard_matches_an_empty_level() {
        assert!(matches("+/+", "/finance"));
        assert!(matches("/+", "/finance"));
        assert!(!matches("+", "/finance"));
        assert!(matches("a/+/c", "a//c"));
        assert!(matches("+/+", "/"));
        assert!(!matches("+", "/"));
        assert!(matches("+/", "/"));
    }

    #[test]
    fn literal_levels_compare_exactly() {
        assert!(matches("sport/tennis", "sport/tennis"));
        assert!(!matches("ACCOUNTS", "Accounts"));
        assert!(!matches("a/b", "a/b/"));
        assert!(!matches("a/b/", "a/b"));
        assert!(matches("//", "//"));
        assert!(!matches("/", "//"));
        assert!(matches("집/+/온도", "집/거실/온도"));
        assert!(!matches("집/+/온도", "집/거실/습도"));
    }

    #[test]
    fn dollar_topics_need_an_explicit_first_level() {
        assert!(!matches("#", "$SYS"));
        assert!(!matches("#", "$SYS/x"));
        assert!(!matches("+/monitor/Clients", "$SYS/monitor/Clients"));
        assert!(!matches("+", "$SYS"));
        assert!(matches("$SYS/#", "$SYS/monitor/Clients"));
        assert!(matches("$SYS/#", "$SYS"));
        assert!(matches("$SYS/monitor/+", "$SYS/monitor/Clients"));
        assert!(matches("$SYS/monitor/Clients", "$SYS/monitor/Clients"));
        // Only the first level is special.
        assert!(matches("a/+", "a/$b"));
        assert!(matches("a/#", "a/$b/c"));
    }

    #[test]
    fn shared_subscriptions_match_through_their_filter() {
        assert!(matches("$share/g/sport/#", "sport/tennis"));
        assert!(matches("$share/g/+", "sport"));
        assert!(!matches("$share/g/sport/#", "$share/g/sport/tennis"));
        assert!(!matches("$share/g/#", "$SYS/x"));
        assert!(matches("$share/g/$SYS/#", "$SYS/x"));
    }

    #[test]
    fn invalid_filters_and_names_match_nothing() {
        for filter in ["", "sport/tennis#", "a/#/b", "$share/g", "$share//x", "a\0"] {
            assert!(!matches(filter, "sport/tennis"), "{filter:?}");
            assert!(!matches(filter, filter), "{filter:?}");
        }
        assert!(!matches("a/+", "a/+"));
        assert!(!matches("#", "a/#"));
        assert!(!matches("#", ""));
        assert!(!matches("#", &"a".repeat(MAX_TOPIC_LEN + 1)));
    }

    #[test]
    fn topic_filter_matches_without_revalidating() {
        let parsed = validate_topic_filter("$share/g/sport/+").unwrap();
        assert!(parsed.matches("sport/tennis"));
        assert!(!parsed.matches("sport"));
    }

    // --- explanations ---

    fn step(filter: Option<&str>, topic: Option<&str>, outcome: LevelOutcome) -> LevelStep {
        LevelStep {
            filter_level: filter.map(str::to_owned),
            topic_level: topic.map(str::to_owned),
            outcome,
        }
    }

    #[test]
    fn explanation_walks_the_levels() {
        let e = explain_match("sport/+/player1/#", "sport/tennis/player1/score/wimbledon");
        assert!(e.matches);
        assert_eq!(e.share_group, None);
        assert_eq!(
            e.steps,
            vec![
                step(Some("sport"), Some("sport"), LevelOutcome::Equal),
                step(Some("+"), Some("tennis"), LevelOutcome::SingleLevelWildcard),
                step(Some("player1"), Some("player1"), LevelOutcome::Equal),
                step(
                    Some("#"),
                    Some("score/wimbledon"),
                    LevelOutcome::MultiLevelWildcard
                ),
            ]
        );
    }

    #[test]
    fn explanation_of_the_parent_level_matched_by_hash() {
        let e = explain_match("sport/#", "sport");
        assert!(e.matches);
        assert_eq!(
            e.steps[1],
            step(Some("#"), None, LevelOutcome::MultiLevelWildcard)
        );
    }

    #[test]
    fn explanation_stops_at_the_first_failing_level() {
        let e = explain_match("sport/tennis/+", "sport/golf/x");
        assert!(!e.matches);
        assert_eq!(
            e.steps.last(),
            Some(&step(Some("tennis"), Some("golf"), LevelOutcome::Differs))
        );
        assert_eq!(e.steps.len(), 2);

        let e = explain_match("sport/+", "sport");
        assert_eq!(
            e.steps.last(),
            Some(&step(Some("+"), None, LevelOutcome::TopicTooShort))
        );

        let e = explain_match("sport/+", "sport/tennis/player1");
        assert_eq!(
            e.steps.last(),
            Some(&step(None, Some("player1"), LevelOutcome::TopicTooLong))
        );

        let e = explain_match("+/monitor/Clients", "$SYS/monitor/Clients");
        assert_eq!(
            e.steps,
            vec![step(
                Some("+"),
                Some("$SYS"),
                LevelOutcome::DollarTopicNeedsExplicitLevel
            )]
        );
    }

    #[test]
    fn explanation_of_invalid_input() {
        let e = explain_match("a/#/b", "a/x/b");
        assert!(!e.matches);
        assert_eq!(
            e.steps,
            vec![step(
                None,
                None,
                LevelOutcome::InvalidFilter(TopicError::MultiLevelWildcardNotLast { level: 2 })
            )]
        );

        let e = explain_match("$share/g/#", "a/+");
        assert!(!e.matches);
        assert_eq!(e.share_group.as_deref(), Some("g"));
        assert_eq!(
            e.steps,
            vec![step(
                None,
                None,
                LevelOutcome::InvalidTopicName(TopicError::WildcardInTopicName {
                    wildcard: '+',
                    level: 2
                })
            )]
        );
    }

    #[test]
    fn explanation_of_a_shared_subscription() {
        let e = explain_match("$share/workers/jobs/+", "jobs/42");
        assert!(e.matches);
        assert_eq!(e.share_group.as_deref(), Some("workers"));
        assert_eq!(
            e.steps,
            vec![
                step(Some("jobs"), Some("jobs"), LevelOutcome::Equal),
                step(Some("+"), Some("42"), LevelOutcome::SingleLevelWildcard),
            ]
        );
    }

    #[test]
    fn explanation_agrees_with_matches() {
        let filters = [
            "#",
            "+",
            "+/+",
            "/+",
            "+/",
            "/",
            "//",
            "a",
            "a/b",
            "a/+",
            "a/#",
            "a/+/c",
            "+/b/#",
            "a//c",
            "$SYS/#",
            "$SYS/+",
            "+/#",
            "$share/g/#",
            "$share/g/a/+",
            "$share/g/$SYS/#",
            "a/#/c",
            "a+",
            "$share/g",
            "",
            "a\0",
            "$x/+",
            "집/+",
        ];
        let names = [
            "a",
            "a/b",
            "a/b/c",
            "a//c",
            "/",
            "//",
            "a/",
            "/a",
            "b",
            "$SYS",
            "$SYS/a",
            "$x",
            "$x/a",
            "a/$b",
            "집/거실",
            "$share/g/a",
            "",
            "a/+",
            "a/#",
            "a\0",
        ];
        let mut matched = 0;
        for filter in filters {
            for name in names {
                let explanation = explain_match(filter, name);
                assert_eq!(
                    explanation.matches,
                    matches(filter, name),
                    "{filter:?} vs {name:?}: {explanation:?}"
                );
                assert!(!explanation.steps.is_empty());
                matched += usize::from(explanation.matches);
            }
        }
        // Guard against a vacuous agreement where nothing ever matches.
        assert!(matched > 40, "only {matched} matches");
    }

    // --- properties ---

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        /// A valid topic name built from a few short levels, sometimes with a
        /// `$` first level, empty levels and non-ASCII characters.
        fn topic_name() -> impl Strategy<Value = String> {
            prop::collection::vec("[a-c집 $/]{0,3}|\\$[A-Z]{1,3}|[^\\x00+#/]{0,4}", 1..6)
                .prop_map(|levels| levels.join("/"))
                .prop_filter("non-empty", |name| !name.is_empty())
        }

        /// Any filter, valid or not, from the characters that matter.
        fn filter_text() -> impl Strategy<Value = String> {
            prop::collection::vec(
                prop_oneof![
                    Just("#".to_owned()),
                    Just("+".to_owned()),
                    Just(String::new()),
                    "[ab$]{1,2}",
                    "[ab+#]{2}",
                ],
                1..5,
            )
            .prop_map(|levels| levels.join("/"))
        }

        fn is_share(name: &str) -> bool {
            name == "$share" || name.starts_with("$share/")
        }

        proptest! {
            #[test]
            fn generated_names_are_valid(name in topic_name()) {
                prop_assert_eq!(validate_topic_name(&name), Ok(()));
            }

            #[test]
            fn hash_matches_every_name_unless_it_starts_with_dollar(name in topic_name()) {
                prop_assert_eq!(matches("#", &name), !name.starts_with('$'));
            }

            #[test]
            fn a_name_matches_itself_used_as_a_filter(name in topic_name()) {
                prop_assume!(!is_share(&name));
                prop_assert_eq!(validate_topic_filter(&name), Ok(TopicFilter { share_group: None, filter: &name }));
                prop_assert!(matches(&name, &name));
            }

            #[test]
            fn wildcards_put_in_place_of_levels_still_match(
                name in topic_name(),
                plus_mask in any::<u8>(),
                cut in 0usize..8,
            ) {
                let levels: Vec<&str> = name.split('/').collect();
                let mut filter_levels: Vec<&str> = levels
                    .iter()
                    .enumerate()
                    .map(|(i, level)| if i < 8 && plus_mask & (1 << i) != 0 { "+" } else { level })
                    .collect();
                if cut <= filter_levels.len() {
                    filter_levels.truncate(cut);
                    filter_levels.push("#");
                }
                let filter = filter_levels.join("/");
                prop_assume!(!is_share(&filter));
                let first_is_wildcard = filter.starts_with(['+', '#']);
                prop_assert_eq!(
                    matches(&filter, &name),
                    !(name.starts_with('$') && first_is_wildcard),
                    "{} vs {}", filter, name
                );
            }

            #[test]
            fn explanation_agrees_with_matches(filter in filter_text(), name in topic_name()) {
                prop_assert_eq!(explain_match(&filter, &name).matches, matches(&filter, &name));
            }

            #[test]
            fn never_panics_on_arbitrary_strings(filter in ".{0,12}", name in ".{0,12}") {
                let verdict = matches(&filter, &name);
                prop_assert_eq!(explain_match(&filter, &name).matches, verdict);
                if let Ok(parsed) = validate_topic_filter(&filter) {
                    let _ = parsed.matches(&name);
                }
            }
        }
    }
}
