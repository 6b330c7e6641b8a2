//! The draft's file: new, open, save, save as, a file changed on disk, and the unsaved-changes
//! question that guards them.

use super::file_dialog::{self, DialogOutcome};
use super::file_jobs::Job;
use super::{DialogMode, Document, PouxiApp};
use crate::draft::{Draft, Template};
use crate::store;
use crate::ui::path_prompt::Place as PathPlace;
use crate::ui::{ChangedAnswer, FileAction, Modal, PathPurpose, UnsavedAnswer};
use std::path::{Path, PathBuf};

/// What waits for the answer to 保存 / 不保存 / 取消.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Pending {
    Close,
    New(Template),
    Open,
    OpenPath(PathBuf),
}

impl PouxiApp {
    pub(super) fn handle_file(&mut self, ctx: &egui::Context, action: FileAction) {
        match action {
            FileAction::New => self.guard(ctx, Pending::New(Template::default_template())),
            FileAction::NewFromTemplate(index) => {
                if let Some(template) = self.templates.get(index).cloned() {
                    self.guard(ctx, Pending::New(template));
                }
            }
            FileAction::Open => self.guard(ctx, Pending::Open),
            FileAction::OpenPath(path) if is_material(&path) => self.import_file(&path),
            FileAction::OpenPath(path) => self.guard(ctx, Pending::OpenPath(path)),
            FileAction::Save => self.save(),
            FileAction::SaveAs => self.save_as(),
            FileAction::SaveAsTemplate => self.save_as_template(),
            FileAction::Quit => self.guard(ctx, Pending::Close),
            FileAction::UnsavedAnswer(answer) => self.answer_unsaved(ctx, answer),
            FileAction::PathCancelled => self.pending = None,
            FileAction::PathChosen(purpose, path) => self.path_chosen(purpose, &path),
            FileAction::ChangedOnDisk(answer) => self.answer_changed_on_disk(answer),
        }
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
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

    pub(super) fn ask_unsaved(&mut self, pending: Pending) {
        self.pending = Some(pending);
        self.modals.replace(Modal::Unsaved {
            name: self.doc.display_name(),
        });
    }

    /// Runs `pending` now when nothing would be lost, or asks first.
    pub(super) fn guard(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.doc.is_dirty() {
            self.ask_unsaved(pending);
        } else {
            self.proceed(ctx, pending);
        }
    }

    pub(super) fn proceed(&mut self, ctx: &egui::Context, pending: Pending) {
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

    pub(super) fn answer_unsaved(&mut self, ctx: &egui::Context, answer: UnsavedAnswer) {
        match answer {
            UnsavedAnswer::Save => self.save(),
            UnsavedAnswer::Discard => {
                self.autosaver.discard(self.doc.recovery_key().clone());
                if let Some(pending) = self.pending.take() {
                    self.proceed(ctx, pending);
                }
            }
            UnsavedAnswer::Cancel => self.pending = None,
        }
    }

    /// Swaps in another document. The old one's recovery file goes: the writer has saved it,
    /// chosen 不保存, or had nothing to lose.
    pub(super) fn replace_document(&mut self, doc: Document) {
        let old = std::mem::replace(&mut self.doc, doc);
        if old.recovery_key() != self.doc.recovery_key() {
            self.autosaver.discard(old.recovery_key().clone());
        }
        self.autosaved = None;
        self.ui.collapsed.clear();
        self.ui.focus_request = None;
        self.ui.scroll_to = None;
        self.ui.list.clear();
        self.ui.start_page = false;
        self.exported_to = None;
    }

    pub(super) fn choose_file_to_open(&mut self) {
        let start = self.settings.last_folder.clone();
        match file_dialog::pick_draft_to_open(self.settings.dialog_mode, start.as_deref()) {
            DialogOutcome::Chosen(path) => self.open_now(&path),
            DialogOutcome::Cancelled => {}
            DialogOutcome::Unavailable => self.prompt_path(PathPurpose::Open),
        }
    }

    /// Pouxi's own prompt: a folder and a suggested name with the right extension to start
    /// from (or what was typed last time, when that failed), and places to jump to.
    pub(super) fn prompt_path(&mut self, purpose: PathPurpose) {
        let places = self.places();
        let folder = self
            .settings
            .last_folder
            .clone()
            .or_else(|| {
                self.doc
                    .path()
                    .and_then(Path::parent)
                    .map(Path::to_path_buf)
            })
            .or_else(|| places.first().map(|place| place.folder.clone()));
        let name = match purpose {
            PathPurpose::SaveAs => suggested_file_name(self.doc.draft()),
            PathPurpose::Export => Path::new(&suggested_file_name(self.doc.draft()))
                .with_extension(self.export_format().extension())
                .display()
                .to_string(),
            PathPurpose::Open | PathPurpose::Import => String::new(),
        };
        let text = match (self.typed_path.take(), folder) {
            (Some((typed_for, typed)), _) if typed_for == purpose => typed,
            (_, Some(folder)) if name.is_empty() => {
                format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR)
            }
            (_, Some(folder)) => folder.join(name).display().to_string(),
            (_, None) => name,
        };
        let note = (self.settings.dialog_mode == DialogMode::Native)
            .then(|| "未能打开系统文件对话框，请直接输入文件路径。".to_owned());
        self.modals.replace(Modal::PathPrompt {
            purpose,
            text,
            note,
            places,
        });
    }

    /// 文档, 桌面, 下载 (or 主目录 when there is none of them), then the folders of recent
    /// drafts, each once.
    fn places(&self) -> Vec<PathPlace> {
        let mut places: Vec<PathPlace> = Vec::new();
        if let Some(dirs) = directories::UserDirs::new() {
            places = user_places(
                dirs.home_dir(),
                [
                    ("文档", dirs.document_dir(), ["Documents", "文档"]),
                    ("桌面", dirs.desktop_dir(), ["Desktop", "桌面"]),
                    ("下载", dirs.download_dir(), ["Downloads", "下载"]),
                ],
            );
        }
        let recent = self.settings.last_folder.iter().cloned().chain(
            self.settings
                .recent_files
                .iter()
                .filter_map(|p| p.parent().map(Path::to_path_buf)),
        );
        for folder in recent {
            if places.len() >= 6 || places.iter().any(|p| p.folder == folder) {
                continue;
            }
            let name = folder
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| folder.display().to_string());
            places.push(PathPlace { name, folder });
        }
        places
    }

