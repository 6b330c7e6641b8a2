//! The 整改清单 as the .docx's appendix: a landscape A4 section after the speech's portrait one,
//! 附件 and the title, a bordered table whose 黑体 header row repeats on every page and whose
//! cells are 仿宋 4号; on by default when a row has a measure, and switched by the settings and
//! by `pouxi export --ledger` / `--no-ledger`. Rendered by LibreOffice, the rows reach
//! landscape pages.

use pouxi::draft::{Command, Draft, LEDGER_COLUMNS, LedgerEntry};
use pouxi::export::{ExportSettings, Format, LedgerChoice, ledger_by_default, render};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

fn seed() -> Draft {
    let path = format!(
        "{}/tests/fixtures/seed_draft.ron",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    pouxi::store::draft_from_ron(&text).unwrap()
}

/// The seed with 责任人, 时限 and a typed 整改措施 in its first row, a 时限 in its third.
fn seed_with_ledger() -> Draft {
    let mut draft = seed();
    let rows = draft.ledger_rows();
    draft
        .apply(Command::SetLedgerEntry {
            problem: rows[0].problem,
            entry: Some(LedgerEntry {
                measures: "每周集中学习一次，每月交流研讨".into(),
                owner: "张三（办公室）".into(),
                deadline: "2026年6月底".into(),
                status: "正在推进".into(),
            }),
        })
        .unwrap();
    draft
        .apply(Command::SetLedgerEntry {
            problem: rows[2].problem,
            entry: Some(LedgerEntry {
                deadline: "长期坚持".into(),
                ..LedgerEntry::default()
            }),
        })
        .unwrap();
    draft
}

fn docx(draft: &Draft, ledger: LedgerChoice) -> Vec<u8> {
    let settings = ExportSettings {
        ledger,
        ..ExportSettings::default()
    };
    render(draft, &settings, Format::Docx).unwrap().bytes
}

fn document_xml(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The text of every `<w:t>` in `xml`, concatenated.
fn text_of(xml: &str) -> String {
    xml.split("<w:t")
        .skip(1)
        .filter_map(|t| {
            let start = t.find('>')? + 1;
            let end = t.find("</w:t>")?;
            Some(&t[start..end])
        })
        .collect()
}

/// The east-Asian font of each run in `xml`.
fn run_fonts(xml: &str) -> Vec<String> {
    xml.split("<w:r>")
        .skip(1)
        .filter_map(|run| {
            let start = run.find("w:eastAsia=\"")? + "w:eastAsia=\"".len();
            let end = run[start..].find('"')?;
            Some(run[start..start + end].to_owned())
        })
        .collect()
}

#[test]
fn the_appendix_is_a_landscape_section_after_the_portrait_speech() {
    let draft = seed_with_ledger();
    let xml = document_xml(&docx(&draft, LedgerChoice::Automatic));
    let sections: Vec<&str> = xml.split("<w:sectPr>").skip(1).collect();
    assert_eq!(sections.len(), 2, "the speech's section and the appendix's");
    // The speech's section sits in its last paragraph, portrait, with its footers.
    let speech = sections[0];
    assert!(speech.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
    assert!(speech.contains("footerReference w:type=\"default\""));
    // (The break sits in the last paragraph's properties, before its runs.)
    let break_at = xml.find("<w:sectPr>").unwrap();
    let before = &xml[..break_at + xml[break_at..].find("</w:p>").unwrap()];
    let speech_only = document_xml(&docx(&draft, LedgerChoice::Off));
    assert_eq!(text_of(before), text_of(&speech_only));
    assert_eq!(
        before.matches("<w:p>").count(),
        speech_only.matches("<w:p>").count(),
        "no paragraph of its own for the break"
    );
    // The appendix: A4 turned, 37/35 mm at the sides, 28/26 mm top and bottom, page numbers on.
    let appendix = sections[1];
    assert!(appendix.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"));
    assert!(appendix.contains("w:top=\"1587\""));
    assert!(appendix.contains("w:bottom=\"1474\""));
    assert!(appendix.contains("w:left=\"1984\""));
    assert!(appendix.contains("w:right=\"2098\""));
    assert!(appendix.contains("footerReference w:type=\"even\""));
    assert!(xml.ends_with("</w:sectPr></w:body></w:document>"));
    // Nothing of the speech after the break; 附件 and the title before the table.
    let after_break = &xml[before.len()..];
    let table_at = after_break.find("<w:tbl>").unwrap();
    assert_eq!(text_of(&after_break[..table_at]), "附件整改清单");
}

#[test]
fn the_table_has_a_repeated_black_header_and_a_row_per_problem() {
    let draft = seed_with_ledger();
    let rows = draft.ledger_rows();
    assert_eq!(rows.len(), 19);
    let xml = document_xml(&docx(&draft, LedgerChoice::On));
    let table = &xml[xml.find("<w:tbl>").unwrap()..xml.find("</w:tbl>").unwrap()];
    assert!(table.contains("<w:tblBorders><w:top w:val=\"single\""));
    assert!(table.contains("<w:insideV w:val=\"single\""));
    let table_rows: Vec<&str> = table.split("<w:tr>").skip(1).collect();
    assert_eq!(table_rows.len(), 1 + rows.len());

    let header = table_rows[0];
    assert!(header.contains("<w:tblHeader/>"));
    assert_eq!(text_of(header), LEDGER_COLUMNS.concat());
    let fonts = run_fonts(header);
    assert_eq!(fonts.len(), LEDGER_COLUMNS.len());
    assert!(fonts.iter().all(|f| f == "黑体"), "{fonts:?}");
    assert!(header.contains("<w:sz w:val=\"28\"/>"));
    // Only the first row repeats.
    assert!(table_rows[1..].iter().all(|r| !r.contains("tblHeader")));

    // The first row's cells, in column order, 仿宋 4号.
    let first = table_rows[1];
    let cells: Vec<String> = first.split("<w:tc>").skip(1).map(text_of).collect();
    assert_eq!(
        cells,
        [
            "1",
            "在理论学习方面",
            "学习举措强度不够",
            "每周集中学习一次，每月交流研讨",
            "张三（办公室）",
            "2026年6月底",
            "正在推进",
        ]
    );
    let fonts = run_fonts(first);
    assert_eq!(fonts.len(), 7);
    assert!(fonts.iter().all(|f| f == "仿宋_GB2312"), "{fonts:?}");
    assert!(first.contains("<w:sz w:val=\"28\"/>"));
    assert!(!first.contains("<w:sz w:val=\"32\"/>"));
    // Empty cells are there, empty; the last row is the last problem.
    let third: Vec<String> = table_rows[3].split("<w:tc>").skip(1).map(text_of).collect();
    assert_eq!(third[4], "");
    assert_eq!(third[5], "长期坚持");
    let last: Vec<String> = table_rows[19]
        .split("<w:tc>")
        .skip(1)
        .map(text_of)
        .collect();
    assert_eq!(last[0], "19");
    assert_eq!(last[2], rows[18].headline);
    // The columns: 序号 narrow, 存在问题 and 整改措施 the widest.
    let widths: Vec<u32> = table
        .split("<w:gridCol w:w=\"")
        .skip(1)
        .map(|w| w[..w.find('"').unwrap()].parse().unwrap())
        .collect();
    assert_eq!(widths.len(), 7);
    assert_eq!(widths.iter().sum::<u32>(), 16838 - 1984 - 2098);
    assert!(widths.iter().all(|w| *w >= widths[0]));
    assert!(widths.iter().all(|w| *w <= widths[2]) && widths[2] == widths[3]);
}

#[test]
fn by_default_the_ledger_comes_with_a_measure_and_the_settings_switch_it() {
    let plain = seed();
    assert!(!ledger_by_default(&plain));
    let xml = document_xml(&docx(&plain, LedgerChoice::Automatic));
    assert!(!xml.contains("<w:tbl>") && !xml.contains("landscape"));
    assert_eq!(xml.matches("<w:sectPr>").count(), 1);
    // A typed 整改措施 in one row turns it on; 时限 alone would not.
    let mut only_deadline = seed();
    let problem = only_deadline.ledger_rows()[0].problem;
    only_deadline
        .apply(Command::SetLedgerEntry {
            problem,
            entry: Some(LedgerEntry {
                deadline: "2026年底".into(),
                ..LedgerEntry::default()
            }),
        })
        .unwrap();
    assert!(!ledger_by_default(&only_deadline));
    let kept = seed_with_ledger();
    assert!(ledger_by_default(&kept));
    assert!(document_xml(&docx(&kept, LedgerChoice::Automatic)).contains("<w:tblHeader/>"));
    assert!(!document_xml(&docx(&kept, LedgerChoice::Off)).contains("<w:tbl>"));
    assert!(document_xml(&docx(&plain, LedgerChoice::On)).contains("<w:tblHeader/>"));
    // .txt and .md never carry it.
    let settings = ExportSettings {
        ledger: LedgerChoice::On,
        ..ExportSettings::default()
    };
    let txt = render(&kept, &settings, Format::Txt).unwrap().bytes;
    assert!(!String::from_utf8(txt).unwrap().contains("张三"));
}

#[test]
fn a_draft_without_problems_gets_no_empty_table_but_a_note() {
    let draft = Draft::with_categories("标题", "二、检视问题", &["在理论学习方面"]);
    let settings = ExportSettings {
        ledger: LedgerChoice::On,
        ..ExportSettings::default()
    };
    let rendered = render(&draft, &settings, Format::Docx).unwrap();
    assert!(!document_xml(&rendered.bytes).contains("<w:tbl>"));
    assert!(rendered.notes.iter().any(|n| n.contains("整改清单")));
}

fn pouxi(args: &[&str], config: &Path) -> std::process::Output {
    Process::new(env!("CARGO_BIN_EXE_pouxi"))
        .args(args)
        .env("POUXI_CONFIG_DIR", config.join("config"))
        .env("POUXI_DATA_DIR", config.join("data"))
        .output()
        .unwrap()
}

#[test]
fn the_command_line_switches_the_appendix() {
    let dir = tempfile::tempdir().unwrap();
    let ron = dir.path().join("稿件.ron");
    pouxi::store::save_draft(&ron, &seed_with_ledger()).unwrap();
    let ron = ron.to_str().unwrap();
    let out = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let tables = |name: &str| {
        let bytes = std::fs::read(dir.path().join(name)).unwrap();
        document_xml(&bytes).matches("<w:tblHeader/>").count()
    };

    let run = pouxi(&["export", ron, "-o", &out("auto.docx")], dir.path());
    assert!(run.status.success(), "{run:?}");
    assert_eq!(tables("auto.docx"), 1);
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(
        said.contains("整改清单 of 19 rows as an appendix"),
        "{said}"
    );

    let run = pouxi(
        &["export", ron, "-o", &out("off.docx"), "--no-ledger"],
        dir.path(),
    );
    assert!(run.status.success(), "{run:?}");
    assert_eq!(tables("off.docx"), 0);
    assert!(!String::from_utf8_lossy(&run.stderr).contains("appendix"));

    // --ledger on a draft whose default is off.
    let plain = dir.path().join("plain.ron");
    pouxi::store::save_draft(&plain, &seed()).unwrap();
    let plain = plain.to_str().unwrap();
    let run = pouxi(&["export", plain, "-o", &out("plain.docx")], dir.path());
    assert!(run.status.success(), "{run:?}");
    assert_eq!(tables("plain.docx"), 0);
    let run = pouxi(
        &["export", plain, "-o", &out("on.docx"), "--ledger"],
        dir.path(),
    );
    assert!(run.status.success(), "{run:?}");
    assert_eq!(tables("on.docx"), 1);

    // Both at once is a mistake clap reports.
    let run = pouxi(
        &[
            "export",
            ron,
            "-o",
            &out("x.docx"),
            "--ledger",
            "--no-ledger",
        ],
        dir.path(),
    );
    assert_eq!(run.status.code(), Some(2));
    assert!(!dir.path().join("x.docx").exists());
}

fn require(tool: &str, package: &str) {
    let found = Process::new(tool).arg("--version").output().is_ok();
    assert!(
        found,
        "`{tool}` is not installed: install the Debian package {package} (as .ci/run does)"
    );
}

/// Renders `bytes` with LibreOffice into `dir`; returns the PDF. With POUXI_KEEP_PRINT set to a
/// folder, the .docx and .pdf are copied there to be looked at.
fn print(bytes: &[u8], dir: &Path) -> PathBuf {
    require("soffice", "libreoffice-writer-nogui");
    require("pdftotext", "poppler-utils");
    let docx = dir.join("ledger.docx");
    std::fs::write(&docx, bytes).unwrap();
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo").display());
    let run = Process::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(&docx)
        .output()
        .unwrap();
    let pdf = dir.join("ledger.pdf");
    assert!(
        pdf.exists(),
        "no PDF: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    if let Some(keep) = std::env::var_os("POUXI_KEEP_PRINT") {
        let keep = PathBuf::from(keep);
        std::fs::create_dir_all(&keep).unwrap();
        std::fs::copy(&docx, keep.join("ledger.docx")).unwrap();
        std::fs::copy(&pdf, keep.join("ledger.pdf")).unwrap();
    }
    pdf
}

/// (width, height) in points of every page of `pdf`.
fn page_sizes(pdf: &Path) -> Vec<(f64, f64)> {
    let info = Process::new("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(pdf)
        .output()
        .unwrap();
    String::from_utf8_lossy(&info.stdout)
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| {
            let numbers: Vec<f64> = l
                .split(':')
                .nth(1)
                .unwrap()
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (numbers[0], numbers[1])
        })
        .collect()
}

#[test]
fn libreoffice_prints_the_ledger_on_landscape_pages_after_the_speech() {
    let dir = tempfile::tempdir().unwrap();
    let draft = seed_with_ledger();
    let speech_pages = {
        let pdf = print(&docx(&draft, LedgerChoice::Off), dir.path());
        page_sizes(&pdf).len()
    };
    let pdf = print(&docx(&draft, LedgerChoice::On), dir.path());
    let sizes = page_sizes(&pdf);
    assert!(sizes.len() > speech_pages, "{sizes:?}");
    for (i, (width, height)) in sizes.iter().enumerate() {
        let landscape = width > height;
        assert_eq!(landscape, i >= speech_pages, "page {}: {sizes:?}", i + 1);
        // A4 either way.
        assert!(
            (width.max(*height) - 842.0).abs() < 2.0 && (width.min(*height) - 595.0).abs() < 2.0
        );
    }
    // Every row's headline is on the landscape pages, and the header on each of them.
    let text = Process::new("pdftotext")
        .args(["-f", &(speech_pages + 1).to_string()])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace([' ', '\n'], "");
    assert!(
        text.starts_with("附件整改清单"),
        "{}",
        &text[..60.min(text.len())]
    );
    // Cells that wrap interleave in the extracted text: count the Chinese characters instead.
    // The header repeats on every landscape page.
    let pages = sizes.len() - speech_pages;
    let mut expected = "附件整改清单".to_owned() + &LEDGER_COLUMNS.concat().repeat(pages);
    for row in draft.ledger_rows() {
        expected.extend(row.cells());
    }
    assert_eq!(han_census(&text), han_census(&expected));
    for row in draft.ledger_rows() {
        let start: String = row.headline.chars().take(6).collect();
        assert!(text.contains(&start), "{} missing", row.headline);
    }
}

fn han_census(text: &str) -> std::collections::BTreeMap<char, usize> {
    let mut census = std::collections::BTreeMap::new();
    for c in text
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
    {
        *census.entry(c).or_default() += 1;
    }
    census
}
