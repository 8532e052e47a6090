//! The in-page side of the sandbox broker: one [`Broker`] per page, reached
//! through endpoints that behave like a WebSocket (open, binary messages,
//! close — all delivered asynchronously, as a socket's events are), so the
//! driver and everything above it cannot tell the difference.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;

use crate::broker::{Broker, BrokerConfig, BrokerLog, BrokerSnapshot, ConnId};
use crate::protocol::codec::PacketType;
use crate::protocol::Instant;

use super::driver::now;

/// The address that selects the sandbox broker instead of a WebSocket.
pub const SANDBOX_URL: &str = "sandbox://in-browser";

/// Whether `url` names the sandbox broker.
pub fn is_sandbox_url(url: &str) -> bool {
    url.trim().to_ascii_lowercase().starts_with("sandbox:")
}

/// What an endpoint hears, in the order a WebSocket would report it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkEvent {
    /// The connection is open.
    Open,
    /// Bytes from the broker.
    Message(Vec<u8>),
    /// The connection closed.
    Close {
        /// WebSocket-style close code.
        code: u16,
        /// Reason text.
        reason: String,
    },
}

type Listener = Rc<dyn Fn(LinkEvent)>;

/// Entries of the broker's decision log kept for the broker view.
const LOG_CAP: usize = 500;

/// Simulated network conditions toward one client, for lessons: how QoS 1
/// re-sends after a lost acknowledgement, how QoS 2 still delivers once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Conditions {
    /// Added one-way delay of everything the broker sends to the client.
    pub latency_ms: u32,
    /// Chance (0 to 1) that a packet toward the client is lost. A lost
    /// packet breaks the connection, as it does for a real client whose
    /// network fails: the client reconnects and re-sends what was not
    /// acknowledged.
    pub loss: f64,
    /// Lose the next packet of these types toward the client (one each),
    /// e.g. the next PUBACK.
    pub drop_next: Vec<PacketType>,
}

struct Host {
    broker: Broker,
    endpoints: HashMap<u64, Listener>,
    /// Events with the time they are due (latency).
    outbox: VecDeque<(u64, LinkEvent, Instant)>,
    conditions: HashMap<String, Conditions>,
    delivery: Option<Timeout>,
    timer: Option<Timeout>,
    armed: Option<Instant>,
    next: u64,
    log: VecDeque<BrokerLog>,
    generation: u64,
    role: Role,
    bus: Option<Bus>,
    /// Broker connections of endpoints in other tabs: (tab, its endpoint).
    remote: HashMap<u64, (f64, f64)>,
    /// Operations of this tab's endpoints made before its role was known.
    pending: Vec<Op>,
}

/// Whether this tab runs the shared sandbox or uses another tab's.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    /// Waiting to learn which tab runs the broker.
    Pending,
    /// This tab runs the broker for every tab of the browser.
    Host,
    /// Another tab (this id) runs it; this one relays.
    Guest(f64),
}

/// What this tab's endpoints did before the role was known.
enum Op {
    Open(u64),
    Send(u64, Vec<u8>),
    Close(u64),
}

/// The channel the tabs of one browser talk over.
struct Bus {
    tab: f64,
    channel: web_sys::BroadcastChannel,
    _on_message: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::MessageEvent)>,
}

/// The channel's name; one sandbox per browser profile and origin.
const CHANNEL: &str = "mqttlab-sandbox";

thread_local! {
    static HOST: RefCell<Host> = RefCell::new(Host {
        broker: Broker::new(BrokerConfig::default()),
        endpoints: HashMap::new(),
        outbox: VecDeque::new(),
        conditions: HashMap::new(),
        delivery: None,
        timer: None,
        armed: None,
        next: 1,
        log: VecDeque::new(),
        generation: 0,
        role: Role::Pending,
        bus: None,
        remote: HashMap::new(),
        pending: Vec::new(),
    });
}

/// One client connection to the page's sandbox broker.
#[derive(Debug)]
pub struct Endpoint {
    id: u64,
}

/// Opens a connection to the sandbox; `listener` hears [`LinkEvent::Open`]
/// on a later turn of the event loop.
pub fn open(listener: impl Fn(LinkEvent) + 'static) -> Endpoint {
    ensure_bus();
    let id = HOST.with(|h| {
        let mut h = h.borrow_mut();
        let id = h.next;
        h.next += 1;
        h.endpoints.insert(id, Rc::new(listener));
        h.run(Op::Open(id));
        id
    });
    schedule();
    Endpoint { id }
}

impl Endpoint {
    /// Sends bytes to the broker.
    pub fn send(&self, bytes: &[u8]) {
        HOST.with(|h| {
            let mut h = h.borrow_mut();
            if h.endpoints.contains_key(&self.id) {
                h.run(Op::Send(self.id, bytes.to_vec()));
            }
        });
        schedule();
    }

