//! Which ad-like spans a draft still holds, field by field: the one answer behind the
//! window's warning marks, the reviewer's ad items, the export gate and the `check` report.
//! [`in_draft`] scans once; [`AdScan`] keeps the answer per field text for the window, so a
//! keystroke rescans one field only.

use crate::clean::{self, Flag, Rules};
use crate::draft::{Command, Draft, FindingId, TextField};
use crate::parallel::{self, Job};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Ad-like spans in one field of the draft; offsets are into that field's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldAds {
    pub field: TextField,
    pub flags: Vec<Flag>,
}

/// The ad-like spans of one field's text. Every scan of a draft field goes through here.
pub fn in_field(text: &str, rules: &Rules) -> Vec<Flag> {
    clean::find_ads(text, rules)
}

/// Every field of the draft that holds ad-like text, in reading order.
pub fn in_draft(draft: &Draft, rules: &Rules) -> Vec<FieldAds> {
    parallel::run_all(scan_jobs(draft, rules))
        .into_iter()
        .flatten()
        .collect()
}

/// About this much text goes to one job of [`scan_jobs`]: enough that a job is worth a
/// thread's while, few enough bytes that a large draft splits evenly among the cores.
const SCAN_JOB_BYTES: usize = 48 * 1024;

/// [`in_draft`] as jobs over runs of consecutive fields; their answers, joined in order, are
/// its answer.
pub fn scan_jobs<'a>(draft: &'a Draft, rules: &'a Rules) -> Vec<Job<'a, Vec<FieldAds>>> {
    fn scan<'a>(fields: Vec<(TextField, &'a str)>, rules: &'a Rules) -> Job<'a, Vec<FieldAds>> {
        Box::new(move || {
            fields
                .into_iter()
                .map(|(field, text)| FieldAds {
                    field,
                    flags: in_field(text, rules),
                })
                .filter(|found| !found.flags.is_empty())
                .collect()
        })
    }
    parallel::in_runs(&draft.text_fields(), |(_, text)| text.len(), SCAN_JOB_BYTES)
        .into_iter()
        .map(|run| scan(run, rules))
        .collect()
}

#[derive(Debug, Default)]
pub struct AdScan {
    revision: Option<u64>,
    /// Per field: the hash of the text scanned and what was found.
    cache: HashMap<TextField, (u64, Vec<Flag>)>,
    /// Reasons per finding, for the warning marks.
    by_finding: HashMap<FindingId, Vec<String>>,
}

fn reason(flag: &Flag) -> String {
    format!("{}：{}", flag.reason, flag.text)
}

