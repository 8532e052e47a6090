//! Lesson 8's smart home, as plain data: each device's "brain" takes only
//! what its MQTT client received and says what to publish back, so the
//! lesson can wire five real clients through the broker and nothing else.
//!
//! - [`RoomSim`]: a room and its temperature sensor. The room warms while
//!   the boiler it last heard about (on the status topic) is heating and
//!   cools slowly towards the outside otherwise; the sensor publishes the
//!   temperature with one decimal.
//! - [`Controller`]: hears the rooms' temperatures and the target, and
//!   commands the boiler: heat while a room is below the target, off once
//!   every room has reached it (with a half-degree margin before it turns
//!   on again, as a real thermostat does).
//! - [`Boiler`]: follows the commands and reports its state.
//! - The payloads: a temperature as text (`21.5`), a command as JSON
//!   (`{"mode":"heat","target":23}`), a status as JSON
//!   (`{"state":"heating"}`), a target as text (`23`).

use std::collections::BTreeMap;

use serde::Deserialize;

/// The rooms with a sensor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Room {
    /// The living room.
    LivingRoom,
    /// The bedroom.
    Bedroom,
}

impl Room {
    /// Both rooms.
    pub const ALL: [Room; 2] = [Room::LivingRoom, Room::Bedroom];

    /// The room's topic level (`home/<level>/temperature`).
    pub const fn level(self) -> &'static str {
        match self {
            Room::LivingRoom => "livingroom",
            Room::Bedroom => "bedroom",
        }
    }

    /// The temperature the room starts at, °C.
    pub const fn initial_temperature(self) -> f64 {
        match self {
            Room::LivingRoom => 21.0,
            Room::Bedroom => 19.5,
        }
    }

    /// The room for a topic level.
    pub fn from_level(level: &str) -> Option<Room> {
        Room::ALL.into_iter().find(|r| r.level() == level)
    }
}

/// The target the controller starts with, °C.
pub const DEFAULT_TARGET: f64 = 23.0;
/// The lowest target the phone accepts, °C.
pub const TARGET_MIN: f64 = 5.0;
/// The highest target the phone accepts, °C.
pub const TARGET_MAX: f64 = 35.0;
/// The outside temperature rooms cool towards, °C.
pub const OUTSIDE: f64 = 8.0;
/// How much a heated room warms per second, °C.
pub const HEAT_GAIN: f64 = 0.5;
/// The share of the difference to the outside a room loses per second.
pub const LOSS: f64 = 0.008;
/// How much an opened window drops a room's temperature, °C.
pub const WINDOW_DROP: f64 = 3.0;
/// How far below the target a room must fall before a boiler that was
/// switched off is switched on again, °C.
pub const HYSTERESIS: f64 = 0.5;

/// The topic levels under the learner's prefix.
pub mod topics {
    /// What both rooms publish to (`+` is the room).
    pub const TEMPERATURES: &str = "home/+/temperature";
    /// The controller's commands to the boiler.
    pub const CONTROL: &str = "home/boiler/control";
    /// The boiler's state (retained).
    pub const STATUS: &str = "home/boiler/status";
    /// The target the phone sets (retained).
    pub const TARGET: &str = "home/thermostat/target";

    /// A room's temperature topic (under the prefix).
    pub fn temperature(room: super::Room) -> String {
        format!("home/{}/temperature", room.level())
    }
}

/// The room a temperature topic is about: `<prefix>/home/<room>/temperature`.
pub fn room_of_topic(prefix: &str, topic: &str) -> Option<Room> {
    let rest = topic.strip_prefix(prefix)?.strip_prefix("/home/")?;
    Room::from_level(rest.strip_suffix("/temperature")?)
}

/// Why a payload was not understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PayloadError {
    /// Empty (a cleared retained message).
    Empty,
    /// Not a number where one was expected.
    NotANumber,
    /// Not the JSON shape expected.
    BadJson,
    /// A `mode` or `state` word it does not know.
    UnknownWord(String),
}

/// A temperature payload (`21.5`).
pub fn parse_temperature(payload: &str) -> Result<f64, PayloadError> {
    let p = payload.trim();
    if p.is_empty() {
        return Err(PayloadError::Empty);
    }
    p.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or(PayloadError::NotANumber)
}

