//! The Topics lesson: what is wrong (or merely risky) with a topic name the
//! learner types, a better hierarchical name, and the wildcard playground's
//! verdicts with a reason for each topic.
//!
//! The protocol's own rules come from [`crate::protocol::topic`]; everything
//! else here is design advice — names that are legal but make subscribing
//! with wildcards awkward or error-prone.

use crate::i18n::{topic_error, Lang};
use crate::protocol::topic::{explain_match, validate_topic_name, LevelOutcome, TopicError};

/// More levels than this is flagged as too deep.
pub const MAX_COMFORTABLE_LEVELS: usize = 7;
/// More bytes than this is flagged as very long.
pub const MAX_COMFORTABLE_LEN: usize = 100;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The protocol refuses the name: nothing can be published to it.
    Error,
    /// Legal, but likely to cause a mistake.
    Warning,
    /// Legal; a matter of good design.
    Advice,
}

/// What the checker noticed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindingKind {
    /// Breaks a protocol rule.
    Invalid(TopicError),
    /// Starts with `/`: the first level is empty.
    LeadingSlash,
    /// Ends with `/`: the last level is empty.
    TrailingSlash,
    /// `a//b`: an empty level in the middle (1-based level number).
    EmptyLevel {
        /// The first empty level.
        level: usize,
    },
    /// Contains a space.
    Space,
    /// Upper and lower case mixed inconsistently across levels.
    MixedCase,
    /// Contains characters beyond ASCII.
    NonAscii,
    /// One level that looks like several squeezed together with `_` or `-`.
    FlatName {
        /// The level that looks squeezed.
        level: String,
    },
    /// More than [`MAX_COMFORTABLE_LEVELS`] levels.
    TooDeep {
        /// How many levels.
        levels: usize,
    },
    /// Starts with `$`, which brokers keep for themselves.
    DollarPrefix,
    /// Longer than [`MAX_COMFORTABLE_LEN`] bytes.
    VeryLong {
        /// Length in bytes of UTF-8.
        len: usize,
    },
}

/// One thing the checker has to say about a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// What was noticed.
    pub kind: FindingKind,
    /// How much it matters.
    pub severity: Severity,
    /// Why it matters and what to do, in the chosen language.
    pub explanation: String,
}

/// Everything worth saying about `name`, most severe first. Empty when the
/// name is well designed.
pub fn check(name: &str, lang: Lang) -> Vec<Finding> {
    let mut kinds = Vec::new();
    if let Err(e) = validate_topic_name(name) {
        kinds.push(FindingKind::Invalid(e.clone()));
        if e == TopicError::Empty {
            return finish(kinds, lang);
        }
    }
    let levels: Vec<&str> = name.split('/').collect();
    if name.starts_with('$') {
        kinds.push(FindingKind::DollarPrefix);
    }
    if levels.len() > 1 && levels[0].is_empty() {
        kinds.push(FindingKind::LeadingSlash);
    }
    if levels.len() > 1 && levels.last().is_some_and(|l| l.is_empty()) {
        kinds.push(FindingKind::TrailingSlash);
    }
    let inner_empty = levels
        .iter()
        .enumerate()
        .skip(1)
        .take(levels.len().saturating_sub(2))
        .find(|(_, l)| l.is_empty());
    if let Some((i, _)) = inner_empty {
        kinds.push(FindingKind::EmptyLevel { level: i + 1 });
    }
    if name.contains(char::is_whitespace) {
        kinds.push(FindingKind::Space);
    }
    if mixed_case(&levels) {
        kinds.push(FindingKind::MixedCase);
    }
    if !name.is_ascii() {
        kinds.push(FindingKind::NonAscii);
    }
    if let Some(level) = levels.iter().find(|l| looks_flat(l, levels.len())) {
        kinds.push(FindingKind::FlatName {
            level: (*level).to_string(),
        });
    }
    if levels.len() > MAX_COMFORTABLE_LEVELS {
        kinds.push(FindingKind::TooDeep {
            levels: levels.len(),
        });
    }
    if name.len() > MAX_COMFORTABLE_LEN {
        kinds.push(FindingKind::VeryLong { len: name.len() });
    }
    finish(kinds, lang)
}

