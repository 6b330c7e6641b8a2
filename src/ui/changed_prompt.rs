//! The file changed on disk since Pouxi read or wrote it: overwrite, save elsewhere, or reload.

use super::{Action, ChangedAnswer, FileAction};

/// Returns true when answered.
pub fn show(ctx: &egui::Context, text: &str, actions: &mut Vec<Action>) -> bool {
    let mut answer = None;
    let response = egui::Modal::new(egui::Id::unique("pouxi_changed_on_disk")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        ui.heading("文件已被修改");
        ui.add_space(6.0);
        ui.label(text);
        ui.label("要怎样处理？");
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui
                .button("覆盖")
                .on_hover_text("用窗口中的稿件覆盖磁盘上的文件（旧文件保留为 .bak）")
                .clicked()
            {
                answer = Some(ChangedAnswer::Overwrite);
            }
            if ui.button("另存为…").clicked() {
                answer = Some(ChangedAnswer::SaveAs);
            }
            if ui
                .button("重新载入")
                .on_hover_text("放弃窗口中的修改，打开磁盘上的版本")
                .clicked()
            {
                answer = Some(ChangedAnswer::Reload);
            }
            if ui.button("取消").clicked() {
                answer = Some(ChangedAnswer::Cancel);
            }
        });
    });
    if response.should_close() && answer.is_none() {
        answer = Some(ChangedAnswer::Cancel);
    }
    match answer {
        Some(answer) => {
            actions.push(Action::File(FileAction::ChangedOnDisk(answer)));
            true
        }
        None => false,
    }
}
