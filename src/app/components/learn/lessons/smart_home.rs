//! Lesson 8, the smart home: two room sensors, a phone app, a controller
//! and a boiler, each its own MQTT connection. Every device acts only on
//! what its client received through the broker (the logic is the pure
//! [`crate::app::learn::smart_home`]); a one-second interval moves the
//! rooms' temperatures and has the sensors publish them. The learner sets
//! the target on the phone (published retained to the target topic) or
//! opens a window, and watches commands and status reports go by on a
//! live diagram.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Interval;
use yew::prelude::*;

use super::diagram::{arrow_marker, edge, last_publish, node, Point};
use crate::app::client::now_ms;
use crate::app::components::learn::{
    use_done_when, use_learn, ActorCard, LessonFrame, ShowCode, WireList,
};
use crate::app::hooks::{use_actor, ActorHandle, OnConnect};
use crate::app::learn::actor::{ActorState, Direction, Received};
use crate::app::learn::code::Action;
use crate::app::learn::course::LessonId;
use crate::app::learn::smart_home::{
    format_number, parse_target, room_of_topic, topics, Boiler, BoilerState, Command, Controller,
    Mode, Room, RoomSim, DEFAULT_TARGET, TARGET_MAX, TARGET_MIN,
};
use crate::app::learn::target::ClientSpec;
use crate::i18n;
use crate::i18n::learn::smart_home::{self as text, SmartHomeMsg};
use crate::i18n::Lang;
use crate::protocol::codec::{PacketType, QoS};
use crate::protocol::session::OutgoingPublish;

/// The devices' brains and the rooms, as the messages left them.
#[derive(Clone)]
struct House {
    rooms: [RoomSim; 2],
    controller: Controller,
    boiler: Boiler,
    /// The boiler got a command it could not read.
    bad_command: bool,
}

impl Default for House {
    fn default() -> Self {
        House {
            rooms: Room::ALL.map(RoomSim::new),
            controller: Controller::default(),
            boiler: Boiler::default(),
            bad_command: false,
        }
    }
}

/// Runs `f` on each message `actor` received since `cursor`, and moves
/// the cursor on.
fn each_new(actor: &ActorState, cursor: &RefCell<u64>, mut f: impl FnMut(&Received)) {
    let from = *cursor.borrow();
    for m in actor.messages_since(from) {
        f(m);
    }
    *cursor.borrow_mut() = actor.messages_total;
}

/// Leaves nothing retained behind: an empty retained message clears the
/// boiler's status and the phone's target on the broker. A client that is
/// not connected has nothing to clear with (and its own message, if any,
/// was replaced on the next start).
fn clear_retained(
    boiler: &ActorHandle,
    status_topic: &str,
    phone: &ActorHandle,
    target_topic: &str,
) {
    let _ = boiler.publish(status_topic, "", QoS::AtMostOnce, true);
    let _ = phone.publish(target_topic, "", QoS::AtMostOnce, true);
}

fn retained(topic: &str, payload: String, qos: QoS) -> OutgoingPublish {
    OutgoingPublish::new(topic, payload.into_bytes())
        .qos(qos)
        .retain(true)
}

/// Room `i` hears the boiler's status through its sensor's client.
#[hook]
fn use_room_listener(
    i: usize,
    sensor: &ActorHandle,
    house: &Rc<RefCell<House>>,
    cursors: &Rc<RefCell<[u64; 4]>>,
    status_topic: &str,
) {
    let (sensor, house, cursors, status_topic) = (
        sensor.clone(),
        house.clone(),
        cursors.clone(),
        status_topic.to_string(),
    );
    use_effect_with(sensor.state().messages_total, move |_| {
        let cursor = RefCell::new(cursors.borrow()[i]);
        each_new(sensor.state(), &cursor, |m| {
            if m.topic == status_topic {
                house.borrow_mut().rooms[i].hear_status(&m.text());
            }
        });
        cursors.borrow_mut()[i] = cursor.into_inner();
    });
}

