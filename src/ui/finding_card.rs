//! One finding: drag handle, derived number, headline, body, and its actions — shown while the
//! pointer is over the card or its text has focus, and always in its right-click menu.
//! Alt+↑/Alt+↓ move it while its text has focus; it is also a drop target for dragged findings.

use super::highlight::Highlighter;
use super::text_field::{self, FieldName, FieldSpec};
use super::{Action, EditAction, UiState};
use crate::draft::numbering::{category_label, finding_label};
use crate::draft::{Category, CategoryId, Command, Draft, Finding, FindingId, TextField};

/// The drag-and-drop payload: which finding is being dragged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DraggedFinding(pub FindingId);

/// Where a finding is drawn.
pub struct Place<'a> {
    pub draft: &'a Draft,
    /// Why this finding still looks like an ad, if it does.
    pub ad_warning: Option<&'a [String]>,
    /// Share still copied from the imported material.
    pub copied: Option<f32>,
    pub highlighter: &'a Highlighter<'a>,
    /// The categories of the finding's section, in order.
    pub categories: &'a [Category],
    /// `四、` before the names of a section other than the problems, so every field's name is
    /// unique; empty in the problems section.
    pub prefix: &'a str,
    /// The finding is a measure (整改措施): it can name the problems it answers.
    pub measure: bool,
    pub category_index: usize,
    pub category: &'a Category,
    pub index: usize,
}

pub fn show(
    ui: &mut egui::Ui,
    place: &Place<'_>,
    finding: &Finding,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) {
    let label = format!(
        "{}{}{}",
        place.prefix,
        category_label(place.category_index),
        finding_label(place.index)
    );
    let headline_field = TextField::Headline(finding.id);
    let body_field = TextField::Body(finding.id);
    let focused = ui.memory(|m| {
        m.has_focus(text_field::widget_id(headline_field))
            || m.has_focus(text_field::widget_id(body_field))
    });
    if focused {
        // Consumed before the text edits run, so they never see these keys.
        let up = ui.input_mut(|i| i.consume_key(egui::Modifiers::ALT, egui::Key::ArrowUp));
        let down = ui.input_mut(|i| i.consume_key(egui::Modifiers::ALT, egui::Key::ArrowDown));
        if up || down {
            let field = if ui.memory(|m| m.has_focus(text_field::widget_id(body_field))) {
                body_field
            } else {
                headline_field
            };
            if let Some(command) = move_command(place, finding.id, up) {
                follow_move(&command, state);
                actions.push(Action::command(command));
                state.focus_request = Some(field);
            }
        }
    }

    let card_id = egui::Id::unique(("pouxi_finding_card", finding.id));
    // Hover is known only once the card is laid out: last frame's rectangle answers for now.
    let hovered = ui
        .data(|d| d.get_temp::<egui::Rect>(card_id))
        .is_some_and(|rect| ui.rect_contains_pointer(rect));
    let actions_shown = focused || hovered;

    let frame = egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(6, 4))
        .corner_radius(4.0)
        .fill(ui.visuals().faint_bg_color);
    let card = frame.show(ui, |ui| {
        ui.horizontal(|ui| {
            let handle = ui
                .add(
                    egui::Button::new(egui::RichText::new("≡").size(18.0))
                        .frame(false)
                        .sense(egui::Sense::click_and_drag()),
                )
                .on_hover_text("按住拖动，调整顺序或移到其他类别；右键打开菜单");
            let handle = handle.accessible_name(format!("拖动{label}"));
            handle.dnd_set_drag_payload(DraggedFinding(finding.id));
            handle.context_menu(|ui| finding_menu(ui, place, finding.id, state, actions));
            ui.label(egui::RichText::new(finding_label(place.index)).strong())
                .context_menu(|ui| finding_menu(ui, place, finding.id, state, actions));
            let wide = ui.available_width() >= wide_row_width(ui, place);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if actions_shown {
                    if wide {
                        buttons(ui, place, finding.id, &label, state, actions);
                    } else {
                        ui.menu_button("⋯", |ui| {
                            finding_menu(ui, place, finding.id, state, actions)
                        })
                        .response
                        .on_hover_text("上移、下移、复制、删除……");
                    }
                }
                if let Some(reasons) = place.ad_warning {
                    ui.colored_label(ui.visuals().error_fg_color, "⚠ 疑似广告")
                        .on_hover_text(reasons.join("\n"));
                }
                if let Some(share) = place.copied {
                    copied_badge(ui, share);
                }
                text_field::show_with_menu(
                    ui,
                    FieldSpec {
                        field: headline_field,
                        current: &finding.headline,
                        name: FieldName::Accessible(format!("{label}标题")),
                        hint: "问题标题，一句话",
                        multiline: false,
                        font: super::theme::headline_style(),
                        highlights: place
                            .highlighter
                            .for_field(headline_field, &finding.headline),
                    },
                    state,
                    actions,
                    |ui, state, actions| finding_menu(ui, place, finding.id, state, actions),
                );
            });
        });
        ui.horizontal(|ui| {
            ui.add_space(28.0);
            ui.vertical(|ui| {
                text_field::show_with_menu(
                    ui,
                    FieldSpec {
                        field: body_field,
                        current: &finding.body,
                        name: FieldName::Accessible(format!("{label}内容")),
                        hint: "具体表现：事例、数据、时间……",
                        multiline: true,
                        font: egui::TextStyle::Body,
                        highlights: place.highlighter.for_field(body_field, &finding.body),
                    },
                    state,
                    actions,
                    |ui, state, actions| finding_menu(ui, place, finding.id, state, actions),
                );
                if place.measure {
                    answers_row(ui, place, finding.id, &label, actions);
                }
            });
        });
    });
    ui.data_mut(|d| d.insert_temp(card_id, card.response.rect));
    drop_target(ui, card.response.rect, place, finding.id, actions);
}

