//! A cause passed off as a problem: the problems part names what went wrong and how it shows;
//! why (`根源在于`, `主要是因为` …) belongs in 原因剖析. Conservative: only explicit cause
//! phrases count, and a body only when they make up most of it.

use super::{CAUSE_SHARE, Location, Part, ReviewItem, ReviewKind, findings, sentences};
use crate::draft::{Draft, count_chars};

/// Phrases that announce a cause.
const CAUSE_MARKERS: &[&str] = &[
    "根源在于",
    "根源是",
    "原因在于",
    "原因是",
    "主要是因为",
    "主要是由于",
    "这是因为",
    "这是由于",
    "究其原因",
    "究其根源",
    "归根结底",
    "归根到底",
    "根本原因",
    "深层次原因",
    "深层原因",
    "思想根源",
    "之所以",
];

/// Any of [`CAUSE_MARKERS`], found in one pass: most texts hold none.
static ANY_MARKER: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| super::needles::quick_to_build(CAUSE_MARKERS));

/// The cause phrase that comes first in `text`.
fn marker_in(text: &str) -> Option<&'static str> {
    if !super::needles::may_hold(&ANY_MARKER, text) {
        return None;
    }
    CAUSE_MARKERS
        .iter()
        .filter_map(|m| text.find(m).map(|at| (at, *m)))
        .min()
        .map(|(_, m)| m)
}

fn message(marker: &str) -> String {
    format!(
        "这里写的是原因（“{marker}”），不是问题的表现：检视问题部分写问题怎样表现，原因放到“原因剖析”部分"
    )
}

pub(super) fn check(draft: &Draft, items: &mut Vec<ReviewItem>) {
    for (_, _, finding) in findings(draft) {
        if let Some(marker) = marker_in(&finding.headline) {
            items.push(
                ReviewItem::new(
                    ReviewKind::CauseAsProblem,
                    Location::Finding(finding.id, Part::Headline),
                    message(marker),
                )
                .with_text(&finding.headline),
            );
            continue;
        }
        let body = &finding.body;
        let total = count_chars(body);
        if total == 0 {
            continue;
        }
        let mut cause_chars = 0;
        let mut first: Option<(&str, std::ops::Range<usize>)> = None;
        for range in sentences(body) {
            if let Some(marker) = marker_in(&body[range.clone()]) {
                cause_chars += count_chars(&body[range.clone()]);
                first.get_or_insert((marker, range));
            }
        }
        if let Some((marker, range)) = first
            && cause_chars as f32 >= CAUSE_SHARE * total as f32
        {
            items.push(
                ReviewItem::new(
                    ReviewKind::CauseAsProblem,
                    Location::Finding(finding.id, Part::Body),
                    message(marker),
                )
                .with_range(body, range),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    fn kinds(headline: &str, body: &str) -> Vec<(ReviewKind, Part)> {
        let draft = draft_of(&[("在政治素质方面", &[(headline, body)])]);
        let mut items = Vec::new();
        check(&draft, &mut items);
        items
            .into_iter()
            .map(|i| match i.location {
                Location::Finding(_, part) => (i.kind, part),
                _ => panic!("{i:?}"),
            })
            .collect()
    }

    #[test]
    fn a_cause_in_the_headline_is_flagged() {
        assert_eq!(
            kinds("根源在于理想信念有所弱化", GOOD_BODY),
            [(ReviewKind::CauseAsProblem, Part::Headline)]
        );
    }

    #[test]
    fn a_body_that_is_mostly_cause_is_flagged() {
        let body = "究其原因，主要是因为自己放松了主观世界的改造，理想信念有所弱化，对党性修养的重要性认识不足。归根结底是政治理论学习不够深入。";
        let items = kinds("政治站位不够高", body);
        assert_eq!(items, [(ReviewKind::CauseAsProblem, Part::Body)]);
        let draft = draft_of(&[("在政治素质方面", &[("政治站位不够高", body)])]);
        let mut found = Vec::new();
        check(&draft, &mut found);
        assert!(found[0].message.contains("“究其原因”"));
        assert_eq!(found[0].range, Some(0..body.find('。').unwrap()));
    }

    #[test]
    fn a_problem_with_a_passing_cause_is_not_flagged() {
        let body = "今年分管的4个科室中有2个支部没有按时召开组织生活会，我没有及时督促；对支部书记抓党建述职中提出的3项问题，没有跟踪整改到位，有的问题拖了半年。原因是重业务轻党建。";
        assert_eq!(kinds("党建工作抓得不够紧", body), []);
    }

    #[test]
    fn cause_words_inside_a_problem_do_not_count() {
        // "原因" alone is not a marker: analysing causes poorly is itself a problem.
        assert_eq!(kinds("对问题原因分析不深", GOOD_BODY), []);
    }
}
