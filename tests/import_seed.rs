//! The seed material: a real download with paywall markers around half the speech and a
//! sales block at the end.

mod import_support;

use import_support::*;
use pouxi::clean::Rules;
use pouxi::import::{self, MaterialKind};
use std::collections::BTreeSet;

fn import_seed() -> import::Imported {
    import::import_text(
        &fixture("seed_material.txt"),
        &Rules::builtin(),
        &BTreeSet::new(),
    )
}

#[test]
fn seed_has_six_categories_with_the_right_findings() {
    let imported = import_seed();
    let draft = &imported.draft;
    let counts: Vec<usize> = draft
        .categories()
        .iter()
        .map(|c| c.findings.len())
        .collect();
    assert_eq!(counts, [3, 3, 3, 4, 3, 3]);
    let titles: Vec<&str> = draft
        .categories()
        .iter()
        .map(|c| c.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "在理论学习方面",
            "在政治素质方面",
            "在能力本领方面",
            "在担当作为方面",
            "在工作作风方面",
            "在廉洁自律方面"
        ]
    );
    let expected_headlines = [
        (0, "学习举措强度不够"),
        (1, "政治定位把握不准"),
        (2, "业务水平不够高"),
        (3, "改革创新魄力不够"),
        (4, "工作落实没有形成闭环"),
        (5, "廉政风险防控存在漏洞"),
    ];
    for (ci, headline) in expected_headlines {
        assert!(
            draft.categories()[ci]
                .findings
                .iter()
                .any(|f| f.headline == headline),
            "{headline} not in category {ci}"
        );
    }
    assert_eq!(
        draft.title,
        "2023年主题教育专题民主生活会剖析发言材料（五）（问题部分）"
    );
    assert_eq!(draft.sections[0].heading, "检视存在的问题");
    assert!(draft.opening.is_empty() && draft.closing.is_empty());
    assert!(draft.ids_are_unique());
}

#[test]
fn seed_content_equals_the_expected_text_exactly() {
    let imported = import_seed();
    assert_matches_expected(&imported.draft, &fixture("seed_expected.txt"));
}

#[test]
fn seed_leaves_no_trace_of_ads() {
    let imported = import_seed();
    for text in draft_texts(&imported.draft) {
        for word in ["哒哒", "客服", "微信", "会员", "paid", "网盘", "润笔", "##"] {
            assert!(!text.contains(word), "{word} left in {text:?}");
        }
    }
    assert_ad_free(&imported.draft, &Rules::builtin());
    assert!(pouxi::check::report(&imported.draft, &Rules::builtin()).is_clean());
}

#[test]
fn seed_conserves_every_character() {
    let text = fixture("seed_material.txt");
    let imported = import_seed();
    assert_conserved(&text, &imported);
    // Paywall markers and the sales block are what went.
    let reasons: Vec<&str> = imported.removed.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(reasons.iter().filter(|r| **r == "付费墙标记").count(), 2);
    assert_eq!(imported.removed.len(), 6, "{reasons:?}");
}

fn encoded_variants(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let gb = encoding_rs::GB18030.encode(text).0.into_owned();
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(text.as_bytes());
    vec![
        ("UTF-8", text.as_bytes().to_vec()),
        ("UTF-8 (BOM)", bom),
        ("GB18030", gb),
        ("UTF-16LE", le),
        ("UTF-16BE", be),
    ]
}

#[test]
fn seed_in_every_encoding_imports_identically() {
    let text = fixture("seed_material.txt");
    let reference = import_seed();
    for (label, bytes) in encoded_variants(&text) {
        let material = import::decode_bytes(&bytes).unwrap();
        assert_eq!(material.encoding, label);
        assert_eq!(material.kind, MaterialKind::Text);
        let imported = import::import_text(&material.text, &Rules::builtin(), &BTreeSet::new());
        assert_eq!(imported.draft, reference.draft, "{label}");
    }
}

#[test]
fn seed_files_read_from_disk_in_every_encoding() {
    let text = fixture("seed_material.txt");
    let reference = import_seed();
    let dir = tempfile::tempdir().unwrap();
    for (label, bytes) in encoded_variants(&text) {
        let path = dir
            .path()
            .join(format!("材料-{}.txt", label.replace(' ', "_")));
        std::fs::write(&path, &bytes).unwrap();
        let material = import::read_material(&path).unwrap();
        assert_eq!(material.encoding, label);
        let imported = import::import_text(&material.text, &Rules::builtin(), &BTreeSet::new());
        assert_eq!(imported.draft, reference.draft, "{label}");
    }
}

#[test]
fn seed_as_docx_imports_identically() {
    let text = fixture("seed_material.txt");
    let reference = import_seed();
    let bytes = docx_bytes(&text);
    let material = import::decode_bytes(&bytes).unwrap();
    assert_eq!(material.kind, MaterialKind::Docx);
    let imported = import::import_text(&material.text, &Rules::builtin(), &BTreeSet::new());
    assert_eq!(imported.draft, reference.draft);
    assert_conserved(&material.text, &imported);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("材料.docx");
    std::fs::write(&path, &bytes).unwrap();
    let material = import::read_material(&path).unwrap();
    let imported = import::import_text(&material.text, &Rules::builtin(), &BTreeSet::new());
    assert_eq!(imported.draft, reference.draft);
}

#[test]
fn restoring_a_span_keeps_it_and_keeps_indices_stable() {
    let text = fixture("seed_material.txt");
    let rules = Rules::builtin();
    let first = import::import_text(&text, &rules, &BTreeSet::new());
    let last = first.removed.len() - 1;
    let restored = BTreeSet::from([last]);
    let again = import::import_text(&text, &rules, &restored);
    assert_eq!(again.removed.len(), first.removed.len());
    assert!(again.removed[last].restored);
    assert_eq!(again.removed[last].text, "##paidend##");
    assert!(
        again.draft.categories()[5].findings[2]
            .body
            .ends_with("##paidend##")
    );
    assert_conserved(&text, &again);
}
