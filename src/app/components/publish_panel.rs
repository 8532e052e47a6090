//! The publish form: topic (a topic name, so no wildcards), payload, QoS,
//! retain and the MQTT 5.0 properties; below it the recent publishes with
//! their acknowledgement.

use yew::prelude::*;

use super::{Checkbox, PublishExchange, PublishHistory, PublishProperties, QosChoice, TextField};
use crate::app::client::use_client;
use crate::app::forms::publish::{PublishAction, PublishDraft, PublishField};
use crate::app::model::Ring;
use crate::app::state::PublishRecord;
use crate::i18n::{self, Lang, Msg};
use crate::protocol::codec::ProtocolVersion;
use crate::protocol::session::CommandError;

/// [`PublishPanel`]'s properties.
#[derive(Properties, PartialEq)]
pub struct PublishPanelProps {
    /// UI language.
    pub lang: Lang,
    /// The version of the current (or next) connection: properties are
    /// sent only with 5.0.
    pub version: ProtocolVersion,
    /// Recent publishes.
    pub publishes: Ring<PublishRecord>,
    /// A topic to put in the form ("Publish here" in the topic explorer),
    /// with a number that changes on every request.
    #[prop_or_default]
    pub prefill: Option<(u32, AttrValue)>,
}

/// See the module docs.
#[function_component]
pub fn PublishPanel(props: &PublishPanelProps) -> Html {
    let lang = props.lang;
    let v5 = props.version.is_v5();
    let client = use_client();
    let draft = use_reducer(PublishDraft::default);
    let refused = use_state(|| None::<CommandError>);

    let on_change = {
        let (draft, refused) = (draft.dispatcher(), refused.clone());
        Callback::from(move |a: PublishAction| {
            refused.set(None);
            draft.dispatch(a);
        })
    };
    {
        let draft = draft.dispatcher();
        use_effect_with(props.prefill.clone(), move |prefill| {
            if let Some((_, topic)) = prefill {
                draft.dispatch(PublishAction::Text(PublishField::Topic, topic.to_string()));
                if let Some(el) = gloo::utils::document().get_element_by_id("pub-topic") {
                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                        el.scroll_into_view();
                        let _ = el.focus();
                    }
                }
            }
        });
    }
    let text = |f: PublishField| on_change.reform(move |s: String| PublishAction::Text(f, s));
    let onsubmit = {
        let (client, draft, refused) = (client.clone(), draft.clone(), refused.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            draft.dispatch(PublishAction::Submitted);
            // Invalid input is explained beside its field; nothing is sent.
            if let Ok(msg) = draft.to_outgoing(v5) {
                refused.set(client.publish(msg).err());
            }
        })
    };

    // A property out of range inside the (maybe folded) 5.0 properties,
    // repeated next to the button so it is seen.
    let properties_error = draft
        .properties_error()
        .filter(|_| v5)
        .map(|e| i18n::publish_form_error(lang, &e));
    let topic_error = draft
        .topic_error()
        .map(|e| AttrValue::from(i18n::topic_error(lang, &e)));

    html! {
        <section class="panel publish-panel" aria-labelledby="publish-heading">
            <h2 id="publish-heading">{ Msg::PublishHeading.text(lang) }</h2>
            <form class="publish-form" {onsubmit} novalidate=true>
                <TextField
                    id="pub-topic"
                    label={Msg::Topic.text(lang)}
                    value={draft.topic.clone()}
                    oninput={text(PublishField::Topic)}
                    placeholder="lab/led"
                    hint={Msg::TopicHint.text(lang)}
                    error={topic_error}
                    class="mono-input"
                />
                <TextField
                    id="pub-payload"
                    label={Msg::Payload.text(lang)}
                    value={draft.payload.clone()}
                    oninput={text(PublishField::Payload)}
                    placeholder={r#"{"led": "on"}"#}
                    multiline=true
                    class="mono-input"
                />
                <div class="publish-options">
                    <QosChoice name="pub-qos" {lang} value={draft.qos}
                        onchange={on_change.reform(PublishAction::Qos)} />
                    <Checkbox
                        id="pub-retain"
                        label={Msg::Retain.text(lang)}
                        checked={draft.retain}
                        onchange={on_change.reform(PublishAction::Retain)}
                        hint={Msg::RetainHint.text(lang)}
                    />
                </div>
                <PublishProperties {lang} {v5} draft={(*draft).clone()} on_change={on_change.clone()} />
                if let Some(error) = properties_error {
                    <p class="form-error">{ error }</p>
                }
                if let Some(e) = &*refused {
                    <p class="form-error" role="alert">{ i18n::command_error(lang, e) }</p>
                }
                <div class="form-actions">
                    <button type="submit">{ Msg::Publish.text(lang) }</button>
                </div>
            </form>
            <PublishExchange {lang} />
            <PublishHistory {lang} publishes={props.publishes.clone()} />
        </section>
    }
}
