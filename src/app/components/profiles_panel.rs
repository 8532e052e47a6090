//! Saved connection profiles: save the form under a name, load or delete
//! one, export them all as a JSON file, import such a file, and copy a
//! share link that carries the broker URL only.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::TextField;
use crate::app::client::use_client;
use crate::app::forms::connection::{ConnectionDraft, DraftAction, DraftError, TextField as Field};
use crate::app::model::profile::ImportError;
use crate::app::model::query::share_link;
use crate::app::model::ProfileStore;
use crate::app::services::{browser, files};
use crate::i18n::{self, Lang, Msg};

/// [`ProfilesPanel`]'s properties.
#[derive(Properties, PartialEq)]
pub struct ProfilesPanelProps {
    /// UI language.
    pub lang: Lang,
    /// The saved profiles.
    pub profiles: ProfileStore,
    /// The connection form.
    pub draft: ConnectionDraft,
    /// Changes to the form.
    pub on_change: Callback<DraftAction>,
}

/// The last thing the panel has to say, kept as data so it follows a
/// language switch.
#[derive(Clone, Debug, PartialEq)]
enum Notice {
    Saved,
    Loaded,
    NameNeeded,
    Invalid(DraftError),
    Imported { total: usize, new: usize },
    ImportFailed(ImportError),
    ReadFailed(String),
    Copied,
    NeedsUrl,
}

impl Notice {
    fn text(&self, lang: Lang) -> String {
        match self {
            Notice::Saved => Msg::ProfileSaved.text(lang).into(),
            Notice::Loaded => Msg::ProfileLoaded.text(lang).into(),
            Notice::NameNeeded => Msg::ProfileNameNeeded.text(lang).into(),
            Notice::Invalid(e) => i18n::draft_error(lang, e),
            Notice::Imported { total, new } => i18n::profiles_imported(lang, *total, *new),
            Notice::ImportFailed(e) => i18n::import_error(lang, e),
            Notice::ReadFailed(e) => e.clone(),
            Notice::Copied => Msg::LinkCopied.text(lang).into(),
            Notice::NeedsUrl => Msg::ShareLinkNeedsUrl.text(lang).into(),
        }
    }

    fn is_problem(&self) -> bool {
        matches!(
            self,
            Notice::NameNeeded
                | Notice::Invalid(_)
                | Notice::ImportFailed(_)
                | Notice::ReadFailed(_)
                | Notice::NeedsUrl
        )
    }
}

