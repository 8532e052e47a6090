//! One received message: the colour of the subscription it matched, its
//! topic, QoS, retain and DUP flags, time, size, and the payload as text
//! (pretty JSON, plain text, or hex for binary). Everything is rendered as
//! text nodes, never as HTML.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::services::browser;
use crate::app::state::LogEntry;
use crate::i18n::{self, Lang, Msg};
use crate::protocol::codec::PropertyValue;

/// [`MessageRow`]'s properties.
#[derive(Properties, PartialEq)]
pub struct MessageRowProps {
    /// UI language.
    pub lang: Lang,
    /// The message.
    pub entry: Rc<LogEntry>,
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
    let style = e.css_colour().map(|c| format!("--swatch: {c}"));
    html! {
        <li class={classes!("message", e.colour.is_none().then_some("message--unmatched"))}
            style={style} data-retain={e.retain.to_string()}>
            <div class="message-head">
                <span class="swatch" aria-hidden="true"></span>
                <span class="message-topic mono">{ e.topic.clone() }</span>
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
        </li>
    }
}
