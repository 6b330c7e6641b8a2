//! The reviewer on the seed: what a real downloaded speech gets told, and what changes when
//! the writer edits it.

mod import_support;

use import_support::*;
use pouxi::clean::Rules;
use pouxi::draft::{Command, Draft, Finding, FindingId, TextField};
use pouxi::import;
use pouxi::review::{self, Location, Part, ReviewItem, ReviewKind};
use std::collections::BTreeSet;

fn seed() -> Draft {
    import::import_text(
        &fixture("seed_material.txt"),
        &Rules::builtin(),
        &BTreeSet::new(),
    )
    .draft
}

fn run(draft: &Draft) -> Vec<ReviewItem> {
    review::run(draft, &Rules::builtin())
}

/// Every item points at a field that exists, with a range on character boundaries of it.
fn assert_items_fit(draft: &Draft, items: &[ReviewItem]) {
    for item in items {
        let text = draft
            .text(item.location.field())
            .unwrap_or_else(|| panic!("no field for {item:?}"));
        if let Some(range) = &item.range {
            assert!(text.get(range.clone()).is_some(), "{item:?}");
        }
        if let Some(related) = item.related {
            assert!(draft.text(related.field()).is_some(), "{item:?}");
        }
        assert!(!item.location.describe_zh(draft).is_empty(), "{item:?}");
        assert!(!item.message.is_empty());
    }
}

#[test]
fn the_seed_is_told_only_that_every_finding_is_vague() {
    let draft = seed();
    let items = run(&draft);
    assert_items_fit(&draft, &items);
    assert_eq!(items.len(), draft.finding_count());
    assert!(
        items.iter().all(|i| i.kind == ReviewKind::NoConcreteDetail),
        "{items:#?}"
    );
    // In reading order, one per finding.
    let ids: Vec<FindingId> = items.iter().filter_map(ReviewItem::finding).collect();
    let expected: Vec<FindingId> = draft
        .categories()
        .iter()
        .flat_map(|c| c.findings.iter().map(|f| f.id))
        .collect();
    assert_eq!(ids, expected);
}

#[test]
fn adding_a_figure_silences_the_vagueness_hint() {
    let mut draft = seed();
    let finding = draft.categories()[0].findings[0].clone();
    draft
        .apply(Command::SetText {
            field: TextField::Body(finding.id),
            text: format!(
                "{}今年以来参加党组理论学习中心组集中学习12次，其中因出差缺席3次。",
                finding.body
            ),
        })
        .unwrap();
    let items = run(&draft);
    assert!(!items.iter().any(|i| i.finding() == Some(finding.id)));
    assert_eq!(items.len(), draft.finding_count() - 1);
}

