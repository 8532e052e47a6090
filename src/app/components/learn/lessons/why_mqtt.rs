//! Lesson 1, why MQTT: the "two-byte header" claim on real bytes — a
//! PINGREQ, the learner's reading as a PUBLISH (from the client's own
//! codec) next to the same reading as a minimal HTTP POST — then the
//! reading sent for real, with the bytes on the wire compared to the count
//! and the keep-alive PINGREQ caught as it happens.

use yew::prelude::*;

use crate::app::components::learn::{
    use_done_when, use_learn, ActorCard, LessonFrame, ShowCode, WireList,
};
use crate::app::components::TextField;
use crate::app::hooks::{use_actor, OnConnect};
use crate::app::learn::actor::Direction;
use crate::app::learn::code::Action;
use crate::app::learn::course::LessonId;
use crate::app::learn::target::ClientSpec;
use crate::app::learn::why;
use crate::i18n;
use crate::i18n::learn::why_mqtt::{self as text, WhyMsg};
use crate::protocol::codec::{PacketType, QoS};
use crate::protocol::session::OutgoingPublish;

/// Longest reading the comparison takes.
const MAX_READING: usize = 999;

/// Keep alive of the lesson's board, short so a PINGREQ shows soon.
const KEEP_ALIVE_SECS: u16 = 5;

#[derive(Properties, PartialEq)]
struct BytesProps {
    bytes: Vec<u8>,
    header_len: usize,
    label: AttrValue,
}

/// Bytes in hex, the fixed header marked.
#[function_component]
fn Bytes(props: &BytesProps) -> Html {
    html! {
        <ol class="bytes" aria-label={props.label.clone()}>
            { for props.bytes.iter().enumerate().map(|(i, b)| html! {
                <li class={classes!((i < props.header_len).then_some("byte--header"))}>
                    { format!("{b:02X}") }
                </li>
            }) }
        </ol>
    }
}

