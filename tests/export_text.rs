//! The .txt and .md exports.

use pouxi::draft::Draft;
use pouxi::export::{ExportSettings, Format, Layout, render};

fn seed() -> Draft {
    let path = format!(
        "{}/tests/fixtures/seed_draft.ron",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    pouxi::store::draft_from_ron(&text).expect("seed_draft.ron parses")
}

fn export(draft: &Draft, settings: &ExportSettings, format: Format) -> String {
    let bytes = render(draft, settings, format).unwrap().bytes;
    String::from_utf8(bytes).unwrap()
}

#[test]
fn txt_layout_title_blank_lines_and_indents() {
    let text = export(&seed(), &ExportSettings::default(), Format::Txt);
    let lines: Vec<&str> = text.split('\n').collect();
    assert_eq!(
        lines[0],
        "2023年主题教育专题民主生活会剖析发言材料（五）（问题部分）"
    );
    assert_eq!(lines[1], "");
    assert_eq!(lines[2], "\u{3000}\u{3000}一、检视存在的问题");
    assert_eq!(lines[3], "");
    assert!(lines[4].starts_with("\u{3000}\u{3000}（一）在理论学习方面。一是学习举措强度不够。"));
    assert!(text.ends_with("但有的管理制度还不健全。\n"));
    assert!(!text.ends_with("\n\n"));
    assert!(!text.contains('\r'));
    assert!(!text.starts_with('\u{feff}'));
}

#[test]
fn txt_bom_and_crlf_options() {
    let draft = seed();
    let plain = export(&draft, &ExportSettings::default(), Format::Txt);
    let settings = ExportSettings {
        txt_bom: true,
        txt_crlf: true,
        ..ExportSettings::default()
    };
    let bytes = render(&draft, &settings, Format::Txt).unwrap().bytes;
    assert_eq!(bytes[..3], [0xEF, 0xBB, 0xBF]);
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert_eq!(text.matches("\r\n").count(), plain.matches('\n').count());
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    assert_eq!(text.replace("\r\n", "\n"), plain);

    let only_bom = ExportSettings {
        txt_bom: true,
        ..ExportSettings::default()
    };
    let bytes = render(&draft, &only_bom, Format::Txt).unwrap().bytes;
    assert_eq!(&bytes[3..], plain.as_bytes());
}

#[test]
fn markdown_inline() {
    let md = export(&seed(), &ExportSettings::default(), Format::Markdown);
    let blocks: Vec<&str> = md.split("\n\n").collect();
    assert_eq!(
        blocks[0],
        "# 2023年主题教育专题民主生活会剖析发言材料（五）（问题部分）"
    );
    assert_eq!(blocks[1], "## 一、检视存在的问题");
    assert_eq!(blocks.len(), 8);
    assert!(blocks[2].starts_with("（一）在理论学习方面。一是学习举措强度不够。"));
    assert!(blocks[7].starts_with("（六）在廉洁自律方面。"));
    assert!(!md.contains("###"));
}

#[test]
fn markdown_paragraphs() {
    let settings = ExportSettings {
        layout: Layout::Paragraphs,
        ..ExportSettings::default()
    };
    let md = export(&seed(), &settings, Format::Markdown);
    let blocks: Vec<&str> = md.trim_end().split("\n\n").collect();
    assert_eq!(blocks[2], "### （一）在理论学习方面");
    assert!(blocks[3].starts_with("一是学习举措强度不够。在工作中"));
    assert!(blocks[4].starts_with("二是系统研究深度不够。"));
    assert_eq!(blocks[6], "### （二）在政治素质方面");
    // 2 + 6 categories + 19 findings.
    assert_eq!(blocks.len(), 2 + 6 + 19);
}

#[test]
fn txt_paragraphs_layout() {
    let settings = ExportSettings {
        layout: Layout::Paragraphs,
        ..ExportSettings::default()
    };
    let text = export(&seed(), &settings, Format::Txt);
    assert!(text.contains(
        "\n\u{3000}\u{3000}（一）在理论学习方面\n\n\u{3000}\u{3000}一是学习举措强度不够。"
    ));
}

#[test]
fn a_title_of_two_lines_stays_together() {
    let mut draft = seed();
    draft.title = "2023年主题教育专题民主生活会\n剖析发言材料".into();
    let text = export(&draft, &ExportSettings::default(), Format::Txt);
    assert!(text.starts_with("2023年主题教育专题民主生活会\n剖析发言材料\n\n\u{3000}\u{3000}一、"));
}

/// Issue 18, case 17: control characters typed or pasted into a draft stay out of the text.
#[test]
fn control_characters_never_reach_txt_or_md() {
    let mut draft = seed();
    draft.title = "标\0题\u{7}".into();
    draft.categories_mut().unwrap()[0].findings[0].body =
        "正文\0中间\u{1b}[31m有\u{8}控制字符".into();
    draft.closing = "结\u{0}尾".into();
    for format in [Format::Txt, Format::Markdown] {
        let text = export(&draft, &ExportSettings::default(), format);
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{format:?}: {text:?}"
        );
        let unescaped = text.replace('\\', "");
        assert!(
            unescaped.contains("正文中间[31m有控制字符"),
            "{format:?}: {text}"
        );
        assert!(text.contains("结尾"), "{format:?}");
    }
}

