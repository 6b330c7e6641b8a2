//! Which rules can match a text, found without compiling or running them.
//!
//! Compiling every rule's regular expression costs tens of milliseconds, more than most whole
//! commands. So each rule's *required words* are worked out from its parsed pattern (a set of
//! strings such that every match contains at least one of them), all of them go into one
//! Aho–Corasick automaton, and one linear pass over a line tells which rules can match it.
//! Only those are compiled (once per process) and run. A rule with no such words (`^\d{1,3}$`)
//! is a candidate on every line. This holds for any rule, user rules included.

use aho_corasick::AhoCorasick;
use regex_syntax::hir::{Class, Hir, HirKind};
use std::collections::HashMap;

/// Most strings a set may hold before it is given up (a class or product too wide to list).
const MAX_SET: usize = 64;
/// Widest character class listed one character at a time (`[:：]`, a case-folded letter).
const MAX_CLASS_CHARS: u32 = 16;

/// Strings that a part of a pattern can match.
#[derive(Debug, Clone, Default)]
struct Literals {
    /// Every match of the part is exactly one of these strings.
    exact: Option<Vec<Vec<u8>>>,
    /// Every match of the part contains at least one of these strings.
    required: Option<Vec<Vec<u8>>>,
}

impl Literals {
    fn exact(strings: Vec<Vec<u8>>) -> Literals {
        Literals {
            required: Some(strings.clone()),
            exact: Some(strings),
        }
    }

    fn unknown() -> Literals {
        Literals::default()
    }
}

/// How good a required set is as a filter: longer shortest word first, then fewer words.
/// A set holding the empty string filters nothing.
fn strength(set: &[Vec<u8>]) -> Option<(usize, std::cmp::Reverse<usize>)> {
    let shortest = set.iter().map(Vec::len).min()?;
    (shortest > 0).then_some((shortest, std::cmp::Reverse(set.len())))
}

fn better(a: Option<Vec<Vec<u8>>>, b: Option<Vec<Vec<u8>>>) -> Option<Vec<Vec<u8>>> {
    let score = |s: &Option<Vec<Vec<u8>>>| s.as_deref().and_then(strength);
    match (score(&a), score(&b)) {
        (None, None) => None,
        (Some(_), None) => a,
        (None, Some(_)) => b,
        (Some(x), Some(y)) => {
            if y > x {
                b
            } else {
                a
            }
        }
    }
}

fn dedup(mut set: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    set.sort();
    set.dedup();
    set
}

fn product(a: &[Vec<u8>], b: &[Vec<u8>]) -> Option<Vec<Vec<u8>>> {
    if a.len().saturating_mul(b.len()) > MAX_SET {
        return None;
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            let mut joined = x.clone();
            joined.extend_from_slice(y);
            out.push(joined);
        }
    }
    Some(dedup(out))
}

fn class_strings(class: &Class) -> Option<Vec<Vec<u8>>> {
    match class {
        Class::Unicode(class) => each_member(
            class
                .ranges()
                .iter()
                .map(|r| (u32::from(r.start()), u32::from(r.end()))),
            |c| char::from_u32(c).map(|c| c.to_string().into_bytes()),
        ),
        Class::Bytes(class) => each_member(
            class
                .ranges()
                .iter()
                .map(|r| (u32::from(r.start()), u32::from(r.end()))),
            |b| u8::try_from(b).ok().map(|b| vec![b]),
        ),
    }
}

/// Every member of a class given as inclusive ranges, as the bytes it matches; None when the
/// class is too wide to list.
fn each_member(
    ranges: impl Iterator<Item = (u32, u32)> + Clone,
    bytes: impl Fn(u32) -> Option<Vec<u8>>,
) -> Option<Vec<Vec<u8>>> {
    let width: u32 = ranges.clone().map(|(start, end)| end - start + 1).sum();
    if width > MAX_CLASS_CHARS {
        return None;
    }
    Some(
        ranges
            .flat_map(|(start, end)| start..=end)
            .filter_map(bytes)
            .collect(),
    )
}

