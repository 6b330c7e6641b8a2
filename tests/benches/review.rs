//! The reviewer, release: `review::run` (what the 检查 panel and `pouxi check` run) on the
//! seed, on the 6 × 100 stress draft and on 10,000 findings, where comparing every pair of
//! findings used to take 25 s at 8,000. The 10,000 findings are the seed's sentences in a
//! different order each, so they are much alike: the hardest case for the repetition index.

#[path = "../perf_support/mod.rs"]
mod perf_support;
mod support;

use pouxi::clean::Rules;
use std::time::Duration;
use support::{report, time_runs};

fn main() {
    let rules = Rules::builtin();
    support::header("reviewer, release");
    let seed = perf_support::seed_draft();
    report(
        "review seed (25 findings)",
        time_runs(20, 500, || {
            std::hint::black_box(pouxi::review::run(&seed, &rules));
        }),
        None,
    );
    let stress = perf_support::standard_stress_draft();
    report(
        "review stress 6×100",
        time_runs(5, 100, || {
            std::hint::black_box(pouxi::review::run(&stress, &rules));
        }),
        None,
    );
    let huge = perf_support::stress_draft(10, 1_000, 200);
    report(
        "review 10,000 findings",
        time_runs(3, 20, || {
            std::hint::black_box(pouxi::review::run(&huge, &rules));
        }),
        Some(Duration::from_secs(1)),
    );
    report(
        "check report 10,000 findings (as `check`)",
        time_runs(3, 20, || {
            std::hint::black_box(pouxi::check::report(&huge, &rules).to_json());
        }),
        Some(Duration::from_secs(1)),
    );
}
