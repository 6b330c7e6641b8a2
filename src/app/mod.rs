//! The eframe App: owns the open document, applies what the window asks for, and does all file
//! work the window needs.

mod document;
mod file_dialog;
mod history;
mod settings;

pub use document::Document;
pub use settings::{AppPaths, DialogMode, Settings};

use crate::draft::{Command, Draft, Template, TextField};
use crate::store;
use crate::ui::{self, Action, Modal, PathPurpose, UiState, UnsavedAnswer, View};
use file_dialog::DialogOutcome;
use std::path::{Path, PathBuf};

/// What waits for the answer to 保存 / 不保存 / 取消.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    Close,
    New,
    Open,
    OpenPath(PathBuf),
}

pub struct PouxiApp {
    doc: Document,
    settings: Settings,
    paths: AppPaths,
    ui: UiState,
    pending: Option<Pending>,
    close_confirmed: bool,
    notice: String,
    window_title: String,
}

impl PouxiApp {
    /// Sets up fonts on `ctx`, reads the settings, and opens `open` or a new draft.
    pub fn new(ctx: &egui::Context, paths: AppPaths, open: Option<&Path>) -> PouxiApp {
        ui::fonts::install(ctx);
        // Office writers know light pages; a dark editor looks like a programmer's tool.
        ctx.set_theme(egui::Theme::Light);
        let settings = Settings::load(&paths);
        let mut app = PouxiApp {
            doc: Document::from_template(Template::default_template().to_draft()),
            settings,
            paths,
            ui: UiState::new(),
            pending: None,
            close_confirmed: false,
            notice: String::new(),
            window_title: String::new(),
        };
        if let Some(path) = open {
            app.open_now(path);
        }
        app
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    pub fn draft(&self) -> &Draft {
        self.doc.draft()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Changes a setting for this session and keeps it for the next.
    pub fn set_dialog_mode(&mut self, mode: DialogMode) {
        self.settings.dialog_mode = mode;
        self.store_settings();
    }

    pub fn modal(&self) -> Option<&Modal> {
        self.ui.modal.as_ref()
    }

    /// True once the writer agreed to close (or nothing was unsaved).
    pub fn close_confirmed(&self) -> bool {
        self.close_confirmed
    }

    pub fn window_title(&self) -> &str {
        &self.window_title
    }

    fn show_message(&mut self, title: &str, text: String) {
        self.ui.modal = Some(Modal::Message {
            title: title.to_owned(),
            text,
        });
    }

    fn store_settings(&mut self) {
        if let Err(error) = self.settings.save(&self.paths) {
            self.notice = format!("设置未能保存：{error}");
        }
    }

    /// Shortcuts are taken before any widget runs, so a focused text field never sees Ctrl+Z
    /// (its own undo would bypass the draft's history).
    fn shortcut_actions(&mut self, ctx: &egui::Context) -> Vec<Action> {
        use egui::{Key, KeyboardShortcut, Modifiers};
        if self.ui.modal.is_some() {
            return Vec::new();
        }
        let command_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        // Longer chords first: Ctrl+S would also match Ctrl+Shift+S.
        let table = [
            (KeyboardShortcut::new(command_shift, Key::S), Action::SaveAs),
            (KeyboardShortcut::new(command_shift, Key::Z), Action::Redo),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::S),
                Action::Save,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::N),
                Action::New,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
                Action::Open,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::Z),
                Action::Undo,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::Y),
                Action::Redo,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::Q),
                Action::Quit,
            ),
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

    fn dropped_file_actions(&self, ctx: &egui::Context) -> Vec<Action> {
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

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.close_confirmed {
            return;
        }
        if self.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.ask_unsaved(Pending::Close);
        } else {
            self.close_confirmed = true;
        }
    }

    fn ask_unsaved(&mut self, pending: Pending) {
        self.pending = Some(pending);
        self.ui.modal = Some(Modal::Unsaved {
            name: self.doc.display_name(),
        });
    }

    /// Runs `pending` now when nothing would be lost, or asks first.
    fn guard(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.doc.is_dirty() {
            self.ask_unsaved(pending);
        } else {
            self.proceed(ctx, pending);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::Close => {
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::New => {
                self.replace_document(Document::from_template(
                    Template::default_template().to_draft(),
                ));
                self.notice = "已新建稿件".to_owned();
            }
            Pending::Open => self.choose_file_to_open(),
            Pending::OpenPath(path) => self.open_now(&path),
        }
    }

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.ui.collapsed.clear();
        self.ui.focus_request = None;
        self.ui.scroll_to = None;
    }

    fn choose_file_to_open(&mut self) {
        let start = self.settings.last_folder.clone();
        match file_dialog::pick_draft_to_open(self.settings.dialog_mode, start.as_deref()) {
            DialogOutcome::Chosen(path) => self.open_now(&path),
            DialogOutcome::Cancelled => {}
            DialogOutcome::Unavailable => self.prompt_path(PathPurpose::Open),
        }
    }

    fn prompt_path(&mut self, purpose: PathPurpose) {
        let folder = self.settings.last_folder.clone().or_else(|| {
            self.doc
                .path()
                .and_then(Path::parent)
                .map(Path::to_path_buf)
        });
        let text = match (purpose, folder) {
            (PathPurpose::SaveAs, Some(folder)) => folder
                .join(suggested_file_name(self.doc.draft()))
                .display()
                .to_string(),
            (PathPurpose::Open, Some(folder)) => {
                format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR)
            }
            _ => String::new(),
        };
        let note = (self.settings.dialog_mode == DialogMode::Native)
            .then(|| "未能打开系统文件对话框，请直接输入文件路径。".to_owned());
        self.ui.modal = Some(Modal::PathPrompt {
            purpose,
            text,
            note,
        });
    }

    fn open_now(&mut self, path: &Path) {
        match store::load_draft(path) {
            Ok(draft) => {
                let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
                self.settings.remember(&path);
                self.store_settings();
                self.replace_document(Document::opened(draft, path));
                self.notice = format!("已打开 {}", self.doc.display_name());
            }
            Err(error) => {
                if error.kind == store::StoreErrorKind::NotFound {
                    self.settings.forget(path);
                    self.store_settings();
                }
                self.pending = None;
                self.show_message("无法打开稿件", error.message_zh());
            }
        }
    }

    /// Saves to the draft's file, or asks where. Returns true when the draft is now saved.
    fn save(&mut self) -> bool {
        match self.doc.path().map(Path::to_path_buf) {
            Some(path) => self.save_to(&path),
            None => self.save_as(),
        }
    }

    fn save_as(&mut self) -> bool {
        let start = self
            .doc
            .path()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| self.settings.last_folder.clone());
        let name = suggested_file_name(self.doc.draft());
        match file_dialog::pick_draft_save_path(self.settings.dialog_mode, start.as_deref(), &name)
        {
            DialogOutcome::Chosen(path) => self.save_to(&file_dialog::with_draft_extension(path)),
            DialogOutcome::Cancelled => {
                self.pending = None;
                false
            }
            DialogOutcome::Unavailable => {
                self.prompt_path(PathPurpose::SaveAs);
                false
            }
        }
    }

    fn save_to(&mut self, path: &Path) -> bool {
        match store::save_draft(path, self.doc.draft()) {
            Ok(()) => {
                let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
                self.doc.mark_saved(path.clone());
                self.settings.remember(&path);
                self.store_settings();
                self.notice = format!("已保存到 {}", path.display());
                true
            }
            Err(error) => {
                self.pending = None;
                self.show_message("保存失败", error.message_zh());
                false
            }
        }
    }

    /// After a save that an unsaved-changes question asked for, carry on with what waited.
    fn continue_pending_after_save(&mut self, ctx: &egui::Context) {
        if !self.doc.is_dirty()
            && let Some(pending) = self.pending.take()
        {
            self.proceed(ctx, pending);
        }
    }

    fn edit(&mut self, command: Command, now: f64) {
        if let Err(error) = self.doc.apply(command, now) {
            // The window only sends commands built from the draft it shows; a refusal means
            // the draft changed under it this frame. Nothing was changed.
            self.notice = format!("操作未执行：{error}");
        }
    }

    fn restore_template(&mut self, now: f64) {
        let current = self.doc.draft().clone();
        let template = Template::default_template();
        let mut restored = current.clone();
        let mut leftovers = current.categories;
        restored.categories = template
            .categories
            .iter()
            .map(
                |title| match leftovers.iter().position(|c| c.title.trim() == title) {
                    Some(index) => leftovers.remove(index),
                    None => crate::draft::Category {
                        id: self.doc.ids().category(),
                        title: title.clone(),
                        ..Default::default()
                    },
                },
            )
            .collect();
        // Categories of other names keep their findings after the six; empty ones go.
        restored
            .categories
            .extend(leftovers.into_iter().filter(|c| !c.findings.is_empty()));
        self.edit(Command::ReplaceDraft(Box::new(restored)), now);
        self.notice = "已恢复默认六个方面，原有问题均已保留".to_owned();
    }

    fn perform(&mut self, ctx: &egui::Context, action: Action) {
        let now = ctx.input(|i| i.time);
        match action {
            Action::Edit(command) => self.edit(command, now),
            Action::AddFinding(category) => {
                let Some(target) = self.doc.draft().category(category) else {
                    return;
                };
                let index = target.findings.len();
                let id = self.doc.ids().finding();
                let finding = crate::draft::Finding {
                    id,
                    headline: String::new(),
                    body: String::new(),
                };
                self.edit(
                    Command::InsertFinding {
                        category,
                        index,
                        finding,
                    },
                    now,
                );
                self.ui.focus_request = Some(TextField::Headline(id));
            }
            Action::DuplicateFinding(id) => {
                let draft = self.doc.draft();
                let (Some((ci, fi)), Some(original)) = (draft.locate(id), draft.finding(id)) else {
                    return;
                };
                let category = draft.categories[ci].id;
                let mut copy = original.clone();
                copy.id = self.doc.ids().finding();
                let focus = TextField::Headline(copy.id);
                self.edit(
                    Command::InsertFinding {
                        category,
                        index: fi + 1,
                        finding: copy,
                    },
                    now,
                );
                self.ui.focus_request = Some(focus);
            }
            Action::AddCategory => {
                let category = crate::draft::Category {
                    id: self.doc.ids().category(),
                    ..Default::default()
                };
                let focus = TextField::CategoryTitle(category.id);
                let index = self.doc.draft().categories.len();
                self.edit(Command::InsertCategory { index, category }, now);
                self.ui.focus_request = Some(focus);
            }
            Action::RemoveCategory(id) => self.edit(Command::RemoveCategory { id }, now),
            Action::RestoreTemplate => self.restore_template(now),
            Action::SealTyping => self.doc.seal_typing(),
            Action::Undo => match self.doc.undo() {
                Ok(true) => self.notice = "已撤销".to_owned(),
                Ok(false) => self.notice = "没有可撤销的操作".to_owned(),
                Err(error) => self.notice = format!("无法撤销：{error}"),
            },
            Action::Redo => match self.doc.redo() {
                Ok(true) => self.notice = "已重做".to_owned(),
                Ok(false) => self.notice = "没有可重做的操作".to_owned(),
                Err(error) => self.notice = format!("无法重做：{error}"),
            },
            Action::New => self.guard(ctx, Pending::New),
            Action::Open => self.guard(ctx, Pending::Open),
            Action::OpenPath(path) => self.guard(ctx, Pending::OpenPath(path)),
            Action::Save => {
                self.save();
            }
            Action::SaveAs => {
                self.save_as();
            }
            Action::Quit => self.guard(ctx, Pending::Close),
            Action::UnsavedAnswer(UnsavedAnswer::Save) => {
                if self.save() {
                    self.continue_pending_after_save(ctx);
                }
            }
            Action::UnsavedAnswer(UnsavedAnswer::Discard) => {
                if let Some(pending) = self.pending.take() {
                    self.proceed(ctx, pending);
                }
            }
            Action::UnsavedAnswer(UnsavedAnswer::Cancel) | Action::PathCancelled => {
                self.pending = None;
            }
            Action::PathChosen(PathPurpose::Open, path) => self.open_now(&path),
            Action::PathChosen(PathPurpose::SaveAs, path) => {
                if self.save_to(&file_dialog::with_draft_extension(path)) {
                    self.continue_pending_after_save(ctx);
                }
            }
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let mark = if self.doc.is_dirty() { "● " } else { "" };
        let title = format!("{mark}{} — 剖析", self.doc.display_name());
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }
}

