//! Ad rules as data: the built-in rule file `assets/rules/ads.ron`, optionally extended by a
//! user rule file in the same format.
//!
//! Every rule is a regular expression (Rust `regex` syntax) or a list of literal words, matched
//! case-insensitively against a *folded view* of each line (see [`super::view`]): zero-width
//! characters are dropped, full-width letters and digits read as ASCII, and junk symbols or
//! spaces between two Chinese characters (`微^信`, `添加 客服`) are skipped. Matches are then
//! cut from the original text, so content keeps its own characters.
//!
//! Kinds of rule:
//! - [`RuleKind::Cut`]: the matched text itself is removed (paywall markers, a site name glued
//!   into a sentence); the rest of the sentence stays.
//! - [`RuleKind::Line`]: the whole line is removed when the pattern matches it and the line has
//!   at most `max_chars` characters (site chrome such as `来源：`, breadcrumbs, page numbers).
//! - [`RuleKind::Sentence`]: the sentence holding the match is removed when it has at most
//!   `max_chars` characters, otherwise only the match (disclaimers).
//!   A Line rule with `heads_list: true` also takes the list of links under the line
//!   (`往期推荐` and the article titles after it), when nothing numbered follows.
//! - [`RuleKind::Signal`]: adds `weight` to the score of the sentence it occurs in; a sentence
//!   whose distinct signals reach the threshold is removed (sales talk). Common words that also
//!   occur in real speeches (`服务`, `质量`) are never signals on their own.

use super::detect::LineMemo;
use super::prefilter::Prefilters;
use super::reach::Reach;
use super::required;
use crate::matcher::Matcher;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock, OnceLock};

/// The default rule file, compiled into the program.
pub const BUILTIN_RON: &str = include_str!("../../assets/rules/ads.ron");

/// What a rule does when it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RuleKind {
    Cut,
    Line,
    Sentence,
    Signal,
}

/// One rule as written in a rule file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// A short unique name; a user rule with the same id replaces the built-in one.
    pub id: String,
    pub kind: RuleKind,
    /// A regular expression matched on the folded view of one line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// Literal words; any of them matches (combined with `pattern` if both are given).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    /// Shown to the user next to what was removed, in Chinese.
    pub reason: String,
    /// Signal weight (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<u32>,
    /// Longest line or sentence (non-whitespace characters) a Line or Sentence rule removes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_chars: Option<usize>,
    /// Line rules only: the line heads a list of links (`往期推荐`, `相关文章`). The short
    /// title-like lines after it go too, when nothing numbered comes after them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub heads_list: bool,
}

/// A whole rule file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// Score at which a sentence counts as an ad.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<u32>,
    /// A sentence needs one more point per this many characters (long content sentences may
    /// contain a weak signal or two by chance).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chars_per_extra_point: Option<usize>,
    /// A short line with at least one signal next to a removed ad line is removed too when it
    /// has at most this many characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neighbour_max_chars: Option<usize>,
    /// Ids of rules (built-in or earlier) to switch off.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disable: Vec<String>,
    #[serde(default)]
    pub rules: Vec<RuleSpec>,
}

/// How long the text a rule is first compiled for is: a short one is served best by the
/// quick-to-compile forward-only matcher, a long one by the full regex at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextSize {
    Short,
    /// The lines of a page of [`super::detect::PARALLEL_TEXT_BYTES`] or more: many rules are
    /// asked of a few lines only (repeated lines are remembered), the others of many.
    LinesOfPage,
    Long,
}

/// Bytes of a long page's lines a rule reads with automata compiled ahead of time before its
/// full regex is compiled: reading more than a few lines, it goes on to read much. Of 2, 4
/// and 8 KB, 4 took the fewest instructions over the six 1 MB shapes, each fewer than
/// compiling every rule the page holds words of in full at once.
const PAGE_LINE_BYTES: usize = 4 << 10;

