//! 查找 / 替换: stepping through the matches and replacing them, each replacement one undo step.

use super::PouxiApp;
use crate::draft::TextField;

impl PouxiApp {
    pub(super) fn open_find(&mut self, replace: bool) {
        let find = self.ui.find.get_or_insert_with(Default::default);
        find.show_replace |= replace;
        find.focus_query = true;
    }

    pub(super) fn step_match(&mut self, forward: bool) {
        let count = self.aids.matches.len();
        let Some(find) = &mut self.ui.find else {
            return;
        };
        if count == 0 {
            return;
        }
        find.current = if forward {
            (find.current + 1) % count
        } else {
            (find.current + count - 1) % count
        };
        let field = self.aids.matches[find.current].field;
        let draft = self.doc.draft();
        if let TextField::Headline(id) | TextField::Body(id) = field
            && let Some((ci, _)) = draft.locate(id)
        {
            self.ui.collapsed.remove(&draft.categories()[ci].id);
        }
        self.ui.reveal = Some(field);
    }

    pub(super) fn replace_current(&mut self, now: f64) {
        let Some(find) = &self.ui.find else {
            return;
        };
        let Some(found) = self.aids.matches.get(find.current) else {
            return;
        };
        if let Some(command) =
            crate::search::replace_one(self.doc.draft(), found, &find.replacement)
        {
            self.doc.seal_typing();
            self.edit(command, now);
            self.doc.seal_typing();
        }
    }

    pub(super) fn replace_all(&mut self, now: f64) {
        let Some(find) = &self.ui.find else {
            return;
        };
        let count = self.aids.matches.len();
        let options = crate::search::SearchOptions {
            match_case: find.match_case,
        };
        if let Some(command) =
            crate::search::replace_all(self.doc.draft(), &find.query, &find.replacement, options)
        {
            self.doc.seal_typing();
            self.edit(command, now);
            self.doc.seal_typing();
            self.doc.name_last_step("全部替换");
            self.notice = format!("已替换 {count} 处（Ctrl+Z 可一步撤销）");
        }
    }
}
