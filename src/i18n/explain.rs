//! Explanations of what went wrong, in the chosen language, each naming the
//! rule or the cause and, where we can, what to do about it.
//!
//! Technical details that come straight from the protocol core (a decode
//! error's field and offset, a serde message) stay in English inside the
//! Korean sentence: they are meant to be matched with the spec or searched.

use super::reasons::{reason_code_name, reason_hint, ReasonContext};
use super::{pick, Lang};
use crate::app::model::profile::{ImportError, ProfileError, ProfileField};
use crate::app::model::url::{BrokerUrl, UrlError};
use crate::protocol::codec::{PacketType, ProtocolVersion, ReasonCode};
use crate::protocol::session::{CloseReason, CommandError, Negotiated, ProtocolError};
use crate::protocol::topic::{TopicError, MAX_TOPIC_LEN};
use crate::transport::OpenError;

/// Which topic rule is broken, and where (levels counted from 1).
pub fn topic_error(lang: Lang, e: &TopicError) -> String {
    match e {
        TopicError::Empty => say!(lang,
            "A topic can't be empty: type at least one character.";
            "Topic은 비어 있을 수 없습니다. 한 글자 이상 입력하세요."),
        TopicError::TooLong { len } => say!(lang,
            "Too long: {} bytes, but MQTT allows at most {} bytes of UTF-8.", len, MAX_TOPIC_LEN;
            "너무 깁니다: {}바이트입니다. MQTT는 UTF-8로 최대 {}바이트까지 허용합니다.", len, MAX_TOPIC_LEN),
        TopicError::NullCharacter { offset } => say!(lang,
            "Contains the null character U+0000 (at byte {}), which no MQTT string may contain.", offset;
            "MQTT 문자열에 쓸 수 없는 널 문자 U+0000이 들어 있습니다 (바이트 위치 {}).", offset),
        TopicError::WildcardInTopicName { wildcard, level } => say!(lang,
            "'{}' is a wildcard (level {}): wildcards belong in topic filters for subscribing, \
            not in a topic you publish to.", wildcard, level;
            "'{}'는 와일드카드입니다 ({}번째 단계). 와일드카드는 구독할 때 쓰는 Topic 필터에만 쓸 수 있고, \
            발행할 Topic에는 쓸 수 없습니다.", wildcard, level),
        TopicError::MultiLevelWildcardNotLast { level } => say!(lang,
            "'#' must be the last level (level {}): nothing may follow it, so write a/# rather than a/#/b.", level;
            "'#'은 마지막 단계에만 올 수 있습니다 ({}번째 단계). 뒤에 다른 단계가 올 수 없으니 a/#/b 대신 a/#처럼 쓰세요.", level),
        TopicError::MultiLevelWildcardNotAlone { level } => say!(lang,
            "'#' must stand alone in its level (level {}): write a/# rather than a/b#.", level;
            "'#'은 한 단계를 혼자 차지해야 합니다 ({}번째 단계). a/b# 대신 a/#처럼 쓰세요.", level),
        TopicError::SingleLevelWildcardNotAlone { level } => say!(lang,
            "'+' must stand alone in its level (level {}): write a/+/c rather than a/b+/c.", level;
            "'+'는 한 단계를 혼자 차지해야 합니다 ({}번째 단계). a/b+/c 대신 a/+/c처럼 쓰세요.", level),
        TopicError::SharedSubscriptionMissingGroup => say!(lang,
            "A shared subscription needs a group name after $share/, as in $share/group/sensors/#.";
            "공유 구독은 $share/ 뒤에 그룹 이름이 있어야 합니다. 예: $share/group/sensors/#"),
        TopicError::SharedSubscriptionInvalidGroup { character, offset } => say!(lang,
            "The group name of a shared subscription may not contain '{}' (at byte {}).", character, offset;
            "공유 구독의 그룹 이름에는 '{}'를 쓸 수 없습니다 (바이트 위치 {}).", character, offset),
        TopicError::SharedSubscriptionMissingFilter => say!(lang,
            "A shared subscription needs a topic filter after the group name, as in $share/group/sensors/#.";
            "공유 구독은 그룹 이름 뒤에 Topic 필터가 있어야 합니다. 예: $share/group/sensors/#"),
    }
}

/// Why the session refused a command (nothing was sent).
pub fn command_error(lang: Lang, e: &CommandError) -> String {
    match e {
        CommandError::NotConnected => say!(lang,
            "Not connected: connect to a broker first.";
            "연결되어 있지 않습니다. 먼저 Broker에 연결하세요."),
        CommandError::AlreadyConnected => say!(lang,
            "Already connected or connecting.";
            "이미 연결되어 있거나 연결하는 중입니다."),
        CommandError::InvalidTopicName(t) => say!(lang,
            "Invalid topic. {}", topic_error(lang, t);
            "Topic이 올바르지 않습니다. {}", topic_error(lang, t)),
        CommandError::InvalidTopicFilter { filter, error } => say!(lang,
            "Invalid topic filter \"{}\". {}", filter, topic_error(lang, error);
            "Topic 필터 \"{}\"가 올바르지 않습니다. {}", filter, topic_error(lang, error)),
        CommandError::NoTopicFilters => say!(lang,
            "Enter at least one topic filter.";
            "Topic 필터를 하나 이상 입력하세요."),
        CommandError::RequiresMqtt5(what) => say!(lang,
            "{} needs MQTT 5.0, but this connection uses MQTT 3.1.1.", what;
            "{}은(는) MQTT 5.0에서만 쓸 수 있는데, 지금 연결은 MQTT 3.1.1입니다.", what),
        CommandError::QosNotSupported { requested, maximum } => say!(lang,
            "The broker accepts at most QoS {}: choose that or lower instead of QoS {}.",
            maximum.as_u8(), requested.as_u8();
            "Broker는 QoS {}까지만 받습니다. QoS {} 대신 그 이하를 고르세요.",
            maximum.as_u8(), requested.as_u8()),
        CommandError::RetainNotSupported => say!(lang,
            "The broker does not keep retained messages: untick Retain.";
            "Broker가 Retain 메시지를 지원하지 않습니다. Retain을 해제하세요."),
        CommandError::PacketTooLarge { size, maximum } => say!(lang,
            "This message would be a {}-byte packet, but the broker accepts at most {} bytes.", size, maximum;
            "이 메시지는 {}바이트 패킷이 되는데, Broker는 최대 {}바이트까지만 받습니다.", size, maximum),
        CommandError::PacketIdsExhausted => say!(lang,
            "All 65535 packet identifiers are waiting for acknowledgements: wait before sending more.";
            "패킷 ID 65535개가 모두 응답을 기다리고 있습니다. 응답이 온 뒤에 더 보내세요."),
        CommandError::TopicAliasInvalid { alias, maximum: 0 } => say!(lang,
            "Topic Alias {} can't be used: the broker accepts no topic aliases.", alias;
            "Topic Alias {}는 쓸 수 없습니다. 이 Broker는 Topic Alias를 받지 않습니다.", alias),
        CommandError::TopicAliasInvalid { alias, maximum } => say!(lang,
            "Topic Alias {} can't be used: the broker accepts 1 to {}.", alias, maximum;
            "Topic Alias {}는 쓸 수 없습니다. Broker가 받는 범위는 1부터 {}까지입니다.", alias, maximum),
        CommandError::Encode(e) => say!(lang,
            "The packet could not be built: {}", e;
            "패킷을 만들 수 없습니다: {}", e),
    }
}

