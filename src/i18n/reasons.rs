//! Reason codes (MQTT 5.0) and return codes (3.1.1) by name in both
//! languages, and what a learner can do about the common ones.

use super::{pick, Lang};
use crate::protocol::codec::{PacketType, ProtocolVersion, ReasonCode};

/// The Korean name of a code whose meaning does not depend on the packet
/// (MQTT 5.0 table 2-6).
fn korean_name(code: u8) -> Option<&'static str> {
    Some(match code {
        0x01 => "QoS 1 허용",
        0x02 => "QoS 2 허용",
        0x04 => "Will 메시지를 발행하며 연결 종료",
        0x10 => "일치하는 구독자 없음",
        0x11 => "해당 구독이 없음",
        0x18 => "인증 계속",
        0x19 => "다시 인증",
        0x80 => "지정되지 않은 오류",
        0x81 => "잘못된 형식의 패킷",
        0x82 => "프로토콜 오류",
        0x83 => "구현별 오류",
        0x84 => "지원하지 않는 프로토콜 버전",
        0x85 => "유효하지 않은 클라이언트 ID",
        0x86 => "잘못된 사용자 이름 또는 비밀번호",
        0x87 => "권한 없음",
        0x88 => "서버를 사용할 수 없음",
        0x89 => "서버가 바쁨",
        0x8A => "차단됨",
        0x8B => "서버 종료 중",
        0x8C => "잘못된 인증 방식",
        0x8D => "Keep Alive 시간 초과",
        0x8E => "다른 연결이 세션을 가져감",
        0x8F => "유효하지 않은 Topic 필터",
        0x90 => "유효하지 않은 Topic 이름",
        0x91 => "이미 사용 중인 패킷 ID",
        0x92 => "패킷 ID를 찾을 수 없음",
        0x93 => "Receive Maximum 초과",
        0x94 => "유효하지 않은 Topic Alias",
        0x95 => "패킷이 너무 큼",
        0x96 => "메시지 전송 속도가 너무 빠름",
        0x97 => "할당량 초과",
        0x98 => "관리자 조치",
        0x99 => "페이로드 형식이 잘못됨",
        0x9A => "Retain 미지원",
        0x9B => "지원하지 않는 QoS",
        0x9C => "다른 서버를 사용하라는 요청",
        0x9D => "서버가 옮겨짐",
        0x9E => "공유 구독 미지원",
        0x9F => "연결 속도 제한 초과",
        0xA0 => "최대 연결 시간 도달",
        0xA1 => "구독 식별자 미지원",
        0xA2 => "와일드카드 구독 미지원",
        _ => return None,
    })
}

/// The code's name in `packet` under `version`, in `lang`: the spec's own
/// name in English ("Bad User Name or Password"), a Korean one in Korean.
/// Codes the packet cannot carry are named by their general meaning if
/// they have one, else "unknown".
pub fn reason_code_name(
    lang: Lang,
    packet: PacketType,
    version: ProtocolVersion,
    code: ReasonCode,
) -> String {
    let en = code
        .name(packet, version)
        .or_else(|| code.name(PacketType::Disconnect, ProtocolVersion::V5))
        .or_else(|| code.name(PacketType::SubAck, ProtocolVersion::V5));
    match lang {
        Lang::En => en.unwrap_or("unknown reason code").to_string(),
        Lang::Ko => korean_for(packet, version, code).to_string(),
    }
}

