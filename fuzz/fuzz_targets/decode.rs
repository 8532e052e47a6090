//! Fuzzes the packet decoder with a round-trip oracle.
//!
//! Every input is decoded under both protocol versions, each with a small
//! size cap and the default one. Whatever happens, the decoder must not
//! panic, `decode` and `decode_annotated` must agree, the annotated fields
//! must tile a prefix of the input, and an error must point inside it. When
//! a packet decodes, it must encode again and decode back to itself.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mqtt_lab::protocol::codec::{
    decode, decode_annotated, encode_to_vec, DecodeErrorKind, DecodeOptions, ProtocolVersion,
    DEFAULT_MAX_PACKET_SIZE,
};

/// A cap small enough that many inputs hit it.
const SMALL_MAX_PACKET_SIZE: u32 = 64;

fuzz_target!(|data: &[u8]| {
    for version in [ProtocolVersion::V311, ProtocolVersion::V5] {
        for max_packet_size in [SMALL_MAX_PACKET_SIZE, DEFAULT_MAX_PACKET_SIZE] {
            check(
                data,
                &DecodeOptions {
                    version,
                    max_packet_size,
                },
            );
        }
    }
});

fn check(data: &[u8], opts: &DecodeOptions) {
    let annotated = decode_annotated(data, opts);
    assert_eq!(
        decode(data, opts),
        annotated.result,
        "decode and decode_annotated disagree"
    );

    let mut at = 0;
    for field in &annotated.fields {
        assert_eq!(field.range.start, at, "gap or overlap before {field:?}");
        assert!(field.range.end > field.range.start, "empty field {field:?}");
        assert!(field.range.end <= data.len(), "{field:?} past the input");
        at = field.range.end;
    }

    match annotated.result {
        Ok(Some((packet, used))) => {
            assert!(used <= data.len(), "used {used} of {} bytes", data.len());
            assert_eq!(at, used, "fields do not cover the packet");
            let bytes = encode_to_vec(&packet, opts.version).expect("a decoded packet encodes");
            assert_eq!(
                decode(&bytes, opts),
                Ok(Some((packet, bytes.len()))),
                "the re-encoded packet decodes differently"
            );
        }
        Ok(None) => {}
        Err(e) => {
            assert!(e.offset <= data.len(), "error past the input: {e}");
            let about_missing_bytes = matches!(
                e.kind,
                DecodeErrorKind::UnexpectedEndOfPacket { .. }
                    | DecodeErrorKind::NoTopicFilters
                    | DecodeErrorKind::NoReasonCodes
            );
            if !about_missing_bytes {
                assert!(e.offset < data.len(), "error names a missing byte: {e}");
            }
        }
    }
}
