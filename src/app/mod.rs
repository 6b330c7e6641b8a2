//! The eframe App: owns the open document, applies what the window asks for, and does all file
//! work the window needs.

mod ad_scan;
mod aids_cache;
mod document;
mod export_session;
mod file_dialog;
mod file_jobs;
mod history;
mod import_session;
mod settings;
mod stats;

pub use document::Document;
pub use import_session::ImportMode;
pub use settings::{AppPaths, DialogMode, Settings};

use crate::clean::{self, Rules};
use crate::draft::{Command, Draft, Template, TextField};
use crate::export::{self, Format};
use crate::import::{self, Material};
use crate::store;
use crate::store::recovery::{Autosaver, RecoveryEntry, RecoveryStore};
use crate::ui::export_dialog::{ExportForm, ExportPreview};
use crate::ui::import_dialog::ImportView;
use crate::ui::{
    self, Action, ChangedAnswer, Modal, PathPurpose, RecoveryOffer, UiState, UnsavedAnswer, View,
};
use ad_scan::AdScan;
use aids_cache::AidsCache;
use export_session::ExportSession;
use file_dialog::DialogOutcome;
use file_jobs::{FileJobs, Job, Outcome};
use import_session::ImportSession;
use stats::DraftStats;
use std::path::{Path, PathBuf};

/// What waits for the answer to 保存 / 不保存 / 取消.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    Close,
    New(Template),
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
    rules: Rules,
    templates: Vec<Template>,
    template_names: Vec<String>,
    ad_scan: AdScan,
    stats: DraftStats,
    import: Option<ImportSession>,
    export: ExportSession,
    recovery: RecoveryStore,
    autosaver: Autosaver,
    /// The revision last handed to the autosaver, and when.
    autosaved: Option<(u64, f64)>,
    /// Recovery files offered at start-up, until restored or discarded.
    recovery_entries: Vec<RecoveryEntry>,
    /// Messages waiting for the one on screen to be dismissed.
    queued_modals: std::collections::VecDeque<Modal>,
    aids: AidsCache,
    /// When the draft last changed (egui time), for the reviewer's pause.
    changed_at: (u64, f64),
    /// Frames seen while measuring start-up; `None` in normal use.
    startup_probe: Option<u32>,
    /// Reads and writes files off the window's thread.
    files: FileJobs,
    ctx: egui::Context,
    /// What the status bar says while a file job the draft waits for is running.
    busy_notice: String,
}

/// Unsaved work reaches its recovery file this long after the last change at the latest
/// (the write itself runs on the autosaver's thread).
const AUTOSAVE_DELAY: f64 = 0.5;

impl PouxiApp {
    /// Sets up fonts on `ctx`, reads the settings, and opens `open` or a new draft.
    pub fn new(ctx: &egui::Context, paths: AppPaths, open: Option<&Path>) -> PouxiApp {
        ui::fonts::install(ctx);
        // Office writers know light pages; a dark editor looks like a programmer's tool.
        ctx.set_theme(egui::Theme::Light);
        let settings = Settings::load(&paths);
        let paths_data_dir = paths.data_dir.clone();
        let (rules, rules_problem) = match Rules::builtin_with_user(&paths.user_rules_file()) {
            Ok(rules) => (rules, None),
            Err(error) => (Rules::builtin(), Some(error.message_zh())),
        };
        let mut app = PouxiApp {
            doc: Document::from_template(Template::default_template().to_draft()),
            settings,
            paths,
            ui: UiState::new(),
            pending: None,
            close_confirmed: false,
            notice: String::new(),
            window_title: String::new(),
            rules,
            template_names: Template::builtin().into_iter().map(|t| t.name).collect(),
            templates: Template::builtin(),
            ad_scan: AdScan::default(),
            stats: DraftStats::default(),
            import: None,
            export: ExportSession::default(),
            recovery: RecoveryStore::new(paths_recovery_dir(&paths_data_dir)),
            autosaver: Autosaver::spawn(RecoveryStore::new(paths_recovery_dir(&paths_data_dir))),
            autosaved: None,
            recovery_entries: Vec::new(),
            queued_modals: std::collections::VecDeque::new(),
            aids: AidsCache::default(),
            changed_at: (0, 0.0),
            startup_probe: None,
            files: FileJobs::default(),
            ctx: ctx.clone(),
            busy_notice: String::new(),
        };
        app.offer_recovery();
        if let Some(problem) = rules_problem {
            app.show_message("广告规则文件有误", format!("{problem}\n已改用内置规则。"));
        }
        if let Some(path) = open {
            app.open_file(path);
        }
        app
    }

