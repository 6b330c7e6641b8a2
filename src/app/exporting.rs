//! The speech going out: the export dialog's choices, the file written, the whole speech copied,
//! and the ad gate's removal.

use super::PouxiApp;
use super::file_dialog::{self, DialogOutcome};
use super::file_jobs::Job;
use super::files::suggested_file_name;
use crate::export::{self, Format};
use crate::ui::export_dialog::ExportForm;
use crate::ui::{ExportAction, PathPurpose};
use std::path::Path;

impl PouxiApp {
    pub(super) fn handle_export(&mut self, ctx: &egui::Context, action: ExportAction, now: f64) {
        match action {
            ExportAction::Open => self.open_export(),
            ExportAction::Close => self.close_export(),
            ExportAction::Write => self.choose_export_path(),
            ExportAction::RemoveFlagged => self.remove_flagged(now),
            ExportAction::CopySpeech => self.copy_speech(ctx),
            ExportAction::Reveal => self.reveal_export(),
        }
    }

    pub(super) fn export_format(&self) -> Format {
        self.export
            .form
            .as_ref()
            .map(|form| form.format)
            .or_else(|| Format::from_extension(&self.settings.export_format))
            .unwrap_or(Format::Docx)
    }

    pub(super) fn open_export(&mut self) {
        self.export.form = Some(ExportForm {
            format: self.export_format(),
            settings: self.settings.export.clone(),
            allow_flagged: false,
        });
    }

    /// The dialog was closed: its choices are kept for next time.
    pub(super) fn close_export(&mut self) {
        self.remember_export_choices();
        self.export.form = None;
    }

    pub(super) fn remember_export_choices(&mut self) {
        if let Some(form) = &self.export.form
            && (form.settings != self.settings.export
                || form.format.extension() != self.settings.export_format)
        {
            self.settings.export = form.settings.clone();
            self.settings.export_format = form.format.extension().to_owned();
            self.store_settings();
        }
    }

    pub(super) fn choose_export_path(&mut self) {
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

    pub(super) fn write_export(&mut self, path: &Path) {
        let Some(form) = self.export.form.clone() else {
            return;
        };
        // The file's extension decides the format; a name without one gets the chosen format's.
        let (path, format) = match Format::from_path(path) {
            Ok(format) => (path.to_path_buf(), format),
            Err(_) => (path.with_extension(form.format.extension()), form.format),
        };
        if let Some(draft) = self.doc.path()
            && crate::store::is_same_file(draft, &path)
        {
            self.show_message(
                "导出失败",
                format!(
                    "“{}”就是正在编辑的稿件（或指向它的链接）。导出会用讲稿覆盖稿件，已取消；请另选文件名。",
                    path.display()
                ),
            );
            return;
        }
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

    pub(super) fn exported(&mut self, path: &Path, notes: &[String], result: std::io::Result<()>) {
        match result {
            Ok(()) => {
                self.remember_export_choices();
                if let Some(parent) = path.parent() {
                    self.settings.last_folder = Some(parent.to_path_buf());
                }
                self.export.form = None;
                let mut notice = format!("已导出到 {}", path.display());
                for note in notes {
                    notice.push('；');
                    notice.push_str(note);
                }
                self.notice = notice;
                self.exported_to = Some(path.to_path_buf());
                self.typed_path = None;
            }
            Err(error) => {
                self.notice = "导出失败".to_owned();
                self.show_message(
                    "导出失败",
                    format!("无法写入“{}”：{error}\n稿件未受影响。", path.display()),
                );
            }
        }
    }

    pub(super) fn copy_speech(&mut self, ctx: &egui::Context) {
        let settings = self
            .export
            .form
            .as_ref()
            .map(|form| form.settings.clone())
            .unwrap_or_else(|| self.settings.export.clone());
        let text = export::plain_text(self.doc.draft(), &settings);
        let chars = crate::draft::count_chars(&text);
        ctx.copy_text(text);
        self.remember_export_choices();
        self.notice = format!("已复制全文（{chars} 字）");
    }

    pub(super) fn remove_flagged(&mut self, now: f64) {
        if let Some(command) = self.ad_scan.removal_command(self.doc.draft(), &self.rules) {
            self.edit(command, now);
            self.doc.name_last_step("移除疑似广告");
            self.doc.seal_typing();
            self.notice = "已移除疑似广告（可撤销）".to_owned();
        }
    }
}
