//! Pure logic behind the learning panels: no browser APIs, tested natively.
//!
//! - [`code`]: "Show code" — the same exercise action as runnable code in
//!   Python paho-mqtt, MicroPython `umqtt.simple`, the mosquitto command-line
//!   clients and MQTT.js, generated from the learner's real parameters.
//! - [`topic_design`]: the Topics lesson's name checker, its suggested
//!   rewrite, and the wildcard playground's verdicts with reasons.
//! - [`topics`]: the Topics lesson's check on the broker — the playground
//!   moved under the learner's prefix, and the broker's deliveries compared
//!   with the core's verdicts.
//! - [`qos`]: the QoS lesson's reading of the wire — each level's
//!   handshake on both legs, one run's packets, and whether they are
//!   exactly the level's.
//! - [`pub_sub`]: lesson 2's readings, rate windows and the loose-coupling
//!   verdict.
//! - [`smart_home`]: lesson 8's rooms, controller and boiler, each acting
//!   only on the payloads its client received.
//! - [`retained`]: what a brand-new subscriber got in the retained lesson.
//! - [`last_will`]: the keep-alive field, the broker's 1.5 × keep alive
//!   deadline and the verdicts of the Last Will experiments.

/// Chooses between an English and a Korean `format!` (the same shape as the
/// `say!` macro in `crate::i18n`, which is private to that module).
macro_rules! en_ko {
    ($lang:expr, $en:literal $(, $en_arg:expr)* ; $ko:literal $(, $ko_arg:expr)* $(,)?) => {
        match $lang {
            $crate::i18n::Lang::En => format!($en $(, $en_arg)*),
            $crate::i18n::Lang::Ko => format!($ko $(, $ko_arg)*),
        }
    };
}

pub mod actor;
pub mod code;
pub mod course;
pub mod last_will;
pub mod pub_sub;
pub mod qos;
pub mod quiz;
pub mod retained;
pub mod smart_home;
pub mod target;
pub mod topic_design;
pub mod topics;
pub mod why;