/// A rule, parsed and checked; its regular expression is compiled the first time a text holds
/// one of its required words (see [`super::prefilter`]).
#[derive(Debug, Clone)]
pub struct Rule {
    pub spec: RuleSpec,
    /// The expression the rule matches with.
    source: String,
    /// Sets of strings such that every match contains one string of each set; empty when the
    /// pattern promises none.
    words: Vec<Vec<Vec<u8>>>,
    /// Compiled on first use, shared by every clone of the rule set; `None` if it cannot be
    /// compiled (over the size limit), in which case the rule matches nothing.
    matcher: Arc<OnceLock<Option<Matcher>>>,
    /// How far a match reaches around a required word, worked out on first use (only long
    /// lines are read in windows); `None` inside when too far for windows to pay.
    reach: Arc<OnceLock<Option<Reach>>>,
}

impl Rule {
    pub fn id(&self) -> &str {
        &self.spec.id
    }

    /// The expression the rule matches with (its pattern, or its words as one).
    #[cfg(test)]
    pub(crate) fn source(&self) -> &str {
        &self.source
    }

    pub fn kind(&self) -> RuleKind {
        self.spec.kind
    }

    pub fn reason(&self) -> &str {
        &self.spec.reason
    }

    pub(crate) fn weight(&self) -> u32 {
        self.spec.weight.unwrap_or(1)
    }

    pub(crate) fn max_chars(&self) -> usize {
        self.spec.max_chars.unwrap_or(match self.spec.kind {
            RuleKind::Line => 80,
            RuleKind::Sentence => 100,
            RuleKind::Cut | RuleKind::Signal => usize::MAX,
        })
    }

    /// The compiled expression, compiled now if this is its first use: for a text of `size`.
    pub(crate) fn matcher_for(&self, size: TextSize) -> Option<&Matcher> {
        self.matcher
            .get_or_init(|| match size {
                // A sparse DFA is quickest to have but slower to run than the lazy DFA with
                // its prefilter: for short texts only.
                TextSize::Short => super::prebuilt::lookup(&self.source)
                    .map(|automata| Matcher::from_prebuilt(&self.source, automata))
                    .or_else(|| Matcher::new(&self.source).ok()),
                TextSize::LinesOfPage => super::prebuilt::lookup(&self.source)
                    .map(|automata| {
                        Matcher::from_prebuilt_reading(&self.source, automata, PAGE_LINE_BYTES)
                    })
                    .or_else(|| Matcher::whole(&self.source).ok()),
                TextSize::Long => Matcher::whole(&self.source).ok(),
            })
            .as_ref()
    }

    /// How far a match reaches around a required word (see [`Reach`]), worked out now if this
    /// is its first use.
    pub(crate) fn reach(&self) -> Option<&Reach> {
        self.reach
            .get_or_init(|| {
                required::parse(&self.source)
                    .ok()
                    .and_then(|hir| Reach::of(&hir))
            })
            .as_ref()
    }

    /// True once the expression has been compiled (for tests of what start-up pays for).
    pub fn is_compiled(&self) -> bool {
        self.matcher.get().is_some()
    }
}

/// A rule set: the rules in order, and the prefilter over their required words.
#[derive(Debug, Clone)]
pub struct Rules {
    rules: Vec<Rule>,
    threshold: Option<u32>,
    chars_per_extra_point: Option<usize>,
    neighbour_max_chars: Option<usize>,
    disable: Vec<String>,
    /// Built on first use; rebuilt (lazily) whenever the rules change.
    prefilter: Arc<Prefilters>,
    /// What these rules made of the lines read so far; forgotten whenever the rules change.
    line_memo: Arc<LineMemo>,
}

/// Why a rule file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RulesError {
    /// The file is not valid RON for a rule file.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// A rule's pattern is not a valid regular expression.
    Pattern { id: String, message: String },
    /// A rule has neither a pattern nor words.
    Empty { id: String },
    /// The file could not be read.
    Io { path: String, message: String },
}

