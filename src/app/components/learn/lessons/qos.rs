//! Lesson 5, QoS 0, 1 and 2: a sensor publishes the same reading at each
//! level to a dashboard subscribed at QoS 2 (or lower), and each run shows
//! the packets of that one message on both legs with their timings, and
//! how many packets each level cost. On the sandbox, the broker can lose
//! the sensor's next acknowledgement, to show a duplicate at QoS 1 and
//! none at QoS 2.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::app::components::learn::{
    use_done_when, use_learn, ActorCard, LessonFrame, ShowCode, WireList,
};
use crate::app::hooks::{use_actor, OnConnect};
use crate::app::learn::actor::{ActorState, Direction};
use crate::app::learn::code::Action;
use crate::app::learn::course::LessonId;
use crate::app::learn::qos::{self as model, Run, RunReport, Until, LEVELS};
use crate::app::learn::target::ClientSpec;
use crate::i18n::learn::qos::QosMsg;
use crate::i18n::learn::LearnMsg;
use crate::i18n::{self, Lang};
use crate::protocol::codec::{PacketType, QoS};
use crate::transport::sandbox::{self, Conditions};

/// The reading the sensor sends at every level.
const READING: &str = "21.5";

/// How long the sandbox broker keeps the sensor's session in the
/// lost-acknowledgement demo, in seconds.
const DEMO_SESSION_EXPIRY_S: u32 = 60;

/// Runs shown (the newest).
const RUNS_SHOWN: usize = 6;