/// Issue 18, case 17: a title of several lines is one Markdown heading.
#[test]
fn a_multi_line_title_makes_one_md_heading() {
    let mut draft = seed();
    draft.title = "2023年主题教育专题民主生活会\n剖析发言材料\r\n\n（问题部分）".into();
    let text = export(&draft, &ExportSettings::default(), Format::Markdown);
    let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("# ")).collect();
    assert_eq!(
        headings,
        ["# 2023年主题教育专题民主生活会 剖析发言材料 （问题部分）"],
        "{text}"
    );
    assert!(text.starts_with("# 2023"), "{text}");
}

#[test]
fn pasted_half_width_punctuation_prints_full_width_and_is_listed() {
    let mut draft = seed();
    draft.categories_mut().unwrap()[0].findings[0].body =
        "学习不深,研究不透;原因:(1)学得少。见 https://a.cn/x?y=1,2 一文".into();
    let settings = ExportSettings::default();
    let printed = pouxi::export::printed_speech(&draft, &settings);
    let text: String = printed.speech.paragraphs.iter().map(|p| p.text()).collect();
    assert!(
        text.contains("学习不深，研究不透；原因：（1）学得少。见 https://a.cn/x?y=1,2 一文"),
        "{text}"
    );
    // , ; : ( ) changed, the URL's marks left alone: each change listed for the dialog.
    assert_eq!(printed.punctuation.len(), 5, "{:?}", printed.punctuation);
    assert!(
        export(&draft, &settings, Format::Txt).contains("学习不深，研究不透；原因：（1）学得少")
    );
    let off = ExportSettings {
        full_width_punctuation: false,
        ..ExportSettings::default()
    };
    assert!(export(&draft, &off, Format::Txt).contains("学习不深,研究不透;原因:(1)学得少"));
    assert!(
        pouxi::export::printed_speech(&draft, &off)
            .punctuation
            .is_empty()
    );
}

#[test]
fn a_lead_written_without_findings_still_prints() {
    let mut draft = Draft::with_categories(
        "标题",
        "检视存在的问题",
        &["在理论学习方面", "在政治素质方面"],
    );
    draft.categories_mut().unwrap()[1].lead = "政治能力还有差距。".to_owned();
    let text = export(&draft, &ExportSettings::default(), Format::Txt);
    assert!(
        text.contains("（一）在政治素质方面。政治能力还有差距。"),
        "{text}"
    );
    assert!(
        !text.contains("在理论学习方面"),
        "an empty category still goes: {text}"
    );
}
