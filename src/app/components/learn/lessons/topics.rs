//! Lesson 4, topics and wildcards: a checker that explains what is wrong
//! with a topic name and suggests a better one; a wildcard playground where
//! the protocol core matches a filter against a list of topics, with the
//! reason for each verdict; and a check of the same filter and topics on
//! the real broker, whose deliveries are shown next to the core's verdicts.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::app::components::learn::{use_learn, ActorCard, LessonFrame, ShowCode, WireList};
use crate::app::components::TextField;
use crate::app::hooks::{use_actor, ActorHandle, OnConnect};
use crate::app::learn::actor::{ActorStatus, Direction};
use crate::app::learn::code::Action;
use crate::app::learn::course::LessonId;
use crate::app::learn::target::ClientSpec;
use crate::app::learn::topic_design::{self, Severity};
use crate::app::learn::topics::{self, LiveOutcome, LivePlan, SkipReason};
use crate::i18n::learn::topics::TopicsMsg;
use crate::i18n::{self, Lang};
use crate::protocol::codec::{PacketType, QoS};

/// Names the checker's example buttons fill in.
const NAME_EXAMPLES: [&str; 5] = [
    "hexaboard_A_temperature",
    "/home/livingroom/temperature",
    "Home/livingroom/Temperature",
    "home/living room/temperature",
    "home/livingroom/temperature",
];

/// Filters offered with one click.
const FILTER_EXAMPLES: [&str; 5] = [
    "home/+/temperature",
    "home/#",
    "+/livingroom/#",
    "+/+/temperature",
    "home/+",
];

/// The level under the learner's prefix that the broker check uses.
const CHECK_LEVEL: &str = "wild";

/// A check that has not finished after this long gives up.
const CHECK_TIMEOUT_MS: u32 = 10_000;

/// Where a check on the broker stands.
#[derive(Clone, Debug, PartialEq)]
enum Phase {
    /// The subscriber connects and subscribes.
    Subscribing,
    /// The publisher sends the topics and the end marker.
    Publishing,
    /// The end marker arrived.
    Done(LiveOutcome),
    /// Something went wrong (already in the learner's language).
    Failed(String),
}

/// One check on the broker: what it ran on and how far it got.
#[derive(Clone, Debug, PartialEq)]
struct Check {
    /// Running number, from 1 (so a late timeout hits only its own check).
    id: u32,
    plan: LivePlan,
    /// The list as it was when the check started (to tell a stale column).
    topics_text: String,
    /// The subscriber's newest packet and message count before the check.
    wire_mark: u64,
    message_mark: u64,
    phase: Phase,
}

