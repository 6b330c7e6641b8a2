//! The importer scored on real pages nobody here wrote (tests/fixtures/real/, see its INDEX.md).
//! Each page has a reader's marks beside it: junk that must go, content that must stay, and the
//! categories with their finding counts where the structure is plain. The figures are printed
//! (`cargo test --test import_corpus -- --nocapture`) and held to floors that are never lowered.

mod import_support;

use import_support::*;
use pouxi::clean::Rules;
use pouxi::import;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::Path;

/// Share of marked junk spans removed, at least.
const JUNK_FLOOR: f64 = 0.95;
/// Share of marked content spans kept: all of them.
const CONTENT_FLOOR: f64 = 1.0;
/// Share of pages with marked structure that parse into exactly that structure, at least.
const STRUCTURE_FLOOR: f64 = 0.90;

#[derive(Deserialize)]
struct Marks {
    junk: Vec<String>,
    content: Vec<String>,
    /// Finding counts per category; empty = no problems part; None = not plain, not scored.
    structure: Option<Vec<usize>>,
}

struct Page {
    name: String,
    text: String,
    marks: Marks,
}

fn pages() -> Vec<Page> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|file| {
            let name = file.trim_end_matches(".txt").to_owned();
            let text = std::fs::read_to_string(dir.join(&file)).unwrap();
            let marks = std::fs::read_to_string(dir.join(format!("{name}.marks.json")))
                .unwrap_or_else(|_| panic!("{name} has no marks file"));
            let marks: Marks = serde_json::from_str(&marks).unwrap();
            Page { name, text, marks }
        })
        .collect()
}

/// True when every non-whitespace character of every occurrence of `junk` lies inside a
/// removed (not restored) span.
fn junk_removed(text: &str, junk: &str, imported: &import::Imported) -> bool {
    let removed: Vec<(usize, usize)> = imported
        .removed
        .iter()
        .filter(|r| !r.restored)
        .map(|r| (r.start, r.end))
        .collect();
    let covered = |at: usize| removed.iter().any(|&(s, e)| s <= at && at < e);
    let occurrences: Vec<usize> = text.match_indices(junk).map(|(at, _)| at).collect();
    assert!(
        !occurrences.is_empty(),
        "marked junk not in the page: {junk}"
    );
    occurrences.into_iter().all(|start| {
        junk.char_indices()
            .filter(|(_, c)| !c.is_whitespace())
            .all(|(i, _)| covered(start + i))
    })
}

fn counts(draft: &pouxi::draft::Draft) -> Vec<usize> {
    draft
        .categories()
        .iter()
        .map(|c| c.findings.len())
        .collect()
}

#[test]
fn real_pages_import_clean_and_whole() {
    let rules = Rules::builtin();
    let pages = pages();
    assert!(pages.len() >= 40, "the corpus holds {} pages", pages.len());
    let (mut junk_total, mut junk_gone) = (0, 0);
    let (mut content_total, mut content_kept) = (0, 0);
    let (mut marked, mut exact) = (0, 0);
    let mut misses = Vec::new();
    for page in &pages {
        let imported = import::import_text(&page.text, &rules, &BTreeSet::new());
        assert_conserved(&page.text, &imported);
        assert!(imported.draft.ids_are_unique(), "{}", page.name);
        for junk in &page.marks.junk {
            junk_total += 1;
            if junk_removed(&page.text, junk, &imported) {
                junk_gone += 1;
            } else {
                misses.push(format!("{}: junk kept: {junk}", page.name));
            }
        }
        let kept = strip_ws(&draft_texts(&imported.draft).concat());
        for content in &page.marks.content {
            content_total += 1;
            if kept.contains(&strip_ws(content)) {
                content_kept += 1;
            } else {
                misses.push(format!("{}: content lost: {content}", page.name));
            }
        }
        if let Some(want) = &page.marks.structure {
            marked += 1;
            let got = counts(&imported.draft);
            if &got == want {
                exact += 1;
            } else {
                misses.push(format!("{}: structure {got:?}, marked {want:?}", page.name));
            }
        }
    }
    let share = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let (junk, content, structure) = (
        share(junk_gone, junk_total),
        share(content_kept, content_total),
        share(exact, marked),
    );
    println!("corpus: {} real pages", pages.len());
    println!(
        "junk spans removed:   {junk_gone}/{junk_total} = {:.1}%",
        junk * 100.0
    );
    println!(
        "content spans kept:   {content_kept}/{content_total} = {:.1}%",
        content * 100.0
    );
    println!(
        "exact structure:      {exact}/{marked} marked pages = {:.1}%",
        structure * 100.0
    );
    for miss in &misses {
        println!("  {miss}");
    }
    assert!(junk >= JUNK_FLOOR, "junk removed {junk:.3} < {JUNK_FLOOR}");
    assert!(
        content >= CONTENT_FLOOR,
        "content kept {content:.3} < {CONTENT_FLOOR}"
    );
    assert!(
        structure >= STRUCTURE_FLOOR,
        "exact structure {structure:.3} < {STRUCTURE_FLOOR}"
    );
}
