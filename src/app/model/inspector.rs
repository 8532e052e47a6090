//! The packet inspector's explanation of a packet's bytes: each field with
//! its byte range, value and meaning (in the UI language), the first byte
//! split into its bits, the Remaining Length read as a variable byte
//! integer.
//!
//! The fields come from the codec's own [`decode_annotated`] — the same
//! reader that decodes packets — so the inspector can never disagree with
//! the decoder, and a malformed packet shows the fields up to the failing
//! byte.

use std::ops::Range;

use crate::i18n::{self, Lang};
use crate::protocol::codec::{
    decode_annotated, DecodeOptions, PacketType, ProtocolVersion, MAX_REMAINING_LENGTH,
};

/// One bit or group of bits of a byte.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BitField {
    /// Highest bit of the group (7 = most significant).
    pub high: u8,
    /// Lowest bit of the group.
    pub low: u8,
    /// The group's value, in binary with one digit per bit.
    pub value: String,
    /// Its name in the spec's words ("Packet type", "DUP", "QoS", "RETAIN").
    pub name: String,
    /// What the value means, in the UI language.
    pub meaning: String,
}

/// One field of the packet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExplainedField {
    /// Bytes it covers.
    pub range: Range<usize>,
    /// Its name in the spec's words.
    pub name: String,
    /// Its value, shortly.
    pub value: String,
    /// What it is for, in the UI language.
    pub meaning: String,
    /// For the first byte and for CONNECT's Connect Flags: its bit groups.
    pub bits: Vec<BitField>,
}

/// A packet explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explained {
    /// Fields in wire order.
    pub fields: Vec<ExplainedField>,
    /// Why decoding stopped early (with the byte offset), in the UI
    /// language; `None` for a well-formed packet.
    pub error: Option<String>,
    /// Bytes given.
    pub total: usize,
}

impl Explained {
    /// The index of the field covering byte `offset`.
    pub fn field_at(&self, offset: usize) -> Option<usize> {
        self.fields.iter().position(|f| f.range.contains(&offset))
    }
}

/// Explains `bytes` (one packet) as the codec reads them in `version`.
pub fn explain(bytes: &[u8], version: ProtocolVersion, lang: Lang) -> Explained {
    let opts = DecodeOptions {
        version,
        // The packet is already here: show it whatever its size.
        max_packet_size: MAX_REMAINING_LENGTH.saturating_add(5),
    };
    let annotated = decode_annotated(bytes, &opts);
    let packet_type = bytes.first().and_then(|b| PacketType::from_u8(b >> 4));
    let fields = annotated
        .fields
        .into_iter()
        .map(|f| {
            let range = f.range.start.min(bytes.len())..f.range.end.min(bytes.len());
            let name = f.name.into_owned();
            let (meaning, bits) = if range.start == 0 && range.end == 1 {
                let b = bytes[0];
                (i18n::first_byte_meaning(lang, b), first_byte_bits(b, lang))
            } else if name == "Connect Flags" && range.len() == 1 {
                (
                    i18n::field_meaning(lang, &name, packet_type, version),
                    connect_flag_bits(bytes[range.start], version, lang),
                )
            } else if name == "Remaining Length" {
                (
                    i18n::remaining_length_meaning(lang, &bytes[range.clone()]),
                    Vec::new(),
                )
            } else {
                (
                    i18n::field_meaning(lang, &name, packet_type, version),
                    Vec::new(),
                )
            };
            ExplainedField {
                range,
                name,
                value: f.value,
                meaning,
                bits,
            }
        })
        .collect();
    let error = match annotated.result {
        Ok(Some(_)) => None,
        Ok(None) => Some(i18n::incomplete_packet(lang, bytes.len())),
        Err(e) => Some(i18n::decode_error(lang, &e)),
    };
    Explained {
        fields,
        error,
        total: bytes.len(),
    }
}

fn first_byte_bits(b: u8, lang: Lang) -> Vec<BitField> {
    let type_bits = b >> 4;
    let flags = b & 0x0F;
    let packet_type = PacketType::from_u8(type_bits);
    let mut bits = vec![BitField {
        high: 7,
        low: 4,
        value: format!("{type_bits:04b}"),
        name: "Packet type".into(),
        meaning: i18n::packet_type_bits_meaning(lang, type_bits, packet_type),
    }];
    match packet_type {
        Some(PacketType::Publish) => {
            let bit = |n: u8| (flags >> n) & 1;
            bits.push(BitField {
                high: 3,
                low: 3,
                value: bit(3).to_string(),
                name: "DUP".into(),
                meaning: i18n::dup_bit_meaning(lang, bit(3) == 1),
            });
            let qos = (flags >> 1) & 0b11;
            bits.push(BitField {
                high: 2,
                low: 1,
                value: format!("{qos:02b}"),
                name: "QoS".into(),
                meaning: i18n::qos_bits_meaning(lang, qos),
            });
            bits.push(BitField {
                high: 0,
                low: 0,
                value: bit(0).to_string(),
                name: "RETAIN".into(),
                meaning: i18n::retain_bit_meaning(lang, bit(0) == 1),
            });
        }
        _ => bits.push(BitField {
            high: 3,
            low: 0,
            value: format!("{flags:04b}"),
            name: "Flags".into(),
            meaning: i18n::fixed_flags_meaning(
                lang,
                flags,
                packet_type.and_then(|t| t.required_flags()),
            ),
        }),
    }
    bits
}

