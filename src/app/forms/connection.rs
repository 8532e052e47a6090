//! The connection form: preset, broker address, credentials and the
//! advanced CONNECT settings, as the user types them.
//!
//! Numbers are kept as the text typed, so a half-typed field is never
//! silently replaced; [`ConnectionDraft::to_profile`] parses them. The
//! password lives here and in CONNECT only: [`ConnectionDraft::to_profile`]
//! puts it into the profile only when "Remember password" is ticked.

use std::rc::Rc;

use crate::app::model::client_id;
use crate::app::model::profile::{
    hivemq_cloud_url, MqttVersion, Preset, Profile, ProfileError, Will, MAX_CONNECT_TIMEOUT_SECS,
};
use crate::app::model::{BrokerUrl, UrlError};
use crate::protocol::topic::{self, TopicError};

use super::{parse_number, NumberError};

/// A text field of the connection form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    /// HiveMQ Cloud cluster host.
    ClusterHost,
    /// Broker URL.
    Url,
    /// Client ID.
    ClientId,
    /// User name.
    Username,
    /// Password.
    Password,
    /// Keep alive, seconds.
    KeepAlive,
    /// Session expiry interval, seconds (5.0).
    SessionExpiry,
    /// Connect timeout, seconds.
    ConnectTimeout,
    /// Will topic.
    WillTopic,
    /// Will payload.
    WillPayload,
    /// Will delay interval, seconds (5.0).
    WillDelay,
    /// The name to save the profile under.
    ProfileName,
}

/// A checkbox of the connection form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flag {
    /// Show the password as text.
    ShowPassword,
    /// Remember password.
    RememberPassword,
    /// Clean start / clean session.
    CleanStart,
    /// Send a Last Will.
    WillEnabled,
    /// Will retain.
    WillRetain,
}

/// A number field of the connection form, with its allowed range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberField {
    /// Keep alive: 0–65535 s.
    KeepAlive,
    /// Session expiry: any u32 (0xFFFFFFFF never expires).
    SessionExpiry,
    /// Connect timeout: 1–600 s.
    ConnectTimeout,
    /// Will delay: any u32.
    WillDelay,
}

impl NumberField {
    /// The allowed range.
    pub fn range(self) -> (u32, u32) {
        match self {
            NumberField::KeepAlive => (0, 65_535),
            NumberField::SessionExpiry | NumberField::WillDelay => (0, u32::MAX),
            NumberField::ConnectTimeout => (1, MAX_CONNECT_TIMEOUT_SECS),
        }
    }

    fn text_field(self) -> TextField {
        match self {
            NumberField::KeepAlive => TextField::KeepAlive,
            NumberField::SessionExpiry => TextField::SessionExpiry,
            NumberField::ConnectTimeout => TextField::ConnectTimeout,
            NumberField::WillDelay => TextField::WillDelay,
        }
    }
}

/// Why the form cannot be turned into a profile yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    /// A number field is out of range.
    Number(NumberField, NumberError),
}

/// Something the user did in the connection form.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftAction {
    /// Picked a preset (`None`: custom).
    Preset(Option<Preset>),
    /// Typed into a text field.
    Text(TextField, String),
    /// Ticked or unticked a checkbox.
    Flag(Flag, bool),
    /// Chose the MQTT version.
    Version(MqttVersion),
    /// Chose the Will QoS.
    WillQos(u8),
    /// Pressed Connect: errors of untouched fields show from now on.
    Submitted,
    /// Loaded a saved profile. `fresh_client_id` replaces a client ID this
    /// app generated earlier, so two tabs with one profile do not take over
    /// each other's session; a client ID the user chose is kept.
    Load {
        /// The profile.
        profile: Profile,
        /// A newly generated client ID.
        fresh_client_id: String,
    },
}

/// The connection form's contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectionDraft {
    /// The preset in use; `None` is a custom broker.
    pub preset: Option<Preset>,
    /// HiveMQ Cloud cluster host, as typed.
    pub cluster_host: String,
    /// Broker URL, as typed (for HiveMQ Cloud: the one built from the host).
    pub url: String,
    /// Client ID.
    pub client_id: String,
    /// User name.
    pub username: String,
    /// Password.
    pub password: String,
    /// Show the password as plain text.
    pub show_password: bool,
    /// Remember password in saved profiles.
    pub remember_password: bool,
    /// MQTT version.
    pub version: MqttVersion,
    /// Clean start / clean session.
    pub clean_start: bool,
    /// Keep alive text.
    pub keep_alive: String,
    /// Session expiry text.
    pub session_expiry: String,
    /// Connect timeout text.
    pub connect_timeout: String,
    /// Send a Last Will.
    pub will_enabled: bool,
    /// Will topic.
    pub will_topic: String,
    /// Will payload.
    pub will_payload: String,
    /// Will QoS.
    pub will_qos: u8,
    /// Will retain.
    pub will_retain: bool,
    /// Will delay text.
    pub will_delay: String,
    /// Name to save the profile under.
    pub profile_name: String,
    /// Connect was pressed at least once.
    pub submitted: bool,
}

