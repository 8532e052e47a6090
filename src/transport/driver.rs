//! The WebSocket driver: feeds a [`Session`] from a browser WebSocket and a
//! timer, drains it to the socket and to the app, and reconnects with
//! backoff after a connection that had worked is lost.
//!
//! Re-entrancy: the app's callback may call straight back into the
//! [`Connection`] (publish from an event handler, say). So nothing is ever
//! reported while the inner state is borrowed: each entry point works on the
//! state, collects what to report, lets go, and only then calls out.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{BinaryType, CloseEvent, MessageEvent, WebSocket};

use crate::protocol::codec::{PacketId, QoS, SubscribeFilter};
use crate::protocol::session::{
    Backoff, CloseReason, CommandError, ConnectOptions, Event, OutgoingPublish, ReconnectPolicy,
    Session,
};
use crate::protocol::Instant;

use super::{sandbox, DriverEvent, OpenError};

/// The WebSocket subprotocol MQTT uses (MQTT 5.0 section 6).
pub const SUBPROTOCOL: &str = "mqtt";

type Listener = Rc<dyn Fn(DriverEvent)>;

/// Milliseconds from the page's time origin (`performance.now()`).
pub fn now() -> Instant {
    let ms = web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now());
    Instant::from_millis(ms.max(0.0) as u64)
}

/// The link under a connection: a browser WebSocket, or an endpoint of the
/// in-page sandbox broker that behaves like one.
enum Link {
    WebSocket {
        ws: WebSocket,
        // Kept alive as long as the socket: dropping a closure the browser
        // still calls would throw.
        _on_open: Closure<dyn FnMut()>,
        _on_message: Closure<dyn FnMut(MessageEvent)>,
        _on_close: Closure<dyn FnMut(CloseEvent)>,
    },
    Sandbox(sandbox::Endpoint),
}

struct Socket {
    link: Link,
    opened: bool,
}

impl Socket {
    fn send(&self, bytes: &[u8]) {
        match &self.link {
            // Errors mean the socket is already closing; its close event
            // reports that.
            Link::WebSocket { ws, .. } => {
                let _ = ws.send_with_u8_array(bytes);
            }
            Link::Sandbox(e) => e.send(bytes),
        }
    }

    fn close(&self, code: u16, reason: &str) {
        match &self.link {
            Link::WebSocket { ws, .. } => {
                let _ = ws.close_with_code_and_reason(code, reason);
            }
            Link::Sandbox(e) => e.close(code, reason),
        }
    }

    fn protocol(&self) -> String {
        match &self.link {
            Link::WebSocket { ws, .. } => ws.protocol(),
            Link::Sandbox(_) => SUBPROTOCOL.to_owned(),
        }
    }

    /// No more events from this link; closes it if still open.
    fn detach(&self) {
        match &self.link {
            Link::WebSocket { ws, .. } => {
                ws.set_onopen(None);
                ws.set_onmessage(None);
                ws.set_onclose(None);
                let _ = ws.close_with_code(1000);
            }
            Link::Sandbox(e) => e.detach(),
        }
    }
}

/// A frame received on a link.
enum Frame {
    Binary(Vec<u8>),
    Text,
}

struct Inner {
    url: String,
    session: Session,
    socket: Option<Socket>,
    /// Socket generation, so callbacks of a replaced socket are ignored.
    generation: u64,
    timer: Option<Timeout>,
    /// When `timer` fires. Kept when the session's deadline moves later (as
    /// it does with every packet received): the early firing finds nothing
    /// due and re-arms, which is far cheaper than a new timer per packet.
    armed: Option<Instant>,
    reconnect_timer: Option<Timeout>,
    backoff: Backoff,
    auto_reconnect: bool,
    /// A CONNACK accepted since the user pressed Connect: only then is a
    /// lost connection retried (a first attempt that fails is reported, not
    /// retried blindly).
    ever_connected: bool,
    /// The session's reason for the last close, to decide on a retry.
    last_close: Option<CloseReason>,
    user_closed: bool,
    /// Set by a socket close: decide on a retry once the borrow ends.
    reconnect_wanted: bool,
    /// "Frozen" (a hung device): no timer runs, nothing is sent and what
    /// arrives waits in `held` until thawed. The socket stays open, so the
    /// broker sees a client that has gone silent.
    frozen: bool,
    held: Vec<Vec<u8>>,
    out: Vec<DriverEvent>,
}

