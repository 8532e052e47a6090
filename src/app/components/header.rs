//! The page header: the app's name, one line on what it is for, the
//! switch between the client and the lessons, the connection status
//! (always in view) and the language switch.

use yew::prelude::*;

use super::{LangSwitch, StatusBar};
use crate::app::learn::course::{LessonId, Route};
use crate::app::state::ConnectionStatus;
use crate::i18n::learn::LearnMsg;
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
    /// The view shown.
    pub route: Route,
}

/// See the module docs.
#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let learning = matches!(props.route, Route::Learn(_));
    let learn_href = match props.route {
        Route::Learn(l) => Route::Learn(l).href(),
        Route::Client => Route::Learn(LessonId::WhyMqtt).href(),
    };
    html! {
        <header class="app-header">
            <div class="app-title">
                <h1>{ Msg::AppTitle.text(lang) }</h1>
                <p class="app-tagline">{ Msg::AppTagline.text(lang) }</p>
            </div>
            <nav class="view-switch" aria-label={LearnMsg::ViewSwitch.text(lang)}>
                <a href={Route::Client.href()} aria-current={(!learning).then_some("page")}>
                    { LearnMsg::ViewClient.text(lang) }
                </a>
                <a href={learn_href} aria-current={learning.then_some("page")}>
                    { LearnMsg::ViewLearn.text(lang) }
                </a>
            </nav>
            <StatusBar {lang} status={props.status.clone()} now_ms={props.now_ms} />
            <LangSwitch {lang} />
        </header>
    }
}
