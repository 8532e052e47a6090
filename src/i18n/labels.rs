//! Labels and short messages the form components put together from data:
//! accessible names that carry a profile's or a filter's name, number
//! ranges, counts and rates.

use super::{explain::topic_error, Lang};
use crate::app::forms::connection::{DraftError, NumberField};
use crate::app::forms::publish::PublishError;
use crate::app::forms::NumberError;
use crate::i18n::Msg;

/// "Enter a whole number from 1 to 600."
pub fn number_out_of_range(lang: Lang, e: NumberError) -> String {
    say!(lang,
        "Enter a whole number from {} to {}.", e.min, e.max;
        "{}부터 {}까지의 정수를 입력하세요.", e.min, e.max)
}

/// A number field's error with the field's name in front.
pub fn draft_error(lang: Lang, e: &DraftError) -> String {
    match e {
        DraftError::Number(field, n) => {
            let name = match field {
                NumberField::KeepAlive => Msg::KeepAlive,
                NumberField::SessionExpiry => Msg::SessionExpiry,
                NumberField::ConnectTimeout => Msg::ConnectTimeout,
                NumberField::WillDelay => Msg::WillDelay,
            };
            format!("{}: {}", name.text(lang), number_out_of_range(lang, *n))
        }
    }
}

/// Why the publish form cannot be sent.
pub fn publish_form_error(lang: Lang, e: &PublishError) -> String {
    match e {
        PublishError::Topic(t) => topic_error(lang, t),
        PublishError::ResponseTopic(t) => {
            format!(
                "{}: {}",
                Msg::ResponseTopic.text(lang),
                topic_error(lang, t)
            )
        }
        PublishError::MessageExpiry(n) => format!(
            "{}: {}",
            Msg::MessageExpiry.text(lang),
            number_out_of_range(lang, *n)
        ),
    }
}

/// The accessible name of a saved profile's Load button.
pub fn load_profile_label(lang: Lang, name: &str) -> String {
    say!(lang, "Load profile {}", name; "{} 프로필 불러오기", name)
}

/// The accessible name of a saved profile's Delete button.
pub fn delete_profile_label(lang: Lang, name: &str) -> String {
    say!(lang, "Delete profile {}", name; "{} 프로필 삭제", name)
}

/// The accessible name of a subscription's Unsubscribe button.
pub fn unsubscribe_label(lang: Lang, filter: &str) -> String {
    say!(lang, "Unsubscribe from {}", filter; "{} 구독 취소", filter)
}

/// The accessible name of a user property row's Remove button (rows
/// counted from 1).
pub fn remove_user_property_label(lang: Lang, n: usize) -> String {
    say!(lang, "Remove user property {}", n; "{}번째 사용자 속성 삭제", n)
}

/// "1,234 bytes" / "1,234바이트", with "KiB"/"MiB" above 10 KiB.
pub fn byte_count(lang: Lang, n: u64) -> String {
    const KIB: u64 = 1024;
    if n >= 10 * KIB * KIB {
        return format!("{:.1} MiB", n as f64 / (KIB * KIB) as f64);
    }
    if n >= 10 * KIB {
        return format!("{:.1} KiB", n as f64 / KIB as f64);
    }
    let digits = group_thousands(n);
    say!(lang, "{} bytes", digits; "{}바이트", digits)
}

/// "12.5 msg/s" / "초당 12.5건".
pub fn receive_rate(lang: Lang, per_second: f64) -> String {
    say!(lang, "{:.1} msg/s", per_second; "초당 {:.1}건", per_second)
}

/// A count with thousands separators: "12,345".
pub fn count(n: u64) -> String {
    group_thousands(n)
}

fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::is_hangul;
    use crate::protocol::topic::TopicError;

    fn both(f: impl Fn(Lang) -> String) -> (String, String) {
        let (en, ko) = (f(Lang::En), f(Lang::Ko));
        assert!(!en.chars().any(is_hangul), "{en}");
        assert!(ko.chars().any(is_hangul), "{ko}");
        (en, ko)
    }

    #[test]
    fn labels_in_both_languages() {
        let range = NumberError { min: 1, max: 600 };
        let (en, ko) = both(|l| number_out_of_range(l, range));
        assert_eq!(en, "Enter a whole number from 1 to 600.");
        assert!(ko.contains("600"));
        both(|l| draft_error(l, &DraftError::Number(NumberField::KeepAlive, range)));
        both(|l| publish_form_error(l, &PublishError::Topic(TopicError::Empty)));
        both(|l| publish_form_error(l, &PublishError::MessageExpiry(range)));
        both(|l| load_profile_label(l, "Cloud"));
        both(|l| delete_profile_label(l, "Cloud"));
        let (en, _) = both(|l| unsubscribe_label(l, "lab/#"));
        assert_eq!(en, "Unsubscribe from lab/#");
        both(|l| remove_user_property_label(l, 1));
        both(|l| receive_rate(l, 1.25));
    }

    #[test]
    fn byte_counts() {
        assert_eq!(byte_count(Lang::En, 0), "0 bytes");
        assert_eq!(byte_count(Lang::En, 1234), "1,234 bytes");
        assert_eq!(byte_count(Lang::Ko, 12_345_678), "11.8 MiB");
        assert_eq!(byte_count(Lang::Ko, 999), "999바이트");
        assert_eq!(byte_count(Lang::En, 20 * 1024), "20.0 KiB");
        assert_eq!(group_thousands(1_000_000), "1,000,000");
    }
}
