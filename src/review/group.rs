//! A calmer report: items that say the same thing — same rule, same message, same fix — are
//! folded into one group with a count and the list of places, so 19 findings without a
//! figure read as one piece of advice, not nineteen.

use super::{Location, ReviewItem, Severity};
use std::collections::HashMap;

/// Items saying the same thing, in reading order; never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewGroup {
    pub items: Vec<ReviewItem>,
}

impl ReviewGroup {
    /// The first item: its kind, message and fix speak for the group.
    pub fn first(&self) -> &ReviewItem {
        &self.items[0]
    }

    pub fn count(&self) -> usize {
        self.items.len()
    }

    pub fn severity(&self) -> Severity {
        self.first().severity()
    }

    pub fn locations(&self) -> impl Iterator<Item = Location> + '_ {
        self.items.iter().map(|i| i.location)
    }

    /// True when at least one item carries a fix.
    pub fn has_fix(&self) -> bool {
        self.items.iter().any(|i| i.fix.is_some())
    }
}

/// What makes two items the same advice: rule, message and fix (from, to).
type FoldKey<'a> = (&'a str, &'a str, Option<(&'a str, &'a str)>);

/// Folds items in reading order into groups, each placed where its first item is. Items
/// about one place in particular (a repeated sentence, similar findings) say so in their
/// message and stay apart.
pub fn fold(items: Vec<ReviewItem>) -> Vec<ReviewGroup> {
    // Which group each item joins, keyed by borrowed text (a large draft has thousands of
    // items, and copying their texts cost more than the rest of the fold); then the items
    // move into their groups. Groups come in the order of their first item.
    let mut group_of = Vec::with_capacity(items.len());
    let mut index: HashMap<FoldKey, usize> = HashMap::new();
    for item in &items {
        let key = (
            item.rule.as_str(),
            item.message.as_str(),
            item.fix.as_ref().map(|f| (f.from.as_str(), f.to.as_str())),
        );
        let next = index.len();
        group_of.push(*index.entry(key).or_insert(next));
    }
    let mut groups: Vec<ReviewGroup> = (0..index.len())
        .map(|_| ReviewGroup { items: Vec::new() })
        .collect();
    drop(index);
    for (item, group) in items.into_iter().zip(group_of) {
        groups[group].items.push(item);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::super::{Part, ReviewKind};
    use super::*;
    use crate::draft::FindingId;

    fn vague(id: u64) -> ReviewItem {
        ReviewItem::new(
            ReviewKind::NoConcreteDetail,
            Location::Finding(FindingId(id), Part::Body),
            "正文没有具体事例或数据",
        )
    }

    #[test]
    fn the_same_advice_is_folded_and_different_advice_is_not() {
        let other = ReviewItem::new(
            ReviewKind::ShortBody,
            Location::Finding(FindingId(2), Part::Body),
            "正文只有 12 字",
        );
        let groups = fold(vec![vague(1), other.clone(), vague(3), vague(4)]);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].count(), 3);
        assert_eq!(
            groups[0].locations().collect::<Vec<_>>(),
            [1, 3, 4].map(|id| Location::Finding(FindingId(id), Part::Body))
        );
        assert_eq!(groups[1].items, [other]);
        assert!(!groups[0].has_fix());
    }
}
