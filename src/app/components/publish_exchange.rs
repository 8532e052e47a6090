//! Beside the publish form: the packets our last publish actually caused on
//! the wire (PUBLISH →, PUBACK ←; or PUBREC ←, PUBREL →, PUBCOMP ←), each
//! with its time since the PUBLISH left.

use yew::prelude::*;

use crate::app::client::use_app_state;
use crate::app::model::Direction;
use crate::i18n::{Lang, Msg};

/// [`PublishExchange`]'s properties.
#[derive(Properties, PartialEq)]
pub struct PublishExchangeProps {
    /// UI language.
    pub lang: Lang,
}

/// See the module docs.
#[function_component]
pub fn PublishExchange(props: &PublishExchangeProps) -> Html {
    let lang = props.lang;
    let state = use_app_state();
    let Some(ex) = state.explorer.exchanges.last_outgoing() else {
        return html! {};
    };
    html! {
        <div class="publish-exchange" aria-label={Msg::UiOnTheWire.text(lang)}>
            <h3>{ Msg::UiOnTheWire.text(lang) }
                <span class="publish-exchange-topic mono">{ format!(" {} · QoS {}", ex.topic, ex.qos.as_u8()) }</span>
            </h3>
            <ol class="exchange-steps">
                { for ex.steps.iter().map(|s| {
                    let arrow = match s.direction { Direction::Sent => "→", Direction::Received => "←" };
                    html! {
                        <li class="exchange-step">
                            <span class="mono">{ format!("{arrow} {}", s.packet_type.name()) }</span>
                            <span class="exchange-time">{ format!("+{} ms", s.at_ms.saturating_sub(ex.started_ms)) }</span>
                        </li>
                    }
                }) }
            </ol>
            <p class="exchange-state">{
                if ex.complete { Msg::UiExchangeComplete.text(lang) } else { Msg::UiExchangeWaiting.text(lang) }
            }</p>
        </div>
    }
}
