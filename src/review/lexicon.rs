//! The reviewer's data: official formulations and common wrong words, read from
//! `assets/review/wording.ron` (embedded; its header documents the format) and extended by
//! the user's `review.ron` in the config folder, in the same format: entries are added, an
//! entry with a built-in id replaces it, and `disable: ["id" | "rule"]` switches built-in
//! entries or whole rules (`particle`, `stray_space`, …) off.

use serde::Deserialize;
use std::fmt;
use std::path::Path;
use std::sync::LazyLock;

pub const BUILTIN_RON: &str = include_str!("../../assets/review/wording.ron");

/// The name of the user's word list in the config folder.
pub const USER_FILE: &str = "review.ron";

/// An official formulation, as the words it is written in.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Formulation {
    /// Names the entry for `disable`; the full text when not given.
    #[serde(default)]
    pub id: String,
    /// The formulation cut into words (`["习近平", "新时代", …, "思想"]`). A word dropped or
    /// two neighbours swapped is a near miss, except for the first word and the `optional`
    /// ones.
    pub words: Vec<String>,
    /// Words that may be left out without changing the meaning (`精神` of `中央八项规定精神`).
    #[serde(default)]
    pub optional: Vec<String>,
    /// Stands in quotation marks: `“两个确立”`.
    #[serde(default)]
    pub quoted: bool,
    /// Its number is part of the name: any other number (`三个自信`) is wrong.
    #[serde(default)]
    pub numbered: bool,
    /// Wrong forms seen in practice, each corrected to the formulation.
    #[serde(default)]
    pub misses: Vec<String>,
    /// Where the formulation was checked, for people maintaining the list.
    #[serde(default)]
    pub source: String,
}

impl Formulation {
    pub fn text(&self) -> String {
        self.words.concat()
    }
}

/// A common wrong word and its correction.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct WrongWord {
    pub wrong: String,
    pub right: String,
    /// Not flagged right after one of these characters (`陈述求助` is not `述求`).
    #[serde(default)]
    pub not_after: String,
    /// Not flagged right before one of these characters.
    #[serde(default)]
    pub not_before: String,
    /// When given (with `before` or alone), flagged only right after one of these words:
    /// a wrong word that is right elsewhere.
    #[serde(default)]
    pub after: Vec<String>,
    /// When given, flagged only right before one of these words (`必需` before `完成`, never
    /// in `必需品`); with `after`, either will do.
    #[serde(default)]
    pub before: Vec<String>,
    /// The wrong form is a variant the dictionaries still list, though they recommend the
    /// right one (`固步自封` beside `故步自封`): the message advises rather than corrects.
    #[serde(default)]
    pub variant: bool,
    /// Why the wrong form is wrong, said after the correction where the two look alike on
    /// screen (`査` beside `查`).
    #[serde(default)]
    pub why: String,
}

/// A word a synonym-spinning ("伪原创") tool put in place of the right one (`题目` for `问题`,
/// `此刻` for `现在`), with the words around it that make the substitution certain: sound
/// Chinese never has `存在的题目` or `表此刻`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Spun {
    /// Names the entry for `disable` (`spun/题目`); `spun` when not given.
    #[serde(default)]
    pub id: String,
    /// The word as the tool wrote it.
    pub spun: String,
    /// What it replaces `spun` with.
    pub right: String,
    /// Flagged right after one of these words…
    #[serde(default)]
    pub after: Vec<String>,
    /// …or right before one of these. With neither, flagged everywhere.
    #[serde(default)]
    pub before: Vec<String>,
    /// Never flagged right after one of these words (`代表此刻`)…
    #[serde(default)]
    pub not_after: Vec<String>,
    /// …or right before one of these.
    #[serde(default)]
    pub not_before: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
struct LexiconFile {
    #[serde(default)]
    formulations: Vec<Formulation>,
    #[serde(default)]
    wrong_words: Vec<WrongWord>,
    #[serde(default)]
    spun: Vec<Spun>,
    #[serde(default)]
    modifiers: Vec<String>,
    #[serde(default)]
    place_nouns: Vec<String>,
    #[serde(default)]
    disable: Vec<String>,
}

