//! A regular expression that is cheap to compile and finds the same matches as `regex`.
//!
//! `regex::Regex` compiles two automata up front: a forward one, and a reverse one that finds
//! where a match starts. Compiling them is most of the cost of running a rule the first time,
//! and most rules a text is checked with never match it. A [`Matcher`] compiles only the
//! forward automaton. A lazy DFA over it answers whether, and where, a match ends; only when
//! there is one does the same automaton, run as a Pike VM over the few bytes before that end,
//! find where it starts.
//!
//! That pays off for short texts and rare matches only: the VM is slow, and the lazy DFA has
//! no literal prefilter to skip through long text. So once a matcher has matched often, read
//! much text, or met a match too long for the VM, it compiles the full regex and uses it from
//! then on. The full regex is `regex_automata::meta::Regex`, the engine `regex::Regex` wraps,
//! built as `regex` builds it: unlike `regex::Regex` it can search part of a haystack
//! ([`Matcher::find_iter_within`]) with anchors still seeing the rest.
//!
//! The spans are those of `regex::Regex::find_iter`: leftmost-first, non-overlapping. A
//! pattern the lazy DFA cannot run (a Unicode word boundary) or that can match the empty
//! string is handed to the full regex whole, which keeps those rules exact without the
//! bookkeeping of empty matches here.

use regex_automata::hybrid::dfa::{Cache as DfaCache, DFA};
use regex_automata::meta;
use regex_automata::nfa::thompson::pikevm::{Cache as VmCache, PikeVM};
use regex_automata::nfa::thompson::{self, NFA};
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Input, MatchKind};
use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Longest stretch before a match's end that the Pike VM reads to find its start; beyond it
/// the reverse automaton of a full `regex::Regex` is cheaper than the VM's slow scan.
const VM_WINDOW: usize = 2048;

/// Matches found with the Pike VM before the full regex is compiled for the rest.
const VM_MATCHES: usize = 16;

/// Bytes of haystack read by the forward-only search before the full regex takes over.
const FORWARD_BYTES: usize = 64 << 10;

/// Most bytes of compiled program a pattern may take, as `regex::RegexBuilder::size_limit`.
const SIZE_LIMIT: usize = 4 << 20;

type CachePool = Pool<Caches, Box<dyn Fn() -> Caches + Send + Sync>>;

/// A pattern's forward and reverse DFAs compiled ahead of time and read in place.
pub type Prebuilt =
    regex_automata::dfa::regex::Regex<regex_automata::dfa::sparse::DFA<&'static [u8]>>;

struct Caches {
    dfa: DfaCache,
    vm: VmCache,
}

/// A compiled pattern, matched case-insensitively like the rules it serves.
pub struct Matcher {
    source: String,
    engine: Engine,
    /// The full regex, once the cheaper engine has handed over to it.
    whole: OnceLock<Option<meta::Regex>>,
    /// Bytes of haystack the cheaper engine has been given so far.
    read: AtomicUsize,
    /// Bytes of haystack after which the full regex takes over.
    hand_over_at: usize,
}

enum Engine {
    /// The forward automaton only, with the full regex built once it pays off.
    Forward(Box<Forward>),
    /// What the forward-only search does not cover, compiled the usual way.
    Whole(meta::Regex),
    /// Compiled ahead of time: nothing to compile, and no cache to keep. Sparse automata are
    /// slower to run than the lazy DFA with its prefilter, so past [`FORWARD_BYTES`] of
    /// haystack the full regex takes over here too.
    Prebuilt(Box<Prebuilt>),
}

struct Forward {
    dfa: DFA,
    vm: PikeVM,
    caches: CachePool,
    /// Matches the VM has found so far.
    vm_matches: AtomicUsize,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("source", &self.source)
            .finish_non_exhaustive()
    }
}