fn hex(code: ReasonCode) -> String {
    format!("0x{:02X}", code.0)
}

fn broker_said(lang: Lang, reason_string: Option<&str>) -> String {
    match reason_string.filter(|s| !s.trim().is_empty()) {
        None => String::new(),
        Some(s) => say!(lang, " The broker says: \"{}\"", s; " Broker의 설명: \"{}\"", s),
    }
}

fn with_hint(text: String, hint: Option<&str>) -> String {
    match hint {
        Some(h) => format!("{text} {h}"),
        None => text,
    }
}

/// Why a connection ended, in words a learner can act on.
pub fn close_reason(lang: Lang, reason: &CloseReason) -> String {
    match reason {
        CloseReason::ClientDisconnected => say!(lang,
            "Disconnected by you.";
            "직접 연결을 끊었습니다."),
        CloseReason::ConnectRefused {
            version,
            reason_code,
            reason_string,
        } => {
            let name = reason_code_name(lang, PacketType::ConnAck, *version, *reason_code);
            let text = say!(lang,
                "The broker refused the connection: {} ({}).", name, hex(*reason_code);
                "Broker가 연결을 거부했습니다: {} ({}).", name, hex(*reason_code));
            let hint = reason_hint(lang, ReasonContext::ConnAck, *version, *reason_code);
            with_hint(text, hint) + &broker_said(lang, reason_string.as_deref())
        }
        CloseReason::ConnectTimeout => say!(lang,
            "The WebSocket opened but the broker did not answer CONNECT (no CONNACK) within the \
            connect timeout. The address may point to a server that does not speak MQTT on this path, \
            or the broker is overloaded.";
            "WebSocket은 열렸지만 연결 제한 시간 안에 Broker가 CONNECT에 답하지 않았습니다 (CONNACK 없음). \
            이 경로에서 MQTT를 쓰지 않는 서버이거나 Broker가 과부하 상태일 수 있습니다."),
        CloseReason::KeepAliveTimeout => say!(lang,
            "Nothing was heard from the broker within 1.5 × keep alive, so the connection was \
            given up: the network or the broker stopped responding.";
            "Keep Alive의 1.5배 시간 동안 Broker에서 아무것도 오지 않아 연결을 포기했습니다. \
            네트워크나 Broker가 응답하지 않습니다."),
        CloseReason::ServerDisconnected {
            reason_code,
            reason_string,
            server_reference,
        } => {
            let name = reason_code_name(
                lang,
                PacketType::Disconnect,
                ProtocolVersion::V5,
                *reason_code,
            );
            let text = say!(lang,
                "The broker closed the connection (DISCONNECT): {} ({}).", name, hex(*reason_code);
                "Broker가 연결을 끊었습니다 (DISCONNECT): {} ({}).", name, hex(*reason_code));
            let hint = reason_hint(
                lang,
                ReasonContext::Disconnect,
                ProtocolVersion::V5,
                *reason_code,
            );
            let mut s = with_hint(text, hint) + &broker_said(lang, reason_string.as_deref());
            if let Some(r) = server_reference.as_deref().filter(|r| !r.is_empty()) {
                s += &say!(lang, " Server reference: {}", r; " 안내된 서버: {}", r);
            }
            s
        }
        CloseReason::ProtocolViolation(e) => say!(lang,
            "The broker broke the MQTT protocol, so the connection was closed: {}", protocol_error(lang, e);
            "Broker가 MQTT 프로토콜을 어겨서 연결을 닫았습니다: {}", protocol_error(lang, e)),
        CloseReason::TransportClosed => say!(lang,
            "The connection closed.";
            "연결이 닫혔습니다."),
    }
}

/// The rule the broker broke.
pub fn protocol_error(lang: Lang, e: &ProtocolError) -> String {
    match e {
        ProtocolError::Malformed(d) => say!(lang,
            "a packet could not be decoded ({}; MQTT 5.0 section {}).", d, d.spec_section();
            "패킷을 해석할 수 없습니다 ({}; MQTT 5.0 {}절).", d, d.spec_section()),
        ProtocolError::UnexpectedPacket(t) => say!(lang,
            "it sent {}, which a broker may not send at this point.", t;
            "Broker가 지금 보내면 안 되는 {} 패킷을 보냈습니다.", t),
        ProtocolError::ReceiveMaximumExceeded { maximum } => say!(lang,
            "it sent more than {} unacknowledged QoS 2 messages at once (our Receive Maximum).", maximum;
            "응답하지 않은 QoS 2 메시지를 한 번에 {}개(우리의 Receive Maximum)보다 많이 보냈습니다.", maximum),
        ProtocolError::TopicAliasInvalid { alias, maximum } => say!(lang,
            "it used Topic Alias {}, above our Topic Alias Maximum of {}.", alias, maximum;
            "우리의 Topic Alias Maximum({})보다 큰 Topic Alias {}를 썼습니다.", maximum, alias),
        ProtocolError::UnknownTopicAlias(a) => say!(lang,
            "it used Topic Alias {} without ever saying which topic it stands for.", a;
            "어떤 Topic인지 알려 주지 않은 Topic Alias {}를 썼습니다.", a),
        ProtocolError::SessionPresentOnCleanStart => say!(lang,
            "CONNACK says a session was resumed although we asked for a clean start.";
            "Clean Start를 요청했는데 CONNACK에 이전 세션을 이어받았다고(Session Present) 표시했습니다."),
        ProtocolError::ReasonCodeCount {
            packet_type,
            expected,
            found,
        } => say!(lang,
            "{} carried {} reason code(s) for {} topic filter(s).", packet_type, found, expected;
            "{}에 Topic 필터 {}개에 대한 이유 코드가 {}개 들어 있었습니다.", packet_type, expected, found),
    }
}

