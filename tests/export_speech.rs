//! The speech layout: numbering, punctuation, empty parts left out, the two layouts.

use pouxi::draft::{Command, DEFAULT_HEADING, Draft, Finding, IdSource};
use pouxi::export::{
    self, ExportSettings, Format, Layout, Role, Speech, plain_text, render, speech,
};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn seed() -> Draft {
    pouxi::store::draft_from_ron(&fixture("seed_draft.ron")).expect("seed_draft.ron parses")
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn texts(speech: &Speech) -> Vec<String> {
    speech.paragraphs.iter().map(|p| p.text()).collect()
}

/// A draft with one category per entry; each finding is (headline, body).
fn draft_of(categories: &[(&str, &[(&str, &str)])]) -> Draft {
    let titles: Vec<&str> = categories.iter().map(|(t, _)| *t).collect();
    let mut draft = Draft::with_categories("标题", DEFAULT_HEADING, &titles);
    let mut ids = IdSource::after(&draft);
    for (category, (_, findings)) in draft.categories_mut().unwrap().iter_mut().zip(categories) {
        for (headline, body) in *findings {
            category.findings.push(Finding {
                id: ids.finding(),
                headline: (*headline).into(),
                body: (*body).into(),
            });
        }
    }
    draft
}

#[test]
fn seed_txt_reproduces_the_expected_text() {
    let rendered = render(&seed(), &ExportSettings::default(), Format::Txt).unwrap();
    let text = String::from_utf8(rendered.bytes).unwrap();
    // The seed's only section is the problems part, typed 二、 in the material: derived, it is 一、.
    let expected = fixture("seed_expected.txt").replacen("二、检视", "一、检视", 1);
    assert_eq!(squeeze(&text), squeeze(&expected));
    assert!(rendered.notes.is_empty());
    // Same shape too: the expected file's non-blank lines, indented.
    let expected_text = expected;
    let expected: Vec<&str> = expected_text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let got: Vec<String> = text
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    assert_eq!(got.len(), expected.len());
    assert_eq!(got[0], expected[0], "title without indent");
    for (g, e) in got.iter().zip(&expected).skip(1) {
        assert_eq!(g, &format!("\u{3000}\u{3000}{e}"));
    }
}

#[test]
fn plain_text_is_the_txt_export() {
    let draft = seed();
    let settings = ExportSettings::default();
    let txt = render(&draft, &settings, Format::Txt).unwrap().bytes;
    assert_eq!(plain_text(&draft, &settings).into_bytes(), txt);
}

#[test]
fn numbers_follow_a_moved_finding() {
    let mut draft = seed();
    let category = draft.categories()[0].id;
    let third = draft.categories()[0].findings[2].id;
    draft
        .apply(Command::MoveFinding {
            id: third,
            category,
            index: 0,
        })
        .unwrap();
    let text = plain_text(&draft, &ExportSettings::default());
    assert!(text.contains("（一）在理论学习方面。一是融会贯通力度不够。把习近平"));
    assert!(text.contains("二是学习举措强度不够。在工作中"));
    assert!(text.contains("三是系统研究深度不够。在领会"));

    // Moving it into another category renumbers both.
    let second_category = draft.categories()[1].id;
    draft
        .apply(Command::MoveFinding {
            id: third,
            category: second_category,
            index: 3,
        })
        .unwrap();
    let text = plain_text(&draft, &ExportSettings::default());
    assert!(text.contains("（一）在理论学习方面。一是学习举措强度不够。"));
    assert!(text.contains("三是党建工作抓的不够紧。"));
    assert!(text.contains("四是融会贯通力度不够。"));
}

#[test]
fn numbers_follow_a_moved_category() {
    let mut draft = seed();
    let last = draft.categories()[5].id;
    draft
        .apply(Command::MoveCategory { id: last, index: 0 })
        .unwrap();
    let paragraphs = texts(&speech(&draft, Layout::Inline));
    assert!(paragraphs[2].starts_with("（一）在廉洁自律方面。一是责任落实存在薄弱环节。"));
    assert!(paragraphs[3].starts_with("（二）在理论学习方面。"));
}

#[test]
fn speech_structure_and_runs() {
    let s = speech(&seed(), Layout::Inline);
    let roles: Vec<Role> = s.paragraphs.iter().map(|p| p.role).collect();
    assert_eq!(roles[..2], [Role::Title, Role::Heading]);
    assert_eq!(roles.len(), 8);
    for paragraph in &s.paragraphs[2..] {
        assert_eq!(paragraph.role, Role::Category);
        assert_eq!(paragraph.runs[0].role, Role::Category);
        assert!(paragraph.runs[1..].iter().all(|r| r.role == Role::Body));
    }
    assert_eq!(s.paragraphs[2].runs[0].text, "（一）在理论学习方面。");
    assert_eq!(s.paragraphs[2].runs[1].text, "一是");
    assert_eq!(s.paragraphs[2].runs[2].text, "学习举措强度不够。");
}

#[test]
fn punctuation_is_added_once() {
    let draft = draft_of(&[
        (
            "在理论学习方面",
            &[
                ("学习不够", "内容一。"),
                ("学习不够。", "内容二。"),
                ("真的不够！", "内容三。"),
                ("为什么？", "内容四。"),
                ("表现在：", "内容五。"),
                ("half-width!", "内容六。"),
                ("half-width.", "内容七。"),
                ("", "只有正文。"),
                ("只有标题", ""),
                ("落实“三个务必”", "正文没有句号"),
            ],
        ),
        ("在政治素质方面。", &[("a", "b。")]),
        ("在能力本领方面：", &[("a", "b。")]),
        ("在担当作为方面:", &[("a", "b。")]),
    ]);
    let inline = texts(&speech(&draft, Layout::Inline));
    assert_eq!(
        inline[2],
        "（一）在理论学习方面。一是学习不够。内容一。二是学习不够。内容二。三是真的不够！内容三。\
四是为什么？内容四。五是表现在：内容五。六是half-width!内容六。七是half-width.内容七。\
八是只有正文。九是只有标题。十是落实“三个务必”。正文没有句号。"
    );
    assert!(inline[3].starts_with("（二）在政治素质方面。一是a。b。"));
    assert!(inline[4].starts_with("（三）在能力本领方面：一是"));
    assert!(inline[5].starts_with("（四）在担当作为方面:一是"));

    let paragraphs = texts(&speech(&draft, Layout::Paragraphs));
    assert_eq!(paragraphs[2], "（一）在理论学习方面");
    assert_eq!(paragraphs[3], "一是学习不够。内容一。");
    assert_eq!(paragraphs[10], "八是只有正文。");
    assert!(paragraphs.contains(&"（二）在政治素质方面。".to_owned()));
    assert!(paragraphs.contains(&"（三）在能力本领方面：".to_owned()));
}

#[test]
fn empty_findings_and_categories_are_left_out_and_noted() {
    let draft = draft_of(&[
        ("在理论学习方面", &[]),
        (
            "在政治素质方面",
            &[("", ""), ("政治定位把握不准", "正文。"), (" ", "\n")],
        ),
        ("在能力本领方面", &[("", "  ")]),
        ("在担当作为方面", &[("改革创新魄力不够", "正文。")]),
    ]);
    let s = speech(&draft, Layout::Inline);
    assert_eq!(
        texts(&s)[2..],
        [
            "（一）在政治素质方面。一是政治定位把握不准。正文。",
            "（二）在担当作为方面。一是改革创新魄力不够。正文。",
        ]
    );
    assert_eq!(
        s.notes,
        [
            "已略去空的问题 3 条",
            "已略去没有问题的类别 2 个：在理论学习方面、在能力本领方面",
        ]
    );
    let rendered = render(&draft, &ExportSettings::default(), Format::Docx).unwrap();
    assert_eq!(rendered.notes, s.notes);
}

#[test]
fn paragraphs_layout_splits_categories_and_bodies() {
    let draft = draft_of(&[(
        "在理论学习方面",
        &[
            (
                "学习举措强度不够",
                "第一段。\n\u{3000}\u{3000}第二段。\r\n第三段",
            ),
            ("系统研究深度不够", "正文。"),
        ],
    )]);
    let s = speech(&draft, Layout::Paragraphs);
    assert_eq!(
        texts(&s),
        [
            "标题",
            "一、检视存在的问题",
            "（一）在理论学习方面",
            "一是学习举措强度不够。第一段。",
            "第二段。",
            "第三段。",
            "二是系统研究深度不够。正文。",
        ]
    );
    let roles: Vec<Role> = s.paragraphs.iter().map(|p| p.role).collect();
    assert_eq!(
        roles,
        [
            Role::Title,
            Role::Heading,
            Role::Category,
            Role::Body,
            Role::Body,
            Role::Body,
            Role::Body
        ]
    );

    // Inline keeps the body in the one paragraph: hard wraps join with nothing.
    let inline = texts(&speech(&draft, Layout::Inline));
    assert_eq!(
        inline[2],
        "（一）在理论学习方面。一是学习举措强度不够。第一段。第二段。第三段。二是系统研究深度不够。正文。"
    );
}

#[test]
fn opening_and_closing_frame_the_problems() {
    let mut draft = draft_of(&[("在理论学习方面", &[("a", "b。")])]);
    draft.opening = "\u{3000}\u{3000}开头第一段。\n\n开头第二段。".into();
    draft.closing = "结尾。".into();
    let paragraphs = texts(&speech(&draft, Layout::Inline));
    assert_eq!(
        paragraphs,
        [
            "标题",
            "开头第一段。",
            "开头第二段。",
            "一、检视存在的问题",
            "（一）在理论学习方面。一是a。b。",
            "结尾。",
        ]
    );
}

#[test]
fn an_empty_draft_exports_without_panicking() {
    let mut draft = Draft::with_categories("", "", &[""]);
    draft.title.clear();
    for format in Format::ALL {
        let rendered = export::render(&draft, &ExportSettings::default(), format).unwrap();
        assert_eq!(rendered.notes, ["已略去空的部分 1 个"]);
    }
    assert!(speech(&draft, Layout::Inline).paragraphs.is_empty());
}
