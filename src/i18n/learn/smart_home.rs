//! Lesson 8, the smart home.

use super::super::Lang;
use crate::app::learn::smart_home::{BoilerState, Mode, Room, TargetError, TARGET_MAX, TARGET_MIN};

catalogue! {
    /// A text of the smart-home lesson.
    SmartHomeMsg;
    Idea1 => (
        "Everything so far, in one small house. Two temperature sensors, a phone app, a controller (the thermostat's brain) and a boiler are five separate MQTT clients. None of them knows the others exist: each one only publishes to topics and subscribes to topics on the broker, and acts only on the messages it receives.",
        "지금까지 배운 내용을 작은 집 하나에 모아 봅니다. 온도 센서 두 개, 스마트폰 앱, 제어기(온도 조절기의 두뇌), 보일러가 각각 별도의 MQTT 클라이언트입니다. 서로의 존재를 전혀 모르고, Broker의 Topic에 발행하고 구독할 뿐이며, 받은 메시지에만 반응합니다."
    ),
    Idea2 => (
        "The sensors publish to home/livingroom/temperature and home/bedroom/temperature once a second. The phone and the controller subscribe to home/+/temperature, so a third room would need no change on their side. The controller publishes a command such as {\"mode\":\"heat\",\"target\":23} to home/boiler/control; the boiler follows it and reports {\"state\":\"heating\"} on home/boiler/status — retained, so a phone that opens later sees the boiler's state at once.",
        "센서는 1초마다 home/livingroom/temperature 와 home/bedroom/temperature 로 발행합니다. 스마트폰 앱과 제어기는 home/+/temperature 를 구독하므로 방이 하나 늘어도 이쪽은 고칠 것이 없습니다. 제어기는 {\"mode\":\"heat\",\"target\":23} 같은 명령을 home/boiler/control 로 발행하고, 보일러는 그 명령대로 움직인 뒤 home/boiler/status 로 {\"state\":\"heating\"} 을 보고합니다. 이 상태는 Retained 메시지라서 나중에 켠 앱도 바로 보일러 상태를 알 수 있습니다."
    ),
    Idea3 => (
        "The phone sets the target by publishing it, retained, to home/thermostat/target, which the controller subscribes to. The controller heats while any room is below the target and switches off once every room has reached it; like a real thermostat it turns on again only when a room falls half a degree below, so the boiler does not click every second. The rooms are simulated in this page: a room warms while the boiler it last heard about is heating, and cools slowly otherwise.",
        "목표 온도는 스마트폰 앱이 home/thermostat/target 으로 발행해서(Retained) 정하고, 제어기가 이 Topic을 구독합니다. 제어기는 어느 방이든 목표보다 낮으면 난방을 켜고, 모든 방이 목표에 도달하면 끕니다. 실제 온도 조절기처럼 방 온도가 목표보다 0.5도 더 내려가야 다시 켜므로 보일러가 1초마다 켜졌다 꺼지지 않습니다. 방 온도는 이 페이지에서 흉내 냅니다. 방은 마지막으로 들은 보일러 상태가 가열 중이면 따뜻해지고, 아니면 천천히 식습니다."
    ),
    Try => (
        "Start the scenario, then change the target on the phone or open a window, and watch the messages flow through the broker.",
        "시나리오를 시작한 뒤 스마트폰 앱에서 목표 온도를 바꾸거나 창문을 열어 보고, 메시지가 Broker를 거쳐 오가는 모습을 살펴보세요."
    ),
    Start => ("Start scenario", "시나리오 시작"),
    Stop => ("Stop scenario", "시나리오 정지"),
    LivingSensor => ("Living-room sensor", "거실 온도 센서"),
    BedroomSensor => ("Bedroom sensor", "침실 온도 센서"),
    Phone => ("Phone app", "스마트폰 앱"),
    Controller => ("Controller", "제어기"),
    Boiler => ("Boiler", "보일러"),
    Broker => ("Broker", "Broker"),
    LivingRoom => ("Living room", "거실"),
    Bedroom => ("Bedroom", "침실"),
    TargetLabel => ("Target temperature", "목표 온도"),
    TargetHint => (
        "°C, from 5 to 35. The phone publishes it retained to the target topic; the controller reacts.",
        "°C 단위, 5~35. 스마트폰 앱이 목표 Topic으로 Retained 발행하면 제어기가 반응합니다."
    ),
    SetTarget => ("Set target", "목표 설정"),
    TargetKept => (
        "Kept: the phone publishes it when the scenario starts.",
        "저장했습니다. 시나리오를 시작하면 스마트폰 앱이 발행합니다."
    ),
    OpenWindow => ("Open a window", "창문 열기"),
    Temperature => ("Temperature", "온도"),
    HeardBoiler => ("Boiler as it heard", "들은 보일러 상태"),
    BoilerWord => ("Boiler", "보일러"),
    Unknown => ("nothing heard yet", "아직 받은 것 없음"),
    Target => ("Target", "목표"),
    LastCommand => ("Last command", "마지막 명령"),
    NoCommand => ("none yet", "아직 없음"),
    State => ("State", "상태"),
    Heating => ("heating", "가열 중"),
    Idle => ("idle", "대기 중"),
    Heat => ("heat", "난방"),
    Off => ("off", "끔"),
    DiagramCaption => ("The house, live: every line is a connection to the broker", "실시간으로 보는 집: 선 하나가 Broker와의 연결 하나입니다"),
    TimelineLabel => ("Commands and status reports", "명령과 상태 보고"),
    BoilerPackets => ("Packets of the boiler", "보일러의 패킷"),
    NotStarted => (
        "Start the scenario: the readings, commands and status reports will show here as they pass through the broker.",
        "시나리오를 시작하면 Broker를 거쳐 오가는 측정값, 명령, 상태 보고가 여기에 나타납니다."
    ),
    Waiting => (
        "Waiting for the first readings to reach the controller…",
        "첫 측정값이 제어기에 도착하기를 기다리는 중…"
    ),
    BadCommand => (
        "The boiler ignored a command it could not read.",
        "보일러가 읽을 수 없는 명령을 무시했습니다."
    ),
}

