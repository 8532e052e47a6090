//! The selected topic: its path with "Publish here" and "Copy topic", the
//! full last payload (text, pretty JSON or hex), a live chart when the
//! payloads are numbers (or a JSON field the user picks holds one), and
//! the bounded history, newest first.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::ValueChart;
use crate::app::model::payload::hex;
use crate::app::model::topic_tree::payload_number;
use crate::app::model::{json_number_fields, numeric_series, PayloadView, TopicNode};
use crate::app::services::browser::{clock_time, copy_text};
use crate::i18n::{Lang, Msg};

/// How the last payload is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Readable,
    Text,
    Hex,
}

/// [`TopicDetail`]'s properties.
#[derive(Properties, PartialEq)]
pub struct TopicDetailProps {
    /// UI language.
    pub lang: Lang,
    /// The selected topic (or level), if any.
    pub node: Option<TopicNode>,
    /// "Publish here" was pressed.
    pub on_publish_here: Callback<String>,
}

/// See the module docs.
#[function_component]
pub fn TopicDetail(props: &TopicDetailProps) -> Html {
    let lang = props.lang;
    let shape = use_state_eq(|| Shape::Readable);
    let field = use_state_eq(|| None::<String>);
    let copied = use_state_eq(|| false);
    let Some(node) = &props.node else {
        return html! {
            <section class="topic-detail" aria-label={Msg::UiTopicDetail.text(lang)}>
                <p class="empty">{ Msg::UiSelectTopicHint.text(lang) }</p>
            </section>
        };
    };
    let path = node.path.clone();
    let publish_here = {
        let (cb, path) = (props.on_publish_here.clone(), path.clone());
        Callback::from(move |_: MouseEvent| cb.emit(path.clone()))
    };
    let copy = {
        let (copied, path) = (copied.clone(), path.clone());
        Callback::from(move |_: MouseEvent| {
            copy_text(&path);
            copied.set(true);
        })
    };
    let last = node.last_payload();
    let fields = last
        .map(|e| json_number_fields(&e.payload))
        .unwrap_or_default();
    // A field picked earlier that the payload no longer has is dropped;
    // a JSON payload that is not itself a number charts its first numeric
    // field until the user picks another.
    let plain_number = last.is_some_and(|e| payload_number(&e.payload).is_some());
    let chosen = (*field)
        .clone()
        .filter(|f| fields.contains(f))
        .or_else(|| (!plain_number).then(|| fields.first().cloned()).flatten());
    let series = Rc::new(numeric_series(node, chosen.as_deref()));
    let on_field = {
        let field = field.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            field.set((!v.is_empty()).then_some(v));
        })
    };
    let shape_button = |s: Shape, label: &'static str| {
        let shape = shape.clone();
        let pressed = *shape == s;
        html! {
            <button type="button" class="button-toggle" aria-pressed={pressed.to_string()}
                onclick={Callback::from(move |_: MouseEvent| shape.set(s))}>{ label }</button>
        }
    };
    let payload_text = last.map(|e| match *shape {
        Shape::Readable => PayloadView::of(&e.payload).text().to_string(),
        Shape::Text => String::from_utf8_lossy(&e.payload).into_owned(),
        Shape::Hex => hex(&e.payload),
    });

    html! {
        <section class="topic-detail" aria-label={Msg::UiTopicDetail.text(lang)}>
            <div class="topic-detail-head">
                <h3 class="topic-path mono">{ path.clone() }</h3>
                <div class="topic-detail-actions">
                    <button type="button" onclick={publish_here}>{ Msg::UiPublishHere.text(lang) }</button>
                    <button type="button" class="button-secondary" onclick={copy}>
                        { if *copied { Msg::UiCopied.text(lang) } else { Msg::UiCopyTopic.text(lang) } }
                    </button>
                </div>
            </div>
            <p class="topic-detail-counts">
                { format!("{}: {} / {}", Msg::UiMessageCount.text(lang), node.own_count, node.subtree_count) }
                if node.retained {
                    <span class="badge badge-retained">{ Msg::UiRetainedMarker.text(lang) }</span>
                }
            </p>
            if let Some(text) = payload_text {
                <div class="topic-last">
                    <div class="topic-last-head">
                        <h4>{ Msg::UiLastPayload.text(lang) }</h4>
                        <div class="toggle-group" role="group" aria-label={Msg::UiPayloadView.text(lang)}>
                            { shape_button(Shape::Readable, Msg::PayloadJson.text(lang)) }
                            { shape_button(Shape::Text, Msg::UiViewText.text(lang)) }
                            { shape_button(Shape::Hex, Msg::UiViewHex.text(lang)) }
                        </div>
                    </div>
                    <pre class="payload-full">{ text }</pre>
                </div>
            }
            <div class="topic-chart">
                <div class="topic-last-head">
                    <h4>{ Msg::UiChart.text(lang) }</h4>
                    if !fields.is_empty() {
                        <label class="chart-field">
                            { Msg::UiChartField.text(lang) }
                            <select onchange={on_field}>
                                if plain_number {
                                    <option value="" selected={chosen.is_none()}>{ "—" }</option>
                                }
                                { for fields.iter().map(|f| html! {
                                    <option value={f.clone()} selected={chosen.as_deref() == Some(f.as_str())}>
                                        { f.clone() }
                                    </option>
                                }) }
                            </select>
                        </label>
                    }
                </div>
                if series.len() >= 2 {
                    <ValueChart {lang} points={series.clone()} />
                } else {
                    <p class="empty">{ Msg::UiNoNumbers.text(lang) }</p>
                }
            </div>
            <div class="topic-history">
                <h4>{ Msg::UiHistory.text(lang) }</h4>
                <p class="hint">{ Msg::UiHistoryNote.text(lang) }</p>
                <ol class="history-list">
                    { for node.history.iter_newest_first().map(|e| html! {
                        <li class="history-entry">
                            <span class="history-time">{ clock_time(e.time_ms) }</span>
                            <span class="tree-qos">{ format!("Q{}", e.qos.as_u8()) }</span>
                            if e.retain {
                                <span class="tree-retained" title={Msg::UiRetainedMarker.text(lang)}>{ "R" }</span>
                            }
                            <span class="history-payload">{ PayloadView::of(&e.payload).preview() }</span>
                        </li>
                    }) }
                </ol>
            </div>
        </section>
    }
}
