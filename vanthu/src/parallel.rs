//! Work on many files at once, results in the input's order, with a bounded
//! number of files in flight (std threads only).

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// The number of threads to use for `jobs` (0: one per core) and `items` items.
pub(crate) fn threads(jobs: usize, items: usize) -> usize {
    let jobs = if jobs == 0 {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    } else {
        jobs
    };
    jobs.clamp(1, items.max(1))
}

type Outcome<R> = Result<R, Box<dyn std::any::Any + Send + 'static>>;

struct State<R> {
    /// The next item no thread has taken.
    next_claim: usize,
    /// The next item to hand to `sink`.
    next_emit: usize,
    /// Finished items not yet handed to `sink`.
    done: BTreeMap<usize, Outcome<R>>,
    /// Set when a worker panicked: the others stop taking items.
    stop: bool,
}

fn lock<R>(state: &Mutex<State<R>>) -> MutexGuard<'_, State<R>> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Calls `work` on every item on `threads` threads and `sink` on every result,
/// on the calling thread, in the order of `items`. At most `2 × threads` items
/// are in flight (taken and not yet handed to `sink`): a slow item holds the
/// others back rather than letting finished results pile up. A panic in
/// `work` is resumed on the calling thread, as in a plain loop.
pub(crate) fn map_in_order<T, R, W, S>(items: &[T], threads: usize, work: W, mut sink: S)
where
    T: Sync,
    R: Send,
    W: Fn(&T) -> R + Sync,
    S: FnMut(R),
{
    if threads <= 1 || items.len() <= 1 {
        for item in items {
            sink(work(item));
        }
        return;
    }
    let window = 2 * threads;
    let state = Mutex::new(State {
        next_claim: 0,
        next_emit: 0,
        done: BTreeMap::new(),
        stop: false,
    });
    let changed = Condvar::new();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let index = {
                        let mut st = lock(&state);
                        loop {
                            if st.stop || st.next_claim >= items.len() {
                                return;
                            }
                            if st.next_claim < st.next_emit + window {
                                break;
                            }
                            st = changed.wait(st).unwrap_or_else(PoisonError::into_inner);
                        }
                        st.next_claim += 1;
                        st.next_claim - 1
                    };
                    let Some(item) = items.get(index) else {
                        return;
                    };
                    let outcome = catch_unwind(AssertUnwindSafe(|| work(item)));
                    let mut st = lock(&state);
                    st.stop |= outcome.is_err();
                    st.done.insert(index, outcome);
                    changed.notify_all();
                }
            });
        }
        for index in 0..items.len() {
            let outcome = {
                let mut st = lock(&state);
                loop {
                    if let Some(outcome) = st.done.remove(&index) {
                        st.next_emit = index + 1;
                        changed.notify_all();
                        break outcome;
                    }
                    st = changed.wait(st).unwrap_or_else(PoisonError::into_inner);
                }
            };
            match outcome {
                Ok(result) => sink(result),
                Err(panic) => {
                    // The workers see `stop`, finish their item and return.
                    drop(lock(&state));
                    resume_unwind(panic);
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use super::{map_in_order, threads};

    #[test]
    fn results_come_in_the_input_order_whatever_the_finishing_order() {
        let items: Vec<u64> = (0..200).collect();
        for n in [1, 2, 3, 8] {
            let mut out = Vec::new();
            // Early items are the slowest: they finish last.
            map_in_order(
                &items,
                n,
                |&i| {
                    std::thread::sleep(Duration::from_micros((200 - i) * 20));
                    i * i
                },
                |r| out.push(r),
            );
            assert_eq!(
                out,
                items.iter().map(|i| i * i).collect::<Vec<_>>(),
                "{n} threads"
            );
        }
    }

    #[test]
    fn no_more_than_twice_the_threads_are_in_flight() {
        let items: Vec<usize> = (0..100).collect();
        let started = AtomicUsize::new(0);
        let mut emitted = 0;
        let mut worst = 0;
        map_in_order(
            &items,
            3,
            |&i| {
                started.fetch_add(1, Ordering::SeqCst);
                // Item 0 is slow: the others must wait for it to be handed on.
                if i == 0 {
                    std::thread::sleep(Duration::from_millis(50));
                }
                i
            },
            |r| {
                assert_eq!(r, emitted);
                worst = worst.max(started.load(Ordering::SeqCst) - emitted);
                emitted += 1;
            },
        );
        assert_eq!(emitted, 100);
        // 2 × 3 in flight, and the one being handed on.
        assert!(worst <= 7, "{worst} items in flight");
        assert!(worst >= 2, "never parallel ({worst})");
    }

    #[test]
    fn a_panic_in_the_work_reaches_the_caller() {
        let items: Vec<usize> = (0..50).collect();
        let caught = std::panic::catch_unwind(|| {
            map_in_order(
                &items,
                4,
                |&i| {
                    if i == 17 {
                        panic!("boom");
                    }
                    i
                },
                |_| {},
            );
        });
        assert!(caught.is_err());
    }

    #[test]
    fn thread_counts() {
        assert_eq!(threads(4, 2), 2);
        assert_eq!(threads(4, 0), 1);
        assert_eq!(threads(1, 100), 1);
        assert!(threads(0, 100) >= 1);
    }
}
