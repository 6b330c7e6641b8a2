//! 字数目标: the dialog filled from the draft and its answer applied, row by category id.

use super::PouxiApp;
use crate::draft::targets::TargetsForm;
use crate::ui::TargetsAction;

impl PouxiApp {
    pub(super) fn handle_targets(&mut self, action: TargetsAction, now: f64) {
        match action {
            TargetsAction::Open => self.open_targets(),
            TargetsAction::Set(form) => {
                self.targets_form = None;
                self.set_targets(&form, now);
            }
            TargetsAction::Cancel => self.targets_form = None,
        }
    }

    pub(super) fn open_targets(&mut self) {
        self.targets_form = Some(TargetsForm::from_draft(self.doc.draft()));
    }

    pub(super) fn set_targets(&mut self, form: &TargetsForm, now: f64) {
        let command = form.to_command(self.doc.draft());
        self.edit(command, now);
        self.doc.seal_typing();
        self.notice = "已设置字数目标".to_owned();
    }
}
