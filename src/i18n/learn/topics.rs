//! Lesson 4, topics and wildcards.

#[cfg(test)]
use super::super::Lang;

catalogue! {
    /// A text of the topics lesson.
    TopicsMsg;
    Idea1 => (
        "A topic is the address of a message: a string of levels separated by '/', from the general to the specific, such as home/livingroom/temperature. Nobody creates a topic in advance: it exists as soon as a client publishes to it, and the broker simply compares names.",
        "Topic은 메시지의 주소입니다. '/'로 나눈 여러 단계로 이루어지며, home/livingroom/temperature처럼 넓은 범위에서 좁은 범위로 적습니다. Topic은 미리 만들어 둘 필요가 없습니다. 클라이언트가 발행하는 순간 생기며, Broker는 이름을 비교할 뿐입니다."
    ),
    Idea2 => (
        "Good names make good subscriptions. Use levels rather than one long word (hexaboard/a/temperature, not hexaboard_A_temperature), keep the same order of levels and the same case everywhere (names are case-sensitive), and leave out a leading '/', spaces and a leading '$' — brokers keep '$' topics such as $SYS for themselves.",
        "이름을 잘 지어야 구독도 쉬워집니다. 긴 한 단어 대신 단계로 나누고(hexaboard_A_temperature가 아니라 hexaboard/a/temperature), 모든 장치에서 단계의 순서와 대소문자를 똑같이 맞추세요(Topic은 대소문자를 구분합니다). 맨 앞의 '/', 공백, 맨 앞의 '$'는 피하세요. '$'로 시작하는 Topic($SYS 등)은 Broker가 자신을 위해 씁니다."
    ),
    Idea3 => (
        "Subscribers can use two wildcards; publishers never can. '+' stands for exactly one level: home/+/temperature gets every room's temperature. '#' stands for any number of levels, including none, and may only come last: home/# gets everything under home, and home itself.",
        "와일드카드는 구독할 때만 쓸 수 있고, 발행할 때는 쓸 수 없습니다. '+'는 정확히 한 단계를 대신합니다. home/+/temperature는 모든 방의 온도를 받습니다. '#'은 0개 이상의 모든 단계를 대신하며 맨 끝에만 올 수 있습니다. home/#은 home 아래의 모든 Topic과 home 자체를 받습니다."
    ),

    // ----- Part A: the checker -----
    CheckerHeading => ("Check a topic name", "Topic 이름 점검"),
    CheckerIntro => (
        "Type a name, or pick an example: the checker says what could go wrong with it and suggests a better one.",
        "이름을 입력하거나 예시를 고르세요. 어떤 문제가 생길 수 있는지 알려 주고 더 나은 이름을 제안합니다."
    ),
    NameLabel => ("Topic name to check", "점검할 Topic 이름"),
    Examples => ("Examples", "예시"),
    NoFindings => (
        "Nothing to improve: this name is hierarchical, consistent and safe to subscribe to with wildcards.",
        "고칠 점이 없습니다. 단계가 잘 나뉘어 있고 일관되며, 와일드카드로 구독하기에도 안전한 이름입니다."
    ),
    FindingsLabel => ("What the checker found", "점검 결과"),
    SeverityError => ("Error", "오류"),
    SeverityWarning => ("Warning", "주의"),
    SeverityAdvice => ("Advice", "권장"),
    Suggestion => ("A better name", "더 나은 이름"),
    UseSuggestion => ("Use this name", "이 이름 쓰기"),

    // ----- Part B: the playground -----
    PlaygroundHeading => ("Wildcard playground", "와일드카드 놀이터"),
    PlaygroundIntro => (
        "Write a subscription filter and a list of topic names, one per line. For every topic, the protocol core of this app — the same matcher its broker uses — says whether the filter matches and why.",
        "구독 필터와 Topic 이름 목록(한 줄에 하나)을 적으세요. 이 앱의 프로토콜 코어(샌드박스 Broker가 쓰는 것과 같은 매칭 코드)가 Topic마다 필터와 맞는지, 그 이유는 무엇인지 알려 줍니다."
    ),
    FilterLabel => ("Wildcard filter", "와일드카드 필터"),
    TopicsLabel => ("Topics to match", "비교할 Topic 목록"),
    TopicsHint => ("One topic per line.", "한 줄에 Topic 하나씩 적으세요."),
    TryFilters => ("Filters to try", "시험해 볼 필터"),
    InvalidFilter => ("This filter is not valid, so a broker would refuse the subscription:", "올바른 필터가 아니어서 Broker가 구독을 거부합니다:"),
    NoTopics => ("The list is empty: write at least one topic name.", "목록이 비어 있습니다. Topic 이름을 하나 이상 적으세요."),
    VerdictsLabel => ("Verdicts of the matcher", "매칭 결과"),
    ColumnTopic => ("Topic", "Topic"),
    ColumnVerdict => ("Core says", "코어 판정"),
    ColumnReason => ("Why", "이유"),
    ColumnBroker => ("Broker delivered", "Broker 전달"),
    Match => ("match", "일치"),
    NoMatch => ("no match", "불일치"),

    // ----- Part C: on the broker -----
    LiveHeading => ("Check on the broker", "Broker에서 확인"),
    LiveIntro => (
        "Now let a real broker decide. One lesson client subscribes to your filter under your prefix; another publishes every listed topic under the same prefix, then a last message on a topic of its own that tells the subscriber the list is over. The column “Broker delivered” shows what actually arrived.",
        "이제 실제 Broker가 판단하게 해 봅시다. 레슨 클라이언트 하나가 내 접두어 아래에서 필터를 구독하고, 다른 클라이언트가 목록의 Topic을 모두 같은 접두어 아래로 발행합니다. 마지막에는 목록이 끝났음을 알리는 메시지를 별도의 Topic으로 보냅니다. “Broker 전달” 열에 실제로 도착한 것이 표시됩니다."
    ),
    CheckButton => ("Check on the broker", "Broker에서 확인"),
    SubscriberName => ("Subscriber", "구독자"),
    PublisherName => ("Publisher", "발행자"),
    Subscribing => ("Subscribing…", "구독하는 중…"),
    Publishing => ("Publishing the topics…", "Topic을 발행하는 중…"),
    Delivered => ("delivered", "전달됨"),
    DeliveredTwice => ("delivered more than once", "여러 번 전달됨"),
    NotDelivered => ("not delivered", "전달 안 됨"),
    NotSent => ("not sent", "보내지 않음"),
    Stale => (
        "The filter or the list changed since the last check: press “Check on the broker” again to update the column.",
        "마지막 확인 이후 필터나 목록이 바뀌었습니다. 열을 갱신하려면 “Broker에서 확인”을 다시 누르세요."
    ),
    SkippedInvalid => ("not a valid topic name, so nobody can publish it", "올바른 Topic 이름이 아니라서 발행할 수 없습니다"),
    SkippedDollar => (
        "starts with '$': under your prefix it would no longer be a '$' topic, so the broker's answer would not tell us anything",
        "'$'로 시작합니다. 내 접두어 아래로 옮기면 더 이상 '$' Topic이 아니므로 Broker의 결과가 의미가 없습니다"
    ),
    SkippedDuplicate => ("listed twice; sent once", "두 번 적혀 있어 한 번만 보냈습니다"),
    SkippedHeading => ("Not sent", "보내지 않은 Topic"),
    AgreeAll => (
        "The broker and the protocol core agree on every topic: it delivered exactly the topics the matcher said match.",
        "Broker와 프로토콜 코어의 판정이 모든 Topic에서 일치합니다. 매칭 코드가 일치한다고 한 Topic만 정확히 전달되었습니다."
    ),
    Disagree => (
        "The broker and the protocol core disagree on these topics:",
        "다음 Topic에서 Broker와 프로토콜 코어의 판정이 다릅니다:"
    ),
    Strangers => (
        "Messages from another client under your prefix also arrived (left out of the comparison):",
        "내 접두어 아래에서 다른 클라이언트가 보낸 메시지도 도착했습니다(비교에서는 뺐습니다):"
    ),
    SubscribedTo => ("Subscribed to", "구독한 필터"),
    EndMarker => ("End of the list", "목록 끝"),
    CheckFailed => ("The check could not finish:", "확인을 끝내지 못했습니다:"),
    Refused => ("The broker refused the subscription (reason code {}).", "Broker가 구독을 거부했습니다(reason code {})."),
    NoAnswer => (
        "The broker did not answer within 10 seconds.",
        "Broker가 10초 안에 응답하지 않았습니다."
    ),
    ConnectionLost => ("A lesson client lost its connection.", "레슨 클라이언트의 연결이 끊어졌습니다."),
    SubscriberPackets => ("Packets of the subscriber", "구독자의 패킷"),
    PublisherPackets => ("Packets of the publisher", "발행자의 패킷"),
    ReadoutIntro => (
        "The packets of the last check. The subscriber sent one SUBSCRIBE for your filter and one for the end marker; every PUBLISH it received is a topic the broker found matching.",
        "마지막 확인에서 오간 패킷입니다. 구독자는 필터와 목록 끝 표시용 Topic을 각각 SUBSCRIBE했습니다. 구독자가 받은 PUBLISH는 모두 Broker가 일치한다고 판단한 Topic입니다."
    ),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_in_both_languages() {
        check_catalogue!(TopicsMsg, &[TopicsMsg::ColumnTopic]);
        assert_eq!(TopicsMsg::FilterLabel.text(Lang::En), "Wildcard filter");
    }
}
