//! Lesson 7, Last Will and keep alive.

use crate::app::learn::last_will::KeepAliveError;
use crate::i18n::Lang;

catalogue! {
    /// A text of the Last Will and keep-alive lesson.
    LastWillMsg;
    Idea1 => (
        "A board on Wi-Fi can vanish without a word: the power fails, the battery runs flat, the router restarts. The broker cannot tell at once, because a dead connection looks exactly like a quiet one. Two features of CONNECT work together to fix that.",
        "Wi-Fi에 연결된 보드는 아무 말 없이 사라질 수 있습니다. 전원이 나가거나, 배터리가 떨어지거나, 공유기가 재시작될 때입니다. 끊어진 연결과 조용한 연결은 겉보기에 똑같아서 Broker는 바로 알아채지 못합니다. CONNECT에 들어 있는 두 가지 기능이 함께 이 문제를 해결합니다."
    ),
    Idea2 => (
        "Keep alive: the client promises to send something at least every N seconds. When it has nothing to publish, it sends a PINGREQ (just two bytes) and the broker answers with PINGRESP. If the broker hears nothing at all for one and a half times the keep alive, it decides the client is gone and closes the connection.",
        "Keep Alive: 클라이언트는 적어도 N초에 한 번은 무언가를 보내겠다고 약속합니다. 보낼 메시지가 없으면 PINGREQ(2바이트뿐)를 보내고, Broker는 PINGRESP로 답합니다. Keep Alive의 1.5배가 지나도록 아무것도 오지 않으면 Broker는 클라이언트가 사라졌다고 판단하고 연결을 끊습니다."
    ),
    Idea3 => (
        "Last Will (LWT): the client also leaves a message with the broker — topic, payload, QoS and retain — for the broker to publish on its behalf if it disappears without saying goodbye: when its connection breaks, or its keep alive runs out. A proper DISCONNECT means “I am leaving on purpose”, and the broker throws the will away.",
        "Last Will(LWT): 클라이언트는 Broker에게 메시지 하나(Topic, 내용, QoS, Retain)를 맡겨 둡니다. 클라이언트가 인사 없이 사라지면, 즉 연결이 끊기거나 Keep Alive 시간이 지나면 Broker가 대신 이 메시지를 발행합니다. 정상적인 DISCONNECT는 “일부러 나갑니다”라는 뜻이므로 Broker는 Will을 버립니다."
    ),
    Idea4 => (
        "The usual pattern: the will is “offline”, retained, on the board's status topic, and the board publishes “online”, retained, as soon as it connects. Whoever subscribes to the status topic, now or later, then sees the board's real state.",
        "흔히 쓰는 방법은 이렇습니다. Will은 보드의 상태 Topic에 Retained로 “offline”을 걸어 두고, 보드는 접속하자마자 Retained로 “online”을 발행합니다. 그러면 지금이든 나중이든 상태 Topic을 구독하는 누구나 보드의 실제 상태를 알 수 있습니다."
    ),
    TryHint => (
        "Connect the board (the monitor connects with it), then try the three ways of leaving. Each time the monitor shows what arrived and when.",
        "보드를 연결하고(모니터도 함께 연결됩니다) 세 가지 방법으로 연결을 끝내 보세요. 매번 모니터에 무엇이 언제 도착했는지 나타납니다."
    ),
    BoardName => ("Virtual board", "가상 보드"),
    MonitorName => ("Monitor", "모니터"),
    StatusTopic => ("Status topic", "상태 Topic"),
    WillLine => ("Will: “offline”, QoS 1, retained", "Will: “offline”, QoS 1, Retained"),
    KeepAliveLabel => ("Keep alive (seconds)", "Keep Alive (초)"),
    KeepAliveHint => (
        "Used at the next Connect. A short keep alive makes the freeze experiment quicker.",
        "다음 연결부터 적용됩니다. 짧게 하면 멈추기 실험이 빨리 끝납니다."
    ),
    ConnectBoard => ("Connect board", "보드 연결"),
    OnlineAfterConnack => (
        "As soon as CONNACK arrives, the board publishes “online” (QoS 1, retained):",
        "CONNACK을 받자마자 보드는 “online”을 발행합니다 (QoS 1, Retained):"
    ),
    ConnectMonitor => ("Connect monitor", "모니터 연결"),
    PullPlug => ("Pull the plug", "전원 뽑기"),
    PullPlugHint => (
        "Closes the connection without DISCONNECT, like a power cut.",
        "정전처럼 DISCONNECT 없이 연결을 닫습니다."
    ),
    DisconnectProperly => ("Disconnect properly", "정상 종료"),
    DisconnectHint => (
        "Sends DISCONNECT first, as a program that ends normally does.",
        "정상적으로 끝나는 프로그램처럼 먼저 DISCONNECT를 보냅니다."
    ),
    Goodbye => (
        "Publish “offline” myself before disconnecting",
        "연결을 끊기 전에 “offline”을 직접 발행"
    ),
    Freeze => ("Freeze", "멈추기"),
    Unfreeze => ("Unfreeze", "다시 움직이기"),
    FreezeHint => (
        "The board's program hangs: it sends nothing, not even PINGREQ, but its connection stays open.",
        "보드 프로그램이 멈춘 상황입니다. PINGREQ도 보내지 않지만 연결은 열려 있습니다."
    ),
    MonitorHint => (
        "Subscribed to the status topic. Right after subscribing it gets the retained status, marked retained.",
        "상태 Topic을 구독합니다. 구독하자마자 저장된 상태를 Retained 표시와 함께 받습니다."
    ),
    CountdownLabel => ("Broker may give up in", "Broker가 포기하기까지"),
    ResultLabel => ("Result", "결과"),
    MonitorMessages => ("Messages the monitor received", "모니터가 받은 메시지"),
    NoMessagesYet => ("No messages yet.", "아직 받은 메시지가 없습니다."),
    BoardPackets => ("Packets of the board", "보드의 패킷"),
    MonitorPackets => ("Packets of the monitor", "모니터의 패킷"),
    PingExplained => (
        "PINGREQ and PINGRESP in the board's packets are keep alive at work: when the board has been quiet for one keep-alive period it sends PINGREQ, and the broker's PINGRESP proves the connection still works both ways.",
        "보드 패킷에 보이는 PINGREQ와 PINGRESP가 바로 Keep Alive입니다. 보드가 Keep Alive 시간 동안 아무것도 보내지 않으면 PINGREQ를 보내고, Broker의 PINGRESP로 연결이 양쪽 모두 살아 있음을 확인합니다."
    ),
    NoExperimentYet => (
        "Nothing tried yet: connect the board, then pull the plug, disconnect or freeze it.",
        "아직 실험하지 않았습니다. 보드를 연결한 다음 전원 뽑기, 정상 종료, 멈추기 중 하나를 해 보세요."
    ),
    StaleOnline => (
        "But the retained status on the broker still says “online”: anyone subscribing now is told the board is up. A real board should publish “offline” (retained) itself before it disconnects — tick the box above and try again.",
        "그런데 Broker에 저장된 상태는 여전히 “online”입니다. 지금 구독하는 클라이언트는 보드가 켜져 있다고 오해하게 됩니다. 실제 보드라면 연결을 끊기 전에 “offline”을 Retained로 직접 발행해야 합니다. 위의 체크 상자를 켜고 다시 해 보세요."
    ),
    ThawedInTime => (
        "You unfroze the board before the broker gave up: it carries on, sends PINGREQ again when one is due, and stays connected.",
        "Broker가 포기하기 전에 보드를 다시 움직였습니다. 보드는 하던 일을 계속하고 때가 되면 다시 PINGREQ를 보내며, 연결도 그대로 유지됩니다."
    ),
    KeepAliveEmpty => ("Type the keep alive in seconds, for example 10.", "Keep Alive를 초 단위로 입력하세요. 예: 10"),
    KeepAliveNotNumber => (
        "Use a whole number of seconds, such as 10.",
        "10처럼 초 단위의 정수를 입력하세요."
    ),
    KeepAliveZero => (
        "0 turns keep alive off, so the broker would never notice a frozen board. Use 1 or more.",
        "0은 Keep Alive를 끄는 값이라 멈춘 보드를 Broker가 알아챌 수 없습니다. 1 이상을 입력하세요."
    ),
    KeepAliveTooLarge => (
        "At most 65535 seconds: the field in CONNECT has two bytes.",
        "최대 65535초입니다. CONNECT의 이 필드는 2바이트입니다."
    ),
}