/// `source` compiled as `regex::RegexBuilder` with `case_insensitive` and `size_limit` would,
/// but as the engine under `regex::Regex`, which can search part of a haystack while its
/// look-around still sees the rest.
fn whole_regex(source: &str) -> Result<meta::Regex, String> {
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(SIZE_LIMIT))
                .hybrid_cache_capacity(2 << 20)
                .match_kind(MatchKind::LeftmostFirst)
                .utf8_empty(true),
        )
        .syntax(syntax::Config::new().case_insensitive(true).utf8(true))
        .build(source)
        .map_err(|_| regex_error(source))
}

/// What `regex` says of a pattern that does not compile: the message users know.
fn regex_error(source: &str) -> String {
    match regex::RegexBuilder::new(source)
        .case_insensitive(true)
        .size_limit(SIZE_LIMIT)
        .build()
    {
        Err(error) => error.to_string(),
        Ok(_) => format!("cannot compile {source}"),
    }
}

impl Matcher {
    /// Compiles `source` (case-insensitive); an error says why it cannot be used.
    pub fn new(source: &str) -> Result<Matcher, String> {
        let engine = match forward(source) {
            Some(engine) => engine,
            None => Engine::Whole(whole_regex(source)?),
        };
        Ok(Matcher::with(source, engine))
    }

    fn with(source: &str, engine: Engine) -> Matcher {
        Matcher {
            source: source.to_owned(),
            engine,
            whole: OnceLock::new(),
            read: AtomicUsize::new(0),
            hand_over_at: FORWARD_BYTES,
        }
    }

    /// Compiles `source` the usual way at once, for a long text that would soon outgrow the
    /// forward-only search.
    pub fn whole(source: &str) -> Result<Matcher, String> {
        Ok(Matcher::with(source, Engine::Whole(whole_regex(source)?)))
    }

    /// `source`'s automata compiled ahead of time. They must be `source`'s, built
    /// case-insensitively, and `source` must not match the empty string (the caller's promise,
    /// kept by the test that compares every prebuilt rule with `regex` on real pages).
    pub fn from_prebuilt(source: &str, automata: Prebuilt) -> Matcher {
        Matcher::with(source, Engine::Prebuilt(Box::new(automata)))
    }

    /// [`Matcher::from_prebuilt`] handing over to the full regex after `bytes` of haystack:
    /// for the lines of a long page, where a rule that reads more than a little of it reads
    /// much, and the full regex pays for itself.
    pub fn from_prebuilt_reading(source: &str, automata: Prebuilt, bytes: usize) -> Matcher {
        Matcher {
            hand_over_at: bytes,
            ..Matcher::from_prebuilt(source, automata)
        }
    }

    /// Whether the pattern matches anywhere in `haystack`.
    pub fn is_match(&self, haystack: &str) -> bool {
        match &self.engine {
            Engine::Whole(regex) => regex.is_match(haystack),
            _ if self.hand_over(haystack.len()) => {
                self.full().is_some_and(|regex| regex.is_match(haystack))
            }
            Engine::Prebuilt(automata) => automata.is_match(haystack.as_bytes()),
            Engine::Forward(forward) => {
                let Forward {
                    dfa, vm, caches, ..
                } = &**forward;
                let mut guard = caches.get();
                let input = Input::new(haystack).earliest(true);
                match dfa.try_search_fwd(&mut guard.dfa, &input) {
                    Ok(found) => found.is_some(),
                    Err(_) => vm.is_match(&mut guard.vm, input),
                }
            }
        }
    }

