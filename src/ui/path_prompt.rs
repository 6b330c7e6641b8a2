//! Pouxi's own path prompt, used when no system file dialog can be shown (no portal and no
//! zenity on a Linux desktop) or when the settings ask for it.

use super::{Action, PathPurpose};

/// Returns true when submitted or cancelled.
pub fn show(
    ctx: &egui::Context,
    purpose: PathPurpose,
    text: &mut String,
    note: Option<&str>,
    actions: &mut Vec<Action>,
) -> bool {
    let mut done = false;
    let (title, label_text) = match purpose {
        PathPurpose::Open => ("打开稿件", "文件路径（.ron）："),
        PathPurpose::SaveAs => ("另存为", "文件路径（.ron）："),
        PathPurpose::Import => ("导入素材", "素材文件路径（.txt / .docx）："),
        PathPurpose::Export => ("导出", "导出到（.docx / .txt / .md）："),
    };
    let response = egui::Modal::new(egui::Id::unique("pouxi_path_prompt")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading(title);
        if let Some(note) = note {
            ui.add_space(4.0);
            ui.label(egui::RichText::new(note).weak());
        }
        ui.add_space(6.0);
        let label = ui.label(label_text);
        let edit = ui.add(
            egui::TextEdit::singleline(text)
                .id(egui::Id::unique("pouxi_path_prompt_text"))
                .desired_width(f32::INFINITY)
                .hint_text("例如 /home/用户/文档/稿件.ron"),
        );
        let edit = edit.labelled_by(label.id);
        if ui.memory(|m| m.focused().is_none()) {
            edit.request_focus();
        }
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            let ok = ui.add_enabled(!text.trim().is_empty(), egui::Button::new("确定"));
            if (ok.clicked() || entered) && !text.trim().is_empty() {
                actions.push(Action::PathChosen(purpose, text.trim().into()));
                done = true;
            }
            if ui.button("取消").clicked() {
                actions.push(Action::PathCancelled);
                done = true;
            }
        });
    });
    if response.should_close() && !done {
        actions.push(Action::PathCancelled);
        done = true;
    }
    done
}
