//! The system's file dialogs, with a way out when none can be shown: rfd's portal backend
//! returns "no file" at once when no portal runs (and zenity is missing), which would make Open
//! silently do nothing. An answer faster than a person can give means no dialog appeared.

use super::settings::DialogMode;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Nobody cancels a real dialog this fast.
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(250);
/// Only on Linux and the BSDs can the dialog be missing (no portal, no zenity). Windows' own
/// dialog is always there, so a quick answer there is a quick Esc and no prompt is needed.
const DIALOG_MAY_BE_MISSING: bool = cfg!(not(any(windows, target_os = "macos")));

pub enum DialogOutcome {
    Chosen(PathBuf),
    Cancelled,
    /// No dialog could be shown: ask in the window instead.
    Unavailable,
}

fn dialog(start: Option<&Path>) -> rfd::FileDialog {
    with_start(
        rfd::FileDialog::new().add_filter("剖析稿件", &["ron"]),
        start,
    )
}

fn with_start(dialog: rfd::FileDialog, start: Option<&Path>) -> rfd::FileDialog {
    match start {
        Some(folder) if folder.is_dir() => dialog.set_directory(folder),
        _ => dialog,
    }
}

fn judge(started: Instant, picked: Option<PathBuf>) -> DialogOutcome {
    match picked {
        Some(path) => DialogOutcome::Chosen(path),
        None if DIALOG_MAY_BE_MISSING && started.elapsed() < NO_DIALOG_THRESHOLD => {
            DialogOutcome::Unavailable
        }
        None => DialogOutcome::Cancelled,
    }
}

pub fn pick_draft_to_open(mode: DialogMode, start: Option<&Path>) -> DialogOutcome {
    if mode == DialogMode::InWindow {
        return DialogOutcome::Unavailable;
    }
    let started = Instant::now();
    let picked = dialog(start).set_title("打开稿件").pick_file();
    judge(started, picked)
}

pub fn pick_draft_save_path(
    mode: DialogMode,
    start: Option<&Path>,
    file_name: &str,
) -> DialogOutcome {
    if mode == DialogMode::InWindow {
        return DialogOutcome::Unavailable;
    }
    let started = Instant::now();
    let picked = dialog(start)
        .set_title("另存为")
        .set_file_name(file_name)
        .save_file();
    judge(started, picked)
}

/// A downloaded material to import: .txt or .docx.
pub fn pick_material(mode: DialogMode, start: Option<&Path>) -> DialogOutcome {
    if mode == DialogMode::InWindow {
        return DialogOutcome::Unavailable;
    }
    let started = Instant::now();
    let picked = with_start(rfd::FileDialog::new(), start)
        .add_filter("素材（.txt、.docx）", &["txt", "docx", "TXT", "DOCX"])
        .add_filter("所有文件", &["*"])
        .set_title("导入素材")
        .pick_file();
    judge(started, picked)
}

/// Where to write an export of the given format.
pub fn pick_export_path(
    mode: DialogMode,
    start: Option<&Path>,
    file_name: &str,
    filter_name: &str,
    extension: &str,
) -> DialogOutcome {
    if mode == DialogMode::InWindow {
        return DialogOutcome::Unavailable;
    }
    let started = Instant::now();
    let picked = with_start(rfd::FileDialog::new(), start)
        .add_filter(filter_name, &[extension])
        .set_title("导出")
        .set_file_name(file_name)
        .save_file();
    judge(started, picked)
}

/// Drafts are `.ron` files: a name typed without an extension gets one.
pub fn with_draft_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension("ron")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quick_empty_answer_means_no_dialog_only_where_dialogs_can_be_missing() {
        let quick = judge(Instant::now(), None);
        if cfg!(any(windows, target_os = "macos")) {
            assert!(matches!(quick, DialogOutcome::Cancelled));
        } else {
            assert!(matches!(quick, DialogOutcome::Unavailable));
        }
        let a_second_ago = Instant::now().checked_sub(Duration::from_secs(1)).unwrap();
        assert!(matches!(
            judge(a_second_ago, None),
            DialogOutcome::Cancelled
        ));
        let picked = judge(Instant::now(), Some(PathBuf::from("稿件 一.ron")));
        assert!(matches!(picked, DialogOutcome::Chosen(path) if path == Path::new("稿件 一.ron")));
    }
}
