//! The fixed texts of the connection manager, subscribe, publish, message
//! log and statistics panels: one line per message, English then Korean.

#[cfg(test)]
use super::Lang;

catalogue! {
    /// A fixed UI text of the client. [`Msg::text`] gives it in a language.
    Msg;
    // ----- App -----
    AppTitle => ("MQTT Lab", "MQTT Lab"),
    AppTagline => (
        "Connect your board's broker, subscribe, publish and watch the messages.",
        "보드가 쓰는 Broker에 연결해 구독하고, 발행하고, 오가는 메시지를 확인하세요."
    ),
    Language => ("Language", "언어"),
    LangEnglish => ("English", "English"),
    LangKorean => ("한국어", "한국어"),

    // ----- Connection manager -----
    ConnectionHeading => ("Connection", "연결"),
    Preset => ("Preset", "프리셋"),
    PresetSandbox => ("Sandbox (in this browser)", "샌드박스 (이 브라우저 안)"),
    PresetHiveMqCloud => ("HiveMQ Cloud", "HiveMQ Cloud"),
    PresetHiveMqPublic => ("HiveMQ public broker", "HiveMQ 공개 Broker"),
    PresetLocalMosquitto => ("Local Mosquitto", "로컬 Mosquitto"),
    PresetCustom => ("Custom", "직접 입력"),
    HintSandbox => (
        "A practice broker that runs inside this browser: no account, no network needed. Every tab of this browser uses the same one, so a publisher in one window reaches a subscriber in another. It lives as long as the first tab that started it; its messages are never written to disk.",
        "이 브라우저 안에서 동작하는 연습용 Broker입니다. 계정도 네트워크도 필요 없습니다. 같은 브라우저의 모든 탭이 하나의 Broker를 함께 쓰므로, 한 창에서 발행한 메시지를 다른 창의 구독자가 받습니다. 처음 시작한 탭이 열려 있는 동안 유지되며, 메시지는 디스크에 저장되지 않습니다."
    ),
    SandboxBroker => ("Sandbox broker", "샌드박스 Broker"),
    SandboxBrokerIntro => (
        "What the broker inside this page holds and decides: its clients, their subscriptions and queues, the retained messages, and a log of every decision with its reason.",
        "이 페이지 안의 Broker가 가진 것과 내린 결정을 보여 줍니다. 클라이언트와 그 구독·대기열, Retained 메시지, 그리고 모든 결정과 그 이유를 기록한 로그입니다."
    ),
    SandboxClients => ("Clients", "클라이언트"),
    SandboxNoClients => ("No client has connected yet.", "아직 연결한 클라이언트가 없습니다."),
    SandboxRelay => (
        "This tab uses the sandbox running in another tab of this browser; that tab's broker view shows its clients and decisions.",
        "이 탭은 같은 브라우저의 다른 탭에서 실행 중인 샌드박스를 씁니다. 클라이언트와 결정 로그는 그 탭의 Broker 보기에서 확인하세요."
    ),
    SandboxOnline => ("connected", "연결됨"),
    SandboxOffline => ("offline, session kept", "오프라인, 세션 유지"),
    SandboxSubscriptions => ("Subscriptions", "구독"),
    SandboxQueued => ("Queued", "대기 중"),
    SandboxInFlight => ("In flight", "전송 중"),
    SandboxWillSet => ("Will set", "Will 설정됨"),
    SandboxRetained => ("Retained messages on the broker", "Broker에 보관된 Retained 메시지"),
    SandboxNoRetained => ("No retained messages.", "Retained 메시지가 없습니다."),
    SandboxLog => ("Decisions", "결정 로그"),
    SandboxNoLog => ("Nothing has happened yet.", "아직 아무 일도 없었습니다."),
    SandboxNetwork => ("Simulated network toward this client", "이 클라이언트 쪽 가상 네트워크"),
    SandboxLatency => ("Latency (ms)", "지연 (ms)"),
    SandboxLoss => ("Packet loss (%)", "패킷 손실 (%)"),
    SandboxLoseNextPubAck => ("Lose the next PUBACK", "다음 PUBACK 잃어버리기"),
    SandboxLoseNextPubRec => ("Lose the next PUBREC", "다음 PUBREC 잃어버리기"),
    SandboxLossHint => (
        "A lost packet breaks the connection, as a failing network does; the client reconnects and sends again what was not acknowledged.",
        "패킷을 잃으면 실제 네트워크 장애처럼 연결이 끊깁니다. 클라이언트는 다시 연결해 확인받지 못한 메시지를 다시 보냅니다."
    ),
    HintHiveMqCloud => (
        "Enter only your cluster host (e.g. abcd1234.s1.eu.hivemq.cloud), plus a username and password created under Access Management in your cluster. HiveMQ Cloud always uses TLS (wss://, port 8884, path /mqtt) and refuses clients without credentials.",
        "클러스터 호스트(예: abcd1234.s1.eu.hivemq.cloud)만 입력하고, 클러스터의 Access Management에서 만든 사용자 이름과 비밀번호를 넣으세요. HiveMQ Cloud는 항상 TLS(wss://, 포트 8884, 경로 /mqtt)를 쓰며, 인증 정보가 없는 클라이언트는 받지 않습니다."
    ),
    HintHiveMqPublic => (
        "A public test broker: anyone can read what you publish, so never send private data. No username or password needed.",
        "누구나 쓰는 공개 테스트용 Broker입니다. 발행한 메시지를 아무나 볼 수 있으니 개인 정보는 보내지 마세요. 사용자 이름과 비밀번호는 필요 없습니다."
    ),
    HintLocalMosquitto => (
        "Mosquitto running on this computer with a WebSocket listener on port 9001, as scripts/run.sh starts it.",
        "이 컴퓨터에서 실행 중인 Mosquitto의 WebSocket 포트 9001에 연결합니다. scripts/run.sh가 이렇게 실행해 둡니다."
    ),
    ClusterHost => ("Cluster host", "클러스터 호스트"),
    ClusterHostHint => (
        "From your cluster's overview page, e.g. abcd1234.s1.eu.hivemq.cloud",
        "클러스터 개요 페이지에 있는 주소입니다. 예: abcd1234.s1.eu.hivemq.cloud"
    ),
    BrokerUrl => ("Broker URL", "Broker 주소 (URL)"),
    BrokerUrlHint => (
        "The ws:// or wss:// address of the broker's WebSocket listener, e.g. wss://broker.hivemq.com:8884/mqtt",
        "Broker의 WebSocket 주소로, ws:// 또는 wss://로 시작합니다. 예: wss://broker.hivemq.com:8884/mqtt"
    ),
    ClientId => ("Client ID", "클라이언트 ID"),
    RegenerateClientId => ("New client ID", "새 ID 만들기"),
    ClientIdHint => (
        "Must be unique: when a second client connects with the same ID, the broker disconnects the first. With MQTT 5.0 you may leave it empty and the broker assigns one.",
        "고유해야 합니다. 같은 ID로 다른 클라이언트가 접속하면 Broker는 먼저 접속한 쪽을 끊습니다. MQTT 5.0에서는 비워 두면 Broker가 정해 줍니다."
    ),
    Username => ("Username", "사용자 이름"),
    Password => ("Password", "비밀번호"),
    ShowPassword => ("Show password", "비밀번호 보기"),
    RememberPassword => ("Remember password", "비밀번호 저장"),
    RememberPasswordHint => (
        "Keeps the password in this browser's local storage, unencrypted. Leave it unticked on shared computers.",
        "비밀번호를 이 브라우저의 로컬 저장소에 암호화하지 않고 보관합니다. 공용 컴퓨터에서는 체크하지 마세요."
    ),
    PasswordNotSaved => (
        "The password is not saved; you will type it again next time.",
        "비밀번호는 저장되지 않으니 다음에 다시 입력해야 합니다."
    ),
    MqttVersion => ("MQTT version", "MQTT 버전"),
    MqttV311 => ("MQTT 3.1.1", "MQTT 3.1.1"),
    MqttV5 => ("MQTT 5.0", "MQTT 5.0"),
    CleanStart => ("Clean start", "Clean Start (세션 새로 시작)"),
    CleanSession => ("Clean session", "Clean Session (세션 새로 시작)"),
    CleanStartHint => (
        "Start with a fresh session: the broker forgets this client ID's earlier subscriptions and queued messages.",
        "새 세션으로 시작합니다. Broker는 이 클라이언트 ID의 이전 구독과 쌓여 있던 메시지를 버립니다."
    ),
    KeepAlive => ("Keep alive (s)", "Keep Alive (초)"),
    KeepAliveHint => (
        "How often the client shows it is alive. If the broker hears nothing for 1.5 times this long, it drops the client. 0 turns it off.",
        "클라이언트가 살아 있음을 알리는 간격입니다. 이 시간의 1.5배 동안 아무것도 오지 않으면 Broker가 연결을 끊습니다. 0이면 사용하지 않습니다."
    ),
    SessionExpiry => ("Session expiry (s)", "세션 만료 시간 (초)"),
    SessionExpiryHint => (
        "MQTT 5.0: how long the broker keeps the session after the connection ends. 0 ends it with the connection.",
        "MQTT 5.0: 연결이 끊긴 뒤 Broker가 세션을 보관하는 시간입니다. 0이면 연결과 함께 세션도 끝납니다."
    ),
    ConnectTimeout => ("Connect timeout (s)", "연결 제한 시간 (초)"),
    AdvancedSettings => ("Advanced settings", "고급 설정"),
    LastWill => ("Last Will (LWT)", "Last Will (LWT, 유언 메시지)"),
    LastWillEnabled => ("Set a Last Will", "Last Will 사용"),
    LastWillHint => (
        "A message the broker publishes for this client if the connection ends without DISCONNECT, e.g. \"offline\" on a status topic.",
        "DISCONNECT 없이 연결이 끊기면 Broker가 이 클라이언트 대신 발행하는 메시지입니다. 예: 상태 Topic에 \"offline\"."
    ),
    WillTopic => ("Will topic", "Will 메시지 Topic"),
    WillPayload => ("Will message", "Will 메시지 내용"),
    WillQos => ("Will QoS", "Will 메시지 QoS"),
    WillRetain => ("Will retain", "Will 메시지 Retain"),
    WillDelay => ("Will delay (s)", "Will 지연 시간 (초)"),
    WillDelayHint => (
        "MQTT 5.0: wait this long before publishing the Will; reconnecting in time cancels it.",
        "MQTT 5.0: Will 메시지를 발행하기 전에 기다리는 시간입니다. 그 안에 다시 연결하면 발행하지 않습니다."
    ),
    Connect => ("Connect", "연결하기"),
    Disconnect => ("Disconnect", "연결 끊기"),
    StopReconnecting => ("Stop reconnecting", "재연결 중지"),

    // ----- Profiles -----
    Profiles => ("Saved profiles", "저장된 프로필"),
    ProfileName => ("Profile name", "프로필 이름"),
    SaveProfile => ("Save profile", "프로필 저장"),
    LoadProfile => ("Load", "불러오기"),
    DeleteProfile => ("Delete profile", "프로필 삭제"),
    NoProfiles => ("No saved profiles yet.", "저장된 프로필이 아직 없습니다."),
    ImportProfiles => ("Import profiles…", "프로필 가져오기…"),
    ExportProfiles => ("Export profiles", "프로필 내보내기"),
    ExportPasswordNote => (
        "Exported files include a password only for profiles with \"Remember password\" ticked.",
        "내보낸 파일에는 \"비밀번호 저장\"을 체크한 프로필의 비밀번호만 들어갑니다."
    ),
    CopyShareLink => ("Copy share link", "공유 링크 복사"),
    ShareLinkHint => (
        "A link that fills in this broker URL only: never the username, password or client ID.",
        "이 Broker 주소만 채워 주는 링크입니다. 사용자 이름, 비밀번호, 클라이언트 ID는 들어가지 않습니다."
    ),
    LinkCopied => ("Link copied.", "링크를 복사했습니다."),
    ShareLink => ("Share link", "공유 링크"),
    ShareLinkNeedsUrl => (
        "Enter a valid broker URL first; the link carries only that.",
        "먼저 올바른 Broker 주소를 입력하세요. 링크에는 그 주소만 들어갑니다."
    ),
    ProfileNameNeeded => (
        "Give the profile a name first.",
        "먼저 프로필 이름을 입력하세요."
    ),
    ProfileSaved => ("Profile saved.", "프로필을 저장했습니다."),
    ProfileLoaded => ("Profile loaded.", "프로필을 불러왔습니다."),

    // ----- Status -----
    Status => ("Status", "상태"),
    StatusConnected => ("Connected", "연결됨"),
    StatusConnecting => ("Connecting…", "연결 중…"),
    StatusDisconnected => ("Disconnected", "연결 안 됨"),
    StatusReconnecting => ("Reconnecting…", "재연결 중…"),
    StatusFailed => ("Failed", "실패"),
    OpeningWebSocket => ("Opening the WebSocket…", "WebSocket을 여는 중…"),
    WaitingForConnack => ("WebSocket open, waiting for CONNACK…", "WebSocket 연결됨, CONNACK 기다리는 중…"),
    SessionPresent => ("Session resumed (session present)", "이전 세션 이어받음 (Session Present)"),
    SessionNew => ("New session", "새 세션"),
    AssignedByBroker => ("assigned by the broker", "Broker가 지정함"),
    SetByBroker => ("set by the broker", "Broker가 정함"),
    NegotiatedVersion => ("Version", "버전"),
    LastError => ("Last error", "마지막 오류"),

    // ----- Subscribe -----
    SubscribeHeading => ("Subscribe", "구독"),
    SubscriptionsHeading => ("Subscriptions", "구독 목록"),
    TopicFilter => ("Topic filter", "Topic 필터"),
    TopicFilterHint => (
        "+ matches exactly one level, # matches all remaining levels, e.g. lab/+/temp or lab/#",
        "+는 정확히 한 단계, #은 나머지 모든 단계와 일치합니다. 예: lab/+/temp, lab/#"
    ),
    Qos => ("QoS", "QoS"),
    QosAtMostOnce => ("at most once", "최대 한 번"),
    QosAtLeastOnce => ("at least once", "최소 한 번"),
    QosExactlyOnce => ("exactly once", "정확히 한 번"),
    Qos0 => ("0 — at most once", "0 — 최대 한 번"),
    Qos1 => ("1 — at least once", "1 — 최소 한 번"),
    Qos2 => ("2 — exactly once", "2 — 정확히 한 번"),
    UiQos0Explain => (
        "Sent once and never acknowledged: it may be lost.",
        "한 번 보내고 응답을 기다리지 않습니다. 잃어버릴 수 있습니다."
    ),
    UiQos1Explain => (
        "Sent again until acknowledged: it may arrive twice.",
        "응답이 올 때까지 다시 보냅니다. 두 번 도착할 수 있습니다."
    ),
    UiQos2Explain => (
        "A four-step handshake: it arrives exactly once.",
        "네 단계를 주고받아 정확히 한 번 도착합니다."
    ),
    UiQosDelivered => (
        "A subscriber gets the lower of the publish QoS and its subscription's granted QoS.",
        "구독자는 발행 QoS와 구독에 승인된 QoS 중 낮은 쪽으로 받습니다."
    ),
    Mqtt5Options => ("MQTT 5.0 options", "MQTT 5.0 옵션"),
    NoLocal => ("No Local", "No Local (내가 보낸 메시지 받지 않기)"),
    NoLocalHint => (
        "Don't send me the messages I publish myself.",
        "내가 발행한 메시지는 나에게 다시 보내지 않습니다."
    ),
    RetainAsPublished => ("Retain As Published", "Retain As Published (Retain 플래그 그대로 받기)"),
    RetainAsPublishedHint => (
        "Keep the publisher's Retain flag on messages forwarded to me.",
        "전달받는 메시지에 발행자가 붙인 Retain 플래그를 그대로 유지합니다."
    ),
    RetainHandling => ("Retain Handling", "Retain Handling (Retain 메시지 받는 방식)"),
    RetainHandlingSend => ("Send retained messages when subscribing", "구독할 때 Retain 메시지 받기"),
    RetainHandlingIfNew => ("Send them only for a new subscription", "새 구독일 때만 Retain 메시지 받기"),
    RetainHandlingNever => ("Don't send retained messages", "Retain 메시지 받지 않기"),
    Subscribe => ("Subscribe", "구독하기"),
    Unsubscribe => ("Unsubscribe", "구독 취소"),
    RemoveFromList => ("Remove from list", "목록에서 지우기"),
    Mqtt5OnlyNote => (
        "MQTT 5.0 only: the current connection uses MQTT 3.1.1, so these are not sent.",
        "MQTT 5.0 전용입니다. 지금 연결은 MQTT 3.1.1이라서 보내지 않습니다."
    ),
    NoSubscriptions => ("No subscriptions yet.", "아직 구독이 없습니다."),
    WaitingForSuback => ("Waiting for SUBACK…", "SUBACK 기다리는 중…"),
    WaitingForUnsuback => ("Waiting for UNSUBACK…", "UNSUBACK 기다리는 중…"),
    SubscriptionRefused => ("Refused", "거부됨"),

    // ----- Publish -----
    PublishHeading => ("Publish", "발행"),
    Topic => ("Topic", "Topic"),
    TopicHint => (
        "A topic name: levels separated by /, no wildcards, e.g. lab/led",
        "Topic 이름은 /로 단계를 나누며 와일드카드(+, #)는 쓸 수 없습니다. 예: lab/led"
    ),
    Payload => ("Payload", "페이로드"),
    Retain => ("Retain", "Retain"),
    RetainHint => (
        "The broker keeps this as the topic's last known message and hands it to every new subscriber.",
        "Broker가 이 메시지를 Topic의 최신 메시지로 보관했다가 새 구독자에게 바로 보내 줍니다."
    ),
    Publish => ("Publish", "발행하기"),
    Mqtt5Properties => ("MQTT 5.0 properties", "MQTT 5.0 속성"),
    ContentType => ("Content type", "콘텐츠 유형 (Content Type)"),
    PayloadIsUtf8 => ("Payload is UTF-8 text", "페이로드가 UTF-8 텍스트임"),
    MessageExpiry => ("Message expiry (s)", "메시지 만료 시간 (초)"),
    ResponseTopic => ("Response topic", "응답 Topic (Response Topic)"),
    CorrelationData => ("Correlation data", "상관 데이터 (Correlation Data)"),
    UserProperties => ("User properties", "사용자 속성 (User Property)"),
    AddUserProperty => ("Add property", "속성 추가"),
    PropertyName => ("Name", "이름"),
    PropertyValue => ("Value", "값"),
    Remove => ("Remove", "삭제"),
    RecentPublishes => ("Recent publishes", "최근 발행"),
    NoPublishes => ("Nothing published yet.", "아직 발행한 메시지가 없습니다."),
    WaitingForPuback => ("Waiting for PUBACK…", "PUBACK 기다리는 중…"),
    WaitingForPubcomp => ("Waiting for PUBCOMP…", "PUBCOMP 기다리는 중…"),
    PublishSentQos0 => ("Sent (QoS 0 has no acknowledgement)", "보냄 (QoS 0은 응답이 없습니다)"),
    PublishAcked => ("Delivered to the broker (PUBACK)", "Broker가 받음 (PUBACK)"),
    PublishCompleted => ("Delivered exactly once (PUBCOMP)", "정확히 한 번 전달됨 (PUBCOMP)"),
    NoMatchingSubscribers => (
        "The broker accepted it, but no one is subscribed to this topic.",
        "Broker가 받았지만 이 Topic을 구독한 클라이언트가 없습니다."
    ),
    PublishRefused => ("Refused", "거부됨"),
    PublishAbandoned => ("Dropped with the old session", "이전 세션과 함께 취소됨"),

    // ----- Message log -----
    Messages => ("Messages", "메시지"),
    FilterByTopic => ("Filter by topic", "Topic으로 거르기"),
    FilterByTopicHint => (
        "Part of a topic, or a topic filter with + and #",
        "Topic의 일부, 또는 +와 #을 쓴 Topic 필터"
    ),
    ClearMessages => ("Clear", "지우기"),
    NoMessages => (
        "No messages yet. Subscribe to a topic and what arrives shows up here.",
        "아직 메시지가 없습니다. Topic을 구독하면 도착한 메시지가 여기에 나타납니다."
    ),
    NoMatchingMessages => ("No message matches the filter.", "필터와 일치하는 메시지가 없습니다."),
    FlagRetained => ("Retained", "Retain 메시지"),
    FlagDup => ("Duplicate (DUP)", "중복 가능 (DUP)"),
    Time => ("Time", "시간"),
    Size => ("Size", "크기"),
    Bytes => ("bytes", "바이트"),
    PayloadJson => ("JSON", "JSON"),
    PayloadText => ("Text", "텍스트"),
    PayloadBinary => ("Binary (hex)", "바이너리 (16진수)"),
    PayloadTruncated => (
        "Only the beginning of this large payload is shown.",
        "페이로드가 커서 앞부분만 표시합니다."
    ),
    ShowAll => ("Show all", "전체 보기"),
    ShowPayload => ("Show the whole payload", "페이로드 전체 보기"),
    HidePayload => ("Hide the whole payload", "페이로드 전체 숨기기"),
    MessageListScroll => ("Received messages, newest first", "받은 메시지, 최신순"),
    ShowLess => ("Show less", "접기"),

    // ----- Statistics -----
    Statistics => ("Statistics", "통계"),
    MessagesReceived => ("Messages received", "받은 메시지"),
    MessagesSent => ("Messages sent", "보낸 메시지"),
    ReceiveRate => ("Receive rate", "수신 속도"),
    MessagesPerSecond => ("msg/s", "건/초"),
    BytesIn => ("Bytes in", "받은 바이트"),
    BytesOut => ("Bytes out", "보낸 바이트"),
    ResetStatistics => ("Reset", "초기화"),

    // ----- Explorer views (topic tree, retained, packets) -----
    UiExplorerViews => ("Explorer views", "탐색 보기"),
    UiTabTopics => ("Topics", "토픽"),
    UiTabRetained => ("Retained", "보존 메시지"),
    UiTabPackets => ("Packets", "패킷"),
    UiTopicExplorer => ("Topic explorer", "토픽 탐색기"),
    UiTopicTree => ("Topic tree", "토픽 트리"),
    UiTreeSearch => ("Search topics", "토픽 검색"),
    UiExpandAll => ("Expand all", "모두 펼치기"),
    UiCollapseAll => ("Collapse all", "모두 접기"),
    UiHighlightFilter => ("Highlight filter", "강조 필터"),
    UiHighlightHint => (
        "A filter with + and # marks the topics it matches.",
        "+와 #를 쓴 필터에 맞는 토픽을 표시합니다."
    ),
    UiTreeEmpty => (
        "No topics yet: subscribe, and every topic that arrives shows here.",
        "아직 토픽이 없습니다. 구독하면 도착한 토픽이 모두 여기에 나타납니다."
    ),
    UiTopicCount => ("Topics", "토픽 수"),
    UiMessageCount => ("Messages", "메시지 수"),
    UiMatches => ("matches the filter", "필터와 일치"),
    UiRetainedMarker => ("retained", "보존됨"),
    UiCountsTitle => (
        "messages on this topic / in its whole subtree",
        "이 토픽의 메시지 / 하위 전체의 메시지"
    ),
    UiClearTree => ("Clear tree", "트리 비우기"),
    UiTopicDetail => ("Topic detail", "토픽 상세"),
    UiSelectTopicHint => (
        "Select a topic to see its messages.",
        "토픽을 선택하면 메시지를 볼 수 있습니다."
    ),
    UiLastPayload => ("Last payload", "마지막 페이로드"),
    UiPayloadView => ("Show as", "보기 형식"),
    UiViewText => ("Text", "텍스트"),
    UiViewHex => ("Hex", "16진수"),
    UiHistory => ("History", "기록"),
    UiHistoryNote => (
        "Newest first; a topic keeps its last 100 messages.",
        "최신순입니다. 토픽마다 마지막 100개를 보관합니다."
    ),
    UiChart => ("Values over time", "시간에 따른 값"),
    UiChartLowest => ("lowest", "최저"),
    UiChartHighest => ("highest", "최고"),
    UiChartField => ("JSON field", "JSON 필드"),
    UiNoNumbers => ("No numbers to chart yet.", "아직 그래프로 그릴 숫자가 없습니다."),
    UiPublishHere => ("Publish here", "여기로 발행"),
    UiCopyTopic => ("Copy topic", "토픽 복사"),
    UiCopied => ("Copied", "복사됨"),
    UiRetainedMessages => ("Retained messages", "보존 메시지 목록"),
    UiRetainedHint => (
        "The broker keeps one retained message per topic and hands it to every new subscriber.",
        "Broker는 토픽마다 보존 메시지 하나를 보관했다가 새 구독자에게 전달합니다."
    ),
    UiScanFilter => ("Scan filter", "찾을 필터"),
    UiScan => ("Scan for retained messages", "보존 메시지 찾기"),
    UiScanning => ("Scanning…", "찾는 중…"),
    UiScanWarning => (
        "On a public broker, # can bring thousands of messages: narrow the filter.",
        "공개 Broker에서 #는 수천 개의 메시지를 불러올 수 있습니다. 필터를 좁히세요."
    ),
    UiScanBusy => (
        "You already subscribe to this filter: its retained messages are listed as they arrive.",
        "이미 이 필터를 구독하고 있습니다. 보존 메시지는 도착하는 대로 목록에 나타납니다."
    ),
    UiNoRetained => ("No retained messages seen yet.", "아직 받은 보존 메시지가 없습니다."),
    UiClear => ("Clear", "지우기"),
    UiClearAllUnder => ("Clear all under…", "아래 모두 지우기…"),
    UiSubtreeFilter => ("Subtree filter", "하위 트리 필터"),
    UiConfirmClearTitle => ("Clear retained messages?", "보존 메시지를 지울까요?"),
    UiConfirmClearBody => (
        "An empty retained message is published to each topic below, so the broker forgets what it kept there:",
        "아래 토픽마다 빈 보존 메시지를 발행하여 Broker가 보관하던 메시지를 지우게 합니다:"
    ),
    UiCancel => ("Cancel", "취소"),
    UiReceivedAt => ("Received", "받은 시각"),
    UiPacketsHeading => ("Packets", "패킷 목록"),
    UiPacketTypeFilter => ("Packet type", "패킷 종류"),
    UiAllTypes => ("All types", "모든 종류"),
    UiDirection => ("Direction", "방향"),
    UiSent => ("sent", "보냄"),
    UiReceived => ("received", "받음"),
    UiType => ("Type", "종류"),
    UiSize => ("Size", "크기"),
    UiTime => ("Time", "시각"),
    UiPacketId => ("Packet ID", "패킷 ID"),
    UiBytesUnit => ("bytes", "바이트"),
    UiSelectPacketHint => (
        "Select a packet to see its bytes, field by field.",
        "패킷을 선택하면 바이트를 필드별로 볼 수 있습니다."
    ),
    UiMalformed => ("Malformed", "잘못된 형식"),
    UiField => ("Field", "필드"),
    UiValue => ("Value", "값"),
    UiMeaning => ("Meaning", "의미"),
    UiBit => ("bit", "비트"),
    UiNoPackets => ("No packets yet.", "아직 패킷이 없습니다."),
    UiPacketBytes => ("Packet bytes", "패킷 바이트"),
    UiOnTheWire => ("On the wire", "실제로 오간 패킷"),
    UiExchangeWaiting => ("waiting…", "기다리는 중…"),
    UiExchangeComplete => ("complete", "완료"),

    // ----- Shared -----
    NotConnectedHint => ("Connect to a broker first.", "먼저 Broker에 연결하세요."),

    // ----- Topic explorer -----
    TopicExplorerHeading => ("Topic explorer", "Topic 탐색기"),
    TopicTree => ("Topic tree", "Topic 트리"),
    SearchTopics => ("Search topics", "Topic 검색"),
    SearchTopicsHint => (
        "Shows the topics whose name contains this text, with the levels above them.",
        "이름에 이 글자가 들어간 Topic을 위쪽 단계와 함께 보여 줍니다."
    ),
    ExpandAll => ("Expand all", "모두 펼치기"),
    CollapseAll => ("Collapse all", "모두 접기"),
    HighlightFilter => ("Highlight a topic filter", "Topic 필터로 강조"),
    HighlightFilterHint => (
        "For example home/+/temperature: the topics it matches light up, by the same rules a broker uses to deliver messages.",
        "예: home/+/temperature. Broker가 메시지를 전달할 때와 같은 규칙으로, 이 필터에 맞는 Topic이 강조됩니다."
    ),
    HighlightFilterInvalid => (
        "This is not a valid topic filter, so nothing is highlighted.",
        "올바른 Topic 필터가 아니라서 아무것도 강조하지 않습니다."
    ),
    TreeEmpty => (
        "No messages yet. Subscribe to a topic filter (for example yourname/#) and the topics that get messages appear here, level by level.",
        "아직 메시지가 없습니다. Topic 필터(예: yourname/#)를 구독하면 메시지가 온 Topic이 단계별로 여기에 나타납니다."
    ),
    TreeNoMatch => ("No topic matches the search.", "검색에 맞는 Topic이 없습니다."),
    ClearTree => ("Clear tree", "트리 비우기"),
    OwnMessages => ("Messages on this topic", "이 Topic의 메시지"),
    SubtreeMessages => ("Messages here and below", "이 단계와 하위 단계의 메시지"),
    LastMessage => ("Last message", "마지막 메시지"),
    LastReceived => ("Last received", "마지막 수신"),
    RetainedMarker => ("retained", "Retain됨"),
    RetainedMarkerHint => (
        "The broker keeps this topic's last message and sends it to every new subscriber.",
        "Broker가 이 Topic의 마지막 메시지를 보관해 두고 새 구독자마다 보내 줍니다."
    ),
    TopicHistory => ("History", "기록"),
    TopicDetails => ("Topic details", "Topic 상세"),
    NoTopicSelected => ("Select a topic to see its messages.", "Topic을 선택하면 메시지를 볼 수 있습니다."),
    ViewText => ("Text", "텍스트"),
    ViewPrettyJson => ("Pretty JSON", "정리된 JSON"),
    ViewHex => ("Hex", "16진수"),
    ValuesChart => ("Values over time", "시간에 따른 값"),
    ChartField => ("Number to chart", "차트로 볼 숫자"),
    ChartPayloadItself => ("The payload itself", "페이로드 전체"),
    ChartNoNumbers => (
        "No numbers to chart: the payloads are not numbers, and no JSON field with a number was picked.",
        "차트로 그릴 숫자가 없습니다. 페이로드가 숫자가 아니고, 숫자가 든 JSON 필드도 고르지 않았습니다."
    ),
    PublishToTopic => ("Publish to this topic", "이 Topic으로 발행"),
    CopyTopic => ("Copy topic", "Topic 복사"),
    TopicCopied => ("Topic copied", "Topic을 복사했습니다"),

    // ----- QoS selector -----
    QosLegend => ("Quality of Service (QoS)", "서비스 품질(QoS)"),
    Qos0Explain => (
        "0 at most once — one PUBLISH, no acknowledgement. Fast, but a message can be lost.",
        "0 최대 한 번 — PUBLISH 하나만 보내고 확인 응답이 없습니다. 빠르지만 메시지가 사라질 수 있습니다."
    ),
    Qos1Explain => (
        "1 at least once — PUBLISH answered by PUBACK. Sent again until acknowledged, so it may arrive twice.",
        "1 최소 한 번 — PUBLISH에 PUBACK으로 답합니다. 응답이 올 때까지 다시 보내므로 두 번 도착할 수도 있습니다."
    ),
    Qos2Explain => (
        "2 exactly once — PUBLISH, PUBREC, PUBREL, PUBCOMP. A four-step handshake so the message arrives once and only once.",
        "2 정확히 한 번 — PUBLISH, PUBREC, PUBREL, PUBCOMP. 네 단계를 주고받아 메시지가 꼭 한 번만 도착하게 합니다."
    ),
    Qos0Exchange => ("PUBLISH", "PUBLISH"),
    Qos1Exchange => ("PUBLISH → PUBACK", "PUBLISH → PUBACK"),
    Qos2Exchange => ("PUBLISH → PUBREC → PUBREL → PUBCOMP", "PUBLISH → PUBREC → PUBREL → PUBCOMP"),
    DeliveredQosRule => (
        "A subscriber gets the lower of two: the QoS the message was published with and the QoS its subscription was granted.",
        "구독자가 받는 QoS는 메시지를 발행한 QoS와 구독에 허용된 QoS 중 낮은 쪽입니다."
    ),
    ExchangeHeading => ("What happened on the wire", "실제로 오간 패킷"),
    ExchangeNone => ("Publish something to see its packet exchange here.", "발행하면 그때 오간 패킷이 여기에 나타납니다."),
    ExchangeWaiting => ("Waiting for the broker…", "Broker의 응답을 기다리는 중…"),
    ExchangeComplete => ("Exchange complete", "주고받기 완료"),
    StepPublish => ("PUBLISH: the message goes out", "PUBLISH: 메시지를 보냅니다"),
    StepPuback => ("PUBACK: the broker has it (QoS 1 done)", "PUBACK: Broker가 받았습니다 (QoS 1 완료)"),
    StepPubrec => ("PUBREC: the broker has it and holds it (QoS 2, step 2)", "PUBREC: Broker가 받아서 보관합니다 (QoS 2, 2단계)"),
    StepPubrel => ("PUBREL: we release it (QoS 2, step 3)", "PUBREL: 이제 놓아 줍니다 (QoS 2, 3단계)"),
    StepPubcomp => ("PUBCOMP: delivered exactly once (QoS 2 done)", "PUBCOMP: 정확히 한 번 전달되었습니다 (QoS 2 완료)"),

    // ----- Retained inspector -----
    RetainedMessages => ("Retained messages", "Retain 메시지"),
    RetainedEmpty => (
        "No retained messages seen yet. A broker sends a topic's retained message with the retain flag right after you subscribe to it.",
        "아직 받은 Retain 메시지가 없습니다. Topic을 구독하면 Broker가 보관해 둔 Retain 메시지를 retain 플래그와 함께 바로 보내 줍니다."
    ),
    ReceivedAt => ("Received", "받은 시각"),
    ScanRetained => ("Scan for retained messages", "Retain 메시지 찾기"),
    ScanFilter => ("Filter to scan", "찾아볼 Topic 필터"),
    ScanHint => (
        "Subscribes briefly to this filter, collects what arrives with the retain flag, then unsubscribes.",
        "이 필터를 잠깐 구독해서 retain 플래그가 붙어 오는 메시지를 모은 뒤 구독을 해지합니다."
    ),
    ScanPublicWarning => (
        "On a public broker, # brings every retained message anyone left there: possibly thousands, from strangers. A narrower filter such as yourname/# is kinder to the broker and to this page.",
        "공개 Broker에서 #를 쓰면 누군가 남겨 둔 Retain 메시지를 모두 받게 됩니다. 모르는 사람의 메시지가 수천 개일 수도 있습니다. yourname/# 처럼 좁은 필터가 Broker에도 이 페이지에도 좋습니다."
    ),
    Scanning => ("Scanning…", "찾는 중…"),
    ScanFinished => ("Scan finished", "찾기 완료"),
    ClearRetained => ("Clear", "지우기"),
    ClearRetainedConfirm => (
        "Clear the retained message on this topic? This publishes an empty retained message, and the broker stops sending it to new subscribers — for everyone using this broker.",
        "이 Topic의 Retain 메시지를 지울까요? 빈 Retain 메시지를 발행하면 Broker가 새 구독자에게 더는 보내지 않습니다. 이 Broker를 쓰는 모든 사람에게 적용됩니다."
    ),
    ClearRetainedUnder => ("Clear all under this subtree", "이 하위 트리의 Retain 메시지 모두 지우기"),
    ClearRetainedUnderConfirm => (
        "Clear every retained message listed under this subtree? One empty retained message is published per topic; it cannot be undone.",
        "이 하위 트리에 있는 Retain 메시지를 모두 지울까요? Topic마다 빈 Retain 메시지를 하나씩 발행하며, 되돌릴 수 없습니다."
    ),
    ClearingRetained => ("Clearing… waiting for the broker", "지우는 중… Broker의 확인을 기다립니다"),
    ConfirmYes => ("Yes, clear", "지우기"),
    ConfirmCancel => ("Cancel", "취소"),

    // ----- Packet inspector -----
    Packets => ("Packets", "패킷"),
    PacketInspector => ("Packet inspector", "패킷 살펴보기"),
    DirectionSent => ("Sent", "보냄"),
    DirectionReceived => ("Received", "받음"),
    PacketTypeLabel => ("Type", "종류"),
    PacketIdLabel => ("Packet ID", "패킷 ID"),
    PacketTypesFilter => ("Show types", "보여 줄 종류"),
    AllPacketTypes => ("All types", "모든 종류"),
    ClearPackets => ("Clear packets", "패킷 목록 비우기"),
    NoPackets => (
        "No packets yet. Once connected, every packet sent or received appears here.",
        "아직 패킷이 없습니다. 연결하면 주고받는 모든 패킷이 여기에 나타납니다."
    ),
    SelectPacketHint => ("Select a packet to see its bytes, field by field.", "패킷을 선택하면 바이트를 필드별로 볼 수 있습니다."),
    FieldLabel => ("Field", "필드"),
    ValueLabel => ("Value", "값"),
    MeaningLabel => ("Meaning", "뜻"),
    BitsLabel => ("Bits", "비트"),
    OffsetLabel => ("Offset", "위치"),
    HexBytes => ("Bytes (hex)", "바이트 (16진수)"),
    MalformedPacket => ("Malformed packet", "잘못된 패킷"),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::is_hangul;

    /// Korean texts that are only technical terms or names, which stay in
    /// Latin letters in Korean too.
    const LATIN_IN_KOREAN: &[Msg] = &[
        Msg::AppTitle,
        Msg::LangEnglish,
        Msg::PresetHiveMqCloud,
        Msg::MqttV311,
        Msg::MqttV5,
        Msg::Qos,
        Msg::Topic,
        Msg::Retain,
        Msg::PayloadJson,
        Msg::Qos0Exchange,
        Msg::Qos1Exchange,
        Msg::Qos2Exchange,
    ];

    #[test]
    fn every_message_has_both_texts() {
        for &m in Msg::ALL {
            assert!(!m.en().trim().is_empty(), "{m:?} has no English");
            assert!(!m.ko().trim().is_empty(), "{m:?} has no Korean");
            assert_eq!(m.text(Lang::En), m.en());
            assert_eq!(m.text(Lang::Ko), m.ko());
        }
    }

    #[test]
    fn korean_is_korean() {
        for &m in Msg::ALL {
            let hangul = m.ko().chars().any(is_hangul);
            if LATIN_IN_KOREAN.contains(&m) {
                assert!(
                    !hangul,
                    "{m:?} is allow-listed but has Hangul: drop it from the list"
                );
            } else {
                assert!(hangul, "{m:?}: Korean text has no Hangul: {:?}", m.ko());
            }
        }
    }

    #[test]
    fn english_is_english() {
        for &m in Msg::ALL {
            if m != Msg::LangKorean {
                assert!(!m.en().chars().any(is_hangul), "{m:?}: {:?}", m.en());
            }
        }
    }

    #[test]
    fn accessible_names_in_english_are_exact() {
        let names = [
            (Msg::BrokerUrl, "Broker URL"),
            (Msg::ClientId, "Client ID"),
            (Msg::Username, "Username"),
            (Msg::Password, "Password"),
            (Msg::MqttVersion, "MQTT version"),
            (Msg::Connect, "Connect"),
            (Msg::Disconnect, "Disconnect"),
            (Msg::TopicFilter, "Topic filter"),
            (Msg::Subscribe, "Subscribe"),
            (Msg::Topic, "Topic"),
            (Msg::Payload, "Payload"),
            (Msg::Qos, "QoS"),
            (Msg::Retain, "Retain"),
            (Msg::Publish, "Publish"),
            (Msg::Messages, "Messages"),
            (Msg::Statistics, "Statistics"),
            (Msg::MessagesReceived, "Messages received"),
            (Msg::MessagesSent, "Messages sent"),
            (Msg::TopicTree, "Topic tree"),
            (Msg::RetainedMessages, "Retained messages"),
            (Msg::Packets, "Packets"),
        ];
        for (m, name) in names {
            assert_eq!(m.en(), name);
        }
    }

    #[test]
    fn status_texts_start_as_the_tests_expect() {
        assert!(Msg::StatusConnected.en().starts_with("Connected"));
        assert!(Msg::StatusConnecting.en().starts_with("Connecting"));
        assert!(Msg::StatusDisconnected.en().starts_with("Disconnected"));
        assert!(Msg::StatusReconnecting.en().starts_with("Reconnecting"));
        assert!(Msg::StatusFailed.en().starts_with("Failed"));
    }

    #[test]
    fn no_duplicate_korean_for_distinct_controls() {
        // Two controls of one form with the same Korean label would be
        // indistinguishable to a screen reader.
        let form = [
            Msg::BrokerUrl,
            Msg::ClientId,
            Msg::Username,
            Msg::Password,
            Msg::MqttVersion,
            Msg::KeepAlive,
            Msg::SessionExpiry,
            Msg::ConnectTimeout,
            Msg::WillTopic,
            Msg::WillPayload,
            Msg::WillQos,
            Msg::WillRetain,
            Msg::WillDelay,
        ];
        for (i, a) in form.iter().enumerate() {
            for b in &form[i + 1..] {
                assert_ne!(a.ko(), b.ko(), "{a:?} / {b:?}");
            }
        }
    }
}