/// See the module docs.
#[function_component]
pub fn WhyMqttLesson() -> Html {
    let ctx = use_learn();
    let lang = ctx.lang;
    let board = use_actor();
    let reading = use_state(|| "23.5".to_string());
    let error = use_state(|| None::<String>);
    let mut spec = ClientSpec::new(ctx.client_id("sensor"));
    spec.keep_alive = KEEP_ALIVE_SECS;
    let topic = ctx.topic("hexaboard/a/temperature");
    let host = if ctx.target.is_sandbox() {
        "localhost".to_string()
    } else {
        ctx.target.url.host.clone()
    };
    let input_error = if reading.is_empty() {
        Some(WhyMsg::Empty.text(lang))
    } else if reading.len() > MAX_READING {
        Some(WhyMsg::TooLong.text(lang))
    } else {
        None
    };
    let cmp = why::compare(&topic, &reading, ctx.target.version, &host);
    let state = board.state();
    let last_publish = state
        .wire
        .iter()
        .rev()
        .find(|w| w.direction == Direction::Sent && w.packet_type == PacketType::Publish);
    let ping_seen = state
        .wire
        .iter()
        .any(|w| w.packet_type == PacketType::PingResp);
    use_done_when(LessonId::WhyMqtt, last_publish.is_some());

    let oninput = {
        let reading = reading.clone();
        Callback::from(move |v: String| reading.set(v))
    };
    let on_send = {
        let (board, target, spec, topic, reading, error) = (
            board.clone(),
            ctx.target.clone(),
            spec.clone(),
            topic.clone(),
            reading.clone(),
            error.clone(),
        );
        let invalid = input_error.is_some();
        Callback::from(move |_: MouseEvent| {
            if invalid {
                return;
            }
            if board.state().status.is_connected() {
                error.set(
                    board
                        .publish(&topic, &reading, QoS::AtMostOnce, false)
                        .err()
                        .map(|e| i18n::command_error(lang, &e)),
                );
            } else {
                error.set(None);
                let msg = OutgoingPublish::new(topic.clone(), reading.as_bytes().to_vec());
                board.connect(&target, &spec, vec![OnConnect::Publish(msg)]);
            }
        })
    };

    let idea = html! {
        <>
            <p>{ WhyMsg::Idea1.text(lang) }</p>
            <p>{ WhyMsg::Idea2.text(lang) }</p>
            <p>{ WhyMsg::Idea3.text(lang) }</p>
        </>
    };
    let ping = why::pingreq_bytes();
    let http_times = cmp.http_total() as f64 / cmp.publish.len().max(1) as f64;
    let exercise = html! {
        <>
            <div class="why-bytes">
                <h4>{ WhyMsg::PingreqHeading.text(lang) }</h4>
                <Bytes bytes={ping.clone()} header_len={ping.len()} label="PINGREQ" />
                <ul class="why-notes">
                    <li>{ WhyMsg::PingreqByte0.text(lang) }</li>
                    <li>{ WhyMsg::PingreqByte1.text(lang) }</li>
                </ul>
            </div>
            <TextField id="why-reading" label={WhyMsg::ReadingLabel.text(lang)}
                value={(*reading).clone()} {oninput} error={input_error.map(AttrValue::from)}
                autocomplete="off" />
            if input_error.is_none() {
                <div class="why-compare">
                    <div class="why-side">
                        <h4>{ WhyMsg::PublishHeading.text(lang) }</h4>
                        <p><code>{ topic.clone() }</code>{ " ← " }<code>{ (*reading).clone() }</code></p>
                        <Bytes bytes={cmp.publish.clone()} header_len={cmp.fixed_header_len}
                            label={WhyMsg::PublishBytesLabel.text(lang)} />
                        <p class="why-count">{ text::mqtt_size(lang, cmp.publish.len(), cmp.fixed_header_len) }</p>
                    </div>
                    <div class="why-side">
                        <h4>{ WhyMsg::HttpHeading.text(lang) }</h4>
                        <p class="why-label">{ WhyMsg::HttpRequest.text(lang) }</p>
                        <pre class="why-http">{ cmp.http_request.replace("\r\n", "↵\n") }</pre>
                        <p class="why-label">{ WhyMsg::HttpResponse.text(lang) }</p>
                        <pre class="why-http">{ cmp.http_response.replace("\r\n", "↵\n") }</pre>
                        <p class="why-count">
                            { text::http_size(lang, cmp.http_total(), cmp.http_request.len(), cmp.http_response.len()) }
                        </p>
                    </div>
                </div>
                <p class="lesson-result">{ text::ratio(lang, http_times) }</p>
            }
            <div class="actors">
                <ActorCard {lang} name={WhyMsg::ClientName.text(lang)} client_id={spec.client_id.clone()}
                    status={state.status.clone()}>
                    <div class="lesson-actions">
                        <button type="button" onclick={on_send} disabled={input_error.is_some()}>
                            { WhyMsg::SendLive.text(lang) }
                        </button>
                    </div>
                    if let Some(e) = &*error {
                        <p class="form-error">{ e.clone() }</p>
                    }
                    <ShowCode id="why-publish" spec={spec.clone()}
                        action={Action::Publish { topic: topic.clone(), payload: (*reading).clone(), qos: QoS::AtMostOnce, retain: false }} />
                </ActorCard>
            </div>
        </>
    };
    let readout = html! {
        <>
            if let Some(p) = last_publish {
                if *p.bytes == cmp.publish[..] {
                    <p class="lesson-result lesson-result--good">{ WhyMsg::MatchesWire.text(lang) }</p>
                } else {
                    <p class="lesson-result">{ WhyMsg::DiffersFromWire.text(lang) }</p>
                }
                <Bytes bytes={p.bytes.to_vec()} header_len={why::fixed_header_len(&p.bytes)}
                    label={format!("{} ({})", WhyMsg::PublishBytesLabel.text(lang), i18n::learn::LearnMsg::Sent.text(lang))} />
            }
            if ping_seen {
                <p class="lesson-result lesson-result--good">{ WhyMsg::PingSeen.text(lang) }</p>
            } else if state.status.is_connected() {
                <p class="lesson-result">{ WhyMsg::PingWaiting.text(lang) }</p>
            }
            <WireList {lang} label={WhyMsg::PacketsLabel.text(lang)} entries={state.wire.clone()} />
        </>
    };
    html! { <LessonFrame lesson={LessonId::WhyMqtt} {idea} {exercise} {readout} /> }
}
