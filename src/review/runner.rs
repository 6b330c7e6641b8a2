//! Running the checks over a draft: each check family reads the draft alone and writes its own
//! items, so on a large draft they share the machine's cores with each other and with the ad
//! scan ([`crate::parallel`]); the items are then put in reading order.

use super::{
    Lexicon, ReviewItem, ads, cause, circumstance, concrete, formulation, headline, idiom, outline,
    placeholder, repetition, spun, structure, typography, wording,
};
use crate::ads::FieldAds;
use crate::clean::Rules;
use crate::draft::{Draft, TextField};
use crate::parallel::{self, Job};
use std::collections::HashMap;

/// Reviews the whole draft with the built-in word list and dictionary. Items come in reading
/// order (by field, then by position in the field); within one spot, the more serious kinds
/// first. Run it when the draft changes, not every frame.
pub fn run(draft: &Draft, rules: &Rules) -> Vec<ReviewItem> {
    run_with(draft, rules, &Lexicon::builtin())
}

/// [`run`] with a word list and dictionary of formulations of one's own (the built-in one
/// extended by the user's `review.ron`).
///
/// Cost: linear in the text, plus at most 64 body comparisons
/// per finding.
pub fn run_with(draft: &Draft, rules: &Rules, lexicon: &Lexicon) -> Vec<ReviewItem> {
    run_and_find_ads(draft, rules, lexicon).1
}

/// What [`crate::ads::in_draft`] finds in `draft`, and [`run_with`]'s items: the ad scan and
/// the checks run side by side, for a caller that needs both (`pouxi check`).
pub fn run_and_find_ads(
    draft: &Draft,
    rules: &Rules,
    lexicon: &Lexicon,
) -> (Vec<FieldAds>, Vec<ReviewItem>) {
    enum Answer {
        Checked(usize, Vec<ReviewItem>),
        Ads(Vec<FieldAds>),
    }
    let wrong_words = wording::WrongWords::of(lexicon);
    // The checks first, the longest of them first: they are the longer jobs, and the ad
    // scan's many short ones fill in behind them. Each keeps its family's place (see
    // [`checks`]) for the order of the items.
    let mut checks = checks(draft, lexicon, &wrong_words);
    checks.sort_by_key(|check| check.cost);
    let mut jobs: Vec<Job<Answer>> = checks
        .into_iter()
        .map(|check| -> Job<Answer> {
            let (place, run) = (check.place, check.run);
            Box::new(move || Answer::Checked(place, run()))
        })
        .collect();
    jobs.extend(
        crate::ads::scan_jobs(draft, rules)
            .into_iter()
            .map(|scan| -> Job<Answer> { Box::new(move || Answer::Ads(scan())) }),
    );
    let mut checked = Vec::new();
    let mut found_ads = Vec::new();
    for answer in parallel::run_all(jobs) {
        match answer {
            Answer::Checked(place, items) => checked.push((place, items)),
            Answer::Ads(found) => found_ads.extend(found),
        }
    }
    checked.sort_by_key(|(place, _)| *place);
    let checked = checked.into_iter().map(|(_, items)| items).collect();
    let items = finish(draft, &found_ads, checked, lexicon);
    (found_ads, items)
}

/// One check family, or one share of the draft for a family that reads each field alone.
struct Check<'a> {
    /// The family's place in [`checks`]: when two families fall on one spot, the earlier
    /// family's item is kept.
    place: usize,
    /// How long the job runs, in classes measured on a large draft (0 the longest): the
    /// longest start first, so that no long job is left to run alone at the end.
    cost: u8,
    run: Job<'a, Vec<ReviewItem>>,
}

/// A large draft's fields in shares of about this many bytes, for the checks that read each
/// field alone: the longest check family then runs on every core.
const SHARE_BYTES: usize = 64 * 1024;

