//! At start-up: drafts that were not saved when Pouxi last stopped, each with 恢复 / 丢弃, and
//! 以后再说 to decide at the next start.

use super::{Action, RecoveryAction, RecoveryOffer};

/// Returns true when closed.
pub fn show(ctx: &egui::Context, offers: &[RecoveryOffer], actions: &mut Vec<Action>) -> bool {
    let mut close = false;
    let response = egui::Modal::new(egui::Id::unique("pouxi_recovery")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading("发现未保存的稿件");
        ui.add_space(4.0);
        ui.label("剖析上次退出时，下面的稿件还有未保存的修改。恢复后请记得保存。");
        ui.add_space(8.0);
        // Many offers scroll, so that 以后再说 and every offer's buttons stay reachable in any
        // window size.
        let room = (ctx.content_rect().height() - 220.0).max(120.0);
        egui::ScrollArea::vertical()
            .max_height(room)
            .auto_shrink([false, true])
            .show(ui, |ui| offer_list(ui, offers, actions, &mut close));
        ui.add_space(8.0);
        if ui.button("以后再说").clicked() {
            close = true;
        }
    });
    close || response.should_close()
}

fn offer_list(
    ui: &mut egui::Ui,
    offers: &[RecoveryOffer],
    actions: &mut Vec<Action>,
    close: &mut bool,
) {
    for offer in offers {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.strong(&offer.name);
            ui.label(format!(
                "{} · {} 字",
                offer.written,
                crate::draft::group_thousands(offer.chars)
            ));
            if !offer.excerpt.is_empty() {
                ui.label(egui::RichText::new(&offer.excerpt).weak());
            }
            ui.horizontal(|ui| {
                if ui.add(super::theme::primary_button("恢复")).clicked() {
                    actions.push(Action::Recovery(RecoveryAction::Restore(offer.key.clone())));
                    *close = true;
                }
                if ui
                    .add(super::theme::destructive_button(ui, "丢弃"))
                    .clicked()
                {
                    actions.push(Action::Recovery(RecoveryAction::Discard(offer.key.clone())));
                }
            });
        });
    }
}
