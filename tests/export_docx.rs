//! The .docx export: written to a temporary file, opened as a zip, every part parsed.

use pouxi::draft::{DEFAULT_HEADING, Draft, Finding, IdSource};
use pouxi::export::{ExportSettings, FontNames, Format, Layout, render};
use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::reader::Reader;
use std::collections::BTreeMap;
use std::io::Read;

fn seed() -> Draft {
    let path = format!(
        "{}/tests/fixtures/seed_draft.ron",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    pouxi::store::draft_from_ron(&text).expect("seed_draft.ron parses")
}

/// A parsed XML element.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: BTreeMap<String, String>,
    children: Vec<Node>,
    text: String,
}

impl Node {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }

    fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    fn path(&self, names: &[&str]) -> Option<&Node> {
        names.iter().try_fold(self, |node, name| node.child(name))
    }

    /// Every element called `name` below this one, in document order.
    fn all<'a>(&'a self, name: &str, out: &mut Vec<&'a Node>) {
        for child in &self.children {
            if child.name == name {
                out.push(child);
            }
            child.all(name, out);
        }
    }

    fn find_all(&self, name: &str) -> Vec<&Node> {
        let mut out = Vec::new();
        self.all(name, &mut out);
        out
    }

    /// All `w:t` text below this element.
    fn text_of(&self) -> String {
        self.find_all("w:t")
            .iter()
            .map(|t| t.text.as_str())
            .collect()
    }
}

/// Parses a whole XML document, failing on anything not well-formed.
fn parse(xml: &str) -> Node {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Node::default()];
    let element = |e: &quick_xml::events::BytesStart| Node {
        name: e.name().as_ref().to_owned(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("attribute well-formed");
                let value = a.normalized_value(XmlVersion::Implicit1_0).expect("value");
                (a.key.as_ref().to_owned(), value.into_owned())
            })
            .collect(),
        ..Node::default()
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(element(&e)),
            Event::Empty(e) => {
                let node = element(&e);
                stack.last_mut().unwrap().children.push(node);
            }
            Event::End(_) => {
                let node = stack.pop().unwrap();
                stack.last_mut().expect("balanced").children.push(node);
            }
            Event::Text(t) => stack
                .last_mut()
                .unwrap()
                .text
                .push_str(&t.xml_content(XmlVersion::Implicit1_0)),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().expect("char ref") {
                    Some(c) => c,
                    None => match r.as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("unknown entity {other}"),
                    },
                };
                stack.last_mut().unwrap().text.push(c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    let mut root = stack.pop().unwrap();
    assert_eq!(root.children.len(), 1, "one root element");
    root.children.pop().unwrap()
}

/// Renders, writes the file to a temporary directory, reads it back as a zip and parses
/// every part.
fn docx_parts(draft: &Draft, settings: &ExportSettings) -> BTreeMap<String, Node> {
    let rendered = render(draft, settings, Format::Docx).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("发言.docx");
    std::fs::write(&path, &rendered.bytes).unwrap();
    let file = std::fs::File::open(&path).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("a zip file");
    let mut parts = BTreeMap::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let mut xml = String::new();
        entry.read_to_string(&mut xml).unwrap();
        let name = entry.name().expect("entry name").to_string();
        let node = parse(&xml);
        parts.insert(name, node);
    }
    parts
}

/// A run's East Asian font, size and text; its Latin slots are checked to hold one font.
fn font_size_text(run: &Node) -> (String, String, String) {
    let fonts = run.path(&["w:rPr", "w:rFonts"]).expect("rFonts");
    let size = run.path(&["w:rPr", "w:sz"]).expect("sz");
    let size_cs = run.path(&["w:rPr", "w:szCs"]).expect("szCs");
    for slot in ["w:hAnsi", "w:cs"] {
        assert_eq!(fonts.attr(slot), fonts.attr("w:ascii"), "{slot}");
    }
    assert_eq!(size.attr("w:val"), size_cs.attr("w:val"));
    (
        fonts.attr("w:eastAsia").unwrap_or_default().to_owned(),
        size.attr("w:val").unwrap_or_default().to_owned(),
        run.text_of(),
    )
}

fn s(font: &str, size: &str, text: &str) -> (String, String, String) {
    (font.to_owned(), size.to_owned(), text.to_owned())
}

