//! Connection profiles: what the connection form holds, the three presets,
//! and the list saved in localStorage and exported as JSON.
//!
//! The password rule lives here and nowhere else: a profile's password is
//! serialised only when that profile has "Remember password" ticked. The
//! rule is in the serde conversion itself ([`Profile`] serialises through
//! `StoredProfile`), so no code path can write a password by accident.

use core::time::Duration;

use serde::{Deserialize, Serialize};

use super::url::{split_host_port, BrokerUrl, UrlError};
use crate::protocol::codec::{LastWill, Properties, PropertyId, PropertyValue, QoS};
use crate::protocol::session::ConnectOptions;
use crate::protocol::topic::{self, TopicError};

/// The MQTT version a profile connects with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MqttVersion {
    /// MQTT 3.1.1.
    #[serde(rename = "3.1.1")]
    V311,
    /// MQTT 5.0.
    #[default]
    #[serde(rename = "5.0")]
    V5,
}

impl MqttVersion {
    /// Both, in menu order.
    pub const ALL: [MqttVersion; 2] = [MqttVersion::V5, MqttVersion::V311];

    /// `"3.1.1"` or `"5.0"`: the menu value and the JSON form.
    pub fn as_str(self) -> &'static str {
        match self {
            MqttVersion::V311 => "3.1.1",
            MqttVersion::V5 => "5.0",
        }
    }

    /// The version for `"3.1.1"` / `"5.0"` (also `"3"`, `"4"`, `"5"`).
    pub fn parse(s: &str) -> Option<MqttVersion> {
        match s.trim() {
            "3.1.1" | "3" | "4" => Some(MqttVersion::V311),
            "5.0" | "5" => Some(MqttVersion::V5),
            _ => None,
        }
    }

    /// The protocol core's version.
    pub fn protocol(self) -> crate::protocol::codec::ProtocolVersion {
        match self {
            MqttVersion::V311 => crate::protocol::codec::ProtocolVersion::V311,
            MqttVersion::V5 => crate::protocol::codec::ProtocolVersion::V5,
        }
    }
}

/// The Last Will as the form holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Will {
    /// Will Topic (a topic name: no wildcards).
    pub topic: String,
    /// Will Payload, as text.
    pub payload: String,
    /// Will QoS, 0–2.
    pub qos: u8,
    /// Will Retain.
    pub retain: bool,
    /// Will Delay Interval in seconds (MQTT 5.0 only).
    pub will_delay: u32,
}

/// One saved connection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "StoredProfile", from = "StoredProfile")]
pub struct Profile {
    /// The name it is saved under.
    pub name: String,
    /// Broker URL as typed (validated with [`BrokerUrl::parse`]).
    pub url: String,
    /// Client ID; empty asks an MQTT 5.0 broker to assign one.
    pub client_id: String,
    /// User name; empty sends none.
    pub username: String,
    /// The password, kept only when `remember_password` is set.
    pub password: Option<String>,
    /// "Remember password": store the password with the profile.
    pub remember_password: bool,
    /// MQTT 3.1.1 or 5.0.
    pub version: MqttVersion,
    /// Clean Start (5.0) / Clean Session (3.1.1).
    pub clean_start: bool,
    /// Keep Alive in seconds, 0–65535 (0 turns it off).
    pub keep_alive: u32,
    /// Session Expiry Interval in seconds (MQTT 5.0 only).
    pub session_expiry: u32,
    /// The Last Will, if one is set.
    pub will: Option<Will>,
    /// Seconds to wait for CONNACK.
    pub connect_timeout_secs: u32,
}

/// Longest connect timeout a profile may ask for.
pub const MAX_CONNECT_TIMEOUT_SECS: u32 = 600;

impl Default for Profile {
    fn default() -> Self {
        Profile {
            name: String::new(),
            url: String::new(),
            client_id: String::new(),
            username: String::new(),
            password: None,
            remember_password: false,
            version: MqttVersion::V5,
            clean_start: true,
            keep_alive: 60,
            session_expiry: 0,
            will: None,
            connect_timeout_secs: 30,
        }
    }
}

