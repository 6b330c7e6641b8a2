//! 字数目标: a range for the whole speech and, if the office sets them, for each category.

use super::Action;
use crate::draft::targets::TargetsForm;

/// Returns false when closed.
pub fn show(ctx: &egui::Context, form: &mut TargetsForm, actions: &mut Vec<Action>) -> bool {
    let mut open = true;
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
            if ui.button("确定").clicked() {
                actions.push(Action::SetTargets(form.clone()));
                open = false;
            }
            if ui.button("取消").clicked() {
                open = false;
            }
        });
    });
    open && !response.should_close()
}

fn range_row(ui: &mut egui::Ui, label: &str, range: &mut (usize, usize)) {
    let label = ui.label(label);
    ui.add(
        egui::DragValue::new(&mut range.0)
            .range(0..=100_000)
            .speed(10),
    )
    .labelled_by(label.id);
    ui.add(
        egui::DragValue::new(&mut range.1)
            .range(0..=100_000)
            .speed(10),
    )
    .labelled_by(label.id);
    ui.end_row();
}
