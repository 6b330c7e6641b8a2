//! The release binary timed as a whole process, as a user or a script meets it: every command
//! on the seed and on the 6 × 100 stress draft, and the import of 1 MB of material in each
//! shape the import must stay linear on. Each figure sits beside LibreOffice's conversion of
//! the same text to .docx (`soffice --headless --convert-to docx`), measured in the same run;
//! without LibreOffice the bench says so and prints Pouxi's figures alone.
//!
//! `POUXI_BENCH_LO_RUNS` sets LibreOffice's runs per text (default 3: it takes seconds a run).

#[path = "../perf_support/mod.rs"]
mod perf_support;
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;
use support::{LibreOffice, Spread, report_process, time_process};

/// One process figure: at least 10 runs after 2 warm-ups, up to 50 runs or 3 s.
fn time_pouxi(binary: &Path, home: &Path, args: &[&dyn AsRef<std::ffi::OsStr>]) -> Spread {
    time_process(2, 10, 50, Duration::from_secs(3), || {
        let mut command = Command::new(binary);
        command
            .args(args.iter().map(|a| a.as_ref()))
            .env("POUXI_CONFIG_DIR", home.join("config"))
            .env("POUXI_DATA_DIR", home.join("data"));
        command
    })
}

/// The speech of a draft as plain text, the input LibreOffice converts.
fn speech_text(binary: &Path, home: &Path, draft: &Path, out: &Path) -> PathBuf {
    let status = Command::new(binary)
        .arg("export")
        .arg(draft)
        .arg("-o")
        .arg(out)
        .arg("--allow-flagged")
        .env("POUXI_CONFIG_DIR", home.join("config"))
        .env("POUXI_DATA_DIR", home.join("data"))
        .status()
        .expect("pouxi starts");
    assert!(status.success(), "the speech exports as text");
    out.to_path_buf()
}

fn main() {
    let ms = Duration::from_millis;
    let binary = support::user_binary();
    let dir = tempfile::tempdir().expect("a temp dir");
    let home = dir.path();
    let lo_runs: usize = std::env::var("POUXI_BENCH_LO_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3)
        .max(1);
    let libreoffice = LibreOffice::find();
    let lo = |text: &Path| libreoffice.as_ref().map(|lo| lo.convert(text, lo_runs));

    support::header("whole process, release binary (median, fastest–slowest)");
    match &libreoffice {
        Some(_) => println!(
            "beside each: LibreOffice turning the same text into .docx, {lo_runs} runs after a warm-up"
        ),
        None => {
            println!("LibreOffice is not installed (no soffice on PATH): Pouxi's figures alone")
        }
    }

    let seed = perf_support::fixture_path("seed_draft.ron");
    let seed_material = perf_support::fixture_path("seed_material.txt");
    let stress = home.join("压力稿.ron");
    pouxi::store::save_draft(&stress, &perf_support::standard_stress_draft())
        .expect("the stress draft saves");
    let out = |name: &str| home.join(name);

    for (label, draft, check_budget) in [("seed", &seed, ms(15)), ("stress 6×100", &stress, ms(40))]
    {
        println!();
        let text = speech_text(&binary, home, draft, &out(&format!("{label}.txt")));
        let lo_time = lo(&text);
        let budget = |seed_budget: Duration| (label == "seed").then_some(seed_budget);
        if label == "seed" {
            report_process(
                "pouxi --version",
                time_pouxi(&binary, home, &[&"--version"]),
                Some(ms(15)),
                lo_time,
            );
        }
        report_process(
            &format!("check, {label}"),
            time_pouxi(&binary, home, &[&"check", draft]),
            budget(ms(15)),
            lo_time,
        );
        report_process(
            &format!("check --json, {label}"),
            time_pouxi(&binary, home, &[&"check", &"--json", draft]),
            Some(check_budget),
            lo_time,
        );
        for format in ["txt", "md", "docx"] {
            let target = out(&format!("{label}-out.{format}"));
            report_process(
                &format!("export {label} → .{format}"),
                time_pouxi(&binary, home, &[&"export", draft, &"-o", &target]),
                budget(ms(15)),
                lo_time,
            );
        }
        if label == "seed" {
            report_process(
                "import seed material (8.7 KB)",
                time_pouxi(
                    &binary,
                    home,
                    &[&"import", &seed_material, &"-o", &out("seed-import.ron")],
                ),
                Some(ms(15)),
                lo_time,
            );
        }
    }

    println!();
    for (shape, material) in perf_support::material_shapes(1024 * 1024) {
        let path = out(&format!("{shape}.txt"));
        std::fs::write(&path, &material).expect("the material writes");
        let lo_time = lo(&path);
        report_process(
            &format!("import 1 MB: {shape}"),
            time_pouxi(
                &binary,
                home,
                &[&"import", &path, &"-o", &out("import.ron")],
            ),
            Some(ms(60)),
            lo_time,
        );
    }
}
