//! The texts of the learning panels, in our own words, English then
//! Korean. [`LearnMsg`] holds what every lesson shares (the sidebar, the
//! lesson frame, the learner's prefix, "Show code", the clients' states);
//! each lesson's own texts live in a submodule named after it.

#[cfg(test)]
use super::Lang;

pub mod last_will;
pub mod pub_sub;
pub mod qos;
pub mod retained;
pub mod roles;
pub mod smart_home;
pub mod summary;
pub mod topics;
pub mod why_mqtt;

catalogue! {
    /// A text of the learning panels' frame.
    LearnMsg;
    // ----- Navigation -----
    ViewSwitch => ("View", "화면"),
    ViewClient => ("Client", "클라이언트"),
    ViewLearn => ("Learn MQTT", "MQTT 배우기"),
    LessonsNav => ("Lessons", "레슨 목록"),
    LessonDone => ("done", "완료"),
    LessonsDoneCount => ("Lessons done", "끝낸 레슨"),
    PreviousLesson => ("Previous lesson", "이전 레슨"),
    NextLesson => ("Next lesson", "다음 레슨"),
    LessonOf => ("Lesson", "레슨"),

    // ----- Lesson titles (sidebar and headings) -----
    TitleWhyMqtt => ("Why MQTT?", "왜 MQTT인가?"),
    TitlePubSub => ("Client–server vs publish/subscribe", "클라이언트-서버 vs 발행/구독"),
    TitleRoles => ("Broker, publisher, subscriber", "Broker, 발행자, 구독자"),
    TitleTopics => ("Topics and wildcards", "Topic과 와일드카드"),
    TitleQos => ("QoS 0, 1 and 2", "QoS 0, 1, 2 단계"),
    TitleRetained => ("Retained messages", "Retained 메시지"),
    TitleLastWill => ("Last Will and keep alive", "LWT(Last Will)와 Keep Alive"),
    TitleSmartHome => ("A smart home, end to end", "스마트 홈 시나리오"),
    TitleSummary => ("Summary and self-check", "정리와 셀프 체크"),

    // ----- Lesson frame -----
    SectionIdea => ("The idea", "핵심 개념"),
    SectionTry => ("Try it", "직접 해 보기"),
    SectionWhatHappened => ("What just happened", "방금 일어난 일"),
    NothingYet => (
        "Nothing yet: use the buttons above and the packets will show up here.",
        "아직 없습니다. 위의 버튼을 눌러 보면 오간 패킷이 여기에 나타납니다."
    ),

    // ----- Where the exercises run -----
    RunsOn => ("Exercises run on", "실습 Broker"),
    RunsOnSandbox => (
        "the sandbox broker inside this browser. To use your own broker (HiveMQ Cloud, say), connect to it in the Client view first; the lessons then use the same address and login.",
        "이 브라우저 안의 샌드박스 Broker입니다. 내 Broker(예: HiveMQ Cloud)로 실습하려면 먼저 클라이언트 화면에서 연결하세요. 그러면 레슨도 같은 주소와 계정을 씁니다."
    ),
    RunsOnBroker => (
        "the broker your client is connected to, with the same login. Each lesson opens its own extra connections to it.",
        "클라이언트가 연결한 Broker이며, 같은 계정을 씁니다. 레슨마다 필요한 연결을 따로 엽니다."
    ),

    // ----- Learner prefix -----
    PrefixLabel => ("Your topic prefix", "내 Topic 접두어"),
    PrefixHint => (
        "Every topic in the exercises starts with this, so learners sharing a broker never see each other's messages.",
        "실습의 모든 Topic이 이 접두어로 시작합니다. 같은 Broker를 쓰는 다른 학습자와 메시지가 섞이지 않습니다."
    ),
    PrefixNew => ("New random prefix", "새 무작위 접두어"),
    PrefixEmpty => ("Type a prefix, such as mqttlab/abc123.", "접두어를 입력하세요. 예: mqttlab/abc123"),
    PrefixTooLong => ("A prefix may have at most 64 characters.", "접두어는 64자까지 쓸 수 있습니다."),
    PrefixWildcard => (
        "A prefix is part of a topic name, so it cannot contain the wildcards + or #.",
        "접두어는 Topic 이름의 일부라서 와일드카드 + 나 # 를 쓸 수 없습니다."
    ),
    PrefixEmptyLevel => (
        "No empty levels: do not start or end with / and do not write //.",
        "빈 단계가 없어야 합니다. / 로 시작하거나 끝나지 말고 // 도 쓰지 마세요."
    ),
    PrefixDollar => (
        "Topics starting with $ are reserved for the broker itself.",
        "$ 로 시작하는 Topic은 Broker 전용입니다."
    ),
    PrefixWhitespace => (
        "No spaces or invisible characters, please: they are easy to mistype on a board.",
        "공백이나 보이지 않는 문자는 쓰지 마세요. 보드 코드에서 틀리기 쉽습니다."
    ),

    // ----- Show code -----
    ShowCode => ("Show code", "코드 보기"),
    ShowCodeIntro => (
        "The same step as a program you can run yourself, built from the parameters used here.",
        "같은 동작을 직접 실행해 볼 수 있는 코드입니다. 여기서 쓴 설정값으로 만들었습니다."
    ),
    CodeFlavour => ("Language", "언어"),
    CodeConnect => ("connect", "연결"),
    CodePublish => ("publish", "발행"),
    CodeSubscribe => ("subscribe", "구독"),
    CopyCode => ("Copy code", "코드 복사"),
    Copied => ("Copied", "복사했습니다"),

    // ----- A lesson's clients -----
    ActorIdle => ("not connected", "연결 안 됨"),
    ActorConnecting => ("connecting…", "연결 중…"),
    ActorConnected => ("connected", "연결됨"),
    ActorClosed => ("disconnected", "연결 끊김"),
    ActorFrozen => ("frozen (silent)", "멈춤 (응답 없음)"),
    ActorConnect => ("Connect", "연결"),
    ActorPackets => ("Packets", "패킷"),
    ActorMessages => ("Messages received", "받은 메시지"),
    Sent => ("sent", "보냄"),
    ReceivedWord => ("received", "받음"),
    RetainedFlag => ("retained", "Retained"),
    DupFlag => ("DUP", "DUP"),
    Clear => ("Clear", "지우기"),
    NotConnectedYet => (
        "This client is not connected yet.",
        "이 클라이언트는 아직 연결되지 않았습니다."
    ),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_in_both_languages() {
        check_catalogue!(LearnMsg, &[LearnMsg::DupFlag, LearnMsg::RetainedFlag]);
    }

    #[test]
    fn english_accessible_names_are_stable() {
        assert_eq!(LearnMsg::PrefixLabel.en(), "Your topic prefix");
        assert_eq!(LearnMsg::LessonsNav.en(), "Lessons");
        assert_eq!(LearnMsg::ShowCode.en(), "Show code");
        assert_eq!(LearnMsg::TitleQos.text(Lang::En), "QoS 0, 1 and 2");
    }
}
