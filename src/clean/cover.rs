//! The byte ranges covered by a set of spans, merged and sorted, so that "is this position
//! covered" costs a binary search rather than a walk over every span: a line with a million
//! spans stays near-linear.

use std::cell::Cell;

thread_local! {
    /// Steps of ad detection on this thread: characters swept, spans and signals looked at,
    /// lookups made. Tests hold detection to a number of steps per byte of input, which, unlike
    /// a time, means the same on every machine.
    static WORK: Cell<u64> = const { Cell::new(0) };
}

/// Counts `steps` of detection work on this thread.
pub(crate) fn tick(steps: usize) {
    WORK.with(|work| work.set(work.get().saturating_add(steps as u64)));
}

/// Steps of detection work done on this thread so far. Work shared among threads is handed
/// back to the thread that asked for it (see `detect::analyze_lines`), so a test's count
/// covers all of it.
pub(crate) fn work_done() -> u64 {
    WORK.with(Cell::get)
}

/// Sorted, disjoint, non-empty byte ranges.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cover {
    ranges: Vec<(usize, usize)>,
}

impl Cover {
    pub fn new(spans: impl IntoIterator<Item = (usize, usize)>) -> Cover {
        let mut spans: Vec<(usize, usize)> = spans.into_iter().filter(|(s, e)| s < e).collect();
        tick(spans.len());
        spans.sort_unstable();
        let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for (start, end) in spans {
            match ranges.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => ranges.push((start, end)),
            }
        }
        Cover { ranges }
    }

    /// The first range that ends after `at`.
    fn from(&self, at: usize) -> Option<&(usize, usize)> {
        tick(1);
        self.ranges
            .get(self.ranges.partition_point(|&(_, e)| e <= at))
    }

    pub fn contains(&self, at: usize) -> bool {
        self.from(at).is_some_and(|&(s, _)| s <= at)
    }

    /// True when some span overlaps `start..end`.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        start < end && self.from(start).is_some_and(|&(s, _)| s < end)
    }

    /// Answers [`Cover::contains`] for positions asked in increasing order, each in constant
    /// time: for a sweep over a line a megabyte long with hundreds of spans.
    pub fn sweep(&self) -> Sweep<'_> {
        Sweep {
            ranges: &self.ranges,
            next: 0,
        }
    }

    /// True when the spans cover all of `start..end`.
    pub fn covers(&self, start: usize, end: usize) -> bool {
        self.from(start)
            .is_some_and(|&(s, e)| s <= start && end <= e)
    }
}

/// A walk along a [`Cover`] in increasing positions.
pub(crate) struct Sweep<'a> {
    ranges: &'a [(usize, usize)],
    /// The first range that ends after every position asked so far.
    next: usize,
}

impl Sweep<'_> {
    /// Whether `at` is covered; `at` is no smaller than any position asked before.
    pub fn contains(&mut self, at: usize) -> bool {
        while self
            .ranges
            .get(self.next)
            .is_some_and(|&(_, end)| end <= at)
        {
            self.next += 1;
        }
        self.ranges
            .get(self.next)
            .is_some_and(|&(start, _)| start <= at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_and_touching_spans_merge() {
        let cover = Cover::new([(10, 20), (0, 3), (15, 30), (30, 32), (40, 40)]);
        assert_eq!(cover.ranges, [(0, 3), (10, 32)]);
        assert!(cover.contains(0) && cover.contains(31));
        assert!(!cover.contains(3) && !cover.contains(32) && !cover.contains(40));
        assert!(cover.overlaps(2, 11) && !cover.overlaps(3, 10) && !cover.overlaps(5, 5));
        assert!(cover.covers(12, 32) && !cover.covers(2, 4) && !cover.covers(9, 12));
        let mut sweep = cover.sweep();
        let swept: Vec<usize> = (0..45).filter(|&at| sweep.contains(at)).collect();
        let looked_up: Vec<usize> = (0..45).filter(|&at| cover.contains(at)).collect();
        assert_eq!(swept, looked_up);
    }
}
