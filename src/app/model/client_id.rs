//! Random client identifiers: `mqttlab-` and 8 characters of `[a-z0-9]`.
//!
//! Two tabs with the same client ID would keep taking each other's session
//! over, so every tab makes its own. The caller supplies the randomness
//! (`crypto.getRandomValues` in the browser, anything in tests).

/// The prefix of every generated client ID.
pub const PREFIX: &str = "mqttlab-";

/// Random characters after the prefix.
pub const RANDOM_LEN: usize = 8;

const ALPHABET: &[u8; 36] = b"abcdefghijklmnopqrstuvwxyz0123456789";

/// `mqttlab-` followed by 8 characters of `[a-z0-9]` taken from `random`.
///
/// The input is mixed first, so neighbouring inputs (1, 2, 3…) still give
/// unrelated IDs. 23 characters or fewer, which every MQTT 3.1.1 server must
/// accept (3.1.1 section 3.1.3.1).
pub fn generate(random: u64) -> String {
    let mut id = String::with_capacity(PREFIX.len() + RANDOM_LEN);
    id.push_str(PREFIX);
    push_random_chars(&mut id, random, ALPHABET, RANDOM_LEN);
    id
}

/// Appends `n` characters of `alphabet` (ASCII) taken from `random`, mixed
/// first so that neighbouring inputs give unrelated characters.
pub fn push_random_chars(out: &mut String, random: u64, alphabet: &[u8], n: usize) {
    let mut x = mix(random);
    let base = alphabet.len() as u64;
    for _ in 0..n {
        out.push(char::from(alphabet[(x % base) as usize]));
        x /= base;
    }
}

/// Whether `id` has the shape [`generate`] produces.
pub fn is_generated(id: &str) -> bool {
    id.strip_prefix(PREFIX)
        .is_some_and(|rest| rest.len() == RANDOM_LEN && rest.bytes().all(|b| ALPHABET.contains(&b)))
}

/// SplitMix64's finaliser: a bijection that spreads every input bit.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn shape() {
        for r in [0, 1, u64::MAX, 0x1234_5678_9abc_def0] {
            let id = generate(r);
            assert_eq!(id.len(), 16, "{id}");
            assert!(id.len() <= 23);
            assert!(is_generated(&id), "{id}");
        }
        assert!(!is_generated("mqttlab-ABCDEFGH"));
        assert!(!is_generated("mqttlab-abc"));
        assert!(!is_generated("sensor-1"));
    }

    #[test]
    fn deterministic_and_spread() {
        assert_eq!(generate(7), generate(7));
        let ids: HashSet<String> = (0..10_000).map(generate).collect();
        assert_eq!(ids.len(), 10_000);
        // Every position uses many different characters.
        for pos in PREFIX.len()..PREFIX.len() + RANDOM_LEN {
            let chars: HashSet<u8> = ids.iter().map(|id| id.as_bytes()[pos]).collect();
            assert!(chars.len() >= 30, "position {pos}: {}", chars.len());
        }
    }
}
