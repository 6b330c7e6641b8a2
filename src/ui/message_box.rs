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
        if super::dialog_keys::default_button(ui, true, super::theme::primary_button("确定")) {
            dismissed = true;
        }
    });
    dismissed || response.should_close()
}
