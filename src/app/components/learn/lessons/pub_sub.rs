//! Lesson 2, client–server versus publish/subscribe: the same three
//! boards drawn both ways. Live, three virtual boards (each its own
//! connection) publish a reading a second to their own topics; a Display
//! subscribes with one wildcard filter; a Logger can join at run time.
//! The publish/subscribe diagram flashes an edge for every real PUBLISH,
//! and a table counts each client's PUBLISH packets in the last five
//! seconds: the boards' counts stay the same when the Logger joins, while
//! the broker's deliveries double.

use gloo::timers::callback::Interval;
use yew::prelude::*;

use super::diagram::{arrow_marker, edge, last_publish, node, plain_edge};
use crate::app::client::now_ms;
use crate::app::components::learn::{
    use_done_when, use_learn, ActorCard, LessonFrame, ShowCode, WireList,
};
use crate::app::hooks::{use_actor, ActorHandle, OnConnect};
use crate::app::learn::actor::{ActorState, Direction, Received};
use crate::app::learn::code::Action;
use crate::app::learn::course::LessonId;
use crate::app::learn::pub_sub::{
    board_reading, comparison_span, count_in_window, coupling, per_second, publish_times, Coupling,
    BOARDS, PUBLISH_EVERY_MS, WINDOW_MS,
};
use crate::app::learn::target::ClientSpec;
use crate::i18n;
use crate::i18n::learn::pub_sub::{self as text, PubSubMsg};
use crate::i18n::Lang;
use crate::protocol::codec::QoS;
use crate::protocol::session::CommandError;

/// The boards' topic under the prefix (`n` from 1).
fn board_topic(n: usize) -> String {
    format!("boards/{n}/temperature")
}

/// PUBLISH packets a client sent (boards) or received (subscribers) in the
/// window ending at `at_ms`.
fn window_count(state: &ActorState, direction: Direction, at_ms: u64) -> usize {
    span_count(state, direction, at_ms, WINDOW_MS)
}

/// The same over a span of `span_ms`.
fn span_count(state: &ActorState, direction: Direction, at_ms: u64, span_ms: u64) -> usize {
    count_in_window(&publish_times(&state.wire, direction), at_ms, span_ms)
}

/// The Logger joined: when, how long a span is compared, and each
/// board's count in the span before.
#[derive(Clone, PartialEq)]
struct Joined {
    at_ms: u64,
    span_ms: u64,
    before: Vec<usize>,
}

