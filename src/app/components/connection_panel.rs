//! The connection manager: where to connect, as whom, with which MQTT
//! version and settings, saved profiles, and the Connect / Disconnect
//! button. The form's contents are a local [`ConnectionDraft`] reducer;
//! connecting goes through the [`ClientHandle`](crate::app::client::ClientHandle).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::{AdvancedSettings, BrokerFields, CredentialFields, ProfilesPanel};
use crate::app::client::use_client;
use crate::app::forms::connection::{ConnectionDraft, DraftAction};
use crate::app::model::{MqttVersion, Preset, ProfileError, ProfileStore};
use crate::app::services::browser;
use crate::app::state::ConnectionStatus;
use crate::i18n::{self, Lang, Msg};

/// [`ConnectionPanel`]'s properties.
#[derive(Properties, PartialEq)]
pub struct ConnectionPanelProps {
    /// UI language.
    pub lang: Lang,
    /// The connection status (Connect or Disconnect).
    pub status: ConnectionStatus,
    /// The saved profiles.
    pub profiles: ProfileStore,
    /// A broker URL from the page address (`?broker=`) to start with.
    #[prop_or_default]
    pub initial_url: Option<AttrValue>,
}

fn initial_draft(initial_url: Option<&str>) -> ConnectionDraft {
    let client_id = browser::new_client_id();
    match initial_url {
        Some(url) => {
            let preset = Preset::ALL
                .into_iter()
                .find(|p| p.url() == Some(url.trim()));
            ConnectionDraft::new(preset, url.trim(), client_id)
        }
        None => ConnectionDraft::new(Some(Preset::Sandbox), "", client_id),
    }
}

/// See the module docs.
#[function_component]
pub fn ConnectionPanel(props: &ConnectionPanelProps) -> Html {
    let lang = props.lang;
    let client = use_client();
    let initial_url = props.initial_url.clone();
    let draft = use_reducer(move || initial_draft(initial_url.as_deref()));
    let on_change = {
        let draft = draft.dispatcher();
        Callback::from(move |a: DraftAction| draft.dispatch(a))
    };
    let active = props.status.is_active();

    let onsubmit = {
        let (client, draft) = (client.clone(), draft.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if active {
                return;
            }
            draft.dispatch(DraftAction::Submitted);
            // Number fields out of range are shown beside each field;
            // nothing is sent until they are fixed.
            if let Ok(profile) = draft.to_profile() {
                let _ = client.connect(&profile, &draft.password);
            }
        })
    };
    let on_disconnect = {
        let client = client.clone();
        Callback::from(move |_: MouseEvent| client.disconnect())
    };
    let on_version = on_change.reform(|e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        DraftAction::Version(MqttVersion::parse(&v).unwrap_or_default())
    });

    // A number out of range inside the (maybe folded) advanced settings,
    // repeated next to the button so it is seen.
    let number_error = draft
        .to_profile()
        .err()
        .map(|e| i18n::draft_error(lang, &e));
    // Problems that belong to no single field.
    let settings_error = draft
        .settings_error()
        .filter(|e| !matches!(e, ProfileError::WillTopic(_)))
        .map(|e| i18n::profile_error(lang, &e));

    html! {
        <section class="panel connection-panel" aria-labelledby="connection-heading">
            <h2 id="connection-heading">{ Msg::ConnectionHeading.text(lang) }</h2>
            <form class="connection-form" {onsubmit} novalidate=true>
                <BrokerFields {lang} draft={(*draft).clone()} on_change={on_change.clone()} />
                <CredentialFields {lang} draft={(*draft).clone()} on_change={on_change.clone()} />
                <div class="field">
                    <label for="conn-version">{ Msg::MqttVersion.text(lang) }</label>
                    <select id="conn-version" onchange={on_version}>
                        { for MqttVersion::ALL.into_iter().map(|v| html! {
                            <option value={v.as_str()} selected={draft.version == v}>{ v.as_str() }</option>
                        }) }
                    </select>
                </div>
                <AdvancedSettings {lang} draft={(*draft).clone()} on_change={on_change.clone()} />
                if let Some(error) = number_error {
                    <p class="form-error">{ error }</p>
                }
                if let Some(error) = settings_error {
                    <p class="form-error" role="alert">{ error }</p>
                }
                <div class="connect-actions">
                    if active {
                        <button type="button" class="button-connect button-danger" onclick={on_disconnect}>
                            { Msg::Disconnect.text(lang) }
                        </button>
                    } else {
                        <button type="submit" class="button-connect">{ Msg::Connect.text(lang) }</button>
                    }
                </div>
            </form>
            <ProfilesPanel {lang} profiles={props.profiles.clone()} draft={(*draft).clone()} {on_change} />
        </section>
    }
}
