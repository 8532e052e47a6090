//! Lesson 2, client–server versus publish/subscribe.

use super::super::Lang;

catalogue! {
    /// A text of the publish/subscribe lesson.
    PubSubMsg;
    Idea1 => (
        "Picture three boards that measure temperature. In the client–server way — the way a web page talks to an HTTP server — every board sends its reading straight to one server. Each board has to know that server's address, and the server has to know every board and every screen that wants the readings. Add a screen and you change the server; if the server goes down, everything stops.",
        "온도를 재는 보드 세 개가 있다고 해 봅시다. 클라이언트-서버 방식(웹 페이지가 HTTP 서버와 통신하는 방식)에서는 보드마다 측정값을 서버 하나로 직접 보냅니다. 모든 보드가 서버 주소를 알아야 하고, 서버는 모든 보드와 측정값을 보여 줄 화면을 전부 알고 있어야 합니다. 화면을 하나 늘리려면 서버를 고쳐야 하고, 서버가 멈추면 전체가 멈춥니다."
    ),
    Idea2 => (
        "Publish/subscribe puts a broker in the middle. Boards publish their readings to topics; whoever is interested subscribes to those topics. A board knows only the broker's address and never learns who reads its data; a subscriber knows only the broker and the topic names. Nobody depends on anybody but the broker: this is loose coupling.",
        "발행/구독 방식은 가운데에 Broker를 둡니다. 보드는 측정값을 Topic으로 발행하고, 관심 있는 쪽은 그 Topic을 구독합니다. 보드는 Broker 주소만 알 뿐 누가 자기 데이터를 읽는지 모르고, 구독자도 Broker와 Topic 이름만 압니다. 서로를 몰라도 되고 Broker만 알면 됩니다. 이것을 느슨한 결합이라고 합니다."
    ),
    Idea3 => (
        "So one message can reach many receivers (N publishers to M subscribers), and adding a receiver costs the publishers nothing: they keep sending exactly as before while the broker does the extra delivering. Below, start the boards, add a second subscriber, and compare the boards' counts before and after.",
        "그래서 메시지 하나가 여러 수신자에게 갈 수 있고(N개의 발행자와 M개의 구독자), 수신자를 늘려도 발행자는 아무 부담이 없습니다. 발행자는 하던 대로 보내고, 늘어난 전달은 Broker가 맡습니다. 아래에서 보드를 시작하고 두 번째 구독자를 추가한 다음, 추가하기 전과 후의 보드 발행 횟수를 비교해 보세요."
    ),
    StartBoards => ("Start boards", "보드 시작"),
    StopBoards => ("Stop boards", "보드 정지"),
    AddSubscriber => ("Add a second subscriber", "두 번째 구독자 추가"),
    Display => ("Display", "디스플레이"),
    Logger => ("Logger", "로거"),
    Server => ("Server", "서버"),
    Broker => ("Broker", "Broker"),
    ClientServer => ("Client–server", "클라이언트-서버"),
    PubSub => ("Publish/subscribe", "발행/구독"),
    DiagramsLabel => ("The two ways side by side", "두 방식 나란히 보기"),
    CsBoardsKnow => (
        "Each board knows the server's address and sends to it directly.",
        "보드마다 서버 주소를 알고 서버로 직접 보냅니다."
    ),
    PsBoardsKnow => (
        "Each board knows only the broker's address; the subscribers know only the broker and the topic.",
        "보드는 Broker 주소만 알고, 구독자는 Broker와 Topic만 압니다."
    ),
    CsChange => ("needs a server change", "서버 수정 필요"),
    PsNoChange => ("boards unchanged", "보드는 그대로"),
    NotAdded => ("not added yet", "아직 추가 안 됨"),
    BoardsIntro => (
        "Each board is its own MQTT connection and publishes a reading every second (QoS 0) to its own topic. The Display subscribes to all three with one wildcard filter.",
        "보드마다 MQTT 연결이 따로 있고, 1초마다 자기 Topic으로 측정값을 발행합니다(QoS 0). 디스플레이는 와일드카드 필터 하나로 세 보드를 모두 구독합니다."
    ),
    LoggerIntro => (
        "The Logger is a second subscriber that joins while the boards are running, with the same filter. Nothing about the boards changes.",
        "로거는 보드가 동작하는 중에 같은 필터로 들어오는 두 번째 구독자입니다. 보드 쪽은 아무것도 바뀌지 않습니다."
    ),
    LastReading => ("Last reading", "마지막 측정값"),
    CountsCaption => ("PUBLISH packets, counted from each client's own packets", "클라이언트마다 자기 패킷에서 센 PUBLISH 수"),
    ColClient => ("Client", "클라이언트"),
    ColDirection => ("Direction", "방향"),
    ColWindow => ("In the last 5 s", "최근 5초"),
    ColPerSecond => ("Per second", "초당"),
    ColTotal => ("Total", "합계"),
    BrokerDelivered => ("Broker → subscribers", "Broker → 구독자"),
    Sent => ("sent", "보냄"),
    Received => ("received", "받음"),
    CouplingUnchanged => (
        "Adding the Logger cost the boards nothing: each board sent as many PUBLISH packets after the Logger joined as in the same time before. Only the broker's work grew — it now delivers every reading twice.",
        "로거를 추가해도 보드의 부담은 그대로입니다. 로거가 들어오기 전과 후, 같은 시간 동안 각 보드가 보낸 PUBLISH 수가 같습니다. 늘어난 것은 Broker의 일뿐이며, 이제 측정값 하나를 두 번씩 전달합니다."
    ),
    CouplingChanged => (
        "The boards' counts changed since the Logger joined — were the boards stopped or restarted in between? Start them and add the Logger while they run to compare.",
        "로거가 들어온 뒤 보드의 발행 수가 달라졌습니다. 그 사이에 보드를 멈추거나 다시 시작했나요? 보드를 켠 상태에서 로거를 추가해 비교해 보세요."
    ),
    Measuring => (
        "Measuring: after the Logger joins, the boards' packets are counted for as long as they ran before it (up to 5 seconds) to compare like with like.",
        "측정 중입니다. 로거가 들어온 뒤, 들어오기 전에 보드가 동작한 만큼(최대 5초) 보드의 패킷을 세어 같은 길이로 비교합니다."
    ),
    StartFirst => (
        "Start the boards: the readings, the counts and the diagram come alive here.",
        "보드를 시작하면 측정값과 발행 수, 그림이 여기에서 움직이기 시작합니다."
    ),
    BoardPackets => ("Packets of board 1", "보드 1의 패킷"),
    DisplayMessages => ("Messages the Display received", "디스플레이가 받은 메시지"),
    LoggerMessages => ("Messages the Logger received", "로거가 받은 메시지"),
}

