//! The subcommands of the command line: `import`, `check` and `export`. Plain Rust, no window:
//! each `run_*` function takes the user's rule file and two writers standing for stdout and
//! stderr, and returns a [`Status`] that `main` turns into the process exit code.
//!
//! Messages are plain English sentences; Chinese content (category titles, removed text, the
//! `check` report itself) is printed as it is.

use crate::check;
use crate::clean::{self, Flag, Rules};
use crate::draft::numbering::{category_label, finding_label};
use crate::draft::{Draft, TextField};
use crate::export::{self, ExportSettings, Format, Layout};
use crate::import::{self, MaterialKind};
use crate::store;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// How a subcommand ended; its number is the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Done; for `check`, nothing is flagged.
    Ok = 0,
    /// Ad-like text is still in the draft (`check`), or `export` refused because of it.
    Flagged = 1,
    /// A file could not be read or written, or the request makes no sense.
    Failed = 2,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        ExitCode::from(status as u8)
    }
}

/// Writes one line to stderr. A terminal that cannot take it is not worth failing over.
fn say(stderr: &mut impl Write, line: impl std::fmt::Display) {
    let _ = writeln!(stderr, "{line}");
}

/// The built-in rules extended by the user's rule file; a broken file is reported and fails.
fn load_rules(rules_file: &Path, stderr: &mut impl Write) -> Result<Rules, Status> {
    Rules::builtin_with_user(rules_file).map_err(|error| {
        say(
            stderr,
            format_args!(
                "The ad rule file {} cannot be used: {error}. Fix or remove it and try again.",
                rules_file.display()
            ),
        );
        Status::Failed
    })
}

fn load_draft(path: &Path, stderr: &mut impl Write) -> Result<Draft, Status> {
    store::load_draft(path).map_err(|error| {
        say(stderr, &error);
        Status::Failed
    })
}

/// Text shown on one line: line breaks become `⏎`, surrounding whitespace goes.
fn one_line(text: &str) -> String {
    text.trim()
        .replace("\r\n", "\n")
        .replace(['\n', '\r'], " ⏎ ")
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// `pouxi import INPUT [-o OUT.ron]`: reads material, cuts the ads, parses it into a draft and
/// writes the draft file to `output` (atomically) or to stdout. What was removed and a summary
/// go to stderr.
pub fn run_import(
    input: &Path,
    output: Option<&Path>,
    rules_file: &Path,
    stdout: &mut impl Write,
    stderr: &mut impl Write,
) -> Status {
    if let Some(output) = output
        && same_file(input, output)
    {
        say(
            stderr,
            format_args!(
                "The output file {} is the input file; choose another name so the material is kept.",
                output.display()
            ),
        );
        return Status::Failed;
    }
    let material = match import::read_material(input) {
        Ok(material) => material,
        Err(error) => {
            let shown = input.display();
            match error {
                import::ImportError::NotFound(_) => {
                    say(stderr, format_args!("{shown} does not exist."))
                }
                import::ImportError::NotAFile(_) => say(
                    stderr,
                    format_args!("{shown} is not a file, so it cannot be imported."),
                ),
                error => say(stderr, format_args!("Could not import {shown}: {error}.")),
            }
            return Status::Failed;
        }
    };
    let rules = match load_rules(rules_file, stderr) {
        Ok(rules) => rules,
        Err(status) => return status,
    };
    let imported = import::import_text(&material.text, &rules, &BTreeSet::new());

    for span in imported.removed.iter().filter(|s| !s.restored) {
        say(
            stderr,
            format_args!("removed [{}] {}", span.reason, one_line(&span.text)),
        );
    }
    let kind = match material.kind {
        MaterialKind::Docx => "a Word document",
        MaterialKind::Text | MaterialKind::Clipboard => "text",
    };
    say(
        stderr,
        format_args!(
            "Read {} as {kind}, encoding {}.",
            input.display(),
            material.encoding
        ),
    );
    let report = check::report(&imported.draft, &rules);
    print_summary(&report, stderr);
    let stats = &imported.stats;
    say(
        stderr,
        format_args!(
            "Removed {} ad-like spans ({} characters); each is listed above.",
            stats.removed_spans, stats.removed_chars
        ),
    );
    for flag in &report.flagged {
        say(
            stderr,
            format_args!(
                "still present {}: [{}] {}",
                flag.location,
                flag.reason,
                one_line(&flag.text)
            ),
        );
    }

    match output {
        Some(path) => {
            if let Err(error) = store::save_draft(path, &imported.draft) {
                say(stderr, error);
                return Status::Failed;
            }
            say(
                stderr,
                format_args!("Wrote the draft to {}.", path.display()),
            );
        }
        None => {
            let text = store::draft_to_ron(&imported.draft);
            if let Err(error) = stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                say(
                    stderr,
                    format_args!("Could not write the draft to standard output: {error}."),
                );
                return Status::Failed;
            }
        }
    }
    Status::Ok
}

