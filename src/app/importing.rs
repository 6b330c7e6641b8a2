//! Material coming in: from a file, the clipboard or the paste box into the import preview and
//! on into the draft; and text pasted into a field, cleaned of ads as its own undo step.

use super::PouxiApp;
use super::file_dialog::{self, DialogOutcome};
use super::file_jobs::Job;
use super::import_session::{ImportMode, ImportSession};
use crate::clean;
use crate::draft::{Command, TextField};
use crate::import::{self, Material};
use crate::ui::{ImportAction, PathPurpose};
use std::path::Path;

impl PouxiApp {
    pub(super) fn handle_import(&mut self, action: ImportAction, now: f64) {
        match action {
            ImportAction::ChooseFile => self.choose_material(),
            ImportAction::OpenPasteBox => self.paste_box = Some(String::new()),
            ImportAction::ClosePasteBox => self.paste_box = None,
            ImportAction::ReadClipboard => self.read_clipboard(),
            ImportAction::Pasted(text) => {
                self.start_import("粘贴的文字".to_owned(), Material::clipboard(text));
            }
            ImportAction::ToggleSpan(index) => self.toggle_import_span(index),
            ImportAction::ChooseArticle(index) => self.choose_import_article(index),
            ImportAction::SetMerge(merge) => self.set_import_merge(merge),
            ImportAction::Apply => self.apply_import(now),
            ImportAction::Cancel => self.import = None,
        }
    }

    pub(super) fn choose_material(&mut self) {
        let start = self.settings.last_folder.clone();
        match file_dialog::pick_material(self.settings.dialog_mode, start.as_deref()) {
            DialogOutcome::Chosen(path) => self.import_file(&path),
            DialogOutcome::Cancelled => {}
            DialogOutcome::Unavailable => self.prompt_path(PathPurpose::Import),
        }
    }

    pub(super) fn import_file(&mut self, path: &Path) {
        self.notice = format!("正在读取 {}…", path.display());
        self.run_job(Job::ReadMaterial {
            path: path.to_path_buf(),
        });
    }

    pub(super) fn start_import(&mut self, source_name: String, material: Material) {
        self.paste_box = None;
        // 正在读取 … is over: the preview says what was read.
        self.notice.clear();
        self.import = Some(ImportSession::new(source_name, material, &self.rules));
    }

    pub(super) fn read_clipboard(&mut self) {
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

    pub(super) fn toggle_import_span(&mut self, index: usize) {
        if let Some(session) = self.import.as_mut() {
            session.toggle_restored(index, &self.rules);
        }
    }

    pub(super) fn choose_import_article(&mut self, index: usize) {
        if let Some(session) = self.import.as_mut() {
            session.choose_article(index, &self.rules);
        }
    }

    pub(super) fn set_import_merge(&mut self, merge: bool) {
        if let Some(session) = self.import.as_mut() {
            session.mode = if merge {
                ImportMode::Merge
            } else {
                ImportMode::Replace
            };
        }
    }

    pub(super) fn apply_import(&mut self, now: f64) {
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
        self.doc.name_last_step("导入素材");
        self.doc.seal_typing();
        self.ui.collapsed.clear();
        self.ui.start_page = false;
        let removed = imported.removed.iter().filter(|s| !s.restored).count();
        self.notice = format!(
            "已导入“{}”：{} 个类别、{} 条问题，移除 {} 处广告（可撤销）",
            session.source_name,
            imported.draft.categories().len(),
            imported.draft.finding_count(),
            removed
        );
    }

    /// Text pasted this frame into the editor (not into a dialog's own fields).
    pub(super) fn pasted_into_editor(&self, ctx: &egui::Context) -> Option<String> {
        if self.dialog_open() {
            return None;
        }
        ctx.input(|input| {
            input.events.iter().find_map(|event| match event {
                egui::Event::Paste(text) if !text.is_empty() => Some(text.clone()),
                _ => None,
            })
        })
    }

    /// Text pasted into a field is cleaned as a separate, undoable step right after the paste.
    pub(super) fn clean_paste(&mut self, raw: &str, field: TextField, now: f64) {
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
        self.doc.name_last_step("移除粘贴中的广告");
        self.notice = format!("已移除 {cut} 处广告（Ctrl+Z 可撤销）");
    }
}