    /// Opens a draft, or previews material for import, as `pouxi PATH` does.
    pub fn open_file(&mut self, path: &Path) {
        if is_material(path) {
            self.import_file(path);
        } else {
            self.open_now(path);
        }
    }

    /// For the start-up benchmark: once the first frame is on screen, print
    /// `pouxi: first frame painted` on stdout and close without asking anything.
    pub fn quit_after_first_frame(&mut self) {
        self.startup_probe = Some(0);
    }

    /// The second frame starts only after the first one was painted and shown.
    fn probe_startup(&mut self, ctx: &egui::Context) {
        let Some(frames) = self.startup_probe.as_mut() else {
            return;
        };
        *frames += 1;
        if *frames == 1 {
            ctx.request_repaint();
        } else if *frames == 2 {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "pouxi: first frame painted");
            let _ = out.flush();
            self.close_confirmed = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// The import waiting in the preview, if any.
    pub fn import_session(&self) -> Option<&ImportSession> {
        self.import.as_ref()
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

    /// How long the window waits for a file job before drawing on without it (250 ms unless
    /// set). Tests set it long so each save or open is done within the frame that asked.
    pub fn set_file_wait(&mut self, wait: std::time::Duration) {
        self.files.set_wait(wait);
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

    /// Offers the recovery files newer than their drafts, left by a Pouxi that did not get to
    /// save.
    fn offer_recovery(&mut self) {
        let listing = self.recovery.list();
        for problem in &listing.unreadable {
            self.notice = format!("有一个恢复文件无法读取：{}", problem.message_zh());
        }
        self.recovery_entries = listing.entries;
        self.refresh_recovery_modal();
    }

    fn refresh_recovery_modal(&mut self) {
        if self.recovery_entries.is_empty() {
            if matches!(self.ui.modal, Some(Modal::Recovery { .. })) {
                self.ui.modal = None;
            }
            return;
        }
        let now = store::recovery::unix_now();
        let offers: Vec<RecoveryOffer> = self
            .recovery_entries
            .iter()
            .map(|entry| RecoveryOffer {
                key: entry.key.as_str().to_owned(),
                name: match &entry.original {
                    Some(path) => path.display().to_string(),
                    None if entry.draft.title.trim().is_empty() => "未命名稿件".to_owned(),
                    None => format!("未命名稿件：{}", entry.draft.title.trim()),
                },
                written: time_ago(now.saturating_sub(entry.written_at)),
                chars: entry.chars,
                excerpt: excerpt(&entry.draft),
            })
            .collect();
        match &mut self.ui.modal {
            Some(Modal::Recovery { offers: shown }) => *shown = offers,
            _ => self.queue_modal(Modal::Recovery { offers }),
        }
    }

    fn restore_recovery(&mut self, key: &str) {
        let Some(index) = self
            .recovery_entries
            .iter()
            .position(|e| e.key.as_str() == key)
        else {
            return;
        };
        let entry = self.recovery_entries.remove(index);
        let name = entry
            .original
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "未命名稿件".to_owned());
        self.replace_document(Document::recovered(entry.draft, entry.original, entry.key));
        self.autosaved = None;
        self.notice = format!("已恢复 {name}，请保存");
    }

    fn discard_recovery(&mut self, key: &str) {
        if let Some(index) = self
            .recovery_entries
            .iter()
            .position(|e| e.key.as_str() == key)
        {
            let entry = self.recovery_entries.remove(index);
            if let Err(error) = self.recovery.remove(&entry.key) {
                self.notice = error.message_zh();
            }
        }
        self.refresh_recovery_modal();
    }

    /// Hands unsaved work to the autosaver shortly after each change.
    fn autosave_tick(&mut self, ctx: &egui::Context) {
        for error in self.autosaver.poll_errors() {
            self.notice = error.message_zh();
        }
        if !self.doc.is_dirty() {
            return;
        }
        let revision = self.doc.revision();
        let now = ctx.input(|i| i.time);
        match self.autosaved {
            Some((saved, _)) if saved == revision => {}
            Some((_, at)) if now - at < AUTOSAVE_DELAY => {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                    AUTOSAVE_DELAY - (now - at),
                ));
            }
            _ => {
                self.autosaver.submit(
                    self.doc.recovery_key().clone(),
                    self.doc.draft().clone(),
                    self.doc.path().map(Path::to_path_buf),
                );
                self.autosaved = Some((revision, now));
            }
        }
    }

