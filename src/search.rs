//! Find and replace over the whole draft: title, heading, opening, category titles, headlines,
//! bodies and closing, in reading order. Replacing builds [`Command`]s, so a replace-all is one
//! undo step.
//!
//! ```
//! use pouxi::draft::Template;
//! use pouxi::search::{self, SearchOptions};
//! let mut draft = Template::default_template().to_draft();
//! draft.title = "××局领导班子成员对照检查材料".into();
//! let command = search::replace_all(&draft, "××", "市统计", SearchOptions::default()).unwrap();
//! let undo = draft.apply(command).unwrap();
//! assert_eq!(draft.title, "市统计局领导班子成员对照检查材料");
//! draft.apply(undo).unwrap();
//! assert!(draft.title.starts_with("××局"));
//! ```

use crate::draft::{Command, Draft, TextField};
use std::ops::Range;

/// How to match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct SearchOptions {
    /// Tell `A` from `a`. Off by default; only ASCII letters have case (Chinese has none, and
    /// full-width letters are matched as written).
    pub match_case: bool,
}

/// One occurrence of the query: its field and byte range in the field's text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Match {
    pub field: TextField,
    pub range: Range<usize>,
}

/// Byte ranges of the non-overlapping occurrences of `query` in `text`, left to right. None
/// for an empty query.
pub fn find_in(text: &str, query: &str, options: SearchOptions) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let ranges = |haystack: &str, needle: &str| -> Vec<Range<usize>> {
        haystack
            .match_indices(needle)
            .map(|(at, m)| at..at + m.len())
            .collect()
    };
    if options.match_case {
        ranges(text, query)
    } else {
        // ASCII case folding keeps every byte offset, so ranges hold for the original text.
        ranges(&text.to_ascii_lowercase(), &query.to_ascii_lowercase())
    }
}

/// Every occurrence of `query` in the draft, in reading order.
pub fn find(draft: &Draft, query: &str, options: SearchOptions) -> Vec<Match> {
    draft
        .text_fields()
        .into_iter()
        .flat_map(|(field, text)| {
            find_in(text, query, options)
                .into_iter()
                .map(move |range| Match { field, range })
        })
        .collect()
}

/// The command replacing one match. None when the match no longer fits the draft (its field
/// is gone or the text changed under it); search again then.
pub fn replace_one(draft: &Draft, found: &Match, replacement: &str) -> Option<Command> {
    let text = draft.text(found.field)?;
    if found.range.start > found.range.end {
        return None;
    }
    let before = text.get(..found.range.start)?;
    let after = text.get(found.range.end..)?;
    Some(Command::SetText {
        field: found.field,
        text: format!("{before}{replacement}{after}"),
    })
}

