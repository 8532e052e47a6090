//! Lesson 7, Last Will and keep alive: the keep-alive field's check, the
//! broker's deadline for a silent client (1.5 × Keep Alive after the last
//! packet it got from it), and the verdict of each experiment — pull the
//! plug, disconnect properly, freeze — read from the monitor's messages.

use crate::app::learn::actor::Received;

/// The keep alive the lesson starts with, in seconds.
pub const DEFAULT_KEEP_ALIVE: u16 = 10;

/// How long "Disconnect properly" waits before it says no will came.
pub const NO_WILL_WAIT_MS: u64 = 2_000;

/// What is wrong with a typed keep alive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeepAliveError {
    /// Nothing typed.
    Empty,
    /// Not a whole number.
    NotANumber,
    /// Zero turns keep alive off: a frozen board would never be noticed.
    Zero,
    /// More than the protocol's two bytes hold (65535).
    TooLarge,
}

/// Reads the keep-alive field: whole seconds from 1 to 65535.
pub fn parse_keep_alive(text: &str) -> Result<u16, KeepAliveError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(KeepAliveError::Empty);
    }
    if !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(KeepAliveError::NotANumber);
    }
    // All digits: the only way parsing fails now is overflow.
    let Ok(n) = t.parse::<u64>() else {
        return Err(KeepAliveError::TooLarge);
    };
    match n {
        0 => Err(KeepAliveError::Zero),
        1..=65_535 => Ok(n as u16),
        _ => Err(KeepAliveError::TooLarge),
    }
}

/// How long the broker lets a client stay silent: one and a half times
/// its Keep Alive (MQTT 3.1.1 §3.1.2.10, 5.0 §3.1.2.10), in ms.
pub fn grace_ms(keep_alive: u16) -> u64 {
    u64::from(keep_alive) * 1_500
}

/// One experiment on the board, as the learner started it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Experiment {
    /// The connection closed without DISCONNECT.
    PullPlug {
        /// When (page ms).
        at_ms: u64,
    },
    /// DISCONNECT, then close.
    Disconnect {
        /// When.
        at_ms: u64,
        /// Whether the board first published the will's payload itself.
        goodbye: bool,
    },
    /// The board stopped sending anything, PINGREQ included.
    Freeze {
        /// When.
        at_ms: u64,
        /// The keep alive the board connected with.
        keep_alive: u16,
        /// When the board last sent a packet: the broker's clock for this
        /// client starts there.
        last_sent_ms: u64,
    },
}

impl Experiment {
    /// When the learner pressed the button.
    pub fn at_ms(&self) -> u64 {
        match self {
            Experiment::PullPlug { at_ms }
            | Experiment::Disconnect { at_ms, .. }
            | Experiment::Freeze { at_ms, .. } => *at_ms,
        }
    }

    /// For a freeze: when the broker may give up on the board at the
    /// earliest (its last packet + 1.5 × keep alive).
    pub fn deadline_ms(&self) -> Option<u64> {
        match self {
            Experiment::Freeze {
                keep_alive,
                last_sent_ms,
                ..
            } => Some(last_sent_ms + grace_ms(*keep_alive)),
            _ => None,
        }
    }
}

/// An experiment and where the monitor's messages stood when it began.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trial {
    /// What the learner did.
    pub experiment: Experiment,
    /// The monitor's message count just before.
    pub message_mark: u64,
}

/// What came of a trial so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// No will (yet); `elapsed_ms` since the button.
    Waiting {
        /// Time since the button.
        elapsed_ms: u64,
    },
    /// The broker published the will and the monitor got it.
    WillArrived {
        /// From the button to the monitor receiving it.
        after_ms: u64,
        /// For a freeze: from the board's last packet to the will.
        after_last_sent_ms: Option<u64>,
    },
    /// "Disconnect properly": no will within the wait, measured.
    NoWill {
        /// How long it actually waited.
        waited_ms: u64,
        /// With a goodbye: when the board's own `offline` reached the
        /// monitor, after the button.
        goodbye_after_ms: Option<u64>,
    },
}

