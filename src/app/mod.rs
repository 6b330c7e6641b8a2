//! The eframe App: owns the open document, applies what the window asks for, and does all file
//! work the window needs.

// Plumbing the concerns share.
mod aids_cache;
mod background;
mod document;
mod export_session;
mod file_dialog;
mod file_jobs;
mod history;
mod import_session;
mod modals;
mod settings;
mod stats;

// One file per concern, each an `impl PouxiApp` block over the state below.
mod aids;
mod editing;
mod exporting;
mod files;
mod finding;
mod importing;
mod recovery;
mod routing;
mod session;
mod targets;
mod templates;

pub use document::Document;
pub use import_session::ImportMode;
pub use settings::{AppPaths, DialogMode, Session, Settings, ThemeChoice, WINDOW_MIN};

use crate::ads::AdScan;
use crate::clean::Rules;
use crate::draft::{Command, Draft, Template};
use crate::store::recovery::{Autosaver, RecoveryEntry, RecoveryStore};
use crate::ui::export_dialog::ExportPreview;
use crate::ui::import_dialog::ImportView;
use crate::ui::{self, Action, Dialogs, Modal, UiState, View};
use aids_cache::AidsCache;
use export_session::ExportSession;
use file_jobs::{FileJobs, Job};
use files::Pending;
use import_session::ImportSession;
use modals::Modals;
use stats::DraftStats;
use std::path::{Path, PathBuf};

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
    /// The paste-import box's text, while it is open.
    paste_box: Option<String>,
    export: ExportSession,
    recovery: RecoveryStore,
    autosaver: Autosaver,
    /// The revision last handed to the autosaver, and when.
    autosaved: Option<(u64, f64)>,
    /// Recovery files offered at start-up, until restored or discarded.
    recovery_entries: Vec<RecoveryEntry>,
    modals: Modals,
    aids: AidsCache,
    /// The find bar, while open.
    find: Option<crate::ui::find_bar::FindState>,
    /// The 字数目标 dialog, while open.
    targets_form: Option<crate::draft::targets::TargetsForm>,
    /// When the draft last changed (egui time), for the reviewer's pause.
    changed_at: (u64, f64),
    /// Frames seen while measuring start-up; `None` in normal use.
    startup_probe: Option<u32>,
    /// Reads and writes files off the window's thread.
    files: FileJobs,
    ctx: egui::Context,
    /// What the status bar says while a file job the draft waits for is running.
    busy_notice: String,
    /// The draft file this window holds open, and its marker that tells other windows so.
    open_marker: Option<(std::path::PathBuf, Option<crate::store::OpenMarker>)>,
    /// The recovery key whose copy was written before the first change (large drafts).
    primed: Option<crate::store::recovery::RecoveryKey>,
    /// The path last typed into the path prompt, offered again after a failure.
    typed_path: Option<(ui::PathPurpose, String)>,
    /// Where to scroll once the resumed draft is in.
    resume_scroll: Option<f32>,
    /// The last file exported, for 打开所在文件夹.
    exported_to: Option<PathBuf>,
    /// The session was written for the next start (the window is closing).
    session_saved: bool,
    /// Material files read for import in this window, which a save must never overwrite.
    materials_read: Vec<PathBuf>,
}

