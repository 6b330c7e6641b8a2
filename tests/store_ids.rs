//! Ids stay unique whatever a file holds (issue 18, case 1): an id at the top of the range must
//! not wrap around to ids already in use, and every id handed out afterwards is new.

use pouxi::draft::{
    Category, CategoryId, Command, DEFAULT_HEADING, Draft, Finding, FindingId, IdSource, Section,
    SectionBody, SectionId, SectionKind, TextField,
};
use pouxi::store;
use proptest::prelude::*;
use std::collections::HashSet;

/// The draft from the report: a category at `u64::MAX` holding two findings with id 5 (甲, 乙),
/// and another category whose finding has id 1 (丙).
const TOP_OF_RANGE: &str = r#"(
    format: "pouxi-draft",
    version: 1,
    title: "标题",
    heading: "二、检视存在的问题",
    categories: [
        (id: 18446744073709551615, title: "在理论学习方面", findings: [
            (id: 5, headline: "甲", body: "甲的正文"),
            (id: 5, headline: "乙", body: "乙的正文"),
        ]),
        (id: 2, title: "在政治素质方面", findings: [
            (id: 1, headline: "丙", body: "丙的正文"),
        ]),
    ],
)"#;

fn body_of(draft: &Draft, headline: &str) -> String {
    draft
        .categories()
        .iter()
        .flat_map(|c| &c.findings)
        .find(|f| f.headline == headline)
        .map(|f| f.body.clone())
        .unwrap_or_default()
}

fn id_of(draft: &Draft, headline: &str) -> FindingId {
    draft
        .categories()
        .iter()
        .flat_map(|c| &c.findings)
        .find(|f| f.headline == headline)
        .map(|f| f.id)
        .unwrap_or_default()
}

#[test]
fn an_id_at_the_top_of_the_range_does_not_wrap_around() {
    let mut draft = store::draft_from_ron(TOP_OF_RANGE).unwrap();
    assert!(draft.ids_are_unique(), "{:?}", draft.categories());

    // Typing into 丙 changes 丙 only.
    let bing = id_of(&draft, "丙");
    draft
        .apply(Command::SetText {
            field: TextField::Body(bing),
            text: "丙改过了".into(),
        })
        .unwrap();
    assert_eq!(body_of(&draft, "甲"), "甲的正文");
    assert_eq!(body_of(&draft, "乙"), "乙的正文");
    assert_eq!(body_of(&draft, "丙"), "丙改过了");

    // New findings get new ids.
    let mut ids = IdSource::after(&draft);
    let fresh = ids.finding();
    let category = draft.categories()[1].id;
    draft
        .apply(Command::InsertFinding {
            category,
            index: 0,
            finding: Finding {
                id: fresh,
                headline: "丁".into(),
                body: "丁的正文".into(),
            },
        })
        .unwrap();
    assert!(draft.ids_are_unique());

    // And a save keeps every finding's words.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("稿件.ron");
    store::save_draft(&path, &draft).unwrap();
    let back = store::load_draft(&path).unwrap();
    for (name, body) in [
        ("甲", "甲的正文"),
        ("乙", "乙的正文"),
        ("丙", "丙改过了"),
        ("丁", "丁的正文"),
    ] {
        assert_eq!(body_of(&back, name), body, "{name}");
    }
    assert!(back.ids_are_unique());
}

#[test]
fn id_source_never_wraps() {
    let mut draft = Draft::with_categories("t", DEFAULT_HEADING, &["甲"]);
    draft.categories_mut().unwrap()[0].id = CategoryId(u64::MAX);
    let mut ids = IdSource::after(&draft);
    let a = ids.finding();
    let b = ids.finding();
    assert_ne!(a, b);
    assert_ne!(a.0, u64::MAX);
    assert_ne!(b.0, u64::MAX);
    assert_ne!(a.0, 0);
}

/// A draft with the given ids: a problems section of categories of findings, ids taken in
/// order.
fn with_ids(section: u64, shape: &[(u64, Vec<u64>)]) -> Draft {
    let mut n = 0;
    let categories = shape
        .iter()
        .map(|(cid, fids)| Category {
            id: CategoryId(*cid),
            title: format!("类{cid}"),
            findings: fids
                .iter()
                .map(|fid| {
                    n += 1;
                    Finding {
                        id: FindingId(*fid),
                        headline: format!("问题{n}"),
                        body: format!("正文{n}"),
                    }
                })
                .collect(),
            ..Category::default()
        })
        .collect();
    Draft {
        sections: vec![Section {
            id: SectionId(section),
            kind: SectionKind::Problems,
            heading: DEFAULT_HEADING.to_owned(),
            body: SectionBody::Categories(categories),
        }],
        ..Draft::default()
    }
}

fn any_id() -> impl Strategy<Value = u64> {
    prop_oneof![
        0..8u64,
        Just(u64::MAX),
        Just(u64::MAX - 1),
        (u64::MAX - 8)..=u64::MAX,
        any::<u64>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any id set: after loading, ids are unique and non-zero, every finding's words are kept
    /// in order, and the ids handed out next collide with nothing.
    #[test]
    fn ids_are_unique_under_any_input(
        section in any_id(),
        shape in prop::collection::vec((any_id(), prop::collection::vec(any_id(), 0..5)), 0..5),
    ) {
        let original = with_ids(section, &shape);
        let mut draft = original.clone();
        draft.normalize_ids();
        prop_assert!(draft.ids_are_unique());
        let words = |d: &Draft| -> Vec<(String, String)> {
            d.categories().iter().flat_map(|c| &c.findings).map(|f| (f.headline.clone(), f.body.clone())).collect()
        };
        prop_assert_eq!(words(&draft), words(&original));
        // Through the file format too.
        let loaded = store::draft_from_ron(&store::draft_to_ron(&original)).unwrap();
        prop_assert!(loaded.ids_are_unique());
        prop_assert_eq!(words(&loaded), words(&original));
        // Normalizing a normalized draft changes nothing.
        let mut again = loaded.clone();
        prop_assert!(!again.normalize_ids());
        // Fresh ids are new.
        let mut used: HashSet<u64> = loaded.categories().iter()
            .flat_map(|c| std::iter::once(c.id.0).chain(c.findings.iter().map(|f| f.id.0)))
            .collect();
        prop_assert!(used.insert(loaded.sections[0].id.0));
        let mut ids = IdSource::after(&loaded);
        for _ in 0..16 {
            let id = ids.finding().0;
            prop_assert!(id != 0);
            prop_assert!(used.insert(id), "id {} handed out twice", id);
        }
    }
}
