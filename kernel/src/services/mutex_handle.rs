//! `MutexHandle` (ABI v4): recursive mutexes owned by threads of the
//! calling process, Singularity's MutexHandle. A thread acquires a mutex
//! by waiting on it (`SyncHandle::WaitAny`/`WaitAll`) and releases it with
//! `Release`, once per acquisition. A mutex whose owner ends without
//! releasing it is abandoned: the next wait to acquire it returns
//! `Abandoned` (and owns it).

use std::sync::Arc;

use super::{check_out, guard, write_out};
use crate::handles::{release_objects, KernelObject, Kind};
use crate::mutex::KernelMutex;
use crate::{process, Handle, Status, ThreadId};

/// `MutexHandle::Create`: creates a mutex, owned by the calling thread if
/// `initially_owned` is 1 (free if 0), and stores its handle in
/// `*out_handle`.
///
/// Returns `Ok`, `InvalidArgument` (a flag other than 0 or 1,
/// null/misaligned `out_handle`), `NoProcess`, `OutOfMemory`.
///
/// # Safety
/// `out_handle` must be valid for a write of a [`Handle`].
pub unsafe extern "C" fn create(initially_owned: u32, out_handle: *mut Handle) -> Status {
    guard(|| {
        check_out(out_handle)?;
        let owner = match initially_owned {
            0 => ThreadId::NONE,
            1 => process::current_thread_id(),
            _ => return Err(Status::InvalidArgument),
        };
        let me = process::current_or_status()?;
        let mutex = Arc::new(KernelMutex::new_mutex(owner));
        me.add_mutex(&mutex);
        let handle = me.with_handles(|t| t.insert(KernelObject::Mutex(mutex)))?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_handle, handle) }
    })
}

/// `MutexHandle::Release`: releases one acquisition of the mutex by the
/// calling thread.
///
/// Returns `Ok`, `InvalidState` (the calling thread does not own it),
/// `NoProcess`, `InvalidHandle`.
pub extern "C" fn release(handle: Handle) -> Status {
    guard(|| {
        let m = process::current_or_status()?.with_handles(|t| t.mutex(handle))?;
        m.release(process::current_thread_id())
    })
}

/// `MutexHandle::Dispose`: drops the handle; the mutex lives on for the
/// threads already waiting on it.
///
/// Returns `Ok`, `NoProcess`, `InvalidHandle`.
pub extern "C" fn dispose(handle: Handle) -> Status {
    guard(|| {
        let object =
            process::current_or_status()?.with_handles(|t| t.remove(handle, Kind::Mutex))?;
        release_objects([object]);
        Ok(())
    })
}
