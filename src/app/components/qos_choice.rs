//! The QoS radio group ("QoS": 0 at most once, 1 at least once, 2 exactly
//! once), used by the subscribe and publish forms.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::protocol::codec::QoS;

/// [`QosChoice`]'s properties.
#[derive(Properties, PartialEq)]
pub struct QosChoiceProps {
    /// Unique prefix for the radios' `name` and ids.
    pub name: AttrValue,
    /// UI language.
    pub lang: Lang,
    /// The chosen QoS.
    pub value: QoS,
    /// Called with the new choice.
    pub onchange: Callback<QoS>,
}

/// See the module docs.
#[function_component]
pub fn QosChoice(props: &QosChoiceProps) -> Html {
    let legend_id = format!("{}-legend", props.name);
    let lang = props.lang;
    let options = [
        (QoS::AtMostOnce, Msg::QosAtMostOnce),
        (QoS::AtLeastOnce, Msg::QosAtLeastOnce),
        (QoS::ExactlyOnce, Msg::QosExactlyOnce),
    ];
    html! {
        <fieldset class="qos-choice" role="radiogroup" aria-labelledby={legend_id.clone()}>
            <legend id={legend_id}>{ Msg::Qos.text(lang) }</legend>
            { for options.into_iter().map(|(qos, meaning)| {
                let id = format!("{}-{}", props.name, qos.as_u8());
                let onchange = props.onchange.reform(move |e: Event| {
                    let input = e.target_unchecked_into::<HtmlInputElement>();
                    input.value().parse::<u8>().ok().and_then(QoS::from_u8).unwrap_or(qos)
                });
                html! {
                    <label class="qos-option" for={id.clone()}>
                        <input
                            type="radio"
                            {id}
                            name={props.name.clone()}
                            value={qos.as_u8().to_string()}
                            checked={props.value == qos}
                            {onchange}
                        />
                        <span class="qos-digit">{ qos.as_u8() }</span>
                        { " " }
                        <span class="qos-meaning">{ meaning.text(lang) }</span>
                    </label>
                }
            }) }
        </fieldset>
    }
}
