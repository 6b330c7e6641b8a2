//! Ads: what [`crate::ads::in_draft`] finds (the same answer as import, the export gate and
//! the window's warning marks).

use super::{Location, ReviewItem, ReviewKind};
use crate::ads::FieldAds;
use crate::draft::Draft;

pub(super) fn check(draft: &Draft, found_ads: &[FieldAds], items: &mut Vec<ReviewItem>) {
    if found_ads.is_empty() {
        return;
    }
    // One pass over the draft, not a search for each field with ads.
    let texts: std::collections::HashMap<_, _> = draft.text_fields().into_iter().collect();
    for found in found_ads {
        let text = texts.get(&found.field).copied().unwrap_or_default();
        for flag in &found.flags {
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
    use crate::clean::Rules;
    use crate::draft::FindingId;

    #[test]
    fn ads_are_flagged_where_they_are() {
        let body = format!("{GOOD_BODY}添加客服微信：abc123，领取更多精品材料。");
        let draft = draft_of(&[("在理论学习方面", &[("学习举措强度不够", &body)])]);
        let mut items = Vec::new();
        check(
            &draft,
            &crate::ads::in_draft(&draft, &Rules::builtin()),
            &mut items,
        );
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
        check(
            &draft,
            &crate::ads::in_draft(&draft, &Rules::builtin()),
            &mut items,
        );
        assert_eq!(items, []);
    }
}
