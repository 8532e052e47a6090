//! What the explorer views put together from data, in English and Korean:
//! the packet inspector's words for each field of a packet (the first
//! byte's bits, the Remaining Length as a variable byte integer, each field
//! and MQTT 5 property, why decoding stopped), and the counts and caps the
//! topic tree, retained inspector, packet list and QoS exchange show.
//!
//! Field and property names stay in the spec's English words in both
//! languages, so they can be found in the specification.

use super::{pick, Lang, Msg};
use crate::protocol::codec::{DecodeError, PacketType, ProtocolVersion, QoS};

/// What a packet type is for, in one short phrase.
pub fn packet_type_purpose(lang: Lang, t: PacketType) -> &'static str {
    use PacketType::*;
    match t {
        Connect => pick(
            lang,
            "the client asks to connect",
            "클라이언트가 연결을 요청합니다",
        ),
        ConnAck => pick(
            lang,
            "the broker answers CONNECT",
            "Broker가 CONNECT에 답합니다",
        ),
        Publish => pick(
            lang,
            "an application message",
            "애플리케이션 메시지를 전달합니다",
        ),
        PubAck => pick(
            lang,
            "acknowledges a QoS 1 PUBLISH",
            "QoS 1 PUBLISH를 받았다고 알립니다",
        ),
        PubRec => pick(
            lang,
            "QoS 2, step 2: publish received",
            "QoS 2의 두 번째 단계: PUBLISH를 받았습니다",
        ),
        PubRel => pick(
            lang,
            "QoS 2, step 3: publish release",
            "QoS 2의 세 번째 단계: 메시지를 놓아 줍니다",
        ),
        PubComp => pick(
            lang,
            "QoS 2, step 4: publish complete",
            "QoS 2의 네 번째 단계: 전달이 끝났습니다",
        ),
        Subscribe => pick(
            lang,
            "the client subscribes to topic filters",
            "클라이언트가 Topic 필터를 구독합니다",
        ),
        SubAck => pick(
            lang,
            "the broker answers SUBSCRIBE",
            "Broker가 SUBSCRIBE에 답합니다",
        ),
        Unsubscribe => pick(
            lang,
            "the client ends subscriptions",
            "클라이언트가 구독을 해지합니다",
        ),
        UnsubAck => pick(
            lang,
            "the broker answers UNSUBSCRIBE",
            "Broker가 UNSUBSCRIBE에 답합니다",
        ),
        PingReq => pick(
            lang,
            "the client checks that the connection is alive",
            "클라이언트가 연결이 살아 있는지 확인합니다",
        ),
        PingResp => pick(
            lang,
            "the broker answers PINGREQ",
            "Broker가 PINGREQ에 답합니다",
        ),
        Disconnect => pick(lang, "the connection is being closed", "연결을 끊습니다"),
        Auth => pick(
            lang,
            "an authentication exchange step (MQTT 5)",
            "인증 교환의 한 단계입니다 (MQTT 5)",
        ),
    }
}

/// The first byte as a whole.
pub fn first_byte_meaning(lang: Lang, b: u8) -> String {
    let n = b >> 4;
    let flags = b & 0x0F;
    match PacketType::from_u8(n) {
        Some(t) => say!(lang,
            "Fixed header: the upper 4 bits are the packet type ({} = {}: {}), the lower 4 bits its flags ({:04b}).",
            n, t, packet_type_purpose(lang, t), flags;
            "고정 헤더: 위쪽 4비트는 패킷 종류({} = {}: {}), 아래쪽 4비트는 플래그({:04b})입니다.",
            n, t, packet_type_purpose(lang, t), flags),
        None => say!(lang,
            "Fixed header: packet type {} is reserved, so this is not an MQTT packet.", n;
            "고정 헤더: 패킷 종류 {}는 예약된 값이라 MQTT 패킷이 아닙니다.", n),
    }
}

/// Bits 7–4.
pub fn packet_type_bits_meaning(lang: Lang, n: u8, t: Option<PacketType>) -> String {
    match t {
        Some(t) => say!(lang, "{} = {}", n, t; "{} = {}", n, t),
        None => say!(lang, "{} is a reserved packet type", n; "{}는 예약된 패킷 종류입니다", n),
    }
}

