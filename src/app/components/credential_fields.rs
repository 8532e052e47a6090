//! Who connects: client ID (with a button for a new random one), user
//! name, password (hidden unless asked) and whether to remember it.

use yew::prelude::*;

use super::{Checkbox, TextField};
use crate::app::forms::connection::{ConnectionDraft, DraftAction, Flag, TextField as Field};
use crate::app::services::browser;
use crate::i18n::{Lang, Msg};

/// [`CredentialFields`]' properties.
#[derive(Properties, PartialEq)]
pub struct CredentialFieldsProps {
    /// UI language.
    pub lang: Lang,
    /// The form.
    pub draft: ConnectionDraft,
    /// Changes to the form.
    pub on_change: Callback<DraftAction>,
}

/// See the module docs.
#[function_component]
pub fn CredentialFields(props: &CredentialFieldsProps) -> Html {
    let lang = props.lang;
    let d = &props.draft;
    let text = |field: Field| {
        props
            .on_change
            .reform(move |s: String| DraftAction::Text(field, s))
    };
    let flag = |f: Flag| {
        props
            .on_change
            .reform(move |on: bool| DraftAction::Flag(f, on))
    };
    let regenerate = props
        .on_change
        .reform(|_: MouseEvent| DraftAction::Text(Field::ClientId, browser::new_client_id()));
    let password_hint = if d.remember_password {
        Msg::RememberPasswordHint
    } else {
        Msg::PasswordNotSaved
    };

    html! {
        <>
            <TextField
                id="conn-client-id"
                label={Msg::ClientId.text(lang)}
                value={d.client_id.clone()}
                oninput={text(Field::ClientId)}
                hint={Msg::ClientIdHint.text(lang)}
                class="mono-input"
            >
                <button type="button" class="button-secondary" onclick={regenerate}>
                    { Msg::RegenerateClientId.text(lang) }
                </button>
            </TextField>
            <TextField
                id="conn-username"
                label={Msg::Username.text(lang)}
                value={d.username.clone()}
                oninput={text(Field::Username)}
                autocomplete="username"
            />
            <TextField
                id="conn-password"
                label={Msg::Password.text(lang)}
                value={d.password.clone()}
                oninput={text(Field::Password)}
                kind={if d.show_password { "text" } else { "password" }}
                autocomplete="current-password"
            />
            <div class="checkbox-row">
                <Checkbox
                    id="conn-show-password"
                    label={Msg::ShowPassword.text(lang)}
                    checked={d.show_password}
                    onchange={flag(Flag::ShowPassword)}
                />
                <Checkbox
                    id="conn-remember-password"
                    label={Msg::RememberPassword.text(lang)}
                    checked={d.remember_password}
                    onchange={flag(Flag::RememberPassword)}
                    hint={(d.remember_password || !d.password.is_empty()).then(|| AttrValue::from(password_hint.text(lang)))}
                />
            </div>
        </>
    }
}
