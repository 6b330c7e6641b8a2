//! Image snapshots of the real window, rendered by wgpu (Mesa's lavapipe on a machine without a
//! GPU). Each image is kept in tests/snapshots/; a change that moves pixels fails with a
//! `.diff.png` beside it. `UPDATE_SNAPSHOTS=1 cargo test --test ui_snapshots` writes new ones,
//! which are looked at before they are committed.

mod ui_support;
use ui_support::*;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pouxi::app::PouxiApp;

fn seed(size: [f32; 2], pixels_per_point: f32) -> (tempfile::TempDir, Harness<'static, PouxiApp>) {
    let dir = tempfile::tempdir().unwrap();
    let harness = harness_sized(
        dir.path(),
        Some(fixture("seed_draft.ron")),
        size,
        pixels_per_point,
    );
    (dir, harness)
}

fn imported_seed(size: [f32; 2]) -> (tempfile::TempDir, Harness<'static, PouxiApp>) {
    let dir = tempfile::tempdir().unwrap();
    let harness = harness_sized(dir.path(), Some(fixture("seed_material.txt")), size, 1.0);
    (dir, harness)
}

#[test]
fn seed_draft_at_1400_by_900() {
    let (_dir, mut harness) = seed([1400.0, 900.0], 1.0);
    harness.run();
    harness.snapshot("seed_1400x900");
}

#[test]
fn seed_draft_at_900_by_600() {
    let (_dir, mut harness) = seed([900.0, 600.0], 1.0);
    harness.run();
    harness.snapshot("seed_900x600");
}

#[test]
fn seed_draft_at_800_by_600() {
    let (_dir, mut harness) = seed([800.0, 600.0], 1.0);
    harness.run();
    harness.snapshot("seed_800x600");
}

#[test]
fn seed_draft_at_twice_the_scale() {
    // A 1920×1200 screen at 200 %: 960×600 points.
    let (_dir, mut harness) = seed([960.0, 600.0], 2.0);
    harness.run();
    harness.snapshot("seed_960x600_at_2x");
}

#[test]
fn import_preview() {
    let (_dir, mut harness) = imported_seed([1400.0, 900.0]);
    harness.run();
    harness.snapshot("import_preview");
}

#[test]
fn imported_draft_with_the_review_panel() {
    let (_dir, mut harness) = imported_seed([1400.0, 900.0]);
    harness.run();
    harness.get_by_label("导入").click();
    harness.run();
    menu(&mut harness, "视图", "检查面板");
    harness.run_steps(3);
    harness.run();
    harness.snapshot("review_panel");
}

#[test]
fn export_dialog() {
    let (_dir, mut harness) = seed([1400.0, 900.0], 1.0);
    harness.run();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::E);
    harness.snapshot("export_dialog");
}

#[test]
fn find_and_replace() {
    let (_dir, mut harness) = seed([1400.0, 900.0], 1.0);
    harness.run();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::H);
    harness.get_by_label("查找").type_text("不够");
    harness.run();
    harness.snapshot("find_replace");
}

#[test]
fn recovery_offer() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = harness_at(dir.path(), None);
    first.run();
    first
        .get_all_by_label("＋ 新增问题")
        .nth(1)
        .unwrap()
        .click();
    first.run();
    first
        .get_by_label("（二）一是标题")
        .type_text("政治定位把握不准");
    first.run_steps(4);
    first.state().flush_recovery();
    // The process "dies" without shutting down.
    std::mem::forget(first);
    let mut second = harness_sized(dir.path(), None, [1400.0, 900.0], 1.0);
    second.run();
    second.snapshot("recovery_offer");
}

#[test]
fn right_click_menu_on_a_finding() {
    let (_dir, mut harness) = seed([1400.0, 900.0], 1.0);
    harness.run();
    harness.get_by_label("拖动（一）二是").click_secondary();
    harness.run();
    harness.snapshot("finding_menu");
}

#[test]
fn start_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_as_started(dir.path(), None, [1400.0, 900.0], 1.0);
    harness.run();
    harness.snapshot("start_page");
}

/// The 整改清单 panel under the editor with a few cells typed, one 时限 a phrase, and the
/// empty 责任人 and 时限 cells marked.
fn ledger_panel(size: [f32; 2], name: &str) {
    let (_dir, mut harness) = seed(size, 1.0);
    harness.get_by_label("工具栏整改清单").click();
    harness.run();
    for (label, text) in [
        ("第1行责任人", "张三（办公室）"),
        ("第1行整改时限", "2026年6月底"),
        ("第1行整改措施", "每周集中学习一次"),
        ("第2行整改时限", "长期坚持"),
        ("第2行完成情况", "正在推进"),
    ] {
        type_into(&mut harness, label, text);
    }
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Escape);
    harness.snapshot(name);
}

#[test]
fn ledger_panel_at_1400_by_900() {
    ledger_panel([1400.0, 900.0], "ledger_1400x900");
}

#[test]
fn ledger_panel_at_900_by_600() {
    ledger_panel([900.0, 600.0], "ledger_900x600");
}