/// See the module docs.
#[function_component]
pub fn QosLesson() -> Html {
    let ctx = use_learn();
    let lang = ctx.lang;
    let sensor = use_actor();
    let dashboard = use_actor();
    let sensor_spec = ClientSpec::new(ctx.client_id("sensor"));
    let dashboard_spec = ClientSpec::new(ctx.client_id("dashboard"));
    let topic = ctx.topic("qos/livingroom/temperature");
    let subscribed = use_state(|| QoS::ExactlyOnce);
    let runs = use_state(Vec::<Run>::new);
    let keeps_session = use_state(|| false);
    let error = use_state(|| None::<String>);
    // The demo tells this tab's sandbox broker what to lose; a tab that
    // relays to another tab's sandbox cannot.
    let loss_demo_possible = ctx.target.is_sandbox() && !sandbox::is_relay();

    let s = sensor.state();
    let d = dashboard.state();
    let reports: Vec<(Run, RunReport)> = runs
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let until = Until::next(runs.get(i + 1));
            let report = RunReport::new(r, until, &s.wire, &d.wire, &d.messages);
            (r.clone(), report)
        })
        .collect();
    let pending = reports.last().is_some_and(|(_, rep)| !rep.done());
    let ready = s.status.is_connected() && d.status.is_connected() && dashboard_subscribed(d);
    let can_publish = ready && !pending;

    // Done once every level had a run that showed exactly its exchange.
    let all_levels = LEVELS.iter().all(|q| {
        reports
            .iter()
            .any(|(r, rep)| r.qos == *q && r.lost.is_none() && rep.exact())
    });
    use_done_when(LessonId::Qos, all_levels);

    let publish = {
        let (sensor, dashboard, runs, error, topic, subscribed) = (
            sensor.clone(),
            dashboard.clone(),
            runs.clone(),
            error.clone(),
            topic.clone(),
            subscribed.clone(),
        );
        let client_id = sensor_spec.client_id.clone();
        Callback::from(move |(qos, lose): (QoS, bool)| {
            let lost = if lose { model::first_ack(qos) } else { None };
            if let Some(t) = lost {
                sandbox::set_conditions(
                    &client_id,
                    Conditions {
                        drop_next: vec![t],
                        ..Conditions::default()
                    },
                );
            }
            let mut run = Run {
                number: runs.last().map_or(1, |r| r.number + 1),
                qos,
                subscribed: *subscribed,
                topic: topic.clone(),
                packet_id: None,
                sensor_mark: sensor.state().wire_mark(),
                dashboard_mark: dashboard.state().wire_mark(),
                message_mark: dashboard.state().messages_total,
                lost,
            };
            match sensor.publish(&topic, READING, qos, false) {
                Ok(id) => {
                    error.set(None);
                    run.packet_id = id;
                    let mut all = (*runs).clone();
                    all.push(run);
                    let extra = all.len().saturating_sub(RUNS_SHOWN);
                    all.drain(..extra);
                    runs.set(all);
                }
                Err(e) => {
                    if lost.is_some() {
                        sandbox::set_conditions(&client_id, Conditions::default());
                    }
                    error.set(Some(i18n::command_error(lang, &e)));
                }
            }
        })
    };

    let on_connect_sensor = {
        let (sensor, target, spec, runs, keeps) = (
            sensor.clone(),
            ctx.target.clone(),
            sensor_spec.clone(),
            runs.clone(),
            keeps_session.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            runs.set(Vec::new());
            keeps.set(false);
            if target.is_sandbox() {
                sandbox::set_conditions(&spec.client_id, Conditions::default());
            }
            sensor.connect(&target, &spec, vec![]);
        })
    };
    let on_keep_session = {
        let (sensor, target, spec, keeps) = (
            sensor.clone(),
            ctx.target.clone(),
            sensor_spec.clone(),
            keeps_session.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            keeps.set(true);
            sensor.connect_keeping_session(&target, &spec, DEMO_SESSION_EXPIRY_S, vec![]);
        })
    };
    let on_connect_dashboard = {
        let (dashboard, target, spec, runs, topic, subscribed) = (
            dashboard.clone(),
            ctx.target.clone(),
            dashboard_spec.clone(),
            runs.clone(),
            topic.clone(),
            subscribed.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            runs.set(Vec::new());
            dashboard.connect(
                &target,
                &spec,
                vec![OnConnect::Subscribe(topic.clone(), *subscribed)],
            );
        })
    };
    let on_subscription_qos = {
        let (dashboard, topic, subscribed, error) = (
            dashboard.clone(),
            topic.clone(),
            subscribed.clone(),
            error.clone(),
        );
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            let Some(q) = el.value().parse::<u8>().ok().and_then(QoS::from_u8) else {
                return;
            };
            subscribed.set(q);
            // Connected: subscribing again to the same filter replaces the
            // subscription's QoS.
            if dashboard.state().status.is_connected() {
                error.set(
                    dashboard
                        .subscribe(&topic, q)
                        .err()
                        .map(|e| i18n::command_error(lang, &e)),
                );
            }
        })
    };

    let level_buttons = LEVELS.iter().map(|&q| {
        let onclick = publish.reform(move |_: MouseEvent| (q, false));
        html! {
            <li>
                <button type="button" {onclick} disabled={!can_publish}>
                    { publish_label(q).text(lang) }
                </button>
                <ShowCode id={format!("qos-publish-{}", q.as_u8())} spec={sensor_spec.clone()}
                    action={Action::Publish { topic: topic.clone(), payload: READING.to_string(), qos: q, retain: false }} />
            </li>
        }
    });
    let loss_demo = loss_demo_possible.then(|| {
        let lose = |q: QoS, label: QosMsg| {
            let onclick = publish.reform(move |_: MouseEvent| (q, true));
            html! {
                <button type="button" {onclick} disabled={!can_publish || !*keeps_session}>
                    { label.text(lang) }
                </button>
            }
        };
        html! {
            <section class="qos-loss" aria-labelledby="qos-loss">
                <h4 id="qos-loss">{ QosMsg::LossHeading.text(lang) }</h4>
                <p>{ QosMsg::LossIntro.text(lang) }</p>
                <div class="lesson-actions">
                    if *keeps_session {
                        <span class="hint">{ QosMsg::SessionKept.text(lang) }</span>
                    } else {
                        <button type="button" class="button-secondary" onclick={on_keep_session}
                            disabled={!s.status.is_connected()}>
                            { QosMsg::KeepSession.text(lang) }
                        </button>
                    }
                    { lose(QoS::AtLeastOnce, QosMsg::LosePubAck) }
                    { lose(QoS::ExactlyOnce, QosMsg::LosePubRec) }
                </div>
            </section>
        }
    });

    let readings = d.messages.iter().filter(|m| m.topic == topic);
    let exercise = html! {
        <>
            <div class="actors">
                <ActorCard {lang} name={QosMsg::SensorName.text(lang)} client_id={sensor_spec.client_id.clone()}
                    status={s.status.clone()}>
                    <div class="lesson-actions">
                        <button type="button" onclick={on_connect_sensor}>{ QosMsg::Connect.text(lang) }</button>
                    </div>
                    <ShowCode id="qos-connect" spec={sensor_spec.clone()} action={Action::Connect} />
                    <p class="hint"><code>{ topic.clone() }</code>{ " ← " }<code>{ READING }</code></p>
                    <ul class="qos-levels">{ for level_buttons }</ul>
                </ActorCard>
                <ActorCard {lang} name={QosMsg::DashboardName.text(lang)} client_id={dashboard_spec.client_id.clone()}
                    status={d.status.clone()}>
                    <div class="field qos-subscription">
                        <label for="qos-subscription">{ QosMsg::SubscriptionQos.text(lang) }</label>
                        <select id="qos-subscription" onchange={on_subscription_qos} aria-describedby="qos-subscription-hint">
                            { for LEVELS.iter().map(|q| html! {
                                <option value={q.as_u8().to_string()} selected={*q == *subscribed}>{ format!("QoS {}", q.as_u8()) }</option>
                            }) }
                        </select>
                        <p id="qos-subscription-hint" class="field-hint">{ QosMsg::SubscriptionHint.text(lang) }</p>
                    </div>
                    <div class="lesson-actions">
                        <button type="button" onclick={on_connect_dashboard}>{ QosMsg::ConnectSubscribe.text(lang) }</button>
                    </div>
                    <ShowCode id="qos-subscribe" spec={dashboard_spec.clone()}
                        action={Action::Subscribe { filter: topic.clone(), qos: *subscribed }} />
                    <ul class="lesson-messages" aria-label={QosMsg::ReadingsLabel.text(lang)}>
                        { for readings.map(|m| html! {
                            <li key={m.seq}>
                                <code>{ m.text() }</code>
                                { format!(" · QoS {}", m.qos.as_u8()) }
                                if m.dup { { " · DUP" } }
                            </li>
                        }) }
                    </ul>
                </ActorCard>
            </div>
            if !ready {
                <p class="hint">{ QosMsg::ConnectBoth.text(lang) }</p>
            }
            if let Some(e) = &*error {
                <p class="form-error" role="alert">{ e.clone() }</p>
            }
            { loss_demo.unwrap_or_default() }
        </>
    };

    let idea = html! {
        <>
            <p>{ QosMsg::Idea1.text(lang) }</p>
            <p>{ QosMsg::Idea2.text(lang) }</p>
            <p>{ QosMsg::Idea3.text(lang) }</p>
        </>
    };
    let readout = html! {
        <>
            <p>{ QosMsg::ReadoutIntro.text(lang) }</p>
            if reports.is_empty() {
                <p class="wire-empty">{ LearnMsg::NothingYet.text(lang) }</p>
            }
            { for reports.iter().rev().map(|(r, rep)| run_view(lang, r, rep)) }
            { counts_table(lang, &reports) }
        </>
    };
    html! { <LessonFrame lesson={LessonId::Qos} {idea} {exercise} {readout} /> }
}