impl ConnectionDraft {
    /// A form for `preset` (or a custom `url`, e.g. from `?broker=`) with
    /// the defaults of a new [`Profile`].
    pub fn new(preset: Option<Preset>, url: &str, client_id: String) -> Self {
        let p = Profile::default();
        let url = match preset.and_then(Preset::url) {
            Some(fixed) => fixed.to_string(),
            None => url.to_string(),
        };
        ConnectionDraft {
            preset,
            cluster_host: String::new(),
            url,
            client_id,
            username: String::new(),
            password: String::new(),
            show_password: false,
            remember_password: false,
            version: p.version,
            clean_start: p.clean_start,
            keep_alive: p.keep_alive.to_string(),
            session_expiry: p.session_expiry.to_string(),
            connect_timeout: p.connect_timeout_secs.to_string(),
            will_enabled: false,
            will_topic: String::new(),
            will_payload: String::new(),
            will_qos: 0,
            will_retain: false,
            will_delay: "0".to_string(),
            profile_name: String::new(),
            submitted: false,
        }
    }

    /// Applies one action.
    pub fn apply(&mut self, action: DraftAction) {
        match action {
            DraftAction::Preset(preset) => {
                self.preset = preset;
                match preset {
                    Some(Preset::HiveMqCloud) => {
                        if let Ok(u) = hivemq_cloud_url(&self.cluster_host) {
                            self.url = u.to_string();
                        }
                    }
                    Some(p) => {
                        if let Some(u) = p.url() {
                            self.url = u.to_string();
                        }
                    }
                    None => {}
                }
            }
            DraftAction::Text(field, text) => self.set_text(field, text),
            DraftAction::Flag(flag, on) => match flag {
                Flag::ShowPassword => self.show_password = on,
                Flag::RememberPassword => self.remember_password = on,
                Flag::CleanStart => self.clean_start = on,
                Flag::WillEnabled => self.will_enabled = on,
                Flag::WillRetain => self.will_retain = on,
            },
            DraftAction::Version(v) => self.version = v,
            DraftAction::WillQos(q) => self.will_qos = q.min(2),
            DraftAction::Submitted => self.submitted = true,
            DraftAction::Load {
                profile,
                fresh_client_id,
            } => self.load(profile, fresh_client_id),
        }
    }

    fn set_text(&mut self, field: TextField, text: String) {
        match field {
            TextField::ClusterHost => {
                if let Ok(u) = hivemq_cloud_url(&text) {
                    self.url = u.to_string();
                }
                self.cluster_host = text;
                self.preset = Some(Preset::HiveMqCloud);
            }
            TextField::Url => {
                // Typing an address of one's own leaves the preset.
                if self.preset.is_some() && Some(text.trim()) != self.preset_url().as_deref() {
                    self.preset = None;
                }
                self.url = text;
            }
            TextField::ClientId => self.client_id = text,
            TextField::Username => self.username = text,
            TextField::Password => self.password = text,
            TextField::KeepAlive => self.keep_alive = text,
            TextField::SessionExpiry => self.session_expiry = text,
            TextField::ConnectTimeout => self.connect_timeout = text,
            TextField::WillTopic => self.will_topic = text,
            TextField::WillPayload => self.will_payload = text,
            TextField::WillDelay => self.will_delay = text,
            TextField::ProfileName => self.profile_name = text,
        }
    }

    /// The URL the current preset stands for.
    fn preset_url(&self) -> Option<String> {
        match self.preset? {
            Preset::HiveMqCloud => hivemq_cloud_url(&self.cluster_host)
                .ok()
                .map(|u| u.to_string()),
            p => p.url().map(str::to_string),
        }
    }

