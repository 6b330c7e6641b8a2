//! The `check` report: what a draft holds, whether anything in it still looks like an ad, what
//! the reviewer says about it ([`crate::review`]) and how much of it is still the imported
//! material ([`crate::originality`]). Serialises to JSON for the command line and renders as
//! plain Chinese text.

use crate::ads;
use crate::clean::Rules;
use crate::draft::numbering::category_label;
use crate::draft::place::{PlaceIndex, finding_place};
use crate::draft::{Draft, TextField};
use crate::originality;
use crate::parallel;
use crate::review::{self, Lexicon, ReviewKind, Severity};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryReport {
    pub title: String,
    pub findings: usize,
    /// Characters, whitespace excluded (title included).
    pub chars: usize,
}

impl CategoryReport {
    fn of(category: &crate::draft::Category) -> CategoryReport {
        CategoryReport {
            title: category.title.clone(),
            findings: category.findings.len(),
            chars: category.char_count(),
        }
    }
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

/// The exact change that mends the text: `from` → `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixEntry {
    pub from: String,
    pub to: String,
}

/// One piece of reviewer advice ([`review::ReviewGroup`]: items saying the same thing folded
/// together) placed for people and scripts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewEntry {
    pub kind: ReviewKind,
    /// The rule that fired: the kind, with the word-list entry after a slash
    /// (`wrong_word/述求`).
    #[serde(default)]
    pub rule: String,
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
    /// The fix of the first place, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<FixEntry>,
    /// How many places the advice applies to (1 when it was not folded).
    #[serde(default = "one")]
    pub count: usize,
    /// Every place, for people, when there are several (the first is `where`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
}

fn one() -> usize {
    1
}

