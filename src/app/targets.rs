//! 字数目标: the dialog filled from the draft and its answer applied, row by category id.

use super::PouxiApp;
use crate::draft::targets::TargetsForm;

impl PouxiApp {
    pub(super) fn open_targets(&mut self) {
        self.ui.targets_form = Some(TargetsForm::from_draft(self.doc.draft()));
    }

    pub(super) fn set_targets(&mut self, form: &TargetsForm, now: f64) {
        let command = form.to_command(self.doc.draft());
        self.edit(command, now);
        self.doc.seal_typing();
        self.notice = "已设置字数目标".to_owned();
    }
}