fn korean_for(packet: PacketType, version: ProtocolVersion, code: ReasonCode) -> &'static str {
    let c = code.0;
    if version == ProtocolVersion::V311 {
        match (packet, c) {
            (PacketType::ConnAck, 0) => return "연결 수락",
            (PacketType::ConnAck, 1) => return "연결 거부: 받아들일 수 없는 프로토콜 버전",
            (PacketType::ConnAck, 2) => return "연결 거부: 클라이언트 ID 거부",
            (PacketType::ConnAck, 3) => return "연결 거부: 서버를 사용할 수 없음",
            (PacketType::ConnAck, 4) => return "연결 거부: 잘못된 사용자 이름 또는 비밀번호",
            (PacketType::ConnAck, 5) => return "연결 거부: 권한 없음",
            (PacketType::SubAck, 0) => return "성공 - 최대 QoS 0",
            (PacketType::SubAck, 1) => return "성공 - 최대 QoS 1",
            (PacketType::SubAck, 2) => return "성공 - 최대 QoS 2",
            (PacketType::SubAck, 0x80) => return "실패",
            _ => {}
        }
    }
    match (packet, c) {
        (PacketType::Disconnect, 0) => "정상 종료",
        (PacketType::SubAck, 0) => "QoS 0 허용",
        (_, 0) => "성공",
        _ => korean_name(c).unwrap_or("알 수 없는 코드"),
    }
}

/// Which answer a code came in, for [`reason_hint`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReasonContext {
    /// CONNACK refused the connection.
    ConnAck,
    /// The server sent DISCONNECT.
    Disconnect,
    /// PUBACK or PUBREC refused a publish.
    Publish,
    /// SUBACK refused a subscription.
    SubAck,
    /// UNSUBACK refused an unsubscribe.
    UnsubAck,
}