#[test]
fn a_carelessly_finished_template_gets_every_kind_of_advice() {
    let mut draft = seed();
    let first = draft.categories()[0].findings[0].clone();
    let second = draft.categories()[0].findings[1].clone();
    let last_category = draft.categories()[5].id;
    draft.title = "20**年度专题民主生活会个人对照检查材料".into();
    let commands = vec![
        // A placeholder and a sales line.
        Command::SetText {
            field: TextField::Body(second.id),
            text: format!(
                "{}作为××局党组成员，更多精品材料请添加客服微信：abc123。",
                second.body
            ),
        },
        // A headline that stops mid-thought and a cause passed off as a problem.
        Command::SetText {
            field: TextField::Headline(first.id),
            text: "学习举措强度不够，".into(),
        },
        Command::InsertFinding {
            category: draft.categories()[1].id,
            index: 0,
            finding: Finding {
                id: FindingId(9001),
                headline: "理想信念有所弱化".into(),
                body: "究其原因，主要是自己放松了主观世界的改造，对加强党性修养的重要性认识不足，思想根源在于政治理论学习不够深入。".into(),
            },
        },
        // The first finding pasted again further on.
        Command::InsertFinding {
            category: draft.categories()[2].id,
            index: 1,
            finding: Finding {
                id: FindingId(9002),
                headline: "学习深度不够".into(),
                body: first.body.clone(),
            },
        },
        // An empty category and a bare headline.
        Command::InsertFinding {
            category: draft.categories()[3].id,
            index: 0,
            finding: Finding {
                id: FindingId(9003),
                headline: "斗争精神不强".into(),
                body: String::new(),
            },
        },
        Command::SetText {
            field: TextField::Body(draft.categories()[4].findings[0].id),
            text: "工作作风不够扎实。".into(),
        },
    ];
    draft.apply(Command::Batch(commands)).unwrap();
    let ids: Vec<FindingId> = draft.categories()[5]
        .findings
        .iter()
        .map(|f| f.id)
        .collect();
    for id in ids {
        draft.apply(Command::RemoveFinding { id }).unwrap();
    }
    let items = run(&draft);
    assert_items_fit(&draft, &items);
    let has = |kind: ReviewKind, location: Location| {
        items
            .iter()
            .any(|i| i.kind == kind && i.location == location)
    };
    assert!(has(ReviewKind::Placeholder, Location::Title));
    assert!(has(
        ReviewKind::Placeholder,
        Location::Finding(second.id, Part::Body)
    ));
    assert!(has(
        ReviewKind::Ad,
        Location::Finding(second.id, Part::Body)
    ));
    assert!(has(
        ReviewKind::UnfinishedHeadline,
        Location::Finding(first.id, Part::Headline)
    ));
    assert!(has(
        ReviewKind::CauseAsProblem,
        Location::Finding(FindingId(9001), Part::Body)
    ));
    assert!(has(
        ReviewKind::SimilarFindings,
        Location::Finding(FindingId(9002), Part::Headline)
    ));
    assert!(has(
        ReviewKind::MissingBody,
        Location::Finding(FindingId(9003), Part::Body)
    ));
    assert!(has(
        ReviewKind::EmptyCategory,
        Location::Category(last_category)
    ));
    assert!(items.iter().any(|i| i.kind == ReviewKind::ShortBody));
    // The pasted finding is one item, not one per repeated sentence.
    assert!(
        !items.iter().any(|i| i.kind == ReviewKind::RepeatedSentence
            && i.location.finding() == Some(FindingId(9002)))
    );
    // The title comes first, the emptied last category last.
    assert_eq!(items[0].location, Location::Title);
    assert_eq!(
        items.last().map(|i| i.location),
        Some(Location::Category(last_category))
    );
}

/// Text made of the characters the checks look at, mixed with anything.
fn tricky_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let pieces = prop::sample::select(vec![
        "××",
        "×",
        "X",
        "x",
        "Ｘ",
        "*",
        "＊",
        "_",
        "＿",
        "○",
        "〇",
        "某",
        "年",
        "月",
        "日",
        "。",
        "，",
        "、",
        "；",
        "！",
        "？",
        "\n",
        " ",
        "\u{3000}",
        "但",
        "和",
        "原因是",
        "究其原因",
        "12",
        "３",
        "次",
        "两个",
        "《",
        "》",
        "（",
        "）",
        "“",
        "”",
        "例如",
        "如",
        "学习",
        "举措",
        "不够",
        "微信",
        "客服",
        "\u{200b}",
        "é",
        "😀",
    ]);
    prop::collection::vec(
        prop_oneof![pieces.prop_map(str::to_owned), any::<String>()],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    #[test]
    fn the_reviewer_and_the_meter_take_any_text(
        headline in tricky_text(),
        body in tricky_text(),
        other in tricky_text(),
        source in tricky_text(),
    ) {
        let mut draft = seed();
        let first = draft.categories()[0].findings[0].id;
        let second = draft.categories()[1].findings[0].id;
        draft.title = other.clone();
        for (field, text) in [
            (TextField::Headline(first), &headline),
            (TextField::Body(first), &body),
            (TextField::Body(second), &body),
            (TextField::Closing, &other),
        ] {
            draft.apply(Command::SetText { field, text: text.clone() }).unwrap();
        }
        draft.source = Some(pouxi::draft::SourceFingerprint::from_text(&source));
        let items = run(&draft);
        assert_items_fit(&draft, &items);
        for text in [&headline, &body, &other] {
            for span in pouxi::originality::copied_spans(text, draft.source.as_ref().unwrap()) {
                proptest::prop_assert!(text.get(span).is_some());
            }
        }
        let report = pouxi::originality::report(&draft).unwrap();
        proptest::prop_assert!((0.0..=1.0).contains(&report.total));
    }
}
