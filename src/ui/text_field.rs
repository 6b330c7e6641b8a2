//! One editable piece of the draft. Edits a copy and hands the new text back as a command, so
//! the draft itself changes only in the app.

use super::{Action, EditAction, UiState};
use crate::draft::{Command, TextField};

pub struct FieldSpec<'a> {
    pub field: TextField,
    pub current: &'a str,
    /// What a screen reader (and a test) calls the field.
    pub name: FieldName,
    pub hint: &'a str,
    pub multiline: bool,
    pub font: egui::TextStyle,
    /// Byte ranges to paint behind the text: find matches, copied stretches.
    pub highlights: Vec<(std::ops::Range<usize>, egui::Color32)>,
}

/// The stable widget id of a field, so focus survives reordering.
pub enum FieldName {
    /// A visible label next to the field names it.
    LabelledBy(egui::Id),
    /// Nothing visible names it exactly; this does.
    Accessible(String),
}

/// The text as one layout with the highlighted ranges on a coloured background. Ranges that
/// no longer fit the text (it changed this frame) are skipped.
fn highlighted_job(
    ui: &egui::Ui,
    text: &str,
    style: &egui::TextStyle,
    highlights: &[(std::ops::Range<usize>, egui::Color32)],
    wrap_width: f32,
) -> egui::text::LayoutJob {
    let color = if *style == super::theme::headline_style() {
        ui.visuals().strong_text_color()
    } else {
        ui.visuals().text_color()
    };
    let format = egui::TextFormat {
        font_id: style.resolve(ui.style()),
        color,
        ..Default::default()
    };
    let mut job = egui::text::LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let mut at = 0;
    for (range, color) in highlights {
        let fits = range.start >= at
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end);
        if !fits {
            continue;
        }
        job.append(&text[at..range.start], 0.0, format.clone());
        let marked = egui::TextFormat {
            background: *color,
            ..format.clone()
        };
        job.append(&text[range.clone()], 0.0, marked);
        at = range.end;
    }
    job.append(&text[at..], 0.0, format);
    job
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
    show_with_menu(ui, spec, state, actions, |_, _, _| {})
}

/// Cut, copy, paste or select all, asked for from a menu and carried out in the field on the
/// next frame (clicking the menu took the keyboard focus away from the field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClipboardOp {
    Cut,
    Copy,
    Paste,
    SelectAll,
}

/// A clipboard operation waiting for its field, with the selection it is about (a click on
/// the menu may have moved the cursor since).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PendingClipboard {
    pub field: TextField,
    pub op: ClipboardOp,
    pub selection: Option<egui::text::CCursorRange>,
}