impl RulesError {
    /// The message shown to the user.
    pub fn message_zh(&self) -> String {
        match self {
            RulesError::Syntax {
                line,
                column,
                message,
            } => format!("规则文件格式有误（第{line}行第{column}列）：{message}"),
            RulesError::Pattern { id, message } => {
                format!("规则“{id}”的匹配模式无效：{message}")
            }
            RulesError::Empty { id } => format!("规则“{id}”既没有 pattern 也没有 words"),
            RulesError::Io { path, message } => format!("无法读取规则文件 {path}：{message}"),
        }
    }
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RulesError::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "rule file syntax error at line {line}, column {column}: {message}"
            ),
            RulesError::Pattern { id, message } => {
                write!(f, "rule \"{id}\" has an invalid pattern: {message}")
            }
            RulesError::Empty { id } => write!(f, "rule \"{id}\" has neither a pattern nor words"),
            RulesError::Io { path, message } => {
                write!(f, "cannot read rule file {path}: {message}")
            }
        }
    }
}

impl std::error::Error for RulesError {}

impl Rules {
    /// The built-in rules. The built-in file is tested, so this cannot fail in practice; should
    /// it ever, an empty rule set is returned rather than a panic.
    /// Compiled once per process; later calls clone (cheap: compiled regexes are shared).
    pub fn builtin() -> Rules {
        static BUILTIN: LazyLock<Rules> =
            LazyLock::new(|| Rules::from_ron(BUILTIN_RON).unwrap_or_else(|_| Rules::empty()));
        BUILTIN.clone()
    }

    /// No rules at all (only invisible characters are still removed).
    pub fn empty() -> Rules {
        Rules {
            rules: Vec::new(),
            threshold: None,
            chars_per_extra_point: None,
            neighbour_max_chars: None,
            disable: Vec::new(),
            prefilter: Arc::default(),
            line_memo: Arc::default(),
        }
    }

    /// Score at which a sentence counts as an ad (default 3).
    pub fn threshold(&self) -> u32 {
        self.threshold.unwrap_or(3).max(1)
    }

    /// One more point needed per this many characters of a sentence (default 80).
    pub fn chars_per_extra_point(&self) -> usize {
        self.chars_per_extra_point.unwrap_or(80).max(1)
    }

    /// Longest line removed for sitting next to removed ad lines (default 60).
    pub fn neighbour_max_chars(&self) -> usize {
        self.neighbour_max_chars.unwrap_or(60)
    }

    /// Parses and compiles a rule file.
    pub fn from_ron(text: &str) -> Result<Rules, RulesError> {
        let file = parse_rule_file(text)?;
        let mut rules = Rules::empty();
        rules.apply_file(file)?;
        Ok(rules)
    }

