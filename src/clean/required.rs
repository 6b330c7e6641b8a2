//! The required words of a rule: a set of strings such that every match of its pattern
//! contains at least one of them, worked out from the parsed pattern.
//!
//! Plain `regex-syntax` code with no other dependency, because two builds use it: the program
//! (for user rules, see [`super::prefilter`]) and `build.rs`, which works out the words of the
//! built-in rules once at compile time so that start-up does not parse every built-in pattern.

use regex_syntax::hir::{Class, Hir, HirKind};

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
    /// Further sets every match contains one string of, each besides `required`: the other
    /// parts of a concatenation (`加` … `微信|vx|qq`). A text lacking any set cannot match.
    also: Vec<Vec<Vec<u8>>>,
}

impl Literals {
    fn exact(strings: Vec<Vec<u8>>) -> Literals {
        Literals {
            required: Some(strings.clone()),
            exact: Some(strings),
            also: Vec::new(),
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

/// Most sets a conjunction keeps (its strongest), so that a long pattern does not make every
/// text pay for many sets.
const MAX_CONJUNCTION: usize = 4;

/// A set of strings, one of which every match contains.
type WordSet = Vec<Vec<u8>>;

/// The sets that filter something, strongest first: the first alone, and the rest.
fn strongest_first(sets: Vec<WordSet>) -> (Option<WordSet>, Vec<WordSet>) {
    let mut sets: Vec<Vec<Vec<u8>>> = sets
        .into_iter()
        .map(dedup)
        .filter(|set| strength(set).is_some())
        .collect();
    sets.sort_by(|a, b| strength(b).cmp(&strength(a)).then_with(|| a.cmp(b)));
    sets.dedup();
    sets.truncate(MAX_CONJUNCTION);
    let mut sets = sets.into_iter();
    (sets.next(), sets.collect())
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
            also: Vec::new(),
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
                    also: Vec::new(),
                },
                (0, _) => Literals::unknown(),
                _ => Literals {
                    exact: None,
                    required: sub.required,
                    also: sub.also,
                },
            }
        }
        HirKind::Concat(parts) => {
            // Every set found on the way is required; the strongest becomes `required`.
            let mut sets: Vec<Vec<Vec<u8>>> = Vec::new();
            // The product of the current run of parts whose matches are known exactly.
            let mut run: Option<Vec<Vec<u8>>> = Some(vec![Vec::new()]);
            let mut all_exact = true;
            for part in parts {
                let part = analyze(part);
                sets.extend(part.required.clone());
                sets.extend(part.also.iter().cloned());
                match (&run, &part.exact) {
                    (Some(so_far), Some(next)) => match product(so_far, next) {
                        Some(joined) => run = Some(joined),
                        None => {
                            all_exact = false;
                            sets.extend(run.take());
                            run = Some(next.clone());
                        }
                    },
                    (None, Some(next)) => run = Some(next.clone()),
                    (_, None) => {
                        all_exact = false;
                        sets.extend(run.take());
                    }
                }
            }
            let exact = if all_exact { run.clone() } else { None };
            sets.extend(run);
            let (required, also) = strongest_first(sets);
            Literals {
                exact,
                required,
                also,
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
            Literals {
                exact,
                required,
                also: Vec::new(),
            }
        }
    }
}

/// Parses `pattern` as the rules compile it (case-insensitive); the error is the message.
pub(crate) fn parse(pattern: &str) -> Result<Hir, String> {
    parse_as(pattern, true)
}

/// Parses `pattern`, case-insensitively or not; the error is the message.
pub(crate) fn parse_as(pattern: &str, case_insensitive: bool) -> Result<Hir, String> {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(case_insensitive)
        .build()
        .parse(pattern)
        .map_err(|e| e.to_string())
}

/// Strings one of which every match of `hir` contains; `None` when there are none to rely on.
pub(crate) fn required_words(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let literals = analyze(hir);
    better(literals.required, literals.exact)
}

/// Sets of strings such that every match of `hir` contains one string of each set, strongest
/// first; empty when there is none to rely on. `加\s*(微信|vx)` gives `[加]` and `[微信, vx]`:
/// a text holding `加` but no contact word cannot match.
pub(crate) fn required_sets(hir: &Hir) -> Vec<Vec<Vec<u8>>> {
    let literals = analyze(hir);
    let (first, mut rest) = strongest_first(
        literals
            .required
            .into_iter()
            .chain(literals.exact)
            .chain(literals.also)
            .collect(),
    );
    rest.splice(0..0, first);
    rest
}

/// The required sets of `hir` as the prefilter searches for them: [`required_sets`], each
/// reduced by [`fewest_words`].
pub(crate) fn search_words(hir: &Hir) -> Vec<Vec<Vec<u8>>> {
    required_sets(hir)
        .iter()
        .map(|set| fewest_words(set))
        .collect()
}

/// The words of one rule's set that the prefilter needs to tell whether one of them occurs:
/// ASCII-lowercased (the search ignores ASCII case, as the rules do, so `vip`'s eight spellings
/// are one word) and without any word that holds another of the set (`未完待续` occurs only
/// where `未完` does). Of the built-in rules' 1,819 words 990 are left.
pub(crate) fn fewest_words(set: &[Vec<u8>]) -> Vec<Vec<u8>> {
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

/// The expression a rule matches with: its pattern and its literal words as one alternation.
/// `None` when the rule has neither.
pub(crate) fn rule_source(pattern: Option<&str>, words: &[String]) -> Option<String> {
    let mut alternatives = Vec::new();
    if let Some(pattern) = pattern.filter(|p| !p.is_empty()) {
        alternatives.push(format!("(?:{pattern})"));
    }
    let words: Vec<String> = words
        .iter()
        .filter(|w| !w.trim().is_empty())
        .map(|w| regex_syntax::escape(w.trim()))
        .collect();
    if !words.is_empty() {
        alternatives.push(format!("(?:{})", words.join("|")));
    }
    (!alternatives.is_empty()).then(|| alternatives.join("|"))
}
