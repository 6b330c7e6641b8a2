//! The reviewer's built-in regular expressions. A process that reviews one draft used to
//! compile every one of them (about 3 ms of `check` on the seed) though most never match a
//! good speech (placeholders, site tags, `抓的不够紧`). So each is compiled the first time a
//! text holds one of its required words (worked out from the parsed pattern as for the ad
//! rules, see `clean::required`); a text without any of them cannot match.

use crate::clean::required;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// A built-in regular expression. The patterns are constants checked by tests; if one ever
/// failed to compile, its check would find nothing rather than stop the program.
pub(super) struct Pattern {
    source: String,
    /// Strings one of which every match holds; `None` when the pattern promises none.
    words: Option<Vec<String>>,
    regex: OnceLock<Option<Regex>>,
}

impl Pattern {
    pub(super) fn new(pattern: &str) -> Pattern {
        let words = required::parse_as(pattern, false)
            .ok()
            .and_then(|hir| required::required_words(&hir))
            .and_then(|set| {
                set.into_iter()
                    .map(|word| String::from_utf8(word).ok())
                    .collect::<Option<Vec<String>>>()
            });
        Pattern {
            source: pattern.to_owned(),
            words,
            regex: OnceLock::new(),
        }
    }

    fn compiled_regex(&self) -> Option<&Regex> {
        self.regex
            .get_or_init(|| Regex::new(&self.source).ok())
            .as_ref()
    }

    /// The expression, when `text` may hold a match. Once compiled it is simply used: a draft
    /// that needed it once likely needs it again, and the expression is quicker than the words.
    pub(super) fn for_text(&self, text: &str) -> Option<&Regex> {
        if let Some(regex) = self.regex.get() {
            return regex.as_ref();
        }
        if let Some(words) = &self.words
            && !words.iter().any(|word| text.contains(word.as_str()))
        {
            return None;
        }
        self.compiled_regex()
    }

    pub(super) fn find_ranges(&self, text: &str) -> Vec<Range<usize>> {
        self.for_text(text)
            .map(|re| re.find_iter(text).map(|m| m.range()).collect())
            .unwrap_or_default()
    }

    /// `text` with every match replaced by `with`.
    pub(super) fn replace_all(&self, text: &str, with: &str) -> String {
        match self.for_text(text) {
            Some(re) => re.replace_all(text, with).into_owned(),
            None => text.to_owned(),
        }
    }

    /// Compiles the expression now: whether it compiles at all.
    #[cfg(test)]
    pub(super) fn compiled(&self) -> bool {
        self.compiled_regex().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_without_the_required_words_compiles_nothing() {
        let pattern = Pattern::new(r"某某+|[×✕╳]{2,}");
        assert!(pattern.words.is_some());
        assert!(pattern.find_ranges("学习不够深入。").is_empty());
        assert!(pattern.regex.get().is_none());
        assert_eq!(
            pattern.find_ranges("请某某同志"),
            vec![Range { start: 3, end: 9 }]
        );
        assert!(pattern.regex.get().is_some());
        // No words to rely on: compiled and run on any text.
        let any = Pattern::new(r"[A-Za-z]+");
        assert!(any.words.is_none());
        assert!(!any.find_ranges("abc").is_empty());
    }
}
