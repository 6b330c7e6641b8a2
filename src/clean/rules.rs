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
//! - [`RuleKind::Signal`]: adds `weight` to the score of the sentence it occurs in; a sentence
//!   whose distinct signals reach the threshold is removed (sales talk). Common words that also
//!   occur in real speeches (`服务`, `质量`) are never signals on their own.

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::Path;
use std::sync::LazyLock;

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

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub spec: RuleSpec,
    pub(crate) regex: Regex,
}

impl Rule {
    pub fn id(&self) -> &str {
        &self.spec.id
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
}

/// A compiled rule set.
#[derive(Debug, Clone)]
pub struct Rules {
    rules: Vec<Rule>,
    threshold: Option<u32>,
    chars_per_extra_point: Option<usize>,
    neighbour_max_chars: Option<usize>,
    disable: Vec<String>,
    /// Kept in step with `rules` by every change to them.
    prefilter: Option<Prefilter>,
}

/// The rules other than Line rules as one set: a single pass over a line tells which of them
/// can match it at all, so only those run their own search. Word boundaries (`\b`, `\B`) are
/// left out of the set's copies: the lazy DFA cannot check Unicode ones on Chinese text, and
/// without them a pattern matches at least wherever it matched before, so no rule is skipped
/// that would have matched.
#[derive(Debug, Clone)]
struct Prefilter {
    set: RegexSet,
    /// The rule index of each pattern of the set.
    members: Vec<usize>,
}

impl Prefilter {
    fn build(rules: &[Rule]) -> Option<Prefilter> {
        let members: Vec<usize> = rules
            .iter()
            .enumerate()
            .filter(|(_, rule)| rule.kind() != RuleKind::Line)
            .map(|(index, _)| index)
            .collect();
        if members.is_empty() {
            return None;
        }
        let patterns = members
            .iter()
            .map(|&i| without_word_boundaries(rules[i].regex.as_str()));
        // A set too large to build only costs speed: every rule then searches on its own.
        let set = RegexSetBuilder::new(patterns)
            .case_insensitive(true)
            .size_limit(32 << 20)
            .dfa_size_limit(32 << 20)
            .build()
            .ok()?;
        Some(Prefilter { set, members })
    }
}

/// `pattern` with its `\b` and `\B` assertions dropped (an escaped backslash stays).
fn without_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b' | 'B') => {}
            Some(next) => {
                out.push(c);
                out.push(next);
            }
            None => out.push(c),
        }
    }
    out
}

/// Which rules may match one line (see [`Rules::candidates`]).
pub(crate) struct Candidates(Vec<bool>);

impl Candidates {
    pub(crate) fn may_match(&self, index: usize) -> bool {
        self.0.get(index).copied().unwrap_or(true)
    }
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
            prefilter: None,
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

    /// Reads a user rule file. `Ok(None)` when the file does not exist.
    pub fn load_user(path: &Path) -> Result<Option<Rules>, RulesError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Rules::from_ron(&text).map(Some),
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
        self.rules_changed();
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

    pub(crate) fn of_kind(&self, kind: RuleKind) -> impl Iterator<Item = &Rule> {
        self.rules.iter().filter(move |r| r.spec.kind == kind)
    }

    /// Rules of `kind` with their indices.
    pub(crate) fn indexed_of_kind(&self, kind: RuleKind) -> impl Iterator<Item = (usize, &Rule)> {
        self.rules
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.spec.kind == kind)
    }

    /// Which rules other than Line rules can match `text`: one pass of the prefilter set;
    /// rules outside it are always candidates.
    pub(crate) fn candidates(&self, text: &str) -> Candidates {
        let mut may = vec![true; self.rules.len()];
        if let Some(prefilter) = &self.prefilter {
            let matched = prefilter.set.matches(text);
            for (pattern, &rule) in prefilter.members.iter().enumerate() {
                may[rule] = matched.matched(pattern);
            }
        }
        Candidates(may)
    }

    fn insert(&mut self, rule: Rule) {
        match self.rules.iter_mut().find(|r| r.spec.id == rule.spec.id) {
            Some(slot) => *slot = rule,
            None => self.rules.push(rule),
        }
    }

    fn rules_changed(&mut self) {
        self.prefilter = Prefilter::build(&self.rules);
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
        self.rules_changed();
        Ok(())
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

fn compile(spec: RuleSpec) -> Result<Rule, RulesError> {
    let mut alternatives = Vec::new();
    if let Some(pattern) = spec.pattern.as_deref().filter(|p| !p.is_empty()) {
        alternatives.push(format!("(?:{pattern})"));
    }
    let words: Vec<String> = spec
        .words
        .iter()
        .filter(|w| !w.trim().is_empty())
        .map(|w| regex::escape(w.trim()))
        .collect();
    if !words.is_empty() {
        alternatives.push(format!("(?:{})", words.join("|")));
    }
    if alternatives.is_empty() {
        return Err(RulesError::Empty { id: spec.id });
    }
    let regex = RegexBuilder::new(&alternatives.join("|"))
        .case_insensitive(true)
        .size_limit(4 << 20)
        .build()
        .map_err(|e| RulesError::Pattern {
            id: spec.id.clone(),
            message: e.to_string(),
        })?;
    Ok(Rule { spec, regex })
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
    }

    #[test]
    fn word_boundaries_are_dropped_but_escaped_backslashes_kept() {
        assert_eq!(without_word_boundaries(r"\ba\.com\b"), r"a\.com");
        assert_eq!(without_word_boundaries(r"x\\b\Bz"), r"x\\bz");
        assert_eq!(without_word_boundaries(r"\d+\s"), r"\d+\s");
    }

    #[test]
    fn the_prefilter_never_hides_a_rule_that_matches() {
        let rules = Rules::builtin();
        assert!(
            rules.prefilter.is_some(),
            "the built-in rules build one set"
        );
        let samples = [
            "添加客服微信：dada123，获取更多精品素材！",
            "访问 www.example.com 了解更多",
            "详见example.com/abc。",
            "本文仅供参考学习，如有侵权请联系删除。",
            "此处隐藏2156字，下载后查看",
            "公文写作神器 立即了解",
            "一是学习的系统性不够。平时学习多是碎片化阅读。",
        ];
        for text in samples {
            let candidates = rules.candidates(text);
            for (index, rule) in rules.rules().iter().enumerate() {
                if rule.kind() != RuleKind::Line && rule.regex.is_match(text) {
                    assert!(candidates.may_match(index), "{} on {text}", rule.id());
                }
            }
        }
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
