//! The outline: every part of the speech, and under it each category with its findings and
//! characters; a click jumps there.

use super::status_bar::group_thousands;
use super::{UiState, View};
use crate::draft::numbering::category_label;
use crate::draft::{Category, TextField};

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
            for (si, section) in view.draft.sections.iter().enumerate() {
                let number = view
                    .section_numbers
                    .get(si)
                    .and_then(Option::as_deref)
                    .unwrap_or("");
                let heading = match section.heading.trim() {
                    "" => "（接上一部分）",
                    heading => heading,
                };
                let response = ui
                    .add(
                        egui::Button::new(
                            egui::RichText::new(format!("{number}{heading}")).strong(),
                        )
                        .frame(false)
                        .wrap(),
                    )
                    .on_hover_text("跳转到这一部分");
                if response.clicked() {
                    state.focus_request = Some(TextField::SectionHeading(section.id));
                }
                for (index, category) in section.categories().iter().enumerate() {
                    let chars = view.category_chars.get(&category.id).copied().unwrap_or(0);
                    category_entry(ui, view, state, index, category, chars);
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
                group_thousands(view.aids.printed_chars.unwrap_or(view.total_chars))
            ));
        });
}

fn category_entry(
    ui: &mut egui::Ui,
    view: &View<'_>,
    state: &mut UiState,
    index: usize,
    category: &Category,
    chars: usize,
) {
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
        group_thousands(chars)
    );
    let response = ui
        .indent(("outline_category", category.id), |ui| {
            ui.add(egui::Button::new(text).frame(false).wrap())
                .on_hover_text("跳转到此类别")
        })
        .inner;
    if response.clicked() {
        state.collapsed.remove(&category.id);
        state.scroll_to = Some(category.id);
    }
    if let Some(progress) = view.aids.targets.and_then(|t| t.category(category.id))
        && progress.target.is_some()
    {
        ui.horizontal_wrapped(|ui| super::status_bar::target_progress(ui, progress, ""));
    }
}