/// PUBLISH bit 3.
pub fn dup_bit_meaning(lang: Lang, set: bool) -> String {
    if set {
        pick(
            lang,
            "1: this may be a re-delivery of an earlier attempt",
            "1: 앞서 보낸 것을 다시 보낸 것일 수 있습니다",
        )
        .into()
    } else {
        pick(
            lang,
            "0: first attempt to send this message",
            "0: 이 메시지를 처음 보냅니다",
        )
        .into()
    }
}

/// PUBLISH bits 2–1.
pub fn qos_bits_meaning(lang: Lang, qos: u8) -> String {
    match qos {
        0 => pick(
            lang,
            "QoS 0: at most once — no acknowledgement",
            "QoS 0: 최대 한 번 — 확인 응답이 없습니다",
        )
        .into(),
        1 => pick(
            lang,
            "QoS 1: at least once — answered by PUBACK",
            "QoS 1: 최소 한 번 — PUBACK으로 응답받습니다",
        )
        .into(),
        2 => pick(
            lang,
            "QoS 2: exactly once — PUBREC, PUBREL, PUBCOMP follow",
            "QoS 2: 정확히 한 번 — PUBREC, PUBREL, PUBCOMP가 이어집니다",
        )
        .into(),
        _ => pick(
            lang,
            "3 is not a QoS: the packet is malformed",
            "3은 QoS 값이 아니므로 잘못된 패킷입니다",
        )
        .into(),
    }
}

/// PUBLISH bit 0.
pub fn retain_bit_meaning(lang: Lang, set: bool) -> String {
    if set {
        pick(lang, "1: the broker keeps this as the topic's retained message (or, delivered, it is one)", "1: Broker가 이 메시지를 Topic의 Retain 메시지로 보관합니다 (받은 쪽이면 보관된 메시지입니다)").into()
    } else {
        pick(lang, "0: not retained", "0: Retain하지 않습니다").into()
    }
}

/// One bit group of CONNECT's Connect Flags, by its name in the spec
/// ("User Name Flag", "Will QoS", "Clean Start"…) and value.
pub fn connect_flag_meaning(lang: Lang, name: &str, value: u8) -> String {
    let on = value != 0;
    let (en, ko) = match (name, on) {
        ("User Name Flag", true) => (
            "1: a User Name is in the payload",
            "1: 페이로드에 User Name이 있습니다",
        ),
        ("User Name Flag", false) => ("0: no User Name", "0: User Name이 없습니다"),
        ("Password Flag", true) => (
            "1: a Password is in the payload",
            "1: 페이로드에 Password가 있습니다",
        ),
        ("Password Flag", false) => ("0: no Password", "0: Password가 없습니다"),
        ("Will Retain", true) => (
            "1: the Will is published as a retained message",
            "1: Will을 Retain 메시지로 발행합니다",
        ),
        ("Will Retain", false) => (
            "0: the Will is not retained",
            "0: Will을 Retain하지 않습니다",
        ),
        ("Will QoS", _) => {
            return say!(lang, "QoS {} for the Will", value; "Will의 QoS는 {}입니다", value)
        }
        ("Will Flag", true) => (
            "1: a Will Topic and Will Payload follow in the payload",
            "1: 페이로드에 Will Topic과 Will Payload가 있습니다",
        ),
        ("Will Flag", false) => ("0: no Will", "0: Will이 없습니다"),
        ("Clean Start", true) | ("Clean Session", true) => (
            "1: start a fresh session, forgetting any earlier one",
            "1: 이전 세션을 버리고 새 세션으로 시작합니다",
        ),
        ("Clean Start", false) | ("Clean Session", false) => (
            "0: resume the earlier session if the broker has one",
            "0: Broker에 이전 세션이 있으면 이어서 씁니다",
        ),
        (_, true) => (
            "1: reserved, must be 0 — malformed",
            "1: 예약된 비트는 0이어야 하므로 잘못된 패킷입니다",
        ),
        (_, false) => (
            "0: reserved, as required",
            "0: 예약된 비트이며 규칙대로 0입니다",
        ),
    };
    pick(lang, en, ko).to_string()
}