/// See the module docs.
#[function_component]
pub fn SmartHomeLesson() -> Html {
    let ctx = use_learn();
    let lang = ctx.lang;
    // Leaving the lesson while the house runs clears the retained status
    // and target too. Hooks are torn down in the order they were called,
    // so this one comes before the clients' own (which disconnect them);
    // it reaches them through a slot filled on every render.
    let leaving = use_mut_ref(|| None::<(ActorHandle, String, ActorHandle, String)>);
    {
        let leaving = leaving.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some((boiler, status, phone, target)) = leaving.borrow_mut().take() {
                    clear_retained(&boiler, &status, &phone, &target);
                }
            }
        });
    }
    let sensors = [use_actor(), use_actor()];
    let phone = use_actor();
    let controller = use_actor();
    let boiler = use_actor();
    let house = use_mut_ref(House::default);
    let running = use_state(|| false);
    let started_at = use_state(|| 0u64);
    let looped = use_state(|| false);
    let target_input = use_state(|| format_number(DEFAULT_TARGET));
    let phone_target = use_state(|| DEFAULT_TARGET);
    let target_error = use_state(|| None::<String>);
    let target_note = use_state(|| false);
    let error = use_state(|| None::<String>);
    let cursors = use_mut_ref(|| [0u64; 4]);

    let sensor_specs = [
        ClientSpec::new(ctx.client_id("livingroom")),
        ClientSpec::new(ctx.client_id("bedroom")),
    ];
    let phone_spec = ClientSpec::new(ctx.client_id("phone"));
    let controller_spec = ClientSpec::new(ctx.client_id("controller"));
    let boiler_spec = ClientSpec::new(ctx.client_id("boiler"));
    let temp_topics = Room::ALL.map(|r| ctx.topic(&topics::temperature(r)));
    let temps_filter = ctx.topic(topics::TEMPERATURES);
    let control_topic = ctx.topic(topics::CONTROL);
    let status_topic = ctx.topic(topics::STATUS);
    let target_topic = ctx.topic(topics::TARGET);
    *leaving.borrow_mut() = Some((
        boiler.clone(),
        status_topic.clone(),
        phone.clone(),
        target_topic.clone(),
    ));

    // ----- Each device reacts to what its client received -----
    // The rooms hear the boiler's status.
    use_room_listener(0, &sensors[0], &house, &cursors, &status_topic);
    use_room_listener(1, &sensors[1], &house, &cursors, &status_topic);
    // The controller hears temperatures and the target; it commands.
    {
        let (controller, house, cursors, error) = (
            controller.clone(),
            house.clone(),
            cursors.clone(),
            error.setter(),
        );
        let (prefix, target_topic, control_topic) = (
            ctx.prefix.to_string(),
            target_topic.clone(),
            control_topic.clone(),
        );
        use_effect_with(controller.state().messages_total, move |_| {
            let cursor = RefCell::new(cursors.borrow()[2]);
            let mut commands: Vec<Command> = Vec::new();
            each_new(controller.state(), &cursor, |m| {
                let mut h = house.borrow_mut();
                let cmd = if m.topic == target_topic {
                    h.controller.on_target(&m.text())
                } else if let Some(room) = room_of_topic(&prefix, &m.topic) {
                    h.controller.on_temperature(room, &m.text())
                } else {
                    None
                };
                commands.extend(cmd);
            });
            cursors.borrow_mut()[2] = cursor.into_inner();
            for c in commands {
                if let Err(e) =
                    controller.publish(&control_topic, &c.to_json(), QoS::AtLeastOnce, false)
                {
                    error.set(Some(i18n::command_error(lang, &e)));
                }
            }
        });
    }
    // The boiler follows commands and reports its state, retained.
    {
        let (boiler, house, cursors, error, looped) = (
            boiler.clone(),
            house.clone(),
            cursors.clone(),
            error.setter(),
            looped.setter(),
        );
        let (control_topic, status_topic) = (control_topic.clone(), status_topic.clone());
        use_effect_with(boiler.state().messages_total, move |_| {
            let cursor = RefCell::new(cursors.borrow()[3]);
            let mut reports = Vec::new();
            each_new(boiler.state(), &cursor, |m| {
                if m.topic != control_topic {
                    return;
                }
                let mut h = house.borrow_mut();
                match h.boiler.on_control(&m.text()) {
                    Ok(Some(state)) => reports.push(state),
                    Ok(None) => {}
                    Err(_) => h.bad_command = true,
                }
            });
            cursors.borrow_mut()[3] = cursor.into_inner();
            for s in reports {
                match boiler.publish(&status_topic, &s.to_json(), QoS::AtLeastOnce, true) {
                    Ok(_) => looped.set(true),
                    Err(e) => error.set(Some(i18n::command_error(lang, &e))),
                }
            }
        });
    }

    // ----- Time passes in the rooms; the sensors publish -----
    {
        let sensors: Vec<ActorHandle> = sensors.to_vec();
        let (house, topics) = (house.clone(), temp_topics.clone());
        use_effect_with(*running, move |&running| {
            let interval = running.then(|| {
                Interval::new(1_000, move || {
                    for (i, sensor) in sensors.iter().enumerate() {
                        let reading = {
                            let mut h = house.borrow_mut();
                            h.rooms[i].step();
                            h.rooms[i].reading()
                        };
                        // Before CONNACK the reading is simply not sent.
                        let _ = sensor.publish(&topics[i], &reading, QoS::AtMostOnce, false);
                    }
                })
            });
            move || drop(interval)
        });
    }

    use_done_when(LessonId::SmartHome, *looped);

    // ----- Buttons -----
    let on_start = {
        let (sensors, phone, controller, boiler) = (
            sensors.clone(),
            phone.clone(),
            controller.clone(),
            boiler.clone(),
        );
        let (house, running, started_at, error, looped, phone_target) = (
            house.clone(),
            running.clone(),
            started_at.clone(),
            error.clone(),
            looped.clone(),
            phone_target.clone(),
        );
        let target = ctx.target.clone();
        let (sensor_specs, phone_spec, controller_spec, boiler_spec) = (
            sensor_specs.clone(),
            phone_spec.clone(),
            controller_spec.clone(),
            boiler_spec.clone(),
        );
        let (temps_filter, control_topic, status_topic, target_topic) = (
            temps_filter.clone(),
            control_topic.clone(),
            status_topic.clone(),
            target_topic.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            error.set(None);
            looped.set(false);
            *house.borrow_mut() = House::default();
            started_at.set(now_ms());
            for a in [&sensors[0], &sensors[1], &phone, &controller, &boiler] {
                a.clear();
            }
            boiler.connect(
                &target,
                &boiler_spec,
                vec![
                    OnConnect::Subscribe(control_topic.clone(), QoS::AtLeastOnce),
                    OnConnect::Publish(retained(
                        &status_topic,
                        BoilerState::Idle.to_json(),
                        QoS::AtLeastOnce,
                    )),
                ],
            );
            controller.connect(
                &target,
                &controller_spec,
                vec![
                    OnConnect::Subscribe(temps_filter.clone(), QoS::AtMostOnce),
                    OnConnect::Subscribe(target_topic.clone(), QoS::AtLeastOnce),
                ],
            );
            phone.connect(
                &target,
                &phone_spec,
                vec![
                    OnConnect::Subscribe(temps_filter.clone(), QoS::AtMostOnce),
                    OnConnect::Subscribe(status_topic.clone(), QoS::AtLeastOnce),
                    OnConnect::Publish(retained(
                        &target_topic,
                        format_number(*phone_target),
                        QoS::AtLeastOnce,
                    )),
                ],
            );
            for (sensor, spec) in sensors.iter().zip(&sensor_specs) {
                sensor.connect(
                    &target,
                    spec,
                    vec![OnConnect::Subscribe(status_topic.clone(), QoS::AtLeastOnce)],
                );
            }
            running.set(true);
        })
    };
    let on_stop = {
        let (sensors, phone, controller, boiler, running) = (
            sensors.clone(),
            phone.clone(),
            controller.clone(),
            boiler.clone(),
            running.clone(),
        );
        let (status_topic, target_topic) = (status_topic.clone(), target_topic.clone());
        Callback::from(move |_: MouseEvent| {
            running.set(false);
            clear_retained(&boiler, &status_topic, &phone, &target_topic);
            for a in [&sensors[0], &sensors[1], &phone, &controller, &boiler] {
                a.disconnect();
            }
        })
    };
    let on_target_input = {
        let (target_input, target_error, target_note) = (
            target_input.clone(),
            target_error.clone(),
            target_note.clone(),
        );
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            target_input.set(input.value());
            target_error.set(None);
            target_note.set(false);
        })
    };
    let on_set_target = {
        let (phone, target_input, target_error, phone_target, target_note) = (
            phone.clone(),
            target_input.clone(),
            target_error.clone(),
            phone_target.clone(),
            target_note.clone(),
        );
        let target_topic = target_topic.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_target(&target_input) {
                Err(err) => target_error.set(Some(text::target_error(lang, &err))),
                Ok(t) => {
                    phone_target.set(t);
                    if phone.state().status.is_connected() {
                        if let Err(err) =
                            phone.publish(&target_topic, &format_number(t), QoS::AtLeastOnce, true)
                        {
                            target_error.set(Some(i18n::command_error(lang, &err)));
                        }
                    } else {
                        target_note.set(true);
                    }
                }
            }
        })
    };
    let on_window = |i: usize| {
        let (sensor, house, topic) = (sensors[i].clone(), house.clone(), temp_topics[i].clone());
        Callback::from(move |_: MouseEvent| {
            let reading = {
                let mut h = house.borrow_mut();
                h.rooms[i].open_window();
                h.rooms[i].reading()
            };
            // The sensor reports the drop at once.
            let _ = sensor.publish(&topic, &reading, QoS::AtMostOnce, false);
        })
    };

    // ----- What each device knows -----
    let h = house.borrow().clone();
    let phone_state = phone.state();
    let latest = |topic: &str| {
        phone_state
            .messages
            .iter()
            .rev()
            .find(|m| m.topic == topic)
            .map(Received::text)
    };
    let phone_temps: Vec<Option<String>> = temp_topics.iter().map(|t| latest(t)).collect();
    let phone_status = latest(&status_topic).and_then(|p| BoilerState::parse(&p).ok());
    let degrees = |v: Option<String>| {
        v.map(|t| format!("{t} °C"))
            .unwrap_or_else(|| SmartHomeMsg::Unknown.text(lang).to_string())
    };
    let any_connected = [&sensors[0], &sensors[1], &phone, &controller, &boiler]
        .iter()
        .any(|a| a.state().status.is_connected());
    let command_text = h.controller.sent.map_or_else(
        || SmartHomeMsg::NoCommand.text(lang).to_string(),
        |c| {
            format!(
                "{} → {} °C",
                text::mode_word(lang, c.mode),
                format_number(c.target)
            )
        },
    );
    let now = now_ms();
    // What the phone shows in the diagram: the two readings it heard.
    let phone_heard = phone_temps
        .iter()
        .map(|t| t.clone().unwrap_or_else(|| "–".into()))
        .collect::<Vec<_>>()
        .join(" · ")
        + " °C";

    let idea = html! {
        <>
            <p>{ SmartHomeMsg::Idea1.text(lang) }</p>
            <p>{ SmartHomeMsg::Idea2.text(lang) }</p>
            <p>{ SmartHomeMsg::Idea3.text(lang) }</p>
        </>
    };

    let sensor_card = |i: usize, name: SmartHomeMsg| {
        let room = &h.rooms[i];
        let state = sensors[i].state();
        let heard = if room.heard_heating {
            BoilerState::Heating
        } else {
            BoilerState::Idle
        };
        html! {
            <ActorCard {lang} name={name.text(lang)} client_id={sensor_specs[i].client_id.clone()}
                status={state.status.clone()}>
                <p class="home-value"><code>{ temp_topics[i].clone() }</code></p>
                <p class="home-value">{ format!("{}: {} °C", SmartHomeMsg::Temperature.text(lang), room.reading()) }</p>
                <p class="home-value">{ format!("{}: {}", SmartHomeMsg::HeardBoiler.text(lang), text::state_word(lang, heard)) }</p>
                <button type="button" class="secondary" onclick={on_window(i)} disabled={!*running}
                    aria-label={format!("{} — {}", SmartHomeMsg::OpenWindow.text(lang), text::room_name(lang, Room::ALL[i]))}>
                    { SmartHomeMsg::OpenWindow.text(lang) }
                </button>
                <ShowCode id={format!("home-sensor-{i}")} spec={sensor_specs[i].clone()}
                    action={Action::Publish { topic: temp_topics[i].clone(), payload: room.reading(), qos: QoS::AtMostOnce, retain: false }} />
            </ActorCard>
        }
    };

    let target_valid = parse_target(&target_input).ok();
    let exercise = html! {
        <>
            <p>{ SmartHomeMsg::Try.text(lang) }</p>
            <div class="lesson-actions">
                <button type="button" onclick={on_start} disabled={*running}>{ SmartHomeMsg::Start.text(lang) }</button>
                <button type="button" class="secondary" onclick={on_stop} disabled={!*running && !any_connected}>{ SmartHomeMsg::Stop.text(lang) }</button>
            </div>
            if let Some(e) = &*error {
                <p class="form-error" role="alert">{ e.clone() }</p>
            }
            { house_figure(lang, &sensors, &phone, &controller, &boiler, &h, now, &command_text, &phone_heard) }
            <div class="actors home-actors">
                { sensor_card(0, SmartHomeMsg::LivingSensor) }
                { sensor_card(1, SmartHomeMsg::BedroomSensor) }
                <ActorCard {lang} name={SmartHomeMsg::Phone.text(lang)} client_id={phone_spec.client_id.clone()}
                    status={phone_state.status.clone()}>
                    <ul class="home-readings">
                        { for Room::ALL.iter().zip(&phone_temps).map(|(&r, t)| html! {
                            <li>{ format!("{}: {}", text::room_name(lang, r), degrees(t.clone())) }</li>
                        }) }
                        <li>{ format!("{}: {}", SmartHomeMsg::BoilerWord.text(lang),
                            phone_status.map_or(SmartHomeMsg::Unknown.text(lang), |s| text::state_word(lang, s))) }</li>
                    </ul>
                    <form class="home-target" onsubmit={on_set_target} novalidate=true>
                        <label for="home-target">{ SmartHomeMsg::TargetLabel.text(lang) }</label>
                        <div class="home-target-row">
                            <input id="home-target" type="number" inputmode="decimal" min={TARGET_MIN.to_string()}
                                max={TARGET_MAX.to_string()} step="0.5" value={(*target_input).clone()}
                                aria-invalid={target_error.is_some().to_string()}
                                aria-describedby="home-target-hint" oninput={on_target_input} />
                            <span aria-hidden="true">{ "°C" }</span>
                            <button type="submit">{ SmartHomeMsg::SetTarget.text(lang) }</button>
                        </div>
                        <p id="home-target-hint" class="hint">{ SmartHomeMsg::TargetHint.text(lang) }</p>
                        if let Some(e) = &*target_error {
                            <p class="form-error" role="alert">{ e.clone() }</p>
                        }
                        if *target_note {
                            <p class="hint" aria-live="polite">{ SmartHomeMsg::TargetKept.text(lang) }</p>
                        }
                    </form>
                    <ShowCode id="home-phone-sub" spec={phone_spec.clone()}
                        action={Action::Subscribe { filter: temps_filter.clone(), qos: QoS::AtMostOnce }} />
                    <ShowCode id="home-phone-target" spec={phone_spec.clone()}
                        action={Action::Publish { topic: target_topic.clone(),
                            payload: format_number(target_valid.unwrap_or(*phone_target)), qos: QoS::AtLeastOnce, retain: true }} />
                </ActorCard>
                <ActorCard {lang} name={SmartHomeMsg::Controller.text(lang)} client_id={controller_spec.client_id.clone()}
                    status={controller.state().status.clone()}>
                    <p class="home-value">{ format!("{}: {} °C", SmartHomeMsg::Target.text(lang), format_number(h.controller.target)) }</p>
                    <ul class="home-readings">
                        { for Room::ALL.iter().map(|r| html! {
                            <li>{ format!("{}: {}", text::room_name(lang, *r),
                                degrees(h.controller.temperatures.get(r).map(|t| format!("{t:.1}")))) }</li>
                        }) }
                    </ul>
                    <p class="home-value">{ format!("{}: {}", SmartHomeMsg::LastCommand.text(lang), command_text) }</p>
                    if let Some(c) = h.controller.sent {
                        <p class="home-value"><code>{ c.to_json() }</code></p>
                    }
                    <ShowCode id="home-controller" spec={controller_spec.clone()}
                        action={Action::Publish { topic: control_topic.clone(),
                            payload: h.controller.sent.unwrap_or(Command { mode: Mode::Heat, target: h.controller.target }).to_json(),
                            qos: QoS::AtLeastOnce, retain: false }} />
                </ActorCard>
                <ActorCard {lang} name={SmartHomeMsg::Boiler.text(lang)} client_id={boiler_spec.client_id.clone()}
                    status={boiler.state().status.clone()}>
                    <p class="home-value">{ format!("{}: {}", SmartHomeMsg::State.text(lang), text::state_word(lang, h.boiler.state)) }</p>
                    <p class="home-value"><code>{ h.boiler.state.to_json() }</code></p>
                    if h.bad_command {
                        <p class="form-error">{ SmartHomeMsg::BadCommand.text(lang) }</p>
                    }
                    <ShowCode id="home-boiler-sub" spec={boiler_spec.clone()}
                        action={Action::Subscribe { filter: control_topic.clone(), qos: QoS::AtLeastOnce }} />
                    <ShowCode id="home-boiler-status" spec={boiler_spec.clone()}
                        action={Action::Publish { topic: status_topic.clone(), payload: h.boiler.state.to_json(), qos: QoS::AtLeastOnce, retain: true }} />
                </ActorCard>
            </div>
        </>
    };

    // ----- What just happened, from the packets -----
    let published = |a: &ActorHandle, dir: Direction, topic: Option<&str>| {
        a.state()
            .wire
            .iter()
            .filter(|w| {
                w.direction == dir
                    && w.packet_type == PacketType::Publish
                    && topic.is_none_or(|t| w.publish.as_ref().is_some_and(|p| p.topic == t))
            })
            .count()
    };
    let readings_sent: usize = sensors
        .iter()
        .map(|s| published(s, Direction::Sent, None))
        .sum();
    let heard = temp_topics
        .iter()
        .map(|t| published(&controller, Direction::Received, Some(t)))
        .sum();
    let commands = published(&controller, Direction::Sent, Some(&control_topic));
    let reports = published(&boiler, Direction::Sent, Some(&status_topic));
    // The commands the boiler got and the reports the phone got, in time
    // order.
    let t0 = *started_at;
    let mut timeline: Vec<(u64, u64, String, String)> = boiler
        .state()
        .messages
        .iter()
        .filter(|m| m.topic == control_topic)
        .chain(
            phone_state
                .messages
                .iter()
                .filter(|m| m.topic == status_topic),
        )
        .map(|m| (m.at_ms, m.seq, m.topic.clone(), m.text()))
        .collect();
    timeline.sort();
    let skip = timeline.len().saturating_sub(10);
    let readout = html! {
        <>
            if !any_connected && readings_sent == 0 {
                <p class="lesson-result">{ SmartHomeMsg::NotStarted.text(lang) }</p>
            } else if let Some(c) = h.controller.sent {
                <p class={classes!("lesson-result", agrees(c, h.boiler.state).then_some("lesson-result--good"))}>
                    { text::result(lang, c.mode, &format_number(c.target), h.boiler.state) }
                </p>
            } else {
                <p class="lesson-result">{ SmartHomeMsg::Waiting.text(lang) }</p>
            }
            if readings_sent > 0 {
                <p>{ text::chain(lang, readings_sent, heard, commands, reports) }</p>
            }
            if !timeline.is_empty() {
                <h4 class="readout-heading">{ SmartHomeMsg::TimelineLabel.text(lang) }</h4>
                <ol class="home-timeline" aria-label={SmartHomeMsg::TimelineLabel.text(lang)}>
                    { for timeline.iter().skip(skip).map(|(at, seq, topic, payload)| html! {
                        <li key={format!("{topic}-{seq}")}>
                            <span class="home-time">{ format!("+{:.1} s", at.saturating_sub(t0) as f64 / 1000.0) }</span>
                            <code>{ topic.clone() }</code>{ " " }<code>{ payload.clone() }</code>
                        </li>
                    }) }
                </ol>
            }
            <h4 class="readout-heading">{ SmartHomeMsg::BoilerPackets.text(lang) }</h4>
            <WireList {lang} label={SmartHomeMsg::BoilerPackets.text(lang)} entries={boiler.state().wire.clone()} max={12} />
        </>
    };
    html! { <LessonFrame lesson={LessonId::SmartHome} {idea} {exercise} {readout} /> }
}

