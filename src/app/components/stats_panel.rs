//! Statistics: messages received and sent, the current receive rate and
//! bytes in and out.

use yew::prelude::*;

use crate::app::client::use_client;
use crate::app::model::Stats;
use crate::i18n::{self, Lang, Msg};

/// [`StatsPanel`]'s properties.
#[derive(Properties, PartialEq)]
pub struct StatsPanelProps {
    /// UI language.
    pub lang: Lang,
    /// The counters.
    pub stats: Stats,
    /// The reducer's clock, for the rate.
    pub now_ms: u64,
}

/// See the module docs.
#[function_component]
pub fn StatsPanel(props: &StatsPanelProps) -> Html {
    let lang = props.lang;
    let client = use_client();
    let s = &props.stats;
    let rows = [
        (Msg::MessagesReceived, i18n::count(s.messages_received)),
        (Msg::MessagesSent, i18n::count(s.messages_sent)),
        (
            Msg::ReceiveRate,
            i18n::receive_rate(lang, s.receive_rate(props.now_ms)),
        ),
        (Msg::BytesIn, i18n::byte_count(lang, s.bytes_in)),
        (Msg::BytesOut, i18n::byte_count(lang, s.bytes_out)),
    ];
    let on_reset = Callback::from(move |_: MouseEvent| client.reset_stats());
    html! {
        <section class="panel stats-panel" aria-labelledby="stats-heading">
            <div class="panel-heading">
                <h2 id="stats-heading">{ Msg::Statistics.text(lang) }</h2>
                <button type="button" class="button-secondary" onclick={on_reset}>
                    { Msg::ResetStatistics.text(lang) }
                </button>
            </div>
            <dl class="stats">
                { for rows.into_iter().map(|(label, value)| html! {
                    <div class="stat">
                        <dt>{ label.text(lang) }</dt>
                        <dd>{ value }</dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}
