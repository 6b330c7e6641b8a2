//! The window's import preview, paste cleaning, ad warnings and export dialog, driven through
//! egui_kittest on the real App with real files in temp directories.

mod ui_support;
use ui_support::*;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pouxi::app::PouxiApp;

fn import_seed(harness: &mut Harness<'_, PouxiApp>) {
    press(harness, egui::Modifiers::COMMAND, egui::Key::I);
    answer_prompt(
        harness,
        "素材文件路径（.txt / .docx）：",
        &fixture("seed_material.txt"),
    );
}

fn strip_ws(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn importing_the_seed_previews_removals_and_replaces_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    import_seed(&mut harness);

    let session = harness
        .state()
        .import_session()
        .expect("the preview is open");
    assert_eq!(session.imported.draft.categories().len(), 6);
    let removed = session.imported.removed.len();
    assert!(removed >= 4, "ads and paid markers are listed: {removed}");
    harness.get_by_label_contains("编码：UTF-8");
    let restore_boxes = harness
        .query_all_by_role(Role::CheckBox)
        .filter(|node| format!("{node:?}").contains("恢复 · "))
        .count();
    assert_eq!(
        restore_boxes, removed,
        "one restore checkbox per removed span"
    );

    harness.get_by_label("导入").click();
    harness.run();
    assert!(harness.state().import_session().is_none());
    let draft = harness.state().draft();
    let counts: Vec<usize> = draft
        .categories()
        .iter()
        .map(|c| c.findings.len())
        .collect();
    assert_eq!(counts, [3, 3, 3, 4, 3, 3]);
    let all_text: String = draft.text_fields().iter().map(|(_, t)| *t).collect();
    for junk in ["哒哒", "客服", "微信", "会员", "paidbegin", "paidend"] {
        assert!(!all_text.contains(junk), "{junk} slipped through");
    }
    harness.get_by_label("（二）三是标题");

    // The import is one undo step.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(harness.state().draft().finding_count(), 0);
}

#[test]
fn restoring_a_removed_span_brings_it_into_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let material = dir.path().join("素材.txt");
    std::fs::write(
        &material,
        "（一）在理论学习方面。一是学习不够深入。平时学习少（中华励志网），理论功底浅。二是运用不够。理论联系实际不够。\n",
    )
    .unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::I);
    answer_prompt(&mut harness, "素材文件路径（.txt / .docx）：", &material);
    let session = harness.state().import_session().unwrap();
    let index = session
        .imported
        .removed
        .iter()
        .position(|span| span.text.contains("中华励志网"))
        .expect("the glued site name is removed");
    let body = |h: &Harness<'_, PouxiApp>| {
        h.state()
            .import_session()
            .unwrap()
            .imported
            .draft
            .categories()[0]
            .findings[0]
            .body
            .clone()
    };
    assert!(!body(&harness).contains("中华励志网"));
    harness
        .query_all_by_role(Role::CheckBox)
        .find(|node| format!("{node:?}").contains("中华励志网"))
        .unwrap()
        .click();
    harness.run();
    assert!(
        harness
            .state()
            .import_session()
            .unwrap()
            .restored
            .contains(&index)
    );
    assert!(body(&harness).contains("中华励志网"));
}

#[test]
fn merging_appends_findings_to_matching_categories() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    // The seed's six categories are the 2023 template's.
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("从模板新建").click();
    harness.run();
    harness
        .get_by_label("2023年主题教育专题民主生活会（六个方面）")
        .click();
    harness.run();
    harness
        .get_all_by_label("＋ 新增问题")
        .next()
        .unwrap()
        .click();
    harness.run();
    harness
        .get_by_label("（一）一是标题")
        .type_text("我自己写的问题");
    harness.run();
    import_seed(&mut harness);
    harness
        .get_by_label("合并到当前稿件（问题追加到同名类别）")
        .click();
    harness.run();
    harness.get_by_label("导入").click();
    harness.run();
    let draft = harness.state().draft();
    assert_eq!(draft.categories().len(), 6);
    assert_eq!(draft.categories()[0].findings.len(), 4);
    assert_eq!(draft.categories()[0].findings[0].headline, "我自己写的问题");
    assert_eq!(
        draft.categories()[0].findings[1].headline,
        "学习举措强度不够"
    );
}

/// 文件 → 粘贴导入…, the fixture `name` pasted into the box with Ctrl+V, then 预览.
fn paste_and_preview(harness: &mut Harness<'_, PouxiApp>, name: &str) {
    harness.run();
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("粘贴导入…").click();
    harness.run();
    let material = std::fs::read_to_string(fixture(name)).unwrap();
    harness.get_by_label("粘贴素材").focus();
    harness.run();
    harness.event(egui::Event::Paste(material));
    harness.run();
    harness.get_by_label("预览").click();
    harness.run();
}

#[test]
fn the_paste_box_imports_pasted_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    paste_and_preview(&mut harness, "seed_material.txt");
    assert_eq!(
        harness.state().import_session().unwrap().source_name,
        "粘贴的文字"
    );
    harness.get_by_label("导入").click();
    harness.run();
    assert_eq!(harness.state().draft().finding_count(), 19);
}

