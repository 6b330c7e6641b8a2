//! Large inputs shared by the benchmarks (tests/benches) and the stress-draft UI tests: a draft
//! of 6 × 100 findings of about 200 characters, and about 1 MB of downloaded material. Both are
//! built from the fixtures' real text, so they read (and parse) like the real thing.
#![allow(dead_code)]

use pouxi::draft::{
    Category, CategoryId, DEFAULT_HEADING, Draft, Finding, FindingId, IdSource, Section,
    SectionBody, SectionId, SectionKind,
};
use std::path::{Path, PathBuf};

pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn fixture(name: &str) -> String {
    let path = fixture_path(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn seed_draft() -> Draft {
    pouxi::store::load_draft(&fixture_path("seed_draft.ron")).expect("the seed draft loads")
}

/// The seed with its findings repeated (fresh ids) until the file is about `bytes` long; the
/// first finding stays where it is on screen.
pub fn seed_repeated(bytes: usize) -> Draft {
    let mut draft = seed_draft();
    let copies: Vec<Vec<Finding>> = draft
        .categories()
        .iter()
        .map(|c| c.findings.clone())
        .collect();
    let seed_size = pouxi::store::draft_to_ron(&draft).len();
    let mut ids = IdSource::after(&draft);
    for _ in 0..bytes / seed_size {
        let categories = draft.categories_mut().expect("the seed has categories");
        for (category, findings) in categories.iter_mut().zip(&copies) {
            for finding in findings {
                let mut copy = finding.clone();
                copy.id = ids.finding();
                category.findings.push(copy);
            }
        }
    }
    draft
}

/// Every sentence of the seed draft's bodies, each ending in `。`.
fn seed_sentences(seed: &Draft) -> Vec<String> {
    seed.categories()
        .iter()
        .flat_map(|c| &c.findings)
        .flat_map(|f| f.body.split_inclusive('。'))
        .map(str::trim)
        .filter(|s| s.chars().count() > 4)
        .map(|s| {
            if s.ends_with('。') {
                s.to_owned()
            } else {
                format!("{s}。")
            }
        })
        .collect()
}

/// `categories` × `per_category` findings; bodies of about `body_chars` characters made of the
/// seed's sentences in a different order for every finding, headlines from the seed's.
pub fn stress_draft(categories: usize, per_category: usize, body_chars: usize) -> Draft {
    let seed = seed_draft();
    let sentences = seed_sentences(&seed);
    let headlines: Vec<&str> = seed
        .categories()
        .iter()
        .flat_map(|c| &c.findings)
        .map(|f| f.headline.as_str())
        .collect();
    let mut next_id = 1;
    let mut take_id = || {
        next_id += 1;
        next_id
    };
    let mut draft = Draft {
        title: seed.title.clone(),
        sections: vec![Section {
            id: SectionId(take_id()),
            kind: SectionKind::Problems,
            heading: DEFAULT_HEADING.to_owned(),
            body: SectionBody::Categories(Vec::new()),
        }],
        ..Draft::default()
    };
    for c in 0..categories {
        let title = seed
            .categories()
            .get(c % seed.categories().len())
            .map(|c| c.title.clone())
            .unwrap_or_default();
        let mut category = Category {
            id: CategoryId(take_id()),
            title,
            ..Category::default()
        };
        for f in 0..per_category {
            let k = c * per_category + f;
            let mut body = String::new();
            let mut at = (k * 7) % sentences.len();
            while body.chars().count() < body_chars {
                body.push_str(&sentences[at]);
                at = (at + 1 + k % 3) % sentences.len();
            }
            category.findings.push(Finding {
                id: FindingId(take_id()),
                headline: format!("{}（{}）", headlines[k % headlines.len()], f + 1),
                body,
            });
        }
        draft.categories_mut().unwrap().push(category);
    }
    draft
}

/// The draft the budgets speak of: 6 × 100 findings of about 200 characters.
pub fn standard_stress_draft() -> Draft {
    stress_draft(6, 100, 200)
}

/// At least `bytes` of material as it is downloaded: one long speech with the six categories
/// of the seed, each with as many numbered findings (`一是` … `二百九十是`) as it takes, made of
/// the seed's headlines and sentences; the ads of the fixture web pages (paywall notes, site
/// names, contacts, sales talk) glued into every fifth body and standing as their own lines
/// after every twelfth finding, as copied pages have them.
pub fn big_material(bytes: usize) -> String {
    let seed = seed_draft();
    let sentences = seed_sentences(&seed);
    let headlines: Vec<&str> = seed
        .categories()
        .iter()
        .flat_map(|c| &c.findings)
        .map(|f| f.headline.as_str())
        .collect();
    // The fixtures' ads: those cut out of a sentence are glued into bodies, the others (whole
    // lines of page chrome and sales talk) stand on their own lines.
    let rules = pouxi::clean::Rules::builtin();
    let (mut glued_ads, mut line_ads) = (Vec::new(), Vec::new());
    for page in ["wenku_page.txt", "wechat_article.txt", "paste_plain.txt"] {
        for flag in pouxi::clean::find_ads(&fixture(page), &rules) {
            let kind = rules
                .rules()
                .iter()
                .find(|rule| rule.id() == flag.rule)
                .map(|rule| rule.kind());
            if flag.text.trim().is_empty() {
                continue;
            } else if kind == Some(pouxi::clean::RuleKind::Cut) {
                glued_ads.push(flag.text);
            } else {
                line_ads.push(flag.text);
            }
        }
    }
    assert!(
        glued_ads.len() > 2 && line_ads.len() > 2,
        "the fixtures' ads are found"
    );

    let finding = |k: usize, number: usize| {
        let mut text = format!(
            "{}是{}。",
            pouxi::draft::numbering::chinese_number(number),
            headlines[k % headlines.len()]
        );
        let mut at = (k * 7) % sentences.len();
        let mut body_chars = 0;
        let mut glued = !k.is_multiple_of(5);
        while body_chars < 200 {
            let sentence = &sentences[at];
            if !glued && body_chars > 60 {
                text.push_str(&glued_ads[k % glued_ads.len()]);
                glued = true;
            }
            text.push_str(sentence);
            body_chars += sentence.chars().count();
            at = (at + 1 + k % 3) % sentences.len();
        }
        text.push('\n');
        if k % 12 == 11 {
            text.push_str(&line_ads[(k / 12) % line_ads.len()]);
            text.push('\n');
        }
        text
    };
    // How many findings a category needs for the whole to reach `bytes`.
    let sample: usize = (0..60).map(|k| finding(k, k + 1).len()).sum::<usize>() / 60;
    let per_category = bytes.div_ceil(sample * seed.categories().len().max(1)) + 1;

    let mut out = format!("{}\n\n{}\n", seed.title, DEFAULT_HEADING);
    let mut k = 0;
    for (c, category) in seed.categories().iter().enumerate() {
        out.push_str(&pouxi::draft::numbering::category_label(c));
        out.push_str(&category.title);
        out.push('\n');
        for number in 1..=per_category {
            out.push_str(&finding(k, number));
            k += 1;
        }
    }
    out
}

/// About `bytes` of material in each shape the import must stay linear on, by name: the seed
/// material repeated, one long speech, all of it on one line, hard-wrapped into short lines,
/// with a running header and page number on every page, and a list of numbered markers.
pub fn material_shapes(bytes: usize) -> Vec<(&'static str, String)> {
    let seed = fixture("seed_material.txt");
    let repeated = seed.repeat(bytes.div_ceil(seed.len()));
    let speech = big_material(bytes);
    let one_line: String = speech.lines().collect::<Vec<_>>().join("");
    // A PDF copy: every line cut after 18 characters.
    let mut short_lines = String::with_capacity(speech.len() * 11 / 10);
    for line in speech.lines() {
        let chars: Vec<char> = line.chars().collect();
        for piece in chars.chunks(18) {
            short_lines.extend(piece);
            short_lines.push('\n');
        }
    }
    // A running header and a page number after every 30 lines.
    let mut headers = String::with_capacity(speech.len() * 11 / 10);
    for (k, line) in speech.lines().enumerate() {
        if k % 30 == 0 {
            headers.push_str(&format!(
                "- {} -\n2023年度专题民主生活会个人对照检查材料\n",
                k / 30 + 1
            ));
        }
        headers.push_str(line);
        headers.push('\n');
    }
    // Numbered markers at every level, each opening a short line.
    let mut markers = String::from("对照检查材料\n二、检视存在的问题\n");
    let mut k = 0;
    while markers.len() < bytes {
        let n = k % 99 + 1;
        markers.push_str(&match k % 4 {
            0 => format!(
                "（{}）在理论学习方面。\n",
                pouxi::draft::numbering::chinese_number(n)
            ),
            1 => format!(
                "{}是学习不够深入，满足于完成规定动作。\n",
                pouxi::draft::numbering::chinese_number(n)
            ),
            2 => format!("{n}. 研究深度不够，没有做到融会贯通。\n"),
            _ => format!("（{n}）落实不到位，效果不明显。\n"),
        });
        k += 1;
    }
    vec![
        ("seed material repeated", repeated),
        ("one speech", speech),
        ("one long line", one_line),
        ("many short lines", short_lines),
        ("running headers, page numbers", headers),
        ("many numbered markers", markers),
    ]
}
