//! Everything the app says, in English and Korean.
//!
//! - [`Lang`]: the two languages, detected from the browser's
//!   `navigator.languages` and switchable (`?lang=en|ko`).
//! - [`Msg`]: the fixed texts (labels, buttons, statuses, hints), declared
//!   once with both translations side by side so neither can be forgotten.
//! - Functions that explain what went wrong — a broken topic rule, a refused
//!   CONNACK, a WebSocket that closed with 1006 — in the chosen language,
//!   with a hint about what to do.
//!
//! Korean texts keep MQTT's own terms (QoS, Broker, Topic, Retain, LWT,
//! CONNACK…) in Latin letters, as Korean IoT courses do, so a learner can
//! match them with the spec and with broker logs.

/// Chooses between two `format!`s by language (used by the submodules,
/// which see it because it is declared before them).
macro_rules! say {
    ($lang:expr, $en:literal $(, $en_arg:expr)* ; $ko:literal $(, $ko_arg:expr)* $(,)?) => {
        match $lang {
            Lang::En => format!($en $(, $en_arg)*),
            Lang::Ko => format!($ko $(, $ko_arg)*),
        }
    };
}

/// Declares a text enum with its English and Korean texts side by side,
/// so neither can be forgotten: `ALL`, `en()`, `ko()` and `text(lang)`.
macro_rules! catalogue {
    ($(#[$doc:meta])* $enum:ident; $($name:ident => ($en:literal, $ko:literal),)*) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum $enum {
            $($name,)*
        }

        impl $enum {
            /// Every message, in declaration order.
            pub const ALL: &'static [$enum] = &[$($enum::$name,)*];

            /// The English text.
            pub const fn en(self) -> &'static str {
                match self {
                    $($enum::$name => $en,)*
                }
            }

            /// The Korean text.
            pub const fn ko(self) -> &'static str {
                match self {
                    $($enum::$name => $ko,)*
                }
            }

            /// The text in `lang`.
            pub const fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                match lang {
                    $crate::i18n::Lang::En => self.en(),
                    $crate::i18n::Lang::Ko => self.ko(),
                }
            }
        }
    };
}

/// Checks a catalogue: both texts present, Korean has Hangul unless the
/// message is in `latin_ok` (terms and names that stay in Latin letters),
/// English has none.
#[cfg(test)]
macro_rules! check_catalogue {
    ($enum:ident, $latin_ok:expr) => {{
        let latin_ok: &[$enum] = $latin_ok;
        for &m in $enum::ALL {
            assert!(!m.en().trim().is_empty(), "{m:?} has no English");
            assert!(!m.ko().trim().is_empty(), "{m:?} has no Korean");
            let hangul = m.ko().chars().any($crate::i18n::is_hangul);
            assert_eq!(
                hangul,
                !latin_ok.contains(&m),
                "{m:?}: Korean {:?} (allow-listed: {})",
                m.ko(),
                latin_ok.contains(&m)
            );
            assert!(
                !m.en().chars().any($crate::i18n::is_hangul),
                "{m:?}: English {:?}",
                m.en()
            );
        }
    }};
}

mod broker;
mod catalogue;
mod explain;
mod inspector;
mod labels;
pub mod learn;
mod reasons;

pub use broker::broker_log;
pub use catalogue::Msg;
pub(crate) use explain::socket_closed_at;
pub use explain::{
    attempt, close_reason, command_error, connected_detail, failed_status, granted_qos,
    import_error, log_dropped, open_error, profile_error, profile_field, profiles_imported,
    protocol_error, publish_failed, reconnecting_in, socket_closed, subprotocol_mismatch,
    subscribe_failed, text_frame_refused, topic_error, unsubscribe_failed, url_error,
};
pub use inspector::{
    connect_flag_meaning, decode_error, dup_bit_meaning, exchange_step_at, exchange_step_msg,
    field_meaning, first_byte_meaning, fixed_flags_meaning, history_kept, incomplete_packet,
    matching_topics, packet_row_label, packet_type_bits_meaning, packet_type_purpose, packets_kept,
    qos_bits_meaning, qos_choice, remaining_length_meaning, retain_bit_meaning, retained_count,
    topics_and_messages, topics_refused,
};
pub use labels::{
    byte_count, count, delete_profile_label, draft_error, load_profile_label, number_out_of_range,
    publish_form_error, receive_rate, remove_user_property_label, unsubscribe_label,
};
pub use reasons::{reason_code_name, reason_hint, ReasonContext};

/// The UI language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Korean.
    Ko,
}

impl Lang {
    /// Both languages, in switcher order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// `"en"` or `"ko"`: for `?lang=`, `<html lang>` and storage.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The language for a BCP 47 tag whose primary subtag is `en` or `ko`
    /// (`ko`, `ko-KR`, `en_GB`, any case).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else if primary.eq_ignore_ascii_case("ko") {
            Some(Lang::Ko)
        } else {
            None
        }
    }

    /// The language for the browser's preferences (`navigator.languages`,
    /// most preferred first): Korean if the first of them that is English
    /// or Korean is Korean, English otherwise.
    pub fn detect(languages: &[String]) -> Lang {
        languages
            .iter()
            .find_map(|l| Lang::from_code(l))
            .unwrap_or(Lang::En)
    }

    /// The language's name in itself, for the switcher.
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ko => "한국어",
        }
    }
}

/// `en` in English, `ko` in Korean.
pub(crate) fn pick<'a>(lang: Lang, en: &'a str, ko: &'a str) -> &'a str {
    match lang {
        Lang::En => en,
        Lang::Ko => ko,
    }
}

/// Whether `c` is a Korean letter (syllable or jamo).
pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("ko-KR"), Some(Lang::Ko));
        assert_eq!(Lang::from_code("KO_kr"), Some(Lang::Ko));
        assert_eq!(Lang::from_code("en-US"), Some(Lang::En));
        assert_eq!(Lang::from_code(" en "), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code("kok"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn detection_uses_the_first_known_language() {
        let langs = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(Lang::detect(&langs(&["ko-KR", "en-US"])), Lang::Ko);
        assert_eq!(Lang::detect(&langs(&["fr-FR", "ko", "en"])), Lang::Ko);
        assert_eq!(Lang::detect(&langs(&["en-GB", "ko-KR"])), Lang::En);
        assert_eq!(Lang::detect(&langs(&["de", "ja"])), Lang::En);
        assert_eq!(Lang::detect(&[]), Lang::En);
    }

    #[test]
    fn hangul() {
        assert!("연결".chars().all(is_hangul));
        assert!(!"QoS 1".chars().any(is_hangul));
    }
}
