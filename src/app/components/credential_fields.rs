//! Who connects: client ID (with a button for a new random one), user
//! name, password (hidden unless asked) and whether to remember it.

use yew::prelude::*;

use super::{Checkbox, DraftSectionProps, TextField};
use crate::app::forms::connection::{DraftAction, Flag, TextField as Field};
use crate::app::services::browser;
use crate::i18n::Msg;

/// See the module docs.
#[function_component]
pub fn CredentialFields(props: &DraftSectionProps) -> Html {
    let lang = props.lang;
    let d = &props.draft;
    let text = |field: Field| props.set_text(field);
    let flag = |f: Flag| props.set_flag(f);
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
