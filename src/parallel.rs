//! Independent pieces of one answer, shared among the machine's cores. A check of a large
//! draft is a dozen passes that read the same draft and write nothing of it; on two cores
//! they take half the time when they are not made to queue behind each other.

use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// One piece of work that borrows what it reads.
pub type Job<'a, T> = Box<dyn FnOnce() -> T + Send + 'a>;

/// How many threads share the work: the cores the system grants, at least one. Asked once
/// a process: on Linux the answer reads the cgroup files each time.
fn workers() -> usize {
    static WORKERS: OnceLock<usize> = OnceLock::new();
    *WORKERS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Whether work handed to another thread would run beside this one rather than after it.
pub fn has_spare_core() -> bool {
    workers() > 1
}

/// Runs every job and returns the results in the jobs' order, whichever thread ran them.
/// Idle threads take the next job not yet started, so put the longest jobs first. With one
/// core, or one job, everything runs here, in order. A job that panics panics the caller, as
/// if it had been run in place.
pub fn run_all<'a, T: Send>(jobs: Vec<Job<'a, T>>) -> Vec<T> {
    let threads = workers().min(jobs.len());
    if threads <= 1 {
        return jobs.into_iter().map(|job| job()).collect();
    }
    let count = jobs.len();
    let queue: Vec<Mutex<Option<Job<'a, T>>>> =
        jobs.into_iter().map(|job| Mutex::new(Some(job))).collect();
    let results: Vec<Mutex<Option<std::thread::Result<T>>>> =
        (0..count).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let (Some(slot), Some(place)) = (queue.get(index), results.get(index)) else {
                break;
            };
            // Each index is handed out once, so neither lock is ever contended, and no job
            // panics while holding one (the panic is caught and kept for the caller).
            let job = slot.lock().ok().and_then(|mut job| job.take());
            if let Some(job) = job {
                let result = panic::catch_unwind(AssertUnwindSafe(job));
                if let Ok(mut place) = place.lock() {
                    *place = Some(result);
                }
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
    results
        .into_iter()
        .filter_map(|result| result.into_inner().ok().flatten())
        .map(|result| result.unwrap_or_else(|cause| panic::resume_unwind(cause)))
        .collect()
}

/// Runs both and returns both answers: `first` on another thread when the machine has a
/// core to spare, `second` here. A panic in either panics the caller.
pub fn join<A: Send, B>(first: impl FnOnce() -> A + Send, second: impl FnOnce() -> B) -> (A, B) {
    if !has_spare_core() {
        let a = first();
        return (a, second());
    }
    std::thread::scope(|scope| {
        let first = scope.spawn(first);
        let b = second();
        match first.join() {
            Ok(a) => (a, b),
            Err(cause) => panic::resume_unwind(cause),
        }
    })
}

/// `items` in consecutive runs of at least `run_size` (by `size`), the last one shorter: the
/// pieces a long list of texts is shared out in, big enough to be worth a thread's while.
pub fn in_runs<T: Copy>(items: &[T], size: impl Fn(&T) -> usize, run_size: usize) -> Vec<Vec<T>> {
    let mut runs = Vec::new();
    let mut run = Vec::new();
    let mut run_bytes = 0;
    for item in items {
        run_bytes += size(item);
        run.push(*item);
        if run_bytes >= run_size {
            runs.push(std::mem::take(&mut run));
            run_bytes = 0;
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_keep_the_order_and_close_once_full() {
        let texts = ["一是", "学习不够", "二是", "担当不足", "三是"];
        let runs = in_runs(&texts, |t| t.chars().count(), 4);
        assert_eq!(
            runs,
            [
                vec!["一是", "学习不够"],
                vec!["二是", "担当不足"],
                vec!["三是"]
            ]
        );
        assert!(in_runs::<&str>(&[], |t| t.len(), 4).is_empty());
    }

    #[test]
    fn results_come_in_the_order_of_the_jobs() {
        let words = ["甲", "乙", "丙", "丁", "戊", "己", "庚"];
        let jobs: Vec<Job<String>> = words
            .iter()
            .enumerate()
            .map(|(i, word)| -> Job<String> {
                Box::new(move || {
                    // Uneven work, so that the threads finish out of order.
                    std::thread::sleep(std::time::Duration::from_millis((7 - i as u64) * 3));
                    word.repeat(i + 1)
                })
            })
            .collect();
        let expected: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(i, w)| w.repeat(i + 1))
            .collect();
        assert_eq!(run_all(jobs), expected);
    }

    #[test]
    fn jobs_may_borrow_what_they_read() {
        let text = String::from("学习不够深入");
        let jobs: Vec<Job<usize>> =
            vec![Box::new(|| text.chars().count()), Box::new(|| text.len())];
        assert_eq!(run_all(jobs), [6, 18]);
    }

    #[test]
    fn join_returns_both_answers() {
        let text = "对照检查";
        assert_eq!(join(|| text.len(), || text.chars().count()), (12, 4));
    }

    #[test]
    #[should_panic(expected = "the first one's panic")]
    fn join_passes_on_a_panic() {
        join(|| -> u8 { panic!("the first one's panic") }, || 2);
    }

    #[test]
    fn no_jobs_no_results() {
        assert!(run_all::<u8>(Vec::new()).is_empty());
    }

    #[test]
    #[should_panic(expected = "a job's own panic")]
    fn a_panicking_job_panics_the_caller() {
        let jobs: Vec<Job<u8>> = vec![
            Box::new(|| 1),
            Box::new(|| panic!("a job's own panic")),
            Box::new(|| 3),
        ];
        run_all(jobs);
    }
}
