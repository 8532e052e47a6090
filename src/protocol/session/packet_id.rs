//! Packet Identifier allocation.
//!
//! An identifier is in use from the moment a PUBLISH (QoS > 0), SUBSCRIBE or
//! UNSUBSCRIBE takes it until its exchange completes, and never reused
//! before then (spec 2.2.1). Allocation walks forward from the last one
//! handed out so a just-freed identifier is not immediately reused, which
//! keeps the packet log readable and catches late acknowledgements.

use crate::protocol::codec::PacketId;

/// Which of the 65,535 identifiers are in use.
#[derive(Clone, Debug)]
pub struct PacketIdAllocator {
    used: Vec<u64>,
    in_use: usize,
    last: u16,
}

impl Default for PacketIdAllocator {
    fn default() -> Self {
        PacketIdAllocator {
            used: vec![0; 1024],
            in_use: 0,
            last: 0,
        }
    }
}

impl PacketIdAllocator {
    fn bit(id: u16) -> (usize, u64) {
        (usize::from(id / 64), 1u64 << (id % 64))
    }

    /// Whether `id` is taken.
    pub fn is_used(&self, id: PacketId) -> bool {
        let (w, b) = Self::bit(id.get());
        self.used[w] & b != 0
    }

    /// How many identifiers are taken.
    pub fn in_use(&self) -> usize {
        self.in_use
    }

    /// The next free identifier after the last one handed out, or `None`
    /// when all 65,535 are in use.
    pub fn allocate(&mut self) -> Option<PacketId> {
        if self.in_use >= usize::from(u16::MAX) {
            return None;
        }
        let mut candidate = self.last;
        loop {
            candidate = candidate.wrapping_add(1);
            let Some(id) = PacketId::new(candidate) else {
                continue;
            };
            if !self.is_used(id) {
                self.mark(id);
                self.last = candidate;
                return Some(id);
            }
        }
    }

    /// Marks `id` as taken (used when state is restored); `false` if it
    /// already was.
    pub fn mark(&mut self, id: PacketId) -> bool {
        let (w, b) = Self::bit(id.get());
        if self.used[w] & b != 0 {
            return false;
        }
        self.used[w] |= b;
        self.in_use += 1;
        true
    }

    /// Frees `id`; `false` if it was not taken.
    pub fn release(&mut self, id: PacketId) -> bool {
        let (w, b) = Self::bit(id.get());
        if self.used[w] & b == 0 {
            return false;
        }
        self.used[w] &= !b;
        self.in_use -= 1;
        true
    }

    /// Frees every identifier.
    pub fn clear(&mut self) {
        self.used.iter_mut().for_each(|w| *w = 0);
        self.in_use = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_zero_never_twice_and_wraps() {
        let mut ids = PacketIdAllocator::default();
        let a = ids.allocate().unwrap();
        let b = ids.allocate().unwrap();
        assert_eq!((a.get(), b.get()), (1, 2));
        assert!(ids.release(a));
        assert!(!ids.release(a));
        // The freed id is not reused straight away.
        assert_eq!(ids.allocate().unwrap().get(), 3);
        // Exhaust the space: 65,535 ids, never 0, all distinct.
        let mut ids = PacketIdAllocator::default();
        let mut seen = std::collections::HashSet::new();
        for _ in 0..65_535 {
            let id = ids.allocate().unwrap();
            assert!(seen.insert(id.get()));
        }
        assert_eq!(ids.allocate(), None);
        ids.release(PacketId::new(40_000).unwrap());
        assert_eq!(ids.allocate().unwrap().get(), 40_000);
    }
}
