//! The everyday contact line `更多资料请加微信 abc123，获取全文` (no colon) is kept out at every
//! door — import, paste, 检查 and the export gate — because they share the ad rules; and content
//! that only looks like an ad survives every door.

mod import_support;

use import_support::*;
use pouxi::clean::{self, Rules};
use pouxi::draft::{Category, CategoryId, DEFAULT_HEADING, Draft, Finding, FindingId};
use pouxi::export::{Layout, export_gate};
use pouxi::import;
use pouxi::review::{self, ReviewKind};
use std::collections::BTreeSet;

const CONTACT: &str = "更多资料请加微信 abc123，获取全文";
const BODY: &str = "在工作中经常满足于完成规定动作，2024年只开展专题研讨2次。";

/// Sentences that only look like ads: each is content.
const LOOKALIKES: &[&str] = &[
    "支部建立了微信工作群，每周推送学习资料，但互动讨论不多。",
    "对12345热线转办的群众诉求，有3件未按时回复。",
    "单位公众号“清风武侯”全年只更新了12期，学习专栏长期空白。",
    "组织党员下载学习资料后，没有跟进检查学习效果。",
    "联系会员单位开展共建活动少，全年仅2次。",
];

fn draft_with_body(body: &str) -> Draft {
    let mut draft = Draft::with_categories::<&str>("对照检查材料", DEFAULT_HEADING, &[]);
    if let Some(categories) = draft.categories_mut() {
        categories.push(Category {
            id: CategoryId(10),
            title: "在理论学习方面".into(),
            findings: vec![Finding {
                id: FindingId(11),
                headline: "学习不够深入".into(),
                body: body.into(),
            }],
            ..Category::default()
        });
    }
    draft
}

#[test]
fn the_contact_line_is_removed_on_import() {
    let rules = Rules::builtin();
    let text =
        format!("二、检视存在的问题\n（一）在理论学习方面\n一是学习不够深入。{BODY}\n{CONTACT}\n");
    let imported = import::import_text(&text, &rules, &BTreeSet::new());
    let kept = strip_ws(&draft_texts(&imported.draft).concat());
    assert!(!kept.contains("abc123"), "{kept}");
    assert!(kept.contains(&strip_ws(BODY)));
    assert!(imported.removed.iter().any(|r| r.text.contains("abc123")));
    assert_conserved(&text, &imported);
}

#[test]
fn the_contact_line_is_removed_on_paste() {
    let (cleaned, removed) = clean::clean_pasted(&format!("{BODY}{CONTACT}"), &Rules::builtin());
    assert_eq!(cleaned, BODY);
    assert_eq!(removed.len(), 1);
}

#[test]
fn the_contact_line_is_flagged_by_the_review_and_the_export_gate() {
    let rules = Rules::builtin();
    let draft = draft_with_body(&format!("{BODY}{CONTACT}"));
    let items = review::run(&draft, &rules);
    assert!(items.iter().any(|i| i.kind == ReviewKind::Ad), "{items:?}");
    let gate = export_gate(&draft, Layout::Inline, &rules);
    assert!(!gate.is_empty());
    // Without it, neither door complains.
    let clean = draft_with_body(BODY);
    assert!(
        !review::run(&clean, &rules)
            .iter()
            .any(|i| i.kind == ReviewKind::Ad)
    );
    assert!(export_gate(&clean, Layout::Inline, &rules).is_empty());
}

#[test]
fn contact_lines_in_other_shapes_go_too() {
    let rules = Rules::builtin();
    for line in [
        "需要原稿请加V wxid2024",
        "加 微 信 dangjian88 免费领",
        "更多范文添加qq abcd1234",
    ] {
        assert!(!clean::is_clean(line, &rules), "{line}");
    }
}

#[test]
fn content_that_only_looks_like_an_ad_passes_every_door() {
    let rules = Rules::builtin();
    for &sentence in LOOKALIKES {
        assert!(clean::is_clean(sentence, &rules), "flagged: {sentence}");
        let (pasted, removed) = clean::clean_pasted(sentence, &rules);
        assert_eq!(pasted, sentence);
        assert!(removed.is_empty());
        let text =
            format!("二、检视存在的问题\n（一）在理论学习方面\n一是学习不够深入。{sentence}\n");
        let imported = import::import_text(&text, &rules, &BTreeSet::new());
        assert!(
            imported.removed.is_empty(),
            "{sentence}: {:?}",
            imported.removed
        );
        let draft = draft_with_body(sentence);
        assert!(
            !review::run(&draft, &rules)
                .iter()
                .any(|i| i.kind == ReviewKind::Ad)
        );
        assert!(export_gate(&draft, Layout::Inline, &rules).is_empty());
    }
}
