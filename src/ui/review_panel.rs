//! 检查: what the reviewer found — wrong words and formulations, vague findings, missing
//! parts, placeholders, repeats, ads — with the same advice folded into one item, each a
//! click away from the text it is about, and a fix applied in one click as one undo step;
//! plus how much is still copied verbatim.

use super::{Action, View};
use crate::draft::numbering::category_label;
use crate::draft::{CategoryId, Command, Draft};
use crate::review::{Fix, ReviewGroup, Severity, fix_command};

/// `only` narrows the list to the advice about one category (a choice the panel keeps).
pub fn show(
    ui: &mut egui::Ui,
    view: &View<'_>,
    only: &mut Option<CategoryId>,
    actions: &mut Vec<Action>,
) {
    ui.add_space(4.0);
    ui.heading("检查");
    if let Some(total) = view.aids.copied_total {
        ui.label(format!("全文照搬素材 {:.0}%", total * 100.0))
            .on_hover_text("与导入的素材逐字相同的比例。改成自己的话，这个数字会下降。");
    }
    let Some(groups) = view.aids.review else {
        return;
    };
    let count = |severity: Severity| groups.iter().filter(|g| g.severity() == severity).count();
    let places: usize = groups.iter().map(ReviewGroup::count).sum();
    ui.label(format!(
        "{} 项（{places} 处）：须改 {} · 注意 {} · 建议 {}",
        groups.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Hint)
    ));
    if view.aids.ignored > 0 {
        ignored_row(ui, view, actions);
    }
    category_filter(ui, view.draft, only);
    ui.separator();
    if groups.is_empty() {
        ui.label("没有发现问题。");
        return;
    }
    let about = |group: &ReviewGroup| match *only {
        None => true,
        Some(category) => group
            .locations()
            .any(|l| view.draft.category_of(l.field()) == Some(category)),
    };
    if !groups.iter().any(about) {
        ui.label("这个类别没有发现问题。");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("review_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // 须改 first, then 注意, then 建议; the reviewer's order within each.
            let mut order: Vec<(usize, &ReviewGroup)> = groups
                .iter()
                .enumerate()
                .filter(|(_, group)| about(group))
                .collect();
            order.sort_by_key(|(_, group)| group.severity());
            for (index, group) in order {
                show_group(ui, view, index, group, actions);
                ui.separator();
            }
        });
}

/// 全部类别, or one of the draft's categories. A category removed since is forgotten.
fn category_filter(ui: &mut egui::Ui, draft: &Draft, only: &mut Option<CategoryId>) {
    if only.is_some_and(|id| draft.category_index(id).is_none()) {
        *only = None;
    }
    let name = |index: usize| {
        let title = draft.categories()[index].title.trim();
        let title: String = title.chars().take(14).collect();
        format!("{}{title}", category_label(index))
    };
    let selected = match only.and_then(|id| draft.category_index(id)) {
        Some(index) => name(index),
        None => "全部类别".to_owned(),
    };
    ui.horizontal(|ui| {
        let label = ui.label("只看");
        egui::ComboBox::from_id_salt("review_category")
            .selected_text(selected)
            .width(ui.available_width().min(240.0))
            .show_ui(ui, |ui| {
                ui.selectable_value(only, None, "全部类别");
                for (index, category) in draft.categories().iter().enumerate() {
                    ui.selectable_value(only, Some(category.id), name(index));
                }
            })
            .response
            .labelled_by(label.id);
    });
}