#[test]
fn package_parts_and_relationships() {
    let parts = docx_parts(&seed(), &ExportSettings::default());
    for required in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/settings.xml",
        "word/styles.xml",
        "word/footer1.xml",
        "word/footer2.xml",
    ] {
        assert!(parts.contains_key(required), "{required} missing");
    }

    // Every part is typed: by an override or by its extension's default.
    let types = &parts["[Content_Types].xml"];
    let overrides: Vec<&str> = types
        .find_all("Override")
        .iter()
        .filter_map(|o| o.attr("PartName"))
        .collect();
    let defaults: Vec<&str> = types
        .find_all("Default")
        .iter()
        .filter_map(|d| d.attr("Extension"))
        .collect();
    assert!(defaults.contains(&"rels") && defaults.contains(&"xml"));
    for name in parts
        .keys()
        .filter(|n| !n.ends_with(".rels") && *n != "[Content_Types].xml")
    {
        assert!(
            overrides.contains(&format!("/{name}").as_str()),
            "{name} has no override"
        );
    }
    for part in &overrides {
        assert!(
            parts.contains_key(&part[1..]),
            "override for missing {part}"
        );
    }

    let package_rels = parts["_rels/.rels"].find_all("Relationship");
    assert!(package_rels.iter().any(|r| {
        r.attr("Target") == Some("word/document.xml")
            && r.attr("Type")
                .is_some_and(|t| t.ends_with("/officeDocument"))
    }));

    // Document relationships point at parts that exist; the footers are among them.
    let rels = parts["word/_rels/document.xml.rels"].find_all("Relationship");
    for rel in &rels {
        let target = rel.attr("Target").unwrap();
        assert!(parts.contains_key(&format!("word/{target}")), "{target}");
    }
    let target_of = |id: &str| {
        rels.iter()
            .find(|r| r.attr("Id") == Some(id))
            .and_then(|r| r.attr("Target"))
            .map(str::to_owned)
    };
    assert!(
        rels.iter()
            .any(|r| r.attr("Target") == Some("settings.xml"))
    );

    let document = &parts["word/document.xml"];
    let section = document.path(&["w:body", "w:sectPr"]).expect("sectPr");
    let footers: BTreeMap<&str, String> = section
        .find_all("w:footerReference")
        .iter()
        .map(|f| {
            let id = f.attr("r:id").unwrap();
            (
                f.attr("w:type").unwrap(),
                target_of(id).expect("footer rel"),
            )
        })
        .collect();
    assert_eq!(footers.len(), 2);
    let odd = &parts[&format!("word/{}", footers["default"])];
    let even = &parts[&format!("word/{}", footers["even"])];

    // Odd pages: right; even pages: left; both `— PAGE —` in 宋体 14 pt.
    for (footer, align) in [(odd, "right"), (even, "left")] {
        let p = footer.child("w:p").expect("footer paragraph");
        assert_eq!(
            p.path(&["w:pPr", "w:jc"]).and_then(|j| j.attr("w:val")),
            Some(align)
        );
        let runs = p.find_all("w:r");
        for run in &runs {
            let fonts = run.path(&["w:rPr", "w:rFonts"]).expect("rFonts");
            assert_eq!(fonts.attr("w:eastAsia"), Some("宋体"));
            assert_eq!(fonts.attr("w:ascii"), Some("宋体"));
            assert_eq!(
                run.path(&["w:rPr", "w:sz"]).and_then(|s| s.attr("w:val")),
                Some("28")
            );
        }
        let field: Vec<String> = runs
            .iter()
            .map(|r| {
                if let Some(c) = r.child("w:fldChar") {
                    format!("<{}>", c.attr("w:fldCharType").unwrap())
                } else if let Some(i) = r.child("w:instrText") {
                    format!("[{}]", i.text)
                } else {
                    r.text_of()
                }
            })
            .collect();
        assert_eq!(
            field,
            [
                "— ",
                "<begin>",
                "[ PAGE ]",
                "<separate>",
                "1",
                "<end>",
                " —"
            ]
        );
    }

    assert!(
        parts["word/settings.xml"]
            .child("w:evenAndOddHeaders")
            .is_some(),
        "evenAndOddHeaders"
    );
}

#[test]
fn page_size_and_margins() {
    let parts = docx_parts(&seed(), &ExportSettings::default());
    let section = parts["word/document.xml"]
        .path(&["w:body", "w:sectPr"])
        .unwrap();
    let size = section.child("w:pgSz").unwrap();
    assert_eq!(size.attr("w:w"), Some("11906"));
    assert_eq!(size.attr("w:h"), Some("16838"));
    let margins = section.child("w:pgMar").unwrap();
    // 37, 35, 28 and 26 mm.
    assert_eq!(margins.attr("w:top"), Some("2098"));
    assert_eq!(margins.attr("w:bottom"), Some("1984"));
    assert_eq!(margins.attr("w:left"), Some("1587"));
    assert_eq!(margins.attr("w:right"), Some("1474"));
}

