//! Enter in a dialog does what its primary button does, as in any desktop dialog: the writer
//! reads the question, presses Enter and it is done (Esc is the dialog's own close).

/// Whether an Enter pressed this frame is the dialog's to take, and takes it. Call it after
/// the dialog's fields. Not while a widget keeps the keyboard focus: a focused button answers
/// Enter itself (the writer chose it with Tab) and a multi-line field takes it as a new line;
/// a one-line field gives up its focus on Enter, so Enter typed in it confirms the dialog.
fn enter_confirms(ui: &egui::Ui) -> bool {
    if ui.memory(|m| m.focused().is_some()) {
        return false;
    }
    ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
}

/// The dialog's default button (`导入`, `保存`, `删除`…), with Enter as its hint: true when it
/// is clicked, or when Enter is the dialog's (see [`enter_confirms`]) while it is enabled.
pub fn default_button(ui: &mut egui::Ui, enabled: bool, button: egui::Button<'_>) -> bool {
    let response = ui.add_enabled(enabled, button).on_hover_text("Enter");
    response.clicked() || (enabled && enter_confirms(ui))
}
