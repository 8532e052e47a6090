//! A bounded buffer that keeps the newest items and counts what it dropped,
//! so every history in the app has a visible cap ("showing 1000, 52 older
//! dropped") instead of growing until the tab runs out of memory.

use std::collections::VecDeque;

/// Keeps at most `capacity` items; pushing into a full ring drops the
/// oldest and counts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ring<T> {
    items: VecDeque<T>,
    capacity: usize,
    dropped: u64,
}

impl<T> Ring<T> {
    /// An empty ring holding at most `capacity` items (at least 1).
    pub fn new(capacity: usize) -> Self {
        let capacity = capacity.max(1);
        Ring {
            items: VecDeque::with_capacity(capacity.min(1024)),
            capacity,
            dropped: 0,
        }
    }

    /// The cap.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Items held now.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether nothing is held.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// How many items were pushed out by newer ones since the last clear.
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    /// Adds the newest item, dropping the oldest if full; returns the
    /// dropped item.
    pub fn push(&mut self, item: T) -> Option<T> {
        let old = if self.items.len() >= self.capacity {
            self.dropped += 1;
            self.items.pop_front()
        } else {
            None
        };
        self.items.push_back(item);
        old
    }

    /// Newest first, as the message log shows them.
    pub fn iter_newest_first(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator {
        self.items.iter().rev()
    }

    /// Oldest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator {
        self.items.iter()
    }

    /// Mutable access, oldest first.
    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut T> + ExactSizeIterator {
        self.items.iter_mut()
    }

    /// The newest item.
    pub fn newest(&self) -> Option<&T> {
        self.items.back()
    }

    /// Empties the ring and resets the dropped count.
    pub fn clear(&mut self) {
        self.items.clear();
        self.dropped = 0;
    }

    /// Changes the cap, dropping (and counting) the oldest items that no
    /// longer fit.
    pub fn set_capacity(&mut self, capacity: usize) {
        self.capacity = capacity.max(1);
        while self.items.len() > self.capacity {
            self.items.pop_front();
            self.dropped += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_newest_and_counts_drops() {
        let mut r = Ring::new(3);
        assert!(r.is_empty());
        for i in 1..=3 {
            assert_eq!(r.push(i), None);
        }
        assert_eq!(r.dropped(), 0);
        assert_eq!(r.push(4), Some(1));
        assert_eq!(r.push(5), Some(2));
        assert_eq!(r.len(), 3);
        assert_eq!(r.capacity(), 3);
        assert_eq!(r.dropped(), 2);
        assert_eq!(
            r.iter_newest_first().copied().collect::<Vec<_>>(),
            [5, 4, 3]
        );
        assert_eq!(r.iter().copied().collect::<Vec<_>>(), [3, 4, 5]);
        assert_eq!(r.newest(), Some(&5));
        r.clear();
        assert_eq!((r.len(), r.dropped()), (0, 0));
    }

    #[test]
    fn capacity_is_at_least_one_and_can_shrink() {
        let mut r = Ring::new(0);
        assert_eq!(r.capacity(), 1);
        r.push('a');
        r.push('b');
        assert_eq!(r.iter().copied().collect::<String>(), "b");
        let mut r = Ring::new(5);
        (0..5).for_each(|i| {
            r.push(i);
        });
        r.set_capacity(2);
        assert_eq!(r.iter().copied().collect::<Vec<_>>(), [3, 4]);
        assert_eq!(r.dropped(), 3);
        for x in r.iter_mut() {
            *x *= 10;
        }
        assert_eq!(r.iter_newest_first().copied().collect::<Vec<_>>(), [40, 30]);
    }
}
