//! 忽略: advice the writer has weighed and set aside stays set aside — in the window, after
//! saving and opening again, and in `pouxi check` — as [`crate::draft::Dismissal`]s kept in the
//! draft. A false alarm that cannot be silenced is read again at every look; one that can,
//! costs one click. An ad cannot be ignored: export checks for ads again whatever the panel
//! says, and an ignored one would only come back there.

use super::{ReviewGroup, ReviewItem, ReviewKind};
use crate::draft::{Dismissal, Draft};

impl ReviewItem {
    /// What ignoring this item keeps in `draft` (the draft the item was found in); None for an
    /// ad.
    pub fn dismissal(&self, draft: &Draft) -> Option<Dismissal> {
        self.can_be_dismissed().then(|| Dismissal {
            field: self.location.field(),
            rule: self.rule.clone(),
            words: self.words(draft).to_owned(),
        })
    }

    /// Whether the writer may ignore the item: anything but an ad.
    pub fn can_be_dismissed(&self) -> bool {
        self.kind != ReviewKind::Ad
    }

    /// The words the item is about, as `draft` (the draft it was found in) holds them; empty
    /// for an item about its field as a whole.
    pub fn words<'a>(&self, draft: &'a Draft) -> &'a str {
        match (&self.range, draft.text(self.location.field())) {
            (Some(range), Some(text)) => text.get(range.clone()).unwrap_or_default(),
            _ => "",
        }
    }

    fn is_dismissed(&self, draft: &Draft) -> bool {
        self.dismissal(draft)
            .is_some_and(|d| draft.dismissed.contains(&d))
    }
}

impl ReviewGroup {
    /// What ignoring the group's advice, at every place it stands, keeps in `draft`.
    pub fn dismissals(&self, draft: &Draft) -> Vec<Dismissal> {
        self.items
            .iter()
            .filter_map(|item| item.dismissal(draft))
            .collect()
    }
}

/// `items` without those the writer has ignored in `draft`.
pub(super) fn drop_dismissed_items(draft: &Draft, items: &mut Vec<ReviewItem>) {
    if !draft.dismissed.is_empty() {
        items.retain(|item| !item.is_dismissed(draft));
    }
}

/// `groups` (reviewed from an earlier state of `draft`) without the places the writer has
/// ignored since: the panel answers a click on 忽略 at once, before the next review.
pub fn drop_dismissed(draft: &Draft, groups: &mut Vec<ReviewGroup>) {
    if draft.dismissed.is_empty() {
        return;
    }
    for group in groups.iter_mut() {
        drop_dismissed_items(draft, &mut group.items);
    }
    groups.retain(|group| !group.items.is_empty());
}