/// Under a measure: the problems it answers (they fill the 整改清单's 整改措施 column), and a
/// menu to tick them.
fn answers_row(
    ui: &mut egui::Ui,
    place: &Place<'_>,
    measure: FindingId,
    label: &str,
    actions: &mut Vec<Action>,
) {
    let draft = place.draft;
    let answers = draft.answers_of(measure);
    let problem_name = |ci: usize, fi: usize| {
        let finding = &draft.categories()[ci].findings[fi];
        format!(
            "{}{} {}",
            category_label(ci),
            finding_label(fi),
            finding.headline.trim()
        )
    };
    ui.horizontal_wrapped(|ui| {
        let button = ui
            .menu_button(format!("对应问题（{}）", answers.len()), |ui| {
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        for (ci, category) in draft.categories().iter().enumerate() {
                            for (fi, problem) in category.findings.iter().enumerate() {
                                let mut linked = answers.contains(&problem.id);
                                if ui.checkbox(&mut linked, problem_name(ci, fi)).changed()
                                    && let Some(command) =
                                        crate::draft::section_edits::toggle_answer(
                                            draft, measure, problem.id,
                                        )
                                {
                                    actions.push(Action::command(command));
                                }
                            }
                        }
                    });
            })
            .response;
        button
            .on_hover_text("这条措施针对哪些问题：整改清单的“整改措施”一栏据此填写")
            .accessible_name(format!("{label}对应问题"));
        let names: Vec<String> = answers
            .iter()
            .filter_map(|&id| draft.locate(id))
            .map(|(ci, fi)| problem_name(ci, fi))
            .collect();
        if !names.is_empty() {
            ui.label(egui::RichText::new(names.join("；")).weak().small());
        }
    });
}

/// A headline keeps room for this many characters before the buttons give way to a ⋯ menu.
const MIN_HEADLINE_CHARS: f32 = 12.0;

/// The width the headline row needs to show the buttons beside a headline of
/// [`MIN_HEADLINE_CHARS`].
fn wide_row_width(ui: &egui::Ui, place: &Place<'_>) -> f32 {
    let em = super::theme::headline_style().resolve(ui.style()).size;
    let button = egui::TextStyle::Button.resolve(ui.style()).size;
    // Four two-character buttons with their padding and spacing.
    let buttons = 4.0 * (2.0 * button + 2.0 * ui.spacing().button_padding.x + 6.0);
    let badge = if place.copied.is_some() {
        5.0 * button
    } else {
        0.0
    };
    let warning = if place.ad_warning.is_some() {
        6.0 * button
    } else {
        0.0
    };
    MIN_HEADLINE_CHARS * em + 16.0 + buttons + badge + warning
}