/// The verdict on `trial` at `now_ms`, from the monitor's messages on the
/// status `topic` carrying the will's `payload`.
pub fn verdict(
    trial: &Trial,
    monitor: &[Received],
    topic: &str,
    payload: &str,
    now_ms: u64,
) -> Verdict {
    let at = trial.experiment.at_ms();
    let mut arrivals = monitor
        .iter()
        .filter(|m| {
            m.seq > trial.message_mark && m.topic == topic && *m.payload == *payload.as_bytes()
        })
        .map(|m| m.at_ms.saturating_sub(at));
    match &trial.experiment {
        Experiment::PullPlug { .. } => match arrivals.next() {
            Some(after_ms) => Verdict::WillArrived {
                after_ms,
                after_last_sent_ms: None,
            },
            None => Verdict::Waiting {
                elapsed_ms: now_ms.saturating_sub(at),
            },
        },
        Experiment::Freeze { last_sent_ms, .. } => match arrivals.next() {
            Some(after_ms) => Verdict::WillArrived {
                after_ms,
                after_last_sent_ms: Some((at + after_ms).saturating_sub(*last_sent_ms)),
            },
            None => Verdict::Waiting {
                elapsed_ms: now_ms.saturating_sub(at),
            },
        },
        Experiment::Disconnect { goodbye, .. } => {
            // With a goodbye the board's own message is the first one; a
            // will would be one more.
            let goodbye_after_ms = if *goodbye { arrivals.next() } else { None };
            if let Some(after_ms) = arrivals.next() {
                return Verdict::WillArrived {
                    after_ms,
                    after_last_sent_ms: None,
                };
            }
            let waited_ms = now_ms.saturating_sub(at);
            if waited_ms >= NO_WILL_WAIT_MS {
                Verdict::NoWill {
                    waited_ms,
                    goodbye_after_ms,
                }
            } else {
                Verdict::Waiting {
                    elapsed_ms: waited_ms,
                }
            }
        }
    }
}

