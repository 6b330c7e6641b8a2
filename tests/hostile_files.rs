//! Hostile files: every one is refused (or accepted) with a clear message by both doors a file
//! comes in through, `store::load_draft` and `import::read_material`, and none panics or hangs.
//! README's table of these cases is written from this file.

use pouxi::draft::{DEFAULT_HEADING, Draft};
use pouxi::import::{self, ImportError};
use pouxi::store::{self, StoreErrorKind};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

fn sample() -> Draft {
    let mut draft = Draft::with_categories("对照检查材料", DEFAULT_HEADING, &["在理论学习方面"]);
    draft.opening = "开头一段。".into();
    draft
}

fn sample_text() -> String {
    store::draft_to_ron(&sample())
}

/// Both loaders on one path, each in its own thread with a deadline, so a regression that
/// blocks (a pipe opened for reading) fails the test instead of hanging it.
fn both(
    path: &Path,
) -> (
    Result<Draft, store::StoreError>,
    Result<import::Material, ImportError>,
) {
    let deadline = Duration::from_secs(10);
    let (tx, rx) = mpsc::channel();
    let p = path.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(store::load_draft(&p));
    });
    let draft = rx
        .recv_timeout(deadline)
        .unwrap_or_else(|_| panic!("load_draft hung on {}", path.display()));
    let (tx, rx) = mpsc::channel();
    let p = path.to_path_buf();
    std::thread::spawn(move || tx.send(import::read_material(&p)));
    let material = rx
        .recv_timeout(deadline)
        .unwrap_or_else(|_| panic!("read_material hung on {}", path.display()));
    (draft, material)
}

/// Bytes this thread has read through system calls (Linux's `/proc/thread-self/io`, `rchar`);
/// `None` elsewhere, where the bound on work is not checked.
fn bytes_read_by_this_thread() -> Option<u64> {
    let io = std::fs::read_to_string("/proc/thread-self/io").ok()?;
    io.lines()
        .find_map(|line| line.strip_prefix("rchar:"))
        .and_then(|n| n.trim().parse().ok())
}

fn store_kind(result: Result<Draft, store::StoreError>) -> StoreErrorKind {
    let error = result.expect_err("refused");
    // Every refusal names the file in Chinese and says something in English.
    let zh = error.message_zh();
    let name = error
        .path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(zh.contains(&name), "{zh}");
    assert!(!error.to_string().is_empty());
    error.kind
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn truncated_draft() {
    let dir = tempfile::tempdir().unwrap();
    let text = sample_text();
    let path = write(dir.path(), "cut.ron", &text.as_bytes()[..text.len() / 2]);
    let (draft, material) = both(&path);
    assert!(matches!(store_kind(draft), StoreErrorKind::Damaged(_)));
    // As material it is just text.
    assert!(material.unwrap().text.contains("pouxi-draft"));
}

#[test]
fn wrong_types() {
    let dir = tempfile::tempdir().unwrap();
    let text = sample_text().replace("title: \"对照检查材料\"", "title: 5");
    assert!(text.contains("title: 5"));
    let path = write(dir.path(), "types.ron", &text);
    let (draft, material) = both(&path);
    assert!(matches!(store_kind(draft), StoreErrorKind::Damaged(_)));
    assert!(material.is_ok());
    // A category list that is a string, a finding without its id.
    let text = "(format: \"pouxi-draft\", version: 1, categories: \"x\")";
    let path = write(dir.path(), "types2.ron", text);
    assert!(matches!(
        store_kind(store::load_draft(&path)),
        StoreErrorKind::Damaged(_)
    ));
    let text = "(format: \"pouxi-draft\", version: 1, categories: [(id: 1, title: \"t\", findings: [(headline: \"h\")])])";
    let path = write(dir.path(), "types3.ron", text);
    assert!(matches!(
        store_kind(store::load_draft(&path)),
        StoreErrorKind::Damaged(_)
    ));
}

#[test]
fn newer_format_version() {
    let dir = tempfile::tempdir().unwrap();
    // Newer files may look different after the header: the version decides, not the rest.
    let text = "(format: \"pouxi-draft\", version: 3, chapters: {\"x\": [1, 2]})";
    let path = write(dir.path(), "newer.ron", text);
    let (draft, material) = both(&path);
    let error = draft.unwrap_err();
    assert_eq!(error.kind, StoreErrorKind::NewerVersion(3));
    assert!(error.message_zh().contains("升级"));
    assert!(material.is_ok());
}

#[test]
fn unknown_fields_are_accepted_and_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let text = sample_text()
        .replacen(
            "version: 1,",
            "version: 1,\n    author: \"某某\",\n    extra: [1, (a: 2)],",
            1,
        )
        .replacen(
            "title: \"在理论学习方面\",",
            "title: \"在理论学习方面\",\n            colour: \"red\",",
            1,
        );
    assert!(text.contains("colour"));
    let path = write(dir.path(), "extra.ron", &text);
    let (draft, material) = both(&path);
    assert_eq!(draft.unwrap(), sample());
    assert!(material.is_ok());
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.ron", b"");
    let (draft, material) = both(&path);
    let error = draft.unwrap_err();
    assert_eq!(error.kind, StoreErrorKind::Empty);
    assert!(
        error.message_zh().contains("空文件"),
        "{}",
        error.message_zh()
    );
    assert_eq!(material.unwrap_err(), ImportError::Empty);
}

