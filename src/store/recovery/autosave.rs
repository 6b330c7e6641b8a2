//! Writing recovery copies off the UI thread.
//!
//! The app owns the timer: within 2 s of the last change it calls [`Autosaver::submit`] with a
//! clone of the draft. The worker thread keeps only the newest snapshot per key of everything
//! that queued up while it was busy and writes it: the first time, and after anything but
//! text changed, as a full copy through the atomic path; otherwise as a journal record of the
//! fields that changed (see `journal`), so a large draft is kept as promptly as a small one.
//! It reports failures
//! through [`Autosaver::poll_errors`]. It never panics the app: a panic inside a write is
//! caught and reported like any other failure.

use super::{RecoveryKey, RecoveryMeta, RecoveryStore};
use crate::draft::Draft;
use crate::store::{StoreError, StoreErrorKind};
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

/// A recovery copy that could not be written or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutosaveError {
    pub key: RecoveryKey,
    pub error: StoreError,
}

impl AutosaveError {
    /// For the status bar or a message box.
    pub fn message_zh(&self) -> String {
        let cause = match &self.error.kind {
            StoreErrorKind::Write(failure) => failure.cause_zh(),
            _ => self.error.message_zh(),
        };
        format!(
            "自动保存恢复副本失败：{cause}。稿件仍在窗口中；在问题解决之前，意外退出可能丢失未保存的修改，请尽快手动保存。"
        )
    }
}

impl fmt::Display for AutosaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "autosave of {} failed: {}", self.key, self.error)
    }
}

impl std::error::Error for AutosaveError {}

enum Job {
    Write {
        key: RecoveryKey,
        draft: Box<Draft>,
        meta: RecoveryMeta,
    },
    Remove(RecoveryKey),
    Flush(Sender<()>),
}

/// What is left to do for one key after coalescing: only the last request counts.
enum Pending {
    Write(Box<Draft>, RecoveryMeta),
    Remove,
}

/// A background writer of recovery copies. Dropping it writes what is still queued, then stops
/// the thread (so a clean exit never loses the last snapshot; call [`Autosaver::discard`]
/// first for drafts that should leave no copy).
pub struct Autosaver {
    jobs: Option<Sender<Job>>,
    errors: Receiver<AutosaveError>,
    errors_in: Sender<AutosaveError>,
    worker: Option<JoinHandle<()>>,
}

impl Autosaver {
    /// Starts the worker thread. If the thread cannot be started, every submit reports an
    /// error through [`Autosaver::poll_errors`] instead.
    pub fn spawn(store: RecoveryStore) -> Autosaver {
        let (jobs, inbox) = mpsc::channel();
        let (errors_in, errors) = mpsc::channel();
        let reporter = errors_in.clone();
        let worker = std::thread::Builder::new()
            .name("pouxi-autosave".to_owned())
            .spawn(move || run(&store, &inbox, &reporter))
            .ok();
        Autosaver {
            jobs: worker.as_ref().map(|_| jobs),
            errors,
            errors_in,
            worker,
        }
    }

    /// Queues a snapshot of the draft under `key` (see [`RecoveryKey::for_path`] and
    /// [`RecoveryKey::new_session`]). `original` is the draft's file, if it has one. Returns at
    /// once; the time written into the copy is now.
    pub fn submit(&self, key: RecoveryKey, draft: Draft, original: Option<PathBuf>) {
        let job = Job::Write {
            key: key.clone(),
            draft: Box::new(draft),
            meta: RecoveryMeta::now(original),
        };
        self.send(key, job);
    }

    /// Queues removal of the copy under `key`, after anything submitted before. Call it once
    /// the draft is saved, or closed without saving, and with the old key when a never-saved
    /// draft gets its first file.
    pub fn discard(&self, key: RecoveryKey) {
        self.send(key.clone(), Job::Remove(key));
    }

    fn send(&self, key: RecoveryKey, job: Job) {
        let sent = self
            .jobs
            .as_ref()
            .is_some_and(|jobs| jobs.send(job).is_ok());
        if !sent {
            let error = StoreError::new(
                std::path::Path::new(key.as_str()),
                StoreErrorKind::Write(crate::store::WriteFailure::Other(
                    "the autosave thread is not running".to_owned(),
                )),
            );
            let _ = self.errors_in.send(AutosaveError { key, error });
        }
    }