    fn load(&mut self, p: Profile, fresh_client_id: String) {
        let parsed = BrokerUrl::parse(&p.url).ok();
        self.preset = Preset::ALL
            .into_iter()
            .find(|preset| preset.url().is_some_and(|u| u == p.url.trim()));
        if let Some(u) = parsed.as_ref().filter(|u| u.is_hivemq_cloud()) {
            if self.preset.is_none() && hivemq_cloud_url(&u.host).as_ref() == Ok(u) {
                self.preset = Some(Preset::HiveMqCloud);
                self.cluster_host = u.host.clone();
            }
        }
        self.url = p.url;
        self.client_id = if client_id::is_generated(&p.client_id) {
            fresh_client_id
        } else {
            p.client_id
        };
        self.username = p.username;
        self.password = p.password.unwrap_or_default();
        self.remember_password = p.remember_password;
        self.version = p.version;
        self.clean_start = p.clean_start;
        self.keep_alive = p.keep_alive.to_string();
        self.session_expiry = p.session_expiry.to_string();
        self.connect_timeout = p.connect_timeout_secs.to_string();
        self.will_enabled = p.will.is_some();
        let w = p.will.unwrap_or_default();
        self.will_topic = w.topic;
        self.will_payload = w.payload;
        self.will_qos = w.qos.min(2);
        self.will_retain = w.retain;
        self.will_delay = w.will_delay.to_string();
        self.profile_name = p.name;
        self.submitted = false;
    }

    /// The text of a number field, parsed.
    pub fn number(&self, field: NumberField) -> Result<u32, NumberError> {
        let text = match field.text_field() {
            TextField::KeepAlive => &self.keep_alive,
            TextField::SessionExpiry => &self.session_expiry,
            TextField::ConnectTimeout => &self.connect_timeout,
            _ => &self.will_delay,
        };
        let (min, max) = field.range();
        parse_number(text, min, max)
    }

    /// The broker address the form stands for: for HiveMQ Cloud the one
    /// built from the cluster host, otherwise the URL as typed.
    pub fn broker_url(&self) -> Result<BrokerUrl, UrlError> {
        if self.preset == Some(Preset::HiveMqCloud) {
            hivemq_cloud_url(&self.cluster_host)
        } else {
            BrokerUrl::parse(&self.url)
        }
    }

    /// The broker URL error to show now: after Connect, or once something
    /// was typed.
    pub fn url_error(&self) -> Option<UrlError> {
        let typed = if self.preset == Some(Preset::HiveMqCloud) {
            &self.cluster_host
        } else {
            &self.url
        };
        if typed.trim().is_empty() && !self.submitted {
            return None;
        }
        self.broker_url().err()
    }

    /// The number errors to show, in form order.
    pub fn number_errors(&self) -> Vec<(NumberField, NumberError)> {
        let mut fields = vec![NumberField::KeepAlive];
        if self.version == MqttVersion::V5 {
            fields.push(NumberField::SessionExpiry);
        }
        fields.push(NumberField::ConnectTimeout);
        if self.will_enabled && self.version == MqttVersion::V5 {
            fields.push(NumberField::WillDelay);
        }
        fields
            .into_iter()
            .filter_map(|f| self.number(f).err().map(|e| (f, e)))
            .collect()
    }

    /// The form as a profile (the password only if remembered). An invalid
    /// URL stays as typed, so whoever connects reports the URL error.
    pub fn to_profile(&self) -> Result<Profile, DraftError> {
        if let Some((field, e)) = self.number_errors().into_iter().next() {
            return Err(DraftError::Number(field, e));
        }
        let number = |f: NumberField| self.number(f).unwrap_or(0);
        let v5 = self.version == MqttVersion::V5;
        // HiveMQ Cloud: the URL built from the host; otherwise what was
        // typed, so a saved profile shows the address as the user wrote it.
        let url = match (self.preset, self.broker_url()) {
            (Some(Preset::HiveMqCloud), Ok(u)) => u.to_string(),
            _ => self.url.trim().to_string(),
        };
        let will = self.will_enabled.then(|| Will {
            topic: self.will_topic.clone(),
            payload: self.will_payload.clone(),
            qos: self.will_qos,
            retain: self.will_retain,
            will_delay: if v5 {
                number(NumberField::WillDelay)
            } else {
                0
            },
        });
        Ok(Profile {
            name: self.profile_name.trim().to_string(),
            url,
            client_id: self.client_id.trim().to_string(),
            username: self.username.trim().to_string(),
            password: self
                .remember_password
                .then(|| self.password.clone())
                .filter(|p| !p.is_empty()),
            remember_password: self.remember_password,
            version: self.version,
            clean_start: self.clean_start,
            keep_alive: number(NumberField::KeepAlive),
            session_expiry: if v5 {
                number(NumberField::SessionExpiry)
            } else {
                0
            },
            will,
            connect_timeout_secs: number(NumberField::ConnectTimeout),
        })
    }

