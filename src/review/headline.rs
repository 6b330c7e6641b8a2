//! Headlines: a headline names the problem in one short, finished sentence.

use super::{Location, MAX_HEADLINE_CHARS, Part, ReviewItem, ReviewKind, findings};
use crate::draft::{Draft, count_chars};

/// Punctuation a finished headline never ends in.
const OPEN_ENDINGS: &[char] = &[
    '，', '、', '：', '；', ',', ':', ';', '（', '(', '“', '《', '—', '-',
];

/// Words that join a clause to one that should follow, longest first. A headline ending in
/// one stops mid-thought.
const CONNECTIVES: &[&str] = &[
    "尤其是",
    "特别是",
    "但是",
    "而且",
    "并且",
    "以及",
    "或者",
    "因为",
    "由于",
    "所以",
    "导致",
    "甚至",
    "包括",
    "不但",
    "不仅",
    "虽然",
    "尽管",
    "但",
    "而",
    "和",
    "与",
    "或",
    "及其",
];

/// Words that end in a connective's character but finish a thought (`平和`, `参与`).
const NOT_CONNECTIVES: &[&str] = &[
    "平和", "温和", "缓和", "柔和", "祥和", "调和", "总和", "谦和", "随和", "饱和", "共和", "附和",
    "暖和", "人和", "参与", "给与", "授与", "赋与", "相与",
];

pub(super) fn check(draft: &Draft, items: &mut Vec<ReviewItem>) {
    for (_, _, finding) in findings(draft) {
        let headline = finding.headline.trim();
        if headline.is_empty() {
            continue;
        }
        let location = Location::Finding(finding.id, Part::Headline);
        let finished = headline.trim_end_matches(['。', '.', '！', '!']);
        let chars = count_chars(finished);
        if chars > MAX_HEADLINE_CHARS {
            items.push(
                ReviewItem::new(
                    ReviewKind::LongHeadline,
                    location,
                    format!(
                        "标题有 {chars} 字，不像标题：标题宜用 6—15 字点明问题，展开的内容放到正文"
                    ),
                )
                .with_text(headline),
            );
        }
        if let Some(ending) = open_ending(headline) {
            items.push(
                ReviewItem::new(
                    ReviewKind::UnfinishedHeadline,
                    location,
                    format!("标题以“{ending}”结尾，话没说完：标题应是一句完整的话"),
                )
                .with_text(headline),
            );
        }
    }
}

/// The punctuation mark or connective an unfinished headline ends in.
fn open_ending(headline: &str) -> Option<&str> {
    let last = headline.chars().next_back()?;
    if OPEN_ENDINGS.contains(&last) {
        return Some(&headline[headline.len() - last.len_utf8()..]);
    }
    let text = headline.trim_end_matches(['。', '.']).trim_end();
    if NOT_CONNECTIVES.iter().any(|w| text.ends_with(w)) {
        return None;
    }
    CONNECTIVES
        .iter()
        .find(|c| text.ends_with(*c) && text.len() > c.len())
        .copied()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    fn kinds(headline: &str) -> Vec<ReviewKind> {
        let draft = draft_of(&[("在理论学习方面", &[(headline, GOOD_BODY)])]);
        let mut items = Vec::new();
        check(&draft, &mut items);
        items.into_iter().map(|i| i.kind).collect()
    }

    #[test]
    fn long_headlines_are_flagged() {
        let long = "在领会新时代中国特色社会主义思想精神实质方面还缺乏一以贯之的自觉性";
        assert_eq!(kinds(long), [ReviewKind::LongHeadline]);
        // Twenty characters and a full stop are still a headline.
        assert_eq!(kinds("对分管科室的党建工作责任链条拧得还不够紧。"), []);
        assert_eq!(kinds("学习举措强度不够"), []);
    }

    #[test]
    fn headlines_ending_mid_thought_are_flagged() {
        for headline in [
            "学习举措强度不够，",
            "集中学习少、",
            "理论学习有所放松，但",
            "学用结合不够而且",
            "调查研究不够深入并且",
            "专题研讨流于形式和",
            "谈心谈话次数偏少，导致",
        ] {
            assert_eq!(
                kinds(headline),
                [ReviewKind::UnfinishedHeadline],
                "{headline}"
            );
        }
    }

    #[test]
    fn finished_headlines_pass_even_when_ending_like_a_connective() {
        for headline in [
            "政治定位把握不准",
            "工作落实没有形成闭环。",
            "与群众交流的态度不够平和",
            "基层党员群众参与",
            "廉政风险防控存在漏洞",
        ] {
            assert_eq!(kinds(headline), [], "{headline}");
        }
    }

    #[test]
    fn the_message_names_the_ending() {
        let draft = draft_of(&[("在工作作风方面", &[("调研走访不够深入，但", GOOD_BODY)])]);
        let mut items = Vec::new();
        check(&draft, &mut items);
        assert!(
            items[0].message.contains("以“但”结尾"),
            "{}",
            items[0].message
        );
        assert_eq!(items[0].excerpt.as_deref(), Some("调研走访不够深入，但"));
    }
}
