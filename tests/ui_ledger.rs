//! The 整改清单 panel in the real window: opened from 视图, cells typed in place reach the
//! draft's ledger and undo one typing burst at a time, rows sort by 整改时限 (dates as dates,
//! phrases after them), 存在问题 follows the headline and a click on it shows the finding; the
//! export dialog's 附上整改清单 shows the automatic default and switches it.

mod ui_support;
use ui_support::*;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use pouxi::app::PouxiApp;
use pouxi::draft::{FindingId, LedgerEntry};
use pouxi::export::LedgerChoice;

fn seed_window() -> (tempfile::TempDir, Harness<'static, PouxiApp>) {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("稿件.ron");
    std::fs::copy(fixture("seed_draft.ron"), &draft).unwrap();
    let harness = harness_at(dir.path(), Some(draft));
    (dir, harness)
}

fn open_ledger(harness: &mut Harness<'_, PouxiApp>) {
    menu(harness, "视图", "整改清单");
    // Close the menu.
    press(harness, egui::Modifiers::NONE, egui::Key::Escape);
}

fn problem(harness: &Harness<'_, PouxiApp>, row: usize) -> FindingId {
    harness.state().draft().ledger_rows()[row].problem
}

fn entry(harness: &Harness<'_, PouxiApp>, row: usize) -> Option<LedgerEntry> {
    let id = problem(harness, row);
    harness.state().draft().ledger.entry(id).cloned()
}

/// Types `text` into the cell named `label` in two bursts a few frames apart, as a writer does.
fn type_cell(harness: &mut Harness<'_, PouxiApp>, label: &str, text: &str) {
    let split = text
        .char_indices()
        .nth(text.chars().count() / 2)
        .map_or(0, |(i, _)| i);
    type_into(harness, label, &text[..split]);
    harness.get_by_label(label).type_text(&text[split..]);
    harness.run();
}

/// Leaves the cell so the typing burst ends, as a click elsewhere does.
fn leave_cell(harness: &mut Harness<'_, PouxiApp>) {
    press(harness, egui::Modifiers::NONE, egui::Key::Escape);
}

#[test]
fn typed_cells_reach_the_ledger_and_undo_a_burst_at_a_time() {
    let (_dir, mut harness) = seed_window();
    assert!(harness.query_by_label("第1行责任人").is_none());
    open_ledger(&mut harness);
    // Empty 责任人 and 时限 are counted in the summary.
    harness.get_by_label("共 19 条问题 · 19 条未定责任人 · 19 条未定时限");

    type_cell(&mut harness, "第1行责任人", "张三（办公室）");
    leave_cell(&mut harness);
    type_cell(&mut harness, "第1行整改时限", "2026年6月底");
    leave_cell(&mut harness);
    let typed = entry(&harness, 0).unwrap();
    assert_eq!(typed.owner, "张三（办公室）");
    assert_eq!(typed.deadline, "2026年6月底");
    assert_eq!(
        harness.get_by_label("第1行整改时限").value().as_deref(),
        Some("2026年6月底")
    );
    harness.get_by_label("共 19 条问题 · 18 条未定责任人 · 18 条未定时限");
    assert!(harness.state().document().is_dirty());

    // One undo takes the whole 时限 (typed in two bursts of keys), the next the 责任人.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    let after_one = entry(&harness, 0).unwrap();
    assert_eq!(after_one.owner, "张三（办公室）");
    assert_eq!(after_one.deadline, "");
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(entry(&harness, 0), None);
    assert_eq!(
        harness.get_by_label("第1行责任人").value().as_deref(),
        Some("")
    );
    // Redo brings the 责任人 back.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Y);
    assert_eq!(entry(&harness, 0).unwrap().owner, "张三（办公室）");
}

#[test]
fn rows_sort_by_deadline_dates_first_then_phrases_then_empty() {
    let (_dir, mut harness) = seed_window();
    open_ledger(&mut harness);
    for (row, deadline) in [(2, "长期坚持"), (3, "2026年12月底"), (4, "2026年3月")] {
        type_cell(&mut harness, &format!("第{row}行整改时限"), deadline);
        leave_cell(&mut harness);
    }
    let top = |harness: &Harness<'_, PouxiApp>, row: usize| {
        harness
            .get_by_label(&format!("第{row}行整改时限"))
            .rect()
            .min
            .y
    };
    // Speaking order to begin with.
    assert!(top(&harness, 1) < top(&harness, 2) && top(&harness, 2) < top(&harness, 3));

    harness.get_by_label("整改时限 ↕").click();
    harness.run();
    harness.get_by_label("整改时限 ↑");
    // 2026年3月, 2026年12月底, 长期坚持, then the empty ones in 序号 order.
    assert!(top(&harness, 4) < top(&harness, 3));
    assert!(top(&harness, 3) < top(&harness, 2));
    assert!(top(&harness, 2) < top(&harness, 1));
    assert!(top(&harness, 1) < top(&harness, 5));

    // Back to 序号 order.
    harness.get_by_label("整改时限 ↑").click();
    harness.run();
    assert!(top(&harness, 1) < top(&harness, 2) && top(&harness, 3) < top(&harness, 4));
}

