//! A small live line chart (SVG) of a topic's numeric values over time,
//! scaled to the values shown, with the lowest and highest value labelled.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{Lang, Msg};

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 120.0;
const PAD: f64 = 6.0;

/// [`ValueChart`]'s properties.
#[derive(Properties, PartialEq)]
pub struct ValueChartProps {
    /// UI language.
    pub lang: Lang,
    /// (time in ms, value), oldest first.
    pub points: Rc<Vec<(u64, f64)>>,
}

/// See the module docs.
#[function_component]
pub fn ValueChart(props: &ValueChartProps) -> Html {
    let pts = &props.points;
    let (Some(first), Some(last)) = (pts.first(), pts.last()) else {
        return html! {};
    };
    let (t0, t1) = (first.0 as f64, last.0 as f64);
    let (lo, hi) = pts
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
            (lo.min(p.1), hi.max(p.1))
        });
    let span_t = (t1 - t0).max(1.0);
    let span_v = if hi > lo { hi - lo } else { 1.0 };
    let line: String = pts
        .iter()
        .enumerate()
        .map(|(i, &(t, v))| {
            // Equal times (a burst) spread evenly instead of stacking.
            let x = if t1 > t0 {
                (t as f64 - t0) / span_t
            } else {
                i as f64 / (pts.len() - 1).max(1) as f64
            };
            let x = PAD + x * (WIDTH - 2.0 * PAD);
            let y = HEIGHT - PAD - (v - lo) / span_v * (HEIGHT - 2.0 * PAD);
            format!("{x:.1},{y:.1} ")
        })
        .collect();
    html! {
        <figure class="value-chart">
            <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
                aria-label={format!("{}: {} … {}", Msg::UiChart.text(props.lang), lo, hi)}
                preserveAspectRatio="none">
                <polyline class="value-chart-line" points={line} fill="none" />
            </svg>
            <figcaption class="value-chart-range">
                <span>{ format!("{} {lo}", Msg::UiChartLowest.text(props.lang)) }</span>
                <span>{ format!("{} {hi}", Msg::UiChartHighest.text(props.lang)) }</span>
            </figcaption>
        </figure>
    }
}
