//! A small median timer shared by the benchmarks: every figure is the median of many runs, with
//! the machine's load printed so a noisy run can be told from a slow one.
#![allow(dead_code)]

use std::time::{Duration, Instant};

/// How long one figure may take to measure, at most.
pub const MAX_TOTAL: Duration = Duration::from_secs(8);

pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|_| "unknown".to_owned())
}

pub fn header(title: &str) {
    println!();
    println!("== {title} (load average {}) ==", load_average());
}

pub fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples
        .get(samples.len() / 2)
        .copied()
        .unwrap_or(Duration::ZERO)
}

/// Runs `one` (which times itself and returns what it measured) `min_runs` times at least,
/// then until `max_runs` or [`MAX_TOTAL`], and returns the median and the number of runs.
pub fn runs(
    min_runs: usize,
    max_runs: usize,
    mut one: impl FnMut() -> Duration,
) -> (Duration, usize) {
    let started = Instant::now();
    let mut samples = Vec::with_capacity(max_runs);
    while samples.len() < min_runs || (samples.len() < max_runs && started.elapsed() < MAX_TOTAL) {
        samples.push(one());
    }
    let n = samples.len();
    (median(samples), n)
}

/// Times `f` as a whole per run.
pub fn time_runs(min_runs: usize, max_runs: usize, mut f: impl FnMut()) -> (Duration, usize) {
    runs(min_runs, max_runs, || {
        let start = Instant::now();
        f();
        start.elapsed()
    })
}

pub fn format_duration(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.3} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

/// One line of the report: name, median, runs, and the budget it is held to.
pub fn report(name: &str, (median, runs): (Duration, usize), budget: Option<Duration>) {
    let verdict = match budget {
        Some(budget) if median <= budget => format!("budget {}  ok", format_duration(budget)),
        Some(budget) => format!("budget {}  OVER", format_duration(budget)),
        None => String::new(),
    };
    println!(
        "{name:<46} median {:>10}   ({runs} runs)   {verdict}",
        format_duration(median)
    );
}
