//! The message log: received messages, newest first, filtered by topic,
//! with a Clear button and the log's cap in view.
//!
//! Only the rows in view are in the DOM, as in the topic tree: every row has
//! one fixed height (and the one expanded row a fixed extra height), so the
//! scroll position says which slice of the filtered entries to draw, plus a
//! margin above and below. The list is the scroll container; the rows sit
//! in normal flow between two hidden spacers as tall as the rows left out,
//! so it scrolls as far as all of them would. A log of 1,000 messages under a flood of
//! thousands a second thus draws about as much as one of 20.

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::{MessageRow, TextField};
use crate::app::client::use_client;
use crate::app::model::Ring;
use crate::app::state::{log_filter_matches, LogEntry};
use crate::i18n::{self, Lang, Msg};

/// Height of one collapsed row in CSS pixels, its gap included;
/// `styles/messages.css` lays a row out to fit.
pub const ROW_HEIGHT: i32 = 84;
/// What expanding a row adds to its height; the full payload scrolls inside.
pub const DETAIL_HEIGHT: i32 = 240;
/// Rows drawn beyond each edge of the view, so a quick scroll shows no gap.
const MARGIN_ROWS: i32 = 6;
/// Height of the scroll container before it is measured.
const DEFAULT_VIEW_HEIGHT: i32 = 640;

/// Which rows to draw: `first..last` of `count` rows, the `expanded` one
/// (an index) taller by [`DETAIL_HEIGHT`], for a view `height` pixels tall
/// scrolled to `top`. Returns the range and the padding above and below it.
pub fn window(
    count: usize,
    expanded: Option<usize>,
    top: i32,
    height: i32,
) -> (std::ops::Range<usize>, i32, i32) {
    let offset = |i: usize| {
        i as i32 * ROW_HEIGHT
            + if expanded.is_some_and(|x| x < i) {
                DETAIL_HEIGHT
            } else {
                0
            }
    };
    let index_at = |y: i32| -> i32 {
        let y = y.max(0);
        match expanded {
            Some(x) if y >= (x as i32 + 1) * ROW_HEIGHT => {
                (x as i32).max((y - DETAIL_HEIGHT) / ROW_HEIGHT)
            }
            _ => y / ROW_HEIGHT,
        }
    };
    let last = ((index_at(top + height) + MARGIN_ROWS + 1).max(0) as usize).min(count);
    let first = ((index_at(top) - MARGIN_ROWS).max(0) as usize).min(last);
    (first..last, offset(first), offset(count) - offset(last))
}

/// [`MessageLog`]'s properties.
#[derive(Properties, PartialEq)]
pub struct MessageLogProps {
    /// UI language.
    pub lang: Lang,
    /// The log.
    pub log: Ring<Rc<LogEntry>>,
    /// The filter text.
    pub filter: AttrValue,
}

