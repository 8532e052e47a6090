//! One subscription: colour swatch, filter, QoS asked for, what SUBACK
//! said (granted QoS or the reason for refusing), and Unsubscribe — or,
//! for a refused one, a button to drop it from the list.

use yew::prelude::*;

use crate::app::client::use_client;
use crate::app::state::{Subscription, SubscriptionStatus};
use crate::i18n::{self, Lang, Msg};
use crate::protocol::codec::ProtocolVersion;
use crate::protocol::session::CommandError;

/// [`SubscriptionRow`]'s properties.
#[derive(Properties, PartialEq)]
pub struct SubscriptionRowProps {
    /// UI language.
    pub lang: Lang,
    /// The connection's version.
    pub version: ProtocolVersion,
    /// The subscription.
    pub subscription: Subscription,
    /// An UNSUBSCRIBE the session refused.
    pub on_refused: Callback<CommandError>,
}

/// See the module docs.
#[function_component]
pub fn SubscriptionRow(props: &SubscriptionRowProps) -> Html {
    let lang = props.lang;
    let client = use_client();
    let s = &props.subscription;
    let state = match s.status {
        SubscriptionStatus::Pending { .. } | SubscriptionStatus::Unsubscribing { .. } => "pending",
        SubscriptionStatus::Granted(_) => "granted",
        SubscriptionStatus::Refused(_) | SubscriptionStatus::UnsubscribeRefused(_) => "refused",
    };
    let refused = matches!(s.status, SubscriptionStatus::Refused(_));
    let action = if refused {
        let (client, filter) = (client.clone(), s.filter.clone());
        let onclick = Callback::from(move |_: MouseEvent| client.remove_subscription(&filter));
        html! {
            <button type="button" class="button-secondary" {onclick}>
                { Msg::RemoveFromList.text(lang) }
            </button>
        }
    } else {
        let (filter, on_refused) = (s.filter.clone(), props.on_refused.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            if let Err(e) = client.unsubscribe(&filter) {
                on_refused.emit(e);
            }
        });
        let busy = matches!(s.status, SubscriptionStatus::Unsubscribing { .. });
        html! {
            <button type="button" class="button-secondary" {onclick} disabled={busy}
                aria-label={i18n::unsubscribe_label(lang, &s.filter)}>
                { Msg::Unsubscribe.text(lang) }
            </button>
        }
    };
    html! {
        <li class={classes!("subscription", format!("subscription--{state}"))}>
            <span class="swatch" style={format!("--swatch: {}", s.css_colour())} aria-hidden="true"></span>
            <span class="subscription-filter mono">{ s.filter.clone() }</span>
            <span class="subscription-qos">{ format!("QoS {}", s.options.qos.as_u8()) }</span>
            <span class="subscription-status">{ s.status_text(lang, props.version) }</span>
            { action }
        </li>
    }
}
