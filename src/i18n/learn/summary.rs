//! Lesson 9, summary and self-check.

use super::super::Lang;

catalogue! {
    /// A text of the summary lesson.
    SummaryMsg;
    Intro => (
        "Here is the chapter in nine sentences. Each links back to the lesson that shows it live, then check yourself with the questions below. Your answers are kept in this browser, so you can come back later.",
        "이 장의 내용을 아홉 문장으로 정리했습니다. 문장마다 직접 실습해 본 레슨으로 돌아가는 링크가 있습니다. 그다음 아래 문제로 스스로 확인해 보세요. 답은 이 브라우저에 저장되므로 나중에 이어서 풀 수 있습니다."
    ),
    KeyWhy => (
        "MQTT keeps one connection open and sends each message as a small packet whose fixed header can be just two bytes.",
        "MQTT는 연결 하나를 열어 두고, 고정 헤더가 2바이트뿐일 수 있는 작은 패킷으로 메시지를 보냅니다."
    ),
    KeyPubSub => (
        "Publishers and subscribers never know each other, only the broker: adding a subscriber costs the publishers nothing.",
        "발행자와 구독자는 서로를 모르고 Broker만 압니다. 구독자를 늘려도 발행자에게는 부담이 없습니다."
    ),
    KeyRoles => (
        "The broker routes; publishing and subscribing are things any client does, often both on one connection.",
        "Broker는 메시지를 전달하고, 발행과 구독은 어떤 클라이언트든 할 수 있으며 한 연결로 둘 다 하는 경우가 많습니다."
    ),
    KeyTopics => (
        "Topics are paths from general to specific (home/livingroom/temperature); + matches one level, # everything below.",
        "Topic은 큰 범위에서 작은 범위로 가는 경로입니다(home/livingroom/temperature). + 는 한 단계, # 는 그 아래 전부를 뜻합니다."
    ),
    KeyQos => (
        "QoS 0 sends once, QoS 1 repeats until acknowledged (duplicates possible), QoS 2 delivers exactly once with four packets.",
        "QoS 0은 한 번 보내고, QoS 1은 확인을 받을 때까지 다시 보내며(중복 가능), QoS 2는 패킷 4개로 정확히 한 번 전달합니다."
    ),
    KeyRetained => (
        "A retained message is the broker's memory of a topic's last value, handed to every new subscriber at once.",
        "Retained 메시지는 Topic의 마지막 값을 Broker가 기억해 두었다가 새 구독자에게 바로 건네는 것입니다."
    ),
    KeyWill => (
        "The Last Will is published by the broker when a client vanishes without DISCONNECT; keep alive is how it notices silence (1.5 × the interval).",
        "Last Will은 클라이언트가 DISCONNECT 없이 사라졌을 때 Broker가 발행합니다. Broker는 Keep Alive로 침묵을 알아차립니다(주기의 1.5배)."
    ),
    KeySmartHome => (
        "A whole system is small clients, each doing one job and reacting only to the messages it subscribed to.",
        "전체 시스템은 각자 한 가지 일을 하며 구독한 메시지에만 반응하는 작은 클라이언트들로 이루어집니다."
    ),
    KeyNext => (
        "Next: connect your own board to your HiveMQ Cloud cluster (wss, port 8884, path /mqtt, your username and password) and run these exercises there.",
        "다음 단계: 내 보드를 내 HiveMQ Cloud 클러스터(wss, 8884 포트, 경로 /mqtt, 내 사용자 이름과 비밀번호)에 연결하고 이 실습을 그곳에서 해 보세요."
    ),
    KeyIdeas => ("Key ideas", "핵심 정리"),
    QuizHeading => ("Self-check", "셀프 체크"),
    Question => ("Question", "문제"),
    Right => ("Right.", "정답입니다."),
    NotQuite => ("Not quite.", "아쉽네요."),
    TheAnswer => ("The answer:", "정답:"),
    ReviewLesson => ("Review the lesson", "레슨 다시 보기"),
    StartOver => ("Start the quiz over", "처음부터 다시 풀기"),
    AllDone => (
        "All answered. Questions you missed show why — go back to their lesson and try the exercise again.",
        "모두 풀었습니다. 틀린 문제에는 이유가 나와 있으니 해당 레슨으로 돌아가 실습을 다시 해 보세요."
    ),
}

/// "7 of 11 answered, 6 right".
pub fn score_line(lang: Lang, answered: usize, correct: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("{answered} of {total} answered, {correct} right"),
        Lang::Ko => format!("{total}문제 중 {answered}문제 풀이, {correct}문제 정답"),
    }
}

/// "Question 3 of 11".
pub fn question_number(lang: Lang, n: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("Question {n} of {total}"),
        Lang::Ko => format!("{total}문제 중 {n}번"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_in_both_languages() {
        check_catalogue!(SummaryMsg, &[]);
        assert!(score_line(Lang::Ko, 1, 1, 11)
            .chars()
            .any(crate::i18n::is_hangul));
        assert_eq!(score_line(Lang::En, 7, 6, 11), "7 of 11 answered, 6 right");
        assert_eq!(question_number(Lang::En, 3, 11), "Question 3 of 11");
    }
}
