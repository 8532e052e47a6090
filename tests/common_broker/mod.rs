//! Harness for the tests against a real mosquitto: a broker process per test
//! on a free loopback port, a driver that runs our sans-IO [`Session`] over a
//! `std::net::TcpStream` with the real clock, and the `mosquitto_sub` /
//! `mosquitto_pub` command-line clients as outside peers.
//!
//! Every wait is bounded and fails with what was seen so far; every process
//! started here is killed by its own handle (never by name) when its guard is
//! dropped, also when a test panics.

use std::collections::VecDeque;
use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use mqtt_lab::protocol::codec::{
    PacketId, ProtocolVersion, QoS, SubscribeFilter, SubscriptionOptions,
};
use mqtt_lab::protocol::session::{
    CloseReason, ConnectOptions, Event, Message, Negotiated, OutgoingPublish, Session,
    SubscribeResult,
};
use mqtt_lab::protocol::Instant as MqttInstant;

/// How long any single expected thing may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(5);

/// The brokers' `max_inflight_messages`: their Receive Maximum in 5.0
/// (mosquitto's default is 20; lower, so flow control is exercised).
pub const RECEIVE_MAXIMUM: u16 = 7;

/// The brokers' `max_topic_alias`: their Topic Alias Maximum in 5.0.
pub const TOPIC_ALIAS_MAXIMUM: u16 = 5;

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A name no other test (or test run) uses: one topic level, also usable as
/// a client identifier.
pub fn unique(tag: &str) -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!("{tag}-{}-{n}-{nanos:x}", std::process::id())
}

/// The `-V` argument of mosquitto_sub / mosquitto_pub for a version.
pub fn cli_version(version: ProtocolVersion) -> &'static str {
    match version {
        ProtocolVersion::V311 => "mqttv311",
        ProtocolVersion::V5 => "mqttv5",
    }
}