impl Verdict {
    /// Whether the trial is over.
    pub fn is_final(&self) -> bool {
        !matches!(self, Verdict::Waiting { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::codec::QoS;

    const TOPIC: &str = "lab/x/board/status";

    fn msg(seq: u64, at_ms: u64, payload: &str) -> Received {
        Received {
            seq,
            at_ms,
            topic: TOPIC.into(),
            payload: payload.as_bytes().into(),
            qos: QoS::AtLeastOnce,
            retain: false,
            dup: false,
        }
    }

    fn trial(experiment: Experiment) -> Trial {
        Trial {
            experiment,
            message_mark: 2,
        }
    }

    #[test]
    fn keep_alive_field() {
        assert_eq!(parse_keep_alive("10"), Ok(10));
        assert_eq!(parse_keep_alive(" 1 "), Ok(1));
        assert_eq!(parse_keep_alive("0065535"), Ok(65_535));
        assert_eq!(parse_keep_alive(""), Err(KeepAliveError::Empty));
        assert_eq!(parse_keep_alive("  "), Err(KeepAliveError::Empty));
        assert_eq!(parse_keep_alive("0"), Err(KeepAliveError::Zero));
        assert_eq!(parse_keep_alive("000"), Err(KeepAliveError::Zero));
        assert_eq!(parse_keep_alive("-5"), Err(KeepAliveError::NotANumber));
        assert_eq!(parse_keep_alive("2.5"), Err(KeepAliveError::NotANumber));
        assert_eq!(parse_keep_alive("ten"), Err(KeepAliveError::NotANumber));
        assert_eq!(parse_keep_alive("65536"), Err(KeepAliveError::TooLarge));
        assert_eq!(
            parse_keep_alive("99999999999999999999999"),
            Err(KeepAliveError::TooLarge)
        );
    }

    #[test]
    fn the_grace_is_one_and_a_half_keep_alives() {
        assert_eq!(grace_ms(10), 15_000);
        assert_eq!(grace_ms(1), 1_500);
        let f = Experiment::Freeze {
            at_ms: 5_000,
            keep_alive: 2,
            last_sent_ms: 4_200,
        };
        assert_eq!(f.deadline_ms(), Some(7_200));
        assert_eq!(Experiment::PullPlug { at_ms: 1 }.deadline_ms(), None);
    }

    #[test]
    fn pull_the_plug_waits_then_times_the_will() {
        let t = trial(Experiment::PullPlug { at_ms: 1_000 });
        // An `offline` from before the pull (the retained one on subscribe)
        // does not count, nor does `online`.
        let before = [msg(2, 500, "offline"), msg(3, 1_010, "online")];
        assert_eq!(
            verdict(&t, &before, TOPIC, "offline", 1_300),
            Verdict::Waiting { elapsed_ms: 300 }
        );
        let after = [msg(2, 500, "offline"), msg(3, 1_045, "offline")];
        let v = verdict(&t, &after, TOPIC, "offline", 1_300);
        assert_eq!(
            v,
            Verdict::WillArrived {
                after_ms: 45,
                after_last_sent_ms: None
            }
        );
        assert!(v.is_final());
    }

    #[test]
    fn disconnect_says_no_will_only_after_the_wait() {
        let t = trial(Experiment::Disconnect {
            at_ms: 1_000,
            goodbye: false,
        });
        let v = verdict(&t, &[], TOPIC, "offline", 2_999);
        assert_eq!(v, Verdict::Waiting { elapsed_ms: 1_999 });
        assert!(!v.is_final());
        assert_eq!(
            verdict(&t, &[], TOPIC, "offline", 3_150),
            Verdict::NoWill {
                waited_ms: 2_150,
                goodbye_after_ms: None
            }
        );
        // Should a broker publish the will anyway, it is reported.
        assert_eq!(
            verdict(&t, &[msg(3, 1_020, "offline")], TOPIC, "offline", 1_100),
            Verdict::WillArrived {
                after_ms: 20,
                after_last_sent_ms: None
            }
        );
    }

    #[test]
    fn a_goodbye_is_the_boards_own_message_not_a_will() {
        let t = trial(Experiment::Disconnect {
            at_ms: 1_000,
            goodbye: true,
        });
        let own = [msg(3, 1_012, "offline")];
        assert_eq!(
            verdict(&t, &own, TOPIC, "offline", 3_000),
            Verdict::NoWill {
                waited_ms: 2_000,
                goodbye_after_ms: Some(12)
            }
        );
        let twice = [msg(3, 1_012, "offline"), msg(4, 1_030, "offline")];
        assert!(matches!(
            verdict(&t, &twice, TOPIC, "offline", 3_000),
            Verdict::WillArrived { after_ms: 30, .. }
        ));
    }

    #[test]
    fn a_frozen_board_is_timed_from_the_freeze_and_its_last_packet() {
        let t = trial(Experiment::Freeze {
            at_ms: 10_000,
            keep_alive: 2,
            last_sent_ms: 9_900,
        });
        assert_eq!(
            verdict(&t, &[], TOPIC, "offline", 12_000),
            Verdict::Waiting { elapsed_ms: 2_000 }
        );
        assert_eq!(
            verdict(&t, &[msg(3, 13_400, "offline")], TOPIC, "offline", 13_500),
            Verdict::WillArrived {
                after_ms: 3_400,
                after_last_sent_ms: Some(3_500)
            }
        );
    }

    #[test]
    fn other_topics_do_not_count() {
        let t = trial(Experiment::PullPlug { at_ms: 0 });
        let mut other = msg(3, 10, "offline");
        other.topic = "lab/x/other".into();
        assert_eq!(
            verdict(&t, &[other], TOPIC, "offline", 50),
            Verdict::Waiting { elapsed_ms: 50 }
        );
    }
}