/// Why a profile cannot be turned into CONNECT options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileError {
    /// Keep Alive above 65535 seconds.
    KeepAliveTooLarge(u32),
    /// Connect timeout of 0 or above [`MAX_CONNECT_TIMEOUT_SECS`].
    ConnectTimeoutOutOfRange(u32),
    /// MQTT 3.1.1 with an empty client ID needs Clean Session (3.1.1
    /// section 3.1.3.1).
    EmptyClientIdNeedsCleanSession,
    /// A text field longer than MQTT's 65535-byte strings.
    TooLong {
        /// Which field.
        field: ProfileField,
        /// Its length in bytes.
        len: usize,
    },
    /// A text field with U+0000, which MQTT strings may not contain.
    NullCharacter(ProfileField),
    /// MQTT 3.1.1 does not allow a password without a user name.
    PasswordWithoutUsername,
    /// The Will Topic breaks a topic rule.
    WillTopic(TopicError),
    /// Will QoS other than 0, 1 or 2.
    WillQos(u8),
}

/// A field of the connection form, for [`ProfileError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileField {
    /// Client ID.
    ClientId,
    /// User name.
    Username,
    /// Password.
    Password,
    /// Will Payload.
    WillPayload,
}

impl core::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&crate::i18n::profile_error(crate::i18n::Lang::En, self))
    }
}

impl std::error::Error for ProfileError {}

const MAX_MQTT_STRING: usize = 65_535;

fn check_text(field: ProfileField, s: &str, utf8_string: bool) -> Result<(), ProfileError> {
    if s.len() > MAX_MQTT_STRING {
        return Err(ProfileError::TooLong {
            field,
            len: s.len(),
        });
    }
    if utf8_string && s.contains('\0') {
        return Err(ProfileError::NullCharacter(field));
    }
    Ok(())
}

impl Profile {
    /// A profile with defaults for everything but these.
    pub fn new(
        name: impl Into<String>,
        url: impl Into<String>,
        client_id: impl Into<String>,
    ) -> Self {
        Profile {
            name: name.into(),
            url: url.into(),
            client_id: client_id.into(),
            ..Profile::default()
        }
    }

    /// The broker URL, parsed.
    pub fn broker_url(&self) -> Result<BrokerUrl, UrlError> {
        BrokerUrl::parse(&self.url)
    }

    /// This profile as it may be stored: without the password unless
    /// "Remember password" is ticked.
    pub fn for_storage(&self) -> Profile {
        let mut p = self.clone();
        if !p.remember_password {
            p.password = None;
        }
        p
    }

    /// The CONNECT options for this profile. `password` is what the form
    /// holds now; `None` uses the remembered password, if any; an empty
    /// password sends none. The client ID and user name are trimmed.
    pub fn to_connect_options(
        &self,
        password: Option<&str>,
    ) -> Result<ConnectOptions, ProfileError> {
        let v5 = self.version == MqttVersion::V5;
        let keep_alive = u16::try_from(self.keep_alive)
            .map_err(|_| ProfileError::KeepAliveTooLarge(self.keep_alive))?;
        if self.connect_timeout_secs == 0 || self.connect_timeout_secs > MAX_CONNECT_TIMEOUT_SECS {
            return Err(ProfileError::ConnectTimeoutOutOfRange(
                self.connect_timeout_secs,
            ));
        }
        let client_id = self.client_id.trim();
        check_text(ProfileField::ClientId, client_id, true)?;
        if client_id.is_empty() && !v5 && !self.clean_start {
            return Err(ProfileError::EmptyClientIdNeedsCleanSession);
        }
        let username = self.username.trim();
        check_text(ProfileField::Username, username, true)?;
        let password = password.or(self.password.as_deref()).unwrap_or("");
        check_text(ProfileField::Password, password, false)?;
        if !v5 && username.is_empty() && !password.is_empty() {
            return Err(ProfileError::PasswordWithoutUsername);
        }
        let will = match &self.will {
            None => None,
            Some(w) => {
                topic::validate_topic_name(&w.topic).map_err(ProfileError::WillTopic)?;
                let qos = QoS::from_u8(w.qos).ok_or(ProfileError::WillQos(w.qos))?;
                check_text(ProfileField::WillPayload, &w.payload, false)?;
                let mut properties = Properties::new();
                if v5 && w.will_delay > 0 {
                    properties.set(
                        PropertyId::WillDelayInterval,
                        PropertyValue::Integer(w.will_delay),
                    );
                }
                Some(LastWill {
                    topic: w.topic.clone(),
                    payload: w.payload.as_bytes().to_vec(),
                    qos,
                    retain: w.retain,
                    properties,
                })
            }
        };
        Ok(ConnectOptions {
            version: self.version.protocol(),
            client_id: client_id.to_string(),
            clean_start: self.clean_start,
            keep_alive,
            session_expiry_interval: if v5 { self.session_expiry } else { 0 },
            username: (!username.is_empty()).then(|| username.to_string()),
            password: (!password.is_empty()).then(|| password.as_bytes().to_vec()),
            will,
            connect_timeout: Duration::from_secs(u64::from(self.connect_timeout_secs)),
            ..ConnectOptions::default()
        })
    }
}