fn connect_flag_bits(b: u8, version: ProtocolVersion, lang: Lang) -> Vec<BitField> {
    let clean = if version.is_v5() {
        "Clean Start"
    } else {
        "Clean Session"
    };
    let groups: [(u8, u8, &str); 7] = [
        (7, 7, "User Name Flag"),
        (6, 6, "Password Flag"),
        (5, 5, "Will Retain"),
        (4, 3, "Will QoS"),
        (2, 2, "Will Flag"),
        (1, 1, clean),
        (0, 0, "Reserved"),
    ];
    groups
        .iter()
        .map(|&(high, low, name)| {
            let width = usize::from(high - low + 1);
            let value = (b >> low) & ((1 << width) - 1);
            BitField {
                high,
                low,
                value: format!("{value:0width$b}"),
                name: name.into(),
                meaning: i18n::connect_flag_meaning(lang, name, value),
            }
        })
        .collect()
}

/// One line of a hex dump.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HexRow {
    /// Offset of the row's first byte.
    pub offset: usize,
    /// The row's bytes.
    pub bytes: Vec<u8>,
}

impl HexRow {
    /// Each byte as two upper-case hex digits.
    pub fn hex(&self) -> Vec<String> {
        self.bytes.iter().map(|b| format!("{b:02X}")).collect()
    }

    /// The bytes as ASCII, with `.` for anything unprintable.
    pub fn ascii(&self) -> String {
        self.bytes
            .iter()
            .map(|&b| {
                if b.is_ascii_graphic() || b == b' ' {
                    char::from(b)
                } else {
                    '.'
                }
            })
            .collect()
    }
}

