//! The outline: every category with its findings and characters; a click jumps to it.

use super::status_bar::group_thousands;
use super::{UiState, View};
use crate::draft::numbering::category_label;

pub fn show(ui: &mut egui::Ui, view: &View<'_>, state: &mut UiState) {
    ui.add_space(4.0);
    ui.heading("大纲");
    ui.horizontal(|ui| {
        if ui.small_button("全部折叠").clicked() {
            state.set_all_collapsed(view.draft, true);
        }
        if ui.small_button("全部展开").clicked() {
            state.set_all_collapsed(view.draft, false);
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("outline_scroll")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (index, category) in view.draft.categories().iter().enumerate() {
                let title = if category.title.trim().is_empty() {
                    "（未命名类别）"
                } else {
                    category.title.as_str()
                };
                let text = format!(
                    "{}{}\n{} 条 · {} 字",
                    category_label(index),
                    title,
                    category.findings.len(),
                    group_thousands(view.category_chars.get(index).copied().unwrap_or(0))
                );
                let response = ui
                    .add(egui::Button::new(text).frame(false).wrap())
                    .on_hover_text("跳转到此类别");
                if response.clicked() {
                    state.collapsed.remove(&category.id);
                    state.scroll_to = Some(category.id);
                }
                if let Some(progress) = view.aids.targets.and_then(|t| t.category(category.id))
                    && progress.target.is_some()
                {
                    ui.horizontal_wrapped(|ui| {
                        super::status_bar::target_progress(ui, progress, "")
                    });
                }
            }
            ui.separator();
            if let Some(report) = view.aids.targets
                && report.total.target.is_some()
            {
                ui.horizontal_wrapped(|ui| {
                    super::status_bar::target_progress(ui, &report.total, "全文")
                });
            }
            ui.label(format!(
                "合计 {} 条 · {} 字",
                view.draft.finding_count(),
                group_thousands(view.total_chars)
            ));
        });
}
