//! Times the import of about 1 MB of material made of the test samples:
//! `cargo run --release --example import_bench`.

use pouxi::clean::Rules;
use pouxi::import;
use std::collections::BTreeSet;
use std::time::Instant;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut samples = String::new();
    for name in [
        "seed_material",
        "wenku_page",
        "pdf_copy",
        "m1",
        "wechat_account",
        "doc_site_page",
        "pdf_wrapped",
        "obfuscated_ads",
        "masks_legit",
    ] {
        let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("fixture");
        samples.push_str(&text);
        samples.push('\n');
    }
    let mut material = String::new();
    while material.len() < 1 << 20 {
        material.push_str(&samples);
    }
    let rules = Rules::builtin();
    if std::env::args().any(|a| a == "--parts") {
        parts(&material, &rules);
    }
    let mut best = f64::MAX;
    for _ in 0..5 {
        let started = Instant::now();
        let imported = import::import_text(&material, &rules, &BTreeSet::new());
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        best = best.min(ms);
        std::hint::black_box(imported);
    }
    println!(
        "import of {:.2} MB: best of 5 {best:.1} ms",
        material.len() as f64 / 1_048_576.0
    );
}

#[allow(dead_code)]
fn parts(material: &str, rules: &Rules) {
    let started = Instant::now();
    let flags = pouxi::clean::find_ads(material, rules);
    println!(
        "find_ads {:.1} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    let ranges: Vec<(usize, usize)> = flags.iter().map(|f| (f.start, f.end)).collect();
    let started = Instant::now();
    let _ = pouxi::clean::clean_paragraphs(material, &ranges, true);
    println!("repair {:.1} ms", started.elapsed().as_secs_f64() * 1000.0);
}
