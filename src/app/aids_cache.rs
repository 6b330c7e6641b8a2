//! The writing aids' figures, recomputed when the draft changes rather than every frame: the
//! reviewer's items, the originality meter, the length targets, and the find matches. On a
//! large draft the reviewer and the page count run in the background (see `background`).

use super::background::Background;
use crate::clean::Rules;
use crate::draft::targets::{self, TargetReport};
use crate::draft::{Dismissals, Draft, FindingId, LedgerRow};
use crate::export::{self, ExportSettings};
use crate::originality;
use crate::review::{self, Lexicon, ReviewGroup};
use crate::search::{self, Match, SearchOptions};
use std::collections::HashMap;

/// The reviewer reads the whole draft; on a long draft it waits for a pause in typing rather
/// than running on each keystroke.
const REVIEW_PAUSE: f64 = 0.4;

/// Drafts with at least this much text are reviewed and paginated off the window's thread:
/// there the reviewer takes about 40 ms, the longest stall a pause in typing should cost.
/// (A speech is some 10 to 50 KB, so every real draft is worked out in the frame, at once.)
const IN_BACKGROUND_FROM_BYTES: u64 = 256 * 1024;

fn large(draft: &Draft) -> bool {
    crate::store::text_bytes(draft) >= IN_BACKGROUND_FROM_BYTES
}

/// What a page count finds: pages, and characters as printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PrintedFigures {
    pages: usize,
    chars: usize,
}

impl PrintedFigures {
    fn of(draft: &Draft, settings: &ExportSettings) -> PrintedFigures {
        let printed = export::printed_speech(draft, settings);
        let chars = printed
            .speech
            .paragraphs
            .iter()
            .flat_map(|p| &p.runs)
            .map(|run| crate::draft::count_chars(&run.text))
            .sum();
        PrintedFigures {
            pages: export::page_count(&printed.speech),
            chars,
        }
    }
}

#[derive(Debug)]
pub struct AidsCache {
    figures_for: Option<u64>,
    pub targets: Option<TargetReport>,
    /// Share of each finding still verbatim from the imported material.
    pub copied: HashMap<FindingId, f32>,
    pub copied_total: Option<f32>,
    /// Measures only the texts a change touched.
    meter: originality::Meter,
    review_for: Option<u64>,
    /// The reviewer's advice, identical items folded.
    pub review: Vec<ReviewGroup>,
    /// How many places of advice the writer has ignored (忽略) and still holds back.
    pub ignored: usize,
    /// The draft's dismissals as `review` and `ignored` last followed them.
    dismissed_seen: Dismissals,
    /// The reviewer's word list extended by the user's `review.ron`; None for the built-in
    /// one.
    lexicon: Option<Lexicon>,
    matches_for: Option<(u64, String, bool)>,
    pub matches: Vec<Match>,
    ledger_for: Option<u64>,
    /// The 整改清单's rows, while its panel is open.
    ledger: Vec<LedgerRow>,
    pages_for: Option<(u64, ExportSettings)>,
    /// Pages the speech prints on with the export settings, as the page preview lays it out.
    pub pages: Option<usize>,
    /// Characters of the speech as it prints (Word's count of the exported file: numbers
    /// included, parts and categories with nothing written left out).
    pub printed_chars: Option<usize>,
    reviewer: Background<Vec<ReviewGroup>>,
    /// Counts in the background, with the settings each was asked for.
    pager: Background<(PrintedFigures, ExportSettings)>,
}

impl Default for AidsCache {
    fn default() -> AidsCache {
        AidsCache {
            figures_for: None,
            targets: None,
            copied: HashMap::new(),
            copied_total: None,
            meter: originality::Meter::default(),
            review_for: None,
            review: Vec::new(),
            ignored: 0,
            dismissed_seen: Dismissals::new(),
            lexicon: None,
            matches_for: None,
            matches: Vec::new(),
            ledger_for: None,
            ledger: Vec::new(),
            pages_for: None,
            pages: None,
            printed_chars: None,
            reviewer: Background::new("review"),
            pager: Background::new("pages"),
        }
    }
}

