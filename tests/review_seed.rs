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
        if let Some(fix) = &item.fix {
            assert_eq!(
                text.get(fix.range.clone()),
                Some(fix.from.as_str()),
                "{item:?}"
            );
            assert_ne!(fix.from, fix.to, "{item:?}");
        }
        assert!(!item.location.describe_zh(draft).is_empty(), "{item:?}");
        assert!(!item.message.is_empty());
    }
}

/// The text of a finding's field in the seed that contains `needle`.
fn field_with(draft: &Draft, needle: &str) -> TextField {
    draft
        .text_fields()
        .into_iter()
        .find(|(_, text)| text.contains(needle))
        .map(|(field, _)| field)
        .unwrap_or_else(|| panic!("the seed has no “{needle}”"))
}

#[test]
fn the_seed_is_told_its_five_faults_with_fixes_and_its_vagueness_once() {
    let draft = seed();
    let items = run(&draft);
    assert_items_fit(&draft, &items);
    // The faults the person checking the speech marks at once, each with its exact fix.
    for (kind, needle, from, to) in [
        (
            ReviewKind::Particle,
            "党建工作抓的不够紧",
            "抓的不够",
            "抓得不够",
        ),
        (ReviewKind::WrongWord, "合理述求", "述求", "诉求"),
        (ReviewKind::WrongWord, "份内事", "份内事", "分内事"),
        (
            ReviewKind::Formulation,
            "习近平新时代中国特色社会主义精神实质",
            "习近平新时代中国特色社会主义",
            "习近平新时代中国特色社会主义思想",
        ),
        (
            ReviewKind::Formulation,
            "融入十四五工作大局",
            "十四五",
            "“十四五”",
        ),
    ] {
        let field = field_with(&draft, needle);
        let item = items
            .iter()
            .find(|i| i.kind == kind && i.location.field() == field)
            .unwrap_or_else(|| panic!("{needle} not flagged: {items:#?}"));
        let fix = item
            .fix
            .as_ref()
            .unwrap_or_else(|| panic!("{needle}: no fix"));
        assert_eq!((fix.from.as_str(), fix.to.as_str()), (from, to), "{needle}");
    }
    // Age and the nature of the post given as causes: advice, with the reason.
    for needle in ["随着年龄的增长", "因为工作性质的原因"] {
        let field = field_with(&draft, needle);
        assert!(
            items
                .iter()
                .any(|i| i.kind == ReviewKind::BlamingCircumstances
                    && i.location.field() == field
                    && i.severity() == review::Severity::Hint),
            "{needle}"
        );
    }
    // The title's website leftovers. The heading the seed numbers 二、 now prints as 一、:
    // section numbers are derived from position, so there is nothing to renumber.
    let title = items
        .iter()
        .find(|i| i.kind == ReviewKind::WebsiteLeftover)
        .unwrap();
    assert_eq!(
        title.fix.as_ref().map(|f| f.to.as_str()),
        Some("2023年主题教育专题民主生活会剖析发言材料")
    );
    assert_eq!(
        draft.problems_section().map(|s| s.heading.as_str()),
        Some("检视存在的问题")
    );
    assert!(
        !items.iter().any(|i| i.kind == ReviewKind::SectionNumbering),
        "{items:#?}"
    );

    // Nineteen findings without a figure: one piece of advice with its nineteen places.
    let groups = review::fold(items.clone());
    let vague: Vec<&review::ReviewGroup> = groups
        .iter()
        .filter(|g| g.first().kind == ReviewKind::NoConcreteDetail)
        .collect();
    assert_eq!(vague.len(), 1);
    assert_eq!(vague[0].count(), 19);
    assert_eq!(
        items
            .iter()
            .filter(|i| i.kind == ReviewKind::NoConcreteDetail)
            .count(),
        19
    );
    assert!(groups.len() < 15, "{} groups", groups.len());
}

#[test]
fn every_fix_on_the_seed_applies_in_one_undoable_step() {
    let mut draft = seed();
    let before = draft.clone();
    let items = run(&draft);
    let command = review::fix_command(&draft, &items).expect("the seed has fixes");
    let undo = draft.apply(command).unwrap();
    let text: String = draft
        .text_fields()
        .into_iter()
        .map(|(_, t)| t.to_owned())
        .collect();
    for fixed in [
        "党建工作抓得不够紧",
        "合理诉求",
        "“分内事”",
        "习近平新时代中国特色社会主义思想精神实质",
        "融入“十四五”工作大局",
    ] {
        assert!(text.contains(fixed), "{fixed}");
    }
    assert_eq!(draft.title, "2023年主题教育专题民主生活会剖析发言材料");
    assert_eq!(
        draft.problems_section().map(|s| s.heading.as_str()),
        Some("检视存在的问题")
    );
    let after = run(&draft);
    assert!(
        after.iter().all(|i| i.fix.is_none()),
        "fixed text raises no new fix: {after:#?}"
    );
    draft.apply(undo).unwrap();
    assert_eq!(draft, before);
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
    let vague = |i: &&ReviewItem| i.kind == ReviewKind::NoConcreteDetail;
    assert!(
        !items
            .iter()
            .filter(vague)
            .any(|i| i.finding() == Some(finding.id))
    );
    assert_eq!(items.iter().filter(vague).count(), 18);
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
        "的",
        "得",
        "地",
        "抓的不够",
        "述求",
        "十四五",
        "“",
        "习近平新时代中国特色社会主义",
        "两个确立",
        "三个自信",
        "随着年龄的增长",
        "(",
        ")",
        ",",
        "\"",
        ".",
        "二、",
        "篇一",
        "（五）",
        "的的",
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
        if let Some(command) = review::fix_command(&draft, &items) {
            let mut fixed = draft.clone();
            let undo = fixed.apply(command).unwrap();
            fixed.apply(undo).unwrap();
            proptest::prop_assert_eq!(&fixed, &draft);
        }
        for text in [&headline, &body, &other] {
            for span in pouxi::originality::copied_spans(text, draft.source.as_ref().unwrap()) {
                proptest::prop_assert!(text.get(span).is_some());
            }
        }
        let report = pouxi::originality::report(&draft).unwrap();
        proptest::prop_assert!((0.0..=1.0).contains(&report.total));
    }
}