/// Finds an executable on PATH or in the usual system folders (`mosquitto`
/// lives in /usr/sbin, which is not on every PATH).
fn find_program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/usr/local/sbin", "/usr/bin", "/sbin"].map(PathBuf::from))
        .map(|dir| dir.join(name))
        .find(|p| {
            p.metadata()
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
}

fn last_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// Waits for a child with a deadline; kills it (by its handle) if it is late.
fn wait_bounded(child: &mut Child, timeout: Duration) -> Option<ExitStatus> {
    let deadline = std::time::Instant::now() + timeout;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if std::time::Instant::now() < deadline => {
                thread::sleep(Duration::from_millis(5))
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    }
}

/// Tools the tests need. `None`: skip (loudly); panics in CI.
struct Tools {
    mosquitto: PathBuf,
    sub: PathBuf,
    publ: PathBuf,
}

fn tools() -> Option<Tools> {
    let found = (
        find_program("mosquitto"),
        find_program("mosquitto_sub"),
        find_program("mosquitto_pub"),
    );
    if let (Some(mosquitto), Some(sub), Some(publ)) = found {
        return Some(Tools {
            mosquitto,
            sub,
            publ,
        });
    }
    let msg = "mosquitto, mosquitto_sub and mosquitto_pub are needed for the broker \
               tests (Debian: apt-get install -y mosquitto mosquitto-clients)";
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{msg}; CI=true, so this is a failure, not a skip");
    }
    eprintln!();
    eprintln!("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
    eprintln!("!!! SKIPPED: {msg}");
    eprintln!("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
    None
}

/// A mosquitto process of our own on 127.0.0.1, killed when dropped.
pub struct Broker {
    child: Child,
    /// Its TCP port on 127.0.0.1.
    pub port: u16,
    dir: PathBuf,
    log_path: PathBuf,
    sub_bin: PathBuf,
    pub_bin: PathBuf,
}

impl Broker {
    /// Starts a broker, or returns `None` (after a loud message) when
    /// mosquitto is not installed outside CI.
    pub fn start() -> Option<Broker> {
        let tools = tools()?;
        let dir = std::env::temp_dir().join(format!("mqtt-lab-{}", unique("broker")));
        fs::create_dir_all(&dir).expect("create the broker's temp dir");
        // Run as root, mosquitto drops to the `mosquitto` user.
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755))
            .expect("make the broker's temp dir readable");
        let conf = dir.join("mosquitto.conf");
        let log_path = dir.join("mosquitto.log");
        let mut last_log = String::new();
        for attempt in 1..=8 {
            let port = TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("bind 127.0.0.1:0 to pick a free port")
                .port();
            fs::write(
                &conf,
                format!(
                    "listener {port} 127.0.0.1\n\
                     allow_anonymous true\n\
                     persistence false\n\
                     log_dest stderr\n\
                     log_type all\n\
                     max_inflight_messages {RECEIVE_MAXIMUM}\n\
                     max_topic_alias {TOPIC_ALIAS_MAXIMUM}\n\
                     log_timestamp_format %H:%M:%S\n"
                ),
            )
            .expect("write mosquitto.conf");
            fs::set_permissions(&conf, fs::Permissions::from_mode(0o644))
                .expect("make mosquitto.conf readable");
            let log = File::create(&log_path).expect("create the broker log");
            let mut child = Command::new(&tools.mosquitto)
                .arg("-c")
                .arg(&conf)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::from(log))
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {}: {e}", tools.mosquitto.display()));
            let deadline = std::time::Instant::now() + WAIT;
            loop {
                let log = fs::read_to_string(&log_path).unwrap_or_default();
                if let Ok(Some(status)) = child.try_wait() {
                    last_log = format!("exited with {status}:\n{log}");
                    break;
                }
                let addr = SocketAddr::from(([127, 0, 0, 1], port));
                if log.contains(" running")
                    && TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok()
                {
                    return Some(Broker {
                        child,
                        port,
                        dir,
                        log_path,
                        sub_bin: tools.sub,
                        pub_bin: tools.publ,
                    });
                }
                if std::time::Instant::now() >= deadline {
                    let _ = child.kill();
                    let _ = child.wait();
                    panic!(
                        "mosquitto did not accept connections on 127.0.0.1:{port} within {WAIT:?}; log:\n{log}"
                    );
                }
                thread::sleep(Duration::from_millis(10));
            }
            // It exited: most likely someone took the port in between. Retry
            // on another one unless it failed for some other reason.
            if !last_log.contains("in use") {
                break;
            }
            eprintln!("mosquitto could not bind port {port} (attempt {attempt}); retrying");
        }
        panic!("mosquitto failed to start ({}): {last_log}", conf.display());
    }

    /// The broker's log so far.
    pub fn log(&self) -> String {
        fs::read_to_string(&self.log_path).unwrap_or_default()
    }

    /// Waits until the broker's log has a line containing `needle`.
    pub fn wait_for_log(&self, needle: &str, timeout: Duration) {
        let deadline = std::time::Instant::now() + timeout;
        while !self.log().contains(needle) {
            assert!(
                std::time::Instant::now() < deadline,
                "the broker log did not say {needle:?} within {timeout:?}"
            );
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Runs `mosquitto_pub` against this broker with `args` and waits for it
    /// to succeed.
    pub fn mosquitto_pub(&self, version: ProtocolVersion, args: &[&str]) {
        let mut child = Command::new(&self.pub_bin)
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string()])
            .args(["-V", cli_version(version)])
            .args(["-i", &unique("pub")])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start mosquitto_pub");
        let status = wait_bounded(&mut child, WAIT);
        let mut out = String::new();
        for pipe in [
            child.stdout.take().map(|p| Box::new(p) as Box<dyn Read>),
            child.stderr.take().map(|p| Box::new(p) as Box<dyn Read>),
        ]
        .into_iter()
        .flatten()
        {
            let mut pipe = pipe;
            let _ = pipe.read_to_string(&mut out);
        }
        match status {
            Some(s) if s.success() => {}
            Some(s) => panic!("mosquitto_pub {args:?} failed ({s}): {out}"),
            None => panic!("mosquitto_pub {args:?} did not finish within {WAIT:?}: {out}"),
        }
    }

    /// Starts `mosquitto_sub -q 2 -C count -v -d` on `filters` and returns
    /// once the broker has sent its SUBACK, so what is published next
    /// reaches it.
    pub fn mosquitto_sub(
        &self,
        version: ProtocolVersion,
        filters: &[&str],
        count: usize,
    ) -> ExternalSub {
        let id = unique("sub");
        let mut cmd = Command::new(&self.sub_bin);
        cmd.args(["-h", "127.0.0.1", "-p", &self.port.to_string()])
            .args(["-V", cli_version(version)])
            .args(["-i", &id])
            .args(["-q", "2", "-C", &count.to_string(), "-W", "10", "-v", "-d"]);
        for f in filters {
            cmd.args(["-t", f]);
        }
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start mosquitto_sub");
        let (tx, lines) = mpsc::channel();
        let stdout = child.stdout.take().expect("mosquitto_sub stdout");
        let stderr = child.stderr.take().expect("mosquitto_sub stderr");
        let tx2 = tx.clone();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx2.send(format!("stderr: {line}"));
            }
        });
        let mut sub = ExternalSub {
            child,
            lines,
            seen: Vec::new(),
        };
        // Its stdout is a pipe, so block-buffered: its own "received SUBACK"
        // would only show at exit. The broker's log says it instead.
        let deadline = std::time::Instant::now() + WAIT;
        while !self.log().contains(&format!("Sending SUBACK to {id}")) {
            let exited = sub.child.try_wait().ok().flatten();
            if exited.is_some() || std::time::Instant::now() >= deadline {
                while let Ok(line) = sub.lines.recv_timeout(Duration::from_millis(100)) {
                    sub.seen.push(line);
                }
                panic!(
                    "mosquitto_sub was not subscribed within {WAIT:?} (exit: {exited:?}); output:\n{}",
                    sub.seen.join("\n")
                );
            }
            thread::sleep(Duration::from_millis(5));
        }
        sub
    }
}

