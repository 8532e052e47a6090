//! "Show code (publish)": a closed disclosure under an exercise button that opens on
//! the same step as code in four flavours (tabs), built from the real
//! parameters, with its notes and a copy button. The code is generated
//! only while the disclosure is open.

use yew::prelude::*;

use super::use_learn;
use crate::app::learn::code::{self, Action, Flavour};
use crate::app::learn::target::ClientSpec;
use crate::app::services::{browser, files};
use crate::i18n::learn::LearnMsg;

/// [`ShowCode`]'s properties.
#[derive(Properties, PartialEq)]
pub struct ShowCodeProps {
    /// The client doing the step.
    pub spec: ClientSpec,
    /// The step.
    pub action: Action,
    /// Distinguishes several on one lesson (for element ids).
    pub id: AttrValue,
}

/// See the module docs.
#[function_component]
pub fn ShowCode(props: &ShowCodeProps) -> Html {
    let ctx = use_learn();
    let lang = ctx.lang;
    let open = use_state(|| false);
    let flavour = use_state(|| Flavour::PahoPython);
    let copied = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(el.open());
        })
    };
    let body = if *open {
        let snippet = code::snippet(
            *flavour,
            &ctx.target.code_target(&props.spec),
            &props.action,
            lang,
        );
        let panel_id = format!("code-{}-panel", props.id);
        let tab_id = {
            let id = props.id.clone();
            move |i: usize| format!("code-{id}-tab-{i}")
        };
        let tabs = Flavour::ALL.iter().enumerate().map(|(i, &f)| {
            let selected = f == *flavour;
            let onclick = {
                let flavour = flavour.clone();
                let copied = copied.clone();
                Callback::from(move |_: MouseEvent| {
                    flavour.set(f);
                    copied.set(false);
                })
            };
            html! {
                <button type="button" role="tab" class="code-tab" id={tab_id(i)}
                    aria-selected={selected.to_string()} aria-controls={panel_id.clone()}
                    tabindex={if selected { "0" } else { "-1" }} {onclick}>
                    { f.label() }
                </button>
            }
        });
        let onkeydown = {
            let flavour = flavour.clone();
            let tab_id = tab_id.clone();
            Callback::from(move |e: KeyboardEvent| {
                let i = Flavour::ALL
                    .iter()
                    .position(|&f| f == *flavour)
                    .unwrap_or(0);
                let n = Flavour::ALL.len();
                let next = match e.key().as_str() {
                    "ArrowRight" => (i + 1) % n,
                    "ArrowLeft" => (i + n - 1) % n,
                    "Home" => 0,
                    "End" => n - 1,
                    _ => return,
                };
                e.prevent_default();
                flavour.set(Flavour::ALL[next]);
                // Keep focus on the selected tab.
                browser::focus_element(&tab_id(next));
            })
        };
        let oncopy = {
            let text = snippet.code.clone();
            let copied = copied.clone();
            Callback::from(move |_: MouseEvent| {
                let copied = copied.clone();
                files::copy_text(&text, move |ok| copied.set(ok));
            })
        };
        html! {
            <div class="show-code-body">
                <p class="hint">{ LearnMsg::ShowCodeIntro.text(lang) }</p>
                <div class="code-tabs" role="tablist" aria-label={LearnMsg::CodeFlavour.text(lang)} {onkeydown}>
                    { for tabs }
                </div>
                <div id={panel_id} role="tabpanel" class="code-panel" aria-label={snippet.flavour.label()}>
                    <pre class={classes!("code", format!("language-{}", snippet.language_tag))}><code>{ snippet.code.clone() }</code></pre>
                    <button type="button" class="copy-code" onclick={oncopy}>
                        { if *copied { LearnMsg::Copied.text(lang) } else { LearnMsg::CopyCode.text(lang) } }
                    </button>
                    if !snippet.notes.is_empty() {
                        <ul class="code-notes">
                            { for snippet.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
                        </ul>
                    }
                </div>
            </div>
        }
    } else {
        Html::default()
    };
    let what = match props.action {
        Action::Connect => LearnMsg::CodeConnect,
        Action::Publish { .. } => LearnMsg::CodePublish,
        Action::Subscribe { .. } => LearnMsg::CodeSubscribe,
    };
    html! {
        <details class="show-code" {ontoggle}>
            <summary>{ format!("{} ({})", LearnMsg::ShowCode.text(lang), what.text(lang)) }</summary>
            { body }
        </details>
    }
}