/// See the module docs.
#[function_component]
pub fn TopicsLesson() -> Html {
    let ctx = use_learn();
    let lang = ctx.lang;
    let name = use_state(|| NAME_EXAMPLES[0].to_string());
    let filter = use_state(|| FILTER_EXAMPLES[0].to_string());
    let topics_text = use_state(|| crate::app::learn::topics::EXAMPLE_TOPICS.join("\n"));
    let check = use_state(|| None::<Check>);
    let expired = use_state(|| None::<u32>);
    let subscriber = use_actor();
    let publisher = use_actor();
    let sub_spec = ClientSpec::new(ctx.client_id("wild-sub"));
    let pub_spec = ClientSpec::new(ctx.client_id("wild-pub"));
    let root = ctx.topic(CHECK_LEVEL);

    let topic_list = topics::topics_of(&topics_text);
    let plan = topics::plan(&root, &filter, &topic_list);

    use_drive_check(
        &ctx.mark_done,
        &check,
        *expired,
        &subscriber,
        &publisher,
        lang,
    );
    {
        // Each check gets a deadline; the driver gives up on it then.
        let expired = expired.clone();
        use_effect_with(check.as_ref().map(|c| c.id), move |id| {
            let timer = id.map(|id| Timeout::new(CHECK_TIMEOUT_MS, move || expired.set(Some(id))));
            move || drop(timer)
        });
    }

    let checker = checker_part(lang, &name);
    let playground = playground_part(lang, &filter, &topics_text, &check, &plan);

    let on_check = {
        let (subscriber, publisher, check, target) = (
            subscriber.clone(),
            publisher.clone(),
            check.clone(),
            ctx.target.clone(),
        );
        let (sub_spec, pub_spec, plan, text) = (
            sub_spec.clone(),
            pub_spec.clone(),
            plan.clone(),
            (*topics_text).clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Ok(plan) = plan.clone() else {
                return;
            };
            let state = subscriber.state();
            // The readout shows this check's packets only.
            subscriber.clear();
            publisher.clear();
            check.set(Some(Check {
                id: check.as_ref().map_or(1, |c| c.id + 1),
                wire_mark: state.wire_mark(),
                message_mark: state.messages_total,
                topics_text: text.clone(),
                plan: plan.clone(),
                phase: Phase::Subscribing,
            }));
            // A fresh session each time: only this check's filter.
            subscriber.connect(
                &target,
                &sub_spec,
                vec![
                    OnConnect::Subscribe(plan.filter.clone(), QoS::AtLeastOnce),
                    OnConnect::Subscribe(plan.end_topic.clone(), QoS::AtLeastOnce),
                ],
            );
            if !publisher.state().status.is_active() {
                publisher.connect(&target, &pub_spec, vec![]);
            }
        })
    };
    let busy = matches!(
        check.as_ref().map(|c| &c.phase),
        Some(Phase::Subscribing | Phase::Publishing)
    );
    let sendable = plan.as_ref().is_ok_and(|p| !p.sends.is_empty());
    let code_plan = plan.as_ref().ok();
    let live = html! {
        <section class="topics-part" aria-labelledby="topics-live">
            <h4 id="topics-live">{ TopicsMsg::LiveHeading.text(lang) }</h4>
            <p>{ TopicsMsg::LiveIntro.text(lang) }</p>
            <div class="lesson-actions">
                <button type="button" onclick={on_check} disabled={!sendable || busy}>
                    { TopicsMsg::CheckButton.text(lang) }
                </button>
                if let Some(c) = &*check {
                    { phase_note(lang, &c.phase) }
                }
            </div>
            <div class="actors">
                <ActorCard {lang} name={TopicsMsg::SubscriberName.text(lang)}
                    client_id={sub_spec.client_id.clone()} status={subscriber.state().status.clone()}>
                    if let Some(p) = code_plan {
                        <p class="topics-filter">{ TopicsMsg::SubscribedTo.text(lang) }{ ": " }<code>{ breakable(&p.filter) }</code></p>
                        <ShowCode id="topics-subscribe" spec={sub_spec.clone()}
                            action={Action::Subscribe { filter: p.filter.clone(), qos: QoS::AtLeastOnce }} />
                    }
                </ActorCard>
                <ActorCard {lang} name={TopicsMsg::PublisherName.text(lang)}
                    client_id={pub_spec.client_id.clone()} status={publisher.state().status.clone()}>
                    if let Some(first) = code_plan.and_then(|p| p.sends.first()) {
                        <ShowCode id="topics-publish" spec={pub_spec.clone()}
                            action={Action::Publish { topic: first.topic.clone(), payload: first.listed.clone(), qos: QoS::AtLeastOnce, retain: false }} />
                    }
                </ActorCard>
            </div>
        </section>
    };

    let idea = html! {
        <>
            <p>{ TopicsMsg::Idea1.text(lang) }</p>
            <p>{ TopicsMsg::Idea2.text(lang) }</p>
            <p>{ TopicsMsg::Idea3.text(lang) }</p>
        </>
    };
    let exercise = html! {
        <>
            { checker }
            { playground }
            { live }
        </>
    };
    let readout = html! {
        <>
            if let Some(c) = &*check {
                { outcome_summary(lang, c) }
            }
            <p>{ TopicsMsg::ReadoutIntro.text(lang) }</p>
            <div class="actors">
                <div>
                    <h4>{ TopicsMsg::SubscriberName.text(lang) }</h4>
                    <WireList {lang} label={TopicsMsg::SubscriberPackets.text(lang)}
                        entries={subscriber.state().wire.clone()} />
                </div>
                <div>
                    <h4>{ TopicsMsg::PublisherName.text(lang) }</h4>
                    <WireList {lang} label={TopicsMsg::PublisherPackets.text(lang)}
                        entries={publisher.state().wire.clone()} />
                </div>
            </div>
        </>
    };
    html! { <LessonFrame lesson={LessonId::Topics} {idea} {exercise} {readout} /> }
}

