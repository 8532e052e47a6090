//! The sandbox broker's decision log, in words: what it did and why.

use crate::broker::{BrokerLog, WillCause};

use super::Lang;

fn will_cause(lang: Lang, cause: WillCause) -> String {
    match cause {
        WillCause::ConnectionLost => say!(lang,
            "its connection was lost without DISCONNECT";
            "DISCONNECT 없이 연결이 끊겼기 때문"),
        WillCause::KeepAliveExpired => say!(lang,
            "nothing came from it within 1.5 × its keep alive";
            "Keep Alive의 1.5배 동안 아무 패킷도 오지 않았기 때문"),
        WillCause::ProtocolError => say!(lang,
            "it broke the protocol and was disconnected";
            "프로토콜을 어겨 연결이 끊겼기 때문"),
        WillCause::RequestedByClient => say!(lang,
            "it asked for it (DISCONNECT with reason 0x04)";
            "클라이언트가 요청했기 때문 (DISCONNECT 이유 코드 0x04)"),
        WillCause::TakenOver => say!(lang,
            "another connection took over its client ID";
            "같은 클라이언트 ID로 다른 연결이 들어왔기 때문"),
    }
}

/// One line of the broker view's log.
pub fn broker_log(lang: Lang, entry: &BrokerLog) -> String {
    match entry {
        BrokerLog::Connected {
            client_id,
            session_present,
        } => {
            if *session_present {
                say!(lang, "{} connected and resumed its session", client_id;
                    "{} 연결됨: 이전 세션을 이어받음", client_id)
            } else {
                say!(lang, "{} connected with a new session", client_id;
                    "{} 연결됨: 새 세션", client_id)
            }
        }
        BrokerLog::Refused {
            client_id,
            reason_code,
        } => say!(lang,
            "refused {} (CONNACK code 0x{:02X})", client_id, reason_code.0;
            "{} 연결 거부 (CONNACK 코드 0x{:02X})", client_id, reason_code.0),
        BrokerLog::TakenOver { client_id } => say!(lang,
            "a new connection uses client ID {}: the old one is closed", client_id;
            "클라이언트 ID {}로 새 연결이 들어와 이전 연결을 닫음", client_id),
        BrokerLog::Disconnected {
            client_id,
            graceful,
        } => {
            if *graceful {
                say!(lang, "{} disconnected properly (DISCONNECT)", client_id;
                    "{} 정상 종료 (DISCONNECT)", client_id)
            } else {
                say!(lang, "{} lost its connection", client_id;
                    "{} 연결이 끊김", client_id)
            }
        }
        BrokerLog::KeepAliveExpired { client_id } => say!(lang,
            "{} sent nothing within 1.5 × keep alive: disconnected", client_id;
            "{}: Keep Alive의 1.5배 동안 아무것도 보내지 않아 연결을 끊음", client_id),
        BrokerLog::ProtocolViolation { client_id, detail } => say!(lang,
            "{} broke the protocol ({}): disconnected", client_id.as_deref().unwrap_or("a client"), detail;
            "{}이(가) 프로토콜을 어겨 연결을 끊음 ({})", client_id.as_deref().unwrap_or("클라이언트"), detail),
        BrokerLog::Subscribed {
            client_id,
            filter,
            result,
        } => {
            if result.is_error() {
                say!(lang, "{} could not subscribe to {} (code 0x{:02X})", client_id, filter, result.0;
                    "{}의 {} 구독 실패 (코드 0x{:02X})", client_id, filter, result.0)
            } else {
                say!(lang, "{} subscribed to {} (QoS {} granted)", client_id, filter, result.0;
                    "{}이(가) {} 구독 (QoS {} 허용)", client_id, filter, result.0)
            }
        }
        BrokerLog::Unsubscribed {
            client_id,
            filter,
            existed,
        } => {
            if *existed {
                say!(lang, "{} unsubscribed from {}", client_id, filter;
                    "{}이(가) {} 구독 취소", client_id, filter)
            } else {
                say!(lang, "{} unsubscribed from {}, which it had not subscribed to", client_id, filter;
                    "{}이(가) 구독한 적 없는 {} 구독을 취소함", client_id, filter)
            }
        }
        BrokerLog::Routed {
            from,
            topic,
            qos,
            receivers,
        } => say!(lang,
            "{} → {} (QoS {}): delivered to {}", from, topic, qos.as_u8(), receivers.join(", ");
            "{} → {} (QoS {}): {}에게 전달", from, topic, qos.as_u8(), receivers.join(", ")),
        BrokerLog::NoMatchingSubscribers { topic } => say!(lang,
            "{}: no subscription matches, nobody receives it", topic;
            "{}: 일치하는 구독이 없어 아무도 받지 않음", topic),
        BrokerLog::RetainedStored { topic } => say!(lang,
            "kept as the retained message of {}", topic;
            "{}의 Retained 메시지로 보관", topic),
        BrokerLog::RetainedCleared { topic } => say!(lang,
            "retained message of {} cleared (empty retained publish)", topic;
            "{}의 Retained 메시지 삭제 (빈 Retained 발행)", topic),
        BrokerLog::Queued { client_id, topic } => say!(lang,
            "{} is offline: {} kept in its session until it returns", client_id, topic;
            "{}이(가) 오프라인: 돌아올 때까지 {} 메시지를 세션에 보관", client_id, topic),
        BrokerLog::QueueFull { client_id, topic } => say!(lang,
            "{}'s queue is full: {} dropped", client_id, topic;
            "{}의 대기열이 가득 차 {} 메시지를 버림", client_id, topic),
        BrokerLog::Expired { client_id, topic } => say!(lang,
            "{} for {} expired before delivery (Message Expiry)", topic, client_id;
            "{}에게 갈 {} 메시지가 전달 전에 만료됨 (Message Expiry)", client_id, topic),
        BrokerLog::WillPublished {
            client_id,
            topic,
            why,
        } => say!(lang,
            "published {}'s Will on {}: {}", client_id, topic, will_cause(lang, *why);
            "{}의 Will을 {}에 발행: {}", client_id, topic, will_cause(lang, *why)),
        BrokerLog::WillDiscarded { client_id } => say!(lang,
            "{}'s Will discarded (proper DISCONNECT, or back in time)", client_id;
            "{}의 Will 폐기 (정상 DISCONNECT, 또는 제때 다시 연결)", client_id),
        BrokerLog::PacketLost {
            client_id,
            packet_type,
        } => {
            let what = packet_type.map_or("a packet", |t| t.name());
            say!(lang, "simulated network: {} toward {} was lost, the connection breaks", what, client_id;
                "가상 네트워크: {}에게 가던 {}이(가) 사라져 연결이 끊김", client_id, what)
        }
        BrokerLog::SessionExpired { client_id } => say!(lang,
            "{}'s session expired and was removed", client_id;
            "{}의 세션이 만료되어 삭제됨", client_id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::codec::{QoS, ReasonCode};

    #[test]
    fn every_entry_reads_in_both_languages() {
        let entries = [
            BrokerLog::Connected {
                client_id: "a".into(),
                session_present: true,
            },
            BrokerLog::Refused {
                client_id: "a".into(),
                reason_code: ReasonCode(2),
            },
            BrokerLog::TakenOver {
                client_id: "a".into(),
            },
            BrokerLog::Disconnected {
                client_id: "a".into(),
                graceful: false,
            },
            BrokerLog::KeepAliveExpired {
                client_id: "a".into(),
            },
            BrokerLog::ProtocolViolation {
                client_id: None,
                detail: "x".into(),
            },
            BrokerLog::Subscribed {
                client_id: "a".into(),
                filter: "f/#".into(),
                result: ReasonCode(1),
            },
            BrokerLog::Unsubscribed {
                client_id: "a".into(),
                filter: "f".into(),
                existed: false,
            },
            BrokerLog::Routed {
                from: "a".into(),
                topic: "t".into(),
                qos: QoS::AtLeastOnce,
                receivers: vec!["b".into()],
            },
            BrokerLog::NoMatchingSubscribers { topic: "t".into() },
            BrokerLog::RetainedStored { topic: "t".into() },
            BrokerLog::RetainedCleared { topic: "t".into() },
            BrokerLog::Queued {
                client_id: "a".into(),
                topic: "t".into(),
            },
            BrokerLog::QueueFull {
                client_id: "a".into(),
                topic: "t".into(),
            },
            BrokerLog::Expired {
                client_id: "a".into(),
                topic: "t".into(),
            },
            BrokerLog::WillPublished {
                client_id: "a".into(),
                topic: "t".into(),
                why: WillCause::KeepAliveExpired,
            },
            BrokerLog::WillDiscarded {
                client_id: "a".into(),
            },
            BrokerLog::PacketLost {
                client_id: "a".into(),
                packet_type: None,
            },
            BrokerLog::SessionExpired {
                client_id: "a".into(),
            },
        ];
        for e in &entries {
            let en = broker_log(Lang::En, e);
            let ko = broker_log(Lang::Ko, e);
            assert!(!en.is_empty() && en != ko, "{e:?}");
            assert!(
                ko.chars().any(super::super::is_hangul),
                "Korean for {e:?}: {ko}"
            );
        }
        assert!(broker_log(Lang::En, &entries[15]).contains("1.5 × its keep alive"));
    }
}