fn show_group(
    ui: &mut egui::Ui,
    view: &View<'_>,
    index: usize,
    group: &ReviewGroup,
    actions: &mut Vec<Action>,
) {
    let item = group.first();
    let (mark, color) = match item.severity() {
        Severity::Error => ("须改", ui.visuals().error_fg_color),
        Severity::Warning => ("注意", ui.visuals().warn_fg_color),
        Severity::Hint => ("建议", ui.visuals().weak_text_color()),
    };
    let mut place = item.location.describe_zh(view.draft);
    if group.count() > 1 {
        place = format!("{place} 等 {} 处", group.count());
    }
    let body = egui::TextStyle::Body.resolve(ui.style());
    let plain = egui::TextFormat {
        font_id: body.clone(),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let mut text = egui::text::LayoutJob::default();
    text.append(
        &format!("{mark} "),
        0.0,
        egui::TextFormat {
            color,
            ..plain.clone()
        },
    );
    text.append(&format!("{place}\n{}", item.message), 0.0, plain);
    if let Some(excerpt) = item.excerpt.as_ref().filter(|_| group.count() == 1) {
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
    ui.horizontal_wrapped(|ui| {
        if let Some(fix) = &item.fix {
            fix_button(ui, view, group, fix, actions);
        }
        ignore_button(ui, view, group, actions);
    });
    if group.count() > 1 {
        egui::CollapsingHeader::new(format!("全部 {} 处", group.count()))
            .id_salt(("review_places", index))
            .show(ui, |ui| {
                for (n, location) in group.locations().enumerate() {
                    let place = location.describe_zh(view.draft);
                    let link = ui.add(
                        egui::Button::new(format!("{}. {place}", n + 1))
                            .frame(false)
                            .small(),
                    );
                    if link.clicked() {
                        actions.push(Action::JumpTo(location.field()));
                    }
                }
            });
    }
}

fn fix_button(
    ui: &mut egui::Ui,
    view: &View<'_>,
    group: &ReviewGroup,
    fix: &Fix,
    actions: &mut Vec<Action>,
) {
    let label = match (fix.to.is_empty(), group.count()) {
        (true, 1) => "删去".to_owned(),
        (true, n) => format!("全部删去（{n} 处）"),
        (false, 1) => format!("改为“{}”", shown(&fix.to)),
        (false, n) => format!("全部改为“{}”（{n} 处）", shown(&fix.to)),
    };
    let button = ui.button(label).on_hover_text(format!(
        "“{}”改为“{}”，可撤销",
        shown(&fix.from),
        shown(&fix.to)
    ));
    // One command for every place: one click, one undo step.
    if button.clicked()
        && let Some(command) = fix_command(view.draft, &group.items)
    {
        actions.push(Action::command(command));
    }
}

/// 忽略: the writer has weighed the advice and keeps the text; the advice stays away, saved
/// with the draft, until the words change or 全部恢复 brings it back. One undo step.
fn ignore_button(
    ui: &mut egui::Ui,
    view: &View<'_>,
    group: &ReviewGroup,
    actions: &mut Vec<Action>,
) {
    // A group holds one kind: asked of its first item, not by building what a click keeps.
    if !group.first().can_be_dismissed() {
        return;
    }
    let label = match group.count() {
        1 => "忽略".to_owned(),
        n => format!("全部忽略（{n} 处）"),
    };
    let button = ui
        .button(label)
        .on_hover_text("不再提示这一条：保存后仍然有效，文字改动后会重新检查。可撤销，也可以用上方的“全部恢复”找回。");
    if button.clicked() {
        actions.push(Action::command(Command::Dismiss {
            dismissals: group.dismissals(view.draft),
        }));
    }
}

/// How many places are ignored, and 全部恢复 to see them again (stale dismissals, whose words
/// are gone, are cleared with them).
fn ignored_row(ui: &mut egui::Ui, view: &View<'_>, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("已忽略 {} 处", view.aids.ignored));
        let button = ui
            .button("全部恢复")
            .on_hover_text("重新显示所有已忽略的检查意见，可撤销");
        if button.clicked() {
            actions.push(Action::command(Command::Undismiss {
                dismissals: view.draft.dismissed.iter().cloned().collect(),
            }));
        }
    });
}

/// A fix's text on a button, inside “”: `（删去）` for nothing, shortened when long, and its
/// own “” turned into ‘’, as Chinese nests quotations (`改为“‘两个确立’”`, not
/// `改为““两个确立””`).
fn shown(text: &str) -> String {
    const MAX: usize = 16;
    let short = match text.char_indices().nth(MAX) {
        _ if text.is_empty() => return "（删去）".to_owned(),
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    };
    short.replace('“', "‘").replace('”', "’")
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn a_fix_in_quotation_marks_is_shown_with_inner_ones() {
        assert_eq!(format!("改为“{}”", shown("“两个确立”")), "改为“‘两个确立’”");
        assert_eq!(shown("诉求"), "诉求");
        assert_eq!(shown(""), "（删去）");
        assert_eq!(
            shown("习近平新时代中国特色社会主义思想的世界观"),
            "习近平新时代中国特色社会主义思想…"
        );
    }
}
