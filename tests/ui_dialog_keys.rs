//! Enter in a dialog does what its primary button does; a button chosen with Tab answers Enter
//! itself; Esc closes without doing anything.

mod ui_support;
use ui_support::*;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use pouxi::ui::Modal;

fn enter(harness: &mut egui_kittest::Harness<'_, pouxi::app::PouxiApp>) {
    press(harness, egui::Modifiers::NONE, egui::Key::Enter);
}

#[test]
fn enter_removes_the_category_the_question_is_about() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = asking_to_remove_the_second_category(dir.path());
    enter(&mut harness);
    assert!(harness.state().modal().is_none());
    assert_eq!(harness.state().draft().categories().len(), 4);
}

#[test]
fn enter_on_a_button_chosen_with_tab_does_what_that_button_says() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = asking_to_remove_the_second_category(dir.path());
    harness.get_by_role_and_label(Role::Button, "取消").focus();
    harness.run();
    enter(&mut harness);
    assert!(harness.state().modal().is_none());
    assert_eq!(
        harness.state().draft().categories().len(),
        5,
        "取消 was chosen, nothing is removed"
    );
}

#[test]
fn esc_closes_the_question_and_removes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = asking_to_remove_the_second_category(dir.path());
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Escape);
    assert!(harness.state().modal().is_none());
    assert_eq!(harness.state().draft().categories().len(), 5);
}

#[test]
fn enter_in_the_close_question_saves() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    type_into(&mut harness, "标题", "（草稿）");
    request_window_close(&mut harness);
    assert!(matches!(
        harness.state().modal(),
        Some(Modal::Unsaved { .. })
    ));
    enter(&mut harness);
    // 保存 on an unnamed draft asks where, as the button does.
    harness.get_by_label("文件路径（.ron）：");
    assert!(!harness.state().close_confirmed());
}

#[test]
fn enter_typed_in_a_length_target_field_sets_the_targets() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), Some(fixture("seed_draft.ron")));
    harness.run();
    menu(&mut harness, "视图", "字数目标…");
    let field = harness.get_all_by_label("全文（问题部分）").next().unwrap();
    field.focus();
    harness.step();
    harness
        .get_all_by_label("全文（问题部分）")
        .next()
        .unwrap()
        .type_text("3000");
    harness.run();
    enter(&mut harness);
    assert!(harness.state().modal().is_none());
    // 不少于 3000, with no upper bound.
    assert_eq!(
        harness.state().draft().targets.total.map(|t| t.bounds().0),
        Some(3000)
    );
}

#[test]
fn enter_in_the_import_preview_imports() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), Some(fixture("seed_material.txt")));
    harness.run();
    assert!(harness.state().import_session().is_some());
    enter(&mut harness);
    assert!(harness.state().import_session().is_none());
    assert_eq!(harness.state().draft().categories().len(), 6);
}

#[test]
fn enter_closes_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("坏.ron");
    std::fs::write(&bad, "(format: \"pouxi-draft\", version: 1, categories: [(").unwrap();
    let mut harness = harness_at(dir.path(), Some(bad));
    harness.run();
    assert!(matches!(
        harness.state().modal(),
        Some(Modal::Message { .. })
    ));
    enter(&mut harness);
    assert!(harness.state().modal().is_none());
}

#[test]
fn enter_in_the_export_dialog_exports_after_a_format_is_clicked() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), Some(fixture("seed_draft.ron")));
    harness.run();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::E);
    harness.get_by_label("纯文本 (.txt)").click();
    harness.run();
    enter(&mut harness);
    let txt = dir.path().join("发言.txt");
    answer_prompt(&mut harness, "导出到（.docx / .txt / .md）：", &txt);
    let written = std::fs::read_to_string(&txt).unwrap();
    assert!(written.contains("在理论学习方面"));
}