#[test]
fn far_over_the_size_cap_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    // 64 GiB, sparse: reading it would take minutes and all memory.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(64 << 30)
        .unwrap();
    // Both loaders run on this thread, so its read count is theirs alone. A plain file does
    // not block, so no deadline is needed.
    let read_before = bytes_read_by_this_thread();
    let draft = store::load_draft(&path);
    let material = import::read_material(&path);
    if let (Some(before), Some(after)) = (read_before, bytes_read_by_this_thread()) {
        assert!(after - before < 4096, "read {} bytes", after - before);
    }
    assert!(matches!(
        store_kind(draft),
        StoreErrorKind::TooLarge {
            bytes: 68_719_476_736,
            ..
        }
    ));
    assert!(matches!(
        material.unwrap_err(),
        ImportError::TooLarge {
            size: 68_719_476_736,
            ..
        }
    ));
}

#[test]
fn deeply_nested_ron() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 200_000;
    for (name, text) in [
        (
            "deep-field.ron",
            format!(
                "(format: \"pouxi-draft\", version: 1, title: {}1{})",
                "[".repeat(depth),
                "]".repeat(depth)
            ),
        ),
        (
            "deep-top.ron",
            format!("{}{}", "(".repeat(depth), ")".repeat(depth)),
        ),
        (
            "deep-category.ron",
            format!(
                "(format: \"pouxi-draft\", version: 1, categories: [(id: 1, title: \"t\", findings: {}))",
                "[(id: 2, headline: ".repeat(depth)
            ),
        ),
    ] {
        let path = write(dir.path(), name, &text);
        let (draft, material) = both(&path);
        let kind = store_kind(draft);
        assert!(
            matches!(kind, StoreErrorKind::Damaged(_) | StoreErrorKind::NotADraft),
            "{name}: {kind:?}"
        );
        // As material, brackets are text.
        assert!(material.is_ok(), "{name}");
    }
}

#[test]
fn invalid_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = sample_text().into_bytes();
    bytes.splice(20..20, [0xff, 0xfe, 0xc0, 0x80]);
    let path = write(dir.path(), "bad-utf8.ron", &bytes);
    let (draft, material) = both(&path);
    assert_eq!(store_kind(draft), StoreErrorKind::NotText);
    // Material in another encoding is normal; the importer guesses one rather than fail.
    // (Here: GB18030, the fallback for Chinese text that is not UTF-8.)
    assert_eq!(material.unwrap().encoding, "GB18030");
    // Random binary is refused by the importer.
    let binary: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let path = write(dir.path(), "binary.ron", &binary);
    let (draft, material) = both(&path);
    assert_eq!(store_kind(draft), StoreErrorKind::NotText);
    assert!(material.is_err(), "{material:?}");
}

#[test]
fn a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("folder.ron");
    std::fs::create_dir(&path).unwrap();
    let (draft, material) = both(&path);
    assert_eq!(store_kind(draft), StoreErrorKind::IsDirectory);
    assert!(matches!(material.unwrap_err(), ImportError::NotAFile(_)));
}

