//! The parts of a whole speech: a byline under the title, and sections in order, each with a
//! heading (its `一、` derived from position), a kind, and a body of paragraphs or categories.

use super::{Category, count_chars};
use serde::{Deserialize, Serialize};

/// Stable identity of a section. The default, 0, is no id.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct SectionId(pub u64);

/// What a section is for. It decides which section holds the problems the 整改清单 lists and
/// which one 「按问题生成整改措施」 fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// 学习收获
    Study,
    /// 上年度整改落实情况
    Rectification,
    /// 检视问题
    #[default]
    Problems,
    /// 案例剖析
    Case,
    /// 原因剖析
    Causes,
    /// 整改措施
    Measures,
    /// 其他
    Other,
}

impl SectionKind {
    pub const ALL: [SectionKind; 7] = [
        SectionKind::Study,
        SectionKind::Rectification,
        SectionKind::Problems,
        SectionKind::Case,
        SectionKind::Causes,
        SectionKind::Measures,
        SectionKind::Other,
    ];

    /// The kind's name as the user sees it.
    pub fn label(self) -> &'static str {
        match self {
            SectionKind::Study => "学习收获",
            SectionKind::Rectification => "上年度整改落实情况",
            SectionKind::Problems => "检视问题",
            SectionKind::Case => "案例剖析",
            SectionKind::Causes => "原因剖析",
            SectionKind::Measures => "整改措施",
            SectionKind::Other => "其他",
        }
    }

    /// The kind's name in files and JSON (`problems`, `measures`, …).
    pub fn key(self) -> &'static str {
        match self {
            SectionKind::Study => "study",
            SectionKind::Rectification => "rectification",
            SectionKind::Problems => "problems",
            SectionKind::Case => "case",
            SectionKind::Causes => "causes",
            SectionKind::Measures => "measures",
            SectionKind::Other => "other",
        }
    }

    /// The heading a new section of this kind starts with.
    pub fn default_heading(self) -> &'static str {
        match self {
            SectionKind::Study => "学习收获",
            SectionKind::Rectification => "上年度整改落实情况",
            SectionKind::Problems => "检视存在的问题",
            SectionKind::Case => "反面典型案例剖析",
            SectionKind::Causes => "问题产生的原因",
            SectionKind::Measures => "整改措施",
            SectionKind::Other => "",
        }
    }
}

/// A section's text: free paragraphs (one per line), or categories of findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SectionBody {
    Paragraphs(String),
    Categories(Vec<Category>),
}

impl Default for SectionBody {
    fn default() -> Self {
        SectionBody::Categories(Vec::new())
    }
}

/// One numbered part of the speech (`一、检视存在的问题`). The number is never stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub id: SectionId,
    #[serde(default)]
    pub kind: SectionKind,
    /// The heading without its number: `检视存在的问题`.
    #[serde(default)]
    pub heading: String,
    #[serde(default)]
    pub body: SectionBody,
}

impl Section {
    /// The section's categories; empty for a section of paragraphs.
    pub fn categories(&self) -> &[Category] {
        match &self.body {
            SectionBody::Categories(categories) => categories,
            SectionBody::Paragraphs(_) => &[],
        }
    }

    pub fn categories_mut(&mut self) -> Option<&mut Vec<Category>> {
        match &mut self.body {
            SectionBody::Categories(categories) => Some(categories),
            SectionBody::Paragraphs(_) => None,
        }
    }

    /// The section's paragraphs as one text (a line per paragraph); None for categories.
    pub fn paragraphs(&self) -> Option<&str> {
        match &self.body {
            SectionBody::Paragraphs(text) => Some(text),
            SectionBody::Categories(_) => None,
        }
    }

    /// True when nothing of it would print: no line of paragraphs, no finding with text. The
    /// export leaves such a section out, and its number goes to the next.
    pub fn prints_nothing(&self) -> bool {
        match &self.body {
            SectionBody::Paragraphs(text) => text.trim().is_empty(),
            SectionBody::Categories(categories) => categories.iter().all(Category::prints_nothing),
        }
    }

    pub fn char_count(&self) -> usize {
        count_chars(&self.heading)
            + match &self.body {
                SectionBody::Paragraphs(text) => count_chars(text),
                SectionBody::Categories(categories) => {
                    categories.iter().map(Category::char_count).sum()
                }
            }
    }
}

/// The lines printed under the title: name and unit, and a date line. Both may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Byline {
    /// `×××（××单位党委书记）`
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// `2026年1月`
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
}

impl Byline {
    pub fn is_empty(&self) -> bool {
        self.author.trim().is_empty() && self.date.trim().is_empty()
    }
}

/// The section number of the section at 0-based `index`: `一、`, `二、`, …
pub fn section_label(index: usize) -> String {
    format!("{}、", super::numbering::chinese_number(index + 1))
}

/// A heading as typed by hand or found in old drafts (`二、检视存在的问题`) without its number.
pub fn strip_section_number(heading: &str) -> &str {
    let trimmed = heading.trim();
    if let Some((number, rest)) = trimmed.split_once('、')
        && super::numbering::parse_chinese_number(number.trim()).is_some()
    {
        return rest.trim();
    }
    trimmed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_numbers_are_derived_and_typed_ones_stripped() {
        assert_eq!(section_label(0), "一、");
        assert_eq!(section_label(3), "四、");
        assert_eq!(section_label(10), "十一、");
        assert_eq!(strip_section_number("二、检视存在的问题"), "检视存在的问题");
        assert_eq!(strip_section_number(" 十、其他 "), "其他");
        assert_eq!(strip_section_number("对照检查的问题"), "对照检查的问题");
        assert_eq!(strip_section_number("统一、团结"), "统一、团结");
    }

    #[test]
    fn every_kind_has_a_label_and_a_distinct_key() {
        let keys: std::collections::HashSet<&str> =
            SectionKind::ALL.iter().map(|k| k.key()).collect();
        assert_eq!(keys.len(), SectionKind::ALL.len());
        assert!(SectionKind::ALL.iter().all(|k| !k.label().is_empty()));
    }
}
