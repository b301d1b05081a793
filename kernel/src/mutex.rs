//! Mutexes: the version-independent implementation behind `MutexHandle`
//! (ABI v4), Singularity's MutexHandle.
//!
//! A mutex is owned by at most one thread at a time, recursively: the
//! owner may acquire it again (through a wait), and must release it as many
//! times. Threads acquire it by waiting on it (`SyncHandle::WaitAny`,
//! `WaitAll`). Only the owner may release it. If the owner ends without
//! releasing it, the mutex is *abandoned*: the next thread to acquire it is
//! told so (`Status::Abandoned`) and owns it from then on.

use crate::sync::{Acquired, Signal, SyncCell};
use crate::{Status, ThreadId};

/// A mutex's state.
pub(crate) struct MutexState {
    owner: ThreadId,
    /// Acquisitions by the owner not yet released.
    count: u32,
    /// The previous owner ended while holding it; the next acquisition
    /// reports it.
    abandoned: bool,
}

impl Signal for MutexState {
    fn try_acquire(&mut self, thread: ThreadId) -> Option<Acquired> {
        if self.owner == ThreadId::NONE {
            self.owner = thread;
            self.count = 1;
            if std::mem::take(&mut self.abandoned) {
                return Some(Acquired::Abandoned);
            }
            return Some(Acquired::Ok);
        }
        if self.owner == thread && self.count < u32::MAX {
            self.count += 1;
            return Some(Acquired::Ok);
        }
        None
    }

    fn ready(&self, thread: ThreadId) -> bool {
        self.owner == ThreadId::NONE || (self.owner == thread && self.count < u32::MAX)
    }
}

/// A mutex.
pub(crate) type KernelMutex = SyncCell<MutexState>;

impl SyncCell<MutexState> {
    /// A new mutex, owned by `owner` (once) unless that is
    /// [`ThreadId::NONE`].
    pub(crate) fn new_mutex(owner: ThreadId) -> KernelMutex {
        SyncCell::new(MutexState {
            owner,
            count: u32::from(owner != ThreadId::NONE),
            abandoned: false,
        })
    }

    /// Releases one acquisition by `thread`; `InvalidState` if `thread`
    /// does not own the mutex.
    pub(crate) fn release(&self, thread: ThreadId) -> Result<(), Status> {
        self.update(|s| {
            if s.owner != thread || thread == ThreadId::NONE {
                return Err(Status::InvalidState);
            }
            s.count -= 1;
            if s.count == 0 {
                s.owner = ThreadId::NONE;
            }
            Ok(())
        })
    }

    /// `thread` ended: if it owns the mutex, the mutex is released and
    /// marked abandoned.
    pub(crate) fn abandon(&self, thread: ThreadId) {
        self.update(|s| {
            if s.owner == thread && thread != ThreadId::NONE {
                s.owner = ThreadId::NONE;
                s.count = 0;
                s.abandoned = true;
            }
        });
    }
}
