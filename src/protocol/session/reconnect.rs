//! When to try again after a connection is lost: exponential backoff with
//! jitter, bounded, as pure functions. The caller supplies the randomness
//! (a number in `[0, 1)`), so the policy is deterministic under test.

use core::time::Duration;

/// Exponential backoff with jitter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReconnectPolicy {
    /// Delay before the first retry.
    pub initial_delay: Duration,
    /// Upper bound on any delay.
    pub max_delay: Duration,
    /// Growth factor per attempt (2.0 doubles).
    pub multiplier: f64,
    /// Spread as a fraction of the delay: 0.2 gives ±20 %.
    pub jitter: f64,
    /// Give up after this many attempts; `None` retries forever.
    pub max_attempts: Option<u32>,
}

impl Default for ReconnectPolicy {
    fn default() -> Self {
        ReconnectPolicy {
            initial_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(30),
            multiplier: 2.0,
            jitter: 0.2,
            max_attempts: None,
        }
    }
}

impl ReconnectPolicy {
    /// The delay before retry number `attempt` (0 is the first retry), or
    /// `None` when the policy gives up. `random` is in `[0, 1)`.
    pub fn delay(&self, attempt: u32, random: f64) -> Option<Duration> {
        if self.max_attempts.is_some_and(|max| attempt >= max) {
            return None;
        }
        let max = self.max_delay.as_secs_f64();
        let exp = self.multiplier.max(1.0).powi(attempt.min(64) as i32);
        let base = (self.initial_delay.as_secs_f64() * exp).min(max);
        let jitter = self.jitter.clamp(0.0, 1.0);
        let factor = 1.0 - jitter + 2.0 * jitter * random.clamp(0.0, 1.0);
        let secs = (base * factor).clamp(0.0, max);
        Some(Duration::from_secs_f64(secs))
    }
}

/// Counts attempts against a [`ReconnectPolicy`]; reset after a success.
#[derive(Clone, Debug, Default)]
pub struct Backoff {
    /// The policy.
    pub policy: ReconnectPolicy,
    attempt: u32,
}

impl Backoff {
    /// A counter at attempt 0.
    pub fn new(policy: ReconnectPolicy) -> Self {
        Backoff { policy, attempt: 0 }
    }

    /// The delay before the next attempt, counting it; `None` to give up.
    pub fn next_delay(&mut self, random: f64) -> Option<Duration> {
        let d = self.policy.delay(self.attempt, random)?;
        self.attempt = self.attempt.saturating_add(1);
        Some(d)
    }

    /// Attempts made since the last reset.
    pub fn attempts(&self) -> u32 {
        self.attempt
    }

    /// Call once connected again.
    pub fn reset(&mut self) {
        self.attempt = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_exponentially_and_is_bounded() {
        let p = ReconnectPolicy {
            jitter: 0.0,
            ..Default::default()
        };
        let secs: Vec<u64> = (0..8).map(|a| p.delay(a, 0.5).unwrap().as_secs()).collect();
        assert_eq!(secs, [1, 2, 4, 8, 16, 30, 30, 30]);
        assert_eq!(p.delay(10_000, 0.5), Some(Duration::from_secs(30)));
    }

    #[test]
    fn jitter_stays_within_its_band_and_the_cap() {
        let p = ReconnectPolicy::default();
        assert_eq!(p.delay(0, 0.0), Some(Duration::from_millis(800)));
        assert_eq!(p.delay(0, 0.5), Some(Duration::from_secs(1)));
        let high = p.delay(0, 0.999_999).unwrap();
        assert!(high > Duration::from_millis(1_199) && high <= Duration::from_millis(1_200));
        for a in 0..40 {
            for r in [0.0, 0.3, 0.7, 0.999] {
                assert!(p.delay(a, r).unwrap() <= p.max_delay);
            }
        }
    }

    #[test]
    fn gives_up_after_max_attempts_and_resets() {
        let mut b = Backoff::new(ReconnectPolicy {
            max_attempts: Some(2),
            jitter: 0.0,
            ..Default::default()
        });
        assert_eq!(b.next_delay(0.1), Some(Duration::from_secs(1)));
        assert_eq!(b.next_delay(0.1), Some(Duration::from_secs(2)));
        assert_eq!(b.next_delay(0.1), None);
        b.reset();
        assert_eq!(b.attempts(), 0);
        assert_eq!(b.next_delay(0.1), Some(Duration::from_secs(1)));
    }
}
