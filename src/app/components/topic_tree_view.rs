//! The topic tree itself (role `tree`, named "Topic tree"): one `treeitem`
//! per visible row, named by its level, with `aria-level` and, for rows with
//! children, `aria-expanded`. Each row shows its own / subtree message
//! counts, the last payload's preview and time, a retained marker and the
//! last QoS; rows a highlight filter matches are marked.
//!
//! Only rows in view are in the DOM: rows have one fixed height, so the
//! scroll position says which slice of the flattened rows to draw (plus a
//! margin above and below), inside a spacer as tall as all of them. That
//! keeps a tree of 10,000 expanded topics as cheap to draw as one of 30.
//!
//! Keyboard (one tab stop, `aria-activedescendant`): ↑/↓ move, → expands or
//! steps into, ← collapses or goes to the parent, Home/End, Enter or Space
//! selects.

use std::rc::Rc;

use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use crate::app::model::TreeRow;
use crate::app::services::browser::clock_time;
use crate::i18n::{Lang, Msg};

/// Height of one row in CSS pixels; `styles/explorer.css` uses the same.
pub const ROW_HEIGHT: i32 = 28;
/// Rows drawn beyond each edge of the view, so a quick scroll shows no gap.
const MARGIN_ROWS: i32 = 12;
/// Height of the scroll container before it is measured.
const DEFAULT_VIEW_HEIGHT: i32 = 420;

/// [`TopicTreeView`]'s properties.
#[derive(Properties, PartialEq)]
pub struct TopicTreeViewProps {
    /// UI language.
    pub lang: Lang,
    /// Every visible row, flattened, in order.
    pub rows: Rc<Vec<TreeRow>>,
    /// The selected topic.
    pub selected: Option<AttrValue>,
    /// A row was chosen (click, Enter, Space).
    pub on_select: Callback<String>,
    /// A row's children were shown or hidden.
    pub on_toggle: Callback<String>,
}

/// See the module docs.
#[function_component]
pub fn TopicTreeView(props: &TopicTreeViewProps) -> Html {
    let lang = props.lang;
    let viewport = use_node_ref();
    let scroll_top = use_state_eq(|| 0i32);
    let view_height = use_state_eq(|| DEFAULT_VIEW_HEIGHT);
    let focused = use_state_eq(|| 0usize);
    let rows = &props.rows;
    let count = rows.len();
    let focus = (*focused).min(count.saturating_sub(1));

    let onscroll = {
        let (scroll_top, view_height) = (scroll_top.clone(), view_height.clone());
        Callback::from(move |e: Event| {
            let el = e.target_unchecked_into::<Element>();
            scroll_top.set(el.scroll_top());
            view_height.set(el.client_height().max(ROW_HEIGHT));
        })
    };

    // Moves the focus to row `i`, scrolling it into view.
    let move_focus = {
        let (viewport, focused) = (viewport.clone(), focused.clone());
        let (scroll_top, view_height) = (scroll_top.clone(), view_height.clone());
        move |i: usize| {
            focused.set(i);
            if let Some(el) = viewport.cast::<Element>() {
                let top = i as i32 * ROW_HEIGHT;
                let height = el.client_height().max(ROW_HEIGHT);
                let current = el.scroll_top();
                let next = if top < current {
                    top
                } else if top + ROW_HEIGHT > current + height {
                    top + ROW_HEIGHT - height
                } else {
                    current
                };
                if next != current {
                    el.set_scroll_top(next);
                }
                scroll_top.set(next);
                view_height.set(height);
            }
        }
    };

    let onkeydown = {
        let rows = rows.clone();
        let (on_select, on_toggle) = (props.on_select.clone(), props.on_toggle.clone());
        let page = ((*view_height / ROW_HEIGHT).max(1)) as usize;
        Callback::from(move |e: KeyboardEvent| {
            let Some(row) = rows.get(focus) else {
                return;
            };
            let last = rows.len() - 1;
            match e.key().as_str() {
                "ArrowDown" => move_focus((focus + 1).min(last)),
                "ArrowUp" => move_focus(focus.saturating_sub(1)),
                "PageDown" => move_focus((focus + page).min(last)),
                "PageUp" => move_focus(focus.saturating_sub(page)),
                "Home" => move_focus(0),
                "End" => move_focus(last),
                "ArrowRight" => {
                    if row.has_children && !row.expanded {
                        on_toggle.emit(row.path.clone());
                    } else if row.has_children {
                        move_focus((focus + 1).min(last));
                    }
                }
                "ArrowLeft" => {
                    if row.has_children && row.expanded {
                        on_toggle.emit(row.path.clone());
                    } else if let Some(parent) =
                        rows[..focus].iter().rposition(|r| r.depth + 1 == row.depth)
                    {
                        move_focus(parent);
                    }
                }
                "Enter" | " " => on_select.emit(row.path.clone()),
                _ => return,
            }
            e.prevent_default();
        })
    };

    // The slice of rows in view, plus the margins.
    let first = (*scroll_top / ROW_HEIGHT - MARGIN_ROWS).max(0) as usize;
    let shown = (*view_height / ROW_HEIGHT + 2 * MARGIN_ROWS + 1) as usize;
    let last = (first + shown).min(count);
    let first = first.min(last);
    let active = rows.get(focus).map(|_| format!("tree-row-{focus}"));

    html! {
        <div class="topic-tree-viewport" ref={viewport} {onscroll}>
            <div
                class="topic-tree"
                role="tree"
                aria-label={Msg::UiTopicTree.text(lang)}
                tabindex="0"
                aria-activedescendant={active}
                {onkeydown}
                style={format!("height: {}px", count as i32 * ROW_HEIGHT)}
            >
                { for rows[first..last].iter().enumerate().map(|(k, row)| {
                    let i = first + k;
                    let selected = props.selected.as_deref() == Some(row.path.as_str());
                    let onclick = {
                        let (focused, on_select) = (focused.clone(), props.on_select.clone());
                        let path = row.path.clone();
                        Callback::from(move |_: MouseEvent| {
                            focused.set(i);
                            on_select.emit(path.clone());
                        })
                    };
                    let on_twisty = {
                        let on_toggle = props.on_toggle.clone();
                        let path = row.path.clone();
                        Callback::from(move |e: MouseEvent| {
                            e.stop_propagation();
                            on_toggle.emit(path.clone());
                        })
                    };
                    html! {
                        <TreeRowView {lang} row={row.clone()} index={i} {selected}
                            focused={i == focus} {onclick} {on_twisty} />
                    }
                }) }
            </div>
        </div>
    }
}

