//! The settings most learners can leave alone, folded away: clean start /
//! clean session, keep alive, session expiry (5.0), connect timeout and the
//! Last Will.

use yew::prelude::*;

use super::{Checkbox, DraftSectionProps, LastWill, TextField};
use crate::app::forms::connection::{DraftAction, Flag, NumberField, TextField as Field};
use crate::app::model::MqttVersion;
use crate::i18n::{self, Msg};

/// See the module docs.
#[function_component]
pub fn AdvancedSettings(props: &DraftSectionProps) -> Html {
    let lang = props.lang;
    let d = &props.draft;
    let v5 = d.version == MqttVersion::V5;
    let text = |field: Field| props.set_text(field);
    let number_error = |f: NumberField| {
        d.number(f)
            .err()
            .map(|e| AttrValue::from(i18n::number_out_of_range(lang, e)))
    };
    let clean = if v5 {
        Msg::CleanStart
    } else {
        Msg::CleanSession
    };

    html! {
        <details class="advanced">
            <summary>{ Msg::AdvancedSettings.text(lang) }</summary>
            <div class="advanced-body">
                <Checkbox
                    id="conn-clean-start"
                    label={clean.text(lang)}
                    checked={d.clean_start}
                    onchange={props.on_change.reform(|on| DraftAction::Flag(Flag::CleanStart, on))}
                    hint={Msg::CleanStartHint.text(lang)}
                />
                <div class="field-grid">
                    <TextField
                        id="conn-keep-alive"
                        label={Msg::KeepAlive.text(lang)}
                        value={d.keep_alive.clone()}
                        oninput={text(Field::KeepAlive)}
                        inputmode="numeric"
                        hint={Msg::KeepAliveHint.text(lang)}
                        error={number_error(NumberField::KeepAlive)}
                    />
                    <TextField
                        id="conn-connect-timeout"
                        label={Msg::ConnectTimeout.text(lang)}
                        value={d.connect_timeout.clone()}
                        oninput={text(Field::ConnectTimeout)}
                        inputmode="numeric"
                        error={number_error(NumberField::ConnectTimeout)}
                    />
                    if v5 {
                        <TextField
                            id="conn-session-expiry"
                            label={Msg::SessionExpiry.text(lang)}
                            value={d.session_expiry.clone()}
                            oninput={text(Field::SessionExpiry)}
                            inputmode="numeric"
                            hint={Msg::SessionExpiryHint.text(lang)}
                            error={number_error(NumberField::SessionExpiry)}
                        />
                    }
                </div>
                <LastWill {lang} draft={d.clone()} on_change={props.on_change.clone()} />
            </div>
        </details>
    }
}
