//! The in-page side of the sandbox broker: one [`Broker`] per page, reached
//! through endpoints that behave like a WebSocket (open, binary messages,
//! close — all delivered asynchronously, as a socket's events are), so the
//! driver and everything above it cannot tell the difference.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use gloo::timers::callback::Timeout;

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
}

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
    let id = HOST.with(|h| {
        let mut h = h.borrow_mut();
        let id = h.next;
        h.next += 1;
        h.endpoints.insert(id, Rc::new(listener));
        let now = now();
        h.broker.handle_open(ConnId(id), now);
        h.outbox.push_back((id, LinkEvent::Open, now));
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
                h.broker.handle_bytes(ConnId(self.id), bytes, now());
                h.drain();
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
                let now = now();
                h.broker.handle_closed(ConnId(self.id), now);
                h.drain();
                h.outbox.push_back((
                    self.id,
                    LinkEvent::Close {
                        code,
                        reason: reason.to_owned(),
                    },
                    now,
                ));
            }
        });
        schedule();
    }

    /// Stops all events to this endpoint and closes it if still open.
    pub fn detach(&self) {
        HOST.with(|h| {
            let mut h = h.borrow_mut();
            if h.endpoints.remove(&self.id).is_some() {
                h.broker.handle_closed(ConnId(self.id), now());
                h.drain();
            }
        });
        schedule();
    }
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
