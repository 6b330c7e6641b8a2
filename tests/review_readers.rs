//! Two readers, one text. Sets of the measure of trust (`review_real.rs`) were marked again,
//! blind, by a second reader who saw neither the first reader's marks nor the reviewer
//! (`tests/fixtures/review_real/second_reader/`, same brief of kinds). How far two careful
//! people agree on what is a fault says what a recall goal can ask of the reviewer: a mark
//! only one reader makes is a fault one careful reader would not have flagged.
//! Prints the agreement, and the reviewer against each reader, against the faults both
//! marked and against those either marked.

mod review_support;

use review_support::{RealFinding, Score, UnmarkedSpaces, marked_set, overlaps, score};
use std::collections::BTreeMap;

/// The sets marked twice: self-criticism material (the first tuning set), speeches at
/// meetings, a branch's self-examination, campaign material, units' own reports and research
/// reports, democratic-appraisal self-evaluations and student members' self-examination.
const TWICE_MARKED: &[&str] = &[
    "heldout.txt",
    "heldout24.txt",
    "heldout59.txt",
    "heldout61.txt",
    "heldout64.txt",
    "heldout65.txt",
    "heldout70.txt",
    "heldout42.txt",
    "heldout53.txt",
];

/// Of `marks`' faults, by kind: how many, and how many `other` marks too (any kind over the
/// same characters, as a reviewer's flag counts).
#[derive(Default)]
struct Agreement {
    by_kind: BTreeMap<String, (usize, usize)>,
}

impl Agreement {
    fn add(&mut self, marks: &RealFinding, other: &RealFinding) {
        let theirs = other.fault_ranges();
        for (kind, range) in marks.fault_ranges() {
            let tally = self.by_kind.entry(kind.to_owned()).or_default();
            tally.0 += 1;
            if theirs.iter().any(|(_, r)| overlaps(r, &range)) {
                tally.1 += 1;
            }
        }
    }

    /// Marked, and also marked by the other reader, over every kind but those to `leave_out`.
    fn total(&self, leave_out: &[&str]) -> (usize, usize) {
        self.by_kind
            .iter()
            .filter(|(kind, _)| !leave_out.contains(&kind.as_str()))
            .fold((0, 0), |(m, a), (_, (mk, ag))| (m + mk, a + ag))
    }

    fn by_kind_line(&self) -> String {
        let kinds: Vec<String> = self
            .by_kind
            .iter()
            .map(|(kind, (marked, agreed))| format!("{kind} {agreed}/{marked}"))
            .collect();
        kinds.join(", ")
    }
}

/// The findings with the faults both readers marked (a first reader's mark the second
/// overlaps), or either marked (the first's, and the second's that overlap none of them).
fn combined(first: &[RealFinding], second: &[RealFinding], both: bool) -> Vec<RealFinding> {
    first
        .iter()
        .zip(second)
        .map(|(one, two)| {
            let theirs = two.fault_ranges();
            let mine = one.fault_ranges();
            let mut faults: Vec<(String, String)> = one
                .faults
                .iter()
                .zip(&mine)
                .filter(|(_, (_, range))| !both || theirs.iter().any(|(_, r)| overlaps(r, range)))
                .map(|(fault, _)| fault.clone())
                .collect();
            if !both {
                faults.extend(
                    two.faults
                        .iter()
                        .zip(&theirs)
                        .filter(|(_, (_, range))| !mine.iter().any(|(_, r)| overlaps(r, range)))
                        .map(|(fault, _)| fault.clone()),
                );
            }
            RealFinding {
                faults,
                ..one.clone()
            }
        })
        .collect()
}

fn percent(part: usize, whole: usize) -> String {
    format!(
        "{:.0}% ({part}/{whole})",
        part as f64 * 100.0 / whole.max(1) as f64
    )
}

/// Marks that need no judgment: a space or an unfilled slot is there or not.
const MECHANICAL: &[&str] = &["stray_space", "placeholder"];

#[test]
fn a_second_reader_against_the_first() {
    let mut first_by_second = Agreement::default();
    let mut second_by_first = Agreement::default();
    let mut against: BTreeMap<&str, Vec<Score>> = BTreeMap::new();
    let mut findings = 0;
    for name in TWICE_MARKED {
        let (first, first_spaces) = marked_set(&format!("review_real/{name}"));
        let (second, second_spaces) = marked_set(&format!("review_real/second_reader/{name}"));
        // Both readers were told to leave spaces beside figures, so the reviewer's flags on
        // them are judged neither way against either.
        assert!(
            first_spaces == UnmarkedSpaces::BesideFigures && second_spaces == first_spaces,
            "{name}: the figure-space convention"
        );
        assert_eq!(first.len(), second.len(), "{name}: findings");
        for (one, two) in first.iter().zip(&second) {
            assert_eq!(
                one.text, two.text,
                "{name}: the same findings in the same order"
            );
            first_by_second.add(one, two);
            second_by_first.add(two, one);
        }
        assert!(
            second.iter().any(|f| !f.faults.is_empty()),
            "{name}: the second reader marked nothing"
        );
        findings += first.len();
        let readers = [
            ("the first reader", first.clone()),
            ("the second reader", second.clone()),
            ("faults both marked", combined(&first, &second, true)),
            ("faults either marked", combined(&first, &second, false)),
        ];
        for (who, marks) in readers {
            against
                .entry(who)
                .or_default()
                .push(score(&marks, UnmarkedSpaces::BesideFigures));
        }
    }
    let (first_marks, seconded) = first_by_second.total(&[]);
    let (second_marks, confirmed) = second_by_first.total(&[]);
    println!(
        "{} sets, {findings} findings marked twice, blind: of the first reader's {first_marks} \
         marks the second made {}; of the second's {second_marks}, the first made {}",
        TWICE_MARKED.len(),
        percent(seconded, first_marks),
        percent(confirmed, second_marks)
    );
    let (judged, judged_seconded) = first_by_second.total(MECHANICAL);
    let (judged_second, judged_confirmed) = second_by_first.total(MECHANICAL);
    println!(
        "  without stray spaces and slots: the second made {} of the first's, the first {} of \
         the second's",
        percent(judged_seconded, judged),
        percent(judged_confirmed, judged_second)
    );
    println!(
        "  the first's marks by kind, made by the second too: {}",
        first_by_second.by_kind_line()
    );
    println!(
        "  the second's marks by kind, made by the first too: {}",
        second_by_first.by_kind_line()
    );
    for (who, scores) in &against {
        let sum = |of: fn(&Score) -> usize| scores.iter().map(of).sum::<usize>();
        let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for (kind, (marked, found)) in scores.iter().flat_map(|s| &s.by_kind) {
            let tally = by_kind.entry(kind.as_str()).or_default();
            tally.0 += marked;
            tally.1 += found;
        }
        let judged = by_kind
            .iter()
            .filter(|(kind, _)| !MECHANICAL.contains(kind))
            .fold((0, 0), |(m, f), (_, (marked, found))| {
                (m + marked, f + found)
            });
        let kinds: Vec<String> = by_kind
            .iter()
            .map(|(kind, (marked, found))| format!("{kind} {found}/{marked}"))
            .collect();
        println!(
            "the reviewer against {who}: precision {}, recall {}; {} without stray spaces and \
             slots ({})",
            percent(sum(|s| s.right), sum(|s| s.flagged)),
            percent(sum(|s| s.found), sum(|s| s.marked)),
            percent(judged.1, judged.0),
            kinds.join(", ")
        );
    }
    assert!(first_marks > 0 && second_marks > 0);
}
