//! Large inputs shared by the benchmarks (tests/benches) and the stress-draft UI tests: a draft
//! of 6 × 100 findings of about 200 characters, and about 1 MB of downloaded material. Both are
//! built from the fixtures' real text, so they read (and parse) like the real thing.
#![allow(dead_code)]

use pouxi::draft::{Category, CategoryId, DEFAULT_HEADING, Draft, Finding, FindingId};
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

/// Every sentence of the seed draft's bodies, each ending in `。`.
fn seed_sentences(seed: &Draft) -> Vec<String> {
    seed.categories
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
        .categories
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
        heading: DEFAULT_HEADING.to_owned(),
        ..Draft::default()
    };
    for c in 0..categories {
        let title = seed
            .categories
            .get(c % seed.categories.len())
            .map(|c| c.title.clone())
            .unwrap_or_default();
        let mut category = Category {
            id: CategoryId(take_id()),
            title,
            findings: Vec::new(),
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
        draft.categories.push(category);
    }
    draft
}

/// The draft the budgets speak of: 6 × 100 findings of about 200 characters.
pub fn standard_stress_draft() -> Draft {
    stress_draft(6, 100, 200)
}

/// At least `bytes` of material as people download it: the fixture pages (articles with ads,
/// PDF copies, pasted text, the seed) one after the other, each copy's title numbered so no two
/// are the same.
pub fn big_material(bytes: usize) -> String {
    let pages = [
        fixture("seed_material.txt"),
        fixture("wenku_page.txt"),
        fixture("wechat_article.txt"),
        fixture("pdf_copy.txt"),
        fixture("paste_plain.txt"),
    ];
    let mut out = String::with_capacity(bytes + 16 * 1024);
    let mut copy = 0;
    while out.len() < bytes {
        for page in &pages {
            copy += 1;
            let mut lines = page.lines();
            if let Some(first) = lines.next() {
                out.push_str(first.trim_end());
                out.push_str(&format!("（第{copy}份）\n"));
            }
            for line in lines {
                out.push_str(line);
                out.push('\n');
            }
            out.push('\n');
        }
    }
    out
}
