//! MQTT 5 properties, driven by one table (spec 2.2.2.2, table 2-4).
//!
//! Each identifier has a name, a value type and the packets that may carry
//! it. Decoding, encoding, validation and the packet inspector's labels all
//! read [`PropertyId::info`]; nothing else knows about individual properties
//! except the typed getters below, which are conveniences over the list.

use super::PacketType;

/// Where a property list sits: a packet, or the will inside CONNECT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PropertyContext {
    /// The variable header of a packet of this type.
    Packet(PacketType),
    /// The Will Properties in the CONNECT payload.
    Will,
}

impl PropertyContext {
    const fn bit(self) -> u16 {
        match self {
            PropertyContext::Will => 1,
            PropertyContext::Packet(t) => 1 << (t as u16),
        }
    }
}

/// The wire type of a property's value (spec 1.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueType {
    /// One byte.
    Byte,
    /// Two Byte Integer, big-endian.
    TwoByteInteger,
    /// Four Byte Integer, big-endian.
    FourByteInteger,
    /// Variable Byte Integer.
    VariableByteInteger,
    /// UTF-8 Encoded String.
    Utf8String,
    /// Binary Data.
    BinaryData,
    /// UTF-8 String Pair.
    Utf8StringPair,
}

/// What the table knows about one property.
#[derive(Clone, Copy, Debug)]
pub struct PropertyInfo {
    /// The identifier.
    pub id: PropertyId,
    /// The spec's name.
    pub name: &'static str,
    /// The value's wire type.
    pub value_type: ValueType,
    /// Bit set of [`PropertyContext`]s that may carry it.
    contexts: u16,
    /// May appear more than once in some list; see
    /// [`PropertyInfo::repeatable_in`] for a given one.
    pub repeatable: bool,
    /// For byte properties that are booleans: only 0 and 1 are valid.
    boolean: bool,
    /// 0 is a protocol error for this property.
    nonzero: bool,
}

impl PropertyInfo {
    /// Whether a property list in `ctx` may carry this property.
    pub fn allowed_in(&self, ctx: PropertyContext) -> bool {
        self.contexts & ctx.bit() != 0
    }

    /// Whether this property may appear more than once in a list in `ctx`.
    /// Subscription Identifier repeats in PUBLISH (spec 3.3.2.3.8) but may
    /// appear only once in SUBSCRIBE (3.8.2.1.2).
    pub fn repeatable_in(&self, ctx: PropertyContext) -> bool {
        self.repeatable
            && (!matches!(self.id, PropertyId::SubscriptionIdentifier)
                || ctx == PropertyContext::Packet(PacketType::Publish))
    }

    /// Whether `value` is legal for an integer property.
    pub fn value_is_valid(&self, value: u32) -> bool {
        !(self.boolean && value > 1 || self.nonzero && value == 0)
    }
}

macro_rules! property_table {
    ($($variant:ident = $id:literal, $name:literal, $ty:ident, [$($ctx:expr),*], $rep:literal, $flags:ident;)*) => {
        /// A property identifier.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum PropertyId {
            $(#[doc = $name] $variant = $id,)*
        }

        impl PropertyId {
            /// Every property, in identifier order.
            pub const ALL: &'static [PropertyId] = &[$(PropertyId::$variant,)*];

            /// The identifier for its wire byte.
            pub const fn from_u8(id: u8) -> Option<PropertyId> {
                match id {
                    $($id => Some(PropertyId::$variant),)*
                    _ => None,
                }
            }

            /// The table row for this property.
            pub const fn info(self) -> PropertyInfo {
                match self {
                    $(PropertyId::$variant => PropertyInfo {
                        id: PropertyId::$variant,
                        name: $name,
                        value_type: ValueType::$ty,
                        contexts: 0 $(| $ctx.bit())*,
                        repeatable: $rep,
                        boolean: flag_boolean(Flags::$flags),
                        nonzero: flag_nonzero(Flags::$flags),
                    },)*
                }
            }
        }
    };
}

#[derive(Clone, Copy)]
enum Flags {
    Plain,
    Boolean,
    NonZero,
}

