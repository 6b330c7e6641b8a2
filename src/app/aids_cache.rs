//! The writing aids' figures, recomputed when the draft changes rather than every frame: the
//! reviewer's items, the originality meter, the length targets, and the find matches.

use crate::clean::Rules;
use crate::draft::targets::{self, TargetReport};
use crate::draft::{Draft, FindingId, LedgerRow};
use crate::export::{self, ExportSettings};
use crate::originality;
use crate::review::{self, Lexicon, ReviewGroup};
use crate::search::{self, Match, SearchOptions};
use std::collections::HashMap;

/// The reviewer reads the whole draft; on a long draft it waits for a pause in typing rather
/// than running on each keystroke.
const REVIEW_PAUSE: f64 = 0.4;

#[derive(Debug, Default)]
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
        if self.review_for == Some(revision) {
            return false;
        }
        if self.review_for.is_some() && seconds_since_change < REVIEW_PAUSE {
            return true;
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
        if let Some((for_revision, for_settings)) = &self.pages_for
            && *for_revision == revision
            && for_settings == settings
        {
            return false;
        }
        if self.pages_for.is_some() && seconds_since_change < REVIEW_PAUSE {
            return true;
        }
        let printed = export::printed_speech(draft, settings);
        self.pages = Some(export::page_count(&printed.speech));
        let chars = printed
            .speech
            .paragraphs
            .iter()
            .flat_map(|p| &p.runs)
            .map(|run| crate::draft::count_chars(&run.text))
            .sum();
        self.printed_chars = Some(chars);
        self.pages_for = Some((revision, settings.clone()));
        false
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