/// A connection to one broker, shared by the app through a cheap clone.
#[derive(Clone)]
pub struct Connection {
    inner: Rc<RefCell<Inner>>,
    listener: Listener,
}

impl PartialEq for Connection {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl Connection {
    /// A connection that reports to `listener`. Nothing happens until
    /// [`Connection::connect`].
    pub fn new(listener: impl Fn(DriverEvent) + 'static) -> Self {
        Connection {
            inner: Rc::new(RefCell::new(Inner {
                url: String::new(),
                session: Session::new(ConnectOptions::default()),
                socket: None,
                generation: 0,
                timer: None,
                armed: None,
                reconnect_timer: None,
                backoff: Backoff::default(),
                auto_reconnect: true,
                ever_connected: false,
                last_close: None,
                user_closed: false,
                reconnect_wanted: false,
                frozen: false,
                held: Vec::new(),
                out: Vec::new(),
            })),
            listener: Rc::new(listener),
        }
    }

    /// Connects to `url` (ws:// or wss://) with `options`, replacing any
    /// connection there is. `reconnect` is the retry policy after a lost
    /// connection; `None` never retries.
    pub fn connect(&self, url: &str, options: ConnectOptions, reconnect: Option<ReconnectPolicy>) {
        {
            let mut inner = self.inner.borrow_mut();
            inner.shutdown_socket();
            inner.reconnect_timer = None;
            inner.url = url.to_owned();
            inner.session = Session::new(options);
            inner.auto_reconnect = reconnect.is_some();
            inner.backoff = Backoff::new(reconnect.unwrap_or_default());
            inner.ever_connected = false;
            inner.last_close = None;
            inner.user_closed = false;
            inner.frozen = false;
            inner.held.clear();
        }
        self.open(0);
    }

    /// Sends DISCONNECT, closes the socket and stops any retry.
    pub fn disconnect(&self) {
        self.end(true);
    }

    /// Closes the socket WITHOUT an MQTT DISCONNECT, as a lost network or a
    /// pulled plug would: the broker then publishes the Will. Stops any
    /// retry.
    pub fn abort(&self) {
        self.end(false);
    }

    /// Freezes or thaws the client, as a device whose program hangs: while
    /// frozen it sends nothing (no PINGREQ either), reads nothing and its
    /// timers stop, but the connection stays open — so the broker's keep
    /// alive check (1.5 × Keep Alive) is what ends it. Thawing handles
    /// what arrived meanwhile and catches up on the timers.
    pub fn set_frozen(&self, frozen: bool) {
        self.with(|inner| {
            if inner.frozen == frozen {
                return;
            }
            inner.frozen = frozen;
            if frozen {
                inner.timer = None;
                inner.armed = None;
                return;
            }
            let now = now();
            for bytes in std::mem::take(&mut inner.held) {
                inner.session.handle_bytes(&bytes, now);
            }
            inner.session.handle_timeout(now);
            inner.flush(now);
        });
    }

    /// Whether [`Connection::set_frozen`] froze the client.
    pub fn is_frozen(&self) -> bool {
        self.inner.borrow().frozen
    }

    fn end(&self, graceful: bool) {
        self.with(|inner| {
            inner.user_closed = true;
            if std::mem::take(&mut inner.frozen) {
                inner.held.clear();
                inner.drop_unsent();
            }
            inner.reconnect_timer = None;
            let now = now();
            if graceful && inner.session.is_connected() {
                inner.session.disconnect(now);
                inner.flush(now);
            }
            let was_open = inner.socket.is_some();
            inner.shutdown_socket();
            inner.session.handle_transport_closed(now);
            inner.flush(now);
            if was_open {
                inner.out.push(DriverEvent::SocketClosed {
                    code: 1000,
                    reason: String::new(),
                    was_clean: true,
                    opened: true,
                });
            }
        });
    }

