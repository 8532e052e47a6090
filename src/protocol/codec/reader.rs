//! A bounds-checked reader over one packet that can also record, for the
//! packet inspector, every field it reads with its byte range.
//!
//! Reads never go past the end the Remaining Length gives, so a lying length
//! prefix inside the packet becomes an error, never a panic or an allocation
//! larger than the packet itself.

use std::borrow::Cow;
use std::ops::Range;

use super::error::{DecodeError, DecodeErrorKind};
use super::properties::{Properties, Property, PropertyContext, PropertyValue, ValueType};
use super::{DecodeOptions, FixedHeader, PacketType, PropertyId, ProtocolVersion};

/// One field of a decoded packet, for the packet inspector.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The field's name in the spec's words ("Remaining Length", "Topic Name",
    /// "Property: Session Expiry Interval").
    pub name: Cow<'static, str>,
    /// Absolute byte range in the decoded buffer.
    pub range: Range<usize>,
    /// The value, shortly, as text ("60", "\"sensors/temp\"", "12 bytes").
    pub value: String,
}

/// Where the decoder records fields; `None` when nobody asked.
pub(crate) type Recorder = Option<Vec<Field>>;

pub(crate) struct Reader<'a, 'r> {
    buf: &'a [u8],
    pos: usize,
    end: usize,
    packet_type: PacketType,
    pub(crate) version: ProtocolVersion,
    fields: &'r mut Recorder,
}

/// Longest preview of a binary value or payload kept in a [`Field`].
const PREVIEW_BYTES: usize = 32;

pub(crate) fn hex_preview(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len().min(PREVIEW_BYTES) * 3 + 16);
    for (i, b) in bytes.iter().take(PREVIEW_BYTES).enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&format!("{b:02X}"));
    }
    if bytes.len() > PREVIEW_BYTES {
        s.push_str(&format!(" … ({} bytes)", bytes.len()));
    }
    s
}

fn record(
    fields: &mut Recorder,
    name: impl Into<Cow<'static, str>>,
    range: Range<usize>,
    value: impl FnOnce() -> String,
) {
    if let Some(list) = fields {
        list.push(Field {
            name: name.into(),
            range,
            value: value(),
        });
    }
}

/// Reads the fixed header at the start of `buf`; `Ok(None)` if incomplete.
pub(crate) fn fixed_header(
    buf: &[u8],
    opts: &DecodeOptions,
    fields: &mut Recorder,
) -> Result<Option<FixedHeader>, DecodeError> {
    let Some(&first) = buf.first() else {
        return Ok(None);
    };
    let type_bits = first >> 4;
    let flags = first & 0x0F;
    let packet_type = PacketType::from_u8(type_bits);
    record(
        fields,
        "Packet type and flags",
        0..1,
        || match packet_type {
            Some(t) => format!("{t} (type {type_bits}), flags {flags:04b}"),
            None => format!("type {type_bits}, flags {flags:04b}"),
        },
    );
    let err = |kind, offset, field| DecodeError {
        kind,
        offset,
        field,
        packet_type,
    };
    let packet_type = match packet_type {
        Some(PacketType::Auth) if opts.version == ProtocolVersion::V311 => {
            return Err(err(
                DecodeErrorKind::ReservedPacketType(15),
                0,
                "Packet type",
            ))
        }
        Some(t) => t,
        None => {
            return Err(err(
                DecodeErrorKind::ReservedPacketType(type_bits),
                0,
                "Packet type",
            ))
        }
    };
    match packet_type.required_flags() {
        Some(expected) if flags != expected => {
            return Err(err(
                DecodeErrorKind::InvalidFixedHeaderFlags {
                    expected,
                    found: flags,
                },
                0,
                "Fixed header flags",
            ))
        }
        Some(_) => {}
        None => {
            let qos = (flags >> 1) & 0b11;
            if qos == 3 {
                return Err(err(DecodeErrorKind::InvalidQoS(3), 0, "QoS"));
            }
            if qos == 0 && flags & 0b1000 != 0 {
                return Err(err(DecodeErrorKind::DupOnQoS0, 0, "DUP flag"));
            }
        }
    }

    let mut value: u32 = 0;
    let mut i = 1;
    loop {
        if i == 5 {
            return Err(err(
                DecodeErrorKind::VariableByteIntegerTooLong,
                4,
                "Remaining Length",
            ));
        }
        let Some(&b) = buf.get(i) else {
            return Ok(None);
        };
        value |= u32::from(b & 0x7F) << (7 * (i - 1));
        i += 1;
        if b & 0x80 == 0 {
            if i > 2 && b == 0 {
                return Err(err(
                    DecodeErrorKind::VariableByteIntegerNotMinimal,
                    i - 1,
                    "Remaining Length",
                ));
            }
            break;
        }
    }
    let header = FixedHeader {
        packet_type,
        flags,
        remaining_length: value,
        header_len: i,
    };
    record(fields, "Remaining Length", 1..i, || {
        format!("{value} bytes follow")
    });
    let size = header.header_len as u64 + u64::from(value);
    if size > u64::from(opts.max_packet_size) {
        return Err(err(
            DecodeErrorKind::PacketTooLarge {
                size,
                max: opts.max_packet_size,
            },
            1,
            "Remaining Length",
        ));
    }
    Ok(Some(header))
}

