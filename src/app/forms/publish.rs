//! The publish form: topic, payload, QoS, retain and the MQTT 5.0 PUBLISH
//! properties.

use std::rc::Rc;

use crate::protocol::codec::{Properties, PropertyId, PropertyValue, QoS};
use crate::protocol::session::OutgoingPublish;
use crate::protocol::topic::{self, TopicError};

use super::{parse_number, NumberError};

/// The publish form's contents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PublishDraft {
    /// Topic name.
    pub topic: String,
    /// Payload, sent as UTF-8.
    pub payload: String,
    /// QoS.
    pub qos: QoS,
    /// Retain.
    pub retain: bool,
    /// Content Type (5.0).
    pub content_type: String,
    /// Payload Format Indicator: the payload is UTF-8 text (5.0).
    pub payload_is_utf8: bool,
    /// Message Expiry Interval, seconds; empty for none (5.0).
    pub message_expiry: String,
    /// Response Topic (5.0).
    pub response_topic: String,
    /// Correlation Data, as text (5.0).
    pub correlation_data: String,
    /// User Properties, name and value (5.0).
    pub user_properties: Vec<(String, String)>,
    /// Publish was pressed since the topic last changed.
    pub submitted: bool,
}

/// A text field of the publish form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PublishField {
    /// Topic.
    Topic,
    /// Payload.
    Payload,
    /// Content Type.
    ContentType,
    /// Message Expiry Interval.
    MessageExpiry,
    /// Response Topic.
    ResponseTopic,
    /// Correlation Data.
    CorrelationData,
}

/// Something the user did in the publish form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PublishAction {
    /// Typed into a field.
    Text(PublishField, String),
    /// Chose a QoS.
    Qos(QoS),
    /// Retain.
    Retain(bool),
    /// Payload Format Indicator.
    PayloadIsUtf8(bool),
    /// Adds an empty user property row.
    AddUserProperty,
    /// Edits user property `index`: name and value.
    UserProperty(usize, String, String),
    /// Removes user property `index`.
    RemoveUserProperty(usize),
    /// Pressed Publish.
    Submitted,
}

/// Why the form cannot be published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PublishError {
    /// The topic breaks a rule.
    Topic(TopicError),
    /// The response topic breaks a rule.
    ResponseTopic(TopicError),
    /// The message expiry is not a number in range.
    MessageExpiry(NumberError),
}

impl PublishDraft {
    /// Applies one action.
    pub fn apply(&mut self, action: PublishAction) {
        match action {
            PublishAction::Text(field, text) => match field {
                PublishField::Topic => {
                    self.topic = text;
                    self.submitted = false;
                }
                PublishField::Payload => self.payload = text,
                PublishField::ContentType => self.content_type = text,
                PublishField::MessageExpiry => self.message_expiry = text,
                PublishField::ResponseTopic => self.response_topic = text,
                PublishField::CorrelationData => self.correlation_data = text,
            },
            PublishAction::Qos(q) => self.qos = q,
            PublishAction::Retain(on) => self.retain = on,
            PublishAction::PayloadIsUtf8(on) => self.payload_is_utf8 = on,
            PublishAction::AddUserProperty => self.user_properties.push(Default::default()),
            PublishAction::UserProperty(i, name, value) => {
                if let Some(p) = self.user_properties.get_mut(i) {
                    *p = (name, value);
                }
            }
            PublishAction::RemoveUserProperty(i) => {
                if i < self.user_properties.len() {
                    self.user_properties.remove(i);
                }
            }
            PublishAction::Submitted => self.submitted = true,
        }
    }

    /// The message to publish. The 5.0 properties are added only when
    /// `v5`: a 3.1.1 PUBLISH has none.
    pub fn to_outgoing(&self, v5: bool) -> Result<OutgoingPublish, PublishError> {
        topic::validate_topic_name(&self.topic).map_err(PublishError::Topic)?;
        let mut properties = Properties::new();
        if v5 {
            if self.payload_is_utf8 {
                properties.set(
                    PropertyId::PayloadFormatIndicator,
                    PropertyValue::Integer(1),
                );
            }
            if !self.message_expiry.trim().is_empty() {
                let secs = parse_number(&self.message_expiry, 0, u32::MAX)
                    .map_err(PublishError::MessageExpiry)?;
                properties.set(
                    PropertyId::MessageExpiryInterval,
                    PropertyValue::Integer(secs),
                );
            }
            let content_type = self.content_type.trim();
            if !content_type.is_empty() {
                properties.set(
                    PropertyId::ContentType,
                    PropertyValue::String(content_type.to_string()),
                );
            }
            let response_topic = self.response_topic.trim();
            if !response_topic.is_empty() {
                topic::validate_topic_name(response_topic).map_err(PublishError::ResponseTopic)?;
                properties.set(
                    PropertyId::ResponseTopic,
                    PropertyValue::String(response_topic.to_string()),
                );
            }
            if !self.correlation_data.is_empty() {
                properties.set(
                    PropertyId::CorrelationData,
                    PropertyValue::Binary(self.correlation_data.as_bytes().to_vec()),
                );
            }
            for (name, value) in &self.user_properties {
                if name.is_empty() && value.is_empty() {
                    continue;
                }
                properties.0.push(crate::protocol::codec::Property {
                    id: PropertyId::UserProperty,
                    value: PropertyValue::Pair(name.clone(), value.clone()),
                });
            }
        }
        Ok(
            OutgoingPublish::new(self.topic.clone(), self.payload.as_bytes().to_vec())
                .qos(self.qos)
                .retain(self.retain)
                .properties(properties),
        )
    }