/// What a profile looks like in JSON. Every field is optional on the way
/// in; on the way out the password is dropped unless remembered.
#[derive(Serialize, Deserialize)]
#[serde(default)]
struct StoredProfile {
    name: String,
    url: String,
    client_id: String,
    username: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    password: Option<String>,
    remember_password: bool,
    version: MqttVersion,
    clean_start: bool,
    keep_alive: u32,
    session_expiry: u32,
    will: Option<Will>,
    connect_timeout_secs: u32,
}

impl Default for StoredProfile {
    fn default() -> Self {
        Profile::default().into()
    }
}

impl From<Profile> for StoredProfile {
    fn from(p: Profile) -> Self {
        let p = p.for_storage();
        StoredProfile {
            name: p.name,
            url: p.url,
            client_id: p.client_id,
            username: p.username,
            password: p.password,
            remember_password: p.remember_password,
            version: p.version,
            clean_start: p.clean_start,
            keep_alive: p.keep_alive,
            session_expiry: p.session_expiry,
            will: p.will,
            connect_timeout_secs: p.connect_timeout_secs,
        }
    }
}

impl From<StoredProfile> for Profile {
    fn from(s: StoredProfile) -> Self {
        Profile {
            name: s.name,
            url: s.url,
            client_id: s.client_id,
            username: s.username,
            password: s.password,
            remember_password: s.remember_password,
            version: s.version,
            clean_start: s.clean_start,
            keep_alive: s.keep_alive,
            session_expiry: s.session_expiry,
            will: s.will,
            connect_timeout_secs: s.connect_timeout_secs,
        }
        .for_storage()
    }
}

/// HiveMQ's public test broker over secure WebSocket.
pub const HIVEMQ_PUBLIC_URL: &str = "wss://broker.hivemq.com:8884/mqtt";
/// A mosquitto on this machine with a WebSocket listener on 9001
/// (what `scripts/run.sh` starts).
pub const LOCAL_MOSQUITTO_URL: &str = "ws://127.0.0.1:9001";
/// The sandbox broker inside the page.
pub const SANDBOX_URL: &str = "sandbox://in-browser";
/// HiveMQ Cloud's secure WebSocket port.
pub const HIVEMQ_CLOUD_WSS_PORT: u16 = 8884;
/// HiveMQ Cloud's WebSocket path.
pub const HIVEMQ_CLOUD_PATH: &str = "/mqtt";

/// A ready-made starting point for the connection form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Preset {
    /// The sandbox broker inside the page: works at once, offline, with no
    /// account; tabs of one browser share it.
    Sandbox,
    /// A HiveMQ Cloud cluster: asks for the cluster host, user name and
    /// password; TLS and credentials are required.
    HiveMqCloud,
    /// HiveMQ's public broker: open to everyone, no credentials.
    HiveMqPublic,
    /// Mosquitto on this machine.
    LocalMosquitto,
}

impl Preset {
    /// All presets, in menu order.
    pub const ALL: [Preset; 4] = [
        Preset::Sandbox,
        Preset::HiveMqCloud,
        Preset::HiveMqPublic,
        Preset::LocalMosquitto,
    ];