/// A number as a payload shows it: `23` or `23.5`.
pub fn format_number(v: f64) -> String {
    let tenths = (v * 10.0).round() / 10.0;
    if tenths.fract() == 0.0 {
        format!("{tenths:.0}")
    } else {
        format!("{tenths:.1}")
    }
}

/// Why a target typed on the phone was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum TargetError {
    /// Nothing typed.
    Empty,
    /// Not a number.
    NotANumber,
    /// Below [`TARGET_MIN`].
    TooLow,
    /// Above [`TARGET_MAX`].
    TooHigh,
}

/// A target typed by the learner: a number of °C between [`TARGET_MIN`]
/// and [`TARGET_MAX`], a decimal comma accepted, rounded to a tenth.
pub fn parse_target(input: &str) -> Result<f64, TargetError> {
    let s = input.trim().replace(',', ".");
    if s.is_empty() {
        return Err(TargetError::Empty);
    }
    let v = s
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or(TargetError::NotANumber)?;
    let v = (v * 10.0).round() / 10.0;
    if v < TARGET_MIN {
        Err(TargetError::TooLow)
    } else if v > TARGET_MAX {
        Err(TargetError::TooHigh)
    } else {
        Ok(v)
    }
}

/// What the controller tells the boiler to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Heat.
    Heat,
    /// Stay off.
    Off,
}

impl Mode {
    /// The word in the JSON.
    pub const fn word(self) -> &'static str {
        match self {
            Mode::Heat => "heat",
            Mode::Off => "off",
        }
    }
}

/// A command on the control topic.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Command {
    /// Heat or off.
    pub mode: Mode,
    /// The target it is working towards, °C.
    pub target: f64,
}

#[derive(Deserialize)]
struct CommandJson {
    mode: String,
    target: f64,
}

#[derive(Deserialize)]
struct StatusJson {
    state: String,
}

impl Command {
    /// The payload: `{"mode":"heat","target":23}`.
    pub fn to_json(&self) -> String {
        format!(
            "{{\"mode\":\"{}\",\"target\":{}}}",
            self.mode.word(),
            format_number(self.target)
        )
    }

    /// Reads a command payload.
    pub fn parse(payload: &str) -> Result<Command, PayloadError> {
        if payload.trim().is_empty() {
            return Err(PayloadError::Empty);
        }
        let c: CommandJson = serde_json::from_str(payload).map_err(|_| PayloadError::BadJson)?;
        let mode = match c.mode.as_str() {
            "heat" => Mode::Heat,
            "off" => Mode::Off,
            other => return Err(PayloadError::UnknownWord(other.to_string())),
        };
        Ok(Command {
            mode,
            target: c.target,
        })
    }
}

/// What the boiler is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum BoilerState {
    /// Not heating.
    #[default]
    Idle,
    /// Heating.
    Heating,
}

impl BoilerState {
    /// The word in the JSON.
    pub const fn word(self) -> &'static str {
        match self {
            BoilerState::Idle => "idle",
            BoilerState::Heating => "heating",
        }
    }

    /// The payload: `{"state":"heating"}`.
    pub fn to_json(self) -> String {
        format!("{{\"state\":\"{}\"}}", self.word())
    }

    /// Reads a status payload.
    pub fn parse(payload: &str) -> Result<BoilerState, PayloadError> {
        if payload.trim().is_empty() {
            return Err(PayloadError::Empty);
        }
        let s: StatusJson = serde_json::from_str(payload).map_err(|_| PayloadError::BadJson)?;
        match s.state.as_str() {
            "idle" => Ok(BoilerState::Idle),
            "heating" => Ok(BoilerState::Heating),
            other => Err(PayloadError::UnknownWord(other.to_string())),
        }
    }
}

/// A room with its sensor.
#[derive(Clone, Debug, PartialEq)]
pub struct RoomSim {
    /// Which room.
    pub room: Room,
    /// Its temperature, °C.
    pub temperature: f64,
    /// Whether the last boiler status it heard said "heating".
    pub heard_heating: bool,
}

impl RoomSim {
    /// The room at its starting temperature, the boiler thought idle.
    pub fn new(room: Room) -> Self {
        RoomSim {
            room,
            temperature: room.initial_temperature(),
            heard_heating: false,
        }
    }

