//! 保存 / 不保存 / 取消 before closing, New or Open throws away unsaved changes.

use super::{Action, FileAction, UnsavedAnswer};

/// Returns true when the prompt is answered and should close.
pub fn show(ctx: &egui::Context, name: &str, actions: &mut Vec<Action>) -> bool {
    let mut answer = None;
    let response = egui::Modal::new(egui::Id::unique("pouxi_unsaved_prompt")).show(ctx, |ui| {
        ui.set_max_width(360.0);
        ui.heading("保存修改？");
        ui.add_space(6.0);
        ui.label(format!(
            "“{name}”有尚未保存的修改。不保存，这些修改将会丢失。"
        ));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if super::dialog_keys::default_button(ui, true, super::theme::primary_button("保存"))
            {
                answer = Some(UnsavedAnswer::Save);
            }
            if ui
                .add(super::theme::destructive_button(ui, "不保存"))
                .clicked()
            {
                answer = Some(UnsavedAnswer::Discard);
            }
            if ui.button("取消").clicked() {
                answer = Some(UnsavedAnswer::Cancel);
            }
        });
    });
    if response.should_close() && answer.is_none() {
        answer = Some(UnsavedAnswer::Cancel);
    }
    match answer {
        Some(answer) => {
            actions.push(Action::File(FileAction::UnsavedAnswer(answer)));
            true
        }
        None => false,
    }
}