/// The keep-alive field's error in words.
pub fn keep_alive_error(lang: Lang, e: KeepAliveError) -> &'static str {
    match e {
        KeepAliveError::Empty => LastWillMsg::KeepAliveEmpty,
        KeepAliveError::NotANumber => LastWillMsg::KeepAliveNotNumber,
        KeepAliveError::Zero => LastWillMsg::KeepAliveZero,
        KeepAliveError::TooLarge => LastWillMsg::KeepAliveTooLarge,
    }
    .text(lang)
}

fn secs(ms: u64) -> String {
    format!("{:.1}", ms as f64 / 1000.0)
}

/// "Pull the plug", still waiting.
pub fn pull_waiting(lang: Lang, elapsed_ms: u64) -> String {
    let s = secs(elapsed_ms);
    say!(lang,
        "Plug pulled {s} s ago: waiting for the will…";
        "{s}초 전에 전원을 뽑았습니다. Will을 기다리는 중…")
}

/// "Pull the plug": the will came.
pub fn pull_will(lang: Lang, after_ms: u64) -> String {
    say!(lang,
        "The will “offline” reached the monitor {after_ms} ms after you pulled the plug. The board sent no DISCONNECT, so the broker treated the connection as lost and published the will for it.";
        "전원을 뽑고 {after_ms} ms 뒤에 Will “offline”이 모니터에 도착했습니다. 보드가 DISCONNECT를 보내지 않았으므로 Broker는 연결이 끊겼다고 보고 보드 대신 Will을 발행했습니다.")
}