    pub(super) fn path_chosen(&mut self, purpose: PathPurpose, path: &Path) {
        // Kept until the open, save, import or export succeeds, to offer again if it fails.
        self.typed_path = Some((purpose, path.display().to_string()));
        match purpose {
            PathPurpose::Open => self.open_now(path),
            PathPurpose::SaveAs => {
                self.save_to(&file_dialog::with_draft_extension(path.to_path_buf()))
            }
            PathPurpose::Import => self.import_file(path),
            PathPurpose::Export => self.write_export(path),
        }
    }

    pub(super) fn open_now(&mut self, path: &Path) {
        self.busy_notice = format!("正在打开 {}…", path.display());
        self.run_job(Job::OpenDraft {
            path: path.to_path_buf(),
        });
    }

    pub(super) fn opened(
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
                self.typed_path = None;
                self.scroll_resumed();
            }
            Err(error) => {
                if error.kind == store::StoreErrorKind::NotFound {
                    self.settings.forget(path);
                    self.store_settings();
                }
                self.pending = None;
                self.resume_scroll = None;
                // Whoever started Pouxi from a terminal gets a plain sentence too.
                eprintln!("{error}");
                self.show_message("无法打开稿件", error.message_zh());
            }
        }
    }

    /// Saves to the draft's file, or asks where. Once saved, whatever waited for the save (the
    /// unsaved-changes question) goes on. A file another program changed is not overwritten
    /// without asking.
    pub(super) fn save(&mut self) {
        let Some(path) = self.doc.path().map(Path::to_path_buf) else {
            self.save_as();
            return;
        };
        if let Some(stamp) = self.doc.stamp()
            && let Err(change) = store::check_unchanged(&path, stamp)
        {
            self.modals.replace(Modal::ChangedOnDisk {
                text: change.message_zh(&path),
            });
            return;
        }
        self.save_to(&path)
    }

    pub(super) fn save_as(&mut self) {
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

    pub(super) fn save_to(&mut self, path: &Path) {
        if let Some(why) = self.refused_save_target(path) {
            self.pending = None;
            self.show_message("保存失败", why);
            return;
        }
        self.notice = format!("正在保存到 {}…", path.display());
        self.run_job(Job::SaveDraft {
            path: path.to_path_buf(),
            draft: Box::new(self.doc.draft().clone()),
            state: self.doc.state(),
        });
    }

    /// Why `path` must not receive the draft: it is material read for import (or a link or
    /// hard link to it), or the open draft under another name (a link or hard link to it).
    fn refused_save_target(&self, path: &Path) -> Option<String> {
        let shown = path.display();
        if self
            .materials_read
            .iter()
            .any(|m| store::is_same_file(m, path))
        {
            return Some(format!(
                "“{shown}”是导入过的素材文件（或指向它的链接）。保存会用稿件覆盖素材，已取消；请另选文件名。"
            ));
        }
        let draft = self.doc.path()?;
        let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        (absolute(draft) != absolute(path) && store::is_same_file(draft, path)).then(|| {
            format!(
                "“{shown}”是正在编辑的稿件的另一个名字（链接）。保存到这里会让两个名字各指一份稿件，已取消；请另选文件名，或直接保存（Ctrl+S）。"
            )
        })
    }

    /// A save finished: the document is saved as it was when the save began.
    pub(super) fn saved(
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
                self.typed_path = None;
                let ctx = self.ctx.clone();
                self.continue_pending_after_save(&ctx);
            }
            Err(error) => {
                self.pending = None;
                // Not 正在保存 any more: the draft is still here, unsaved.
                self.notice = "保存失败，稿件未保存".to_owned();
                self.show_message("保存失败", error.message_zh());
            }
        }
    }

    /// After a save that an unsaved-changes question asked for, carry on with what waited.
    pub(super) fn continue_pending_after_save(&mut self, ctx: &egui::Context) {
        if !self.doc.is_dirty()
            && let Some(pending) = self.pending.take()
        {
            self.proceed(ctx, pending);
        }
    }

    pub(super) fn answer_changed_on_disk(&mut self, answer: ChangedAnswer) {
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

    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let mark = if self.doc.is_dirty() { "● " } else { "" };
        let title = format!("{mark}{} — 剖析", self.doc.display_name());
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }
}

