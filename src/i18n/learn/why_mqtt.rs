//! Lesson 1, why MQTT.

use super::super::Lang;

catalogue! {
    /// A text of the "why MQTT" lesson.
    WhyMsg;
    Idea1 => (
        "A sensor board has a small processor, little memory and often a weak network. It wants to send a short reading — a few bytes — many times a minute, for months. MQTT was designed for exactly this: a device opens one connection to a broker and keeps it, then every reading is a single small packet on that open line.",
        "센서 보드는 프로세서와 메모리가 작고 네트워크도 불안정한 경우가 많습니다. 그런데도 몇 바이트짜리 측정값을 1분에도 여러 번, 몇 달 동안 보내야 합니다. MQTT는 바로 이런 상황을 위해 만들어졌습니다. 장치는 Broker와 연결을 한 번 열어 계속 유지하고, 측정값 하나하나를 그 연결 위로 작은 패킷 하나에 담아 보냅니다."
    ),
    Idea2 => (
        "Every MQTT packet starts with a fixed header of just two bytes for small messages: one byte says what kind of packet it is (and a few flags), the next says how many bytes follow. The smallest packets are nothing but that header — a PINGREQ, the \"are you still there?\" a client sends to keep its connection alive, is exactly two bytes.",
        "MQTT 패킷은 모두 고정 헤더로 시작하는데, 작은 메시지라면 단 2바이트입니다. 첫 바이트는 패킷 종류와 몇 가지 플래그를, 다음 바이트는 뒤따르는 바이트 수를 나타냅니다. 가장 작은 패킷은 이 헤더가 전부입니다. 연결이 살아 있는지 확인하려고 클라이언트가 보내는 PINGREQ는 정확히 2바이트입니다."
    ),
    Idea3 => (
        "HTTP, the protocol of the web, works differently: each request is text with a request line and headers, and the server must answer each one. That is fine for a browser loading a page, but for a device reporting \"23.5\" the wrapping is many times bigger than the reading. Compare the two below — the MQTT bytes are produced by the same code this app uses to talk to the broker.",
        "웹의 프로토콜인 HTTP는 다르게 동작합니다. 요청마다 요청 줄과 여러 헤더를 텍스트로 적어 보내고, 서버는 요청마다 응답해야 합니다. 브라우저가 웹 페이지를 불러올 때는 괜찮지만, 장치가 \"23.5\"를 보고할 때는 포장이 내용물보다 몇 배나 큽니다. 아래에서 둘을 비교해 보세요. MQTT 바이트는 이 앱이 실제로 Broker와 통신할 때 쓰는 코드로 만든 것입니다."
    ),
    ReadingLabel => ("Sensor reading", "센서 측정값"),
    PingreqHeading => ("PINGREQ: the whole packet is its fixed header", "PINGREQ: 고정 헤더가 곧 패킷 전체"),
    PingreqByte0 => (
        "C0 = 1100 0000: packet type 12 (PINGREQ) in the upper four bits, no flags.",
        "C0 = 1100 0000: 위쪽 4비트가 패킷 종류 12(PINGREQ), 플래그 없음."
    ),
    PingreqByte1 => (
        "00: Remaining Length 0 — nothing follows.",
        "00: 남은 길이(Remaining Length) 0 — 뒤에 아무것도 없음."
    ),
    PublishHeading => ("The reading as an MQTT PUBLISH (QoS 0)", "MQTT PUBLISH로 보낸 측정값 (QoS 0)"),
    PublishBytesLabel => ("PUBLISH bytes", "PUBLISH 바이트"),
    HttpHeading => ("The same reading as a minimal HTTP POST", "같은 측정값을 최소한의 HTTP POST로"),
    HttpRequest => ("Request", "요청"),
    HttpResponse => ("Response", "응답"),
    SendLive => ("Send the reading to the broker", "측정값을 Broker로 보내기"),
    ClientName => ("Sensor board", "센서 보드"),
    PacketsLabel => ("Packets of the sensor board", "센서 보드의 패킷"),
    MatchesWire => (
        "The PUBLISH that went to the broker has exactly the bytes counted above.",
        "Broker로 나간 PUBLISH가 위에서 센 바이트와 정확히 같습니다."
    ),
    DiffersFromWire => (
        "The PUBLISH on the wire differs from the one counted above (was the reading changed after sending?).",
        "실제로 나간 PUBLISH가 위에서 센 것과 다릅니다. 보낸 뒤에 측정값을 바꾸었나요?"
    ),
    PingSeen => (
        "There it is: the client sent PINGREQ (C0 00) and the broker answered PINGRESP (D0 00) — four bytes keep the connection alive.",
        "나타났습니다. 클라이언트가 PINGREQ(C0 00)를 보내고 Broker가 PINGRESP(D0 00)로 답했습니다. 4바이트로 연결이 유지됩니다."
    ),
    PingWaiting => (
        "The board's keep alive is 5 seconds: if it has sent nothing else by then, it sends a PINGREQ.",
        "이 보드의 Keep Alive는 5초입니다. 그동안 보낸 것이 없으면 PINGREQ를 보냅니다."
    ),
    Empty => ("Type a reading first.", "먼저 측정값을 입력하세요."),
    TooLong => ("Keep the reading under 1,000 characters for this comparison.", "비교를 위해 측정값은 1,000자 미만으로 입력하세요."),
}

/// "MQTT: N bytes, of which M fixed header".
pub fn mqtt_size(lang: Lang, total: usize, header: usize) -> String {
    match lang {
        Lang::En => format!("MQTT: {total} bytes, of which {header} are the fixed header"),
        Lang::Ko => format!("MQTT: {total}바이트 (그중 고정 헤더 {header}바이트)"),
    }
}

/// "HTTP: N bytes (request R + response S)".
pub fn http_size(lang: Lang, total: usize, request: usize, response: usize) -> String {
    match lang {
        Lang::En => format!("HTTP: {total} bytes (request {request} + response {response})"),
        Lang::Ko => format!("HTTP: {total}바이트 (요청 {request} + 응답 {response})"),
    }
}

/// "HTTP needs N× the bytes".
pub fn ratio(lang: Lang, times: f64) -> String {
    match lang {
        Lang::En => format!("For this reading, HTTP moves {times:.1} times as many bytes as MQTT — before counting that HTTP often opens a new connection per request."),
        Lang::Ko => format!("이 측정값 하나에 HTTP는 MQTT보다 {times:.1}배 많은 바이트를 보냅니다. 요청마다 새 연결을 여는 경우가 많다는 점은 아직 세지도 않았습니다."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_in_both_languages() {
        check_catalogue!(WhyMsg, &[]);
        for lang in Lang::ALL {
            assert!(mqtt_size(lang, 46, 2).contains("46"));
            assert!(http_size(lang, 130, 102, 28).contains("102"));
            assert!(ratio(lang, 2.83).contains("2.8"));
        }
        assert!(ratio(Lang::Ko, 2.0).chars().any(crate::i18n::is_hangul));
    }
}