/// "Disconnect properly", still listening.
pub fn disconnect_waiting(lang: Lang, elapsed_ms: u64) -> String {
    let s = secs(elapsed_ms);
    say!(lang,
        "Disconnected {s} s ago: listening for a will…";
        "{s}초 전에 연결을 끊었습니다. Will이 오는지 지켜보는 중…")
}

/// "Disconnect properly": no will, measured.
pub fn disconnect_no_will(lang: Lang, waited_ms: u64) -> String {
    say!(lang,
        "No will: nothing from the broker reached the monitor in the {waited_ms} ms after the DISCONNECT. The board said goodbye properly, so the broker discarded its will.";
        "Will이 오지 않았습니다. DISCONNECT 후 {waited_ms} ms 동안 Broker가 모니터에 보낸 것이 없습니다. 보드가 정상적으로 작별했으므로 Broker는 Will을 버렸습니다.")
}

/// "Disconnect properly" with the board's own goodbye.
pub fn goodbye_arrived(lang: Lang, after_ms: u64) -> String {
    say!(lang,
        "The “offline” the monitor got {after_ms} ms after the button was the board's own PUBLISH, sent just before its DISCONNECT, so the retained status is right.";
        "버튼을 누르고 {after_ms} ms 뒤에 모니터가 받은 “offline”은 보드가 DISCONNECT 직전에 직접 보낸 PUBLISH입니다. 그래서 저장된 상태도 올바릅니다.")
}

/// "Disconnect properly", yet a will came (a broker that should not).
pub fn disconnect_will(lang: Lang, after_ms: u64) -> String {
    say!(lang,
        "A will reached the monitor {after_ms} ms after the DISCONNECT, although the broker should have discarded it.";
        "DISCONNECT 후 {after_ms} ms 뒤에 Will이 모니터에 도착했습니다. 원래 Broker가 버려야 하는 메시지입니다.")
}

/// "Freeze": the live countdown.
pub fn freeze_countdown(
    lang: Lang,
    frozen_ms: u64,
    keep_alive: u16,
    since_last_ms: u64,
    left_ms: u64,
) -> String {
    let (f, last, left) = (secs(frozen_ms), secs(since_last_ms), secs(left_ms));
    let grace = secs(crate::app::learn::last_will::grace_ms(keep_alive));
    say!(lang,
        "Frozen for {f} s. The board's last packet left {last} s ago; 1.5 × keep alive ({keep_alive} s) = {grace} s, so the broker may give up in {left} s.";
        "{f}초째 멈춰 있습니다. 보드의 마지막 패킷은 {last}초 전에 나갔습니다. Keep Alive({keep_alive}초)의 1.5배는 {grace}초이므로 {left}초 뒤에 Broker가 연결을 포기할 수 있습니다.")
}

