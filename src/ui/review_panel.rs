//! 检查: what the reviewer found — vague findings, missing parts, placeholders, repeats, ads —
//! grouped by severity (须改 first), with a kind that turns up again and again folded into one
//! line with its count, and a filter by category; each item a click away from its text.

use super::{Action, UiState, View};
use crate::draft::numbering::category_label;
use crate::review::{ReviewItem, ReviewKind, Severity};

/// A kind found this many times or more (注意 and 建议 only) is folded into one line.
pub const FOLD_AT: usize = 3;

pub fn show(ui: &mut egui::Ui, view: &View<'_>, state: &mut UiState, actions: &mut Vec<Action>) {
    ui.add_space(4.0);
    ui.heading("检查");
    if let Some(total) = view.aids.copied_total {
        ui.label(format!("全文照搬素材 {:.0}%", total * 100.0))
            .on_hover_text("与导入的素材逐字相同的比例。改成自己的话，这个数字会下降。");
    }
    let Some(all) = view.aids.review else {
        return;
    };
    category_filter(ui, view, state);
    let items: Vec<&ReviewItem> = all
        .iter()
        .filter(|item| match state.review_category {
            None => true,
            Some(category) => item.location.category(view.draft) == Some(category),
        })
        .collect();
    let count = |severity: Severity| items.iter().filter(|i| i.severity() == severity).count();
    // Phrase by phrase, so a narrow panel wraps between them.
    ui.horizontal_wrapped(|ui| {
        let phrases = [
            format!("{} 项：", items.len()),
            format!("须改 {}", count(Severity::Error)),
            format!("· 注意 {}", count(Severity::Warning)),
            format!("· 建议 {}", count(Severity::Hint)),
        ];
        for phrase in phrases {
            ui.add(egui::Label::new(phrase).wrap_mode(egui::TextWrapMode::Extend));
        }
    });
    ui.separator();
    if items.is_empty() {
        ui.label("没有发现问题。");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("review_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for severity in [Severity::Error, Severity::Warning, Severity::Hint] {
                let group: Vec<&ReviewItem> = items
                    .iter()
                    .copied()
                    .filter(|i| i.severity() == severity)
                    .collect();
                if !group.is_empty() {
                    severity_group(ui, view, severity, &group, actions);
                }
            }
        });
}

/// 全部类别, or one category's items only.
fn category_filter(ui: &mut egui::Ui, view: &View<'_>, state: &mut UiState) {
    let name = |index: usize| {
        view.draft
            .categories
            .get(index)
            .map(|c| format!("{}{}", category_label(index), c.title))
            .unwrap_or_default()
    };
    // A category that is gone (deleted, undone) no longer filters.
    if let Some(id) = state.review_category
        && view.draft.category(id).is_none()
    {
        state.review_category = None;
    }
    let selected = match state
        .review_category
        .and_then(|id| view.draft.category_index(id))
    {
        Some(index) => name(index),
        None => "全部类别".to_owned(),
    };
    ui.horizontal(|ui| {
        let label = ui.label("范围");
        egui::ComboBox::from_id_salt("review_category")
            .selected_text(selected)
            .truncate()
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.review_category, None, "全部类别");
                for (index, category) in view.draft.categories.iter().enumerate() {
                    ui.selectable_value(&mut state.review_category, Some(category.id), name(index));
                }
            })
            .response
            .labelled_by(label.id);
    });
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "须改",
        Severity::Warning => "注意",
        Severity::Hint => "建议",
    }
}

fn severity_color(ui: &egui::Ui, severity: Severity) -> egui::Color32 {
    match severity {
        Severity::Error => ui.visuals().error_fg_color,
        Severity::Warning => ui.visuals().warn_fg_color,
        Severity::Hint => ui.visuals().weak_text_color(),
    }
}

/// One severity: its items in the reviewer's order, a kind seen [`FOLD_AT`] times or more
/// folded into one line where it first appears.
fn severity_group(
    ui: &mut egui::Ui,
    view: &View<'_>,
    severity: Severity,
    group: &[&ReviewItem],
    actions: &mut Vec<Action>,
) {
    let title = egui::RichText::new(format!("{} {}", severity_name(severity), group.len()))
        .strong()
        .color(severity_color(ui, severity));
    egui::CollapsingHeader::new(title)
        .id_salt(("review_group", severity_name(severity)))
        .default_open(true)
        .show(ui, |ui| {
            let mut folded: Vec<ReviewKind> = Vec::new();
            for item in group {
                let same: Vec<&ReviewItem> = group
                    .iter()
                    .copied()
                    .filter(|other| other.kind == item.kind)
                    .collect();
                if severity != Severity::Error && same.len() >= FOLD_AT {
                    if !folded.contains(&item.kind) {
                        folded.push(item.kind);
                        folded_kind(ui, view, severity, &same, actions);
                    }
                } else {
                    item_row(ui, view, item, actions);
                }
            }
        });
}

/// `缺少具体事例 · 12 处`, opening to the items themselves.
fn folded_kind(
    ui: &mut egui::Ui,
    view: &View<'_>,
    severity: Severity,
    same: &[&ReviewItem],
    actions: &mut Vec<Action>,
) {
    let kind = same[0].kind;
    let title = egui::RichText::new(format!("{} · {} 处", kind.label_zh(), same.len()))
        .color(severity_color(ui, severity));
    egui::CollapsingHeader::new(title)
        .id_salt(("review_kind", kind.label_zh()))
        .default_open(false)
        .show(ui, |ui| {
            for item in same {
                item_row(ui, view, item, actions);
            }
        });
    ui.separator();
}

/// One item: where, what, and the text concerned; a click jumps there.
fn item_row(ui: &mut egui::Ui, view: &View<'_>, item: &ReviewItem, actions: &mut Vec<Action>) {
    let color = severity_color(ui, item.severity());
    let place = item.location.describe_zh(view.draft);
    let mut text = egui::text::LayoutJob::default();
    let body = egui::TextStyle::Body.resolve(ui.style());
    let plain = egui::TextFormat {
        font_id: body.clone(),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    text.append(
        &format!("{} ", item.kind.label_zh()),
        0.0,
        egui::TextFormat {
            color,
            ..plain.clone()
        },
    );
    text.append(&format!("{place}\n{}", item.message), 0.0, plain);
    if let Some(excerpt) = &item.excerpt {
        text.append(
            &format!("\n“{excerpt}”"),
            0.0,
            egui::TextFormat {
                font_id: body,
                color: ui.visuals().weak_text_color(),
                ..Default::default()
            },
        );
    }
    let response = ui
        .add(egui::Button::new(text).frame(false).wrap())
        .on_hover_text("跳到这里");
    if response.clicked() {
        actions.push(Action::JumpTo(item.location.field()));
    }
    ui.separator();
}