impl Drop for Broker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if thread::panicking() {
            eprintln!(
                "---- mosquitto log ({}), last lines ----\n{}\n----",
                self.log_path.display(),
                last_lines(&self.log(), 80)
            );
        } else {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// A received application message as mosquitto_sub printed it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct CliMessage {
    pub topic: String,
    pub payload: String,
    pub qos: u8,
}

/// A running `mosquitto_sub`, killed when dropped.
pub struct ExternalSub {
    child: Child,
    lines: Receiver<String>,
    seen: Vec<String>,
}

impl ExternalSub {
    /// Waits for it to exit after its `-C` count and returns what it
    /// received, in order.
    pub fn finish(mut self) -> Vec<CliMessage> {
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => self.seen.push(line),
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => panic!(
                    "mosquitto_sub did not receive its messages within {WAIT:?}; output:\n{}",
                    self.seen.join("\n")
                ),
            }
        }
        let status = wait_bounded(&mut self.child, WAIT);
        assert!(
            status.is_some_and(|s| s.success()),
            "mosquitto_sub ended with {status:?}; output:\n{}",
            self.seen.join("\n")
        );
        // With -d, each message is a debug line
        //   Client <id> received PUBLISH (d0, q1, r0, m1, '<topic>', ... (N bytes))
        // followed by the -v line `<topic> <payload>`.
        let mut out = Vec::new();
        let mut qos = None;
        for line in &self.seen {
            if line.starts_with("Client ") {
                if let Some(rest) = line.split(" received PUBLISH (").nth(1) {
                    let q = rest.split(", ").nth(1).and_then(|q| q.strip_prefix('q'));
                    qos = q.and_then(|q| q.parse().ok());
                }
            } else if let Some((topic, payload)) = line.split_once(' ') {
                if topic.starts_with("lab/") {
                    out.push(CliMessage {
                        topic: topic.to_owned(),
                        payload: payload.to_owned(),
                        qos: qos.take().unwrap_or_else(|| {
                            panic!("no PUBLISH debug line before {line:?}: {:?}", self.seen)
                        }),
                    });
                }
            }
        }
        out
    }
}

impl Drop for ExternalSub {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Our [`Session`] driven over a blocking `TcpStream` with the real clock.
pub struct Client {
    /// The session under test.
    pub session: Session,
    name: String,
    port: u16,
    stream: Option<TcpStream>,
    clock: std::time::Instant,
    /// Events not consumed by a wait yet.
    backlog: VecDeque<Event>,
    /// What happened, for failure messages.
    trace: Vec<String>,
}

impl Client {
    /// A client that has not connected yet.
    pub fn new(broker: &Broker, name: &str, options: ConnectOptions) -> Client {
        Client {
            session: Session::new(options),
            name: name.to_owned(),
            port: broker.port,
            stream: None,
            clock: std::time::Instant::now(),
            backlog: VecDeque::new(),
            trace: Vec::new(),
        }
    }

    /// Connects and waits for CONNACK; panics if the connection is refused.
    pub fn connect(broker: &Broker, name: &str, options: ConnectOptions) -> (Client, Negotiated) {
        let mut client = Client::new(broker, name, options);
        let negotiated = client.reconnect();
        (client, negotiated)
    }