    /// The topic rule broken, to show now: as soon as something is typed,
    /// and for an empty topic once Publish was pressed.
    pub fn topic_error(&self) -> Option<TopicError> {
        if self.topic.is_empty() && !self.submitted {
            return None;
        }
        topic::validate_topic_name(&self.topic).err()
    }

    /// What is wrong with the 5.0 properties, if anything.
    pub fn properties_error(&self) -> Option<PublishError> {
        match self.to_outgoing(true) {
            Err(e @ (PublishError::ResponseTopic(_) | PublishError::MessageExpiry(_))) => Some(e),
            _ => None,
        }
    }
}

impl yew::Reducible for PublishDraft {
    type Action = PublishAction;

    fn reduce(self: Rc<Self>, action: PublishAction) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(topic: &str) -> PublishDraft {
        let mut d = PublishDraft::default();
        d.apply(PublishAction::Text(PublishField::Topic, topic.into()));
        d
    }

    #[test]
    fn topic_rules() {
        let mut d = draft("");
        assert_eq!(d.topic_error(), None, "untouched");
        d.apply(PublishAction::Submitted);
        assert_eq!(d.topic_error(), Some(TopicError::Empty));
        assert_eq!(
            d.to_outgoing(true),
            Err(PublishError::Topic(TopicError::Empty))
        );
        let d = draft("lab/+/x");
        assert_eq!(
            d.topic_error(),
            Some(TopicError::WildcardInTopicName {
                wildcard: '+',
                level: 2
            })
        );
        assert!(draft("lab/#").topic_error().is_some());
        assert_eq!(draft("lab/led").topic_error(), None);
    }

    #[test]
    fn a_plain_message() {
        let mut d = draft("lab/led");
        d.apply(PublishAction::Text(PublishField::Payload, "on".into()));
        d.apply(PublishAction::Qos(QoS::AtLeastOnce));
        d.apply(PublishAction::Retain(true));
        let m = d.to_outgoing(true).unwrap();
        assert_eq!((m.topic.as_str(), &m.payload[..]), ("lab/led", &b"on"[..]));
        assert_eq!((m.qos, m.retain), (QoS::AtLeastOnce, true));
        assert!(m.properties.is_empty());
    }

    #[test]
    fn mqtt5_properties() {
        let mut d = draft("lab/req");
        d.apply(PublishAction::Text(
            PublishField::ContentType,
            "application/json".into(),
        ));
        d.apply(PublishAction::PayloadIsUtf8(true));
        d.apply(PublishAction::Text(
            PublishField::MessageExpiry,
            "60".into(),
        ));
        d.apply(PublishAction::Text(
            PublishField::ResponseTopic,
            "lab/resp".into(),
        ));
        d.apply(PublishAction::Text(
            PublishField::CorrelationData,
            "42".into(),
        ));
        d.apply(PublishAction::AddUserProperty);
        d.apply(PublishAction::AddUserProperty);
        d.apply(PublishAction::UserProperty(0, "unit".into(), "C".into()));
        let m = d.to_outgoing(true).unwrap();
        let p = &m.properties;
        assert_eq!(p.string(PropertyId::ContentType), Some("application/json"));
        assert_eq!(p.integer(PropertyId::PayloadFormatIndicator), Some(1));
        assert_eq!(p.integer(PropertyId::MessageExpiryInterval), Some(60));
        assert_eq!(p.string(PropertyId::ResponseTopic), Some("lab/resp"));
        assert_eq!(p.binary(PropertyId::CorrelationData), Some(&b"42"[..]));
        assert_eq!(
            p.user_properties().collect::<Vec<_>>(),
            vec![("unit", "C")],
            "the empty row is skipped"
        );
        assert!(d.to_outgoing(false).unwrap().properties.is_empty());

        d.apply(PublishAction::RemoveUserProperty(0));
        assert_eq!(d.user_properties.len(), 1);
        d.apply(PublishAction::Text(
            PublishField::MessageExpiry,
            "-1".into(),
        ));
        assert!(matches!(
            d.properties_error(),
            Some(PublishError::MessageExpiry(_))
        ));
        d.apply(PublishAction::Text(PublishField::MessageExpiry, "".into()));
        d.apply(PublishAction::Text(
            PublishField::ResponseTopic,
            "lab/#".into(),
        ));
        assert!(matches!(
            d.properties_error(),
            Some(PublishError::ResponseTopic(_))
        ));
    }
}