/// The label of the button that publishes at `qos`.
fn publish_label(qos: QoS) -> QosMsg {
    match qos {
        QoS::AtMostOnce => QosMsg::PublishQos0,
        QoS::AtLeastOnce => QosMsg::PublishQos1,
        QoS::ExactlyOnce => QosMsg::PublishQos2,
    }
}

/// The Korean particle "(으)로" after a QoS digit as it is read (영, 일, 이).
fn ro(qos: u8) -> &'static str {
    if qos == 0 {
        "으로"
    } else {
        "로"
    }
}

/// Whether the dashboard's latest connection got its SUBACK, accepted.
fn dashboard_subscribed(d: &ActorState) -> bool {
    let last = |t: PacketType| {
        d.wire
            .iter()
            .rev()
            .find(|w| w.direction == Direction::Received && w.packet_type == t)
            .map(|w| w.seq)
    };
    d.refused.is_none()
        && matches!((last(PacketType::ConnAck), last(PacketType::SubAck)), (Some(c), Some(s)) if s > c)
}

/// One run: both legs' packets, timed from the sensor's PUBLISH, and what
/// they mean.
fn run_view(lang: Lang, run: &Run, rep: &RunReport) -> Html {
    let n = run.number;
    let title = format!(
        "{} {n} · PUBLISH QoS {} → QoS {}",
        QosMsg::RunHeading.text(lang),
        run.qos.as_u8(),
        rep.expected_delivery.as_u8()
    );
    let verdict = if !rep.done() {
        html! { <p class="lesson-result">{ QosMsg::Waiting.text(lang) }</p> }
    } else if run.lost.is_some() {
        let (text, good) = match (rep.resent(), run.qos, rep.deliveries.len()) {
            (false, _, _) => (QosMsg::LostNotResent, false),
            (true, QoS::AtLeastOnce, k) if k > 1 => (QosMsg::DuplicateQos1, true),
            (true, QoS::ExactlyOnce, 1) => (QosMsg::OnceQos2, true),
            _ => (QosMsg::NotExact, false),
        };
        html! {
            <p class={classes!("lesson-result", if good { "lesson-result--good" } else { "lesson-result--bad" })}>
                { text.text(lang) }
            </p>
        }
    } else if rep.exact() {
        html! { <p class="lesson-result lesson-result--good">{ QosMsg::Exact.text(lang) }</p> }
    } else {
        html! { <p class="lesson-result lesson-result--bad">{ QosMsg::NotExact.text(lang) }</p> }
    };
    html! {
        <section class="qos-run" aria-label={format!("{} {n}", QosMsg::RunHeading.text(lang))}>
            <h4>{ title }</h4>
            <div class="qos-legs">
                <div>
                    <h5>{ QosMsg::SensorLeg.text(lang) }</h5>
                    <WireList {lang} label={format!("{} {n}", QosMsg::SensorPacketsRun.text(lang))}
                        entries={rep.sensor.clone()} t0={rep.t0} />
                </div>
                <div>
                    <h5>{ QosMsg::DashboardLeg.text(lang) }</h5>
                    <WireList {lang} label={format!("{} {n}", QosMsg::DashboardPacketsRun.text(lang))}
                        entries={rep.dashboard.clone()} t0={rep.t0} />
                </div>
            </div>
            <p class="qos-summary">{ run_summary(lang, run.qos, rep, READING) }</p>
            { verdict }
        </section>
    }
}

