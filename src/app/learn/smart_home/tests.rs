use super::*;

/// Runs the whole loop as the lesson wires it, but with the broker
/// replaced by direct hand-overs: sensors publish, the controller decides,
/// the boiler reports, the rooms hear the status. Returns the boiler's
/// states over `seconds`.
fn run(
    rooms: &mut [RoomSim],
    controller: &mut Controller,
    boiler: &mut Boiler,
    seconds: usize,
) -> Vec<BoilerState> {
    let mut states = Vec::new();
    for _ in 0..seconds {
        for i in 0..rooms.len() {
            rooms[i].step();
            let reading = rooms[i].reading();
            if let Some(cmd) = controller.on_temperature(rooms[i].room, &reading) {
                if let Ok(Some(state)) = boiler.on_control(&cmd.to_json()) {
                    for r in rooms.iter_mut() {
                        r.hear_status(&state.to_json());
                    }
                }
            }
        }
        states.push(boiler.state);
    }
    states
}

fn house() -> Vec<RoomSim> {
    Room::ALL.into_iter().map(RoomSim::new).collect()
}

#[test]
fn rooms_and_topics() {
    assert_eq!(
        topics::temperature(Room::LivingRoom),
        "home/livingroom/temperature"
    );
    assert_eq!(
        room_of_topic("mqttlab/abc", "mqttlab/abc/home/bedroom/temperature"),
        Some(Room::Bedroom)
    );
    assert_eq!(
        room_of_topic("mqttlab/abc", "mqttlab/abc/home/kitchen/temperature"),
        None
    );
    assert_eq!(
        room_of_topic("mqttlab/abc", "other/home/bedroom/temperature"),
        None
    );
    assert_eq!(
        room_of_topic("mqttlab/abc", "mqttlab/abc/home/boiler/status"),
        None
    );
}