/// [`show`], with `more` added below 剪切 / 复制 / 粘贴 / 全选 in the right-click menu.
pub fn show_with_menu(
    ui: &mut egui::Ui,
    spec: FieldSpec<'_>,
    state: &mut UiState,
    actions: &mut Vec<Action>,
    more: impl FnOnce(&mut egui::Ui, &mut UiState, &mut Vec<Action>),
) -> egui::Response {
    let id = widget_id(spec.field);
    if let Some(pending) = state.clipboard_op
        && pending.field == spec.field
    {
        state.clipboard_op = None;
        run_clipboard_op(ui, id, spec.current, pending);
    }
    // The selection as it was before this frame's clicks.
    let selection = egui::text_edit::TextEditState::load(ui.ctx(), id)
        .and_then(|edit_state| edit_state.cursor.char_range());
    let mut text = spec.current.to_owned();
    let font = spec.font.clone();
    let highlights = spec.highlights;
    let mut layouter = |ui: &egui::Ui, buffer: &dyn egui::TextBuffer, wrap_width: f32| {
        let job = highlighted_job(ui, buffer.as_str(), &font, &highlights, wrap_width);
        ui.fonts_mut(|fonts| fonts.layout_job(job))
    };
    // An empty lead (optional, in every open category) stays one line high until written.
    let rows = if matches!(spec.field, TextField::CategoryLead(_)) && text.is_empty() {
        1
    } else {
        2
    };
    let edit = if spec.multiline {
        egui::TextEdit::multiline(&mut text).desired_rows(rows)
    } else {
        egui::TextEdit::singleline(&mut text)
    };
    let mut edit = edit
        .id(id)
        .hint_text(spec.hint)
        .font(spec.font)
        .desired_width(f32::INFINITY);
    if font == super::theme::headline_style() {
        edit = edit.text_color(ui.visuals().strong_text_color());
    }
    // egui moves the cursor on any press, which would drop the selection a right-click menu is
    // about to cut or copy; as in Word, a right-click keeps it.
    let right_press = ui.input(|i| i.pointer.button_pressed(egui::PointerButton::Secondary));
    let before = right_press
        .then(|| egui::text_edit::TextEditState::load(ui.ctx(), id))
        .flatten();
    // Only fields with something to highlight pay for a custom layout.
    let response = if highlights.is_empty() {
        ui.add(edit)
    } else {
        ui.add(edit.layouter(&mut layouter))
    };
    if let Some(before) = before
        && response.hovered()
    {
        before.store(ui.ctx(), id);
    }
    let response = match spec.name {
        FieldName::LabelledBy(label) => response.labelled_by(label),
        FieldName::Accessible(name) => response.accessible_name(name),
    };
    if state.reveal == Some(spec.field) {
        response.scroll_to_me(Some(egui::Align::Center));
        state.reveal = None;
    }
    if state.focus_request == Some(spec.field) {
        response.request_focus();
        response.scroll_to_me(Some(egui::Align::Center));
        state.focus_request = None;
    }
    if response.changed() {
        actions.push(Action::command(Command::SetText {
            field: spec.field,
            text,
        }));
    }
    if response.lost_focus() {
        actions.push(Action::Edit(EditAction::SealTyping));
    }
    if response.has_focus() {
        state.editing = Some(spec.field);
    }
    response.context_menu(|ui| {
        clipboard_menu(ui, spec.field, selection, state);
        ui.separator();
        more(ui, state, actions);
    });
    response
}

/// 剪切 / 复制 / 粘贴 / 全选 for `field`, as in the 编辑 menu.
pub fn clipboard_menu(
    ui: &mut egui::Ui,
    field: TextField,
    selection: Option<egui::text::CCursorRange>,
    state: &mut UiState,
) {
    let items = [
        ("剪切", "Ctrl+X", ClipboardOp::Cut),
        ("复制", "Ctrl+C", ClipboardOp::Copy),
        ("粘贴", "Ctrl+V", ClipboardOp::Paste),
        ("全选", "Ctrl+A", ClipboardOp::SelectAll),
    ];
    for (text, keys, op) in items {
        if ui
            .add(egui::Button::new(text).shortcut_text(keys))
            .clicked()
        {
            state.clipboard_op = Some(PendingClipboard {
                field,
                op,
                selection,
            });
            state.focus_request = Some(field);
            ui.close();
        }
    }
}

/// Puts the cursor back in the field and lets egui's own text editing do the rest, so the
/// draft changes through the same path as typing (and a paste is cleaned of ads as any paste).
fn run_clipboard_op(ui: &egui::Ui, id: egui::Id, text: &str, pending: PendingClipboard) {
    ui.memory_mut(|m| m.request_focus(id));
    if let Some(selection) = pending.selection {
        let mut edit_state = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
        edit_state.cursor.set_char_range(Some(selection));
        edit_state.store(ui.ctx(), id);
    }
    match pending.op {
        ClipboardOp::Cut => ui.input_mut(|i| i.events.push(egui::Event::Cut)),
        ClipboardOp::Copy => ui.input_mut(|i| i.events.push(egui::Event::Copy)),
        ClipboardOp::Paste => ui
            .ctx()
            .send_viewport_cmd(egui::ViewportCommand::RequestPaste),
        ClipboardOp::SelectAll => {
            let mut edit_state =
                egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
            edit_state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
            edit_state.store(ui.ctx(), id);
        }
    }
}