    /// Opens a new TCP connection, sends CONNECT and waits for CONNACK.
    pub fn reconnect(&mut self) -> Negotiated {
        assert!(self.stream.is_none(), "{}: still connected", self.name);
        let addr = SocketAddr::from(([127, 0, 0, 1], self.port));
        let stream = TcpStream::connect_timeout(&addr, WAIT)
            .unwrap_or_else(|e| panic!("{}: connect to {addr}: {e}", self.name));
        stream.set_nodelay(true).expect("TCP_NODELAY");
        self.stream = Some(stream);
        let now = self.now();
        self.session
            .connect(now)
            .unwrap_or_else(|e| panic!("{}: connect: {e}", self.name));
        match self.run_until("CONNACK", WAIT, |e| {
            matches!(e, Event::Connected(_) | Event::Closed(_))
        }) {
            Event::Connected(n) => n,
            other => self.fail(&format!("connection failed: {other:?}")),
        }
    }

    /// The session's clock: milliseconds since this client was made.
    pub fn now(&self) -> MqttInstant {
        MqttInstant::from_millis(
            u64::try_from(self.clock.elapsed().as_millis()).unwrap_or(u64::MAX),
        )
    }

    /// Panics with `msg` and the recent trace.
    pub fn fail(&self, msg: &str) -> ! {
        panic!(
            "{}: {msg}\n---- {} trace (last 60) ----\n{}\n----",
            self.name,
            self.name,
            last_lines(&self.trace.join("\n"), 60)
        )
    }

    fn note(&mut self, line: String) {
        let ms = self.clock.elapsed().as_millis();
        let mut s = String::new();
        let _ = write!(s, "{ms:>6} ms  {line}");
        s.truncate(400);
        self.trace.push(s);
    }

    /// Writes what the session queued and moves its events to the backlog;
    /// closes the transport (after the bytes) on `Event::Closed`.
    fn flush(&mut self) {
        while let Some(bytes) = self.session.poll_transmit() {
            let Some(stream) = self.stream.as_mut() else {
                continue; // the connection is gone: these bytes have nowhere to go
            };
            if let Err(e) = stream.write_all(&bytes) {
                self.note(format!("write failed: {e}"));
                self.stream = None;
                let now = self.now();
                self.session.handle_transport_closed(now);
            }
        }
        let mut closed = false;
        while let Some(event) = self.session.poll_event() {
            let line = match &event {
                Event::PacketSent { packet, .. } => format!("-> {packet:?}"),
                Event::PacketReceived { packet, .. } => format!("<- {packet:?}"),
                other => format!("event {other:?}"),
            };
            self.note(line);
            closed |= matches!(event, Event::Closed(_));
            self.backlog.push_back(event);
        }
        if closed {
            if let Some(stream) = self.stream.take() {
                close_gracefully(stream);
                self.note("transport closed by us".into());
            }
        }
    }

    /// One round: write, read for at most `max_wait` (less if a timer is
    /// due), feed the bytes, fire the timer, write again.
    fn step(&mut self, max_wait: Duration) {
        self.flush();
        let now = self.now();
        let mut wait = max_wait.min(Duration::from_millis(20));
        if let Some(t) = self.session.poll_timeout() {
            wait = wait.min(t.saturating_duration_since(now));
        }
        let wait = wait.max(Duration::from_millis(1));
        match self.stream.as_mut() {
            None => thread::sleep(wait),
            Some(stream) => {
                stream
                    .set_read_timeout(Some(wait))
                    .expect("set_read_timeout");
                let mut buf = [0u8; 16 * 1024];
                match stream.read(&mut buf) {
                    Ok(0) => {
                        self.note("transport closed by the broker".into());
                        self.stream = None;
                        let now = self.now();
                        self.session.handle_transport_closed(now);
                    }
                    Ok(n) => {
                        let now = self.now();
                        self.session.handle_bytes(&buf[..n], now);
                    }
                    Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
                    Err(e) => {
                        self.note(format!("read failed: {e}"));
                        self.stream = None;
                        let now = self.now();
                        self.session.handle_transport_closed(now);
                    }
                }
            }
        }
        let now = self.now();
        if self.session.poll_timeout().is_some_and(|t| t <= now) {
            self.session.handle_timeout(now);
        }
        self.flush();
    }