    /// Closes the connection without an MQTT DISCONNECT (the broker sees a
    /// lost connection); the listener hears the close, as with a socket.
    pub fn close(&self, code: u16, reason: &str) {
        HOST.with(|h| {
            let mut h = h.borrow_mut();
            if h.endpoints.contains_key(&self.id) {
                h.run(Op::Close(self.id));
                let event = LinkEvent::Close {
                    code,
                    reason: reason.to_owned(),
                };
                h.outbox.push_back((self.id, event, now()));
            }
        });
        schedule();
    }

    /// Stops all events to this endpoint and closes it if still open.
    pub fn detach(&self) {
        HOST.with(|h| {
            let mut h = h.borrow_mut();
            if h.endpoints.remove(&self.id).is_some() {
                h.run(Op::Close(self.id));
            }
        });
        schedule();
    }
}

/// Whether this tab relays to the sandbox of another tab (whose broker
/// view then shows what this tab's clients do).
pub fn is_relay() -> bool {
    HOST.with(|h| matches!(h.borrow().role, Role::Guest(_)))
}

/// The broker's recent decisions, oldest first (for the broker view).
pub fn recent_log() -> Vec<BrokerLog> {
    HOST.with(|h| h.borrow().log.iter().cloned().collect())
}

/// The broker's sessions and retained store right now (for the broker
/// view), and the simulated network per client.
pub fn snapshot() -> (BrokerSnapshot, HashMap<String, Conditions>) {
    HOST.with(|h| {
        let h = h.borrow();
        (h.broker.snapshot(), h.conditions.clone())
    })
}

/// A number that changes whenever the broker did something, so a view
/// redraws only then.
pub fn generation() -> u64 {
    HOST.with(|h| h.borrow().generation)
}

/// Sets the simulated network toward the client with this client id
/// (default: a perfect network).
pub fn set_conditions(client_id: &str, conditions: Conditions) {
    HOST.with(|h| {
        let mut h = h.borrow_mut();
        h.generation += 1;
        h.conditions.insert(client_id.to_owned(), conditions)
    });
}

impl Host {
    /// Carries out an endpoint's operation as this tab's role allows.
    fn run(&mut self, op: Op) {
        let now = now();
        match (self.role, op) {
            (Role::Pending, op) => self.pending.push(op),
            (Role::Host, Op::Open(id)) => {
                self.broker.handle_open(ConnId(id), now);
                self.outbox.push_back((id, LinkEvent::Open, now));
            }
            (Role::Host, Op::Send(id, bytes)) => {
                self.broker.handle_bytes(ConnId(id), &bytes, now);
                self.drain();
            }
            (Role::Host, Op::Close(id)) => {
                self.broker.handle_closed(ConnId(id), now);
                self.drain();
            }
            (Role::Guest(_), Op::Open(id)) => self.post("open", id as f64, None),
            (Role::Guest(_), Op::Send(id, bytes)) => self.post("bytes", id as f64, Some(&bytes)),
            (Role::Guest(_), Op::Close(id)) => self.post("close", id as f64, None),
        }
    }

    /// Posts a relay message from this tab.
    fn post(&self, kind: &str, conn: f64, bytes: Option<&[u8]>) {
        let Some(bus) = &self.bus else {
            return;
        };
        let msg = js_sys::Object::new();
        let set = |k: &str, v: &wasm_bindgen::JsValue| {
            let _ = js_sys::Reflect::set(&msg, &k.into(), v);
        };
        set("t", &kind.into());
        set("tab", &bus.tab.into());
        set("conn", &conn.into());
        if let Some(b) = bytes {
            set("data", &js_sys::Uint8Array::from(b).into());
        }
        let _ = bus.channel.post_message(&msg);
    }

    /// Posts a link event to an endpoint in another tab.
    fn post_event(&self, to_tab: f64, conn: f64, event: &LinkEvent) {
        let Some(bus) = &self.bus else {
            return;
        };
        let msg = js_sys::Object::new();
        let set = |k: &str, v: &wasm_bindgen::JsValue| {
            let _ = js_sys::Reflect::set(&msg, &k.into(), v);
        };
        set("t", &"ev".into());
        set("tab", &bus.tab.into());
        set("to", &to_tab.into());
        set("conn", &conn.into());
        match event {
            LinkEvent::Open => set("kind", &"open".into()),
            LinkEvent::Message(b) => {
                set("kind", &"message".into());
                set("data", &js_sys::Uint8Array::from(b.as_slice()).into());
            }
            LinkEvent::Close { code, reason } => {
                set("kind", &"close".into());
                set("code", &f64::from(*code).into());
                set("reason", &reason.as_str().into());
            }
        }
        let _ = bus.channel.post_message(&msg);
    }

