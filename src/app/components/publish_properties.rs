//! The MQTT 5.0 PUBLISH properties, folded away: content type, payload
//! format indicator, message expiry, response topic, correlation data and
//! user properties.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{Checkbox, TextField};
use crate::app::forms::publish::{PublishAction, PublishDraft, PublishError, PublishField};
use crate::i18n::{self, Lang, Msg};

/// [`PublishProperties`]' properties.
#[derive(Properties, PartialEq)]
pub struct PublishPropertiesProps {
    /// UI language.
    pub lang: Lang,
    /// Whether the connection is MQTT 5.0 (otherwise they are not sent).
    pub v5: bool,
    /// The form.
    pub draft: PublishDraft,
    /// Changes to the form.
    pub on_change: Callback<PublishAction>,
}

/// See the module docs.
#[function_component]
pub fn PublishProperties(props: &PublishPropertiesProps) -> Html {
    let lang = props.lang;
    let d = &props.draft;
    let disabled = !props.v5;
    let text = |f: PublishField| {
        props
            .on_change
            .reform(move |s: String| PublishAction::Text(f, s))
    };
    let (expiry_error, response_error) = match d.properties_error() {
        Some(PublishError::MessageExpiry(e)) => (
            Some(AttrValue::from(i18n::number_out_of_range(lang, e))),
            None,
        ),
        Some(PublishError::ResponseTopic(t)) => {
            (None, Some(AttrValue::from(i18n::topic_error(lang, &t))))
        }
        _ => (None, None),
    };

    let rows = d
        .user_properties
        .iter()
        .enumerate()
        .map(|(i, (name, value))| {
            let on_name = {
                let (value, on_change) = (value.clone(), props.on_change.clone());
                Callback::from(move |e: InputEvent| {
                    let name = e.target_unchecked_into::<HtmlInputElement>().value();
                    on_change.emit(PublishAction::UserProperty(i, name, value.clone()));
                })
            };
            let on_value = {
                let (name, on_change) = (name.clone(), props.on_change.clone());
                Callback::from(move |e: InputEvent| {
                    let value = e.target_unchecked_into::<HtmlInputElement>().value();
                    on_change.emit(PublishAction::UserProperty(i, name.clone(), value));
                })
            };
            let on_remove = props
                .on_change
                .reform(move |_: MouseEvent| PublishAction::RemoveUserProperty(i));
            let n = i + 1;
            html! {
                <li class="user-property">
                    <label class="visually-hidden" for={format!("pub-up-name-{i}")}>
                        { format!("{} {n}", Msg::PropertyName.text(lang)) }
                    </label>
                    <input id={format!("pub-up-name-{i}")} value={name.clone()} oninput={on_name}
                        placeholder={Msg::PropertyName.text(lang)} {disabled} />
                    <label class="visually-hidden" for={format!("pub-up-value-{i}")}>
                        { format!("{} {n}", Msg::PropertyValue.text(lang)) }
                    </label>
                    <input id={format!("pub-up-value-{i}")} value={value.clone()} oninput={on_value}
                        placeholder={Msg::PropertyValue.text(lang)} {disabled} />
                    <button type="button" class="button-secondary" onclick={on_remove}
                        aria-label={i18n::remove_user_property_label(lang, n)}>
                        { Msg::Remove.text(lang) }
                    </button>
                </li>
            }
        });

    html! {
        <details class="mqtt5-properties">
            <summary>{ Msg::Mqtt5Properties.text(lang) }</summary>
            if disabled {
                <p class="field-hint">{ Msg::Mqtt5OnlyNote.text(lang) }</p>
            }
            <div class="field-grid">
                <TextField id="pub-content-type" label={Msg::ContentType.text(lang)}
                    value={d.content_type.clone()} oninput={text(PublishField::ContentType)}
                    placeholder="application/json" {disabled} />
                <TextField id="pub-message-expiry" label={Msg::MessageExpiry.text(lang)}
                    value={d.message_expiry.clone()} oninput={text(PublishField::MessageExpiry)}
                    inputmode="numeric" error={expiry_error} {disabled} />
                <TextField id="pub-response-topic" label={Msg::ResponseTopic.text(lang)}
                    value={d.response_topic.clone()} oninput={text(PublishField::ResponseTopic)}
                    error={response_error} {disabled} class="mono-input" />
                <TextField id="pub-correlation-data" label={Msg::CorrelationData.text(lang)}
                    value={d.correlation_data.clone()} oninput={text(PublishField::CorrelationData)}
                    {disabled} />
            </div>
            <Checkbox id="pub-utf8" label={Msg::PayloadIsUtf8.text(lang)} checked={d.payload_is_utf8}
                onchange={props.on_change.reform(PublishAction::PayloadIsUtf8)} {disabled} />
            <fieldset class="user-properties">
                <legend>{ Msg::UserProperties.text(lang) }</legend>
                <ul class="user-property-list">{ for rows }</ul>
                <button type="button" class="button-secondary" {disabled}
                    onclick={props.on_change.reform(|_: MouseEvent| PublishAction::AddUserProperty)}>
                    { Msg::AddUserProperty.text(lang) }
                </button>
            </fieldset>
        </details>
    }
}