    /// Blocks until everything queued so far is written or removed (tests, and before exit).
    pub fn flush_blocking(&self) {
        let (done, wait) = mpsc::channel();
        if let Some(jobs) = &self.jobs
            && jobs.send(Job::Flush(done)).is_ok()
        {
            // An error means the thread is gone: nothing left to wait for.
            let _ = wait.recv();
        }
    }

    /// Failures since the last call, oldest first. Never blocks.
    pub fn poll_errors(&self) -> Vec<AutosaveError> {
        self.errors.try_iter().collect()
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        // Closing the channel lets the worker finish what is queued and stop.
        self.jobs = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

/// Journal bytes after which the next snapshot is written as a full copy again, so that a
/// recovery file is never slow to read back nor its journal near the read cap.
const JOURNAL_LIMIT: u64 = 8 * 1024 * 1024;

/// What the worker last wrote for one key: the snapshot the files on disk hold, the base its
/// journal records name, and how long that journal is.
struct Written {
    draft: Box<Draft>,
    journal_base: u64,
    journal_bytes: u64,
}

static JOURNAL_BASES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// A base no other full copy used: time and a counter, never 0.
fn fresh_journal_base() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let n = JOURNAL_BASES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    (nanos ^ n.rotate_left(48)).max(1)
}

/// Writes one snapshot: only the changed fields when nothing but text changed since the last
/// full copy, otherwise a full copy. A 20 MB draft then costs a few bytes per keystroke
/// instead of seconds per copy, and the promise holds at any size.
fn write_snapshot(
    store: &RecoveryStore,
    written: &mut BTreeMap<RecoveryKey, Written>,
    key: &RecoveryKey,
    draft: Box<Draft>,
    meta: &RecoveryMeta,
) -> Result<(), StoreError> {
    if let Some(last) = written.get_mut(key)
        && last.journal_bytes < JOURNAL_LIMIT
        && let Some(edits) = super::journal::diff(&last.draft, &draft)
    {
        if edits.is_empty() {
            return Ok(());
        }
        match store.append_journal(key, last.journal_base, edits) {
            Ok(bytes) => {
                last.journal_bytes += bytes;
                last.draft = draft;
                return Ok(());
            }
            Err(error) => {
                written.remove(key);
                return Err(error);
            }
        }
    }
    written.remove(key);
    let journal_base = fresh_journal_base();
    store.write_full(key, &draft, meta, journal_base)?;
    written.insert(
        key.clone(),
        Written {
            draft,
            journal_base,
            journal_bytes: 0,
        },
    );
    Ok(())
}

fn run(store: &RecoveryStore, inbox: &Receiver<Job>, errors: &Sender<AutosaveError>) {
    let mut written: BTreeMap<RecoveryKey, Written> = BTreeMap::new();
    while let Ok(first) = inbox.recv() {
        let mut pending: BTreeMap<RecoveryKey, Pending> = BTreeMap::new();
        let mut flushes = Vec::new();
        for job in std::iter::once(first).chain(inbox.try_iter()) {
            match job {
                Job::Write { key, draft, meta } => {
                    pending.insert(key, Pending::Write(draft, meta));
                }
                Job::Remove(key) => {
                    pending.insert(key, Pending::Remove);
                }
                Job::Flush(done) => flushes.push(done),
            }
        }
        for (key, work) in pending {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match work {
                Pending::Write(draft, meta) => {
                    write_snapshot(store, &mut written, &key, draft, &meta)
                }
                Pending::Remove => {
                    written.remove(&key);
                    store.remove(&key)
                }
            }));
            let error = match outcome {
                Ok(Ok(())) => continue,
                Ok(Err(error)) => error,
                Err(_) => {
                    written.remove(&key);
                    StoreError::new(
                        &store.path_of(&key),
                        StoreErrorKind::Write(crate::store::WriteFailure::Other(
                            "internal error while writing".to_owned(),
                        )),
                    )
                }
            };
            let _ = errors.send(AutosaveError { key, error });
        }
        for done in flushes {
            let _ = done.send(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::DEFAULT_HEADING;

    fn draft(title: &str) -> Draft {
        Draft::with_categories(title, DEFAULT_HEADING, &["在理论学习方面"])
    }

    #[test]
    fn writes_the_latest_snapshot_per_key() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let saver = Autosaver::spawn(store.clone());
        let a = RecoveryKey::new_session();
        let b = RecoveryKey::for_path(&dir.path().join("b.ron"));
        for n in 0..200 {
            saver.submit(a.clone(), draft(&format!("甲{n}")), None);
            saver.submit(
                b.clone(),
                draft(&format!("乙{n}")),
                Some(dir.path().join("b.ron")),
            );
        }
        saver.flush_blocking();
        assert_eq!(store.read(&a).unwrap().draft.title, "甲199");
        let b_entry = store.read(&b).unwrap();
        assert_eq!(b_entry.draft.title, "乙199");
        assert_eq!(b_entry.original, Some(dir.path().join("b.ron")));
        assert!(saver.poll_errors().is_empty());

        // Discard is ordered after earlier submits, and a later submit brings it back.
        saver.submit(a.clone(), draft("甲最后"), None);
        saver.discard(a.clone());
        saver.flush_blocking();
        assert!(!store.path_of(&a).exists());
        saver.discard(b.clone());
        saver.submit(b.clone(), draft("乙又改"), None);
        saver.flush_blocking();
        assert_eq!(store.read(&b).unwrap().draft.title, "乙又改");
    }

    #[test]
    fn text_changes_go_to_the_journal_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let saver = Autosaver::spawn(store.clone());
        let key = RecoveryKey::new_session();
        let mut snapshot = draft("第一版");
        snapshot.categories_mut().unwrap()[0].title = "大".repeat(100_000);
        saver.submit(key.clone(), snapshot.clone(), None);
        saver.flush_blocking();
        let full = std::fs::metadata(store.path_of(&key))
            .unwrap()
            .modified()
            .unwrap();
        for n in 0..20 {
            snapshot.title = format!("第{n}版");
            saver.submit(key.clone(), snapshot.clone(), None);
            saver.flush_blocking();
        }
        assert!(saver.poll_errors().is_empty());
        // The full copy was not rewritten; the journal holds the small changes.
        let copy = std::fs::metadata(store.path_of(&key)).unwrap();
        assert_eq!(copy.modified().unwrap(), full);
        let journal = store.journal_path_of(&key);
        assert!(std::fs::metadata(&journal).unwrap().len() < 4096);
        let entry = store.read(&key).unwrap();
        assert_eq!(entry.draft, snapshot);
        assert_eq!(entry.chars, snapshot.char_count());
        // A change of shape makes a full copy and ends the journal.
        let first = snapshot.categories()[0].clone();
        snapshot.categories_mut().unwrap().push(first);
        snapshot.categories_mut().unwrap()[1].id = crate::draft::CategoryId(99);
        saver.submit(key.clone(), snapshot.clone(), None);
        saver.flush_blocking();
        assert!(!journal.exists());
        assert_eq!(store.read(&key).unwrap().draft, snapshot);
        saver.discard(key.clone());
        saver.flush_blocking();
        assert!(!store.path_of(&key).exists());
    }

