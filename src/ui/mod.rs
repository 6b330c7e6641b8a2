//! The window's contents. Every function here draws from a read-only [`View`] and returns
//! [`Action`]s; nothing here changes the draft or touches a file.

mod action;
mod category_panel;
mod changed_prompt;
mod confirm_remove;
mod dialog_keys;
mod draft_header;
mod draft_list;
pub mod export_dialog;
pub mod find_bar;
mod finding_card;
pub mod fonts;
mod highlight;
pub mod import_dialog;
pub mod ledger_panel;
mod menu_bar;
mod message_box;
mod outline;
mod page_preview;
pub mod path_prompt;
mod recovery_offer;
mod review_panel;
mod section_panel;
mod start_page;
mod status_bar;
pub mod targets_dialog;
mod text_field;
pub mod theme;
mod toolbar;
mod unsaved_prompt;

pub use action::*;
pub use text_field::widget_id as field_widget_id;

use crate::draft::SourceFingerprint;
use crate::draft::targets::{TargetReport, TargetsForm};
use crate::draft::{CategoryId, Draft, FindingId, LedgerRow, TextField};
use crate::review::ReviewGroup;
use crate::search::Match;
use export_dialog::{ExportForm, ExportPreview};
use find_bar::FindState;
use highlight::Highlighter;
use import_dialog::ImportView;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

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
    /// Characters per category of every section (as the status bar counts them), kept by
    /// the app field by field: counting a category of thousands of findings every frame
    /// would slow the typing.
    pub category_chars: &'a HashMap<CategoryId, usize>,
    /// Characters of the whole draft.
    pub total_chars: usize,
    /// The number each part of the speech prints with (`一、`), by index; None for a part
    /// without heading or with nothing to print.
    pub section_numbers: &'a [Option<String>],
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
    /// How many places of advice the writer has ignored (忽略), to bring back.
    pub ignored: usize,
    /// Find matches, while the find bar is open.
    pub matches: &'a [Match],
    /// The material's fingerprint, to mark copied stretches on request.
    pub source: Option<&'a SourceFingerprint>,
    /// The 整改清单's rows while its panel is open, worked out once per change of the draft
    /// (None on the frame the panel opens).
    pub ledger: Option<&'a [LedgerRow]>,
    /// Pages the speech prints on, as the page preview lays it out.
    pub pages: Option<usize>,
    /// Characters of the speech as it prints.
    pub printed_chars: Option<usize>,
}

/// State that belongs to the window only: never saved with the draft.
#[derive(Debug, Default)]
pub struct UiState {
    pub collapsed: HashSet<CategoryId>,
    pub show_outline: bool,
    /// A field to focus (and scroll to) on the next frame.
    pub focus_request: Option<TextField>,
    /// A field to scroll into view without taking the cursor (find next).
    pub reveal: Option<TextField>,
    /// A category to scroll to on the next frame.
    pub scroll_to: Option<CategoryId>,
    /// Row heights and scrolling of the editing column.
    pub list: draft_list::ListState,
    /// The 检查 panel on the right.
    pub show_review: bool,
    /// The 检查 panel shows only the advice about this category.
    pub review_category: Option<CategoryId>,
    /// Mark the stretches still copied from the material.
    pub highlight_copied: bool,
    /// The start page in place of the editor (no draft to go back to at start-up).
    pub start_page: bool,
    /// The text field that last had the keyboard focus, for 编辑 → 剪切 / 复制 / 粘贴 / 全选.
    pub editing: Option<TextField>,
    /// A clipboard operation chosen from a menu, for the field to carry out next frame.
    pub clipboard_op: Option<text_field::PendingClipboard>,
    /// The 整改清单 panel under the editor: open, and its order.
    pub ledger: ledger_panel::LedgerPanelState,
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
            let categories = draft.sections.iter().flat_map(|s| s.categories());
            self.collapsed.extend(categories.map(|c| c.id));
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

/// The forms of the open dialogs, owned by the app's concerns and lent to the window for one
/// frame to edit in place. A dialog that closes says so with an [`Action`].
#[derive(Default)]
pub struct Dialogs<'a> {
    /// The message or question over the window.
    pub modal: Option<&'a mut Modal>,
    /// The paste-import box's text.
    pub paste_box: Option<&'a mut String>,
    pub export: Option<&'a mut ExportForm>,
    pub targets: Option<&'a mut TargetsForm>,
    pub find: Option<&'a mut FindState>,
}