impl PouxiApp {
    /// Sets up fonts on `ctx`, reads the settings, and opens `open` or a new draft.
    pub fn new(ctx: &egui::Context, paths: AppPaths, open: Option<&Path>) -> PouxiApp {
        ui::install(ctx);
        let settings = Settings::load(&paths);
        // Light or dark as the system has it, unless the writer chose (视图 → 主题); the
        // font size as it was left (视图 → 字号).
        ctx.set_theme(settings.theme.preference());
        ctx.set_zoom_factor(settings.zoom.unwrap_or(1.0));
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
            template_names: Vec::new(),
            templates: Vec::new(),
            ad_scan: AdScan::default(),
            stats: DraftStats::default(),
            import: None,
            paste_box: None,
            export: ExportSession::default(),
            recovery: RecoveryStore::new(recovery::paths_recovery_dir(&paths_data_dir)),
            autosaver: Autosaver::spawn(RecoveryStore::new(recovery::paths_recovery_dir(
                &paths_data_dir,
            ))),
            autosaved: None,
            recovery_entries: Vec::new(),
            modals: Modals::default(),
            aids: AidsCache::default(),
            find: None,
            targets_form: None,
            changed_at: (0, 0.0),
            startup_probe: None,
            files: FileJobs::default(),
            ctx: ctx.clone(),
            busy_notice: String::new(),
            open_marker: None,
            primed: None,
            typed_path: None,
            materials_read: Vec::new(),
            resume_scroll: None,
            exported_to: None,
            session_saved: false,
        };
        app.load_templates();
        app.offer_recovery();
        if let Some(problem) = rules_problem {
            app.show_message("广告规则文件有误", format!("{problem}\n已改用内置规则。"));
        }
        if let Some(problem) = app.aids.load_lexicon(&app.paths.user_review_file()) {
            app.show_message("检查词表有误", format!("{problem}\n已改用内置词表。"));
        }
        if let Some(path) = open {
            app.open_file(path);
        } else {
            app.resume();
        }
        app
    }

    /// Opens a draft, or previews material for import, as `pouxi PATH` does.
    pub fn open_file(&mut self, path: &Path) {
        if files::is_material(path) {
            self.import_file(path);
        } else {
            self.open_now(path);
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
        self.modals.shown()
    }

    /// True once the writer agreed to close (or nothing was unsaved).
    pub fn close_confirmed(&self) -> bool {
        self.close_confirmed
    }

    pub fn window_title(&self) -> &str {
        &self.window_title
    }

    pub(super) fn show_message(&mut self, title: &str, text: String) {
        self.queue_modal(Modal::Message {
            title: title.to_owned(),
            text,
        });
    }

    /// Shows `modal` now, or after the one on screen is answered.
    pub(super) fn queue_modal(&mut self, modal: Modal) {
        self.modals.queue(modal);
    }

    pub(super) fn store_settings(&mut self) {
        self.run_job(Job::SaveSettings {
            settings: Box::new(self.settings.clone()),
            paths: self.paths.clone(),
        });
    }

    /// Hands a job to the file thread and handles its outcome now if it comes in time, or in
    /// a later frame.
    pub(super) fn run_job(&mut self, job: Job) {
        let ctx = self.ctx.clone();
        if let Some(outcome) = self.files.run(&ctx, job) {
            self.finish(outcome);
        }
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
        self.export
            .refresh(self.doc.draft(), self.doc.revision(), &self.rules);
        let import_view = self.import.as_ref().map(|session| ImportView {
            source_name: &session.source_name,
            encoding: &session.material.encoding,
            text: session.text(),
            articles: &session.articles,
            article: session.article,
            removed: &session.imported.removed,
            draft: &session.imported.draft,
            stats: &session.imported.stats,
            merge: session.mode == ImportMode::Merge,
        });
        let export_view = self.export.form.as_ref().map(|_| ExportPreview {
            text: &self.export.text,
            notes: &self.export.notes,
            flagged: &self.export.flagged,
            unfilled: &self.export.unfilled,
            punctuation: &self.export.punctuation,
            title_lines: &self.export.title_lines,
            pages: &self.export.pages,
            ledger_rows: self.export.ledger_rows,
            ledger_by_default: self.export.ledger_by_default,
        });
        let view = View {
            draft: self.doc.draft(),
            file_name: self.doc.display_name(),
            dirty: self.doc.is_dirty(),
            never_saved: self.doc.path().is_none(),
            can_undo: self.doc.can_undo(),
            can_redo: self.doc.can_redo(),
            undo_name: self.doc.undo_name(),
            redo_name: self.doc.redo_name(),
            exported_to: self.exported_to.as_deref(),
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
            section_numbers: &self.stats.section_numbers,
            import: import_view,
            export: export_view,
            aids: ui::AidsView {
                targets: self.aids.targets.as_ref(),
                copied: self.aids.copied_total.map(|_| &self.aids.copied),
                copied_total: self.aids.copied_total,
                review: self.ui.show_review.then_some(self.aids.review.as_slice()),
                ignored: self.aids.ignored,
                matches: &self.aids.matches,
                source: self.doc.draft().source.as_ref(),
                ledger: self.aids.ledger_at(self.doc.revision()),
                pages: self.aids.pages,
                printed_chars: self.aids.printed_chars,
            },
        };
        if busy {
            ui.disable();
        }
        let dialogs = Dialogs {
            modal: self.modals.shown_mut(),
            paste_box: self.paste_box.as_mut(),
            export: self.export.form.as_mut(),
            targets: self.targets_form.as_mut(),
            find: self.find.as_mut(),
        };
        actions.extend(ui::show(ui, &view, dialogs, &mut self.ui));
        let pasted_into = pasted.as_ref().and_then(|raw| {
            actions.iter().rev().find_map(|action| match action {
                Action::Edit(ui::EditAction::Apply(Command::SetText { field, text }))
                    if text.contains(raw.as_str()) =>
                {
                    Some(*field)
                }
                _ => None,
            })
        });
        for action in actions {
            self.perform(&ctx, action);
        }
        self.autosave_tick(&ctx);
        self.keep_open_marker();
        if let (Some(raw), Some(field)) = (pasted, pasted_into) {
            let now = ctx.input(|i| i.time);
            self.clean_paste(&raw, field, now);
        }
        self.modals.advance();
        self.keep_view_choices(&ctx);
        self.update_title(&ctx);
        self.probe_startup(&ctx);
    }
}
