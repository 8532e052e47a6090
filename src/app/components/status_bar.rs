//! The connection status: the page's one `role="status"` element, so
//! screen readers announce each change. Its text starts with the state
//! ("Connected", "Reconnecting in 4 s", "Failed: …"); a second line gives
//! the details — session present, negotiated version, client ID (and
//! whether the broker assigned it), keep alive — or the last error.

use yew::prelude::*;

use crate::app::state::ConnectionStatus;
use crate::i18n::{Lang, Msg};

/// [`StatusBar`]'s properties.
#[derive(Properties, PartialEq)]
pub struct StatusBarProps {
    /// UI language.
    pub lang: Lang,
    /// The status.
    pub status: ConnectionStatus,
    /// The reducer's clock, for the countdown.
    pub now_ms: u64,
}

/// See the module docs.
#[function_component]
pub fn StatusBar(props: &StatusBarProps) -> Html {
    let kind = props.status.kind().as_str();
    // A failure's reason can be long: the state stays bold, the reason
    // plain (the text is the same as `ConnectionStatus::text`).
    let text = match &props.status {
        ConnectionStatus::Failed(f) => html! {
            <>
                <strong>{ Msg::StatusFailed.text(props.lang) }</strong>
                { ": " }
                <span class="status-reason">{ f.describe(props.lang) }</span>
            </>
        },
        status => html! { <strong>{ status.text(props.lang, props.now_ms) }</strong> },
    };
    let detail = props.status.detail(props.lang);
    html! {
        <div class={classes!("status", format!("status--{kind}"))} role="status" data-status={kind}>
            <p class="status-line">
                <span class="status-dot" aria-hidden="true"></span>
                <span class="status-text">{ text }</span>
            </p>
            if let Some(detail) = detail {
                <p class="status-detail">{ detail }</p>
            }
        </div>
    }
}