/// See the module docs.
#[function_component]
pub fn PubSubLesson() -> Html {
    let ctx = use_learn();
    let lang = ctx.lang;
    let boards = [use_actor(), use_actor(), use_actor()];
    let display = use_actor();
    let logger = use_actor();
    let running = use_state(|| false);
    let joined = use_state(|| None::<Joined>);
    let readings = use_state(|| vec![String::new(); BOARDS]);
    let error = use_state(|| None::<String>);
    let tick = use_mut_ref(|| 0u64);
    let started_at = use_mut_ref(|| 0u64);
    // A clock, so the counts and the lit edges follow time even when no
    // packet arrives (after "Stop boards").
    let clock = use_state(now_ms);
    {
        let clock = clock.setter();
        use_effect_with((), move |_| {
            let interval = Interval::new(500, move || clock.set(now_ms()));
            move || drop(interval)
        });
    }
    let now = now_ms().max(*clock);

    let board_specs: Vec<ClientSpec> = (1..=BOARDS)
        .map(|n| ClientSpec::new(ctx.client_id(&format!("board{n}"))))
        .collect();
    let board_topics: Vec<String> = (1..=BOARDS).map(|n| ctx.topic(&board_topic(n))).collect();
    let display_spec = ClientSpec::new(ctx.client_id("display"));
    let logger_spec = ClientSpec::new(ctx.client_id("logger"));
    let filter = ctx.topic("boards/+/temperature");

    // The boards publish while running: one interval, each board its own
    // connection.
    {
        let boards: Vec<ActorHandle> = boards.to_vec();
        let topics = board_topics.clone();
        let (readings, error, tick) = (readings.setter(), error.setter(), tick.clone());
        use_effect_with((*running, lang), move |&(running, lang)| {
            let interval = running.then(|| {
                Interval::new(PUBLISH_EVERY_MS, move || {
                    let t = {
                        let mut t = tick.borrow_mut();
                        *t += 1;
                        *t
                    };
                    let mut sent = Vec::with_capacity(BOARDS);
                    for (i, (board, topic)) in boards.iter().zip(&topics).enumerate() {
                        let reading = board_reading(i, t);
                        match board.publish(topic, &reading, QoS::AtMostOnce, false) {
                            Ok(_) => sent.push(reading),
                            // Still connecting: this tick is skipped.
                            Err(CommandError::NotConnected) => sent.push(String::new()),
                            Err(e) => {
                                error.set(Some(i18n::command_error(lang, &e)));
                                sent.push(String::new());
                            }
                        }
                    }
                    readings.set(sent);
                })
            });
            move || drop(interval)
        });
    }

    let on_start = {
        let (boards, display, running, joined, error, started_at) = (
            boards.clone(),
            display.clone(),
            running.clone(),
            joined.clone(),
            error.clone(),
            started_at.clone(),
        );
        let (target, specs, display_spec, filter) = (
            ctx.target.clone(),
            board_specs.clone(),
            display_spec.clone(),
            filter.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            error.set(None);
            joined.set(None);
            *started_at.borrow_mut() = now_ms();
            if !display.state().status.is_active() {
                display.clear();
                display.connect(
                    &target,
                    &display_spec,
                    vec![OnConnect::Subscribe(filter.clone(), QoS::AtMostOnce)],
                );
            }
            for (board, spec) in boards.iter().zip(&specs) {
                board.clear();
                board.connect(&target, spec, vec![]);
            }
            running.set(true);
        })
    };
    let on_stop = {
        let (boards, running) = (boards.clone(), running.clone());
        Callback::from(move |_: MouseEvent| {
            running.set(false);
            for b in &boards {
                b.disconnect();
            }
        })
    };
    let on_add = {
        let (boards, logger, joined, started_at) = (
            boards.clone(),
            logger.clone(),
            joined.clone(),
            started_at.clone(),
        );
        let (target, logger_spec, filter) =
            (ctx.target.clone(), logger_spec.clone(), filter.clone());
        Callback::from(move |_: MouseEvent| {
            let at = now_ms();
            let span = comparison_span(*started_at.borrow(), at);
            let before = boards
                .iter()
                .map(|b| span_count(b.state(), Direction::Sent, at, span))
                .collect();
            joined.set(Some(Joined {
                at_ms: at,
                span_ms: span,
                before,
            }));
            logger.clear();
            logger.connect(
                &target,
                &logger_spec,
                vec![OnConnect::Subscribe(filter.clone(), QoS::AtMostOnce)],
            );
        })
    };

    // The numbers.
    let board_counts: Vec<usize> = boards
        .iter()
        .map(|b| window_count(b.state(), Direction::Sent, now))
        .collect();
    let display_count = window_count(display.state(), Direction::Received, now);
    let logger_count = window_count(logger.state(), Direction::Received, now);
    let boards_per_s = per_second(board_counts.iter().sum(), WINDOW_MS);
    let delivered_per_s = per_second(display_count + logger_count, WINDOW_MS);
    let logger_on = logger.state().status.is_active();
    let subscribers = usize::from(display.state().status.is_connected())
        + usize::from(logger.state().status.is_connected());
    let after: Option<Vec<usize>> = joined.as_ref().and_then(|j| {
        let end = j.at_ms + j.span_ms;
        (now >= end).then(|| {
            boards
                .iter()
                .map(|b| span_count(b.state(), Direction::Sent, end, j.span_ms))
                .collect()
        })
    });
    let verdict = match (joined.as_ref(), after.as_ref()) {
        (Some(j), Some(a)) => coupling(&j.before, a),
        _ => Coupling::Measuring,
    };
    let from_every_board = |msgs: &[Received]| {
        board_topics
            .iter()
            .all(|t| msgs.iter().any(|m| &m.topic == t))
    };
    let done = verdict == Coupling::Unchanged && from_every_board(&logger.state().messages);
    use_done_when(LessonId::PubSub, done);

    let idea = html! {
        <>
            <p>{ PubSubMsg::Idea1.text(lang) }</p>
            <p>{ PubSubMsg::Idea2.text(lang) }</p>
            <p>{ PubSubMsg::Idea3.text(lang) }</p>
        </>
    };

    let diagrams = html! {
        <div class="pubsub-diagrams" role="group" aria-label={PubSubMsg::DiagramsLabel.text(lang)}>
            { client_server_figure(lang, logger_on) }
            { pub_sub_figure(lang, &boards, &display, &logger, &readings, now, subscribers, boards_per_s, delivered_per_s) }
        </div>
    };

    let board_cards = boards.iter().enumerate().map(|(i, b)| {
        let state = b.state();
        let reading = readings.get(i).cloned().unwrap_or_default();
        html! {
            <ActorCard {lang} name={text::board_name(lang, i + 1)} client_id={board_specs[i].client_id.clone()}
                status={state.status.clone()}>
                <p class="pubsub-topic"><code>{ board_topics[i].clone() }</code></p>
                if !reading.is_empty() && state.status.is_connected() {
                    <p class="pubsub-reading">{ format!("{}: {reading} °C", PubSubMsg::LastReading.text(lang)) }</p>
                }
            </ActorCard>
        }
    });
    let first_reading = board_reading(0, 1);
    let exercise = html! {
        <>
            <p>{ PubSubMsg::BoardsIntro.text(lang) }</p>
            <div class="lesson-actions">
                <button type="button" onclick={on_start} disabled={*running}>{ PubSubMsg::StartBoards.text(lang) }</button>
                <button type="button" class="secondary" onclick={on_stop} disabled={!*running}>{ PubSubMsg::StopBoards.text(lang) }</button>
                <button type="button" onclick={on_add} disabled={!*running || logger_on}>{ PubSubMsg::AddSubscriber.text(lang) }</button>
            </div>
            if let Some(e) = &*error {
                <p class="form-error" role="alert">{ e.clone() }</p>
            }
            <ShowCode id="pubsub-board" spec={board_specs[0].clone()}
                action={Action::Publish { topic: board_topics[0].clone(), payload: first_reading, qos: QoS::AtMostOnce, retain: false }} />
            { diagrams }
            <div class="actors pubsub-actors">
                { for board_cards }
                <ActorCard {lang} name={PubSubMsg::Display.text(lang)} client_id={display_spec.client_id.clone()}
                    status={display.state().status.clone()}>
                    <p class="pubsub-topic"><code>{ filter.clone() }</code></p>
                    { recent(&display.state().messages) }
                    <ShowCode id="pubsub-display" spec={display_spec.clone()}
                        action={Action::Subscribe { filter: filter.clone(), qos: QoS::AtMostOnce }} />
                </ActorCard>
                <ActorCard {lang} name={PubSubMsg::Logger.text(lang)} client_id={logger_spec.client_id.clone()}
                    status={logger.state().status.clone()}>
                    <p class="hint">{ PubSubMsg::LoggerIntro.text(lang) }</p>
                    { recent(&logger.state().messages) }
                    <ShowCode id="pubsub-logger" spec={logger_spec.clone()}
                        action={Action::Subscribe { filter: filter.clone(), qos: QoS::AtMostOnce }} />
                </ActorCard>
            </div>
        </>
    };

    let row = |name: String, dir: PubSubMsg, count: usize| {
        html! {
            <tr>
                <th scope="row">{ name }</th>
                <td>{ dir.text(lang) }</td>
                <td class="num">{ count }</td>
                <td class="num">{ format!("{:.1}", per_second(count, WINDOW_MS)) }</td>
            </tr>
        }
    };
    let any_traffic = board_counts.iter().any(|&c| c > 0) || display.state().messages_total > 0;
    let readout = html! {
        <>
            if !any_traffic && joined.is_none() {
                <p class="lesson-result">{ PubSubMsg::StartFirst.text(lang) }</p>
            }
            <table class="pubsub-counts">
                <caption>{ PubSubMsg::CountsCaption.text(lang) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ PubSubMsg::ColClient.text(lang) }</th>
                        <th scope="col">{ PubSubMsg::ColDirection.text(lang) }</th>
                        <th scope="col">{ PubSubMsg::ColWindow.text(lang) }</th>
                        <th scope="col">{ PubSubMsg::ColPerSecond.text(lang) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for board_counts.iter().enumerate().map(|(i, &c)| row(text::board_name(lang, i + 1), PubSubMsg::Sent, c)) }
                    { row(PubSubMsg::Display.text(lang).to_string(), PubSubMsg::Received, display_count) }
                    { row(PubSubMsg::Logger.text(lang).to_string(), PubSubMsg::Received, logger_count) }
                    { row(PubSubMsg::BrokerDelivered.text(lang).to_string(), PubSubMsg::Sent, display_count + logger_count) }
                </tbody>
            </table>
            if let Some(j) = &*joined {
                <p class="pubsub-before-after">{ text::before_after(lang, j.span_ms / 1_000, &j.before, after.as_deref()) }</p>
                {
                    match verdict {
                        Coupling::Unchanged => html! {
                            <p class="lesson-result lesson-result--good">{ PubSubMsg::CouplingUnchanged.text(lang) }</p>
                        },
                        Coupling::Changed => html! {
                            <p class="lesson-result lesson-result--bad">{ PubSubMsg::CouplingChanged.text(lang) }</p>
                        },
                        Coupling::Measuring => html! {
                            <p class="lesson-result">{ PubSubMsg::Measuring.text(lang) }</p>
                        },
                    }
                }
            }
            <h4 class="readout-heading">{ PubSubMsg::BoardPackets.text(lang) }</h4>
            <WireList {lang} label={PubSubMsg::BoardPackets.text(lang)} entries={boards[0].state().wire.clone()} max={8} />
            { message_list(PubSubMsg::DisplayMessages.text(lang), &display.state().messages) }
            { message_list(PubSubMsg::LoggerMessages.text(lang), &logger.state().messages) }
        </>
    };
    html! { <LessonFrame lesson={LessonId::PubSub} {idea} {exercise} {readout} /> }
}

