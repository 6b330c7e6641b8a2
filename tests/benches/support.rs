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

/// The release binary a user builds (`cargo build --release`), built into its own target
/// directory. Not `CARGO_BIN_EXE_pouxi`: a bench builds the binary with the test-only features
/// of the dev-dependencies switched on (egui_kittest's wgpu), a third larger than what users
/// run. The first build takes minutes (the release profile optimises across crates); later
/// ones only check that nothing changed.
pub fn user_binary() -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = root.join("target").join("user-binary");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    println!("building the release binary as `cargo build --release` does …");
    let status = std::process::Command::new(cargo)
        .current_dir(root)
        .args(["build", "--release", "--bin", "pouxi", "--target-dir"])
        .arg(&target)
        .status()
        .expect("cargo runs");
    assert!(status.success(), "the release binary builds");
    target
        .join("release")
        .join(format!("pouxi{}", std::env::consts::EXE_SUFFIX))
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

/// Median, fastest and slowest of a set of timed runs.
#[derive(Debug, Clone, Copy)]
pub struct Spread {
    pub median: Duration,
    pub min: Duration,
    pub max: Duration,
    pub runs: usize,
}

impl Spread {
    pub fn of(mut samples: Vec<Duration>) -> Spread {
        samples.sort();
        Spread {
            median: samples.get(samples.len() / 2).copied().unwrap_or_default(),
            min: samples.first().copied().unwrap_or_default(),
            max: samples.last().copied().unwrap_or_default(),
            runs: samples.len(),
        }
    }
}

/// Times a whole process the way hyperfine does: `warmup` runs not counted, then at least
/// `min_runs` and at most `max_runs`, stopping after `max_total`. `command` builds a fresh
/// command per run; its output is discarded, and a run that fails (exit code 2 or more, or a
/// signal) stops the benchmark, since its time would mean nothing.
pub fn time_process(
    warmup: usize,
    min_runs: usize,
    max_runs: usize,
    max_total: Duration,
    mut command: impl FnMut() -> std::process::Command,
) -> Spread {
    let mut run = || {
        let started = Instant::now();
        let status = command()
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .expect("the process starts");
        let elapsed = started.elapsed();
        assert!(
            status.code().is_some_and(|code| code < 2),
            "the process failed: {status}"
        );
        elapsed
    };
    for _ in 0..warmup {
        run();
    }
    let started = Instant::now();
    let mut samples = Vec::new();
    while samples.len() < min_runs || (samples.len() < max_runs && started.elapsed() < max_total) {
        samples.push(run());
    }
    Spread::of(samples)
}

/// LibreOffice, as a user would reach for it to turn text into a Word file.
pub struct LibreOffice {
    program: std::path::PathBuf,
    /// Its own profile, so a LibreOffice already running elsewhere is neither used nor
    /// disturbed.
    profile: tempfile::TempDir,
    out: tempfile::TempDir,
}

impl LibreOffice {
    /// `soffice` or `libreoffice` on PATH; `None` (said plainly by the caller) without it.
    pub fn find() -> Option<LibreOffice> {
        let paths = std::env::var_os("PATH")?;
        let program = std::env::split_paths(&paths)
            .flat_map(|dir| [dir.join("soffice"), dir.join("libreoffice")])
            .find(|path| path.is_file())?;
        Some(LibreOffice {
            program,
            profile: tempfile::tempdir().ok()?,
            out: tempfile::tempdir().ok()?,
        })
    }

    fn command(&self, input: &std::path::Path) -> std::process::Command {
        let mut command = std::process::Command::new(&self.program);
        command
            .arg(format!(
                "-env:UserInstallation=file://{}",
                self.profile.path().display()
            ))
            .args(["--headless", "--infilter=Text (encoded):UTF8,LF,,,"])
            .args(["--convert-to", "docx", "--outdir"])
            .arg(self.out.path())
            .arg(input);
        command
    }

    /// Times `soffice --headless --convert-to docx` on a UTF-8 text file: one warm-up run
    /// (the first start also builds the profile), then `runs` runs.
    pub fn convert(&self, input: &std::path::Path, runs: usize) -> Spread {
        time_process(1, runs, runs, Duration::ZERO, || self.command(input))
    }
}

/// One line of a process figure: median and spread, its budget, and LibreOffice's time on
/// the same text with how many times faster Pouxi is.
pub fn report_process(
    name: &str,
    spread: Spread,
    budget: Option<Duration>,
    libreoffice: Option<Spread>,
) {
    let verdict = match budget {
        Some(budget) if spread.median <= budget => format!("≤{} ok", format_duration(budget)),
        Some(budget) => format!("≤{} OVER", format_duration(budget)),
        None => String::new(),
    };
    let beside = match libreoffice {
        Some(lo) => format!(
            "LibreOffice {} ({:.0}×)",
            format_duration(lo.median),
            lo.median.as_secs_f64() / spread.median.as_secs_f64().max(1e-9)
        ),
        None => String::new(),
    };
    println!(
        "{name:<44} {:>9} ({}–{}, {} runs)  {verdict:<12} {beside}",
        format_duration(spread.median),
        format_duration(spread.min),
        format_duration(spread.max),
        spread.runs,
    );
}
