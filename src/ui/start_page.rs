//! The first screen when there is no draft to go back to: three large ways in — 导入素材, 新建,
//! 打开 — and the drafts opened recently.

use super::{Action, FileAction, ImportAction, View};

/// Draws the start page. Returns true once the writer chose something (the editor takes over).
pub fn show(ui: &mut egui::Ui, view: &View<'_>, actions: &mut Vec<Action>) -> bool {
    let mut chosen = false;
    egui::ScrollArea::vertical()
        .id_salt("start_page")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.set_max_width(640.0);
                ui.add_space((ui.available_height() * 0.08).clamp(12.0, 60.0));
                ui.label(egui::RichText::new("剖析").size(34.0).strong());
                ui.label(
                    egui::RichText::new(
                        "检视问题、剖析发言材料的编辑器：导入素材，去掉广告，逐条改写，导出 Word。",
                    )
                    .weak(),
                );
                ui.add_space(24.0);
                let size = egui::vec2(ui.available_width().min(420.0), 52.0);
                let big = |text: &str| egui::RichText::new(text).size(19.0);
                if ui
                    .add_sized(
                        size,
                        super::theme::primary_button(big("导入素材…")).min_size(size),
                    )
                    .on_hover_text(
                        "打开下载的 .txt 或 .docx 素材，广告会被标出，可逐条恢复（Ctrl+I）",
                    )
                    .clicked()
                {
                    actions.push(Action::Import(ImportAction::ChooseFile));
                    chosen = true;
                }
                ui.add_space(8.0);
                let default_template = view
                    .template_names
                    .first()
                    .map_or(String::new(), |name| format!("（{name}）"));
                if ui
                    .add_sized(size, egui::Button::new(big("新建稿件")))
                    .on_hover_text(format!("从模板新建{default_template}（Ctrl+N）"))
                    .clicked()
                {
                    actions.push(Action::File(FileAction::NewFromTemplate(0)));
                    chosen = true;
                }
                if view.template_names.len() > 1 {
                    // As wide as the buttons above and below, under them.
                    let wrapping =
                        egui::Layout::left_to_right(egui::Align::Min).with_main_wrap(true);
                    ui.allocate_ui_with_layout(egui::vec2(size.x, 0.0), wrapping, |ui| {
                        // A template's name moves to the next line whole, never split in two.
                        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                        ui.label(egui::RichText::new("其他模板：").weak());
                        for (index, name) in view.template_names.iter().enumerate().skip(1) {
                            if ui.link(name).clicked() {
                                actions.push(Action::File(FileAction::NewFromTemplate(index)));
                                chosen = true;
                            }
                        }
                    });
                }
                ui.add_space(8.0);
                if ui
                    .add_sized(size, egui::Button::new(big("打开稿件…")))
                    .on_hover_text("打开保存过的 .ron 稿件（Ctrl+O）")
                    .clicked()
                {
                    actions.push(Action::File(FileAction::Open));
                    chosen = true;
                }
                if !view.recent_files.is_empty() {
                    ui.add_space(24.0);
                    ui.label(egui::RichText::new("最近打开").strong());
                    ui.add_space(4.0);
                    for path in view.recent_files.iter().take(8) {
                        let name = path
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_else(|| path.display().to_string());
                        if ui
                            .link(name)
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            actions.push(Action::File(FileAction::OpenPath(path.clone())));
                            chosen = true;
                        }
                    }
                }
            });
        });
    chosen
}