impl<'a, 'r> Reader<'a, 'r> {
    /// A reader over one complete packet (`buf` is the whole packet).
    pub(crate) fn new(
        buf: &'a [u8],
        header: &FixedHeader,
        version: ProtocolVersion,
        fields: &'r mut Recorder,
    ) -> Self {
        Reader {
            buf,
            pos: header.header_len,
            end: header.packet_len().min(buf.len()),
            packet_type: header.packet_type,
            version,
            fields,
        }
    }

    pub(crate) fn packet_type(&self) -> PacketType {
        self.packet_type
    }

    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    pub(crate) fn remaining(&self) -> usize {
        self.end - self.pos
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.pos >= self.end
    }

    pub(crate) fn error(
        &self,
        kind: DecodeErrorKind,
        offset: usize,
        field: &'static str,
    ) -> DecodeError {
        DecodeError {
            kind,
            offset,
            field,
            packet_type: Some(self.packet_type),
        }
    }

    /// Records a field from `start` to the current position.
    pub(crate) fn record(
        &mut self,
        name: impl Into<Cow<'static, str>>,
        start: usize,
        value: impl FnOnce() -> String,
    ) {
        record(self.fields, name, start..self.pos, value);
    }

    pub(crate) fn recording(&self) -> bool {
        self.fields.is_some()
    }