/// Why a WebSocket closed, given whether it had ever opened and where it
/// was going.
pub fn socket_closed(lang: Lang, code: u16, reason: &str, opened: bool, url: &BrokerUrl) -> String {
    socket_closed_at(lang, code, reason, opened, Some(url))
}

/// [`socket_closed`] when the URL may be unknown.
pub(crate) fn socket_closed_at(
    lang: Lang,
    code: u16,
    reason: &str,
    opened: bool,
    url: Option<&BrokerUrl>,
) -> String {
    let mut s = match (code, opened) {
        (1006, false) => unreachable_broker(lang, url),
        (1000, _) | (1005, _) => say!(lang,
            "The broker closed the WebSocket ({}).", code;
            "Broker가 WebSocket을 닫았습니다 ({}).", code),
        (1006, true) => say!(lang,
            "The connection was lost without a closing handshake (1006): the network dropped or the broker stopped.";
            "종료 절차 없이 연결이 끊겼습니다 (1006). 네트워크가 끊겼거나 Broker가 멈췄습니다."),
        (1001, _) => say!(lang,
            "The broker is going away (1001), for example restarting.";
            "Broker가 내려가는 중입니다 (1001). 재시작 중일 수 있습니다."),
        (1002, _) => say!(lang,
            "The broker reported a WebSocket protocol error (1002).";
            "Broker가 WebSocket 프로토콜 오류를 알렸습니다 (1002)."),
        (1003, _) | (1007, _) => say!(lang,
            "The broker refused the data it received ({}).", code;
            "Broker가 받은 데이터를 거부했습니다 ({}).", code),
        (1008, _) => say!(lang,
            "The broker's policy refused this connection (1008), for example a missing permission.";
            "Broker의 정책이 이 연결을 거부했습니다 (1008). 권한이 없을 수 있습니다."),
        (1009, _) => say!(lang,
            "A message was too big for the broker (1009).";
            "메시지가 Broker가 받기에 너무 컸습니다 (1009)."),
        (1011, _) => say!(lang,
            "The broker hit an internal error (1011).";
            "Broker에서 내부 오류가 났습니다 (1011)."),
        (1012, _) | (1013, _) => say!(lang,
            "The broker is restarting or overloaded ({}): it will be tried again.", code;
            "Broker가 재시작 중이거나 과부하 상태입니다 ({}). 다시 시도합니다.", code),
        (1015, _) => say!(lang,
            "The TLS handshake failed (1015): the browser does not trust the broker's certificate.";
            "TLS 핸드셰이크에 실패했습니다 (1015). 브라우저가 Broker의 인증서를 신뢰하지 않습니다."),
        (_, false) => say!(lang,
            "The WebSocket closed before it opened (code {}).", code;
            "WebSocket이 열리기 전에 닫혔습니다 (코드 {}).", code),
        _ => say!(lang,
            "The WebSocket closed with code {}.", code;
            "WebSocket이 코드 {}로 닫혔습니다.", code),
    };
    let reason = reason.trim();
    if !reason.is_empty() {
        s += &say!(lang, " Reason given: \"{}\"", reason; " 전달된 이유: \"{}\"", reason);
    }
    s
}

/// 1006 before the socket ever opened: the browser hides the cause, so
/// list the likely ones, most specific first.
fn unreachable_broker(lang: Lang, url: Option<&BrokerUrl>) -> String {
    let mut s = match url {
        Some(u) => say!(lang,
            "Could not open a WebSocket to {} (closed with 1006 before opening).", u;
            "{}에 WebSocket을 열 수 없었습니다 (열리기 전에 1006으로 닫힘).", u),
        None => say!(lang,
            "Could not open the WebSocket (closed with 1006 before opening).";
            "WebSocket을 열 수 없었습니다 (열리기 전에 1006으로 닫힘)."),
    };
    s += pick(
        lang,
        " The browser does not say why; likely causes:",
        " 브라우저는 이유를 알려 주지 않습니다. 흔한 원인:",
    );
    if let Some(u) = url {
        if u.is_hivemq_cloud() && (u.port != 8884 || u.path != "/mqtt" || !u.secure) {
            s += pick(lang,
                " HiveMQ Cloud's WebSocket listener is wss:// on port 8884 with path /mqtt, which this address does not use.",
                " HiveMQ Cloud의 WebSocket 주소는 wss://, 포트 8884, 경로 /mqtt인데 이 주소는 그렇지 않습니다.");
        }
        if matches!(u.port, 1883 | 8883) {
            s += &say!(lang,
                " Port {} is for MQTT over TCP, which browsers cannot use; the broker's WebSocket port is another one (HiveMQ Cloud: 8884, Mosquitto often 9001 or 8080).", u.port;
                " 포트 {}는 브라우저에서 쓸 수 없는 TCP용 MQTT 포트입니다. Broker의 WebSocket 포트는 따로 있습니다 (HiveMQ Cloud: 8884, Mosquitto는 보통 9001이나 8080).", u.port);
        }
    }
    s += pick(
        lang,
        " (1) a wrong host, port or path (HiveMQ Cloud uses port 8884 and path /mqtt);",
        " (1) 호스트, 포트, 경로가 틀림 (HiveMQ Cloud는 포트 8884, 경로 /mqtt);",
    );
    s += pick(
        lang,
        " (2) the broker is down or has no WebSocket listener there;",
        " (2) Broker가 꺼져 있거나 그 주소에 WebSocket 리스너가 없음;",
    );
    match url {
        Some(u) if !u.secure => {
            s += pick(
                lang,
                " (3) the broker expects TLS: try wss://.",
                " (3) Broker가 TLS를 요구함: wss://로 바꿔 보세요.",
            )
        }
        Some(u) => {
            s += &say!(lang,
            " (3) the browser does not trust the broker's TLS certificate (self-signed or expired): open https://{}:{}/ in a tab to see the certificate warning.",
            host_for_link(u), u.port;
            " (3) 브라우저가 Broker의 TLS 인증서를 신뢰하지 않음 (자체 서명 또는 만료): 새 탭에서 https://{}:{}/ 를 열어 인증서 경고를 확인하세요.",
            host_for_link(u), u.port)
        }
        None => {
            s += pick(
                lang,
                " (3) for wss://, the browser does not trust the broker's TLS certificate.",
                " (3) wss://라면 브라우저가 Broker의 TLS 인증서를 신뢰하지 않음.",
            )
        }
    }
    s
}

