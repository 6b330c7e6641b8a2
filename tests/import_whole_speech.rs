//! Material that holds a whole speech imports into whole sections (issue 12): the parts
//! before and after the problems — last year's rectification, 案例剖析, 原因剖析, 整改措施 —
//! become sections with their kinds and categories, not text dumped into the opening or the
//! closing. Checked on the real pages of tests/fixtures/real/ that open whole speeches (the
//! search tool keeps a page's first ~2,000 characters, so each is cut off part-way) and on a
//! whole speech written in their style; the seed (problems only) is tests/import_seed.rs.

mod import_support;

use import_support::*;
use pouxi::clean::Rules;
use pouxi::draft::{Draft, SectionKind};
use pouxi::import::{self, Imported};
use std::collections::BTreeSet;

fn import(text: &str) -> Imported {
    let imported = import::import_text(text, &Rules::builtin(), &BTreeSet::new());
    assert_conserved(text, &imported);
    imported
}

fn real(name: &str) -> (String, Imported) {
    let text = fixture(&format!("real/{name}.txt"));
    let imported = import(&text);
    (text, imported)
}

/// A section as checked: kind, heading, category titles.
type Shape = (SectionKind, String, Vec<String>);

/// (kind, heading, category titles) of every section, in order.
fn outline(draft: &Draft) -> Vec<Shape> {
    draft
        .sections
        .iter()
        .map(|s| {
            (
                s.kind,
                s.heading.clone(),
                s.categories().iter().map(|c| c.title.clone()).collect(),
            )
        })
        .collect()
}

fn section(
    kind: SectionKind,
    heading: &str,
    categories: &[&str],
) -> (SectionKind, String, Vec<String>) {
    (
        kind,
        heading.to_owned(),
        categories.iter().map(|c| (*c).to_owned()).collect(),
    )
}

#[test]
fn a_whole_speech_gives_every_part_its_section() {
    let text = fixture("whole_speech.txt");
    let imported = import(&text);
    let d = &imported.draft;
    use SectionKind::*;
    let problems = [
        "在带头强化政治忠诚、提高政治能力方面",
        "在带头干事创业、担当作为方面",
    ];
    assert_eq!(
        outline(d),
        [
            section(Rectification, "2024年度民主生活会整改落实情况", &[]),
            section(Problems, "存在的问题", &problems),
            section(
                Case,
                "反面典型案例剖析",
                &["案例基本情况", "对照案例查找差距"]
            ),
            // The causes' opening words, then their categories printing on under them.
            section(Causes, "原因剖析", &[]),
            section(
                Causes,
                "",
                &[
                    "理想信念方面",
                    "党性修养方面",
                    "宗旨意识方面",
                    "纪律规矩方面"
                ]
            ),
            section(Measures, "整改措施", &problems),
        ]
    );
    assert_eq!(d.title, "××局党组书记2025年度民主生活会个人对照检查材料");
    // Nothing dumped into the opening or the closing.
    assert!(d.opening.starts_with("根据局党组"), "{}", d.opening);
    assert!(d.opening.ends_with("报告如下。"), "{}", d.opening);
    assert_eq!(d.closing, "以上发言，不妥之处，请同志们批评指正。");
    assert_eq!(
        d.sections[0].paragraphs(),
        Some("对照2024年度民主生活会查摆的4个问题，已整改到位3个，1个正在推进。")
    );
    // The problems keep their leads and findings, as before.
    let first = &d.categories()[0];
    assert_eq!(first.lead, "理论武装抓得不深。");
    assert_eq!(first.findings.len(), 2);
    assert_eq!(first.findings[1].headline, "政治敏锐性不强");
    assert_eq!(
        d.sections[3].paragraphs(),
        Some("深刻反思上述问题，根源在于：")
    );
    let causes = d.sections[4].categories();
    assert_eq!(causes[0].lead, "");
    assert_eq!(causes[0].findings[0].headline, "放松了理论学习");
    let measures = d.sections[5].categories();
    assert_eq!(measures[0].findings.len(), 2);
    assert_eq!(measures[1].findings[0].headline, "年底前完成3个滞后项目");
    // Every part's number is consumed (numbers are derived), every other character kept.
    for number in ["一、", "二、", "三、", "四、", "五、"] {
        assert!(
            imported.consumed_marks.iter().any(|m| m == number),
            "{number}"
        );
    }
    // The 整改清单 has one row per problem.
    assert_eq!(d.ledger_rows().len(), 4);
}

