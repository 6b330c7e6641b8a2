//! Character counts for the outline, the category headers and the status bar, kept up to date
//! field by field so a keystroke costs one field's count, not the whole draft's.

use super::Document;
use crate::draft::{CategoryId, Draft, TextField, count_chars};
use std::collections::HashMap;

#[derive(Debug, Default)]
pub struct DraftStats {
    revision: Option<u64>,
    /// Characters of every field, as counted last.
    fields: HashMap<TextField, usize>,
    /// Characters per category, of every section.
    pub category_chars: HashMap<CategoryId, usize>,
    pub total_chars: usize,
    /// The number each part of the speech prints with, by index.
    pub section_numbers: Vec<Option<String>>,
}

impl DraftStats {
    pub fn refresh(&mut self, doc: &Document) {
        if self.revision == Some(doc.revision()) {
            return;
        }
        match self.revision.and_then(|r| doc.changed_fields_since(r)) {
            Some(fields) => {
                for field in fields {
                    self.recount(doc.draft(), field);
                }
            }
            None => self.count_all(doc.draft()),
        }
        self.section_numbers = doc.draft().section_numbers();
        self.revision = Some(doc.revision());
    }

    fn count_all(&mut self, draft: &Draft) {
        self.fields.clear();
        self.total_chars = 0;
        for (field, text) in draft.text_fields() {
            let n = count_chars(text);
            self.fields.insert(field, n);
            self.total_chars += n;
        }
        self.category_chars = draft
            .sections
            .iter()
            .flat_map(|s| s.categories())
            .map(|c| (c.id, c.char_count()))
            .collect();
    }

    fn recount(&mut self, draft: &Draft, field: TextField) {
        let Some(text) = draft.text(field) else {
            return;
        };
        let new = count_chars(text);
        let old = self.fields.insert(field, new).unwrap_or(0);
        self.total_chars = self.total_chars + new - old;
        let category = draft.category_of(field);
        if let Some(count) = category.and_then(|id| self.category_chars.get_mut(&id)) {
            *count = *count + new - old;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Command, Finding, FindingId, Template};

    #[test]
    fn counts_follow_typing_and_moves() {
        let mut draft = Template::default_template().to_draft();
        draft.categories_mut().unwrap()[0].findings.push(Finding {
            id: FindingId(100),
            headline: "学习不够".into(),
            body: "集中 学习少。".into(),
        });
        let mut doc = Document::from_template(draft);
        let mut stats = DraftStats::default();
        let check = |stats: &DraftStats, doc: &Document| {
            let draft = doc.draft();
            assert_eq!(stats.total_chars, draft.char_count());
            let per: HashMap<CategoryId, usize> = draft
                .sections
                .iter()
                .flat_map(|s| s.categories())
                .map(|c| (c.id, c.char_count()))
                .collect();
            assert_eq!(stats.category_chars, per);
        };
        stats.refresh(&doc);
        check(&stats, &doc);
        for text in ["集中学习少。专题研讨少。", "少"] {
            let command = Command::SetText {
                field: TextField::Body(FindingId(100)),
                text: text.into(),
            };
            doc.apply(command, 0.0).unwrap();
            stats.refresh(&doc);
            check(&stats, &doc);
        }
        let to = doc.draft().categories()[2].id;
        let command = Command::MoveFinding {
            id: FindingId(100),
            category: to,
            index: 0,
        };
        doc.apply(command, 1.0).unwrap();
        stats.refresh(&doc);
        check(&stats, &doc);
    }
}
