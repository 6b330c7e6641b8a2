//! The whole speech exported: section headings `一、` derived from position in 黑体 at outline
//! level 1, categories `（一）` in 楷体 at level 2 (their own line) in every section, the byline
//! in 楷体 centred under the title; .txt and .md carry the same structure; the 整改清单 .xlsx
//! holds one row per problem.

use pouxi::draft::{Command, Draft, Finding, IdSource, SectionKind, Template, TextField};
use pouxi::export::{ExportSettings, Format, Layout, ledger_xlsx, render};
use std::io::Read;

/// The 2025 template with one problem, one cause, one measure, a byline and a line of
/// rectification text.
fn whole_speech() -> Draft {
    let template = Template::builtin()
        .into_iter()
        .find(|t| t.id == "2025-democratic-life")
        .unwrap();
    let mut draft = template.to_draft();
    let mut ids = IdSource::after(&draft);
    let mut commands = vec![
        Command::SetText {
            field: TextField::Byline,
            text: "张三（××局党组书记）".into(),
        },
        Command::SetText {
            field: TextField::DateLine,
            text: "2026年1月".into(),
        },
        Command::SetText {
            field: TextField::SectionText(draft.sections[0].id),
            text: "对照2024年度查摆的4个问题，均已整改到位。".into(),
        },
    ];
    for (kind, headline) in [
        (SectionKind::Problems, "政治站位不够高"),
        (SectionKind::Causes, "理想信念有所松懈"),
        (SectionKind::Measures, "坚持每周集中学习"),
    ] {
        let section = draft.sections.iter().find(|s| s.kind == kind).unwrap();
        commands.push(Command::InsertFinding {
            category: section.categories()[0].id,
            index: 0,
            finding: Finding {
                id: ids.finding(),
                headline: headline.into(),
                body: "正文。".into(),
            },
        });
    }
    draft.apply(Command::Batch(commands)).unwrap();
    draft
}

fn unzip(bytes: &[u8], part: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(part)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// (style, outline level, east-Asian font of the paragraph mark, text) of every paragraph.
fn paragraphs(document: &str) -> Vec<(String, Option<String>, String, String)> {
    let attr = |xml: &str, before: &str| -> Option<String> {
        let start = xml.find(before)? + before.len();
        let end = xml[start..].find('"')?;
        Some(xml[start..start + end].to_owned())
    };
    document
        .split("<w:p>")
        .skip(1)
        .map(|p| {
            let text: String = p
                .split("<w:t xml:space=\"preserve\">")
                .skip(1)
                .filter_map(|t| t.split("</w:t>").next())
                .collect();
            (
                attr(p, "<w:pStyle w:val=\"").unwrap_or_default(),
                attr(p, "<w:outlineLvl w:val=\""),
                attr(p, "w:eastAsia=\"").unwrap_or_default(),
                text,
            )
        })
        .collect()
}

#[test]
fn docx_formats_every_level() {
    let settings = ExportSettings {
        layout: Layout::Paragraphs,
        ..ExportSettings::default()
    };
    let rendered = render(&whole_speech(), &settings, Format::Docx).unwrap();
    let document = unzip(&rendered.bytes, "word/document.xml");
    let found = paragraphs(&document);
    let find = |text: &str| {
        found
            .iter()
            .find(|p| p.3 == text)
            .unwrap_or_else(|| panic!("no paragraph {text}: {found:#?}"))
    };
    let fonts = ExportSettings::default().fonts;
    let byline = find("张三（××局党组书记）");
    assert_eq!(
        (byline.0.as_str(), byline.2.as_str()),
        ("Byline", fonts.category.as_str())
    );
    assert_eq!(find("2026年1月").0, "Byline");
    // The empty 案例剖析 section is left out, and the numbers close up.
    for (heading, _) in [
        (
            "一、2024年度民主生活会整改落实和深入贯彻中央八项规定精神学习教育情况",
            0,
        ),
        ("二、存在的问题", 1),
        ("三、问题产生的原因", 2),
        ("四、整改措施", 3),
    ] {
        let p = find(heading);
        assert_eq!(
            (p.0.as_str(), p.1.as_deref(), p.2.as_str()),
            ("Heading1", Some("0"), fonts.heading.as_str()),
            "{heading}"
        );
    }
    for category in [
        "（一）在带头强化政治忠诚、提高政治能力方面",
        "（一）理想信念方面",
    ] {
        let p = find(category);
        assert_eq!(
            (p.0.as_str(), p.1.as_deref(), p.2.as_str()),
            ("Heading2", Some("1"), fonts.category.as_str()),
            "{category}"
        );
    }
    // A category's only finding is printed without 一是 (main's print rule, LoneFinding).
    let body = find("坚持每周集中学习。正文。");
    assert_eq!(
        (body.0.as_str(), body.2.as_str()),
        ("Normal", fonts.body.as_str())
    );
    assert!(
        rendered
            .notes
            .iter()
            .any(|n| n.contains("反面典型案例剖析")),
        "{:?}",
        rendered.notes
    );
    // Word's navigation pane reads the outline levels from the styles too.
    let styles = unzip(&rendered.bytes, "word/styles.xml");
    assert!(styles.contains("w:styleId=\"Heading1\""));
    assert!(styles.contains("w:styleId=\"Byline\""));
}

#[test]
fn txt_and_md_carry_the_same_structure() {
    let draft = whole_speech();
    let settings = ExportSettings::default();
    let txt = String::from_utf8(render(&draft, &settings, Format::Txt).unwrap().bytes).unwrap();
    let lines: Vec<&str> = txt.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "2025年度民主生活会个人对照检查材料");
    assert_eq!(lines[1], "张三（××局党组书记）");
    assert_eq!(lines[2], "2026年1月");
    assert!(txt.contains("\u{3000}\u{3000}二、存在的问题\n"));
    assert!(txt.contains("\u{3000}\u{3000}（一）理想信念方面。理想信念有所松懈。正文。"));
    assert!(txt.contains("\u{3000}\u{3000}四、整改措施\n"));
    let md = String::from_utf8(render(&draft, &settings, Format::Markdown).unwrap().bytes).unwrap();
    for heading in [
        "## 一、2024年度",
        "## 二、存在的问题",
        "## 三、问题产生的原因",
        "## 四、整改措施",
    ] {
        assert!(md.contains(heading), "{heading} in {md}");
    }
}

#[test]
fn the_ledger_workbook_has_a_row_per_problem() {
    let draft = whole_speech();
    let bytes = ledger_xlsx(&draft).unwrap();
    let strings = unzip(&bytes, "xl/sharedStrings.xml");
    for cell in [
        "序号",
        "问题类别",
        "存在问题",
        "整改措施",
        "责任人/责任部门",
        "整改时限",
        "完成情况",
    ] {
        assert!(strings.contains(cell), "{cell}");
    }
    assert!(strings.contains("政治站位不够高"));
    assert!(strings.contains("在带头强化政治忠诚、提高政治能力方面"));
    let sheet = unzip(&bytes, "xl/worksheets/sheet1.xml");
    // The header and one problem: two rows.
    assert_eq!(sheet.matches("<row ").count(), 2, "{sheet}");
    assert_eq!(draft.ledger_rows().len(), 1);
}