    /// Writes out what the autosaver holds; for tests and for shutting down.
    pub fn flush_recovery(&self) {
        self.autosaver.flush_blocking();
    }

    fn show_message(&mut self, title: &str, text: String) {
        self.queue_modal(Modal::Message {
            title: title.to_owned(),
            text,
        });
    }

    /// Shows `modal` now, or after the one on screen is answered.
    fn queue_modal(&mut self, modal: Modal) {
        if self.ui.modal.is_none() {
            self.ui.modal = Some(modal);
        } else {
            self.queued_modals.push_back(modal);
        }
    }

    fn store_settings(&mut self) {
        self.run_job(Job::SaveSettings {
            settings: Box::new(self.settings.clone()),
            paths: self.paths.clone(),
        });
    }

    /// Hands a job to the file thread and handles its outcome now if it comes in time, or in
    /// a later frame.
    fn run_job(&mut self, job: Job) {
        let ctx = self.ctx.clone();
        if let Some(outcome) = self.files.run(&ctx, job) {
            self.finish(outcome);
        }
    }

    fn finish(&mut self, outcome: Outcome) {
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

    /// Shortcuts are taken before any widget runs, so a focused text field never sees Ctrl+Z
    /// (its own undo would bypass the draft's history).
    fn shortcut_actions(&mut self, ctx: &egui::Context) -> Vec<Action> {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let dialog_open = self.ui.modal.is_some()
            || self.import.is_some()
            || self.ui.paste_box.is_some()
            || self.ui.export_form.is_some();
        if dialog_open {
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
            self.autosaver.discard(self.doc.recovery_key().clone());
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
                self.autosaver.discard(self.doc.recovery_key().clone());
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::New(template) => {
                self.replace_document(Document::from_template(template.to_draft()));
                self.notice = format!("已新建稿件（{}）", template.name);
            }
            Pending::Open => self.choose_file_to_open(),
            Pending::OpenPath(path) => self.open_now(&path),
        }
    }

    /// Swaps in another document. The old one's recovery file goes: the writer has saved it,
    /// chosen 不保存, or had nothing to lose.
    fn replace_document(&mut self, doc: Document) {
        let old = std::mem::replace(&mut self.doc, doc);
        if old.recovery_key() != self.doc.recovery_key() {
            self.autosaver.discard(old.recovery_key().clone());
        }
        self.autosaved = None;
        self.ui.collapsed.clear();
        self.ui.focus_request = None;
        self.ui.scroll_to = None;
        self.ui.list.clear();
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
        self.busy_notice = format!("正在打开 {}…", path.display());
        self.run_job(Job::OpenDraft {
            path: path.to_path_buf(),
        });
    }

    fn opened(
        &mut self,
        path: &Path,
        result: Result<(Draft, store::FileStamp), store::StoreError>,
    ) {
        match result {
            Ok((draft, stamp)) => {
                let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
                self.settings.remember(&path);
                self.store_settings();
                self.replace_document(Document::opened(draft, path, stamp));
                self.notice = format!("已打开 {}", self.doc.display_name());
            }
            Err(error) => {
                if error.kind == store::StoreErrorKind::NotFound {
                    self.settings.forget(path);
                    self.store_settings();
                }
                self.pending = None;
                // Whoever started Pouxi from a terminal gets a plain sentence too.
                eprintln!("{error}");
                self.show_message("无法打开稿件", error.message_zh());
            }
        }
    }

    /// Saves to the draft's file, or asks where. Once saved, whatever waited for the save (the
    /// unsaved-changes question) goes on. A file another program changed is not overwritten
    /// without asking.
    fn save(&mut self) {
        let Some(path) = self.doc.path().map(Path::to_path_buf) else {
            self.save_as();
            return;
        };
        if let Some(stamp) = self.doc.stamp()
            && let Err(change) = store::check_unchanged(&path, stamp)
        {
            self.ui.modal = Some(Modal::ChangedOnDisk {
                text: change.message_zh(&path),
            });
            return;
        }
        self.save_to(&path)
    }

    fn save_as(&mut self) {
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
            DialogOutcome::Cancelled => self.pending = None,
            DialogOutcome::Unavailable => self.prompt_path(PathPurpose::SaveAs),
        }
    }

    fn save_to(&mut self, path: &Path) {
        self.notice = format!("正在保存到 {}…", path.display());
        self.run_job(Job::SaveDraft {
            path: path.to_path_buf(),
            draft: Box::new(self.doc.draft().clone()),
            state: self.doc.state(),
        });
    }

