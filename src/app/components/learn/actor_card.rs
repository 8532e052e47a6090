//! One lesson client at a glance: its role, Client Identifier, connection
//! state (with why it ended) and, inside, whatever the lesson adds
//! (buttons, received messages).

use yew::prelude::*;

use crate::app::learn::actor::ActorStatus;
use crate::i18n::learn::LearnMsg;
use crate::i18n::{self, Lang};

/// [`ActorCard`]'s properties.
#[derive(Properties, PartialEq)]
pub struct ActorCardProps {
    /// UI language.
    pub lang: Lang,
    /// The role, as a heading ("Virtual board").
    pub name: AttrValue,
    /// The Client Identifier.
    pub client_id: AttrValue,
    /// Its state.
    pub status: ActorStatus,
    /// Whether it is frozen.
    #[prop_or_default]
    pub frozen: bool,
    /// Extra CSS class.
    #[prop_or_default]
    pub class: Classes,
    /// The lesson's controls and readouts for this client.
    #[prop_or_default]
    pub children: Html,
}

/// The state in words.
pub fn status_text(lang: Lang, status: &ActorStatus, frozen: bool) -> String {
    match status {
        ActorStatus::Idle => LearnMsg::ActorIdle.text(lang).to_string(),
        ActorStatus::Connecting => LearnMsg::ActorConnecting.text(lang).to_string(),
        ActorStatus::Connected { .. } if frozen => LearnMsg::ActorFrozen.text(lang).to_string(),
        ActorStatus::Connected { version, .. } => {
            // "MQTT 5.0": the version's own Display.
            format!("{} · {version}", LearnMsg::ActorConnected.text(lang))
        }
        ActorStatus::Closed { reason, .. } => match reason {
            Some(r) => format!(
                "{}: {}",
                LearnMsg::ActorClosed.text(lang),
                i18n::close_reason(lang, r)
            ),
            None => LearnMsg::ActorClosed.text(lang).to_string(),
        },
    }
}

/// See the module docs.
#[function_component]
pub fn ActorCard(props: &ActorCardProps) -> Html {
    let lang = props.lang;
    let state_class = match &props.status {
        ActorStatus::Idle => "actor--idle",
        ActorStatus::Connecting => "actor--connecting",
        ActorStatus::Connected { .. } if props.frozen => "actor--frozen",
        ActorStatus::Connected { .. } => "actor--connected",
        ActorStatus::Closed { .. } => "actor--closed",
    };
    let name = props.name.clone();
    html! {
        <section class={classes!("actor", state_class, props.class.clone())} aria-label={name.clone()}>
            <h4 class="actor-name">{ name }</h4>
            <p class="actor-id"><code>{ props.client_id.clone() }</code></p>
            <p class="actor-status">{ status_text(lang, &props.status, props.frozen) }</p>
            { props.children.clone() }
        </section>
    }
}
