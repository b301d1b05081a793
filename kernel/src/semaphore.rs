//! Semaphores: the version-independent implementation behind
//! `SemaphoreHandle` (ABI v4).
//!
//! A semaphore holds a count between 0 and its maximum. A wait acquires it
//! when the count is above zero (taking one); `Release(n)` adds `n`, and
//! fails without changing anything if that would pass the maximum.

use crate::sync::{Acquired, Signal, SyncCell};
use crate::{Status, ThreadId};

/// A semaphore's state.
pub(crate) struct SemaphoreState {
    count: u32,
    maximum: u32,
}

impl Signal for SemaphoreState {
    fn try_acquire(&mut self, _thread: ThreadId) -> Option<Acquired> {
        (self.count > 0).then(|| {
            self.count -= 1;
            Acquired::Ok
        })
    }

    fn ready(&self, _thread: ThreadId) -> bool {
        self.count > 0
    }
}

/// A counting semaphore.
pub(crate) type Semaphore = SyncCell<SemaphoreState>;

impl SyncCell<SemaphoreState> {
    /// A semaphore with `initial` of `maximum`; `InvalidArgument` unless
    /// `initial <= maximum` and `maximum > 0`.
    pub(crate) fn new_semaphore(initial: u32, maximum: u32) -> Result<Semaphore, Status> {
        if maximum == 0 || initial > maximum {
            return Err(Status::InvalidArgument);
        }
        Ok(SyncCell::new(SemaphoreState {
            count: initial,
            maximum,
        }))
    }

    /// Adds `n` (at least 1) to the count and returns the count before;
    /// `InvalidState` (nothing changed) if that would pass the maximum.
    pub(crate) fn release(&self, n: u32) -> Result<u32, Status> {
        if n == 0 {
            return Err(Status::InvalidArgument);
        }
        self.update(|s| {
            let new = s.count.checked_add(n).filter(|c| *c <= s.maximum);
            match new {
                Some(c) => {
                    let before = s.count;
                    s.count = c;
                    Ok(before)
                }
                None => Err(Status::InvalidState),
            }
        })
    }
}