    #[test]
    fn dropping_writes_what_is_queued() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let key = RecoveryKey::new_session();
        {
            let saver = Autosaver::spawn(store.clone());
            saver.submit(key.clone(), draft("退出前"), None);
        }
        assert_eq!(store.read(&key).unwrap().draft.title, "退出前");
    }

    #[test]
    fn failures_come_back_as_errors() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the recovery folder should be.
        let blocked = dir.path().join("recovery");
        std::fs::write(&blocked, "not a folder").unwrap();
        let saver = Autosaver::spawn(RecoveryStore::new(&blocked));
        let key = RecoveryKey::new_session();
        saver.submit(key.clone(), draft("一"), None);
        saver.flush_blocking();
        let errors = saver.poll_errors();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].key, key);
        assert!(errors[0].message_zh().contains("稿件仍在窗口中"));
        // Said as it is (issue 18, case 15), not as a missing folder or an English error.
        assert!(
            errors[0].message_zh().contains("是一个文件"),
            "{}",
            errors[0].message_zh()
        );
        assert!(saver.poll_errors().is_empty());
        // Still working afterwards.
        std::fs::remove_file(&blocked).unwrap();
        saver.submit(key.clone(), draft("二"), None);
        saver.flush_blocking();
        assert!(saver.poll_errors().is_empty());
    }
}