    fn take(&mut self, n: usize, field: &'static str) -> Result<&'a [u8], DecodeError> {
        let available = self.remaining();
        if n > available {
            return Err(self.error(
                DecodeErrorKind::UnexpectedEndOfPacket {
                    needed: n,
                    available,
                },
                self.pos,
                field,
            ));
        }
        let bytes = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(bytes)
    }

    pub(crate) fn raw_u8(&mut self, field: &'static str) -> Result<u8, DecodeError> {
        Ok(self.take(1, field)?[0])
    }

    pub(crate) fn raw_u16(&mut self, field: &'static str) -> Result<u16, DecodeError> {
        let b = self.take(2, field)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    fn raw_u32(&mut self, field: &'static str) -> Result<u32, DecodeError> {
        let b = self.take(4, field)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub(crate) fn raw_varint(&mut self, field: &'static str) -> Result<u32, DecodeError> {
        let start = self.pos;
        let mut value: u32 = 0;
        for i in 0..4 {
            let b = self.raw_u8(field)?;
            value |= u32::from(b & 0x7F) << (7 * i);
            if b & 0x80 == 0 {
                if i > 0 && b == 0 {
                    return Err(self.error(
                        DecodeErrorKind::VariableByteIntegerNotMinimal,
                        self.pos - 1,
                        field,
                    ));
                }
                return Ok(value);
            }
        }
        Err(self.error(
            DecodeErrorKind::VariableByteIntegerTooLong,
            start + 3,
            field,
        ))
    }

    fn raw_binary(&mut self, field: &'static str) -> Result<&'a [u8], DecodeError> {
        let len = self.raw_u16(field)?;
        self.take(usize::from(len), field)
    }

    fn raw_string(&mut self, field: &'static str) -> Result<String, DecodeError> {
        let start = self.pos + 2;
        let bytes = self.raw_binary(field)?;
        let s = core::str::from_utf8(bytes).map_err(|e| {
            self.error(DecodeErrorKind::InvalidUtf8, start + e.valid_up_to(), field)
        })?;
        if let Some(i) = s.bytes().position(|b| b == 0) {
            return Err(self.error(DecodeErrorKind::NullCharacter, start + i, field));
        }
        Ok(s.to_owned())
    }

    /// A one-byte field.
    pub(crate) fn u8(&mut self, field: &'static str) -> Result<u8, DecodeError> {
        let start = self.pos;
        let v = self.raw_u8(field)?;
        self.record(field, start, || format!("{v} (0x{v:02X})"));
        Ok(v)
    }

    /// A Two Byte Integer field.
    pub(crate) fn u16(&mut self, field: &'static str) -> Result<u16, DecodeError> {
        let start = self.pos;
        let v = self.raw_u16(field)?;
        self.record(field, start, || v.to_string());
        Ok(v)
    }

    /// A Packet Identifier, which must not be 0.
    pub(crate) fn packet_id(&mut self) -> Result<super::PacketId, DecodeError> {
        let start = self.pos;
        let v = self.u16("Packet Identifier")?;
        super::PacketId::new(v)
            .ok_or_else(|| self.error(DecodeErrorKind::ZeroPacketId, start, "Packet Identifier"))
    }

    /// A UTF-8 Encoded String field.
    pub(crate) fn string(&mut self, field: &'static str) -> Result<String, DecodeError> {
        self.string_named(field, field)
    }

    /// A UTF-8 Encoded String recorded under a computed name.
    pub(crate) fn string_named(
        &mut self,
        field: &'static str,
        name: impl Into<Cow<'static, str>>,
    ) -> Result<String, DecodeError> {
        let start = self.pos;
        let s = self.raw_string(field)?;
        self.record(name, start, || format!("{s:?}"));
        Ok(s)
    }

    /// A Binary Data field.
    pub(crate) fn binary(&mut self, field: &'static str) -> Result<Vec<u8>, DecodeError> {
        let start = self.pos;
        let b = self.raw_binary(field)?;
        self.record(field, start, || hex_preview(b));
        Ok(b.to_vec())
    }

    /// Everything up to the end of the packet (the PUBLISH payload).
    pub(crate) fn rest(&mut self, field: &'static str) -> Vec<u8> {
        let start = self.pos;
        let bytes = &self.buf[self.pos..self.end];
        self.pos = self.end;
        if !bytes.is_empty() {
            self.record(field, start, || format!("{} bytes", bytes.len()));
        }
        bytes.to_vec()
    }

    /// Fails if bytes are left after the last field.
    pub(crate) fn finish(&self) -> Result<(), DecodeError> {
        if self.pos < self.end {
            return Err(self.error(
                DecodeErrorKind::TrailingBytes(self.end - self.pos),
                self.pos,
                "End of packet",
            ));
        }
        Ok(())
    }

    /// A Reason Code byte, checked against what this packet may carry.
    pub(crate) fn reason_code(
        &mut self,
        field: &'static str,
    ) -> Result<super::ReasonCode, DecodeError> {
        let start = self.pos;
        let code = super::ReasonCode(self.raw_u8(field)?);
        let (packet, version) = (self.packet_type, self.version);
        self.record(field, start, || match code.name(packet, version) {
            Some(name) => format!("0x{:02X} {name}", code.0),
            None => format!("0x{:02X} (not allowed here)", code.0),
        });
        if !code.is_allowed(packet, version) {
            return Err(self.error(DecodeErrorKind::InvalidReasonCode(code.0), start, field));
        }
        Ok(code)
    }

    /// A property list (MQTT 5 only; callers check the version).
    pub(crate) fn properties(&mut self, ctx: PropertyContext) -> Result<Properties, DecodeError> {
        let field = match ctx {
            PropertyContext::Will => "Will Properties Length",
            PropertyContext::Packet(_) => "Properties Length",
        };
        let start = self.pos;
        let len = self.raw_varint(field)? as usize;
        self.record(field, start, || format!("{len} bytes of properties"));
        let available = self.remaining();
        if len > available {
            return Err(self.error(
                DecodeErrorKind::UnexpectedEndOfPacket {
                    needed: len,
                    available,
                },
                self.pos,
                field,
            ));
        }
        let outer_end = self.end;
        self.end = self.pos + len;
        let result = self.property_list(ctx);
        self.end = outer_end;
        result
    }

    fn property_list(&mut self, ctx: PropertyContext) -> Result<Properties, DecodeError> {
        let mut list = Vec::new();
        let mut seen: u64 = 0;
        while !self.is_empty() {
            let start = self.pos;
            let raw_id = self.raw_varint("Property Identifier")?;
            let id = u8::try_from(raw_id)
                .ok()
                .and_then(PropertyId::from_u8)
                .ok_or_else(|| {
                    self.error(
                        DecodeErrorKind::UnknownProperty(raw_id.min(255) as u8),
                        start,
                        "Property Identifier",
                    )
                })?;
            let info = id.info();
            if !info.allowed_in(ctx) {
                return Err(self.error(DecodeErrorKind::PropertyNotAllowed(id), start, info.name));
            }
            let bit = 1u64 << (id as u8);
            if seen & bit != 0 && !info.repeatable_in(ctx) {
                return Err(self.error(DecodeErrorKind::DuplicateProperty(id), start, info.name));
            }
            seen |= bit;
            let value_start = self.pos;
            let value = match info.value_type {
                ValueType::Byte => PropertyValue::Integer(u32::from(self.raw_u8(info.name)?)),
                ValueType::TwoByteInteger => {
                    PropertyValue::Integer(u32::from(self.raw_u16(info.name)?))
                }
                ValueType::FourByteInteger => PropertyValue::Integer(self.raw_u32(info.name)?),
                ValueType::VariableByteInteger => {
                    PropertyValue::Integer(self.raw_varint(info.name)?)
                }
                ValueType::Utf8String => PropertyValue::String(self.raw_string(info.name)?),
                ValueType::BinaryData => {
                    PropertyValue::Binary(self.raw_binary(info.name)?.to_vec())
                }
                ValueType::Utf8StringPair => {
                    let k = self.raw_string(info.name)?;
                    let v = self.raw_string(info.name)?;
                    PropertyValue::Pair(k, v)
                }
            };
            if let PropertyValue::Integer(v) = value {
                if !info.value_is_valid(v) {
                    return Err(self.error(
                        DecodeErrorKind::InvalidPropertyValue {
                            property: id,
                            value: v,
                        },
                        value_start,
                        info.name,
                    ));
                }
            }
            if self.recording() {
                let shown = match &value {
                    PropertyValue::Integer(v) => v.to_string(),
                    PropertyValue::String(s) => format!("{s:?}"),
                    PropertyValue::Binary(b) => hex_preview(b),
                    PropertyValue::Pair(k, v) => format!("{k:?} = {v:?}"),
                };
                self.record(format!("Property: {}", info.name), start, || shown);
            }
            list.push(Property { id, value });
        }
        Ok(Properties(list))
    }
}