/// The newest few readings a subscriber got, as "board 2: 21.4".
fn recent(messages: &[Received]) -> Html {
    let skip = messages.len().saturating_sub(3);
    html! {
        <ul class="pubsub-recent">
            { for messages.iter().skip(skip).map(|m| html! {
                <li key={m.seq}><code>{ m.topic.clone() }</code>{ " " }{ m.text() }</li>
            }) }
        </ul>
    }
}

/// A subscriber's messages as a named list (the newest eight).
fn message_list(label: &'static str, messages: &[Received]) -> Html {
    if messages.is_empty() {
        return Html::default();
    }
    let skip = messages.len().saturating_sub(8);
    html! {
        <>
        <h4 class="readout-heading">{ label }</h4>
        <ul class="lesson-messages" aria-label={label}>
            { for messages.iter().skip(skip).map(|m| html! {
                <li key={m.seq}><code>{ m.topic.clone() }</code>{ ": " }{ m.text() }</li>
            }) }
        </ul>
        </>
    }
}

const BOARD_Y: [f64; BOARDS] = [20.0, 92.0, 164.0];
const BOX_W: f64 = 104.0;
const BOX_H: f64 = 40.0;

fn board_anchor(i: usize) -> (f64, f64) {
    (10.0 + BOX_W, BOARD_Y[i] + BOX_H / 2.0)
}

