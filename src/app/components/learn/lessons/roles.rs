//! Lesson 3, broker, publisher and subscriber: this tab is one client that
//! connects, subscribes to its own topic and publishes to it, and sees
//! which roles it plays as it does so — ending with its own message
//! coming back through the broker.

use yew::prelude::*;

use crate::app::components::learn::{
    use_done_when, use_learn, ActorCard, LessonFrame, ShowCode, WireList,
};
use crate::app::hooks::use_actor;
use crate::app::learn::actor::Direction;
use crate::app::learn::code::Action;
use crate::app::learn::course::LessonId;
use crate::app::learn::target::ClientSpec;
use crate::i18n;
use crate::i18n::learn::roles::RolesMsg;
use crate::i18n::learn::LearnMsg;
use crate::protocol::codec::{PacketType, QoS};

/// See the module docs.
#[function_component]
pub fn RolesLesson() -> Html {
    let ctx = use_learn();
    let lang = ctx.lang;
    let me = use_actor();
    let spec = ClientSpec::new(ctx.client_id("me"));
    let filter = ctx.topic("roles/#");
    let topic = ctx.topic("roles/greeting");
    let payload = RolesMsg::Payload.text(lang).to_string();
    let error = use_state(|| None::<String>);
    let state = me.state();
    let connected = state.status.is_connected();

    let published = state
        .wire
        .iter()
        .any(|w| w.direction == Direction::Sent && w.packet_type == PacketType::Publish);
    let subscribed = state
        .wire
        .iter()
        .any(|w| w.direction == Direction::Received && w.packet_type == PacketType::SubAck)
        && state.refused.is_none();
    let own_back = state.messages.iter().any(|m| m.topic == topic);
    use_done_when(LessonId::Roles, own_back);

    let on_connect = {
        let (me, target, spec, error) =
            (me.clone(), ctx.target.clone(), spec.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            error.set(None);
            me.clear();
            me.connect(&target, &spec, vec![]);
        })
    };
    let on_subscribe = {
        let (me, filter, error) = (me.clone(), filter.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            error.set(
                me.subscribe(&filter, QoS::AtLeastOnce)
                    .err()
                    .map(|e| i18n::command_error(lang, &e)),
            );
        })
    };
    let on_publish = {
        let (me, topic, payload, error) =
            (me.clone(), topic.clone(), payload.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            error.set(
                me.publish(&topic, &payload, QoS::AtLeastOnce, false)
                    .err()
                    .map(|e| i18n::command_error(lang, &e)),
            );
        })
    };
    let on_disconnect = {
        let me = me.clone();
        Callback::from(move |_: MouseEvent| me.disconnect())
    };

    let idea = html! {
        <>
            <p>{ RolesMsg::Idea1.text(lang) }</p>
            <p>{ RolesMsg::Idea2.text(lang) }</p>
            <p>{ RolesMsg::Idea3.text(lang) }</p>
        </>
    };
    let role = |name: RolesMsg, on: bool, detail: String| {
        html! {
            <li class={classes!("role", on.then_some("role--on"))}>
                <strong>{ name.text(lang) }</strong>{ ": " }
                { if on { RolesMsg::RoleOn.text(lang) } else { RolesMsg::RoleOff.text(lang) } }
                if !detail.is_empty() { { " — " }<code>{ detail }</code> }
            </li>
        }
    };
    let broker = if ctx.target.is_sandbox() {
        i18n::Msg::SandboxBroker.text(lang).to_string()
    } else {
        ctx.target.url.to_string()
    };
    let exercise = html! {
        <div class="actors">
            <ActorCard {lang} name={RolesMsg::ClientName.text(lang)} client_id={spec.client_id.clone()}
                status={state.status.clone()}>
                <div class="lesson-actions">
                    <button type="button" onclick={on_connect}>{ LearnMsg::ActorConnect.text(lang) }</button>
                    <button type="button" onclick={on_subscribe} disabled={!connected}>
                        { RolesMsg::Subscribe.text(lang) }
                    </button>
                    <button type="button" onclick={on_publish} disabled={!connected}>
                        { RolesMsg::Publish.text(lang) }
                    </button>
                    <button type="button" class="button-secondary" onclick={on_disconnect} disabled={!connected}>
                        { RolesMsg::Disconnect.text(lang) }
                    </button>
                </div>
                <dl class="lesson-params">
                    <dt>{ i18n::Msg::TopicFilter.text(lang) }</dt><dd><code>{ filter.clone() }</code></dd>
                    <dt>{ i18n::Msg::Topic.text(lang) }</dt><dd><code>{ topic.clone() }</code></dd>
                    <dt>{ i18n::Msg::Payload.text(lang) }</dt><dd>{ payload.clone() }</dd>
                </dl>
                if let Some(e) = &*error {
                    <p class="form-error">{ e.clone() }</p>
                }
                <ShowCode id="roles-connect" spec={spec.clone()} action={Action::Connect} />
                <ShowCode id="roles-subscribe" spec={spec.clone()}
                    action={Action::Subscribe { filter: filter.clone(), qos: QoS::AtLeastOnce }} />
                <ShowCode id="roles-publish" spec={spec.clone()}
                    action={Action::Publish { topic: topic.clone(), payload: payload.clone(), qos: QoS::AtLeastOnce, retain: false }} />
            </ActorCard>
            <section class="roles" aria-label={RolesMsg::RolesHeading.text(lang)}>
                <h4>{ RolesMsg::RolesHeading.text(lang) }</h4>
                <ul class="role-list">
                    { role(RolesMsg::RoleBroker, connected, broker) }
                    { role(RolesMsg::RolePublisher, published, if published { topic.clone() } else { String::new() }) }
                    { role(RolesMsg::RoleSubscriber, subscribed, if subscribed { filter.clone() } else { String::new() }) }
                </ul>
            </section>
        </div>
    };
    let readout = html! {
        <>
            if own_back {
                <p class="lesson-result lesson-result--good">{ RolesMsg::OwnMessageBack.text(lang) }</p>
            } else if published && !subscribed {
                <p class="lesson-result">{ RolesMsg::PublishedNoSubscriber.text(lang) }</p>
            }
            <WireList {lang} label={RolesMsg::PacketsLabel.text(lang)} entries={state.wire.clone()} />
            if !state.messages.is_empty() {
                <ul class="lesson-messages" aria-label={RolesMsg::MessagesLabel.text(lang)}>
                    { for state.messages.iter().map(|m| html! {
                        <li key={m.seq}><code>{ m.topic.clone() }</code>{ ": " }{ m.text() }</li>
                    }) }
                </ul>
            }
        </>
    };
    html! { <LessonFrame lesson={LessonId::Roles} {idea} {exercise} {readout} /> }
}
