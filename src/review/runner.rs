//! Running the checks over a draft: each check family reads the draft alone and writes its own
//! items, so on a large draft they share the machine's cores with each other and with the ad
//! scan ([`crate::parallel`]); the items are then put in reading order.

use super::{
    Lexicon, ReviewItem, ads, cause, circumstance, concrete, formulation, headline, idiom, outline,
    placeholder, repetition, structure, typography, wording,
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
        Checked(Vec<ReviewItem>),
        Ads(Vec<FieldAds>),
    }
    // The checks first: they are the longer jobs, and the ad scan's many short ones fill in
    // behind them.
    let mut jobs: Vec<Job<Answer>> = checks(draft, lexicon)
        .into_iter()
        .map(|check| -> Job<Answer> { Box::new(move || Answer::Checked(check())) })
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
            Answer::Checked(items) => checked.push(items),
            Answer::Ads(found) => found_ads.extend(found),
        }
    }
    let items = finish(draft, &found_ads, checked, lexicon);
    (found_ads, items)
}

/// One job per check family, in the order their items are kept when two fall on one spot.
fn checks<'a>(draft: &'a Draft, lexicon: &'a Lexicon) -> Vec<Job<'a, Vec<ReviewItem>>> {
    fn job<'a>(check: impl FnOnce(&mut Vec<ReviewItem>) + Send + 'a) -> Job<'a, Vec<ReviewItem>> {
        Box::new(move || {
            let mut items = Vec::new();
            check(&mut items);
            items
        })
    }
    vec![
        job(move |items| placeholder::check(draft, items)),
        job(move |items| structure::check(draft, items)),
        job(move |items| outline::check(draft, items)),
        job(move |items| headline::check(draft, items)),
        job(move |items| concrete::check(draft, items)),
        job(move |items| cause::check(draft, items)),
        job(move |items| circumstance::check(draft, items)),
        job(move |items| repetition::check(draft, items)),
        job(move |items| formulation::check(draft, lexicon, items)),
        job(move |items| wording::check(draft, lexicon, items)),
        job(move |items| idiom::check(draft, items)),
        job(move |items| typography::check(draft, items)),
    ]
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
}