    /// The byte ranges of the successive non-overlapping matches in `haystack`.
    pub fn find_iter<'a>(&'a self, haystack: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        self.find_iter_within(haystack, 0..haystack.len())
    }

    /// The byte ranges of the successive non-overlapping matches in the part `span` of
    /// `haystack`: those `find_iter` finds in a text where `span` is all that can match, with
    /// anchors and word boundaries still looking at the text around it.
    pub fn find_iter_within<'a>(
        &'a self,
        haystack: &'a str,
        span: Range<usize>,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        let (mut at, limit) = (span.start, span.end);
        let input = Input::new(haystack).span(span);
        let mut whole = match &self.engine {
            Engine::Whole(regex) => Some(regex.find_iter(input.clone())),
            Engine::Forward(_) | Engine::Prebuilt(_) => None,
        };
        let mut prebuilt = match &self.engine {
            Engine::Prebuilt(_) if self.hand_over(limit - at) => {
                whole = self.full().map(|regex| regex.find_iter(input.clone()));
                None
            }
            Engine::Prebuilt(automata) => Some(automata.find_iter(input.clone())),
            Engine::Forward(_) | Engine::Whole(_) => None,
        };
        std::iter::from_fn(move || {
            if let Some(matches) = whole.as_mut() {
                return matches.next().map(|m| m.range());
            }
            if let Some(matches) = prebuilt.as_mut() {
                return matches.next().map(|m| m.range());
            }
            if at > limit {
                return None;
            }
            let found = self.find_from(haystack, at..limit)?;
            // Non-empty by construction (patterns that match the empty string go whole).
            at = found.end.max(found.start + 1);
            Some(found)
        })
    }

    /// The full regex, compiled now if this is its first use.
    fn full(&self) -> Option<&meta::Regex> {
        match &self.engine {
            Engine::Whole(regex) => Some(regex),
            Engine::Forward(_) | Engine::Prebuilt(_) => self
                .whole
                .get_or_init(|| whole_regex(&self.source).ok())
                .as_ref(),
        }
    }

    /// Counts `len` more bytes of haystack, and tells whether this matcher has now been used
    /// enough (that much text read, or that many matches found by the VM) for its full regex
    /// to pay off.
    fn hand_over(&self, len: usize) -> bool {
        let read = self.read.fetch_add(len, Ordering::Relaxed) + len;
        let matched = match &self.engine {
            Engine::Forward(forward) => forward.vm_matches.load(Ordering::Relaxed) >= VM_MATCHES,
            Engine::Whole(_) | Engine::Prebuilt(_) => false,
        };
        read >= self.hand_over_at || matched
    }

    /// The leftmost-first match within `span` of `haystack`.
    fn find_from(&self, haystack: &str, span: Range<usize>) -> Option<Range<usize>> {
        let Engine::Forward(forward) = &self.engine else {
            return None;
        };
        let Forward {
            dfa,
            vm,
            caches,
            vm_matches,
        } = &**forward;
        let (from, limit) = (span.start, span.end);
        let input = Input::new(haystack).span(span);
        if self.hand_over(limit - from) {
            return self.full()?.find(input).map(|m| m.range());
        }
        let mut guard = caches.get();
        let caches = &mut *guard;
        let end = match dfa.try_search_fwd(&mut caches.dfa, &input) {
            Ok(None) => return None,
            Ok(Some(half)) => half.offset(),
            // The lazy DFA gave up: the VM reads the rest of the span.
            Err(_) => limit,
        };
        if end - from <= VM_WINDOW {
            // Every match within `from..end` is a match of the whole haystack (look-around
            // still sees all of it), and the leftmost-first one ends at `end`: the VM over
            // this window finds exactly it.
            vm_matches.fetch_add(1, Ordering::Relaxed);
            return vm
                .find(&mut caches.vm, Input::new(haystack).span(from..end))
                .map(|m| m.range());
        }
        drop(guard);
        // A match this long is in long text: the full regex serves the rest of it too.
        self.read.fetch_add(self.hand_over_at, Ordering::Relaxed);
        self.full()?.find(input).map(|m| m.range())
    }
}