/// How many of `draft`'s dismissals still hold something back: their field is there and
/// still holds their words. Advice whose words were since changed or deleted shows again
/// anyway, so it is not counted as ignored.
pub fn dismissed_in_force(draft: &Draft) -> usize {
    draft
        .dismissed
        .iter()
        .filter(|d| draft.text(d.field).is_some_and(|t| t.contains(&d.words)))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::Rules;
    use crate::draft::{Command, TextField};
    use crate::review::test_support::draft_of;

    fn rules_fired(draft: &Draft) -> Vec<String> {
        crate::review::run(draft, &Rules::builtin())
            .into_iter()
            .map(|item| item.rule)
            .collect()
    }

    fn wrong_word_draft(body: &str) -> Draft {
        draft_of(&[("在学习方面", &[("一是学习不够深入", body)])])
    }

    /// What ignoring the first item of `rule` keeps.
    fn dismissal_of(draft: &Draft, rule: &str) -> Dismissal {
        crate::review::run(draft, &Rules::builtin())
            .iter()
            .find(|item| item.rule == rule)
            .and_then(|item| item.dismissal(draft))
            .unwrap_or_else(|| panic!("{rule} fires"))
    }

    #[test]
    fn ignored_advice_is_left_out_until_its_words_change() {
        let mut draft = wrong_word_draft("对群众的合理述求回应不及时。");
        let ignore = dismissal_of(&draft, "wrong_word/述求");
        assert_eq!(ignore.words, "述求");
        assert!(matches!(ignore.field, TextField::Body(_)));
        draft
            .apply(Command::Dismiss {
                dismissals: vec![ignore.clone()],
            })
            .unwrap();
        assert!(!rules_fired(&draft).contains(&"wrong_word/述求".to_owned()));
        assert_eq!(dismissed_in_force(&draft), 1);

        // Text added before it moves it, and it stays ignored; another wrong word is new advice.
        draft.categories_mut().unwrap()[0].findings[0].body =
            "份内事没做好，对群众的合理述求回应不及时。".to_owned();
        let fired = rules_fired(&draft);
        assert!(!fired.contains(&"wrong_word/述求".to_owned()), "{fired:?}");
        assert!(fired.contains(&"wrong_word/份内事".to_owned()), "{fired:?}");

        // Its words gone, the dismissal holds nothing back; typed again elsewhere, the same
        // words in the same field are still ignored.
        draft.categories_mut().unwrap()[0].findings[0].body = "回应不及时。".to_owned();
        assert_eq!(dismissed_in_force(&draft), 0);
        draft.categories_mut().unwrap()[0].findings[0].body = "述求回应不及时。".to_owned();
        assert!(!rules_fired(&draft).contains(&"wrong_word/述求".to_owned()));
    }

    #[test]
    fn ignoring_is_undone_exactly_and_twice_is_once() {
        let mut draft = wrong_word_draft("对群众的合理述求回应不及时。");
        let before = draft.clone();
        let ignore = dismissal_of(&draft, "wrong_word/述求");
        let undo = draft
            .apply(Command::Dismiss {
                dismissals: vec![ignore.clone()],
            })
            .unwrap();
        let again = draft
            .apply(Command::Dismiss {
                dismissals: vec![ignore.clone()],
            })
            .unwrap();
        assert_eq!(
            again,
            Command::Undismiss {
                dismissals: Vec::new()
            },
            "what is ignored already is not added twice"
        );
        assert_eq!(draft.dismissed.len(), 1);
        draft.apply(undo).unwrap();
        assert_eq!(draft, before);
        assert!(rules_fired(&draft).contains(&"wrong_word/述求".to_owned()));
    }

    #[test]
    fn an_ad_cannot_be_ignored() {
        let draft = draft_of(&[(
            "在学习方面",
            &[("一是学习不够深入", "更多精彩范文请关注微信公众号：范文大全")],
        )]);
        let items = crate::review::run(&draft, &Rules::builtin());
        let ad = items
            .iter()
            .find(|item| item.kind == ReviewKind::Ad)
            .expect("the ad is flagged");
        assert_eq!(ad.dismissal(&draft), None);
    }

    #[test]
    fn groups_lose_the_places_ignored_since_they_were_reviewed() {
        let mut draft = draft_of(&[(
            "在学习方面",
            &[
                ("一是学习不够深入", "学习不够。"),
                ("二是工作不够扎实", "工作不够。"),
            ],
        )]);
        let mut groups = crate::review::fold(crate::review::run(&draft, &Rules::builtin()));
        let vague = groups
            .iter()
            .find(|g| g.count() == 2)
            .expect("the two vague findings fold into one group")
            .clone();
        let first = vague.items[0].dismissal(&draft).unwrap();
        assert_eq!(first.words, "", "advice about the whole field");
        draft
            .apply(Command::Dismiss {
                dismissals: vec![first],
            })
            .unwrap();
        drop_dismissed(&draft, &mut groups);
        let left = groups
            .iter()
            .find(|g| g.first().rule == vague.first().rule)
            .expect("one place is left");
        assert_eq!(left.count(), 1);
        assert_eq!(left.items[0].location, vague.items[1].location);
    }
}