/// Moves a check on as its clients report: publish once both
/// subscriptions are acknowledged, finish when the end marker arrives,
/// fail on a refusal or a lost connection.
#[hook]
fn use_drive_check(
    mark_done: &Callback<LessonId>,
    check: &UseStateHandle<Option<Check>>,
    expired: Option<u32>,
    subscriber: &ActorHandle,
    publisher: &ActorHandle,
    lang: Lang,
) {
    let s = subscriber.state();
    let p = publisher.state();
    let deps = (
        check.as_ref().map(|c| c.phase.clone()),
        s.wire_mark(),
        s.messages_total,
        s.status.clone(),
        p.status.clone(),
        s.refused.clone(),
        expired,
    );
    let (mark_done, check, subscriber, publisher) = (
        mark_done.clone(),
        check.clone(),
        subscriber.clone(),
        publisher.clone(),
    );
    use_effect_with(deps, move |_| {
        let Some(c) = (*check).clone() else {
            return;
        };
        let s = subscriber.state();
        let p = publisher.state();
        let fail = |why: String| {
            check.set(Some(Check {
                phase: Phase::Failed(why),
                ..c.clone()
            }))
        };
        match &c.phase {
            Phase::Subscribing | Phase::Publishing => {
                if expired == Some(c.id) {
                    fail(TopicsMsg::NoAnswer.text(lang).to_string());
                    return;
                }
                if let Some((_, code)) = &s.refused {
                    fail(
                        TopicsMsg::Refused
                            .text(lang)
                            .replace("{}", &format!("0x{code:02X}")),
                    );
                    return;
                }
                let lost = |st: &ActorStatus| matches!(st, ActorStatus::Closed { .. });
                if lost(&s.status) || (lost(&p.status) && c.phase == Phase::Publishing) {
                    fail(TopicsMsg::ConnectionLost.text(lang).to_string());
                    return;
                }
            }
            _ => return,
        }
        if c.phase == Phase::Subscribing {
            let subacks = s
                .wire_since(c.wire_mark)
                .filter(|w| {
                    w.direction == Direction::Received && w.packet_type == PacketType::SubAck
                })
                .count();
            if subacks < 2 || !p.status.is_connected() {
                return;
            }
            let sends = c
                .plan
                .sends
                .iter()
                .map(|t| (t.topic.as_str(), t.listed.as_str()))
                .chain(std::iter::once((c.plan.end_topic.as_str(), "end")));
            for (topic, payload) in sends {
                if let Err(e) = publisher.publish(topic, payload, QoS::AtLeastOnce, false) {
                    fail(i18n::command_error(lang, &e));
                    return;
                }
            }
            check.set(Some(Check {
                phase: Phase::Publishing,
                ..c
            }));
            return;
        }
        let got: Vec<&str> = s
            .messages_since(c.message_mark)
            .map(|m| m.topic.as_str())
            .collect();
        if got.contains(&c.plan.end_topic.as_str()) {
            let outcome = topics::compare(&c.plan, &got);
            if outcome.agrees() {
                mark_done.emit(LessonId::Topics);
            }
            check.set(Some(Check {
                phase: Phase::Done(outcome),
                ..c
            }));
        }
    });
}

