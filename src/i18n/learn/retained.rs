//! Lesson 6, retained messages.

use crate::i18n::Lang;

catalogue! {
    /// A text of the retained-messages lesson.
    RetainedMsg;
    Idea1 => (
        "Usually a broker keeps nothing. It hands each PUBLISH to the clients subscribed at that moment and then forgets it. A client that subscribes a minute later has missed it and must wait for the next message — and a board that reports its status only when it changes may stay silent for hours.",
        "보통 Broker는 메시지를 보관하지 않습니다. PUBLISH가 오면 그 순간 구독 중인 클라이언트에게 넘겨주고 바로 잊어버립니다. 1분 늦게 구독한 클라이언트는 그 메시지를 놓치고 다음 메시지를 기다려야 합니다. 상태가 바뀔 때만 보고하는 보드라면 몇 시간이고 기다려야 할 수도 있습니다."
    ),
    Idea2 => (
        "Set the RETAIN flag on a PUBLISH and the broker also stores that message for its topic. Whenever a client subscribes later, the broker sends it the stored message straight away, flagged as retained, so the client can tell a stored value from fresh news. That is how a dashboard opened in the morning shows at once that the board is online, or what the last temperature was.",
        "PUBLISH에 RETAIN 플래그를 켜면 Broker는 메시지를 전달하면서 그 Topic의 메시지로 따로 저장해 둡니다. 나중에 어떤 클라이언트가 구독하면 저장해 둔 메시지를 곧바로 보내 주는데, 이때 Retained 표시가 붙어 있어서 클라이언트는 방금 일어난 일이 아니라 저장된 값이라는 것을 알 수 있습니다. 아침에 대시보드를 열자마자 보드가 온라인인지, 마지막 온도가 몇 도였는지 바로 보이는 것이 이 덕분입니다."
    ),
    Idea3 => (
        "The broker keeps one retained message per topic: a new retained PUBLISH replaces the old one. A retained PUBLISH with an empty (zero-length) payload deletes it. A PUBLISH without RETAIN reaches only the current subscribers and leaves the stored message as it was.",
        "Broker는 Topic마다 Retained 메시지를 하나만 저장합니다. 새 Retained PUBLISH가 오면 이전 것을 덮어씁니다. 내용이 비어 있는(길이 0) Retained PUBLISH를 보내면 저장된 메시지가 지워집니다. RETAIN 없이 보낸 PUBLISH는 지금 구독 중인 클라이언트에게만 가고, 저장된 메시지는 그대로 둡니다."
    ),
    Idea4 => (
        "Typical uses: a device's status (online or offline), the last known value of a sensor, a setting a device should pick up as soon as it starts. Below, the board publishes its status, and each press of “New client subscribes” starts a brand-new client with a fresh Client ID that subscribes to the status topic. Watch what it gets, and how fast.",
        "주로 장치의 상태(online/offline), 센서의 마지막 측정값, 장치가 켜지자마자 받아야 할 설정값에 씁니다. 아래에서 보드가 자기 상태를 발행합니다. “새 클라이언트 구독”을 누를 때마다 새 Client ID를 가진 완전히 새로운 클라이언트가 만들어져 상태 Topic을 구독합니다. 무엇을, 얼마나 빨리 받는지 보세요."
    ),
    BoardName => ("Board", "보드"),
    NewcomerName => ("New client", "새 클라이언트"),
    StatusTopic => ("Status topic", "상태 Topic"),
    ConnectBoard => ("Connect board", "보드 연결"),
    DisconnectBoard => ("Disconnect board", "보드 연결 끊기"),
    PublishRetained => ("Publish “online” with retain", "“online”을 Retained로 발행"),
    PublishPlain => ("Publish “online” without retain", "“online”을 RETAIN 없이 발행"),
    ClearRetained => ("Clear the retained message", "Retained 메시지 지우기"),
    ClearExplained => (
        "Clearing publishes an empty payload with RETAIN set: a zero-length retained PUBLISH tells the broker to delete what it stored for the topic.",
        "지우기는 RETAIN을 켠 빈 메시지를 발행합니다. 길이가 0인 Retained PUBLISH는 그 Topic에 저장된 메시지를 지우라는 뜻입니다."
    ),
    BoardMayLeave => (
        "The board does not need to stay connected: the broker keeps the retained message on its own.",
        "보드가 계속 연결되어 있을 필요는 없습니다. Retained 메시지는 Broker가 알아서 보관합니다."
    ),
    NewClientSubscribes => ("New client subscribes", "새 클라이언트 구독"),
    NewcomerExplained => (
        "Each press connects a new client (clean session, never seen before) that subscribes to the status topic, waits for an answer and then disconnects.",
        "누를 때마다 처음 보는 새 클라이언트(Clean Session)가 접속해 상태 Topic을 구독하고, 결과를 확인한 뒤 연결을 끊습니다."
    ),
    Waiting => ("waiting for the broker…", "Broker의 응답을 기다리는 중…"),
    Failed => (
        "could not subscribe: the connection ended first.",
        "구독하지 못했습니다. 그 전에 연결이 끊어졌습니다."
    ),
    PlainDidNotReplace => (
        "The board's last PUBLISH had no RETAIN flag, so it did not touch the stored message: this is the one stored before.",
        "보드가 마지막에 보낸 PUBLISH에는 RETAIN이 없어서 저장된 메시지를 바꾸지 않았습니다. 받은 것은 그 전에 저장된 메시지입니다."
    ),
    PlainIsGone => (
        "The board's last message had no RETAIN flag: it went only to clients subscribed at that moment, and the broker kept nothing for latecomers.",
        "보드가 마지막에 보낸 메시지에는 RETAIN이 없었습니다. 그 순간 구독 중이던 클라이언트에게만 전달되었고, 늦게 온 클라이언트를 위해 Broker가 저장한 것은 없습니다."
    ),
    ClearedIsGone => (
        "The empty retained PUBLISH deleted the stored message, so there was nothing to hand over.",
        "빈 Retained PUBLISH가 저장된 메시지를 지웠기 때문에 넘겨줄 것이 없었습니다."
    ),
    StoredEarlier => (
        "The board has not published in this visit: this message was stored earlier. Retained messages stay on the broker until they are replaced or cleared.",
        "이번 방문에서 보드는 아직 발행하지 않았습니다. 이 메시지는 예전에 저장된 것입니다. Retained 메시지는 덮어쓰거나 지울 때까지 Broker에 남아 있습니다."
    ),
    NoRunsYet => (
        "No new client yet: press “New client subscribes”.",
        "아직 새 클라이언트가 없습니다. “새 클라이언트 구독”을 눌러 보세요."
    ),
    RunsLabel => ("New clients so far", "지금까지 구독한 새 클라이언트"),
    BoardPackets => ("Packets of the board", "보드의 패킷"),
    NewcomerPackets => ("Packets of the newest client", "가장 최근 새 클라이언트의 패킷"),
}

