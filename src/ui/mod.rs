//! The window's contents. Every function here draws from a read-only [`View`] and returns
//! [`Action`]s; nothing here changes the draft or touches a file.

mod category_panel;
mod changed_prompt;
mod confirm_remove;
mod draft_header;
mod draft_list;
pub mod export_dialog;
pub mod find_bar;
mod finding_card;
pub mod fonts;
mod highlight;
pub mod import_dialog;
mod menu_bar;
mod message_box;
mod outline;
pub mod path_prompt;
mod recovery_offer;
mod review_panel;
mod start_page;
mod status_bar;
pub mod targets_dialog;
mod text_field;
pub mod theme;
mod toolbar;
mod unsaved_prompt;

pub use text_field::widget_id as field_widget_id;

use crate::draft::SourceFingerprint;
use crate::draft::targets::{TargetReport, TargetsForm};
use crate::draft::{CategoryId, Command, Draft, FindingId, TextField};
use crate::review::ReviewGroup;
use crate::search::Match;
use export_dialog::{ExportForm, ExportPreview};
use find_bar::FindState;
use highlight::Highlighter;
use import_dialog::ImportView;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// What the window asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A change to the draft, recorded for undo.
    Edit(Command),
    AddFinding(CategoryId),
    DuplicateFinding(FindingId),
    AddCategory,
    RemoveCategory(CategoryId),
    RestoreTemplate,
    /// A typing burst ended (the field lost focus).
    SealTyping,
    Undo,
    Redo,
    New,
    /// New draft from the built-in template at this index.
    NewFromTemplate(usize),
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    Quit,
    UnsavedAnswer(UnsavedAnswer),
    PathChosen(PathPurpose, PathBuf),
    /// The in-window path prompt was cancelled.
    PathCancelled,
    /// 文件 → 导入素材…
    ImportFile,
    /// 文件 → 粘贴导入: opens the paste box.
    PasteImport,
    ReadClipboard,
    ImportPasted(String),
    ImportToggleSpan(usize),
    /// Import another article of a compilation (index into the preview's articles).
    ImportChooseArticle(usize),
    ImportSetMerge(bool),
    ImportApply,
    ImportCancel,
    /// 文件 → 导出…
    OpenExport,
    ExportWrite,
    ExportRemoveFlagged,
    CopySpeech,
    /// 打开所在文件夹: the folder of the last export, in the system's file manager.
    RevealExport,
    ChangedOnDisk(ChangedAnswer),
    /// Restore the recovery file with this key.
    RecoveryRestore(String),
    RecoveryDiscard(String),
    /// Show this field: open its category, scroll to it, put the cursor in it.
    JumpTo(TextField),
    /// Ctrl+F (false) or Ctrl+H (true).
    OpenFind(bool),
    FindNext,
    FindPrevious,
    ReplaceOne,
    ReplaceAll,
    /// 字数目标… in the menu: fill the form from the draft.
    OpenTargets,
    SetTargets(TargetsForm),
}

/// What to do when the file changed on disk since Pouxi last read or wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangedAnswer {
    Overwrite,
    SaveAs,
    Reload,
    Cancel,
}

/// A draft found in the recovery folder at start-up.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryOffer {
    pub key: String,
    /// The file name, or 未命名稿件 with the draft's title.
    pub name: String,
    /// When it was written, for people: `3 分钟前`.
    pub written: String,
    pub chars: usize,
    /// The first words of the draft.
    pub excerpt: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

/// What a path typed into the in-window prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    Import,
    Export,
}

/// A question or message shown over the window.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    Unsaved {
        name: String,
    },
    Message {
        title: String,
        text: String,
    },
    PathPrompt {
        purpose: PathPurpose,
        text: String,
        note: Option<String>,
        /// 文档, 桌面, 下载 and recent folders, offered as shortcuts.
        places: Vec<path_prompt::Place>,
    },
    ConfirmRemoveCategory {
        id: CategoryId,
        label: String,
        findings: usize,
    },
    ChangedOnDisk {
        text: String,
    },
    Recovery {
        offers: Vec<RecoveryOffer>,
    },
}

