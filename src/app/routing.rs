//! From input to concern: the keyboard shortcuts and dropped files of a frame, and each
//! [`Action`] handed to the concern that handles it.

use super::PouxiApp;
use super::files::{self, Pending};
use crate::draft::{Command, Template};
use crate::import::Material;
use crate::ui::Action;

impl PouxiApp {
    /// True while a dialog covers the window: it takes the keyboard, so no shortcut or paste
    /// may change the draft under it.
    pub(super) fn dialog_open(&self) -> bool {
        self.ui.modal.is_some()
            || self.import.is_some()
            || self.ui.paste_box.is_some()
            || self.ui.export_form.is_some()
            || self.ui.targets_form.is_some()
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
            (ctrl_shift(Key::S), Action::SaveAs),
            (ctrl_shift(Key::Z), Action::Redo),
            (ctrl(Key::S), Action::Save),
            (ctrl(Key::N), Action::New),
            (ctrl(Key::O), Action::Open),
            (ctrl(Key::Z), Action::Undo),
            (ctrl(Key::Y), Action::Redo),
            (ctrl(Key::Q), Action::Quit),
            (ctrl(Key::I), Action::ImportFile),
            (ctrl(Key::E), Action::OpenExport),
            (ctrl(Key::F), Action::OpenFind(false)),
            (ctrl(Key::H), Action::OpenFind(true)),
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
                .map(Action::OpenPath)
                .collect()
        })
    }

    /// Hands each action to the concern it belongs to.
    pub(super) fn perform(&mut self, ctx: &egui::Context, action: Action) {
        let now = ctx.input(|i| i.time);
        match action {
            Action::Edit(command) => self.edit(command, now),
            Action::AddFinding(category) => self.add_finding(category, now),
            Action::DuplicateFinding(id) => self.duplicate_finding(id, now),
            Action::AddCategory => self.add_category(now),
            Action::RemoveCategory(id) => self.edit(Command::RemoveCategory { id }, now),
            Action::RestoreTemplate => self.restore_template(now),
            Action::SealTyping => self.doc.seal_typing(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::New => self.guard(ctx, Pending::New(Template::default_template())),
            Action::NewFromTemplate(index) => {
                if let Some(template) = self.templates.get(index).cloned() {
                    self.guard(ctx, Pending::New(template));
                }
            }
            Action::Open => self.guard(ctx, Pending::Open),
            Action::OpenPath(path) if files::is_material(&path) => self.import_file(&path),
            Action::OpenPath(path) => self.guard(ctx, Pending::OpenPath(path)),
            Action::Save => self.save(),
            Action::SaveAs => self.save_as(),
            Action::Quit => self.guard(ctx, Pending::Close),
            Action::UnsavedAnswer(answer) => self.answer_unsaved(ctx, answer),
            Action::PathCancelled => self.pending = None,
            Action::PathChosen(purpose, path) => self.path_chosen(purpose, &path),
            Action::ChangedOnDisk(answer) => self.answer_changed_on_disk(answer),
            Action::ImportFile => self.choose_material(),
            Action::PasteImport => self.ui.paste_box = Some(String::new()),
            Action::ReadClipboard => self.read_clipboard(),
            Action::ImportPasted(text) => {
                self.start_import("粘贴的文字".to_owned(), Material::clipboard(text));
            }
            Action::ImportToggleSpan(index) => self.toggle_import_span(index),
            Action::ImportSetMerge(merge) => self.set_import_merge(merge),
            Action::ImportApply => self.apply_import(now),
            Action::ImportCancel => self.import = None,
            Action::OpenExport => self.open_export(),
            Action::ExportWrite => self.choose_export_path(),
            Action::ExportRemoveFlagged => self.remove_flagged(now),
            Action::CopySpeech => self.copy_speech(ctx),
            Action::RecoveryRestore(key) => self.restore_recovery(&key),
            Action::RecoveryDiscard(key) => self.discard_recovery(&key),
            Action::JumpTo(field) => self.jump_to(field),
            Action::OpenFind(replace) => self.open_find(replace),
            Action::FindNext => self.step_match(true),
            Action::FindPrevious => self.step_match(false),
            Action::ReplaceOne => self.replace_current(now),
            Action::ReplaceAll => self.replace_all(now),
            Action::OpenTargets => self.open_targets(),
            Action::SetTargets(form) => self.set_targets(&form, now),
        }
    }
}