fn analyze(hir: &Hir) -> Literals {
    match hir.kind() {
        // Matches only the empty string.
        HirKind::Empty | HirKind::Look(_) => Literals {
            exact: Some(vec![Vec::new()]),
            required: None,
        },
        HirKind::Literal(literal) => Literals::exact(vec![literal.0.to_vec()]),
        HirKind::Class(class) => match class_strings(class) {
            Some(strings) => Literals::exact(strings),
            None => Literals::unknown(),
        },
        HirKind::Capture(capture) => analyze(&capture.sub),
        HirKind::Repetition(repetition) => {
            let sub = analyze(&repetition.sub);
            match (repetition.min, repetition.max) {
                (1, Some(1)) => sub,
                (0, Some(1)) => Literals {
                    exact: sub.exact.map(|mut set| {
                        set.push(Vec::new());
                        dedup(set)
                    }),
                    required: None,
                },
                (0, _) => Literals::unknown(),
                _ => Literals {
                    exact: None,
                    required: sub.required,
                },
            }
        }
        HirKind::Concat(parts) => {
            let mut required: Option<Vec<Vec<u8>>> = None;
            // The product of the current run of parts whose matches are known exactly.
            let mut run: Option<Vec<Vec<u8>>> = Some(vec![Vec::new()]);
            let mut all_exact = true;
            for part in parts {
                let part = analyze(part);
                required = better(required, part.required.clone());
                match (&run, &part.exact) {
                    (Some(so_far), Some(next)) => match product(so_far, next) {
                        Some(joined) => run = Some(joined),
                        None => {
                            all_exact = false;
                            required = better(required, run.take());
                            run = Some(next.clone());
                        }
                    },
                    (None, Some(next)) => run = Some(next.clone()),
                    (_, None) => {
                        all_exact = false;
                        required = better(required, run.take());
                    }
                }
            }
            let exact = if all_exact { run.clone() } else { None };
            Literals {
                exact,
                required: better(required, run),
            }
        }
        HirKind::Alternation(branches) => {
            let analyzed: Vec<Literals> = branches.iter().map(analyze).collect();
            let union = |pick: fn(&Literals) -> Option<&Vec<Vec<u8>>>| {
                let mut out = Vec::new();
                for branch in &analyzed {
                    out.extend(pick(branch)?.iter().cloned());
                }
                Some(dedup(out))
            };
            let exact = union(|l| l.exact.as_ref()).filter(|set| set.len() <= MAX_SET);
            // A branch without required words of its own may still be exact (`号?`).
            let required = union(|l| l.required.as_ref().or(l.exact.as_ref()))
                .filter(|set| strength(set).is_some());
            Literals { exact, required }
        }
    }
}

/// Parses `pattern` as the rules compile it (case-insensitive); the error is the message.
pub(crate) fn parse(pattern: &str) -> Result<Hir, String> {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(pattern)
        .map_err(|e| e.to_string())
}

/// Strings one of which every match of `hir` contains; `None` when there are none to rely on.
pub(crate) fn required_words(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let literals = analyze(hir);
    better(literals.required, literals.exact)
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
    /// `words[i]` are rule `i`'s required words, `None` when it has none.
    pub(crate) fn new(words: &[Option<Vec<Vec<u8>>>]) -> Prefilter {
        let mut by_word: HashMap<&[u8], Vec<usize>> = HashMap::new();
        let mut always = Vec::new();
        for (rule, set) in words.iter().enumerate() {
            match set {
                Some(set) => {
                    for word in set {
                        let rules = by_word.entry(word.as_slice()).or_default();
                        if rules.last() != Some(&rule) {
                            rules.push(rule);
                        }
                    }
                }
                None => always.push(rule),
            }
        }
        let (patterns, pattern_rules): (Vec<&[u8]>, Vec<Vec<usize>>) = by_word.into_iter().unzip();
        let automaton = if patterns.is_empty() {
            None
        } else {
            match AhoCorasick::new(&patterns) {
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
        let prefilter = Prefilter::new(&sets);
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
