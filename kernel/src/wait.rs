//! Deadlines of timed waits (the waits themselves are in `sync`).
//!
//! A timeout crosses the ABI as nanoseconds in a `u64`; `u64::MAX` means
//! "forever" and `0` means "poll". Deadlines are measured against
//! `CLOCK_MONOTONIC` ([`Instant`]), so changing the wall clock does not
//! shorten or stretch a wait.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines() {
        assert_eq!(deadline(FOREVER), None);
        assert!(deadline(0).is_some());
        let d = deadline(1_000_000_000).unwrap();
        assert!(d > Instant::now() + Duration::from_millis(900));
    }
}