    /// This tab now knows its role: run what waited, and drop endpoints
    /// attached to a broker that is gone (they reconnect to the new one).
    fn set_role(&mut self, role: Role) {
        let previous = self.role;
        self.role = role;
        if matches!(previous, Role::Guest(_)) {
            let now = now();
            let ids: Vec<u64> = self.endpoints.keys().copied().collect();
            for id in ids {
                let event = LinkEvent::Close {
                    code: 1006,
                    reason: String::new(),
                };
                self.outbox.push_back((id, event, now));
            }
        }
        if role == Role::Host {
            self.post("host", 0.0, None);
        }
        for op in std::mem::take(&mut self.pending) {
            self.run(op);
        }
    }

    /// A message from another tab.
    fn on_bus(&mut self, data: &wasm_bindgen::JsValue) {
        let get = |k: &str| js_sys::Reflect::get(data, &k.into()).unwrap_or_default();
        let kind = get("t").as_string().unwrap_or_default();
        let tab = get("tab").as_f64().unwrap_or(-1.0);
        let conn = get("conn").as_f64().unwrap_or(-1.0);
        let bytes = || {
            get("data")
                .dyn_into::<js_sys::Uint8Array>()
                .map(|a| a.to_vec())
                .unwrap_or_default()
        };
        let me = self.bus.as_ref().map_or(0.0, |b| b.tab);
        let now = now();
        match (kind.as_str(), self.role) {
            ("hello", Role::Host) => self.post("host", 0.0, None),
            ("host", Role::Pending) => self.set_role(Role::Guest(tab)),
            ("host", Role::Guest(old)) if old != tab => self.set_role(Role::Guest(tab)),
            ("open", Role::Host) => {
                let id = self.next;
                self.next += 1;
                self.remote.insert(id, (tab, conn));
                self.broker.handle_open(ConnId(id), now);
                self.outbox.push_back((id, LinkEvent::Open, now));
            }
            ("bytes", Role::Host) => {
                if let Some(id) = self.remote_id(tab, conn) {
                    self.broker.handle_bytes(ConnId(id), &bytes(), now);
                    self.drain();
                }
            }
            ("close", Role::Host) => {
                if let Some(id) = self.remote_id(tab, conn) {
                    self.remote.remove(&id);
                    self.broker.handle_closed(ConnId(id), now);
                    self.drain();
                }
            }
            ("ev", Role::Guest(_)) if get("to").as_f64() == Some(me) => {
                let event = match get("kind").as_string().as_deref() {
                    Some("open") => LinkEvent::Open,
                    Some("message") => LinkEvent::Message(bytes()),
                    _ => LinkEvent::Close {
                        code: get("code").as_f64().unwrap_or(1006.0) as u16,
                        reason: get("reason").as_string().unwrap_or_default(),
                    },
                };
                self.outbox.push_back((conn as u64, event, now));
            }
            _ => {}
        }
    }

    fn remote_id(&self, tab: f64, conn: f64) -> Option<u64> {
        self.remote
            .iter()
            .find(|(_, r)| **r == (tab, conn))
            .map(|(id, _)| *id)
    }

    /// Moves what the broker produced into the outbox, through the
    /// simulated network of each receiving client.
    fn drain(&mut self) {
        self.generation += 1;
        let now = now();
        while let Some((conn, bytes)) = self.broker.poll_transmit() {
            let client = self.broker.client_id_of(conn).map(str::to_owned);
            let conditions = client.as_ref().and_then(|c| self.conditions.get_mut(c));
            let mut due = now;
            if let Some(c) = conditions {
                due = now + std::time::Duration::from_millis(u64::from(c.latency_ms));
                let kind = bytes.first().and_then(|b| PacketType::from_u8(b >> 4));
                let targeted = kind.and_then(|k| c.drop_next.iter().position(|t| *t == k));
                let lost = match targeted {
                    Some(i) => {
                        c.drop_next.remove(i);
                        true
                    }
                    None => c.loss > 0.0 && js_sys::Math::random() < c.loss,
                };
                if lost {
                    self.log.push_back(BrokerLog::PacketLost {
                        client_id: client.clone().unwrap_or_default(),
                        packet_type: kind,
                    });
                    // The network fails: both ends see the connection drop.
                    self.broker.handle_closed(conn, now);
                    self.outbox.push_back((
                        conn.0,
                        LinkEvent::Close {
                            code: 1006,
                            reason: String::new(),
                        },
                        due,
                    ));
                    continue;
                }
            }
            self.outbox
                .push_back((conn.0, LinkEvent::Message(bytes), due));
        }
        while let Some(conn) = self.broker.poll_close() {
            self.outbox.push_back((
                conn.0,
                LinkEvent::Close {
                    code: 1000,
                    reason: String::new(),
                },
                now,
            ));
        }
        while let Some(entry) = self.broker.poll_log() {
            if self.log.len() == LOG_CAP {
                self.log.pop_front();
            }
            self.log.push_back(entry);
        }
    }
}

