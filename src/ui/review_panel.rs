//! 检查: what the reviewer found — vague findings, missing parts, placeholders, repeats, ads —
//! each a click away from the text it is about; plus how much is still copied verbatim.

use super::{Action, View};
use crate::review::Severity;

pub fn show(ui: &mut egui::Ui, view: &View<'_>, actions: &mut Vec<Action>) {
    ui.add_space(4.0);
    ui.heading("检查");
    if let Some(total) = view.aids.copied_total {
        ui.label(format!("全文照搬素材 {:.0}%", total * 100.0))
            .on_hover_text("与导入的素材逐字相同的比例。改成自己的话，这个数字会下降。");
    }
    let Some(items) = view.aids.review else {
        return;
    };
    let count = |severity: Severity| items.iter().filter(|i| i.severity() == severity).count();
    ui.label(format!(
        "{} 项：须改 {} · 注意 {} · 建议 {}",
        items.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Hint)
    ));
    ui.separator();
    if items.is_empty() {
        ui.label("没有发现问题。");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("review_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for item in items {
                let (mark, color) = match item.severity() {
                    Severity::Error => ("须改", ui.visuals().error_fg_color),
                    Severity::Warning => ("注意", ui.visuals().warn_fg_color),
                    Severity::Hint => ("建议", ui.visuals().weak_text_color()),
                };
                let place = item.location.describe_zh(view.draft);
                let mut text = egui::text::LayoutJob::default();
                let body = egui::TextStyle::Body.resolve(ui.style());
                let plain = egui::TextFormat {
                    font_id: body.clone(),
                    color: ui.visuals().text_color(),
                    ..Default::default()
                };
                text.append(
                    &format!("{mark} "),
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
        });
}
