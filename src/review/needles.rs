//! Which of many fixed strings occur in a text, in one pass: the word list's wrong words and
//! the formulations' variants are looked for one by one only in texts that hold them, so a
//! draft of thousands of findings does not pay for hundreds of substring searches each.

use crate::quick_hash::QuickMap;
use aho_corasick::{AhoCorasick, AhoCorasickKind};

/// An automaton built for one review: a contiguous NFA, which a process that checks one
/// draft builds in a fraction of the time of the DFA `AhoCorasick::new` may choose.
pub(super) fn quick_to_build<P: AsRef<[u8]>>(patterns: &[P]) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)
        .ok()
}

/// Whether `text` may hold one of the words `automaton` was built from: one pass, and true
/// when the automaton could not be built, so that the caller's own searches run as before.
pub(super) fn may_hold(automaton: &Option<AhoCorasick>, text: &str) -> bool {
    automaton.as_ref().is_none_or(|any| any.is_match(text))
}

pub(super) struct Needles {
    automaton: Option<AhoCorasick>,
    index: QuickMap<String, usize>,
    /// The automaton's pattern for each needle given, by its position: a caller walking its
    /// own list asks by position, not by string, so a text with a hit costs no hashing.
    of_position: Vec<Option<usize>>,
}

impl Needles {
    pub(super) fn new<'a>(needles: impl IntoIterator<Item = &'a str>) -> Needles {
        let mut index: QuickMap<String, usize> = QuickMap::default();
        let mut of_position = Vec::new();
        for needle in needles {
            of_position.push((!needle.is_empty()).then(|| {
                let next = index.len();
                *index.entry(needle.to_owned()).or_insert(next)
            }));
        }
        let mut patterns = vec![""; index.len()];
        for (needle, &i) in &index {
            patterns[i] = needle.as_str();
        }
        Needles {
            // Should it fail to build (it does not for plain strings), every needle counts as
            // present and the searches run as before.
            automaton: quick_to_build(&patterns),
            index,
            of_position,
        }
    }

    /// The needles `text` holds.
    pub(super) fn in_text(&self, text: &str) -> Present<'_> {
        let found = self.automaton.as_ref().map(|automaton| {
            let mut found = vec![false; self.index.len()];
            for m in automaton.find_overlapping_iter(text) {
                found[m.pattern().as_usize()] = true;
            }
            found
        });
        Present {
            needles: self,
            found,
        }
    }
}

pub(super) struct Present<'a> {
    needles: &'a Needles,
    found: Option<Vec<bool>>,
}

impl Present<'_> {
    /// True when the text was searched and holds none of the needles: most texts, so a caller
    /// skips its list instead of asking for each entry.
    pub(super) fn none(&self) -> bool {
        self.found
            .as_ref()
            .is_some_and(|found| !found.contains(&true))
    }

    /// False only when `needle` was looked for and is not in the text.
    pub(super) fn holds(&self, needle: &str) -> bool {
        match (&self.found, self.needles.index.get(needle)) {
            (Some(found), Some(&i)) => found[i],
            _ => true,
        }
    }

    /// [`Present::holds`] for the needle at `position` in the list the needles were built
    /// from.
    pub(super) fn holds_at(&self, position: usize) -> bool {
        match (&self.found, self.needles.of_position.get(position)) {
            (Some(found), Some(Some(i))) => found[*i],
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_which_needles_a_text_holds_overlapping_or_not() {
        let needles = Needles::new(["述求", "求助", "份内事", "份内事", ""]);
        let present = needles.in_text("陈述求助，份内事");
        assert!(present.holds("述求") && present.holds("求助") && present.holds("份内事"));
        let present = needles.in_text("诉求");
        assert!(!present.holds("述求") && !present.holds("份内事"));
        assert!(present.none() && !needles.in_text("份内事").none());
        // A string never registered is not ruled out.
        assert!(present.holds("别的"));
        // By position: the second `份内事` and the empty needle answer too.
        let present = needles.in_text("份内事");
        assert!(!present.holds_at(0) && !present.holds_at(1));
        assert!(present.holds_at(2) && present.holds_at(3) && present.holds_at(4));
    }
}