/// One command replacing every occurrence of `query` in the whole draft: a
/// [`Command::Batch`] of one [`Command::SetText`] per changed field, so that a single undo
/// restores the draft exactly. None when nothing matches.
pub fn replace_all(
    draft: &Draft,
    query: &str,
    replacement: &str,
    options: SearchOptions,
) -> Option<Command> {
    let commands: Vec<Command> = draft
        .text_fields()
        .into_iter()
        .filter_map(|(field, text)| {
            let ranges = find_in(text, query, options);
            if ranges.is_empty() {
                return None;
            }
            let mut out = String::with_capacity(text.len());
            let mut last = 0;
            for range in ranges {
                out.push_str(&text[last..range.start]);
                out.push_str(replacement);
                last = range.end;
            }
            out.push_str(&text[last..]);
            Some(Command::SetText { field, text: out })
        })
        .collect();
    (!commands.is_empty()).then_some(Command::Batch(commands))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{CategoryId, DEFAULT_HEADING, Finding, FindingId};

    fn draft() -> Draft {
        let mut draft = Draft::with_categories(
            "××局党组成员20**年度民主生活会对照检查材料",
            DEFAULT_HEADING,
            &["在理论学习方面", "在廉洁自律方面"],
        );
        draft.opening = "根据××局党组通知要求，本人认真学习了规定篇目。".into();
        draft.categories_mut().unwrap()[0].findings.push(Finding {
            id: FindingId(10),
            headline: "学习举措强度不够".into(),
            body: "作为××局分管领导，今年只参加集中学习5次；在××局机关学习中发言不多。".into(),
        });
        draft.categories_mut().unwrap()[1].findings.push(Finding {
            id: FindingId(11),
            headline: "廉政风险防控存在漏洞".into(),
            body: "对分管科室的OA系统审批流程监督不够，Oa账号密码长期未改。".into(),
        });
        draft.closing = "以上是我的对照检查，请××局同志们批评指正。".into();
        draft
    }

    #[test]
    fn finds_every_occurrence_in_reading_order() {
        let draft = draft();
        let found = find(&draft, "××局", SearchOptions::default());
        let fields: Vec<TextField> = found.iter().map(|m| m.field).collect();
        assert_eq!(
            fields,
            [
                TextField::Title,
                TextField::Opening,
                TextField::Body(FindingId(10)),
                TextField::Body(FindingId(10)),
                TextField::Closing,
            ]
        );
        for m in &found {
            assert_eq!(&draft.text(m.field).unwrap()[m.range.clone()], "××局");
        }
        let titles = find(&draft, "方面", SearchOptions::default());
        assert_eq!(
            titles.iter().map(|m| m.field).collect::<Vec<_>>(),
            [
                TextField::CategoryTitle(CategoryId(1)),
                TextField::CategoryTitle(CategoryId(2))
            ]
        );
    }

    #[test]
    fn case_is_ignored_for_ascii_unless_asked() {
        let draft = draft();
        assert_eq!(find(&draft, "oa", SearchOptions::default()).len(), 2);
        let exact = find(&draft, "OA", SearchOptions { match_case: true });
        assert_eq!(exact.len(), 1);
        assert_eq!(exact[0].field, TextField::Body(FindingId(11)));
        assert!(find_in("ＯＡ系统", "oa", SearchOptions::default()).is_empty());
    }

    #[test]
    fn matches_do_not_overlap_and_empty_queries_find_nothing() {
        let found = find_in("学习学习学习", "学习学习", SearchOptions::default());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0], 0.."学习学习".len());
        assert!(find_in("学习", "", SearchOptions::default()).is_empty());
        assert_eq!(find(&draft(), "", SearchOptions::default()), []);
        assert_eq!(
            replace_all(&draft(), "", "x", SearchOptions::default()),
            None
        );
        assert_eq!(
            replace_all(&draft(), "不存在的词", "x", SearchOptions::default()),
            None
        );
    }

    #[test]
    fn filling_a_placeholder_everywhere_is_one_step_and_undoes_exactly() {
        let mut draft = draft();
        let before = draft.clone();
        let command = replace_all(&draft, "××", "市统计", SearchOptions::default()).unwrap();
        let Command::Batch(steps) = &command else {
            panic!("{command:?}")
        };
        assert_eq!(steps.len(), 4, "one SetText per changed field");
        assert!(steps.iter().all(|c| matches!(c, Command::SetText { .. })));
        let undo = draft.apply(command).unwrap();
        assert!(find(&draft, "××", SearchOptions::default()).is_empty());
        assert_eq!(
            draft.title,
            "市统计局党组成员20**年度民主生活会对照检查材料"
        );
        assert_eq!(
            draft.finding(FindingId(10)).unwrap().body,
            "作为市统计局分管领导，今年只参加集中学习5次；在市统计局机关学习中发言不多。"
        );
        assert_eq!(find(&draft, "市统计局", SearchOptions::default()).len(), 5);
        draft.apply(undo).unwrap();
        assert_eq!(draft, before);
    }

    #[test]
    fn a_replacement_holding_the_query_is_not_replaced_again() {
        let mut draft = draft();
        let command = replace_all(&draft, "××局", "××局机关", SearchOptions::default()).unwrap();
        draft.apply(command).unwrap();
        assert_eq!(
            draft.closing,
            "以上是我的对照检查，请××局机关同志们批评指正。"
        );
    }

    #[test]
    fn replace_one_changes_only_that_match() {
        let mut draft = draft();
        let found = find(&draft, "××局", SearchOptions::default());
        let second_in_body = &found[3];
        let command = replace_one(&draft, second_in_body, "市统计局").unwrap();
        let undo = draft.apply(command).unwrap();
        assert_eq!(
            draft.finding(FindingId(10)).unwrap().body,
            "作为××局分管领导，今年只参加集中学习5次；在市统计局机关学习中发言不多。"
        );
        draft.apply(undo).unwrap();
        assert_eq!(draft, self::draft());
    }

    #[test]
    fn a_stale_match_is_refused() {
        let draft = draft();
        let gone = Match {
            field: TextField::Body(FindingId(99)),
            range: 0..3,
        };
        assert_eq!(replace_one(&draft, &gone, "x"), None);
        let past_the_end = Match {
            field: TextField::Closing,
            range: 0..10_000,
        };
        assert_eq!(replace_one(&draft, &past_the_end, "x"), None);
        let inside_a_character = Match {
            field: TextField::Closing,
            range: 1..3,
        };
        assert_eq!(replace_one(&draft, &inside_a_character, "x"), None);
        #[allow(clippy::reversed_empty_ranges)]
        let reversed = Match {
            field: TextField::Closing,
            range: 6..3,
        };
        assert_eq!(replace_one(&draft, &reversed, "x"), None);
    }

    proptest::proptest! {
        #[test]
        fn replace_all_then_undo_restores_the_draft(
            query in proptest::sample::select(vec!["××", "局", "学习", "oa", "。", "x", "领导，"]),
            replacement in proptest::sample::select(vec!["", "市统计", "××", "OA", "；"]),
            match_case in proptest::bool::ANY,
        ) {
            let options = SearchOptions { match_case };
            let mut draft = draft();
            let before = draft.clone();
            let found = find(&draft, query, options).len();
            match replace_all(&draft, query, replacement, options) {
                None => proptest::prop_assert_eq!(found, 0),
                Some(command) => {
                    let undo = draft.apply(command).unwrap();
                    // Nothing is left unless the replacement brings the query back.
                    if find_in(replacement, query, options).is_empty() {
                        proptest::prop_assert!(find(&draft, query, options).is_empty());
                    }
                    draft.apply(undo).unwrap();
                    proptest::prop_assert_eq!(&draft, &before);
                }
            }
        }
    }
}
