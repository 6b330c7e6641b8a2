//! Structure: categories without findings, findings without a headline or a body.

use super::{Location, Part, ReviewItem, ReviewKind, findings};
use crate::draft::{Draft, Finding};

pub(super) fn check(draft: &Draft, items: &mut Vec<ReviewItem>) {
    for category in draft.categories() {
        if category.findings.iter().all(Finding::is_empty) {
            let name = match category.title.trim() {
                "" => "这个方面".to_owned(),
                title => format!("“{title}”"),
            };
            let message = if category.findings.is_empty() {
                format!(
                    "{name}下还没有写问题：每个方面至少应查摆一条具体问题，确实没有的可删去这个方面"
                )
            } else {
                format!("{name}下的问题都是空白的：请填写，或删去空白的问题")
            };
            items.push(ReviewItem::new(
                ReviewKind::EmptyCategory,
                Location::Category(category.id),
                message,
            ));
        }
    }
    for (ci, _, finding) in findings(draft) {
        let blank_headline = finding.headline.trim().is_empty();
        let blank_body = finding.body.trim().is_empty();
        match (blank_headline, blank_body) {
            (true, true) => {
                // Reported once with its category when every finding there is blank.
                if !draft.categories()[ci]
                    .findings
                    .iter()
                    .all(Finding::is_empty)
                {
                    items.push(ReviewItem::new(
                        ReviewKind::EmptyFinding,
                        Location::Finding(finding.id, Part::Headline),
                        "这条问题是空白的：请填写，或删去",
                    ));
                }
            }
            (true, false) => items.push(
                ReviewItem::new(
                    ReviewKind::MissingHeadline,
                    Location::Finding(finding.id, Part::Headline),
                    "这条问题没有标题：用一句话点明问题，如“学习举措强度不够”",
                )
                .with_text(&finding.body),
            ),
            (false, true) => items.push(
                ReviewItem::new(
                    ReviewKind::MissingBody,
                    Location::Finding(finding.id, Part::Body),
                    "这条问题只有标题、没有展开：写出具体表现，最好有事例和数据",
                )
                .with_text(&finding.headline),
            ),
            (false, false) => {}
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

    #[test]
    fn empty_categories_are_flagged() {
        let draft = draft_of(&[
            ("在理论学习方面", &[("学习举措强度不够", GOOD_BODY)]),
            ("在廉洁自律方面", &[]),
            ("在工作作风方面", &[("", " "), ("", "")]),
        ]);
        let items = run(&draft);
        assert_eq!(items.len(), 2, "{items:?}");
        assert_eq!(items[0].kind, ReviewKind::EmptyCategory);
        assert_eq!(items[0].location, Location::Category(CategoryId(2)));
        assert!(items[0].message.contains("“在廉洁自律方面”下还没有写问题"));
        assert_eq!(items[1].location, Location::Category(CategoryId(3)));
        assert!(items[1].message.contains("都是空白的"));
    }

    #[test]
    fn a_category_with_findings_is_not_empty() {
        let draft = draft_of(&[("在理论学习方面", &[("学习举措强度不够", GOOD_BODY)])]);
        assert_eq!(run(&draft), []);
    }

    #[test]
    fn findings_without_headline_or_body_are_flagged() {
        let draft = draft_of(&[(
            "在能力本领方面",
            &[
                ("业务水平不够高", ""),
                (
                    "",
                    "对新出台的数据安全管理办法只学了原文，没有组织科室研讨。",
                ),
                ("", ""),
                ("思维能力不够活", GOOD_BODY),
            ],
        )]);
        let items = run(&draft);
        let kinds: Vec<(ReviewKind, Location)> =
            items.iter().map(|i| (i.kind, i.location)).collect();
        assert_eq!(
            kinds,
            [
                (
                    ReviewKind::MissingBody,
                    Location::Finding(FindingId(101), Part::Body)
                ),
                (
                    ReviewKind::MissingHeadline,
                    Location::Finding(FindingId(102), Part::Headline)
                ),
                (
                    ReviewKind::EmptyFinding,
                    Location::Finding(FindingId(103), Part::Headline)
                ),
            ]
        );
        assert_eq!(items[0].excerpt.as_deref(), Some("业务水平不够高"));
    }
}