/// The client–server picture: the boards and the screens all wired to one
/// server. Static: it is what the lesson compares against.
fn client_server_figure(lang: Lang, with_logger: bool) -> Html {
    let displays = 1 + usize::from(with_logger);
    let marker = "cs-arrow";
    let server = (160.0, 82.0, 84.0, 60.0);
    html! {
        <figure class="pubsub-figure">
            <figcaption>{ PubSubMsg::ClientServer.text(lang) }</figcaption>
            <svg class="diagram" viewBox="0 0 400 230" role="img" aria-label={text::cs_diagram_label(lang, displays)}>
                { arrow_marker(marker) }
                { for (0..BOARDS).map(|i| plain_edge(board_anchor(i), (server.0, server.1 + server.3 / 2.0), marker, classes!())) }
                { plain_edge((server.0 + server.2, server.1 + 20.0), (290.0, 62.0), marker, classes!()) }
                if with_logger {
                    { plain_edge((server.0 + server.2, server.1 + 40.0), (290.0, 166.0), marker, classes!("edge--changed")) }
                }
                { for (0..BOARDS).map(|i| node(10.0, BOARD_Y[i], BOX_W, BOX_H, &text::board_name(lang, i + 1), "", classes!())) }
                { node(server.0, server.1, server.2, server.3, PubSubMsg::Server.text(lang), "", classes!("node--active")) }
                { node(290.0, 42.0, BOX_W, BOX_H, PubSubMsg::Display.text(lang), "", classes!()) }
                if with_logger {
                    { node(290.0, 146.0, BOX_W, BOX_H, PubSubMsg::Logger.text(lang), PubSubMsg::CsChange.text(lang), classes!("node--changed")) }
                }
            </svg>
            <ul class="pubsub-facts">
                <li>{ PubSubMsg::CsBoardsKnow.text(lang) }</li>
                <li>{ text::cs_server_knows(lang, BOARDS, displays) }</li>
            </ul>
        </figure>
    }
}