#[test]
fn fonts_sizes_spacing_and_indent_of_the_seed() {
    let draft = seed();
    let parts = docx_parts(&draft, &ExportSettings::default());
    let body = parts["word/document.xml"].child("w:body").unwrap();
    let paragraphs: Vec<&Node> = body.children.iter().filter(|c| c.name == "w:p").collect();
    // The title prints as two balanced lines, broken between words.
    assert_eq!(paragraphs.len(), 9);
    let title = paragraphs[0];
    assert_eq!(
        title.path(&["w:pPr", "w:jc"]).and_then(|j| j.attr("w:val")),
        Some("center")
    );
    let title_lines: Vec<_> = paragraphs[..2]
        .iter()
        .map(|p| {
            let runs = p.find_all("w:r");
            assert_eq!(runs.len(), 1);
            font_size_text(runs[0])
        })
        .collect();
    assert_eq!(
        title_lines,
        [
            s("方正小标宋简体", "44", "2023年主题教育专题民主生活会"),
            s("方正小标宋简体", "44", "剖析发言材料（五）（问题部分）"),
        ]
    );
    // Latin letters and digits in Times New Roman; no extra space between them and Chinese;
    // hanging punctuation allowed, so LibreOffice keeps a line-end 。 on the page.
    let title_fonts = title.path(&["w:pPr", "w:rPr", "w:rFonts"]).expect("rFonts");
    assert_eq!(title_fonts.attr("w:ascii"), Some("Times New Roman"));
    for paragraph in &paragraphs {
        for (property, value) in [
            ("w:overflowPunct", "1"),
            ("w:autoSpaceDE", "0"),
            ("w:autoSpaceDN", "0"),
        ] {
            let node = paragraph.path(&["w:pPr", property]).expect(property);
            assert_eq!(node.attr("w:val"), Some(value), "{property}");
        }
    }

    let heading_runs = paragraphs[2].find_all("w:r");
    assert_eq!(
        font_size_text(heading_runs[0]),
        s("黑体", "32", "一、检视存在的问题")
    );

    for (i, paragraph) in paragraphs[3..].iter().enumerate() {
        let runs = paragraph.find_all("w:r");
        assert_eq!(runs.len(), 2, "category run, then body run");
        let (font, size, text) = font_size_text(runs[0]);
        assert_eq!((font.as_str(), size.as_str()), ("楷体_GB2312", "32"));
        let label = pouxi::draft::numbering::category_label(i);
        assert_eq!(text, format!("{label}{}。", draft.categories()[i].title));
        let (font, size, text) = font_size_text(runs[1]);
        assert_eq!((font.as_str(), size.as_str()), ("仿宋_GB2312", "32"));
        assert!(text.starts_with("一是"), "{text}");
    }

    for paragraph in &paragraphs {
        let spacing = paragraph.path(&["w:pPr", "w:spacing"]).expect("spacing");
        assert_eq!(spacing.attr("w:line"), Some("578"));
        assert_eq!(spacing.attr("w:lineRule"), Some("exact"));
    }
    for paragraph in &paragraphs[2..] {
        let indent = paragraph.path(&["w:pPr", "w:ind"]).expect("ind");
        assert_eq!(indent.attr("w:firstLine"), Some("640"));
    }

    // The document reads as the speech.
    let text: String = paragraphs.iter().map(|p| p.text_of()).collect();
    let expected = std::fs::read_to_string(format!(
        "{}/tests/fixtures/seed_expected.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
    // Section numbers are derived: the seed's only section is 一、 (typed 二、 in the material).
    .replacen("二、检视", "一、检视", 1);
    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert_eq!(squeeze(&text), squeeze(&expected));
}

#[test]
fn paragraphs_layout_and_custom_fonts() {
    let settings = ExportSettings {
        layout: Layout::Paragraphs,
        fonts: FontNames {
            title: "华文中宋".into(),
            body: "仿宋".into(),
            heading: "Noto Sans CJK SC & Co".into(),
            category: "".into(),
            latin: "Arial".into(),
        },
        ..ExportSettings::default()
    };
    let parts = docx_parts(&seed(), &settings);
    let body = parts["word/document.xml"].child("w:body").unwrap();
    let paragraphs: Vec<&Node> = body.children.iter().filter(|c| c.name == "w:p").collect();
    assert_eq!(paragraphs.len(), 3 + 6 + 19);
    let first_run = |p: &Node| font_size_text(p.find_all("w:r")[0]);
    assert_eq!(first_run(paragraphs[0]).0, "华文中宋");
    let latin = paragraphs[0].find_all("w:r")[0]
        .path(&["w:rPr", "w:rFonts"])
        .and_then(|f| f.attr("w:ascii"));
    assert_eq!(latin, Some("Arial"));
    let paragraphs = &paragraphs[1..];
    assert_eq!(first_run(paragraphs[1]).0, "Noto Sans CJK SC & Co");
    assert_eq!(
        first_run(paragraphs[2]),
        s("楷体_GB2312", "32", "（一）在理论学习方面")
    );
    assert_eq!(first_run(paragraphs[3]).0, "仿宋");
    assert!(
        first_run(paragraphs[3])
            .2
            .starts_with("一是学习举措强度不够。")
    );
    let indent = paragraphs[3].path(&["w:pPr", "w:ind"]).unwrap();
    assert_eq!(indent.attr("w:firstLine"), Some("640"));
}

/// Every font the document names is one a stock Windows has, or names one of its kind that
/// Word falls back to: the default (standard) faces and names typed in the export settings.
#[test]
fn every_font_has_a_stock_windows_face_to_fall_back_to() {
    let custom = ExportSettings {
        fonts: FontNames {
            title: "华文中宋".into(),
            body: "方正仿宋_GBK".into(),
            heading: "微软雅黑".into(),
            category: "方正楷体_GBK".into(),
            latin: "Arial".into(),
        },
        ..ExportSettings::default()
    };
    let expected_defaults = [
        ("方正小标宋简体", Some("宋体")),
        ("仿宋_GB2312", Some("仿宋")),
        ("黑体", None),
        ("楷体_GB2312", Some("楷体")),
        ("Times New Roman", None),
        ("宋体", None),
    ];
    let expected_custom = [
        ("华文中宋", Some("宋体")),
        ("方正仿宋_GBK", Some("仿宋")),
        ("微软雅黑", None),
        ("方正楷体_GBK", Some("楷体")),
        ("Arial", None),
        ("宋体", None),
    ];
    for (settings, expected) in [
        (ExportSettings::default(), expected_defaults),
        (custom, expected_custom),
    ] {
        let parts = docx_parts(&seed(), &settings);
        let fonts: Vec<(String, Option<String>)> = parts["word/fontTable.xml"]
            .find_all("w:font")
            .into_iter()
            .map(|font| {
                let alt = font.child("w:altName").and_then(|a| a.attr("w:val"));
                (
                    font.attr("w:name").unwrap_or_default().to_owned(),
                    alt.map(str::to_owned),
                )
            })
            .collect();
        let expected: Vec<(String, Option<String>)> = expected
            .iter()
            .map(|(name, alt)| (name.to_string(), alt.map(str::to_owned)))
            .collect();
        assert_eq!(fonts, expected);
        for (name, alt) in &fonts {
            let stock = alt.as_deref().unwrap_or(name);
            assert!(
                pouxi::export::STOCK_WINDOWS_FONTS.contains(&stock),
                "{name} has no stock Windows face"
            );
        }
    }
}

#[test]
fn markup_and_control_characters_stay_well_formed() {
    let mut draft = Draft::with_categories("A<B>&\"C\"", DEFAULT_HEADING, &["在<方面>"]);
    let mut ids = IdSource::after(&draft);
    draft.categories_mut().unwrap()[0].findings.push(Finding {
        id: ids.finding(),
        headline: "x&y\u{1}".into(),
        body: "a\tb\u{b}]]>c".into(),
    });
    let parts = docx_parts(&draft, &ExportSettings::default());
    let text = parts["word/document.xml"].text_of();
    assert!(text.starts_with("A<B>&\"C\""));
    // A lone finding prints without 一是.
    assert!(text.contains("（一）在<方面>。x&y。ab]]>c。"), "{text}");
}

fn big_draft() -> Draft {
    let titles = ["甲", "乙", "丙", "丁", "戊", "己"];
    let mut draft = Draft::with_categories("标题", DEFAULT_HEADING, &titles);
    let mut ids = IdSource::after(&draft);
    let body: String = "在工作中经常满足于完成规定动作，".repeat(13);
    for category in draft.categories_mut().unwrap() {
        for k in 0..100 {
            category.findings.push(Finding {
                id: ids.finding(),
                headline: format!("问题{k}"),
                body: body.clone(),
            });
        }
    }
    draft
}

#[test]
fn a_large_draft_exports_whole() {
    // How long it takes is a benchmark's figure (`cargo bench --bench files`), not a test's.
    let draft = big_draft();
    let rendered = render(&draft, &ExportSettings::default(), Format::Docx).unwrap();
    assert!(rendered.bytes.len() > 1000);
    let parts = docx_parts(&draft, &ExportSettings::default());
    assert!(
        parts["word/document.xml"]
            .text_of()
            .contains("一百是问题99。")
    );
}
