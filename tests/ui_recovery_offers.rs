//! Issue 18 in the window: a copy put off with 以后再说 survives, many offers scroll,
//! unreadable copies are counted and not hidden, a second window on one draft is warned,
//! and an export never writes over the draft.

mod ui_support;
use ui_support::*;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pouxi::app::{AppPaths, DialogMode, PouxiApp};
use pouxi::draft::{Draft, Template};
use pouxi::store::recovery::{RecoveryKey, RecoveryMeta, RecoveryStore};
use pouxi::ui::Modal;
use std::path::Path;

fn recovery(root: &Path) -> RecoveryStore {
    RecoveryStore::new(root.join("data").join("recovery"))
}

fn titled(title: &str) -> Draft {
    let mut draft = Template::default_template().to_draft();
    draft.title = title.into();
    draft
}

/// A draft saved at `稿件.ron` in `dir` with a newer recovery copy beside it, and a window
/// started there, showing the offer of that copy.
fn offered_a_newer_copy(
    dir: &Path,
) -> (std::path::PathBuf, RecoveryKey, Harness<'static, PouxiApp>) {
    let path = dir.join("稿件.ron");
    pouxi::store::save_draft(&path, &titled("保存过的")).unwrap();
    let key = RecoveryKey::for_path(&path);
    recovery(dir)
        .write(
            &key,
            &titled("崩溃前没保存的"),
            &RecoveryMeta::now(Some(path.clone())),
        )
        .unwrap();
    let mut harness = harness_at(dir, None);
    harness.run();
    assert!(matches!(
        harness.state().modal(),
        Some(Modal::Recovery { .. })
    ));
    (path, key, harness)
}

/// Case 4: after 以后再说, editing and saving the same draft leaves the put-off copy alone.
#[test]
fn a_copy_put_off_for_later_survives_editing_and_saving() {
    let dir = tempfile::tempdir().unwrap();
    let (path, key, mut harness) = offered_a_newer_copy(dir.path());
    harness.get_by_label("以后再说").click();
    harness.run();
    assert!(harness.state().modal().is_none());

    harness.state_mut().open_file(&path);
    harness.run();
    type_into(&mut harness, "标题", "（新改）");
    harness.run_steps(4);
    harness.state().flush_recovery();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::S);
    harness.state().flush_recovery();
    assert_eq!(
        pouxi::store::load_draft(&path).unwrap().title,
        "保存过的（新改）"
    );
    assert_eq!(
        recovery(dir.path()).read(&key).unwrap().draft.title,
        "崩溃前没保存的",
        "the copy put off for later is still there"
    );
    std::mem::forget(harness);

    // And it is offered again at the next start.
    let mut next = harness_at(dir.path(), None);
    next.run();
    next.get_by_label_contains("稿件.ron");
}

/// Case 13: with many offers, every offer's buttons and 以后再说 can be reached.
#[test]
fn many_offers_scroll_and_keep_their_buttons_reachable() {
    let dir = tempfile::tempdir().unwrap();
    let store = recovery(dir.path());
    for n in 0..12 {
        store
            .write(
                &RecoveryKey::new_session(),
                &titled(&format!("第{n}份稿件")),
                &RecoveryMeta::now(None),
            )
            .unwrap();
    }
    let root = dir.path().to_path_buf();
    let mut harness = Harness::builder()
        .with_size([1000.0, 700.0])
        .build_eframe(move |cc| {
            let mut app = PouxiApp::new(&cc.egui_ctx, AppPaths::under(&root), None);
            app.set_dialog_mode(DialogMode::InWindow);
            app
        });
    harness.run();
    let later = harness.get_by_label("以后再说").rect();
    assert!(
        later.max.y <= 700.0 && later.min.y >= 0.0,
        "以后再说 is on screen: {later:?}"
    );
    // Discard the offers one by one from the top: each next one comes into reach.
    for left in (0..12).rev() {
        let discard = harness.get_all_by_label("丢弃").next().unwrap();
        assert!(discard.rect().max.y <= 700.0, "{:?}", discard.rect());
        // Hovered first: inside a scroll area a press could start a drag-to-scroll.
        discard.hover();
        harness.run();
        harness.get_all_by_label("丢弃").next().unwrap().click();
        harness.run();
        assert_eq!(store.list().entries.len(), left);
    }
}

/// Case 15: six unreadable copies are counted as six, and opening a draft does not hide the
/// message.
#[test]
fn unreadable_copies_are_counted_and_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("data").join("recovery");
    std::fs::create_dir_all(&folder).unwrap();
    for n in 1..=6 {
        std::fs::write(
            folder.join(format!("p-000000000000000{n}.ron")),
            "(format: \"pouxi-recovery\", version: 1, dra",
        )
        .unwrap();
    }
    let path = dir.path().join("稿件.ron");
    pouxi::store::save_draft(&path, &titled("稿件")).unwrap();
    let mut harness = harness_at(dir.path(), Some(path));
    harness.run();
    match harness.state().modal() {
        Some(Modal::Message { text, .. }) => {
            assert!(text.contains("有 6 个恢复文件无法读取"), "{text}");
        }
        other => panic!("expected a message, got {other:?}"),
    }
}

/// Case 2: a second window on a draft already open is warned.
#[test]
fn a_second_window_on_an_open_draft_is_warned() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("稿件.ron");
    pouxi::store::save_draft(&path, &titled("稿件")).unwrap();
    let mut first = harness_at(dir.path(), Some(path.clone()));
    first.run();
    assert!(
        first.state().modal().is_none(),
        "{:?}",
        first.state().modal()
    );
    let mut second = harness_at(dir.path(), Some(path.clone()));
    second.run();
    match second.state().modal() {
        Some(Modal::Message { text, .. }) => {
            assert!(text.contains("已在另一个剖析窗口中打开"), "{text}");
        }
        other => panic!("expected a warning, got {other:?}"),
    }
    // Once the first window is gone, the draft opens without a warning.
    drop(first);
    drop(second);
    let mut third = harness_at(dir.path(), Some(path));
    third.run();
    assert!(
        third.state().modal().is_none(),
        "{:?}",
        third.state().modal()
    );
}

/// Case 5 in the window: exporting onto the draft's own file is refused.
#[test]
fn export_onto_the_open_draft_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("稿件.md");
    pouxi::store::save_draft(&path, &titled("稿件")).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut harness = harness_at(dir.path(), Some(path.clone()));
    harness.run();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::E);
    harness.get_by_label("导出…").click();
    harness.run();
    answer_prompt(&mut harness, "导出到（.docx / .txt / .md）：", &path);
    match harness.state().modal() {
        Some(Modal::Message { text, .. }) => {
            assert!(text.contains("就是正在编辑的稿件"), "{text}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// Esc closes the offer, and the very next click on the window reaches the toolbar: nothing
/// of the dialog that is gone stays in the way.
#[test]
fn after_esc_closes_the_offer_the_first_click_works() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _, mut harness) = offered_a_newer_copy(dir.path());
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().modal().is_none());
    assert!(harness.query_by_label("检查").is_none());
    harness.get_by_label("工具栏检查").click();
    harness.run();
    harness.get_by_label("检查");
}
