//! The page header: the app's name, one line on what it is for, the
//! connection status (always in view) and the language switch.

use yew::prelude::*;

use super::{LangSwitch, StatusBar};
use crate::app::state::ConnectionStatus;
use crate::i18n::{Lang, Msg};

/// [`Header`]'s properties.
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// UI language.
    pub lang: Lang,
    /// The connection status.
    pub status: ConnectionStatus,
    /// The reducer's clock, for the reconnect countdown.
    pub now_ms: u64,
}

/// See the module docs.
#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    html! {
        <header class="app-header">
            <div class="app-title">
                <h1>{ Msg::AppTitle.text(lang) }</h1>
                <p class="app-tagline">{ Msg::AppTagline.text(lang) }</p>
            </div>
            <StatusBar {lang} status={props.status.clone()} now_ms={props.now_ms} />
            <LangSwitch {lang} />
        </header>
    }
}
