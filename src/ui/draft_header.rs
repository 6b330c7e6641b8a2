//! The speech's title and heading above the categories, text outside the problems part, and
//! the buttons below the last category.

use super::highlight::Highlighter;
use super::text_field::{self, FieldName, FieldSpec};
use super::{Action, EditAction, UiState};
use crate::draft::{Draft, TextField};

pub fn show(
    ui: &mut egui::Ui,
    draft: &Draft,
    highlighter: &Highlighter<'_>,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) {
    egui::Grid::new("draft_header")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .min_col_width(48.0)
        .show(ui, |ui| {
            let label = ui.label("标题");
            text_field::show(
                ui,
                FieldSpec {
                    field: TextField::Title,
                    current: &draft.title,
                    name: FieldName::LabelledBy(label.id),
                    hint: "发言材料的标题",
                    multiline: false,
                    font: egui::TextStyle::Heading,
                    highlights: highlighter.for_field(TextField::Title, &draft.title),
                },
                state,
                actions,
            );
            ui.end_row();
            if let Some(section) = draft.problems_section() {
                let label = ui.label("小标题");
                let field = TextField::SectionHeading(section.id);
                text_field::show(
                    ui,
                    FieldSpec {
                        field,
                        current: &section.heading,
                        name: FieldName::LabelledBy(label.id),
                        hint: "检视存在的问题（序号自动生成）",
                        multiline: false,
                        font: egui::TextStyle::Body,
                        highlights: highlighter.for_field(field, &section.heading),
                    },
                    state,
                    actions,
                );
                ui.end_row();
            }
        });
    if !draft.opening.is_empty() {
        ui.add_space(6.0);
        outside_text(
            ui,
            "问题部分之前的内容（导入时保留，不属于任何类别）",
            TextField::Opening,
            &draft.opening,
            highlighter,
            state,
            actions,
        );
    }
    ui.add_space(8.0);
}

pub fn show_footer(
    ui: &mut egui::Ui,
    draft: &Draft,
    highlighter: &Highlighter<'_>,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) {
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button("＋ 新增类别").clicked() {
            actions.push(Action::Edit(EditAction::AddCategory));
        }
        // Far from ＋ 新增类别, so adding a category never replaces them all by a slip.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .add(egui::Button::new(egui::RichText::new("恢复模板的类别").weak()).small())
                .on_hover_text(
                    "用新建时的模板（最新年度）的问题类别替换全部类别，原有问题保留（可撤销）",
                )
                .clicked()
            {
                actions.push(Action::Edit(EditAction::RestoreTemplate));
            }
        });
    });
    other_sections_note(ui, draft);
    if !draft.closing.is_empty() {
        ui.add_space(8.0);
        outside_text(
            ui,
            "问题部分之后的内容（导入时保留，如原因剖析、整改措施）",
            TextField::Closing,
            &draft.closing,
            highlighter,
            state,
            actions,
        );
    }
    ui.add_space(24.0);
}

/// The speech's other sections (学习收获, 原因剖析, 整改措施…), named so the writer knows they
/// are there and exported; editing them here comes with the section editor.
fn other_sections_note(ui: &mut egui::Ui, draft: &Draft) {
    let problems = draft.problems_section().map(|s| s.id);
    let names: Vec<&str> = draft
        .sections
        .iter()
        .filter(|s| Some(s.id) != problems)
        .map(|s| s.heading.trim())
        .filter(|h| !h.is_empty())
        .collect();
    if names.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.label(
        egui::RichText::new(format!(
            "本稿的其他部分（写了内容的，导出时一并输出）：{}",
            names.join("、")
        ))
        .weak(),
    );
}

fn outside_text(
    ui: &mut egui::Ui,
    label: &str,
    field: TextField,
    text: &str,
    highlighter: &Highlighter<'_>,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(egui::RichText::new(label).weak());
        text_field::show(
            ui,
            FieldSpec {
                field,
                current: text,
                name: FieldName::Accessible(label.to_owned()),
                hint: "",
                multiline: true,
                font: egui::TextStyle::Body,
                highlights: highlighter.for_field(field, text),
            },
            state,
            actions,
        );
    });
}
