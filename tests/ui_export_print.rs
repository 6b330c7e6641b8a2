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