/// Packets per message at each level, from the latest exact run of each.
fn counts_table(lang: Lang, reports: &[(Run, RunReport)]) -> Html {
    let rows = LEVELS.iter().map(|&q| {
        let latest = reports
            .iter()
            .rev()
            .find(|(r, rep)| r.qos == q && r.lost.is_none() && rep.exact());
        let level = html! { <th scope="row">{ format!("QoS {}", q.as_u8()) }</th> };
        match latest {
            Some((_, rep)) => {
                let done_after = match rep.acknowledged_after_ms {
                    Some(ms) => format!("{ms} ms"),
                    None => "—".to_string(),
                };
                html! {
                    <tr>
                        { level }
                        <td>{ rep.sensor_packets() }</td>
                        <td>{ rep.dashboard_packets() }</td>
                        <td>{ rep.sensor_packets() + rep.dashboard_packets() }</td>
                        <td>{ done_after }</td>
                    </tr>
                }
            }
            None => html! {
                <tr>
                    { level }
                    <td colspan="4" class="hint">{ QosMsg::NotRunYet.text(lang) }</td>
                </tr>
            },
        }
    });
    html! {
        <section class="qos-counts" aria-labelledby="qos-counts">
            <h4 id="qos-counts">{ QosMsg::CountsHeading.text(lang) }</h4>
            <table aria-label={QosMsg::CountsLabel.text(lang)}>
                <thead>
                    <tr>
                        <th scope="col">{ QosMsg::ColumnLevel.text(lang) }</th>
                        <th scope="col">{ QosMsg::ColumnSensorLeg.text(lang) }</th>
                        <th scope="col">{ QosMsg::ColumnDashboardLeg.text(lang) }</th>
                        <th scope="col">{ QosMsg::ColumnTotal.text(lang) }</th>
                        <th scope="col">{ QosMsg::ColumnRoundTrip.text(lang) }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p class="hint">{ QosMsg::CountsNote.text(lang) }</p>
        </section>
    }
}

/// The run in one sentence: packets per leg, when the sensor's last
/// answer came, and how often and at which QoS the dashboard got the
/// reading.
fn run_summary(lang: Lang, qos: QoS, rep: &RunReport, reading: &str) -> String {
    let answer = model::publisher_steps(qos)
        .last()
        .map_or("", |(_, t)| t.name());
    let (n, m, k) = (
        rep.sensor_packets(),
        rep.dashboard_packets(),
        rep.deliveries.len(),
    );
    let delivered_at = rep
        .deliveries
        .first()
        .map_or(rep.expected_delivery, |m| m.qos)
        .as_u8();
    match lang {
        Lang::En => {
            let after = rep
                .acknowledged_after_ms
                .map(|ms| format!(", {answer} after {ms} ms"))
                .unwrap_or_default();
            format!(
                "Sensor ↔ broker: {n} packets{after}. Broker ↔ dashboard: {m} packets. \
                 The dashboard got “{reading}” {k}× at QoS {delivered_at}."
            )
        }
        Lang::Ko => {
            let after = rep
                .acknowledged_after_ms
                .map(|ms| format!(", {ms} ms 뒤 {answer} 도착"))
                .unwrap_or_default();
            format!(
                "센서 ↔ Broker: 패킷 {n}개{after}. Broker ↔ 대시보드: 패킷 {m}개. \
                 대시보드가 측정값 “{reading}”을(를) QoS {delivered_at}{ro} {k}번 받았습니다.",
                ro = ro(delivered_at)
            )
        }
    }
}
