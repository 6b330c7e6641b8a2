//! One editable piece of the draft. Edits a copy and hands the new text back as a command, so
//! the draft itself changes only in the app.

use super::{Action, UiState};
use crate::draft::{Command, TextField};

pub struct FieldSpec<'a> {
    pub field: TextField,
    pub current: &'a str,
    /// What a screen reader (and a test) calls the field.
    pub name: FieldName,
    pub hint: &'a str,
    pub multiline: bool,
    pub font: egui::TextStyle,
}

/// The stable widget id of a field, so focus survives reordering.
pub enum FieldName {
    /// A visible label next to the field names it.
    LabelledBy(egui::Id),
    /// Nothing visible names it exactly; this does.
    Accessible(String),
}

pub fn widget_id(field: TextField) -> egui::Id {
    egui::Id::unique(("pouxi_field", field))
}

pub fn show(
    ui: &mut egui::Ui,
    spec: FieldSpec<'_>,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) -> egui::Response {
    let id = widget_id(spec.field);
    let mut text = spec.current.to_owned();
    let edit = if spec.multiline {
        egui::TextEdit::multiline(&mut text).desired_rows(2)
    } else {
        egui::TextEdit::singleline(&mut text)
    };
    let response = ui.add(
        edit.id(id)
            .hint_text(spec.hint)
            .font(spec.font)
            .desired_width(f32::INFINITY),
    );
    let response = match spec.name {
        FieldName::LabelledBy(label) => response.labelled_by(label),
        FieldName::Accessible(name) => response.accessible_name(name),
    };
    if state.focus_request == Some(spec.field) {
        response.request_focus();
        response.scroll_to_me(Some(egui::Align::Center));
        state.focus_request = None;
    }
    if response.changed() {
        actions.push(Action::Edit(Command::SetText {
            field: spec.field,
            text,
        }));
    }
    if response.lost_focus() {
        actions.push(Action::SealTyping);
    }
    response
}