/// As root, mode 000 does not stop reading; as anyone else it is refused. Either way the
/// outcome is the honest one for the user running the test.
#[cfg(unix)]
#[test]
fn no_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "locked.ron", sample_text());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    let privileged = std::fs::File::open(&path).is_ok();
    let (draft, material) = both(&path);
    if privileged {
        assert_eq!(draft.unwrap(), sample());
        assert!(material.is_ok());
    } else {
        assert_eq!(store_kind(draft), StoreErrorKind::PermissionDenied);
        assert!(material.is_err());
    }
}

/// A pipe: opening it for reading would block until someone writes. Refused without opening.
#[cfg(unix)]
#[test]
fn a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pipe.ron");
    let made = std::process::Command::new("mkfifo").arg(&path).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo unavailable: skipped");
        return;
    }
    let (draft, material) = both(&path);
    assert_eq!(store_kind(draft), StoreErrorKind::NotRegularFile);
    assert!(matches!(material.unwrap_err(), ImportError::NotAFile(_)));
    // A character device that never ends.
    let (draft, material) = both(Path::new("/dev/zero"));
    assert_eq!(store_kind(draft), StoreErrorKind::NotRegularFile);
    assert!(matches!(material.unwrap_err(), ImportError::NotAFile(_)));
}

#[cfg(unix)]
#[test]
fn a_symlink_loop() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let (draft, material) = both(&a);
    let kind = store_kind(draft);
    assert_eq!(kind, StoreErrorKind::SymlinkLoop);
    let error = material.unwrap_err();
    assert!(matches!(error, ImportError::NotAFile(_)), "{error:?}");
    // And a link to nowhere.
    let dangling = dir.path().join("dangling.ron");
    std::os::unix::fs::symlink(dir.path().join("nowhere.ron"), &dangling).unwrap();
    let (draft, material) = both(&dangling);
    assert_eq!(store_kind(draft), StoreErrorKind::NotFound);
    assert!(matches!(material.unwrap_err(), ImportError::NotFound(_)));
}

/// A 60 KB .docx whose document.xml inflates to 65 MB, once honest about its size and once
/// claiming to be 1000 bytes.
fn zip_bomb(lie: bool) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    zip.start_file("word/document.xml", options).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..65 {
        zip.write_all(&chunk).unwrap();
    }
    let mut bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 1 << 20);
    if lie {
        // Uncompressed size: offset 22 in the local header, 24 in the central directory.
        let patch = |bytes: &mut Vec<u8>, signature: &[u8], offset: usize| {
            let at = bytes
                .windows(4)
                .position(|w| w == signature)
                .expect("header present");
            bytes[at + offset..at + offset + 4].copy_from_slice(&1000u32.to_le_bytes());
        };
        patch(&mut bytes, b"PK\x03\x04", 22);
        patch(&mut bytes, b"PK\x01\x02", 24);
    }
    bytes
}

#[test]
fn docx_zip_bombs() {
    let dir = tempfile::tempdir().unwrap();
    for lie in [false, true] {
        let path = write(dir.path(), "bomb.docx", zip_bomb(lie));
        let (draft, material) = both(&path);
        assert_eq!(store_kind(draft), StoreErrorKind::NotText, "lie: {lie}");
        let error = material.unwrap_err();
        // Honest: refused on its declared size. Lying: the archive reader's size and checksum
        // checks reject it (and reading never goes past the 64 MB cap anyway).
        let expected = if lie {
            ImportError::NotDocx
        } else {
            ImportError::DocxTooLarge
        };
        assert_eq!(error, expected, "lie: {lie}");
        assert!(!error.message_zh().is_empty());
    }
}

#[test]
fn docx_that_is_not_a_zip() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "fake.docx", "这其实是一个文本文件");
    let (draft, material) = both(&path);
    assert_eq!(store_kind(draft), StoreErrorKind::NotADraft);
    assert_eq!(material.unwrap_err(), ImportError::NotDocx);
    // Starts like a zip, then garbage.
    let path = write(
        dir.path(),
        "broken.docx",
        b"PK\x03\x04\x14\x00garbage garbage",
    );
    let (draft, material) = both(&path);
    assert!(matches!(
        store_kind(draft),
        StoreErrorKind::NotADraft | StoreErrorKind::NotText
    ));
    assert_eq!(material.unwrap_err(), ImportError::NotDocx);
}
