//! What the window tests share: the real App in a harness on a temp folder, keys, typing, and
//! answering Pouxi's own path prompt.
#![allow(dead_code)] // Each test file uses its own subset.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pouxi::app::{AppPaths, DialogMode, PouxiApp};
use std::path::{Path, PathBuf};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The real App with its settings and recovery files under `root`, opening `open` if given.
pub fn harness_at(root: &Path, open: Option<PathBuf>) -> Harness<'static, PouxiApp> {
    harness_sized(root, open, [1400.0, 1600.0], 1.0)
}

/// [`harness_at`] in a window of `size` points at `pixels_per_point` (2.0 for a high-DPI
/// screen at 200 %).
pub fn harness_sized(
    root: &Path,
    open: Option<PathBuf>,
    size: [f32; 2],
    pixels_per_point: f32,
) -> Harness<'static, PouxiApp> {
    let mut harness = harness_as_started(root, open, size, pixels_per_point);
    // Tests start in the editor; the start page has tests of its own.
    harness.state_mut().close_start_page();
    harness.run();
    harness
}

/// The App exactly as `pouxi` starts it: the last draft resumed, or the start page.
pub fn harness_as_started(
    root: &Path,
    open: Option<PathBuf>,
    size: [f32; 2],
    pixels_per_point: f32,
) -> Harness<'static, PouxiApp> {
    let root = root.to_path_buf();
    Harness::builder()
        .with_size(size)
        .with_pixels_per_point(pixels_per_point)
        // Office writers know light pages; the snapshots show what most of them will see.
        .with_theme(egui::Theme::Light)
        // A file job's worker asks for a repaint when it ends; on a busy machine that lands
        // a few frames later than on a quiet one, and `run` must wait for it, not fail.
        .with_max_steps(12)
        .build_eframe(move |cc| {
            let mut app = PouxiApp::new(&cc.egui_ctx, AppPaths::under(&root), None);
            // No system dialog can be clicked in a test: use Pouxi's own path prompt.
            app.set_dialog_mode(DialogMode::InWindow);
            // A busy CI machine must not turn a save or an open into a later frame's news.
            app.set_file_wait(std::time::Duration::from_secs(30));
            if let Some(path) = &open {
                app.open_file(path);
            }
            app
        })
}

pub fn press(harness: &mut Harness<'_, PouxiApp>, modifiers: egui::Modifiers, key: egui::Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Focuses the field named `label` and types `text` at its end.
pub fn type_into(harness: &mut Harness<'_, PouxiApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Replaces what the prompt field named `label` suggests with `path`, then 确定.
pub fn answer_prompt(harness: &mut Harness<'_, PouxiApp>, label: &str, path: &Path) {
    harness.get_by_label(label).focus();
    harness.run();
    press(harness, egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label(label)
        .type_text(&path.display().to_string());
    harness.run();
    harness.get_by_label("确定").click();
    harness.run();
}

/// Asks the window to close, as the title bar's × does.
pub fn request_window_close(harness: &mut Harness<'_, PouxiApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
}

/// Opens a menu and clicks one of its entries.
pub fn menu(harness: &mut Harness<'_, PouxiApp>, top: &str, entry: &str) {
    harness.get_by_label(top).click();
    harness.run();
    harness.get_by_label(entry).click();
    harness.run();
}

/// A window on a new draft in `root`, asking whether to remove its second category (删除类别
/// clicked on it).
pub fn asking_to_remove_the_second_category(root: &Path) -> Harness<'static, PouxiApp> {
    let mut harness = harness_at(root, None);
    harness.run();
    harness.get_all_by_label("删除类别").nth(1).unwrap().click();
    harness.run();
    assert!(matches!(
        harness.state().modal(),
        Some(pouxi::ui::Modal::ConfirmRemoveCategory { .. })
    ));
    assert_eq!(harness.state().draft().categories().len(), 5);
    harness
}
