//! One received message as a fixed-height log row: the colour of the
//! subscription it matched, its topic, QoS, retain and DUP flags, payload
//! kind, size and time, and one clipped line of the payload. Expanding the
//! row shows the whole payload as text (pretty JSON, plain text, or hex for
//! binary) and its MQTT 5 properties, scrolling inside a fixed extra height
//! (see `message_log.rs`). Everything is rendered as text nodes, never as
//! HTML.

use std::rc::Rc;

use yew::prelude::*;

use super::message_log::{DETAIL_HEIGHT, ROW_HEIGHT};
use crate::app::services::browser;
use crate::app::state::LogEntry;
use crate::i18n::{self, Lang, Msg};
use crate::protocol::codec::PropertyValue;

/// Space between two rows, inside [`ROW_HEIGHT`].
const ROW_GAP: i32 = 4;

/// [`MessageRow`]'s properties. The entry is shared, so comparing two is
/// cheap and a row whose message, language and expansion did not change is
/// not redrawn.
#[derive(Properties, PartialEq)]
pub struct MessageRowProps {
    /// UI language.
    pub lang: Lang,
    /// The message.
    pub entry: Rc<LogEntry>,
    /// Whether the whole payload is shown.
    pub expanded: bool,
    /// The row's Show / Hide button was pressed: the entry's `seq`.
    pub on_toggle: Callback<u64>,
}

fn property_text(value: &PropertyValue) -> String {
    match value {
        PropertyValue::Integer(n) => n.to_string(),
        PropertyValue::String(s) => s.clone(),
        PropertyValue::Binary(b) => crate::app::model::payload::hex(b),
        PropertyValue::Pair(k, v) => format!("{k} = {v}"),
    }
}

/// See the module docs.
#[function_component]
pub fn MessageRow(props: &MessageRowProps) -> Html {
    let lang = props.lang;
    let e = &props.entry;
    let kind = match e.view.kind() {
        "json" => Msg::PayloadJson,
        "binary" => Msg::PayloadBinary,
        _ => Msg::PayloadText,
    };
    let height = ROW_HEIGHT - ROW_GAP + if props.expanded { DETAIL_HEIGHT } else { 0 };
    let mut style = format!("height: {height}px");
    if let Some(c) = e.css_colour() {
        style.push_str(&format!("; --swatch: {c}"));
    }
    let detail_id = format!("message-detail-{}", e.seq);
    let onclick = {
        let (on_toggle, seq) = (props.on_toggle.clone(), e.seq);
        Callback::from(move |_: MouseEvent| on_toggle.emit(seq))
    };
    let toggle_label = if props.expanded {
        Msg::HidePayload
    } else {
        Msg::ShowPayload
    };
    html! {
        <li class={classes!(
                "message",
                e.colour.is_none().then_some("message--unmatched"),
                props.expanded.then_some("is-expanded"),
            )}
            {style} data-retain={e.retain.to_string()}>
            <div class="message-head">
                <span class="swatch" aria-hidden="true"></span>
                <span class="message-topic mono" title={e.topic.clone()}>{ e.topic.clone() }</span>
                <time class="message-time muted">{ browser::clock_time(e.time_ms) }</time>
            </div>
            <div class="message-flags">
                <span class="badge">{ format!("QoS {}", e.qos.as_u8()) }</span>
                if e.retain {
                    <span class="badge badge--retain">{ Msg::FlagRetained.text(lang) }</span>
                }
                if e.dup {
                    <span class="badge badge--dup">{ Msg::FlagDup.text(lang) }</span>
                }
                <span class="badge badge--kind">{ kind.text(lang) }</span>
                <span class="muted">{ i18n::byte_count(lang, e.size as u64) }</span>
            </div>
            <div class="message-line">
                <button type="button" class="message-toggle" {onclick}
                    aria-expanded={props.expanded.to_string()} aria-controls={detail_id.clone()}
                    title={toggle_label.text(lang)}>
                    <span aria-hidden="true">{ if props.expanded { "▾" } else { "▸" } }</span>
                    <span class="visually-hidden">{ toggle_label.text(lang) }</span>
                </button>
                <span class={classes!("message-preview", "mono", format!("payload--{}", e.view.kind()))}>
                    { e.preview.clone() }
                </span>
            </div>
            if props.expanded {
                <div class="message-detail" id={detail_id}>
                    <pre class={classes!("payload", format!("payload--{}", e.view.kind()))}>{ e.view.text() }</pre>
                    if e.truncated {
                        <p class="field-hint">{ Msg::PayloadTruncated.text(lang) }</p>
                    }
                    if !e.properties.is_empty() {
                        <dl class="message-properties">
                            { for e.properties.iter().map(|p| html! {
                                <>
                                    <dt>{ p.id.name() }</dt>
                                    <dd class="mono">{ property_text(&p.value) }</dd>
                                </>
                            }) }
                        </dl>
                    }
                </div>
            }
        </li>
    }
}