/// Delivers the outbox on a later turn of the event loop (never inside a
/// caller's borrow) once each event is due, and keeps one timer at the
/// broker's next deadline.
fn schedule() {
    HOST.with(|h| {
        let mut h = h.borrow_mut();
        if h.delivery.is_none() {
            if let Some(first) = h.outbox.iter().map(|(_, _, due)| *due).min() {
                let wait = first.saturating_duration_since(now()).as_millis();
                h.delivery = Some(Timeout::new(wait.min(u128::from(u32::MAX)) as u32, deliver));
            }
        }
        match h.broker.poll_timeout() {
            None => {
                h.timer = None;
                h.armed = None;
            }
            Some(at) if h.timer.is_none() || h.armed.is_some_and(|a| at < a) => {
                let wait = at.saturating_duration_since(now()).as_millis();
                h.armed = Some(at);
                h.timer = Some(Timeout::new(wait.min(u128::from(u32::MAX)) as u32, || {
                    HOST.with(|h| {
                        let mut h = h.borrow_mut();
                        h.timer = None;
                        h.armed = None;
                        h.broker.handle_timeout(now());
                        h.drain();
                    });
                    schedule();
                }));
            }
            Some(_) => {}
        }
    });
}

/// Delivers every due event, in order per connection: an event waits for
/// the ones before it to the same connection (a stream keeps its order).
fn deliver() {
    let batch: Vec<(Listener, LinkEvent)> = HOST.with(|h| {
        let mut h = h.borrow_mut();
        h.delivery = None;
        let now = now();
        let mut batch = Vec::new();
        let mut held: std::collections::HashSet<u64> = std::collections::HashSet::new();
        let mut rest = VecDeque::new();
        while let Some((id, event, due)) = h.outbox.pop_front() {
            if due > now || held.contains(&id) {
                held.insert(id);
                rest.push_back((id, event, due));
                continue;
            }
            let closing = matches!(event, LinkEvent::Close { .. });
            if let Some(&(tab, conn)) = h.remote.get(&id) {
                h.post_event(tab, conn, &event);
                if closing {
                    h.remote.remove(&id);
                }
                continue;
            }
            let listener = if closing {
                h.endpoints.remove(&id)
            } else {
                h.endpoints.get(&id).cloned()
            };
            if let Some(l) = listener {
                batch.push((l, event));
            }
        }
        h.outbox = rest;
        batch
    });
    for (listener, event) in batch {
        listener(event);
    }
    schedule();
}

/// Joins the browser's sandbox: the first tab to ask becomes its host (it
/// holds a Web Lock for as long as it lives); the others relay to it over a
/// BroadcastChannel, and one of them takes over if the host tab closes.
/// Without those APIs, this tab runs a sandbox of its own.
fn ensure_bus() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    if HOST.with(|h| h.borrow().bus.is_some() || h.borrow().role != Role::Pending) {
        return;
    }
    let channel = web_sys::BroadcastChannel::new(CHANNEL).ok();
    let locks = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &"locks".into()).ok())
        .filter(|l| !l.is_undefined() && !l.is_null());
    let (Some(channel), Some(locks)) = (channel, locks) else {
        HOST.with(|h| h.borrow_mut().set_role(Role::Host));
        return;
    };
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
            HOST.with(|h| h.borrow_mut().on_bus(&e.data()));
            schedule();
        });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let tab = js_sys::Math::random() * 1e15;
    HOST.with(|h| {
        let mut h = h.borrow_mut();
        h.bus = Some(Bus {
            tab,
            channel,
            _on_message: on_message,
        });
        h.post("hello", 0.0, None);
    });
    // A closing relay tab ends its connections like a pulled plug (no
    // DISCONNECT), so the host publishes their Wills at once rather than
    // after their keep alive runs out.
    let on_pagehide = Closure::<dyn FnMut()>::new(|| {
        HOST.with(|h| {
            let h = h.borrow();
            if matches!(h.role, Role::Guest(_)) {
                for id in h.endpoints.keys() {
                    h.post("close", *id as f64, None);
                }
            }
        });
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref());
    }
    // Lives as long as the page.
    on_pagehide.forget();
    let granted = Closure::once_into_js(|_lock: wasm_bindgen::JsValue| -> wasm_bindgen::JsValue {
        HOST.with(|h| h.borrow_mut().set_role(Role::Host));
        schedule();
        // Never settles: the lock is held until the tab goes away.
        js_sys::Promise::new(&mut |_, _| {}).into()
    });
    let request = js_sys::Reflect::get(&locks, &"request".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match request {
        Some(request) => {
            let _ = request.call2(&locks, &CHANNEL.into(), &granted);
        }
        None => HOST.with(|h| h.borrow_mut().set_role(Role::Host)),
    }
}
