//! The subscriptions, in the order made, each with its colour (the same
//! colour marks its messages in the log).

use yew::prelude::*;

use super::SubscriptionRow;
use crate::app::state::Subscription;
use crate::i18n::{Lang, Msg};
use crate::protocol::codec::ProtocolVersion;
use crate::protocol::session::CommandError;

/// [`SubscriptionList`]'s properties.
#[derive(Properties, PartialEq)]
pub struct SubscriptionListProps {
    /// UI language.
    pub lang: Lang,
    /// The connection's version (how a refusal is explained).
    pub version: ProtocolVersion,
    /// The subscriptions.
    pub subscriptions: Vec<Subscription>,
    /// An UNSUBSCRIBE the session refused.
    pub on_refused: Callback<CommandError>,
}

/// See the module docs.
#[function_component]
pub fn SubscriptionList(props: &SubscriptionListProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="subscriptions">
            <h3>{ Msg::SubscriptionsHeading.text(lang) }</h3>
            if props.subscriptions.is_empty() {
                <p class="muted">{ Msg::NoSubscriptions.text(lang) }</p>
            } else {
                <ul class="subscription-list">
                    { for props.subscriptions.iter().map(|s| html! {
                        <SubscriptionRow key={s.filter.clone()} {lang} version={props.version}
                            subscription={s.clone()} on_refused={props.on_refused.clone()} />
                    }) }
                </ul>
            }
        </div>
    }
}