/// The publish/subscribe picture, live: an edge lights for each PUBLISH a
/// board sent and each one a subscriber received.
#[allow(clippy::too_many_arguments)]
fn pub_sub_figure(
    lang: Lang,
    boards: &[ActorHandle; BOARDS],
    display: &ActorHandle,
    logger: &ActorHandle,
    readings: &[String],
    now: u64,
    subscribers: usize,
    boards_per_s: f64,
    delivered_per_s: f64,
) -> Html {
    let marker = "ps-arrow";
    let broker = (160.0, 82.0, 84.0, 60.0);
    let logger_on = logger.state().status.is_active();
    html! {
        <figure class="pubsub-figure">
            <figcaption>{ PubSubMsg::PubSub.text(lang) }</figcaption>
            <svg class="diagram" viewBox="0 0 400 230" role="img"
                aria-label={text::ps_diagram_label(lang, subscribers, boards_per_s, delivered_per_s)}>
                { arrow_marker(marker) }
                { for (0..BOARDS).map(|i| edge(&format!("ps-b{i}"), board_anchor(i), (broker.0, broker.1 + broker.3 / 2.0),
                    last_publish(boards[i].state(), Direction::Sent), now, marker, classes!())) }
                { edge("ps-display", (broker.0 + broker.2, broker.1 + 20.0), (290.0, 62.0),
                    last_publish(display.state(), Direction::Received), now, marker, classes!()) }
                { edge("ps-logger", (broker.0 + broker.2, broker.1 + 40.0), (290.0, 166.0),
                    last_publish(logger.state(), Direction::Received), now, marker,
                    classes!((!logger_on).then_some("edge--ghost"))) }
                { for (0..BOARDS).map(|i| {
                    let detail = readings.get(i).filter(|r| !r.is_empty() && boards[i].state().status.is_connected())
                        .map(|r| format!("{r} °C")).unwrap_or_default();
                    node(10.0, BOARD_Y[i], BOX_W, BOX_H, &text::board_name(lang, i + 1), &detail,
                        classes!(boards[i].state().status.is_connected().then_some("node--active")))
                }) }
                { node(broker.0, broker.1, broker.2, broker.3, PubSubMsg::Broker.text(lang), "", classes!("node--active")) }
                { node(290.0, 42.0, BOX_W, BOX_H, PubSubMsg::Display.text(lang), "",
                    classes!(display.state().status.is_connected().then_some("node--active"))) }
                { node(290.0, 146.0, BOX_W, BOX_H, PubSubMsg::Logger.text(lang),
                    if logger_on { PubSubMsg::PsNoChange.text(lang) } else { PubSubMsg::NotAdded.text(lang) },
                    classes!(if logger_on { "node--active" } else { "node--ghost" })) }
            </svg>
            <ul class="pubsub-facts">
                <li>{ PubSubMsg::PsBoardsKnow.text(lang) }</li>
                <li>{ text::ps_numbers(lang, boards_per_s, subscribers, delivered_per_s) }</li>
            </ul>
        </figure>
    }
}