/// Bits 3–0 of every packet but PUBLISH.
pub fn fixed_flags_meaning(lang: Lang, flags: u8, required: Option<u8>) -> String {
    match required {
        Some(r) if r == flags => say!(lang,
            "Fixed by the spec for this packet: must be {:04b}, and it is.", r;
            "이 패킷은 규격상 {:04b}로 정해져 있고, 그대로입니다.", r),
        Some(r) => say!(lang,
            "Must be {:04b} for this packet, but is {:04b}: malformed.", r, flags;
            "이 패킷은 {:04b}이어야 하는데 {:04b}이므로 잘못된 패킷입니다.", r, flags),
        None => pick(
            lang,
            "Flags of an unknown packet type.",
            "알 수 없는 패킷 종류의 플래그입니다.",
        )
        .into(),
    }
}

/// The Remaining Length bytes, decoded step by step.
pub fn remaining_length_meaning(lang: Lang, bytes: &[u8]) -> String {
    let mut steps = Vec::new();
    let mut value: u64 = 0;
    let mut multiplier: u64 = 1;
    for &b in bytes {
        let group = u64::from(b & 0x7F);
        value += group * multiplier;
        let more = b & 0x80 != 0;
        steps.push(match (lang, more) {
            (Lang::En, true) => {
                format!("0x{b:02X} → {group} × {multiplier} (top bit 1: more follows)")
            }
            (Lang::En, false) => {
                format!("0x{b:02X} → {group} × {multiplier} (top bit 0: last byte)")
            }
            (Lang::Ko, true) => {
                format!("0x{b:02X} → {group} × {multiplier} (최상위 비트 1: 다음 바이트 있음)")
            }
            (Lang::Ko, false) => {
                format!("0x{b:02X} → {group} × {multiplier} (최상위 비트 0: 마지막 바이트)")
            }
        });
        multiplier = multiplier.saturating_mul(128);
    }
    say!(lang,
        "Remaining Length: {} byte(s) follow this field (variable header and payload). It is a variable byte integer: each byte carries 7 bits of the number, lowest group first, and its top bit says whether another byte follows. {}",
        value, steps.join("; ");
        "Remaining Length: 이 필드 뒤로 {}바이트(가변 헤더와 페이로드)가 이어집니다. 가변 길이 정수로, 바이트마다 숫자의 7비트를 낮은 자리부터 담고, 최상위 비트는 다음 바이트가 더 있는지 알려 줍니다. {}",
        value, steps.join("; "))
}

