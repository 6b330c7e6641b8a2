//! What the window asks the app to do, one enum per concern of the app, and the questions the
//! app asks back over the window.

use super::path_prompt;
use crate::draft::targets::TargetsForm;
use crate::draft::{CategoryId, Command, FindingId, SectionId, SectionKind, TextField};
use std::path::PathBuf;

/// What the window asks the app to do, sorted by the concern that handles it.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Edit(EditAction),
    File(FileAction),
    Import(ImportAction),
    Export(ExportAction),
    Recovery(RecoveryAction),
    Find(FindAction),
    Targets(TargetsAction),
    /// Show this field: open its category, scroll to it, put the cursor in it.
    JumpTo(TextField),
    /// Show a message or question over the window (after the one on screen, if any).
    ShowModal(Modal),
    /// The message or question over the window was answered or closed.
    DismissModal,
}

impl Action {
    /// A change to the draft, recorded for undo.
    pub fn command(command: Command) -> Action {
        Action::Edit(EditAction::Apply(command))
    }
}

/// Changes to the draft and its history.
#[derive(Debug, Clone, PartialEq)]
pub enum EditAction {
    /// A change to the draft, recorded for undo.
    Apply(Command),
    AddFinding(CategoryId),
    DuplicateFinding(FindingId),
    /// A new category at the end of this section (None: the problems section).
    AddCategory(Option<SectionId>),
    RemoveCategory(CategoryId),
    /// A new section of this kind at this index, started as a writer would start it.
    AddSection(usize, SectionKind),
    /// Paragraphs to categories or back, every word kept.
    SwitchSectionBody(SectionId),
    /// 按问题生成整改措施: one measure category per problem category.
    GenerateMeasures,
    RestoreTemplate,
    /// A typing burst ended (the field lost focus).
    SealTyping,
    Undo,
    Redo,
}

/// Drafts on disk: new, open, save, and the questions around them.
#[derive(Debug, Clone, PartialEq)]
pub enum FileAction {
    New,
    /// New draft from the built-in template at this index.
    NewFromTemplate(usize),
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    /// 保存为模板: the draft's skeleton into the user's templates.
    SaveAsTemplate,
    Quit,
    UnsavedAnswer(UnsavedAnswer),
    PathChosen(PathPurpose, PathBuf),
    /// The in-window path prompt was cancelled.
    PathCancelled,
    ChangedOnDisk(ChangedAnswer),
}

/// Material coming in: from a file or the clipboard, through the preview.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportAction {
    /// 文件 → 导入素材…
    ChooseFile,
    /// 文件 → 粘贴导入: opens the paste box.
    OpenPasteBox,
    ClosePasteBox,
    ReadClipboard,
    Pasted(String),
    ToggleSpan(usize),
    /// Import another article of a compilation (index into the preview's articles).
    ChooseArticle(usize),
    SetMerge(bool),
    Apply,
    Cancel,
}

/// The speech going out.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportAction {
    /// 文件 → 导出…
    Open,
    /// The dialog was closed without writing; its choices are kept for next time.
    Close,
    Write,
    RemoveFlagged,
    CopySpeech,
    /// 打开所在文件夹: the folder of the last export, in the system's file manager.
    Reveal,
}

/// Drafts found in the recovery folder at start-up, by key.
#[derive(Debug, Clone, PartialEq)]
pub enum RecoveryAction {
    Restore(String),
    Discard(String),
}

/// 查找 / 替换.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindAction {
    /// Ctrl+F (false) or Ctrl+H (true).
    Open(bool),
    Close,
    Next,
    Previous,
    ReplaceOne,
    ReplaceAll,
}

/// 字数目标.
#[derive(Debug, Clone, PartialEq)]
pub enum TargetsAction {
    /// 字数目标… in the menu: fill the form from the draft.
    Open,
    Set(TargetsForm),
    Cancel,
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
