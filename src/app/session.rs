//! Where the writer left off: the last draft reopened at start with its scroll position and
//! panels (the window size is read by `main` before the window opens), or the start page when
//! there is none; 字号 and 主题 kept as chosen; and 打开所在文件夹 after an export.

use super::PouxiApp;
use super::settings::{Session, ThemeChoice};
use std::path::Path;

impl PouxiApp {
    /// At start-up without a file to open: the last draft, or the start page.
    pub(super) fn resume(&mut self) {
        let session = self.settings.session.clone();
        self.ui.show_outline = !session.outline_hidden;
        self.ui.show_review = session.review_open;
        match session.draft {
            Some(path) if path.is_file() => {
                self.resume_scroll = Some(session.scroll);
                self.open_now(&path);
            }
            _ => self.ui.start_page = true,
        }
    }

    /// Leaves the start page for the editor (tests start in the editor).
    pub fn close_start_page(&mut self) {
        self.ui.start_page = false;
    }

    /// True while the start page is shown instead of the editor.
    pub fn start_page_shown(&self) -> bool {
        self.ui.start_page
    }

    /// A draft that came in to resume goes back to where it was scrolled.
    pub(super) fn scroll_resumed(&mut self) {
        if let Some(offset) = self.resume_scroll.take() {
            self.ui.list.scroll_to(offset);
        }
    }

    /// Keeps 字号 and 主题 once changed (from the menu or Ctrl+= / Ctrl+-), and the session
    /// when the window closes.
    pub(super) fn keep_view_choices(&mut self, ctx: &egui::Context) {
        let zoom = ctx.zoom_factor();
        let zoom = ((zoom - 1.0).abs() > 0.005).then_some(zoom);
        let theme = ThemeChoice::from_preference(ctx.options(|o| o.theme_preference));
        let mut changed = zoom != self.settings.zoom || theme != self.settings.theme;
        self.settings.zoom = zoom;
        self.settings.theme = theme;
        if self.close_confirmed && !self.session_saved {
            self.session_saved = true;
            let window = ctx.input(|i| i.viewport().inner_rect.map(|r| [r.width(), r.height()]));
            self.settings.session = Session {
                draft: self.doc.path().map(Path::to_path_buf),
                scroll: self.ui.list.offset(),
                outline_hidden: !self.ui.show_outline,
                review_open: self.ui.show_review,
                window: window.or(self.settings.session.window),
            };
            changed = true;
        }
        if changed {
            self.store_settings();
        }
    }

    /// For the start-up benchmark: once the first frame is on screen, print
    /// `pouxi: first frame painted` on stdout and close without asking anything.
    pub fn quit_after_first_frame(&mut self) {
        self.startup_probe = Some(0);
    }

    /// The second frame starts only after the first one was painted and shown.
    pub(super) fn probe_startup(&mut self, ctx: &egui::Context) {
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

    /// Shows the folder of the last export in the system's file manager, the file selected
    /// where the platform can.
    pub(super) fn reveal_export(&mut self) {
        let Some(path) = self.exported_to.clone() else {
            return;
        };
        if let Err(error) = reveal_in_file_manager(&path) {
            self.notice = format!("无法打开文件夹：{error}");
        }
    }
}

#[cfg(windows)]
fn reveal_in_file_manager(path: &Path) -> std::io::Result<()> {
    // `explorer /select,` opens the folder with the file selected.
    let mut select = std::ffi::OsString::from("/select,");
    select.push(path);
    std::process::Command::new("explorer").arg(select).spawn()?;
    Ok(())
}

#[cfg(target_os = "macos")]
fn reveal_in_file_manager(path: &Path) -> std::io::Result<()> {
    std::process::Command::new("open")
        .arg("-R")
        .arg(path)
        .spawn()?;
    Ok(())
}

#[cfg(not(any(windows, target_os = "macos")))]
fn reveal_in_file_manager(path: &Path) -> std::io::Result<()> {
    // Desktop Linux has no common "select this file" call; the folder is what xdg-open offers.
    let folder = path.parent().unwrap_or(Path::new("."));
    std::process::Command::new("xdg-open").arg(folder).spawn()?;
    Ok(())
}
