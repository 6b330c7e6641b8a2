//! Which rules can match a text, found without compiling or running them.
//!
//! Compiling every rule's regular expression costs tens of milliseconds, more than most whole
//! commands. So each rule's *required words* are worked out from its parsed pattern (a set of
//! strings such that every match contains at least one of them), all of them go into one
//! Aho–Corasick automaton, and one linear pass over a line tells which rules can match it.
//! Only those are compiled (once per process) and run. A rule with no such words (`^\d{1,3}$`)
//! is a candidate on every line. This holds for any rule, user rules included. The words come
//! from [`super::required`]; those of the built-in rules are worked out by `build.rs`.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Bytes a process searches with the quick automaton before it builds the fast one: past
/// this it is importing or checking a large text, where searching dominates building.
const FAST_AFTER: usize = 256 * 1024;

/// The prefilter of a rule set, built on first use: as an automaton quick to build, and once
/// the process has searched [`FAST_AFTER`] bytes with it, again as one quick to search. A
/// command on a speech never pays for the second; an import of a megabyte saves more than it
/// costs.
#[derive(Debug, Default)]
pub(crate) struct Prefilters {
    quick: OnceLock<Prefilter>,
    fast: OnceLock<Prefilter>,
    searched: AtomicUsize,
}

impl Prefilters {
    /// For each rule, whether it can match `text`. `words` gives every rule's required words
    /// when an automaton has to be built.
    pub(crate) fn candidates(
        &self,
        text: &str,
        words: impl Fn() -> Vec<Option<Vec<Vec<u8>>>>,
    ) -> Vec<bool> {
        if let Some(fast) = self.fast.get() {
            return fast.candidates(text);
        }
        let searched = self.searched.fetch_add(text.len(), Ordering::Relaxed) + text.len();
        if searched > FAST_AFTER {
            return self
                .fast
                .get_or_init(|| Prefilter::new(&words(), false))
                .candidates(text);
        }
        self.quick
            .get_or_init(|| Prefilter::new(&words(), true))
            .candidates(text)
    }
}

/// The words of one rule's set that the automaton needs to tell whether one of them occurs:
/// ASCII-lowercased (the automaton ignores ASCII case, so `vip`'s eight spellings are one
/// word) and without any word that holds another of the set (`未完待续` occurs only where
/// `未完` does). Of the built-in rules' 1,819 words 990 are left, and every command builds the automaton.
fn fewest_words(set: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let mut lower: Vec<Vec<u8>> = set.iter().map(|w| w.to_ascii_lowercase()).collect();
    lower.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
    lower.dedup();
    let mut kept: Vec<Vec<u8>> = Vec::with_capacity(lower.len());
    for word in lower {
        let holds = |shorter: &Vec<u8>| {
            shorter.is_empty() || word.windows(shorter.len()).any(|w| w == shorter.as_slice())
        };
        if !kept.iter().any(holds) {
            kept.push(word);
        }
    }
    kept
}

/// The required words of a set of rules in one automaton.
#[derive(Debug)]
pub(crate) struct Prefilter {
    automaton: Option<AhoCorasick>,
    /// Per automaton pattern: the rules (positions) that require it.
    pattern_rules: Vec<Vec<usize>>,
    /// Rules without required words: candidates on every text.
    always: Vec<usize>,
    rule_count: usize,
}

impl Prefilter {
    /// `words[i]` are rule `i`'s required words, `None` when it has none. `quick`: an
    /// automaton quick to build rather than quick to search.
    pub(crate) fn new(words: &[Option<Vec<Vec<u8>>>], quick: bool) -> Prefilter {
        let mut by_word: HashMap<Vec<u8>, Vec<usize>> = HashMap::new();
        let mut always = Vec::new();
        for (rule, set) in words.iter().enumerate() {
            match set {
                Some(set) => {
                    for word in fewest_words(set) {
                        let rules = by_word.entry(word).or_default();
                        if rules.last() != Some(&rule) {
                            rules.push(rule);
                        }
                    }
                }
                None => always.push(rule),
            }
        }
        let (patterns, pattern_rules): (Vec<Vec<u8>>, Vec<Vec<usize>>) =
            by_word.into_iter().unzip();
        let automaton = if patterns.is_empty() {
            None
        } else {
            // A contiguous NFA is several times quicker to build than a DFA, and a process
            // builds it for every command; the DFA searches faster (see `Prefilters`). ASCII
            // case is ignored, as the rules ignore it (see `fewest_words`).
            let kind = if quick {
                AhoCorasickKind::ContiguousNFA
            } else {
                AhoCorasickKind::DFA
            };
            let built = AhoCorasick::builder()
                .kind(Some(kind))
                .ascii_case_insensitive(true)
                .build(&patterns);
            match built {
                Ok(automaton) => Some(automaton),
                // Cannot happen for a few thousand short words; should it, every rule is run.
                Err(_) => {
                    return Prefilter {
                        automaton: None,
                        pattern_rules: Vec::new(),
                        always: (0..words.len()).collect(),
                        rule_count: words.len(),
                    };
                }
            }
        };
        Prefilter {
            automaton,
            pattern_rules,
            always,
            rule_count: words.len(),
        }
    }

