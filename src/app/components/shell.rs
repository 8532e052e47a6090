//! The page layout: header with the status, then three columns —
//! connection | subscribe + publish | messages + statistics — which
//! collapse to one on narrow screens; below them the explorer views
//! (topics, retained messages, packets). It reads the app state and hands
//! each panel its part. With `#learn/…` in the address the lessons show
//! instead (the client stays mounted, hidden).

use yew::prelude::*;

use super::learn::LearnView;
use super::{
    BrokerView, ConnectionPanel, ExplorerPanel, Header, MessageLog, PublishPanel, StatsPanel,
    SubscribePanel,
};
use crate::app::client::use_app_state;
use crate::app::hooks::{use_page_query, use_route};
use crate::app::learn::course::Route;

/// See the module docs.
#[function_component]
pub fn Shell() -> Html {
    let state = use_app_state();
    let query = use_page_query();
    let route = use_route();
    // The client stays mounted (hidden) during a lesson, so what was typed
    // into its forms is still there on the way back.
    let learning = matches!(route, Route::Learn(_));
    let lang = state.lang;
    // "Publish here" from the topic explorer: a new request each press, so
    // the same topic twice still fills the form again.
    let prefill = use_state(|| None::<(u32, AttrValue)>);
    let on_publish_here = {
        let prefill = prefill.clone();
        Callback::from(move |topic: String| {
            let n = prefill.as_ref().map_or(0, |p| p.0 + 1);
            prefill.set(Some((n, topic.into())));
        })
    };
    // Options follow the live connection, else the last one (5.0 at first).
    let version = state
        .status
        .negotiated()
        .map_or(state.version, |n| n.version);
    html! {
        <>
            <Header {lang} status={state.status.clone()} now_ms={state.now_ms} {route} />
            if let Route::Learn(lesson) = route {
                <LearnView {lesson} />
            }
            <div class="client-view" hidden={learning}>
            <main class="layout">
                <div class="column column--connection">
                    <ConnectionPanel {lang} status={state.status.clone()}
                        profiles={state.profiles.clone()}
                        initial_url={query.broker.clone().map(AttrValue::from)} />
                    <BrokerView {lang} />
                </div>
                <div class="column column--pubsub">
                    <SubscribePanel {lang} {version} subscriptions={state.subscriptions.clone()} />
                    <PublishPanel {lang} {version} publishes={state.publishes.clone()}
                        prefill={(*prefill).clone()} />
                </div>
                <div class="column column--messages">
                    <MessageLog {lang} log={state.log.clone()} filter={state.log_filter.clone()} />
                    <StatsPanel {lang} stats={state.stats.clone()} now_ms={state.now_ms} />
                </div>
            </main>
            <div class="layout layout--explorer">
                <ExplorerPanel {lang} {on_publish_here} />
            </div>
            </div>
        </>
    }
}
