//! Pouxi's own path prompt, used when no system file dialog can be shown (no portal and no
//! zenity on a Linux desktop) or when the settings ask for it. Enter submits, Esc cancels; a row
//! of places (文档, 桌面, 下载, recent folders) puts a folder in front of the file name.

use super::{Action, FileAction, PathPurpose};
use std::path::{Path, PathBuf};

/// A folder offered as a shortcut: `文档`, `桌面`, `下载`, or a folder used recently.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: String,
    pub folder: PathBuf,
}

/// Title, field label and hint for each purpose.
fn wording(purpose: PathPurpose) -> (&'static str, &'static str, &'static str) {
    match purpose {
        PathPurpose::Open => (
            "打开稿件",
            "文件路径（.ron）：",
            "剖析稿件的完整路径，以 .ron 结尾",
        ),
        PathPurpose::SaveAs => (
            "另存为",
            "文件路径（.ron）：",
            "稿件保存为 .ron 文件，如 文档/发言稿.ron",
        ),
        PathPurpose::Import => (
            "导入素材",
            "素材文件路径（.txt / .docx）：",
            "下载的素材，.txt 或 .docx，如 下载/素材.docx",
        ),
        PathPurpose::Export => (
            "导出",
            "导出到（.docx / .txt / .md）：",
            "Word 文档以 .docx 结尾，也可 .txt 或 .md",
        ),
    }
}

/// `folder` joined with the file name already typed, if any.
fn in_folder(folder: &Path, typed: &str) -> String {
    let typed = typed.trim();
    let name = if typed.ends_with(['/', '\\']) {
        None
    } else {
        Path::new(typed).file_name()
    };
    match name {
        Some(name) => folder.join(name).display().to_string(),
        None => format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR),
    }
}

/// Returns true when submitted or cancelled.
pub fn show(
    ctx: &egui::Context,
    purpose: PathPurpose,
    text: &mut String,
    note: Option<&str>,
    places: &[Place],
    actions: &mut Vec<Action>,
) -> bool {
    let mut done = false;
    let (title, label_text, hint) = wording(purpose);
    let field_id = egui::Id::unique("pouxi_path_prompt_text");
    let response = egui::Modal::new(egui::Id::unique("pouxi_path_prompt")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(title);
        if let Some(note) = note {
            ui.add_space(4.0);
            ui.label(egui::RichText::new(note).weak());
        }
        ui.add_space(6.0);
        if !places.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label("位置：");
                for place in places {
                    if ui
                        .small_button(&place.name)
                        .on_hover_text(place.folder.display().to_string())
                        .clicked()
                    {
                        *text = in_folder(&place.folder, text);
                        // Back to the field, cursor at the end.
                        let mut state = egui::text_edit::TextEditState::load(ui.ctx(), field_id)
                            .unwrap_or_default();
                        state
                            .cursor
                            .set_char_range(Some(egui::text::CCursorRange::one(
                                egui::text::CCursor::new(text.chars().count()),
                            )));
                        state.store(ui.ctx(), field_id);
                        ui.memory_mut(|m| m.request_focus(field_id));
                    }
                }
            });
            ui.add_space(4.0);
        }
        let label = ui.label(label_text);
        let edit = ui.add(
            egui::TextEdit::singleline(text)
                .id(field_id)
                .desired_width(f32::INFINITY)
                .hint_text(hint),
        );
        let edit = edit.labelled_by(label.id);
        if ui.memory(|m| m.focused().is_none()) {
            edit.request_focus();
        }
        let entered = (edit.has_focus() || edit.lost_focus())
            && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            let ready = !text.trim().is_empty();
            let ok = ui
                .add_enabled(ready, super::theme::primary_button("确定"))
                .on_hover_text("Enter");
            if (ok.clicked() || entered) && ready {
                actions.push(Action::File(FileAction::PathChosen(
                    purpose,
                    text.trim().into(),
                )));
                done = true;
            }
            if ui.button("取消").on_hover_text("Esc").clicked() {
                actions.push(Action::File(FileAction::PathCancelled));
                done = true;
            }
        });
    });
    let escaped = ctx.input(|i| i.key_pressed(egui::Key::Escape));
    if (response.should_close() || escaped) && !done {
        actions.push(Action::File(FileAction::PathCancelled));
        done = true;
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_keeps_the_typed_file_name() {
        let folder = Path::new("/home/甲/桌面");
        let sep = std::path::MAIN_SEPARATOR;
        assert_eq!(
            in_folder(folder, "/home/甲/文档/发言.docx"),
            folder.join("发言.docx").display().to_string()
        );
        assert_eq!(in_folder(folder, ""), format!("{}{sep}", folder.display()));
        assert_eq!(
            in_folder(folder, "/home/甲/文档/"),
            format!("{}{sep}", folder.display())
        );
    }

    #[test]
    fn every_purpose_has_its_own_hint() {
        let hints: Vec<&str> = [
            PathPurpose::Open,
            PathPurpose::SaveAs,
            PathPurpose::Import,
            PathPurpose::Export,
        ]
        .into_iter()
        .map(|p| wording(p).2)
        .collect();
        assert!(hints[2].contains(".docx") && hints[2].contains(".txt"));
        assert!(hints[3].contains(".docx"));
        assert!(!hints[2].contains(".ron"));
    }
}