/// Formulations and wrong words, with what the user switched off.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub formulations: Vec<Formulation>,
    pub wrong_words: Vec<WrongWord>,
    /// Words a synonym-spinning tool put in, in the context that gives them away.
    pub spun: Vec<Spun>,
    /// Two-character modifiers this genre puts side by side before a noun (`明确`, `严格`):
    /// `明确严的标准` has lost the second character of `严格`.
    pub modifiers: Vec<String>,
    /// Nouns that open a `在……上/中` phrase and never follow the adverb `再` (`政策`, `工作`):
    /// `再政策宣传上` stands for `在政策宣传上`.
    pub place_nouns: Vec<String>,
    disable: Vec<String>,
}

/// Why a review file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LexiconError {
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// A formulation without words, or a wrong or spun word equal to its correction.
    Entry {
        id: String,
    },
    Io {
        path: String,
        message: String,
    },
}

impl LexiconError {
    /// The message shown to the user.
    pub fn message_zh(&self) -> String {
        match self {
            LexiconError::Syntax {
                line,
                column,
                message,
            } => format!("检查词表格式有误（第{line}行第{column}列）：{message}"),
            LexiconError::Entry { id } => format!("检查词表的条目“{id}”不完整或前后相同"),
            LexiconError::Io { path, message } => {
                format!("无法读取检查词表 {path}：{message}")
            }
        }
    }
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LexiconError::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "review word list syntax error at line {line}, column {column}: {message}"
            ),
            LexiconError::Entry { id } => {
                write!(
                    f,
                    "review word list entry \"{id}\" is empty or changes nothing"
                )
            }
            LexiconError::Io { path, message } => {
                write!(f, "cannot read review word list {path}: {message}")
            }
        }
    }
}

impl std::error::Error for LexiconError {}

impl Lexicon {
    /// The built-in list (tested, so it parses; should it ever fail, the list is empty rather
    /// than a panic). Parsed once per process.
    pub fn builtin() -> Lexicon {
        static BUILTIN: LazyLock<Lexicon> =
            LazyLock::new(|| Lexicon::from_ron(BUILTIN_RON).unwrap_or_default());
        BUILTIN.clone()
    }

    pub fn from_ron(text: &str) -> Result<Lexicon, LexiconError> {
        let file: LexiconFile = ron::from_str(text).map_err(|e| LexiconError::Syntax {
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })?;
        let mut lexicon = Lexicon::default();
        lexicon.extend_with(file)?;
        Ok(lexicon)
    }

