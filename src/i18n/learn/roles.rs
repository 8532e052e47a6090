//! Lesson 3, broker, publisher and subscriber.

#[cfg(test)]
use super::super::Lang;

catalogue! {
    /// A text of the roles lesson.
    RolesMsg;
    Idea1 => (
        "Three roles make up every MQTT system. The broker sits in the middle: it accepts connections, remembers who wants what, and passes each message on. A publisher sends a message to a topic. A subscriber tells the broker which topics it cares about and gets every message published to them.",
        "MQTT 시스템에는 세 가지 역할이 있습니다. 가운데의 Broker는 연결을 받아들이고, 누가 어떤 메시지를 원하는지 기억했다가 메시지를 전달합니다. 발행자(Publisher)는 Topic에 메시지를 보냅니다. 구독자(Subscriber)는 관심 있는 Topic을 Broker에 알려 두고, 그 Topic으로 발행된 메시지를 모두 받습니다."
    ),
    Idea2 => (
        "Publisher and subscriber are not kinds of device: they are things a client does. A board publishes its readings and can subscribe to commands on the same connection; your phone app subscribes to readings and publishes a command when you tap a button. Clients never talk to each other directly — only to the broker.",
        "발행자와 구독자는 장치의 종류가 아니라 클라이언트가 하는 일입니다. 보드는 하나의 연결로 측정값을 발행하면서 명령을 구독할 수도 있고, 휴대폰 앱은 측정값을 구독하다가 버튼을 누르면 명령을 발행합니다. 클라이언트끼리는 직접 통신하지 않고, 언제나 Broker와만 이야기합니다."
    ),
    Idea3 => (
        "Below, this tab is one client. Connect it, subscribe, then publish to a topic you subscribed to: the broker sends your own message back, because you are now both the publisher and a subscriber.",
        "아래에서 이 탭은 하나의 클라이언트입니다. 연결하고, 구독한 다음, 구독한 Topic으로 발행해 보세요. 지금 여러분이 발행자이면서 구독자이기도 하므로 Broker가 방금 보낸 메시지를 그대로 돌려보냅니다."
    ),
    ClientName => ("You (this tab)", "나 (이 탭)"),
    RoleBroker => ("Broker", "Broker"),
    RolePublisher => ("Publisher", "발행자"),
    RoleSubscriber => ("Subscriber", "구독자"),
    RoleOff => ("not yet", "아직 아님"),
    RoleOn => ("yes", "예"),
    RolesHeading => ("Roles this client plays", "이 클라이언트가 맡은 역할"),
    Subscribe => ("Subscribe", "구독"),
    Publish => ("Publish", "발행"),
    Disconnect => ("Disconnect", "연결 끊기"),
    ConnectFirst => ("Connect first.", "먼저 연결하세요."),
    Payload => ("Hello from my tab", "내 탭에서 보내는 인사"),
    OwnMessageBack => (
        "Your own message came back from the broker: this client is both a publisher and a subscriber.",
        "보낸 메시지가 Broker를 거쳐 되돌아왔습니다. 이 클라이언트는 발행자이면서 구독자입니다."
    ),
    PublishedNoSubscriber => (
        "You published, but nothing came back: nobody — not even you — is subscribed to that topic yet, so the broker had no one to deliver it to.",
        "발행했지만 돌아온 메시지가 없습니다. 아직 그 Topic을 구독한 클라이언트가 없어서(나 자신도 포함) Broker가 전달할 곳이 없었습니다."
    ),
    PacketsLabel => ("Packets of this client", "이 클라이언트의 패킷"),
    MessagesLabel => ("Messages this client received", "이 클라이언트가 받은 메시지"),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_in_both_languages() {
        check_catalogue!(RolesMsg, &[RolesMsg::RoleBroker]);
        assert_eq!(RolesMsg::Subscribe.text(Lang::En), "Subscribe");
    }
}
