//! The speech's outline: website leftovers in the title (`（五）（问题部分）`, `范文`, `精选`,
//! `篇一`), section numbers typed by hand that collide or skip, a category
//! holding a single finding (a lone `一是`), and a headline that only repeats its category.
//!
//! The sections' numbers are derived from their position; only numbers typed by hand (in a
//! heading, the opening or the closing) can be wrong, and those are what [`numbering`] flags.

use super::{Location, Part, Pattern, ReviewItem, ReviewKind};
use crate::draft::Draft;
use std::sync::LazyLock;

/// What download sites add to a title.
static TITLE_LEFTOVER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"[（(][一二三四五六七八九十0-9]+[）)]|[（(][^（）()]{0,8}部分[）)]|【[^】]*】|[（(]?(?:范文|精选|合集|汇编|大全|通用版|通用|最新版|最新|完整版|可编辑|[Ww][Oo][Rr][Dd]版|下载)[）)]?|篇[一二三四五六七八九十]+|[0-9一二三四五六七八九十]+篇",
    )
});

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// A site's tag dropped into the text between sentences: `。（中华励志网）`, `(某某范文网)`.
static SITE_TAG: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"[（(][^（）()，。\n]{1,12}(?:网|网站|文库|文秘|在线|素材库)[）)]")
});

pub(super) fn check(draft: &Draft, items: &mut Vec<ReviewItem>) {
    title_leftovers(draft, items);
    site_tags(draft, items);
    numbering(draft, items);
    lone_findings(draft, items);
    headlines_repeating_category(draft, items);
}

fn title_leftovers(draft: &Draft, items: &mut Vec<ReviewItem>) {
    let title = draft.title.as_str();
    let found = TITLE_LEFTOVER.find_ranges(title);
    if found.is_empty() {
        return;
    }
    let names: Vec<&str> = found.iter().map(|r| &title[r.clone()]).collect();
    let cleaned = TITLE_LEFTOVER
        .replace_all(title, "")
        .trim_matches(|c: char| c.is_whitespace() || "-_|—·：:".contains(c))
        .to_owned();
    let whole = 0..title.len();
    let message = format!(
        "标题里有下载网站留下的字样（{}）：交上去的材料不应有这些，删去",
        names.join("、")
    );
    let mut item = ReviewItem::new(ReviewKind::WebsiteLeftover, Location::Title, message)
        .with_range(title, whole);
    if !cleaned.is_empty() {
        item = item.with_fix(title, cleaned);
    }
    items.push(item);
}

fn site_tags(draft: &Draft, items: &mut Vec<ReviewItem>) {
    for (field, text) in draft.text_fields() {
        if field == crate::draft::TextField::Title {
            continue;
        }
        for range in SITE_TAG.find_ranges(text) {
            // A tag stands between sentences; after a noun it names something (`网站（政务网）`).
            let before = text[..range.start].trim_end().chars().next_back();
            let after = text[range.end..].chars().next();
            let between_sentences = before.is_none_or(|c| "。！？；.!?;\n".contains(c))
                || after.is_none_or(|c| c == '\n');
            if !between_sentences {
                continue;
            }
            items.push(
                ReviewItem::new(
                    ReviewKind::WebsiteLeftover,
                    Location::from_field(field),
                    "正文里夹着网站的名字，是下载时带进来的：删去",
                )
                .with_range(text, range)
                .with_fix(text, ""),
            );
        }
    }
}

/// `二、…` → 2, for `一、` to `二十、`.
fn section_number(line: &str) -> Option<usize> {
    let (number, _) = line.trim_start().split_once('、')?;
    let value = |s: &str| NUMERALS.iter().position(|n| *n == s).map(|i| i + 1);
    match number.chars().count() {
        1 => value(number),
        2 if number.starts_with('十') => value(&number['十'.len_utf8()..]).map(|n| 10 + n),
        2 if number.ends_with('十') => {
            value(&number[..number.len() - '十'.len_utf8()]).map(|n| n * 10)
        }
        _ => None,
    }
}

fn numeral(n: usize) -> String {
    match n {
        1..=10 => NUMERALS[n - 1].to_owned(),
        11..=19 => format!("十{}", NUMERALS[n - 11]),
        _ => n.to_string(),
    }
}

/// The section numbers typed in `text`, line by line: the byte range of the number and the
/// number.
fn typed_numbers(text: &str) -> Vec<(std::ops::Range<usize>, usize)> {
    let mut found = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if let Some(n) = section_number(line) {
            let start = at + (line.len() - line.trim_start().len());
            let end = start + line.trim_start().find('、').unwrap_or(0);
            found.push((start..end, n));
        }
        at += line.len();
    }
    found
}