/// `bytes` cut into rows of `per_row` (at least 1).
pub fn hex_rows(bytes: &[u8], per_row: usize) -> Vec<HexRow> {
    let per_row = per_row.max(1);
    bytes
        .chunks(per_row)
        .enumerate()
        .map(|(i, chunk)| HexRow {
            offset: i * per_row,
            bytes: chunk.to_vec(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::codec::{
        encode_to_vec, Connect, Packet, PacketId, PropertyId, PropertyValue, Publish, QosPid,
    };

    #[test]
    fn pingreq_is_two_bytes() {
        for lang in Lang::ALL {
            let e = explain(&[0xC0, 0x00], ProtocolVersion::V311, lang);
            assert_eq!(e.total, 2);
            assert_eq!(e.error, None);
            assert_eq!(e.fields.len(), 2, "{:#?}", e.fields);
            let first = &e.fields[0];
            assert_eq!(first.range, 0..1);
            assert!(first.value.contains("PINGREQ"), "{}", first.value);
            assert!(first.meaning.contains("PINGREQ"), "{}", first.meaning);
            assert_eq!(first.bits.len(), 2);
            assert_eq!((first.bits[0].high, first.bits[0].low), (7, 4));
            assert_eq!(first.bits[0].value, "1100");
            assert!(first.bits[0].meaning.contains("12"));
            assert_eq!(first.bits[1].value, "0000");
            let second = &e.fields[1];
            assert_eq!(second.range, 1..2);
            assert_eq!(second.name, "Remaining Length");
            assert!(second.meaning.contains('0'));
            assert!(second.bits.is_empty());
            assert_eq!(e.field_at(1), Some(1));
            assert_eq!(e.field_at(2), None);
        }
        let ko = explain(&[0xC0, 0x00], ProtocolVersion::V5, Lang::Ko);
        assert!(ko.fields[0].meaning.chars().any(crate::i18n::is_hangul));
    }

    #[test]
    fn publish_qos1_with_properties() {
        let mut p = Publish::new("home/temp", b"21.5".to_vec());
        p.qos_pid = QosPid::AtLeastOnce(PacketId::new(10).unwrap());
        p.retain = true;
        p.properties
            .set(
                PropertyId::MessageExpiryInterval,
                PropertyValue::Integer(60),
            )
            .set(
                PropertyId::ContentType,
                PropertyValue::String("text/plain".into()),
            );
        let bytes = encode_to_vec(&Packet::Publish(p), ProtocolVersion::V5).unwrap();
        let e = explain(&bytes, ProtocolVersion::V5, Lang::En);
        assert_eq!(e.error, None);
        let names: Vec<_> = e.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Packet type and flags",
                "Remaining Length",
                "Topic Name",
                "Packet Identifier",
                "Properties Length",
                "Property: Message Expiry Interval",
                "Property: Content Type",
                "Payload"
            ]
        );
        let bits = &e.fields[0].bits;
        let bit_names: Vec<_> = bits.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(bit_names, ["Packet type", "DUP", "QoS", "RETAIN"]);
        assert_eq!(bits[2].value, "01");
        assert!(bits[2].meaning.contains("QoS 1"));
        assert_eq!(bits[3].value, "1");
        // Fields tile the packet without gaps.
        let mut at = 0;
        for f in &e.fields {
            assert_eq!(f.range.start, at, "{}", f.name);
            assert!(!f.meaning.is_empty(), "{}", f.name);
            at = f.range.end;
        }
        assert_eq!(at, bytes.len());
        assert!(e.fields[5].meaning.contains("Message Expiry Interval"));
        assert_eq!(e.fields[7].value, "4 bytes");
    }

    #[test]
    fn connect_fields() {
        let c = Connect {
            protocol_version: ProtocolVersion::V311,
            keep_alive: 30,
            client_id: "mqttlab-test".into(),
            username: Some("user".into()),
            ..Connect::default()
        };
        let bytes = encode_to_vec(&Packet::Connect(c), ProtocolVersion::V311).unwrap();
        for lang in Lang::ALL {
            let e = explain(&bytes, ProtocolVersion::V311, lang);
            assert_eq!(e.error, None);
            let names: Vec<_> = e.fields.iter().map(|f| f.name.as_str()).collect();
            for expected in [
                "Protocol Name",
                "Protocol Level",
                "Connect Flags",
                "Keep Alive",
                "Client Identifier",
                "User Name",
            ] {
                assert!(names.contains(&expected), "{expected} in {names:?}");
            }
            let flags = e.fields.iter().find(|f| f.name == "Connect Flags").unwrap();
            let bits: Vec<_> = flags
                .bits
                .iter()
                .map(|b| (b.name.as_str(), b.value.as_str()))
                .collect();
            assert_eq!(
                bits,
                [
                    ("User Name Flag", "1"),
                    ("Password Flag", "0"),
                    ("Will Retain", "0"),
                    ("Will QoS", "00"),
                    ("Will Flag", "0"),
                    ("Clean Session", "1"),
                    ("Reserved", "0"),
                ]
            );
            let keep_alive = e.fields.iter().find(|f| f.name == "Keep Alive").unwrap();
            assert_eq!(keep_alive.value, "30");
            assert!(e.fields.iter().all(|f| !f.meaning.is_empty()));
        }
    }

    #[test]
    fn remaining_length_as_a_variable_byte_integer() {
        let p = Publish::new("t", vec![b'x'; 200]);
        let bytes = encode_to_vec(&Packet::Publish(p), ProtocolVersion::V311).unwrap();
        let e = explain(&bytes, ProtocolVersion::V311, Lang::En);
        let rl = &e.fields[1];
        assert_eq!(rl.range, 1..3);
        // 203 = 0xCB 0x01: 75 + 1 × 128.
        assert_eq!(&bytes[1..3], [0xCB, 0x01]);
        assert!(rl.meaning.contains("203"), "{}", rl.meaning);
        assert!(rl.meaning.contains("128"), "{}", rl.meaning);
        assert_eq!(e.error, None);
    }

    #[test]
    fn malformed_stops_at_the_failing_byte() {
        // PUBLISH QoS 1 whose packet identifier is 0.
        let bytes = [0x32, 0x05, 0x00, 0x01, b't', 0x00, 0x00];
        for lang in Lang::ALL {
            let e = explain(&bytes, ProtocolVersion::V311, lang);
            let err = e.error.as_deref().unwrap();
            assert!(err.contains('5'), "{err}");
            let names: Vec<_> = e.fields.iter().map(|f| f.name.as_str()).collect();
            assert_eq!(
                names[..3],
                ["Packet type and flags", "Remaining Length", "Topic Name"]
            );
            assert!(e.fields.iter().all(|f| f.range.end <= 7));
        }
        // A reserved packet type: only the first byte.
        let e = explain(&[0x00, 0x00], ProtocolVersion::V5, Lang::En);
        assert_eq!(e.fields.len(), 1);
        assert!(e.error.unwrap().contains("byte 0"));
        // Cut short.
        let e = explain(&[0x30, 0x05, 0x00], ProtocolVersion::V5, Lang::En);
        assert!(e.error.is_some());
        let e = explain(&[], ProtocolVersion::V5, Lang::Ko);
        assert!(e.fields.is_empty() && e.error.is_some());
    }

    #[test]
    fn hex_rows_of_sixteen() {
        let bytes: Vec<u8> = (0..40).map(|i| b'0' + (i % 75)).collect();
        let rows = hex_rows(&bytes, 16);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[2].offset, 32);
        assert_eq!(rows[2].bytes.len(), 8);
        assert_eq!(rows[0].hex()[1], "31");
        assert_eq!(hex_rows(&[0x00, b'A'], 16)[0].ascii(), ".A");
        assert!(hex_rows(&[], 16).is_empty());
        assert_eq!(hex_rows(&[1, 2, 3], 0).len(), 3);
    }
}
