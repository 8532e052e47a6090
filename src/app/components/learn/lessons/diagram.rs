//! Pieces of the lessons' live diagrams (SVG): boxes for clients and the
//! broker, and edges that flash when a real packet crossed them. An edge
//! is keyed by the packet's sequence number, so each new packet makes a
//! new element and the `.edge--hot` animation starts again;
//! `prefers-reduced-motion` turns the animation into a colour change.

use yew::prelude::*;

use crate::app::learn::actor::{ActorState, Direction, WireEntry};
use crate::protocol::codec::PacketType;

/// How long an edge stays lit after a packet, in milliseconds.
pub const HOT_MS: u64 = 900;

/// A point in the diagram's coordinates.
pub type Point = (f64, f64);

/// The newest PUBLISH that went `direction` on a client's wire.
pub fn last_publish(state: &ActorState, direction: Direction) -> Option<&WireEntry> {
    state
        .wire
        .iter()
        .rev()
        .find(|w| w.direction == direction && w.packet_type == PacketType::Publish)
}

/// An edge from `from` to `to` with an arrowhead (`marker`: the id of a
/// `<marker>` in the same SVG), lit if `last` happened less than
/// [`HOT_MS`] before `now_ms`.
pub fn edge(
    id: &str,
    from: Point,
    to: Point,
    last: Option<&WireEntry>,
    now_ms: u64,
    marker: &str,
    class: Classes,
) -> Html {
    let hot = last.is_some_and(|w| now_ms.saturating_sub(w.at_ms) < HOT_MS);
    let key = format!("{id}-{}", last.map_or(0, |w| w.seq));
    html! {
        <g class="edge-wrap">
            <line key={key} class={classes!("edge", hot.then_some("edge--hot"), class)}
                x1={from.0.to_string()} y1={from.1.to_string()}
                x2={to.0.to_string()} y2={to.1.to_string()}
                marker-end={format!("url(#{marker})")} />
        </g>
    }
}

/// A static edge (no packets behind it).
pub fn plain_edge(from: Point, to: Point, marker: &str, class: Classes) -> Html {
    html! {
        <line class={classes!("edge", class)}
            x1={from.0.to_string()} y1={from.1.to_string()}
            x2={to.0.to_string()} y2={to.1.to_string()}
            marker-end={format!("url(#{marker})")} />
    }
}

/// The arrowhead `<marker>` the edges point with.
pub fn arrow_marker(id: &str) -> Html {
    html! {
        <defs>
            <marker id={id.to_string()} viewBox="0 0 8 8" refX="7" refY="4" markerUnits="userSpaceOnUse"
                markerWidth="9" markerHeight="9" orient="auto-start-reverse">
                <path class="arrow" d="M0,0 L8,4 L0,8 z" />
            </marker>
        </defs>
    }
}

/// A box at `(x, y)` (top left) of `w` × `h` with one or two centred
/// lines of text.
pub fn node(x: f64, y: f64, w: f64, h: f64, title: &str, detail: &str, class: Classes) -> Html {
    let cx = x + w / 2.0;
    let (ty, dy) = if detail.is_empty() {
        (y + h / 2.0 + 4.5, 0.0)
    } else {
        (y + h / 2.0 - 3.0, y + h / 2.0 + 13.0)
    };
    html! {
        <g class={classes!("node", class)}>
            <rect x={x.to_string()} y={y.to_string()} width={w.to_string()} height={h.to_string()} rx="6" />
            <text x={cx.to_string()} y={ty.to_string()} text-anchor="middle" class="node-title">{ title.to_string() }</text>
            if !detail.is_empty() {
                <text x={cx.to_string()} y={dy.to_string()} text-anchor="middle" class="node-detail">{ detail.to_string() }</text>
            }
        </g>
    }
}
