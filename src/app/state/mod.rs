//! The app's state and its pure reducer, after Yew's `function_todomvc`:
//! plain data, an [`Action`] enum, and [`AppState::reduce`]. Everything the
//! panels show — connection status, subscriptions, recent publishes, the
//! message log, statistics, saved profiles — is derived here from what the
//! WebSocket driver reports ([`DriverEvent`]) and what the user did.
//!
//! Time comes in with the actions (milliseconds from any origin, as
//! `performance.now()` gives them), so every sequence is replayed natively
//! in tests.
//!
//! # Who sends what
//! - The driver's events: `Action::Driver(event, now_ms)`; one
//!   `Action::Batch` per animation frame keeps re-renders down in a flood.
//! - The client handle, after the session accepted a command:
//!   [`Action::SubscribeSent`], [`Action::UnsubscribeSent`],
//!   [`Action::PublishSent`]; after the user disconnects:
//!   [`Action::DisconnectRequested`]; when it starts a brand-new session:
//!   [`Action::SessionReset`]; when the form is invalid:
//!   [`Action::ConnectInvalid`].
//! - Components: language, log filter, clearing, profiles.

use std::rc::Rc;

use crate::app::model::profile::{Profile, ProfileError, ProfileStore};
use crate::app::model::{BrokerUrl, PayloadView, Ring, Stats, UrlError};
use crate::i18n::{self, Lang, Msg};
use crate::protocol::codec::{
    Packet, PacketId, Properties, ProtocolVersion, QoS, ReasonCode, SubscribeFilter,
    SubscriptionOptions,
};
use crate::protocol::session::{CloseReason, Event, Message, Negotiated, SubscribeResult};
use crate::protocol::topic;
use crate::transport::{DriverEvent, OpenError};

mod explorer;

use crate::app::model::PacketFilter;
pub use explorer::ExplorerState;

/// Messages the log keeps by default.
pub const LOG_CAPACITY: usize = 1000;

/// Recent publishes kept for the publish panel.
pub const PUBLISH_HISTORY: usize = 50;

/// Payload bytes turned into a [`PayloadView`] per log entry; larger
/// payloads show their beginning (and their full size).
pub const MAX_VIEW_BYTES: usize = 64 * 1024;

/// Subscription colours, as CSS colours; a subscription's `colour` indexes
/// this. Distinguishable on light and dark backgrounds and for the common
/// colour-vision deficiencies (Okabe–Ito, without black).
pub const PALETTE: [&str; 7] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
];

/// Why a connection attempt failed, kept structured so it can be shown in
/// either language later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The broker URL in the form is invalid; nothing was tried.
    InvalidUrl(UrlError),
    /// The connection settings are invalid; nothing was tried.
    InvalidSettings(ProfileError),
    /// The driver could not start (mixed content, browser refusal).
    Open(OpenError),
    /// The MQTT session ended: CONNACK refusal, keep-alive timeout, broker
    /// DISCONNECT, protocol error…
    Session(CloseReason),
    /// The WebSocket closed with no more specific reason known.
    Socket {
        /// Close code.
        code: u16,
        /// Close reason text.
        reason: String,
        /// Whether it had opened.
        opened: bool,
        /// Where it was going, if known.
        url: Option<BrokerUrl>,
    },
    /// The server sent a text frame.
    TextFrame,
    /// The server picked another subprotocol than `mqtt`.
    Subprotocol {
        /// What it chose.
        got: String,
    },
}

impl Failure {
    /// The explanation, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Failure::InvalidUrl(e) => i18n::url_error(lang, e),
            Failure::InvalidSettings(e) => i18n::profile_error(lang, e),
            Failure::Open(e) => i18n::open_error(lang, e),
            Failure::Session(r) => i18n::close_reason(lang, r),
            Failure::Socket {
                code,
                reason,
                opened,
                url,
            } => i18n::socket_closed_at(lang, *code, reason, *opened, url.as_ref()),
            Failure::TextFrame => i18n::text_frame_refused(lang),
            Failure::Subprotocol { got } => i18n::subprotocol_mismatch(lang, got),
        }
    }

    /// How much this failure says about the cause: a bare "transport
    /// closed" says least, a socket close code more, anything from MQTT or
    /// the driver most. The first, most telling failure of an attempt wins.
    fn specificity(&self) -> u8 {
        match self {
            Failure::Session(CloseReason::TransportClosed) => 0,
            Failure::Socket { .. } => 1,
            _ => 2,
        }
    }
}

