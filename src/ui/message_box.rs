//! A message the writer must see: an error, or help text.

/// Returns true when dismissed.
pub fn show(ctx: &egui::Context, title: &str, text: &str) -> bool {
    let mut dismissed = false;
    let response = egui::Modal::new(egui::Id::unique("pouxi_message")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        ui.heading(title);
        ui.add_space(6.0);
        ui.label(text);
        ui.add_space(10.0);
        let ok = ui
            .add(super::theme::primary_button("确定"))
            .on_hover_text("Enter");
        if ok.clicked() || super::dialog_keys::enter_confirms(ui) {
            dismissed = true;
        }
    });
    dismissed || response.should_close()
}
