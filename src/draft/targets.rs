//! Length targets as data: how long the whole speech and each category should be. Measuring a
//! draft against them lives in [`crate::targets`].

use serde::{Deserialize, Serialize};

/// A length target in characters, counted as [`super::count_chars`] counts them (Word's 字数:
/// everything but whitespace). Both ends are inclusive; `min: 0` means "at most `max`".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CharRange {
    pub min: usize,
    pub max: usize,
}

impl CharRange {
    /// A range from `a` to `b` in either order.
    pub fn new(a: usize, b: usize) -> CharRange {
        CharRange {
            min: a.min(b),
            max: a.max(b),
        }
    }

    /// No lower bound: `0..=max`.
    pub fn at_most(max: usize) -> CharRange {
        CharRange { min: 0, max }
    }

    /// The bounds in order, even when a hand-edited file has them reversed.
    pub fn bounds(&self) -> (usize, usize) {
        (self.min.min(self.max), self.min.max(self.max))
    }

    pub fn contains(&self, chars: usize) -> bool {
        let (lo, hi) = self.bounds();
        (lo..=hi).contains(&chars)
    }
}

/// A maximum this large means "no upper bound": only a minimum was set.
pub const NO_MAXIMUM: usize = 1_000_000_000;

/// Targets for the draft as a whole. Per-category targets sit on [`super::Category::target`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Targets {
    /// Target for the whole draft ([`super::Draft::char_count`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<CharRange>,
}

impl Targets {
    /// True when no target is set (nothing is written to the file then).
    pub fn is_empty(&self) -> bool {
        self.total.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_ordered_and_inclusive() {
        let range = CharRange::new(500, 300);
        assert_eq!(range, CharRange { min: 300, max: 500 });
        assert!(range.contains(300) && range.contains(500));
        assert!(!range.contains(299) && !range.contains(501));
        let reversed = CharRange { min: 9, max: 3 };
        assert!(reversed.contains(5));
        assert!(CharRange::at_most(10).contains(0));
    }
}