/// What the window shows, borrowed from the app for one frame.
pub struct View<'a> {
    pub draft: &'a Draft,
    pub file_name: String,
    pub dirty: bool,
    /// No file yet (a new draft or an import).
    pub never_saved: bool,
    pub can_undo: bool,
    pub can_redo: bool,
    /// What 撤销 and 重做 would undo or redo, in Chinese (`移动问题`).
    pub undo_name: Option<&'a str>,
    pub redo_name: Option<&'a str>,
    /// The file last exported, for 打开所在文件夹.
    pub exported_to: Option<&'a std::path::Path>,
    pub recent_files: &'a [PathBuf],
    /// Names of the built-in templates, for 从模板新建.
    pub template_names: &'a [String],
    /// The latest notice for the status bar (saved, opened, …).
    pub notice: &'a str,
    /// Findings whose text still looks like an ad, with the reasons.
    pub ad_warnings: &'a HashMap<FindingId, Vec<String>>,
    /// Characters per category (as the status bar counts them), by index.
    pub category_chars: &'a [usize],
    /// Characters of the whole draft.
    pub total_chars: usize,
    pub import: Option<ImportView<'a>>,
    pub export: Option<ExportPreview<'a>>,
    pub aids: AidsView<'a>,
}

/// The writing aids' figures for this frame.
#[derive(Default)]
pub struct AidsView<'a> {
    pub targets: Option<&'a TargetReport>,
    /// Share of each finding still copied from the material (only for imported drafts).
    pub copied: Option<&'a HashMap<FindingId, f32>>,
    pub copied_total: Option<f32>,
    /// The reviewer's advice, folded, while the 检查 panel is open.
    pub review: Option<&'a [ReviewGroup]>,
    /// Find matches, while the find bar is open.
    pub matches: &'a [Match],
    /// The material's fingerprint, to mark copied stretches on request.
    pub source: Option<&'a SourceFingerprint>,
}

/// State that belongs to the window only: never saved with the draft.
#[derive(Debug, Default)]
pub struct UiState {
    pub collapsed: HashSet<CategoryId>,
    pub show_outline: bool,
    pub modal: Option<Modal>,
    /// A field to focus (and scroll to) on the next frame.
    pub focus_request: Option<TextField>,
    /// A field to scroll into view without taking the cursor (find next).
    pub reveal: Option<TextField>,
    /// A category to scroll to on the next frame.
    pub scroll_to: Option<CategoryId>,
    /// Row heights and scrolling of the editing column.
    pub list: draft_list::ListState,
    /// The paste-import box, while it is open.
    pub paste_box: Option<String>,
    /// The export dialog's choices, while it is open.
    pub export_form: Option<ExportForm>,
    /// The 检查 panel on the right.
    pub show_review: bool,
    /// The find bar, while open.
    pub find: Option<FindState>,
    /// Mark the stretches still copied from the material.
    pub highlight_copied: bool,
    /// The 字数目标 dialog, while open.
    pub targets_form: Option<TargetsForm>,
    /// The start page in place of the editor (no draft to go back to at start-up).
    pub start_page: bool,
    /// The text field that last had the keyboard focus, for 编辑 → 剪切 / 复制 / 粘贴 / 全选.
    pub editing: Option<TextField>,
    /// A clipboard operation chosen from a menu, for the field to carry out next frame.
    pub clipboard_op: Option<text_field::PendingClipboard>,
}

impl UiState {
    pub fn new() -> UiState {
        UiState {
            show_outline: true,
            ..UiState::default()
        }
    }

    pub fn set_all_collapsed(&mut self, draft: &Draft, collapsed: bool) {
        self.collapsed.clear();
        if collapsed {
            self.collapsed
                .extend(draft.categories().iter().map(|c| c.id));
        }
    }
}

/// Below this width (in points) the outline gives its room to the editing column.
pub const NARROW_WINDOW: f32 = 1000.0;

/// Fonts, text sizes and colours; once, before the first frame.
pub fn install(ctx: &egui::Context) {
    fonts::install(ctx);
    theme::install(ctx);
}

