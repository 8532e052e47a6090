//! The sandbox broker's view: its clients (sessions, subscriptions, queues,
//! Will), the retained store, the simulated network toward each client, and
//! the log of what it decided and why. Only a simulated broker can show
//! this much, so the learner can watch the broker's side of every lesson.
//!
//! It reads the page's sandbox through `transport::sandbox` (a snapshot,
//! refreshed only when the broker has done something) while the section is
//! open.

use gloo::timers::callback::Interval;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::broker::{BrokerLog, BrokerSnapshot, ClientView};
use crate::i18n::{self, Lang, Msg};
use crate::protocol::codec::PacketType;
use crate::transport::sandbox::{self, Conditions};

/// [`BrokerView`]'s properties.
#[derive(Properties, PartialEq)]
pub struct BrokerViewProps {
    /// UI language.
    pub lang: Lang,
}

/// Newest decisions shown.
const LOG_SHOWN: usize = 60;

#[derive(Clone, PartialEq, Default)]
struct View {
    generation: u64,
    snapshot: BrokerSnapshot,
    conditions: std::collections::HashMap<String, Conditions>,
    log: Vec<BrokerLog>,
}

fn read() -> View {
    let (snapshot, conditions) = sandbox::snapshot();
    let log = sandbox::recent_log();
    View {
        generation: sandbox::generation(),
        snapshot,
        conditions,
        log,
    }
}