/// Above this share of copied words the 照搬 badge turns red: more than half of the finding is
/// still somebody else's sentences, which reviewers read as copied. Below it the badge stays
/// grey; it is information, not an alarm.
pub const COPIED_ALARM: f32 = 0.5;

/// `照搬 85%`: how much of the finding is still the material's words; small, at the right.
fn copied_badge(ui: &mut egui::Ui, share: f32) {
    let percent = (share * 100.0).round();
    let color = if share > COPIED_ALARM {
        ui.visuals().error_fg_color
    } else {
        ui.visuals().weak_text_color()
    };
    let text = egui::RichText::new(format!("照搬 {percent:.0}%"))
        .small()
        .color(color);
    ui.label(text).on_hover_text(
        "与导入素材逐字相同的比例（超过一半显示为红色）；视图 → 标出照搬的文字 可查看是哪些句子",
    );
}

/// The finding's right-click menu (also behind ⋯ and the ≡ handle).
fn finding_menu(
    ui: &mut egui::Ui,
    place: &Place<'_>,
    id: FindingId,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) {
    let first_overall = place.category_index == 0 && place.index == 0;
    let last_overall = place.category_index + 1 == place.categories.len()
        && place.index + 1 == place.category.findings.len();
    let mut chosen = None;
    if ui
        .add_enabled(
            !first_overall,
            egui::Button::new("上移问题").shortcut_text("Alt+↑"),
        )
        .clicked()
    {
        chosen = move_command(place, id, true);
    }
    if ui
        .add_enabled(
            !last_overall,
            egui::Button::new("下移问题").shortcut_text("Alt+↓"),
        )
        .clicked()
    {
        chosen = move_command(place, id, false);
    }
    ui.menu_button("移到类别", |ui| {
        for (index, category) in place.categories.iter().enumerate() {
            let name = format!("{}{}", category_label(index), category.title);
            let here = index == place.category_index;
            if ui.add_enabled(!here, egui::Button::new(name)).clicked() {
                chosen = Some(Command::MoveFinding {
                    id,
                    category: category.id,
                    index: category.findings.len(),
                });
            }
        }
    });
    ui.separator();
    if ui.button("复制问题").clicked() {
        actions.push(Action::Edit(EditAction::DuplicateFinding(id)));
        ui.close();
    }
    if ui
        .add(super::theme::destructive_button(ui, "删除问题"))
        .clicked()
    {
        actions.push(Action::command(Command::RemoveFinding { id }));
        ui.close();
    }
    if let Some(command) = chosen {
        follow_move(&command, state);
        actions.push(Action::command(command));
        ui.close();
    }
}

fn buttons(
    ui: &mut egui::Ui,
    place: &Place<'_>,
    id: FindingId,
    label: &str,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) {
    if ui
        .small_button("删除")
        .on_hover_text(format!("删除{label}（可撤销）"))
        .clicked()
    {
        actions.push(Action::command(Command::RemoveFinding { id }));
    }
    if ui
        .small_button("复制")
        .on_hover_text("在下方插入一份副本")
        .clicked()
    {
        actions.push(Action::Edit(EditAction::DuplicateFinding(id)));
    }
    let last_overall = place.category_index + 1 == place.categories.len()
        && place.index + 1 == place.category.findings.len();
    if ui
        .add_enabled(!last_overall, egui::Button::new("下移").small())
        .on_hover_text("Alt+↓")
        .clicked()
        && let Some(command) = move_command(place, id, false)
    {
        follow_move(&command, state);
        actions.push(Action::command(command));
    }
    let first_overall = place.category_index == 0 && place.index == 0;
    if ui
        .add_enabled(!first_overall, egui::Button::new("上移").small())
        .on_hover_text("Alt+↑")
        .clicked()
        && let Some(command) = move_command(place, id, true)
    {
        follow_move(&command, state);
        actions.push(Action::command(command));
    }
}

