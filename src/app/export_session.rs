//! The export dialog's live preview and last gate, recomputed only when the draft or the
//! choices change.

use super::ad_scan::AdScan;
use crate::draft::numbering::{category_label, finding_label};
use crate::draft::{Draft, TextField};
use crate::export::{self, Format};
use crate::ui::export_dialog::ExportForm;

#[derive(Debug, Default)]
pub struct ExportSession {
    computed_for: Option<(u64, ExportForm)>,
    pub text: String,
    pub notes: Vec<String>,
    /// (where, reason, text) of every flagged span.
    pub flagged: Vec<(String, String, String)>,
}

impl ExportSession {
    pub fn refresh(&mut self, draft: &Draft, revision: u64, form: &ExportForm, scan: &AdScan) {
        let key = (revision, form.clone());
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        self.text = preview_text(draft, form);
        self.notes = export::speech(draft, form.settings.layout).notes;
        self.flagged = scan
            .flagged(draft)
            .into_iter()
            .map(|(field, flag)| (field_label(draft, field), flag.reason, flag.text))
            .collect();
        self.computed_for = Some(key);
    }
}

/// Exactly the text the chosen format writes (for .docx, the text of its paragraphs).
fn preview_text(draft: &Draft, form: &ExportForm) -> String {
    match form.format {
        Format::Docx => export::plain_text(draft, &form.settings),
        Format::Txt | Format::Markdown => {
            match export::render(draft, &form.settings, form.format) {
                Ok(rendered) => String::from_utf8_lossy(&rendered.bytes)
                    .trim_start_matches('\u{feff}')
                    .replace("\r\n", "\n"),
                Err(error) => error.to_string(),
            }
        }
    }
}

/// Where a field sits, for people: `（三）二是 · 内容`.
pub fn field_label(draft: &Draft, field: TextField) -> String {
    let finding_place = |id| {
        draft
            .locate(id)
            .map(|(ci, fi)| format!("{}{}", category_label(ci), finding_label(fi)))
            .unwrap_or_default()
    };
    match field {
        TextField::Title => "标题".to_owned(),
        TextField::Heading => "小标题".to_owned(),
        TextField::Opening => "问题部分之前".to_owned(),
        TextField::Closing => "问题部分之后".to_owned(),
        TextField::CategoryTitle(id) => draft
            .category_index(id)
            .map(|ci| format!("{}类别标题", category_label(ci)))
            .unwrap_or_default(),
        TextField::Headline(id) => format!("{} · 标题", finding_place(id)),
        TextField::Body(id) => format!("{} · 内容", finding_place(id)),
    }
}
