//! One part of the speech (`三、原因剖析`): its derived number, editable heading, kind and tools;
//! its paragraphs, or under its categories the button that adds one. The categories themselves
//! are rows of the draft list.

use super::highlight::Highlighter;
use super::text_field::{self, FieldName, FieldSpec};
use super::{Action, EditAction, UiState};
use crate::draft::{Command, Draft, Section, SectionBody, SectionKind, TextField};

/// Where a section is drawn: its index, the number it prints with, and the name its fields go
/// by (`小标题` for the problems section, `第三部分` for the others).
pub struct SectionSpot<'a> {
    pub index: usize,
    pub number: Option<&'a str>,
    pub name: &'a str,
}

/// The name a section's fields go by. The problems section keeps the 小标题 of a speech that
/// is only the problems; every other part is named by its position, which stays unique.
pub fn field_name(draft: &Draft, index: usize) -> String {
    let problems = draft.problems_section().map(|s| s.id);
    match draft.sections.get(index) {
        Some(section) if Some(section.id) == problems => "小标题".to_owned(),
        _ => format!(
            "第{}部分",
            crate::draft::numbering::chinese_number(index + 1)
        ),
    }
}

pub fn show_head(
    ui: &mut egui::Ui,
    draft: &Draft,
    highlighter: &Highlighter<'_>,
    spot: &SectionSpot<'_>,
    section: &Section,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) {
    let field = TextField::SectionHeading(section.id);
    // A part starts a little apart from the one before it.
    ui.add_space(6.0);
    let em = egui::TextStyle::Heading.resolve(ui.style()).size;
    // Room for a heading of twelve characters (今后的努力方向和整改措施) beside the number, the
    // kind and the tools; below it the heading keeps its row and the rest goes under it.
    let wide = ui.available_width() >= 12.0 * em + 330.0;
    ui.horizontal(|ui| {
        let number = match spot.number {
            Some(number) => egui::RichText::new(number).strong().size(18.0),
            None if section.heading.trim().is_empty() => egui::RichText::new("（接上）").weak(),
            None => egui::RichText::new("（空）").weak(),
        };
        ui.label(number).on_hover_text(match spot.number {
            Some(_) => "序号按位置自动生成",
            None if section.heading.trim().is_empty() => "没有标题：导出时接在上一部分之后",
            None => "这一部分还没有内容，导出时略去，序号顺延",
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if wide {
                tools(ui, draft, spot, section, actions);
                kind_choice(ui, spot, section, actions);
            }
            text_field::show(
                ui,
                FieldSpec {
                    field,
                    current: &section.heading,
                    name: FieldName::Accessible(if spot.name == "小标题" {
                        "小标题".to_owned()
                    } else {
                        format!("{}标题", spot.name)
                    }),
                    hint: "部分标题，如“检视存在的问题”（序号自动生成）",
                    multiline: false,
                    font: egui::TextStyle::Heading,
                    highlights: highlighter.for_field(field, &section.heading),
                },
                state,
                actions,
            );
        });
    });
    if !wide {
        ui.horizontal(|ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                tools(ui, draft, spot, section, actions);
                kind_choice(ui, spot, section, actions);
            });
        });
    }
}

/// 类型: what the part is for (the 整改清单 lists the 检视问题 parts' findings).
fn kind_choice(
    ui: &mut egui::Ui,
    spot: &SectionSpot<'_>,
    section: &Section,
    actions: &mut Vec<Action>,
) {
    let mut kind = section.kind;
    egui::ComboBox::from_id_salt(("section_kind", section.id))
        .selected_text(kind.label())
        .width(120.0)
        .show_ui(ui, |ui| {
            for choice in SectionKind::ALL {
                ui.selectable_value(&mut kind, choice, choice.label());
            }
        })
        .response
        .on_hover_text("这一部分的类型：整改清单列出“检视问题”的各条问题")
        .accessible_name(format!("{}类型", spot.name));
    if kind != section.kind {
        actions.push(Action::command(Command::SetSectionKind {
            id: section.id,
            kind,
        }));
    }
}

