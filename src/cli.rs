//! The subcommands of the command line: `import`, `check`, `export`, `templates` and `new`. Plain Rust, no window:
//! each `run_*` function takes the user's rule file and two writers standing for stdout and
//! stderr, and returns a [`Status`] that `main` turns into the process exit code.
//!
//! Messages are plain English sentences; Chinese content (category titles, removed text, the
//! `check` report itself) is printed as it is.

use crate::check;
use crate::clean::Rules;
use crate::draft::Draft;
use crate::draft::numbering::category_label;
use crate::import::{self, MaterialKind};
use crate::review::Lexicon;
use crate::store;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod exporting;
pub use exporting::{ExportOptions, run_export};

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

/// The user's review word list sits beside the ad rule file, in the same config folder.
fn review_file(rules_file: &Path) -> PathBuf {
    rules_file.with_file_name(crate::review::USER_FILE)
}

/// The built-in review word list extended by the user's `review.ron`; a broken file is
/// reported and fails, as a broken rule file does.
fn load_lexicon(rules_file: &Path, stderr: &mut impl Write) -> Result<Lexicon, Status> {
    let path = review_file(rules_file);
    Lexicon::builtin_with_user(&path).map_err(|error| {
        say(
            stderr,
            format_args!(
                "The review word list {} cannot be used: {error}. Fix or remove it and try again.",
                path.display()
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
/// The draft at `draft` and the rules that check it, for `check` and `export`.
fn load_draft_and_rules(
    draft: &Path,
    rules_file: &Path,
    stderr: &mut impl Write,
) -> Result<(Draft, Rules), Status> {
    let loaded = load_draft(draft, stderr)?;
    Ok((loaded, load_rules(rules_file, stderr)?))
}

fn one_line(text: &str) -> String {
    text.trim()
        .replace("\r\n", "\n")
        .replace(['\n', '\r'], " ⏎ ")
}

/// `pouxi import INPUT [-o OUT.ron]`: reads material, cuts the ads, parses it into a draft and
/// writes the draft file to `output` (atomically) or to stdout. What was removed and a summary
/// go to stderr.
/// Where `pouxi import` writes, and which article of a compilation it takes.
#[derive(Debug, Clone, Copy)]
pub struct ImportTarget<'a> {
    /// The draft file; None writes the draft to stdout.
    pub output: Option<&'a Path>,
    /// 1-based article of a compilation (篇一、篇二…); 1 for ordinary material.
    pub article: usize,
}

pub fn run_import(
    input: &Path,
    target: ImportTarget<'_>,
    rules_file: &Path,
    stdout: &mut impl Write,
    stderr: &mut impl Write,
) -> Status {
    let output = target.output;
    if let Some(output) = output
        && store::is_same_file(input, output)
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
    let articles = import::articles(&material.text);
    let Some(chosen) = target.article.checked_sub(1).and_then(|i| articles.get(i)) else {
        say(
            stderr,
            format_args!(
                "{} holds {}; there is no article {}.",
                input.display(),
                counted(articles.len(), "article", "articles"),
                target.article
            ),
        );
        return Status::Failed;
    };
    if articles.len() > 1 {
        say(
            stderr,
            format_args!(
                "{} is a compilation of {} articles; importing article {}: {}",
                input.display(),
                articles.len(),
                target.article,
                chosen.title
            ),
        );
        for (i, article) in articles.iter().enumerate() {
            if i + 1 != target.article {
                say(
                    stderr,
                    format_args!(
                        "  article {} (--article {}): {}",
                        i + 1,
                        i + 1,
                        article.title
                    ),
                );
            }
        }
    }
    let text = &material.text[chosen.start..chosen.end];
    let imported = import::import_text(text, &rules, &BTreeSet::new());

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
    // What is still present is looked for while the draft is written: neither waits for the
    // other, and the messages still come in their order below.
    enum Written<'a> {
        File(&'a Path, Result<(), store::StoreError>),
        Text(String),
    }
    let draft = &imported.draft;
    let (report, written) = crate::parallel::join(
        || check::ads_report(draft, &rules),
        || match output {
            Some(path) => Written::File(path, store::save_draft(path, draft)),
            None => Written::Text(store::draft_to_ron(draft)),
        },
    );
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

    match written {
        Written::File(path, saved) => {
            if let Err(error) = saved {
                say(stderr, error);
                return Status::Failed;
            }
            say(
                stderr,
                format_args!("Wrote the draft to {}.", path.display()),
            );
        }
        Written::Text(text) => {
            if text.len() as u64 > store::MAX_DRAFT_BYTES {
                say(
                    stderr,
                    format_args!(
                        "The draft would be {} bytes, over the {}-byte limit Pouxi reads back; nothing was written.",
                        text.len(),
                        store::MAX_DRAFT_BYTES
                    ),
                );
                return Status::Failed;
            }
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
            "Found {} with {}, {} in all.",
            counted(report.categories.len(), "category", "categories"),
            counted(report.finding_count, "finding", "findings"),
            counted(report.total_chars, "character", "characters")
        ),
    );
    if report.sections.len() > 1 {
        let parts: Vec<String> = report
            .sections
            .iter()
            .map(|s| match s.title.as_str() {
                "" => format!("({}, no heading)", s.kind),
                title => format!("{title} ({})", s.kind),
            })
            .collect();
        say(
            stderr,
            format_args!(
                "The speech has {}: {}.",
                counted(parts.len(), "section", "sections"),
                parts.join(", ")
            ),
        );
    }
    for (index, category) in report.categories.iter().enumerate() {
        say(
            stderr,
            format_args!(
                "  {}{}: {}, {}",
                category_label(index),
                category.title,
                counted(category.findings, "finding", "findings"),
                counted(category.chars, "character", "characters")
            ),
        );
    }
}

/// `1 finding`, `3 findings`.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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
    let (loaded, rules) = match load_draft_and_rules(draft, rules_file, stderr) {
        Ok(loaded) => loaded,
        Err(status) => return status,
    };
    let lexicon = match load_lexicon(rules_file, stderr) {
        Ok(lexicon) => lexicon,
        Err(status) => return status,
    };
    let report = check::report_with(&loaded, &rules, &lexicon);
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

/// One template as `pouxi templates --json` lists it.
#[derive(serde::Serialize)]
struct TemplateListing<'a> {
    id: &'a str,
    name: &'a str,
    year: Option<u32>,
    kind: &'a str,
    sections: Vec<TemplateSectionListing<'a>>,
}

#[derive(serde::Serialize)]
struct TemplateSectionListing<'a> {
    title: &'a str,
    kind: &'static str,
    categories: Vec<&'a str>,
}

/// `pouxi templates [--json]`: the built-in templates and the user's (from `user_dir`); a
/// broken user template is reported on stderr and skipped.
pub fn run_templates(
    json: bool,
    user_dir: &Path,
    stdout: &mut impl Write,
    stderr: &mut impl Write,
) -> Status {
    let templates = store::Templates::load(Some(user_dir));
    for problem in &templates.problems {
        say(stderr, format_args!("Note: {problem}."));
    }
    if json {
        let listing: Vec<TemplateListing> = templates
            .list
            .iter()
            .map(|t| TemplateListing {
                id: &t.id,
                name: &t.name,
                year: t.year,
                kind: &t.kind,
                sections: t
                    .sections
                    .iter()
                    .map(|s| TemplateSectionListing {
                        title: &s.heading,
                        kind: s.kind.key(),
                        categories: t.section_titles(s),
                    })
                    .collect(),
            })
            .collect();
        let text = serde_json::to_string_pretty(&listing).unwrap_or_else(|_| "[]".to_owned());
        let _ = writeln!(stdout, "{text}");
    } else {
        for t in &templates.list {
            let year = t.year.map_or("—".to_owned(), |y| y.to_string());
            let _ = writeln!(stdout, "{}\t{year}\t{}\t{}", t.id, t.kind, t.name);
        }
    }
    Status::Ok
}

/// `pouxi new --template ID -o DRAFT.ron`: a new draft from a template, written atomically.
/// Refuses to overwrite an existing file.
pub fn run_new(template: &str, output: &Path, user_dir: &Path, stderr: &mut impl Write) -> Status {
    let templates = store::Templates::load(Some(user_dir));
    let Some(found) = templates.find(template) else {
        let ids: Vec<&str> = templates.list.iter().map(|t| t.id.as_str()).collect();
        say(
            stderr,
            format_args!(
                "There is no template “{template}”; the templates are: {}.",
                ids.join(", ")
            ),
        );
        return Status::Failed;
    };
    if output.exists() {
        say(
            stderr,
            format_args!(
                "{} already exists; choose another name or remove it first.",
                output.display()
            ),
        );
        return Status::Failed;
    }
    let draft = found.to_draft();
    if !write_output(output, store::draft_to_ron(&draft).as_bytes(), stderr) {
        return Status::Failed;
    }
    say(
        stderr,
        format_args!(
            "Wrote a new draft from “{}” to {}.",
            found.name,
            output.display()
        ),
    );
    Status::Ok
}

/// Writes `bytes` to `output` atomically; says why in a plain sentence when it cannot.
fn write_output(output: &Path, bytes: &[u8], stderr: &mut impl Write) -> bool {
    match store::atomic_write(output, bytes) {
        Ok(()) => true,
        Err(error) => {
            say(stderr, store::StoreError::from_write_io(output, &error));
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
