//! Asks before a whole category and its findings are removed.

use super::{Action, EditAction};
use crate::draft::CategoryId;

/// Returns true when answered.
pub fn show(
    ctx: &egui::Context,
    id: CategoryId,
    label: &str,
    findings: usize,
    actions: &mut Vec<Action>,
) -> bool {
    let mut answered = false;
    let response = egui::Modal::new(egui::Id::unique("pouxi_confirm_remove")).show(ctx, |ui| {
        ui.set_max_width(380.0);
        ui.heading("删除类别？");
        ui.add_space(6.0);
        if findings > 0 {
            ui.label(format!(
                "将删除“{label}”及其中的 {findings} 条问题。可用“撤销”恢复。"
            ));
        } else {
            ui.label(format!("将删除“{label}”。可用“撤销”恢复。"));
        }
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            // Enter deletes, as the question's own answer: 撤销 brings it back.
            let remove = super::theme::destructive_button(ui, "删除");
            if super::dialog_keys::default_button(ui, true, remove) {
                actions.push(Action::Edit(EditAction::RemoveCategory(id)));
                answered = true;
            }
            if ui.button("取消").clicked() {
                answered = true;
            }
        });
    });
    answered || response.should_close()
}
