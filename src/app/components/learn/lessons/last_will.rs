//! Lesson 7, Last Will and keep alive: a virtual board connects with a
//! will (`offline`, QoS 1, retained) on its status topic and publishes
//! `online` (retained); a monitor subscribes to that topic. The learner
//! ends the board's connection three ways — pull the plug (no DISCONNECT:
//! the will comes), disconnect properly (no will), freeze (silence: the
//! will comes once 1.5 × keep alive has passed, with a live countdown) —
//! and the readout times what reached the monitor.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::client::now_ms;
use crate::app::components::learn::{
    use_done_when, use_learn, ActorCard, LessonFrame, ShowCode, WireList,
};
use crate::app::hooks::{use_actor, use_ticker, OnConnect};
use crate::app::learn::code::Action;
use crate::app::learn::course::LessonId;
use crate::app::learn::last_will::{
    parse_keep_alive, verdict, Experiment, Trial, Verdict, DEFAULT_KEEP_ALIVE,
};
use crate::app::learn::target::{will, ClientSpec};
use crate::i18n::learn::last_will::{self as texts, LastWillMsg};
use crate::i18n::learn::LearnMsg;
use crate::i18n::{self, Lang};
use crate::protocol::codec::QoS;
use crate::protocol::session::OutgoingPublish;

const ONLINE: &str = "online";
const OFFLINE: &str = "offline";

/// Stop re-rendering a wait that never ends (no monitor, say) after this.
const TICK_LIMIT_MS: u64 = 120_000;

/// The board as the readout needs it.
struct BoardNow {
    frozen: bool,
    up: bool,
    /// Unfrozen by the learner since the trial began.
    thawed: bool,
    /// When its connection last ended.
    closed_at: Option<u64>,
}

/// What the trial shows, in words (and whether each line is a success):
/// the verdict and what follows from it.
fn trial_texts(
    lang: Lang,
    trial: &Trial,
    v: &Verdict,
    now: u64,
    board: &BoardNow,
) -> Vec<(String, bool)> {
    let at = trial.experiment.at_ms();
    match (&trial.experiment, v) {
        (Experiment::PullPlug { .. }, Verdict::WillArrived { after_ms, .. }) => {
            vec![(texts::pull_will(lang, *after_ms), true)]
        }
        (Experiment::PullPlug { .. }, Verdict::Waiting { elapsed_ms })
        | (
            Experiment::PullPlug { .. },
            Verdict::NoWill {
                waited_ms: elapsed_ms,
                ..
            },
        ) => {
            vec![(texts::pull_waiting(lang, *elapsed_ms), false)]
        }
        (Experiment::Disconnect { .. }, Verdict::Waiting { elapsed_ms }) => {
            vec![(texts::disconnect_waiting(lang, *elapsed_ms), false)]
        }
        (Experiment::Disconnect { .. }, Verdict::WillArrived { after_ms, .. }) => {
            vec![(texts::disconnect_will(lang, *after_ms), false)]
        }
        (
            Experiment::Disconnect { goodbye, .. },
            Verdict::NoWill {
                waited_ms,
                goodbye_after_ms,
            },
        ) => {
            let mut out = vec![(texts::disconnect_no_will(lang, *waited_ms), true)];
            match (goodbye, goodbye_after_ms) {
                (true, Some(ms)) => out.push((texts::goodbye_arrived(lang, *ms), true)),
                _ => out.push((LastWillMsg::StaleOnline.text(lang).to_string(), false)),
            }
            out
        }
        (
            Experiment::Freeze { keep_alive, .. },
            Verdict::WillArrived {
                after_ms,
                after_last_sent_ms,
            },
        ) => {
            let mut out = vec![(
                texts::freeze_will(
                    lang,
                    *after_ms,
                    after_last_sent_ms.unwrap_or(*after_ms),
                    *keep_alive,
                ),
                true,
            )];
            if let Some(closed) = board.closed_at.filter(|&c| c >= at) {
                out.push((texts::broker_closed(lang, closed - at), true));
            }
            out
        }
        (Experiment::Freeze { .. }, _) if board.thawed && board.up && !board.frozen => {
            vec![(LastWillMsg::ThawedInTime.text(lang).to_string(), false)]
        }
        (
            Experiment::Freeze {
                keep_alive,
                last_sent_ms,
                ..
            },
            _,
        ) => {
            let deadline = trial.experiment.deadline_ms().unwrap_or(at);
            let frozen_ms = now.saturating_sub(at);
            if now < deadline {
                vec![(
                    texts::freeze_countdown(
                        lang,
                        frozen_ms,
                        *keep_alive,
                        now.saturating_sub(*last_sent_ms),
                        deadline - now,
                    ),
                    false,
                )]
            } else {
                vec![(
                    texts::freeze_overdue(lang, frozen_ms, now - deadline),
                    false,
                )]
            }
        }
    }
}

