//! Never lose a word, in the window: recovery files offered at the next start, guarded saves
//! when the file changed behind Pouxi's back, and failed saves that keep the work.

mod ui_support;
use ui_support::*;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pouxi::app::PouxiApp;
use pouxi::ui::Modal;

/// Lets the autosave timer fire and waits for the background write.
fn let_autosave_run(harness: &mut Harness<'_, PouxiApp>) {
    harness.run_steps(4);
    harness.state().flush_recovery();
}

fn write_finding(harness: &mut Harness<'_, PouxiApp>) {
    harness
        .get_all_by_label("＋ 新增问题")
        .nth(1)
        .unwrap()
        .click();
    harness.run();
    harness
        .get_by_label("（二）一是标题")
        .type_text("政治定位把握不准");
    harness.run();
}

#[test]
fn unsaved_work_is_offered_back_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = harness_at(dir.path(), None);
    first.run();
    write_finding(&mut first);
    let_autosave_run(&mut first);
    let written = first.state().draft().clone();
    // The process "dies": the harness is forgotten without any shutdown.
    std::mem::forget(first);

    let mut second = harness_at(dir.path(), None);
    second.run();
    assert!(matches!(
        second.state().modal(),
        Some(Modal::Recovery { .. })
    ));
    second.get_by_label("发现未保存的稿件");
    second.get_by_label_contains("政治定位把握不准");
    second.get_by_label("恢复").click();
    second.run();
    assert_eq!(second.state().draft(), &written);
    assert!(
        second.state().document().is_dirty(),
        "recovered work is unsaved work"
    );
    assert_eq!(
        second.get_by_label("（二）一是标题").value().as_deref(),
        Some("政治定位把握不准")
    );
}

#[test]
fn discarding_or_saving_removes_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = harness_at(dir.path(), None);
    first.run();
    write_finding(&mut first);
    let_autosave_run(&mut first);
    std::mem::forget(first);

    let mut second = harness_at(dir.path(), None);
    second.run();
    second.get_by_label("丢弃").click();
    second.run();
    assert!(second.state().modal().is_none());
    // Edit and save: the recovery file of the saved draft goes too.
    write_finding(&mut second);
    let_autosave_run(&mut second);
    press(&mut second, egui::Modifiers::COMMAND, egui::Key::S);
    let path = dir.path().join("已保存.ron");
    // The prompt suggests a name; the test replaces it with its own.
    answer_prompt(&mut second, "文件路径（.ron）：", &path);
    assert!(!second.state().document().is_dirty());
    second.state().flush_recovery();
    std::mem::forget(second);

    let mut third = harness_at(dir.path(), None);
    third.run();
    assert!(
        third.state().modal().is_none(),
        "{:?}",
        third.state().modal()
    );
}

#[test]
fn a_file_changed_behind_our_back_is_not_overwritten_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("稿件.ron");
    let mut draft = pouxi::draft::Template::default_template().to_draft();
    draft.title = "原来的标题".into();
    pouxi::store::save_draft(&path, &draft).unwrap();

    let mut harness = harness_at(dir.path(), Some(path.clone()));
    harness.run();
    type_into(&mut harness, "标题", "（我的修改）");

    // Another program rewrites the file.
    let mut theirs = draft.clone();
    theirs.title = "别人的标题".into();
    std::fs::write(&path, pouxi::store::draft_to_ron(&theirs)).unwrap();

    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::S);
    assert!(matches!(
        harness.state().modal(),
        Some(Modal::ChangedOnDisk { .. })
    ));
    harness.get_by_label_contains("被其他程序修改过");
    assert_eq!(pouxi::store::load_draft(&path).unwrap().title, "别人的标题");

    // 重新载入 shows their version; then our edit again and 覆盖 keeps theirs as .bak.
    harness.get_by_label("重新载入").click();
    harness.run();
    assert_eq!(harness.state().draft().title, "别人的标题");
    assert!(!harness.state().document().is_dirty());

    type_into(&mut harness, "标题", "（再改）");
    std::fs::write(&path, pouxi::store::draft_to_ron(&draft)).unwrap();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::S);
    harness.get_by_label("覆盖").click();
    harness.run();
    assert_eq!(
        pouxi::store::load_draft(&path).unwrap().title,
        "别人的标题（再改）"
    );
    let backup = pouxi::store::backup_path_for(&path).unwrap();
    assert_eq!(
        pouxi::store::load_draft(&backup).unwrap().title,
        "原来的标题"
    );
}

#[test]
fn a_failed_save_keeps_the_work_unsaved_and_recoverable() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_at(dir.path(), None);
    harness.run();
    write_finding(&mut harness);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::S);
    let target = dir.path().join("不存在的文件夹").join("稿件.ron");
    harness.get_by_label("文件路径（.ron）：").focus();
    harness.run();
    harness
        .get_by_label("文件路径（.ron）：")
        .type_text(&target.display().to_string());
    harness.run();
    harness.get_by_label("确定").click();
    harness.run();
    match harness.state().modal() {
        Some(Modal::Message { text, .. }) => {
            assert!(text.contains("稿件仍在窗口中"), "{text}");
        }
        other => panic!("expected a message, got {other:?}"),
    }
    assert!(harness.state().document().is_dirty());
    assert!(!target.exists());
    let_autosave_run(&mut harness);
    let recovery = pouxi::store::recovery::RecoveryStore::new(dir.path().join("data/recovery"));
    assert_eq!(recovery.list().entries.len(), 1);
}