/// A file name from the draft's title, safe on every platform.
fn suggested_file_name(draft: &Draft) -> String {
    let cleaned: String = draft
        .title
        .chars()
        .filter(|c| {
            !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control()
        })
        .take(40)
        .collect();
    let stem = cleaned.trim();
    if stem.is_empty() {
        "稿件.ron".to_owned()
    } else {
        format!("{stem}.ron")
    }
}

impl eframe::App for PouxiApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut actions = self.shortcut_actions(&ctx);
        actions.extend(self.dropped_file_actions(&ctx));
        self.handle_close_request(&ctx);
        let view = View {
            draft: self.doc.draft(),
            file_name: self.doc.display_name(),
            dirty: self.doc.is_dirty(),
            never_saved: self.doc.path().is_none(),
            can_undo: self.doc.can_undo(),
            can_redo: self.doc.can_redo(),
            recent_files: &self.settings.recent_files,
            notice: &self.notice,
        };
        actions.extend(ui::show(ui, &view, &mut self.ui));
        for action in actions {
            self.perform(&ctx, action);
        }
        self.update_title(&ctx);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_names_are_safe() {
        let mut draft = Draft::default();
        assert_eq!(suggested_file_name(&draft), "稿件.ron");
        draft.title = "2023年/民主生活会:材料?".into();
        assert_eq!(suggested_file_name(&draft), "2023年民主生活会材料.ron");
    }
}
