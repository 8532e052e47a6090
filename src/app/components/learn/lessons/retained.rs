//! Lesson 6, retained messages: a board publishes its status with RETAIN,
//! and each "New client subscribes" starts a brand-new client (fresh
//! Client Identifier, clean session) that subscribes to the status topic
//! and shows what the broker handed it, flagged retained or not, and how
//! long after its SUBSCRIBE — or that nothing came, measured after SUBACK.

use yew::prelude::*;

use crate::app::client::now_ms;
use crate::app::components::learn::{
    use_done_when, use_learn, ActorCard, LessonFrame, ShowCode, WireList,
};
use crate::app::hooks::{use_actor, use_ticker, OnConnect};
use crate::app::learn::code::Action;
use crate::app::learn::course::LessonId;
use crate::app::learn::retained::{newcomer_outcome, BoardAction, NewcomerOutcome, NewcomerRun};
use crate::app::learn::target::ClientSpec;
use crate::i18n::learn::retained::{self as texts, RetainedMsg};
use crate::i18n::{self, Lang};
use crate::protocol::codec::QoS;

/// The board's status payload.
const ONLINE: &str = "online";

/// One finished newcomer, for the list of runs.
#[derive(Clone, PartialEq)]
struct RunRecord {
    n: usize,
    client_id: String,
    outcome: NewcomerOutcome,
    /// What the board had last done in this page when the run started.
    board_did: Option<BoardAction>,
}

/// The run under way.
#[derive(Clone, PartialEq)]
struct Current {
    n: usize,
    run: NewcomerRun,
    board_did: Option<BoardAction>,
}

/// The result of a run in words, with why.
fn outcome_text(lang: Lang, outcome: &NewcomerOutcome, board_did: Option<BoardAction>) -> String {
    let (main, why) = match outcome {
        NewcomerOutcome::Waiting => (RetainedMsg::Waiting.text(lang).to_string(), None),
        NewcomerOutcome::Failed => (RetainedMsg::Failed.text(lang).to_string(), None),
        NewcomerOutcome::Received {
            payload,
            retain,
            after_subscribe_ms,
        } => (
            texts::received(lang, payload, *retain, *after_subscribe_ms),
            match (retain, board_did) {
                (true, Some(BoardAction::PublishedPlain)) => Some(RetainedMsg::PlainDidNotReplace),
                (true, None) => Some(RetainedMsg::StoredEarlier),
                _ => None,
            },
        ),
        NewcomerOutcome::Nothing { waited_ms } => (
            texts::nothing(lang, *waited_ms),
            match board_did {
                Some(BoardAction::PublishedPlain) => Some(RetainedMsg::PlainIsGone),
                Some(BoardAction::Cleared) => Some(RetainedMsg::ClearedIsGone),
                _ => None,
            },
        ),
    };
    match why {
        Some(w) => format!("{main} {}", w.text(lang)),
        None => main,
    }
}