fn text_hash(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

impl AdScan {
    pub fn revision(&self) -> Option<u64> {
        self.revision
    }

    /// Brings the scan up to `revision` of the draft. `changed` lists the fields whose text is
    /// all that changed since the last refresh, when that is known; otherwise every field is
    /// looked at again (and rescanned only when its text differs from what was scanned).
    pub fn refresh(
        &mut self,
        draft: &Draft,
        revision: u64,
        changed: Option<&[TextField]>,
        rules: &Rules,
    ) {
        if self.revision == Some(revision) {
            return;
        }
        match changed {
            Some(fields) if self.revision.is_some() => {
                for &field in fields {
                    self.rescan_field(draft, field, rules);
                }
            }
            _ => self.rescan_all(draft, rules),
        }
        self.revision = Some(revision);
    }

    fn rescan_all(&mut self, draft: &Draft, rules: &Rules) {
        let mut cache = HashMap::with_capacity(self.cache.len());
        self.by_finding.clear();
        for (field, text) in draft.text_fields() {
            let hash = text_hash(text);
            let flags = match self.cache.remove(&field) {
                Some((old_hash, flags)) if old_hash == hash => flags,
                _ => in_field(text, rules),
            };
            if !flags.is_empty()
                && let TextField::Headline(id) | TextField::Body(id) = field
            {
                self.by_finding
                    .entry(id)
                    .or_default()
                    .extend(flags.iter().map(reason));
            }
            cache.insert(field, (hash, flags));
        }
        self.cache = cache;
    }

    /// One field's text changed: rescan it and redo its finding's reasons.
    fn rescan_field(&mut self, draft: &Draft, field: TextField, rules: &Rules) {
        match draft.text(field) {
            Some(text) => {
                let hash = text_hash(text);
                if self.cache.get(&field).is_none_or(|(old, _)| *old != hash) {
                    self.cache.insert(field, (hash, in_field(text, rules)));
                }
            }
            None => {
                self.cache.remove(&field);
            }
        }
        if let TextField::Headline(id) | TextField::Body(id) = field {
            let reasons: Vec<String> = [TextField::Headline(id), TextField::Body(id)]
                .iter()
                .filter_map(|f| self.cache.get(f))
                .flat_map(|(_, flags)| flags.iter().map(reason))
                .collect();
            if reasons.is_empty() {
                self.by_finding.remove(&id);
            } else {
                self.by_finding.insert(id, reasons);
            }
        }
    }

    pub fn by_finding(&self) -> &HashMap<FindingId, Vec<String>> {
        &self.by_finding
    }

    /// What the last refresh found, as [`in_draft`] answers it: fields with ads, in reading
    /// order.
    pub fn fields(&self, draft: &Draft) -> Vec<FieldAds> {
        draft
            .text_fields()
            .into_iter()
            .filter_map(|(field, _)| {
                let (_, flags) = self.cache.get(&field)?;
                (!flags.is_empty()).then(|| FieldAds {
                    field,
                    flags: flags.clone(),
                })
            })
            .collect()
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
    fn a_large_draft_is_scanned_in_several_jobs_with_every_field_in_reading_order() {
        let rules = Rules::builtin();
        let mut draft = Template::default_template().to_draft();
        let mut ids = IdSource::after(&draft);
        let filler = "在工作中满足于完成规定动作，学习的针对性、系统性需要加强。".repeat(40);
        for i in 0..120 {
            let body = if i % 7 == 3 {
                format!("{filler}更多精品材料请加客服微信领取")
            } else {
                filler.clone()
            };
            let id = ids.finding();
            draft.categories_mut().unwrap()[i % 5]
                .findings
                .push(Finding {
                    id,
                    headline: format!("问题{i}"),
                    body,
                });
        }
        assert!(scan_jobs(&draft, &rules).len() > 4);
        let one_by_one: Vec<FieldAds> = draft
            .text_fields()
            .into_iter()
            .map(|(field, text)| FieldAds {
                field,
                flags: in_field(text, &rules),
            })
            .filter(|found| !found.flags.is_empty())
            .collect();
        assert_eq!(one_by_one.len(), 17);
        assert_eq!(in_draft(&draft, &rules), one_by_one);
    }

    #[test]
    fn a_typed_field_alone_is_rescanned_and_agrees_with_a_full_scan() {
        let rules = Rules::builtin();
        let mut draft = Template::default_template().to_draft();
        let mut ids = IdSource::after(&draft);
        let id = ids.finding();
        draft.categories_mut().unwrap()[1].findings.push(Finding {
            id,
            headline: "学习不够".into(),
            body: "集中学习少。".into(),
        });
        let mut scan = AdScan::default();
        scan.refresh(&draft, 1, None, &rules);
        assert!(scan.by_finding().is_empty());
        let body = TextField::Body(id);
        draft
            .apply(Command::SetText {
                field: body,
                text: "集中学习少。更多精品材料请加客服微信领取".into(),
            })
            .unwrap();
        scan.refresh(&draft, 2, Some(&[body]), &rules);
        let mut full = AdScan::default();
        full.refresh(&draft, 2, None, &rules);
        assert!(scan.by_finding().contains_key(&id));
        assert_eq!(scan.by_finding(), full.by_finding());
        let found = in_draft(&draft, &rules);
        assert_eq!(scan.fields(&draft), found);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].field, body);
        assert!(found[0].flags[0].text.contains("客服"));
        draft
            .apply(Command::SetText {
                field: body,
                text: "集中学习少。".into(),
            })
            .unwrap();
        scan.refresh(&draft, 3, Some(&[body]), &rules);
        assert!(scan.by_finding().is_empty());
    }

    #[test]
    fn flags_follow_edits_and_removal_clears_them() {
        let rules = Rules::builtin();
        let mut draft = Template::default_template().to_draft();
        let mut ids = IdSource::after(&draft);
        let id = ids.finding();
        draft.categories_mut().unwrap()[0].findings.push(Finding {
            id,
            headline: "学习举措强度不够".into(),
            body: "集中学习少。添加客服微信：dada123，获取更多精品素材！".into(),
        });
        let mut scan = AdScan::default();
        scan.refresh(&draft, 1, None, &rules);
        assert!(scan.by_finding().contains_key(&id));
        let command = scan.removal_command(&draft, &rules).unwrap();
        draft.apply(command).unwrap();
        scan.refresh(&draft, 2, None, &rules);
        assert!(scan.by_finding().is_empty());
        assert!(
            draft.categories()[0].findings[0]
                .body
                .starts_with("集中学习少。")
        );
    }
}
