//! The message log: received messages, newest first, filtered by topic,
//! with a Clear button and the log's cap in view.

use std::rc::Rc;

use yew::prelude::*;

use super::{MessageRow, TextField};
use crate::app::client::use_client;
use crate::app::model::Ring;
use crate::app::state::{log_filter_matches, LogEntry};
use crate::i18n::{self, Lang, Msg};

/// [`MessageLog`]'s properties.
#[derive(Properties, PartialEq)]
pub struct MessageLogProps {
    /// UI language.
    pub lang: Lang,
    /// The log.
    pub log: Ring<Rc<LogEntry>>,
    /// The filter text.
    pub filter: AttrValue,
}

/// See the module docs.
#[function_component]
pub fn MessageLog(props: &MessageLogProps) -> Html {
    let lang = props.lang;
    let client = use_client();
    let on_filter = {
        let client = client.clone();
        Callback::from(move |s: String| client.set_log_filter(s))
    };
    let on_clear = Callback::from(move |_: MouseEvent| client.clear_log());
    let visible: Vec<&Rc<LogEntry>> = props
        .log
        .iter_newest_first()
        .filter(|e| log_filter_matches(&props.filter, &e.topic))
        .collect();

    html! {
        <section class="panel messages-panel" aria-labelledby="messages-heading">
            <div class="panel-heading">
                <h2 id="messages-heading">{ Msg::Messages.text(lang) }</h2>
                <button type="button" class="button-secondary" onclick={on_clear}>
                    { Msg::ClearMessages.text(lang) }
                </button>
            </div>
            <TextField
                id="log-filter"
                label={Msg::FilterByTopic.text(lang)}
                value={props.filter.clone()}
                oninput={on_filter}
                kind="search"
                hint={Msg::FilterByTopicHint.text(lang)}
                class="mono-input"
            />
            <p class="log-count muted">
                { i18n::log_dropped(lang, props.log.len(), props.log.capacity(), props.log.dropped()) }
            </p>
            if props.log.is_empty() {
                <p class="muted empty">{ Msg::NoMessages.text(lang) }</p>
            } else if visible.is_empty() {
                <p class="muted empty">{ Msg::NoMatchingMessages.text(lang) }</p>
            } else {
                <ol class="message-list">
                    { for visible.into_iter().map(|e| html! {
                        <MessageRow key={e.seq} {lang} entry={Rc::clone(e)} />
                    }) }
                </ol>
            }
        </section>
    }
}
