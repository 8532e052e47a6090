//! Property tests for the codec: every valid packet of either version
//! survives encode → decode unchanged, frames itself exactly, is reported
//! incomplete for every strict prefix, and is described field by field
//! without gaps; and no input at all — random bytes or damaged encodings —
//! makes the decoder panic, over-consume or point outside the buffer.

mod common;

use common::{packet, versioned_packet, VERSIONS};
use mqtt_lab::protocol::codec::{
    decode, decode_annotated, decode_fixed_header, encode, encode_to_vec, DecodeErrorKind,
    DecodeOptions, Packet, ProtocolVersion,
};
use proptest::prelude::*;
use proptest::sample::Index;

/// Option sets every arbitrary input is decoded under: both versions, with
/// the default size cap and a small one.
fn all_options() -> impl Iterator<Item = DecodeOptions> {
    VERSIONS.into_iter().flat_map(|version| {
        [
            DecodeOptions::new(version),
            DecodeOptions {
                version,
                max_packet_size: 64,
            },
        ]
    })
}

/// Error kinds that are about bytes that are not there: their offset may be
/// the end of the buffer. Every other error names a byte that exists.
fn about_missing_bytes(kind: &DecodeErrorKind) -> bool {
    matches!(
        kind,
        DecodeErrorKind::UnexpectedEndOfPacket { .. }
            | DecodeErrorKind::NoTopicFilters
            | DecodeErrorKind::NoReasonCodes
    )
}

/// What must hold for any input whatsoever. Returns the decoded packet and
/// its length, if there was one.
fn check_any_input(buf: &[u8], opts: &DecodeOptions) -> Option<(Packet, usize)> {
    let plain = decode(buf, opts);
    let annotated = decode_annotated(buf, opts);
    assert_eq!(
        plain, annotated.result,
        "decode and decode_annotated disagree"
    );

    // Fields are in wire order, each starting where the last ended, inside
    // the buffer, none empty.
    let mut at = 0;
    for f in &annotated.fields {
        assert_eq!(f.range.start, at, "gap or overlap before field {f:?}");
        assert!(f.range.end > f.range.start, "empty field {f:?}");
        assert!(f.range.end <= buf.len(), "field {f:?} past the input");
        at = f.range.end;
    }

    match plain {
        Ok(Some((packet, used))) => {
            assert!(
                used >= 2 && used <= buf.len(),
                "used {used} of {}",
                buf.len()
            );
            assert_eq!(at, used, "fields do not cover the whole packet");
            // Round trip oracle: what we decoded encodes, and decodes back
            // to the same packet.
            let again = encode_to_vec(&packet, opts.version).expect("a decoded packet encodes");
            assert_eq!(
                decode(&again, opts),
                Ok(Some((packet.clone(), again.len()))),
                "re-encoded packet decodes differently"
            );
            Some((packet, used))
        }
        Ok(None) => None,
        Err(e) => {
            assert!(e.offset <= buf.len(), "error offset past the input: {e}");
            if !about_missing_bytes(&e.kind) {
                assert!(e.offset < buf.len(), "error names a missing byte: {e}");
            }
            None
        }
    }
}

/// Changes to a valid encoding.
#[derive(Clone, Debug)]
enum Mutation {
    Flip(Index, u8),
    Set(Index, u8),
    Insert(Index, u8),
    Remove(Index),
    Truncate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<Index>(), 1u8..=255).prop_map(|(i, x)| Mutation::Flip(i, x)),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Set(i, b)),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        1 => any::<Index>().prop_map(Mutation::Remove),
        1 => any::<Index>().prop_map(Mutation::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    if bytes.is_empty() {
        if let Mutation::Insert(_, b) | Mutation::Set(_, b) = m {
            bytes.push(*b);
        }
        return;
    }
    match m {
        Mutation::Flip(i, x) => {
            let i = i.index(bytes.len());
            bytes[i] ^= x;
        }
        Mutation::Set(i, b) => {
            let i = i.index(bytes.len());
            bytes[i] = *b;
        }
        Mutation::Insert(i, b) => bytes.insert(i.index(bytes.len() + 1), *b),
        Mutation::Remove(i) => {
            bytes.remove(i.index(bytes.len()));
        }
        Mutation::Truncate(i) => bytes.truncate(i.index(bytes.len())),
    }
}

