//! The `check` report: what a draft holds, whether anything in it still looks like an ad, what
//! the reviewer says about it ([`crate::review`]) and how much of it is still the imported
//! material ([`crate::originality`]). Serialises to JSON for the command line and renders as
//! plain Chinese text.

use crate::clean::{self, Rules};
use crate::draft::numbering::{category_label, finding_label};
use crate::draft::{Draft, TextField};
use crate::originality;
use crate::review::{self, ReviewKind, Severity};
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

/// One reviewer item ([`review::ReviewItem`]) placed for people and scripts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewEntry {
    pub kind: ReviewKind,
    pub severity: Severity,
    /// The kind in Chinese: `缺少具体事例`.
    pub label: String,
    /// Where, for people: `（一）在理论学习方面 · 一是 · 正文`.
    #[serde(rename = "where")]
    pub location: String,
    /// The field, named as in [`FlaggedText::field`].
    pub field: String,
    /// 1-based category number, when inside a category.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<usize>,
    /// 1-based finding number, when inside a finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finding: Option<usize>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// The other place involved, for people.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related: Option<String>,
}

/// How much of one finding is copied from the imported material.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingOriginality {
    /// `（一）在理论学习方面 · 一是`.
    #[serde(rename = "where")]
    pub location: String,
    pub category: usize,
    pub finding: usize,
    /// Share copied, 0.0–1.0.
    pub copied: f32,
}

/// How much of the draft is copied from the material it was imported from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OriginalityEntry {
    /// Share copied of the writer's own text (opening, findings, closing), 0.0–1.0.
    pub copied: f32,
    pub copied_chars: usize,
    pub chars: usize,
    pub findings: Vec<FindingOriginality>,
}

/// One section: its heading (without the derived number), its kind (`problems`, …), its
/// categories, and how many paragraphs a section of paragraphs holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionReport {
    pub title: String,
    pub kind: String,
    pub categories: Vec<CategoryReport>,
    pub paragraphs: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckReport {
    pub title: String,
    /// The problems section's categories.
    pub categories: Vec<CategoryReport>,
    /// Every section of the speech, in order.
    #[serde(default)]
    pub sections: Vec<SectionReport>,
    pub total_chars: usize,
    pub finding_count: usize,
    pub flagged: Vec<FlaggedText>,
    /// Titles of categories without findings.
    pub empty_categories: Vec<String>,
    /// Findings with neither headline nor body, as `（一）… · 二是`.
    pub empty_findings: Vec<String>,
    /// What the reviewer says, in reading order.
    #[serde(default)]
    pub review: Vec<ReviewEntry>,
    /// Present when the draft was imported and keeps its material's fingerprint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub originality: Option<OriginalityEntry>,
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
        if self.review.is_empty() {
            writeln!(f, "写作提示：无。")?;
        } else {
            let count = |severity: Severity| {
                self.review
                    .iter()
                    .filter(|r| r.severity == severity)
                    .count()
            };
            writeln!(
                f,
                "写作提示 {} 条（须改 {} · 建议改 {} · 供参考 {}）：",
                self.review.len(),
                count(Severity::Error),
                count(Severity::Warning),
                count(Severity::Hint)
            )?;
            for entry in &self.review {
                writeln!(
                    f,
                    "  [{}] {}：{}",
                    entry.label, entry.location, entry.message
                )?;
                if let Some(excerpt) = &entry.excerpt {
                    writeln!(f, "      “{excerpt}”")?;
                }
            }
        }
        if let Some(originality) = &self.originality {
            writeln!(
                f,
                "与导入材料相同的文字占 {}（{} / {} 字）",
                percent(originality.copied),
                originality.copied_chars,
                originality.chars
            )?;
            for finding in &originality.findings {
                writeln!(f, "  {}  {}", finding.location, percent(finding.copied))?;
            }
        }
        Ok(())
    }
}

fn percent(share: f32) -> String {
    format!("{:.0}%", share * 100.0)
}

/// The field's name in the report, and its 1-based category and finding numbers.
fn place(draft: &Draft, field: TextField) -> (&'static str, Option<usize>, Option<usize>) {
    let in_finding = |id| {
        draft
            .locate(id)
            .map_or((None, None), |(ci, fi)| (Some(ci + 1), Some(fi + 1)))
    };
    match field {
        TextField::Title => ("title", None, None),
        TextField::Byline => ("byline", None, None),
        TextField::DateLine => ("date_line", None, None),
        TextField::SectionHeading(_) => ("heading", None, None),
        TextField::SectionText(_) => ("section_text", None, None),
        TextField::Opening => ("opening", None, None),
        TextField::Closing => ("closing", None, None),
        TextField::CategoryTitle(id) => (
            "category_title",
            draft.category_index(id).map(|ci| ci + 1),
            None,
        ),
        TextField::Headline(id) => {
            let (c, f) = in_finding(id);
            ("headline", c, f)
        }
        TextField::Body(id) => {
            let (c, f) = in_finding(id);
            ("body", c, f)
        }
    }
}

fn review_entries(draft: &Draft, rules: &Rules) -> Vec<ReviewEntry> {
    review::run(draft, rules)
        .into_iter()
        .map(|item| {
            let (field, category, finding) = place(draft, item.location.field());
            ReviewEntry {
                kind: item.kind,
                severity: item.kind.severity(),
                label: item.kind.label_zh().to_owned(),
                location: item.location.describe_zh(draft),
                field: field.to_owned(),
                category,
                finding,
                message: item.message,
                excerpt: item.excerpt,
                related: item.related.map(|r| r.describe_zh(draft)),
            }
        })
        .collect()
}