/// See the module docs.
#[function_component]
pub fn RetainedLesson() -> Html {
    let ctx = use_learn();
    let lang = ctx.lang;
    let board = use_actor();
    let newcomer = use_actor();
    let board_spec = ClientSpec::new(ctx.client_id("board"));
    let topic = ctx.topic("board/status");
    let error = use_state(|| None::<String>);
    let board_did = use_state(|| None::<BoardAction>);
    let runs = use_state(Vec::<RunRecord>::new);
    let current = use_state(|| None::<Current>);
    let next_n = runs.len() + 1 + usize::from(current.is_some());
    let next_spec = ClientSpec::new(ctx.client_id(&format!("new{next_n}")));

    let ns = newcomer.state();
    let outcome = current.as_ref().map(|c| {
        newcomer_outcome(
            &c.run,
            &ns.wire,
            &ns.messages,
            &ns.status,
            ns.refused.is_some(),
            &topic,
            now_ms(),
        )
    });
    let pending = outcome.as_ref().is_some_and(|o| !o.is_final());
    use_ticker(pending, 200);

    // A finished run goes to the list, and its client leaves.
    {
        let (runs, current, newcomer) = (runs.clone(), current.clone(), newcomer.clone());
        use_effect_with(outcome.clone(), move |outcome| {
            if let (Some(o), Some(c)) = (outcome, (*current).clone()) {
                if o.is_final() {
                    let mut list = (*runs).clone();
                    list.push(RunRecord {
                        n: c.n,
                        client_id: c.run.client_id.clone(),
                        outcome: o.clone(),
                        board_did: c.board_did,
                    });
                    runs.set(list);
                    current.set(None);
                    newcomer.disconnect();
                }
            }
        });
    }
    let got_retained = runs
        .iter()
        .any(|r| matches!(r.outcome, NewcomerOutcome::Received { retain: true, .. }));
    use_done_when(LessonId::Retained, got_retained);

    let bs = board.state();
    let board_up = bs.status.is_connected();
    let on_connect_board = {
        let (board, target, spec, error) = (
            board.clone(),
            ctx.target.clone(),
            board_spec.clone(),
            error.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            error.set(None);
            board.clear();
            board.connect(&target, &spec, vec![]);
        })
    };
    let publish = |payload: &'static str, retain: bool, action: BoardAction| {
        let (board, topic, error, board_did) = (
            board.clone(),
            topic.clone(),
            error.clone(),
            board_did.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            match board.publish(&topic, payload, QoS::AtLeastOnce, retain) {
                Ok(_) => {
                    error.set(None);
                    board_did.set(Some(action));
                }
                Err(e) => error.set(Some(i18n::command_error(lang, &e))),
            }
        })
    };
    let on_retained = publish(ONLINE, true, BoardAction::PublishedRetained);
    let on_plain = publish(ONLINE, false, BoardAction::PublishedPlain);
    let on_clear = publish("", true, BoardAction::Cleared);
    let on_board_off = {
        let board = board.clone();
        Callback::from(move |_: MouseEvent| board.disconnect())
    };
    let on_newcomer = {
        let (newcomer, target, spec, topic, current, board_did) = (
            newcomer.clone(),
            ctx.target.clone(),
            next_spec.clone(),
            topic.clone(),
            current.clone(),
            board_did.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let s = newcomer.state();
            current.set(Some(Current {
                n: next_n,
                run: NewcomerRun {
                    client_id: spec.client_id.clone(),
                    started_ms: now_ms(),
                    wire_mark: s.wire_mark(),
                    message_mark: s.messages_total,
                },
                board_did: *board_did,
            }));
            newcomer.clear();
            newcomer.connect(
                &target,
                &spec,
                vec![OnConnect::Subscribe(topic.clone(), QoS::AtLeastOnce)],
            );
        })
    };

    let idea = html! {
        <>
            <p>{ RetainedMsg::Idea1.text(lang) }</p>
            <p>{ RetainedMsg::Idea2.text(lang) }</p>
            <p>{ RetainedMsg::Idea3.text(lang) }</p>
            <p>{ RetainedMsg::Idea4.text(lang) }</p>
        </>
    };
    let publish_code = |id: &'static str, payload: &str, retain: bool| {
        html! {
            <ShowCode {id} spec={board_spec.clone()} action={Action::Publish {
                topic: topic.clone(), payload: payload.to_string(), qos: QoS::AtLeastOnce, retain,
            }} />
        }
    };
    // The card shows the newest client (the next one before any).
    let shown_id = match (&*current, runs.last()) {
        (Some(c), _) => c.run.client_id.clone(),
        (None, Some(r)) => r.client_id.clone(),
        (None, None) => next_spec.client_id.clone(),
    };
    // The card says how the newest client is doing (the list below keeps
    // every finished one).
    let live_text = match (&outcome, &*current, runs.last()) {
        (Some(o), Some(c), _) => format!(
            "{}: {}",
            texts::run_title(lang, c.n, &c.run.client_id),
            outcome_text(lang, o, c.board_did)
        ),
        (_, _, Some(r)) => format!(
            "{}: {}",
            texts::run_title(lang, r.n, &r.client_id),
            outcome_text(lang, &r.outcome, r.board_did)
        ),
        _ => String::new(),
    };
    let exercise = html! {
        <>
            <p class="retained-topic">
                { RetainedMsg::StatusTopic.text(lang) }{ ": " }<code>{ topic.clone() }</code>
            </p>
            <div class="actors">
                <ActorCard {lang} name={RetainedMsg::BoardName.text(lang)} client_id={board_spec.client_id.clone()}
                    status={bs.status.clone()}>
                    <div class="lesson-actions">
                        <button type="button" onclick={on_connect_board} disabled={board_up}>
                            { RetainedMsg::ConnectBoard.text(lang) }
                        </button>
                        <button type="button" class="button-secondary" onclick={on_board_off} disabled={!board_up}>
                            { RetainedMsg::DisconnectBoard.text(lang) }
                        </button>
                    </div>
                    <ShowCode id="retained-board-connect" spec={board_spec.clone()} action={Action::Connect} />
                    <div class="lesson-actions">
                        <button type="button" onclick={on_retained} disabled={!board_up}>
                            { RetainedMsg::PublishRetained.text(lang) }
                        </button>
                    </div>
                    { publish_code("retained-publish-retained", ONLINE, true) }
                    <div class="lesson-actions">
                        <button type="button" onclick={on_plain} disabled={!board_up}>
                            { RetainedMsg::PublishPlain.text(lang) }
                        </button>
                    </div>
                    { publish_code("retained-publish-plain", ONLINE, false) }
                    <div class="lesson-actions">
                        <button type="button" onclick={on_clear} disabled={!board_up}>
                            { RetainedMsg::ClearRetained.text(lang) }
                        </button>
                    </div>
                    <p class="field-hint">{ RetainedMsg::ClearExplained.text(lang) }</p>
                    { publish_code("retained-clear", "", true) }
                    <p class="field-hint">{ RetainedMsg::BoardMayLeave.text(lang) }</p>
                    if let Some(e) = &*error {
                        <p class="form-error">{ e.clone() }</p>
                    }
                </ActorCard>
                <ActorCard {lang} name={RetainedMsg::NewcomerName.text(lang)} client_id={shown_id}
                    status={ns.status.clone()}>
                    <div class="lesson-actions">
                        <button type="button" onclick={on_newcomer}>
                            { RetainedMsg::NewClientSubscribes.text(lang) }
                        </button>
                    </div>
                    <p class="field-hint">{ RetainedMsg::NewcomerExplained.text(lang) }</p>
                    <ShowCode id="retained-newcomer" spec={next_spec.clone()}
                        action={Action::Subscribe { filter: topic.clone(), qos: QoS::AtLeastOnce }} />
                    <p class="newcomer-live" aria-live="polite">
                        { live_text }
                    </p>
                </ActorCard>
            </div>
        </>
    };
    let readout = html! {
        <>
            if !runs.is_empty() {
                <ol class="retained-runs" aria-label={RetainedMsg::RunsLabel.text(lang)}>
                    { for runs.iter().map(|r| {
                        let good = matches!(r.outcome, NewcomerOutcome::Received { retain: true, .. });
                        html! {
                            <li key={r.n} class={classes!("lesson-result", good.then_some("lesson-result--good"))}>
                                <strong>{ texts::run_title(lang, r.n, &r.client_id) }</strong>{ ": " }
                                { outcome_text(lang, &r.outcome, r.board_did) }
                            </li>
                        }
                    }) }
                </ol>
            } else {
                <p class="wire-empty">{ RetainedMsg::NoRunsYet.text(lang) }</p>
            }
            <div class="actors">
                <section aria-label={RetainedMsg::BoardPackets.text(lang)}>
                    <h4>{ RetainedMsg::BoardPackets.text(lang) }</h4>
                    <WireList {lang} label={RetainedMsg::BoardPackets.text(lang)} entries={bs.wire.clone()} />
                </section>
                <section aria-label={RetainedMsg::NewcomerPackets.text(lang)}>
                    <h4>{ RetainedMsg::NewcomerPackets.text(lang) }</h4>
                    <WireList {lang} label={RetainedMsg::NewcomerPackets.text(lang)} entries={ns.wire.clone()} />
                </section>
            </div>
        </>
    };
    html! { <LessonFrame lesson={LessonId::Retained} {idea} {exercise} {readout} /> }
}