    /// A stable identifier for menus and storage.
    pub fn id(self) -> &'static str {
        match self {
            Preset::Sandbox => "sandbox",
            Preset::HiveMqCloud => "hivemq-cloud",
            Preset::HiveMqPublic => "hivemq-public",
            Preset::LocalMosquitto => "local-mosquitto",
        }
    }

    /// The preset for an [`id`](Preset::id).
    pub fn from_id(id: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.id() == id)
    }

    /// The product name (the same in every language).
    pub fn name(self) -> &'static str {
        match self {
            Preset::Sandbox => "Sandbox",
            Preset::HiveMqCloud => "HiveMQ Cloud",
            Preset::HiveMqPublic => "HiveMQ public broker",
            Preset::LocalMosquitto => "Local Mosquitto",
        }
    }

    /// The fixed URL; `None` for HiveMQ Cloud, whose URL is built from the
    /// cluster host with [`hivemq_cloud_url`].
    pub fn url(self) -> Option<&'static str> {
        match self {
            Preset::Sandbox => Some(SANDBOX_URL),
            Preset::HiveMqCloud => None,
            Preset::HiveMqPublic => Some(HIVEMQ_PUBLIC_URL),
            Preset::LocalMosquitto => Some(LOCAL_MOSQUITTO_URL),
        }
    }

    /// Whether the broker refuses connections without user name and password.
    pub fn requires_credentials(self) -> bool {
        self == Preset::HiveMqCloud
    }

    /// A profile for this preset. For HiveMQ Cloud the URL is left empty
    /// until the cluster host is known.
    pub fn profile(self, client_id: impl Into<String>) -> Profile {
        Profile::new(self.name(), self.url().unwrap_or(""), client_id)
    }
}

/// The HiveMQ Cloud URL for a cluster host: `wss://<host>:8884/mqtt`.
///
/// Takes what people paste: a bare host (`abcd1234.s1.eu.hivemq.cloud`), a
/// host with the MQTT port from the cluster overview (`…:8883`), or a whole
/// URL with any scheme. Whatever port and path came with it, HiveMQ Cloud's
/// WebSocket listener is always port 8884, path `/mqtt`, over TLS.
pub fn hivemq_cloud_url(host_input: &str) -> Result<BrokerUrl, UrlError> {
    let s = host_input.trim();
    if s.is_empty() {
        return Err(UrlError::Empty);
    }
    if s.chars().any(char::is_whitespace) {
        return Err(UrlError::ContainsWhitespace);
    }
    let rest = s.split_once("://").map_or(s, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Err(UrlError::ContainsCredentials);
    }
    let (host, _port) = split_host_port(authority)?;
    Ok(BrokerUrl {
        sandbox: false,
        secure: true,
        host,
        port: HIVEMQ_CLOUD_WSS_PORT,
        path: HIVEMQ_CLOUD_PATH.to_string(),
    })
}

/// Why profiles could not be imported (or loaded from storage).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON at all; where the parser stopped.
    NotJson {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
    /// JSON, but neither an export file, a list of profiles nor a profile.
    WrongShape,
    /// An export file from a newer MQTT Lab.
    UnsupportedVersion(u64),
    /// The file holds no profiles.
    NoProfiles,
    /// Profile number `index` (from 0) has a field of the wrong type.
    InvalidProfile {
        /// Position in the file, from 0.
        index: usize,
        /// The JSON parser's message (English, technical).
        detail: String,
    },
    /// Profile number `index` has no name.
    MissingName {
        /// Position in the file, from 0.
        index: usize,
    },
    /// Two profiles in the file share a name.
    DuplicateName(String),
    /// A profile's broker URL is invalid.
    InvalidUrl {
        /// The profile's name.
        name: String,
        /// What is wrong.
        error: UrlError,
    },
}

impl core::fmt::Display for ImportError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&crate::i18n::import_error(crate::i18n::Lang::En, self))
    }
}

impl std::error::Error for ImportError {}

/// The `format` field of an export file.
pub const EXPORT_FORMAT: &str = "mqtt-lab-profiles";
/// The export format version this build writes and reads.
pub const EXPORT_VERSION: u64 = 1;

#[derive(Serialize)]
struct ExportFile<'a> {
    format: &'static str,
    version: u64,
    profiles: &'a [Profile],
}

/// The saved profiles, in the order the user sees them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileStore {
    profiles: Vec<Profile>,
}

impl ProfileStore {
    /// The localStorage key the profiles live under.
    pub const STORAGE_KEY: &'static str = "mqtt-lab.profiles";

    /// The profiles, in order.
    pub fn profiles(&self) -> &[Profile] {
        &self.profiles
    }

    /// The profile called `name`.
    pub fn get(&self, name: &str) -> Option<&Profile> {
        let name = name.trim();
        self.profiles.iter().find(|p| p.name.trim() == name)
    }