    /// A save finished: the document is saved as it was when the save began.
    fn saved(
        &mut self,
        path: &Path,
        state: u64,
        result: Result<store::FileStamp, store::StoreError>,
    ) {
        match result {
            Ok(stamp) => {
                let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
                let old_key = self.doc.mark_saved_as(path.clone(), state, stamp);
                self.autosaver.discard(old_key);
                if !self.doc.is_dirty() {
                    self.autosaver.discard(self.doc.recovery_key().clone());
                }
                self.autosaved = None;
                self.settings.remember(&path);
                self.store_settings();
                self.notice = format!("已保存到 {}", path.display());
                let ctx = self.ctx.clone();
                self.continue_pending_after_save(&ctx);
            }
            Err(error) => {
                self.pending = None;
                self.show_message("保存失败", error.message_zh());
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
        let mut leftovers = current.categories().to_vec();
        let mut categories: Vec<crate::draft::Category> = template
            .problem_titles()
            .into_iter()
            .map(
                |title| match leftovers.iter().position(|c| c.title.trim() == title) {
                    Some(index) => leftovers.remove(index),
                    None => crate::draft::Category {
                        id: self.doc.ids().category(),
                        title: title.to_owned(),
                        lead: String::new(),
                        ..Default::default()
                    },
                },
            )
            .collect();
        // Categories of other names keep their findings after the template's; empty ones go.
        categories.extend(leftovers.into_iter().filter(|c| !c.findings.is_empty()));
        match restored.categories_mut() {
            Some(slot) => *slot = categories,
            None => restored.sections.push(crate::draft::Section {
                id: self.doc.ids().section(),
                kind: crate::draft::SectionKind::Problems,
                heading: crate::draft::DEFAULT_HEADING.to_owned(),
                body: crate::draft::SectionBody::Categories(categories),
            }),
        }
        self.edit(Command::ReplaceDraft(Box::new(restored)), now);
        self.notice = "已恢复模板的问题类别，原有问题均已保留".to_owned();
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
                let category = draft.categories()[ci].id;
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
                let draft = self.doc.draft();
                let Some(section) = draft.problems_section().map(|s| s.id) else {
                    return;
                };
                let index = draft.categories().len();
                self.edit(
                    Command::InsertCategory {
                        section,
                        index,
                        category,
                    },
                    now,
                );
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
            Action::New => self.guard(ctx, Pending::New(Template::default_template())),
            Action::NewFromTemplate(index) => {
                if let Some(template) = self.templates.get(index).cloned() {
                    self.guard(ctx, Pending::New(template));
                }
            }
            Action::Open => self.guard(ctx, Pending::Open),
            Action::OpenPath(path) if is_material(&path) => self.import_file(&path),
            Action::OpenPath(path) => self.guard(ctx, Pending::OpenPath(path)),
            Action::Save => self.save(),
            Action::SaveAs => self.save_as(),
            Action::Quit => self.guard(ctx, Pending::Close),
            Action::UnsavedAnswer(UnsavedAnswer::Save) => self.save(),
            Action::UnsavedAnswer(UnsavedAnswer::Discard) => {
                self.autosaver.discard(self.doc.recovery_key().clone());
                if let Some(pending) = self.pending.take() {
                    self.proceed(ctx, pending);
                }
            }
            Action::UnsavedAnswer(UnsavedAnswer::Cancel) | Action::PathCancelled => {
                self.pending = None;
            }
            Action::PathChosen(PathPurpose::Open, path) => self.open_now(&path),
            Action::PathChosen(PathPurpose::Import, path) => self.import_file(&path),
            Action::PathChosen(PathPurpose::Export, path) => self.write_export(&path),
            Action::ImportFile => self.choose_material(),
            Action::PasteImport => self.ui.paste_box = Some(String::new()),
            Action::ReadClipboard => self.read_clipboard(),
            Action::ImportPasted(text) => {
                self.start_import("粘贴的文字".to_owned(), Material::clipboard(text));
            }
            Action::ImportToggleSpan(index) => {
                if let Some(session) = self.import.as_mut() {
                    session.toggle_restored(index, &self.rules);
                }
            }
            Action::ImportSetMerge(merge) => {
                if let Some(session) = self.import.as_mut() {
                    session.mode = if merge {
                        ImportMode::Merge
                    } else {
                        ImportMode::Replace
                    };
                }
            }
            Action::ImportApply => self.apply_import(now),
            Action::ImportCancel => self.import = None,
            Action::OpenExport => self.open_export(),
            Action::ExportWrite => self.choose_export_path(),
            Action::ExportRemoveFlagged => {
                if let Some(command) = self.ad_scan.removal_command(self.doc.draft(), &self.rules) {
                    self.edit(command, now);
                    self.doc.seal_typing();
                    self.notice = "已移除疑似广告（可撤销）".to_owned();
                }
            }
            Action::CopySpeech => self.copy_speech(ctx),
            Action::ChangedOnDisk(answer) => self.answer_changed_on_disk(answer),
            Action::RecoveryRestore(key) => self.restore_recovery(&key),
            Action::RecoveryDiscard(key) => self.discard_recovery(&key),
            Action::JumpTo(field) => self.jump_to(field),
            Action::OpenFind(replace) => {
                let find = self.ui.find.get_or_insert_with(Default::default);
                find.show_replace |= replace;
                find.focus_query = true;
            }
            Action::FindNext => self.step_match(true),
            Action::FindPrevious => self.step_match(false),
            Action::ReplaceOne => self.replace_current(now),
            Action::ReplaceAll => self.replace_all(now),
            Action::OpenTargets => self.open_targets(),
            Action::SetTargets(form) => self.set_targets(&form, now),
            Action::PathChosen(PathPurpose::SaveAs, path) => {
                self.save_to(&file_dialog::with_draft_extension(path));
            }
        }
    }

    /// Text pasted this frame into the editor (not into a dialog's own fields).
    fn pasted_into_editor(&self, ctx: &egui::Context) -> Option<String> {
        if self.ui.modal.is_some()
            || self.import.is_some()
            || self.ui.paste_box.is_some()
            || self.ui.export_form.is_some()
        {
            return None;
        }
        ctx.input(|input| {
            input.events.iter().find_map(|event| match event {
                egui::Event::Paste(text) if !text.is_empty() => Some(text.clone()),
                _ => None,
            })
        })
    }

    fn choose_material(&mut self) {
        let start = self.settings.last_folder.clone();
        match file_dialog::pick_material(self.settings.dialog_mode, start.as_deref()) {
            DialogOutcome::Chosen(path) => self.import_file(&path),
            DialogOutcome::Cancelled => {}
            DialogOutcome::Unavailable => self.prompt_path(PathPurpose::Import),
        }
    }

    fn import_file(&mut self, path: &Path) {
        self.notice = format!("正在读取 {}…", path.display());
        self.run_job(Job::ReadMaterial {
            path: path.to_path_buf(),
        });
    }

    fn start_import(&mut self, source_name: String, material: Material) {
        self.ui.paste_box = None;
        self.import = Some(ImportSession::new(source_name, material, &self.rules));
    }

    fn read_clipboard(&mut self) {
        let text = arboard::Clipboard::new().and_then(|mut clipboard| clipboard.get_text());
        match text {
            Ok(text) if !text.trim().is_empty() => {
                self.start_import("剪贴板".to_owned(), Material::clipboard(text));
            }
            Ok(_) => self.notice = "剪贴板里没有文字".to_owned(),
            Err(error) => self.show_message(
                "无法读取剪贴板",
                format!("{error}\n请在框中按 Ctrl+V 粘贴素材。"),
            ),
        }
    }

    fn apply_import(&mut self, now: f64) {
        let Some(session) = self.import.take() else {
            return;
        };
        let imported = session.imported;
        let command = match session.mode {
            ImportMode::Replace => Command::ReplaceDraft(Box::new(imported.draft.clone())),
            ImportMode::Merge => {
                let current = self.doc.draft().clone();
                import::merge_command(&current, &imported.draft, self.doc.ids())
            }
        };
        self.edit(command, now);
        self.doc.seal_typing();
        self.ui.collapsed.clear();
        let removed = imported.removed.iter().filter(|s| !s.restored).count();
        self.notice = format!(
            "已导入“{}”：{} 个类别、{} 条问题，移除 {} 处广告（可撤销）",
            session.source_name,
            imported.draft.categories().len(),
            imported.draft.finding_count(),
            removed
        );
    }

    fn export_format(&self) -> Format {
        self.ui
            .export_form
            .as_ref()
            .map(|form| form.format)
            .or_else(|| Format::from_extension(&self.settings.export_format))
            .unwrap_or(Format::Docx)
    }

    fn open_export(&mut self) {
        self.ui.export_form = Some(ExportForm {
            format: self.export_format(),
            settings: self.settings.export.clone(),
            allow_flagged: false,
        });
    }

    fn remember_export_choices(&mut self) {
        if let Some(form) = &self.ui.export_form {
            self.settings.export = form.settings.clone();
            self.settings.export_format = form.format.extension().to_owned();
            self.store_settings();
        }
    }

    fn choose_export_path(&mut self) {
        let format = self.export_format();
        let start = self
            .doc
            .path()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| self.settings.last_folder.clone());
        let name = std::path::Path::new(&suggested_file_name(self.doc.draft()))
            .with_extension(format.extension())
            .display()
            .to_string();
        match file_dialog::pick_export_path(
            self.settings.dialog_mode,
            start.as_deref(),
            &name,
            format.label(),
            format.extension(),
        ) {
            DialogOutcome::Chosen(path) => self.write_export(&path),
            DialogOutcome::Cancelled => {}
            DialogOutcome::Unavailable => self.prompt_path(PathPurpose::Export),
        }
    }

