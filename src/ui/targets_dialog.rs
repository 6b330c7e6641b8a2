//! 字数目标: a range for the whole speech and, if the office sets them, for each category.

use super::{Action, TargetsAction};
use crate::draft::targets::TargetsForm;

/// Pushes [`TargetsAction::Set`] or [`TargetsAction::Cancel`] when closed.
pub fn show(ctx: &egui::Context, form: &mut TargetsForm, actions: &mut Vec<Action>) {
    let mut cancelled = false;
    let response = egui::Modal::new(egui::Id::unique("pouxi_targets")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("字数目标");
        ui.label("按 Word 的字数统计（不计空格）。上下限都为 0 表示不设目标；“不超过”为 0 表示不设上限。");
        ui.add_space(6.0);
        egui::Grid::new("targets_grid")
            .num_columns(3)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                ui.strong("");
                ui.strong("不少于");
                ui.strong("不超过");
                ui.end_row();
                range_row(ui, "全文（问题部分）", &mut form.total);
                for row in &mut form.categories {
                    let mut pair = (row.min, row.max);
                    range_row(ui, &row.label, &mut pair);
                    (row.min, row.max) = pair;
                }
            });
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if super::dialog_keys::default_button(ui, true, super::theme::primary_button("确定")) {
                actions.push(Action::Targets(TargetsAction::Set(form.clone())));
            }
            if ui.button("取消").clicked() {
                cancelled = true;
            }
        });
    });
    if cancelled || response.should_close() {
        actions.push(Action::Targets(TargetsAction::Cancel));
    }
}

fn range_row(ui: &mut egui::Ui, label: &str, range: &mut (usize, usize)) {
    let label = ui.label(label);
    number_field(ui, &mut range.0).labelled_by(label.id);
    number_field(ui, &mut range.1).labelled_by(label.id);
    ui.end_row();
}

/// The largest target accepted.
const MAX_TARGET: usize = 100_000;

/// A plain text field for a count: every digit typed lands, however fast (a drag value drops
/// keys typed in the frame it takes the focus). Empty means 0, not set.
fn number_field(ui: &mut egui::Ui, value: &mut usize) -> egui::Response {
    let mut text = if *value == 0 {
        String::new()
    } else {
        value.to_string()
    };
    let response = ui.add(
        egui::TextEdit::singleline(&mut text)
            .desired_width(80.0)
            .hint_text("不限")
            .align(egui::Align2::RIGHT_CENTER),
    );
    if response.changed() {
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        *value = digits.parse::<usize>().unwrap_or(0).min(MAX_TARGET);
    }
    response
}
