//! The writing aids kept fresh for the window: figures, the 检查 panel's items, find matches,
//! and jumping to a field.

use super::PouxiApp;
use crate::draft::TextField;

impl PouxiApp {
    pub(super) fn refresh_aids(&mut self, ctx: &egui::Context) {
        let revision = self.doc.revision();
        let now = ctx.input(|i| i.time);
        if self.changed_at.0 != revision {
            self.changed_at = (revision, now);
        }
        self.aids.refresh_figures(self.doc.draft(), revision);
        if self.ui.show_review {
            let owed = self.aids.refresh_review(
                self.doc.draft(),
                revision,
                &self.rules,
                now - self.changed_at.1,
            );
            if owed {
                ctx.request_repaint_after(std::time::Duration::from_millis(200));
            }
        }
        let settings = match &self.export.form {
            Some(form) => &form.settings,
            None => &self.settings.export,
        };
        let owed = self.aids.refresh_pages(
            self.doc.draft(),
            revision,
            settings,
            now - self.changed_at.1,
        );
        if owed {
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
        }
        if self.ui.ledger.open {
            self.aids.refresh_ledger(self.doc.draft(), revision);
        }
        if let Some(find) = &mut self.find {
            self.aids
                .refresh_matches(self.doc.draft(), revision, &find.query, find.match_case);
            if find.current >= self.aids.matches.len() {
                find.current = 0;
            }
        }
    }

    /// Opens the field's category and puts the cursor in the field.
    pub(super) fn jump_to(&mut self, field: TextField) {
        if let Some(category) = self.doc.draft().category_of(field) {
            self.ui.collapsed.remove(&category);
        }
        self.ui.focus_request = Some(field);
    }
}