#[test]
fn pasting_an_ad_into_a_finding_cleans_it_and_the_cleaning_is_undoable() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    harness
        .get_all_by_label("＋ 新增问题")
        .next()
        .unwrap()
        .click();
    harness.run();
    harness.get_by_label("（一）一是内容").focus();
    harness.run();
    let raw = "集中学习少，专题研讨少。添加客服微信：dada123，获取更多精品素材！";
    harness.event(egui::Event::Paste(raw.into()));
    harness.run();
    let body =
        |h: &Harness<'_, PouxiApp>| h.state().draft().categories()[0].findings[0].body.clone();
    assert_eq!(body(&harness), "集中学习少，专题研讨少。");
    harness.get_by_label_contains("已移除 1 处广告");
    // Undo brings back the paste as it was; undo again removes it.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(body(&harness), raw);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(body(&harness), "");
}

#[test]
fn a_finding_that_still_looks_like_an_ad_carries_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    harness
        .get_all_by_label("＋ 新增问题")
        .nth(2)
        .unwrap()
        .click();
    harness.run();
    assert!(harness.query_by_label("⚠ 疑似广告").is_none());
    harness.get_by_label("（三）一是内容").focus();
    harness.run();
    harness
        .get_by_label("（三）一是内容")
        .type_text("学习不够。更多精品材料请加客服微信领取");
    harness.run();
    harness.get_by_label("⚠ 疑似广告");
}

#[test]
fn export_writes_the_preview_text_and_blocks_flagged_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    import_seed(&mut harness);
    harness.get_by_label("导入").click();
    harness.run();

    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::E);
    harness.get_by_label("导出发言材料");
    harness.get_by_label("纯文本 (.txt)").click();
    harness.run();
    harness.get_by_label("导出…").click();
    harness.run();
    let txt = dir.path().join("发言.txt");
    answer_prompt(&mut harness, "导出到（.docx / .txt / .md）：", &txt);
    let written = std::fs::read_to_string(&txt).unwrap();
    // Section numbers are derived: the seed's only section is 一、 (typed 二、 in the material).
    let expected = std::fs::read_to_string(fixture("seed_expected.txt"))
        .unwrap()
        .replacen("二、检视", "一、检视", 1);
    assert_eq!(strip_ws(&written), strip_ws(&expected));
    assert!(written.contains("\u{3000}\u{3000}（一）在理论学习方面。一是学习举措强度不够。"));

    // An ad typed into a finding blocks the export until it is removed.
    harness.get_by_label("（二）一是内容").focus();
    harness.run();
    harness
        .get_by_label("（二）一是内容")
        .type_text("更多精品材料请加客服微信领取");
    harness.run();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::E);
    harness.get_by_label_contains("稿件中仍有 1 处疑似广告");
    let export_button = harness.get_by_label("导出…");
    assert!(format!("{export_button:?}").contains("disabled: true"));
    harness.get_by_label("全部移除（可撤销）").click();
    harness.run();
    assert!(harness.query_by_label_contains("疑似广告：").is_none());
    assert!(
        !harness.state().draft().categories()[1].findings[0]
            .body
            .contains("微信")
    );

    // Word, this time; the settings remember the format.
    harness.get_by_label("Word 文档 (.docx)").click();
    harness.run();
    harness.get_by_label("导出…").click();
    harness.run();
    let docx = dir.path().join("发言.docx");
    answer_prompt(&mut harness, "导出到（.docx / .txt / .md）：", &docx);
    let bytes = std::fs::read(&docx).unwrap();
    assert_eq!(&bytes[..2], b"PK");
    assert_eq!(harness.state().settings().export_format, "docx");
}

/// A compilation's preview lists its articles; choosing another parses that one, and 导入
/// brings in only it.
#[test]
fn the_preview_of_a_compilation_lets_the_writer_pick_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("合集.txt");
    std::fs::write(
        &path,
        "剖析材料2篇\n篇一：张三同志剖析材料\n一、存在的问题\n（一）在理论学习方面\n一是学习不够深入。全年只读了2本原著。\n\
         篇二：李四同志剖析材料\n一、存在的问题\n（一）在工作作风方面\n一是调查研究不够。全年下基层3次。\n二是落实不够有力。有2项工作逾期。\n",
    )
    .unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::I);
    answer_prompt(&mut harness, "素材文件路径（.txt / .docx）：", &path);
    harness.get_by_label_contains("这是 2 篇文章的合集");
    let session = harness.state().import_session().unwrap();
    assert_eq!(
        session.imported.draft.categories()[0].title,
        "在理论学习方面"
    );
    harness.get_by_label("第2篇 李四同志剖析材料").click();
    harness.run();
    let session = harness.state().import_session().unwrap();
    assert_eq!(session.article, 1);
    assert_eq!(
        session.imported.draft.categories()[0].title,
        "在工作作风方面"
    );
    assert_eq!(session.imported.draft.finding_count(), 2);
    harness.get_by_label("导入").click();
    harness.run();
    let draft = harness.state().draft();
    assert_eq!(draft.categories().len(), 1);
    assert_eq!(draft.categories()[0].title, "在工作作风方面");
    assert!(!strip_ws(&draft.opening).contains("张三"));
}