/// Categories, findings and characters, one line per category.
fn print_summary(report: &check::CheckReport, stderr: &mut impl Write) {
    say(
        stderr,
        format_args!(
            "Found {} categories with {} findings, {} characters in all.",
            report.categories.len(),
            report.finding_count,
            report.total_chars
        ),
    );
    for (index, category) in report.categories.iter().enumerate() {
        say(
            stderr,
            format_args!(
                "  {}{}: {} findings, {} characters",
                category_label(index),
                category.title,
                category.findings,
                category.chars
            ),
        );
    }
}

/// `pouxi check DRAFT.ron [--json]`: the report on stdout; [`Status::Flagged`] when ad-like text
/// is still in the draft.
pub fn run_check(
    draft: &Path,
    json: bool,
    rules_file: &Path,
    stdout: &mut impl Write,
    stderr: &mut impl Write,
) -> Status {
    let loaded = match load_draft(draft, stderr) {
        Ok(loaded) => loaded,
        Err(status) => return status,
    };
    let rules = match load_rules(rules_file, stderr) {
        Ok(rules) => rules,
        Err(status) => return status,
    };
    let report = check::report(&loaded, &rules);
    let text = if json {
        report.to_json() + "\n"
    } else {
        report.to_text()
    };
    if let Err(error) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        say(
            stderr,
            format_args!("Could not write the report to standard output: {error}."),
        );
        return Status::Failed;
    }
    if report.is_clean() {
        Status::Ok
    } else {
        say(
            stderr,
            format_args!(
                "{} still holds {} ad-like spans; remove them before handing the speech in.",
                draft.display(),
                report.flagged.len()
            ),
        );
        Status::Flagged
    }
}

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
                "Cannot export to {}: {why}; use .docx, .txt or .md.",
                output.display()
            ),
        );
        return Status::Failed;
    };
    let loaded = match load_draft(draft, stderr) {
        Ok(loaded) => loaded,
        Err(status) => return status,
    };
    let rules = match load_rules(rules_file, stderr) {
        Ok(rules) => rules,
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
        ..ExportSettings::default()
    };
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
    if let Err(error) = store::atomic_write(output, &rendered.bytes) {
        let error = store::StoreError::new(output, store::StoreErrorKind::Write(error.to_string()));
        say(stderr, error);
        return Status::Failed;
    }
    for note in &rendered.notes {
        say(stderr, format_args!("Note: {note}"));
    }
    say(
        stderr,
        format_args!(
            "Wrote the speech to {} ({}, {} layout).",
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

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Docx => "Word",
        Format::Txt => "plain text",
        Format::Markdown => "Markdown",
    }
}

/// Ad-like text the export would write, and where it is in the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GateFlag {
    /// `（三）在能力本领方面 · 二是 · 正文`, as `check` says it.
    pub place: String,
    pub reason: String,
    pub text: String,
}