/// Part A: the name checker.
fn checker_part(lang: Lang, name: &UseStateHandle<String>) -> Html {
    let findings = topic_design::check(name, lang);
    let suggestion = topic_design::suggest(name);
    let oninput = {
        let name = name.clone();
        Callback::from(move |v: String| name.set(v))
    };
    let examples = NAME_EXAMPLES.iter().map(|&ex| {
        let name = name.clone();
        let onclick = Callback::from(move |_: MouseEvent| name.set(ex.to_string()));
        html! { <li><button type="button" class="button-secondary chip" {onclick}><code>{ ex }</code></button></li> }
    });
    let findings_html = if findings.is_empty() {
        html! { <p class="lesson-result lesson-result--good">{ TopicsMsg::NoFindings.text(lang) }</p> }
    } else {
        html! {
            <ul class="topic-findings" aria-label={TopicsMsg::FindingsLabel.text(lang)}>
                { for findings.iter().map(|f| {
                    let (label, class) = match f.severity {
                        Severity::Error => (TopicsMsg::SeverityError, "finding--error"),
                        Severity::Warning => (TopicsMsg::SeverityWarning, "finding--warning"),
                        Severity::Advice => (TopicsMsg::SeverityAdvice, "finding--advice"),
                    };
                    html! {
                        <li class={classes!("finding", class)}>
                            <span class="finding-severity">{ label.text(lang) }</span>
                            <span class="finding-text">{ f.explanation.clone() }</span>
                        </li>
                    }
                }) }
            </ul>
        }
    };
    let suggestion_html = suggestion.map(|better| {
        let name = name.clone();
        let chosen = better.clone();
        let onclick = Callback::from(move |_: MouseEvent| name.set(chosen.clone()));
        html! {
            <p class="topic-suggestion">
                { TopicsMsg::Suggestion.text(lang) }{ ": " }<code>{ better }</code>{ " " }
                <button type="button" class="button-secondary" {onclick}>{ TopicsMsg::UseSuggestion.text(lang) }</button>
            </p>
        }
    });
    html! {
        <section class="topics-part" aria-labelledby="topics-checker">
            <h4 id="topics-checker">{ TopicsMsg::CheckerHeading.text(lang) }</h4>
            <p>{ TopicsMsg::CheckerIntro.text(lang) }</p>
            <TextField id="topics-name" label={TopicsMsg::NameLabel.text(lang)}
                value={(**name).clone()} {oninput} />
            <div class="topic-examples">
                <span id="topics-name-examples">{ TopicsMsg::Examples.text(lang) }</span>
                <ul class="chips" aria-labelledby="topics-name-examples">{ for examples }</ul>
            </div>
            { findings_html }
            { suggestion_html.unwrap_or_default() }
        </section>
    }
}