    /// Publishes; see [`Session::publish`].
    pub fn publish(&self, msg: OutgoingPublish) -> Result<Option<PacketId>, CommandError> {
        self.with(|inner| {
            let now = now();
            let r = inner.session.publish(msg, now);
            inner.flush(now);
            r
        })
    }

    /// Subscribes; see [`Session::subscribe`].
    pub fn subscribe(
        &self,
        filters: Vec<SubscribeFilter>,
        subscription_identifier: Option<u32>,
    ) -> Result<PacketId, CommandError> {
        self.with(|inner| {
            let now = now();
            let r = inner
                .session
                .subscribe(filters, subscription_identifier, now);
            inner.flush(now);
            r
        })
    }

    /// Unsubscribes; see [`Session::unsubscribe`].
    pub fn unsubscribe(&self, filters: Vec<String>) -> Result<PacketId, CommandError> {
        self.with(|inner| {
            let now = now();
            let r = inner.session.unsubscribe(filters, now);
            inner.flush(now);
            r
        })
    }

    /// Whether CONNACK accepted the current connection.
    pub fn is_connected(&self) -> bool {
        self.inner.borrow().session.is_connected()
    }

    /// Runs `f` on the state, then reports what it queued, outside the borrow.
    fn with<R>(&self, f: impl FnOnce(&mut Inner) -> R) -> R {
        let (result, events, reconnect) = {
            let mut inner = self.inner.borrow_mut();
            let result = f(&mut inner);
            let reconnect = inner.take_reconnect_request();
            (result, std::mem::take(&mut inner.out), reconnect)
        };
        for e in events {
            (self.listener)(e);
        }
        if let Some(delay) = reconnect {
            self.schedule_reconnect(delay);
        }
        self.arm_timer();
        result
    }

    fn weak(&self) -> (Weak<RefCell<Inner>>, Listener) {
        (Rc::downgrade(&self.inner), self.listener.clone())
    }

    fn from_weak(weak: &Weak<RefCell<Inner>>, listener: &Listener) -> Option<Connection> {
        Some(Connection {
            inner: weak.upgrade()?,
            listener: listener.clone(),
        })
    }

    fn open(&self, attempt: u32) {
        let url = self.inner.borrow().url.clone();
        self.with(|inner| {
            inner.out.push(DriverEvent::Opening {
                url: url.clone(),
                attempt,
            });
        });
        if sandbox::is_sandbox_url(&url) {
            self.open_sandbox();
            return;
        }
        if url.starts_with("ws://") && page_is_https() {
            self.with(|inner| {
                inner
                    .out
                    .push(DriverEvent::OpenFailed(OpenError::MixedContent))
            });
            return;
        }
        let ws = match WebSocket::new_with_str(&url, SUBPROTOCOL) {
            Ok(ws) => ws,
            Err(e) => {
                let msg = e
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .or_else(|| e.as_string())
                    .unwrap_or_default();
                self.with(|inner| {
                    inner
                        .out
                        .push(DriverEvent::OpenFailed(OpenError::Rejected(msg)))
                });
                return;
            }
        };
        ws.set_binary_type(BinaryType::Arraybuffer);
        let generation = self.next_generation();
        let (weak, listener) = self.weak();
        let on_open = {
            let (weak, listener) = (weak.clone(), listener.clone());
            Closure::<dyn FnMut()>::new(move || {
                if let Some(c) = Connection::from_weak(&weak, &listener) {
                    c.on_open(generation);
                }
            })
        };
        let on_message = {
            let (weak, listener) = (weak.clone(), listener.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                if let Some(c) = Connection::from_weak(&weak, &listener) {
                    let data = e.data();
                    let frame = match data.dyn_ref::<js_sys::ArrayBuffer>() {
                        Some(buf) => Frame::Binary(js_sys::Uint8Array::new(buf).to_vec()),
                        None => Frame::Text,
                    };
                    c.on_message(generation, frame);
                }
            })
        };
        let on_close = Closure::<dyn FnMut(CloseEvent)>::new(move |e: CloseEvent| {
            if let Some(c) = Connection::from_weak(&weak, &listener) {
                c.on_close(generation, e.code(), e.reason(), e.was_clean());
            }
        });
        ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        self.inner.borrow_mut().socket = Some(Socket {
            link: Link::WebSocket {
                ws,
                _on_open: on_open,
                _on_message: on_message,
                _on_close: on_close,
            },
            opened: false,
        });
    }

