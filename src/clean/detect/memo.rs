//! What the rules made of each line they have read, kept by the line's text.
//!
//! A line's verdict depends on its text and the rules alone (the passes across lines run after,
//! on the verdicts), so a line read once need not be read again: `import` reads every line of the
//! page, then reads the draft it made — mostly the same lines — to say what is still present; a
//! page repeats its running header on every page; a keystroke rescans a field of which all lines
//! but one are unchanged.

use super::LineResult;
use crate::quick_hash::QuickMap;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

/// Bytes of line text kept at most (with a small charge per line for the verdict); past this
/// the memo starts again empty, so a long session of typing cannot grow it without end.
const KEPT_BYTES: usize = 8 * 1024 * 1024;

/// What a line costs the memo beyond its text: its key, its verdict and the table's slot.
const LINE_OVERHEAD_BYTES: usize = 128;

/// Verdicts on lines, keyed by the line's text, with their offsets counted from the line's
/// start. One per rule set: shared by its clones, started afresh when its rules change.
pub(in crate::clean) struct LineMemo {
    kept: Mutex<Kept>,
    limit: usize,
}

#[derive(Default)]
struct Kept {
    /// Hashed eight bytes at a multiply: with the default SipHash, a page of unique lines
    /// cost 3 % more instructions than reading it without the memo.
    verdicts: QuickMap<Box<str>, Arc<LineResult>>,
    bytes: usize,
}

impl Default for LineMemo {
    fn default() -> Self {
        LineMemo {
            kept: Mutex::default(),
            limit: KEPT_BYTES,
        }
    }
}

impl fmt::Debug for LineMemo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        f.debug_struct("LineMemo")
            .field("lines", &kept.verdicts.len())
            .field("bytes", &kept.bytes)
            .finish()
    }
}

impl LineMemo {
    /// A memo that keeps nothing: every line is read afresh (for tests that count the steps
    /// of reading).
    #[cfg(test)]
    pub(in crate::clean) fn forgetful() -> LineMemo {
        LineMemo {
            kept: Mutex::default(),
            limit: 0,
        }
    }

    /// The verdict on `line`: the one kept, or `judge`'s, which is then kept. The lock is not
    /// held while judging, so the cores reading a long page judge their lines side by side; two
    /// that meet the same new line both judge it, alike.
    pub(super) fn verdict(
        &self,
        line: &str,
        judge: impl FnOnce() -> LineResult,
    ) -> Arc<LineResult> {
        if let Some(found) = self.lock().verdicts.get(line) {
            return Arc::clone(found);
        }
        let verdict = Arc::new(judge());
        let cost = line.len() + LINE_OVERHEAD_BYTES;
        if cost <= self.limit {
            let mut kept = self.lock();
            if kept.bytes + cost > self.limit {
                *kept = Kept::default();
            }
            kept.bytes += cost;
            kept.verdicts.insert(line.into(), Arc::clone(&verdict));
        }
        verdict
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Kept> {
        // A panic elsewhere while the table was held leaves it whole: entries are inserted
        // in one call.
        self.kept.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Lines kept (for tests).
    #[cfg(test)]
    pub(in crate::clean) fn len(&self) -> usize {
        self.lock().verdicts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::detect::WholeLine;

    fn verdict_of(spans: usize) -> LineResult {
        LineResult {
            start: 0,
            end: 0,
            spans: (0..spans)
                .map(|k| super::super::Span {
                    start: k,
                    end: k + 1,
                    reason: String::new(),
                    rule: String::new(),
                })
                .collect(),
            whole: WholeLine::No,
            blank: false,
            structural: false,
            nonws: 0,
            score: 0,
            top_signal: None,
            heads_list: false,
            invisible: false,
        }
    }

    #[test]
    fn a_line_is_judged_once_and_answered_from_memory_after() {
        let memo = LineMemo::default();
        let mut judged = 0;
        for _ in 0..3 {
            let verdict = memo.verdict("一是学习不够深入。", || {
                judged += 1;
                verdict_of(2)
            });
            assert_eq!(verdict.spans.len(), 2);
        }
        assert_eq!(judged, 1);
        assert_eq!(memo.len(), 1);
    }

    #[test]
    fn the_memo_starts_again_when_full_rather_than_grow() {
        let memo = LineMemo {
            kept: Mutex::default(),
            limit: 4 * (LINE_OVERHEAD_BYTES + 3),
        };
        for k in 0..10 {
            memo.verdict(&format!("行{k}"), || verdict_of(0));
            assert!(memo.len() <= 4, "{} lines kept", memo.len());
        }
        assert!(memo.len() >= 1);
    }

    #[test]
    fn a_forgetful_memo_judges_every_time() {
        let memo = LineMemo::forgetful();
        let mut judged = 0;
        for _ in 0..3 {
            memo.verdict("一是", || {
                judged += 1;
                verdict_of(0)
            });
        }
        assert_eq!(judged, 3);
        assert_eq!(memo.len(), 0);
    }
}