/// Where the connection stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ConnectionStatus {
    /// Not connected and not trying.
    #[default]
    Disconnected,
    /// Opening the WebSocket, then waiting for CONNACK.
    Connecting {
        /// 0 for the first try.
        attempt: u32,
        /// The WebSocket is open; CONNECT went out.
        socket_open: bool,
    },
    /// CONNACK accepted the connection.
    Connected {
        /// What the connection runs with.
        negotiated: Negotiated,
        /// When it was accepted.
        since_ms: u64,
    },
    /// Waiting to try again.
    Reconnecting {
        /// The attempt that will be made.
        attempt: u32,
        /// When.
        retry_at_ms: u64,
        /// Why the last attempt ended.
        last_failure: Option<Failure>,
    },
    /// The last attempt failed and no retry is scheduled.
    Failed(Failure),
}

/// The status as a word, for CSS classes and tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StatusKind {
    /// Not connected.
    Disconnected,
    /// Connecting.
    Connecting,
    /// Connected.
    Connected,
    /// Waiting to reconnect.
    Reconnecting,
    /// Failed.
    Failed,
}

impl StatusKind {
    /// `"connected"`, `"failed"`…
    pub fn as_str(self) -> &'static str {
        match self {
            StatusKind::Disconnected => "disconnected",
            StatusKind::Connecting => "connecting",
            StatusKind::Connected => "connected",
            StatusKind::Reconnecting => "reconnecting",
            StatusKind::Failed => "failed",
        }
    }
}

impl ConnectionStatus {
    /// Which of the five states this is.
    pub fn kind(&self) -> StatusKind {
        match self {
            ConnectionStatus::Disconnected => StatusKind::Disconnected,
            ConnectionStatus::Connecting { .. } => StatusKind::Connecting,
            ConnectionStatus::Connected { .. } => StatusKind::Connected,
            ConnectionStatus::Reconnecting { .. } => StatusKind::Reconnecting,
            ConnectionStatus::Failed(_) => StatusKind::Failed,
        }
    }

    /// Connected now.
    pub fn is_connected(&self) -> bool {
        matches!(self, ConnectionStatus::Connected { .. })
    }

    /// Connected or trying to be: the form shows Disconnect, not Connect.
    pub fn is_active(&self) -> bool {
        matches!(
            self,
            ConnectionStatus::Connecting { .. }
                | ConnectionStatus::Connected { .. }
                | ConnectionStatus::Reconnecting { .. }
        )
    }

    /// What the connection runs with, when connected.
    pub fn negotiated(&self) -> Option<&Negotiated> {
        match self {
            ConnectionStatus::Connected { negotiated, .. } => Some(negotiated),
            _ => None,
        }
    }

    /// The status line (the `role="status"` element's text): "Connected",
    /// "Connecting…", "Disconnected", "Reconnecting in N s" or
    /// `"Failed: <reason>"`, in `lang`. `now_ms` counts down the reconnect.
    pub fn text(&self, lang: Lang, now_ms: u64) -> String {
        match self {
            ConnectionStatus::Disconnected => Msg::StatusDisconnected.text(lang).to_string(),
            ConnectionStatus::Connecting { .. } => Msg::StatusConnecting.text(lang).to_string(),
            ConnectionStatus::Connected { .. } => Msg::StatusConnected.text(lang).to_string(),
            ConnectionStatus::Reconnecting { retry_at_ms, .. } => {
                let secs = retry_at_ms.saturating_sub(now_ms).div_ceil(1000);
                i18n::reconnecting_in(lang, secs)
            }
            ConnectionStatus::Failed(f) => i18n::failed_status(lang, &f.describe(lang)),
        }
    }

