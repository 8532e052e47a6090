//! The language switch: one toggle button per language, the current one
//! pressed. Each language is named in itself ("English", "한국어") so it
//! can be found whatever language the page is in.

use yew::prelude::*;

use crate::app::client::use_client;
use crate::i18n::{Lang, Msg};

/// [`LangSwitch`]'s properties.
#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    /// The current language.
    pub lang: Lang,
}

/// See the module docs.
#[function_component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let client = use_client();
    html! {
        <div class="lang-switch" role="group" aria-label={Msg::Language.text(props.lang)}>
            { for Lang::ALL.into_iter().map(|lang| {
                let client = client.clone();
                let onclick = Callback::from(move |_: MouseEvent| client.set_lang(lang));
                let pressed = if lang == props.lang { "true" } else { "false" };
                html! {
                    <button type="button" class="lang-button" lang={lang.code()}
                        aria-pressed={pressed} {onclick}>
                        { lang.native_name() }
                    </button>
                }
            }) }
        </div>
    }
}