/// The category's lead sits under its title: imported leads show there, typing into it edits
/// the draft, and Ctrl+Z takes the typing back.
#[test]
fn a_category_lead_is_shown_edited_and_undone_in_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("材料.txt");
    std::fs::write(
        &path,
        "对照检查材料\n一、存在的问题\n（一）在理论学习方面\n理论武装抓得不深：\n一是学习不够深入。全年只读了2本原著。\n",
    )
    .unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::I);
    answer_prompt(&mut harness, "素材文件路径（.txt / .docx）：", &path);
    harness.get_by_label("导入").click();
    harness.run();
    assert_eq!(
        harness.state().draft().categories()[0].lead,
        "理论武装抓得不深："
    );
    type_into(&mut harness, "（一）导语", "存在“三多三少”。");
    assert_eq!(
        harness.state().draft().categories()[0].lead,
        "理论武装抓得不深：存在“三多三少”。"
    );
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(
        harness.state().draft().categories()[0].lead,
        "理论武装抓得不深："
    );
}

/// Material saved as Markdown (a web clipper's copy of a real WeChat article, or an AI chat's
/// copy button) pasted into the paste box: the bold numbering is read as numbering, the marks
/// are gone, and the pictures are listed with the site junk, restorable.
#[test]
fn pasted_markdown_imports_its_numbered_findings_without_the_marks() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    paste_and_preview(&mut harness, "real/45-wechat-markdown.txt");
    let session = harness.state().import_session().unwrap();
    assert!(
        session
            .imported
            .removed
            .iter()
            .any(|span| span.reason == "网站信息：图片" && span.text.starts_with("![](https://"))
    );
    harness.get_by_label("导入").click();
    harness.run();
    let draft = harness.state().draft();
    // The heading is the title; the front matter's `title:` line is furniture, not a title
    // the heading would be cut as a copy of.
    assert_eq!(
        draft.title,
        "财信证券基于RASP技术的API以及数据链路安全治理研究"
    );
    let first = &draft.categories()[0];
    assert_eq!(first.title, "API以及数据链路安全治理挑战");
    let headlines: Vec<&str> = first.findings.iter().map(|f| f.headline.as_str()).collect();
    assert_eq!(
        headlines,
        [
            "应用程序内的API获取不全面",
            "API对数据的调用关系不可视",
            "API接口传输敏感数据管理薄弱",
            "API风险的监测和防护力度不足"
        ]
    );
    let all_text = serde_json::to_string(draft).unwrap();
    for mark in ["**", "![", "fetch_date", "mmbiz.qpic.cn"] {
        assert!(!all_text.contains(mark), "{mark} is left in the draft");
    }
}

/// The seed draft with a slot left unfilled in （二）一是's body, saved in `dir`; with the
/// slot ignored in the 检查 panel when `ignored`.
fn draft_with_a_slot(dir: &std::path::Path, ignored: bool) -> std::path::PathBuf {
    let seed = std::fs::read_to_string(fixture("seed_draft.ron")).unwrap();
    let mut draft = pouxi::store::draft_from_ron(&seed).unwrap();
    draft.categories_mut().unwrap()[1].findings[0]
        .body
        .insert_str(0, "我作为××局党组成员，");
    if ignored {
        let slot = pouxi::review::unfilled(&draft)
            .iter()
            .find_map(|item| item.dismissal(&draft))
            .expect("the slot is found and may be ignored");
        draft
            .apply(pouxi::draft::Command::Dismiss {
                dismissals: vec![slot],
            })
            .unwrap();
    }
    let path = dir.join(if ignored { "ignored.ron" } else { "slot.ron" });
    pouxi::store::save_draft(&path, &draft).unwrap();
    path
}

#[test]
fn export_warns_of_slots_left_unfilled_unless_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let path = draft_with_a_slot(dir.path(), false);
    let mut harness = harness_at(dir.path(), Some(path));
    harness.run();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::E);
    harness.get_by_label("导出发言材料");
    let warning = "还有 1 处没有填写的占位符，会原样印出";
    harness.get_by_label(warning).click_accesskit();
    harness.run();
    harness.get_by_label_contains("（二）在政治素质方面 · 一是 · 正文：“××”");
    // A warning, not a gate: a slot may be left for a pen on paper.
    let export_button = harness.get_by_label("导出…");
    assert!(!format!("{export_button:?}").contains("disabled: true"));
    drop(harness);

    let path = draft_with_a_slot(dir.path(), true);
    let mut harness = harness_at(dir.path(), Some(path));
    harness.run();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::E);
    harness.get_by_label("导出发言材料");
    assert!(
        harness
            .query_by_label_contains("没有填写的占位符")
            .is_none()
    );
}
