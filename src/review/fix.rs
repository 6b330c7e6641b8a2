//! Fixes: the exact change that mends what an item points at, and the one command that
//! applies one or many of them, so that a click is one undo step.

use super::ReviewItem;
use crate::draft::{Command, Draft};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Range;

/// Replace `from`, found at `range` of the item's field, by `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// Byte range in the field's text when the draft was reviewed.
    #[serde(skip)]
    pub range: Range<usize>,
    pub from: String,
    pub to: String,
}

impl Fix {
    /// None when `range` is not a piece of `text` or the fix would change nothing.
    pub(super) fn new(text: &str, range: Range<usize>, to: impl Into<String>) -> Option<Fix> {
        let from = text.get(range.clone())?.to_owned();
        let to = to.into();
        (from != to).then_some(Fix { range, from, to })
    }
}

/// The command applying the fixes of `items`, in one step: one `SetText` per field, wrapped
/// in a `Batch` so that it is never merged with typing. Fixes whose text has changed since
/// the review, or that overlap an earlier fix, are left out. None when nothing is left.
pub fn fix_command<'a>(
    draft: &Draft,
    items: impl IntoIterator<Item = &'a ReviewItem>,
) -> Option<Command> {
    let mut by_field: BTreeMap<usize, (crate::draft::TextField, Vec<&Fix>)> = BTreeMap::new();
    let order: std::collections::HashMap<_, usize> = draft
        .text_fields()
        .into_iter()
        .enumerate()
        .map(|(i, (field, _))| (field, i))
        .collect();
    for item in items {
        let (Some(fix), field) = (&item.fix, item.location.field()) else {
            continue;
        };
        let Some(&at) = order.get(&field) else {
            continue;
        };
        by_field
            .entry(at)
            .or_insert((field, Vec::new()))
            .1
            .push(fix);
    }
    let mut commands = Vec::new();
    for (field, mut fixes) in by_field.into_values() {
        let Some(text) = draft.text(field) else {
            continue;
        };
        fixes.sort_by_key(|fix| fix.range.start);
        let mut fixed = String::with_capacity(text.len());
        let mut done = 0;
        let mut applied = false;
        for fix in fixes {
            let current = text.get(fix.range.clone());
            if fix.range.start < done || current != Some(fix.from.as_str()) {
                continue;
            }
            fixed.push_str(&text[done..fix.range.start]);
            fixed.push_str(&fix.to);
            done = fix.range.end;
            applied = true;
        }
        if !applied {
            continue;
        }
        fixed.push_str(&text[done..]);
        commands.push(Command::SetText { field, text: fixed });
    }
    (!commands.is_empty()).then_some(Command::Batch(commands))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{Location, Part, ReviewKind};
    use super::*;
    use crate::draft::{FindingId, TextField};

    fn item(body: &str, find: &str, to: &str) -> ReviewItem {
        let start = body.find(find).unwrap();
        ReviewItem::new(
            ReviewKind::WrongWord,
            Location::Finding(FindingId(101), Part::Body),
            "错字",
        )
        .with_range(body, start..start + find.len())
        .with_fix(body, to)
    }

    #[test]
    fn several_fixes_in_one_field_are_one_command() {
        let body = "对合理述求不敢允诺，把从严治党当作份内事。";
        let mut draft = draft_of(&[("在担当作为方面", &[("勇于担责意识不强", body)])]);
        let items = [item(body, "述求", "诉求"), item(body, "份内", "分内")];
        let command = fix_command(&draft, &items).unwrap();
        let undo = draft.apply(command).unwrap();
        assert_eq!(
            draft.text(TextField::Body(FindingId(101))),
            Some("对合理诉求不敢允诺，把从严治党当作分内事。")
        );
        draft.apply(undo).unwrap();
        assert_eq!(draft.text(TextField::Body(FindingId(101))), Some(body));
    }

    #[test]
    fn a_stale_fix_is_left_out() {
        let body = "对合理述求不敢允诺。";
        let stale = item(body, "述求", "诉求");
        let draft = draft_of(&[("在担当作为方面", &[("勇于担责意识不强", "已经改过了。")])]);
        assert_eq!(fix_command(&draft, [&stale]), None);
    }
}