/// Whether the boiler does what the last command said.
fn agrees(c: Command, state: BoilerState) -> bool {
    (c.mode == Mode::Heat) == (state == BoilerState::Heating)
}

/// A client box's top-left corner in the diagram.
struct Place {
    x: f64,
    y: f64,
}

const NODE_W: f64 = 150.0;
const NODE_H: f64 = 46.0;
const BROKER: (f64, f64, f64, f64) = (215.0, 132.0, 110.0, 56.0);

fn centre(p: &Place) -> Point {
    (p.x + NODE_W / 2.0, p.y + NODE_H / 2.0)
}

/// The two lines between a client and the broker, side by side: up for
/// what it published, down for what the broker delivered to it.
fn lines(id: &str, p: &Place, state: &ActorState, now: u64) -> Html {
    let (cx, cy) = centre(p);
    let (bx, by) = (BROKER.0 + BROKER.2 / 2.0, BROKER.1 + BROKER.3 / 2.0);
    let (dx, dy) = (bx - cx, by - cy);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    // Offsets across the line, and how far the ends stay off the boxes.
    let (ox, oy) = (-dy / len * 4.0, dx / len * 4.0);
    let (ux, uy) = (dx / len, dy / len);
    let start = |s: f64| (cx + ux * s, cy + uy * s);
    let end = |s: f64| (bx - ux * s, by - uy * s);
    let (a, b) = (start(34.0), end(40.0));
    html! {
        <>
            { edge(&format!("{id}-up"), (a.0 + ox, a.1 + oy), (b.0 + ox, b.1 + oy),
                last_publish(state, Direction::Sent), now, "home-arrow", classes!("edge--out")) }
            { edge(&format!("{id}-down"), (b.0 - ox, b.1 - oy), (a.0 - ox, a.1 - oy),
                last_publish(state, Direction::Received), now, "home-arrow", classes!("edge--in")) }
        </>
    }
}