    /// Takes in a message from the status topic. A cleared status (empty)
    /// means no boiler is heating; a payload it cannot read changes
    /// nothing.
    pub fn hear_status(&mut self, payload: &str) {
        match BoilerState::parse(payload) {
            Ok(s) => self.heard_heating = s == BoilerState::Heating,
            Err(PayloadError::Empty) => self.heard_heating = false,
            Err(_) => {}
        }
    }

    /// One second passes: the room loses heat to the outside and gains
    /// it from the boiler while that heats.
    pub fn step(&mut self) {
        let loss = LOSS * (self.temperature - OUTSIDE);
        let gain = if self.heard_heating { HEAT_GAIN } else { 0.0 };
        self.temperature = (self.temperature - loss + gain).max(OUTSIDE);
    }

    /// A window opens for a moment: cold air drops the temperature.
    pub fn open_window(&mut self) {
        self.temperature = (self.temperature - WINDOW_DROP).max(OUTSIDE);
    }

    /// What the sensor publishes: the temperature with one decimal.
    pub fn reading(&self) -> String {
        format!("{:.1}", self.temperature)
    }
}

/// The controller (the thermostat's logic).
#[derive(Clone, Debug, PartialEq)]
pub struct Controller {
    /// The target it works towards, °C.
    pub target: f64,
    /// The latest temperature heard from each room.
    pub temperatures: BTreeMap<Room, f64>,
    /// The last command it published.
    pub sent: Option<Command>,
}

impl Default for Controller {
    fn default() -> Self {
        Controller {
            target: DEFAULT_TARGET,
            temperatures: BTreeMap::new(),
            sent: None,
        }
    }
}

impl Controller {
    /// Takes in a room's temperature; returns the command to publish, if
    /// the decision changed.
    pub fn on_temperature(&mut self, room: Room, payload: &str) -> Option<Command> {
        let t = parse_temperature(payload).ok()?;
        self.temperatures.insert(room, t);
        self.decide()
    }

    /// Takes in a target from the target topic; returns the command to
    /// publish, if any. An unreadable or out-of-range target is ignored.
    pub fn on_target(&mut self, payload: &str) -> Option<Command> {
        let t = parse_target(payload).ok()?;
        self.target = t;
        self.decide()
    }

    /// The decision: heat while a room is below the target; off once every
    /// room is at or above it. After an "off" for this target, a room must
    /// fall [`HYSTERESIS`] below before it heats again; a new target is
    /// judged without that margin. Returns the command when it differs
    /// from the last one sent, and remembers it as sent.
    fn decide(&mut self) -> Option<Command> {
        if self.temperatures.is_empty() {
            return None;
        }
        let same_target = self.sent.is_some_and(|c| c.target == self.target);
        let current = self.sent.filter(|_| same_target).map(|c| c.mode);
        let margin = if current == Some(Mode::Off) {
            HYSTERESIS
        } else {
            0.0
        };
        let all_known = Room::ALL.iter().all(|r| self.temperatures.contains_key(r));
        let all_warm = all_known && self.temperatures.values().all(|&t| t >= self.target);
        let cold = self
            .temperatures
            .values()
            .any(|&t| t < self.target - margin);
        let mode = match current {
            Some(Mode::Heat) if all_warm => Mode::Off,
            Some(Mode::Heat) => Mode::Heat,
            _ if cold => Mode::Heat,
            Some(Mode::Off) => Mode::Off,
            None if all_warm => Mode::Off,
            // Not all rooms heard yet and none cold: wait.
            None => return None,
        };
        let command = Command {
            mode,
            target: self.target,
        };
        if self.sent == Some(command) {
            return None;
        }
        self.sent = Some(command);
        Some(command)
    }
}

/// The boiler.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Boiler {
    /// What it is doing.
    pub state: BoilerState,
    /// The last command it followed.
    pub command: Option<Command>,
}

impl Boiler {
    /// Takes in a message from the control topic; returns the new state to
    /// report when it changed. An unreadable command changes nothing.
    pub fn on_control(&mut self, payload: &str) -> Result<Option<BoilerState>, PayloadError> {
        let c = Command::parse(payload)?;
        self.command = Some(c);
        let next = match c.mode {
            Mode::Heat => BoilerState::Heating,
            Mode::Off => BoilerState::Idle,
        };
        if next == self.state {
            return Ok(None);
        }
        self.state = next;
        Ok(Some(next))
    }
}

#[cfg(test)]
mod tests;