/// One step up or down; past the ends of a category it crosses into the neighbouring one.
fn move_command(place: &Place<'_>, id: FindingId, up: bool) -> Option<Command> {
    let categories = place.categories;
    let (category, index) = if up {
        if place.index > 0 {
            (place.category.id, place.index - 1)
        } else {
            let previous = categories.get(place.category_index.checked_sub(1)?)?;
            (previous.id, previous.findings.len())
        }
    } else if place.index + 1 < place.category.findings.len() {
        (place.category.id, place.index + 1)
    } else {
        let next = categories.get(place.category_index + 1)?;
        (next.id, 0)
    };
    Some(Command::MoveFinding {
        id,
        category,
        index,
    })
}

/// A finding moved into a collapsed category opens it, so the writer sees where it went.
fn follow_move(command: &Command, state: &mut UiState) {
    if let Command::MoveFinding { category, .. } = command {
        state.collapsed.remove(category);
    }
}

/// Highlights where a dragged finding would land and moves it there on release.
fn drop_target(
    ui: &mut egui::Ui,
    rect: egui::Rect,
    place: &Place<'_>,
    target: FindingId,
    actions: &mut Vec<Action>,
) {
    let ctx = ui.ctx().clone();
    let Some(dragged) = egui::DragAndDrop::payload::<DraggedFinding>(&ctx) else {
        return;
    };
    if dragged.0 == target || !ui.rect_contains_pointer(rect) {
        return;
    }
    let Some(pointer) = ctx.pointer_interact_pos() else {
        return;
    };
    let below = pointer.y > rect.center().y;
    let y = if below {
        rect.bottom() + 2.0
    } else {
        rect.top() - 2.0
    };
    ui.painter().hline(
        rect.x_range(),
        y,
        egui::Stroke::new(3.0, ui.visuals().selection.stroke.color),
    );
    if ctx.input(|i| i.pointer.any_released())
        && egui::DragAndDrop::take_payload::<DraggedFinding>(&ctx).is_some()
    {
        let mut index = place.index + usize::from(below);
        // Indices count after the dragged finding is taken out of its place.
        if let Some(from) = place.draft.find_finding(dragged.0)
            && place.draft.sections[from.section].categories()[from.category].id
                == place.category.id
            && from.finding < index
        {
            index -= 1;
        }
        actions.push(Action::command(Command::MoveFinding {
            id: dragged.0,
            category: place.category.id,
            index,
        }));
    }
}

/// Drops on a category outside any finding append the finding to that category.
pub fn category_drop_target(
    ui: &mut egui::Ui,
    rect: egui::Rect,
    draft: &Draft,
    category: CategoryId,
    actions: &mut Vec<Action>,
) {
    let ctx = ui.ctx().clone();
    let Some(dragged) = egui::DragAndDrop::payload::<DraggedFinding>(&ctx) else {
        return;
    };
    if !ui.rect_contains_pointer(rect) {
        return;
    }
    ui.painter().rect_stroke(
        rect,
        4.0,
        egui::Stroke::new(2.0, ui.visuals().selection.stroke.color),
        egui::StrokeKind::Inside,
    );
    if ctx.input(|i| i.pointer.any_released())
        && egui::DragAndDrop::take_payload::<DraggedFinding>(&ctx).is_some()
        && let Some(target) = draft.category(category)
    {
        let same = draft.category_of(TextField::Headline(dragged.0)) == Some(category);
        let index = target.findings.len() - usize::from(same);
        actions.push(Action::command(Command::MoveFinding {
            id: dragged.0,
            category,
            index,
        }));
    }
}

/// Shows what is being dragged next to the pointer.
pub fn show_drag_preview(ui: &mut egui::Ui, draft: &Draft) {
    let ctx = ui.ctx().clone();
    let Some(dragged) = egui::DragAndDrop::payload::<DraggedFinding>(&ctx) else {
        return;
    };
    let (Some(pointer), Some(finding)) = (ctx.pointer_interact_pos(), draft.finding(dragged.0))
    else {
        return;
    };
    ctx.set_cursor_icon(egui::CursorIcon::Grabbing);
    let text = if finding.headline.trim().is_empty() {
        finding.body.chars().take(20).collect::<String>()
    } else {
        finding.headline.clone()
    };
    egui::Area::new(egui::Id::unique("pouxi_drag_preview"))
        .order(egui::Order::Tooltip)
        .fixed_pos(pointer + egui::vec2(14.0, 10.0))
        .interactable(false)
        .show(&ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.label(format!("移动：{text}"));
            });
        });
}