/// Section numbers: the sections' own are derived from their position (`一、`, `二、`, …), so
/// what can go wrong is a number typed by hand — in a section's heading (it would print twice),
/// in the opening (it collides with the sections' numbers), or in the closing out of sequence.
fn numbering(draft: &Draft, items: &mut Vec<ReviewItem>) {
    for section in &draft.sections {
        let text = section.heading.as_str();
        let Some((range, n)) = typed_numbers(text).into_iter().next() else {
            continue;
        };
        if range.start != text.len() - text.trim_start().len() {
            continue;
        }
        let with_mark = range.start..range.end + '、'.len_utf8();
        items.push(
            ReviewItem::new(
                ReviewKind::SectionNumbering,
                Location::Heading(section.id),
                format!(
                    "小标题里手写了序号“{}、”：各部分的序号按位置自动生成，删去手写的序号",
                    numeral(n)
                ),
            )
            .with_range(text, with_mark.clone())
            .with_fix(text, ""),
        );
    }
    let mut expected = 1;
    for (range, n) in typed_numbers(&draft.opening) {
        let message = if !draft.sections.is_empty() {
            format!(
                "开头里手写了部分序号“{}、”，而后面各部分的序号自动从“一、”排起，会重号：把这部分写成单独的一部分（如学习收获），或删去序号",
                numeral(n)
            )
        } else if n != expected {
            format!(
                "部分序号不连续：上一部分是“{}、”，这里是“{}、”",
                numeral(expected.saturating_sub(1)),
                numeral(n)
            )
        } else {
            expected = n + 1;
            continue;
        };
        let mut item = ReviewItem::new(ReviewKind::SectionNumbering, Location::Opening, message)
            .with_range(&draft.opening, range);
        if draft.sections.is_empty() {
            item = item.with_fix(&draft.opening, numeral(expected));
        }
        items.push(item);
        expected = n + 1;
    }
    if !draft.sections.is_empty() {
        expected = draft.sections.len() + 1;
    }
    for (range, n) in typed_numbers(&draft.closing) {
        if n != expected {
            let message = format!(
                "部分序号不连续：上一部分是“{}、”，这里是“{}、”",
                numeral(expected.saturating_sub(1).max(1)),
                numeral(n)
            );
            items.push(
                ReviewItem::new(ReviewKind::SectionNumbering, Location::Closing, message)
                    .with_range(&draft.closing, range)
                    .with_fix(&draft.closing, numeral(expected)),
            );
        }
        expected = n + 1;
    }
}

fn lone_findings(draft: &Draft, items: &mut Vec<ReviewItem>) {
    for category in draft.categories() {
        let written = category.findings.iter().filter(|f| !f.is_empty()).count();
        if written == 1 {
            items.push(ReviewItem::new(
                ReviewKind::LoneFinding,
                Location::Category(category.id),
                "这个方面只有一条问题，单独一个“一是”等不来“二是”：每个方面一般查摆两条以上，可再查摆一条，或与相近的方面合并",
            ));
        }
    }
}

/// The characters that say something, with the words every category title and headline
/// share taken out.
fn core(text: &str) -> String {
    let mut core: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
    for filler in [
        "方面",
        "存在的",
        "存在",
        "问题",
        "不足",
        "差距",
        "带头",
        "在",
        "的",
        "上",
        "等",
        "还",
        "有",
    ] {
        core = core.replace(filler, "");
    }
    core
}

