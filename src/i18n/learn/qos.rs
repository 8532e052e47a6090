//! Lesson 5, QoS 0, 1 and 2.

#[cfg(test)]
use super::super::Lang;

catalogue! {
    /// A text of the QoS lesson.
    QosMsg;
    Idea1 => (
        "QoS (Quality of Service) is the promise a sender and a receiver make about one message. QoS 0, at most once: a single PUBLISH and no answer — if it is lost on the way, it is gone. QoS 1, at least once: the receiver answers with PUBACK, and the sender keeps the message and sends it again until that answer comes.",
        "QoS(Quality of Service)는 보내는 쪽과 받는 쪽이 메시지 하나를 두고 하는 약속입니다. QoS 0(최대 1회)은 PUBLISH 하나만 보내고 답을 기다리지 않습니다. 가는 길에 사라지면 그걸로 끝입니다. QoS 1(최소 1회)은 받는 쪽이 PUBACK으로 답하고, 보내는 쪽은 그 답이 올 때까지 메시지를 갖고 있다가 다시 보냅니다."
    ),
    Idea2 => (
        "That is where duplicates come from: if the message arrived but its PUBACK was lost, the sender cannot tell the difference and sends it again, so the receiver gets it twice. QoS 2, exactly once, adds a second round trip: PUBLISH → PUBREC (“I have it, and I remember its packet id”) → PUBREL (“you can forget it now”) → PUBCOMP. A re-sent copy with a remembered id is recognised and not passed on again — at the price of four packets instead of two.",
        "중복은 여기서 생깁니다. 메시지는 도착했는데 PUBACK이 사라지면, 보내는 쪽은 이를 구별할 수 없어 다시 보내고, 받는 쪽은 같은 메시지를 두 번 받습니다. QoS 2(정확히 1회)는 왕복을 한 번 더 합니다. PUBLISH → PUBREC(“받았고, 패킷 ID를 기억해 둘게”) → PUBREL(“이제 잊어도 돼”) → PUBCOMP 순서입니다. 기억해 둔 ID로 다시 온 메시지는 알아보고 또 전달하지 않습니다. 그 대가로 패킷이 2개가 아니라 4개 듭니다."
    ),
    Idea3 => (
        "QoS is agreed on each leg separately: sensor → broker at the QoS of the PUBLISH, broker → subscriber at the lower of that and the QoS the subscriber asked for. Sensor readings usually go at QoS 0: a new reading follows in a few seconds and replaces a lost one, and a board saves battery and data. Keep QoS 1 for messages that must arrive (an alarm) and QoS 2, or a receiver that ignores repeats, for commands that must not run twice.",
        "QoS는 구간마다 따로 정해집니다. 센서 → Broker 구간은 PUBLISH의 QoS로, Broker → 구독자 구간은 그 값과 구독자가 요청한 QoS 중 낮은 쪽으로 전달됩니다. 센서 측정값은 보통 QoS 0으로 보냅니다. 몇 초 뒤 새 값이 와서 사라진 값을 대신하고, 보드는 배터리와 데이터를 아낄 수 있기 때문입니다. 꼭 도착해야 하는 메시지(경보 등)에는 QoS 1을, 두 번 실행되면 안 되는 명령에는 QoS 2나 중복을 무시하는 수신 처리를 쓰세요."
    ),

    SensorName => ("Sensor", "센서"),
    DashboardName => ("Dashboard", "대시보드"),
    Connect => ("Connect", "연결"),
    ConnectSubscribe => ("Connect and subscribe", "연결하고 구독"),
    SubscriptionQos => ("Subscription QoS", "구독 QoS"),
    SubscriptionHint => (
        "The most the dashboard accepts: the broker delivers at the lower of this and the PUBLISH's QoS.",
        "대시보드가 받을 최대 QoS입니다. Broker는 이 값과 PUBLISH의 QoS 중 낮은 쪽으로 전달합니다."
    ),
    PublishQos0 => ("Publish at QoS 0", "QoS 0으로 발행"),
    PublishQos1 => ("Publish at QoS 1", "QoS 1로 발행"),
    PublishQos2 => ("Publish at QoS 2", "QoS 2로 발행"),
    ConnectBoth => ("Connect the sensor and the dashboard first.", "먼저 센서와 대시보드를 연결하세요."),
    ReadingsLabel => ("Readings the dashboard received", "대시보드가 받은 측정값"),

    // ----- The lost-acknowledgement demo (sandbox only) -----
    LossHeading => ("Lose an acknowledgement", "확인 응답 잃어버리기"),
    LossIntro => (
        "The sandbox broker can lose a packet on purpose. Losing one breaks the connection, as a real network failure would; the sensor then reconnects by itself. It can only send the message again if the broker kept its session, so for this demo it reconnects with Clean Start off and a Session Expiry of 60 seconds.",
        "샌드박스 Broker는 패킷을 일부러 잃어버릴 수 있습니다. 패킷이 사라지면 실제 네트워크 장애처럼 연결이 끊기고, 센서는 스스로 다시 연결합니다. Broker가 센서의 세션을 보관하고 있어야만 메시지를 다시 보낼 수 있으므로, 이 실험에서는 Clean Start를 끄고 Session Expiry를 60초로 해서 다시 연결합니다."
    ),
    KeepSession => ("Reconnect the sensor, keeping its session", "세션을 유지하도록 센서 다시 연결"),
    SessionKept => ("The sensor keeps its session now.", "이제 센서가 세션을 유지합니다."),
    LosePubAck => ("Publish at QoS 1 and lose the PUBACK", "QoS 1로 발행하고 PUBACK 잃어버리기"),
    LosePubRec => ("Publish at QoS 2 and lose the PUBREC", "QoS 2로 발행하고 PUBREC 잃어버리기"),

    // ----- Readout -----
    ReadoutIntro => (
        "Each run shows the packets of that one message on both legs, timed from the moment the sensor sent its PUBLISH.",
        "실행마다 그 메시지 하나를 위해 두 구간에서 오간 패킷을 보여 줍니다. 시간은 센서가 PUBLISH를 보낸 순간부터 잽니다."
    ),
    RunHeading => ("Run", "실행"),
    SensorLeg => ("Sensor ↔ broker", "센서 ↔ Broker"),
    DashboardLeg => ("Broker ↔ dashboard", "Broker ↔ 대시보드"),
    SensorPacketsRun => ("Sensor packets, run", "센서 패킷, 실행"),
    DashboardPacketsRun => ("Dashboard packets, run", "대시보드 패킷, 실행"),
    Waiting => ("Waiting for the rest of the exchange…", "나머지 패킷을 기다리는 중…"),
    Exact => (
        "Exactly this level's exchange on both legs, and the dashboard got the reading once.",
        "두 구간 모두 이 단계의 교환 순서 그대로이며, 대시보드는 측정값을 한 번 받았습니다."
    ),
    NotExact => (
        "This is not the plain exchange of this level: look at the packets above.",
        "이 단계의 기본 교환 순서와 다릅니다. 위의 패킷을 살펴보세요."
    ),
    DuplicateQos1 => (
        "The dashboard got the reading twice. The PUBACK was lost, so the sensor could not know that the broker already had the message: after reconnecting it sent it again (DUP), and the broker passed it on again. That is “at least once”.",
        "대시보드가 측정값을 두 번 받았습니다. PUBACK이 사라져서 센서는 Broker가 이미 메시지를 받았는지 알 수 없었고, 다시 연결한 뒤 메시지를 또 보냈습니다(DUP). Broker는 그것도 전달했습니다. 이것이 “최소 1회”입니다."
    ),
    OnceQos2 => (
        "The dashboard got the reading once, although the sensor sent it twice. The broker remembered the packet id from the first PUBLISH, so it answered the copy with PUBREC and did not pass it on again. That is “exactly once”.",
        "센서는 두 번 보냈지만 대시보드는 측정값을 한 번만 받았습니다. Broker가 첫 PUBLISH의 패킷 ID를 기억하고 있어서, 다시 온 메시지에는 PUBREC으로만 답하고 또 전달하지 않았습니다. 이것이 “정확히 1회”입니다."
    ),
    LostNotResent => (
        "The sensor did not send the message again: either the acknowledgement was not lost after all, or its session did not survive the reconnection.",
        "센서가 메시지를 다시 보내지 않았습니다. 확인 응답이 실제로는 사라지지 않았거나, 다시 연결할 때 세션이 이어지지 않았습니다."
    ),
    CountsHeading => ("Packets per message", "메시지 하나당 패킷 수"),
    CountsLabel => ("Packets per message, by QoS", "QoS별 메시지 하나당 패킷 수"),
    ColumnLevel => ("QoS", "QoS"),
    ColumnSensorLeg => ("Sensor ↔ broker", "센서 ↔ Broker"),
    ColumnDashboardLeg => ("Broker ↔ dashboard", "Broker ↔ 대시보드"),
    ColumnTotal => ("In all", "합계"),
    ColumnRoundTrip => ("Until the sensor was done", "센서 쪽 완료까지"),
    NotRunYet => ("not run yet", "아직 실행 안 함"),
    CountsNote => (
        "Measured on your last exact run of each level. Four packets per leg is what QoS 2's promise costs; on a board sending a reading every second, that difference adds up.",
        "단계마다 가장 최근의 정상 실행에서 잰 값입니다. 구간마다 패킷 4개가 QoS 2의 약속에 드는 비용입니다. 1초마다 측정값을 보내는 보드라면 이 차이가 금방 쌓입니다."
    ),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_in_both_languages() {
        check_catalogue!(QosMsg, &[QosMsg::ColumnLevel]);
        assert_eq!(QosMsg::SensorName.text(Lang::En), "Sensor");
    }
}
