//! Keeping ads out: detection of ad spans by data-driven rules, their removal, and repair of
//! copy artefacts (hard line breaks, stray spaces). Knows nothing of drafts.
//!
//! The same detection serves every door: [`find_ads`] reports what is still ad-like in a text
//! (for import, the export gate, the `check` report and warning marks), [`clean_pasted`] cleans
//! text pasted into one finding, and `import` removes exactly what [`find_ads`] reports.

mod cover;
mod damage;
mod detect;
pub mod marks;
mod prebuilt;
mod prefilter;
mod reach;
mod repair;
pub(crate) mod required;
pub mod rules;
mod view;

pub use repair::RepairStats;
pub use rules::{BUILTIN_RON, Rule, RuleFile, RuleKind, RuleSpec, Rules, RulesError};
use std::sync::atomic::{AtomicBool, Ordering};

use serde::{Deserialize, Serialize};

/// A span of text the rules consider an ad. Offsets are byte offsets into the text searched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Why, in Chinese, for the user (e.g. `广告：客服联系方式`).
    pub reason: String,
    /// Id of the rule that found it.
    pub rule: String,
}

/// A span found during import or paste, and whether the user chose to keep it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub reason: String,
    pub rule: String,
    /// True when the user restored it: the text stayed in the draft.
    pub restored: bool,
}

impl RemovedSpan {
    pub fn from_flag(flag: Flag, restored: bool) -> RemovedSpan {
        RemovedSpan {
            start: flag.start,
            end: flag.end,
            text: flag.text,
            reason: flag.reason,
            rule: flag.rule,
            restored,
        }
    }
}

/// Spans of `text` that are still ad-like: sorted, not overlapping. Import removes exactly
/// these (less what the user restores).
pub fn find_ads(text: &str, rules: &Rules) -> Vec<Flag> {
    // The two passes read the text alone; a long one has them run side by side.
    let (damage, ads) = if text.len() >= detect::PARALLEL_TEXT_BYTES {
        crate::parallel::join(|| damage::detect(text), || detect::detect(text, rules))
    } else {
        (damage::detect(text), detect::detect(text, rules))
    };
    merge_flags(text, ads, damage)
}

/// [`find_ads`] for a whole downloaded page: while a short page is read, another core
/// compiles the rules it holds the words of, so that the reading finds most of them ready.
/// Compiling the rules a page needs is most of the time it takes to read a short page; a long
/// one has its lines shared among the cores already.
pub fn find_ads_in_page(text: &str, rules: &Rules) -> Vec<Flag> {
    if !crate::parallel::has_spare_core() || text.len() >= detect::PARALLEL_TEXT_BYTES {
        return find_ads(text, rules);
    }
    let read = AtomicBool::new(false);
    let ((), flags) = crate::parallel::join(
        || rules.compile_for(text, &read),
        || {
            let flags = find_ads(text, rules);
            read.store(true, Ordering::Relaxed);
            flags
        },
    );
    flags
}

/// Both lists (each sorted, not overlapping) as one: overlapping spans become their union,
/// named after the one that starts first, or after the first list's where both start at once.
pub(crate) fn merge_flags(text: &str, ads: Vec<Flag>, damage: Vec<Flag>) -> Vec<Flag> {
    if damage.is_empty() {
        return ads;
    }
    let mut all: Vec<Flag> = ads.into_iter().chain(damage).collect();
    all.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut out: Vec<Flag> = Vec::with_capacity(all.len());
    for flag in all {
        match out.last_mut() {
            Some(last) if flag.start < last.end => {
                if flag.end > last.end {
                    last.end = flag.end;
                    last.text = text[last.start..last.end].to_owned();
                }
            }
            _ => out.push(flag),
        }
    }
    out
}

/// True when nothing in `text` is ad-like.
pub fn is_clean(text: &str, rules: &Rules) -> bool {
    find_ads(text, rules).is_empty()
}

/// Cleans text pasted into a single finding: ads out, hard line breaks joined, stray spaces
/// dropped. Paragraphs stay separated by `\n`.
pub fn clean_pasted(text: &str, rules: &Rules) -> (String, Vec<RemovedSpan>) {
    let flags = find_ads(text, rules);
    let ranges: Vec<(usize, usize)> = flags.iter().map(|f| (f.start, f.end)).collect();
    let (paragraphs, _) = repair::paragraphs(&repair::strip(text, &ranges), false);
    let removed = flags
        .into_iter()
        .map(|f| RemovedSpan::from_flag(f, false))
        .collect();
    (paragraphs.join("\n"), removed)
}

/// Removes `removed` (sorted, non-overlapping byte ranges) from `text` and repairs what is left
/// into paragraphs. With `keep_first_line`, the first line is never joined to the next.
pub fn clean_paragraphs(
    text: &str,
    removed: &[(usize, usize)],
    keep_first_line: bool,
) -> (Vec<String>, RepairStats) {
    repair::paragraphs(&repair::strip(text, removed), keep_first_line)
}

/// Only the whitespace repairs, no ad removal: paragraphs joined by `\n`.
pub fn repair_whitespace(text: &str) -> String {
    clean_paragraphs(text, &[], false).0.join("\n")
}

/// Stray spaces removed from one line (`2025 年` → `2025年`).
pub fn strip_stray_spaces(line: &str) -> String {
    repair::strip_stray_spaces(line).0
}

/// True for characters nobody sees (zero-width spaces, BOM, controls): always removed.
pub fn is_invisible(c: char) -> bool {
    view::is_invisible(c)
}

/// A Chinese character (CJK ideograph).
pub fn is_han(c: char) -> bool {
    view::is_han(c)
}

/// The real downloaded pages kept as fixtures (`tests/fixtures/real/*.txt`), in name order,
/// and the seed material: what the tests of the line-by-line reading run on.
#[cfg(test)]
pub(crate) fn real_pages_and_seed() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut pages: Vec<String> = paths
        .into_iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect();
    pages.push(include_str!("../../tests/fixtures/seed_material.txt").to_owned());
    pages
}
