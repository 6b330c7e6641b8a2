//! The export dialog shows what print will change: the title's printed lines, the half-width
//! marks turned full-width (listed, and switchable), driven on the real App.

mod ui_support;
use ui_support::*;

use egui_kittest::kittest::Queryable;

#[test]
fn the_export_dialog_lists_punctuation_fixes_and_the_printed_title() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("稿件.ron");
    std::fs::copy(fixture("seed_draft.ron"), &draft).unwrap();
    let mut harness = harness_at(dir.path(), Some(draft));
    harness.run();
    type_into(&mut harness, "（一）一是内容", ",研究不透(1)");

    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::E);
    harness.get_by_label("导出发言材料");
    harness.get_by_label_contains(
        "标题分 2 行排：2023年主题教育专题民主生活会 ／ 剖析发言材料（五）（问题部分）",
    );
    harness.get_by_label("已将 3 处半角标点改为全角");
    harness.get_by_label_contains("，研究不透（1）");

    harness.get_by_label("中文里的半角标点改为全角").click();
    harness.run();
    assert!(
        harness
            .query_by_label("已将 3 处半角标点改为全角")
            .is_none()
    );
    harness.get_by_label_contains(",研究不透(1)");
    // The choice is remembered with the other export settings.
    harness.get_by_label("关闭").click();
    harness.run();
    assert!(!harness.state().settings().export.full_width_punctuation);
}

#[test]
fn the_export_dialog_paints_the_pages_and_the_status_bar_counts_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), Some(fixture("seed_draft.ron")));
    harness.run_steps(2);
    harness.get_by_label_contains("全文 2,631 字 · 5 页");

    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::E);
    harness.get_by_label("打印预览：共 5 页（每页 22 行，每行 28 字）");
    // The first page starts with the title's two lines and the heading.
    harness.get_by_label_contains(
        "第 1 页：2023年主题教育专题民主生活会剖析发言材料（五）（问题部分）一、检视存在的问题",
    );

    // The paragraphs layout puts each finding on its own lines: the speech grows a page.
    harness
        .get_by_label("每条问题一段（方面标题单独成行）")
        .click();
    harness.run();
    harness.get_by_label("打印预览：共 6 页（每页 22 行，每行 28 字）");
    // Plain text has no pages: the preview is the file's text.
    harness.get_by_label("纯文本 (.txt)").click();
    harness.run();
    assert!(harness.query_by_label_contains("打印预览").is_none());
    harness.get_by_label("预览（将写入文件的文字）");
}

#[test]
fn a_new_draft_counts_only_what_prints() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run_steps(2);
    // The 2025 template's headings and category titles print only once something is written
    // under them: a new draft is its title alone.
    let title = harness.state().draft().title.chars().count();
    harness.get_by_label_contains(&format!("全文 {title} 字 · 1 页"));
    type_into(&mut harness, "（一）导语", "政治能力还有差距。");
    harness.run_steps(40);
    // Now the problems heading (一、存在的问题), the category's line and the lead print.
    let text = pouxi::export::plain_text(harness.state().draft(), &Default::default());
    let printed: usize = text.chars().filter(|c| !c.is_whitespace()).count();
    assert!(printed > title + 9, "{text}");
    harness.get_by_label_contains(&format!("全文 {printed} 字"));
}
