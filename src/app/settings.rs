//! Settings that survive restarts (recent files, dialog choice), kept as RON in the user's
//! config directory and written through the atomic save path.

use crate::store;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many files the 最近打开 menu remembers.
const RECENT_LIMIT: usize = 10;
const SETTINGS_FILE: &str = "settings.ron";
/// Settings are tiny; refuse anything that is clearly not ours.
const SETTINGS_CAP: u64 = 1024 * 1024;

/// Where Pouxi keeps its own files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppPaths {
    /// settings.ron and the user's ad rules (rules.ron).
    pub config_dir: PathBuf,
    /// Recovery files.
    pub data_dir: PathBuf,
}

impl AppPaths {
    /// The platform's places (`~/.config/pouxi`, `~/.local/share/pouxi` on Linux,
    /// `%APPDATA%\pouxi` on Windows); `POUXI_CONFIG_DIR` and `POUXI_DATA_DIR` override them.
    pub fn from_environment() -> AppPaths {
        let dirs = directories::ProjectDirs::from("", "", "pouxi");
        let fallback = std::env::temp_dir().join("pouxi");
        let config_dir = std::env::var_os("POUXI_CONFIG_DIR")
            .map(PathBuf::from)
            .or_else(|| dirs.as_ref().map(|d| d.config_dir().to_path_buf()))
            .unwrap_or_else(|| fallback.join("config"));
        let data_dir = std::env::var_os("POUXI_DATA_DIR")
            .map(PathBuf::from)
            .or_else(|| dirs.as_ref().map(|d| d.data_dir().to_path_buf()))
            .unwrap_or_else(|| fallback.join("data"));
        AppPaths {
            config_dir,
            data_dir,
        }
    }

    /// Everything under one folder (tests, portable use).
    pub fn under(root: &Path) -> AppPaths {
        AppPaths {
            config_dir: root.join("config"),
            data_dir: root.join("data"),
        }
    }

    pub fn settings_file(&self) -> PathBuf {
        self.config_dir.join(SETTINGS_FILE)
    }

    /// The folder of the user's own templates.
    pub fn user_templates_dir(&self) -> PathBuf {
        self.config_dir.join("templates")
    }

    pub fn user_rules_file(&self) -> PathBuf {
        self.config_dir.join("rules.ron")
    }

    /// The user's review word list (formulations, wrong words), beside the ad rules.
    pub fn user_review_file(&self) -> PathBuf {
        self.config_dir.join(crate::review::USER_FILE)
    }
}

/// Which file dialog Open and Save use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DialogMode {
    /// The system's dialog (portal or zenity on Linux), falling back to the in-window prompt
    /// when none can be shown.
    #[default]
    Native,
    /// Pouxi's own path prompt, always.
    InWindow,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent_files: Vec<PathBuf>,
    pub dialog_mode: DialogMode,
    /// The folder the last dialog was in, to start the next one there.
    pub last_folder: Option<PathBuf>,
    /// The export dialog's layout, font names and text options.
    pub export: crate::export::ExportSettings,
    /// The last export format, by extension (docx, txt, md).
    pub export_format: String,
    /// Where the writer left off, to start there next time.
    pub session: Session,
    /// 视图 → 字号, as egui's zoom factor; `None` is 100 %.
    pub zoom: Option<f32>,
    /// 视图 → 主题.
    pub theme: ThemeChoice,
}

/// The window as the writer left it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    /// The draft that was open, if it had a file.
    pub draft: Option<PathBuf>,
    /// How far the editing column was scrolled, in points.
    pub scroll: f32,
    pub outline_hidden: bool,
    pub review_open: bool,
    /// Inner size of the window in points.
    pub window: Option<[f32; 2]>,
}

/// Light or dark, or whatever the system uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }

    pub fn from_preference(preference: egui::ThemePreference) -> ThemeChoice {
        match preference {
            egui::ThemePreference::System => ThemeChoice::System,
            egui::ThemePreference::Light => ThemeChoice::Light,
            egui::ThemePreference::Dark => ThemeChoice::Dark,
        }
    }
}