/// What to do about a code, where there is something useful to say.
pub fn reason_hint(
    lang: Lang,
    ctx: ReasonContext,
    version: ProtocolVersion,
    code: ReasonCode,
) -> Option<&'static str> {
    use ReasonContext::*;
    let c = code.0;
    // 3.1.1 CONNACK return codes mean what these 5.0 codes mean.
    let c = match (ctx, version, c) {
        (ConnAck, ProtocolVersion::V311, 1) => 0x84,
        (ConnAck, ProtocolVersion::V311, 2) => 0x85,
        (ConnAck, ProtocolVersion::V311, 3) => 0x88,
        (ConnAck, ProtocolVersion::V311, 4) => 0x86,
        (ConnAck, ProtocolVersion::V311, 5) => 0x87,
        (SubAck, ProtocolVersion::V311, 0x80) => 0x80,
        _ => c,
    };
    let (en, ko) = match (ctx, c) {
        (ConnAck, 0x84) => (
            "The broker does not speak this MQTT version: switch to MQTT 3.1.1.",
            "Broker가 이 MQTT 버전을 지원하지 않습니다. MQTT 3.1.1로 바꿔 보세요.",
        ),
        (ConnAck, 0x85) => (
            "The broker rejects this client ID: use a short one (at most 23 letters and digits) or generate a new one.",
            "Broker가 이 클라이언트 ID를 받지 않습니다. 영문자와 숫자로 된 23자 이하의 ID를 쓰거나 새로 만드세요.",
        ),
        (ConnAck, 0x88) | (ConnAck, 0x89) => (
            "The broker cannot take connections right now: try again in a moment.",
            "Broker가 지금은 연결을 받을 수 없습니다. 잠시 뒤에 다시 시도하세요.",
        ),
        (ConnAck, 0x86) => (
            "Check the username and password. For HiveMQ Cloud, use credentials created under Access Management of your cluster, not the login of your HiveMQ account.",
            "사용자 이름과 비밀번호를 확인하세요. HiveMQ Cloud에서는 HiveMQ 계정의 로그인 정보가 아니라 클러스터의 Access Management에서 만든 인증 정보를 써야 합니다.",
        ),
        (ConnAck, 0x87) => (
            "The broker does not allow this client to connect: check that a username and password are set and that this user has permission (HiveMQ Cloud: Access Management).",
            "Broker가 이 클라이언트의 연결을 허용하지 않습니다. 사용자 이름과 비밀번호를 넣었는지, 그 사용자에게 권한이 있는지 확인하세요 (HiveMQ Cloud: Access Management).",
        ),
        (ConnAck, 0x8A) => (
            "This client is banned by the broker.",
            "Broker가 이 클라이언트를 차단했습니다.",
        ),
        (ConnAck, 0x8C) => (
            "The broker does not support the authentication method asked for.",
            "Broker가 요청한 인증 방식을 지원하지 않습니다.",
        ),
        (ConnAck, 0x90) => (
            "The broker refuses the Will topic: choose another one.",
            "Broker가 Will 메시지 Topic을 받지 않습니다. 다른 Topic을 쓰세요.",
        ),
        (ConnAck, 0x95) => (
            "CONNECT is larger than the broker accepts: shorten the Will payload.",
            "CONNECT 패킷이 Broker가 받는 크기보다 큽니다. Will 메시지 내용을 줄이세요.",
        ),
        (ConnAck, 0x97) | (Disconnect, 0x97) => (
            "A limit of the broker was reached, for example the number of connections your plan allows (HiveMQ Cloud's free tier has one). Disconnect other clients and try again.",
            "Broker의 한도에 도달했습니다. 예를 들어 요금제에서 허용하는 연결 수를 넘었을 수 있습니다 (HiveMQ Cloud 무료 요금제에도 한도가 있습니다). 다른 클라이언트의 연결을 끊고 다시 시도하세요.",
        ),
        (ConnAck, 0x99) => (
            "The Will payload does not match its format: send it as plain UTF-8 text.",
            "Will 메시지 내용이 형식과 맞지 않습니다. UTF-8 텍스트로 보내세요.",
        ),
        (ConnAck, 0x9A) => (
            "The broker does not keep retained messages: untick Will retain.",
            "Broker가 Retain 메시지를 지원하지 않습니다. Will 메시지 Retain을 해제하세요.",
        ),
        (ConnAck, 0x9B) => (
            "The broker does not accept the Will's QoS: choose a lower one.",
            "Broker가 Will 메시지의 QoS를 받지 않습니다. 더 낮은 QoS를 고르세요.",
        ),
        (ConnAck, 0x9C) | (ConnAck, 0x9D) | (Disconnect, 0x9C) | (Disconnect, 0x9D) => (
            "The broker sends this client to another server.",
            "Broker가 다른 서버로 접속하라고 알려 왔습니다.",
        ),
        (ConnAck, 0x9F) | (Disconnect, 0x9F) => (
            "Too many connection attempts in a short time: wait a little before trying again.",
            "짧은 시간에 연결 시도가 너무 많았습니다. 잠시 기다린 뒤 다시 시도하세요.",
        ),
        (ConnAck, 0x80..=0x83) => (
            "The broker gave no more specific reason; its log may say more.",
            "Broker가 더 자세한 이유를 알려 주지 않았습니다. Broker 로그를 확인해 보세요.",
        ),
        (Disconnect, 0x00) => (
            "The broker ended the connection normally.",
            "Broker가 정상적으로 연결을 끝냈습니다.",
        ),
        (Disconnect, 0x8B) => (
            "The broker is shutting down; the app will try to reconnect.",
            "Broker가 종료되는 중입니다. 앱이 다시 연결을 시도합니다.",
        ),
        (Disconnect, 0x8D) => (
            "The broker heard nothing from this client within 1.5 × keep alive.",
            "Keep Alive의 1.5배 시간 동안 이 클라이언트에서 아무것도 받지 못해 Broker가 연결을 끊었습니다.",
        ),
        (Disconnect, 0x8E) => (
            "Another client connected with the same client ID and took the session over. Give every board and every browser tab its own client ID.",
            "같은 클라이언트 ID로 다른 클라이언트가 접속해 세션을 가져갔습니다. 보드와 브라우저 탭마다 서로 다른 클라이언트 ID를 쓰세요.",
        ),
        (Disconnect, 0x87) | (Publish, 0x87) => (
            "This user may not publish or subscribe to that topic: check its permissions on the broker (HiveMQ Cloud: Access Management).",
            "이 사용자는 그 Topic에 발행하거나 구독할 권한이 없습니다. Broker에서 권한을 확인하세요 (HiveMQ Cloud: Access Management).",
        ),
        (Disconnect, 0x8F) | (Disconnect, 0x90) | (Publish, 0x90) => (
            "The broker does not accept that topic.",
            "Broker가 그 Topic을 받지 않습니다.",
        ),
        (Disconnect, 0x95) => (
            "A packet was larger than the broker accepts: send smaller payloads.",
            "패킷이 Broker가 받는 크기보다 컸습니다. 페이로드를 줄이세요.",
        ),
        (Disconnect, 0x96) => (
            "Messages were published faster than the broker allows: slow down.",
            "Broker가 허용하는 것보다 빠르게 발행했습니다. 발행 속도를 줄이세요.",
        ),
        (Disconnect, 0x98) => (
            "An administrator of the broker disconnected this client.",
            "Broker 관리자가 이 클라이언트의 연결을 끊었습니다.",
        ),
        (Disconnect, 0x9A) => (
            "The broker does not keep retained messages: publish without Retain.",
            "Broker가 Retain 메시지를 지원하지 않습니다. Retain 없이 발행하세요.",
        ),
        (Disconnect, 0x9B) => (
            "A QoS higher than the broker allows was used.",
            "Broker가 허용하는 것보다 높은 QoS를 썼습니다.",
        ),
        (Disconnect, 0xA0) => (
            "The broker limits how long one connection may last.",
            "Broker가 한 번의 연결을 유지할 수 있는 시간을 제한하고 있습니다.",
        ),
        (Disconnect, 0x81) | (Disconnect, 0x82) => (
            "The broker says this client broke the protocol; its log may say more.",
            "Broker는 이 클라이언트가 프로토콜을 어겼다고 합니다. Broker 로그를 확인해 보세요.",
        ),
        (Publish, 0x10) => (
            "No one is subscribed to this topic right now.",
            "지금은 이 Topic을 구독한 클라이언트가 없습니다.",
        ),
        (Publish, 0x97) | (SubAck, 0x97) => (
            "A limit of the broker was reached: try again later.",
            "Broker의 한도에 도달했습니다. 나중에 다시 시도하세요.",
        ),
        (Publish, 0x99) => (
            "The payload does not match its Payload Format Indicator: untick \"Payload is UTF-8 text\" or send valid UTF-8.",
            "페이로드가 Payload Format Indicator와 맞지 않습니다. \"페이로드가 UTF-8 텍스트임\"을 해제하거나 올바른 UTF-8을 보내세요.",
        ),
        (SubAck, 0x80) => (
            "The broker refused this subscription, often because the user may not subscribe to this filter.",
            "Broker가 이 구독을 거부했습니다. 이 사용자에게 해당 필터를 구독할 권한이 없는 경우가 많습니다.",
        ),
        (SubAck, 0x87) | (UnsubAck, 0x87) => (
            "This user may not subscribe to this filter: check its permissions on the broker.",
            "이 사용자는 이 필터를 구독할 권한이 없습니다. Broker에서 권한을 확인하세요.",
        ),
        (SubAck, 0x8F) | (UnsubAck, 0x8F) => (
            "The broker does not accept this topic filter.",
            "Broker가 이 Topic 필터를 받지 않습니다.",
        ),
        (SubAck, 0x9E) => (
            "This broker has no shared subscriptions: remove the $share/<group>/ prefix.",
            "이 Broker는 공유 구독을 지원하지 않습니다. $share/<그룹>/ 부분을 지우세요.",
        ),
        (SubAck, 0xA1) => (
            "This broker does not support Subscription Identifiers.",
            "이 Broker는 구독 식별자를 지원하지 않습니다.",
        ),
        (SubAck, 0xA2) => (
            "This broker does not allow wildcards: subscribe to exact topics without + and #.",
            "이 Broker는 와일드카드를 허용하지 않습니다. +와 # 없이 정확한 Topic을 구독하세요.",
        ),
        (UnsubAck, 0x11) => (
            "There was no such subscription on the broker.",
            "Broker에 그런 구독이 없었습니다.",
        ),
        _ => return None,
    };
    Some(pick(lang, en, ko))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::is_hangul;
    use PacketType::*;
    use ProtocolVersion::*;

    #[test]
    fn names_in_both_languages() {
        let n = |lang, p, v, c| reason_code_name(lang, p, v, ReasonCode(c));
        assert_eq!(n(Lang::En, ConnAck, V5, 0x86), "Bad User Name or Password");
        assert_eq!(
            n(Lang::Ko, ConnAck, V5, 0x86),
            "잘못된 사용자 이름 또는 비밀번호"
        );
        assert_eq!(n(Lang::En, ConnAck, V5, 0x87), "Not authorized");
        assert_eq!(n(Lang::En, ConnAck, V5, 0x97), "Quota exceeded");
        assert_eq!(
            n(Lang::En, ConnAck, V311, 4),
            "Connection Refused, bad user name or password"
        );
        assert_eq!(n(Lang::Ko, ConnAck, V311, 5), "연결 거부: 권한 없음");
        assert_eq!(n(Lang::En, Disconnect, V5, 0), "Normal disconnection");
        assert_eq!(n(Lang::Ko, Disconnect, V5, 0), "정상 종료");
        assert_eq!(n(Lang::Ko, SubAck, V311, 0x80), "실패");
        assert_eq!(n(Lang::En, SubAck, V311, 0x80), "Failure");
        assert_eq!(n(Lang::En, ConnAck, V5, 0x8D), "Keep Alive timeout");
        assert_eq!(n(Lang::En, ConnAck, V5, 0x7F), "unknown reason code");
        assert!(n(Lang::Ko, ConnAck, V5, 0x7F).chars().any(is_hangul));
    }

    #[test]
    fn every_code_a_packet_may_carry_has_a_korean_name() {
        for packet in [
            ConnAck, PubAck, PubRec, PubRel, PubComp, SubAck, UnsubAck, Disconnect, Auth,
        ] {
            for version in [V311, V5] {
                for c in 0..=255u8 {
                    let code = ReasonCode(c);
                    if code.is_allowed(packet, version) {
                        let ko = reason_code_name(Lang::Ko, packet, version, code);
                        assert!(
                            ko.chars().any(is_hangul),
                            "{packet:?} {version:?} {c:#x}: {ko}"
                        );
                        assert_ne!(ko, "알 수 없는 코드", "{packet:?} {version:?} {c:#x}");
                    }
                }
            }
        }
    }

    #[test]
    fn hints_for_refused_connections() {
        for (version, code) in [(V311, 1u8), (V311, 2), (V311, 3), (V311, 4), (V311, 5)] {
            for lang in Lang::ALL {
                assert!(
                    reason_hint(lang, ReasonContext::ConnAck, version, ReasonCode(code)).is_some(),
                    "3.1.1 return code {code}"
                );
            }
        }
        for c in ReasonCode(0).0..=0xFF {
            let code = ReasonCode(c);
            if code.is_error() && code.is_allowed(ConnAck, V5) {
                let en = reason_hint(Lang::En, ReasonContext::ConnAck, V5, code);
                let ko = reason_hint(Lang::Ko, ReasonContext::ConnAck, V5, code);
                assert!(en.is_some() && ko.is_some(), "CONNACK {c:#x} has no hint");
                assert!(ko.unwrap().chars().any(is_hangul));
            }
        }
        let hint = reason_hint(
            Lang::En,
            ReasonContext::ConnAck,
            V5,
            ReasonCode::BAD_USER_NAME_OR_PASSWORD,
        )
        .unwrap();
        assert!(hint.contains("Access Management"));
    }
}