    /// A second line with details: the stage of connecting, what the
    /// connection negotiated, or why the last attempt failed.
    pub fn detail(&self, lang: Lang) -> Option<String> {
        match self {
            ConnectionStatus::Disconnected | ConnectionStatus::Failed(_) => None,
            ConnectionStatus::Connecting {
                attempt,
                socket_open,
            } => {
                let stage = if *socket_open {
                    Msg::WaitingForConnack
                } else {
                    Msg::OpeningWebSocket
                };
                Some(if *attempt > 0 {
                    format!("{} · {}", i18n::attempt(lang, *attempt), stage.text(lang))
                } else {
                    stage.text(lang).to_string()
                })
            }
            ConnectionStatus::Connected { negotiated, .. } => {
                Some(i18n::connected_detail(lang, negotiated))
            }
            ConnectionStatus::Reconnecting { last_failure, .. } => last_failure
                .as_ref()
                .map(|f| format!("{}: {}", Msg::LastError.text(lang), f.describe(lang))),
        }
    }
}

/// Where a subscription stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubscriptionStatus {
    /// SUBSCRIBE sent, no SUBACK yet.
    Pending {
        /// The SUBSCRIBE's identifier.
        packet_id: PacketId,
    },
    /// SUBACK granted this QoS (maybe lower than asked).
    Granted(QoS),
    /// SUBACK refused it with this code.
    Refused(ReasonCode),
    /// UNSUBSCRIBE sent, no UNSUBACK yet.
    Unsubscribing {
        /// The UNSUBSCRIBE's identifier.
        packet_id: PacketId,
    },
    /// UNSUBACK refused it with this code (MQTT 5.0).
    UnsubscribeRefused(ReasonCode),
}

/// One subscription in the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subscription {
    /// The topic filter.
    pub filter: String,
    /// QoS asked for and the MQTT 5.0 options.
    pub options: SubscriptionOptions,
    /// Index into [`PALETTE`]; messages it matches get this colour.
    pub colour: usize,
    /// SUBACK / UNSUBACK state.
    pub status: SubscriptionStatus,
}

impl Subscription {
    /// The CSS colour.
    pub fn css_colour(&self) -> &'static str {
        PALETTE[self.colour % PALETTE.len()]
    }

    /// The status in words, in `lang` (for a refusal, with the reason).
    pub fn status_text(&self, lang: Lang, version: ProtocolVersion) -> String {
        match &self.status {
            SubscriptionStatus::Pending { .. } => Msg::WaitingForSuback.text(lang).to_string(),
            SubscriptionStatus::Granted(q) => i18n::granted_qos(lang, q.as_u8()),
            SubscriptionStatus::Refused(code) => i18n::subscribe_failed(lang, version, *code),
            SubscriptionStatus::Unsubscribing { .. } => {
                Msg::WaitingForUnsuback.text(lang).to_string()
            }
            SubscriptionStatus::UnsubscribeRefused(code) => i18n::unsubscribe_failed(lang, *code),
        }
    }

    /// Whether messages can arrive through it (for colouring the log).
    fn may_deliver(&self) -> bool {
        !matches!(self.status, SubscriptionStatus::Refused(_))
    }
}

/// Where a publish of ours stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PublishStatus {
    /// QoS 1 / 2 sent, waiting for PUBACK / PUBCOMP.
    Pending,
    /// Done: PUBACK (QoS 1), PUBCOMP (QoS 2) or written (QoS 0).
    Completed {
        /// Success or No matching subscribers.
        reason_code: ReasonCode,
        /// When.
        at_ms: u64,
    },
    /// Refused by the broker (PUBACK / PUBREC reason ≥ 0x80).
    Refused {
        /// Why.
        reason_code: ReasonCode,
        /// The broker's Reason String.
        reason_string: Option<String>,
    },
    /// Still pending when a new session replaced the old one.
    Abandoned,
}

/// A publish of ours, for the publish panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishRecord {
    /// Packet identifier (QoS 1 and 2).
    pub packet_id: Option<PacketId>,
    /// Topic.
    pub topic: String,
    /// QoS.
    pub qos: QoS,
    /// Retain flag.
    pub retain: bool,
    /// Payload size in bytes.
    pub size: usize,
    /// When it was handed to the session.
    pub sent_ms: u64,
    /// Where it stands.
    pub status: PublishStatus,
}