    /// The Will topic's broken rule, to show beside it: once something is
    /// typed, and for an empty topic after Connect.
    pub fn will_topic_error(&self) -> Option<TopicError> {
        if !self.will_enabled || (self.will_topic.is_empty() && !self.submitted) {
            return None;
        }
        topic::validate_topic_name(&self.will_topic).err()
    }

    /// The settings error to show under the form (client ID, credentials,
    /// Will), checked exactly as CONNECT will be built.
    pub fn settings_error(&self) -> Option<ProfileError> {
        let profile = self.to_profile().ok()?;
        let err = profile.to_connect_options(Some(&self.password)).err()?;
        // An empty Will topic is only worth a message after Connect.
        let untouched_will = matches!(err, ProfileError::WillTopic(_))
            && self.will_topic.is_empty()
            && !self.submitted;
        (!untouched_will).then_some(err)
    }
}

impl yew::Reducible for ConnectionDraft {
    type Action = DraftAction;

    fn reduce(self: Rc<Self>, action: DraftAction) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::model::profile::{HIVEMQ_PUBLIC_URL, LOCAL_MOSQUITTO_URL};

    const ID: &str = "mqttlab-abcdefgh";

    fn draft() -> ConnectionDraft {
        ConnectionDraft::new(Some(Preset::LocalMosquitto), "", ID.into())
    }

    fn text(d: &mut ConnectionDraft, f: TextField, s: &str) {
        d.apply(DraftAction::Text(f, s.into()));
    }

    #[test]
    fn presets_fill_the_url() {
        let mut d = draft();
        assert_eq!(d.url, LOCAL_MOSQUITTO_URL);
        d.apply(DraftAction::Preset(Some(Preset::HiveMqPublic)));
        assert_eq!(d.url, HIVEMQ_PUBLIC_URL);
        d.apply(DraftAction::Preset(None));
        assert_eq!(d.url, HIVEMQ_PUBLIC_URL, "custom keeps what is there");
        assert_eq!(d.url_error(), None);
    }

    #[test]
    fn hivemq_cloud_builds_the_url_from_the_host() {
        let mut d = draft();
        d.apply(DraftAction::Preset(Some(Preset::HiveMqCloud)));
        assert_eq!(d.url_error(), None, "nothing typed yet");
        d.apply(DraftAction::Submitted);
        assert_eq!(d.url_error(), Some(UrlError::Empty));
        text(
            &mut d,
            TextField::ClusterHost,
            "abcd1234.s1.eu.hivemq.cloud:8883",
        );
        assert_eq!(d.url, "wss://abcd1234.s1.eu.hivemq.cloud:8884/mqtt");
        assert_eq!(d.preset, Some(Preset::HiveMqCloud));
        assert_eq!(
            d.broker_url().unwrap().to_string(),
            "wss://abcd1234.s1.eu.hivemq.cloud:8884/mqtt"
        );
        text(&mut d, TextField::ClusterHost, "ab$cd");
        assert!(matches!(d.url_error(), Some(UrlError::InvalidHost(_))));
    }

    #[test]
    fn typing_a_url_of_ones_own_leaves_the_preset() {
        let mut d = draft();
        text(&mut d, TextField::Url, "ws://127.0.0.1:9001");
        assert_eq!(d.preset, Some(Preset::LocalMosquitto), "same URL");
        text(&mut d, TextField::Url, "ws://127.0.0.1:19001");
        assert_eq!(d.preset, None);
        text(&mut d, TextField::Url, "mqtt://broker:1883");
        assert_eq!(
            d.url_error(),
            Some(UrlError::UnsupportedScheme("mqtt".into()))
        );
        text(&mut d, TextField::Url, "");
        assert_eq!(d.url_error(), None, "empty and untouched by Connect");
        d.apply(DraftAction::Submitted);
        assert_eq!(d.url_error(), Some(UrlError::Empty));
    }

