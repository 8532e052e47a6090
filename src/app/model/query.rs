//! The page address: `?broker=<url>&lang=en|ko` pre-fills the broker URL
//! and picks the language, and the share link builds such an address.
//!
//! A share link carries only the broker URL — never a user name, password
//! or client ID — and [`BrokerUrl`] cannot hold credentials at all.

use super::url::BrokerUrl;
use crate::i18n::Lang;

/// What the page's query string asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageQuery {
    /// `broker=`: the broker URL to pre-fill, decoded, not yet validated
    /// (the connection form validates it like anything typed).
    pub broker: Option<String>,
    /// `lang=`: `en` or `ko` (`ko-KR` too); anything else is ignored.
    pub lang: Option<Lang>,
}

impl PageQuery {
    /// Parses `location.search` (with or without the leading `?`). Unknown
    /// parameters are ignored; for a repeated one the first wins.
    pub fn parse(search: &str) -> PageQuery {
        let mut q = PageQuery::default();
        let search = search.strip_prefix('?').unwrap_or(search);
        let search = search.split('#').next().unwrap_or("");
        for pair in search.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match percent_decode(key).as_str() {
                "broker" if q.broker.is_none() => {
                    let v = value.trim();
                    if !v.is_empty() {
                        q.broker = Some(v.to_string());
                    }
                }
                "lang" if q.lang.is_none() => q.lang = Lang::from_code(&value),
                _ => {}
            }
        }
        q
    }
}

/// A link to this page that pre-fills `broker`. `page` is the page's own
/// address; any query or fragment on it is replaced.
pub fn share_link(page: &str, broker: &BrokerUrl, lang: Option<Lang>) -> String {
    let base = page.split(['?', '#']).next().unwrap_or(page);
    let mut link = format!("{base}?broker={}", percent_encode(&broker.to_string()));
    if let Some(lang) = lang {
        link.push_str("&lang=");
        link.push_str(lang.code());
    }
    link
}

/// Decodes `%XX` escapes and `+` (a space in query strings). Broken escapes
/// are kept as they are; bytes that are not UTF-8 become U+FFFD.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let digit = |at: usize| bytes.get(at).copied().and_then(hex_value);
                match (digit(i + 1), digit(i + 2)) {
                    (Some(h), Some(l)) => {
                        out.push(h << 4 | l);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a query-string value: unreserved characters, `/` and `:` stay
/// (they are legal in a query and keep the link readable), the rest become
/// `%XX`.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/' | b':') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_broker_and_lang() {
        let q = PageQuery::parse("?broker=wss%3A%2F%2Fbroker.hivemq.com%3A8884%2Fmqtt&lang=ko");
        assert_eq!(
            q.broker.as_deref(),
            Some("wss://broker.hivemq.com:8884/mqtt")
        );
        assert_eq!(q.lang, Some(Lang::Ko));
        let q = PageQuery::parse("lang=en&broker=ws://127.0.0.1:9001&x=1");
        assert_eq!(q.broker.as_deref(), Some("ws://127.0.0.1:9001"));
        assert_eq!(q.lang, Some(Lang::En));
        assert_eq!(PageQuery::parse("?lang=ko-KR").lang, Some(Lang::Ko));
    }

    #[test]
    fn ignores_what_it_does_not_know() {
        assert_eq!(PageQuery::parse(""), PageQuery::default());
        assert_eq!(PageQuery::parse("?"), PageQuery::default());
        assert_eq!(PageQuery::parse("?lang=fr&broker=").lang, None);
        assert_eq!(PageQuery::parse("?lang=fr&broker=").broker, None);
        assert_eq!(PageQuery::parse("?broker=%20%20").broker, None);
        let q = PageQuery::parse("?lang=ko&lang=en&broker=a&broker=b#frag");
        assert_eq!((q.lang, q.broker.as_deref()), (Some(Lang::Ko), Some("a")));
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a+b%20c"), "a b c");
        assert_eq!(percent_decode("%ED%95%9C"), "한");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%ff"), "\u{FFFD}");
    }

    #[test]
    fn share_link_round_trips_and_has_no_credentials() {
        let url = BrokerUrl::parse("wss://abcd.s1.eu.hivemq.cloud:8884/mqtt?a=1&b=2").unwrap();
        let link = share_link("https://lab.example/app/?old=1#x", &url, Some(Lang::Ko));
        assert_eq!(
            link,
            "https://lab.example/app/?broker=wss://abcd.s1.eu.hivemq.cloud:8884/mqtt%3Fa%3D1%26b%3D2&lang=ko"
        );
        let query = link.split_once('?').unwrap().1;
        let q = PageQuery::parse(query);
        assert_eq!(BrokerUrl::parse(q.broker.as_deref().unwrap()), Ok(url));
        assert_eq!(q.lang, Some(Lang::Ko));

        let v6 = BrokerUrl::parse("ws://[::1]:9001").unwrap();
        let link = share_link("http://127.0.0.1:8080/", &v6, None);
        assert_eq!(link, "http://127.0.0.1:8080/?broker=ws://%5B::1%5D:9001/");
        let q = PageQuery::parse(link.split_once('?').unwrap().1);
        assert_eq!(BrokerUrl::parse(q.broker.as_deref().unwrap()), Ok(v6));
        assert!(!link.contains('@'));
    }
}