fn originality_entry(draft: &Draft) -> Option<OriginalityEntry> {
    let report = originality::report(draft)?;
    let findings = report
        .per_finding
        .iter()
        .filter_map(|(id, copied)| {
            let (ci, fi) = draft.locate(*id)?;
            Some(FindingOriginality {
                location: format!(
                    "{}{} · {}",
                    category_label(ci),
                    draft.categories()[ci].title,
                    finding_label(fi)
                ),
                category: ci + 1,
                finding: fi + 1,
                copied: *copied,
            })
        })
        .collect();
    Some(OriginalityEntry {
        copied: report.total,
        copied_chars: report.copied_chars,
        chars: report.chars,
        findings,
    })
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
    if let Some(section) = draft.problems_section() {
        check("heading", None, None, String::new(), &section.heading);
    }
    check("opening", None, None, String::new(), &draft.opening);
    let mut empty_findings = Vec::new();
    for (ci, category) in draft.categories().iter().enumerate() {
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
            .categories()
            .iter()
            .map(|c| CategoryReport {
                title: c.title.clone(),
                findings: c.findings.len(),
                chars: c.char_count(),
            })
            .collect(),
        sections: draft
            .sections
            .iter()
            .map(|s| SectionReport {
                title: s.heading.clone(),
                kind: s.kind.key().to_owned(),
                categories: s
                    .categories()
                    .iter()
                    .map(|c| CategoryReport {
                        title: c.title.clone(),
                        findings: c.findings.len(),
                        chars: c.char_count(),
                    })
                    .collect(),
                paragraphs: s.paragraphs().map_or(0, |text| {
                    text.lines().filter(|l| !l.trim().is_empty()).count()
                }),
            })
            .collect(),
        total_chars: draft.char_count(),
        finding_count: draft.finding_count(),
        flagged,
        empty_categories: draft
            .categories()
            .iter()
            .filter(|c| c.findings.is_empty())
            .map(|c| c.title.clone())
            .collect(),
        empty_findings,
        review: review_entries(draft, rules),
        originality: originality_entry(draft),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Finding, FindingId};

    #[test]
    fn report_counts_and_flags() {
        let mut draft = Draft::with_categories("标题", "二、检视存在的问题", &["甲方面", "乙方面"]);
        draft.categories_mut().unwrap()[0].findings.push(Finding {
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

    fn reviewed_draft() -> Draft {
        let mut draft = Draft::with_categories(
            "××局党组成员对照检查材料",
            "二、检视存在的问题",
            &["在理论学习方面", "在廉洁自律方面"],
        );
        draft.categories_mut().unwrap()[0].findings.push(Finding {
            id: FindingId(10),
            headline: "学习举措强度不够".into(),
            body: "在工作中经常满足于完成“规定动作”，存在着集中学习少、专题讨论少、剖析问题少的情况，学习的针对性、时效性、系统性需要加强。".into(),
        });
        draft
    }

    #[test]
    fn review_items_are_reported_with_their_place() {
        let report = report(&reviewed_draft(), &Rules::builtin());
        let kinds: Vec<ReviewKind> = report.review.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                ReviewKind::Placeholder,
                ReviewKind::NoConcreteDetail,
                ReviewKind::EmptyCategory
            ]
        );
        let vague = &report.review[1];
        assert_eq!(vague.location, "（一）在理论学习方面 · 一是 · 正文");
        assert_eq!(
            (vague.field.as_str(), vague.category, vague.finding),
            ("body", Some(1), Some(1))
        );
        assert_eq!(vague.severity, Severity::Hint);
        assert_eq!(report.review[2].category, Some(2));
        assert_eq!(report.review[2].field, "category_title");

        let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        assert_eq!(json["review"][0]["kind"], "placeholder");
        assert_eq!(json["review"][0]["severity"], "error");
        assert_eq!(json["review"][0]["field"], "title");
        assert_eq!(
            json["review"][1]["where"],
            "（一）在理论学习方面 · 一是 · 正文"
        );
        assert_eq!(json["review"][1]["label"], "缺少具体事例");
        assert!(
            json.get("originality").is_none(),
            "no fingerprint, no figure"
        );
        // Existing fields stay.
        for key in [
            "title",
            "categories",
            "total_chars",
            "finding_count",
            "flagged",
        ] {
            assert!(json.get(key).is_some(), "{key}");
        }
        let text = report.to_text();
        assert!(
            text.contains("写作提示 3 条（须改 1 · 建议改 1 · 供参考 1）"),
            "{text}"
        );
        assert!(
            text.contains("[缺少具体事例] （一）在理论学习方面 · 一是 · 正文"),
            "{text}"
        );
    }

    #[test]
    fn originality_is_reported_when_the_draft_has_a_fingerprint() {
        let mut draft = reviewed_draft();
        let body = draft.categories()[0].findings[0].body.clone();
        draft.source = Some(crate::draft::SourceFingerprint::from_text(&format!(
            "一是学习举措强度不够。{body}"
        )));
        let report = report(&draft, &Rules::builtin());
        let originality = report.originality.as_ref().unwrap();
        assert!(originality.copied > 0.99);
        assert_eq!(originality.findings.len(), 1);
        assert_eq!(
            originality.findings[0].location,
            "（一）在理论学习方面 · 一是"
        );
        assert_eq!(
            (
                originality.findings[0].category,
                originality.findings[0].finding
            ),
            (1, 1)
        );
        let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        assert!(json["originality"]["copied"].as_f64().unwrap() > 0.99);
        assert_eq!(json["originality"]["findings"][0]["finding"], 1);
        assert!(report.to_text().contains("与导入材料相同的文字占 100%"));
        let back: CheckReport = serde_json::from_str(&report.to_json()).unwrap();
        assert_eq!(back.review, report.review);
    }
}