    /// For each rule, whether it can match `text`: one pass over `text`.
    pub(crate) fn candidates(&self, text: &str) -> Vec<bool> {
        let mut hits = vec![false; self.rule_count];
        for &rule in &self.always {
            hits[rule] = true;
        }
        if let Some(automaton) = &self.automaton {
            let mut seen = vec![false; self.pattern_rules.len()];
            for found in automaton.find_overlapping_iter(text) {
                let pattern = found.pattern().as_usize();
                if !std::mem::replace(&mut seen[pattern], true) {
                    for &rule in &self.pattern_rules[pattern] {
                        hits[rule] = true;
                    }
                }
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::super::required::{parse, required_words};
    use super::*;

    fn words(pattern: &str) -> Option<Vec<String>> {
        let hir = parse(pattern).unwrap();
        required_words(&hir).map(|set| {
            set.into_iter()
                .map(|w| String::from_utf8(w).unwrap())
                .collect()
        })
    }

    #[test]
    fn required_words_of_common_shapes() {
        assert_eq!(words("免责声明").unwrap(), ["免责声明"]);
        let mut alternation = words("私信|后台回复|微信同号").unwrap();
        alternation.sort();
        assert_eq!(alternation, ["后台回复", "微信同号", "私信"]);
        // Optional parts and anchors do not hide the word that must be there.
        let contact = words(r"^\s*(请)?加微信号?").unwrap();
        assert!(contact.iter().all(|w| w.contains("加微信")), "{contact:?}");
        // Case-insensitive: every spelling of `vip` is listed.
        assert_eq!(words("vip").unwrap().len(), 8);
        // Nothing to rely on.
        assert_eq!(words(r"^\d{1,3}$"), None);
        assert_eq!(words(r"a|\d+"), None);
    }

    #[test]
    fn one_word_stands_for_its_spellings_and_for_the_words_holding_it() {
        let vip = required_words(&parse("vip").unwrap()).unwrap();
        assert_eq!(fewest_words(&vip), [b"vip".to_vec()]);
        let set: Vec<Vec<u8>> = ["未完待续", "全文共", "未完", "全文共计"]
            .iter()
            .map(|w| w.as_bytes().to_vec())
            .collect();
        let mut kept: Vec<String> = fewest_words(&set)
            .into_iter()
            .map(|w| String::from_utf8(w).unwrap())
            .collect();
        kept.sort();
        assert_eq!(kept, ["全文共", "未完"]);
    }

    #[test]
    fn candidates_are_a_superset_of_matches() {
        let patterns = [
            r"(微信|vx|wx)号?\s*[:：]\s*[a-z0-9_\-]{3,30}",
            r"^\d{1,3}$",
            "免责声明|版权声明",
            r"全文(共|约)\s*\d+\s*字",
        ];
        let sets: Vec<_> = patterns
            .iter()
            .map(|p| required_words(&parse(p).unwrap()))
            .collect();
        let prefilter = Prefilter::new(&sets, true);
        for text in [
            "加VX：abc123",
            "12",
            "以上仅为版权声明。",
            "全文共 3216 字",
            "学习不够深入。",
        ] {
            let hits = prefilter.candidates(text);
            for (k, pattern) in patterns.iter().enumerate() {
                let regex = regex::RegexBuilder::new(pattern)
                    .case_insensitive(true)
                    .build()
                    .unwrap();
                if regex.is_match(text) {
                    assert!(hits[k], "{pattern} matches {text} but was filtered out");
                }
            }
        }
        assert_eq!(
            prefilter.candidates("学习不够深入。"),
            [false, true, false, false]
        );
    }
}