    #[test]
    fn numbers_are_checked_before_anything_is_built() {
        let mut d = draft();
        text(&mut d, TextField::KeepAlive, "70000");
        assert_eq!(
            d.to_profile(),
            Err(DraftError::Number(
                NumberField::KeepAlive,
                NumberError {
                    min: 0,
                    max: 65_535
                }
            ))
        );
        text(&mut d, TextField::KeepAlive, "30");
        text(&mut d, TextField::ConnectTimeout, "0");
        assert_eq!(d.number_errors().len(), 1);
        text(&mut d, TextField::ConnectTimeout, "10");
        // 3.1.1 ignores the session expiry, even a broken one.
        text(&mut d, TextField::SessionExpiry, "x");
        d.apply(DraftAction::Version(MqttVersion::V311));
        let p = d.to_profile().unwrap();
        assert_eq!((p.keep_alive, p.connect_timeout_secs), (30, 10));
        assert_eq!(p.session_expiry, 0);
    }

    #[test]
    fn password_goes_into_the_profile_only_when_remembered() {
        let mut d = draft();
        text(&mut d, TextField::Username, " board ");
        text(&mut d, TextField::Password, "secret");
        let p = d.to_profile().unwrap();
        assert_eq!(p.password, None);
        assert_eq!(p.username, "board");
        d.apply(DraftAction::Flag(Flag::RememberPassword, true));
        assert_eq!(d.to_profile().unwrap().password.as_deref(), Some("secret"));
    }

    #[test]
    fn will_topic_errors_wait_for_connect_when_empty() {
        let mut d = draft();
        d.apply(DraftAction::Flag(Flag::WillEnabled, true));
        assert_eq!(d.settings_error(), None);
        text(&mut d, TextField::WillTopic, "lab/+");
        assert_eq!(
            d.settings_error(),
            Some(ProfileError::WillTopic(TopicError::WildcardInTopicName {
                wildcard: '+',
                level: 2
            }))
        );
        text(&mut d, TextField::WillTopic, "");
        d.apply(DraftAction::Submitted);
        assert_eq!(
            d.settings_error(),
            Some(ProfileError::WillTopic(TopicError::Empty))
        );
        // Shown beside the field even while another field is broken.
        text(&mut d, TextField::KeepAlive, "x");
        text(&mut d, TextField::WillTopic, "lab/#");
        assert!(d.will_topic_error().is_some());
        text(&mut d, TextField::KeepAlive, "60");
        text(&mut d, TextField::WillTopic, "lab/status");
        assert_eq!(d.will_topic_error(), None);
        text(&mut d, TextField::WillDelay, "5");
        d.apply(DraftAction::WillQos(7));
        assert_eq!(d.will_qos, 2);
        let w = d.to_profile().unwrap().will.unwrap();
        assert_eq!(
            (w.topic.as_str(), w.qos, w.will_delay),
            ("lab/status", 2, 5)
        );
    }

    #[test]
    fn loading_a_profile() {
        let mut d = draft();
        let mut p = Profile::new(
            "Cloud",
            "wss://abcd1234.s1.eu.hivemq.cloud:8884/mqtt",
            "mqttlab-zzzzzzzz",
        );
        p.username = "u".into();
        p.version = MqttVersion::V311;
        p.will = Some(Will {
            topic: "t".into(),
            qos: 1,
            ..Will::default()
        });
        d.apply(DraftAction::Load {
            profile: p.clone(),
            fresh_client_id: "mqttlab-11111111".into(),
        });
        assert_eq!(d.preset, Some(Preset::HiveMqCloud));
        assert_eq!(d.cluster_host, "abcd1234.s1.eu.hivemq.cloud");
        assert_eq!(d.client_id, "mqttlab-11111111", "a generated ID is renewed");
        assert_eq!(d.version, MqttVersion::V311);
        assert!(d.will_enabled);
        assert_eq!(d.profile_name, "Cloud");
        let back = d.to_profile().unwrap();
        assert_eq!(back.url, p.url);
        assert_eq!(back.will, p.will);

        p.client_id = "kitchen-sensor".into();
        p.url = HIVEMQ_PUBLIC_URL.into();
        d.apply(DraftAction::Load {
            profile: p,
            fresh_client_id: "mqttlab-22222222".into(),
        });
        assert_eq!(d.client_id, "kitchen-sensor", "a chosen ID is kept");
        assert_eq!(d.preset, Some(Preset::HiveMqPublic));

        d.apply(DraftAction::Load {
            profile: Profile::new("X", "ws://10.0.0.5:9001", ""),
            fresh_client_id: String::new(),
        });
        assert_eq!(d.preset, None);
    }

    #[test]
    fn query_broker_prefills_a_custom_url() {
        let d = ConnectionDraft::new(None, "wss://example.com/mqtt", ID.into());
        assert_eq!(d.url, "wss://example.com/mqtt");
        assert_eq!(d.preset, None);
    }
}