/// Draws the whole window for one frame.
pub fn show(
    ui: &mut egui::Ui,
    view: &View<'_>,
    mut dialogs: Dialogs<'_>,
    state: &mut UiState,
) -> Vec<Action> {
    let mut actions = Vec::new();
    // A clipboard operation no field took up (its field is gone) is dropped after one frame.
    let clipboard_op = state.clipboard_op;
    egui::Panel::top("menu_bar").show(ui, |ui| {
        menu_bar::show(ui, view, state, &mut actions);
    });
    egui::Panel::top("toolbar").show(ui, |ui| {
        toolbar::show(ui, view, state, &mut actions);
    });
    if let Some(find) = dialogs.find.as_deref_mut() {
        egui::Panel::top("find_bar").show(ui, |ui| {
            find_bar::show(ui, find, view.aids.matches.len(), &mut actions)
        });
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
        show_dialogs(ui.ctx(), view, &mut dialogs, &mut actions);
        show_modal(ui, dialogs.modal, &mut actions);
        return actions;
    }
    if state.ledger.open {
        let height = ui.ctx().content_rect().height();
        egui::Panel::bottom("ledger")
            .default_size((height * 0.32).max(150.0))
            .min_size(110.0)
            .max_size(height * 0.6)
            .resizable(true)
            .show(ui, |ui| {
                ledger_panel::show(ui, view, &mut state.ledger, &mut actions)
            });
    }
    if state.show_review {
        egui::Panel::right("review")
            .default_size(320.0)
            .min_size(240.0)
            .resizable(true)
            .show(ui, |ui| {
                review_panel::show(ui, view, &mut state.review_category, &mut actions)
            });
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
    let current = dialogs
        .find
        .as_ref()
        .and_then(|find| view.aids.matches.get(find.current));
    let highlighter = Highlighter {
        palette: Some(theme::Palette::of(ui.visuals())),
        matches: if dialogs.find.is_some() {
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
    show_dialogs(ui.ctx(), view, &mut dialogs, &mut actions);
    show_modal(ui, dialogs.modal, &mut actions);
    if clipboard_op.is_some() && state.clipboard_op == clipboard_op {
        state.clipboard_op = None;
    }
    actions
}

fn show_dialogs(
    ctx: &egui::Context,
    view: &View<'_>,
    dialogs: &mut Dialogs<'_>,
    actions: &mut Vec<Action>,
) {
    if let Some(import) = &view.import {
        import_dialog::show_preview(ctx, import, actions);
    } else if let Some(text) = dialogs.paste_box.as_deref_mut() {
        import_dialog::show_paste_box(ctx, text, actions);
    }
    if let (Some(form), Some(preview)) = (dialogs.export.as_deref_mut(), &view.export) {
        export_dialog::show(ctx, form, preview, actions);
    }
    if let Some(form) = dialogs.targets.as_deref_mut() {
        targets_dialog::show(ctx, form, actions);
    }
}

fn show_modal(ui: &mut egui::Ui, modal: Option<&mut Modal>, actions: &mut Vec<Action>) {
    let Some(modal) = modal else {
        return;
    };
    // The answer comes after the dismissal, so a question the answer raises (a path prompt
    // after 保存) is the one left on screen.
    let mut answers = Vec::new();
    let close = match modal {
        Modal::Unsaved { name } => unsaved_prompt::show(ui.ctx(), name, &mut answers),
        Modal::Message { title, text } => message_box::show(ui.ctx(), title, text),
        Modal::PathPrompt {
            purpose,
            text,
            note,
            places,
        } => path_prompt::show(
            ui.ctx(),
            *purpose,
            text,
            note.as_deref(),
            places,
            &mut answers,
        ),
        Modal::ConfirmRemoveCategory {
            id,
            label,
            findings,
        } => confirm_remove::show(ui.ctx(), *id, label, *findings, &mut answers),
        Modal::ChangedOnDisk { text } => changed_prompt::show(ui.ctx(), text, &mut answers),
        Modal::Recovery { offers } => recovery_offer::show(ui.ctx(), offers, &mut answers),
    };
    if close {
        actions.push(Action::DismissModal);
    }
    actions.extend(answers);
}
