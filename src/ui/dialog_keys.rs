//! Enter in a dialog does what its primary button does, as in any desktop dialog: the writer
//! reads the question, presses Enter and it is done (Esc is the dialog's own close).

/// Whether an Enter pressed this frame is the dialog's to take, and takes it. Call it after
/// the dialog's fields. Not while a widget keeps the keyboard focus: a focused button answers
/// Enter itself (the writer chose it with Tab) and a multi-line field takes it as a new line;
/// a one-line field gives up its focus on Enter, so Enter typed in it confirms the dialog.
pub fn enter_confirms(ui: &egui::Ui) -> bool {
    if ui.memory(|m| m.focused().is_some()) {
        return false;
    }
    ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
}