/// Draws the whole window for one frame.
pub fn show(ui: &mut egui::Ui, view: &View<'_>, state: &mut UiState) -> Vec<Action> {
    let mut actions = Vec::new();
    // A clipboard operation no field took up (its field is gone) is dropped after one frame.
    let clipboard_op = state.clipboard_op;
    egui::Panel::top("menu_bar").show(ui, |ui| {
        menu_bar::show(ui, view, state, &mut actions);
    });
    egui::Panel::top("toolbar").show(ui, |ui| {
        toolbar::show(ui, view, state, &mut actions);
    });
    if let Some(find) = state.find.as_mut() {
        let open = egui::Panel::top("find_bar")
            .show(ui, |ui| {
                find_bar::show(ui, find, view.aids.matches.len(), &mut actions)
            })
            .inner;
        if !open {
            state.find = None;
        }
    }
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        status_bar::show(ui, view, &mut actions);
    });
    if state.start_page {
        egui::CentralPanel::default().show(ui, |ui| {
            if start_page::show(ui, view, &mut actions) {
                state.start_page = false;
            }
        });
        show_dialogs(ui.ctx(), view, state, &mut actions);
        show_modal(ui, state, &mut actions);
        return actions;
    }
    if state.show_review {
        egui::Panel::right("review")
            .default_size(320.0)
            .min_size(240.0)
            .resizable(true)
            .show(ui, |ui| review_panel::show(ui, view, &mut actions));
    }
    if state.show_outline && ui.ctx().content_rect().width() >= NARROW_WINDOW {
        egui::Panel::left("outline")
            .default_size(230.0)
            .min_size(160.0)
            .resizable(true)
            .show(ui, |ui| {
                outline::show(ui, view, state);
            });
    }
    let current = state
        .find
        .as_ref()
        .and_then(|find| view.aids.matches.get(find.current));
    let highlighter = Highlighter {
        palette: Some(theme::Palette::of(ui.visuals())),
        matches: if state.find.is_some() {
            view.aids.matches
        } else {
            &[]
        },
        current,
        copied_from: view.aids.source.filter(|_| state.highlight_copied),
    };
    egui::CentralPanel::default().show(ui, |ui| {
        draft_list::show(ui, view, &highlighter, state, &mut actions);
    });
    finding_card::show_drag_preview(ui, view.draft);
    show_dialogs(ui.ctx(), view, state, &mut actions);
    show_modal(ui, state, &mut actions);
    if clipboard_op.is_some() && state.clipboard_op == clipboard_op {
        state.clipboard_op = None;
    }
    actions
}

fn show_dialogs(
    ctx: &egui::Context,
    view: &View<'_>,
    state: &mut UiState,
    actions: &mut Vec<Action>,
) {
    if let Some(import) = &view.import {
        import_dialog::show_preview(ctx, import, actions);
    } else if let Some(text) = state.paste_box.as_mut()
        && !import_dialog::show_paste_box(ctx, text, actions)
    {
        state.paste_box = None;
    }
    if let (Some(form), Some(preview)) = (state.export_form.as_mut(), &view.export)
        && !export_dialog::show(ctx, form, preview, actions)
    {
        state.export_form = None;
    }
    if let Some(form) = state.targets_form.as_mut()
        && !targets_dialog::show(ctx, form, actions)
    {
        state.targets_form = None;
    }
}

fn show_modal(ui: &mut egui::Ui, state: &mut UiState, actions: &mut Vec<Action>) {
    let Some(modal) = state.modal.as_mut() else {
        return;
    };
    let close = match modal {
        Modal::Unsaved { name } => unsaved_prompt::show(ui.ctx(), name, actions),
        Modal::Message { title, text } => message_box::show(ui.ctx(), title, text),
        Modal::PathPrompt {
            purpose,
            text,
            note,
            places,
        } => path_prompt::show(ui.ctx(), *purpose, text, note.as_deref(), places, actions),
        Modal::ConfirmRemoveCategory {
            id,
            label,
            findings,
        } => confirm_remove::show(ui.ctx(), *id, label, *findings, actions),
        Modal::ChangedOnDisk { text } => changed_prompt::show(ui.ctx(), text, actions),
        Modal::Recovery { offers } => recovery_offer::show(ui.ctx(), offers, actions),
    };
    if close {
        state.modal = None;
    }
}
