//! File work off the window's thread: reading drafts and material, writing drafts, exports and
//! settings run on one background thread, in the order they were asked for. (Parsing material
//! and rendering exports stay with the window: they are quick, and their results are needed
//! at once.)
//!
//! After handing over a job the window waits for it a while ([`WAIT`]): a local disk answers
//! well within it, so the result shows in the same frame, as it would with the file read or
//! written right there. A slow or stuck disk (a network share, a USB stick, a virus scanner)
//! holds the window no longer than that: the job goes on in the background and a later frame
//! picks up its outcome. When Pouxi closes, the jobs already handed over are finished before it
//! exits.

use super::settings::{AppPaths, Settings};
use crate::draft::Draft;
use crate::import::{self, ImportError, Material};
use crate::store::{self, FileStamp, StoreError};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long the window waits for a job before going on without it.
pub const WAIT: Duration = Duration::from_millis(250);

pub enum Job {
    OpenDraft {
        path: PathBuf,
    },
    /// Saves `draft`, which is the document's state `state`.
    SaveDraft {
        path: PathBuf,
        draft: Box<Draft>,
        state: u64,
    },
    /// Reads and decodes material for the import preview.
    ReadMaterial {
        path: PathBuf,
    },
    /// Writes an export rendered by the window.
    WriteExport {
        path: PathBuf,
        bytes: Vec<u8>,
        notes: Vec<String>,
    },
    SaveSettings {
        settings: Box<Settings>,
        paths: AppPaths,
    },
}

// One outcome per file job, moved once through a channel: the size of the draft inside
// `Opened` costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
pub enum Outcome {
    Opened {
        path: PathBuf,
        result: Result<(Draft, FileStamp), StoreError>,
    },
    Saved {
        path: PathBuf,
        state: u64,
        result: Result<FileStamp, StoreError>,
    },
    MaterialRead {
        path: PathBuf,
        result: Result<Material, ImportError>,
    },
    Exported {
        path: PathBuf,
        notes: Vec<String>,
        result: std::io::Result<()>,
    },
    SettingsSaved(std::io::Result<()>),
}

impl Job {
    fn run(self) -> Outcome {
        match self {
            Job::OpenDraft { path } => {
                let result = store::load_draft_with_stamp(&path);
                Outcome::Opened { path, result }
            }
            Job::SaveDraft { path, draft, state } => {
                let result = store::save_draft_with_stamp(&path, &draft);
                Outcome::Saved {
                    path,
                    state,
                    result,
                }
            }
            Job::ReadMaterial { path } => {
                let result = import::read_material(&path);
                Outcome::MaterialRead { path, result }
            }
            Job::WriteExport { path, bytes, notes } => {
                let result = store::atomic_write(&path, &bytes);
                Outcome::Exported {
                    path,
                    notes,
                    result,
                }
            }
            Job::SaveSettings { settings, paths } => Outcome::SettingsSaved(settings.save(&paths)),
        }
    }

    /// A job the draft must not change under (the window waits for it before editing again).
    fn blocks_editing(&self) -> bool {
        matches!(self, Job::OpenDraft { .. })
    }
}

struct Worker {
    jobs: Sender<(u64, Job)>,
    thread: JoinHandle<()>,
}

#[derive(Default)]
pub struct FileJobs {
    worker: Option<Worker>,
    outcomes: Option<Receiver<(u64, Outcome)>>,
    next_id: u64,
    /// Jobs handed over and not answered yet: (id, blocks editing).
    pending: Vec<(u64, bool)>,
    /// Outcomes that arrived while waiting for another job.
    ready: Vec<Outcome>,
    /// How long to wait for a job before going on; [`WAIT`] unless set.
    wait: Option<Duration>,
}

impl std::fmt::Debug for FileJobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileJobs")
            .field("pending", &self.pending)
            .finish_non_exhaustive()
    }
}

impl FileJobs {
    /// Waits up to `wait` for each job instead of [`WAIT`] (tests wait for every outcome, so
    /// a loaded machine cannot make them race the disk).
    pub fn set_wait(&mut self, wait: Duration) {
        self.wait = Some(wait);
    }

    /// Hands `job` over and waits up to [`WAIT`] for it. `Some` is its outcome; `None` means
    /// it is still running and [`FileJobs::poll`] will return its outcome later.
    pub fn run(&mut self, ctx: &egui::Context, job: Job) -> Option<Outcome> {
        let id = self.next_id;
        self.next_id += 1;
        let blocks = job.blocks_editing();
        let job = match self.send(ctx, id, job) {
            Ok(()) => {
                self.pending.push((id, blocks));
                return self.wait_for(id);
            }
            Err(job) => job,
        };
        // No thread could be started: do the work here rather than not at all.
        Some(job.run())
    }

    /// Outcomes of jobs that finished since the last call.
    pub fn poll(&mut self) -> Vec<Outcome> {
        let mut out = std::mem::take(&mut self.ready);
        if let Some(outcomes) = &self.outcomes {
            while let Ok((id, outcome)) = outcomes.try_recv() {
                self.pending.retain(|(p, _)| *p != id);
                out.push(outcome);
            }
        }
        out
    }

    /// True while a job is running that the draft must not change under.
    pub fn blocks_editing(&self) -> bool {
        self.pending.iter().any(|(_, blocks)| *blocks)
    }

    fn send(&mut self, ctx: &egui::Context, id: u64, job: Job) -> Result<(), Job> {
        if self.worker.is_none() {
            let (jobs, inbox) = mpsc::channel::<(u64, Job)>();
            let (done, outcomes) = mpsc::channel();
            let ctx = ctx.clone();
            let thread = std::thread::Builder::new()
                .name("pouxi-files".to_owned())
                .spawn(move || {
                    for (id, job) in inbox {
                        if done.send((id, job.run())).is_err() {
                            break;
                        }
                        ctx.request_repaint();
                    }
                });
            match thread {
                Ok(thread) => {
                    self.worker = Some(Worker { jobs, thread });
                    self.outcomes = Some(outcomes);
                }
                Err(_) => return Err(job),
            }
        }
        match &self.worker {
            Some(worker) => worker.jobs.send((id, job)).map_err(|error| error.0.1),
            None => Err(job),
        }
    }

    fn wait_for(&mut self, id: u64) -> Option<Outcome> {
        let outcomes = self.outcomes.as_ref()?;
        let deadline = Instant::now() + self.wait.unwrap_or(WAIT);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match outcomes.recv_timeout(left) {
                Ok((done, outcome)) => {
                    self.pending.retain(|(p, _)| *p != done);
                    if done == id {
                        return Some(outcome);
                    }
                    self.ready.push(outcome);
                }
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            }
        }
    }
}

impl Drop for FileJobs {
    /// Finishes every job already handed over (a save, an export) before Pouxi exits.
    fn drop(&mut self) {
        if let Some(Worker { jobs, thread }) = self.worker.take() {
            drop(jobs);
            let _ = thread.join();
        }
    }
}
