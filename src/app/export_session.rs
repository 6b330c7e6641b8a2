//! The export dialog's live preview and last gate, recomputed only when the draft or the
//! choices change.

use crate::clean::Rules;
use crate::draft::Draft;
use crate::export::{self, Format, PrintedPage, PunctuationFix};
use crate::ui::export_dialog::ExportForm;

#[derive(Debug, Default)]
pub struct ExportSession {
    /// The dialog's choices, while it is open.
    pub form: Option<ExportForm>,
    computed_for: Option<(u64, ExportForm)>,
    pub text: String,
    pub notes: Vec<String>,
    pub punctuation: Vec<PunctuationFix>,
    pub title_lines: Vec<String>,
    /// The speech on the printed page, as the .docx prints it.
    pub pages: Vec<PrintedPage>,
    /// (where, reason, text) of every flagged span.
    pub flagged: Vec<(String, String, String)>,
    /// Every slot left unfilled.
    pub unfilled: Vec<crate::review::UnfilledSlot>,
    /// Rows of the 整改清单, and whether the automatic choice appends it.
    pub ledger_rows: usize,
    pub ledger_by_default: bool,
}

impl ExportSession {
    /// Brings the preview up to date with the draft and the open dialog's choices.
    pub fn refresh(&mut self, draft: &Draft, revision: u64, rules: &Rules) {
        let Some(form) = &self.form else {
            return;
        };
        let key = (revision, form.clone());
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        self.text = preview_text(draft, form);
        let printed = export::printed_speech(draft, &form.settings);
        self.pages = export::paginate(&printed.speech);
        self.notes = printed.speech.notes;
        self.punctuation = printed.punctuation;
        self.title_lines = export::printed_title(&draft.title);
        self.ledger_rows = draft.ledger_rows().len();
        self.ledger_by_default = export::ledger_by_default(draft);
        self.flagged = export::export_gate(draft, form.settings.layout, rules)
            .into_iter()
            .map(|flag| (flag.place, flag.reason, flag.text))
            .collect();
        self.unfilled = crate::review::unfilled_slots(draft);
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