fn finish(kinds: Vec<FindingKind>, lang: Lang) -> Vec<Finding> {
    let mut findings: Vec<Finding> = kinds
        .into_iter()
        .map(|kind| Finding {
            severity: severity(&kind),
            explanation: explain(&kind, lang),
            kind,
        })
        .collect();
    findings.sort_by_key(|f| f.severity);
    findings
}

/// How much each kind of finding matters.
pub fn severity(kind: &FindingKind) -> Severity {
    match kind {
        FindingKind::Invalid(_) => Severity::Error,
        FindingKind::LeadingSlash
        | FindingKind::TrailingSlash
        | FindingKind::EmptyLevel { .. }
        | FindingKind::Space
        | FindingKind::DollarPrefix
        | FindingKind::MixedCase => Severity::Warning,
        FindingKind::NonAscii
        | FindingKind::FlatName { .. }
        | FindingKind::TooDeep { .. }
        | FindingKind::VeryLong { .. } => Severity::Advice,
    }
}

/// Why a finding matters, in the chosen language.
pub fn explain(kind: &FindingKind, lang: Lang) -> String {
    match kind {
        FindingKind::Invalid(e) => {
            let rule = topic_error(lang, e);
            en_ko!(lang,
                "The broker will refuse this name. {}", rule;
                "Broker가 이 이름을 거부합니다. {}", rule)
        }
        FindingKind::LeadingSlash => en_ko!(lang,
            "It starts with '/', so its first level is an empty string: '/home/temp' and 'home/temp' \
            are two different topics, and a subscriber to 'home/#' will never see it. Drop the leading '/'.";
            "'/'로 시작하면 첫 번째 단계가 빈 문자열이 됩니다. '/home/temp'와 'home/temp'는 서로 다른 Topic이라서 \
            'home/#'을 구독한 쪽은 이 메시지를 받지 못합니다. 맨 앞의 '/'를 빼세요."),
        FindingKind::TrailingSlash => en_ko!(lang,
            "It ends with '/', so its last level is empty: 'home/temp/' is not 'home/temp', and the \
            filter 'home/+' does not match it. Drop the trailing '/'.";
            "'/'로 끝나면 마지막 단계가 비어 있습니다. 'home/temp/'는 'home/temp'와 다른 Topic이고 \
            'home/+' 필터에도 걸리지 않습니다. 맨 끝의 '/'를 빼세요."),
        FindingKind::EmptyLevel { level } => en_ko!(lang,
            "Level {} is empty ('//'). It is legal, but it is almost always a typo, and a filter has \
            to spell the empty level out to match it. Remove the doubled '/'.", level;
            "{}번째 단계가 비어 있습니다('//'). 규칙상 허용되지만 거의 언제나 오타이고, 구독 필터에도 빈 단계를 \
            똑같이 적어야만 맞습니다. 겹친 '/'를 하나로 줄이세요.", level),
        FindingKind::Space => en_ko!(lang,
            "It contains a space. MQTT allows it, but spaces break shell commands and logs and are \
            easy to mistype; use '-' or '_' inside a level instead.";
            "공백이 들어 있습니다. MQTT는 허용하지만 셸 명령과 로그에서 문제를 일으키고 잘못 입력하기 쉽습니다. \
            단계 안에서는 공백 대신 '-'나 '_'를 쓰세요."),
        FindingKind::MixedCase => en_ko!(lang,
            "Upper and lower case are mixed. Topics are case-sensitive: 'home/Kitchen' and 'home/kitchen' \
            are different topics, so one device's typo silently splits the data. Pick one style — \
            all lower-case is the usual choice.";
            "대문자와 소문자가 섞여 있습니다. Topic은 대소문자를 구분하므로 'home/Kitchen'과 'home/kitchen'은 \
            서로 다른 Topic이 되어, 장치 하나의 오타로 데이터가 조용히 갈라집니다. 한 가지 방식으로 통일하세요. \
            보통은 모두 소문자로 씁니다."),
        FindingKind::NonAscii => en_ko!(lang,
            "It contains non-ASCII characters (such as Korean). MQTT allows any UTF-8, but some tools, \
            boards and databases mangle them; English words in ASCII are the safe choice for topics, \
            and Korean text is better placed in the payload.";
            "ASCII가 아닌 문자(한글 등)가 들어 있습니다. MQTT는 UTF-8을 모두 허용하지만 일부 도구, 보드, \
            데이터베이스는 이를 깨뜨립니다. Topic에는 ASCII 영어 단어를 쓰고, 한글은 Payload에 넣는 편이 안전합니다."),
        FindingKind::FlatName { level } => en_ko!(lang,
            "'{}' looks like several levels squeezed into one with '_' or '-'. Flat names cannot be \
            filtered: with separate levels, 'hexaboard/+/temperature' would collect every board's \
            temperature. Split it into levels with '/'.", level;
            "'{}'은(는) 여러 단계를 '_'나 '-'로 한 단계에 몰아넣은 이름으로 보입니다. 이렇게 평평한 이름은 \
            와일드카드로 골라 받을 수 없습니다. 단계를 나누면 'hexaboard/+/temperature' 하나로 모든 보드의 \
            온도를 받을 수 있습니다. '/'로 단계를 나누세요.", level),
        FindingKind::TooDeep { levels } => en_ko!(lang,
            "{} levels is deep: every PUBLISH carries the whole name, and long paths are hard to \
            remember and to filter. Up to {} levels is usually plenty.", levels, MAX_COMFORTABLE_LEVELS;
            "{}단계는 너무 깊습니다. PUBLISH마다 Topic 이름 전체가 실리고, 긴 경로는 기억하기도 필터로 \
            고르기도 어렵습니다. 보통 {}단계 이하면 충분합니다.", levels, MAX_COMFORTABLE_LEVELS),
        FindingKind::DollarPrefix => en_ko!(lang,
            "Names starting with '$' are kept for the broker itself (such as $SYS/ statistics): many \
            brokers refuse to let clients publish there, and filters starting with '+' or '#' never \
            match them. Start with an ordinary word.";
            "'$'로 시작하는 이름은 Broker 자신이 쓰도록 남겨 둔 것입니다($SYS/ 통계 등). 많은 Broker가 \
            클라이언트의 발행을 거부하고, '+'나 '#'으로 시작하는 필터에도 걸리지 않습니다. 평범한 단어로 시작하세요."),
        FindingKind::VeryLong { len } => en_ko!(lang,
            "{} bytes is long: the name travels in every PUBLISH, which costs bandwidth on a small \
            board. Shorter level names (up to about {} bytes in all) are kinder to the network.",
            len, MAX_COMFORTABLE_LEN;
            "{}바이트는 깁니다. Topic 이름은 PUBLISH마다 전송되므로 작은 보드에서는 대역폭을 낭비합니다. \
            단계 이름을 줄여 전체 {}바이트 안쪽으로 맞추는 편이 좋습니다.", len, MAX_COMFORTABLE_LEN),
    }
}