fn property_meaning(lang: Lang, name: &str) -> Option<&'static str> {
    Some(match name {
        "Payload Format Indicator" => pick(
            lang,
            "1 = the payload is UTF-8 text, 0 = unspecified bytes.",
            "1이면 페이로드가 UTF-8 텍스트, 0이면 형식을 정하지 않은 바이트입니다.",
        ),
        "Message Expiry Interval" => pick(
            lang,
            "Seconds the broker may keep the message before dropping it.",
            "Broker가 메시지를 버리기 전까지 보관할 수 있는 시간(초)입니다.",
        ),
        "Content Type" => pick(
            lang,
            "What the payload is, e.g. a MIME type such as application/json.",
            "페이로드의 형식입니다. 예: application/json 같은 MIME 타입.",
        ),
        "Response Topic" => pick(
            lang,
            "Where the receiver should publish its answer (request/response).",
            "받는 쪽이 응답을 발행할 Topic입니다 (요청/응답).",
        ),
        "Correlation Data" => pick(
            lang,
            "Bytes that tie a response to its request.",
            "응답을 요청과 짝지어 주는 바이트입니다.",
        ),
        "Subscription Identifier" => pick(
            lang,
            "A number naming the subscription that delivered this message.",
            "이 메시지를 전달한 구독을 가리키는 번호입니다.",
        ),
        "Session Expiry Interval" => pick(
            lang,
            "Seconds the broker keeps the session after the connection closes.",
            "연결이 끊긴 뒤 Broker가 세션을 보관하는 시간(초)입니다.",
        ),
        "Assigned Client Identifier" => pick(
            lang,
            "The Client Identifier the broker chose, because the client sent none.",
            "클라이언트가 ID를 보내지 않아 Broker가 정해 준 Client Identifier입니다.",
        ),
        "Server Keep Alive" => pick(
            lang,
            "The Keep Alive the broker wants, replacing the client's.",
            "Broker가 정한 Keep Alive로, 클라이언트가 보낸 값을 대신합니다.",
        ),
        "Reason String" => pick(
            lang,
            "A human-readable explanation from the sender.",
            "보낸 쪽이 사람이 읽으라고 붙인 설명입니다.",
        ),
        "Receive Maximum" => pick(
            lang,
            "How many QoS 1 and 2 messages the sender accepts unacknowledged at once.",
            "보낸 쪽이 확인 응답 없이 한 번에 받을 수 있는 QoS 1, 2 메시지 수입니다.",
        ),
        "Topic Alias Maximum" => pick(
            lang,
            "The highest Topic Alias the sender accepts.",
            "보낸 쪽이 받아들이는 가장 큰 Topic Alias 값입니다.",
        ),
        "Topic Alias" => pick(
            lang,
            "A number standing for the topic, to save bytes on repeated topics.",
            "Topic 대신 쓰는 번호로, 같은 Topic을 반복할 때 바이트를 아낍니다.",
        ),
        "Maximum QoS" => pick(
            lang,
            "The highest QoS the broker supports.",
            "Broker가 지원하는 가장 높은 QoS입니다.",
        ),
        "Retain Available" => pick(
            lang,
            "Whether the broker supports retained messages.",
            "Broker가 Retain 메시지를 지원하는지 알려 줍니다.",
        ),
        "User Property" => pick(
            lang,
            "A name–value pair the application attached.",
            "애플리케이션이 붙인 이름–값 쌍입니다.",
        ),
        "Maximum Packet Size" => pick(
            lang,
            "The largest packet the sender accepts, in bytes.",
            "보낸 쪽이 받아들이는 가장 큰 패킷 크기(바이트)입니다.",
        ),
        "Will Delay Interval" => pick(
            lang,
            "Seconds the broker waits before publishing the Will.",
            "Broker가 Will을 발행하기 전에 기다리는 시간(초)입니다.",
        ),
        _ => return None,
    })
}