    /// Runs the connection until an event matches `pred` (consuming it) and
    /// returns it; fails after `timeout`, or when the connection is over
    /// before a match.
    pub fn run_until(
        &mut self,
        what: &str,
        timeout: Duration,
        mut pred: impl FnMut(&Event) -> bool,
    ) -> Event {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            self.flush();
            if let Some(i) = self.backlog.iter().position(&mut pred) {
                return self.backlog.remove(i).expect("index from position");
            }
            if self.stream.is_none() && self.session.poll_timeout().is_none() {
                self.fail(&format!("the connection is over; still waiting for {what}"));
            }
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                self.fail(&format!("no {what} within {timeout:?}"));
            }
            self.step(left);
        }
    }

    /// Runs the connection for `duration` and returns (consuming) every
    /// event not taken by a wait yet, per-packet ones included.
    pub fn run_for(&mut self, duration: Duration) -> Vec<Event> {
        let deadline = std::time::Instant::now() + duration;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                break;
            }
            self.step(left);
        }
        self.take_events()
    }

    /// Returns (consuming) the events not taken by a wait yet.
    pub fn take_events(&mut self) -> Vec<Event> {
        self.flush();
        self.backlog.drain(..).collect()
    }

    /// Waits for `n` application messages and returns them in arrival order.
    pub fn messages(&mut self, n: usize, timeout: Duration) -> Vec<Message> {
        let deadline = std::time::Instant::now() + timeout;
        (0..n)
            .map(|i| {
                let left = deadline.saturating_duration_since(std::time::Instant::now());
                match self.run_until(&format!("message {} of {n}", i + 1), left, |e| {
                    matches!(e, Event::Message(_))
                }) {
                    Event::Message(m) => m,
                    _ => unreachable!(),
                }
            })
            .collect()
    }

    /// Subscribes (one SUBSCRIBE) and waits for the SUBACK's results.
    pub fn subscribe(&mut self, filters: &[(&str, QoS)]) -> Vec<SubscribeResult> {
        let filters = filters
            .iter()
            .map(|(f, q)| SubscribeFilter {
                filter: (*f).to_owned(),
                options: SubscriptionOptions::qos(*q),
            })
            .collect();
        let now = self.now();
        let id = self
            .session
            .subscribe(filters, None, now)
            .unwrap_or_else(|e| self.fail(&format!("subscribe: {e}")));
        match self.run_until(
            "SUBACK",
            WAIT,
            |e| matches!(e, Event::Subscribed { packet_id, .. } if *packet_id == id),
        ) {
            Event::Subscribed { results, .. } => results,
            _ => unreachable!(),
        }
    }

    /// Queues a publish (the driver sends it on the next step).
    pub fn publish(
        &mut self,
        topic: &str,
        payload: impl AsRef<[u8]>,
        qos: QoS,
    ) -> Option<PacketId> {
        let now = self.now();
        let msg = OutgoingPublish::new(topic, payload.as_ref()).qos(qos);
        let id = self
            .session
            .publish(msg, now)
            .unwrap_or_else(|e| self.fail(&format!("publish to {topic}: {e}")));
        self.flush();
        id
    }

    /// Waits for the PublishCompleted of a publish.
    pub fn publish_completed(&mut self, id: Option<PacketId>, qos: QoS) -> Event {
        self.run_until(&format!("PublishCompleted for {id:?}"), WAIT, |e| {
            matches!(e, Event::PublishCompleted { packet_id, qos: q, .. }
                if *packet_id == id && *q == qos)
        })
    }

    /// A clean DISCONNECT: sends it, closes the transport gracefully and
    /// checks the session reports it.
    pub fn disconnect(&mut self) {
        let now = self.now();
        self.session.disconnect(now);
        match self.run_until("Closed", WAIT, |e| matches!(e, Event::Closed(_))) {
            Event::Closed(CloseReason::ClientDisconnected) => {}
            other => self.fail(&format!("expected a client disconnect, got {other:?}")),
        }
        assert!(self.stream.is_none(), "the driver closes the transport");
    }

    /// Drops the TCP connection without DISCONNECT, as a crash or a lost
    /// network would.
    pub fn drop_transport(&mut self) {
        let stream = self.stream.take();
        assert!(stream.is_some(), "{}: no transport to drop", self.name);
        drop(stream);
        self.note("transport dropped abruptly (no DISCONNECT)".into());
        let now = self.now();
        self.session.handle_transport_closed(now);
        self.flush();
    }
}

/// Half-closes our side, then reads until the broker closes too, so a packet
/// we just wrote (DISCONNECT) is read by the broker before any reset.
fn close_gracefully(stream: TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(100)));
    let deadline = std::time::Instant::now() + Duration::from_secs(1);
    let mut buf = [0u8; 1024];
    let mut stream = stream;
    while std::time::Instant::now() < deadline {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => break,
        }
    }
}

/// Default options for a test client.
pub fn options(version: ProtocolVersion, client_id: &str) -> ConnectOptions {
    ConnectOptions {
        version,
        client_id: client_id.to_owned(),
        connect_timeout: WAIT,
        ..ConnectOptions::default()
    }
}
