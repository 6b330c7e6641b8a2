//! `pouxi export`: the speech as .docx, .txt or .md, or the 整改清单 as .xlsx, behind the same
//! ad gate as the window, with what the export left out or left unfilled noted on stderr.

use super::{Status, counted, load_draft, load_draft_and_rules, one_line, say, write_output};
use crate::export::{self, ExportSettings, Format, Layout, LedgerChoice, export_gate};
use crate::store;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What `pouxi export` was asked to do besides which draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// The file to write; its extension names the format.
    pub output: PathBuf,
    pub layout: Layout,
    /// Write even when ad-like text is found.
    pub allow_flagged: bool,
    /// .txt only: start with a UTF-8 byte order mark.
    pub bom: bool,
    /// .txt only: end lines with CR LF.
    pub crlf: bool,
    /// .docx only: append the 整改清单 (`--ledger` / `--no-ledger`; by default when any row
    /// has a measure).
    pub ledger: LedgerChoice,
}

/// `pouxi export DRAFT.ron -o OUT`: the speech as .docx, .txt or .md, written atomically. Refuses
/// ([`Status::Flagged`], nothing written) when the speech holds ad-like text, unless
/// `allow_flagged`.
pub fn run_export(
    draft: &Path,
    options: &ExportOptions,
    rules_file: &Path,
    stderr: &mut impl Write,
) -> Status {
    let output = options.output.as_path();
    let is_xlsx = output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if is_xlsx {
        return export_ledger(draft, output, stderr);
    }
    let Ok(format) = Format::from_path(output) else {
        let why = match output.extension() {
            Some(extension) => format!(
                "Pouxi does not write .{} files",
                extension.to_string_lossy()
            ),
            None => "the name has no extension to tell the format".to_owned(),
        };
        say(
            stderr,
            format_args!(
                "Cannot export to {}: {why}; use .docx, .txt, .md, or .xlsx for the 整改清单.",
                output.display()
            ),
        );
        return Status::Failed;
    };
    if store::is_same_file(draft, output) {
        say(
            stderr,
            format_args!(
                "The output file {} is the draft itself (or a link to it); choose another name so the draft is kept.",
                output.display()
            ),
        );
        return Status::Failed;
    }
    let (loaded, rules) = match load_draft_and_rules(draft, rules_file, stderr) {
        Ok(loaded) => loaded,
        Err(status) => return status,
    };

    let flagged = export_gate(&loaded, options.layout, &rules);
    for flag in &flagged {
        say(
            stderr,
            format_args!("{}: [{}] {}", flag.place, flag.reason, one_line(&flag.text)),
        );
    }
    if !flagged.is_empty() {
        if !options.allow_flagged {
            say(
                stderr,
                format_args!(
                    "Nothing was written: the speech holds {} ad-like spans, listed above. Remove them, or pass --allow-flagged to export anyway.",
                    flagged.len()
                ),
            );
            return Status::Flagged;
        }
        say(
            stderr,
            format_args!(
                "Exporting anyway (--allow-flagged), with {} ad-like spans in the speech.",
                flagged.len()
            ),
        );
    }

    let settings = ExportSettings {
        layout: options.layout,
        txt_bom: options.bom,
        txt_crlf: options.crlf,
        ledger: options.ledger,
        ..ExportSettings::default()
    };
    let with_ledger = format == Format::Docx && options.ledger.includes(&loaded);
    if format != Format::Docx && options.ledger != LedgerChoice::Automatic {
        say(
            stderr,
            "Note: --ledger and --no-ledger apply to .docx only; export the 整改清单 on its own with -o NAME.xlsx.",
        );
    }
    let rendered = match export::render(&loaded, &settings, format) {
        Ok(rendered) => rendered,
        Err(error) => {
            // ExportError speaks Chinese for the window; the command line says it in English.
            let detail = match error {
                export::ExportError::Package(reason) => reason,
                export::ExportError::UnknownFormat(extension) => {
                    format!("unknown format .{extension}")
                }
            };
            say(
                stderr,
                format_args!(
                    "Could not build {}: {detail}. Nothing was written.",
                    output.display()
                ),
            );
            return Status::Failed;
        }
    };
    if !write_output(output, &rendered.bytes, stderr) {
        return Status::Failed;
    }
    for note in &rendered.notes {
        say(stderr, format_args!("Note: {note}"));
    }
    let unfilled = crate::review::unfilled_slots(&loaded);
    if !unfilled.is_empty() {
        let places: Vec<String> = unfilled
            .iter()
            .map(|slot| format!("{} “{}”", slot.place, slot.slot))
            .collect();
        say(
            stderr,
            format_args!(
                "Note: {} as written: {}.",
                counted(
                    unfilled.len(),
                    "unfilled placeholder prints",
                    "unfilled placeholders print"
                ),
                places.join("; ")
            ),
        );
    }
    let rows = loaded.ledger_rows().len();
    let appendix = if with_ledger && rows > 0 {
        format!(
            ", with the 整改清单 of {} as an appendix",
            counted(rows, "row", "rows")
        )
    } else {
        String::new()
    };
    say(
        stderr,
        format_args!(
            "Wrote the speech to {} ({}, {} layout{appendix}).",
            output.display(),
            format_name(format),
            match options.layout {
                Layout::Inline => "inline",
                Layout::Paragraphs => "paragraphs",
            }
        ),
    );
    Status::Ok
}

/// `pouxi export DRAFT.ron -o 清单.xlsx`: the 整改清单, one row per problem, written atomically.
fn export_ledger(draft: &Path, output: &Path, stderr: &mut impl Write) -> Status {
    let loaded = match load_draft(draft, stderr) {
        Ok(loaded) => loaded,
        Err(status) => return status,
    };
    let bytes = match export::ledger_xlsx(&loaded) {
        Ok(bytes) => bytes,
        Err(error) => {
            say(
                stderr,
                format_args!("The 整改清单 could not be laid out: {error}."),
            );
            return Status::Failed;
        }
    };
    if !write_output(output, &bytes, stderr) {
        return Status::Failed;
    }
    say(
        stderr,
        format_args!(
            "Wrote the 整改清单 ({}) to {}.",
            counted(loaded.ledger_rows().len(), "row", "rows"),
            output.display()
        ),
    );
    Status::Ok
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Docx => "Word",
        Format::Txt => "plain text",
        Format::Markdown => "Markdown",
    }
}
