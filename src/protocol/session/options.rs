//! What the client asks for when it connects, and what the server answered.

use core::time::Duration;

use crate::protocol::codec::{LastWill, ProtocolVersion, QoS, DEFAULT_MAX_PACKET_SIZE};

/// Everything the client sends in CONNECT, plus client-side limits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectOptions {
    /// MQTT 3.1.1 or 5.0.
    pub version: ProtocolVersion,
    /// Client Identifier; empty asks the server to assign one (5.0).
    pub client_id: String,
    /// Clean Start (5.0) / Clean Session (3.1.1).
    pub clean_start: bool,
    /// Keep Alive in seconds; 0 turns it off.
    pub keep_alive: u16,
    /// Session Expiry Interval in seconds (5.0); 0 ends the session with
    /// the connection.
    pub session_expiry_interval: u32,
    /// User Name.
    pub username: Option<String>,
    /// Password.
    pub password: Option<Vec<u8>>,
    /// The Last Will.
    pub will: Option<LastWill>,
    /// How many unacknowledged QoS 1/2 messages we accept at once (5.0).
    pub receive_maximum: u16,
    /// Largest packet we accept; also the decoder's cap in 3.1.1.
    pub maximum_packet_size: u32,
    /// How many topic aliases the server may use towards us (5.0).
    pub topic_alias_maximum: u16,
    /// Replace repeated topics with aliases on the way out when the server
    /// allows it (5.0).
    pub auto_topic_alias: bool,
    /// User Properties sent in CONNECT (5.0).
    pub user_properties: Vec<(String, String)>,
    /// How long to wait for CONNACK.
    pub connect_timeout: Duration,
    /// Send the subscriptions again when the server has no session for us.
    pub resubscribe: bool,
    /// Most QoS 1/2 messages in flight at once on a 3.1.1 connection, which
    /// has no Receive Maximum to tell us the server's limit. Brokers have
    /// one all the same (mosquitto's `max_inflight_messages`, 20 by
    /// default, drops QoS 1 messages beyond it after acknowledging them), so
    /// the client keeps under it. In 5.0 the server's Receive Maximum rules.
    pub max_inflight_v311: u16,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        ConnectOptions {
            version: ProtocolVersion::V5,
            client_id: String::new(),
            clean_start: true,
            keep_alive: 60,
            session_expiry_interval: 0,
            username: None,
            password: None,
            will: None,
            receive_maximum: 100,
            maximum_packet_size: DEFAULT_MAX_PACKET_SIZE,
            topic_alias_maximum: 32,
            auto_topic_alias: false,
            user_properties: Vec::new(),
            connect_timeout: Duration::from_secs(30),
            resubscribe: true,
            max_inflight_v311: 20,
        }
    }
}

/// What the connection runs with, after CONNACK: our request combined with
/// what the server said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Negotiated {
    /// The version in use.
    pub version: ProtocolVersion,
    /// Session Present from CONNACK.
    pub session_present: bool,
    /// The client identifier in use (assigned by the server if it said so).
    pub client_id: String,
    /// Whether the server assigned `client_id`.
    pub client_id_assigned: bool,
    /// Keep Alive in effect, seconds (Server Keep Alive overrides ours).
    pub keep_alive: u16,
    /// Whether the server overrode our keep alive.
    pub keep_alive_from_server: bool,
    /// The server's Receive Maximum: our in-flight QoS 1/2 limit.
    pub receive_maximum: u16,
    /// The server's Maximum Packet Size, if it set one.
    pub maximum_packet_size: Option<u32>,
    /// The server's Topic Alias Maximum.
    pub topic_alias_maximum: u16,
    /// The server's Maximum QoS.
    pub maximum_qos: QoS,
    /// Retain Available.
    pub retain_available: bool,
    /// Wildcard Subscription Available.
    pub wildcard_subscription_available: bool,
    /// Subscription Identifiers Available.
    pub subscription_identifiers_available: bool,
    /// Shared Subscription Available.
    pub shared_subscription_available: bool,
    /// Session Expiry Interval in effect (the server may change ours).
    pub session_expiry_interval: u32,
    /// Response Information, if requested and given.
    pub response_information: Option<String>,
    /// Server Reference, if given.
    pub server_reference: Option<String>,
    /// Reason String, if given.
    pub reason_string: Option<String>,
}