const fn flag_boolean(f: Flags) -> bool {
    matches!(f, Flags::Boolean)
}

const fn flag_nonzero(f: Flags) -> bool {
    matches!(f, Flags::NonZero)
}

use PacketType::*;
use PropertyContext::{Packet as P, Will as W};

property_table! {
    PayloadFormatIndicator = 0x01, "Payload Format Indicator", Byte, [P(Publish), W], false, Boolean;
    MessageExpiryInterval = 0x02, "Message Expiry Interval", FourByteInteger, [P(Publish), W], false, Plain;
    ContentType = 0x03, "Content Type", Utf8String, [P(Publish), W], false, Plain;
    ResponseTopic = 0x08, "Response Topic", Utf8String, [P(Publish), W], false, Plain;
    CorrelationData = 0x09, "Correlation Data", BinaryData, [P(Publish), W], false, Plain;
    SubscriptionIdentifier = 0x0B, "Subscription Identifier", VariableByteInteger, [P(Publish), P(Subscribe)], true, NonZero;
    SessionExpiryInterval = 0x11, "Session Expiry Interval", FourByteInteger, [P(Connect), P(ConnAck), P(Disconnect)], false, Plain;
    AssignedClientIdentifier = 0x12, "Assigned Client Identifier", Utf8String, [P(ConnAck)], false, Plain;
    ServerKeepAlive = 0x13, "Server Keep Alive", TwoByteInteger, [P(ConnAck)], false, Plain;
    AuthenticationMethod = 0x15, "Authentication Method", Utf8String, [P(Connect), P(ConnAck), P(Auth)], false, Plain;
    AuthenticationData = 0x16, "Authentication Data", BinaryData, [P(Connect), P(ConnAck), P(Auth)], false, Plain;
    RequestProblemInformation = 0x17, "Request Problem Information", Byte, [P(Connect)], false, Boolean;
    WillDelayInterval = 0x18, "Will Delay Interval", FourByteInteger, [W], false, Plain;
    RequestResponseInformation = 0x19, "Request Response Information", Byte, [P(Connect)], false, Boolean;
    ResponseInformation = 0x1A, "Response Information", Utf8String, [P(ConnAck)], false, Plain;
    ServerReference = 0x1C, "Server Reference", Utf8String, [P(ConnAck), P(Disconnect)], false, Plain;
    ReasonString = 0x1F, "Reason String", Utf8String, [P(ConnAck), P(PubAck), P(PubRec), P(PubRel), P(PubComp), P(SubAck), P(UnsubAck), P(Disconnect), P(Auth)], false, Plain;
    ReceiveMaximum = 0x21, "Receive Maximum", TwoByteInteger, [P(Connect), P(ConnAck)], false, NonZero;
    TopicAliasMaximum = 0x22, "Topic Alias Maximum", TwoByteInteger, [P(Connect), P(ConnAck)], false, Plain;
    TopicAlias = 0x23, "Topic Alias", TwoByteInteger, [P(Publish)], false, NonZero;
    MaximumQoS = 0x24, "Maximum QoS", Byte, [P(ConnAck)], false, Boolean;
    RetainAvailable = 0x25, "Retain Available", Byte, [P(ConnAck)], false, Boolean;
    UserProperty = 0x26, "User Property", Utf8StringPair, [P(Connect), P(ConnAck), P(Publish), W, P(PubAck), P(PubRec), P(PubRel), P(PubComp), P(Subscribe), P(SubAck), P(Unsubscribe), P(UnsubAck), P(Disconnect), P(Auth)], true, Plain;
    MaximumPacketSize = 0x27, "Maximum Packet Size", FourByteInteger, [P(Connect), P(ConnAck)], false, NonZero;
    WildcardSubscriptionAvailable = 0x28, "Wildcard Subscription Available", Byte, [P(ConnAck)], false, Boolean;
    SubscriptionIdentifierAvailable = 0x29, "Subscription Identifier Available", Byte, [P(ConnAck)], false, Boolean;
    SharedSubscriptionAvailable = 0x2A, "Shared Subscription Available", Byte, [P(ConnAck)], false, Boolean;
}