/// See the module docs.
#[function_component]
pub fn MessageLog(props: &MessageLogProps) -> Html {
    let lang = props.lang;
    let client = use_client();
    let scroll_top = use_state_eq(|| 0i32);
    let view_height = use_state_eq(|| DEFAULT_VIEW_HEIGHT);
    // The `seq` of the one expanded row.
    let expanded = use_state_eq(|| None::<u64>);
    let on_filter = {
        let client = client.clone();
        Callback::from(move |s: String| client.set_log_filter(s))
    };
    let on_clear = Callback::from(move |_: MouseEvent| client.clear_log());
    let onscroll = {
        let (scroll_top, view_height) = (scroll_top.clone(), view_height.clone());
        Callback::from(move |e: Event| {
            let el = e.target_unchecked_into::<Element>();
            scroll_top.set(el.scroll_top());
            view_height.set(el.client_height().max(ROW_HEIGHT));
        })
    };
    // One callback for every row, so an unchanged row is not redrawn.
    let on_toggle = {
        let expanded = expanded.clone();
        use_callback(*expanded, move |seq: u64, current| {
            expanded.set((*current != Some(seq)).then_some(seq));
        })
    };
    let visible: Vec<&Rc<LogEntry>> = props
        .log
        .iter_newest_first()
        .filter(|e| log_filter_matches(&props.filter, &e.topic))
        .collect();
    let expanded_index = (*expanded).and_then(|seq| visible.iter().position(|e| e.seq == seq));
    let (range, pad_top, pad_bottom) =
        window(visible.len(), expanded_index, *scroll_top, *view_height);

    html! {
        <section class="panel messages-panel" aria-labelledby="messages-heading">
            <div class="panel-heading">
                <h2 id="messages-heading">{ Msg::Messages.text(lang) }</h2>
                <button type="button" class="button-secondary" onclick={on_clear}>
                    { Msg::ClearMessages.text(lang) }
                </button>
            </div>
            <TextField
                id="log-filter"
                label={Msg::FilterByTopic.text(lang)}
                value={props.filter.clone()}
                oninput={on_filter}
                kind="search"
                hint={Msg::FilterByTopicHint.text(lang)}
                class="mono-input"
            />
            <p class="log-count muted">
                { i18n::log_dropped(lang, props.log.len(), props.log.capacity(), props.log.dropped()) }
            </p>
            if props.log.is_empty() {
                <p class="muted empty">{ Msg::NoMessages.text(lang) }</p>
            } else if visible.is_empty() {
                <p class="muted empty">{ Msg::NoMatchingMessages.text(lang) }</p>
            } else {
                <ol class="message-list" tabindex="0" {onscroll}
                    aria-label={Msg::MessageListScroll.text(lang)}>
                    <li key="spacer-above" class="message-spacer" aria-hidden="true"
                        style={format!("height: {pad_top}px")}></li>
                    { for visible[range].iter().map(|e| {
                        let is_expanded = *expanded == Some(e.seq);
                        html! {
                            <MessageRow key={e.seq} {lang} entry={Rc::clone(e)}
                                expanded={is_expanded} on_toggle={on_toggle.clone()} />
                        }
                    }) }
                    <li key="spacer-below" class="message-spacer" aria-hidden="true"
                        style={format!("height: {pad_bottom}px")}></li>
                </ol>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_covers_the_view_and_pads_the_rest() {
        let in_view = (640 / ROW_HEIGHT) as usize;
        let margin = MARGIN_ROWS as usize;
        let (range, above, below) = window(1000, None, 0, 640);
        assert_eq!(range, 0..in_view + margin + 1);
        assert_eq!(above, 0);
        assert_eq!(below, (1000 - range.end as i32) * ROW_HEIGHT);

        let (range, above, below) = window(1000, None, 100 * ROW_HEIGHT, 640);
        assert_eq!(range, 100 - margin..100 + in_view + margin + 1);
        assert_eq!(
            above + below + range.len() as i32 * ROW_HEIGHT,
            1000 * ROW_HEIGHT
        );
    }

    #[test]
    fn an_expanded_row_moves_the_rows_after_it() {
        // Row 10 expanded; scrolled to the row just after its detail.
        let top = 11 * ROW_HEIGHT + DETAIL_HEIGHT;
        let (range, above, below) = window(1000, Some(10), top, ROW_HEIGHT);
        assert_eq!(range.start, 11 - MARGIN_ROWS as usize);
        assert_eq!(above, range.start as i32 * ROW_HEIGHT);
        let drawn = (range.len() as i32) * ROW_HEIGHT + DETAIL_HEIGHT;
        assert_eq!(above + drawn + below, 1000 * ROW_HEIGHT + DETAIL_HEIGHT);
        // Inside the detail, the expanded row is the one at the top.
        let (range, _, _) = window(1000, Some(10), 11 * ROW_HEIGHT + 5, 1);
        assert_eq!(range.start, 10 - MARGIN_ROWS as usize);
    }

    #[test]
    fn a_short_log_is_drawn_whole() {
        assert_eq!(window(3, None, 0, 640), (0..3, 0, 0));
        assert_eq!(window(0, None, 500, 640), (0..0, 0, 0));
    }
}
