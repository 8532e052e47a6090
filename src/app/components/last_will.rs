//! The Last Will: what the broker publishes for this client if the
//! connection ends without a DISCONNECT.

use yew::prelude::*;

use super::{Checkbox, DraftSectionProps, QosChoice, TextField};
use crate::app::forms::connection::{DraftAction, Flag, NumberField, TextField as Field};
use crate::app::model::MqttVersion;
use crate::i18n::{self, Msg};
use crate::protocol::codec::QoS;

/// See the module docs.
#[function_component]
pub fn LastWill(props: &DraftSectionProps) -> Html {
    let lang = props.lang;
    let d = &props.draft;
    let text = |field: Field| props.set_text(field);
    let flag = |f: Flag| props.set_flag(f);
    let on_qos = props
        .on_change
        .reform(|q: QoS| DraftAction::WillQos(q.as_u8()));
    let will_qos = QoS::from_u8(d.will_qos).unwrap_or(QoS::AtMostOnce);
    let topic_error = d
        .will_topic_error()
        .map(|t| AttrValue::from(i18n::topic_error(lang, &t)));
    let delay_error = d
        .number(NumberField::WillDelay)
        .err()
        .map(|e| AttrValue::from(i18n::number_out_of_range(lang, e)));

    html! {
        <fieldset class="last-will">
            <legend>{ Msg::LastWill.text(lang) }</legend>
            <Checkbox
                id="conn-will-enabled"
                label={Msg::LastWillEnabled.text(lang)}
                checked={d.will_enabled}
                onchange={flag(Flag::WillEnabled)}
                hint={Msg::LastWillHint.text(lang)}
            />
            if d.will_enabled {
                <TextField
                    id="conn-will-topic"
                    label={Msg::WillTopic.text(lang)}
                    value={d.will_topic.clone()}
                    oninput={text(Field::WillTopic)}
                    placeholder="lab/board-1/status"
                    error={topic_error}
                    class="mono-input"
                />
                <TextField
                    id="conn-will-payload"
                    label={Msg::WillPayload.text(lang)}
                    value={d.will_payload.clone()}
                    oninput={text(Field::WillPayload)}
                    placeholder="offline"
                />
                <QosChoice name="conn-will-qos" {lang} value={will_qos} onchange={on_qos}
                    legend={Msg::WillQos} />
                <div class="field-grid">
                    if d.version == MqttVersion::V5 {
                        <TextField
                            id="conn-will-delay"
                            label={Msg::WillDelay.text(lang)}
                            value={d.will_delay.clone()}
                            oninput={text(Field::WillDelay)}
                            inputmode="numeric"
                            hint={Msg::WillDelayHint.text(lang)}
                            error={delay_error}
                        />
                    }
                </div>
                <Checkbox
                    id="conn-will-retain"
                    label={Msg::WillRetain.text(lang)}
                    checked={d.will_retain}
                    onchange={flag(Flag::WillRetain)}
                />
            }
        </fieldset>
    }
}