/// 上移 / 下移, 删除部分, and a menu with the rest.
fn tools(
    ui: &mut egui::Ui,
    draft: &Draft,
    spot: &SectionSpot<'_>,
    section: &Section,
    actions: &mut Vec<Action>,
) {
    let last = draft.sections.len().saturating_sub(1);
    ui.menu_button("更多", |ui| {
        let switch = match section.body {
            SectionBody::Paragraphs(_) => "改为分类别、分条目",
            SectionBody::Categories(_) => "改为成段文字",
        };
        if ui.button(switch).clicked() {
            actions.push(Action::Edit(EditAction::SwitchSectionBody(section.id)));
            ui.close();
        }
        if section.kind == SectionKind::Measures && ui.button("按问题生成整改措施").clicked()
        {
            actions.push(Action::Edit(EditAction::GenerateMeasures));
            ui.close();
        }
        ui.separator();
        if ui
            .add(super::theme::destructive_button(ui, "删除这一部分"))
            .clicked()
        {
            actions.push(Action::command(Command::RemoveSection { id: section.id }));
            ui.close();
        }
    })
    .response
    .on_hover_text("改为段落或类别、生成整改措施、删除这一部分……")
    .accessible_name(format!("{}菜单", spot.name));
    if ui
        .add_enabled(spot.index < last, egui::Button::new("下移").small())
        .on_hover_text("这一部分下移")
        .accessible_name(format!("{}下移", spot.name))
        .clicked()
    {
        actions.push(Action::command(Command::MoveSection {
            id: section.id,
            index: spot.index + 1,
        }));
    }
    if ui
        .add_enabled(spot.index > 0, egui::Button::new("上移").small())
        .on_hover_text("这一部分上移")
        .accessible_name(format!("{}上移", spot.name))
        .clicked()
    {
        actions.push(Action::command(Command::MoveSection {
            id: section.id,
            index: spot.index - 1,
        }));
    }
}

/// A part written as paragraphs: one field, a paragraph a line.
pub fn show_text(
    ui: &mut egui::Ui,
    highlighter: &Highlighter<'_>,
    spot: &SectionSpot<'_>,
    section: &Section,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) {
    let text = section.paragraphs().unwrap_or_default();
    let field = TextField::SectionText(section.id);
    let hint = match section.kind {
        SectionKind::Study => "学习收获：一段一行",
        SectionKind::Rectification => "上年度整改落实情况：一段一行",
        SectionKind::Case => "案例基本情况、对照查找差距：一段一行",
        SectionKind::Causes => "原因剖析：一段一行",
        SectionKind::Measures => "整改措施：一段一行",
        SectionKind::Problems | SectionKind::Other => "正文：一段一行",
    };
    ui.indent(("section_text", section.id), |ui| {
        text_field::show(
            ui,
            FieldSpec {
                field,
                current: text,
                name: FieldName::Accessible(format!("{}正文", spot.name)),
                hint,
                multiline: true,
                font: egui::TextStyle::Body,
                highlights: highlighter.for_field(field, text),
            },
            state,
            actions,
        );
    });
}

/// Under a part's categories: ＋ 新增类别, and for the problems 恢复模板的类别, far from it.
pub fn show_foot(ui: &mut egui::Ui, problems: bool, section: &Section, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let add = ui.button("＋ 新增类别");
        if add.clicked() {
            actions.push(Action::Edit(EditAction::AddCategory(Some(section.id))));
        }
        if !problems {
            return;
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
}

/// ＋ 新增部分: a menu of the kinds, each started as a writer would start it.
pub fn add_section_menu(ui: &mut egui::Ui, draft: &Draft, actions: &mut Vec<Action>) {
    ui.menu_button("＋ 新增部分", |ui| {
        for kind in SectionKind::ALL {
            if ui.button(kind.label()).clicked() {
                actions.push(Action::Edit(EditAction::AddSection(
                    draft.sections.len(),
                    kind,
                )));
                ui.close();
            }
        }
    })
    .response
    .on_hover_text("在最后加上一部分：学习收获、原因剖析、整改措施……");
}
