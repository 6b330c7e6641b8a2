//! The `check` report: what a draft holds and whether anything in it still looks like an ad.
//! Serialises to JSON for the command line and renders as plain Chinese text.

use crate::clean::{self, Rules};
use crate::draft::Draft;
use crate::draft::numbering::{category_label, finding_label};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryReport {
    pub title: String,
    pub findings: usize,
    /// Characters, whitespace excluded (title included).
    pub chars: usize,
}

/// A piece of ad-like text found in the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlaggedText {
    /// Where, for people: `（二）在政治素质方面 · 一是 · 正文`.
    #[serde(rename = "where")]
    pub location: String,
    /// The field: `title`, `heading`, `opening`, `category_title`, `headline`, `body`,
    /// `closing`.
    pub field: String,
    /// 1-based category number, when inside a category.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<usize>,
    /// 1-based finding number, when inside a finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finding: Option<usize>,
    pub text: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckReport {
    pub title: String,
    pub categories: Vec<CategoryReport>,
    pub total_chars: usize,
    pub finding_count: usize,
    pub flagged: Vec<FlaggedText>,
    /// Titles of categories without findings.
    pub empty_categories: Vec<String>,
    /// Findings with neither headline nor body, as `（一）… · 二是`.
    pub empty_findings: Vec<String>,
}

impl CheckReport {
    /// True when nothing in the draft looks like an ad.
    pub fn is_clean(&self) -> bool {
        self.flagged.is_empty()
    }

    /// Pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned())
    }

    /// Plain text for people, in Chinese.
    pub fn to_text(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.title.is_empty() {
            writeln!(f, "{}", self.title)?;
        }
        writeln!(
            f,
            "共 {} 个方面，{} 条问题，全文 {} 字",
            self.categories.len(),
            self.finding_count,
            self.total_chars
        )?;
        for (i, c) in self.categories.iter().enumerate() {
            writeln!(
                f,
                "  {}{}  {} 条 · {} 字",
                category_label(i),
                c.title,
                c.findings,
                c.chars
            )?;
        }
        if !self.empty_categories.is_empty() {
            writeln!(f, "没有问题的方面：{}", self.empty_categories.join("、"))?;
        }
        if !self.empty_findings.is_empty() {
            writeln!(f, "空白的问题：{}", self.empty_findings.join("、"))?;
        }
        if self.flagged.is_empty() {
            writeln!(f, "未发现广告或网站残留。")?;
        } else {
            writeln!(f, "发现 {} 处疑似广告或网站残留：", self.flagged.len())?;
            for flag in &self.flagged {
                writeln!(f, "  [{}] {}：{}", flag.reason, flag.location, flag.text)?;
            }
        }
        Ok(())
    }
}

fn field_name(field: &str) -> &'static str {
    match field {
        "title" => "标题",
        "heading" => "小标题",
        "opening" => "开头",
        "closing" => "结尾",
        "category_title" => "方面标题",
        "headline" => "问题标题",
        _ => "正文",
    }
}

/// Checks a draft against the rules.
pub fn report(draft: &Draft, rules: &Rules) -> CheckReport {
    let mut flagged = Vec::new();
    let mut check = |field: &str,
                     category: Option<usize>,
                     finding: Option<usize>,
                     prefix: String,
                     text: &str| {
        for flag in clean::find_ads(text, rules) {
            let location = if prefix.is_empty() {
                field_name(field).to_owned()
            } else {
                format!("{prefix} · {}", field_name(field))
            };
            flagged.push(FlaggedText {
                location,
                field: field.to_owned(),
                category: category.map(|c| c + 1),
                finding: finding.map(|f| f + 1),
                text: flag.text,
                reason: flag.reason,
            });
        }
    };
    check("title", None, None, String::new(), &draft.title);
    check("heading", None, None, String::new(), &draft.heading);
    check("opening", None, None, String::new(), &draft.opening);
    let mut empty_findings = Vec::new();
    for (ci, category) in draft.categories.iter().enumerate() {
        let place = format!("{}{}", category_label(ci), category.title);
        check(
            "category_title",
            Some(ci),
            None,
            place.clone(),
            &category.title,
        );
        for (fi, finding) in category.findings.iter().enumerate() {
            let place = format!("{place} · {}", finding_label(fi));
            if finding.is_empty() {
                empty_findings.push(place.clone());
            }
            check(
                "headline",
                Some(ci),
                Some(fi),
                place.clone(),
                &finding.headline,
            );
            check("body", Some(ci), Some(fi), place, &finding.body);
        }
    }
    check("closing", None, None, String::new(), &draft.closing);
    CheckReport {
        title: draft.title.clone(),
        categories: draft
            .categories
            .iter()
            .map(|c| CategoryReport {
                title: c.title.clone(),
                findings: c.findings.len(),
                chars: c.char_count(),
            })
            .collect(),
        total_chars: draft.char_count(),
        finding_count: draft.finding_count(),
        flagged,
        empty_categories: draft
            .categories
            .iter()
            .filter(|c| c.findings.is_empty())
            .map(|c| c.title.clone())
            .collect(),
        empty_findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Finding, FindingId};

    #[test]
    fn report_counts_and_flags() {
        let mut draft = Draft::with_categories("标题", "二、检视存在的问题", &["甲方面", "乙方面"]);
        draft.categories[0].findings.push(Finding {
            id: FindingId(10),
            headline: "学习不够".into(),
            body: "在工作中。添加客服微信：abc123，领取资料。".into(),
        });
        let report = report(&draft, &Rules::builtin());
        assert!(!report.is_clean());
        assert_eq!(report.empty_categories, ["乙方面"]);
        assert_eq!(report.flagged[0].category, Some(1));
        assert_eq!(report.flagged[0].finding, Some(1));
        let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        assert_eq!(json["categories"][0]["findings"], 1);
        assert!(
            json["flagged"][0]["where"]
                .as_str()
                .unwrap()
                .contains("一是")
        );
        assert!(report.to_text().contains("疑似广告"));
    }
}