fn host_for_link(u: &BrokerUrl) -> String {
    if u.host.contains(':') {
        format!("[{}]", u.host)
    } else {
        u.host.clone()
    }
}

/// Why the driver did not even try to open the WebSocket.
pub fn open_error(lang: Lang, e: &OpenError) -> String {
    match e {
        OpenError::MixedContent => say!(lang,
            "This page was loaded over https://, and browsers block unencrypted ws:// connections from \
            such pages (mixed content). Use the broker's wss:// address, e.g. wss://broker.hivemq.com:8884/mqtt.";
            "이 페이지는 https://로 열렸는데, 브라우저는 이런 페이지에서 암호화되지 않은 ws:// 연결을 막습니다 \
            (혼합 콘텐츠). Broker의 wss:// 주소를 쓰세요. 예: wss://broker.hivemq.com:8884/mqtt"),
        OpenError::Rejected(msg) => say!(lang,
            "The browser refused to open a WebSocket to this address: {}", msg;
            "브라우저가 이 주소로 WebSocket을 열지 않았습니다: {}", msg),
    }
}

/// What is wrong with a typed broker URL.
pub fn url_error(lang: Lang, e: &UrlError) -> String {
    match e {
        UrlError::Empty => say!(lang,
            "Enter the broker's address, e.g. wss://broker.hivemq.com:8884/mqtt.";
            "Broker 주소를 입력하세요. 예: wss://broker.hivemq.com:8884/mqtt"),
        UrlError::ContainsWhitespace => say!(lang,
            "The address contains spaces or line breaks: remove them.";
            "주소에 공백이나 줄바꿈이 들어 있습니다. 지워 주세요."),
        UrlError::MissingScheme => say!(lang,
            "Start the address with wss:// (encrypted) or ws://, e.g. wss://broker.hivemq.com:8884/mqtt.";
            "주소는 wss://(암호화) 또는 ws://로 시작해야 합니다. 예: wss://broker.hivemq.com:8884/mqtt"),
        UrlError::UnsupportedScheme(s) => match s.as_str() {
            "mqtt" | "mqtts" | "tcp" | "ssl" | "tls" => say!(lang,
                "{}:// is MQTT over TCP, which a browser cannot open. Use the broker's WebSocket address: \
                wss://… (HiveMQ Cloud: port 8884, path /mqtt) or ws://… (Mosquitto often port 9001).", s;
                "{}://는 TCP용 MQTT 주소라서 브라우저에서는 열 수 없습니다. Broker의 WebSocket 주소를 쓰세요: \
                wss://… (HiveMQ Cloud: 포트 8884, 경로 /mqtt) 또는 ws://… (Mosquitto는 보통 포트 9001).", s),
            "http" | "https" => say!(lang,
                "{}:// is a web page address. MQTT in the browser needs ws:// or wss://.", s;
                "{}://는 웹 페이지 주소입니다. 브라우저에서 MQTT를 쓰려면 ws:// 또는 wss://가 필요합니다.", s),
            _ => say!(lang,
                "{}:// is not supported: use ws:// or wss://.", s;
                "{}://는 지원하지 않습니다. ws:// 또는 wss://를 쓰세요.", s),
        },
        UrlError::ContainsCredentials => say!(lang,
            "Remove the user name and password from the address (user:password@) and type them into \
            the Username and Password fields, so they never end up in links or logs.";
            "주소에서 사용자 이름과 비밀번호(user:password@)를 지우고 사용자 이름, 비밀번호 칸에 \
            입력하세요. 그래야 링크나 기록에 남지 않습니다."),
        UrlError::MissingHost => say!(lang,
            "The address has no host after ://, e.g. wss://broker.hivemq.com:8884/mqtt.";
            "주소의 :// 뒤에 호스트가 없습니다. 예: wss://broker.hivemq.com:8884/mqtt"),
        UrlError::InvalidHost(h) => say!(lang,
            "\"{}\" is not a valid host name: use letters, digits, '-' and '.'.", h;
            "\"{}\"는 올바른 호스트 이름이 아닙니다. 영문자, 숫자, '-', '.'만 쓸 수 있습니다.", h),
        UrlError::InvalidIpv6(a) => say!(lang,
            "\"{}\" is not a valid IPv6 address: put it in brackets, e.g. ws://[::1]:9001.", a;
            "\"{}\"는 올바른 IPv6 주소가 아닙니다. 대괄호로 감싸세요. 예: ws://[::1]:9001", a),
        UrlError::InvalidPort(p) if p.is_empty() => say!(lang,
            "The port number after ':' is missing.";
            "':' 뒤에 포트 번호가 없습니다."),
        UrlError::InvalidPort(p) => say!(lang,
            "The port \"{}\" must be a number from 1 to 65535.", p;
            "포트 \"{}\"는 1부터 65535 사이의 숫자여야 합니다.", p),
        UrlError::ContainsFragment => say!(lang,
            "Remove the '#…' part: WebSocket addresses cannot have one.";
            "'#…' 부분을 지우세요. WebSocket 주소에는 쓸 수 없습니다."),
    }
}

/// A connection form field's name.
pub fn profile_field(lang: Lang, field: ProfileField) -> &'static str {
    use super::Msg;
    match field {
        ProfileField::ClientId => Msg::ClientId.text(lang),
        ProfileField::Username => Msg::Username.text(lang),
        ProfileField::Password => Msg::Password.text(lang),
        ProfileField::WillPayload => Msg::WillPayload.text(lang),
    }
}