/// The newest client's result when a message arrived.
pub fn received(lang: Lang, payload: &str, retain: bool, after_ms: u64) -> String {
    if retain {
        say!(lang,
            "got “{payload}” {after_ms} ms after its SUBSCRIBE, flagged retained: the broker had it stored and sent it at once.";
            "SUBSCRIBE 후 {after_ms} ms 만에 “{payload}” 메시지를 받았습니다. Retained 표시가 있습니다. Broker가 저장해 둔 메시지를 곧바로 보낸 것입니다.")
    } else {
        say!(lang,
            "got “{payload}” {after_ms} ms after its SUBSCRIBE, not flagged retained: a live message the board published while this client was subscribed.";
            "SUBSCRIBE 후 {after_ms} ms 만에 “{payload}” 메시지를 받았습니다. Retained 표시가 없습니다. 이 클라이언트가 구독하는 동안 보드가 발행한 실시간 메시지입니다.")
    }
}

/// The newest client's result when nothing came.
pub fn nothing(lang: Lang, waited_ms: u64) -> String {
    let s = format!("{:.1}", waited_ms as f64 / 1000.0);
    say!(lang,
        "nothing arrived within {s} s after SUBACK: the broker holds no retained message for this topic.";
        "SUBACK 후 {s}초 동안 아무것도 오지 않았습니다. Broker에 이 Topic의 Retained 메시지가 없습니다.")
}

/// A run in the list: its number and Client Identifier.
pub fn run_title(lang: Lang, n: usize, client_id: &str) -> String {
    say!(lang, "New client {n} ({client_id})"; "새 클라이언트 {n} ({client_id})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::is_hangul;

    #[test]
    fn every_text_is_in_both_languages() {
        check_catalogue!(RetainedMsg, &[]);
        assert_eq!(
            RetainedMsg::NewClientSubscribes.en(),
            "New client subscribes"
        );
    }

    #[test]
    fn formatted_texts_speak_each_language() {
        let all = |lang| {
            vec![
                received(lang, "online", true, 12),
                received(lang, "online", false, 900),
                nothing(lang, 1_512),
                run_title(lang, 3, "lab-x-new3"),
            ]
        };
        for s in all(Lang::Ko) {
            assert!(s.chars().any(is_hangul), "{s}");
        }
        for s in all(Lang::En) {
            assert!(!s.chars().any(is_hangul), "{s}");
        }
        assert!(nothing(Lang::En, 1_512).contains("within 1.5 s"));
        assert!(received(Lang::En, "online", true, 12).contains("12 ms after its SUBSCRIBE"));
    }
}
