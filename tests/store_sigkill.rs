//! SIGKILL proof: a child process saves a draft over and over; the test kills it with SIGKILL
//! at random moments, hundreds of times. After every kill the draft and its backup on disk
//! parse and equal one of the versions that were saved — never a mix, never empty.
//!
//! The child is this test binary itself, re-run with `POUXI_SAVE_LOOP=<path>` and a filter
//! that selects [`save_loop_child`] alone.
#![cfg(unix)]

use pouxi::draft::{DEFAULT_HEADING, Draft, Finding, IdSource};
use pouxi::store::{self, load_draft, save_draft};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHILD_ENV: &str = "POUXI_SAVE_LOOP";
/// Which version the child saves first, so that every version gets killed in the middle.
const START_ENV: &str = "POUXI_SAVE_LOOP_START";
const READY: &str = "POUXI-SAVE-LOOP-READY";
const ROUNDS: usize = 300;
/// Stop early rather than take too long on a slow machine; the rounds done must still be many.
const TIME_BUDGET: Duration = Duration::from_secs(14);
const MIN_ROUNDS: usize = 100;

/// Versions of very different sizes (from ~1 KB to ~40 KB), so that a file cut
/// short or mixed from two versions could not pass for one of them.
fn versions() -> Vec<Draft> {
    [1usize, 30, 3, 120, 8, 60]
        .iter()
        .enumerate()
        .map(|(v, &findings)| {
            let mut draft = Draft::with_categories(
                &format!("第{v}版"),
                DEFAULT_HEADING,
                &["在理论学习方面", "在政治素质方面"],
            );
            let mut ids = IdSource::after(&draft);
            for n in 0..findings {
                draft.categories_mut().unwrap()[n % 2]
                    .findings
                    .push(Finding {
                        id: ids.finding(),
                        headline: format!("第{v}版第{n}条问题。"),
                        body: "在工作中经常以干代学、以会代学，“学”“做”脱节。".repeat(1 + n % 5),
                    });
            }
            draft
        })
        .collect()
}

/// The child: saves the versions in turn until killed, from version `POUXI_SAVE_LOOP_START`. Does nothing in a normal test run.
#[test]
fn save_loop_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let path = Path::new(&path);
    let versions = versions();
    let start: usize = std::env::var(START_ENV)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    for i in 0usize.. {
        if let Err(error) = save_draft(path, &versions[(start + i) % versions.len()]) {
            eprintln!("{error}");
            std::process::exit(2);
        }
        if i == 0 {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{READY}");
            let _ = out.flush();
        }
    }
}

/// Small deterministic generator; the seed is printed so a failure can be replayed.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn sigkill_during_saves_never_leaves_a_mix() {
    let versions = versions();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("稿件.ron");
    let backup = store::backup_path_for(&path).unwrap();
    save_draft(&path, &versions[0]).unwrap();
    let exe = std::env::current_exe().unwrap();
    let seed = std::env::var("POUXI_SIGKILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("POUXI_SIGKILL_SEED={seed}");
    let mut random = XorShift(seed);
    let started = Instant::now();
    let mut seen = vec![0usize; versions.len()];
    let mut mid_write = 0;
    let mut rounds = 0;
    let mut backup_seen = false;
    while rounds < ROUNDS && started.elapsed() < TIME_BUDGET {
        let mut child = Command::new(&exe)
            .args([
                "save_loop_child",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .env(START_ENV, random.below(versions.len() as u64).to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        // Wait until the child has saved once, so the kill lands among saves.
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        loop {
            match lines.next() {
                Some(Ok(line)) if line.contains(READY) => break,
                Some(Ok(_)) => {}
                other => panic!("the child stopped before saving: {other:?}"),
            }
        }
        std::thread::sleep(Duration::from_micros(random.below(12_000)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        rounds += 1;

        // The backup appears with the second save and never goes away again.
        if backup.exists() {
            backup_seen = true;
        }
        let files: &[&Path] = if backup_seen {
            &[&path, &backup]
        } else {
            &[&path]
        };
        for &file in files {
            let loaded = load_draft(file).unwrap_or_else(|error| {
                panic!(
                    "round {rounds}, seed {seed}: {} does not load: {error}",
                    file.display()
                )
            });
            let index = versions
                .iter()
                .position(|v| *v == loaded)
                .unwrap_or_else(|| {
                    panic!(
                        "round {rounds}, seed {seed}: {} is no saved version",
                        file.display()
                    )
                });
            if file == path {
                seen[index] += 1;
            }
        }
        // A temporary file left behind means the kill landed inside a write.
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let entry = entry.unwrap();
            if store::is_temp_name(&entry.file_name().to_string_lossy()) {
                mid_write += 1;
                std::fs::remove_file(entry.path()).unwrap();
            }
        }
    }
    eprintln!(
        "{rounds} kills in {:.1} s; versions found on disk {seen:?}; {mid_write} kills inside a write",
        started.elapsed().as_secs_f64()
    );
    assert!(
        rounds >= MIN_ROUNDS,
        "only {rounds} rounds in the time budget"
    );
    assert!(
        seen.iter().filter(|&&n| n > 0).count() > 1,
        "the kills should land at different moments: {seen:?}"
    );
}