/// What is wrong with the connection settings.
pub fn profile_error(lang: Lang, e: &ProfileError) -> String {
    match e {
        ProfileError::KeepAliveTooLarge(v) => say!(lang,
            "Keep alive {} is too large: at most 65535 seconds (0 turns it off).", v;
            "Keep Alive {}는 너무 큽니다. 최대 65535초까지 쓸 수 있습니다 (0이면 사용 안 함).", v),
        ProfileError::ConnectTimeoutOutOfRange(v) => say!(lang,
            "Connect timeout {} s is out of range: use 1 to {} seconds.", v,
            crate::app::model::profile::MAX_CONNECT_TIMEOUT_SECS;
            "연결 제한 시간 {}초는 범위를 벗어났습니다. 1초부터 {}초 사이로 정하세요.", v,
            crate::app::model::profile::MAX_CONNECT_TIMEOUT_SECS),
        ProfileError::EmptyClientIdNeedsCleanSession => say!(lang,
            "With MQTT 3.1.1, an empty client ID only works with Clean session ticked: enter a client ID or tick it.";
            "MQTT 3.1.1에서 클라이언트 ID를 비우려면 Clean Session을 체크해야 합니다. ID를 입력하거나 체크하세요."),
        ProfileError::TooLong { field, len } => say!(lang,
            "{} is too long: {} bytes, at most 65535.", profile_field(lang, *field), len;
            "{}이(가) 너무 깁니다: {}바이트이며 최대 65535바이트까지입니다.", profile_field(lang, *field), len),
        ProfileError::NullCharacter(field) => say!(lang,
            "{} contains the null character U+0000, which MQTT does not allow.", profile_field(lang, *field);
            "{}에 MQTT에서 허용하지 않는 널 문자 U+0000이 들어 있습니다.", profile_field(lang, *field)),
        ProfileError::PasswordWithoutUsername => say!(lang,
            "MQTT 3.1.1 does not allow a password without a username: enter the username too.";
            "MQTT 3.1.1에서는 사용자 이름 없이 비밀번호만 보낼 수 없습니다. 사용자 이름도 입력하세요."),
        ProfileError::WillTopic(t) => say!(lang,
            "Will topic: {}", topic_error(lang, t);
            "Will 메시지 Topic: {}", topic_error(lang, t)),
        ProfileError::WillQos(q) => say!(lang,
            "Will QoS {} does not exist: choose 0, 1 or 2.", q;
            "Will 메시지 QoS {}는 없습니다. 0, 1, 2 중에서 고르세요.", q),
    }
}

/// Why a profile file could not be imported.
pub fn import_error(lang: Lang, e: &ImportError) -> String {
    match e {
        ImportError::NotJson { line, column } => say!(lang,
            "This file is not valid JSON (line {}, column {}).", line, column;
            "올바른 JSON 파일이 아닙니다 ({}번째 줄, {}번째 칸).", line, column),
        ImportError::WrongShape => say!(lang,
            "This JSON is not an MQTT Lab profile export.";
            "MQTT Lab에서 내보낸 프로필 JSON이 아닙니다."),
        ImportError::UnsupportedVersion(v) => say!(lang,
            "This file was made by a newer MQTT Lab (format version {}): update the app first.", v;
            "더 새로운 MQTT Lab에서 만든 파일입니다 (형식 버전 {}). 앱을 먼저 업데이트하세요.", v),
        ImportError::NoProfiles => say!(lang,
            "The file contains no profiles.";
            "파일에 프로필이 하나도 없습니다."),
        ImportError::InvalidProfile { index, detail } => say!(lang,
            "Profile {} in the file is invalid: {}", index + 1, detail;
            "파일의 {}번째 프로필이 올바르지 않습니다: {}", index + 1, detail),
        ImportError::MissingName { index } => say!(lang,
            "Profile {} in the file has no name.", index + 1;
            "파일의 {}번째 프로필에 이름이 없습니다.", index + 1),
        ImportError::DuplicateName(n) => say!(lang,
            "Two profiles in the file are called \"{}\".", n;
            "파일에 \"{}\"라는 이름의 프로필이 두 개 있습니다.", n),
        ImportError::InvalidUrl { name, error } => say!(lang,
            "Profile \"{}\": {}", name, url_error(lang, error);
            "프로필 \"{}\": {}", name, url_error(lang, error)),
    }
}

/// Why the broker refused a publish (PUBACK / PUBREC reason code).
pub fn publish_failed(lang: Lang, code: ReasonCode, reason_string: Option<&str>) -> String {
    let name = reason_code_name(lang, PacketType::PubAck, ProtocolVersion::V5, code);
    let text = say!(lang,
        "The broker refused the message: {} ({}).", name, hex(code);
        "Broker가 메시지를 거부했습니다: {} ({}).", name, hex(code));
    with_hint(
        text,
        reason_hint(lang, ReasonContext::Publish, ProtocolVersion::V5, code),
    ) + &broker_said(lang, reason_string)
}

/// Why the broker refused a subscription (SUBACK code).
pub fn subscribe_failed(lang: Lang, version: ProtocolVersion, code: ReasonCode) -> String {
    let name = reason_code_name(lang, PacketType::SubAck, version, code);
    let text = say!(lang,
        "The broker refused the subscription: {} ({}).", name, hex(code);
        "Broker가 구독을 거부했습니다: {} ({}).", name, hex(code));
    with_hint(
        text,
        reason_hint(lang, ReasonContext::SubAck, version, code),
    )
}

/// Why the broker refused an unsubscribe (UNSUBACK code, 5.0).
pub fn unsubscribe_failed(lang: Lang, code: ReasonCode) -> String {
    let name = reason_code_name(lang, PacketType::UnsubAck, ProtocolVersion::V5, code);
    let text = say!(lang,
        "The broker refused to unsubscribe: {} ({}).", name, hex(code);
        "Broker가 구독 취소를 거부했습니다: {} ({}).", name, hex(code));
    with_hint(
        text,
        reason_hint(lang, ReasonContext::UnsubAck, ProtocolVersion::V5, code),
    )
}

