//! The topic explorer: a search box, Expand all / Collapse all, the
//! highlight filter (which topics does `home/+/temperature` match?), the
//! tree, and beside it the selected topic's detail.

use std::rc::Rc;

use yew::prelude::*;

use super::{TextField, TopicDetail, TopicTreeView};
use crate::app::client::{use_app_state, use_client};
use crate::app::state::Action;
use crate::i18n::{Lang, Msg};

/// [`TopicExplorer`]'s properties.
#[derive(Properties, PartialEq)]
pub struct TopicExplorerProps {
    /// UI language.
    pub lang: Lang,
    /// "Publish here" was pressed on this topic.
    pub on_publish_here: Callback<String>,
}

/// See the module docs.
#[function_component]
pub fn TopicExplorer(props: &TopicExplorerProps) -> Html {
    let lang = props.lang;
    let state = use_app_state();
    let client = use_client();
    let explorer = &state.explorer;
    let view = &explorer.tree_view;
    let rows = Rc::new(explorer.tree.rows(view));
    let act = |f: fn(String) -> Action| {
        let client = client.clone();
        Callback::from(move |s: String| client.explorer(f(s)))
    };
    let on_select = {
        let client = client.clone();
        Callback::from(move |path: String| client.explorer(Action::SelectTopic(Some(path))))
    };
    let expand_all = {
        let client = client.clone();
        Callback::from(move |_: MouseEvent| client.explorer(Action::SetExpandAll(true)))
    };
    let collapse_all = {
        let client = client.clone();
        Callback::from(move |_: MouseEvent| client.explorer(Action::SetExpandAll(false)))
    };
    let clear = {
        let client = client.clone();
        Callback::from(move |_: MouseEvent| client.explorer(Action::ClearTree))
    };
    let selected = explorer.selected_topic.clone().map(AttrValue::from);
    let node = explorer
        .selected_topic
        .as_deref()
        .and_then(|p| explorer.tree.node(p));

    html! {
        <div class="topic-explorer">
            <div class="explorer-toolbar">
                <TextField
                    id="tree-search"
                    label={Msg::UiTreeSearch.text(lang)}
                    value={view.search.clone()}
                    oninput={act(Action::SetTreeSearch)}
                    placeholder="temperature"
                    class="mono-input"
                />
                <TextField
                    id="tree-highlight"
                    label={Msg::UiHighlightFilter.text(lang)}
                    value={view.highlight_filter.clone()}
                    oninput={act(Action::SetHighlightFilter)}
                    placeholder="home/+/temperature"
                    hint={Msg::UiHighlightHint.text(lang)}
                    class="mono-input"
                />
                <div class="explorer-buttons">
                    <button type="button" class="button-secondary" onclick={expand_all}>
                        { Msg::UiExpandAll.text(lang) }
                    </button>
                    <button type="button" class="button-secondary" onclick={collapse_all}>
                        { Msg::UiCollapseAll.text(lang) }
                    </button>
                    <button type="button" class="button-secondary" onclick={clear}>
                        { Msg::UiClearTree.text(lang) }
                    </button>
                </div>
            </div>
            <p class="explorer-summary">
                { format!("{}: {} · {}: {}",
                    Msg::UiTopicCount.text(lang), explorer.tree.topic_count(),
                    Msg::UiMessageCount.text(lang), explorer.tree.message_count()) }
            </p>
            <div class="topic-explorer-body">
                <div class="topic-tree-column">
                    if rows.is_empty() && explorer.tree.topic_count() == 0 {
                        <p class="empty">{ Msg::UiTreeEmpty.text(lang) }</p>
                    }
                    <TopicTreeView {lang} {rows} {selected} {on_select}
                        on_toggle={act(Action::ToggleExpanded)} />
                </div>
                <TopicDetail {lang} node={node.cloned()}
                    on_publish_here={props.on_publish_here.clone()} />
            </div>
        </div>
    }
}
