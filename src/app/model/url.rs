//! The broker's WebSocket URL: parsed once, with an error that says exactly
//! what is wrong, so the connection form can explain it before anything is
//! sent.
//!
//! Browsers speak MQTT only over WebSocket, so only `ws://` and `wss://` are
//! accepted. User names and passwords in the URL are refused: a URL ends up
//! in share links, profiles and logs, and a password must not.

use core::fmt;

/// A parsed `ws://` or `wss://` broker address.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BrokerUrl {
    /// The sandbox broker inside the page (`sandbox://in-browser`) rather
    /// than a WebSocket.
    pub sandbox: bool,
    /// `wss://` (TLS) rather than `ws://`; true for the sandbox, which no
    /// browser rule blocks.
    pub secure: bool,
    /// Host name or IP address, lower-case; IPv6 without the brackets.
    pub host: String,
    /// The port (80 / 443 when the URL gives none).
    pub port: u16,
    /// Path, with the query string if there is one; at least `/`.
    pub path: String,
}

/// The host part of the sandbox broker's address, `sandbox://in-browser`.
pub const SANDBOX_HOST: &str = "in-browser";

/// Why a broker URL was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlError {
    /// Nothing was entered.
    Empty,
    /// Spaces, tabs or line breaks inside the URL.
    ContainsWhitespace,
    /// No `ws://` or `wss://` in front (e.g. `broker.hivemq.com:8884/mqtt`).
    MissingScheme,
    /// A scheme other than `ws` / `wss`, lower-cased: `mqtt`, `mqtts`,
    /// `tcp`, `http`, `https`…
    UnsupportedScheme(String),
    /// `user:password@` in the URL.
    ContainsCredentials,
    /// No host after the scheme.
    MissingHost,
    /// A host with a character no host name may contain.
    InvalidHost(String),
    /// An IPv6 address without its closing `]`, or not an IPv6 address.
    InvalidIpv6(String),
    /// A port that is not a number from 1 to 65535 (the text as given).
    InvalidPort(String),
    /// A `#fragment`: WebSocket URLs may not have one.
    ContainsFragment,
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::url_error(crate::i18n::Lang::En, self))
    }
}

impl std::error::Error for UrlError {}

impl BrokerUrl {
    /// Parses what the user typed (surrounding whitespace is ignored).
    pub fn parse(input: &str) -> Result<BrokerUrl, UrlError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(UrlError::Empty);
        }
        if s.chars().any(char::is_whitespace) {
            return Err(UrlError::ContainsWhitespace);
        }
        let Some((scheme, rest)) = s.split_once("://") else {
            return Err(match s.split_once(':') {
                // `mqtt:host` and the like: a scheme without the slashes.
                Some((scheme, _)) if is_scheme(scheme) && !looks_like_port_suffix(s) => {
                    UrlError::UnsupportedScheme(scheme.to_ascii_lowercase())
                }
                _ => UrlError::MissingScheme,
            });
        };
        let scheme = scheme.to_ascii_lowercase();
        if scheme == "sandbox" {
            return match rest.trim_end_matches('/') {
                SANDBOX_HOST | "" => Ok(BrokerUrl::sandbox()),
                other => Err(UrlError::InvalidHost(other.to_string())),
            };
        }
        let secure = match scheme.as_str() {
            "ws" => false,
            "wss" => true,
            _ if is_scheme(&scheme) => return Err(UrlError::UnsupportedScheme(scheme)),
            _ => return Err(UrlError::MissingScheme),
        };
        if rest.contains('#') {
            return Err(UrlError::ContainsFragment);
        }
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, path) = rest.split_at(authority_end);
        if authority.contains('@') {
            return Err(UrlError::ContainsCredentials);
        }
        let (host, port) = split_host_port(authority)?;
        let port = match port {
            None => {
                if secure {
                    443
                } else {
                    80
                }
            }
            Some(p) => parse_port(p)?,
        };
        let path = if path.is_empty() {
            "/".to_string()
        } else if path.starts_with('?') {
            format!("/{path}")
        } else {
            path.to_string()
        };
        Ok(BrokerUrl {
            sandbox: false,
            secure,
            host,
            port,
            path,
        })
    }

    /// The sandbox broker that runs inside the page.
    pub fn sandbox() -> BrokerUrl {
        BrokerUrl {
            sandbox: true,
            secure: true,
            host: SANDBOX_HOST.to_string(),
            port: 0,
            path: String::new(),
        }
    }

    /// `ws`, `wss` or `sandbox`.
    pub fn scheme(&self) -> &'static str {
        if self.sandbox {
            "sandbox"
        } else if self.secure {
            "wss"
        } else {
            "ws"
        }
    }

    /// Whether the port is the scheme's default (80 for ws, 443 for wss).
    pub fn has_default_port(&self) -> bool {
        self.port == if self.secure { 443 } else { 80 }
    }

    /// Whether the host is this machine (`localhost`, 127.0.0.0/8, `::1`).
    /// Browsers treat these as trustworthy even without TLS.
    pub fn is_loopback(&self) -> bool {
        let h = self.host.as_str();
        h == "localhost"
            || h.ends_with(".localhost")
            || h == "::1"
            || h.strip_prefix("127.")
                .is_some_and(|r| r.split('.').count() == 3 && r.split('.').all(is_u8))
    }

    /// Whether the host is a HiveMQ Cloud cluster (`*.hivemq.cloud`).
    pub fn is_hivemq_cloud(&self) -> bool {
        self.host.ends_with(".hivemq.cloud")
    }
}

