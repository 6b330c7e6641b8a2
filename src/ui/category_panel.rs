//! One category's header: the fold toggle, its derived number, editable title, counts and
//! buttons, and under it the category's lead. The panel around it and its findings are rows of the draft list.

use super::highlight::Highlighter;
use super::status_bar::group_thousands;
use super::text_field::{self, FieldName, FieldSpec};
use super::{Action, EditAction, Modal, UiState};
use crate::draft::numbering::category_label;
use crate::draft::{Category, TextField};

/// Where a category is drawn: its index in its section, the `四、` before the names of a
/// section other than the problems (empty there), and its character count.
pub struct CategorySpot<'a> {
    pub index: usize,
    pub prefix: &'a str,
    pub chars: usize,
}

pub fn show_head(
    ui: &mut egui::Ui,
    highlighter: &Highlighter<'_>,
    spot: &CategorySpot<'_>,
    category: &Category,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) {
    let index = spot.index;
    let number = format!("{}{}", spot.prefix, category_label(index));
    let open = !state.collapsed.contains(&category.id);
    let em = egui::TextStyle::Body.resolve(ui.style()).size;
    // Below this the title keeps its row and the counts and buttons go under it.
    let wide = ui.available_width() >= 14.0 * em + 330.0;
    ui.horizontal(|ui| {
        let toggle = ui
            .add(egui::Button::new(if open { "▼" } else { "▶" }).frame(false))
            .accessible_name(format!("{}{number}", if open { "折叠" } else { "展开" }))
            .on_hover_text(if open { "折叠" } else { "展开" });
        if toggle.clicked() {
            if open {
                state.collapsed.insert(category.id);
            } else {
                state.collapsed.remove(&category.id);
            }
        }
        ui.label(
            egui::RichText::new(category_label(index))
                .strong()
                .size(17.0),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if wide {
                tools(ui, spot, category, state, actions);
            }
            text_field::show(
                ui,
                FieldSpec {
                    field: TextField::CategoryTitle(category.id),
                    current: &category.title,
                    name: FieldName::Accessible(format!("{number}类别标题")),
                    hint: "类别标题，如“在理论学习方面”",
                    multiline: false,
                    font: egui::TextStyle::Body,
                    highlights: highlighter
                        .for_field(TextField::CategoryTitle(category.id), &category.title),
                },
                state,
                actions,
            );
        });
    });
    if !wide {
        // In a row of its own: a right-to-left layout straight in the column would centre
        // the tools in all the height below and push the lead and findings out of sight.
        ui.horizontal(|ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                tools(ui, spot, category, state, actions);
            });
        });
    }
    // The lead: what the category says before its first finding (理论武装抓得不深……：), a
    // field in every open category so one can be added where the material had none.
    if open {
        ui.indent(("category_lead", category.id), |ui| {
            text_field::show(
                ui,
                FieldSpec {
                    field: TextField::CategoryLead(category.id),
                    current: &category.lead,
                    name: FieldName::Accessible(format!("{number}导语")),
                    hint: "导语（可选）：“一是”之前的概括",
                    multiline: true,
                    font: egui::TextStyle::Body,
                    highlights: highlighter
                        .for_field(TextField::CategoryLead(category.id), &category.lead),
                },
                state,
                actions,
            );
        });
    }
}

/// Counts, ＋ 新增问题 and 删除类别, right to left.
fn tools(
    ui: &mut egui::Ui,
    spot: &CategorySpot<'_>,
    category: &Category,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) {
    let number = format!("{}{}", spot.prefix, category_label(spot.index));
    if ui
        .add(super::theme::destructive_button(ui, "删除类别").small())
        .on_hover_text("删除此类别及其中全部问题")
        .clicked()
    {
        actions.push(Action::ShowModal(Modal::ConfirmRemoveCategory {
            id: category.id,
            label: format!("{number}{}", category.title),
            findings: category.findings.len(),
        }));
    }
    if ui.button("＋ 新增问题").clicked() {
        state.collapsed.remove(&category.id);
        actions.push(Action::Edit(EditAction::AddFinding(category.id)));
    }
    let chars = spot.chars;
    ui.label(
        egui::RichText::new(format!(
            "{} 条 · {} 字",
            category.findings.len(),
            group_thousands(chars)
        ))
        .weak(),
    );
}

/// What an open category without findings shows.
pub fn show_empty(ui: &mut egui::Ui) {
    ui.label(
        egui::RichText::new("暂无问题。点击“＋ 新增问题”，或把其他类别的问题拖到这里。").weak(),
    );
}