/// The broker sent a text frame; MQTT over WebSocket is binary only.
pub fn text_frame_refused(lang: Lang) -> String {
    say!(lang,
        "The server sent a WebSocket text frame, but MQTT travels in binary frames only: \
        this address is probably not an MQTT broker's WebSocket listener.";
        "서버가 WebSocket 텍스트 프레임을 보냈는데, MQTT는 바이너리 프레임만 씁니다. \
        이 주소는 MQTT Broker의 WebSocket 주소가 아닐 가능성이 큽니다.")
}

/// The server chose a WebSocket subprotocol other than `mqtt`.
pub fn subprotocol_mismatch(lang: Lang, got: &str) -> String {
    if got.is_empty() {
        say!(lang,
            "The server did not accept the WebSocket subprotocol \"mqtt\": \
            this address is probably not an MQTT broker's WebSocket listener (check the path, e.g. /mqtt).";
            "서버가 WebSocket 서브프로토콜 \"mqtt\"를 받아들이지 않았습니다. \
            MQTT Broker의 WebSocket 주소가 아닐 가능성이 큽니다 (경로를 확인하세요. 예: /mqtt).")
    } else {
        say!(lang,
            "The server chose the WebSocket subprotocol \"{}\" instead of \"mqtt\".", got;
            "서버가 WebSocket 서브프로토콜로 \"mqtt\" 대신 \"{}\"를 골랐습니다.", got)
    }
}

/// `"Failed: <reason>"`, the status line after a failure.
pub fn failed_status(lang: Lang, reason: &str) -> String {
    format!("{}: {reason}", super::Msg::StatusFailed.text(lang))
}

/// What the connection runs with, on one line: version, whether the
/// session was resumed, the client ID and the keep alive in effect.
pub fn connected_detail(lang: Lang, n: &Negotiated) -> String {
    use super::Msg;
    let session = if n.session_present {
        Msg::SessionPresent
    } else {
        Msg::SessionNew
    };
    let mut s = format!(
        "{} · {} · {}: {}",
        n.version,
        session.text(lang),
        Msg::ClientId.text(lang),
        n.client_id
    );
    if n.client_id_assigned {
        s += &format!(" ({})", Msg::AssignedByBroker.text(lang));
    }
    s += &match (lang, n.keep_alive) {
        (Lang::En, 0) => " · Keep alive off".to_string(),
        (Lang::Ko, 0) => " · Keep Alive 사용 안 함".to_string(),
        (Lang::En, k) => format!(" · Keep alive {k}\u{a0}s"),
        (Lang::Ko, k) => format!(" · Keep Alive {k}초"),
    };
    if n.keep_alive_from_server {
        s += &format!(" ({})", Msg::SetByBroker.text(lang));
    }
    s
}

/// "Reconnecting in N s" (or "Reconnecting…" when the time has come).
pub fn reconnecting_in(lang: Lang, secs: u64) -> String {
    if secs == 0 {
        return super::Msg::StatusReconnecting.text(lang).to_string();
    }
    say!(lang, "Reconnecting in {} s", secs; "{}초 후 재연결", secs)
}

/// "Granted QoS n" for a SUBACK.
pub fn granted_qos(lang: Lang, qos: u8) -> String {
    say!(lang, "Granted QoS {}", qos; "QoS {} 허용됨", qos)
}

/// "attempt n" for reconnects (n from 1).
pub fn attempt(lang: Lang, n: u32) -> String {
    say!(lang, "attempt {}", n; "{}번째 시도", n)
}

/// The log's cap: how many are shown and how many older ones were dropped.
pub fn log_dropped(lang: Lang, shown: usize, capacity: usize, dropped: u64) -> String {
    if dropped == 0 {
        say!(lang, "{} of at most {} messages", shown, capacity;
             "메시지 {}개 (최대 {}개 보관)", shown, capacity)
    } else {
        say!(lang, "Showing the newest {} messages; {} older ones were dropped", shown, dropped;
             "최신 메시지 {}개만 보관하고, 오래된 메시지 {}개는 지웠습니다", shown, dropped)
    }
}