impl AidsCache {
    /// Reads the user's review word list over the built-in one. Returns the problem, in
    /// Chinese, when the file cannot be used (the built-in list is used then).
    pub fn load_lexicon(&mut self, path: &std::path::Path) -> Option<String> {
        match Lexicon::builtin_with_user(path) {
            Ok(lexicon) => {
                self.lexicon = Some(lexicon);
                self.review_for = None;
                None
            }
            Err(error) => {
                self.lexicon = None;
                Some(error.message_zh())
            }
        }
    }

    /// Targets and originality: cheap enough to follow every change.
    pub fn refresh_figures(&mut self, draft: &Draft, revision: u64) {
        if self.figures_for == Some(revision) {
            return;
        }
        self.figures_for = Some(revision);
        // Counting the whole draft on every keystroke is wasted when no target is set.
        let has_targets =
            draft.targets.total.is_some() || draft.categories().iter().any(|c| c.target.is_some());
        self.targets = has_targets.then(|| targets::progress(draft));
        let report = self.meter.report(draft);
        match report {
            Some(report) => {
                self.copied = report.per_finding.into_iter().collect();
                self.copied_total = Some(report.total);
            }
            None => {
                self.copied.clear();
                self.copied_total = None;
            }
        }
    }

    /// Runs the reviewer when the draft changed and typing has paused. Returns true when it
    /// still owes a run, so the caller asks for a repaint.
    pub fn refresh_review(
        &mut self,
        draft: &Draft,
        revision: u64,
        rules: &Rules,
        seconds_since_change: f64,
    ) -> bool {
        if let Some((done_for, groups)) = self.reviewer.poll() {
            if let Some(groups) = groups {
                self.review = groups;
                self.ignored = review::dismissed_in_force(draft);
            }
            self.review_for = Some(done_for);
        }
        if self.review_for == Some(revision) {
            return false;
        }
        // Advice ignored or brought back since: the list loses it at once, not after the pause
        // and the review, and the count follows. Only when the dismissals changed: not on
        // every frame of typing.
        if self.dismissed_seen != draft.dismissed {
            review::drop_dismissed(draft, &mut self.review);
            self.ignored = review::dismissed_in_force(draft);
            self.dismissed_seen.clone_from(&draft.dismissed);
        }
        if self.reviewer.busy()
            || (self.review_for.is_some() && seconds_since_change < REVIEW_PAUSE)
        {
            return true;
        }
        if large(draft) {
            let (draft, rules, lexicon) = (draft.clone(), rules.clone(), self.lexicon.clone());
            let review = move || {
                let lexicon = lexicon.unwrap_or_else(Lexicon::builtin);
                review::fold(review::run_with(&draft, &rules, &lexicon))
            };
            if self.reviewer.submit(revision, review) {
                return true;
            }
        }
        let builtin;
        let lexicon = match &self.lexicon {
            Some(lexicon) => lexicon,
            None => {
                builtin = Lexicon::builtin();
                &builtin
            }
        };
        self.review = review::fold(review::run_with(draft, rules, lexicon));
        self.ignored = review::dismissed_in_force(draft);
        self.review_for = Some(revision);
        false
    }

    /// The 整改清单's rows, derived again only when the draft changed (not every frame).
    pub fn refresh_ledger(&mut self, draft: &Draft, revision: u64) {
        if self.ledger_for != Some(revision) {
            self.ledger = draft.ledger_rows();
            self.ledger_for = Some(revision);
        }
    }

    /// The rows worked out for `revision`, if they were.
    pub fn ledger_at(&self, revision: u64) -> Option<&[LedgerRow]> {
        (self.ledger_for == Some(revision)).then_some(self.ledger.as_slice())
    }

