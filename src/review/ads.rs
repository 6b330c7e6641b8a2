//! Ads: what [`crate::ads::in_draft`] finds (the same answer as import, the export gate and
//! the window's warning marks).

use super::{Location, ReviewItem, ReviewKind};
use crate::ads;
use crate::clean::Rules;
use crate::draft::Draft;

pub(super) fn check(draft: &Draft, rules: &Rules, items: &mut Vec<ReviewItem>) {
    for found in ads::in_draft(draft, rules) {
        let text = draft.text(found.field).unwrap_or_default();
        for flag in found.flags {
            items.push(
                ReviewItem::new(
                    ReviewKind::Ad,
                    Location::from_field(found.field),
                    format!("疑似广告或网站残留（{}）：交稿前请删去", flag.reason),
                )
                .with_range(text, flag.start..flag.end),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Part;
    use super::super::test_support::*;
    use super::*;
    use crate::draft::FindingId;

    #[test]
    fn ads_are_flagged_where_they_are() {
        let body = format!("{GOOD_BODY}添加客服微信：abc123，领取更多精品材料。");
        let draft = draft_of(&[("在理论学习方面", &[("学习举措强度不够", &body)])]);
        let mut items = Vec::new();
        check(&draft, &Rules::builtin(), &mut items);
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(
            items[0].location,
            Location::Finding(FindingId(101), Part::Body)
        );
        let range = items[0].range.clone().unwrap();
        assert!(body[range].contains("客服"));
        assert!(items[0].message.starts_with("疑似广告"));
    }

    #[test]
    fn clean_text_is_not_flagged() {
        let draft = draft_of(&[("在工作作风方面", &[("服务质量意识不强", GOOD_BODY)])]);
        let mut items = Vec::new();
        check(&draft, &Rules::builtin(), &mut items);
        assert_eq!(items, []);
    }
}