impl PropertyId {
    /// The spec's name, e.g. "Session Expiry Interval".
    pub const fn name(self) -> &'static str {
        self.info().name
    }
}

/// A property's value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PropertyValue {
    /// Byte, Two Byte, Four Byte or Variable Byte Integer.
    Integer(u32),
    /// UTF-8 Encoded String.
    String(String),
    /// Binary Data.
    Binary(Vec<u8>),
    /// UTF-8 String Pair (name, value).
    Pair(String, String),
}

impl PropertyValue {
    /// Whether this value can be written as `ty`.
    pub fn fits(&self, ty: ValueType) -> bool {
        match (self, ty) {
            (PropertyValue::Integer(v), ValueType::Byte) => *v <= 0xFF,
            (PropertyValue::Integer(v), ValueType::TwoByteInteger) => *v <= 0xFFFF,
            (PropertyValue::Integer(_), ValueType::FourByteInteger) => true,
            (PropertyValue::Integer(v), ValueType::VariableByteInteger) => {
                *v <= super::MAX_REMAINING_LENGTH
            }
            (PropertyValue::String(_), ValueType::Utf8String) => true,
            (PropertyValue::Binary(_), ValueType::BinaryData) => true,
            (PropertyValue::Pair(..), ValueType::Utf8StringPair) => true,
            _ => false,
        }
    }
}

/// One property: identifier and value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Property {
    /// Which property.
    pub id: PropertyId,
    /// Its value.
    pub value: PropertyValue,
}

/// A packet's property list, in wire order.
///
/// Kept as a list rather than a struct of options so that repeated
/// properties (User Property, Subscription Identifier) keep their order and
/// the inspector shows them as sent. Typed getters read it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Properties(pub Vec<Property>);

impl Properties {
    /// An empty list.
    pub const fn new() -> Self {
        Properties(Vec::new())
    }

    /// `true` when there are no properties.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The properties in wire order.
    pub fn iter(&self) -> impl Iterator<Item = &Property> {
        self.0.iter()
    }

    /// The first value for `id`.
    pub fn get(&self, id: PropertyId) -> Option<&PropertyValue> {
        self.0.iter().find(|p| p.id == id).map(|p| &p.value)
    }

    /// The integer value of `id`, if present.
    pub fn integer(&self, id: PropertyId) -> Option<u32> {
        match self.get(id) {
            Some(PropertyValue::Integer(v)) => Some(*v),
            _ => None,
        }
    }

    /// The string value of `id`, if present.
    pub fn string(&self, id: PropertyId) -> Option<&str> {
        match self.get(id) {
            Some(PropertyValue::String(v)) => Some(v),
            _ => None,
        }
    }

    /// The binary value of `id`, if present.
    pub fn binary(&self, id: PropertyId) -> Option<&[u8]> {
        match self.get(id) {
            Some(PropertyValue::Binary(v)) => Some(v),
            _ => None,
        }
    }

    /// Sets a single-valued property, replacing any earlier value; appends a
    /// repeatable one.
    pub fn set(&mut self, id: PropertyId, value: PropertyValue) -> &mut Self {
        if !id.info().repeatable {
            self.0.retain(|p| p.id != id);
        }
        self.0.push(Property { id, value });
        self
    }

    /// Builder form of [`Properties::set`].
    pub fn with(mut self, id: PropertyId, value: PropertyValue) -> Self {
        self.set(id, value);
        self
    }

    /// Removes every value of `id`.
    pub fn remove(&mut self, id: PropertyId) {
        self.0.retain(|p| p.id != id);
    }

    /// User Properties as (name, value), in order.
    pub fn user_properties(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().filter_map(|p| match &p.value {
            PropertyValue::Pair(k, v) if p.id == PropertyId::UserProperty => {
                Some((k.as_str(), v.as_str()))
            }
            _ => None,
        })
    }

    /// Subscription Identifiers, in order.
    pub fn subscription_identifiers(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().filter_map(|p| match p.value {
            PropertyValue::Integer(v) if p.id == PropertyId::SubscriptionIdentifier => Some(v),
            _ => None,
        })
    }
}