/// The name of a room.
pub fn room_name(lang: Lang, room: Room) -> &'static str {
    match room {
        Room::LivingRoom => SmartHomeMsg::LivingRoom.text(lang),
        Room::Bedroom => SmartHomeMsg::Bedroom.text(lang),
    }
}

/// The boiler's state in words.
pub fn state_word(lang: Lang, s: BoilerState) -> &'static str {
    match s {
        BoilerState::Heating => SmartHomeMsg::Heating.text(lang),
        BoilerState::Idle => SmartHomeMsg::Idle.text(lang),
    }
}

/// A command's mode in words.
pub fn mode_word(lang: Lang, m: Mode) -> &'static str {
    match m {
        Mode::Heat => SmartHomeMsg::Heat.text(lang),
        Mode::Off => SmartHomeMsg::Off.text(lang),
    }
}

/// Why a typed target was refused.
pub fn target_error(lang: Lang, e: &TargetError) -> String {
    match e {
        TargetError::Empty => say!(lang,
            "Type a target temperature in °C, e.g. 23.";
            "목표 온도를 °C 단위로 입력하세요. 예: 23"),
        TargetError::NotANumber => say!(lang,
            "The target must be a number, e.g. 23 or 22.5.";
            "목표 온도는 숫자여야 합니다. 예: 23, 22.5"),
        TargetError::TooLow => say!(lang,
            "The lowest target is {} °C.", TARGET_MIN;
            "목표 온도는 {} °C 이상이어야 합니다.", TARGET_MIN),
        TargetError::TooHigh => say!(lang,
            "The highest target is {} °C.", TARGET_MAX;
            "목표 온도는 {} °C 이하여야 합니다.", TARGET_MAX),
    }
}

/// The diagram's description for screen readers, with the live values.
pub fn diagram_label(
    lang: Lang,
    living: &str,
    bedroom: &str,
    command: &str,
    boiler: &str,
) -> String {
    say!(lang,
        "Smart home: five clients, each connected only to the broker. Living room {living}, bedroom {bedroom}; controller's last command: {command}; boiler: {boiler}.";
        "스마트 홈: 클라이언트 다섯 개가 각자 Broker에만 연결되어 있습니다. 거실 {living}, 침실 {bedroom}, 제어기의 마지막 명령: {command}, 보일러: {boiler}.")
}

/// What the loop did, counted from the clients' own packets.
pub fn chain(lang: Lang, readings: usize, heard: usize, commands: usize, reports: usize) -> String {
    say!(lang,
        "The sensors published {readings} readings; the controller received {heard} of them and published {commands} command(s); the boiler published {reports} status report(s).";
        "센서가 측정값 {readings}개를 발행했고, 제어기가 그중 {heard}개를 받아 명령 {commands}개를 발행했으며, 보일러가 상태 보고 {reports}개를 발행했습니다.")
}

/// The result line for the current state.
pub fn result(lang: Lang, mode: Mode, target: &str, boiler: BoilerState) -> String {
    match (mode, boiler) {
        (Mode::Heat, BoilerState::Heating) => say!(lang,
            "A room is below {target} °C, so the controller published heat; the boiler received it, reports heating, and the rooms warm up.";
            "목표 {target} °C보다 낮은 방이 있어서 제어기가 난방 명령을 발행했습니다. 보일러가 이를 받아 가열 중이라고 보고했고, 방이 따뜻해지고 있습니다."),
        (Mode::Off, BoilerState::Idle) => say!(lang,
            "Every room is at or above {target} °C, so the controller published off; the boiler reports idle, and the rooms cool slowly.";
            "모든 방이 목표 {target} °C 이상이라 제어기가 끄기 명령을 발행했습니다. 보일러는 대기 중이라고 보고했고, 방은 천천히 식습니다."),
        _ => say!(lang,
            "The controller's command is on its way to the boiler…";
            "제어기의 명령이 보일러로 가는 중입니다…"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::is_hangul;

    #[test]
    fn every_text_is_in_both_languages() {
        check_catalogue!(SmartHomeMsg, &[SmartHomeMsg::Broker]);
        assert_eq!(SmartHomeMsg::TargetLabel.en(), "Target temperature");
        assert_eq!(SmartHomeMsg::OpenWindow.en(), "Open a window");
    }

    #[test]
    fn formatted_texts_are_in_the_asked_language() {
        for lang in [Lang::En, Lang::Ko] {
            let mut texts = vec![
                diagram_label(lang, "21.0 °C", "19.5 °C", "heat 23", "heating"),
                chain(lang, 10, 9, 1, 1),
                result(lang, Mode::Heat, "23", BoilerState::Heating),
                result(lang, Mode::Off, "23", BoilerState::Idle),
                result(lang, Mode::Off, "23", BoilerState::Heating),
            ];
            for e in [
                TargetError::Empty,
                TargetError::NotANumber,
                TargetError::TooLow,
                TargetError::TooHigh,
            ] {
                texts.push(target_error(lang, &e));
            }
            for r in Room::ALL {
                texts.push(room_name(lang, r).to_string());
            }
            for t in &texts {
                assert_eq!(t.chars().any(is_hangul), lang == Lang::Ko, "{t}");
            }
            assert!(target_error(lang, &TargetError::TooHigh).contains("35"));
            assert!(chain(lang, 10, 9, 1, 2).contains("10"));
        }
    }
}
