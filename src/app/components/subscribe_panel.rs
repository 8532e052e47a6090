//! The subscribe form: a topic filter validated as it is typed (the
//! message names the broken rule), the QoS asked for, the MQTT 5.0
//! subscription options, and below it the list of subscriptions.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::{Checkbox, QosChoice, SubscriptionList, TextField};
use crate::app::client::use_client;
use crate::app::forms::subscribe::{SubscribeAction, SubscribeDraft};
use crate::app::state::Subscription;
use crate::i18n::{self, Lang, Msg};
use crate::protocol::codec::{ProtocolVersion, RetainHandling};
use crate::protocol::session::CommandError;

/// [`SubscribePanel`]'s properties.
#[derive(Properties, PartialEq)]
pub struct SubscribePanelProps {
    /// UI language.
    pub lang: Lang,
    /// The version of the current (or next) connection: the 5.0 options
    /// are sent only with 5.0.
    pub version: ProtocolVersion,
    /// The subscriptions.
    pub subscriptions: Vec<Subscription>,
}

fn retain_handling_value(r: RetainHandling) -> &'static str {
    match r {
        RetainHandling::SendAtSubscribe => "0",
        RetainHandling::SendAtSubscribeIfNew => "1",
        RetainHandling::DoNotSend => "2",
    }
}

/// See the module docs.
#[function_component]
pub fn SubscribePanel(props: &SubscribePanelProps) -> Html {
    let lang = props.lang;
    let v5 = props.version.is_v5();
    let client = use_client();
    let draft = use_reducer(SubscribeDraft::default);
    let refused = use_state(|| None::<CommandError>);

    let on = |f: fn(bool) -> SubscribeAction| {
        let draft = draft.dispatcher();
        Callback::from(move |on: bool| draft.dispatch(f(on)))
    };
    let on_filter = {
        let (draft, refused) = (draft.dispatcher(), refused.clone());
        Callback::from(move |s: String| {
            refused.set(None);
            draft.dispatch(SubscribeAction::Filter(s));
        })
    };
    let on_qos = {
        let draft = draft.dispatcher();
        Callback::from(move |q| draft.dispatch(SubscribeAction::Qos(q)))
    };
    let on_retain_handling = {
        let draft = draft.dispatcher();
        Callback::from(move |e: Event| {
            let r = match e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .as_str()
            {
                "1" => RetainHandling::SendAtSubscribeIfNew,
                "2" => RetainHandling::DoNotSend,
                _ => RetainHandling::SendAtSubscribe,
            };
            draft.dispatch(SubscribeAction::RetainHandling(r));
        })
    };
    let onsubmit = {
        let (client, draft, refused) = (client.clone(), draft.clone(), refused.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            draft.dispatch(SubscribeAction::Submitted);
            // An invalid filter is explained beside the field; nothing is sent.
            if let Ok(filter) = draft.to_filter(v5) {
                refused.set(client.subscribe(filter).err());
            }
        })
    };
    let on_refused = {
        let refused = refused.clone();
        Callback::from(move |e: CommandError| refused.set(Some(e)))
    };

    let filter_error = draft
        .error()
        .map(|e| AttrValue::from(i18n::topic_error(lang, &e)));
    let handling = [
        (RetainHandling::SendAtSubscribe, Msg::RetainHandlingSend),
        (
            RetainHandling::SendAtSubscribeIfNew,
            Msg::RetainHandlingIfNew,
        ),
        (RetainHandling::DoNotSend, Msg::RetainHandlingNever),
    ];

    html! {
        <section class="panel subscribe-panel" aria-labelledby="subscribe-heading">
            <h2 id="subscribe-heading">{ Msg::SubscribeHeading.text(lang) }</h2>
            <form class="subscribe-form" {onsubmit} novalidate=true>
                <TextField
                    id="sub-filter"
                    label={Msg::TopicFilter.text(lang)}
                    value={draft.filter.clone()}
                    oninput={on_filter}
                    placeholder="lab/#"
                    hint={Msg::TopicFilterHint.text(lang)}
                    error={filter_error}
                    class="mono-input"
                />
                <QosChoice name="sub-qos" {lang} value={draft.qos} onchange={on_qos} />
                <details class="mqtt5-options">
                    <summary>{ Msg::Mqtt5Options.text(lang) }</summary>
                    if !v5 {
                        <p class="field-hint">{ Msg::Mqtt5OnlyNote.text(lang) }</p>
                    }
                    <Checkbox
                        id="sub-no-local"
                        label={Msg::NoLocal.text(lang)}
                        checked={draft.no_local}
                        onchange={on(SubscribeAction::NoLocal)}
                        hint={Msg::NoLocalHint.text(lang)}
                        disabled={!v5}
                    />
                    <Checkbox
                        id="sub-retain-as-published"
                        label={Msg::RetainAsPublished.text(lang)}
                        checked={draft.retain_as_published}
                        onchange={on(SubscribeAction::RetainAsPublished)}
                        hint={Msg::RetainAsPublishedHint.text(lang)}
                        disabled={!v5}
                    />
                    <div class="field">
                        <label for="sub-retain-handling">{ Msg::RetainHandling.text(lang) }</label>
                        <select id="sub-retain-handling" onchange={on_retain_handling} disabled={!v5}>
                            { for handling.into_iter().map(|(r, name)| html! {
                                <option value={retain_handling_value(r)}
                                    selected={draft.retain_handling == r}>
                                    { name.text(lang) }
                                </option>
                            }) }
                        </select>
                    </div>
                </details>
                if let Some(e) = &*refused {
                    <p class="form-error" role="alert">{ i18n::command_error(lang, e) }</p>
                }
                <div class="form-actions">
                    <button type="submit">{ Msg::Subscribe.text(lang) }</button>
                </div>
            </form>
            <SubscriptionList {lang} version={props.version}
                subscriptions={props.subscriptions.clone()} on_refused={on_refused} />
        </section>
    }
}
