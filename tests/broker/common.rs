//! A little network: clients (our `Session`) wired to one `Broker` in
//! memory, moved forward by `settle` until nothing is in flight (after
//! str0m's `progress()` helper).

use std::time::Duration;

use mqtt_lab::broker::{Broker, BrokerConfig, BrokerLog, ConnId};
use mqtt_lab::protocol::codec::{
    LastWill, ProtocolVersion, QoS, SubscribeFilter, SubscriptionOptions,
};
use mqtt_lab::protocol::session::{ConnectOptions, Event, Message, OutgoingPublish, Session};
use mqtt_lab::protocol::Instant;

/// Runs a scenario body once per protocol version.
macro_rules! both_versions {
    ($($name:ident($v:ident) $body:block)*) => {
        $(mod $name {
            #[allow(unused_imports)]
            use super::*;
            fn run($v: mqtt_lab::protocol::codec::ProtocolVersion) $body
            #[test]
            fn v311() { run(mqtt_lab::protocol::codec::ProtocolVersion::V311) }
            #[test]
            fn v5() { run(mqtt_lab::protocol::codec::ProtocolVersion::V5) }
        })*
    };
}
pub(crate) use both_versions;

pub struct Client {
    pub conn: ConnId,
    pub session: Session,
    pub events: Vec<Event>,
    pub open: bool,
    /// A frozen client sends nothing and runs no timers (a board that hung).
    pub frozen: bool,
}

pub struct Net {
    pub broker: Broker,
    pub clients: Vec<Client>,
    pub now: Instant,
    pub log: Vec<BrokerLog>,
    /// Bytes for connections that are not clients (raw test peers).
    pub unclaimed: Vec<(ConnId, Vec<u8>)>,
    next_conn: u64,
}

pub fn options(version: ProtocolVersion, client_id: &str) -> ConnectOptions {
    ConnectOptions {
        version,
        client_id: client_id.to_owned(),
        keep_alive: 60,
        ..Default::default()
    }
}

pub fn will(topic: &str, payload: &str) -> LastWill {
    LastWill {
        topic: topic.to_owned(),
        payload: payload.as_bytes().to_vec(),
        qos: QoS::AtLeastOnce,
        retain: false,
        properties: Default::default(),
    }
}

pub fn sub(filter: &str, qos: QoS) -> SubscribeFilter {
    SubscribeFilter {
        filter: filter.to_owned(),
        options: SubscriptionOptions::qos(qos),
    }
}

impl Net {
    pub fn new() -> Self {
        Net::with_config(BrokerConfig::default())
    }

    pub fn with_config(config: BrokerConfig) -> Self {
        Net {
            broker: Broker::new(config),
            clients: Vec::new(),
            now: Instant::from_millis(1_000),
            log: Vec::new(),
            unclaimed: Vec::new(),
            next_conn: 1,
        }
    }

    /// Opens a connection for `options` and runs the handshake. Returns
    /// the client's index.
    pub fn connect(&mut self, options: ConnectOptions) -> usize {
        let conn = ConnId(self.next_conn);
        self.next_conn += 1;
        let mut session = Session::new(options);
        session.set_packet_events(false);
        self.broker.handle_open(conn, self.now);
        session.connect(self.now).expect("connect");
        self.clients.push(Client {
            conn,
            session,
            events: Vec::new(),
            open: true,
            frozen: false,
        });
        self.settle();
        self.clients.len() - 1
    }

    /// Connects an existing client again on a new connection.
    pub fn reconnect(&mut self, i: usize) {
        let conn = ConnId(self.next_conn);
        self.next_conn += 1;
        self.broker.handle_open(conn, self.now);
        let c = &mut self.clients[i];
        c.conn = conn;
        c.open = true;
        c.frozen = false;
        c.session.connect(self.now).expect("connect");
        self.settle();
    }