/// The final gate before export: ad-like text in the speech as it will be written.
///
/// Two scans, because each sees what the other cannot: each exported draft field on its own
/// (line rules such as `来源：…` only fire at the start of a line, which the inline layout
/// joins away; this is what `check` sees, so export refuses whatever `check` flags in the text
/// it writes), and each paragraph of the speech (text split over lines or fields in the draft
/// reads as one there). A paragraph finding already reported for its field is not repeated.
pub fn export_gate(draft: &Draft, layout: Layout, rules: &Rules) -> Vec<GateFlag> {
    let speech = export::speech(draft, layout);
    let exported: Vec<TextField> = speech
        .paragraphs
        .iter()
        .flat_map(|p| p.runs.iter().filter_map(|r| r.source))
        .collect();
    let fields = draft.text_fields();

    let mut found: Vec<(Vec<TextField>, Flag)> = Vec::new();
    for (field, text) in &fields {
        if exported.contains(field) {
            found.extend(
                clean::find_ads(text, rules)
                    .into_iter()
                    .map(|f| (vec![*field], f)),
            );
        }
    }
    let from_fields = found.len();
    for paragraph in &speech.paragraphs {
        let text = paragraph.text();
        for flag in clean::find_ads(&text, rules) {
            let sources = sources_in(paragraph, flag.start, flag.end);
            let known = found[..from_fields].iter().any(|(field, known)| {
                sources.contains(&field[0]) && overlaps(&known.text, &flag.text)
            });
            if !known {
                found.push((sources, flag));
            }
        }
    }
    // Reading order: by field, then as found.
    found.sort_by_key(|(sources, _)| {
        sources
            .first()
            .and_then(|first| fields.iter().position(|(f, _)| f == first))
            .unwrap_or(usize::MAX)
    });
    found
        .into_iter()
        .map(|(sources, flag)| GateFlag {
            place: place(draft, &sources),
            reason: flag.reason,
            text: flag.text,
        })
        .collect()
}

/// The draft fields of the runs that `start..end` of the paragraph's text touches, in order;
/// derived numbers (`一是`) have none.
fn sources_in(paragraph: &export::Paragraph, start: usize, end: usize) -> Vec<TextField> {
    let mut sources = Vec::new();
    let mut offset = 0;
    for run in &paragraph.runs {
        let run_end = offset + run.text.len();
        if let Some(source) = run.source
            && start < run_end
            && offset < end
            && !sources.contains(&source)
        {
            sources.push(source);
        }
        offset = run_end;
    }
    sources
}

/// True when one text, whitespace ignored, holds the other.
fn overlaps(a: &str, b: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let (a, b) = (squeeze(a), squeeze(b));
    a.contains(&b) || b.contains(&a)
}

