//! Where to connect: the preset, then either the HiveMQ Cloud cluster host
//! (the URL is built from it) or the broker URL itself, each validated as
//! it is typed.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::DraftSectionProps;

use super::TextField;
use crate::app::forms::connection::{DraftAction, TextField as Field};
use crate::app::model::Preset;
use crate::i18n::{self, Msg};

const CUSTOM: &str = "custom";

fn preset_name(p: Option<Preset>) -> Msg {
    match p {
        Some(Preset::Sandbox) => Msg::PresetSandbox,
        Some(Preset::HiveMqCloud) => Msg::PresetHiveMqCloud,
        Some(Preset::HiveMqPublic) => Msg::PresetHiveMqPublic,
        Some(Preset::LocalMosquitto) => Msg::PresetLocalMosquitto,
        None => Msg::PresetCustom,
    }
}

/// See the module docs.
#[function_component]
pub fn BrokerFields(props: &DraftSectionProps) -> Html {
    let lang = props.lang;
    let d = &props.draft;
    let cloud = d.preset == Some(Preset::HiveMqCloud);
    let url_error = d
        .url_error()
        .map(|e| AttrValue::from(i18n::url_error(lang, &e)));

    let on_preset = props.on_change.reform(|e: Event| {
        let id = e.target_unchecked_into::<HtmlSelectElement>().value();
        DraftAction::Preset(Preset::from_id(&id))
    });
    let text = |field: Field| props.set_text(field);
    let hint = match d.preset {
        Some(Preset::Sandbox) => Some(Msg::HintSandbox),
        Some(Preset::HiveMqCloud) => Some(Msg::HintHiveMqCloud),
        Some(Preset::HiveMqPublic) => Some(Msg::HintHiveMqPublic),
        Some(Preset::LocalMosquitto) => Some(Msg::HintLocalMosquitto),
        None => None,
    };
    let choices = Preset::ALL.into_iter().map(Some).chain([None]);

    html! {
        <>
            <div class="field">
                <label for="conn-preset">{ Msg::Preset.text(lang) }</label>
                <select id="conn-preset" onchange={on_preset}
                    aria-describedby={hint.map(|_| "conn-preset-hint")}>
                    { for choices.map(|p| {
                        let value = p.map_or(CUSTOM, Preset::id);
                        html! {
                            <option value={value} selected={d.preset == p}>
                                { preset_name(p).text(lang) }
                            </option>
                        }
                    }) }
                </select>
                if let Some(hint) = hint {
                    <p id="conn-preset-hint" class={classes!("field-hint", cloud.then_some("preset-hint--cloud"))}>
                        { hint.text(lang) }
                    </p>
                }
            </div>
            if cloud {
                <TextField
                    id="conn-cluster-host"
                    label={Msg::ClusterHost.text(lang)}
                    value={d.cluster_host.clone()}
                    oninput={text(Field::ClusterHost)}
                    placeholder="abcd1234.s1.eu.hivemq.cloud"
                    hint={Msg::ClusterHostHint.text(lang)}
                    error={url_error.clone()}
                    inputmode="url"
                />
            }
            <TextField
                id="conn-url"
                label={Msg::BrokerUrl.text(lang)}
                value={d.url.clone()}
                oninput={text(Field::Url)}
                placeholder="wss://broker.hivemq.com:8884/mqtt"
                hint={Msg::BrokerUrlHint.text(lang)}
                error={if cloud { None } else { url_error }}
                inputmode="url"
                class="mono-input"
            />
        </>
    }
}