    /// Reads a user rule file. `Ok(None)` when the file does not exist. Its rules are few and
    /// the user should hear at once about one that cannot be used, so they are compiled now.
    pub fn load_user(path: &Path) -> Result<Option<Rules>, RulesError> {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let rules = Rules::from_ron(&text)?;
                for rule in &rules.rules {
                    match Matcher::new(&rule.source) {
                        Ok(matcher) => {
                            let _ = rule.matcher.set(Some(matcher));
                        }
                        Err(message) => {
                            return Err(RulesError::Pattern {
                                id: rule.spec.id.clone(),
                                message,
                            });
                        }
                    }
                }
                Ok(Some(rules))
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(RulesError::Io {
                path: path.display().to_string(),
                message: error.to_string(),
            }),
        }
    }

    /// Adds `other`'s rules: a rule whose id is already present replaces it, others are
    /// appended; `other`'s `disable` list removes rules; its settings override ours.
    pub fn extend(&mut self, other: Rules) {
        let Rules {
            rules,
            threshold,
            chars_per_extra_point,
            neighbour_max_chars,
            disable,
            prefilter: _,
            line_memo: _,
        } = other;
        self.rules.retain(|r| !disable.contains(&r.spec.id));
        for rule in rules {
            self.insert(rule);
        }
        self.threshold = threshold.or(self.threshold);
        self.chars_per_extra_point = chars_per_extra_point.or(self.chars_per_extra_point);
        self.neighbour_max_chars = neighbour_max_chars.or(self.neighbour_max_chars);
        for id in disable {
            if !self.disable.contains(&id) {
                self.disable.push(id);
            }
        }
        self.reindex();
    }

    /// The built-in rules extended by the user's file, if it exists.
    pub fn builtin_with_user(path: &Path) -> Result<Rules, RulesError> {
        let mut rules = Rules::builtin();
        if let Some(user) = Rules::load_user(path)? {
            rules.extend(user);
        }
        Ok(rules)
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    fn insert(&mut self, rule: Rule) {
        match self.rules.iter_mut().find(|r| r.spec.id == rule.spec.id) {
            Some(slot) => *slot = rule,
            None => self.rules.push(rule),
        }
    }

    fn apply_file(&mut self, file: RuleFile) -> Result<(), RulesError> {
        let compiled = file
            .rules
            .into_iter()
            .map(compile)
            .collect::<Result<Vec<_>, _>>()?;
        for rule in compiled {
            if !file.disable.contains(&rule.spec.id) {
                self.insert(rule);
            }
        }
        self.threshold = file.threshold;
        self.chars_per_extra_point = file.chars_per_extra_point;
        self.neighbour_max_chars = file.neighbour_max_chars;
        self.disable = file.disable;
        self.reindex();
        Ok(())
    }

    fn reindex(&mut self) {
        self.prefilter = Arc::default();
        self.line_memo = Arc::default();
    }

    /// What these rules made of the lines they have read (see [`LineMemo`]).
    pub(super) fn line_memo(&self) -> &LineMemo {
        &self.line_memo
    }

    /// These rules, reading every line afresh each time (for tests that count the steps of
    /// reading).
    #[cfg(test)]
    pub(crate) fn forgetful(mut self) -> Rules {
        self.line_memo = Arc::new(LineMemo::forgetful());
        self
    }

    /// For each rule (by position), whether its required words occur in `text`: one pass.
    pub(crate) fn candidates(&self, text: &str) -> Vec<bool> {
        self.prefilter().candidates(text)
    }

    /// For each rule (by position), the places in `text` one of its matches must reach over
    /// (see [`super::prefilter::Prefilter::places`]); `None` where it cannot match.
    pub(crate) fn places(&self, text: &str) -> Vec<Option<super::prefilter::Places>> {
        self.prefilter().places(text)
    }

    fn prefilter(&self) -> &super::prefilter::Prefilter {
        self.prefilter
            .get(|| self.rules.iter().map(|r| r.words.clone()).collect())
    }

    /// Positions (in [`Rules::rules`]) of the Line rules that match `trimmed`, in order, among
    /// those that may remove a line of `nonws` non-whitespace characters. A rule the line is too
    /// long for is never compiled for it: most lines of a speech are long paragraphs, and a few
    /// Line rules have no required words, so they would otherwise be compiled on every line.
    /// Lazy, so a caller that needs the first match compiles no rule after it.
    /// `candidates` are [`Rules::candidates`] of `trimmed` or of a text holding it.
    pub(crate) fn line_rules_matching<'a>(
        &'a self,
        trimmed: &'a str,
        nonws: usize,
        candidates: &'a [bool],
        size: TextSize,
    ) -> impl Iterator<Item = usize> + 'a {
        (0..self.rules.len()).filter(move |&i| {
            let rule = &self.rules[i];
            candidates[i]
                && rule.spec.kind == RuleKind::Line
                && nonws <= rule.max_chars()
                && rule.matcher_for(size).is_some_and(|m| m.is_match(trimmed))
        })
    }

    /// Compiles the rules whose required words occur in `text`, the last first, until `stop`
    /// is set: run beside a reading of `text`, which compiles the first first, so that the
    /// reading finds the rules it comes to ready.
    pub(crate) fn compile_for(&self, text: &str, stop: &AtomicBool) {
        let candidates = self.candidates(text);
        for (rule, _) in self
            .rules
            .iter()
            .zip(candidates)
            .rev()
            .filter(|(rule, candidate)| *candidate && !rule.is_compiled())
        {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            rule.matcher_for(TextSize::Short);
        }
    }

    /// `candidates` ([`Rules::candidates`] of a line) with the Line rules false: the other
    /// rules that may match the line. Only these need running.
    pub(crate) fn rules_matching(&self, candidates: Vec<bool>) -> Vec<bool> {
        let mut hits = candidates;
        for (hit, rule) in hits.iter_mut().zip(&self.rules) {
            *hit &= rule.spec.kind != RuleKind::Line;
        }
        hits
    }
}