    /// Saves `profile` under its name, replacing one of the same name in
    /// place; returns whether one was replaced. The password is dropped
    /// unless remembered.
    pub fn upsert(&mut self, profile: Profile) -> bool {
        let profile = profile.for_storage();
        let name = profile.name.trim().to_string();
        match self.profiles.iter_mut().find(|p| p.name.trim() == name) {
            Some(existing) => {
                *existing = profile;
                true
            }
            None => {
                self.profiles.push(profile);
                false
            }
        }
    }

    /// Deletes the profile called `name`; returns whether there was one.
    pub fn delete(&mut self, name: &str) -> bool {
        let before = self.profiles.len();
        let name = name.trim();
        self.profiles.retain(|p| p.name.trim() != name);
        self.profiles.len() != before
    }

    /// Upserts every profile (an import); returns how many were new.
    pub fn merge(&mut self, profiles: Vec<Profile>) -> usize {
        profiles
            .into_iter()
            .filter(|p| !self.upsert(p.clone()))
            .count()
    }

    /// The JSON kept in localStorage. Passwords only where remembered.
    pub fn to_storage_json(&self) -> String {
        serde_json::to_string(&self.export_file()).unwrap_or_else(|_| "{}".to_string())
    }

    /// The store saved by [`to_storage_json`](Self::to_storage_json).
    /// Lenient: profiles with invalid URLs load (the form shows the error).
    pub fn from_storage_json(json: &str) -> Result<ProfileStore, ImportError> {
        let mut store = ProfileStore::default();
        for p in parse_profiles(json)? {
            if !p.name.trim().is_empty() {
                store.upsert(p);
            }
        }
        Ok(store)
    }

    /// A pretty-printed export file. Passwords only where remembered.
    pub fn export_json(&self) -> String {
        serde_json::to_string_pretty(&self.export_file()).unwrap_or_else(|_| "{}".to_string())
    }

    /// Reads an export file, a JSON list of profiles or one profile, and
    /// checks every profile: a name, no duplicate names, a valid URL.
    /// Passwords come in only where remembered.
    pub fn import_json(json: &str) -> Result<Vec<Profile>, ImportError> {
        let profiles = parse_profiles(json)?;
        if profiles.is_empty() {
            return Err(ImportError::NoProfiles);
        }
        for (index, p) in profiles.iter().enumerate() {
            let name = p.name.trim();
            if name.is_empty() {
                return Err(ImportError::MissingName { index });
            }
            if profiles[..index].iter().any(|q| q.name.trim() == name) {
                return Err(ImportError::DuplicateName(name.to_string()));
            }
            if let Err(error) = p.broker_url() {
                return Err(ImportError::InvalidUrl {
                    name: name.to_string(),
                    error,
                });
            }
        }
        Ok(profiles)
    }

    fn export_file(&self) -> ExportFile<'_> {
        ExportFile {
            format: EXPORT_FORMAT,
            version: EXPORT_VERSION,
            profiles: &self.profiles,
        }
    }
}