/// See the module docs.
#[function_component]
pub fn BrokerView(props: &BrokerViewProps) -> Html {
    let lang = props.lang;
    let open = use_state(|| false);
    let view = use_state(View::default);
    {
        let view = view.clone();
        use_effect_with(*open, move |open| {
            let interval = open.then(|| {
                view.set(read());
                let view = view.clone();
                Interval::new(400, move || {
                    if sandbox::generation() != view.generation {
                        view.set(read());
                    }
                })
            });
            move || drop(interval)
        });
    }
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(details.open());
        })
    };
    let refresh = {
        let view = view.clone();
        Callback::from(move |_| view.set(read()))
    };
    html! {
        <section class="panel broker-view" aria-labelledby="broker-view-heading">
            <details ontoggle={on_toggle}>
                <summary><h2 id="broker-view-heading">{ Msg::SandboxBroker.text(lang) }</h2></summary>
                <p class="hint">{ Msg::SandboxBrokerIntro.text(lang) }</p>
                if sandbox::is_relay() {
                    <p class="hint">{ Msg::SandboxRelay.text(lang) }</p>
                }
                <h3>{ Msg::SandboxClients.text(lang) }</h3>
                if view.snapshot.clients.is_empty() {
                    <p class="empty">{ Msg::SandboxNoClients.text(lang) }</p>
                } else {
                    <ul class="broker-clients">
                        { for view.snapshot.clients.iter().map(|c| html! {
                            <ClientRow {lang} client={c.clone()}
                                conditions={view.conditions.get(&c.client_id).cloned().unwrap_or_default()}
                                on_change={refresh.clone()} />
                        }) }
                    </ul>
                }
                <h3>{ Msg::SandboxRetained.text(lang) }</h3>
                if view.snapshot.retained.is_empty() {
                    <p class="empty">{ Msg::SandboxNoRetained.text(lang) }</p>
                } else {
                    <ul class="broker-retained">
                        { for view.snapshot.retained.iter().map(|r| html! {
                            <li>
                                <code class="topic">{ &r.topic }</code>
                                <span class="badge">{ format!("QoS {}", r.qos.as_u8()) }</span>
                                <span class="payload-preview">{ String::from_utf8_lossy(&r.payload).chars().take(80).collect::<String>() }</span>
                            </li>
                        }) }
                    </ul>
                }
                <h3>{ Msg::SandboxLog.text(lang) }</h3>
                if view.log.is_empty() {
                    <p class="empty">{ Msg::SandboxNoLog.text(lang) }</p>
                } else {
                    <ol class="broker-log" reversed=true>
                        { for view.log.iter().rev().take(LOG_SHOWN).map(|entry| html! {
                            <li>{ i18n::broker_log(lang, entry) }</li>
                        }) }
                    </ol>
                }
            </details>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ClientRowProps {
    lang: Lang,
    client: ClientView,
    conditions: Conditions,
    on_change: Callback<()>,
}

#[function_component]
fn ClientRow(props: &ClientRowProps) -> Html {
    let lang = props.lang;
    let c = &props.client;
    let id = c.client_id.clone();
    let set = {
        let id = id.clone();
        let base = props.conditions.clone();
        let on_change = props.on_change.clone();
        move |f: Box<dyn Fn(&mut Conditions)>| {
            let mut next = base.clone();
            f(&mut next);
            sandbox::set_conditions(&id, next);
            on_change.emit(());
        }
    };
    let on_latency = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            let v: HtmlInputElement = e.target_unchecked_into();
            let ms = v.value().trim().parse::<u32>().unwrap_or(0).min(10_000);
            set(Box::new(move |c| c.latency_ms = ms));
        })
    };
    let on_loss = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            let v: HtmlInputElement = e.target_unchecked_into();
            let pct = v
                .value()
                .trim()
                .parse::<f64>()
                .unwrap_or(0.0)
                .clamp(0.0, 100.0);
            set(Box::new(move |c| c.loss = pct / 100.0));
        })
    };
    let lose = |t: PacketType| {
        let set = set.clone();
        Callback::from(move |_: MouseEvent| set(Box::new(move |c| c.drop_next.push(t))))
    };
    let state = if c.connected {
        Msg::SandboxOnline
    } else {
        Msg::SandboxOffline
    };
    let slug: String = id
        .chars()
        .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '-' })
        .collect();
    let latency_id = format!("latency-{slug}");
    let loss_id = format!("loss-{slug}");
    html! {
        <li class="broker-client">
            <div class="broker-client-head">
                <code>{ &c.client_id }</code>
                <span class={classes!("badge", c.connected.then_some("badge--on"))}>{ state.text(lang) }</span>
                <span class="badge">{ c.version.to_string() }</span>
                if c.has_will { <span class="badge">{ Msg::SandboxWillSet.text(lang) }</span> }
            </div>
            <dl class="broker-client-facts">
                <dt>{ Msg::SandboxSubscriptions.text(lang) }</dt>
                <dd>{ c.subscriptions.iter().map(|(f, q)| format!("{f} (QoS {})", q.as_u8())).collect::<Vec<_>>().join(", ") }</dd>
                <dt>{ Msg::SandboxQueued.text(lang) }</dt><dd>{ c.queued }</dd>
                <dt>{ Msg::SandboxInFlight.text(lang) }</dt><dd>{ c.inflight }</dd>
            </dl>
            <fieldset class="broker-network">
                <legend>{ Msg::SandboxNetwork.text(lang) }</legend>
                <label for={latency_id.clone()}>{ Msg::SandboxLatency.text(lang) }</label>
                <input id={latency_id} type="number" min="0" max="10000" step="50"
                    value={props.conditions.latency_ms.to_string()} onchange={on_latency} />
                <label for={loss_id.clone()}>{ Msg::SandboxLoss.text(lang) }</label>
                <input id={loss_id} type="number" min="0" max="100" step="5"
                    value={format!("{}", (props.conditions.loss * 100.0).round())} onchange={on_loss} />
                <button type="button" class="button-secondary" onclick={lose(PacketType::PubAck)}>
                    { Msg::SandboxLoseNextPubAck.text(lang) }
                </button>
                <button type="button" class="button-secondary" onclick={lose(PacketType::PubRec)}>
                    { Msg::SandboxLoseNextPubRec.text(lang) }
                </button>
                <p class="hint">{ Msg::SandboxLossHint.text(lang) }</p>
            </fieldset>
        </li>
    }
}