    fn write_export(&mut self, path: &Path) {
        let Some(form) = self.ui.export_form.clone() else {
            return;
        };
        // The file's extension decides the format; a name without one gets the chosen format's.
        let (path, format) = match Format::from_path(path) {
            Ok(format) => (path.to_path_buf(), format),
            Err(_) => (path.with_extension(form.format.extension()), form.format),
        };
        let rendered = match export::render(self.doc.draft(), &form.settings, format) {
            Ok(rendered) => rendered,
            Err(error) => {
                self.show_message("导出失败", error.to_string());
                return;
            }
        };
        self.notice = format!("正在导出到 {}…", path.display());
        self.run_job(Job::WriteExport {
            path,
            bytes: rendered.bytes,
            notes: rendered.notes,
        });
    }

    fn exported(&mut self, path: &Path, notes: &[String], result: std::io::Result<()>) {
        match result {
            Ok(()) => {
                self.remember_export_choices();
                if let Some(parent) = path.parent() {
                    self.settings.last_folder = Some(parent.to_path_buf());
                }
                self.ui.export_form = None;
                let mut notice = format!("已导出到 {}", path.display());
                for note in notes {
                    notice.push('；');
                    notice.push_str(note);
                }
                self.notice = notice;
            }
            Err(error) => self.show_message(
                "导出失败",
                format!("无法写入“{}”：{error}\n稿件未受影响。", path.display()),
            ),
        }
    }