fn parse_profiles(json: &str) -> Result<Vec<Profile>, ImportError> {
    use serde_json::Value;
    let value: Value = serde_json::from_str(json).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let items = match value {
        Value::Array(items) => items,
        Value::Object(mut obj) if obj.contains_key("profiles") => {
            match obj.get("format") {
                None => {}
                Some(Value::String(f)) if f == EXPORT_FORMAT => {}
                Some(_) => return Err(ImportError::WrongShape),
            }
            match obj.get("version") {
                None => {}
                Some(v) => match v.as_u64() {
                    Some(n) if n <= EXPORT_VERSION => {}
                    Some(n) => return Err(ImportError::UnsupportedVersion(n)),
                    None => return Err(ImportError::WrongShape),
                },
            }
            match obj.remove("profiles") {
                Some(Value::Array(items)) => items,
                _ => return Err(ImportError::WrongShape),
            }
        }
        Value::Object(obj) if obj.contains_key("name") && obj.contains_key("url") => {
            vec![Value::Object(obj)]
        }
        _ => return Err(ImportError::WrongShape),
    };
    items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            if !item.is_object() {
                return Err(ImportError::InvalidProfile {
                    index,
                    detail: "not a JSON object".to_string(),
                });
            }
            serde_json::from_value::<Profile>(item).map_err(|e| ImportError::InvalidProfile {
                index,
                detail: e.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::codec::ProtocolVersion;

    fn cloud_profile(remember: bool) -> Profile {
        Profile {
            username: "board-1".into(),
            password: Some("s3cret-pass".into()),
            remember_password: remember,
            ..Profile::new(
                "Cloud",
                "wss://abcd1234.s1.eu.hivemq.cloud:8884/mqtt",
                "mqttlab-abcdefgh",
            )
        }
    }

    #[test]
    fn presets() {
        assert_eq!(
            Preset::HiveMqPublic.url(),
            Some("wss://broker.hivemq.com:8884/mqtt")
        );
        assert_eq!(Preset::LocalMosquitto.url(), Some("ws://127.0.0.1:9001"));
        assert_eq!(Preset::Sandbox.url(), Some("sandbox://in-browser"));
        assert!(BrokerUrl::parse(SANDBOX_URL).unwrap().sandbox);
        assert_eq!(Preset::ALL[0], Preset::Sandbox, "first in the menu");
        assert_eq!(Preset::HiveMqCloud.url(), None);
        assert!(Preset::HiveMqCloud.requires_credentials());
        assert!(!Preset::HiveMqPublic.requires_credentials());
        for p in Preset::ALL {
            assert_eq!(Preset::from_id(p.id()), Some(p));
            if let Some(url) = p.url() {
                assert!(BrokerUrl::parse(url).is_ok());
            }
        }
        let prof = Preset::LocalMosquitto.profile("mqttlab-12345678");
        assert_eq!(prof.url, LOCAL_MOSQUITTO_URL);
        assert_eq!(prof.client_id, "mqttlab-12345678");
        assert_eq!(prof.name, "Local Mosquitto");
    }

    #[test]
    fn hivemq_cloud_urls_from_what_people_paste() {
        let want = "wss://abcd1234.s1.eu.hivemq.cloud:8884/mqtt";
        for input in [
            "abcd1234.s1.eu.hivemq.cloud",
            "  ABCD1234.s1.eu.hivemq.cloud\n",
            "abcd1234.s1.eu.hivemq.cloud:8883",
            "wss://abcd1234.s1.eu.hivemq.cloud:8884/mqtt",
            "mqtts://abcd1234.s1.eu.hivemq.cloud:8883",
            "https://abcd1234.s1.eu.hivemq.cloud/",
            "abcd1234.s1.eu.hivemq.cloud/mqtt",
        ] {
            let url = hivemq_cloud_url(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
            assert_eq!(url.to_string(), want, "{input}");
        }
        assert_eq!(hivemq_cloud_url(" "), Err(UrlError::Empty));
        assert_eq!(
            hivemq_cloud_url("a b.hivemq.cloud"),
            Err(UrlError::ContainsWhitespace)
        );
        assert_eq!(
            hivemq_cloud_url("user:pw@abcd.s1.eu.hivemq.cloud"),
            Err(UrlError::ContainsCredentials)
        );
        assert_eq!(hivemq_cloud_url("wss://:8884"), Err(UrlError::MissingHost));
        assert!(matches!(
            hivemq_cloud_url("ab$cd.hivemq.cloud"),
            Err(UrlError::InvalidHost(_))
        ));
    }

    #[test]
    fn connect_options_from_a_profile() {
        let mut p = cloud_profile(false);
        p.keep_alive = 30;
        p.session_expiry = 3600;
        p.will = Some(Will {
            topic: "lab/status".into(),
            payload: "offline".into(),
            qos: 1,
            retain: true,
            will_delay: 5,
        });
        let o = p.to_connect_options(None).unwrap();
        assert_eq!(o.version, ProtocolVersion::V5);
        assert_eq!(o.client_id, "mqttlab-abcdefgh");
        assert_eq!(o.keep_alive, 30);
        assert_eq!(o.session_expiry_interval, 3600);
        assert_eq!(o.username.as_deref(), Some("board-1"));
        assert_eq!(o.password.as_deref(), Some(&b"s3cret-pass"[..]));
        assert_eq!(o.connect_timeout, Duration::from_secs(30));
        let will = o.will.unwrap();
        assert_eq!(
            (will.topic.as_str(), &will.payload[..]),
            ("lab/status", &b"offline"[..])
        );
        assert_eq!((will.qos, will.retain), (QoS::AtLeastOnce, true));
        assert_eq!(
            will.properties.integer(PropertyId::WillDelayInterval),
            Some(5)
        );

        // The form's password wins; an empty one sends none.
        let o = p.to_connect_options(Some("typed")).unwrap();
        assert_eq!(o.password.as_deref(), Some(&b"typed"[..]));
        assert_eq!(p.to_connect_options(Some("")).unwrap().password, None);

        // 3.1.1 drops 5.0-only settings.
        p.version = MqttVersion::V311;
        let o = p.to_connect_options(None).unwrap();
        assert_eq!(o.version, ProtocolVersion::V311);
        assert_eq!(o.session_expiry_interval, 0);
        assert!(o.will.unwrap().properties.is_empty());
    }

    #[test]
    fn profile_errors() {
        let base = Profile::new("x", LOCAL_MOSQUITTO_URL, "");
        let with = |f: &dyn Fn(&mut Profile)| {
            let mut p = base.clone();
            f(&mut p);
            p.to_connect_options(None)
        };
        assert!(
            with(&|_| {}).is_ok(),
            "5.0 may leave the client ID to the broker"
        );
        assert_eq!(
            with(&|p| p.keep_alive = 65_536),
            Err(ProfileError::KeepAliveTooLarge(65_536))
        );
        assert!(with(&|p| p.keep_alive = 65_535).is_ok());
        assert_eq!(
            with(&|p| p.connect_timeout_secs = 0),
            Err(ProfileError::ConnectTimeoutOutOfRange(0))
        );
        assert_eq!(
            with(&|p| p.connect_timeout_secs = 601),
            Err(ProfileError::ConnectTimeoutOutOfRange(601))
        );
        assert_eq!(
            with(&|p| {
                p.version = MqttVersion::V311;
                p.clean_start = false;
            }),
            Err(ProfileError::EmptyClientIdNeedsCleanSession)
        );
        assert_eq!(
            with(&|p| {
                p.version = MqttVersion::V311;
                p.password = Some("pw".into());
            }),
            Err(ProfileError::PasswordWithoutUsername)
        );
        assert_eq!(
            with(&|p| p.client_id = "a\0b".into()),
            Err(ProfileError::NullCharacter(ProfileField::ClientId))
        );
        assert_eq!(
            with(&|p| p.username = "u".repeat(70_000)),
            Err(ProfileError::TooLong {
                field: ProfileField::Username,
                len: 70_000
            })
        );
        let will = |topic: &str, qos: u8| {
            with(&|p| {
                p.will = Some(Will {
                    topic: topic.into(),
                    qos,
                    ..Will::default()
                })
            })
        };
        assert_eq!(
            will("lab/+/status", 0),
            Err(ProfileError::WillTopic(TopicError::WildcardInTopicName {
                wildcard: '+',
                level: 2
            }))
        );
        assert_eq!(will("", 0), Err(ProfileError::WillTopic(TopicError::Empty)));
        assert_eq!(will("lab/status", 3), Err(ProfileError::WillQos(3)));
        assert!(will("lab/status", 2).is_ok());
    }

    #[test]
    fn passwords_are_never_stored_unless_remembered() {
        let mut store = ProfileStore::default();
        store.upsert(cloud_profile(false));
        let mut remembered = cloud_profile(true);
        remembered.name = "Remembered".into();
        remembered.password = Some("keep-me".into());
        store.upsert(remembered);

        assert_eq!(store.get("Cloud").unwrap().password, None);
        for json in [store.to_storage_json(), store.export_json()] {
            assert!(!json.contains("s3cret-pass"), "{json}");
            assert!(json.contains("keep-me"), "{json}");
        }
        // Even serialising a profile directly drops it.
        let direct = serde_json::to_string(&cloud_profile(false)).unwrap();
        assert!(
            !direct.contains("s3cret-pass") && !direct.contains("\"password\""),
            "{direct}"
        );
        // And a file that carries one for a profile that does not remember
        // it does not bring it in.
        let sneaky = r#"[{"name":"S","url":"ws://127.0.0.1:9001","password":"leak","remember_password":false}]"#;
        assert_eq!(ProfileStore::import_json(sneaky).unwrap()[0].password, None);
    }

    #[test]
    fn storage_and_export_round_trip() {
        let mut store = ProfileStore::default();
        let mut a = cloud_profile(true);
        a.version = MqttVersion::V311;
        a.will = Some(Will {
            topic: "t".into(),
            payload: "bye".into(),
            qos: 2,
            retain: false,
            will_delay: 0,
        });
        store.upsert(a);
        store.upsert(Preset::LocalMosquitto.profile("mqttlab-00000000"));
        assert_eq!(
            ProfileStore::from_storage_json(&store.to_storage_json()),
            Ok(store.clone())
        );
        let imported = ProfileStore::import_json(&store.export_json()).unwrap();
        assert_eq!(imported, store.profiles());
        assert!(store.export_json().contains("\"3.1.1\""));
        assert!(store.export_json().contains(EXPORT_FORMAT));
    }

    #[test]
    fn upsert_and_delete_by_name() {
        let mut store = ProfileStore::default();
        assert!(!store.upsert(Profile::new("A", "ws://a", "")));
        assert!(!store.upsert(Profile::new("B", "ws://b", "")));
        assert!(store.upsert(Profile::new(" A ", "ws://a2", "")));
        assert_eq!(store.profiles().len(), 2);
        assert_eq!(store.profiles()[0].url, "ws://a2", "replaced in place");
        assert!(store.delete("A"));
        assert!(!store.delete("A"));
        assert_eq!(store.profiles().len(), 1);
        let new = store.merge(vec![
            Profile::new("B", "ws://b2", ""),
            Profile::new("C", "ws://c", ""),
        ]);
        assert_eq!(new, 1);
        assert_eq!(store.get("B").unwrap().url, "ws://b2");
    }

    #[test]
    fn import_accepts_three_shapes_and_fills_defaults() {
        let one = r#"{"name":"Solo","url":"ws://127.0.0.1:9001"}"#;
        let p = &ProfileStore::import_json(one).unwrap()[0];
        assert_eq!(p.keep_alive, 60);
        assert_eq!(p.version, MqttVersion::V5);
        assert!(p.clean_start);
        let list =
            r#"[{"name":"A","url":"ws://a","version":"3.1.1"},{"name":"B","url":"wss://b"}]"#;
        let ps = ProfileStore::import_json(list).unwrap();
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].version, MqttVersion::V311);
        let file = r#"{"profiles":[{"name":"A","url":"ws://a"}]}"#;
        assert_eq!(ProfileStore::import_json(file).unwrap().len(), 1);
    }

    #[test]
    fn import_errors_are_specific() {
        use ImportError::*;
        let imp = ProfileStore::import_json;
        assert_eq!(imp("{\n  nope"), Err(NotJson { line: 2, column: 3 }));
        assert_eq!(imp("42"), Err(WrongShape));
        assert_eq!(imp(r#"{"hello":1}"#), Err(WrongShape));
        assert_eq!(imp(r#"{"format":"other","profiles":[]}"#), Err(WrongShape));
        assert_eq!(imp(r#"{"profiles":{}}"#), Err(WrongShape));
        assert_eq!(
            imp(r#"{"format":"mqtt-lab-profiles","version":2,"profiles":[]}"#),
            Err(UnsupportedVersion(2))
        );
        assert_eq!(imp("[]"), Err(NoProfiles));
        assert!(matches!(
            imp(r#"[1]"#),
            Err(InvalidProfile { index: 0, .. })
        ));
        match imp(r#"[{"name":"A","url":"ws://a"},{"name":"B","url":"ws://b","keep_alive":"x"}]"#) {
            Err(InvalidProfile { index: 1, detail }) => {
                assert!(detail.contains("invalid type"), "{detail}")
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            imp(r#"[{"name":"A","url":"ws://a","version":"4.0"}]"#),
            Err(InvalidProfile { .. })
        ));
        assert_eq!(
            imp(r#"[{"name":"  ","url":"ws://a"}]"#),
            Err(MissingName { index: 0 })
        );
        assert_eq!(
            imp(r#"[{"name":"A","url":"ws://a"},{"name":"A ","url":"ws://b"}]"#),
            Err(DuplicateName("A".into()))
        );
        assert_eq!(
            imp(r#"[{"name":"A","url":"mqtt://a:1883"}]"#),
            Err(InvalidUrl {
                name: "A".into(),
                error: UrlError::UnsupportedScheme("mqtt".into())
            })
        );
    }

    #[test]
    fn mqtt_version_names() {
        for v in MqttVersion::ALL {
            assert_eq!(MqttVersion::parse(v.as_str()), Some(v));
        }
        assert_eq!(MqttVersion::parse("4"), Some(MqttVersion::V311));
        assert_eq!(MqttVersion::parse("6"), None);
    }
}
