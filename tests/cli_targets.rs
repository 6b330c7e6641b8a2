//! Issue 18 on the command line: `export` and `import` never write over their own input, a
//! link or a hard link to it, and never replace a file without keeping it.

use pouxi::store;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Output {
    code: i32,
    stderr: String,
}

fn pouxi(dir: &Path, args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_pouxi"))
        .args(args)
        .current_dir(dir)
        .env("POUXI_CONFIG_DIR", dir.join("config"))
        .env("POUXI_DATA_DIR", dir.join("data"))
        .output()
        .expect("the pouxi binary runs");
    Output {
        code: output.status.code().expect("pouxi exits with a code"),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn seed_draft(dir: &Path, name: &str) -> (PathBuf, Vec<u8>) {
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed_draft.ron"))
            .unwrap();
    let path = dir.join(name);
    std::fs::write(&path, &bytes).unwrap();
    (path, bytes)
}

fn refused(out: &Output, what: &str) {
    assert_eq!(out.code, 2, "{what}: {}", out.stderr);
    assert!(
        out.stderr.contains("choose another name"),
        "{what}: {}",
        out.stderr
    );
    assert!(!out.stderr.contains("panicked"), "{what}: {}", out.stderr);
}

#[test]
fn export_refuses_to_write_over_its_own_draft() {
    let dir = tempfile::tempdir().unwrap();
    let (draft, bytes) = seed_draft(dir.path(), "d.md");
    let out = pouxi(dir.path(), &["export", "d.md", "-o", "d.md"]);
    refused(&out, "same name");
    assert_eq!(std::fs::read(&draft).unwrap(), bytes);
    // Through a relative detour.
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let out = pouxi(dir.path(), &["export", "d.md", "-o", "sub/../d.md"]);
    refused(&out, "detour");
    assert_eq!(std::fs::read(&draft).unwrap(), bytes);
}

#[cfg(unix)]
#[test]
fn export_refuses_a_link_to_its_own_draft() {
    let dir = tempfile::tempdir().unwrap();
    let (victim, bytes) = seed_draft(dir.path(), "victim.ron");
    std::os::unix::fs::symlink("victim.ron", dir.path().join("link.txt")).unwrap();
    let out = pouxi(dir.path(), &["export", "victim.ron", "-o", "link.txt"]);
    refused(&out, "symlink");
    assert_eq!(std::fs::read(&victim).unwrap(), bytes);
}

#[test]
fn export_refuses_a_hard_link_to_its_own_draft() {
    let dir = tempfile::tempdir().unwrap();
    let (victim, bytes) = seed_draft(dir.path(), "victim.ron");
    std::fs::hard_link(&victim, dir.path().join("hard.txt")).unwrap();
    let out = pouxi(dir.path(), &["export", "victim.ron", "-o", "hard.txt"]);
    refused(&out, "hard link");
    assert_eq!(std::fs::read(&victim).unwrap(), bytes);
    assert_eq!(std::fs::read(dir.path().join("hard.txt")).unwrap(), bytes);
}

#[test]
fn import_refuses_a_hard_link_to_its_material() {
    let dir = tempfile::tempdir().unwrap();
    let material = dir.path().join("m.txt");
    std::fs::write(&material, "一、在理论学习方面\n一是学习不够。学得不深。\n").unwrap();
    std::fs::hard_link(&material, dir.path().join("m.ron")).unwrap();
    let out = pouxi(dir.path(), &["import", "m.txt", "-o", "m.ron"]);
    refused(&out, "hard link");
    assert!(
        std::fs::read_to_string(&material)
            .unwrap()
            .starts_with("一、在理论学习方面")
    );
}

/// Case 7: a 40 MB file that is not a draft is kept as `.bak` when a draft is written over it.
#[test]
fn import_over_a_large_non_draft_keeps_it_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("m.txt"),
        "一、在理论学习方面\n一是学习不够。学得不深。\n",
    )
    .unwrap();
    let big = dir.path().join("big.ron");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(40 * 1024 * 1024).unwrap();
    drop(file);
    let out = pouxi(dir.path(), &["import", "m.txt", "-o", "big.ron"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let bak = dir.path().join("big.ron.bak");
    assert_eq!(
        std::fs::metadata(&bak).map(|m| m.len()).ok(),
        Some(40 * 1024 * 1024),
        "the 40 MB file is kept"
    );
    assert!(store::load_draft(&big).is_ok());
}