/// "Board n" (1-based).
pub fn board_name(lang: Lang, n: usize) -> String {
    say!(lang, "Board {n}"; "보드 {n}")
}

/// What the server has to know in the client–server picture.
pub fn cs_server_knows(lang: Lang, boards: usize, displays: usize) -> String {
    say!(lang,
        "The server knows all {} clients: {boards} boards and {displays} screen(s). Every new screen means changing the server.", boards + displays;
        "서버는 클라이언트 {}개(보드 {boards}개, 화면 {displays}개)를 모두 알아야 합니다. 화면이 늘 때마다 서버를 고쳐야 합니다.", boards + displays)
}

/// The live numbers under the publish/subscribe picture.
pub fn ps_numbers(
    lang: Lang,
    boards_per_s: f64,
    subscribers: usize,
    delivered_per_s: f64,
) -> String {
    say!(lang,
        "The boards publish {boards_per_s:.1} messages a second in all; {subscribers} subscriber(s); the broker delivers {delivered_per_s:.1} a second.";
        "보드 전체가 초당 {boards_per_s:.1}개를 발행하고, 구독자는 {subscribers}개이며, Broker는 초당 {delivered_per_s:.1}개를 전달합니다.")
}

/// The diagram's description for screen readers.
pub fn ps_diagram_label(
    lang: Lang,
    subscribers: usize,
    boards_per_s: f64,
    delivered_per_s: f64,
) -> String {
    say!(lang,
        "Publish/subscribe: 3 boards publish to the broker, which delivers to {subscribers} subscriber(s). Boards: {boards_per_s:.1} messages a second; broker deliveries: {delivered_per_s:.1} a second.";
        "발행/구독: 보드 3개가 Broker로 발행하고, Broker가 구독자 {subscribers}개에게 전달합니다. 보드: 초당 {boards_per_s:.1}개, Broker 전달: 초당 {delivered_per_s:.1}개.")
}

/// The client–server diagram's description.
pub fn cs_diagram_label(lang: Lang, displays: usize) -> String {
    say!(lang,
        "Client–server: 3 boards each send straight to one server, which also serves {displays} screen(s); each board knows the server's address and the server knows every client.";
        "클라이언트-서버: 보드 3개가 각각 서버 하나로 직접 보내고, 서버가 화면 {displays}개에도 데이터를 줍니다. 보드는 서버 주소를 알고, 서버는 모든 클라이언트를 압니다.")
}

/// The before/after figures of the coupling check, over `secs` seconds
/// each.
pub fn before_after(lang: Lang, secs: u64, before: &[usize], after: Option<&[usize]>) -> String {
    let list = |v: &[usize]| {
        v.iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match after {
        Some(a) => say!(lang,
            "PUBLISH packets per board in {secs} s — before the Logger joined: {}; after: {}.", list(before), list(a);
            "보드별 {secs}초 동안의 PUBLISH 수 — 로거 추가 전: {}, 추가 후: {}.", list(before), list(a)),
        None => say!(lang,
            "PUBLISH packets per board in the {secs} s before the Logger joined: {}.", list(before);
            "로거 추가 전 {secs}초 동안 보드별 PUBLISH 수: {}.", list(before)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::is_hangul;

    #[test]
    fn every_text_is_in_both_languages() {
        check_catalogue!(PubSubMsg, &[PubSubMsg::Broker]);
        assert_eq!(PubSubMsg::AddSubscriber.en(), "Add a second subscriber");
        assert_eq!(PubSubMsg::StartBoards.en(), "Start boards");
    }

    #[test]
    fn formatted_texts_carry_the_numbers_in_both_languages() {
        for lang in [Lang::En, Lang::Ko] {
            let texts = [
                board_name(lang, 2),
                cs_server_knows(lang, 3, 2),
                ps_numbers(lang, 3.0, 2, 6.0),
                ps_diagram_label(lang, 2, 3.0, 6.0),
                cs_diagram_label(lang, 2),
                before_after(lang, 5, &[5, 5, 4], Some(&[5, 5, 5])),
                before_after(lang, 3, &[5, 5, 4], None),
            ];
            for t in &texts {
                assert_eq!(t.chars().any(is_hangul), lang == Lang::Ko, "{t}");
            }
            assert!(texts[1].contains('5'), "{}", texts[1]);
            assert!(texts[2].contains("3.0") && texts[2].contains("6.0"));
            assert!(texts[5].contains("5, 5, 4") && texts[5].contains("5, 5, 5"));
        }
    }
}