impl PublishRecord {
    /// The status in words, in `lang`.
    pub fn status_text(&self, lang: Lang) -> String {
        match &self.status {
            PublishStatus::Pending if self.qos == QoS::ExactlyOnce => {
                Msg::WaitingForPubcomp.text(lang).to_string()
            }
            PublishStatus::Pending => Msg::WaitingForPuback.text(lang).to_string(),
            PublishStatus::Completed { reason_code, .. }
                if *reason_code == ReasonCode::NO_MATCHING_SUBSCRIBERS =>
            {
                Msg::NoMatchingSubscribers.text(lang).to_string()
            }
            PublishStatus::Completed { .. } => match self.qos {
                QoS::AtMostOnce => Msg::PublishSentQos0,
                QoS::AtLeastOnce => Msg::PublishAcked,
                QoS::ExactlyOnce => Msg::PublishCompleted,
            }
            .text(lang)
            .to_string(),
            PublishStatus::Refused {
                reason_code,
                reason_string,
            } => i18n::publish_failed(lang, *reason_code, reason_string.as_deref()),
            PublishStatus::Abandoned => Msg::PublishAbandoned.text(lang).to_string(),
        }
    }
}

/// A received message, as the log shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    /// Unique, increasing: a stable key for the view.
    pub seq: u64,
    /// Topic.
    pub topic: String,
    /// The payload made readable (its first [`MAX_VIEW_BYTES`]).
    pub view: PayloadView,
    /// One line of it.
    pub preview: String,
    /// Payload size in bytes.
    pub size: usize,
    /// Only the beginning is in `view`.
    pub truncated: bool,
    /// QoS of the delivery.
    pub qos: QoS,
    /// RETAIN flag.
    pub retain: bool,
    /// DUP flag.
    pub dup: bool,
    /// When it arrived.
    pub time_ms: u64,
    /// [`PALETTE`] index of the first subscription whose filter matches.
    pub colour: Option<usize>,
    /// PUBLISH properties (MQTT 5.0).
    pub properties: Properties,
}

impl LogEntry {
    /// The CSS colour of the matching subscription.
    pub fn css_colour(&self) -> Option<&'static str> {
        self.colour.map(|c| PALETTE[c % PALETTE.len()])
    }
}

/// Whether a log entry's topic passes the log filter: empty passes
/// everything; a valid topic filter with `+` or `#` matches by MQTT's rules;
/// anything else is a case-insensitive substring.
pub fn log_filter_matches(filter: &str, topic_name: &str) -> bool {
    let filter = filter.trim();
    if filter.is_empty() {
        return true;
    }
    if filter.contains(['+', '#']) && topic::validate_topic_filter(filter).is_ok() {
        return topic::matches(filter, topic_name);
    }
    topic_name.to_lowercase().contains(&filter.to_lowercase())
}