    fn copy_speech(&mut self, ctx: &egui::Context) {
        let settings = self
            .ui
            .export_form
            .as_ref()
            .map(|form| form.settings.clone())
            .unwrap_or_else(|| self.settings.export.clone());
        let text = export::plain_text(self.doc.draft(), &settings);
        let chars = crate::draft::count_chars(&text);
        ctx.copy_text(text);
        self.remember_export_choices();
        self.notice = format!("已复制全文（{chars} 字）");
    }

    /// Text pasted into a field is cleaned as a separate, undoable step right after the paste.
    fn clean_paste(&mut self, raw: &str, field: TextField, now: f64) {
        let (cleaned, removed) = clean::clean_pasted(raw, &self.rules);
        let cut = removed.iter().filter(|span| !span.restored).count();
        if cut == 0 {
            return;
        }
        let Some(current) = self.doc.draft().text(field) else {
            return;
        };
        let Some(at) = current.rfind(raw) else {
            return;
        };
        let mut text = current.to_owned();
        text.replace_range(at..at + raw.len(), &cleaned);
        self.doc.seal_typing();
        self.edit(Command::SetText { field, text }, now);
        self.doc.seal_typing();
        self.notice = format!("已移除 {cut} 处广告（Ctrl+Z 可撤销）");
    }

    fn refresh_aids(&mut self, ctx: &egui::Context) {
        let revision = self.doc.revision();
        let now = ctx.input(|i| i.time);
        if self.changed_at.0 != revision {
            self.changed_at = (revision, now);
        }
        self.aids.refresh_figures(self.doc.draft(), revision);
        if self.ui.show_review {
            let owed = self.aids.refresh_review(
                self.doc.draft(),
                revision,
                &self.rules,
                now - self.changed_at.1,
            );
            if owed {
                ctx.request_repaint_after(std::time::Duration::from_millis(200));
            }
        }
        if let Some(find) = &mut self.ui.find {
            self.aids
                .refresh_matches(self.doc.draft(), revision, &find.query, find.match_case);
            if find.current >= self.aids.matches.len() {
                find.current = 0;
            }
        }
    }

