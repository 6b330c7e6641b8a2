//! Changes to the draft the window asks for, and undo / redo. What the change is gets worked out
//! in [`crate::draft::edits`]; here it is applied and the cursor placed.

use super::PouxiApp;
use crate::draft::edits as draft_edits;
use crate::draft::section_edits;
use crate::draft::{
    Category, CategoryId, Command, FindingId, SectionId, SectionKind, Template, TextField,
};
use crate::ui::EditAction;

impl PouxiApp {
    pub(super) fn handle_edit(&mut self, action: EditAction, now: f64) {
        match action {
            EditAction::Apply(command) => self.edit(command, now),
            EditAction::AddFinding(category) => self.add_finding(category, now),
            EditAction::DuplicateFinding(id) => self.duplicate_finding(id, now),
            EditAction::AddCategory(section) => self.add_category(section, now),
            EditAction::AddSection(index, kind) => self.add_section(index, kind, now),
            EditAction::SwitchSectionBody(id) => self.switch_section_body(id, now),
            EditAction::GenerateMeasures => self.generate_measures(now),
            EditAction::RemoveCategory(id) => self.edit(Command::RemoveCategory { id }, now),
            EditAction::RestoreTemplate => self.restore_template(now),
            EditAction::SealTyping => self.doc.seal_typing(),
            EditAction::Undo => self.undo(),
            EditAction::Redo => self.redo(),
        }
    }

    pub(super) fn edit(&mut self, command: Command, now: f64) {
        if let Err(error) = self.doc.apply(command, now) {
            // The window only sends commands built from the draft it shows; a refusal means
            // the draft changed under it this frame. Nothing was changed.
            self.notice = format!("操作未执行：{error}");
        }
    }

    pub(super) fn add_finding(&mut self, category: CategoryId, now: f64) {
        let (draft, ids) = self.doc.draft_and_ids();
        if let Some((command, id)) = draft_edits::add_finding(draft, category, ids) {
            self.edit(command, now);
            self.ui.focus_request = Some(TextField::Headline(id));
        }
    }

    pub(super) fn duplicate_finding(&mut self, id: FindingId, now: f64) {
        let (draft, ids) = self.doc.draft_and_ids();
        if let Some((command, copy)) = draft_edits::duplicate_finding(draft, id, ids) {
            self.edit(command, now);
            self.ui.focus_request = Some(TextField::Headline(copy));
        }
    }

    pub(super) fn add_category(&mut self, section: Option<SectionId>, now: f64) {
        let category = Category {
            id: self.doc.ids().category(),
            ..Default::default()
        };
        let focus = TextField::CategoryTitle(category.id);
        let draft = self.doc.draft();
        let section = match section {
            Some(id) => draft.section(id),
            None => draft.problems_section(),
        };
        let Some((section, index)) = section.map(|s| (s.id, s.categories().len())) else {
            return;
        };
        self.edit(
            Command::InsertCategory {
                section,
                index,
                category,
            },
            now,
        );
        self.ui.focus_request = Some(focus);
    }

    pub(super) fn add_section(&mut self, index: usize, kind: SectionKind, now: f64) {
        let (draft, ids) = self.doc.draft_and_ids();
        if let Some((command, id)) = section_edits::add_section(draft, index, kind, ids) {
            self.edit(command, now);
            self.doc.seal_typing();
            self.ui.focus_request = Some(TextField::SectionHeading(id));
        }
    }

    pub(super) fn switch_section_body(&mut self, id: SectionId, now: f64) {
        let (draft, ids) = self.doc.draft_and_ids();
        if let Some(command) = section_edits::switch_section_body(draft, id, ids) {
            self.edit(command, now);
            self.doc.seal_typing();
        }
    }

    pub(super) fn generate_measures(&mut self, now: f64) {
        let (draft, ids) = self.doc.draft_and_ids();
        match crate::draft::measures_from_problems(draft, ids) {
            Some(command) => {
                self.edit(command, now);
                self.doc.name_last_step("按问题生成整改措施");
                self.doc.seal_typing();
                self.notice = "已按问题类别生成整改措施的类别（可撤销）".to_owned();
            }
            None => self.notice = "整改措施已有与问题相同的类别".to_owned(),
        }
    }

    pub(super) fn restore_template(&mut self, now: f64) {
        let (draft, ids) = self.doc.draft_and_ids();
        let command = draft_edits::restore_template(draft, &Template::default_template(), ids);
        self.edit(command, now);
        self.doc.name_last_step("恢复模板的类别");
        self.notice = "已恢复模板的问题类别，原有问题均已保留".to_owned();
    }

    pub(super) fn undo(&mut self) {
        let name = self.doc.undo_name().unwrap_or_default().to_owned();
        self.notice = match self.doc.undo() {
            Ok(true) => format!("已撤销 {name}"),
            Ok(false) => "没有可撤销的操作".to_owned(),
            Err(error) => format!("无法撤销：{error}"),
        };
    }

    pub(super) fn redo(&mut self) {
        let name = self.doc.redo_name().unwrap_or_default().to_owned();
        self.notice = match self.doc.redo() {
            Ok(true) => format!("已重做 {name}"),
            Ok(false) => "没有可重做的操作".to_owned(),
            Err(error) => format!("无法重做：{error}"),
        };
    }
}