/// What the field called `name` (the codec's name) is for.
pub fn field_meaning(
    lang: Lang,
    name: &str,
    packet: Option<PacketType>,
    _version: ProtocolVersion,
) -> String {
    if let Some(prop) = name.strip_prefix("Property: ") {
        let base = say!(lang,
            "MQTT 5 property {}: an identifier, then its value.", prop;
            "MQTT 5 속성 {}: 식별자 뒤에 값이 옵니다.", prop);
        return match property_meaning(lang, prop) {
            Some(m) => format!("{base} {m}"),
            None => base,
        };
    }
    let base = name.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    let text = match base {
        "Protocol Name" => pick(lang, "Always \"MQTT\": marks the packet as an MQTT CONNECT.", "항상 \"MQTT\"이며, MQTT의 CONNECT임을 나타냅니다."),
        "Protocol Level" => pick(lang, "The protocol version the client speaks: 4 = MQTT 3.1.1, 5 = MQTT 5.0.", "클라이언트가 쓰는 프로토콜 버전입니다: 4 = MQTT 3.1.1, 5 = MQTT 5.0."),
        "Connect Flags" => pick(lang, "One byte of switches: User Name (bit 7), Password (6), Will Retain (5), Will QoS (4–3), Will Flag (2), Clean Start (1); bit 0 is reserved and must be 0.", "스위치 모음 한 바이트: User Name(비트 7), Password(6), Will Retain(5), Will QoS(4–3), Will Flag(2), Clean Start(1). 비트 0은 예약되어 0이어야 합니다."),
        "Keep Alive" => pick(lang, "Seconds the client may stay silent; after 1.5 times that with no packet, the broker closes the connection. 0 turns it off.", "클라이언트가 아무것도 보내지 않아도 되는 시간(초)입니다. 그 1.5배 동안 패킷이 없으면 Broker가 연결을 끊습니다. 0이면 끕니다."),
        "Client Identifier" => pick(lang, "The name the broker knows this client by; its session is kept under it.", "Broker가 이 클라이언트를 알아보는 이름이며, 세션도 이 이름으로 보관됩니다."),
        "Will Properties Length" => pick(lang, "How many bytes of Will properties follow.", "뒤따르는 Will 속성의 바이트 수입니다."),
        "Will Topic" => pick(lang, "Where the broker publishes the Will if the client vanishes.", "클라이언트가 갑자기 끊기면 Broker가 Will을 발행할 Topic입니다."),
        "Will Payload" => pick(lang, "The Will message itself.", "Will 메시지의 내용입니다."),
        "User Name" => pick(lang, "The user name for authentication.", "인증에 쓰는 사용자 이름입니다."),
        "Password" => pick(lang, "The password (binary data; shown only as its length).", "비밀번호입니다 (바이너리 데이터, 길이만 보여 줍니다)."),
        "Connect Acknowledge Flags" => pick(lang, "Bit 0 is Session Present: the broker still had a session for this client.", "비트 0은 Session Present로, Broker에 이 클라이언트의 세션이 남아 있었다는 뜻입니다."),
        "Connect Return Code" | "Connect Reason Code" => pick(lang, "Whether the broker accepted the connection: 0 means accepted, anything else says why not.", "Broker가 연결을 받아들였는지 알려 줍니다. 0이면 수락, 그 밖의 값은 거절한 이유입니다."),
        "Topic Name" => pick(lang, "The topic the message is published to: a 2-byte length, then UTF-8 text.", "메시지를 발행할 Topic입니다. 2바이트 길이 뒤에 UTF-8 문자열이 옵니다."),
        "Packet Identifier" => pick(lang, "Pairs this packet with its answer (QoS 1 and 2, SUBSCRIBE, UNSUBSCRIBE); never 0.", "이 패킷과 응답을 짝지어 줍니다 (QoS 1, 2와 SUBSCRIBE, UNSUBSCRIBE). 0은 쓰지 않습니다."),
        "Properties Length" => pick(lang, "How many bytes of MQTT 5 properties follow, as a variable byte integer.", "뒤따르는 MQTT 5 속성의 바이트 수이며, 가변 길이 정수로 적습니다."),
        "Topic Filter" => pick(lang, "A topic filter; it may use the wildcards + (one level) and # (all levels below).", "Topic 필터입니다. 와일드카드 +(한 단계)와 #(아래 모든 단계)를 쓸 수 있습니다."),
        "Subscription Options" => pick(lang, "Bits 1–0: the maximum QoS asked for; MQTT 5 adds No Local (bit 2), Retain As Published (bit 3) and Retain Handling (bits 5–4).", "비트 1–0: 요청하는 최대 QoS. MQTT 5는 No Local(비트 2), Retain As Published(비트 3), Retain Handling(비트 5–4)을 더합니다."),
        "Reason Code" if packet == Some(PacketType::SubAck) => pick(lang, "The QoS granted for one filter (0, 1 or 2), or 0x80 and above when it was refused.", "필터 하나에 허용된 QoS(0, 1, 2)이며, 0x80 이상이면 거절된 것입니다."),
        "Reason Code" | "Disconnect Reason Code" | "Authenticate Reason Code" => pick(lang, "The result: below 0x80 is success, 0x80 and above an error.", "결과 코드입니다. 0x80 미만은 성공, 0x80 이상은 오류입니다."),
        "Payload" if packet == Some(PacketType::Publish) => pick(lang, "The application message: bytes that MQTT passes on unchanged.", "애플리케이션 메시지입니다. MQTT는 이 바이트를 바꾸지 않고 전달합니다."),
        "Payload" => pick(lang, "The rest of the packet.", "패킷의 나머지 부분입니다."),
        _ => return say!(lang, "A field of this packet: {}.", name; "이 패킷의 필드: {}.", name),
    };
    text.to_string()
}