/// "Freeze": past the deadline, the will not there yet.
pub fn freeze_overdue(lang: Lang, frozen_ms: u64, over_ms: u64) -> String {
    let (f, over) = (secs(frozen_ms), secs(over_ms));
    say!(lang,
        "Frozen for {f} s; the 1.5 × keep alive deadline passed {over} s ago. A broker checks its clients' keep alive now and then, not every millisecond, so the will can come a little later.";
        "{f}초째 멈춰 있습니다. Keep Alive 1.5배 시한이 {over}초 전에 지났습니다. Broker는 클라이언트의 Keep Alive를 매 순간이 아니라 주기적으로 점검하므로 Will이 조금 늦게 올 수 있습니다.")
}

/// The countdown on the frozen board's card: time left, or how far past
/// the deadline.
pub fn countdown_value(lang: Lang, left_ms: Option<u64>, over_ms: u64) -> String {
    match left_ms {
        Some(left) => {
            let left = secs(left);
            say!(lang, "{left} s"; "{left}초")
        }
        None => {
            let over = secs(over_ms);
            say!(lang, "now (deadline passed {over} s ago)"; "지금 (시한이 {over}초 지남)")
        }
    }
}

/// "Freeze": the will came.
pub fn freeze_will(lang: Lang, after_ms: u64, after_last_ms: u64, keep_alive: u16) -> String {
    let grace = crate::app::learn::last_will::grace_ms(keep_alive);
    say!(lang,
        "The will reached the monitor {after_ms} ms after you froze the board, {after_last_ms} ms after its last packet (1.5 × keep alive = {grace} ms). The broker waited for the keep alive to run out, then published the will.";
        "보드를 멈추고 {after_ms} ms 뒤, 마지막 패킷으로부터 {after_last_ms} ms 뒤에 Will이 모니터에 도착했습니다 (Keep Alive의 1.5배 = {grace} ms). Broker는 Keep Alive 시한이 지나기를 기다렸다가 Will을 발행했습니다.")
}

/// "Freeze": when the broker closed the board's connection.
pub fn broker_closed(lang: Lang, after_ms: u64) -> String {
    say!(lang,
        "The broker closed the board's connection {after_ms} ms after the freeze.";
        "Broker는 멈춘 지 {after_ms} ms 뒤에 보드의 연결을 닫았습니다.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::is_hangul;

    #[test]
    fn every_text_is_in_both_languages() {
        check_catalogue!(LastWillMsg, &[LastWillMsg::WillLine]);
        assert_eq!(LastWillMsg::KeepAliveLabel.en(), "Keep alive (seconds)");
        assert_eq!(LastWillMsg::PullPlug.en(), "Pull the plug");
    }

    #[test]
    fn formatted_texts_speak_each_language() {
        let all = |lang| {
            vec![
                keep_alive_error(lang, KeepAliveError::Zero).to_string(),
                pull_waiting(lang, 1_234),
                pull_will(lang, 40),
                disconnect_waiting(lang, 900),
                disconnect_no_will(lang, 2_004),
                goodbye_arrived(lang, 8),
                disconnect_will(lang, 30),
                freeze_countdown(lang, 1_000, 2, 1_500, 1_500),
                freeze_overdue(lang, 3_200, 200),
                freeze_will(lang, 3_400, 3_500, 2),
                broker_closed(lang, 3_390),
                countdown_value(lang, Some(1_200), 0),
                countdown_value(lang, None, 300),
            ]
        };
        for s in all(Lang::Ko) {
            assert!(s.chars().any(is_hangul), "{s}");
        }
        for s in all(Lang::En) {
            assert!(!s.chars().any(is_hangul), "{s}");
        }
        assert!(freeze_countdown(Lang::En, 1_000, 2, 1_500, 1_500)
            .contains("1.5 × keep alive (2 s) = 3.0 s, so the broker may give up in 1.5 s"));
        assert!(pull_will(Lang::En, 40).contains("40 ms after you pulled the plug"));
    }
}
