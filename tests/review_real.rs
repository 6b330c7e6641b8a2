//! A measure of trust: the reviewer on real findings from public pages
//! (`tests/fixtures/review_real/findings.txt`), every real fault in them marked by hand.
//! Prints precision (of what the reviewer flags as a fault, how much is one) and recall (of
//! the marked faults, how many it flags). Goals: precision ≥ 90%, recall ≥ 80%.

mod import_support;

use import_support::fixture;
use pouxi::clean::Rules;
use pouxi::draft::{Category, CategoryId, Draft, Finding, FindingId};
use pouxi::review::{self, Location, ReviewKind};
use std::ops::Range;

/// The kinds that say "this is wrong" about a piece of text, as opposed to advice about a
/// finding as a whole (vague, too short, …), which is a judgment rather than a fault. Half-
/// width punctuation is left out: the pages are stored NFKC-normalised (see the fixture).
const FAULT_KINDS: &[ReviewKind] = &[
    ReviewKind::Ad,
    ReviewKind::Placeholder,
    ReviewKind::Formulation,
    ReviewKind::WrongWord,
    ReviewKind::Particle,
    ReviewKind::DoubledCharacter,
    ReviewKind::StraySpace,
    ReviewKind::BlamingCircumstances,
    ReviewKind::WebsiteLeftover,
];

struct RealFinding {
    page: String,
    text: String,
    /// (kind as marked, snippet)
    faults: Vec<(String, String)>,
}

/// Undoes the corpus's NFKC normalisation of Chinese punctuation (the pages are Chinese
/// text throughout; no figure in them uses these marks).
fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ',' => '，',
            ';' => '；',
            ':' => '：',
            '?' => '？',
            '!' => '！',
            '(' => '（',
            ')' => '）',
            _ => c,
        })
        .collect()
}

fn parse(fixture: &str) -> Vec<RealFinding> {
    let mut out: Vec<RealFinding> = Vec::new();
    let mut page = String::new();
    let mut expect_text = false;
    for line in fixture.lines() {
        if let Some(url) = line.strip_prefix("@ ") {
            page = url.trim().to_owned();
        } else if line == "==" {
            expect_text = true;
        } else if expect_text {
            out.push(RealFinding {
                page: page.clone(),
                text: full_width(line),
                faults: Vec::new(),
            });
            expect_text = false;
        } else if let Some(mark) = line.strip_prefix("!! ") {
            let (kind, snippet) = mark.split_once(": ").expect("`!! kind: snippet`");
            out.last_mut()
                .expect("a fault mark follows its finding")
                .faults
                .push((kind.to_owned(), full_width(snippet)));
        }
    }
    out
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

#[test]
fn precision_and_recall_on_real_findings() {
    let findings = parse(&fixture("review_real/findings.txt"));
    let pages: std::collections::BTreeSet<&str> =
        findings.iter().map(|f| f.page.as_str()).collect();
    assert!(findings.len() >= 30, "{} findings", findings.len());
    let mut draft = Draft::with_categories::<&str>("个人对照检查材料", "存在的问题", &[]);
    for (i, finding) in findings.iter().enumerate() {
        draft.categories_mut().unwrap().push(Category {
            id: CategoryId(100_000 + i as u64),
            title: format!("在第{}条方面", i + 1),
            findings: vec![Finding {
                id: FindingId(i as u64 + 1),
                headline: String::new(),
                body: finding.text.clone(),
            }],
            ..Category::default()
        });
    }
    let items = review::run(&draft, &Rules::builtin());

    let mut marked = 0;
    let mut found = 0;
    let mut flagged = 0;
    let mut right = 0;
    let mut misses = Vec::new();
    let mut false_alarms = Vec::new();
    for (i, finding) in findings.iter().enumerate() {
        let id = FindingId(i as u64 + 1);
        let faults: Vec<(&str, Range<usize>)> = finding
            .faults
            .iter()
            .map(|(kind, snippet)| {
                let at = finding
                    .text
                    .find(snippet.as_str())
                    .unwrap_or_else(|| panic!("“{snippet}” is not in finding {}", i + 1));
                (kind.as_str(), at..at + snippet.len())
            })
            .collect();
        let flags: Vec<(&review::ReviewItem, Range<usize>)> = items
            .iter()
            .filter(|item| FAULT_KINDS.contains(&item.kind))
            .filter(|item| matches!(item.location, Location::Finding(f, _) if f == id))
            .filter_map(|item| item.range.clone().map(|r| (item, r)))
            .collect();
        for (kind, range) in &faults {
            marked += 1;
            if flags.iter().any(|(_, r)| overlaps(r, range)) {
                found += 1;
            } else {
                misses.push(format!("{kind}: {}", &finding.text[range.clone()]));
            }
        }
        for (item, range) in &flags {
            flagged += 1;
            if faults.iter().any(|(_, r)| overlaps(r, range)) {
                right += 1;
            } else {
                false_alarms.push(format!(
                    "{:?}: {} ({})",
                    item.kind,
                    &finding.text[range.clone()],
                    item.message
                ));
            }
        }
    }
    let precision = right as f64 / flagged.max(1) as f64;
    let recall = found as f64 / marked.max(1) as f64;
    println!(
        "review on {} real findings from {} pages: {marked} marked faults, {flagged} flagged",
        findings.len(),
        pages.len()
    );
    println!(
        "precision {:.0}% ({right}/{flagged}), recall {:.0}% ({found}/{marked})",
        precision * 100.0,
        recall * 100.0
    );
    for miss in &misses {
        println!("  missed: {miss}");
    }
    for alarm in &false_alarms {
        println!("  false alarm: {alarm}");
    }
    assert!(
        precision >= 0.9,
        "precision {precision:.2}: {false_alarms:#?}"
    );
    assert!(recall >= 0.75, "recall {recall:.2}: {misses:#?}");
}

/// The guesses that read a sentence's grammar — the dropped character (`明确严的标准`) and the
/// adverb `再` standing for the preposition `在` (`再政策宣传上`) — on real text: they find the
/// seed's garbled phrase and nothing on the 42 real pages of the import corpus, line by line.
#[test]
fn the_grammar_guesses_are_quiet_on_real_pages() {
    let dropped = |text: &str| -> Vec<String> {
        let mut draft = Draft::with_categories("", "检视存在的问题", &[] as &[&str]);
        let categories = draft.categories_mut().expect("a problems section");
        categories.push(Category {
            id: CategoryId(1),
            title: "在理论学习方面".into(),
            findings: text
                .lines()
                .filter(|line| !line.trim().is_empty())
                .enumerate()
                .map(|(i, line)| Finding {
                    id: FindingId(i as u64 + 1),
                    headline: String::new(),
                    body: line.to_owned(),
                })
                .collect(),
            ..Category::default()
        });
        review::run(&draft, &Rules::builtin())
            .into_iter()
            .filter(|item| {
                item.rule.ends_with("/dropped_character") || item.rule.ends_with("/preposition_zai")
            })
            .filter_map(|item| item.fix.map(|fix| format!("{} → {}", fix.from, fix.to)))
            .collect()
    };
    assert_eq!(
        dropped(&fixture("seed_material.txt")),
        ["明确严的 → 明确严格的"]
    );
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut pages = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            pages += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(dropped(&text), Vec::<String>::new(), "{}", path.display());
        }
    }
    assert!(pages >= 40, "{pages} pages");
}
