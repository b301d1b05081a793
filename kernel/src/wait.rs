//! Timed waits on a condition variable: the one waiting primitive behind
//! `ThreadHandle::Join` and `EventHandle::Wait` (ABI v2).
//!
//! A timeout crosses the ABI as nanoseconds in a `u64`; `u64::MAX` means
//! "forever" and `0` means "poll". Waits block on a [`Condvar`] (no
//! spinning) against `CLOCK_MONOTONIC`, so changing the wall clock does not
//! shorten or stretch them.

use std::sync::{Condvar, MutexGuard};
use std::time::{Duration, Instant};

/// The timeout value that means "wait forever".
pub(crate) const FOREVER: u64 = u64::MAX;

/// When a wait that starts now with `timeout_ns` gives up; `None` for
/// forever (`u64::MAX`, or a deadline too far away to represent).
pub(crate) fn deadline(timeout_ns: u64) -> Option<Instant> {
    if timeout_ns == FOREVER {
        return None;
    }
    Instant::now().checked_add(Duration::from_nanos(timeout_ns))
}

/// Waits on `cond` (with `guard` locked) until `ready` holds or `deadline`
/// passes. `ready` is checked first, and once more after the deadline, so a
/// condition that became true just in time is not missed. Returns the guard
/// and whether `ready` held.
pub(crate) fn wait_until<'a, T>(
    cond: &Condvar,
    mut guard: MutexGuard<'a, T>,
    deadline: Option<Instant>,
    mut ready: impl FnMut(&mut T) -> bool,
) -> (MutexGuard<'a, T>, bool) {
    loop {
        if ready(&mut guard) {
            return (guard, true);
        }
        match deadline {
            None => guard = cond.wait(guard).unwrap_or_else(|e| e.into_inner()),
            Some(deadline) => {
                let now = Instant::now();
                if now >= deadline {
                    return (guard, false);
                }
                guard = cond
                    .wait_timeout(guard, deadline - now)
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn deadlines() {
        assert_eq!(deadline(FOREVER), None);
        assert!(deadline(0).is_some());
        let d = deadline(1_000_000_000).unwrap();
        assert!(d > Instant::now() + Duration::from_millis(900));
    }

    #[test]
    fn times_out_and_sees_ready() {
        let m = Mutex::new(false);
        let c = Condvar::new();
        let start = Instant::now();
        let (guard, ok) = wait_until(&c, m.lock().unwrap(), deadline(5_000_000), |v| *v);
        drop(guard);
        assert!(!ok);
        assert!(start.elapsed() >= Duration::from_millis(5));
        *m.lock().unwrap() = true;
        let (guard, ok) = wait_until(&c, m.lock().unwrap(), deadline(0), |v| *v);
        drop(guard);
        assert!(ok);
    }
}