fn is_zero(n: &usize) -> bool {
    *n == 0
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
    /// Places of advice the writer ignored (忽略) in the window, left out of `review`.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub ignored: usize,
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
                if entry.count > 1 {
                    writeln!(
                        f,
                        "  [{}] 共 {} 处：{}",
                        entry.label, entry.count, entry.message
                    )?;
                    writeln!(f, "      {}", entry.places.join("；"))?;
                } else {
                    writeln!(
                        f,
                        "  [{}] {}：{}",
                        entry.label, entry.location, entry.message
                    )?;
                    match (&entry.fix, &entry.excerpt) {
                        (Some(_), _) => {}
                        (None, Some(excerpt)) => writeln!(f, "      “{excerpt}”")?,
                        (None, None) => {}
                    }
                }
                match &entry.fix {
                    // Nothing to put in its place (a stray space, a hyphen): say so, as the
                    // window's button does.
                    Some(fix) if fix.to.is_empty() => writeln!(f, "      删去：“{}”", fix.from)?,
                    Some(fix) => writeln!(f, "      改为：{} → {}", fix.from, fix.to)?,
                    None => {}
                }
            }
        }
        if self.ignored > 0 {
            writeln!(f, "另有 {} 处提示已在窗口中忽略，未列出。", self.ignored)?;
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
fn place(index: &PlaceIndex<'_>, field: TextField) -> (&'static str, Option<usize>, Option<usize>) {
    let in_finding = |id| {
        index
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
            index.category_index(id).map(|ci| ci + 1),
            None,
        ),
        TextField::CategoryLead(id) => (
            "category_lead",
            index.category_index(id).map(|ci| ci + 1),
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

fn review_entries(draft: &Draft, items: Vec<review::ReviewItem>) -> Vec<ReviewEntry> {
    let index = PlaceIndex::new(draft);
    let describe = |l: review::Location| index.field_place(l.field()).unwrap_or_default();
    review::fold(items)
        .into_iter()
        .filter_map(|group| {
            let count = group.count();
            let places: Vec<String> = if count > 1 {
                group.locations().map(describe).collect()
            } else {
                Vec::new()
            };
            let item = group.items.into_iter().next()?;
            let (field, category, finding) = place(&index, item.location.field());
            let severity = item.severity();
            Some(ReviewEntry {
                kind: item.kind,
                rule: item.rule,
                severity,
                label: item.kind.label_zh().to_owned(),
                location: describe(item.location),
                field: field.to_owned(),
                category,
                finding,
                message: item.message,
                excerpt: item.excerpt,
                related: item.related.map(describe),
                fix: item.fix.map(|f| FixEntry {
                    from: f.from,
                    to: f.to,
                }),
                count,
                places,
            })
        })
        .collect()
}

fn originality_entry(draft: &Draft) -> Option<OriginalityEntry> {
    let report = originality::report(draft)?;
    let index = PlaceIndex::new(draft);
    let findings = report
        .per_finding
        .iter()
        .filter_map(|(id, copied)| {
            let (ci, fi) = index.locate(*id)?;
            Some(FindingOriginality {
                location: finding_place(draft, ci, fi),
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

/// Ad-like text in the draft ([`ads::in_draft`]), placed as everywhere else.
fn flagged(draft: &Draft, found_ads: &[ads::FieldAds]) -> Vec<FlaggedText> {
    let index = PlaceIndex::new(draft);
    found_ads
        .iter()
        .cloned()
        .flat_map(|found| {
            let (field, category, finding) = place(&index, found.field);
            let location = index.field_place(found.field).unwrap_or_default();
            found.flags.into_iter().map(move |flag| FlaggedText {
                location: location.clone(),
                field: field.to_owned(),
                category,
                finding,
                text: flag.text,
                reason: flag.reason,
            })
        })
        .collect()
}

/// Checks a draft against the ad rules, with the built-in review word list.
pub fn report(draft: &Draft, rules: &Rules) -> CheckReport {
    report_with(draft, rules, &Lexicon::builtin())
}

/// Checks a draft against the ad rules and the given review word list.
pub fn report_with(draft: &Draft, rules: &Rules, lexicon: &Lexicon) -> CheckReport {
    build(draft, rules, Some(lexicon))
}

/// The counts and the ad-like text still present, without the reviewer's notes and the
/// originality figure: what `pouxi import` prints. The reviewer costs a large draft as much as
/// finding its ads, for notes nobody would see.
pub fn ads_report(draft: &Draft, rules: &Rules) -> CheckReport {
    build(draft, rules, None)
}

fn build(draft: &Draft, rules: &Rules, lexicon: Option<&Lexicon>) -> CheckReport {
    // The counts (and the originality figure) read the draft alone: they are taken beside the
    // scans, rather than after them on one core.
    let ((counts, originality), (found_ads, items)) = parallel::join(
        || {
            let originality = lexicon.and_then(|_| originality_entry(draft));
            (Counts::of(draft), originality)
        },
        || match lexicon {
            Some(lexicon) => {
                let (found_ads, items) = review::run_and_find_ads(draft, rules, lexicon);
                (found_ads, Some(items))
            }
            None => (ads::in_draft(draft, rules), None),
        },
    );
    let review = items.map_or_else(Vec::new, |items| review_entries(draft, items));
    CheckReport {
        title: draft.title.clone(),
        categories: counts.categories,
        sections: counts.sections,
        total_chars: counts.total_chars,
        finding_count: counts.finding_count,
        flagged: flagged(draft, &found_ads),
        empty_categories: counts.empty_categories,
        empty_findings: counts.empty_findings,
        review,
        ignored: lexicon.map_or(0, |_| review::dismissed_in_force(draft)),
        originality,
    }
}

/// What [`CheckReport`] says of the draft's outline and size.
struct Counts {
    categories: Vec<CategoryReport>,
    sections: Vec<SectionReport>,
    total_chars: usize,
    finding_count: usize,
    empty_categories: Vec<String>,
    empty_findings: Vec<String>,
}

impl Counts {
    fn of(draft: &Draft) -> Counts {
        let mut empty_findings = Vec::new();
        for (ci, category) in draft.categories().iter().enumerate() {
            for (fi, finding) in category.findings.iter().enumerate() {
                if finding.is_empty() {
                    empty_findings.push(finding_place(draft, ci, fi));
                }
            }
        }
        Counts {
            categories: draft.categories().iter().map(CategoryReport::of).collect(),
            sections: draft
                .sections
                .iter()
                .map(|s| SectionReport {
                    title: s.heading.clone(),
                    kind: s.kind.key().to_owned(),
                    categories: s.categories().iter().map(CategoryReport::of).collect(),
                    paragraphs: s.paragraphs().map_or(0, |text| {
                        text.lines().filter(|l| !l.trim().is_empty()).count()
                    }),
                })
                .collect(),
            total_chars: draft.char_count(),
            finding_count: draft.finding_count(),
            empty_categories: draft
                .categories()
                .iter()
                .filter(|c| c.findings.is_empty())
                .map(|c| c.title.clone())
                .collect(),
            empty_findings,
        }
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

    #[test]
    fn a_headline_is_called_the_same_in_flagged_and_review() {
        let mut draft = Draft::with_categories("标题", "二、检视存在的问题", &["在理论学习方面"]);
        draft.categories_mut().unwrap()[0].findings.push(Finding {
            id: FindingId(10),
            headline: "添加客服微信：abc123，领取资料".into(),
            body: "学习不够深入。".into(),
        });
        let report = report(&draft, &Rules::builtin());
        let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        let expected = "（一）在理论学习方面 · 一是 · 问题标题";
        assert_eq!(json["flagged"][0]["where"], expected);
        assert_eq!(json["flagged"][0]["field"], "headline");
        let ad = report
            .review
            .iter()
            .find(|entry| entry.kind == ReviewKind::Ad)
            .unwrap();
        assert_eq!(ad.location, expected);
        assert_eq!(ad.field, "headline");
    }

    fn reviewed_draft() -> Draft {
        let mut draft = Draft::with_categories(
            "××局党组成员对照检查材料",
            "一、检视存在的问题",
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
                ReviewKind::LoneFinding,
                ReviewKind::NoConcreteDetail,
                ReviewKind::EmptyCategory
            ]
        );
        let vague = &report.review[2];
        assert_eq!(vague.location, "（一）在理论学习方面 · 一是 · 正文");
        assert_eq!(
            (vague.field.as_str(), vague.category, vague.finding),
            ("body", Some(1), Some(1))
        );
        assert_eq!(vague.severity, Severity::Hint);
        assert_eq!(vague.rule, "no_concrete_detail");
        assert_eq!((vague.count, vague.places.len()), (1, 0));
        assert_eq!(report.review[3].category, Some(2));
        assert_eq!(report.review[3].field, "category_title");

        let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        assert_eq!(json["review"][0]["kind"], "placeholder");
        assert_eq!(json["review"][0]["rule"], "placeholder");
        assert_eq!(json["review"][0]["severity"], "error");
        assert_eq!(json["review"][0]["field"], "title");
        assert_eq!(
            json["review"][2]["where"],
            "（一）在理论学习方面 · 一是 · 正文"
        );
        assert_eq!(json["review"][2]["label"], "缺少具体事例");
        assert!(json["review"][2].get("fix").is_none());
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
            text.contains("写作提示 4 条（须改 1 · 建议改 1 · 供参考 2）"),
            "{text}"
        );
        assert!(
            text.contains("[缺少具体事例] （一）在理论学习方面 · 一是 · 正文"),
            "{text}"
        );
    }

    #[test]
    fn the_same_advice_is_one_entry_with_its_places_and_fixes_are_reported() {
        let mut draft = reviewed_draft();
        let body = draft.categories()[0].findings[0].body.clone();
        draft.categories_mut().unwrap()[0].findings.push(Finding {
            id: FindingId(11),
            headline: "对合理诉求回应不够".into(),
            body: format!("{body}对群众的合理述求回应不及时。"),
        });
        let report = report(&draft, &Rules::builtin());
        let vague: Vec<&ReviewEntry> = report
            .review
            .iter()
            .filter(|r| r.kind == ReviewKind::NoConcreteDetail)
            .collect();
        assert_eq!(vague.len(), 1, "{:#?}", report.review);
        assert_eq!(vague[0].count, 2);
        assert_eq!(
            vague[0].places,
            [
                "（一）在理论学习方面 · 一是 · 正文",
                "（一）在理论学习方面 · 二是 · 正文"
            ]
        );
        let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        let wrong = json["review"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["kind"] == "wrong_word")
            .unwrap();
        assert_eq!(wrong["rule"], "wrong_word/述求");
        assert_eq!(wrong["fix"]["from"], "述求");
        assert_eq!(wrong["fix"]["to"], "诉求");
        assert_eq!(wrong["severity"], "error");
        assert!(report.to_text().contains("共 2 处"));
        assert!(report.to_text().contains("改为：述求 → 诉求"));
    }

    #[test]
    fn a_fix_that_deletes_says_what_goes() {
        let mut draft = reviewed_draft();
        draft.categories_mut().unwrap()[0].findings[0].body =
            "坚守共-产主义远大理想不够，党 建工作抓得不紧。".into();
        let text = report(&draft, &Rules::builtin()).to_text();
        assert!(text.contains("删去：“-”"), "{text}");
        assert!(text.contains("删去：“ ”"), "{text}");
        assert!(!text.contains(" → \n"), "{text}");
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
