//! Where the lessons' clients connect: the broker the learner's own client
//! is connected to (same address, same login), or the sandbox broker in
//! the page when there is none. One [`LabTarget`] gives every lesson
//! client its CONNECT options and every "Show code" its parameters.

use std::fmt;

use crate::app::learn::code::{CodeTarget, WillSpec};
use crate::app::model::BrokerUrl;
use crate::protocol::codec::{LastWill, Properties, ProtocolVersion, QoS};
use crate::protocol::session::ConnectOptions;

/// The broker and login the lessons use.
#[derive(Clone, PartialEq, Eq)]
pub struct LabTarget {
    /// The broker.
    pub url: BrokerUrl,
    /// User Name, if the learner's connection has one.
    pub username: Option<String>,
    /// Password, in memory only (never stored, never shown, never in code
    /// snippets).
    pub password: Option<String>,
    /// The version the learner's connection uses (5.0 on the sandbox).
    pub version: ProtocolVersion,
}

impl fmt::Debug for LabTarget {
    // By hand, so a password never reaches a log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LabTarget")
            .field("url", &self.url.to_string())
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "<hidden>"))
            .field("version", &self.version)
            .finish()
    }
}

impl Default for LabTarget {
    fn default() -> Self {
        LabTarget::sandbox()
    }
}

/// How one lesson client connects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientSpec {
    /// Client Identifier.
    pub client_id: String,
    /// Keep Alive, seconds.
    pub keep_alive: u16,
    /// The Last Will, if any.
    pub will: Option<WillSpec>,
}

impl ClientSpec {
    /// A client with this id, a 30 s keep alive and no will.
    pub fn new(client_id: impl Into<String>) -> Self {
        ClientSpec {
            client_id: client_id.into(),
            keep_alive: 30,
            will: None,
        }
    }
}

impl LabTarget {
    /// The sandbox broker, MQTT 5.0, no login.
    pub fn sandbox() -> Self {
        LabTarget {
            url: BrokerUrl::sandbox(),
            username: None,
            password: None,
            version: ProtocolVersion::V5,
        }
    }

    /// Whether this is the sandbox in the page.
    pub fn is_sandbox(&self) -> bool {
        self.url.sandbox
    }

    /// The CONNECT options for a lesson client: a clean session that ends
    /// with the connection, so lessons leave nothing behind on the broker.
    pub fn connect_options(&self, spec: &ClientSpec) -> ConnectOptions {
        ConnectOptions {
            version: self.version,
            client_id: spec.client_id.clone(),
            clean_start: true,
            keep_alive: spec.keep_alive,
            username: self.username.clone(),
            password: self.password.as_ref().map(|p| p.as_bytes().to_vec()),
            will: spec.will.as_ref().map(|w| LastWill {
                topic: w.topic.clone(),
                payload: w.payload.as_bytes().to_vec(),
                qos: w.qos,
                retain: w.retain,
                properties: Properties::new(),
            }),
            ..ConnectOptions::default()
        }
    }

    /// The parameters for "Show code" (the password stays out).
    pub fn code_target(&self, spec: &ClientSpec) -> CodeTarget {
        CodeTarget {
            url: self.url.clone(),
            client_id: spec.client_id.clone(),
            username: self.username.clone(),
            version: self.version,
            keep_alive: spec.keep_alive,
            clean_start: true,
            will: spec.will.clone(),
        }
    }
}

/// A will in the shape both [`ClientSpec`] and the code generator use.
pub fn will(topic: &str, payload: &str, qos: QoS, retain: bool) -> WillSpec {
    WillSpec {
        topic: topic.to_string(),
        payload: payload.to_string(),
        qos,
        retain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sandbox_is_the_default() {
        let t = LabTarget::default();
        assert!(t.is_sandbox());
        assert_eq!(t.version, ProtocolVersion::V5);
    }

    #[test]
    fn options_carry_the_login_spec_and_will() {
        let t = LabTarget {
            url: BrokerUrl::parse("wss://abc.s1.eu.hivemq.cloud:8884/mqtt").expect("valid"),
            username: Some("kim".into()),
            password: Some("secret".into()),
            version: ProtocolVersion::V311,
        };
        let mut spec = ClientSpec::new("lab-x-board");
        spec.keep_alive = 4;
        spec.will = Some(will("p/board/status", "offline", QoS::AtLeastOnce, true));
        let o = t.connect_options(&spec);
        assert_eq!(o.version, ProtocolVersion::V311);
        assert_eq!(o.client_id, "lab-x-board");
        assert_eq!(o.keep_alive, 4);
        assert!(o.clean_start);
        assert_eq!(o.username.as_deref(), Some("kim"));
        assert_eq!(o.password.as_deref(), Some(&b"secret"[..]));
        let w = o.will.expect("will");
        assert_eq!(
            (w.topic.as_str(), &w.payload[..]),
            ("p/board/status", &b"offline"[..])
        );
        assert!(w.retain);
        let code = t.code_target(&spec);
        assert_eq!(code.username.as_deref(), Some("kim"));
        assert_eq!(code.keep_alive, 4);
    }

    #[test]
    fn the_password_never_shows_in_debug_output() {
        let t = LabTarget {
            password: Some("hunter2".into()),
            ..LabTarget::sandbox()
        };
        assert!(!format!("{t:?}").contains("hunter2"));
    }
}
