//! The printed page: the exported .docx rendered by LibreOffice (headless, to PDF) and read
//! back with pdftotext. Every character of the speech must reach the page, and the body must
//! sit 28 characters a line as GB/T 9704 sets it.
//!
//! Needs `soffice` (Debian: libreoffice-writer-nogui), `pdftotext` (poppler-utils), a CJK
//! font that sets curly quotes full-width as Windows' 仿宋 does (fonts-noto-cjk) and Times New
//! Roman's metrics (fonts-liberation); .ci/run installs them. Without them the test fails and says so: a
//! skipped print check would prove nothing.

use pouxi::draft::Draft;
use pouxi::export::{ExportSettings, Format, Layout, render};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn fixture_draft(name: &str) -> Draft {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    pouxi::store::draft_from_ron(&text).expect("fixture draft parses")
}

fn require(tool: &str, package: &str) {
    let found = Command::new(tool).arg("--version").output().is_ok();
    assert!(
        found,
        "`{tool}` is not installed: install the Debian package {package} (as .ci/run does)"
    );
}

/// Writes `draft` as .docx into `dir` and renders it to PDF with LibreOffice; returns the PDF.
fn print_to_pdf(draft: &Draft, layout: Layout, dir: &Path) -> PathBuf {
    require("soffice", "libreoffice-writer-nogui");
    require("pdftotext", "poppler-utils");
    let settings = ExportSettings {
        layout,
        ..ExportSettings::default()
    };
    let rendered = render(draft, &settings, Format::Docx).expect("export");
    let docx = dir.join("speech.docx");
    std::fs::write(&docx, &rendered.bytes).expect("write docx");
    // A profile of its own, so a LibreOffice the developer has open does not take the job.
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo").display());
    let status = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(&docx)
        .output()
        .expect("run soffice");
    let pdf = dir.join("speech.pdf");
    assert!(
        pdf.exists(),
        "LibreOffice wrote no PDF: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    pdf
}

fn pdf_text(pdf: &Path, layout: bool) -> String {
    let mut command = Command::new("pdftotext");
    if layout {
        command.arg("-layout");
    }
    let output = command.arg(pdf).arg("-").output().expect("run pdftotext");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The text of every `<w:t>` in the document part, in order.
fn docx_text(draft: &Draft, layout: Layout) -> String {
    let settings = ExportSettings {
        layout,
        ..ExportSettings::default()
    };
    pouxi::export::speech(draft, settings.layout)
        .paragraphs
        .iter()
        .map(|p| p.text())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Han characters, and each CJK punctuation mark, counted.
fn census(text: &str) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for c in text.chars() {
        let key = if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            "汉字".to_owned()
        } else if "、，。；：？！（）“”《》‘’".contains(c) {
            c.to_string()
        } else {
            continue;
        };
        *counts.entry(key).or_insert(0) += 1;
    }
    counts
}

/// The seed printed once per layout (LibreOffice takes seconds): its plain and its -layout text.
fn printed_seed(layout: Layout) -> &'static (String, String) {
    static INLINE: OnceLock<(String, String)> = OnceLock::new();
    static PARAGRAPHS: OnceLock<(String, String)> = OnceLock::new();
    let cell = match layout {
        Layout::Inline => &INLINE,
        Layout::Paragraphs => &PARAGRAPHS,
    };
    cell.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let pdf = print_to_pdf(&fixture_draft("seed_draft.ron"), layout, dir.path());
        (pdf_text(&pdf, false), pdf_text(&pdf, true))
    })
}

fn every_character_reaches_the_page(draft: &Draft, layout: Layout) {
    let printed = census(&printed_seed(layout).0);
    let written = census(&docx_text(draft, layout));
    assert!(written["汉字"] > 1000, "the fixture holds a whole speech");
    // Page numbers are the only text LibreOffice adds, and they carry no Han or CJK marks.
    assert_eq!(
        printed, written,
        "the printed page lost or gained characters"
    );
}

#[test]
fn every_character_of_the_seed_reaches_the_printed_page() {
    every_character_reaches_the_page(&fixture_draft("seed_draft.ron"), Layout::Inline);
}

#[test]
fn every_character_reaches_the_page_in_the_paragraphs_layout_too() {
    every_character_reaches_the_page(&fixture_draft("seed_draft.ron"), Layout::Paragraphs);
}

