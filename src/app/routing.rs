//! From input to concern: the keyboard shortcuts and dropped files of a frame, each
//! [`Action`] handed to the concern that handles it, and each finished file job to the concern
//! that asked for it.

use super::PouxiApp;
use super::file_jobs::Outcome;
use crate::ui::{Action, EditAction, ExportAction, FileAction, FindAction, ImportAction};

impl PouxiApp {
    /// True while a dialog covers the window: it takes the keyboard, so no shortcut or paste
    /// may change the draft under it.
    pub(super) fn dialog_open(&self) -> bool {
        self.modals.shown().is_some()
            || self.import.is_some()
            || self.paste_box.is_some()
            || self.export.form.is_some()
            || self.targets_form.is_some()
    }

    /// Shortcuts are taken before any widget runs, so a focused text field never sees Ctrl+Z
    /// (its own undo would bypass the draft's history).
    pub(super) fn shortcut_actions(&mut self, ctx: &egui::Context) -> Vec<Action> {
        use egui::{Key, KeyboardShortcut, Modifiers};
        if self.dialog_open() {
            return Vec::new();
        }
        let ctrl = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let ctrl_shift = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
        // Longer chords first: Ctrl+S would also match Ctrl+Shift+S.
        let table = [
            (ctrl_shift(Key::S), Action::File(FileAction::SaveAs)),
            (ctrl_shift(Key::Z), Action::Edit(EditAction::Redo)),
            (ctrl(Key::S), Action::File(FileAction::Save)),
            (ctrl(Key::N), Action::File(FileAction::New)),
            (ctrl(Key::O), Action::File(FileAction::Open)),
            (ctrl(Key::Z), Action::Edit(EditAction::Undo)),
            (ctrl(Key::Y), Action::Edit(EditAction::Redo)),
            (ctrl(Key::Q), Action::File(FileAction::Quit)),
            (ctrl(Key::I), Action::Import(ImportAction::ChooseFile)),
            (ctrl(Key::E), Action::Export(ExportAction::Open)),
            (ctrl(Key::F), Action::Find(FindAction::Open(false))),
            (ctrl(Key::H), Action::Find(FindAction::Open(true))),
        ];
        let mut actions = Vec::new();
        ctx.input_mut(|input| {
            for (shortcut, action) in table {
                while input.consume_shortcut(&shortcut) {
                    actions.push(action.clone());
                }
            }
        });
        actions
    }

    pub(super) fn dropped_file_actions(&self, ctx: &egui::Context) -> Vec<Action> {
        ctx.input(|input| {
            input
                .raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_path_buf())
                .take(1)
                .map(|path| Action::File(FileAction::OpenPath(path)))
                .collect()
        })
    }

    /// Hands each action to the concern it belongs to.
    pub(super) fn perform(&mut self, ctx: &egui::Context, action: Action) {
        let now = ctx.input(|i| i.time);
        match action {
            Action::Edit(action) => self.handle_edit(action, now),
            Action::File(action) => self.handle_file(ctx, action),
            Action::Import(action) => self.handle_import(action, now),
            Action::Export(action) => self.handle_export(ctx, action, now),
            Action::Recovery(action) => self.handle_recovery(action),
            Action::Find(action) => self.handle_find(action, now),
            Action::Targets(action) => self.handle_targets(action, now),
            Action::JumpTo(field) => self.jump_to(field),
            Action::ShowModal(modal) => self.queue_modal(modal),
            Action::DismissModal => self.modals.dismiss(),
        }
    }

    /// Hands a finished file job to the concern that asked for it.
    pub(super) fn finish(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Opened { path, result } => self.opened(&path, result),
            Outcome::Saved {
                path,
                state,
                result,
            } => self.saved(&path, state, result),
            Outcome::MaterialRead { path, result } => match result {
                Ok(material) => {
                    if let Some(parent) = path.parent() {
                        self.settings.last_folder = Some(parent.to_path_buf());
                    }
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_else(|| path.display().to_string());
                    self.typed_path = None;
                    self.materials_read.push(path.clone());
                    self.start_import(name, material);
                }
                Err(error) => {
                    eprintln!("{error}");
                    self.show_message("无法导入素材", error.message_zh());
                }
            },
            Outcome::Exported {
                path,
                notes,
                result,
            } => self.exported(&path, &notes, result),
            Outcome::SettingsSaved(Ok(())) => {}
            Outcome::SettingsSaved(Err(error)) => {
                self.notice = format!("设置未能保存：{error}");
            }
        }
    }
}