    /// Moves bytes both ways until nothing is left to move.
    pub fn settle(&mut self) {
        for _ in 0..10_000 {
            let mut moved = false;
            for c in &mut self.clients {
                if !c.open || c.frozen {
                    continue;
                }
                while let Some(bytes) = c.session.poll_transmit() {
                    moved = true;
                    self.broker.handle_bytes(c.conn, &bytes, self.now);
                }
                while let Some(e) = c.session.poll_event() {
                    if matches!(e, Event::Closed(_)) {
                        c.open = false;
                        self.broker.handle_closed(c.conn, self.now);
                    }
                    c.events.push(e);
                }
            }
            while let Some((conn, bytes)) = self.broker.poll_transmit() {
                moved = true;
                match self.clients.iter_mut().find(|c| c.conn == conn && c.open) {
                    Some(c) => c.session.handle_bytes(&bytes, self.now),
                    None => self.unclaimed.push((conn, bytes)),
                }
            }
            while let Some(conn) = self.broker.poll_close() {
                moved = true;
                if let Some(c) = self.clients.iter_mut().find(|c| c.conn == conn && c.open) {
                    c.open = false;
                    c.session.handle_transport_closed(self.now);
                    while let Some(e) = c.session.poll_event() {
                        c.events.push(e);
                    }
                }
            }
            while let Some(l) = self.broker.poll_log() {
                self.log.push(l);
            }
            if !moved {
                return;
            }
        }
        panic!("the network did not settle");
    }

    /// Lets `d` pass, firing every deadline on the way.
    pub fn advance(&mut self, d: Duration) {
        let end = self.now + d;
        loop {
            let mut next = self.broker.poll_timeout();
            for c in &self.clients {
                if c.open && !c.frozen {
                    if let Some(t) = c.session.poll_timeout() {
                        next = Some(next.map_or(t, |n| n.min(t)));
                    }
                }
            }
            match next {
                Some(t) if t <= end => {
                    self.now = self.now.max(t);
                    self.broker.handle_timeout(self.now);
                    for c in &mut self.clients {
                        if c.open && !c.frozen {
                            c.session.handle_timeout(self.now);
                        }
                    }
                    self.settle();
                }
                _ => break,
            }
        }
        self.now = end;
        self.settle();
    }

    /// The client's connection drops without DISCONNECT.
    pub fn cut(&mut self, i: usize) {
        let c = &mut self.clients[i];
        c.open = false;
        c.session.handle_transport_closed(self.now);
        while let Some(e) = c.session.poll_event() {
            c.events.push(e);
        }
        self.broker.handle_closed(c.conn, self.now);
        self.settle();
    }

    pub fn subscribe(&mut self, i: usize, filters: Vec<SubscribeFilter>) {
        let now = self.now;
        self.clients[i]
            .session
            .subscribe(filters, None, now)
            .expect("subscribe");
        self.settle();
    }

    pub fn publish(&mut self, i: usize, topic: &str, payload: &str, qos: QoS, retain: bool) {
        let now = self.now;
        self.clients[i]
            .session
            .publish(
                OutgoingPublish::new(topic, payload).qos(qos).retain(retain),
                now,
            )
            .expect("publish");
        self.settle();
    }

    /// Messages the client received since the last call.
    pub fn messages(&mut self, i: usize) -> Vec<Message> {
        let events = std::mem::take(&mut self.clients[i].events);
        events
            .into_iter()
            .filter_map(|e| match e {
                Event::Message(m) => Some(m),
                _ => None,
            })
            .collect()
    }

    /// Events the client received since the last call.
    pub fn events(&mut self, i: usize) -> Vec<Event> {
        std::mem::take(&mut self.clients[i].events)
    }
}

/// (topic, payload, qos, retain) of each message.
pub fn summary(messages: &[Message]) -> Vec<(String, String, QoS, bool)> {
    messages
        .iter()
        .map(|m| {
            (
                m.topic.clone(),
                String::from_utf8_lossy(&m.payload).into_owned(),
                m.qos,
                m.retain,
            )
        })
        .collect()
}

/// Packets the broker sent to a raw connection.
pub fn raw_packets(
    net: &mut Net,
    conn: ConnId,
    version: ProtocolVersion,
) -> Vec<mqtt_lab::protocol::codec::Packet> {
    use mqtt_lab::protocol::codec;
    let mut bytes = Vec::new();
    net.unclaimed.retain(|(c, b)| {
        if *c == conn {
            bytes.extend_from_slice(b);
            false
        } else {
            true
        }
    });
    let opts = codec::DecodeOptions::new(version);
    let mut packets = Vec::new();
    let mut rest = &bytes[..];
    while let Ok(Some((p, n))) = codec::decode(rest, &opts) {
        packets.push(p);
        rest = &rest[n..];
    }
    assert!(rest.is_empty(), "undecodable bytes to a raw connection");
    packets
}