/// Something that changes the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The driver reported something at `now_ms`.
    Driver(DriverEvent, u64),
    /// Several actions at once (one per animation frame).
    Batch(Vec<Action>),
    /// Time passed (reconnect countdown, receive rate).
    Tick(u64),
    /// The UI language.
    SetLang(Lang),
    /// Connect was pressed but the form is invalid; nothing was tried.
    ConnectInvalid(Failure),
    /// The user disconnected (or stopped reconnecting).
    DisconnectRequested,
    /// The handle made a brand-new session: its subscriptions and in-flight
    /// publishes are gone.
    SessionReset,
    /// The session accepted a SUBSCRIBE.
    SubscribeSent {
        /// Its identifier.
        packet_id: PacketId,
        /// Its filters with options.
        filters: Vec<SubscribeFilter>,
    },
    /// The session accepted an UNSUBSCRIBE.
    UnsubscribeSent {
        /// Its identifier.
        packet_id: PacketId,
        /// Its filters.
        filters: Vec<String>,
    },
    /// The session accepted a publish.
    PublishSent {
        /// Identifier for QoS 1 and 2.
        packet_id: Option<PacketId>,
        /// Topic.
        topic: String,
        /// QoS.
        qos: QoS,
        /// Retain.
        retain: bool,
        /// Payload size.
        size: usize,
        /// When.
        now_ms: u64,
    },
    /// Drop a refused subscription from the list.
    RemoveSubscription(String),
    /// The message log's filter text.
    SetLogFilter(String),
    /// Empty the message log.
    ClearLog,
    /// Zero the statistics.
    ResetStats,
    /// Replace the saved profiles (loaded from storage).
    LoadProfiles(ProfileStore),
    /// Save a profile under its name.
    SaveProfile(Profile),
    /// Delete the profile with this name.
    DeleteProfile(String),
    /// Add or replace imported profiles.
    ImportProfiles(Vec<Profile>),
    /// Open a topic's details in the explorer (`None` closes them).
    SelectTopic(Option<String>),
    /// Expand or collapse one node of the topic tree, by path.
    ToggleExpanded(String),
    /// Expand every node (`true`) or collapse every node (`false`).
    SetExpandAll(bool),
    /// The topic tree's search text.
    SetTreeSearch(String),
    /// The topic filter that highlights matching topics in the tree.
    SetHighlightFilter(String),
    /// Open a packet in the inspector, by `seq` (`None` closes it).
    SelectPacket(Option<u64>),
    /// Which packet types the packet list shows.
    SetPacketFilter(PacketFilter),
    /// Empty the packet list.
    ClearPackets,
    /// Forget the topic tree.
    ClearTree,
    /// The broker no longer holds a retained message for this topic (e.g.
    /// the handle saw the clearing publish confirmed some other way).
    RetainedCleared(String),
}

/// Everything the panels show.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// UI language.
    pub lang: Lang,
    /// The latest time any action carried.
    pub now_ms: u64,
    /// Connection status.
    pub status: ConnectionStatus,
    /// The broker of the current (or last) attempt.
    pub broker: Option<BrokerUrl>,
    /// Subscriptions, in the order made.
    pub subscriptions: Vec<Subscription>,
    /// Recent publishes of ours.
    pub publishes: Ring<PublishRecord>,
    /// Received messages (shared, so cloning the state stays cheap).
    pub log: Ring<Rc<LogEntry>>,
    /// The log's filter text.
    pub log_filter: String,
    /// Counters.
    pub stats: Stats,
    /// Saved connection profiles.
    pub profiles: ProfileStore,
    /// The version of the current (or last) connection.
    pub version: ProtocolVersion,
    /// The topic explorer, retained inspector, QoS exchanges and packet
    /// inspector.
    pub explorer: ExplorerState,
    next_seq: u64,
    /// The most telling failure of the current attempt.
    attempt_failure: Option<Failure>,
    /// Set by the user's Disconnect until the next attempt opens.
    user_disconnected: bool,
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new(Lang::En)
    }
}

impl AppState {
    /// A fresh state in `lang`.
    pub fn new(lang: Lang) -> Self {
        AppState::with_log_capacity(lang, LOG_CAPACITY)
    }

    /// A fresh state whose log keeps `capacity` messages.
    pub fn with_log_capacity(lang: Lang, capacity: usize) -> Self {
        AppState {
            lang,
            now_ms: 0,
            status: ConnectionStatus::Disconnected,
            broker: None,
            subscriptions: Vec::new(),
            publishes: Ring::new(PUBLISH_HISTORY),
            log: Ring::new(capacity),
            log_filter: String::new(),
            stats: Stats::default(),
            profiles: ProfileStore::default(),
            version: ProtocolVersion::V5,
            explorer: ExplorerState::default(),
            next_seq: 0,
            attempt_failure: None,
            user_disconnected: false,
        }
    }

    /// The status line in the current language.
    pub fn status_text(&self) -> String {
        self.status.text(self.lang, self.now_ms)
    }

