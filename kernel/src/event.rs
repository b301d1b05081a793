//! Events: the version-independent implementation behind `EventHandle`
//! (ABI v2), Singularity's AutoResetEventHandle and ManualResetEventHandle
//! in one object.
//!
//! An event is *set* (signaled) or *reset*. `Wait` returns at once on a set
//! event and otherwise blocks until it is set or the timeout passes.
//!
//! - **Manual reset**: `Set` releases every thread waiting at that moment
//!   and leaves the event set (later waits return at once) until `Reset`.
//!   A `Set` followed at once by `Reset` still releases every thread that
//!   was blocked when `Set` ran (a generation count, not the flag, wakes
//!   them).
//! - **Auto reset**: each `Set` releases exactly one thread. If threads are
//!   blocked, one of them is released and the event stays reset; if none
//!   is, the event stays set until the next `Wait`, which consumes it. A
//!   `Set` on an event that is already set does nothing (sets do not
//!   count up).
//!
//! Blocking uses a [`Condvar`]; nothing spins.

use std::sync::{Condvar, Mutex};
use std::time::Instant;

use crate::process::lock;
use crate::{wait, Status};

struct State {
    /// The event is set.
    signaled: bool,
    /// Threads blocked in `wait` (auto and manual reset).
    waiters: usize,
    /// Auto reset: releases granted by `set` to blocked threads that have
    /// not yet taken them. Always `<= waiters`; `signaled` implies
    /// `waiters <= grants` (no thread blocks on a set event).
    grants: usize,
    /// Manual reset: incremented by each `set` of a reset event; a blocked
    /// thread returns when it changes.
    generation: u64,
}

/// An auto- or manual-reset event.
pub(crate) struct Event {
    manual_reset: bool,
    state: Mutex<State>,
    changed: Condvar,
}

impl Event {
    /// A new event, set if `initially_set`.
    pub(crate) fn new(manual_reset: bool, initially_set: bool) -> Event {
        Event {
            manual_reset,
            state: Mutex::new(State {
                signaled: initially_set,
                waiters: 0,
                grants: 0,
                generation: 0,
            }),
            changed: Condvar::new(),
        }
    }

    /// Sets the event (see the module documentation).
    pub(crate) fn set(&self) {
        let mut state = lock(&self.state);
        if self.manual_reset {
            if !state.signaled {
                state.signaled = true;
                state.generation = state.generation.wrapping_add(1);
                self.changed.notify_all();
            }
        } else if state.waiters > state.grants {
            state.grants += 1;
            self.changed.notify_one();
        } else {
            state.signaled = true;
        }
    }

    /// Resets the event. Threads already released stay released.
    pub(crate) fn reset(&self) {
        lock(&self.state).signaled = false;
    }

    /// Waits until the event is set or `deadline` passes; `TimedOut` then.
    /// An auto-reset event is reset by the wait that it releases.
    pub(crate) fn wait(&self, deadline: Option<Instant>) -> Result<(), Status> {
        let mut state = lock(&self.state);
        if state.signaled {
            if !self.manual_reset {
                state.signaled = false;
            }
            return Ok(());
        }
        state.waiters += 1;
        let released = if self.manual_reset {
            let generation = state.generation;
            let (s, released) = wait::wait_until(&self.changed, state, deadline, |s| {
                s.signaled || s.generation != generation
            });
            state = s;
            released
        } else {
            let (s, released) = wait::wait_until(&self.changed, state, deadline, |s| s.grants > 0);
            state = s;
            if released {
                state.grants -= 1;
            }
            released
        };
        state.waiters -= 1;
        if released {
            Ok(())
        } else {
            Err(Status::TimedOut)
        }
    }

    /// How many threads are blocked in [`Event::wait`] (tests).
    #[cfg(test)]
    fn waiters(&self) -> usize {
        lock(&self.state).waiters
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    fn soon() -> Option<Instant> {
        Some(Instant::now() + Duration::from_secs(10))
    }

    fn now() -> Option<Instant> {
        Some(Instant::now())
    }

    /// Starts `n` threads that each wait once (up to 10 s) and count their
    /// releases; returns once all are blocked.
    fn blocked_waiters(
        event: &Arc<Event>,
        n: usize,
    ) -> (Arc<AtomicUsize>, Vec<std::thread::JoinHandle<bool>>) {
        let released = Arc::new(AtomicUsize::new(0));
        let threads = (0..n)
            .map(|_| {
                let (event, released) = (Arc::clone(event), Arc::clone(&released));
                std::thread::spawn(move || {
                    let ok = event.wait(soon()).is_ok();
                    if ok {
                        released.fetch_add(1, Ordering::SeqCst);
                    }
                    ok
                })
            })
            .collect();
        while event.waiters() < n {
            std::thread::yield_now();
        }
        (released, threads)
    }

    fn settle_until(released: &AtomicUsize, n: usize) {
        let give_up = Instant::now() + Duration::from_secs(10);
        while released.load(Ordering::SeqCst) < n && Instant::now() < give_up {
            std::thread::sleep(Duration::from_millis(1));
        }
        // A little more time for any excess release to show.
        std::thread::sleep(Duration::from_millis(20));
    }

    #[test]
    fn auto_reset_two_sets_release_two_of_four_blocked_waiters() {
        let event = Arc::new(Event::new(false, false));
        let (released, threads) = blocked_waiters(&event, 4);
        // Two sets in a row, before any waiter has run: both count, since
        // each goes to a different blocked thread.
        event.set();
        event.set();
        settle_until(&released, 2);
        assert_eq!(released.load(Ordering::SeqCst), 2);
        assert_eq!(event.wait(now()), Err(Status::TimedOut), "no set left over");
        event.set();
        event.set();
        let ok = threads
            .into_iter()
            .map(|t| t.join().unwrap())
            .filter(|ok| *ok)
            .count();
        assert_eq!(ok, 4);
        assert_eq!(event.waiters(), 0);
    }

    #[test]
    fn auto_reset_sets_on_a_set_event_do_not_count_up() {
        let event = Event::new(false, false);
        event.set();
        event.set();
        assert_eq!(event.wait(now()), Ok(()));
        assert_eq!(event.wait(now()), Err(Status::TimedOut));
    }

    #[test]
    fn manual_reset_pulse_releases_every_blocked_waiter() {
        let event = Arc::new(Event::new(true, false));
        let (released, threads) = blocked_waiters(&event, 4);
        event.set();
        event.reset();
        settle_until(&released, 4);
        assert!(threads.into_iter().all(|t| t.join().unwrap()));
        assert_eq!(event.wait(now()), Err(Status::TimedOut), "reset stuck");
    }
}
