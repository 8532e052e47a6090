//! What the user is typing, before it becomes a command: the connection
//! form, the subscribe form and the publish form, each as plain data with a
//! pure reducer and the checks that decide whether anything may be sent.
//!
//! Each form component keeps its draft in a local `use_reducer`, so the
//! drafts follow the same rule as [`AppState`](super::state::AppState):
//! state changes only in a reducer, and the reducer is tested natively.

pub mod connection;
pub mod publish;
pub mod subscribe;

/// A number typed into a form field, outside the range it must be in (or
/// not a whole number at all).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberError {
    /// The smallest allowed value.
    pub min: u32,
    /// The largest allowed value.
    pub max: u32,
}

/// Parses a whole number typed into a field: surrounding spaces are
/// ignored, an empty field is an error (so nothing is guessed).
pub fn parse_number(text: &str, min: u32, max: u32) -> Result<u32, NumberError> {
    let err = NumberError { min, max };
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err);
    }
    match t.parse::<u64>() {
        Ok(n) if n >= u64::from(min) && n <= u64::from(max) => Ok(n as u32),
        _ => Err(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(parse_number(" 60 ", 0, 65_535), Ok(60));
        assert_eq!(parse_number("0", 0, 10), Ok(0));
        let e = Err(NumberError { min: 1, max: 600 });
        assert_eq!(parse_number("0", 1, 600), e);
        assert_eq!(parse_number("601", 1, 600), e);
        assert_eq!(parse_number("", 1, 600), e);
        assert_eq!(parse_number("-1", 1, 600), e);
        assert_eq!(parse_number("1.5", 1, 600), e);
        assert_eq!(parse_number("99999999999999999999", 1, 600), e);
        assert_eq!(parse_number("4294967295", 0, u32::MAX), Ok(u32::MAX));
    }
}