#[test]
fn real_whole_speech_pages_give_their_sections() {
    use SectionKind::*;
    let pages: [(&str, Vec<Shape>); 5] = [
        (
            "01-gongwk",
            vec![section(
                Problems,
                "存在的主要问题",
                &["在带头强化政治忠诚、提高政治能力方面"],
            )],
        ),
        (
            "02-gongxunwk",
            vec![section(
                Problems,
                "存在的问题",
                &["在带头强化政治忠诚、提高政治能力方面"],
            )],
        ),
        (
            "05-wenkuhub",
            vec![section(
                Problems,
                "存在的问题",
                &["在带头强化政治忠诚、提高政治能力方面"],
            )],
        ),
        (
            "43-laowenbi",
            vec![section(
                Problems,
                "存在的主要问题",
                &["带头强化政治忠诚,提高政治能力方面"],
            )],
        ),
        (
            "44-51dcw",
            vec![
                // Findings numbered 1. straight under the heading: one category named after it.
                section(Problems, "存在问题分析", &["存在问题分析"]),
                section(Measures, "整改措施建议", &[]),
            ],
        ),
    ];
    for (name, expected) in pages {
        let (_, imported) = real(name);
        let d = &imported.draft;
        assert_eq!(outline(d), expected, "{name}");
        assert_eq!(d.closing, "", "{name}: {}", d.closing);
    }
}

#[test]
fn the_real_pages_keep_their_words_in_the_right_parts() {
    // 01: the category's lead and its findings.
    let (_, imported) = real("01-gongwk");
    let category = &imported.draft.categories()[0];
    assert!(
        category.lead.starts_with("理论武装抓得不深"),
        "{}",
        category.lead
    );
    assert_eq!(category.findings[0].headline, "理论学习的转化效果不彻底");

    // 02: the outline of every part at the top of the page stays in the opening and makes
    // no sections of its own; the parts it lists are cut off further down the page.
    let (_, imported) = real("02-gongxunwk");
    let d = &imported.draft;
    assert!(d.opening.starts_with("一、存在的问题"), "{}", d.opening);
    for listed in ["二、反面典型案例剖析情况", "三、原因分析", "四、整改措施"]
    {
        assert!(d.opening.contains(listed), "{listed}");
    }
    assert_eq!(d.sections.len(), 1);

    // 43: title and opening found; categories written inline with their findings.
    let (_, imported) = real("43-laowenbi");
    let d = &imported.draft;
    assert_eq!(
        d.title,
        "区委常委、区委宣传部长2025年度民主生活会个人对照检查材料"
    );
    assert!(
        d.opening.ends_with("现将对照检查情况汇报如下:"),
        "{}",
        d.opening
    );
    let headlines: Vec<&str> = d.categories()[0]
        .findings
        .iter()
        .map(|f| f.headline.as_str())
        .collect();
    assert_eq!(
        headlines,
        [
            "政治判断力不够敏锐",
            "政治领悟力不够透彻",
            "政治执行力不够扎实"
        ]
    );

    // 44: the problems part and the measures after it.
    let (_, imported) = real("44-51dcw");
    let d = &imported.draft;
    assert!(d.opening.starts_with("在党的建设和基层治理中"));
    let headlines: Vec<&str> = d.categories()[0]
        .findings
        .iter()
        .map(|f| f.headline.as_str())
        .collect();
    assert_eq!(
        headlines,
        [
            "理论学习不足",
            "实践能力欠缺",
            "责任意识淡薄",
            "考核机制缺失"
        ]
    );
    let measures = d.sections[1].paragraphs().unwrap_or_default();
    assert!(measures.starts_with("针对上述问题"), "{measures}");
    assert!(measures.contains("加强理论武装"));
}

#[test]
fn an_imported_whole_speech_exports_with_its_parts_in_order() {
    use pouxi::export::{ExportSettings, Format, render};
    let imported = import(&fixture("whole_speech.txt"));
    let settings = ExportSettings::default();
    let txt = render(&imported.draft, &settings, Format::Txt)
        .unwrap()
        .bytes;
    let txt = String::from_utf8(txt).unwrap();
    let lines: Vec<&str> = txt
        .lines()
        .map(|l| l.trim_start_matches('\u{3000}'))
        .filter(|l| !l.is_empty())
        .collect();
    let at = |start: &str| {
        lines
            .iter()
            .position(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no line {start}: {lines:#?}"))
    };
    // Numbers run 一、 to 五、 in the material's order; the causes' opening words stand under
    // their heading, before （一）.
    let order = [
        at("一、2024年度民主生活会整改落实情况"),
        at("二、存在的问题"),
        at("三、反面典型案例剖析"),
        at("四、原因剖析"),
        at("深刻反思上述问题，根源在于："),
        at("（一）理想信念方面。放松了理论学习"),
        at("五、整改措施"),
        at("以上发言"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{lines:#?}");
    assert_eq!(order[4], order[3] + 1);
}