/// Why decoding stopped, with the byte offset. The codec's own words stay
/// in English inside the Korean sentence, to be matched with the spec.
pub fn decode_error(lang: Lang, e: &DecodeError) -> String {
    say!(lang,
        "Malformed at byte {} ({}): {} (MQTT 5.0 section {}).", e.offset, e.field, e.kind, e.spec_section();
        "바이트 {}에서 잘못된 패킷입니다 ({}: {}; MQTT 5.0 {}절).", e.offset, e.field, e.kind, e.spec_section())
}

/// The bytes end before the packet does.
pub fn incomplete_packet(lang: Lang, have: usize) -> String {
    say!(lang,
        "Incomplete: only {} byte(s), and the packet needs more.", have;
        "불완전한 패킷입니다: {}바이트뿐이라 더 필요합니다.", have)
}

/// "1,204 topics · 38,112 messages" under the topic tree.
pub fn topics_and_messages(lang: Lang, topics: usize, messages: u64) -> String {
    say!(lang,
        "{} topic(s) · {} message(s)", topics, messages;
        "Topic {}개 · 메시지 {}개", topics, messages)
}

/// The topic tree is full: messages on new topics are not shown.
pub fn topics_refused(lang: Lang, max: usize, refused: u64) -> String {
    say!(lang,
        "The tree holds at most {} topics: {} message(s) on newer topics were not added. Clear the tree to see them.", max, refused;
        "트리에는 Topic을 최대 {}개까지 담습니다. 새 Topic의 메시지 {}개는 넣지 않았습니다. 보려면 트리를 비우세요.", max, refused)
}

/// How many topics the highlight filter matches.
pub fn matching_topics(lang: Lang, n: usize) -> String {
    say!(lang, "{} topic(s) match", n; "맞는 Topic {}개", n)
}

/// A topic's bounded history: what is shown and what was dropped.
pub fn history_kept(lang: Lang, shown: usize, capacity: usize, dropped: u64) -> String {
    if dropped == 0 {
        say!(lang, "{} of at most {} messages kept", shown, capacity;
             "메시지 {}개 (최대 {}개 보관)", shown, capacity)
    } else {
        say!(lang, "The newest {} messages; {} older ones were dropped", shown, dropped;
             "최신 메시지 {}개만 보관하고, 오래된 메시지 {}개는 지웠습니다", shown, dropped)
    }
}

/// The packet list's cap and what it dropped.
pub fn packets_kept(lang: Lang, shown: usize, capacity: usize, dropped: u64) -> String {
    if dropped == 0 {
        say!(lang, "{} of at most {} packets", shown, capacity;
             "패킷 {}개 (최대 {}개 보관)", shown, capacity)
    } else {
        say!(lang, "The newest {} packets; {} older ones were dropped", shown, dropped;
             "최신 패킷 {}개만 보관하고, 오래된 패킷 {}개는 지웠습니다", shown, dropped)
    }
}

/// How many retained messages are listed.
pub fn retained_count(lang: Lang, n: usize) -> String {
    say!(lang, "{} retained message(s)", n; "Retain 메시지 {}개", n)
}

/// A step of a QoS exchange, so long after the PUBLISH.
pub fn exchange_step_at(lang: Lang, ms: u64) -> String {
    say!(lang, "+{} ms", ms; "+{}ms", ms)
}

/// What one step of a QoS exchange means (PUBLISH, PUBACK, PUBREC, PUBREL,
/// PUBCOMP); `None` for other packets.
pub fn exchange_step_msg(t: PacketType) -> Option<Msg> {
    Some(match t {
        PacketType::Publish => Msg::StepPublish,
        PacketType::PubAck => Msg::StepPuback,
        PacketType::PubRec => Msg::StepPubrec,
        PacketType::PubRel => Msg::StepPubrel,
        PacketType::PubComp => Msg::StepPubcomp,
        _ => return None,
    })
}

