//! Issue 18 at the store level: each case that lost or corrupted a writer's words.

use pouxi::draft::{DEFAULT_HEADING, Draft, Finding, FindingId};
use pouxi::store::recovery::{RecoveryKey, RecoveryMeta, RecoveryStore};
use pouxi::store::{self, StoreErrorKind, WriteFailure};
use std::path::Path;
use std::time::{Duration, SystemTime};

fn draft(title: &str, body: &str) -> Draft {
    let mut draft = Draft::with_categories(title, DEFAULT_HEADING, &["在理论学习方面"]);
    let id = FindingId(draft.max_id() + 1);
    draft.categories_mut().unwrap()[0].findings.push(Finding {
        id,
        headline: "学习不够".into(),
        body: body.into(),
    });
    draft
}

/// Case 2: two windows on one draft keep separate copies; one window's save removes only its
/// own.
#[test]
fn two_windows_on_one_draft_keep_their_own_copies() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("稿件.ron");
    store::save_draft(&path, &draft("原稿", "原文")).unwrap();
    let recovery = RecoveryStore::new(dir.path().join("recovery"));
    let window_a = RecoveryKey::for_path(&path);
    let window_b = RecoveryKey::for_path(&path);
    let meta = RecoveryMeta::now(Some(path.clone()));
    recovery
        .write(&window_b, &draft("原稿", "乙窗口打的字"), &meta)
        .unwrap();
    recovery
        .write(&window_a, &draft("原稿", "甲窗口打的字"), &meta)
        .unwrap();
    // A saves, and its copy goes.
    store::save_draft(&path, &draft("原稿", "甲窗口打的字")).unwrap();
    recovery.remove(&window_a).unwrap();
    // B is killed: its words are still offered.
    let listing = recovery.list();
    let offered: Vec<&str> = listing
        .entries
        .iter()
        .map(|e| e.draft.categories()[0].findings[0].body.as_str())
        .collect();
    assert_eq!(offered, ["乙窗口打的字"]);
}

/// Case 3: a newer modification time with the same bytes (`touch`, a sync client) does not
/// make a copy stale.
#[test]
fn a_touched_draft_still_offers_its_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("稿件.ron");
    store::save_draft(&path, &draft("原稿", "原文")).unwrap();
    let recovery = RecoveryStore::new(dir.path().join("recovery"));
    let key = RecoveryKey::for_path(&path);
    recovery
        .write(
            &key,
            &draft("原稿", "未保存的字"),
            &RecoveryMeta::now(Some(path.clone())),
        )
        .unwrap();
    let later = SystemTime::now() + Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    let listing = recovery.list();
    assert_eq!(listing.entries.len(), 1, "{:?}", listing.stale);
    assert_eq!(listing.entries[0].key, key);
}

/// Case 6: a draft full of combining marks is written about as large as its text, and reads
/// back.
#[test]
fn combining_marks_are_written_compactly() {
    let body: String = "e\u{301}\u{302}\u{303}\u{200b}".repeat(50_000);
    let original = draft("标题", &body);
    let text = store::draft_to_ron(&original);
    assert!(
        text.len() < body.len() + 4096,
        "{} bytes for {} bytes of text",
        text.len(),
        body.len()
    );
    assert_eq!(store::draft_from_ron(&text), Ok(original.clone()));
    let dir = tempfile::tempdir().unwrap();
    let recovery = RecoveryStore::new(dir.path().join("recovery"));
    let key = RecoveryKey::new_session();
    recovery
        .write(&key, &original, &RecoveryMeta::now(None))
        .unwrap();
    let on_disk = std::fs::metadata(recovery.path_of(&key)).unwrap().len();
    assert!(on_disk < body.len() as u64 + 4096, "{on_disk}");
    assert_eq!(recovery.read(&key).unwrap().draft, original);
}

/// Case 6: what would be over the read cap is not written, and the file on disk stays.
#[test]
fn a_draft_too_large_to_read_back_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("稿件.ron");
    store::save_draft(&path, &draft("原稿", "原文")).unwrap();
    let huge = draft("原稿", &"字".repeat(12 * 1024 * 1024));
    let error = store::save_draft(&path, &huge).unwrap_err();
    assert!(
        matches!(
            error.kind,
            StoreErrorKind::Write(WriteFailure::TooLargeToReadBack { .. })
        ),
        "{error:?}"
    );
    assert!(
        error.message_zh().contains("32 MB"),
        "{}",
        error.message_zh()
    );
    assert_eq!(store::load_draft(&path).unwrap().title, "原稿");
    let recovery = RecoveryStore::new(dir.path().join("recovery"));
    let key = RecoveryKey::new_session();
    assert!(
        recovery
            .write(&key, &huge, &RecoveryMeta::now(None))
            .is_err()
    );
}

/// Case 9: a link placed in the recovery folder is replaced, never written through.
#[cfg(unix)]
#[test]
fn autosave_never_follows_a_link_in_the_recovery_folder() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "别人的文件").unwrap();
    let recovery = RecoveryStore::new(dir.path().join("recovery"));
    let key = RecoveryKey::new_session();
    std::fs::create_dir_all(recovery.dir()).unwrap();
    std::os::unix::fs::symlink(&victim, recovery.path_of(&key)).unwrap();
    // Read through the link: refused.
    assert!(recovery.read(&key).is_err());
    recovery
        .write(&key, &draft("稿", "字"), &RecoveryMeta::now(None))
        .unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "别人的文件");
    assert!(
        !std::fs::symlink_metadata(recovery.path_of(&key))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

fn temp_beside(target: &Path, pid: u32, age: Duration) -> std::path::PathBuf {
    let name = target.file_name().unwrap().to_string_lossy();
    let temp = target.with_file_name(format!(".{name}.{pid}-2.pouxi-tmp"));
    std::fs::write(&temp, "半个稿件").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&temp)
        .unwrap()
        .set_modified(SystemTime::now() - age)
        .unwrap();
    temp
}

/// Case 14: a temporary file left by a save killed half-way is removed at the next save; one
/// a save in progress might still be writing is left alone.
#[test]
fn temp_files_left_by_a_killed_save_go_at_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.ron");
    store::save_draft(&path, &draft("一", "字")).unwrap();
    let left = temp_beside(&path, 999_999, Duration::from_secs(600));
    let busy = temp_beside(&path, 999_998, Duration::ZERO);
    let other = dir.path().join(".d.ron.bak.txt");
    std::fs::write(&other, "not ours").unwrap();
    store::save_draft(&path, &draft("二", "字")).unwrap();
    assert!(!left.exists(), "left over");
    assert!(busy.exists(), "in progress");
    assert!(other.exists(), "not a temp file");
    // Exports go through the same door.
    let txt = dir.path().join("发言.txt");
    store::atomic_write(&txt, b"x").unwrap();
    let left = temp_beside(&txt, 999_999, Duration::from_secs(600));
    store::atomic_write(&txt, b"y").unwrap();
    assert!(!left.exists());
}