/// See the module docs.
#[function_component]
pub fn ProfilesPanel(props: &ProfilesPanelProps) -> Html {
    let lang = props.lang;
    let client = use_client();
    let notice = use_state(|| None::<Notice>);
    let link = use_state(String::new);

    let on_save = {
        let (client, notice, draft) = (client.clone(), notice.clone(), props.draft.clone());
        Callback::from(move |_: MouseEvent| {
            let result = match draft.to_profile() {
                Err(e) => Notice::Invalid(e),
                Ok(p) if p.name.is_empty() => Notice::NameNeeded,
                Ok(p) => {
                    client.save_profile(p);
                    Notice::Saved
                }
            };
            notice.set(Some(result));
        })
    };

    let on_export = {
        let profiles = props.profiles.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = files::download_text(
                "mqtt-lab-profiles.json",
                "application/json",
                &profiles.export_json(),
            );
        })
    };

    let on_import = {
        let (client, notice, profiles) = (client.clone(), notice.clone(), props.profiles.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|list| list.get(0)) else {
                return;
            };
            // Picking the same file again must fire `change` again.
            input.set_value("");
            let (client, notice, profiles) = (client.clone(), notice.clone(), profiles.clone());
            files::read_text(file, move |text| {
                let result = match text {
                    Err(e) => Notice::ReadFailed(e),
                    Ok(json) => match ProfileStore::import_json(&json) {
                        Err(e) => Notice::ImportFailed(e),
                        Ok(ps) => {
                            let total = ps.len();
                            let new = client.import_profiles(&profiles, ps);
                            Notice::Imported { total, new }
                        }
                    },
                };
                notice.set(Some(result));
            });
        })
    };

    let on_share = {
        let (notice, link, draft) = (notice.clone(), link.clone(), props.draft.clone());
        Callback::from(move |_: MouseEvent| match draft.broker_url() {
            Err(_) => notice.set(Some(Notice::NeedsUrl)),
            Ok(url) => {
                let href = share_link(&browser::page_href(), &url, Some(lang));
                link.set(href.clone());
                let notice = notice.clone();
                files::copy_text(&href, move |ok| {
                    if ok {
                        notice.set(Some(Notice::Copied));
                    }
                });
            }
        })
    };

    let rows = props.profiles.profiles().iter().map(|p| {
        let name = p.name.clone();
        let on_load = {
            let (on_change, notice, profile) = (props.on_change.clone(), notice.clone(), p.clone());
            Callback::from(move |_: MouseEvent| {
                on_change.emit(DraftAction::Load {
                    profile: profile.clone(),
                    fresh_client_id: browser::new_client_id(),
                });
                notice.set(Some(Notice::Loaded));
            })
        };
        let on_delete = {
            let (client, name) = (client.clone(), name.clone());
            Callback::from(move |_: MouseEvent| client.delete_profile(&name))
        };
        html! {
            <li key={name.clone()} class="profile-row">
                <span class="profile-name">{ name.clone() }</span>
                <span class="profile-url mono">{ p.url.clone() }</span>
                <span class="profile-actions">
                    <button type="button" class="button-secondary" onclick={on_load}
                        aria-label={i18n::load_profile_label(lang, &name)}>
                        { Msg::LoadProfile.text(lang) }
                    </button>
                    <button type="button" class="button-danger" onclick={on_delete}
                        aria-label={i18n::delete_profile_label(lang, &name)}>
                        { Msg::DeleteProfile.text(lang) }
                    </button>
                </span>
            </li>
        }
    });

    html! {
        <details class="profiles">
            <summary>{ Msg::Profiles.text(lang) }</summary>
            <div class="profiles-body">
                <div class="profile-save">
                    <TextField
                        id="profile-name"
                        label={Msg::ProfileName.text(lang)}
                        value={props.draft.profile_name.clone()}
                        oninput={props.on_change.reform(|s| DraftAction::Text(Field::ProfileName, s))}
                    >
                        <button type="button" class="button-secondary" onclick={on_save}>
                            { Msg::SaveProfile.text(lang) }
                        </button>
                    </TextField>
                </div>
                if props.profiles.profiles().is_empty() {
                    <p class="muted">{ Msg::NoProfiles.text(lang) }</p>
                } else {
                    <ul class="profile-list">{ for rows }</ul>
                }
                <div class="profile-files">
                    <button type="button" class="button-secondary" onclick={on_export}>
                        { Msg::ExportProfiles.text(lang) }
                    </button>
                    <input type="file" id="profile-import" class="visually-hidden file-input"
                        accept=".json,application/json" onchange={on_import} />
                    <label for="profile-import" class="file-button">{ Msg::ImportProfiles.text(lang) }</label>
                </div>
                <p class="field-hint">{ Msg::ExportPasswordNote.text(lang) }</p>
                <div class="profile-share">
                    <button type="button" class="button-secondary" onclick={on_share}
                        aria-describedby="profile-share-hint">
                        { Msg::CopyShareLink.text(lang) }
                    </button>
                    <p id="profile-share-hint" class="field-hint">{ Msg::ShareLinkHint.text(lang) }</p>
                    if !link.is_empty() {
                        <label for="profile-share-link" class="visually-hidden">{ Msg::ShareLink.text(lang) }</label>
                        <input id="profile-share-link" class="mono" readonly=true value={(*link).clone()} />
                    }
                </div>
                <p class={classes!("notice", notice.as_ref().filter(|n| n.is_problem()).map(|_| "notice--problem"))}
                    aria-live="polite">
                    { notice.as_ref().map(|n| n.text(lang)).unwrap_or_default() }
                </p>
            </div>
        </details>
    }
}
