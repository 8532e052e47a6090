//! Lesson 2's counting: the readings the three virtual boards send, how
//! many PUBLISH packets each board and each subscriber saw in a recent
//! window (from their own packet logs), and the verdict on loose coupling
//! — whether the boards' rate changed when a second subscriber joined.

use crate::app::learn::actor::{Direction, WireEntry};
use crate::protocol::codec::PacketType;

/// How many virtual boards publish.
pub const BOARDS: usize = 3;

/// How often each board publishes, in milliseconds.
pub const PUBLISH_EVERY_MS: u32 = 1_000;

/// The window the rates are counted over, in milliseconds.
pub const WINDOW_MS: u64 = 5_000;

/// A plausible temperature reading of board `board` (0-based) at tick
/// `tick`, as the text a board would send: one decimal, each board around
/// its own value, wandering a little from tick to tick.
pub fn board_reading(board: usize, tick: u64) -> String {
    let base = 20.0 + 1.5 * board as f64;
    // A small repeating wobble, different per board: -0.4 … +0.5.
    let wobble = ((tick * 7 + board as u64 * 3) % 10) as f64 / 10.0 - 0.4;
    format!("{:.1}", base + wobble)
}

/// The times (page ms) of the PUBLISH packets that went `direction` on
/// `wire`.
pub fn publish_times(wire: &[WireEntry], direction: Direction) -> Vec<u64> {
    wire.iter()
        .filter(|w| w.direction == direction && w.packet_type == PacketType::Publish)
        .map(|w| w.at_ms)
        .collect()
}

/// How many of `times` fall in the window of `window_ms` ending at
/// `now_ms` (the start excluded, the end included).
pub fn count_in_window(times: &[u64], now_ms: u64, window_ms: u64) -> usize {
    let start = now_ms.saturating_sub(window_ms);
    times.iter().filter(|&&t| t > start && t <= now_ms).count()
}

/// Messages per second from a count over `window_ms`.
pub fn per_second(count: usize, window_ms: u64) -> f64 {
    if window_ms == 0 {
        return 0.0;
    }
    count as f64 * 1_000.0 / window_ms as f64
}

/// How long to compare before and after a second subscriber joins: the
/// time the boards had been running then, in whole publishing intervals,
/// at least one interval and at most [`WINDOW_MS`]. The same span is
/// counted after the join, so a learner who adds the subscriber early
/// still compares like with like.
pub fn comparison_span(boards_started_ms: u64, joined_ms: u64) -> u64 {
    let every = u64::from(PUBLISH_EVERY_MS);
    let ran = joined_ms.saturating_sub(boards_started_ms) / every * every;
    ran.clamp(every, WINDOW_MS)
}

/// What adding a second subscriber did to the boards' sending.
#[derive(Clone, Debug, PartialEq)]
pub enum Coupling {
    /// Not measured yet: no second subscriber, or it joined less than a
    /// window ago.
    Measuring,
    /// Every board sent (about) as many PUBLISH packets per window after
    /// as before: the publishers did not notice.
    Unchanged,
    /// A board's count moved by more than one packet per window (e.g. the
    /// boards were stopped in between).
    Changed,
}

/// Compares each board's count in the window before the second subscriber
/// joined with its count in the latest window. One packet either way is
/// timing noise (a tick landing just inside or outside the window).
pub fn coupling(before: &[usize], after: &[usize]) -> Coupling {
    if before.is_empty() || before.len() != after.len() {
        return Coupling::Measuring;
    }
    if before.iter().zip(after).all(|(&b, &a)| b.abs_diff(a) <= 1) {
        Coupling::Unchanged
    } else {
        Coupling::Changed
    }
}

/// What the client–server picture would need for the same job: the
/// server's own connections (one per board and per display) and the
/// number of places that change when a display is added (the server, plus
/// every board if the boards had to send to the display themselves).
pub fn client_server_links(boards: usize, displays: usize) -> usize {
    boards + displays
}

/// Deliveries the broker makes for `published` messages that match
/// `subscribers` subscriptions each: publish once, delivered N times.
pub fn deliveries(published: usize, subscribers: usize) -> usize {
    published * subscribers
}

#[cfg(test)]
mod tests {

    use super::*;

    fn entry(seq: u64, at_ms: u64, direction: Direction, packet_type: PacketType) -> WireEntry {
        WireEntry::sample(seq, at_ms, direction, packet_type, "p/boards/1/temperature")
    }

