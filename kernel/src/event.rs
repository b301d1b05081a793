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
//! Waiting goes through [`crate::sync`] (a condition variable per waiting
//! thread); nothing spins.

use std::time::Instant;

use crate::sync::{self, Acquired, Interrupt, Signal, SyncCell, Waitable};
use crate::{Status, ThreadId};

/// An event's state.
pub(crate) struct EventState {
    manual_reset: bool,
    /// The event is set.
    signaled: bool,
}

impl Signal for EventState {
    fn try_acquire(&mut self, _thread: ThreadId) -> Option<Acquired> {
        if !self.signaled {
            return None;
        }
        if !self.manual_reset {
            self.signaled = false;
        }
        Some(Acquired::Ok)
    }

    fn ready(&self, _thread: ThreadId) -> bool {
        self.signaled
    }
}

/// An auto- or manual-reset event.
pub(crate) type Event = SyncCell<EventState>;

impl SyncCell<EventState> {
    /// A new event, set if `initially_set`.
    pub(crate) fn new_event(manual_reset: bool, initially_set: bool) -> Event {
        SyncCell::new(EventState {
            manual_reset,
            signaled: initially_set,
        })
    }

    /// Sets the event (see the module documentation). A manual-reset event
    /// is handed to every registered waiter; an auto-reset one to the first
    /// (which resets it), or it stays set.
    pub(crate) fn set(&self) {
        self.update(|s| s.signaled = true);
    }

    /// Resets the event. Threads already released stay released.
    pub(crate) fn reset(&self) {
        self.with(|s| s.signaled = false);
    }
}

/// Waits for one event (ABI v2: not interruptible); `TimedOut` if the
/// deadline passes first.
pub(crate) fn wait_v2(
    event: std::sync::Arc<Event>,
    deadline: Option<Instant>,
    thread: ThreadId,
) -> Result<(), Status> {
    let objects: [std::sync::Arc<dyn Waitable>; 1] = [event];
    sync::wait_any(&objects, deadline, Interrupt::No, thread).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    impl Event {
        fn wait(self: &Arc<Self>, deadline: Option<Instant>) -> Result<(), Status> {
            wait_v2(Arc::clone(self), deadline, ThreadId(9))
        }
        fn waiters(&self) -> usize {
            self.waiter_count()
        }
    }

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
        let event = Arc::new(Event::new_event(false, false));
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
        let event = Arc::new(Event::new_event(false, false));
        event.set();
        event.set();
        assert_eq!(event.wait(now()), Ok(()));
        assert_eq!(event.wait(now()), Err(Status::TimedOut));
    }

    #[test]
    fn manual_reset_pulse_releases_every_blocked_waiter() {
        let event = Arc::new(Event::new_event(true, false));
        let (released, threads) = blocked_waiters(&event, 4);
        event.set();
        event.reset();
        settle_until(&released, 4);
        assert!(threads.into_iter().all(|t| t.join().unwrap()));
        assert_eq!(event.wait(now()), Err(Status::TimedOut), "reset stuck");
    }
}
