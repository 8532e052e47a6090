//! The MQTT client as the components see it (after Yew's `contexts`
//! example): [`ClientProvider`] owns the app state and one
//! [`Connection`], and hands out a [`ClientHandle`] with domain methods —
//! connect, disconnect, publish, subscribe, unsubscribe, plus the UI's own
//! actions. Components call those methods; they never see the WebSocket.
//!
//! What the driver reports is queued and handed to the reducer once per
//! animation frame as one [`Action::Batch`], so a flood of messages costs
//! one render per frame rather than one per message. A short timer backs
//! the frame up, since hidden tabs get no animation frames. The handle's
//! own notes (`SubscribeSent`, `PublishSent`…) go through the same queue,
//! so the reducer sees everything in the order it happened.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::app::hooks;
use crate::app::learn::target::LabTarget;
use crate::app::model::{BrokerUrl, Profile, ProfileStore};
use crate::app::state::{Action, AppState, Failure};
use crate::i18n::Lang;
use crate::protocol::codec::SubscribeFilter;
use crate::protocol::session::{CommandError, OutgoingPublish, ReconnectPolicy};
use crate::transport::{self, Connection, DriverEvent};

/// Longest a queued event waits when no animation frame comes (hidden tab).
const FALLBACK_FLUSH_MS: u32 = 100;

/// The current time in the reducer's milliseconds (`performance.now()`).
pub fn now_ms() -> u64 {
    transport::now().as_millis()
}

/// Collects actions and dispatches them once per animation frame.
struct Batcher {
    pending: RefCell<Vec<Action>>,
    frame: RefCell<Option<AnimationFrame>>,
    fallback: RefCell<Option<Timeout>>,
    dispatch: Callback<Action>,
}

impl Batcher {
    fn new(dispatch: Callback<Action>) -> Rc<Self> {
        Rc::new(Batcher {
            pending: RefCell::new(Vec::new()),
            frame: RefCell::new(None),
            fallback: RefCell::new(None),
            dispatch,
        })
    }

    /// Queues `action` for the next frame.
    fn push(self: &Rc<Self>, action: Action) {
        let first = {
            let mut pending = self.pending.borrow_mut();
            pending.push(action);
            pending.len() == 1
        };
        if first {
            self.schedule();
        }
    }

    fn schedule(self: &Rc<Self>) {
        let weak = Rc::downgrade(self);
        let frame = request_animation_frame(move |_| {
            if let Some(b) = weak.upgrade() {
                b.flush();
            }
        });
        let weak = Rc::downgrade(self);
        let fallback = Timeout::new(FALLBACK_FLUSH_MS, move || {
            if let Some(b) = weak.upgrade() {
                b.flush();
            }
        });
        // Replacing the handles cancels a frame or timer still pending from
        // an earlier batch (whichever of the two did not fire).
        *self.frame.borrow_mut() = Some(frame);
        *self.fallback.borrow_mut() = Some(fallback);
    }

    /// Dispatches everything queued as one batch.
    fn flush(&self) {
        let batch = std::mem::take(&mut *self.pending.borrow_mut());
        match batch.len() {
            0 => {}
            1 => self
                .dispatch
                .emit(batch.into_iter().next().unwrap_or(Action::Batch(vec![]))),
            _ => self.dispatch.emit(Action::Batch(batch)),
        }
    }

    /// Dispatches `action` now, after whatever is queued (UI actions that
    /// must not wait for a frame, like typing into a controlled input).
    fn send_now(&self, action: Action) {
        let mut batch = std::mem::take(&mut *self.pending.borrow_mut());
        if batch.is_empty() {
            self.dispatch.emit(action);
        } else {
            batch.push(action);
            self.dispatch.emit(Action::Batch(batch));
        }
    }
}

struct Inner {
    connection: Connection,
    batcher: Rc<Batcher>,
    /// The broker and login of the last Connect, for the lessons' own
    /// clients (in memory only).
    lab_target: RefCell<Option<LabTarget>>,
}

/// What components use to act: the MQTT commands and the UI's actions.
/// Cheap to clone; equal to itself only, so it never causes a re-render.
#[derive(Clone)]
pub struct ClientHandle {
    inner: Rc<Inner>,
}

impl PartialEq for ClientHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl ClientHandle {
    fn new(dispatch: Callback<Action>) -> Self {
        let batcher = Batcher::new(dispatch);
        let queue = Rc::downgrade(&batcher);
        let connection = Connection::new(move |event: DriverEvent| {
            if let Some(b) = queue.upgrade() {
                b.push(Action::Driver(event, now_ms()));
            }
        });
        ClientHandle {
            inner: Rc::new(Inner {
                connection,
                batcher,
                lab_target: RefCell::new(None),
            }),
        }
    }

    fn queue(&self, action: Action) {
        self.inner.batcher.push(action);
    }

    fn send_now(&self, action: Action) {
        self.inner.batcher.send_now(action);
    }

    /// Connects with `profile` and the password typed now (which wins over
    /// a remembered one), starting a new session. An invalid URL or setting
    /// is reported as [`Action::ConnectInvalid`] and nothing is sent.
    pub fn connect(&self, profile: &Profile, password: &str) -> Result<(), Failure> {
        let checked = BrokerUrl::parse(&profile.url)
            .map_err(Failure::InvalidUrl)
            .and_then(|url| {
                profile
                    .to_connect_options(Some(password))
                    .map(|options| (url, options))
                    .map_err(Failure::InvalidSettings)
            });
        let (url, options) = match checked {
            Ok(ok) => ok,
            Err(f) => {
                self.send_now(Action::ConnectInvalid(f.clone()));
                return Err(f);
            }
        };
        *self.inner.lab_target.borrow_mut() = Some(LabTarget {
            url: url.clone(),
            username: options.username.clone(),
            password: options
                .password
                .as_ref()
                .map(|p| String::from_utf8_lossy(p).into_owned()),
            version: options.version,
        });
        // A new Session: the old one's subscriptions and in-flight
        // messages are gone.
        self.queue(Action::SessionReset);
        self.inner
            .connection
            .connect(&url.to_string(), options, Some(ReconnectPolicy::default()));
        Ok(())
    }

