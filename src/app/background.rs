//! Whole-draft work off the window's thread: the reviewer and the page count read every field,
//! which on a draft of tens of thousands of findings takes seconds (the reviewer) or a third of
//! a second (the page count). Done in the frame, that stalls typing after every pause; done
//! here, the window shows the last figures until the new ones arrive.
//!
//! One thread per kind of work, started on first use. Only the newest job waiting counts: jobs
//! handed over while one runs replace each other, so a burst of pauses costs one run after the
//! current one, not one each.

use std::sync::mpsc::{self, Receiver, Sender};

type Job<T> = (u64, Box<dyn FnOnce() -> T + Send>);

/// A worker for one kind of result, each tagged with the revision it was worked out for.
pub struct Background<T> {
    name: &'static str,
    jobs: Option<Sender<Job<T>>>,
    done: Option<Receiver<(u64, Option<T>)>>,
    /// The revision of the job handed over last and not yet answered.
    in_flight: Option<u64>,
}

impl<T: Send + 'static> Background<T> {
    pub fn new(name: &'static str) -> Background<T> {
        Background {
            name,
            jobs: None,
            done: None,
            in_flight: None,
        }
    }

    /// True while a job handed over has not been answered.
    pub fn busy(&self) -> bool {
        self.in_flight.is_some()
    }

    /// Hands `work` over, for `revision`. Returns false when no thread could be started; the
    /// caller then does the work itself.
    pub fn submit(&mut self, revision: u64, work: impl FnOnce() -> T + Send + 'static) -> bool {
        if self.jobs.is_none() && !self.start() {
            return false;
        }
        let sent = self
            .jobs
            .as_ref()
            .is_some_and(|jobs| jobs.send((revision, Box::new(work))).is_ok());
        if sent {
            self.in_flight = Some(revision);
        }
        sent
    }

    /// The answer to the last job handed over, once it is there: its revision, and its result
    /// (None when the work panicked; the caller keeps what it showed). Answers to jobs replaced
    /// while waiting never come.
    pub fn poll(&mut self) -> Option<(u64, Option<T>)> {
        let done = self.done.as_ref()?;
        let mut newest = None;
        for (revision, result) in done.try_iter() {
            if self.in_flight == Some(revision) {
                self.in_flight = None;
            }
            newest = Some((revision, result));
        }
        newest
    }

    fn start(&mut self) -> bool {
        let (jobs, inbox) = mpsc::channel::<Job<T>>();
        let (answers, done) = mpsc::channel();
        let started = std::thread::Builder::new()
            .name(format!("pouxi-{}", self.name))
            .spawn(move || {
                while let Ok(mut job) = inbox.recv() {
                    // Only the newest of what queued up while the last job ran.
                    while let Ok(newer) = inbox.try_recv() {
                        job = newer;
                    }
                    let (revision, work) = job;
                    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).ok();
                    if answers.send((revision, result)).is_err() {
                        break;
                    }
                }
            })
            .is_ok();
        if started {
            self.jobs = Some(jobs);
            self.done = Some(done);
        }
        started
    }
}

impl<T> std::fmt::Debug for Background<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Background")
            .field("name", &self.name)
            .field("in_flight", &self.in_flight)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Polls until the worker answers; a minute at most, so a hang fails instead of blocking.
    fn answer<T: Send + 'static>(worker: &mut Background<T>) -> (u64, Option<T>) {
        for _ in 0..6000 {
            if let Some(answer) = worker.poll() {
                return answer;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("no answer from the worker");
    }

    #[test]
    fn answers_the_newest_job_and_survives_a_panic() {
        let mut worker = Background::new("test");
        assert!(!worker.busy());
        let (release, gate) = mpsc::channel::<()>();
        assert!(worker.submit(1, move || {
            let _ = gate.recv();
            1
        }));
        // Queued while the first runs: only the newest is worked out.
        assert!(worker.submit(2, || 2));
        assert!(worker.submit(3, || 3));
        assert!(worker.busy());
        // The first job may have been replaced before it started; then nothing waits here.
        let _ = release.send(());
        let mut answers = vec![answer(&mut worker)];
        while worker.busy() {
            answers.push(answer(&mut worker));
        }
        assert_eq!(answers.last(), Some(&(3, Some(3))));
        assert!(!answers.contains(&(2, Some(2))), "{answers:?}");

        assert!(worker.submit(4, || panic!("a bug in the work")));
        assert_eq!(answer(&mut worker), (4, None));
        assert!(!worker.busy());
        assert!(worker.submit(5, || 5));
        assert_eq!(answer(&mut worker), (5, Some(5)));
    }
}