    fn next_generation(&self) -> u64 {
        let mut inner = self.inner.borrow_mut();
        inner.generation += 1;
        inner.generation
    }

    /// Opens a link to the page's sandbox broker instead of a WebSocket.
    fn open_sandbox(&self) {
        let generation = self.next_generation();
        let (weak, listener) = self.weak();
        let endpoint = sandbox::open(move |event| {
            let Some(c) = Connection::from_weak(&weak, &listener) else {
                return;
            };
            match event {
                sandbox::LinkEvent::Open => c.on_open(generation),
                sandbox::LinkEvent::Message(bytes) => {
                    c.on_message(generation, Frame::Binary(bytes))
                }
                sandbox::LinkEvent::Close { code, reason } => {
                    c.on_close(generation, code, reason, true)
                }
            }
        });
        self.inner.borrow_mut().socket = Some(Socket {
            link: Link::Sandbox(endpoint),
            opened: false,
        });
    }

    fn on_open(&self, generation: u64) {
        self.with(|inner| {
            if inner.generation != generation {
                return;
            }
            let Some(socket) = inner.socket.as_mut() else {
                return;
            };
            socket.opened = true;
            let protocol = socket.protocol();
            if protocol != SUBPROTOCOL {
                inner
                    .out
                    .push(DriverEvent::SubprotocolMismatch { got: protocol });
                socket.close(1002, "");
                return;
            }
            inner.out.push(DriverEvent::Opened { protocol });
            let now = now();
            if let Err(e) = inner.session.connect(now) {
                // Only possible if options need MQTT 5 on 3.1.1; report as
                // a refused open rather than send a wrong CONNECT.
                inner
                    .out
                    .push(DriverEvent::OpenFailed(OpenError::Rejected(e.to_string())));
                inner.user_closed = true;
                inner.shutdown_socket();
                return;
            }
            inner.flush(now);
        });
    }

    fn on_message(&self, generation: u64, frame: Frame) {
        self.with(|inner| {
            if inner.generation != generation {
                return;
            }
            let now = now();
            match frame {
                Frame::Binary(bytes) if inner.frozen => inner.held.push(bytes),
                Frame::Binary(bytes) => {
                    inner.session.handle_bytes(&bytes, now);
                    inner.flush(now);
                }
                Frame::Text => {
                    // MQTT over WebSocket is binary frames only (spec 6.0).
                    inner.out.push(DriverEvent::TextFrameRefused);
                    if let Some(s) = &inner.socket {
                        s.close(1003, "MQTT needs binary frames");
                    }
                }
            }
        });
    }

    fn on_close(&self, generation: u64, code: u16, reason: String, was_clean: bool) {
        self.with(|inner| {
            if inner.generation != generation {
                return;
            }
            let opened = inner.socket.as_ref().is_some_and(|s| s.opened);
            if let Some(s) = inner.socket.take() {
                s.detach();
            }
            inner.timer = None;
            inner.armed = None;
            // The socket is gone: what a frozen client never read or sent
            // is lost with it, as on a real device. Its packets were never
            // written, so they are not reported as sent.
            if std::mem::take(&mut inner.frozen) {
                inner.held.clear();
                inner.drop_unsent();
            }
            let now = now();
            inner.out.push(DriverEvent::SocketClosed {
                code,
                reason,
                was_clean,
                opened,
            });
            inner.session.handle_transport_closed(now);
            inner.flush(now);
            inner.reconnect_wanted = true;
        });
    }