    /// Where the lessons' clients connect: the broker of the learner's
    /// connection while `connected`, else the sandbox in the page.
    pub fn lab_target(&self, connected: bool) -> LabTarget {
        match &*self.inner.lab_target.borrow() {
            Some(t) if connected => t.clone(),
            _ => LabTarget::sandbox(),
        }
    }

    /// Sends DISCONNECT and stops reconnecting.
    pub fn disconnect(&self) {
        self.queue(Action::DisconnectRequested);
        self.inner.connection.disconnect();
    }

    /// Publishes `msg`. On success the publish panel lists it until
    /// PUBACK / PUBCOMP (or at once for QoS 0).
    pub fn publish(&self, msg: OutgoingPublish) -> Result<(), CommandError> {
        let (topic, qos, retain, size) =
            (msg.topic.clone(), msg.qos, msg.retain, msg.payload.len());
        let packet_id = self.inner.connection.publish(msg)?;
        self.queue(Action::PublishSent {
            packet_id,
            topic,
            qos,
            retain,
            size,
            now_ms: now_ms(),
        });
        Ok(())
    }

    /// Subscribes to one filter.
    pub fn subscribe(&self, filter: SubscribeFilter) -> Result<(), CommandError> {
        let packet_id = self
            .inner
            .connection
            .subscribe(vec![filter.clone()], None)?;
        self.queue(Action::SubscribeSent {
            packet_id,
            filters: vec![filter],
        });
        Ok(())
    }

    /// Unsubscribes from one filter.
    pub fn unsubscribe(&self, filter: &str) -> Result<(), CommandError> {
        let filters = vec![filter.to_string()];
        let packet_id = self.inner.connection.unsubscribe(filters.clone())?;
        self.queue(Action::UnsubscribeSent { packet_id, filters });
        Ok(())
    }

    /// Drops a refused subscription from the list.
    pub fn remove_subscription(&self, filter: &str) {
        self.send_now(Action::RemoveSubscription(filter.to_string()));
    }

    /// Switches the UI language.
    pub fn set_lang(&self, lang: Lang) {
        self.send_now(Action::SetLang(lang));
    }

    /// Sets the message log's filter.
    pub fn set_log_filter(&self, filter: String) {
        self.send_now(Action::SetLogFilter(filter));
    }

    /// Empties the message log.
    pub fn clear_log(&self) {
        self.send_now(Action::ClearLog);
    }

    /// A UI-only action of the explorer views (selection, expansion,
    /// search, filters), applied now so typing stays in step.
    pub fn explorer(&self, action: Action) {
        self.send_now(action);
    }

    /// Zeroes the statistics.
    pub fn reset_stats(&self) {
        self.send_now(Action::ResetStats);
    }

    /// Saves a profile (the password only if remembered).
    pub fn save_profile(&self, profile: Profile) {
        self.send_now(Action::SaveProfile(profile));
    }

    /// Deletes the profile called `name`.
    pub fn delete_profile(&self, name: &str) {
        self.send_now(Action::DeleteProfile(name.to_string()));
    }

    /// Adds imported profiles; returns how many were new to `current`.
    pub fn import_profiles(&self, current: &ProfileStore, profiles: Vec<Profile>) -> usize {
        let new = current.clone().merge(profiles.clone());
        self.send_now(Action::ImportProfiles(profiles));
        new
    }

    /// Marks the passing of time (reconnect countdown, receive rate).
    pub fn tick(&self) {
        self.send_now(Action::Tick(now_ms()));
    }
}

/// The app state as a context, for the layout that hands it to panels.
pub type AppStateHandle = UseReducerHandle<AppState>;

/// [`ClientProvider`]'s children.
#[derive(Properties, PartialEq)]
pub struct ClientProviderProps {
    /// Everything that uses the client.
    pub children: Html,
}

/// Owns the state and the connection; provides [`ClientHandle`] and
/// [`AppStateHandle`] to everything inside it.
#[function_component]
pub fn ClientProvider(props: &ClientProviderProps) -> Html {
    let state = hooks::use_initial_state();
    let dispatcher = state.dispatcher();
    let client = use_memo((), move |_| ClientHandle::new(dispatcher.to_callback()));
    let client = (*client).clone();

    hooks::use_persisted_profiles(&state.profiles);
    hooks::use_persisted_lang(state.lang);
    hooks::use_document_lang(state.lang);
    hooks::use_tick(state.status.is_active(), client.clone());

    html! {
        <ContextProvider<ClientHandle> context={client}>
            <ContextProvider<AppStateHandle> context={state}>
                { props.children.clone() }
            </ContextProvider<AppStateHandle>>
        </ContextProvider<ClientHandle>>
    }
}

/// The client handle; panics outside [`ClientProvider`], which would be a
/// wiring bug.
#[hook]
pub fn use_client() -> ClientHandle {
    use_context::<ClientHandle>().expect("use_client outside ClientProvider")
}

/// The app state; panics outside [`ClientProvider`].
#[hook]
pub fn use_app_state() -> AppStateHandle {
    use_context::<AppStateHandle>().expect("use_app_state outside ClientProvider")
}