impl fmt::Display for BrokerUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.sandbox {
            return write!(f, "sandbox://{SANDBOX_HOST}");
        }
        write!(f, "{}://", self.scheme())?;
        if self.host.contains(':') {
            write!(f, "[{}]", self.host)?;
        } else {
            f.write_str(&self.host)?;
        }
        if !self.has_default_port() {
            write!(f, ":{}", self.port)?;
        }
        f.write_str(&self.path)
    }
}

/// Whether a browser on a page loaded over `https://` will refuse to open
/// this URL as mixed content: plain `ws://` to anything but this machine.
pub fn mixed_content_blocked(page_is_https: bool, url: &BrokerUrl) -> bool {
    page_is_https && !url.secure && !url.is_loopback()
}

/// RFC 3986 scheme syntax: a letter, then letters, digits, `+`, `-`, `.`.
fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `host:1883` or `host:8884/mqtt` without a scheme: the part after the
/// first `:` starts with a digit.
fn looks_like_port_suffix(s: &str) -> bool {
    s.split_once(':')
        .is_some_and(|(_, rest)| rest.starts_with(|c: char| c.is_ascii_digit()))
}

fn is_u8(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 3
        && s.bytes().all(|b| b.is_ascii_digit())
        && s.parse::<u8>().is_ok()
}

fn parse_port(p: &str) -> Result<u16, UrlError> {
    if p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
        return Err(UrlError::InvalidPort(p.to_string()));
    }
    match p.parse::<u16>() {
        Ok(0) | Err(_) => Err(UrlError::InvalidPort(p.to_string())),
        Ok(n) => Ok(n),
    }
}

