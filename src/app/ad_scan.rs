//! Ad-like text still in the draft, field by field: drives the warning marks on findings and
//! the last gate before export. Cached per field text, so a keystroke rescans one field only.

use crate::clean::{self, Flag, Rules};
use crate::draft::{Command, Draft, FindingId, TextField};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

#[derive(Debug, Default)]
pub struct AdScan {
    revision: Option<u64>,
    /// Per field: the hash of the text scanned and what was found.
    cache: HashMap<TextField, (u64, Vec<Flag>)>,
    /// Reasons per finding, for the warning marks.
    by_finding: HashMap<FindingId, Vec<String>>,
}

fn text_hash(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

impl AdScan {
    /// Rescans what changed since `revision`.
    pub fn refresh(&mut self, draft: &Draft, revision: u64, rules: &Rules) {
        if self.revision == Some(revision) {
            return;
        }
        self.revision = Some(revision);
        let mut cache = HashMap::with_capacity(self.cache.len());
        self.by_finding.clear();
        for (field, text) in draft.text_fields() {
            let hash = text_hash(text);
            let flags = match self.cache.remove(&field) {
                Some((old_hash, flags)) if old_hash == hash => flags,
                _ => clean::find_ads(text, rules),
            };
            if !flags.is_empty()
                && let TextField::Headline(id) | TextField::Body(id) = field
            {
                self.by_finding
                    .entry(id)
                    .or_default()
                    .extend(flags.iter().map(|f| format!("{}：{}", f.reason, f.text)));
            }
            cache.insert(field, (hash, flags));
        }
        self.cache = cache;
    }

    pub fn by_finding(&self) -> &HashMap<FindingId, Vec<String>> {
        &self.by_finding
    }

    /// One undoable step that cuts every flagged span out of the draft.
    pub fn removal_command(&self, draft: &Draft, rules: &Rules) -> Option<Command> {
        let commands: Vec<Command> = draft
            .text_fields()
            .into_iter()
            .filter(|(field, _)| {
                self.cache
                    .get(field)
                    .is_some_and(|(_, flags)| !flags.is_empty())
            })
            .map(|(field, text)| Command::SetText {
                field,
                text: clean::clean_pasted(text, rules).0,
            })
            .collect();
        (!commands.is_empty()).then_some(Command::Batch(commands))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Finding, IdSource, Template};

    #[test]
    fn flags_follow_edits_and_removal_clears_them() {
        let rules = Rules::builtin();
        let mut draft = Template::default_template().to_draft();
        let mut ids = IdSource::after(&draft);
        let id = ids.finding();
        draft.categories[0].findings.push(Finding {
            id,
            headline: "学习举措强度不够".into(),
            body: "集中学习少。添加客服微信：dada123，获取更多精品素材！".into(),
        });
        let mut scan = AdScan::default();
        scan.refresh(&draft, 1, &rules);
        assert!(scan.by_finding().contains_key(&id));
        let command = scan.removal_command(&draft, &rules).unwrap();
        draft.apply(command).unwrap();
        scan.refresh(&draft, 2, &rules);
        assert!(scan.by_finding().is_empty());
        assert!(
            draft.categories[0].findings[0]
                .body
                .starts_with("集中学习少。")
        );
    }
}
