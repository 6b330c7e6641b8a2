//! Two jobs:
//! - the required words of the built-in ad rules (`assets/rules/ads.ron`), worked out once here
//!   with the same code the program uses for user rules (`src/clean/required.rs`) and written
//!   to `$OUT_DIR/builtin_words.rs`, so start-up does not parse every built-in pattern;
//! - for Windows builds, the icon (`assets/pouxi.ico`) and version information in the .exe.
//!   The build script runs on the host, so it asks Cargo about the target instead of using
//!   `cfg(windows)`.

#[allow(dead_code)]
#[path = "src/clean/required.rs"]
mod required;

#[allow(dead_code)]
#[path = "src/review/idiom_tables.rs"]
mod idiom_tables;

use std::fmt::Write as _;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/pouxi.ico");
    println!("cargo:rerun-if-changed=assets/rules/ads.ron");
    println!("cargo:rerun-if-changed=src/clean/required.rs");
    println!("cargo:rerun-if-changed=assets/review/idioms.txt");
    println!("cargo:rerun-if-changed=src/review/idiom_tables.rs");
    write_builtin_words();
    write_idiom_tables();
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        windows_resources();
    }
}

/// The idiom check's lists, sorted and packed for lookups in place (`src/review/idiom_tables.rs`).
fn write_idiom_tables() {
    let lists = std::fs::read_to_string("assets/review/idioms.txt")
        .unwrap_or_else(|error| panic!("assets/review/idioms.txt cannot be read: {error}"));
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    std::fs::write(out.join("idioms.bin"), idiom_tables::build(&lists))
        .unwrap_or_else(|error| panic!("the idiom tables cannot be written: {error}"));
}

/// The fields of a rule this script needs; the program checks the rest when it parses the file.
#[derive(serde::Deserialize)]
struct Spec {
    #[serde(default)]
    pattern: Option<String>,
    #[serde(default)]
    words: Vec<String>,
}

#[derive(serde::Deserialize)]
struct File {
    #[serde(default)]
    rules: Vec<Spec>,
}

/// `BUILTIN_WORDS`: (source, required sets of words) of every built-in rule whose pattern parses,
/// sorted by source. A rule left out (a broken file) is simply analysed at start-up, where the
/// program reports it; the unit tests keep the file sound.
fn write_builtin_words() {
    let text = std::fs::read_to_string("assets/rules/ads.ron").unwrap_or_default();
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let file: File = options
        .from_str(&text)
        .unwrap_or(File { rules: Vec::new() });
    let mut entries: Vec<(String, Vec<Vec<Vec<u8>>>)> = Vec::new();
    for spec in &file.rules {
        let Some(source) = required::rule_source(spec.pattern.as_deref(), &spec.words) else {
            continue;
        };
        if let Ok(hir) = required::parse(&source) {
            entries.push((source, required::search_words(&hir)));
        }
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries.dedup_by(|a, b| a.0 == b.0);
    let mut out = String::from(
        "/// (source, required sets of words) of each built-in rule, by `build.rs`; sorted by\n\
         /// source.\n\
         pub(super) static BUILTIN_WORDS: &[(&str, &[&[&[u8]]])] = &[\n",
    );
    for (source, sets) in &entries {
        let mut list = String::new();
        for set in sets {
            list.push_str("&[");
            for word in set {
                let _ = write!(list, "&{word:?}, ");
            }
            list.push_str("], ");
        }
        let _ = writeln!(out, "    ({source:?}, &[{list}]),");
    }
    out.push_str("];\n");
    let dir = std::env::var_os("OUT_DIR").expect("Cargo sets OUT_DIR for build scripts");
    let path = std::path::Path::new(&dir).join("builtin_words.rs");
    std::fs::write(&path, out).expect("OUT_DIR is writable");
}

fn windows_resources() {
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("assets/pouxi.ico")
        .set("ProductName", "剖析 Pouxi")
        .set("FileDescription", "剖析 — 检视问题与剖析发言材料编辑器")
        .set("InternalName", "pouxi")
        .set("OriginalFilename", "pouxi.exe")
        .set("LegalCopyright", "MIT License")
        // Chinese (PRC), Unicode: the strings above are shown as Chinese in Explorer.
        .set_language(0x0804);
    if let Err(error) = resource.compile() {
        // A Windows build without its resources would look broken; say what is missing.
        panic!(
            "Could not embed the icon and version information ({error}). Building for Windows \
             needs a resource compiler: windres from MinGW-w64 (Debian: gcc-mingw-w64-x86-64), \
             or rc.exe from the Windows SDK for MSVC."
        );
    }
}