/// A level made of several words joined by `_` or `-` that are probably
/// levels: three or more parts, or two parts joined by `_` when the whole
/// name is that single level (`living-room` alone is just a word).
fn looks_flat(level: &str, level_count: usize) -> bool {
    let parts = level.split(['_', '-']).filter(|p| !p.is_empty()).count();
    parts >= 3 || (level_count == 1 && level.contains('_') && parts >= 2)
}

/// Some level is written all in lower case while another has upper case.
fn mixed_case(levels: &[&str]) -> bool {
    let has_upper = levels.iter().any(|l| l.chars().any(char::is_uppercase));
    let some_all_lower = levels.iter().any(|l| {
        l.chars().any(char::is_alphabetic)
            && l.chars().all(|c| !c.is_alphabetic() || c.is_lowercase())
    });
    has_upper && some_all_lower
}

/// Stands for a space while a name is split into levels.
const SPACE: char = '\u{1F}';

/// A better hierarchical name, or `None` when there is nothing to improve
/// automatically (or nothing valid would be left).
///
/// Drops empty levels, a leading `$`, wildcards and control characters;
/// joins the words of a level that has spaces with `-`; splits squeezed
/// levels at `_` / `-`; lower-cases
/// everything when the case was mixed.
pub fn suggest(name: &str) -> Option<String> {
    let cleaned: String = name
        .trim()
        .trim_start_matches('$')
        .chars()
        .filter(|c| !matches!(c, '+' | '#') && !c.is_control())
        // A space joins the words of one name ("living room" → one level
        // "living-room"): marked apart from the hyphens and underscores
        // that separate the parts of a flat name.
        .map(|c| if c.is_whitespace() { SPACE } else { c })
        .collect();
    let raw_levels: Vec<&str> = cleaned.split('/').filter(|l| !l.is_empty()).collect();
    let count = raw_levels.len();
    let mut levels: Vec<String> = Vec::new();
    for level in raw_levels {
        if looks_flat(level, count) {
            levels.extend(
                level
                    .split(['_', '-'])
                    .filter(|p| !p.is_empty())
                    .map(str::to_string),
            );
        } else {
            let collapsed = level
                .split('-')
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            if !collapsed.is_empty() {
                levels.push(collapsed);
            }
        }
    }
    let mut levels: Vec<String> = levels
        .iter()
        .map(|l| {
            l.split(SPACE)
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join("-")
        })
        .filter(|l| !l.is_empty())
        .collect();
    let refs: Vec<&str> = levels.iter().map(String::as_str).collect();
    if mixed_case(&refs) {
        levels = levels.iter().map(|l| l.to_lowercase()).collect();
    }
    let better = levels.join("/");
    (!better.is_empty() && better != name && validate_topic_name(&better).is_ok()).then_some(better)
}

