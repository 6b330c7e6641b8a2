//! What Word and WPS users expect of a finished editor, in the real window: the start page and
//! resuming where the writer left off, a path prompt that takes Enter and Esc and suggests a
//! name, clipboard items on text fields, and dialog titles in Chinese punctuation.

mod ui_support;
use ui_support::*;

use egui_kittest::kittest::Queryable;
use pouxi::ui::Modal;

#[test]
fn without_a_last_draft_the_start_page_offers_import_new_and_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_as_started(dir.path(), None, [1400.0, 900.0], 1.0);
    harness.run();
    assert!(harness.state().start_page_shown());
    harness.get_by_label("导入素材…");
    harness.get_by_label("打开稿件…");
    harness.get_by_label("新建稿件").click();
    harness.run();
    assert!(!harness.state().start_page_shown());
    harness.get_by_label("（一）类别标题");
}

#[test]
fn the_next_start_resumes_the_last_draft_with_its_panels_and_scroll() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("发言稿.ron");
    std::fs::copy(fixture("seed_draft.ron"), &draft).unwrap();
    let mut first = harness_as_started(dir.path(), Some(draft.clone()), [1400.0, 900.0], 1.0);
    first.run();
    first.get_by_label("工具栏检查").click();
    first.run();
    // Scroll the editing column down.
    first.hover_at(egui::pos2(800.0, 500.0));
    first.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -600.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    // Rows scrolled into view for the first time settle over a few frames.
    first.run_steps(8);
    request_window_close(&mut first);
    assert!(first.state().close_confirmed());
    let session = first.state().settings().session.clone();
    assert_eq!(session.draft.as_deref(), Some(draft.as_path()));
    assert!(session.review_open);
    assert!(session.scroll > 100.0, "scrolled {}", session.scroll);
    drop(first);

    let mut second = harness_as_started(dir.path(), None, [1400.0, 900.0], 1.0);
    second.run();
    assert!(!second.state().start_page_shown());
    assert_eq!(second.state().document().path(), Some(draft.as_path()));
    second.get_by_label("检查");
    // Back where it was: the first category's title is scrolled out of view (the column lays
    // out only what is on screen).
    assert!(second.query_by_label("（一）类别标题").is_none());
    assert!(second.query_all_by_label_contains("是标题").count() > 0);
}

#[test]
fn the_path_prompt_suggests_a_name_takes_enter_and_esc_and_keeps_a_failed_path() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("发言稿.ron");
    std::fs::copy(fixture("seed_draft.ron"), &draft).unwrap();
    let mut harness = harness_at(dir.path(), Some(draft));
    harness.run();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::E);
    harness.get_by_label("导出…").click();
    harness.run();
    let field = "导出到（.docx / .txt / .md）：";
    let suggested = harness.get_by_label(field).value().unwrap_or_default();
    assert!(
        suggested.ends_with(".docx") && suggested.contains("2023年主题教育"),
        "suggested {suggested}"
    );
    // Esc cancels.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().modal().is_none());

    // A folder that does not exist: the export fails, the status bar says so.
    let bad = dir.path().join("没有这个文件夹").join("发言.docx");
    harness.get_by_label("导出…").click();
    harness.run();
    harness.get_by_label(field).focus();
    harness.run();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label(field)
        .type_text(&bad.display().to_string());
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(matches!(
        harness.state().modal(),
        Some(Modal::Message { title, .. }) if title == "导出失败"
    ));
    harness.get_by_label("确定").click();
    harness.run();
    assert!(harness.query_by_label_contains("正在导出").is_none());
    // The prompt comes back with what was typed.
    harness.get_by_label("导出…").click();
    harness.run();
    assert_eq!(
        harness.get_by_label(field).value().as_deref(),
        Some(bad.display().to_string().as_str())
    );
    let good = dir.path().join("发言.docx");
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label(field)
        .type_text(&good.display().to_string());
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(good.is_file());
    harness.get_by_label("打开所在文件夹");
}

#[test]
fn a_text_field_cuts_and_selects_all_from_its_right_click_menu() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    harness.get_by_label("小标题").click_secondary();
    harness.run();
    harness.get_by_label("全选 Ctrl+A").click();
    harness.run();
    harness.get_by_label("小标题").click_secondary();
    harness.run();
    harness.get_by_label("剪切 Ctrl+X").click();
    harness.run();
    assert_eq!(
        harness.state().draft().problems_section().unwrap().heading,
        ""
    );
    assert_eq!(harness.state().document().undo_name(), Some("修改小标题"));
}

#[test]
fn questions_end_in_a_chinese_question_mark() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    harness.get_all_by_label("删除类别").next().unwrap().click();
    harness.run();
    harness.get_by_label("删除类别？");
    assert!(harness.query_by_label("删除类别?").is_none());
}