#[test]
fn the_problem_column_follows_the_headline_and_shows_the_finding() {
    let (_dir, mut harness) = seed_window();
    open_ledger(&mut harness);
    // The headline is shown as text (a label) in the ledger's row, beside its cells.
    let row_top = harness.get_by_label("第1行责任人").rect().center().y;
    let shown = harness.get_by_label("学习举措强度不够").rect();
    assert!(shown.min.y < row_top && row_top < shown.max.y, "{shown:?}");
    type_into(&mut harness, "（一）一是标题", "（再议）");
    let shown = harness.get_by_label("学习举措强度不够（再议）").rect();
    assert!(shown.min.y < row_top && row_top < shown.max.y, "{shown:?}");
    assert!(harness.query_by_label("学习举措强度不够").is_none());

    // A click on a row's problem puts the cursor in that finding's headline.
    harness.get_by_label("政治定位把握不准").click();
    harness.run();
    harness.run();
    assert!(harness.get_by_label("（二）二是标题").is_focused());
}

#[test]
fn the_toolbar_toggles_the_panel_and_it_holds_in_a_small_window() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("稿件.ron");
    std::fs::copy(fixture("seed_draft.ron"), &draft).unwrap();
    let mut harness = harness_sized(dir.path(), Some(draft), [900.0, 600.0], 1.0);
    harness.get_by_label("工具栏整改清单").click();
    harness.run();
    let cell = harness.get_by_label("第1行完成情况").rect();
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(900.0, 600.0));
    assert!(window.contains_rect(cell), "{cell:?}");
    // The editor keeps room above the panel.
    assert!(cell.min.y > 250.0, "{cell:?}");
    type_cell(&mut harness, "第1行完成情况", "已完成");
    assert_eq!(entry(&harness, 0).unwrap().status, "已完成");
    harness.get_by_label("工具栏整改清单").click();
    harness.run();
    assert!(harness.query_by_label("第1行完成情况").is_none());
}

fn checked(harness: &Harness<'_, PouxiApp>, label: &str) -> Option<bool> {
    harness
        .get_by_label(label)
        .accesskit_node()
        .toggled()
        .map(|t| t == egui::accesskit::Toggled::True)
}

#[test]
fn the_export_dialog_shows_the_automatic_choice_and_switches_it() {
    let (_dir, mut harness) = seed_window();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::E);
    // The seed has no measure: by default no appendix.
    let label = "附上整改清单（19 行，横排附件）";
    assert_eq!(checked(&harness, label), Some(false));
    harness.get_by_label("自动：还没有整改措施，默认不附");
    harness.get_by_label(label).click();
    harness.run();
    assert_eq!(checked(&harness, label), Some(true));
    harness.get_by_label("恢复自动").click();
    harness.run();
    assert_eq!(checked(&harness, label), Some(false));
    harness.get_by_label(label).click();
    harness.run();
    harness.get_by_label("关闭").click();
    harness.run();
    assert_eq!(harness.state().settings().export.ledger, LedgerChoice::On);

    // A typed 整改措施 turns the automatic choice on.
    let (_dir, mut harness) = seed_window();
    open_ledger(&mut harness);
    type_cell(&mut harness, "第2行整改措施", "每月专题研讨一次");
    leave_cell(&mut harness);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::E);
    assert_eq!(checked(&harness, label), Some(true));
    harness.get_by_label("自动：已有整改措施，默认附上");
}

#[test]
fn typing_in_the_ledger_leaves_the_editor_where_it_is() {
    let (_dir, mut harness) = seed_window();
    open_ledger(&mut harness);
    let before = harness.get_by_label("（一）一是标题").rect();
    // The first row sits just under the editing column's last drawn rows.
    type_cell(&mut harness, "第1行整改时限", "2026年底");
    assert_eq!(harness.get_by_label("（一）一是标题").rect(), before);
    assert_eq!(entry(&harness, 0).unwrap().deadline, "2026年底");
}
