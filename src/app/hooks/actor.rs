//! A lesson's own MQTT client, as a hook: [`use_actor`] owns one
//! [`Connection`] and an [`ActorState`] the component renders. The
//! connection ends (with DISCONNECT) when the component goes away, so
//! leaving a lesson leaves nothing connected.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use yew::prelude::*;

use crate::app::client::now_ms;
use crate::app::learn::actor::ActorState;
use crate::app::learn::target::{ClientSpec, LabTarget};
use crate::protocol::codec::{PacketId, QoS, SubscribeFilter, SubscriptionOptions};
use crate::protocol::session::{
    CommandError, ConnectOptions, Event, OutgoingPublish, ReconnectPolicy,
};
use crate::transport::{Connection, DriverEvent};

/// What to do as soon as CONNACK accepts the connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OnConnect {
    /// Subscribe to a filter with a maximum QoS.
    Subscribe(String, QoS),
    /// Publish a message.
    Publish(OutgoingPublish),
}

enum ActorAction {
    Driver(Box<DriverEvent>, u64),
    Clear,
    Frozen(bool),
}

#[derive(Default, PartialEq)]
struct Reduced(ActorState);

impl Reducible for Reduced {
    type Action = ActorAction;

    fn reduce(self: Rc<Self>, action: ActorAction) -> Rc<Self> {
        let mut state = self.0.clone();
        match action {
            ActorAction::Driver(e, now) => state.apply(&e, now),
            ActorAction::Clear => state.clear_history(),
            ActorAction::Frozen(f) => state.frozen = f,
        }
        Rc::new(Reduced(state))
    }
}

/// One lesson client: its state to render and its commands.
#[derive(Clone)]
pub struct ActorHandle {
    state: UseReducerHandle<Reduced>,
    connection: Connection,
    on_connect: Rc<RefCell<Vec<OnConnect>>>,
}

impl PartialEq for ActorHandle {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state && self.connection == other.connection
    }
}

impl ActorHandle {
    /// What the client did so far.
    pub fn state(&self) -> &ActorState {
        &self.state.0
    }

    /// Connects to `target` as `spec` says, replacing any connection, and
    /// runs `then` once connected. No automatic reconnect: a lesson shows
    /// what a lost connection looks like.
    pub fn connect(&self, target: &LabTarget, spec: &ClientSpec, then: Vec<OnConnect>) {
        self.start(target, target.connect_options(spec), None, then);
    }

    /// Connects like [`ActorHandle::connect`], but as a client that keeps
    /// its session: Clean Start off, the session kept `expiry_s` seconds
    /// after the connection drops (3.1.1: Clean Session off), and a quick
    /// reconnect of its own when the connection is lost. Back on the same
    /// session it re-sends what was not acknowledged (DUP) — what the QoS
    /// lesson's lost-acknowledgement demo shows.
    pub fn connect_keeping_session(
        &self,
        target: &LabTarget,
        spec: &ClientSpec,
        expiry_s: u32,
        then: Vec<OnConnect>,
    ) {
        let mut options = target.connect_options(spec);
        options.clean_start = false;
        options.session_expiry_interval = expiry_s;
        let retry = ReconnectPolicy {
            initial_delay: Duration::from_millis(300),
            max_delay: Duration::from_secs(3),
            multiplier: 2.0,
            jitter: 0.0,
            max_attempts: Some(5),
        };
        self.start(target, options, Some(retry), then);
    }

    /// Opens a new connection with `options`; `then` runs after CONNACK.
    fn start(
        &self,
        target: &LabTarget,
        options: ConnectOptions,
        reconnect: Option<ReconnectPolicy>,
        then: Vec<OnConnect>,
    ) {
        *self.on_connect.borrow_mut() = then;
        self.state.dispatch(ActorAction::Frozen(false));
        self.connection
            .connect(&target.url.to_string(), options, reconnect);
    }

    /// Publishes a text payload.
    pub fn publish(
        &self,
        topic: &str,
        payload: &str,
        qos: QoS,
        retain: bool,
    ) -> Result<Option<PacketId>, CommandError> {
        self.connection.publish(
            OutgoingPublish::new(topic, payload.as_bytes().to_vec())
                .qos(qos)
                .retain(retain),
        )
    }

    /// Subscribes to one filter.
    pub fn subscribe(&self, filter: &str, qos: QoS) -> Result<PacketId, CommandError> {
        self.connection
            .subscribe(vec![filter_of(filter, qos)], None)
    }

    /// Sends DISCONNECT and closes: the broker drops the Will.
    pub fn disconnect(&self) {
        self.on_connect.borrow_mut().clear();
        self.connection.disconnect();
    }

    /// Closes without DISCONNECT ("pull the plug"): the broker publishes
    /// the Will.
    pub fn abort(&self) {
        self.on_connect.borrow_mut().clear();
        self.connection.abort();
    }

    /// Freezes or thaws the client (no PINGREQ, nothing sent, socket open).
    pub fn set_frozen(&self, frozen: bool) {
        self.connection.set_frozen(frozen);
        self.state.dispatch(ActorAction::Frozen(frozen));
    }

    /// Forgets the packets and messages shown.
    pub fn clear(&self) {
        self.state.dispatch(ActorAction::Clear);
    }
}

fn filter_of(filter: &str, qos: QoS) -> SubscribeFilter {
    SubscribeFilter {
        filter: filter.to_string(),
        options: SubscriptionOptions::qos(qos),
    }
}

/// A lesson client owned by the calling component.
#[hook]
pub fn use_actor() -> ActorHandle {
    let state = use_reducer(Reduced::default);
    let on_connect = use_mut_ref(Vec::<OnConnect>::new);
    let connection = {
        let dispatcher = state.dispatcher();
        let pending = on_connect.clone();
        use_memo((), move |_| {
            // The listener needs the connection to run the on-connect
            // steps; it gets it through a weak slot filled just below.
            let slot: Rc<RefCell<Option<Connection>>> = Rc::default();
            let me = slot.clone();
            let connection = Connection::new(move |event: DriverEvent| {
                let connected = matches!(event, DriverEvent::Session(Event::Connected(_)));
                dispatcher.dispatch(ActorAction::Driver(Box::new(event), now_ms()));
                if connected {
                    let steps = std::mem::take(&mut *pending.borrow_mut());
                    // The connection is only reachable while the component
                    // lives (the slot holds it until then).
                    if let Some(c) = me.borrow().clone() {
                        for step in steps {
                            // A refusal shows in the packets (or not at
                            // all for an invalid filter, which lessons
                            // never send).
                            let _ = match step {
                                OnConnect::Subscribe(f, q) => {
                                    c.subscribe(vec![filter_of(&f, q)], None).map(|_| ())
                                }
                                OnConnect::Publish(m) => c.publish(m).map(|_| ()),
                            };
                        }
                    }
                }
            });
            *slot.borrow_mut() = Some(connection.clone());
            (connection, slot)
        })
    };
    let (connection, slot) = (connection.0.clone(), connection.1.clone());
    {
        let connection = connection.clone();
        use_effect_with((), move |_| {
            move || {
                connection.disconnect();
                // Break the listener ↔ connection cycle.
                slot.borrow_mut().take();
            }
        });
    }
    ActorHandle {
        state,
        connection,
        on_connect,
    }
}
