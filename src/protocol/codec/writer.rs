//! Writing the primitive wire types (spec 1.5) and property lists.

use super::error::EncodeError;
use super::properties::{Properties, PropertyContext, PropertyValue, ValueType};
use super::{PacketType, MAX_REMAINING_LENGTH};

/// Bytes a Variable Byte Integer takes.
pub(crate) const fn varint_len(value: u32) -> usize {
    match value {
        0..=127 => 1,
        128..=16_383 => 2,
        16_384..=2_097_151 => 3,
        _ => 4,
    }
}

pub(crate) fn write_varint(
    out: &mut Vec<u8>,
    mut value: u32,
    field: &'static str,
) -> Result<(), EncodeError> {
    if value > MAX_REMAINING_LENGTH {
        return Err(EncodeError::ValueOutOfRange {
            field,
            value: u64::from(value),
        });
    }
    loop {
        let mut byte = (value & 0x7F) as u8;
        value >>= 7;
        if value > 0 {
            byte |= 0x80;
        }
        out.push(byte);
        if value == 0 {
            return Ok(());
        }
    }
}

pub(crate) fn write_u16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_be_bytes());
}

pub(crate) fn write_binary(
    out: &mut Vec<u8>,
    bytes: &[u8],
    field: &'static str,
) -> Result<(), EncodeError> {
    let len = u16::try_from(bytes.len()).map_err(|_| EncodeError::FieldTooLong {
        field,
        len: bytes.len(),
    })?;
    write_u16(out, len);
    out.extend_from_slice(bytes);
    Ok(())
}

pub(crate) fn write_string(
    out: &mut Vec<u8>,
    s: &str,
    field: &'static str,
) -> Result<(), EncodeError> {
    if s.as_bytes().contains(&0) {
        return Err(EncodeError::NullCharacter { field });
    }
    write_binary(out, s.as_bytes(), field)
}

/// Writes a property list with its length prefix, checking each property
/// against the table: allowed in `ctx`, the right value type, not repeated
/// unless repeatable.
pub(crate) fn write_properties(
    out: &mut Vec<u8>,
    props: &Properties,
    ctx: PropertyContext,
) -> Result<(), EncodeError> {
    let packet = match ctx {
        PropertyContext::Packet(t) => t,
        PropertyContext::Will => PacketType::Connect,
    };
    let mut body = Vec::new();
    let mut seen: u64 = 0;
    for p in props.iter() {
        let info = p.id.info();
        if !info.allowed_in(ctx) {
            return Err(EncodeError::PropertyNotAllowed {
                property: p.id,
                packet,
            });
        }
        let bit = 1u64 << (p.id as u8);
        if seen & bit != 0 && !info.repeatable_in(ctx) {
            return Err(EncodeError::DuplicateProperty { property: p.id });
        }
        seen |= bit;
        if !p.value.fits(info.value_type) {
            return Err(EncodeError::PropertyTypeMismatch { property: p.id });
        }
        body.push(p.id as u8);
        match (&p.value, info.value_type) {
            (PropertyValue::Integer(v), ValueType::Byte) => body.push(*v as u8),
            (PropertyValue::Integer(v), ValueType::TwoByteInteger) => {
                write_u16(&mut body, *v as u16)
            }
            (PropertyValue::Integer(v), ValueType::FourByteInteger) => {
                body.extend_from_slice(&v.to_be_bytes())
            }
            (PropertyValue::Integer(v), ValueType::VariableByteInteger) => {
                write_varint(&mut body, *v, info.name)?
            }
            (PropertyValue::String(s), _) => write_string(&mut body, s, info.name)?,
            (PropertyValue::Binary(b), _) => write_binary(&mut body, b, info.name)?,
            (PropertyValue::Pair(k, v), _) => {
                write_string(&mut body, k, info.name)?;
                write_string(&mut body, v, info.name)?;
            }
            _ => return Err(EncodeError::PropertyTypeMismatch { property: p.id }),
        }
    }
    let len = u32::try_from(body.len()).unwrap_or(u32::MAX);
    write_varint(out, len, "Properties Length")?;
    out.extend_from_slice(&body);
    Ok(())
}

/// Prepends the fixed header to a finished body and appends it to `out`.
pub(crate) fn finish_packet(
    out: &mut Vec<u8>,
    first_byte: u8,
    body: &[u8],
) -> Result<(), EncodeError> {
    let len = u32::try_from(body.len())
        .ok()
        .filter(|&l| l <= MAX_REMAINING_LENGTH)
        .ok_or(EncodeError::PacketTooLarge { size: body.len() })?;
    out.reserve(1 + varint_len(len) + body.len());
    out.push(first_byte);
    write_varint(out, len, "Remaining Length")?;
    out.extend_from_slice(body);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varint_boundaries() {
        for (value, bytes) in [
            (0u32, vec![0x00]),
            (127, vec![0x7F]),
            (128, vec![0x80, 0x01]),
            (16_383, vec![0xFF, 0x7F]),
            (16_384, vec![0x80, 0x80, 0x01]),
            (2_097_151, vec![0xFF, 0xFF, 0x7F]),
            (2_097_152, vec![0x80, 0x80, 0x80, 0x01]),
            (268_435_455, vec![0xFF, 0xFF, 0xFF, 0x7F]),
        ] {
            let mut out = Vec::new();
            write_varint(&mut out, value, "test").unwrap();
            assert_eq!(out, bytes, "{value}");
            assert_eq!(varint_len(value), bytes.len());
        }
        assert!(write_varint(&mut Vec::new(), 268_435_456, "test").is_err());
    }
}
