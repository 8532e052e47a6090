//! One packet's bytes as hex, 16 to a row, each byte coloured by the field
//! it belongs to, beside the list of fields (name, value, meaning, and the
//! bits of a flags byte) from the codec's own field spans. Pointing at a
//! field highlights its bytes. A malformed packet is shown up to the byte
//! where decoding failed, with the error.

use yew::prelude::*;

use crate::app::model::{explain, hex_rows};
use crate::i18n::{Lang, Msg};
use crate::protocol::codec::ProtocolVersion;

/// Colours cycled through the fields (CSS classes `field-c0` … `field-c5`).
const COLOURS: usize = 6;

/// [`PacketBytes`]'s properties.
#[derive(Properties, PartialEq)]
pub struct PacketBytesProps {
    /// UI language.
    pub lang: Lang,
    /// The packet as it crossed the wire.
    pub bytes: Vec<u8>,
    /// The connection's version (property layout differs).
    pub version: ProtocolVersion,
    /// The packet type's name.
    pub name: AttrValue,
    /// Why it could not be decoded, if so.
    pub error: Option<String>,
}

/// See the module docs.
#[function_component]
pub fn PacketBytes(props: &PacketBytesProps) -> Html {
    let lang = props.lang;
    let hovered = use_state_eq(|| None::<usize>);
    let explained = use_memo(
        (props.bytes.clone(), props.version, lang),
        |(bytes, version, lang)| explain(bytes, *version, *lang),
    );
    let rows = hex_rows(&props.bytes, 16);
    let error = explained.error.clone().or_else(|| props.error.clone());

    html! {
        <div class="packet-bytes" aria-label={format!("{} {}", Msg::UiPacketBytes.text(lang), props.name)}>
            <h3>{ format!("{} · {} {}", props.name, props.bytes.len(), Msg::UiBytesUnit.text(lang)) }</h3>
            <div class="hex-view mono" aria-label={Msg::UiPacketBytes.text(lang)}>
                { for rows.iter().map(|row| html! {
                    <div class="hex-row">
                        <span class="hex-offset">{ format!("{:04x}", row.offset) }</span>
                        { for row.hex().into_iter().enumerate().map(|(k, h)| {
                            let at = row.offset + k;
                            let field = explained.field_at(at);
                            let class = classes!(
                                "hex-byte",
                                field.map(|f| format!("field-c{}", f % COLOURS)),
                                (field.is_some() && field == *hovered).then_some("is-hovered"),
                                (at >= explained.total).then_some("is-unparsed"),
                            );
                            html! { <span {class} data-offset={at.to_string()}>{ h }</span> }
                        }) }
                    </div>
                }) }
            </div>
            if let Some(e) = error {
                <p class="form-error packet-error">
                    <strong>{ Msg::UiMalformed.text(lang) }</strong>{ ": " }{ e }
                </p>
            }
            <table class="field-table">
                <thead>
                    <tr>
                        <th scope="col">{ Msg::UiBytesUnit.text(lang) }</th>
                        <th scope="col">{ Msg::UiField.text(lang) }</th>
                        <th scope="col">{ Msg::UiValue.text(lang) }</th>
                        <th scope="col">{ Msg::UiMeaning.text(lang) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for explained.fields.iter().enumerate().map(|(i, f)| {
                        let enter = { let h = hovered.clone(); Callback::from(move |_: MouseEvent| h.set(Some(i))) };
                        let leave = { let h = hovered.clone(); Callback::from(move |_: MouseEvent| h.set(None)) };
                        let bytes = props.bytes.get(f.range.clone()).unwrap_or_default();
                        let hex: Vec<String> = bytes.iter().take(24).map(|b| format!("{b:02X}")).collect();
                        html! {
                            <tr class={classes!("field-row", format!("field-c{}", i % COLOURS),
                                    (*hovered == Some(i)).then_some("is-hovered"))}
                                onmouseenter={enter} onmouseleave={leave}>
                                <td class="mono field-bytes">
                                    { hex.join(" ") }{ if bytes.len() > 24 { " …" } else { "" } }
                                </td>
                                <th scope="row">{ f.name.clone() }</th>
                                <td class="mono">{ f.value.clone() }</td>
                                <td>
                                    { f.meaning.clone() }
                                    if !f.bits.is_empty() {
                                        <ul class="bit-list">
                                            { for f.bits.iter().map(|b| html! {
                                                <li>
                                                    <span class="mono">{
                                                        if b.high == b.low { format!("{} {}", Msg::UiBit.text(lang), b.high) }
                                                        else { format!("{} {}–{}", Msg::UiBit.text(lang), b.high, b.low) }
                                                    }</span>
                                                    { format!(" {} = {}", b.name, b.value) }
                                                    if !b.meaning.is_empty() { { format!(" — {}", b.meaning) } }
                                                </li>
                                            }) }
                                        </ul>
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