    /// Counts the printed pages when the draft or the export settings changed, after the
    /// same pause in typing as the reviewer. Returns true when it still owes a count.
    pub fn refresh_pages(
        &mut self,
        draft: &Draft,
        revision: u64,
        settings: &ExportSettings,
        seconds_since_change: f64,
    ) -> bool {
        if let Some((done_for, figures)) = self.pager.poll() {
            match figures {
                Some((figures, for_settings)) => self.show_pages(figures, done_for, for_settings),
                // The count failed: not asked again for this revision.
                None => self.pages_for = Some((done_for, settings.clone())),
            }
        }
        if let Some((for_revision, for_settings)) = &self.pages_for
            && *for_revision == revision
            && for_settings == settings
        {
            return false;
        }
        if self.pager.busy() || (self.pages_for.is_some() && seconds_since_change < REVIEW_PAUSE) {
            return true;
        }
        if large(draft) {
            let (draft, settings) = (draft.clone(), settings.clone());
            let count = move || (PrintedFigures::of(&draft, &settings), settings);
            if self.pager.submit(revision, count) {
                return true;
            }
        }
        self.show_pages(
            PrintedFigures::of(draft, settings),
            revision,
            settings.clone(),
        );
        false
    }

    fn show_pages(&mut self, figures: PrintedFigures, revision: u64, settings: ExportSettings) {
        self.pages = Some(figures.pages);
        self.printed_chars = Some(figures.chars);
        self.pages_for = Some((revision, settings));
    }

    pub fn refresh_matches(&mut self, draft: &Draft, revision: u64, query: &str, match_case: bool) {
        let key = (revision, query.to_owned(), match_case);
        if self.matches_for.as_ref() == Some(&key) {
            return;
        }
        self.matches = search::find(draft, query, SearchOptions { match_case });
        self.matches_for = Some(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Finding, FindingId, Template};

    /// The default template with findings enough to pass the background threshold, each
    /// with a fault the reviewer flags.
    fn large_draft() -> Draft {
        let mut draft = Template::default_template().to_draft();
        let body = "理论学习抓的不够紧，满足于读原文、记笔记，联系实际思考不深。".repeat(8);
        let categories = draft.categories_mut().expect("the template has categories");
        for i in 0..700 {
            categories[i % 4].findings.push(Finding {
                id: FindingId(1000 + i as u64),
                headline: format!("问题{i}"),
                body: body.clone(),
            });
        }
        assert!(large(&draft), "{} bytes", crate::store::text_bytes(&draft));
        draft
    }

    #[test]
    fn a_large_draft_is_reviewed_and_paginated_off_the_window_thread() {
        let draft = large_draft();
        let rules = Rules::builtin();
        let settings = ExportSettings::default();
        let mut cache = AidsCache::default();
        // The first frame hands the work over and goes on: nothing is shown yet.
        assert!(cache.refresh_review(&draft, 7, &rules, 0.0));
        assert!(cache.refresh_pages(&draft, 7, &settings, 0.0));
        assert!(cache.review.is_empty() && cache.pages.is_none());
        // Later frames pick the answers up (a few minutes at most, so a hang fails).
        let mut owed = true;
        for _ in 0..3000 {
            owed = cache.refresh_review(&draft, 7, &rules, 1.0)
                | cache.refresh_pages(&draft, 7, &settings, 1.0);
            if !owed {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        assert!(!owed, "the background work never answered");
        let expected = review::fold(review::run_with(&draft, &rules, &Lexicon::builtin()));
        assert!(!expected.is_empty());
        assert_eq!(cache.review, expected);
        let figures = PrintedFigures::of(&draft, &settings);
        assert_eq!(cache.pages, Some(figures.pages));
        assert_eq!(cache.printed_chars, Some(figures.chars));
    }

    #[test]
    fn a_small_draft_is_reviewed_and_paginated_at_once() {
        let mut draft = Template::default_template().to_draft();
        draft.categories_mut().expect("categories")[0]
            .findings
            .push(Finding {
                id: FindingId(1),
                headline: "学习不够".into(),
                body: "理论学习抓的不够紧。".into(),
            });
        let rules = Rules::builtin();
        let mut cache = AidsCache::default();
        assert!(!cache.refresh_review(&draft, 3, &rules, 0.0));
        assert!(!cache.refresh_pages(&draft, 3, &ExportSettings::default(), 0.0));
        assert!(!cache.review.is_empty() && cache.pages.is_some());
    }
}