    /// Log entries passing the filter, newest first.
    pub fn visible_log(&self) -> impl Iterator<Item = &Rc<LogEntry>> + '_ {
        self.log
            .iter_newest_first()
            .filter(move |e| log_filter_matches(&self.log_filter, &e.topic))
    }

    /// The subscription for `filter`.
    pub fn subscription(&self, filter: &str) -> Option<&Subscription> {
        self.subscriptions.iter().find(|s| s.filter == filter)
    }

    /// Applies one action. Pure: no I/O, no clock.
    pub fn reduce(&mut self, action: Action) {
        match action {
            Action::Driver(event, now) => {
                self.now_ms = now;
                self.driver_event(event, now);
            }
            Action::Batch(actions) => {
                for a in actions {
                    self.reduce(a);
                }
            }
            Action::Tick(now) => self.now_ms = now,
            Action::SetLang(lang) => self.lang = lang,
            Action::ConnectInvalid(f) => {
                if !self.status.is_active() {
                    self.status = ConnectionStatus::Failed(f);
                }
            }
            Action::DisconnectRequested => {
                self.user_disconnected = true;
                self.attempt_failure = None;
                self.status = ConnectionStatus::Disconnected;
            }
            Action::SessionReset => {
                self.subscriptions.clear();
                for p in self.publishes.iter_mut() {
                    if p.status == PublishStatus::Pending {
                        p.status = PublishStatus::Abandoned;
                    }
                }
            }
            Action::SubscribeSent { packet_id, filters } => {
                for f in filters {
                    self.subscription_pending(f, packet_id);
                }
            }
            Action::UnsubscribeSent { packet_id, filters } => {
                self.unsubscribing(&filters, packet_id);
            }
            Action::PublishSent {
                packet_id,
                topic,
                qos,
                retain,
                size,
                now_ms,
            } => {
                self.now_ms = self.now_ms.max(now_ms);
                let status = if qos == QoS::AtMostOnce {
                    PublishStatus::Completed {
                        reason_code: ReasonCode::SUCCESS,
                        at_ms: now_ms,
                    }
                } else {
                    PublishStatus::Pending
                };
                self.publishes.push(PublishRecord {
                    packet_id,
                    topic,
                    qos,
                    retain,
                    size,
                    sent_ms: now_ms,
                    status,
                });
            }
            Action::RemoveSubscription(filter) => {
                self.subscriptions.retain(|s| s.filter != filter);
            }
            Action::SetLogFilter(f) => self.log_filter = f,
            Action::ClearLog => self.log.clear(),
            Action::ResetStats => self.stats.reset(),
            Action::LoadProfiles(store) => self.profiles = store,
            Action::SaveProfile(p) => {
                self.profiles.upsert(p);
            }
            Action::DeleteProfile(name) => {
                self.profiles.delete(&name);
            }
            Action::ImportProfiles(ps) => {
                self.profiles.merge(ps);
            }
            Action::SelectTopic(t) => self.explorer.selected_topic = t,
            Action::ToggleExpanded(path) => self.explorer.toggle_expanded(path),
            Action::SetExpandAll(on) => self.explorer.set_expand_all(on),
            Action::SetTreeSearch(s) => self.explorer.tree_view.search = s,
            Action::SetHighlightFilter(f) => self.explorer.tree_view.highlight_filter = f,
            Action::SelectPacket(seq) => self.explorer.selected_packet = seq,
            Action::SetPacketFilter(f) => self.explorer.packet_filter = f,
            Action::ClearPackets => self.explorer.clear_packets(),
            Action::ClearTree => self.explorer.clear_tree(),
            Action::RetainedCleared(topic) => self.explorer.retained_cleared(&topic),
        }
    }

    fn driver_event(&mut self, event: DriverEvent, now: u64) {
        match event {
            DriverEvent::Opening { url, attempt } => {
                self.broker = BrokerUrl::parse(&url).ok();
                self.attempt_failure = None;
                self.user_disconnected = false;
                self.status = ConnectionStatus::Connecting {
                    attempt,
                    socket_open: false,
                };
            }
            DriverEvent::Opened { .. } => {
                if let ConnectionStatus::Connecting { socket_open, .. } = &mut self.status {
                    *socket_open = true;
                }
            }
            DriverEvent::OpenFailed(e) => self.fail(Failure::Open(e)),
            DriverEvent::Session(e) => self.session_event(e, now),
            DriverEvent::SocketClosed {
                code,
                reason,
                opened,
                ..
            } => {
                if self.user_disconnected {
                    self.status = ConnectionStatus::Disconnected;
                    return;
                }
                self.fail(Failure::Socket {
                    code,
                    reason,
                    opened,
                    url: self.broker.clone(),
                });
            }
            DriverEvent::TextFrameRefused => self.fail(Failure::TextFrame),
            DriverEvent::SubprotocolMismatch { got } => self.fail(Failure::Subprotocol { got }),
            DriverEvent::ReconnectScheduled { delay_ms, attempt } => {
                if self.user_disconnected {
                    return;
                }
                let last_failure = match &self.status {
                    ConnectionStatus::Failed(f) => Some(f.clone()),
                    ConnectionStatus::Reconnecting { last_failure, .. } => last_failure.clone(),
                    _ => self.attempt_failure.clone(),
                };
                self.status = ConnectionStatus::Reconnecting {
                    attempt,
                    retry_at_ms: now.saturating_add(delay_ms),
                    last_failure,
                };
            }
        }
    }

    /// Records why the attempt is failing, keeping the most telling reason
    /// (a CONNACK refusal beats the socket close that follows it).
    fn fail(&mut self, f: Failure) {
        if self.user_disconnected {
            return;
        }
        let keep_old = self
            .attempt_failure
            .as_ref()
            .is_some_and(|old| old.specificity() >= f.specificity());
        if !keep_old {
            self.attempt_failure = Some(f);
        }
        let Some(current) = self.attempt_failure.clone() else {
            return;
        };
        match &mut self.status {
            ConnectionStatus::Reconnecting { last_failure, .. } => *last_failure = Some(current),
            status => *status = ConnectionStatus::Failed(current),
        }
    }

    fn session_event(&mut self, event: Event, now: u64) {
        match event {
            Event::PacketSent { packet, bytes } => {
                self.stats.packet_sent(bytes.len());
                self.explorer
                    .packet_sent(&packet, &bytes, self.version, now);
                match packet {
                    Packet::Publish(p) => self.stats.message_sent(p.dup),
                    Packet::Subscribe(s) => {
                        for f in s.filters {
                            self.subscription_pending(f, s.packet_id);
                        }
                    }
                    Packet::Unsubscribe(u) => self.unsubscribing(&u.filters, u.packet_id),
                    _ => {}
                }
            }
            Event::PacketReceived { packet, bytes } => {
                self.stats.packet_received(bytes.len());
                self.explorer
                    .packet_received(&packet, &bytes, self.version, now);
            }
            Event::PacketMalformed { bytes, error } => {
                self.explorer
                    .packet_malformed(&bytes, &error, self.lang, self.version, now);
            }
            Event::Connected(negotiated) => {
                self.attempt_failure = None;
                self.version = negotiated.version;
                self.status = ConnectionStatus::Connected {
                    negotiated,
                    since_ms: now,
                };
            }
            Event::Message(m) => {
                self.stats.message_received(now);
                self.explorer
                    .message(&m.topic, &m.payload, m.qos, m.retain, now);
                self.log_message(m, now);
            }
            Event::PublishCompleted {
                packet_id: Some(id),
                reason_code,
                ..
            } => {
                if let Some(r) = self.pending_publish(id) {
                    r.status = PublishStatus::Completed {
                        reason_code,
                        at_ms: now,
                    };
                }
            }
            // QoS 0: recorded as completed by `PublishSent` already.
            Event::PublishCompleted {
                packet_id: None, ..
            } => {}
            Event::PublishFailed {
                packet_id,
                reason_code,
                reason_string,
            } => {
                if let Some(r) = self.pending_publish(packet_id) {
                    r.status = PublishStatus::Refused {
                        reason_code,
                        reason_string,
                    };
                }
            }
            Event::Subscribed { packet_id, results } => self.subscribed(packet_id, results),
            Event::Unsubscribed { packet_id, results } => self.unsubscribed(packet_id, results),
            Event::Ignored { .. } => {}
            Event::Closed(CloseReason::ClientDisconnected) => {
                self.user_disconnected = true;
                self.attempt_failure = None;
                self.status = ConnectionStatus::Disconnected;
            }
            Event::Closed(reason) => self.fail(Failure::Session(reason)),
        }
    }

    fn pending_publish(&mut self, id: PacketId) -> Option<&mut PublishRecord> {
        self.publishes
            .iter_mut()
            .rev()
            .find(|r| r.packet_id == Some(id) && r.status == PublishStatus::Pending)
    }

    fn free_colour(&self) -> usize {
        (0..PALETTE.len())
            .find(|c| self.subscriptions.iter().all(|s| s.colour != *c))
            .unwrap_or(self.subscriptions.len() % PALETTE.len())
    }

    fn subscription_pending(&mut self, f: SubscribeFilter, packet_id: PacketId) {
        let status = SubscriptionStatus::Pending { packet_id };
        match self.subscriptions.iter_mut().find(|s| s.filter == f.filter) {
            Some(s) => {
                s.options = f.options;
                s.status = status;
            }
            None => {
                let colour = self.free_colour();
                self.subscriptions.push(Subscription {
                    filter: f.filter,
                    options: f.options,
                    colour,
                    status,
                });
            }
        }
    }

    fn unsubscribing(&mut self, filters: &[String], packet_id: PacketId) {
        for s in &mut self.subscriptions {
            if filters.contains(&s.filter) {
                s.status = SubscriptionStatus::Unsubscribing { packet_id };
            }
        }
    }

    fn subscribed(&mut self, packet_id: PacketId, results: Vec<SubscribeResult>) {
        for r in results {
            let status = match r.reason_code.granted_qos() {
                Some(q) => SubscriptionStatus::Granted(q),
                None => SubscriptionStatus::Refused(r.reason_code),
            };
            match self.subscriptions.iter_mut().find(|s| s.filter == r.filter) {
                // A later SUBSCRIBE for the same filter is still on its way.
                Some(s) if matches!(s.status, SubscriptionStatus::Pending { packet_id: p } if p != packet_id) =>
                    {}
                Some(s) => s.status = status,
                None => {
                    let colour = self.free_colour();
                    self.subscriptions.push(Subscription {
                        options: SubscriptionOptions::qos(
                            r.reason_code.granted_qos().unwrap_or_default(),
                        ),
                        filter: r.filter,
                        colour,
                        status,
                    });
                }
            }
        }
    }

    fn unsubscribed(&mut self, packet_id: PacketId, results: Vec<SubscribeResult>) {
        for r in results {
            let gone = !r.reason_code.is_error();
            let Some(i) = self.subscriptions.iter().position(|s| {
                s.filter == r.filter
                    && matches!(s.status, SubscriptionStatus::Unsubscribing { packet_id: p } if p == packet_id)
            }) else {
                continue;
            };
            if gone {
                self.subscriptions.remove(i);
            } else {
                self.subscriptions[i].status =
                    SubscriptionStatus::UnsubscribeRefused(r.reason_code);
            }
        }
    }

    fn log_message(&mut self, m: Message, now: u64) {
        let size = m.payload.len();
        let truncated = size > MAX_VIEW_BYTES;
        let view = PayloadView::of(&m.payload[..size.min(MAX_VIEW_BYTES)]);
        let colour = self
            .subscriptions
            .iter()
            .find(|s| s.may_deliver() && topic::matches(&s.filter, &m.topic))
            .map(|s| s.colour);
        self.next_seq += 1;
        self.log.push(Rc::new(LogEntry {
            seq: self.next_seq,
            preview: view.preview(),
            view,
            size,
            truncated,
            topic: m.topic,
            qos: m.qos,
            retain: m.retain,
            dup: m.dup,
            time_ms: now,
            colour,
            properties: m.properties,
        }));
    }
}

impl yew::Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        // The inherent, pure reducer (inherent items win over trait ones).
        AppState::reduce(&mut next, action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests;
