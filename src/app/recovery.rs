//! Never lose a word: unsaved work goes to a recovery file shortly after each change, and the
//! recovery files a crashed Pouxi left are offered at start-up.

use super::{Document, PouxiApp};
use crate::draft::Draft;
use crate::store;
use crate::ui::{Modal, RecoveryAction, RecoveryOffer};
use std::path::{Path, PathBuf};

/// Unsaved work reaches its recovery file this long after the last change at the latest
/// (the write itself runs on the autosaver's thread).
const AUTOSAVE_DELAY: f64 = 0.5;

/// Drafts with at least this much text get their recovery copy before the first change.
const PRIME_ABOVE_BYTES: u64 = 256 * 1024;

impl PouxiApp {
    pub(super) fn handle_recovery(&mut self, action: RecoveryAction) {
        match action {
            RecoveryAction::Restore(key) => self.restore_recovery(&key),
            RecoveryAction::Discard(key) => self.discard_recovery(&key),
        }
    }

    /// Offers the recovery files newer than their drafts, left by a Pouxi that did not get to
    /// save.
    pub(super) fn offer_recovery(&mut self) {
        let listing = self.recovery.list();
        if !listing.unreadable.is_empty() {
            // A message, not the status bar: the next notice (已打开 …) must not hide it.
            let count = listing.unreadable.len();
            let lead = if count == 1 {
                "有一个恢复文件无法读取，已保留在原处：".to_owned()
            } else {
                format!("有 {count} 个恢复文件无法读取，已保留在原处：")
            };
            let list: Vec<String> = listing
                .unreadable
                .iter()
                .take(8)
                .map(|problem| format!("· {}", problem.message_zh()))
                .collect();
            let more = if count > 8 {
                format!("\n（另有 {} 个）", count - 8)
            } else {
                String::new()
            };
            self.show_message(
                "恢复文件无法读取",
                format!("{lead}\n{}{more}", list.join("\n")),
            );
        }
        self.recovery_entries = listing.entries;
        self.refresh_recovery_modal();
    }

    /// Holds a marker on the draft file this window edits, and warns when another window
    /// already holds one: two windows saving one file overwrite each other.
    pub(super) fn keep_open_marker(&mut self) {
        let path = self.doc.path().map(Path::to_path_buf);
        if self.open_marker.as_ref().map(|(p, _)| p) == path.as_ref() {
            return;
        }
        self.open_marker = None;
        let Some(path) = path else {
            return;
        };
        let marker = match store::OpenMarker::claim(&self.paths.data_dir.join("open"), &path) {
            store::MarkerClaim::Claimed(marker) => Some(marker),
            store::MarkerClaim::AlreadyOpen => {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                self.show_message(
                    "稿件已在另一个窗口中打开",
                    format!(
                        "“{name}”已在另一个剖析窗口中打开。两个窗口各自保存会互相覆盖对方的修改；请只在一个窗口中编辑它。两个窗口未保存的修改各有各的恢复副本。"
                    ),
                );
                None
            }
            store::MarkerClaim::Unknown => None,
        };
        self.open_marker = Some((path, marker));
    }

    pub(super) fn refresh_recovery_modal(&mut self) {
        if self.recovery_entries.is_empty() {
            self.modals
                .dismiss_if(|modal| matches!(modal, Modal::Recovery { .. }));
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
        match self.modals.shown_mut() {
            Some(Modal::Recovery { offers: shown }) => *shown = offers,
            _ => self.queue_modal(Modal::Recovery { offers }),
        }
    }

    pub(super) fn restore_recovery(&mut self, key: &str) {
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

    pub(super) fn discard_recovery(&mut self, key: &str) {
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
    pub(super) fn autosave_tick(&mut self, ctx: &egui::Context) {
        for error in self.autosaver.poll_errors() {
            self.notice = error.message_zh();
        }
        if !self.doc.is_dirty() {
            self.prime_recovery();
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

    /// A large draft's first recovery copy takes seconds to write. Written while the draft is
    /// still unchanged, it is in place before the first keystroke, and every keystroke after
    /// only goes to its journal. (An unchanged copy is never offered: it equals its file.)
    fn prime_recovery(&mut self) {
        let key = self.doc.recovery_key();
        if self.doc.path().is_none()
            || self.primed.as_ref() == Some(key)
            || store::text_bytes(self.doc.draft()) < PRIME_ABOVE_BYTES
        {
            return;
        }
        self.primed = Some(key.clone());
        self.autosaver.submit(
            key.clone(),
            self.doc.draft().clone(),
            self.doc.path().map(Path::to_path_buf),
        );
    }

    /// Writes out what the autosaver holds; for tests and for shutting down.
    pub fn flush_recovery(&self) {
        self.autosaver.flush_blocking();
    }
}

pub(super) fn paths_recovery_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("recovery")
}

/// `3 分钟前` and the like.
pub(super) fn time_ago(seconds: u64) -> String {
    match seconds {
        0..60 => "刚刚".to_owned(),
        60..3600 => format!("{} 分钟前", seconds / 60),
        3600..86_400 => format!("{} 小时前", seconds / 3600),
        _ => format!("{} 天前", seconds / 86_400),
    }
}

/// The first words of a draft, to recognise it by.
pub(super) fn excerpt(draft: &Draft) -> String {
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