impl FromIterator<Property> for Properties {
    fn from_iter<I: IntoIterator<Item = Property>>(iter: I) -> Self {
        Properties(iter.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::codec::{
        decode, encode_to_vec, DecodeErrorKind, DecodeOptions, Packet, PacketId, ProtocolVersion,
        Publish, Subscribe, SubscribeFilter, SubscriptionOptions,
    };

    #[test]
    fn table_is_consistent() {
        assert_eq!(PropertyId::ALL.len(), 27, "MQTT 5.0 defines 27 properties");
        for &id in PropertyId::ALL {
            assert_eq!(PropertyId::from_u8(id as u8), Some(id));
            assert_eq!(id.info().id, id);
            assert!(!id.name().is_empty());
        }
        let user = PropertyId::UserProperty.info();
        assert!(user.repeatable);
        assert!(user.allowed_in(PropertyContext::Will));
        assert!(user.allowed_in(PropertyContext::Packet(PacketType::Auth)));
        assert!(!user.allowed_in(PropertyContext::Packet(PacketType::PingReq)));
        let delay = PropertyId::WillDelayInterval.info();
        assert!(delay.allowed_in(PropertyContext::Will));
        assert!(!delay.allowed_in(PropertyContext::Packet(PacketType::Connect)));
        assert!(!PropertyId::ReceiveMaximum.info().value_is_valid(0));
        assert!(!PropertyId::MaximumQoS.info().value_is_valid(2));
        assert!(PropertyId::TopicAliasMaximum.info().value_is_valid(0));
    }

    #[test]
    fn set_replaces_single_and_appends_repeatable() {
        let mut props = Properties::new();
        props.set(PropertyId::ReceiveMaximum, PropertyValue::Integer(10));
        props.set(PropertyId::ReceiveMaximum, PropertyValue::Integer(20));
        props.set(
            PropertyId::UserProperty,
            PropertyValue::Pair("a".into(), "1".into()),
        );
        props.set(
            PropertyId::UserProperty,
            PropertyValue::Pair("a".into(), "2".into()),
        );
        assert_eq!(props.integer(PropertyId::ReceiveMaximum), Some(20));
        assert_eq!(
            props.user_properties().collect::<Vec<_>>(),
            [("a", "1"), ("a", "2")]
        );
    }

    fn two_ids() -> Properties {
        Properties::new()
            .with(
                PropertyId::SubscriptionIdentifier,
                PropertyValue::Integer(1),
            )
            .with(
                PropertyId::SubscriptionIdentifier,
                PropertyValue::Integer(2),
            )
    }

    #[test]
    fn subscription_identifier_repeats_in_publish() {
        let mut publish = Publish::new("a", "x");
        publish.properties = two_ids();
        let packet = Packet::Publish(publish);
        let bytes = encode_to_vec(&packet, ProtocolVersion::V5).unwrap();
        let opts = DecodeOptions::new(ProtocolVersion::V5);
        assert_eq!(decode(&bytes, &opts), Ok(Some((packet, bytes.len()))));
    }

    #[test]
    fn subscription_identifier_at_most_once_in_subscribe() {
        // Spec 3.8.2.1.2: "It is a Protocol Error to include the
        // Subscription Identifier more than once."
        let bytes = [
            0x82, 11, // SUBSCRIBE, remaining length
            0x00, 0x01, // Packet Identifier
            4, 0x0B, 0x01, 0x0B, 0x02, // two Subscription Identifiers
            0x00, 0x01, b'a', 0x00, // Topic Filter "a", QoS 0
        ];
        let err = decode(&bytes, &DecodeOptions::new(ProtocolVersion::V5)).unwrap_err();
        assert_eq!(
            err.kind,
            DecodeErrorKind::DuplicateProperty(PropertyId::SubscriptionIdentifier)
        );
        assert_eq!(err.offset, 7);

        let subscribe = Packet::Subscribe(Subscribe {
            packet_id: PacketId::new(1).unwrap(),
            properties: two_ids(),
            filters: vec![SubscribeFilter {
                filter: "a".into(),
                options: SubscriptionOptions::default(),
            }],
        });
        assert!(encode_to_vec(&subscribe, ProtocolVersion::V5).is_err());
    }
}
