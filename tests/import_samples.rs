//! Realistic materials in the styles of different sites (tests/fixtures/*.txt), each with its
//! expected clean content in `*_expected.txt`. The expected files are written the way the
//! draft re-serialises inline: numbering normalised to `（一）…。一是…。`, whitespace ignored.

mod import_support;

use import_support::*;
use pouxi::clean::Rules;
use pouxi::import;
use std::collections::BTreeSet;

fn check_sample(name: &str) -> import::Imported {
    let text = fixture(&format!("{name}.txt"));
    let rules = Rules::builtin();
    let imported = import::import_text(&text, &rules, &BTreeSet::new());
    assert_matches_expected(&imported.draft, &fixture(&format!("{name}_expected.txt")));
    assert_conserved(&text, &imported);
    assert_ad_free(&imported.draft, &rules);
    assert!(imported.draft.ids_are_unique());
    // The same material as a .docx gives the same draft.
    let material = import::decode_bytes(&docx_bytes(&text)).unwrap();
    let from_docx = import::import_text(&material.text, &rules, &BTreeSet::new());
    assert_eq!(from_docx.draft, imported.draft, "{name} as docx");
    imported
}

fn counts(imported: &import::Imported) -> Vec<usize> {
    imported
        .draft
        .categories
        .iter()
        .map(|c| c.findings.len())
        .collect()
}

#[test]
fn wenku_page_with_breadcrumbs_chrome_and_paywall() {
    let imported = check_sample("wenku_page");
    assert_eq!(counts(&imported), [2, 3, 2, 2]);
    let d = &imported.draft;
    assert_eq!(d.title, "2024年度专题组织生活会个人对照检查材料");
    assert_eq!(d.heading, "二、查摆的主要问题");
    assert_eq!(d.categories[0].title, "理论学习方面存在的问题");
    assert!(d.opening.contains("现将个人对照检查情况报告如下。"));
    assert!(d.closing.starts_with("三、问题产生的原因"));
    // The paywall notice sat between two findings; the third one still starts.
    assert_eq!(d.categories[1].findings[2].headline, "纪律规矩意识不够牢固");
    let reasons: Vec<&str> = imported.removed.iter().map(|r| r.reason.as_str()).collect();
    for reason in [
        "网站信息",
        "付费墙标记",
        "截断提示",
        "免责声明",
        "广告：侧栏推广",
    ] {
        assert!(reasons.contains(&reason), "{reason} missing in {reasons:?}");
    }
}

#[test]
fn wechat_article_with_header_footer_and_hidden_contact() {
    let imported = check_sample("wechat_article");
    assert_eq!(counts(&imported), [2, 2, 2, 2]);
    let d = &imported.draft;
    assert_eq!(d.title, "XX同志2023年度民主生活会对照检查材料");
    assert_eq!(d.categories[1].title, "在带头践行为民服务宗旨方面");
    assert_eq!(d.categories[2].findings[0].headline, "创新意识不强");
    assert!(d.closing.starts_with("二、产生问题的原因"));
    assert!(!draft_texts(d).join("").contains('\u{200B}'));
}

#[test]
fn pdf_copy_with_hard_breaks_spaces_and_page_numbers() {
    let imported = check_sample("pdf_copy");
    assert_eq!(counts(&imported), [2, 2, 2, 2]);
    let d = &imported.draft;
    // Whitespace repairs are invisible to the comparison above: check them here.
    assert!(
        d.opening.contains("广泛征求意见建议12条，并围绕"),
        "{}",
        d.opening
    );
    let f = &d.categories[0].findings[0];
    assert_eq!(f.headline, "学习贯彻不够深入");
    assert_eq!(
        f.body,
        "2025年个人自学时间累计不足60小时，对党的创新理论的理解停留在字面上，学深悟透还有差距。"
    );
    assert_eq!(
        d.categories[1].findings[0].body,
        "对全局工作的前瞻性思考不多，年初制定的8项重点任务中有2项推进滞后。"
    );
    assert_eq!(
        d.categories[2].findings[1].body,
        "推动数字化转型时满足于建平台，应用场景开发不够。"
    );
    assert_eq!(
        d.categories[3].findings[1].headline,
        "落实中央八项规定精神还有松懈"
    );
    assert!(imported.stats.joined_lines >= 8);
    assert!(imported.stats.spaces_removed >= 8);
}

#[test]
fn plain_paste_with_section_categories_and_paragraph_findings() {
    let imported = check_sample("paste_plain");
    assert_eq!(counts(&imported), [2, 2, 1]);
    let d = &imported.draft;
    assert_eq!(d.heading, "");
    assert_eq!(d.categories[1].findings[0].headline, "为民服务意识有所弱化");
    assert_eq!(d.closing, "以上是我的发言，不妥之处请同志们批评指正。");
}

#[test]
fn wenku_page_with_a_repeated_title_and_a_truncation_notice() {
    let imported = check_sample("m1");
    assert_eq!(counts(&imported), [2, 2, 2, 1]);
    let d = &imported.draft;
    assert_eq!(d.title, "2024年度民主生活会个人对照检查材料（四个带头）");
    assert_eq!(d.heading, "一、存在的问题");
    // The title repeated behind `篇一：` goes as a copy; it is never glued to the opening.
    assert!(
        d.opening.starts_with("按照本次民主生活会要求"),
        "{}",
        d.opening
    );
    assert_eq!(
        d.categories[1].title,
        "在带头深化改革开放、推进中国式现代化方面"
    );
    assert_eq!(d.categories[3].findings[0].headline, "“一岗双责”落实不到位");
    // The notice and the brackets around it go; nothing like `（，）` is left.
    assert!(d.closing.ends_with("切实把问题改到位。"), "{}", d.closing);
    let removed: Vec<&str> = imported.removed.iter().map(|r| r.text.as_str()).collect();
    assert!(
        removed.contains(&"（全文共3216字，下载后可任意编辑）"),
        "{removed:?}"
    );
}

#[test]
fn seed_and_samples_in_gb18030() {
    for name in [
        "seed_material",
        "wenku_page",
        "wechat_article",
        "pdf_copy",
        "paste_plain",
    ] {
        let text = fixture(&format!("{name}.txt"));
        let bytes = encoding_rs::GB18030.encode(&text).0.into_owned();
        let material = import::decode_bytes(&bytes).unwrap();
        assert_eq!(material.encoding, "GB18030", "{name}");
        assert_eq!(material.text, text, "{name}");
    }
}