impl Default for Rules {
    fn default() -> Self {
        Rules::builtin()
    }
}

fn parse_rule_file(text: &str) -> Result<RuleFile, RulesError> {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    options
        .from_str::<RuleFile>(text)
        .map_err(|e| RulesError::Syntax {
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })
}

/// Sources and required words of the built-in rules, sorted by source, worked out by
/// `build.rs` with [`required`]: parsing every built-in pattern again at each start-up cost
/// a few milliseconds of every command.
mod precomputed {
    include!(concat!(env!("OUT_DIR"), "/builtin_words.rs"));
}

/// The required words of `source`: from the table when it is a built-in rule's source (the
/// pattern parsed at compile time), otherwise from parsing it now.
fn words_of(source: &str) -> Result<Vec<Vec<Vec<u8>>>, String> {
    let table = precomputed::BUILTIN_WORDS;
    if let Ok(at) = table.binary_search_by(|(known, _)| (*known).cmp(source)) {
        let sets = table[at].1;
        return Ok(sets
            .iter()
            .map(|set| set.iter().map(|w| w.to_vec()).collect())
            .collect());
    }
    required::parse(source).map(|hir| required::search_words(&hir))
}

fn compile(spec: RuleSpec) -> Result<Rule, RulesError> {
    let Some(source) = required::rule_source(spec.pattern.as_deref(), &spec.words) else {
        return Err(RulesError::Empty { id: spec.id });
    };
    let words = words_of(&source).map_err(|message| RulesError::Pattern {
        id: spec.id.clone(),
        message,
    })?;
    Ok(Rule {
        spec,
        words,
        source,
        matcher: Arc::default(),
        reach: Arc::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_compile() {
        let file = parse_rule_file(BUILTIN_RON).unwrap();
        let count = file.rules.len();
        let rules = Rules::from_ron(BUILTIN_RON).unwrap();
        assert_eq!(rules.len(), count);
        let mut ids = std::collections::HashSet::new();
        for rule in rules.rules() {
            assert!(
                ids.insert(rule.id().to_owned()),
                "duplicate id {}",
                rule.id()
            );
            assert!(!rule.reason().is_empty());
        }
    }

    #[test]
    fn the_words_worked_out_at_build_time_are_those_of_the_rules() {
        let table = precomputed::BUILTIN_WORDS;
        let rules = Rules::from_ron(BUILTIN_RON).unwrap();
        assert_eq!(table.len(), rules.len());
        for rule in rules.rules() {
            let hir = required::parse(&rule.source).unwrap();
            assert_eq!(rule.words, required::search_words(&hir), "{}", rule.id());
            assert!(table.iter().any(|(source, _)| *source == rule.source));
        }
    }

    /// Every built-in rule's matcher finds, line by line on real pages, exactly the spans
    /// `regex` finds: in its forward-only phase, after it has outgrown it, when compiled
    /// whole for a long text, and from the automata compiled ahead of time, before and after
    /// they hand over.
    #[test]
    fn matchers_find_what_regex_finds_on_real_pages() {
        let mut pages = super::super::real_pages_and_seed();
        pages.push(include_str!("../../tests/fixtures/obfuscated_ads.txt").to_owned());
        let lines: Vec<String> = pages
            .iter()
            .flat_map(|page| page.lines())
            .map(|line| super::super::view::View::new(line, 0).text)
            .collect();
        let (mut matched, mut prebuilt) = (0, 0);
        for rule in Rules::builtin().rules() {
            let regex = regex::RegexBuilder::new(&rule.source)
                .case_insensitive(true)
                .build()
                .unwrap();
            let mut matchers = vec![
                Matcher::new(&rule.source).unwrap(),
                Matcher::whole(&rule.source).unwrap(),
            ];
            if let Some(automata) = super::super::prebuilt::lookup(&rule.source) {
                matchers.push(Matcher::from_prebuilt(&rule.source, automata.clone()));
                // Handing over to the full regex after a few lines, as for a long page's.
                matchers.push(Matcher::from_prebuilt_reading(&rule.source, automata, 256));
                prebuilt += 1;
            }
            for line in &lines {
                let expected: Vec<_> = regex.find_iter(line).map(|m| m.range()).collect();
                matched += expected.len();
                for matcher in &matchers {
                    let found: Vec<_> = matcher.find_iter(line).collect();
                    assert_eq!(found, expected, "{} on {line}", rule.id());
                    assert_eq!(
                        matcher.is_match(line),
                        !expected.is_empty(),
                        "{}",
                        rule.id()
                    );
                }
            }
        }
        assert!(matched > 200, "only {matched} matches seen");
        assert!(
            prebuilt >= 40,
            "only {prebuilt} rules compiled ahead of time"
        );
    }

    #[test]
    fn the_prefilter_never_hides_a_match() {
        let rules = Rules::builtin();
        let material = [
            include_str!("../../tests/fixtures/seed_material.txt"),
            include_str!("../../tests/fixtures/wenku_page.txt"),
            include_str!("../../tests/fixtures/wechat_article.txt"),
            include_str!("../../tests/fixtures/obfuscated_ads.txt"),
            include_str!("../../tests/fixtures/doc_site_page.txt"),
            "加微信：abc123，获取全套材料\n- 12 -\n📌 一、存在的问题\nVIP会员 PAID END",
        ];
        let regexes: Vec<regex::Regex> = rules
            .rules()
            .iter()
            .map(|r| {
                regex::RegexBuilder::new(&r.source)
                    .case_insensitive(true)
                    .build()
                    .unwrap()
            })
            .collect();
        let mut checked = 0;
        for line in material.iter().flat_map(|m| m.lines()) {
            let view = super::super::view::View::new(line, 0);
            let line = view.text.as_str();
            let candidates = rules.candidates(line);
            let hits = rules.rules_matching(candidates.clone());
            let line_hits: Vec<usize> = rules
                .line_rules_matching(line.trim(), 0, &candidates, TextSize::Short)
                .collect();
            for (k, (rule, regex)) in rules.rules().iter().zip(&regexes).enumerate() {
                if rule.kind() == RuleKind::Line {
                    let matched = regex.is_match(line.trim());
                    assert_eq!(line_hits.contains(&k), matched, "{} on {line}", rule.id());
                } else if regex.is_match(line) {
                    assert!(hits[k], "{} matches {line} but was filtered out", rule.id());
                    checked += 1;
                }
            }
        }
        assert!(checked > 50, "only {checked} matches seen");
        // Most built-in rules have words to look for; those without are run on every line.
        let without = rules.rules().iter().filter(|r| r.words.is_empty()).count();
        assert!(without * 4 < rules.len(), "{without} rules without words");
        let mut extended = Rules::builtin();
        extended.extend(
            Rules::from_ron(
                r#"(rules: [(id: "x", kind: Line, words: ["本期编辑"], reason: "r")])"#,
            )
            .unwrap(),
        );
        let candidates = extended.candidates("本期编辑");
        let matching: Vec<usize> = extended
            .line_rules_matching("本期编辑", 4, &candidates, TextSize::Short)
            .collect();
        assert_eq!(extended.rules()[matching[0]].id(), "x");
    }

    #[test]
    fn a_clean_line_compiles_no_rule_with_words() {
        let rules = Rules::from_ron(BUILTIN_RON).unwrap();
        let line = "一是学习不够深入，在工作中经常满足于完成规定动作。";
        crate::clean::find_ads(line, &rules);
        let mut idle = 0;
        for rule in rules.rules() {
            if rule.words.is_empty() {
                continue;
            }
            let holds = |set: &Vec<Vec<u8>>| {
                set.iter()
                    .any(|w| line.as_bytes().windows(w.len()).any(|x| x == w))
            };
            if !rule.words.iter().all(holds) {
                assert!(!rule.is_compiled(), "{} was compiled", rule.id());
                idle += 1;
            }
        }
        assert!(idle * 2 > rules.len(), "only {idle} rules left alone");
        crate::clean::find_ads("请加微信：abc123", &rules);
        let contact = rules.rules().iter().find(|r| r.id() == "glued-contact");
        assert!(contact.is_some_and(Rule::is_compiled));
    }

    #[test]
    fn rules_are_compiled_ahead_only_for_what_the_page_holds_and_until_told_to_stop() {
        let page = "一是学习不够深入。\n请加微信：abc123，领取全套材料。";
        let stopped = Rules::from_ron(BUILTIN_RON).unwrap();
        stopped.compile_for(page, &AtomicBool::new(true));
        assert!(stopped.rules().iter().all(|rule| !rule.is_compiled()));

        let rules = Rules::from_ron(BUILTIN_RON).unwrap();
        rules.compile_for(page, &AtomicBool::new(false));
        let candidates = rules.candidates(page);
        for (rule, candidate) in rules.rules().iter().zip(&candidates) {
            assert_eq!(rule.is_compiled(), *candidate, "{}", rule.id());
        }
        assert!(candidates.iter().any(|c| *c) && candidates.iter().any(|c| !*c));
        let read_ahead = crate::clean::find_ads_in_page(page, &rules);
        assert_eq!(read_ahead, crate::clean::find_ads(page, &Rules::builtin()));
        assert!(!read_ahead.is_empty());
    }

    #[test]
    fn user_rules_extend_replace_and_disable() {
        let mut rules = Rules::builtin();
        let before = rules.len();
        let user = r#"
            (
                threshold: 4,
                rules: [
                    (id: "my-brand", kind: Cut, words: ["（某某网）"], reason: "网站信息"),
                ],
            )
        "#;
        rules.extend(Rules::from_ron(user).unwrap());
        assert_eq!(rules.len(), before + 1);
        assert_eq!(rules.threshold(), 4);
        let disabled = format!("(disable: [\"{}\"], rules: [])", rules.rules()[0].id());
        let mut again = Rules::builtin();
        let threshold = again.threshold();
        again.extend(Rules::from_ron(&disabled).unwrap());
        assert_eq!(again.len(), before - 1);
        assert_eq!(again.threshold(), threshold);
    }

    #[test]
    fn bad_files_are_refused_with_position() {
        let err = Rules::from_ron("(rules: [(id: \"x\", kind: Cut)]").unwrap_err();
        assert!(matches!(err, RulesError::Syntax { .. }), "{err:?}");
        assert!(err.message_zh().contains("规则文件"));
        let err =
            Rules::from_ron("(rules: [(id: \"x\", kind: Cut, pattern: \"(\", reason: \"r\")])")
                .unwrap_err();
        assert!(matches!(err, RulesError::Pattern { .. }));
        let err = Rules::from_ron("(rules: [(id: \"x\", kind: Cut, reason: \"r\")])").unwrap_err();
        assert_eq!(err, RulesError::Empty { id: "x".into() });
        // Valid syntax, but far over the size limit: a user file says so when it is read.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rules.ron");
        std::fs::write(
            &path,
            r#"(rules: [(id: "huge", kind: Cut, pattern: r"\w{1000}\w{1000}", reason: "r")])"#,
        )
        .unwrap();
        let err = Rules::load_user(&path).unwrap_err();
        assert!(
            matches!(err, RulesError::Pattern { ref id, .. } if id == "huge"),
            "{err:?}"
        );
    }

    #[test]
    fn missing_user_file_is_none() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            Rules::load_user(&dir.path().join("none.ron"))
                .unwrap()
                .is_none()
        );
    }
}