    fn schedule_reconnect(&self, delay_ms: u64) {
        let attempt = self.inner.borrow().backoff.attempts();
        let (weak, listener) = self.weak();
        let timer = Timeout::new(delay_ms.min(u64::from(u32::MAX)) as u32, move || {
            if let Some(c) = Connection::from_weak(&weak, &listener) {
                c.inner.borrow_mut().reconnect_timer = None;
                c.open(attempt);
            }
        });
        self.inner.borrow_mut().reconnect_timer = Some(timer);
        (self.listener)(DriverEvent::ReconnectScheduled { delay_ms, attempt });
    }

    /// One timer, at or before the session's next deadline.
    fn arm_timer(&self) {
        let mut inner = self.inner.borrow_mut();
        if inner.frozen {
            return;
        }
        let Some(deadline) = inner.session.poll_timeout() else {
            inner.timer = None;
            inner.armed = None;
            return;
        };
        if inner.timer.is_some() && inner.armed.is_some_and(|at| at <= deadline) {
            return;
        }
        let wait = deadline.saturating_duration_since(now()).as_millis();
        let (weak, listener) = self.weak();
        inner.armed = Some(deadline);
        inner.timer = Some(Timeout::new(
            wait.min(u128::from(u32::MAX)) as u32,
            move || {
                if let Some(c) = Connection::from_weak(&weak, &listener) {
                    c.with(|inner| {
                        inner.timer = None;
                        inner.armed = None;
                        let now = now();
                        inner.session.handle_timeout(now);
                        inner.flush(now);
                    });
                }
            },
        ));
    }
}

fn page_is_https() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "https:")
}

impl Inner {
    /// Sends what the session queued and moves its events to `out`. When
    /// the session closed the connection, the socket is closed after the
    /// last bytes (a DISCONNECT, say) were handed to it.
    fn flush(&mut self, _now: Instant) {
        if self.frozen {
            return;
        }
        while let Some(bytes) = self.session.poll_transmit() {
            if let Some(s) = &self.socket {
                s.send(&bytes);
            }
        }
        let mut close = false;
        while let Some(e) = self.session.poll_event() {
            match &e {
                Event::Connected(_) => {
                    self.ever_connected = true;
                    self.backoff.reset();
                }
                Event::Closed(reason) => {
                    self.last_close = Some(reason.clone());
                    close = true;
                }
                _ => {}
            }
            self.out.push(DriverEvent::Session(e));
        }
        if close {
            if let Some(s) = &self.socket {
                s.close(1000, "");
            }
        }
    }

    /// Discards what the session queued but a frozen client never wrote,
    /// keeping its other events.
    fn drop_unsent(&mut self) {
        while self.session.poll_transmit().is_some() {}
        while let Some(e) = self.session.poll_event() {
            let unsent = matches!(
                e,
                Event::PacketSent { .. }
                    | Event::PublishCompleted {
                        qos: QoS::AtMostOnce,
                        ..
                    }
            );
            if !unsent {
                self.out.push(DriverEvent::Session(e));
            }
        }
    }

    fn shutdown_socket(&mut self) {
        self.generation += 1;
        self.timer = None;
        self.armed = None;
        if let Some(s) = self.socket.take() {
            s.detach();
        }
    }

    /// After a socket closed: the delay before the next attempt, if one is
    /// due. Retries only a connection that had worked, not one the user
    /// closed, and not a refusal (wrong credentials do not get better).
    fn take_reconnect_request(&mut self) -> Option<u64> {
        if !std::mem::take(&mut self.reconnect_wanted) {
            return None;
        }
        if self.user_closed || !self.auto_reconnect || !self.ever_connected {
            return None;
        }
        if matches!(
            self.last_close,
            Some(CloseReason::ClientDisconnected) | Some(CloseReason::ConnectRefused { .. })
        ) {
            return None;
        }
        let delay = self.backoff.next_delay(js_sys::Math::random())?;
        Some(u64::try_from(delay.as_millis()).unwrap_or(u64::MAX))
    }
}