/// The QoS selector's texts for one QoS: its label ("1 — at least once"),
/// its one-line explanation and the packet exchange it causes.
pub fn qos_choice(qos: QoS) -> (Msg, Msg, Msg) {
    match qos {
        QoS::AtMostOnce => (Msg::Qos0, Msg::Qos0Explain, Msg::Qos0Exchange),
        QoS::AtLeastOnce => (Msg::Qos1, Msg::Qos1Explain, Msg::Qos1Exchange),
        QoS::ExactlyOnce => (Msg::Qos2, Msg::Qos2Explain, Msg::Qos2Exchange),
    }
}

/// The packet list's row name for a screen reader.
pub fn packet_row_label(lang: Lang, sent: bool, packet: &str, size: usize) -> String {
    if sent {
        say!(lang, "Sent {}, {} bytes", packet, size; "보낸 {}, {}바이트", packet, size)
    } else {
        say!(lang, "Received {}, {} bytes", packet, size; "받은 {}, {}바이트", packet, size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::is_hangul;

    #[test]
    fn every_packet_type_has_a_purpose_in_both_languages() {
        for n in 1..=15 {
            let t = PacketType::from_u8(n).unwrap();
            assert!(!packet_type_purpose(Lang::En, t).is_empty());
            assert!(packet_type_purpose(Lang::Ko, t).chars().any(is_hangul));
        }
    }

    #[test]
    fn qos_choices_and_steps() {
        let (label, explain, exchange) = qos_choice(QoS::ExactlyOnce);
        assert!(label.en().starts_with('2'));
        assert!(explain.en().contains("exactly once"));
        assert_eq!(exchange.en().matches('→').count(), 3);
        assert!(qos_choice(QoS::AtMostOnce)
            .1
            .en()
            .starts_with("0 at most once — one PUBLISH, no acknowledgement"));
        assert_eq!(exchange_step_msg(PacketType::PubRel), Some(Msg::StepPubrel));
        assert_eq!(exchange_step_msg(PacketType::PingReq), None);
    }

    #[test]
    fn counts() {
        assert_eq!(
            topics_and_messages(Lang::En, 3, 10),
            "3 topic(s) · 10 message(s)"
        );
        assert_eq!(matching_topics(Lang::Ko, 2), "맞는 Topic 2개");
        assert!(topics_refused(Lang::En, 50_000, 3).contains("50000 topics"));
        assert!(history_kept(Lang::En, 100, 100, 5).contains("5 older"));
        assert!(packets_kept(Lang::Ko, 3, 500, 0).contains("500"));
        assert_eq!(retained_count(Lang::En, 1), "1 retained message(s)");
        assert_eq!(exchange_step_at(Lang::En, 12), "+12 ms");
        assert_eq!(
            packet_row_label(Lang::En, true, "PINGREQ", 2),
            "Sent PINGREQ, 2 bytes"
        );
        assert!(packet_row_label(Lang::Ko, false, "PINGRESP", 2)
            .chars()
            .any(is_hangul));
    }

    #[test]
    fn remaining_length_steps() {
        let en = remaining_length_meaning(Lang::En, &[0xCB, 0x01]);
        assert!(en.contains("203 byte(s)"), "{en}");
        assert!(
            en.contains("0xCB → 75 × 1") && en.contains("0x01 → 1 × 128"),
            "{en}"
        );
        let ko = remaining_length_meaning(Lang::Ko, &[0x00]);
        assert!(ko.contains("0바이트"), "{ko}");
    }

    #[test]
    fn fields_and_properties() {
        for lang in Lang::ALL {
            let m = field_meaning(lang, "Property: Topic Alias", None, ProtocolVersion::V5);
            assert!(m.contains("Topic Alias"));
            let m = field_meaning(
                lang,
                "Topic Filter 2",
                Some(PacketType::Subscribe),
                ProtocolVersion::V5,
            );
            assert!(m.contains('+') && m.contains('#'));
            let m = field_meaning(lang, "Something New", None, ProtocolVersion::V5);
            assert!(m.contains("Something New"));
        }
        assert!(
            field_meaning(Lang::Ko, "Keep Alive", None, ProtocolVersion::V311)
                .chars()
                .any(is_hangul)
        );
    }
}