    /// The built-in list extended by the user's file, if it exists.
    pub fn builtin_with_user(path: &Path) -> Result<Lexicon, LexiconError> {
        let mut lexicon = Lexicon::builtin();
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let user = Lexicon::from_ron(&text)?;
                lexicon.extend(user);
                Ok(lexicon)
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(lexicon),
            Err(error) => Err(LexiconError::Io {
                path: path.display().to_string(),
                message: error.to_string(),
            }),
        }
    }

    /// Adds `other`'s entries: one with an id already present replaces it.
    pub fn extend(&mut self, other: Lexicon) {
        let file = LexiconFile {
            formulations: other.formulations,
            wrong_words: other.wrong_words,
            spun: other.spun,
            modifiers: other.modifiers,
            place_nouns: other.place_nouns,
            disable: other.disable,
        };
        // Entries of a parsed lexicon were checked already.
        let _ = self.extend_with(file);
    }

    fn extend_with(&mut self, file: LexiconFile) -> Result<(), LexiconError> {
        for mut formulation in file.formulations {
            formulation.words.retain(|w| !w.is_empty());
            if formulation.words.is_empty() {
                return Err(LexiconError::Entry {
                    id: formulation.id.clone(),
                });
            }
            if formulation.id.is_empty() {
                formulation.id = formulation.text();
            }
            self.formulations.retain(|f| f.id != formulation.id);
            self.formulations.push(formulation);
        }
        for word in file.wrong_words {
            if word.wrong.is_empty() || word.wrong == word.right {
                return Err(LexiconError::Entry { id: word.wrong });
            }
            self.wrong_words.retain(|w| w.wrong != word.wrong);
            self.wrong_words.push(word);
        }
        for mut spun in file.spun {
            if spun.spun.is_empty() || spun.spun == spun.right {
                return Err(LexiconError::Entry { id: spun.spun });
            }
            if spun.id.is_empty() {
                spun.id = spun.spun.clone();
            }
            self.spun.retain(|s| s.id != spun.id);
            self.spun.push(spun);
        }
        for word in file.modifiers {
            if word.chars().count() != 2 {
                return Err(LexiconError::Entry { id: word });
            }
            if !self.modifiers.contains(&word) {
                self.modifiers.push(word);
            }
        }
        for word in file.place_nouns {
            if word.is_empty() {
                return Err(LexiconError::Entry { id: word });
            }
            if !self.place_nouns.contains(&word) {
                self.place_nouns.push(word);
            }
        }
        for id in file.disable {
            if !self.disable.contains(&id) {
                self.disable.push(id);
            }
        }
        Ok(())
    }

    /// True when the user switched this rule (`particle`) or entry (`wrong_word/述求`, or
    /// just `述求`) off.
    pub fn is_disabled(&self, rule: &str) -> bool {
        if self.disable.is_empty() {
            return false;
        }
        let (kind, entry) = rule.split_once('/').unwrap_or((rule, ""));
        self.disable
            .iter()
            .any(|d| d == rule || d == kind || (!entry.is_empty() && d == entry))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_list_parses_and_every_entry_is_sound() {
        let lexicon = Lexicon::from_ron(BUILTIN_RON).unwrap();
        assert!(lexicon.formulations.len() >= 12);
        assert!(lexicon.wrong_words.len() >= 30);
        for f in &lexicon.formulations {
            assert!(!f.source.is_empty(), "{} has no source", f.id);
            for optional in &f.optional {
                assert!(f.words.contains(optional), "{}: {optional}", f.id);
            }
        }
        for w in &lexicon.wrong_words {
            assert_ne!(w.wrong, w.right);
        }
        assert!(lexicon.modifiers.len() >= 20);
        assert!(lexicon.spun.len() >= 30);
        for s in &lexicon.spun {
            assert_ne!(s.spun, s.right);
            assert!(!s.id.is_empty());
        }
    }

    #[test]
    fn a_user_file_adds_replaces_and_disables() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.ron");
        std::fs::write(
            &path,
            r#"(
                wrong_words: [(wrong: "述求", right: "诉求", not_after: "陈讲"), (wrong: "帐本", right: "账本")],
                formulations: [(words: ["两个", "先锋队"], quoted: true, source: "我的单位")],
                disable: ["particle", "既使"],
            )"#,
        )
        .unwrap();
        let lexicon = Lexicon::builtin_with_user(&path).unwrap();
        let builtin = Lexicon::builtin();
        assert_eq!(lexicon.wrong_words.len(), builtin.wrong_words.len() + 1);
        let replaced = lexicon
            .wrong_words
            .iter()
            .find(|w| w.wrong == "述求")
            .unwrap();
        assert_eq!(replaced.not_after, "陈讲");
        assert!(lexicon.formulations.iter().any(|f| f.id == "两个先锋队"));
        assert!(lexicon.is_disabled("particle"));
        assert!(lexicon.is_disabled("wrong_word/既使"));
        assert!(!lexicon.is_disabled("wrong_word/述求"));
        assert!(
            Lexicon::builtin_with_user(&dir.path().join("none.ron")).is_ok(),
            "a missing file is no error"
        );
        std::fs::write(&path, "(wrong_words: [(wrong: \"甲\"").unwrap();
        let error = Lexicon::builtin_with_user(&path).unwrap_err();
        assert!(error.message_zh().contains("格式有误"), "{error}");
    }
}
