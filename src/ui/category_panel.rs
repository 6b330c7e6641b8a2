//! One category: a collapsible panel with its derived number, editable title, counts, and its
//! findings.

use super::finding_card::{self, Place};
use super::highlight::Highlighter;
use super::status_bar::group_thousands;
use super::text_field::{self, FieldName, FieldSpec};
use super::{Action, Modal, UiState};
use crate::draft::numbering::category_label;
use crate::draft::{Category, Draft, FindingId, TextField};
use std::collections::HashMap;

/// What every category panel draws from.
pub struct Context<'a> {
    pub draft: &'a Draft,
    pub ad_warnings: &'a HashMap<FindingId, Vec<String>>,
    pub copied: Option<&'a HashMap<FindingId, f32>>,
    pub highlighter: &'a Highlighter<'a>,
}

pub fn show(
    ui: &mut egui::Ui,
    context: &Context<'_>,
    index: usize,
    category: &Category,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) {
    let draft = context.draft;
    let number = category_label(index);
    let open = !state.collapsed.contains(&category.id);
    let panel = egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let header = ui.horizontal(|ui| {
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
            ui.label(egui::RichText::new(&number).strong().size(17.0));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .small_button("删除类别")
                    .on_hover_text("删除此类别及其中全部问题")
                    .clicked()
                {
                    state.modal = Some(Modal::ConfirmRemoveCategory {
                        id: category.id,
                        label: format!("{number}{}", category.title),
                        findings: category.findings.len(),
                    });
                }
                if ui.button("＋ 新增问题").clicked() {
                    state.collapsed.remove(&category.id);
                    actions.push(Action::AddFinding(category.id));
                }
                ui.label(
                    egui::RichText::new(format!(
                        "{} 条 · {} 字",
                        category.findings.len(),
                        group_thousands(category.char_count())
                    ))
                    .weak(),
                );
                text_field::show(
                    ui,
                    FieldSpec {
                        field: TextField::CategoryTitle(category.id),
                        current: &category.title,
                        name: FieldName::Accessible(format!("{number}类别标题")),
                        hint: "类别标题，如“在理论学习方面”",
                        multiline: false,
                        font: egui::TextStyle::Body,
                        highlights: context
                            .highlighter
                            .for_field(TextField::CategoryTitle(category.id), &category.title),
                    },
                    state,
                    actions,
                );
            });
        });
        if state.scroll_to == Some(category.id) {
            header.response.scroll_to_me(Some(egui::Align::TOP));
            state.scroll_to = None;
        }
        if !open {
            return;
        }
        if category.findings.is_empty() {
            ui.label(
                egui::RichText::new("暂无问题。点击“＋ 新增问题”，或把其他类别的问题拖到这里。")
                    .weak(),
            );
        }
        for (finding_index, finding) in category.findings.iter().enumerate() {
            let place = Place {
                draft,
                ad_warning: context.ad_warnings.get(&finding.id).map(Vec::as_slice),
                copied: context.copied.and_then(|c| c.get(&finding.id).copied()),
                highlighter: context.highlighter,
                category_index: index,
                category,
                index: finding_index,
            };
            ui.push_id(finding.id, |ui| {
                finding_card::show(ui, &place, finding, state, actions);
            });
            ui.add_space(2.0);
        }
    });
    finding_card::category_drop_target(ui, panel.response.rect, draft, category.id, actions);
    ui.add_space(6.0);
}