/// Part B: the wildcard playground, with the broker's column once checked.
fn playground_part(
    lang: Lang,
    filter: &UseStateHandle<String>,
    topics_text: &UseStateHandle<String>,
    check: &UseStateHandle<Option<Check>>,
    plan: &Result<LivePlan, crate::protocol::topic::TopicError>,
) -> Html {
    let topic_list = topics::topics_of(topics_text);
    let error = plan.as_ref().err().map(|e| {
        AttrValue::from(format!(
            "{} {}",
            TopicsMsg::InvalidFilter.text(lang),
            i18n::topic_error(lang, e)
        ))
    });
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |v: String| filter.set(v))
    };
    let on_topics = {
        let topics_text = topics_text.clone();
        Callback::from(move |v: String| topics_text.set(v))
    };
    let filter_buttons = FILTER_EXAMPLES.iter().map(|&f| {
        let filter = filter.clone();
        let onclick = Callback::from(move |_: MouseEvent| filter.set(f.to_string()));
        html! { <li><button type="button" class="button-secondary chip" {onclick}><code>{ f }</code></button></li> }
    });
    // The broker's column, when the last check ran on exactly this input.
    let live = check
        .as_ref()
        .filter(|c| c.plan.listed_filter == **filter && c.topics_text == **topics_text);
    let stale = check.is_some() && live.is_none();
    let outcome = live.and_then(|c| match &c.phase {
        Phase::Done(o) => Some(o),
        _ => None,
    });
    let table = if plan.is_err() {
        Html::default()
    } else if topic_list.is_empty() {
        html! { <p class="form-error">{ TopicsMsg::NoTopics.text(lang) }</p> }
    } else {
        let rows = topic_design::wildcard_playground(filter, &topic_list, lang);
        html! {
            <table class="playground" aria-label={TopicsMsg::VerdictsLabel.text(lang)}>
                <thead>
                    <tr>
                        <th scope="col">{ TopicsMsg::ColumnTopic.text(lang) }</th>
                        <th scope="col">{ TopicsMsg::ColumnVerdict.text(lang) }</th>
                        <th scope="col">{ TopicsMsg::ColumnReason.text(lang) }</th>
                        if outcome.is_some() {
                            <th scope="col">{ TopicsMsg::ColumnBroker.text(lang) }</th>
                        }
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().enumerate().map(|(i, r)| {
                        let verdict = if r.matches { TopicsMsg::Match } else { TopicsMsg::NoMatch };
                        let broker = outcome.map(|o| broker_cell(lang, o, live.map(|c| &c.plan), &r.topic, r.matches));
                        html! {
                            <tr key={i} class={classes!(if r.matches { "row--match" } else { "row--nomatch" })}>
                                <th scope="row"><code>{ breakable(&r.topic) }</code></th>
                                <td class="verdict">{ verdict.text(lang) }</td>
                                <td>{ r.reason.clone() }</td>
                                if let Some(cell) = broker { { cell } }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        }
    };
    html! {
        <section class="topics-part" aria-labelledby="topics-playground">
            <h4 id="topics-playground">{ TopicsMsg::PlaygroundHeading.text(lang) }</h4>
            <p>{ TopicsMsg::PlaygroundIntro.text(lang) }</p>
            <div class="playground-inputs">
                <div>
                    <TextField id="topics-filter" label={TopicsMsg::FilterLabel.text(lang)}
                        value={(**filter).clone()} oninput={on_filter} {error} />
                    <div class="topic-examples">
                        <span id="topics-filter-examples">{ TopicsMsg::TryFilters.text(lang) }</span>
                        <ul class="chips" aria-labelledby="topics-filter-examples">{ for filter_buttons }</ul>
                    </div>
                </div>
                <TextField id="topics-list" class="topics-list" label={TopicsMsg::TopicsLabel.text(lang)}
                    value={(**topics_text).clone()} oninput={on_topics} multiline=true
                    hint={AttrValue::from(TopicsMsg::TopicsHint.text(lang))} />
            </div>
            { table }
            if stale {
                <p class="hint">{ TopicsMsg::Stale.text(lang) }</p>
            }
        </section>
    }
}

/// A topic that may wrap after each '/' (never inside a level's word).
fn breakable(topic: &str) -> Html {
    let mut parts = topic.split('/').peekable();
    let mut out = Vec::new();
    while let Some(level) = parts.next() {
        out.push(html! { { level.to_string() } });
        if parts.peek().is_some() {
            out.push(html! { <>{ "/" }<wbr /></> });
        }
    }
    html! { <>{ for out }</> }
}

/// The broker's cell of one playground row.
fn broker_cell(
    lang: Lang,
    o: &LiveOutcome,
    plan: Option<&LivePlan>,
    topic: &str,
    core: bool,
) -> Html {
    let skipped = plan.and_then(|p| {
        p.skipped
            .iter()
            .find(|(t, r)| t == topic && *r != SkipReason::Duplicate)
    });
    if let Some((_, reason)) = skipped {
        return html! {
            <td class="broker broker--skipped">
                { TopicsMsg::NotSent.text(lang) }{ " — " }{ skip_reason(lang, reason) }
            </td>
        };
    }
    let Some(row) = o.rows.iter().find(|r| r.listed == topic) else {
        return html! { <td class="broker">{ "—" }</td> };
    };
    let text = match row.delivered {
        0 => TopicsMsg::NotDelivered,
        1 => TopicsMsg::Delivered,
        _ => TopicsMsg::DeliveredTwice,
    };
    let agree = row.agrees() && row.expected == core;
    html! {
        <td class={classes!("broker", if agree { "broker--agrees" } else { "broker--disagrees" })}>
            { text.text(lang) }{ if agree { " ✓" } else { " ✗" } }
        </td>
    }
}

fn skip_reason(lang: Lang, r: &SkipReason) -> String {
    match r {
        SkipReason::Invalid(e) => format!(
            "{}: {}",
            TopicsMsg::SkippedInvalid.text(lang),
            i18n::topic_error(lang, e)
        ),
        SkipReason::Dollar => TopicsMsg::SkippedDollar.text(lang).to_string(),
        SkipReason::Duplicate => TopicsMsg::SkippedDuplicate.text(lang).to_string(),
    }
}

/// A short note on a running check, next to its button.
fn phase_note(lang: Lang, phase: &Phase) -> Html {
    match phase {
        Phase::Subscribing => {
            html! { <span class="hint" aria-live="polite">{ TopicsMsg::Subscribing.text(lang) }</span> }
        }
        Phase::Publishing => {
            html! { <span class="hint" aria-live="polite">{ TopicsMsg::Publishing.text(lang) }</span> }
        }
        Phase::Done(_) | Phase::Failed(_) => Html::default(),
    }
}

/// The readout of the last check: agreement, disagreements, topics not
/// sent, strangers.
fn outcome_summary(lang: Lang, c: &Check) -> Html {
    match &c.phase {
        Phase::Subscribing | Phase::Publishing => Html::default(),
        Phase::Failed(why) => html! {
            <p class="lesson-result lesson-result--bad" role="alert">
                { TopicsMsg::CheckFailed.text(lang) }{ " " }{ why.clone() }
            </p>
        },
        Phase::Done(o) => {
            let counts = match lang {
                Lang::En => format!(
                    " {} of {} sent topics were delivered, for the filter {}.",
                    o.delivered(),
                    o.rows.len(),
                    c.plan.filter
                ),
                Lang::Ko => format!(
                    " 보낸 Topic {}개 중 {}개가 전달되었습니다(필터: {}).",
                    o.rows.len(),
                    o.delivered(),
                    c.plan.filter
                ),
            };
            html! {
                <>
                    if o.agrees() {
                        <p class="lesson-result lesson-result--good" aria-live="polite">
                            { TopicsMsg::AgreeAll.text(lang) }{ counts }
                        </p>
                    } else {
                        <div class="lesson-result lesson-result--bad" aria-live="polite">
                            <p>{ TopicsMsg::Disagree.text(lang) }</p>
                            <ul>
                                { for o.rows.iter().filter(|r| !r.agrees()).map(|r| html! {
                                    <li><code>{ r.listed.clone() }</code></li>
                                }) }
                            </ul>
                        </div>
                    }
                    if !c.plan.skipped.is_empty() {
                        <div class="topics-skipped">
                            <p>{ TopicsMsg::SkippedHeading.text(lang) }</p>
                            <ul>
                                { for c.plan.skipped.iter().map(|(t, r)| html! {
                                    <li><code>{ t.clone() }</code>{ ": " }{ skip_reason(lang, r) }</li>
                                }) }
                            </ul>
                        </div>
                    }
                    if !o.strangers.is_empty() {
                        <div class="topics-skipped">
                            <p>{ TopicsMsg::Strangers.text(lang) }</p>
                            <ul>
                                { for o.strangers.iter().map(|t| html! { <li><code>{ t.clone() }</code></li> }) }
                            </ul>
                        </div>
                    }
                </>
            }
        }
    }
}