#[test]
fn the_body_prints_28_characters_a_line_and_22_lines_a_page() {
    let text = &printed_seed(Layout::Inline).1;
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 3, "the seed runs to several pages");
    // Han characters, full-width marks and curly quotes fill a cell each (Noto CJK, like the
    // Windows 仿宋, sets “” full-width); digits and Latin letters take half a cell. Counted in
    // half cells.
    let half_cells = |line: &str| {
        line.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum::<usize>()
    };
    let cells = |line: &str| half_cells(line).div_ceil(2);
    for (number, page) in pages.iter().enumerate().take(2) {
        let lines: Vec<&str> = page
            .lines()
            .filter(|l| !l.trim().is_empty())
            .filter(|l| !l.trim().starts_with('—'))
            .collect();
        let full = lines.iter().filter(|l| cells(l) == 28).count();
        assert!(
            lines.iter().all(|l| cells(l) <= 28),
            "page {}: a line longer than 28 characters: {lines:#?}",
            number + 1
        );
        // Page 1 carries the title (two lines and a blank one), so it holds 21 printed lines.
        let expected_lines = if number == 0 { 21 } else { 22 };
        assert_eq!(
            lines.len(),
            expected_lines,
            "page {}: {lines:#?}",
            number + 1
        );
        assert!(
            full >= 14,
            "page {}: most lines are full 28-character lines: {lines:#?}",
            number + 1
        );
    }
}

#[test]
fn the_title_prints_in_balanced_lines_broken_between_words() {
    let text = &printed_seed(Layout::Inline).0;
    let lines: Vec<String> = text
        .lines()
        .take(2)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        lines,
        [
            "2023年主题教育专题民主生活会",
            "剖析发言材料（五）（问题部分）"
        ]
    );
}

/// Where each line ends, as a character offset into the lines joined (whitespace dropped).
fn line_ends(lines: &[String]) -> (String, std::collections::BTreeSet<usize>) {
    let mut joined = String::new();
    let mut ends = std::collections::BTreeSet::new();
    let mut offset = 0;
    for line in lines {
        joined.push_str(line);
        offset += line.chars().count();
        ends.insert(offset);
    }
    (joined, ends)
}

/// The page preview (`export::paginate`) against LibreOffice's rendering of the same .docx:
/// the share of LibreOffice's body lines that end at the same character, and the page count.
#[test]
fn the_page_preview_breaks_lines_and_pages_where_libreoffice_does() {
    preview_agrees_with_libreoffice(Layout::Inline);
}

#[test]
fn the_page_preview_agrees_in_the_paragraphs_layout_too() {
    preview_agrees_with_libreoffice(Layout::Paragraphs);
}

fn preview_agrees_with_libreoffice(layout: Layout) {
    let draft = fixture_draft("seed_draft.ron");
    let settings = ExportSettings {
        layout,
        ..ExportSettings::default()
    };
    let speech = pouxi::export::printed_speech(&draft, &settings).speech;
    let pages = pouxi::export::paginate(&speech);
    let preview: Vec<String> = pages
        .iter()
        .flat_map(|page| page.rows.iter().flatten())
        .filter(|line| line.role != pouxi::export::Role::Title)
        .map(|line| line.text.split_whitespace().collect())
        .collect();
    let title_lines = pouxi::export::printed_title(&draft.title).len();

    let printed = &printed_seed(layout).1;
    let printed_pages: Vec<&str> = printed
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    let printed_lines: Vec<String> = printed_pages
        .iter()
        .flat_map(|page| page.lines())
        .map(|line| line.split_whitespace().collect::<String>())
        .filter(|line| !line.is_empty() && !line.starts_with('—'))
        .skip(title_lines)
        .collect();

    let (preview_text, preview_ends) = line_ends(&preview);
    let (printed_text, printed_ends) = line_ends(&printed_lines);
    assert_eq!(preview_text, printed_text, "the same text on both sides");
    let agreeing = printed_ends.intersection(&preview_ends).count();
    let share = agreeing as f64 / printed_ends.len() as f64;
    println!(
        "page preview against LibreOffice ({layout:?}): {agreeing} of {} body lines end at the same character ({:.1}%); pages {} and {}",
        printed_ends.len(),
        share * 100.0,
        pages.len(),
        printed_pages.len()
    );
    assert!(
        share >= 0.95,
        "only {:.1}% of the lines agree; preview {preview:#?} printed {printed_lines:#?}",
        share * 100.0
    );
    assert_eq!(pages.len(), printed_pages.len(), "the same number of pages");
}