fn round_trip(version: ProtocolVersion, packet: &Packet) -> Result<(), TestCaseError> {
    let bytes = encode_to_vec(packet, version).expect("valid packets encode");
    let opts = DecodeOptions::new(version);
    prop_assert_eq!(
        decode(&bytes, &opts),
        Ok(Some((packet.clone(), bytes.len())))
    );

    // `encode` appends, and leaves what was there.
    let mut out = vec![0xAA, 0xBB];
    encode(packet, version, &mut out).expect("valid packets encode");
    prop_assert_eq!(&out[..2], &[0xAA, 0xBB]);
    prop_assert_eq!(&out[2..], &bytes[..]);

    // Framing: bytes after the packet are not consumed (they are the next
    // packet), whatever they are.
    let mut stream = bytes.clone();
    stream.extend_from_slice(&[0xE0, 0x00, 0xFF, 0x13, 0x37]);
    prop_assert_eq!(
        decode(&stream, &opts),
        Ok(Some((packet.clone(), bytes.len())))
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// MQTT 3.1.1: encode → decode gives the packet back and consumes
    /// exactly the encoded bytes.
    #[test]
    fn round_trip_v311(p in packet(ProtocolVersion::V311)) {
        round_trip(ProtocolVersion::V311, &p)?;
    }

    /// MQTT 5.0: the same, with properties and reason codes.
    #[test]
    fn round_trip_v5(p in packet(ProtocolVersion::V5)) {
        round_trip(ProtocolVersion::V5, &p)?;
    }

    /// decode_annotated agrees with decode, and its fields tile the packet
    /// from the first byte to the last.
    #[test]
    fn annotated_fields_cover_packet((version, p) in versioned_packet()) {
        let bytes = encode_to_vec(&p, version).expect("valid packets encode");
        let opts = DecodeOptions::new(version);
        let decoded = check_any_input(&bytes, &opts);
        prop_assert_eq!(decoded, Some((p, bytes.len())));
        let annotated = decode_annotated(&bytes, &opts);
        prop_assert_eq!(annotated.fields[0].range.clone(), 0..1);
        prop_assert_eq!(&annotated.fields[0].name, "Packet type and flags");
    }

    /// Every strict prefix of a packet asks for more bytes, and never is an
    /// error: a partial frame is not a malformed one.
    #[test]
    fn strict_prefixes_are_incomplete((version, p) in versioned_packet()) {
        let bytes = encode_to_vec(&p, version).expect("valid packets encode");
        let opts = DecodeOptions::new(version);
        for n in 0..bytes.len() {
            prop_assert_eq!(decode(&bytes[..n], &opts), Ok(None), "prefix of {} bytes", n);
            prop_assert_eq!(decode_annotated(&bytes[..n], &opts).result, Ok(None));
        }
    }

    /// A packet larger than the cap is refused as soon as its fixed header
    /// is in, before the body arrives.
    #[test]
    fn oversize_refused_at_fixed_header((version, p) in versioned_packet(), cap in any::<Index>()) {
        let bytes = encode_to_vec(&p, version).expect("valid packets encode");
        let header = decode_fixed_header(&bytes, &DecodeOptions::new(version))
            .expect("valid header")
            .expect("complete header");
        prop_assert_eq!(header.packet_len(), bytes.len());
        let max = cap.index(bytes.len()) as u32;
        let opts = DecodeOptions { version, max_packet_size: max };
        let err = decode(&bytes[..header.header_len], &opts).expect_err("over the cap");
        prop_assert!(
            matches!(err.kind, DecodeErrorKind::PacketTooLarge { .. }),
            "{}", err
        );
        let at_cap = DecodeOptions { version, max_packet_size: bytes.len() as u32 };
        prop_assert_eq!(decode(&bytes, &at_cap), Ok(Some((p, bytes.len()))));
    }

    /// Random bytes never make the decoder panic, claim more bytes than
    /// given, or point outside the buffer.
    #[test]
    fn random_bytes_are_safe(bytes in prop::collection::vec(any::<u8>(), 0..96)) {
        for opts in all_options() {
            check_any_input(&bytes, &opts);
        }
    }

    /// The same for random bytes behind a plausible first byte, so the
    /// decoder gets past the fixed header more often.
    #[test]
    fn random_bodies_are_safe(
        first in 0x10u8..=0xFF,
        len in 0u8..=0x7F,
        body in prop::collection::vec(any::<u8>(), 0..=0x7F),
    ) {
        let mut bytes = vec![first, len];
        bytes.extend_from_slice(&body);
        for opts in all_options() {
            check_any_input(&bytes, &opts);
        }
    }

    /// Valid encodings with bytes flipped, overwritten, inserted, removed or
    /// cut off never make the decoder misbehave either.
    #[test]
    fn mutated_encodings_are_safe(
        (version, p) in versioned_packet(),
        mutations in prop::collection::vec(mutation(), 1..=4),
    ) {
        let mut bytes = encode_to_vec(&p, version).expect("valid packets encode");
        for m in &mutations {
            apply(&mut bytes, m);
        }
        for opts in all_options() {
            check_any_input(&bytes, &opts);
        }
    }
}