fn headlines_repeating_category(draft: &Draft, items: &mut Vec<ReviewItem>) {
    for category in draft.categories() {
        let title = core(&category.title);
        if title.chars().count() < 2 {
            continue;
        }
        for finding in &category.findings {
            let headline = core(&finding.headline);
            if headline.is_empty() {
                continue;
            }
            let rest = headline.replace(&title, "");
            if rest.len() < headline.len() && rest.chars().count() < 2 {
                items.push(
                    ReviewItem::new(
                        ReviewKind::HeadlineRepeatsCategory,
                        Location::Finding(finding.id, Part::Headline),
                        "标题只是重复了所在方面的名称，没有点明问题：用一句话说出具体是什么问题，如“学习举措强度不够”",
                    )
                    .with_text(&finding.headline),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::draft::{CategoryId, FindingId};

    fn run(draft: &Draft) -> Vec<ReviewItem> {
        let mut items = Vec::new();
        check(draft, &mut items);
        items
    }

    fn two_findings() -> Vec<(&'static str, &'static str)> {
        vec![
            ("学习举措强度不够", GOOD_BODY),
            ("系统研究深度不够", GOOD_BODY),
        ]
    }

    #[test]
    fn website_leftovers_leave_the_title() {
        let findings = two_findings();
        for (title, cleaned) in [
            (
                "2023年主题教育专题民主生活会剖析发言材料（五）（问题部分）",
                "2023年主题教育专题民主生活会剖析发言材料",
            ),
            ("【精选】个人对照检查材料范文篇一", "个人对照检查材料"),
            (
                "民主生活会对照检查材料3篇（通用）",
                "民主生活会对照检查材料",
            ),
        ] {
            let mut draft = draft_of(&[("在理论学习方面", &findings)]);
            draft.title = title.into();
            let items = run(&draft);
            assert_eq!(items.len(), 1, "{title}: {items:?}");
            assert_eq!(items[0].kind, ReviewKind::WebsiteLeftover);
            assert_eq!(items[0].fix.as_ref().map(|f| f.to.as_str()), Some(cleaned));
        }
    }

    #[test]
    fn a_proper_title_is_left_alone() {
        let findings = two_findings();
        let mut draft = draft_of(&[("在理论学习方面", &findings)]);
        draft.title = "×××同志2025年度民主生活会个人对照检查材料".into();
        assert_eq!(run(&draft), []);
    }

    #[test]
    fn numbers_typed_by_hand_are_flagged_and_derived_ones_are_not() {
        let findings = two_findings();
        let mut draft = draft_of(&[("在理论学习方面", &findings)]);
        let section = draft.sections[0].id;
        // The heading carries no number: the section prints as 一、 and nothing is said.
        assert_eq!(run(&draft), []);
        // A number typed into the heading would print twice: cut it.
        draft.sections[0].heading = "二、检视存在的问题".into();
        let items = run(&draft);
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(items[0].kind, ReviewKind::SectionNumbering);
        assert_eq!(items[0].location, Location::Heading(section));
        let fix = items[0].fix.as_ref().unwrap();
        assert_eq!((fix.from.as_str(), fix.to.as_str()), ("二、", ""));
        draft.sections[0].heading = "检视存在的问题".into();
        // 一、 typed in the opening collides with the sections' own 一、; after the one
        // section (一、) the closing must go on at 二、, not 四、.
        draft.opening = "一、学习收获\n今年参加集中学习12次。".into();
        draft.closing = "四、整改措施\n……".into();
        let items = run(&draft);
        assert_eq!(items.len(), 2, "{items:?}");
        assert_eq!(items[0].location, Location::Opening);
        assert!(items[0].message.contains("会重号"), "{}", items[0].message);
        assert_eq!(items[1].location, Location::Closing);
        assert!(items[1].message.contains("“一、”，这里是“四、”"));
        let fix = items[1].fix.as_ref().unwrap();
        assert_eq!((fix.from.as_str(), fix.to.as_str()), ("四", "二"));
        draft.opening.clear();
        draft.closing = "二、整改措施\n……".into();
        assert_eq!(run(&draft), []);
    }

    #[test]
    fn a_lone_finding_and_a_headline_repeating_its_category_are_flagged() {
        let draft = draft_of(&[
            ("在理论学习方面", &[("理论学习方面存在的不足", GOOD_BODY)]),
            (
                "在政治素质方面",
                &[
                    ("政治素质不够高", GOOD_BODY),
                    ("政治定位把握不准", GOOD_BODY),
                ],
            ),
        ]);
        let kinds: Vec<(ReviewKind, Location)> = run(&draft)
            .into_iter()
            .map(|i| (i.kind, i.location))
            .collect();
        assert_eq!(
            kinds,
            [
                (ReviewKind::LoneFinding, Location::Category(CategoryId(1))),
                (
                    ReviewKind::HeadlineRepeatsCategory,
                    Location::Finding(FindingId(101), Part::Headline)
                ),
            ]
        );
    }

    #[test]
    fn a_site_tag_in_the_text_is_cut() {
        let body = "有时用公款送礼。（中华励志网）工作事业心不强，学习（试行）条例，到网站（政务网）查询。";
        let draft = draft_of(&[(
            "在工作作风方面",
            &[("享乐主义有所抬头", body), ("甲", GOOD_BODY)],
        )]);
        let items = run(&draft);
        let tags: Vec<&str> = items
            .iter()
            .filter(|i| i.kind == ReviewKind::WebsiteLeftover)
            .filter_map(|i| i.fix.as_ref().map(|f| f.from.as_str()))
            .collect();
        assert_eq!(tags, ["（中华励志网）"]);
    }

    #[test]
    fn the_leftover_patterns_compile() {
        assert!(TITLE_LEFTOVER.compiled());
        assert!(SITE_TAG.compiled());
    }
}