    /// Opens the field's category and puts the cursor in the field.
    fn jump_to(&mut self, field: TextField) {
        let draft = self.doc.draft();
        let category = match field {
            TextField::CategoryTitle(id) => Some(id),
            TextField::Headline(id) | TextField::Body(id) => {
                draft.locate(id).map(|(ci, _)| draft.categories()[ci].id)
            }
            _ => None,
        };
        if let Some(category) = category {
            self.ui.collapsed.remove(&category);
        }
        self.ui.focus_request = Some(field);
    }

    fn step_match(&mut self, forward: bool) {
        let count = self.aids.matches.len();
        let Some(find) = &mut self.ui.find else {
            return;
        };
        if count == 0 {
            return;
        }
        find.current = if forward {
            (find.current + 1) % count
        } else {
            (find.current + count - 1) % count
        };
        let field = self.aids.matches[find.current].field;
        let draft = self.doc.draft();
        if let TextField::Headline(id) | TextField::Body(id) = field
            && let Some((ci, _)) = draft.locate(id)
        {
            self.ui.collapsed.remove(&draft.categories()[ci].id);
        }
        self.ui.reveal = Some(field);
    }

    fn replace_current(&mut self, now: f64) {
        let Some(find) = &self.ui.find else {
            return;
        };
        let Some(found) = self.aids.matches.get(find.current) else {
            return;
        };
        if let Some(command) =
            crate::search::replace_one(self.doc.draft(), found, &find.replacement)
        {
            self.doc.seal_typing();
            self.edit(command, now);
            self.doc.seal_typing();
        }
    }

    fn replace_all(&mut self, now: f64) {
        let Some(find) = &self.ui.find else {
            return;
        };
        let count = self.aids.matches.len();
        let options = crate::search::SearchOptions {
            match_case: find.match_case,
        };
        if let Some(command) =
            crate::search::replace_all(self.doc.draft(), &find.query, &find.replacement, options)
        {
            self.doc.seal_typing();
            self.edit(command, now);
            self.doc.seal_typing();
            self.notice = format!("已替换 {count} 处（Ctrl+Z 可一步撤销）");
        }
    }

    fn open_targets(&mut self) {
        let pair = |range: Option<crate::draft::CharRange>| range.map_or((0, 0), |r| r.bounds());
        let draft = self.doc.draft();
        self.ui.targets_form = Some(ui::targets_dialog::TargetsForm {
            total: pair(draft.targets.total),
            categories: draft
                .categories()
                .iter()
                .enumerate()
                .map(|(index, category)| {
                    let (min, max) = pair(category.target);
                    (
                        format!(
                            "{}{}",
                            crate::draft::numbering::category_label(index),
                            category.title
                        ),
                        min,
                        max,
                    )
                })
                .collect(),
        });
    }

    fn set_targets(&mut self, form: &ui::targets_dialog::TargetsForm, now: f64) {
        let to_range = |min: usize, max: usize| {
            if min == 0 && max == 0 {
                None
            } else if max == 0 {
                // Only a minimum: no upper bound worth speaking of.
                Some(crate::draft::CharRange::new(min, crate::draft::NO_MAXIMUM))
            } else {
                Some(crate::draft::CharRange::new(min, max))
            }
        };
        let mut commands = vec![Command::SetTargets {
            targets: crate::draft::Targets {
                total: to_range(form.total.0, form.total.1),
            },
        }];
        for (category, (_, min, max)) in self.doc.draft().categories().iter().zip(&form.categories)
        {
            commands.push(Command::SetCategoryTarget {
                id: category.id,
                target: to_range(*min, *max),
            });
        }
        self.edit(Command::Batch(commands), now);
        self.doc.seal_typing();
        self.notice = "已设置字数目标".to_owned();
    }

