//! The retained inspector (region "Retained messages"): the retained
//! messages the broker delivered (topic, payload, QoS, when), a scan that
//! subscribes briefly to a filter to collect them, and clearing — one
//! message, or every one under a subtree — by publishing an empty retained
//! payload after a confirmation.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::{ConfirmDialog, TextField};
use crate::app::client::{use_app_state, use_client};
use crate::app::services::browser::clock_time;
use crate::i18n::{self, Lang, Msg};
use crate::protocol::codec::{QoS, SubscribeFilter, SubscriptionOptions};
use crate::protocol::session::OutgoingPublish;

/// How long a scan stays subscribed: retained messages come right after
/// the SUBACK, so a short wait collects them.
const SCAN_MS: u32 = 2_000;

/// [`RetainedInspector`]'s properties.
#[derive(Properties, PartialEq)]
pub struct RetainedInspectorProps {
    /// UI language.
    pub lang: Lang,
}

/// See the module docs.
#[function_component]
pub fn RetainedInspector(props: &RetainedInspectorProps) -> Html {
    let lang = props.lang;
    let state = use_app_state();
    let client = use_client();
    let scan_filter = use_state(|| String::from("#"));
    let clear_filter = use_state(String::new);
    let scanning = use_state_eq(|| false);
    let note = use_state_eq(|| None::<Msg>);
    // Why a clear could not be sent (e.g. not connected).
    let clear_error = use_state_eq(|| None::<String>);
    // Topics waiting for the user's confirmation.
    let confirming = use_state(|| None::<Vec<String>>);
    let connected = state.status.is_connected();
    let store = &state.explorer.retained;

    let on_scan = {
        let (client, state) = (client.clone(), state.clone());
        let (scan_filter, scanning, note) = (scan_filter.clone(), scanning.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let filter = scan_filter.trim().to_string();
            if filter.is_empty() {
                return;
            }
            // Never take over (and then remove) a subscription of the user's.
            if state.subscription(&filter).is_some() {
                note.set(Some(Msg::UiScanBusy));
                return;
            }
            note.set(None);
            let sub = SubscribeFilter {
                filter: filter.clone(),
                options: SubscriptionOptions::qos(QoS::AtLeastOnce),
            };
            if client.subscribe(sub).is_ok() {
                scanning.set(true);
                let (client, scanning) = (client.clone(), scanning.clone());
                Timeout::new(SCAN_MS, move || {
                    let _ = client.unsubscribe(&filter);
                    client.remove_subscription(&filter);
                    scanning.set(false);
                })
                .forget();
            }
        })
    };
    let ask_clear_under = {
        let (state, clear_filter, confirming) =
            (state.clone(), clear_filter.clone(), confirming.clone());
        Callback::from(move |_: MouseEvent| {
            let topics = state.explorer.retained.topics_under(clear_filter.trim());
            if !topics.is_empty() {
                confirming.set(Some(topics));
            }
        })
    };
    let on_confirm = {
        let (client, confirming, clear_error) =
            (client.clone(), confirming.clone(), clear_error.clone());
        Callback::from(move |_| {
            clear_error.set(None);
            for topic in confirming.as_deref().unwrap_or_default() {
                let msg = OutgoingPublish {
                    qos: QoS::AtLeastOnce,
                    retain: true,
                    ..OutgoingPublish::new(topic.clone(), Vec::new())
                };
                // The row goes when the broker confirms (PUBACK): the
                // explorer state matches the acknowledgement to the topic.
                if let Err(e) = client.publish(msg) {
                    clear_error.set(Some(format!("{topic}: {}", i18n::command_error(lang, &e))));
                    break;
                }
            }
            confirming.set(None);
        })
    };
    let on_cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(None))
    };

    html! {
        <section class="panel retained-inspector" aria-labelledby="retained-heading">
            <h2 id="retained-heading">{ Msg::UiRetainedMessages.text(lang) }</h2>
            <p class="hint">{ Msg::UiRetainedHint.text(lang) }</p>
            <div class="explorer-toolbar">
                <TextField id="retained-scan-filter" label={Msg::UiScanFilter.text(lang)}
                    value={(*scan_filter).clone()}
                    oninput={{ let f = scan_filter.clone(); Callback::from(move |s| f.set(s)) }}
                    class="mono-input" />
                <div class="explorer-buttons">
                    <button type="button" onclick={on_scan} disabled={!connected || *scanning}>
                        { if *scanning { Msg::UiScanning.text(lang) } else { Msg::UiScan.text(lang) } }
                    </button>
                </div>
                <TextField id="retained-clear-filter" label={Msg::UiSubtreeFilter.text(lang)}
                    value={(*clear_filter).clone()}
                    oninput={{ let f = clear_filter.clone(); Callback::from(move |s| f.set(s)) }}
                    placeholder="home/#"
                    class="mono-input" />
                <div class="explorer-buttons">
                    <button type="button" class="button-secondary" onclick={ask_clear_under}
                        disabled={!connected || clear_filter.trim().is_empty()}>
                        { Msg::UiClearAllUnder.text(lang) }
                    </button>
                </div>
            </div>
            if scan_filter.trim() == "#" {
                <p class="warning">{ Msg::UiScanWarning.text(lang) }</p>
            }
            if let Some(e) = (*clear_error).clone() {
                <p class="error" role="alert">{ e }</p>
            }
            if let Some(m) = *note {
                <p class="hint" aria-live="polite">{ m.text(lang) }</p>
            }
            if store.is_empty() {
                <p class="empty">{ Msg::UiNoRetained.text(lang) }</p>
            } else {
                <table class="retained-table">
                    <thead>
                        <tr>
                            <th scope="col">{ Msg::Topic.text(lang) }</th>
                            <th scope="col">{ Msg::Payload.text(lang) }</th>
                            <th scope="col">{ Msg::Qos.text(lang) }</th>
                            <th scope="col">{ Msg::UiReceivedAt.text(lang) }</th>
                            <th scope="col"><span class="visually-hidden">{ Msg::UiClear.text(lang) }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for store.iter().map(|(topic, entry)| {
                            let ask = {
                                let (confirming, topic) = (confirming.clone(), topic.to_string());
                                Callback::from(move |_: MouseEvent| confirming.set(Some(vec![topic.clone()])))
                            };
                            html! {
                                <tr>
                                    <td class="mono">{ topic.to_string() }</td>
                                    <td class="mono retained-payload">{ entry.payload.preview() }</td>
                                    <td>{ entry.qos.as_u8() }</td>
                                    <td class="mono">{ clock_time(entry.time_ms) }</td>
                                    <td>
                                        <button type="button" class="button-secondary" onclick={ask}
                                            disabled={!connected}
                                            aria-label={format!("{} {}", Msg::UiClear.text(lang), topic)}>
                                            { Msg::UiClear.text(lang) }
                                        </button>
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            }
            if let Some(topics) = &*confirming {
                <ConfirmDialog {lang} id="retained-confirm"
                    title={Msg::UiConfirmClearTitle.text(lang)}
                    body={Msg::UiConfirmClearBody.text(lang)}
                    items={topics.clone()}
                    confirm={Msg::UiClear.text(lang)}
                    {on_confirm} {on_cancel} />
            }
        </section>
    }
}
