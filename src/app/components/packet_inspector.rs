//! The packet inspector (region "Packets"): a bounded live list of every
//! packet sent and received (direction, type, size, time, packet id),
//! filterable by type; the selected packet's bytes in [`PacketBytes`].

use std::collections::BTreeSet;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::PacketBytes;
use crate::app::client::{use_app_state, use_client};
use crate::app::model::{Direction, PacketFilter};
use crate::app::services::browser::clock_time;
use crate::app::state::Action;
use crate::i18n::{Lang, Msg};
use crate::protocol::codec::PacketType;

/// Rows drawn at most (the log itself keeps more; newest first).
const SHOWN: usize = 300;

/// [`PacketInspector`]'s properties.
#[derive(Properties, PartialEq)]
pub struct PacketInspectorProps {
    /// UI language.
    pub lang: Lang,
}

/// See the module docs.
#[function_component]
pub fn PacketInspector(props: &PacketInspectorProps) -> Html {
    let lang = props.lang;
    let state = use_app_state();
    let client = use_client();
    let explorer = &state.explorer;
    let filter = &explorer.packet_filter;
    let chosen = filter.types.iter().next().copied();

    let on_type = {
        let client = client.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let types: BTreeSet<PacketType> = v
                .parse::<u8>()
                .ok()
                .and_then(PacketType::from_u8)
                .into_iter()
                .collect();
            client.explorer(Action::SetPacketFilter(PacketFilter { types }));
        })
    };
    let on_clear = {
        let client = client.clone();
        Callback::from(move |_: MouseEvent| client.explorer(Action::ClearPackets))
    };
    let selected = explorer
        .selected_packet
        .and_then(|seq| explorer.packets.get(seq));

    html! {
        <section class="panel packet-inspector" aria-labelledby="packets-heading">
            <div class="panel-heading-row">
                <h2 id="packets-heading">{ Msg::UiPacketsHeading.text(lang) }</h2>
                <button type="button" class="button-secondary" onclick={on_clear}>
                    { Msg::UiClear.text(lang) }
                </button>
            </div>
            <div class="field packet-filter">
                <label for="packet-type-filter">{ Msg::UiPacketTypeFilter.text(lang) }</label>
                <select id="packet-type-filter" onchange={on_type}>
                    <option value="" selected={chosen.is_none()}>{ Msg::UiAllTypes.text(lang) }</option>
                    { for (1..=15u8).filter_map(PacketType::from_u8).map(|t| html! {
                        <option value={(t as u8).to_string()} selected={chosen == Some(t)}>{ t.name() }</option>
                    }) }
                </select>
            </div>
            <div class="packet-body">
                <div class="packet-list-wrap">
                    <table class="packet-table">
                        <thead>
                            <tr>
                                <th scope="col">{ Msg::UiDirection.text(lang) }</th>
                                <th scope="col">{ Msg::UiType.text(lang) }</th>
                                <th scope="col">{ Msg::UiSize.text(lang) }</th>
                                <th scope="col">{ Msg::UiTime.text(lang) }</th>
                                <th scope="col">{ Msg::UiPacketId.text(lang) }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for explorer.packets.entries(filter).take(SHOWN).map(|p| {
                                let seq = p.seq;
                                let is_selected = explorer.selected_packet == Some(seq);
                                let onclick = {
                                    let client = client.clone();
                                    Callback::from(move |_: MouseEvent| client.explorer(Action::SelectPacket(Some(seq))))
                                };
                                let (arrow, dir) = match p.direction {
                                    Direction::Sent => ("→", Msg::UiSent),
                                    Direction::Received => ("←", Msg::UiReceived),
                                };
                                let name = p.packet_type.map_or("?", |t| t.name());
                                html! {
                                    <tr class={classes!("packet-row", is_selected.then_some("is-selected"),
                                            p.error.is_some().then_some("is-malformed"))}
                                        aria-selected={is_selected.to_string()}>
                                        <td><span aria-hidden="true">{ arrow }</span>{ " " }{ dir.text(lang) }</td>
                                        <td>
                                            <button type="button" class="link-button" {onclick}
                                                aria-pressed={is_selected.to_string()}>{ name }</button>
                                            if p.error.is_some() {
                                                { " " }<span class="badge badge-error">{ Msg::UiMalformed.text(lang) }</span>
                                            }
                                        </td>
                                        <td>{ p.size }</td>
                                        <td class="mono">{ clock_time(p.time_ms) }</td>
                                        <td>{ p.packet_id.map(|id| id.to_string()).unwrap_or_default() }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                    if explorer.packets.is_empty() {
                        <p class="empty">{ Msg::UiNoPackets.text(lang) }</p>
                    }
                </div>
                if let Some(p) = selected {
                    <PacketBytes {lang} bytes={p.bytes.to_vec()} version={p.version}
                        name={p.packet_type.map_or("?", |t| t.name())} error={p.error.clone()} />
                } else {
                    <p class="empty packet-hint">{ Msg::UiSelectPacketHint.text(lang) }</p>
                }
            </div>
        </section>
    }
}