/// The live diagram of the five clients and the broker.
#[allow(clippy::too_many_arguments)]
fn house_figure(
    lang: Lang,
    sensors: &[ActorHandle; 2],
    phone: &ActorHandle,
    controller: &ActorHandle,
    boiler: &ActorHandle,
    h: &House,
    now: u64,
    command: &str,
    phone_heard: &str,
) -> Html {
    let places = [
        Place { x: 10.0, y: 20.0 },   // living room
        Place { x: 10.0, y: 254.0 },  // bedroom
        Place { x: 380.0, y: 20.0 },  // phone
        Place { x: 380.0, y: 137.0 }, // controller
        Place { x: 380.0, y: 254.0 }, // boiler
    ];
    let actors = [&sensors[0], &sensors[1], phone, controller, boiler];
    let active = |a: &ActorHandle| a.state().status.is_connected().then_some("node--active");
    let living = format!("{} °C", h.rooms[0].reading());
    let bedroom = format!("{} °C", h.rooms[1].reading());
    let boiler_word = text::state_word(lang, h.boiler.state);
    let details = [
        living.clone(),
        bedroom.clone(),
        phone_heard.to_string(),
        command.to_string(),
        boiler_word.to_string(),
    ];
    let names = [
        SmartHomeMsg::LivingSensor,
        SmartHomeMsg::BedroomSensor,
        SmartHomeMsg::Phone,
        SmartHomeMsg::Controller,
        SmartHomeMsg::Boiler,
    ];
    let ids = ["living", "bedroom", "phone", "controller", "boiler"];
    html! {
        <figure class="home-figure">
            <figcaption>{ SmartHomeMsg::DiagramCaption.text(lang) }</figcaption>
            <svg class="diagram home-diagram" viewBox="0 0 540 320" role="img"
                aria-label={text::diagram_label(lang, &living, &bedroom, command, boiler_word)}>
                { arrow_marker("home-arrow") }
                { for (0..5).map(|i| lines(ids[i], &places[i], actors[i].state(), now)) }
                { node(BROKER.0, BROKER.1, BROKER.2, BROKER.3, SmartHomeMsg::Broker.text(lang), "", classes!("node--active")) }
                { for (0..5).map(|i| node(places[i].x, places[i].y, NODE_W, NODE_H, names[i].text(lang), &details[i],
                    classes!(active(actors[i]), (i == 4 && h.boiler.state == BoilerState::Heating).then_some("node--heating")))) }
            </svg>
        </figure>
    }
}
