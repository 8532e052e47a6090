//! The explorer views under the three columns, one at a time behind tabs:
//! the topic explorer, the retained inspector and the packet inspector.
//! Arrow keys move between tabs (one tab stop, as the ARIA tabs pattern).

use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::{PacketInspector, RetainedInspector, TopicExplorer};
use crate::app::services::browser;
use crate::i18n::{Lang, Msg};

/// The three views.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExplorerTab {
    /// The topic tree.
    Topics,
    /// Retained messages.
    Retained,
    /// Packets.
    Packets,
}

const TABS: [(ExplorerTab, Msg, &str); 3] = [
    (ExplorerTab::Topics, Msg::UiTabTopics, "topics"),
    (ExplorerTab::Retained, Msg::UiTabRetained, "retained"),
    (ExplorerTab::Packets, Msg::UiTabPackets, "packets"),
];

/// [`ExplorerPanel`]'s properties.
#[derive(Properties, PartialEq)]
pub struct ExplorerPanelProps {
    /// UI language.
    pub lang: Lang,
    /// "Publish here" in the topic explorer.
    pub on_publish_here: Callback<String>,
}

/// See the module docs.
#[function_component]
pub fn ExplorerPanel(props: &ExplorerPanelProps) -> Html {
    let lang = props.lang;
    let tab = use_state_eq(|| ExplorerTab::Topics);
    let onkeydown = {
        let tab = tab.clone();
        Callback::from(move |e: KeyboardEvent| {
            let i = TABS.iter().position(|t| t.0 == *tab).unwrap_or(0);
            let next = match e.key().as_str() {
                "ArrowRight" => (i + 1) % TABS.len(),
                "ArrowLeft" => (i + TABS.len() - 1) % TABS.len(),
                "Home" => 0,
                "End" => TABS.len() - 1,
                _ => return,
            };
            e.prevent_default();
            tab.set(TABS[next].0);
            browser::focus_element(&format!("explorer-tab-{}", TABS[next].2));
        })
    };
    let current = TABS.iter().find(|t| t.0 == *tab).unwrap_or(&TABS[0]);
    html! {
        <section class="explorer-panel" aria-label={Msg::UiExplorerViews.text(lang)}>
            <div class="explorer-tabs" role="tablist" aria-label={Msg::UiExplorerViews.text(lang)} {onkeydown}>
                { for TABS.iter().map(|&(t, label, key)| {
                    let selected = *tab == t;
                    let onclick = { let tab = tab.clone(); Callback::from(move |_: MouseEvent| tab.set(t)) };
                    html! {
                        <button type="button" role="tab" id={format!("explorer-tab-{key}")}
                            class={classes!("explorer-tab", selected.then_some("is-active"))}
                            aria-selected={selected.to_string()}
                            aria-controls={format!("explorer-view-{key}")}
                            tabindex={if selected { "0" } else { "-1" }}
                            {onclick}>
                            { label.text(lang) }
                        </button>
                    }
                }) }
            </div>
            <div class="explorer-view" role="tabpanel" id={format!("explorer-view-{}", current.2)}
                aria-labelledby={format!("explorer-tab-{}", current.2)}>
                { match *tab {
                    ExplorerTab::Topics => html! {
                        <section class="panel" aria-labelledby="topics-heading">
                            <h2 id="topics-heading">{ Msg::UiTopicExplorer.text(lang) }</h2>
                            <TopicExplorer {lang} on_publish_here={props.on_publish_here.clone()} />
                        </section>
                    },
                    ExplorerTab::Retained => html! { <RetainedInspector {lang} /> },
                    ExplorerTab::Packets => html! { <PacketInspector {lang} /> },
                } }
            </div>
        </section>
    }
}