/// Splits `host[:port]` / `[v6][:port]`; the host comes back lower-case.
pub(crate) fn split_host_port(authority: &str) -> Result<(String, Option<&str>), UrlError> {
    if let Some(inner) = authority.strip_prefix('[') {
        let Some((addr, after)) = inner.split_once(']') else {
            return Err(UrlError::InvalidIpv6(authority.to_string()));
        };
        let valid = addr.contains(':')
            && addr
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
        if !valid {
            return Err(UrlError::InvalidIpv6(authority.to_string()));
        }
        let port = match after {
            "" => None,
            _ => match after.strip_prefix(':') {
                Some(p) => Some(p),
                None => return Err(UrlError::InvalidPort(after.to_string())),
            },
        };
        return Ok((addr.to_ascii_lowercase(), port));
    }
    if authority.matches(':').count() > 1 {
        // `::1` without brackets, or `host:1:2`.
        return Err(UrlError::InvalidIpv6(authority.to_string()));
    }
    let (host, port) = match authority.split_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    if host.is_empty() {
        return Err(UrlError::MissingHost);
    }
    let valid_host = host
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_'))
        && !host.starts_with('.')
        && !host.contains("..");
    if !valid_host {
        return Err(UrlError::InvalidHost(host.to_string()));
    }
    Ok((host.to_lowercase(), port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sandbox_address() {
        for input in [
            "sandbox://in-browser",
            "SANDBOX://in-browser/",
            " sandbox:// ",
        ] {
            let u = BrokerUrl::parse(input).unwrap();
            assert!(u.sandbox && u.secure, "{input}");
            assert_eq!(u.to_string(), "sandbox://in-browser");
        }
        assert!(!mixed_content_blocked(true, &BrokerUrl::sandbox()));
        assert_eq!(
            BrokerUrl::parse("sandbox://elsewhere"),
            Err(UrlError::InvalidHost("elsewhere".into()))
        );
        assert!(!BrokerUrl::parse("ws://127.0.0.1:9001").unwrap().sandbox);
    }

    fn url(secure: bool, host: &str, port: u16, path: &str) -> BrokerUrl {
        BrokerUrl {
            sandbox: false,
            secure,
            host: host.into(),
            port,
            path: path.into(),
        }
    }

    #[test]
    fn parses_the_presets_and_hivemq_cloud() {
        assert_eq!(
            BrokerUrl::parse("wss://broker.hivemq.com:8884/mqtt"),
            Ok(url(true, "broker.hivemq.com", 8884, "/mqtt"))
        );
        assert_eq!(
            BrokerUrl::parse("ws://127.0.0.1:9001"),
            Ok(url(false, "127.0.0.1", 9001, "/"))
        );
        let cloud = BrokerUrl::parse("  WSS://ABCD1234.s1.eu.HiveMQ.cloud:8884/mqtt \n").unwrap();
        assert_eq!(
            cloud,
            url(true, "abcd1234.s1.eu.hivemq.cloud", 8884, "/mqtt")
        );
        assert!(cloud.is_hivemq_cloud());
    }

    #[test]
    fn default_ports_and_path() {
        assert_eq!(
            BrokerUrl::parse("ws://example.com"),
            Ok(url(false, "example.com", 80, "/"))
        );
        assert_eq!(
            BrokerUrl::parse("wss://example.com/"),
            Ok(url(true, "example.com", 443, "/"))
        );
        assert_eq!(
            BrokerUrl::parse("wss://example.com?token=1"),
            Ok(url(true, "example.com", 443, "/?token=1"))
        );
        assert_eq!(
            BrokerUrl::parse("wss://example.com/mqtt?x=1&y=2")
                .unwrap()
                .path,
            "/mqtt?x=1&y=2"
        );
    }

    #[test]
    fn ipv6() {
        assert_eq!(
            BrokerUrl::parse("ws://[::1]:9001/mqtt"),
            Ok(url(false, "::1", 9001, "/mqtt"))
        );
        assert_eq!(
            BrokerUrl::parse("wss://[2001:DB8::7]"),
            Ok(url(true, "2001:db8::7", 443, "/"))
        );
        assert!(matches!(
            BrokerUrl::parse("ws://[::1:9001"),
            Err(UrlError::InvalidIpv6(_))
        ));
        assert!(matches!(
            BrokerUrl::parse("ws://::1:9001"),
            Err(UrlError::InvalidIpv6(_))
        ));
        assert!(matches!(
            BrokerUrl::parse("ws://[zz::1]"),
            Err(UrlError::InvalidIpv6(_))
        ));
        assert!(matches!(
            BrokerUrl::parse("ws://[::1]x"),
            Err(UrlError::InvalidPort(_))
        ));
    }

    #[test]
    fn specific_errors() {
        use UrlError::*;
        assert_eq!(BrokerUrl::parse("   "), Err(Empty));
        assert_eq!(BrokerUrl::parse("ws://a b"), Err(ContainsWhitespace));
        assert_eq!(
            BrokerUrl::parse("broker.hivemq.com:8884/mqtt"),
            Err(MissingScheme)
        );
        assert_eq!(BrokerUrl::parse("broker.hivemq.com"), Err(MissingScheme));
        assert_eq!(
            BrokerUrl::parse("mqtt://broker.hivemq.com:1883"),
            Err(UnsupportedScheme("mqtt".into()))
        );
        assert_eq!(
            BrokerUrl::parse("MQTTS://broker:8883"),
            Err(UnsupportedScheme("mqtts".into()))
        );
        assert_eq!(
            BrokerUrl::parse("https://x.s1.eu.hivemq.cloud"),
            Err(UnsupportedScheme("https".into()))
        );
        assert_eq!(
            BrokerUrl::parse("tcp:broker"),
            Err(UnsupportedScheme("tcp".into()))
        );
        assert_eq!(
            BrokerUrl::parse("wss://user:secret@host:8884/mqtt"),
            Err(ContainsCredentials)
        );
        assert_eq!(
            BrokerUrl::parse("wss://user@host"),
            Err(ContainsCredentials)
        );
        assert_eq!(BrokerUrl::parse("wss://"), Err(MissingHost));
        assert_eq!(BrokerUrl::parse("wss://:8884/mqtt"), Err(MissingHost));
        assert_eq!(BrokerUrl::parse("ws://host:"), Err(InvalidPort("".into())));
        assert_eq!(
            BrokerUrl::parse("ws://host:0"),
            Err(InvalidPort("0".into()))
        );
        assert_eq!(
            BrokerUrl::parse("ws://host:65536"),
            Err(InvalidPort("65536".into()))
        );
        assert_eq!(
            BrokerUrl::parse("ws://host:-1"),
            Err(InvalidPort("-1".into()))
        );
        assert_eq!(
            BrokerUrl::parse("ws://host:88a/mqtt"),
            Err(InvalidPort("88a".into()))
        );
        assert_eq!(
            BrokerUrl::parse("ws://ho$t/"),
            Err(InvalidHost("ho$t".into()))
        );
        assert_eq!(
            BrokerUrl::parse("ws://a..b/"),
            Err(InvalidHost("a..b".into()))
        );
        assert_eq!(BrokerUrl::parse("ws://host/mqtt#x"), Err(ContainsFragment));
    }

    #[test]
    fn display_round_trips() {
        for s in [
            "wss://broker.hivemq.com:8884/mqtt",
            "ws://127.0.0.1:9001/",
            "ws://[::1]:9001/mqtt",
            "wss://example.com/",
            "ws://example.com:443/",
            "wss://example.com/mqtt?x=1",
        ] {
            let u = BrokerUrl::parse(s).unwrap();
            assert_eq!(u.to_string(), s);
            assert_eq!(BrokerUrl::parse(&u.to_string()), Ok(u));
        }
        assert_eq!(
            BrokerUrl::parse("ws://example.com:80").unwrap().to_string(),
            "ws://example.com/"
        );
    }

    #[test]
    fn mixed_content() {
        let plain = BrokerUrl::parse("ws://broker.example:9001").unwrap();
        let tls = BrokerUrl::parse("wss://broker.example:8884/mqtt").unwrap();
        assert!(mixed_content_blocked(true, &plain));
        assert!(!mixed_content_blocked(false, &plain));
        assert!(!mixed_content_blocked(true, &tls));
        for local in [
            "ws://127.0.0.1:9001",
            "ws://localhost:9001",
            "ws://[::1]:9001",
        ] {
            let u = BrokerUrl::parse(local).unwrap();
            assert!(u.is_loopback(), "{local}");
            assert!(!mixed_content_blocked(true, &u), "{local}");
        }
        assert!(!BrokerUrl::parse("ws://127.0.0.1.evil.com")
            .unwrap()
            .is_loopback());
    }
}
