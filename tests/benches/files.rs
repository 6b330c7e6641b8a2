//! File work, release: import (read, decode, clean, parse) of the seed material and of about
//! 1 MB of material; export to .docx (render and atomic write) of the seed and the 6 × 100
//! stress draft; save then load of the stress draft.

#[path = "../perf_support/mod.rs"]
mod perf_support;
mod support;

use pouxi::clean::Rules;
use pouxi::export::{ExportSettings, Format};
use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;
use support::{report, time_runs};

fn import(path: &Path, rules: &Rules) {
    let material = pouxi::import::read_material(path).expect("the material reads");
    let imported = pouxi::import::import_text(&material.text, rules, &BTreeSet::new());
    assert!(imported.draft.finding_count() > 0);
    std::hint::black_box(imported);
}

fn export_docx(draft: &pouxi::draft::Draft, path: &Path) {
    let rendered = pouxi::export::render(draft, &ExportSettings::default(), Format::Docx)
        .expect("the draft renders");
    pouxi::store::atomic_write(path, &rendered.bytes).expect("the export writes");
}

fn main() {
    let ms = Duration::from_millis;
    let dir = tempfile::tempdir().expect("a temp dir");
    let rules = Rules::builtin();
    let seed = perf_support::seed_draft();
    let stress = perf_support::standard_stress_draft();

    support::header("files, release");
    let seed_material = perf_support::fixture_path("seed_material.txt");
    report(
        "import seed material (8.7 KB)",
        time_runs(20, 500, || import(&seed_material, &rules)),
        None,
    );
    let big = perf_support::big_material(1024 * 1024);
    let big_path = dir.path().join("素材.txt");
    std::fs::write(&big_path, &big).expect("the material writes");
    let name = format!("import 1 MB material ({} KB)", big.len() / 1024);
    report(
        &name,
        time_runs(5, 100, || import(&big_path, &rules)),
        Some(ms(50)),
    );

    let docx = dir.path().join("发言.docx");
    let render = |draft: &pouxi::draft::Draft| {
        let rendered = pouxi::export::render(draft, &ExportSettings::default(), Format::Docx)
            .expect("the draft renders");
        std::hint::black_box(rendered);
    };
    report(
        "export seed to .docx (render only)",
        time_runs(10, 300, || render(&seed)),
        None,
    );
    report(
        "export seed to .docx (render + write)",
        time_runs(10, 300, || export_docx(&seed, &docx)),
        None,
    );
    report(
        "export stress 6×100 to .docx (render only)",
        time_runs(5, 100, || render(&stress)),
        None,
    );
    report(
        "export stress 6×100 to .docx (render + write)",
        time_runs(5, 100, || export_docx(&stress, &docx)),
        Some(ms(100)),
    );

    let draft_path = dir.path().join("稿件.ron");
    let size = pouxi::store::draft_to_ron(&stress).len();
    let name = format!("save + load stress 6×100 ({} KB)", size / 1024);
    report(
        &name,
        time_runs(5, 100, || {
            pouxi::store::save_draft(&draft_path, &stress).expect("the draft saves");
            let loaded = pouxi::store::load_draft(&draft_path).expect("the draft loads");
            assert_eq!(loaded.finding_count(), 600);
        }),
        Some(ms(50)),
    );
}