/// One row of the wildcard playground.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaygroundRow {
    /// The topic name tried.
    pub topic: String,
    /// Whether the filter matches it.
    pub matches: bool,
    /// Why, in the chosen language.
    pub reason: String,
}

/// Matches `filter` against every topic, with the reason for each verdict
/// (from [`explain_match`], so the verdict is the protocol core's own).
pub fn wildcard_playground(filter: &str, topics: &[&str], lang: Lang) -> Vec<PlaygroundRow> {
    topics
        .iter()
        .map(|topic| {
            let ex = explain_match(filter, topic);
            let mut reason = match_reason(&ex.steps, lang);
            if let Some(group) = &ex.share_group {
                let prefix = en_ko!(lang,
                    "Shared subscription (group '{}'): the part after $share/{}/ is compared. ", group, group;
                    "공유 구독(그룹 '{}'): $share/{}/ 뒤의 필터로 비교합니다. ", group, group);
                reason.insert_str(0, &prefix);
            }
            PlaygroundRow {
                topic: (*topic).to_string(),
                matches: ex.matches,
                reason,
            }
        })
        .collect()
}

/// The reason a match explanation reached its verdict: the deciding step,
/// plus what each `+` took.
fn match_reason(steps: &[crate::protocol::topic::LevelStep], lang: Lang) -> String {
    let plus_taken: Vec<String> = steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.outcome == LevelOutcome::SingleLevelWildcard)
        .map(|(i, s)| {
            let t = s.topic_level.as_deref().unwrap_or("");
            en_ko!(lang, "'+' took '{}' at level {}", t, i + 1; "{}번째 단계의 '+'가 '{}' 단계를 받았습니다", i + 1, t)
        })
        .collect();
    let plus = if plus_taken.is_empty() {
        String::new()
    } else {
        let sep = match lang {
            Lang::En => "; ",
            Lang::Ko => ", ",
        };
        format!(" ({})", plus_taken.join(sep))
    };
    let Some(last) = steps.last() else {
        return String::new();
    };
    let n = steps.len();
    let f = last.filter_level.as_deref().unwrap_or("");
    let t = last.topic_level.as_deref().unwrap_or("");
    match &last.outcome {
        LevelOutcome::Equal | LevelOutcome::SingleLevelWildcard => en_ko!(lang,
            "Matches: all {} levels agree{}.", n, plus;
            "일치: {}개 단계가 모두 맞습니다{}.", n, plus),
        LevelOutcome::MultiLevelWildcard => match &last.topic_level {
            Some(rest) => en_ko!(lang,
                "Matches: '#' at level {} takes the rest, '{}'{}.", n, rest, plus;
                "일치: {}번째 단계의 '#'이 나머지 '{}'를 모두 받습니다{}.", n, rest, plus),
            None => en_ko!(lang,
                "Matches: '#' at level {} also matches the parent level itself, with nothing after it{}.", n, plus;
                "일치: {}번째 단계의 '#'은 아무것도 이어지지 않는 상위 단계 자체와도 맞습니다{}.", n, plus),
        },
        LevelOutcome::Differs if f.to_lowercase() == t.to_lowercase() => en_ko!(lang,
            "No match: at level {} the filter has '{}' but the topic has '{}'; topics are case-sensitive.", n, f, t;
            "불일치: {}번째 단계에서 필터는 '{}', Topic은 '{}'입니다. Topic은 대소문자를 구분합니다.", n, f, t),
        LevelOutcome::Differs => en_ko!(lang,
            "No match: at level {} the filter has '{}' but the topic has '{}'.", n, f, t;
            "불일치: {}번째 단계에서 필터는 '{}', Topic은 '{}'입니다.", n, f, t),
        LevelOutcome::TopicTooShort => en_ko!(lang,
            "No match: the topic ends after level {}, but the filter still expects '{}'.", n - 1, f;
            "불일치: Topic은 {}번째 단계에서 끝나는데 필터는 '{}' 단계를 더 요구합니다.", n - 1, f),
        LevelOutcome::TopicTooLong => en_ko!(lang,
            "No match: the filter ends after level {}, but the topic goes on with '{}'; only '#' covers extra levels.", n - 1, t;
            "불일치: 필터는 {}번째 단계에서 끝나는데 Topic은 '{}' 단계가 더 있습니다. 남는 단계는 '#'만 받을 수 있습니다.", n - 1, t),
        LevelOutcome::DollarTopicNeedsExplicitLevel => en_ko!(lang,
            "No match: topics starting with '$' (like '{}') are never matched by a filter that starts with a wildcard; write the '$' level out.", t;
            "불일치: '$'로 시작하는 Topic('{}' 등)은 와일드카드로 시작하는 필터와 절대 맞지 않습니다. '$' 단계를 그대로 적어야 합니다.", t),
        LevelOutcome::InvalidFilter(e) => {
            let why = topic_error(lang, e);
            en_ko!(lang, "The filter is not valid, so it matches nothing: {}", why;
                "필터가 올바르지 않아 어떤 Topic과도 맞지 않습니다: {}", why)
        }
        LevelOutcome::InvalidTopicName(e) => {
            let why = topic_error(lang, e);
            en_ko!(lang, "This topic name is not valid, so no filter matches it: {}", why;
                "이 Topic 이름은 올바르지 않아 어떤 필터와도 맞지 않습니다: {}", why)
        }
    }
}

#[cfg(test)]
mod tests;