/// The forward-only engine for `source`, or `None` when it does not apply: a pattern that
/// can match the empty string, or one the lazy DFA cannot run.
fn forward(source: &str) -> Option<Engine> {
    let syntax = syntax::Config::new().case_insensitive(true);
    let hir = syntax::parse_with(source, &syntax).ok()?;
    if hir.properties().minimum_len().is_none_or(|len| len == 0) {
        return None;
    }
    let nfa = NFA::compiler()
        .configure(
            thompson::Config::new()
                .nfa_size_limit(Some(SIZE_LIMIT))
                .which_captures(thompson::WhichCaptures::Implicit),
        )
        .build_from_hir(&hir)
        .ok()?;
    let dfa = DFA::builder()
        .configure(DFA::config().match_kind(MatchKind::LeftmostFirst))
        .build_from_nfa(nfa.clone())
        .ok()?;
    let vm = PikeVM::new_from_nfa(nfa).ok()?;
    let caches: CachePool = {
        let (dfa, vm) = (dfa.clone(), vm.clone());
        Pool::new(Box::new(move || Caches {
            dfa: dfa.create_cache(),
            vm: vm.create_cache(),
        }))
    };
    Some(Engine::Forward(Box::new(Forward {
        dfa,
        vm,
        caches,
        vm_matches: AtomicUsize::new(0),
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(pattern: &str, haystack: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
        let ours: Vec<_> = Matcher::new(pattern).unwrap().find_iter(haystack).collect();
        let theirs: Vec<_> = whole_regex(pattern)
            .unwrap()
            .find_iter(haystack)
            .map(|m| m.range())
            .collect();
        (ours, theirs)
    }

    #[test]
    fn spans_are_those_of_regex() {
        let long = format!("{}加微信：abc123{}", "这".repeat(1000), "的".repeat(10));
        for (pattern, haystack) in [
            ("微信|vx", "加VX：abc，再加微信"),
            (
                r"(加|添加)\s*(微信|v)号?\s*[:：]\s*[a-z0-9]{0,30}",
                "请加 微信号：Ab12 或加v:xyz",
            ),
            (r"^\d{1,3}$", "12"),
            (r"^\d{1,3}$", "1234"),
            (r"a|ab", "abab"),
            (r"ab|a", "abab"),
            (r"(?-u:\b)(v|q)\s*[:：]\s*[a-z]{3,}", "v: abcd q：xyz"),
            (r"[^。]{0,900}微信[:：]\s*[a-z0-9]+", long.as_str()),
            (r"这+", long.as_str()),
            (r"文档$", "下载文档"),
            // Past the VM's first matches, or far into a long text, the full regex takes
            // over mid-haystack.
            (r"加微信", "加微信，".repeat(40).as_str()),
            (
                r"加微信",
                format!("加微信{}加微信", "这".repeat(30000)).as_str(),
            ),
        ] {
            let (ours, theirs) = spans(pattern, haystack);
            assert_eq!(ours, theirs, "{pattern} on {haystack}");
        }
    }

    #[test]
    fn a_search_within_a_span_sees_the_text_around_it() {
        let text = "请下载文档。";
        let span = "请".len().."请下载文档".len();
        for (pattern, expected) in [
            // The text goes on after the span and began before it.
            ("文档$", Vec::<(usize, usize)>::new()),
            ("^下载", Vec::new()),
            // What lies wholly inside is found, at its place in the whole text.
            ("下载", vec![(3, 9)]),
            ("请下载", Vec::new()),
            ("文档。", Vec::new()),
        ] {
            for matcher in [Matcher::new(pattern), Matcher::whole(pattern)] {
                let found: Vec<_> = matcher
                    .unwrap()
                    .find_iter_within(text, span.clone())
                    .map(|m| (m.start, m.end))
                    .collect();
                assert_eq!(found, expected, "{pattern}");
            }
        }
    }

    #[test]
    fn patterns_outside_the_forward_search_still_match_as_regex_does() {
        for (pattern, haystack) in [(r"x*", "axxb"), (r"\bword\b", "a word here")] {
            let (ours, theirs) = spans(pattern, haystack);
            assert_eq!(ours, theirs, "{pattern}");
            assert!(matches!(
                Matcher::new(pattern).unwrap().engine,
                Engine::Whole(_)
            ));
        }
        assert!(Matcher::new(r"(unclosed").is_err());
    }

    #[test]
    fn is_match_agrees_with_regex() {
        for (pattern, haystack) in [("微信", "加微信"), ("微信", "加强"), (r"^\d+$", "12a")]
        {
            assert_eq!(
                Matcher::new(pattern).unwrap().is_match(haystack),
                whole_regex(pattern).unwrap().is_match(haystack)
            );
        }
    }
}