/// The smallest and largest window Pouxi restores, in points: a size saved on a larger screen
/// must not open a window bigger than this one can show.
pub const WINDOW_MIN: [f32; 2] = [640.0, 420.0];
pub const WINDOW_MAX: [f32; 2] = [3840.0, 2160.0];

impl Settings {
    /// Reads the settings; a missing or unreadable file gives the defaults (settings are a
    /// convenience and must never stop Pouxi from starting).
    pub fn load(paths: &AppPaths) -> Settings {
        store::read_capped(&paths.settings_file(), SETTINGS_CAP)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, paths: &AppPaths) -> std::io::Result<()> {
        std::fs::create_dir_all(&paths.config_dir)?;
        let text = ron::ser::to_string_pretty(self, store::pretty_config())
            .map_err(std::io::Error::other)?;
        store::atomic_write(&paths.settings_file(), text.as_bytes())
    }

    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(RECENT_LIMIT);
        if let Some(parent) = path.parent() {
            self.last_folder = Some(parent.to_path_buf());
        }
    }

    pub fn forget(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
    }

    /// The window size to open with: the last one, within reason, or a default.
    pub fn window_size(&self) -> [f32; 2] {
        match self.session.window {
            Some([w, h]) if w.is_finite() && h.is_finite() => [
                w.clamp(WINDOW_MIN[0], WINDOW_MAX[0]),
                h.clamp(WINDOW_MIN[1], WINDOW_MAX[1]),
            ],
            _ => [1180.0, 820.0],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_survive_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let paths = AppPaths::under(dir.path());
        let mut settings = Settings::load(&paths);
        assert!(settings.recent_files.is_empty());
        for n in 0..12 {
            settings.remember(Path::new(&format!("/稿件/{n}.ron")));
        }
        settings.remember(Path::new("/稿件/3.ron"));
        settings.save(&paths).unwrap();
        let loaded = Settings::load(&paths);
        assert_eq!(loaded.recent_files.len(), RECENT_LIMIT);
        assert_eq!(loaded.recent_files[0], Path::new("/稿件/3.ron"));
    }

    #[test]
    fn the_session_survives_a_restart_and_a_wild_window_size_is_tamed() {
        let dir = tempfile::tempdir().unwrap();
        let paths = AppPaths::under(dir.path());
        let mut settings = Settings::load(&paths);
        assert_eq!(settings.window_size(), [1180.0, 820.0]);
        settings.session = Session {
            draft: Some(PathBuf::from("/稿件/发言.ron")),
            scroll: 640.0,
            outline_hidden: true,
            review_open: true,
            window: Some([900.0, 600.0]),
        };
        settings.zoom = Some(1.3);
        settings.theme = ThemeChoice::Dark;
        settings.save(&paths).unwrap();
        let loaded = Settings::load(&paths);
        assert_eq!(loaded, settings);
        assert_eq!(loaded.window_size(), [900.0, 600.0]);
        let wild = Settings {
            session: Session {
                window: Some([f32::NAN, 1e9]),
                ..Session::default()
            },
            ..Settings::default()
        };
        assert_eq!(wild.window_size(), [1180.0, 820.0]);
        let huge = Settings {
            session: Session {
                window: Some([10_000.0, 100.0]),
                ..Session::default()
            },
            ..Settings::default()
        };
        assert_eq!(huge.window_size(), [WINDOW_MAX[0], WINDOW_MIN[1]]);
    }

    #[test]
    fn damaged_settings_fall_back_to_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let paths = AppPaths::under(dir.path());
        std::fs::create_dir_all(&paths.config_dir).unwrap();
        std::fs::write(paths.settings_file(), "(((").unwrap();
        assert_eq!(Settings::load(&paths), Settings::default());
    }
}
