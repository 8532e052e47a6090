//! A lesson client's packets as a list: direction, type, identifier,
//! topic and flags of a PUBLISH, and the time after the first one shown —
//! the "what just happened" of most lessons.

use yew::prelude::*;

use crate::app::learn::actor::{Direction, WireEntry};
use crate::i18n::learn::LearnMsg;
use crate::i18n::Lang;

/// [`WireList`]'s properties.
#[derive(Properties, PartialEq)]
pub struct WireListProps {
    /// UI language.
    pub lang: Lang,
    /// The packets, oldest first.
    pub entries: Vec<WireEntry>,
    /// The list's accessible name.
    pub label: AttrValue,
    /// Times are shown relative to this (page ms); default: the first entry.
    #[prop_or_default]
    pub t0: Option<u64>,
    /// At most this many (the newest).
    #[prop_or(30)]
    pub max: usize,
}

/// One packet as a line of text: `→ PUBLISH id 3 QoS 1 "a/b"` — also what
/// tests read.
pub fn wire_line(lang: Lang, w: &WireEntry) -> String {
    let arrow = match w.direction {
        Direction::Sent => "→",
        Direction::Received => "←",
    };
    let mut s = format!("{arrow} {}", w.packet_type.name());
    if let Some(id) = w.packet_id {
        let word = match lang {
            Lang::En => "id",
            Lang::Ko => "ID",
        };
        s.push_str(&format!(" {word} {}", id.get()));
    }
    if let Some(p) = &w.publish {
        s.push_str(&format!(" QoS {}", p.qos as u8));
        if p.retain {
            s.push_str(&format!(" {}", LearnMsg::RetainedFlag.text(lang)));
        }
        if p.dup {
            s.push_str(" DUP");
        }
        if !p.topic.is_empty() {
            s.push_str(&format!(" \"{}\"", p.topic));
        }
    }
    s
}

/// See the module docs.
#[function_component]
pub fn WireList(props: &WireListProps) -> Html {
    let lang = props.lang;
    if props.entries.is_empty() {
        return html! { <p class="wire-empty">{ LearnMsg::NothingYet.text(lang) }</p> };
    }
    let skip = props.entries.len().saturating_sub(props.max);
    let t0 = props
        .t0
        .or_else(|| props.entries.get(skip).map(|w| w.at_ms))
        .unwrap_or(0);
    html! {
        <ol class="wire-list" aria-label={props.label.clone()}>
            { for props.entries.iter().skip(skip).map(|w| {
                let dir = match w.direction {
                    Direction::Sent => "wire-sent",
                    Direction::Received => "wire-received",
                };
                let dt = w.at_ms.saturating_sub(t0);
                html! {
                    <li key={w.seq} class={classes!("wire-entry", dir)}>
                        <span class="wire-text">{ wire_line(lang, w) }</span>
                        <span class="wire-time">{ format!("+{dt} ms") }</span>
                        <span class="wire-size">{ format!("{} B", w.bytes.len()) }</span>
                    </li>
                }
            }) }
        </ol>
    }
}
