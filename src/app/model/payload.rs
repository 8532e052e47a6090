//! How a payload is shown: MQTT payloads are just bytes, so the log guesses
//! the most readable form — pretty-printed JSON, plain text, or hex.

/// A payload made readable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PayloadView {
    /// A JSON object or array, pretty-printed.
    Json(String),
    /// UTF-8 text without control characters (tabs and line breaks allowed).
    Text(String),
    /// Anything else, as hex bytes separated by spaces, 16 to a line.
    Binary(String),
}

/// Bytes shown per hex line.
const HEX_PER_LINE: usize = 16;

/// Characters in a [`PayloadView::preview`] before it is cut with `…`.
pub const PREVIEW_CHARS: usize = 80;

impl PayloadView {
    /// The most readable form of `payload`.
    pub fn of(payload: &[u8]) -> PayloadView {
        match core::str::from_utf8(payload) {
            Ok(text) if is_printable(text) => {
                let trimmed = text.trim_start();
                if trimmed.starts_with('{') || trimmed.starts_with('[') {
                    if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
                        if let Ok(pretty) = serde_json::to_string_pretty(&value) {
                            return PayloadView::Json(pretty);
                        }
                    }
                }
                PayloadView::Text(text.to_string())
            }
            _ => PayloadView::Binary(hex(payload)),
        }
    }

    /// The text to display.
    pub fn text(&self) -> &str {
        match self {
            PayloadView::Json(s) | PayloadView::Text(s) | PayloadView::Binary(s) => s,
        }
    }

    /// `"json"`, `"text"` or `"binary"`, for CSS classes and tests.
    pub fn kind(&self) -> &'static str {
        match self {
            PayloadView::Json(_) => "json",
            PayloadView::Text(_) => "text",
            PayloadView::Binary(_) => "binary",
        }
    }

    /// One line for a collapsed log row: whitespace runs become one space
    /// and it is cut at [`PREVIEW_CHARS`] characters.
    pub fn preview(&self) -> String {
        let mut out = String::new();
        let mut chars = 0;
        let mut pending_space = false;
        for c in self.text().chars() {
            if c.is_whitespace() {
                pending_space = !out.is_empty();
                continue;
            }
            let needed = usize::from(pending_space) + 1;
            if chars + needed > PREVIEW_CHARS {
                out.push('…');
                return out;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
            chars += needed;
        }
        out
    }
}

fn is_printable(text: &str) -> bool {
    !text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// `48 65 6c 6c 6f`, with a line break after every 16 bytes.
pub fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(if i % HEX_PER_LINE == 0 { '\n' } else { ' ' });
        }
        out.push_str(&format!("{b:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_objects_and_arrays_are_pretty_printed() {
        let v = PayloadView::of(br#"{"temp":21.5,"ok":true}"#);
        assert_eq!(
            v,
            PayloadView::Json("{\n  \"temp\": 21.5,\n  \"ok\": true\n}".into())
        );
        assert_eq!(v.kind(), "json");
        assert_eq!(v.preview(), r#"{ "temp": 21.5, "ok": true }"#);
        assert_eq!(
            PayloadView::of(b" [1,2]"),
            PayloadView::Json("[\n  1,\n  2\n]".into())
        );
    }

    #[test]
    fn other_text_stays_text() {
        for s in [
            "hello",
            "42",
            "true",
            "\"quoted\"",
            "{broken",
            "온도 21도",
            "",
        ] {
            assert_eq!(
                PayloadView::of(s.as_bytes()),
                PayloadView::Text(s.into()),
                "{s}"
            );
        }
        let v = PayloadView::of(b"line 1\r\n\tline 2");
        assert_eq!(v.kind(), "text");
        assert_eq!(v.preview(), "line 1 line 2");
    }

    #[test]
    fn binary_is_hex() {
        assert_eq!(
            PayloadView::of(&[0xde, 0xad, 0xbe, 0xef]),
            PayloadView::Binary("de ad be ef".into())
        );
        assert_eq!(PayloadView::of(b"a\0b").kind(), "binary");
        let bytes: Vec<u8> = (0..20).collect();
        let v = PayloadView::of(&bytes);
        assert_eq!(
            v.text(),
            "00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f\n10 11 12 13"
        );
        assert_eq!(v.preview().lines().count(), 1);
    }

    #[test]
    fn preview_is_cut_to_a_line() {
        let long = "x".repeat(200);
        let p = PayloadView::of(long.as_bytes()).preview();
        assert_eq!(p.chars().count(), PREVIEW_CHARS + 1);
        assert!(p.ends_with('…'));
        let exact = "y".repeat(PREVIEW_CHARS);
        assert_eq!(PayloadView::of(exact.as_bytes()).preview(), exact);
        assert_eq!(PayloadView::of(b"  a  ").preview(), "a");
    }
}
