//! Recent publishes of ours, newest first, each with where it stands:
//! sent (QoS 0), waiting for PUBACK / PUBCOMP, completed, or refused with
//! the broker's reason.

use yew::prelude::*;

use crate::app::model::Ring;
use crate::app::state::{PublishRecord, PublishStatus};
use crate::i18n::{self, Lang, Msg};

/// [`PublishHistory`]'s properties.
#[derive(Properties, PartialEq)]
pub struct PublishHistoryProps {
    /// UI language.
    pub lang: Lang,
    /// Recent publishes.
    pub publishes: Ring<PublishRecord>,
}

/// See the module docs.
#[function_component]
pub fn PublishHistory(props: &PublishHistoryProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="publish-history">
            <h3>{ Msg::RecentPublishes.text(lang) }</h3>
            if props.publishes.is_empty() {
                <p class="muted">{ Msg::NoPublishes.text(lang) }</p>
            } else {
                <ol class="publish-list">
                    { for props.publishes.iter_newest_first().map(|p| {
                        let state = match p.status {
                            PublishStatus::Pending => "pending",
                            PublishStatus::Completed { .. } => "completed",
                            PublishStatus::Refused { .. } | PublishStatus::Abandoned => "failed",
                        };
                        html! {
                            <li class={classes!("publish-record", format!("publish-record--{state}"))}>
                                <span class="publish-topic mono">{ p.topic.clone() }</span>
                                <span class="publish-meta">
                                    { format!("QoS {} · {}", p.qos.as_u8(), i18n::byte_count(lang, p.size as u64)) }
                                </span>
                                <span class="publish-status">{ p.status_text(lang) }</span>
                            </li>
                        }
                    }) }
                </ol>
            }
        </div>
    }
}