/// Every check of the draft, as jobs: one per check family in the order their items are kept
/// when two fall on one spot, the word checks one per share of the fields.
fn checks<'a>(
    draft: &'a Draft,
    lexicon: &'a Lexicon,
    wrong_words: &'a wording::WrongWords<'a>,
) -> Vec<Check<'a>> {
    fn job<'a>(
        place: usize,
        cost: u8,
        check: impl FnOnce(&mut Vec<ReviewItem>) + Send + 'a,
    ) -> Check<'a> {
        Check {
            place,
            cost,
            run: Box::new(move || {
                let mut items = Vec::new();
                check(&mut items);
                items
            }),
        }
    }
    let mut checks = vec![
        job(0, 3, move |items| placeholder::check(draft, items)),
        job(1, 3, move |items| structure::check(draft, items)),
        job(2, 2, move |items| outline::check(draft, items)),
        job(3, 3, move |items| headline::check(draft, items)),
        job(4, 0, move |items| concrete::check(draft, items)),
        job(5, 2, move |items| cause::check(draft, items)),
        job(6, 0, move |items| circumstance::check(draft, items)),
        job(7, 1, move |items| repetition::check(draft, items)),
        job(8, 2, move |items| formulation::check(draft, lexicon, items)),
    ];
    let fields = draft.text_fields();
    for share in parallel::in_runs(&fields, |(_, text)| text.len(), SHARE_BYTES) {
        checks.push(job(9, 0, move |items| {
            wording::check(&share, wrong_words, items);
        }));
    }
    checks.extend([
        job(10, 2, move |items| spun::check(draft, lexicon, items)),
        job(11, 1, move |items| idiom::check(draft, lexicon, items)),
        job(12, 3, move |items| typography::check(draft, items)),
    ]);
    checks
}

/// The ad items, then every check's, without the rules the user turned off, in reading order.
fn finish(
    draft: &Draft,
    found_ads: &[FieldAds],
    checked: Vec<Vec<ReviewItem>>,
    lexicon: &Lexicon,
) -> Vec<ReviewItem> {
    let mut items = Vec::new();
    ads::check(draft, found_ads, &mut items);
    items.extend(checked.into_iter().flatten());
    items.retain(|item| !lexicon.is_disabled(&item.rule));
    super::dismiss::drop_dismissed_items(draft, &mut items);
    sort_in_reading_order(draft, &mut items);
    // One mend offered twice (a listed wrong idiom the idiom check also knows, `一如继往`)
    // is one item: the earlier check family's, which names the entry.
    items.dedup_by(|later, kept| {
        later.fix.is_some()
            && later.location == kept.location
            && later.range == kept.range
            && later.fix == kept.fix
    });
    items
}

fn sort_in_reading_order(draft: &Draft, items: &mut [ReviewItem]) {
    let order: HashMap<TextField, usize> = draft
        .text_fields()
        .into_iter()
        .enumerate()
        .map(|(i, (field, _))| (field, i))
        .collect();
    items.sort_by_cached_key(|item| {
        (
            order
                .get(&item.location.field())
                .copied()
                .unwrap_or(usize::MAX),
            item.range.as_ref().map_or(0, |r| r.start),
            item.kind,
        )
    });
}

#[cfg(test)]
mod tests {
    use super::super::test_support::draft_of;
    use super::*;

    #[test]
    fn a_mend_two_checks_offer_is_one_item_named_after_the_list_entry() {
        let draft = draft_of(&[(
            "在理论学习方面",
            &[("学习坚持不够", "一如继往地抓学习不够，学用脱节。")],
        )]);
        let items = run(&draft, &Rules::builtin());
        let mends: Vec<&ReviewItem> = items
            .iter()
            .filter(|item| item.fix.as_ref().is_some_and(|fix| fix.from == "一如继往"))
            .collect();
        assert_eq!(mends.len(), 1, "{items:#?}");
        assert_eq!(mends[0].rule, "wrong_word/一如继往");
    }

    #[test]
    fn a_draft_checked_in_shares_has_every_field_checked_once_in_reading_order() {
        // Each body is about 1.5 KB, so the 120 findings make several shares.
        let filler = "在工作中满足于完成规定动作，学习的针对性和系统性需要加强。".repeat(16);
        let bodies: Vec<String> = (0..120)
            .map(|i| format!("第{i}次会议上，我对群众的合理述求回应不及时。{filler}"))
            .collect();
        let findings: Vec<(&str, &str)> = bodies
            .iter()
            .map(|b| ("回应群众不够", b.as_str()))
            .collect();
        let draft = draft_of(&[("在担当作为方面", &findings)]);
        assert!(parallel::in_runs(&draft.text_fields(), |(_, t)| t.len(), SHARE_BYTES).len() > 2);
        let items = run(&draft, &Rules::builtin());
        let flagged: Vec<TextField> = items
            .iter()
            .filter(|item| item.fix.as_ref().is_some_and(|fix| fix.from == "述求"))
            .map(|item| item.location.field())
            .collect();
        let bodies: Vec<TextField> = draft
            .text_fields()
            .into_iter()
            .map(|(field, _)| field)
            .filter(|field| matches!(field, TextField::Body(_)))
            .collect();
        assert_eq!(flagged, bodies);
    }
}
