//! The page layout: header with the status, then three columns —
//! connection | subscribe + publish | messages + statistics — which
//! collapse to one on narrow screens. It reads the app state and hands
//! each panel its part.

use yew::prelude::*;

use super::{
    BrokerView, ConnectionPanel, Header, MessageLog, PublishPanel, StatsPanel, SubscribePanel,
};
use crate::app::client::use_app_state;
use crate::app::hooks::use_page_query;

/// See the module docs.
#[function_component]
pub fn Shell() -> Html {
    let state = use_app_state();
    let query = use_page_query();
    let lang = state.lang;
    // Options follow the live connection, else the last one (5.0 at first).
    let version = state
        .status
        .negotiated()
        .map_or(state.version, |n| n.version);
    html! {
        <>
            <Header {lang} status={state.status.clone()} now_ms={state.now_ms} />
            <main class="layout">
                <div class="column column--connection">
                    <ConnectionPanel {lang} status={state.status.clone()}
                        profiles={state.profiles.clone()}
                        initial_url={query.broker.clone().map(AttrValue::from)} />
                    <BrokerView {lang} />
                </div>
                <div class="column column--pubsub">
                    <SubscribePanel {lang} {version} subscriptions={state.subscriptions.clone()} />
                    <PublishPanel {lang} {version} publishes={state.publishes.clone()} />
                </div>
                <div class="column column--messages">
                    <MessageLog {lang} log={state.log.clone()} filter={state.log_filter.clone()} />
                    <StatsPanel {lang} stats={state.stats.clone()} now_ms={state.now_ms} />
                </div>
            </main>
        </>
    }
}