    fn answer_changed_on_disk(&mut self, answer: ChangedAnswer) {
        let Some(path) = self.doc.path().map(Path::to_path_buf) else {
            return;
        };
        match answer {
            // A finished save carries on with whatever waited for it.
            ChangedAnswer::Overwrite => self.save_to(&path),
            ChangedAnswer::SaveAs => self.save_as(),
            ChangedAnswer::Reload => {
                self.pending = None;
                self.open_now(&path);
            }
            ChangedAnswer::Cancel => self.pending = None,
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

fn paths_recovery_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("recovery")
}

/// `3 分钟前` and the like.
fn time_ago(seconds: u64) -> String {
    match seconds {
        0..60 => "刚刚".to_owned(),
        60..3600 => format!("{} 分钟前", seconds / 60),
        3600..86_400 => format!("{} 小时前", seconds / 3600),
        _ => format!("{} 天前", seconds / 86_400),
    }
}

/// The first words of a draft, to recognise it by.
fn excerpt(draft: &Draft) -> String {
    let text = draft
        .categories()
        .iter()
        .flat_map(|c| &c.findings)
        .map(|f| {
            if f.headline.is_empty() {
                &f.body
            } else {
                &f.headline
            }
        })
        .find(|t| !t.trim().is_empty())
        .map(String::as_str)
        .unwrap_or(&draft.title);
    let short: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        format!("{short}…")
    } else {
        short
    }
}

/// Downloaded material opens in the import preview instead of as a draft.
fn is_material(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| matches!(e.as_str(), "txt" | "docx" | "doc"))
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
        for outcome in self.files.poll() {
            self.finish(outcome);
        }
        // While a draft is being opened, the one on screen is about to go: nothing edits it.
        let busy = self.files.blocks_editing();
        let mut actions = Vec::new();
        if !busy {
            actions.extend(self.shortcut_actions(&ctx));
            actions.extend(self.dropped_file_actions(&ctx));
        }
        self.handle_close_request(&ctx);
        let pasted = self.pasted_into_editor(&ctx);
        if pasted.is_some() {
            // A paste is its own undo step, apart from the typing around it.
            self.doc.seal_typing();
        }
        let changed = self
            .ad_scan
            .revision()
            .and_then(|r| self.doc.changed_fields_since(r));
        self.ad_scan.refresh(
            self.doc.draft(),
            self.doc.revision(),
            changed.as_deref(),
            &self.rules,
        );
        self.stats.refresh(&self.doc);
        self.refresh_aids(&ctx);
        let export_form_before = self.ui.export_form.clone();
        if let Some(form) = &self.ui.export_form {
            self.export
                .refresh(self.doc.draft(), self.doc.revision(), form, &self.rules);
        }
        let import_view = self.import.as_ref().map(|session| ImportView {
            source_name: &session.source_name,
            encoding: &session.material.encoding,
            text: &session.material.text,
            removed: &session.imported.removed,
            draft: &session.imported.draft,
            stats: &session.imported.stats,
            merge: session.mode == ImportMode::Merge,
        });
        let export_view = self.ui.export_form.as_ref().map(|_| ExportPreview {
            text: &self.export.text,
            notes: &self.export.notes,
            flagged: &self.export.flagged,
        });
        let view = View {
            draft: self.doc.draft(),
            file_name: self.doc.display_name(),
            dirty: self.doc.is_dirty(),
            never_saved: self.doc.path().is_none(),
            can_undo: self.doc.can_undo(),
            can_redo: self.doc.can_redo(),
            recent_files: &self.settings.recent_files,
            template_names: &self.template_names,
            notice: if busy {
                &self.busy_notice
            } else {
                &self.notice
            },
            ad_warnings: self.ad_scan.by_finding(),
            category_chars: &self.stats.category_chars,
            total_chars: self.stats.total_chars,
            import: import_view,
            export: export_view,
            aids: ui::AidsView {
                targets: self.aids.targets.as_ref(),
                copied: self.aids.copied_total.map(|_| &self.aids.copied),
                copied_total: self.aids.copied_total,
                review: self.ui.show_review.then_some(self.aids.review.as_slice()),
                matches: &self.aids.matches,
                source: self.doc.draft().source.as_ref(),
            },
        };
        if busy {
            ui.disable();
        }
        actions.extend(ui::show(ui, &view, &mut self.ui));
        let pasted_into = pasted.as_ref().and_then(|raw| {
            actions.iter().rev().find_map(|action| match action {
                Action::Edit(Command::SetText { field, text }) if text.contains(raw.as_str()) => {
                    Some(*field)
                }
                _ => None,
            })
        });
        for action in actions {
            self.perform(&ctx, action);
        }
        self.autosave_tick(&ctx);
        if let (Some(raw), Some(field)) = (pasted, pasted_into) {
            let now = ctx.input(|i| i.time);
            self.clean_paste(&raw, field, now);
        }
        if let Some(form) = export_form_before
            && self.ui.export_form.is_none()
            && (form.settings != self.settings.export
                || form.format.extension() != self.settings.export_format)
        {
            // The dialog was closed: keep its choices for next time.
            self.settings.export = form.settings;
            self.settings.export_format = form.format.extension().to_owned();
            self.store_settings();
        }
        if self.ui.modal.is_none() {
            self.ui.modal = self.queued_modals.pop_front();
        }
        self.update_title(&ctx);
        self.probe_startup(&ctx);
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