/// [`TreeRowView`]'s properties.
#[derive(Properties, PartialEq)]
struct TreeRowViewProps {
    lang: Lang,
    row: TreeRow,
    index: usize,
    selected: bool,
    focused: bool,
    onclick: Callback<MouseEvent>,
    on_twisty: Callback<MouseEvent>,
}

/// One row, absolutely placed at its index.
#[function_component]
fn TreeRowView(props: &TreeRowViewProps) -> Html {
    let lang = props.lang;
    let row = &props.row;
    let class = classes!(
        "tree-row",
        props.selected.then_some("is-selected"),
        props.focused.then_some("is-focused"),
        row.highlighted.then_some("is-highlighted"),
    );
    let style = format!(
        "top: {}px; padding-left: {}rem",
        props.index as i32 * ROW_HEIGHT,
        0.25 + row.depth as f32 * 1.1
    );
    let twisty = if row.has_children {
        html! {
            <span class="tree-twisty" aria-hidden="true" onclick={props.on_twisty.clone()}>
                { if row.expanded { "▾" } else { "▸" } }
            </span>
        }
    } else {
        html! { <span class="tree-twisty" aria-hidden="true"></span> }
    };
    html! {
        <div
            id={format!("tree-row-{}", props.index)}
            {class}
            {style}
            role="treeitem"
            aria-label={row.name.clone()}
            aria-level={(row.depth + 1).to_string()}
            aria-expanded={row.has_children.then(|| row.expanded.to_string())}
            aria-selected={props.selected.to_string()}
            data-path={row.path.clone()}
            data-own={row.own_count.to_string()}
            data-subtree={row.subtree_count.to_string()}
            data-highlighted={row.highlighted.to_string()}
            onclick={props.onclick.clone()}
        >
            { twisty }
            <span class="tree-name">{ row.name.clone() }</span>
            if row.highlighted {
                <span class="visually-hidden">{ Msg::UiMatches.text(lang) }</span>
            }
            <span class="tree-counts" title={Msg::UiCountsTitle.text(lang)}>
                { format!("{} / {}", row.own_count, row.subtree_count) }
            </span>
            if let Some(qos) = row.qos {
                <span class="tree-qos">{ format!("Q{}", qos.as_u8()) }</span>
            }
            if row.retained {
                <span class="tree-retained" title={Msg::UiRetainedMarker.text(lang)}>
                    { "R" }
                    <span class="visually-hidden">{ Msg::UiRetainedMarker.text(lang) }</span>
                </span>
            }
            if let Some(preview) = &row.last_preview {
                <span class="tree-preview">{ preview.clone() }</span>
            }
            if let Some(t) = row.last_time_ms {
                <span class="tree-time">{ clock_time(t) }</span>
            }
        </div>
    }
}