/// Where text spanning `fields` is, for people, in the words `check` uses:
/// `（三）在能力本领方面 · 二是 · 正文` for one field; the finding or the category holding them
/// all when the text runs over several fields.
fn place(draft: &Draft, fields: &[TextField]) -> String {
    // (category index, finding index, field name) of each field.
    let spots: Vec<(Option<usize>, Option<usize>, &str)> = fields
        .iter()
        .map(|field| match *field {
            TextField::Title => (None, None, "标题"),
            TextField::Heading => (None, None, "小标题"),
            TextField::Opening => (None, None, "开头"),
            TextField::Closing => (None, None, "结尾"),
            TextField::CategoryTitle(id) => (draft.category_index(id), None, "方面标题"),
            TextField::Headline(id) => match draft.locate(id) {
                Some((ci, fi)) => (Some(ci), Some(fi), "问题标题"),
                None => (None, None, "问题标题"),
            },
            TextField::Body(id) => match draft.locate(id) {
                Some((ci, fi)) => (Some(ci), Some(fi), "正文"),
                None => (None, None, "正文"),
            },
        })
        .collect();
    let Some(&(category, finding, name)) = spots.first() else {
        return "正文".to_owned();
    };
    let same_category = spots.iter().all(|s| s.0 == category);
    let same_finding = same_category && spots.iter().all(|s| s.1 == finding);
    let mut parts = Vec::new();
    if let Some(ci) = category
        && same_category
    {
        parts.push(format!(
            "{}{}",
            category_label(ci),
            draft.categories[ci].title.trim()
        ));
        if let Some(fi) = finding
            && same_finding
        {
            parts.push(finding_label(fi));
        }
    }
    if spots.len() == 1 || parts.is_empty() {
        parts.push(name.to_owned());
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Finding, FindingId};

    fn draft_with_body(body: &str) -> Draft {
        let mut draft = Draft::with_categories(
            "标题",
            "二、检视存在的问题",
            &["在理论学习方面", "在能力本领方面"],
        );
        draft.categories[0].findings.push(Finding {
            id: FindingId(100),
            headline: "学习不够".into(),
            body: "学习不够深入。".into(),
        });
        for (i, body) in ["业务水平不够高。", body].into_iter().enumerate() {
            draft.categories[1].findings.push(Finding {
                id: FindingId(200 + i as u64),
                headline: "业务不精".into(),
                body: body.into(),
            });
        }
        draft
    }

    #[test]
    fn gate_passes_a_clean_draft() {
        let draft = draft_with_body("对新业务学得不深。");
        for layout in [Layout::Inline, Layout::Paragraphs] {
            assert!(export_gate(&draft, layout, &Rules::builtin()).is_empty());
        }
    }

    #[test]
    fn gate_names_the_finding_once() {
        let draft = draft_with_body("对新业务学得不深。添加客服微信：abc123，领取资料。");
        for layout in [Layout::Inline, Layout::Paragraphs] {
            let flags = export_gate(&draft, layout, &Rules::builtin());
            assert_eq!(flags.len(), 1, "{layout:?}: {flags:?}");
            assert_eq!(flags[0].place, "（二）在能力本领方面 · 二是 · 正文");
            assert!(flags[0].text.contains("微信"), "{flags:?}");
        }
    }

    #[test]
    fn gate_sees_lines_the_inline_layout_joins() {
        // A site line at the start of a line of the body: the inline paragraph joins it into a
        // long line, where the line rule no longer fires; the field scan still sees it.
        let draft = draft_with_body("对新业务学得不深。\n来源：某某素材网");
        let report = check::report(&draft, &Rules::builtin());
        assert!(!report.is_clean());
        for layout in [Layout::Inline, Layout::Paragraphs] {
            let flags = export_gate(&draft, layout, &Rules::builtin());
            assert!(
                flags.iter().any(|f| f.text.contains("来源")),
                "{layout:?}: {flags:?}"
            );
        }
    }

    #[test]
    fn gate_sees_text_the_speech_joins() {
        // Split over two lines of the body, the contact reads as one only in the speech.
        let draft = draft_with_body("对新业务学得不深。客服QQ\n123456");
        assert!(check::report(&draft, &Rules::builtin()).is_clean());
        let flags = export_gate(&draft, Layout::Inline, &Rules::builtin());
        assert_eq!(flags.len(), 1, "{flags:?}");
        assert_eq!(flags[0].place, "（二）在能力本领方面 · 二是 · 正文");
        assert!(flags[0].text.contains("123456"), "{flags:?}");
    }

    #[test]
    fn text_over_several_fields_is_placed_in_what_holds_them() {
        let draft = draft_with_body("对新业务学得不深。");
        let (first, second) = (
            &draft.categories[1].findings[0],
            &draft.categories[1].findings[1],
        );
        let title = TextField::CategoryTitle(draft.categories[1].id);
        let place = |fields: &[TextField]| place(&draft, fields);
        assert_eq!(
            place(&[TextField::Headline(second.id), TextField::Body(second.id)]),
            "（二）在能力本领方面 · 二是"
        );
        assert_eq!(
            place(&[
                title,
                TextField::Headline(first.id),
                TextField::Body(second.id)
            ]),
            "（二）在能力本领方面"
        );
        assert_eq!(place(&[title]), "（二）在能力本领方面 · 方面标题");
        assert_eq!(place(&[TextField::Title, TextField::Heading]), "标题");
        assert_eq!(place(&[TextField::Closing]), "结尾");
        assert_eq!(place(&[]), "正文");
    }

    #[test]
    fn gate_ignores_fields_the_export_leaves_out() {
        let mut draft = draft_with_body("对新业务学得不深。");
        draft.categories[1].findings.clear();
        draft.categories[1].title = "添加客服微信：abc123，领取资料".into();
        assert!(export_gate(&draft, Layout::Inline, &Rules::builtin()).is_empty());
    }

    #[test]
    fn one_line_marks_line_breaks() {
        assert_eq!(one_line(" 甲\r\n乙\n"), "甲 ⏎ 乙");
    }

    #[test]
    fn status_numbers_are_the_exit_codes() {
        assert_eq!(Status::Ok as u8, 0);
        assert_eq!(Status::Flagged as u8, 1);
        assert_eq!(Status::Failed as u8, 2);
    }
}
