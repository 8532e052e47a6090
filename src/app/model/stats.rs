//! Counters for the Statistics panel: messages and bytes both ways, and the
//! current receive rate over a short sliding window.
//!
//! Time is passed in (milliseconds from any origin), so the rate is tested
//! with made-up clocks. Arrivals are counted in 250 ms buckets, which keeps
//! the memory fixed however fast messages come.

use std::collections::VecDeque;

/// Width of one counting bucket.
const BUCKET_MS: u64 = 250;

/// Shortest and longest allowed rate window.
pub const WINDOW_RANGE_MS: (u64, u64) = (1_000, 5_000);

/// The default rate window.
pub const DEFAULT_WINDOW_MS: u64 = 5_000;

/// Message and byte counters plus a receive rate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stats {
    /// Application messages received (PUBLISH delivered to us).
    pub messages_received: u64,
    /// PUBLISH packets we sent, not counting DUP re-sends.
    pub messages_sent: u64,
    /// Bytes of all packets received.
    pub bytes_in: u64,
    /// Bytes of all packets sent.
    pub bytes_out: u64,
    window_ms: u64,
    /// (bucket number, messages), oldest first.
    buckets: VecDeque<(u64, u32)>,
}

impl Default for Stats {
    fn default() -> Self {
        Stats::with_window(DEFAULT_WINDOW_MS)
    }
}

impl Stats {
    /// Zeroed counters with a rate window of `window_ms`, clamped to
    /// [`WINDOW_RANGE_MS`].
    pub fn with_window(window_ms: u64) -> Self {
        Stats {
            messages_received: 0,
            messages_sent: 0,
            bytes_in: 0,
            bytes_out: 0,
            window_ms: window_ms.clamp(WINDOW_RANGE_MS.0, WINDOW_RANGE_MS.1),
            buckets: VecDeque::new(),
        }
    }

    /// The rate window in milliseconds.
    pub fn window_ms(&self) -> u64 {
        self.window_ms
    }

    /// Counts an application message received at `now_ms`.
    pub fn message_received(&mut self, now_ms: u64) {
        self.messages_received += 1;
        let bucket = now_ms / BUCKET_MS;
        match self.buckets.back_mut() {
            Some((b, n)) if *b == bucket => *n = n.saturating_add(1),
            // A clock that went backwards counts into the newest bucket.
            Some((b, n)) if *b > bucket => *n = n.saturating_add(1),
            _ => self.buckets.push_back((bucket, 1)),
        }
        self.forget_before(now_ms);
    }

    /// Counts a PUBLISH we sent; `dup` re-sends are not new messages.
    pub fn message_sent(&mut self, dup: bool) {
        if !dup {
            self.messages_sent += 1;
        }
    }

    /// Adds the size of a packet received.
    pub fn packet_received(&mut self, bytes: usize) {
        self.bytes_in = self.bytes_in.saturating_add(bytes as u64);
    }

    /// Adds the size of a packet sent.
    pub fn packet_sent(&mut self, bytes: usize) {
        self.bytes_out = self.bytes_out.saturating_add(bytes as u64);
    }

    /// Messages received per second over the window ending at `now_ms`.
    pub fn receive_rate(&self, now_ms: u64) -> f64 {
        let first = self.first_bucket_in_window(now_ms);
        let now_bucket = now_ms / BUCKET_MS;
        let count: u64 = self
            .buckets
            .iter()
            .filter(|(b, _)| *b >= first && *b <= now_bucket)
            .map(|(_, n)| u64::from(*n))
            .sum();
        count as f64 * 1000.0 / self.window_ms as f64
    }

    /// Zeroes everything (the window length stays).
    pub fn reset(&mut self) {
        *self = Stats::with_window(self.window_ms);
    }

    fn first_bucket_in_window(&self, now_ms: u64) -> u64 {
        (now_ms / BUCKET_MS + 1).saturating_sub(self.window_ms / BUCKET_MS)
    }

    fn forget_before(&mut self, now_ms: u64) {
        let first = self.first_bucket_in_window(now_ms);
        while self.buckets.front().is_some_and(|(b, _)| *b < first) {
            self.buckets.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters() {
        let mut s = Stats::default();
        s.message_received(0);
        s.message_sent(false);
        s.message_sent(true);
        s.message_sent(false);
        s.packet_received(10);
        s.packet_sent(7);
        s.packet_sent(3);
        assert_eq!(
            (
                s.messages_received,
                s.messages_sent,
                s.bytes_in,
                s.bytes_out
            ),
            (1, 2, 10, 10)
        );
        s.reset();
        assert_eq!(s, Stats::default());
    }

    #[test]
    fn rate_over_the_window() {
        let mut s = Stats::with_window(1_000);
        assert_eq!(s.receive_rate(0), 0.0);
        // 10 messages per second for 3 seconds.
        for i in 0..30 {
            s.message_received(10_000 + i * 100);
        }
        assert_eq!(s.receive_rate(12_950), 10.0);
        // A second later only the tail is in the window, then nothing.
        assert!(s.receive_rate(13_500) < 10.0);
        assert_eq!(s.receive_rate(14_000), 0.0);
        assert!(s.buckets.len() <= 5, "old buckets are dropped");
    }

    #[test]
    fn five_second_window_and_clamping() {
        let mut s = Stats::default();
        assert_eq!(s.window_ms(), 5_000);
        for i in 0..50 {
            s.message_received(i * 100);
        }
        assert_eq!(s.receive_rate(4_999), 10.0);
        assert_eq!(Stats::with_window(10).window_ms(), 1_000);
        assert_eq!(Stats::with_window(60_000).window_ms(), 5_000);
    }

    #[test]
    fn a_flood_uses_fixed_memory() {
        let mut s = Stats::with_window(2_000);
        for i in 0..100_000u64 {
            s.message_received(i / 10); // 10 000 messages per second
        }
        assert_eq!(s.messages_received, 100_000);
        assert!(s.buckets.len() <= 9);
        let r = s.receive_rate(9_999);
        assert!((r - 10_000.0).abs() < 1.0, "{r}");
    }

    #[test]
    fn clock_going_backwards_is_harmless() {
        let mut s = Stats::with_window(1_000);
        s.message_received(5_000);
        s.message_received(4_000);
        assert_eq!(s.messages_received, 2);
        assert_eq!(s.receive_rate(5_000), 2.0);
    }
}