    #[test]
    fn readings_are_one_decimal_near_each_boards_own_value() {
        for board in 0..BOARDS {
            let base = 20.0 + 1.5 * board as f64;
            for tick in 0..30 {
                let r = board_reading(board, tick);
                let (_, decimals) = r.split_once('.').expect("a decimal point");
                assert_eq!(decimals.len(), 1, "{r}");
                let v: f64 = r.parse().expect("a number");
                assert!(
                    (v - base).abs() <= 0.5 + 1e-9,
                    "board {board} tick {tick}: {r}"
                );
            }
        }
        // The readings move.
        assert_ne!(board_reading(0, 0), board_reading(0, 1));
    }

    #[test]
    fn only_publish_packets_in_the_asked_direction_count() {
        let wire = vec![
            entry(1, 100, Direction::Sent, PacketType::Connect),
            entry(2, 150, Direction::Received, PacketType::ConnAck),
            entry(3, 1_000, Direction::Sent, PacketType::Publish),
            entry(4, 2_000, Direction::Sent, PacketType::Publish),
            entry(5, 2_500, Direction::Received, PacketType::Publish),
            entry(6, 3_000, Direction::Sent, PacketType::PingReq),
        ];
        assert_eq!(publish_times(&wire, Direction::Sent), vec![1_000, 2_000]);
        assert_eq!(publish_times(&wire, Direction::Received), vec![2_500]);
    }

    #[test]
    fn the_window_excludes_its_start_and_includes_its_end() {
        let times = [1_000, 2_000, 3_000, 4_000, 5_000, 6_000];
        assert_eq!(count_in_window(&times, 6_000, 5_000), 5);
        assert_eq!(count_in_window(&times, 5_999, 5_000), 5);
        assert_eq!(count_in_window(&times, 6_500, 5_000), 5);
        assert_eq!(count_in_window(&times, 500, 5_000), 0);
        assert_eq!(count_in_window(&[], 6_000, 5_000), 0);
        assert_eq!(per_second(5, 5_000), 1.0);
        assert_eq!(per_second(3, 0), 0.0);
    }

    #[test]
    fn a_steady_board_keeps_its_count_and_the_verdict_says_so() {
        // One PUBLISH a second for 20 s.
        let times: Vec<u64> = (1..=20).map(|s| s * 1_000 + 17).collect();
        let before = vec![count_in_window(&times, 8_500, WINDOW_MS); BOARDS];
        let after = vec![count_in_window(&times, 19_900, WINDOW_MS); BOARDS];
        assert_eq!(before, vec![5, 5, 5]);
        assert_eq!(coupling(&before, &after), Coupling::Unchanged);
        // A tick on the window's edge is not a change.
        assert_eq!(coupling(&[5, 5, 5], &[4, 5, 6]), Coupling::Unchanged);
        // Stopped boards are.
        assert_eq!(coupling(&[5, 5, 5], &[0, 0, 0]), Coupling::Changed);
        assert_eq!(coupling(&[], &[]), Coupling::Measuring);
        assert_eq!(coupling(&[5, 5, 5], &[5, 5]), Coupling::Measuring);
    }

    #[test]
    fn the_comparison_span_is_what_the_boards_had_run_up_to_a_window() {
        assert_eq!(comparison_span(10_000, 13_400), 3_000);
        assert_eq!(comparison_span(10_000, 30_000), WINDOW_MS);
        assert_eq!(comparison_span(10_000, 10_300), 1_000);
        // A clock that went backwards is not a crash.
        assert_eq!(comparison_span(10_000, 9_000), 1_000);
        // Boards that ran 3 s: 3 s before against 3 s after, one a second.
        let times: Vec<u64> = (1..=8).map(|s| 10_000 + s * 1_000 + 5).collect();
        let span = comparison_span(10_000, 13_400);
        let before = count_in_window(&times, 13_400, span);
        let after = count_in_window(&times, 13_400 + span, span);
        assert_eq!((before, after), (3, 3));
        assert_eq!(coupling(&[before], &[after]), Coupling::Unchanged);
    }

    #[test]
    fn the_broker_fans_out_and_the_server_knows_everyone() {
        assert_eq!(deliveries(15, 1), 15);
        assert_eq!(deliveries(15, 2), 30);
        assert_eq!(client_server_links(3, 1), 4);
        assert_eq!(client_server_links(3, 2), 5);
    }
}