#[test]
fn payloads_round_trip_in_the_documented_shapes() {
    let heat = Command {
        mode: Mode::Heat,
        target: 23.0,
    };
    assert_eq!(heat.to_json(), r#"{"mode":"heat","target":23}"#);
    let off = Command {
        mode: Mode::Off,
        target: 21.5,
    };
    assert_eq!(off.to_json(), r#"{"mode":"off","target":21.5}"#);
    assert_eq!(Command::parse(&heat.to_json()), Ok(heat));
    assert_eq!(
        Command::parse(r#"{"target": 20, "mode": "off"}"#),
        Ok(Command {
            mode: Mode::Off,
            target: 20.0
        })
    );
    assert_eq!(Command::parse(""), Err(PayloadError::Empty));
    assert_eq!(Command::parse("heat"), Err(PayloadError::BadJson));
    assert_eq!(
        Command::parse(r#"{"mode":"cool","target":20}"#),
        Err(PayloadError::UnknownWord("cool".into()))
    );
    assert_eq!(BoilerState::Heating.to_json(), r#"{"state":"heating"}"#);
    assert_eq!(
        BoilerState::parse(r#"{"state":"idle"}"#),
        Ok(BoilerState::Idle)
    );
    assert_eq!(BoilerState::parse("{}"), Err(PayloadError::BadJson));
    assert_eq!(parse_temperature(" 21.5 "), Ok(21.5));
    assert_eq!(parse_temperature("warm"), Err(PayloadError::NotANumber));
    assert_eq!(parse_temperature("NaN"), Err(PayloadError::NotANumber));
    assert_eq!(format_number(23.0), "23");
    assert_eq!(format_number(22.96), "23");
    assert_eq!(format_number(22.94), "22.9");
}

#[test]
fn targets_are_checked() {
    assert_eq!(parse_target("23"), Ok(23.0));
    assert_eq!(parse_target(" 22,5 "), Ok(22.5));
    assert_eq!(parse_target("22.46"), Ok(22.5));
    assert_eq!(parse_target(""), Err(TargetError::Empty));
    assert_eq!(parse_target("warm"), Err(TargetError::NotANumber));
    assert_eq!(parse_target("inf"), Err(TargetError::NotANumber));
    assert_eq!(parse_target("4.9"), Err(TargetError::TooLow));
    assert_eq!(parse_target("35.1"), Err(TargetError::TooHigh));
    assert_eq!(parse_target("5"), Ok(TARGET_MIN));
    assert_eq!(parse_target("35"), Ok(TARGET_MAX));
}

#[test]
fn a_room_warms_only_while_it_heard_the_boiler_heating() {
    let mut r = RoomSim::new(Room::LivingRoom);
    let start = r.temperature;
    r.step();
    assert!(r.temperature < start, "cools when idle");
    r.hear_status(r#"{"state":"heating"}"#);
    assert!(r.heard_heating);
    let before = r.temperature;
    r.step();
    assert!(r.temperature > before, "warms while heating");
    // Garbage changes nothing; a cleared status means idle.
    r.hear_status("not json");
    assert!(r.heard_heating);
    r.hear_status("");
    assert!(!r.heard_heating);
    // It never falls below the outside, windows included.
    for _ in 0..2_000 {
        r.step();
        r.open_window();
    }
    assert_eq!(r.temperature, OUTSIDE);
    assert_eq!(RoomSim::new(Room::Bedroom).reading(), "19.5");
}

#[test]
fn the_controller_heats_while_a_room_is_cold_and_stops_when_all_are_warm() {
    let mut c = Controller::default();
    // One warm room is not enough to say "off": the other is unknown.
    assert_eq!(c.on_temperature(Room::LivingRoom, "24.0"), None);
    // A cold room: heat.
    assert_eq!(
        c.on_temperature(Room::Bedroom, "20.0"),
        Some(Command {
            mode: Mode::Heat,
            target: 23.0
        })
    );
    // Nothing new to say while it stays cold.
    assert_eq!(c.on_temperature(Room::Bedroom, "21.0"), None);
    // Every room at the target: off.
    assert_eq!(
        c.on_temperature(Room::Bedroom, "23.0"),
        Some(Command {
            mode: Mode::Off,
            target: 23.0
        })
    );
    // Just below: the margin keeps it off…
    assert_eq!(c.on_temperature(Room::Bedroom, "22.6"), None);
    // …until a room is half a degree below.
    assert_eq!(
        c.on_temperature(Room::Bedroom, "22.4"),
        Some(Command {
            mode: Mode::Heat,
            target: 23.0
        })
    );
    // Unreadable readings are ignored.
    assert_eq!(c.on_temperature(Room::Bedroom, "n/a"), None);
}

#[test]
fn a_new_target_is_judged_at_once_and_without_the_margin() {
    let mut c = Controller::default();
    c.on_temperature(Room::LivingRoom, "23.5");
    assert_eq!(
        c.on_temperature(Room::Bedroom, "23.2"),
        Some(Command {
            mode: Mode::Off,
            target: 23.0
        })
    );
    // 23.4 is only 0.1 below the room: heat at once.
    assert_eq!(
        c.on_target("23.4"),
        Some(Command {
            mode: Mode::Heat,
            target: 23.4
        })
    );
    // Down again: off, with the new target in the command.
    assert_eq!(
        c.on_target("18"),
        Some(Command {
            mode: Mode::Off,
            target: 18.0
        })
    );
    // Bad targets are ignored and keep the old one.
    assert_eq!(c.on_target("99"), None);
    assert_eq!(c.on_target(""), None);
    assert_eq!(c.target, 18.0);
}

#[test]
fn the_boiler_follows_commands_and_reports_changes_only() {
    let mut b = Boiler::default();
    assert_eq!(b.on_control(r#"{"mode":"off","target":23}"#), Ok(None));
    assert_eq!(
        b.on_control(r#"{"mode":"heat","target":23}"#),
        Ok(Some(BoilerState::Heating))
    );
    assert_eq!(b.on_control(r#"{"mode":"heat","target":24}"#), Ok(None));
    assert_eq!(b.command.map(|c| c.target), Some(24.0));
    assert_eq!(b.on_control("{oops"), Err(PayloadError::BadJson));
    assert_eq!(b.state, BoilerState::Heating);
    assert_eq!(
        b.on_control(r#"{"mode":"off","target":24}"#),
        Ok(Some(BoilerState::Idle))
    );
}

#[test]
fn the_whole_house_reaches_the_target_and_then_cycles_around_it() {
    let (mut rooms, mut c, mut b) = (house(), Controller::default(), Boiler::default());
    let states = run(&mut rooms, &mut c, &mut b, 120);
    assert_eq!(states[0], BoilerState::Heating, "both rooms start below 23");
    let first_off = states
        .iter()
        .position(|&s| s == BoilerState::Idle)
        .expect("the boiler switches off once the rooms are warm");
    assert!(first_off < 40, "warm within 40 s, took {first_off}");
    // From then on the rooms stay near the target: never more than the
    // margin plus a step below, never far above.
    for r in &rooms {
        assert!(
            (r.temperature - DEFAULT_TARGET).abs() < 2.5,
            "{:?} at {}",
            r.room,
            r.temperature
        );
    }
    // And the boiler does not flap every second.
    let switches = states.windows(2).filter(|w| w[0] != w[1]).count();
    assert!(switches < 30, "{switches} switches in 120 s");
}

#[test]
fn a_low_target_turns_the_boiler_off_and_the_house_cools() {
    let (mut rooms, mut c, mut b) = (house(), Controller::default(), Boiler::default());
    run(&mut rooms, &mut c, &mut b, 4);
    assert_eq!(b.state, BoilerState::Heating);
    let warm = rooms[0].temperature;
    if let Some(cmd) = c.on_target("10") {
        if let Ok(Some(s)) = b.on_control(&cmd.to_json()) {
            for r in rooms.iter_mut() {
                r.hear_status(&s.to_json());
            }
        }
    }
    assert_eq!(b.state, BoilerState::Idle);
    run(&mut rooms, &mut c, &mut b, 10);
    assert!(rooms[0].temperature < warm);
    assert_eq!(b.state, BoilerState::Idle);
}

#[test]
fn an_open_window_makes_the_controller_heat_again() {
    let (mut rooms, mut c, mut b) = (house(), Controller::default(), Boiler::default());
    let states = run(&mut rooms, &mut c, &mut b, 60);
    // Wait for an idle moment, then open the living-room window.
    let mut extra = 0;
    while b.state != BoilerState::Idle && extra < 60 {
        run(&mut rooms, &mut c, &mut b, 1);
        extra += 1;
    }
    assert_eq!(b.state, BoilerState::Idle, "after {:?}", states);
    rooms[0].open_window();
    let after = run(&mut rooms, &mut c, &mut b, 1);
    assert_eq!(after, vec![BoilerState::Heating]);
}
