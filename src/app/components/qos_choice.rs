//! The one QoS control, used by the subscribe and publish forms and the
//! Last Will: a radio group (named "QoS" unless a legend is given) with
//! 0 at most once, 1 at least once, 2 exactly once. Below it, the chosen
//! level in a sentence, the packets it puts on the wire, and that a
//! subscriber receives the lower of the publish QoS and its granted QoS.

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
    /// The group's name; "QoS" when not given.
    #[prop_or(Msg::Qos)]
    pub legend: Msg,
}

/// The packets one delivery at `qos` takes between a sender and a
/// receiver (MQTT's own packet names, the same in every language).
pub fn qos_exchange(qos: QoS) -> &'static str {
    match qos {
        QoS::AtMostOnce => "PUBLISH",
        QoS::AtLeastOnce => "PUBLISH → PUBACK",
        QoS::ExactlyOnce => "PUBLISH → PUBREC → PUBREL → PUBCOMP",
    }
}

/// One line on what `qos` promises.
fn qos_explain(qos: QoS) -> Msg {
    match qos {
        QoS::AtMostOnce => Msg::UiQos0Explain,
        QoS::AtLeastOnce => Msg::UiQos1Explain,
        QoS::ExactlyOnce => Msg::UiQos2Explain,
    }
}

/// See the module docs.
#[function_component]
pub fn QosChoice(props: &QosChoiceProps) -> Html {
    let legend_id = format!("{}-legend", props.name);
    let explain_id = format!("{}-explain", props.name);
    let lang = props.lang;
    let options = [
        (QoS::AtMostOnce, Msg::QosAtMostOnce),
        (QoS::AtLeastOnce, Msg::QosAtLeastOnce),
        (QoS::ExactlyOnce, Msg::QosExactlyOnce),
    ];
    html! {
        <fieldset class="qos-choice" role="radiogroup" aria-labelledby={legend_id.clone()}
            aria-describedby={explain_id.clone()}>
            <legend id={legend_id}>{ props.legend.text(lang) }</legend>
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
            <div class="qos-explain" id={explain_id}>
                <p class="qos-explain-line">
                    <code class="qos-flow">{ qos_exchange(props.value) }</code>
                    { " " }
                    <span>{ qos_explain(props.value).text(lang) }</span>
                </p>
                <p class="qos-explain-note">{ Msg::UiQosDelivered.text(lang) }</p>
            </div>
        </fieldset>
    }
}