/// See the module docs.
#[function_component]
pub fn LastWillLesson() -> Html {
    let ctx = use_learn();
    let lang = ctx.lang;
    let board = use_actor();
    let monitor = use_actor();
    let topic = ctx.topic("board/status");
    let ka_text = use_state(|| DEFAULT_KEEP_ALIVE.to_string());
    let ka = parse_keep_alive(&ka_text);
    // The keep alive of the connection that is up (the field may have
    // changed since).
    let connected_ka = use_state(|| DEFAULT_KEEP_ALIVE);
    let goodbye = use_state(|| false);
    let trial = use_state(|| None::<Trial>);
    let thawed = use_state(|| false);
    let error = use_state(|| None::<String>);

    let board_spec = ClientSpec {
        client_id: ctx.client_id("board"),
        keep_alive: *ka.as_ref().unwrap_or(&connected_ka),
        will: Some(will(&topic, OFFLINE, QoS::AtLeastOnce, true)),
    };
    let monitor_spec = ClientSpec::new(ctx.client_id("monitor"));

    let bs = board.state();
    let ms = monitor.state();
    let board_up = bs.status.is_connected();
    let board_active = bs.status.is_active();
    let frozen = bs.frozen;
    let now = now_ms();
    let v = trial
        .as_ref()
        .map(|t| verdict(t, &ms.messages, &topic, OFFLINE, now));
    let pending = match (&*trial, &v) {
        (Some(t), Some(v)) => {
            !v.is_final()
                && now.saturating_sub(t.experiment.at_ms()) < TICK_LIMIT_MS
                && (!matches!(t.experiment, Experiment::Freeze { .. }) || frozen)
        }
        _ => false,
    };
    use_ticker(pending, 100);

    let will_seen = matches!(
        (&*trial, &v),
        (
            Some(Trial {
                experiment: Experiment::PullPlug { .. } | Experiment::Freeze { .. },
                ..
            }),
            Some(Verdict::WillArrived { .. })
        )
    );
    use_done_when(LessonId::LastWill, will_seen);

    let on_ka = {
        let ka_text = ka_text.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            ka_text.set(input.value());
        })
    };
    let connect_monitor = {
        let (monitor, target, spec, topic) = (
            monitor.clone(),
            ctx.target.clone(),
            monitor_spec.clone(),
            topic.clone(),
        );
        move || {
            monitor.clear();
            monitor.connect(
                &target,
                &spec,
                vec![OnConnect::Subscribe(topic.clone(), QoS::AtLeastOnce)],
            );
        }
    };
    let on_connect_monitor = {
        let connect_monitor = connect_monitor.clone();
        Callback::from(move |_: MouseEvent| connect_monitor())
    };
    let on_connect_board = {
        let (board, target, spec, topic, error, trial, thawed, connected_ka) = (
            board.clone(),
            ctx.target.clone(),
            board_spec.clone(),
            topic.clone(),
            error.clone(),
            trial.clone(),
            thawed.clone(),
            connected_ka.clone(),
        );
        let monitor_active = ms.status.is_active();
        Callback::from(move |_: MouseEvent| {
            let keep_alive = match ka {
                Ok(k) => k,
                Err(e) => {
                    error.set(Some(texts::keep_alive_error(lang, e).to_string()));
                    return;
                }
            };
            error.set(None);
            if !monitor_active {
                connect_monitor();
            }
            let online = OutgoingPublish::new(&topic, ONLINE.as_bytes().to_vec())
                .qos(QoS::AtLeastOnce)
                .retain(true);
            connected_ka.set(keep_alive);
            trial.set(None);
            thawed.set(false);
            board.clear();
            board.connect(&target, &spec, vec![OnConnect::Publish(online)]);
        })
    };
    let start = {
        let (trial, thawed, mark) = (trial.clone(), thawed.clone(), ms.messages_total);
        move |experiment: Experiment| {
            thawed.set(false);
            trial.set(Some(Trial {
                experiment,
                message_mark: mark,
            }));
        }
    };
    let on_pull = {
        let (board, start) = (board.clone(), start.clone());
        Callback::from(move |_: MouseEvent| {
            start(Experiment::PullPlug { at_ms: now_ms() });
            board.abort();
        })
    };
    let on_disconnect = {
        let (board, start, goodbye, topic, error) = (
            board.clone(),
            start.clone(),
            *goodbye,
            topic.clone(),
            error.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            start(Experiment::Disconnect {
                at_ms: now_ms(),
                goodbye,
            });
            if goodbye {
                if let Err(e) = board.publish(&topic, OFFLINE, QoS::AtLeastOnce, true) {
                    error.set(Some(i18n::command_error(lang, &e)));
                }
            }
            board.disconnect();
        })
    };
    let on_freeze = {
        let (board, start, keep_alive, last_sent) =
            (board.clone(), start.clone(), *connected_ka, bs.last_sent_ms);
        Callback::from(move |_: MouseEvent| {
            let at = now_ms();
            start(Experiment::Freeze {
                at_ms: at,
                keep_alive,
                last_sent_ms: last_sent.unwrap_or(at),
            });
            board.set_frozen(true);
        })
    };
    let on_unfreeze = {
        let (board, thawed) = (board.clone(), thawed.clone());
        Callback::from(move |_: MouseEvent| {
            thawed.set(true);
            board.set_frozen(false);
        })
    };
    let on_goodbye = {
        let goodbye = goodbye.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            goodbye.set(input.checked());
        })
    };

    let idea = html! {
        <>
            <p>{ LastWillMsg::Idea1.text(lang) }</p>
            <p>{ LastWillMsg::Idea2.text(lang) }</p>
            <p>{ LastWillMsg::Idea3.text(lang) }</p>
            <p>{ LastWillMsg::Idea4.text(lang) }</p>
        </>
    };

    let board_closed_at = match bs.status {
        crate::app::learn::actor::ActorStatus::Closed { at_ms, .. } => Some(at_ms),
        _ => None,
    };
    let lines = match (&*trial, &v) {
        (Some(t), Some(v)) => trial_texts(
            lang,
            t,
            v,
            now,
            &BoardNow {
                frozen,
                up: board_up,
                thawed: *thawed,
                closed_at: board_closed_at,
            },
        ),
        _ => Vec::new(),
    };
    // The countdown on the board's card while it is frozen.
    let countdown = match &*trial {
        Some(
            t @ Trial {
                experiment: Experiment::Freeze { .. },
                ..
            },
        ) if frozen && !v.as_ref().is_some_and(Verdict::is_final) => {
            let deadline = t.experiment.deadline_ms().unwrap_or(now);
            Some(if now < deadline {
                texts::countdown_value(lang, Some(deadline - now), 0)
            } else {
                texts::countdown_value(lang, None, now - deadline)
            })
        }
        _ => None,
    };
    let ka_error = ka.err().map(|e| texts::keep_alive_error(lang, e));
    let exercise = html! {
        <>
            <p>{ LastWillMsg::TryHint.text(lang) }</p>
            <p class="last-will-topic">
                { LastWillMsg::StatusTopic.text(lang) }{ ": " }<code>{ topic.clone() }</code>
            </p>
            <div class="actors">
                <ActorCard {lang} name={LastWillMsg::BoardName.text(lang)} client_id={board_spec.client_id.clone()}
                    status={bs.status.clone()} {frozen}>
                    <p class="field-hint">{ LastWillMsg::WillLine.text(lang) }</p>
                    <div class={classes!("field", "keep-alive-field", ka_error.is_some().then_some("field--invalid"))}>
                        <label for="last-will-keep-alive">{ LastWillMsg::KeepAliveLabel.text(lang) }</label>
                        <input id="last-will-keep-alive" type="number" min="1" max="65535" step="1"
                            inputmode="numeric" value={(*ka_text).clone()} oninput={on_ka}
                            aria-invalid={ka_error.is_some().to_string()}
                            aria-describedby="last-will-keep-alive-help" />
                        <p id="last-will-keep-alive-help" class={if ka_error.is_some() { "field-error" } else { "field-hint" }}>
                            { ka_error.unwrap_or(LastWillMsg::KeepAliveHint.text(lang)) }
                        </p>
                    </div>
                    <div class="lesson-actions">
                        <button type="button" onclick={on_connect_board} disabled={board_active}>
                            { LastWillMsg::ConnectBoard.text(lang) }
                        </button>
                    </div>
                    <ShowCode id="last-will-connect" spec={board_spec.clone()} action={Action::Connect} />
                    <p class="field-hint">{ LastWillMsg::OnlineAfterConnack.text(lang) }</p>
                    <ShowCode id="last-will-online" spec={board_spec.clone()} action={Action::Publish {
                        topic: topic.clone(), payload: ONLINE.into(), qos: QoS::AtLeastOnce, retain: true,
                    }} />
                    <div class="lesson-actions">
                        <button type="button" class="button-danger" onclick={on_pull} disabled={!board_up}>
                            { LastWillMsg::PullPlug.text(lang) }
                        </button>
                        <button type="button" onclick={on_disconnect} disabled={!board_up || frozen}>
                            { LastWillMsg::DisconnectProperly.text(lang) }
                        </button>
                        if frozen {
                            <button type="button" onclick={on_unfreeze}>{ LastWillMsg::Unfreeze.text(lang) }</button>
                        } else {
                            <button type="button" onclick={on_freeze} disabled={!board_up}>
                                { LastWillMsg::Freeze.text(lang) }
                            </button>
                        }
                    </div>
                    <ul class="last-will-hints">
                        <li><strong>{ LastWillMsg::PullPlug.text(lang) }</strong>{ ": " }{ LastWillMsg::PullPlugHint.text(lang) }</li>
                        <li><strong>{ LastWillMsg::DisconnectProperly.text(lang) }</strong>{ ": " }{ LastWillMsg::DisconnectHint.text(lang) }</li>
                        <li><strong>{ LastWillMsg::Freeze.text(lang) }</strong>{ ": " }{ LastWillMsg::FreezeHint.text(lang) }</li>
                    </ul>
                    <label class="checkbox">
                        <input type="checkbox" checked={*goodbye} onchange={on_goodbye} />
                        { LastWillMsg::Goodbye.text(lang) }
                    </label>
                    <ShowCode id="last-will-goodbye" spec={board_spec.clone()} action={Action::Publish {
                        topic: topic.clone(), payload: OFFLINE.into(), qos: QoS::AtLeastOnce, retain: true,
                    }} />
                    if let Some(c) = countdown {
                        <p class="keep-alive-countdown" role="timer" aria-label={LastWillMsg::CountdownLabel.text(lang)}>
                            { LastWillMsg::CountdownLabel.text(lang) }{ ": " }<strong>{ c }</strong>
                        </p>
                    }
                    if let Some(e) = &*error {
                        <p class="form-error">{ e.clone() }</p>
                    }
                </ActorCard>
                <ActorCard {lang} name={LastWillMsg::MonitorName.text(lang)} client_id={monitor_spec.client_id.clone()}
                    status={ms.status.clone()}>
                    <p class="field-hint">{ LastWillMsg::MonitorHint.text(lang) }</p>
                    <div class="lesson-actions">
                        <button type="button" onclick={on_connect_monitor} disabled={ms.status.is_active()}>
                            { LastWillMsg::ConnectMonitor.text(lang) }
                        </button>
                    </div>
                    <ShowCode id="last-will-monitor" spec={monitor_spec.clone()}
                        action={Action::Subscribe { filter: topic.clone(), qos: QoS::AtLeastOnce }} />
                    if ms.messages.is_empty() {
                        <p class="wire-empty">{ LastWillMsg::NoMessagesYet.text(lang) }</p>
                    } else {
                        <ol class="lesson-messages" aria-label={LastWillMsg::MonitorMessages.text(lang)}>
                            { for ms.messages.iter().map(|m| html! {
                                <li key={m.seq}>
                                    <strong>{ m.text() }</strong>
                                    if m.retain {
                                        { " · " }{ LearnMsg::RetainedFlag.text(lang) }
                                    }
                                    { " · " }<code>{ m.topic.clone() }</code>
                                </li>
                            }) }
                        </ol>
                    }
                </ActorCard>
            </div>
        </>
    };
    let readout = html! {
        <>
            if lines.is_empty() {
                <p class="wire-empty">{ LastWillMsg::NoExperimentYet.text(lang) }</p>
            } else {
                <div class="last-will-result" aria-label={LastWillMsg::ResultLabel.text(lang)} role="group">
                    { for lines.into_iter().map(|(text, good)| html! {
                        <p class={classes!("lesson-result", good.then_some("lesson-result--good"))}>{ text }</p>
                    }) }
                </div>
            }
            <p>{ LastWillMsg::PingExplained.text(lang) }</p>
            <div class="actors">
                <section aria-label={LastWillMsg::BoardPackets.text(lang)}>
                    <h4>{ LastWillMsg::BoardPackets.text(lang) }</h4>
                    <WireList {lang} label={LastWillMsg::BoardPackets.text(lang)} entries={bs.wire.clone()} />
                </section>
                <section aria-label={LastWillMsg::MonitorPackets.text(lang)}>
                    <h4>{ LastWillMsg::MonitorPackets.text(lang) }</h4>
                    <WireList {lang} label={LastWillMsg::MonitorPackets.text(lang)} entries={ms.wire.clone()} />
                </section>
            </div>
        </>
    };
    html! { <LessonFrame lesson={LessonId::LastWill} {idea} {exercise} {readout} /> }
}
