//! Ads: what [`crate::ads::in_draft`] finds (the same answer as import, the export gate and
//! the window's warning marks).

use super::{Location, ReviewItem, ReviewKind};
use crate::ads::FieldAds;
use crate::clean::Flag;
use crate::draft::Draft;
use std::ops::Range;

pub(super) fn check(draft: &Draft, found_ads: &[FieldAds], items: &mut Vec<ReviewItem>) {
    if found_ads.is_empty() {
        return;
    }
    // One pass over the draft, not a search for each field with ads.
    let texts: std::collections::HashMap<_, _> = draft.text_fields().into_iter().collect();
    for found in found_ads {
        let text = texts.get(&found.field).copied().unwrap_or_default();
        for (range, reasons) in blocks(text, &found.flags) {
            items.push(
                ReviewItem::new(
                    ReviewKind::Ad,
                    Location::from_field(found.field),
                    format!("疑似广告或网站残留（{}）：交稿前请删去", reasons.join("、")),
                )
                .with_range(text, range),
            );
        }
    }
}

/// The flags of one field as blocks: spans that touch, or have only spaces between them, are
/// one ad pasted in one piece (a site's boast, its slogan and its contact lines), and one item
/// to delete, with each distinct reason once.
fn blocks<'a>(text: &str, flags: &'a [Flag]) -> Vec<(Range<usize>, Vec<&'a str>)> {
    let mut out: Vec<(Range<usize>, Vec<&str>)> = Vec::new();
    for flag in flags {
        if let Some((range, reasons)) = out.last_mut()
            && flag.start >= range.end
            && text
                .get(range.end..flag.start)
                .is_some_and(|between| between.trim().is_empty())
        {
            range.end = range.end.max(flag.end);
            if !reasons.contains(&flag.reason.as_str()) {
                reasons.push(&flag.reason);
            }
            continue;
        }
        out.push((flag.start..flag.end, vec![flag.reason.as_str()]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::Part;
    use super::super::test_support::*;
    use super::*;
    use crate::clean::Rules;
    use crate::draft::FindingId;

    /// The ad items of `draft`, as the reviewer gives them.
    fn items_of(draft: &Draft) -> Vec<ReviewItem> {
        let mut items = Vec::new();
        check(
            draft,
            &crate::ads::in_draft(draft, &Rules::builtin()),
            &mut items,
        );
        items
    }

    #[test]
    fn ads_are_flagged_where_they_are() {
        let body = format!("{GOOD_BODY}添加客服微信：abc123，领取更多精品材料。");
        let draft = draft_of(&[("在理论学习方面", &[("学习举措强度不够", &body)])]);
        let items = items_of(&draft);
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
    fn an_ad_block_pasted_in_one_piece_is_one_item() {
        let body = format!(
            "{GOOD_BODY}消防救援工全网最全公文库，素材这一个就够了！公众号【哒哒办公】防丢失QQ【5346405】哒哒文库：www.dadawk.com微信添加【dadawk01】海量公文范文，朋友圈每天更新作难度将进一步增大，全市火灾事故仍然易发、多发，且短期内难以得到根本扭转。"
        );
        let draft = draft_of(&[("在工作作风方面", &[("应急能力不足", &body)])]);
        let items = items_of(&draft);
        assert_eq!(items.len(), 1, "{items:?}");
        let range = items[0].range.clone().unwrap();
        assert!(
            body[range.clone()].starts_with("全网最全公文库"),
            "{}",
            &body[range.clone()]
        );
        assert!(body[range].ends_with("朋友圈每天更新"));
    }

    #[test]
    fn clean_text_is_not_flagged() {
        let draft = draft_of(&[("在工作作风方面", &[("服务质量意识不强", GOOD_BODY)])]);
        let items = items_of(&draft);
        assert_eq!(items, []);
    }

    #[test]
    fn a_group_of_readers_is_no_group_chat() {
        // `粉丝群体`: the readers an account has, not a chat group it sells a place in.
        let body = "我写过诗歌、散文、小说……结果就是：粉丝群体严重不精准，推荐机制完全跑不动。";
        let draft = draft_of(&[("在工作作风方面", &[("定位不清", body)])]);
        assert_eq!(items_of(&draft), []);
        let body = format!("{GOOD_BODY}扫码进粉丝群，领取更多资料。");
        let draft = draft_of(&[("在工作作风方面", &[("定位不清", &body)])]);
        assert_eq!(items_of(&draft).len(), 1);
    }

    #[test]
    fn the_first_post_of_ones_own_is_no_article_number() {
        // `第一篇的时候`: the writer's own first post, told in a sentence; `第一篇：` or
        // `第一篇` alone heads a compilation's article.
        let body = "第一篇的时候我就提到希望有个人知道我的论文写作，可我依旧没有动笔开始。";
        let draft = draft_of(&[("在工作作风方面", &[("拖延", body)])]);
        assert_eq!(items_of(&draft), []);
        let body = format!("第一篇：{GOOD_BODY}");
        let draft = draft_of(&[("在工作作风方面", &[("拖延", &body)])]);
        assert_eq!(items_of(&draft).len(), 1);
    }
}