/// After an import: how many profiles came in, how many were new.
pub fn profiles_imported(lang: Lang, total: usize, new: usize) -> String {
    say!(lang, "Imported {} profile(s), {} new.", total, new;
         "프로필 {}개를 가져왔습니다 (새 프로필 {}개).", total, new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::is_hangul;
    use crate::protocol::codec::{DecodeError, DecodeErrorKind, EncodeError, QoS};

    fn both(f: impl Fn(Lang) -> String) -> (String, String) {
        let (en, ko) = (f(Lang::En), f(Lang::Ko));
        assert!(!en.trim().is_empty());
        assert!(!en.chars().any(is_hangul), "English has Hangul: {en}");
        assert!(ko.chars().any(is_hangul), "Korean has no Hangul: {ko}");
        (en, ko)
    }

    fn all_topic_errors() -> Vec<TopicError> {
        vec![
            TopicError::Empty,
            TopicError::TooLong { len: 70_000 },
            TopicError::NullCharacter { offset: 3 },
            TopicError::WildcardInTopicName {
                wildcard: '+',
                level: 2,
            },
            TopicError::MultiLevelWildcardNotLast { level: 2 },
            TopicError::MultiLevelWildcardNotAlone { level: 2 },
            TopicError::SingleLevelWildcardNotAlone { level: 2 },
            TopicError::SharedSubscriptionMissingGroup,
            TopicError::SharedSubscriptionInvalidGroup {
                character: '#',
                offset: 8,
            },
            TopicError::SharedSubscriptionMissingFilter,
        ]
    }

    #[test]
    fn topic_errors_name_the_rule_and_level() {
        for e in all_topic_errors() {
            both(|l| topic_error(l, &e));
        }
        let e = crate::protocol::topic::validate_topic_filter("a/#/b").unwrap_err();
        let (en, ko) = both(|l| topic_error(l, &e));
        assert!(
            en.starts_with("'#' must be the last level (level 2)"),
            "{en}"
        );
        assert!(ko.contains("2번째 단계"), "{ko}");
        let e = crate::protocol::topic::validate_topic_name("lab/+/x").unwrap_err();
        assert!(topic_error(Lang::En, &e).contains("(level 2)"));
    }

    #[test]
    fn command_errors() {
        let errors = [
            CommandError::NotConnected,
            CommandError::AlreadyConnected,
            CommandError::InvalidTopicName(TopicError::Empty),
            CommandError::InvalidTopicFilter {
                filter: "a/#/b".into(),
                error: TopicError::MultiLevelWildcardNotLast { level: 2 },
            },
            CommandError::NoTopicFilters,
            CommandError::RequiresMqtt5("No Local"),
            CommandError::QosNotSupported {
                requested: QoS::ExactlyOnce,
                maximum: QoS::AtLeastOnce,
            },
            CommandError::RetainNotSupported,
            CommandError::PacketTooLarge {
                size: 2_000_000,
                maximum: 1_048_576,
            },
            CommandError::PacketIdsExhausted,
            CommandError::TopicAliasInvalid {
                alias: 5,
                maximum: 0,
            },
            CommandError::TopicAliasInvalid {
                alias: 50,
                maximum: 10,
            },
            CommandError::Encode(EncodeError::PacketTooLarge { size: 1 }),
        ];
        for e in &errors {
            both(|l| command_error(l, e));
        }
        let en = command_error(Lang::En, &errors[3]);
        assert!(
            en.contains("\"a/#/b\"") && en.contains("last level (level 2)"),
            "{en}"
        );
    }

    #[test]
    fn refused_connections_by_name_with_hints() {
        let refused = |version, code: u8, rs: Option<&str>| CloseReason::ConnectRefused {
            version,
            reason_code: ReasonCode(code),
            reason_string: rs.map(String::from),
        };
        let (en, ko) = both(|l| close_reason(l, &refused(ProtocolVersion::V5, 0x86, None)));
        assert!(en.contains("Bad User Name or Password (0x86)"), "{en}");
        assert!(en.contains("Access Management"), "{en}");
        assert!(
            ko.contains("잘못된 사용자 이름 또는 비밀번호 (0x86)"),
            "{ko}"
        );
        let (en, _) =
            both(|l| close_reason(l, &refused(ProtocolVersion::V5, 0x87, Some("no ACL"))));
        assert!(
            en.contains("Not authorized (0x87)") && en.ends_with("\"no ACL\""),
            "{en}"
        );
        let (en, _) = both(|l| close_reason(l, &refused(ProtocolVersion::V5, 0x97, None)));
        assert!(
            en.contains("Quota exceeded (0x97)") && en.contains("connections"),
            "{en}"
        );
        for code in 1..=5 {
            let (en, _) = both(|l| close_reason(l, &refused(ProtocolVersion::V311, code, None)));
            assert!(en.contains("Connection Refused"), "{en}");
        }
        let (en, _) = both(|l| close_reason(l, &refused(ProtocolVersion::V311, 4, None)));
        assert!(en.contains("bad user name or password (0x04)"), "{en}");
    }

    #[test]
    fn other_close_reasons() {
        let malformed = DecodeError {
            kind: DecodeErrorKind::TrailingBytes(2),
            offset: 5,
            field: "Payload",
            packet_type: Some(PacketType::SubAck),
        };
        let reasons = [
            CloseReason::ClientDisconnected,
            CloseReason::ConnectTimeout,
            CloseReason::KeepAliveTimeout,
            CloseReason::ServerDisconnected {
                reason_code: ReasonCode::SESSION_TAKEN_OVER,
                reason_string: Some("bye".into()),
                server_reference: Some("other.example".into()),
            },
            CloseReason::ProtocolViolation(ProtocolError::Malformed(malformed)),
            CloseReason::ProtocolViolation(ProtocolError::UnexpectedPacket(PacketType::Connect)),
            CloseReason::ProtocolViolation(ProtocolError::ReceiveMaximumExceeded { maximum: 10 }),
            CloseReason::ProtocolViolation(ProtocolError::TopicAliasInvalid {
                alias: 9,
                maximum: 4,
            }),
            CloseReason::ProtocolViolation(ProtocolError::UnknownTopicAlias(3)),
            CloseReason::ProtocolViolation(ProtocolError::SessionPresentOnCleanStart),
            CloseReason::ProtocolViolation(ProtocolError::ReasonCodeCount {
                packet_type: PacketType::SubAck,
                expected: 2,
                found: 1,
            }),
            CloseReason::TransportClosed,
        ];
        for r in &reasons {
            both(|l| close_reason(l, r));
        }
        let en = close_reason(Lang::En, &reasons[2]);
        assert!(en.contains("keep alive"), "{en}");
        let en = close_reason(Lang::En, &reasons[3]);
        assert!(
            en.contains("Session taken over (0x8E)") && en.contains("same client ID"),
            "{en}"
        );
        assert!(en.contains("other.example"));
        let en = close_reason(Lang::En, &reasons[4]);
        assert!(en.contains("protocol") && en.contains("section"), "{en}");
    }

    #[test]
    fn socket_1006_before_open_lists_causes() {
        let cloud = BrokerUrl::parse("wss://abcd.s1.eu.hivemq.cloud:8884/mqtt").unwrap();
        let (en, ko) = both(|l| socket_closed(l, 1006, "", false, &cloud));
        assert!(en.contains("port 8884 and path /mqtt"), "{en}");
        assert!(en.contains("certificate"), "{en}");
        assert!(en.contains("down"), "{en}");
        assert!(!en.contains("which this address does not use"));
        assert!(ko.contains("인증서"), "{ko}");

        let wrong = BrokerUrl::parse("wss://abcd.s1.eu.hivemq.cloud:8883").unwrap();
        let en = socket_closed(Lang::En, 1006, "", false, &wrong);
        assert!(en.contains("which this address does not use"), "{en}");
        assert!(en.contains("Port 8883 is for MQTT over TCP"), "{en}");

        let plain = BrokerUrl::parse("ws://127.0.0.1:9001").unwrap();
        let en = socket_closed(Lang::En, 1006, "", false, &plain);
        assert!(
            en.contains("try wss://") && !en.contains("certificate"),
            "{en}"
        );
    }

    #[test]
    fn other_socket_closes() {
        let url = BrokerUrl::parse("ws://127.0.0.1:9001").unwrap();
        for (code, opened) in [
            (1000, true),
            (1001, true),
            (1002, true),
            (1003, true),
            (1005, true),
            (1006, true),
            (1007, true),
            (1008, true),
            (1009, true),
            (1011, true),
            (1012, true),
            (1013, true),
            (1015, false),
            (4000, true),
            (4000, false),
        ] {
            both(|l| socket_closed(l, code, "", opened, &url));
        }
        let en = socket_closed(Lang::En, 1008, "not allowed", true, &url);
        assert!(
            en.contains("1008") && en.ends_with("\"not allowed\""),
            "{en}"
        );
        assert!(socket_closed(Lang::En, 1006, "", true, &url).contains("lost"));
        assert!(socket_closed_at(Lang::En, 1006, "", false, None).contains("certificate"));
    }

    #[test]
    fn open_errors() {
        let (en, ko) = both(|l| open_error(l, &OpenError::MixedContent));
        assert!(
            en.contains("https://") && en.contains("ws://") && en.contains("wss://"),
            "{en}"
        );
        assert!(ko.contains("wss://"));
        both(|l| open_error(l, &OpenError::Rejected("SyntaxError".into())));
    }

    #[test]
    fn url_errors() {
        let errors = [
            UrlError::Empty,
            UrlError::ContainsWhitespace,
            UrlError::MissingScheme,
            UrlError::UnsupportedScheme("mqtt".into()),
            UrlError::UnsupportedScheme("https".into()),
            UrlError::UnsupportedScheme("ftp".into()),
            UrlError::ContainsCredentials,
            UrlError::MissingHost,
            UrlError::InvalidHost("a$b".into()),
            UrlError::InvalidIpv6("::1".into()),
            UrlError::InvalidPort("".into()),
            UrlError::InvalidPort("99999".into()),
            UrlError::ContainsFragment,
        ];
        for e in &errors {
            both(|l| url_error(l, e));
        }
        assert!(url_error(Lang::En, &errors[3]).contains("browser cannot open"));
        assert_eq!(errors[6].to_string(), url_error(Lang::En, &errors[6]));
    }

    #[test]
    fn profile_and_import_errors() {
        use crate::app::model::profile::ProfileField::*;
        for e in [
            ProfileError::KeepAliveTooLarge(70_000),
            ProfileError::ConnectTimeoutOutOfRange(0),
            ProfileError::EmptyClientIdNeedsCleanSession,
            ProfileError::TooLong {
                field: Username,
                len: 70_000,
            },
            ProfileError::NullCharacter(ClientId),
            ProfileError::PasswordWithoutUsername,
            ProfileError::WillTopic(TopicError::Empty),
            ProfileError::WillQos(3),
        ] {
            both(|l| profile_error(l, &e));
        }
        for f in [ClientId, Username, Password, WillPayload] {
            assert!(!profile_field(Lang::Ko, f).is_empty());
        }
        for e in [
            ImportError::NotJson { line: 1, column: 2 },
            ImportError::WrongShape,
            ImportError::UnsupportedVersion(9),
            ImportError::NoProfiles,
            ImportError::InvalidProfile {
                index: 0,
                detail: "invalid type".into(),
            },
            ImportError::MissingName { index: 1 },
            ImportError::DuplicateName("A".into()),
            ImportError::InvalidUrl {
                name: "A".into(),
                error: UrlError::MissingHost,
            },
        ] {
            both(|l| import_error(l, &e));
        }
    }

    #[test]
    fn acks_and_small_texts() {
        let (en, _) = both(|l| publish_failed(l, ReasonCode::NOT_AUTHORIZED, Some("acl")));
        assert!(
            en.contains("Not authorized (0x87)") && en.contains("permissions"),
            "{en}"
        );
        let (en, _) = both(|l| subscribe_failed(l, ProtocolVersion::V311, ReasonCode(0x80)));
        assert!(en.contains("Failure (0x80)"), "{en}");
        let (en, _) = both(|l| {
            subscribe_failed(
                l,
                ProtocolVersion::V5,
                ReasonCode::WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED,
            )
        });
        assert!(en.contains("wildcards"), "{en}");
        both(|l| unsubscribe_failed(l, ReasonCode::NO_SUBSCRIPTION_EXISTED));
        assert_eq!(reconnecting_in(Lang::En, 3), "Reconnecting in 3 s");
        assert_eq!(reconnecting_in(Lang::En, 0), "Reconnecting…");
        both(|l| reconnecting_in(l, 3));
        assert_eq!(granted_qos(Lang::En, 1), "Granted QoS 1");
        both(|l| granted_qos(l, 1));
        both(|l| attempt(l, 2));
        both(|l| log_dropped(l, 1000, 1000, 0));
        both(|l| log_dropped(l, 1000, 1000, 5));
        both(|l| profiles_imported(l, 2, 1));
        both(text_frame_refused);
        both(|l| subprotocol_mismatch(l, ""));
        both(|l| subprotocol_mismatch(l, "chat"));
        assert_eq!(failed_status(Lang::En, "x"), "Failed: x");
        assert_eq!(failed_status(Lang::Ko, "x"), "실패: x");
    }

    #[test]
    fn connected_details() {
        let n = Negotiated {
            version: ProtocolVersion::V5,
            session_present: true,
            client_id: "auto-123".into(),
            client_id_assigned: true,
            keep_alive: 30,
            keep_alive_from_server: true,
            receive_maximum: 10,
            maximum_packet_size: None,
            topic_alias_maximum: 0,
            maximum_qos: QoS::ExactlyOnce,
            retain_available: true,
            wildcard_subscription_available: true,
            subscription_identifiers_available: true,
            shared_subscription_available: true,
            session_expiry_interval: 0,
            response_information: None,
            server_reference: None,
            reason_string: None,
        };
        let (en, ko) = both(|l| connected_detail(l, &n));
        assert_eq!(
            en,
            "MQTT 5.0 · Session resumed (session present) · Client ID: auto-123 (assigned by the broker) \
             · Keep alive 30\u{a0}s (set by the broker)"
        );
        assert!(ko.contains("Keep Alive 30초"), "{ko}");
        let n = Negotiated {
            keep_alive: 0,
            keep_alive_from_server: false,
            client_id_assigned: false,
            session_present: false,
            ..n
        };
        assert!(connected_detail(Lang::En, &n)
            .ends_with("New session · Client ID: auto-123 · Keep alive off"));
    }
}
