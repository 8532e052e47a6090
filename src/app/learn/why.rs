//! Lesson 1's numbers: the same sensor reading as an MQTT PUBLISH and as a
//! minimal HTTP POST, byte for byte. The MQTT bytes come from the codec the
//! client itself uses, so what the lesson counts is what goes on the wire.

use crate::protocol::codec::{
    decode_fixed_header, encode_to_vec, DecodeOptions, Packet, ProtocolVersion, Publish,
};

/// One message, both ways.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// The PUBLISH (QoS 0) bytes.
    pub publish: Vec<u8>,
    /// How many of them are the fixed header (first byte + Remaining
    /// Length).
    pub fixed_header_len: usize,
    /// The HTTP request text.
    pub http_request: String,
    /// The shortest answer an HTTP server gives to it.
    pub http_response: String,
}

impl Comparison {
    /// Bytes of the HTTP request and its response together.
    pub fn http_total(&self) -> usize {
        self.http_request.len() + self.http_response.len()
    }
}

/// The PINGREQ packet, as the codec writes it (`C0 00`).
pub fn pingreq_bytes() -> Vec<u8> {
    encode_to_vec(&Packet::PingReq, ProtocolVersion::V311).unwrap_or_default()
}

/// How many bytes the fixed header of `packet` takes: the first byte and
/// the Remaining Length (1 to 4 bytes, 7 bits each, high bit = "more"), as
/// the codec's own reader finds them. 0 when `packet` has no whole fixed
/// header.
pub fn fixed_header_len(packet: &[u8]) -> usize {
    // Only the header is read: no size cap, and the version only matters
    // for AUTH.
    let opts = DecodeOptions {
        version: ProtocolVersion::V5,
        max_packet_size: u32::MAX,
    };
    decode_fixed_header(packet, &opts)
        .ok()
        .flatten()
        .map_or(0, |h| h.header_len)
}

/// `reading` sent to `topic` at QoS 0 over MQTT `version`, and as the
/// smallest HTTP/1.1 POST a device could send to `host` with the topic as
/// its path.
pub fn compare(topic: &str, reading: &str, version: ProtocolVersion, host: &str) -> Comparison {
    let publish = encode_to_vec(
        &Packet::Publish(Publish::new(topic, reading.as_bytes().to_vec())),
        version,
    )
    .unwrap_or_default();
    let fixed_header_len = fixed_header_len(&publish);
    let http_request = format!(
        "POST /{topic} HTTP/1.1\r\nHost: {host}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n{reading}",
        reading.len()
    );
    let http_response = "HTTP/1.1 204 No Content\r\n\r\n".to_string();
    Comparison {
        publish,
        fixed_header_len,
        http_request,
        http_response,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::codec::decode;

    #[test]
    fn pingreq_is_two_bytes() {
        assert_eq!(pingreq_bytes(), [0xC0, 0x00]);
        assert_eq!(fixed_header_len(&pingreq_bytes()), 2);
    }

    #[test]
    fn a_reading_as_publish_and_as_post() {
        let c = compare(
            "mqttlab/abc234/hexaboard/a/temperature",
            "23.5",
            ProtocolVersion::V311,
            "broker.example",
        );
        // 2 fixed header + 2 topic length + 38 topic + 4 payload.
        assert_eq!(c.publish.len(), 2 + 2 + 38 + 4);
        assert_eq!(c.fixed_header_len, 2);
        assert_eq!(c.publish[0], 0x30);
        assert_eq!(usize::from(c.publish[1]), c.publish.len() - 2);
        let (p, used) = decode(&c.publish, &DecodeOptions::new(ProtocolVersion::V311))
            .expect("valid")
            .expect("whole");
        assert_eq!(used, c.publish.len());
        match p {
            Packet::Publish(p) => assert_eq!(&p.payload[..], b"23.5"),
            other => panic!("{other:?}"),
        }
        assert!(c
            .http_request
            .starts_with("POST /mqttlab/abc234/hexaboard/a/temperature HTTP/1.1\r\n"));
        assert!(c.http_request.ends_with("\r\n\r\n23.5"));
        assert!(c.http_request.contains("Content-Length: 4\r\n"));
        assert!(c.http_total() > 3 * c.publish.len());
    }

    #[test]
    fn mqtt5_adds_one_byte_of_property_length() {
        let v3 = compare("t", "1", ProtocolVersion::V311, "h");
        let v5 = compare("t", "1", ProtocolVersion::V5, "h");
        assert_eq!(v5.publish.len(), v3.publish.len() + 1);
    }

    #[test]
    fn long_messages_need_a_longer_remaining_length() {
        let c = compare("t", &"x".repeat(200), ProtocolVersion::V311, "h");
        assert_eq!(c.fixed_header_len, 3);
        assert_eq!(fixed_header_len(&[0x30, 0xFF, 0xFF, 0xFF, 0x7F]), 5);
    }
}