/// Downloaded material opens in the import preview instead of as a draft.
pub(super) fn is_material(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| matches!(e.as_str(), "txt" | "docx" | "doc"))
}

/// A file name from the draft's title, safe on every platform.
pub(super) fn suggested_file_name(draft: &Draft) -> String {
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

/// The writer's own folders, each with its name, as the system knows them (`known`: a name,
/// the folder, its usual names in the home); 主目录 when there is none of them. Without XDG's
/// list of user folders (`user-dirs.dirs`, missing on a bare desktop) the system names none,
/// and the usual folders in the home stand in.
fn user_places(home: &Path, known: [(&str, Option<&Path>, [&str; 2]); 3]) -> Vec<PathPlace> {
    let mut places: Vec<PathPlace> = known
        .iter()
        .filter_map(|(name, folder, usual)| {
            let folder = folder
                .map(Path::to_path_buf)
                .or_else(|| usual.iter().map(|n| home.join(n)).find(|p| p.is_dir()))?;
            Some(PathPlace {
                name: (*name).to_owned(),
                folder,
            })
        })
        .collect();
    if places.is_empty() {
        places.push(PathPlace {
            name: "主目录".to_owned(),
            folder: home.to_path_buf(),
        });
    }
    places
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

    #[test]
    fn the_usual_folders_in_the_home_stand_in_for_unnamed_ones() {
        let home = tempfile::tempdir().expect("a temporary folder");
        let named = |places: &[PathPlace]| -> Vec<(String, PathBuf)> {
            places
                .iter()
                .map(|p| (p.name.clone(), p.folder.clone()))
                .collect()
        };
        let unnamed = |home: &Path| {
            user_places(
                home,
                [
                    ("文档", None, ["Documents", "文档"]),
                    ("桌面", None, ["Desktop", "桌面"]),
                    ("下载", None, ["Downloads", "下载"]),
                ],
            )
        };
        // None at all: the home itself.
        assert_eq!(
            named(&unnamed(home.path())),
            [("主目录".to_owned(), home.path().to_path_buf())]
        );
        // The usual folders that exist, English or Chinese names.
        std::fs::create_dir(home.path().join("Desktop")).expect("a folder");
        std::fs::create_dir(home.path().join("下载")).expect("a folder");
        assert_eq!(
            named(&unnamed(home.path())),
            [
                ("桌面".to_owned(), home.path().join("Desktop")),
                ("下载".to_owned(), home.path().join("下载")),
            ]
        );
        // Folders the system names are taken as they are.
        let documents = home.path().join("我的文档");
        let places = user_places(
            home.path(),
            [
                ("文档", Some(&documents), ["Documents", "文档"]),
                ("桌面", None, ["Desktop", "桌面"]),
                ("下载", None, ["Downloads", "下载"]),
            ],
        );
        assert_eq!(places[0].folder, documents);
        assert_eq!(places.len(), 3);
    }
}
